"""Make the audit trail append-only in the database itself.

The model refuses updates and deletes; these triggers refuse them for anyone
with SQL access too. Setting `user_id` to NULL stays allowed, so deleting a
staff account keeps its events (the username column still names them).
On SQLite, deletes are refused by the model only: Django's test flush empties
tables with DELETE there (PostgreSQL uses TRUNCATE, which the trigger allows).
"""

from django.db import migrations

COLUMNS = "at, username, action, object_type, object_id, ip_address, outcome, detail"
TABLE = "accounts_auditevent"

SQLITE_FORWARD = [
    f"""CREATE TRIGGER auditevent_no_update BEFORE UPDATE OF {COLUMNS} ON {TABLE}
    BEGIN SELECT RAISE(ABORT, 'audit events are append-only'); END;""",
]
SQLITE_BACKWARD = ["DROP TRIGGER IF EXISTS auditevent_no_update;"]

POSTGRES_FORWARD = [
    """CREATE OR REPLACE FUNCTION carelens_audit_append_only() RETURNS trigger AS $$
    BEGIN RAISE EXCEPTION 'audit events are append-only'; END;
    $$ LANGUAGE plpgsql;""",
    f"""CREATE TRIGGER auditevent_no_update BEFORE UPDATE OF {COLUMNS} ON {TABLE}
    FOR EACH ROW EXECUTE FUNCTION carelens_audit_append_only();""",
    f"""CREATE TRIGGER auditevent_no_delete BEFORE DELETE ON {TABLE}
    FOR EACH ROW EXECUTE FUNCTION carelens_audit_append_only();""",
]
POSTGRES_BACKWARD = [
    f"DROP TRIGGER IF EXISTS auditevent_no_delete ON {TABLE};",
    f"DROP TRIGGER IF EXISTS auditevent_no_update ON {TABLE};",
    "DROP FUNCTION IF EXISTS carelens_audit_append_only();",
]


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("accounts", "0001_initial")]

    operations = [
        migrations.RunPython(
            _run({"sqlite": SQLITE_FORWARD, "postgresql": POSTGRES_FORWARD}),
            _run({"sqlite": SQLITE_BACKWARD, "postgresql": POSTGRES_BACKWARD}),
        )
    ]
