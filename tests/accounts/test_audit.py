"""Audit rows for sign-in events and changes; the trail cannot be altered; admins search it."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.db import DatabaseError, connection, transaction
from django.utils import timezone

from carelens.accounts import audit
from carelens.accounts.audit_models import AppendOnlyError
from carelens.accounts.models import AuditEvent, Team
from tests.factories import PASSWORD, UserFactory
from tests.pages import check_page

pytestmark = pytest.mark.django_db


def test_login_and_logout_are_audited_with_ip(client, practitioner_a):
    response = client.post(
        "/accounts/login/",
        {"username": "alice", "password": PASSWORD},
        REMOTE_ADDR="10.1.2.3",
    )
    assert response.status_code == 302
    client.post("/accounts/logout/", REMOTE_ADDR="10.1.2.3")
    actions = list(
        AuditEvent.objects.order_by("id").values_list("action", "username", "ip_address")
    )
    assert ("login", "alice", "10.1.2.3") in actions
    assert ("logout", "alice", "10.1.2.3") in actions


def test_failed_login_is_audited_and_page_says_what_to_do(client, practitioner_a):
    response = client.post("/accounts/login/", {"username": "alice", "password": "wrong"})
    assert response.status_code == 200
    soup = check_page(response)
    assert soup.title.get_text().startswith("Error: Sign in")
    assert "Enter a correct username and password" in soup.find(class_="govuk-error-summary").text
    event = AuditEvent.objects.get(action="login_failed")
    assert (event.username, event.outcome, event.user) == ("alice", "failure", None)


def test_audit_rows_cannot_be_changed_or_deleted_through_the_orm(practitioner_a):
    event = audit.record(None, audit.Action.EXPORT, user=practitioner_a, object_type="measure")
    event.detail = "tampered"
    with pytest.raises(AppendOnlyError):
        event.save()
    with pytest.raises(AppendOnlyError):
        event.delete()
    with pytest.raises(AppendOnlyError):
        AuditEvent.objects.filter(pk=event.pk).update(detail="tampered")
    with pytest.raises(AppendOnlyError):
        AuditEvent.objects.all().delete()


def test_database_refuses_updates_to_audit_rows_even_in_raw_sql(practitioner_a):
    event = audit.record(None, audit.Action.EXPORT, user=practitioner_a)
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("UPDATE accounts_auditevent SET detail = %s WHERE id = %s", ["x", event.pk])


def test_raw_sql_delete_is_refused_where_the_database_enforces_it(practitioner_a):
    """PostgreSQL refuses it; SQLite leaves deletes to the model (see migration 0002)."""
    event = audit.record(None, audit.Action.EXPORT, user=practitioner_a)
    with connection.cursor() as cursor:
        cursor.execute("SELECT COUNT(*) FROM accounts_auditevent WHERE id = %s", [event.pk])
        assert cursor.fetchone()[0] == 1
    if connection.vendor == "postgresql":
        with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("DELETE FROM accounts_auditevent WHERE id = %s", [event.pk])
    else:
        with connection.cursor() as cursor:
            cursor.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")
            assert [row[0] for row in cursor.fetchall()] == ["auditevent_no_update"]


def test_deleting_a_user_keeps_their_events_by_name(roles):
    leaver = UserFactory(username="leaver")
    audit.record(None, audit.Action.EXPORT, user=leaver)
    leaver.delete()
    event = AuditEvent.objects.get(action="export")
    assert (event.user, event.username) == (None, "leaver")


def test_changes_made_in_the_admin_are_audited_with_the_actor(client_for, administrator):
    client = client_for(administrator)
    response = client.post(
        "/admin/accounts/team/add/", {"name": "Reablement", "service_area": "Short-term"}
    )
    assert response.status_code == 302
    team = Team.objects.get(name="Reablement")
    event = AuditEvent.objects.get(action="create", object_type="accounts.team")
    assert (event.username, event.object_id) == ("ada", str(team.pk))


def test_role_changes_are_audited(roles, administrator):
    user = UserFactory(role="practitioner")
    assert AuditEvent.objects.filter(
        action="change", object_id=str(user.pk), detail__contains="Practitioner"
    ).exists()


def test_audit_page_is_for_administrators_only(client_for, analyst):
    response = client_for(analyst).get("/accounts/audit/")
    assert response.status_code == 403
    check_page(response)


def test_audit_page_filters_by_user_action_and_date(client_for, administrator, practitioner_a):
    audit.record(None, audit.Action.VIEW_PERSON, user=practitioner_a, object_id="P1")
    audit.record(None, audit.Action.EXPORT, user=practitioner_a, object_id="m1")
    client = client_for(administrator)
    response = client.get("/accounts/audit/", {"username": "alice", "action": "view_person"})
    soup = check_page(response)
    rows = soup.select("tbody tr")
    assert len(rows) == 1 and "P1" in rows[0].text
    tomorrow = (timezone.localdate() + timedelta(days=1)).isoformat()
    response = client.get("/accounts/audit/", {"date_from": tomorrow})
    assert check_page(response).select("tbody tr") == []


def test_audit_page_explains_bad_filters(client_for, administrator):
    response = client_for(administrator).get(
        "/accounts/audit/", {"date_from": "2026-02-01", "date_to": "2026-01-01"}
    )
    soup = check_page(response)
    assert "To date must be the same as or after" in soup.find(class_="govuk-error-summary").text


def test_audit_page_paginates(client_for, administrator):
    for n in range(60):
        audit.record(None, audit.Action.EXPORT, user=administrator, object_id=str(n))
    client = client_for(administrator)
    first = check_page(client.get("/accounts/audit/", {"action": "export"}))
    second = check_page(client.get("/accounts/audit/", {"action": "export", "page": 2}))
    assert len(first.select("tbody tr")) == 50
    assert len(second.select("tbody tr")) == 10


def test_changes_from_the_command_line_say_so(roles):
    from django.core.management import call_command

    call_command("createuser", "cli-made", role="analyst", stdout=None)
    event = AuditEvent.objects.filter(action="create", object_type="accounts.user").get()
    assert event.username.startswith("command line (")
    assert event.ip_address is None


@pytest.mark.parametrize(
    ("object_type", "object_id", "label"),
    [
        ("accounts.user", "3", "User 3"),
        ("auth.group", "5", "Role 5"),
        ("person", "P1", "Person P1"),
        ("", "", ""),
        ("measure", "ascof_2a", "measure ascof_2a"),
    ],
)
def test_audit_objects_read_in_words(object_type, object_id, label):
    assert AuditEvent(object_type=object_type, object_id=object_id).object_label == label
