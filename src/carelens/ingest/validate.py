"""Run the rules over `norm` and decide each row's outcome.

Creates `issues` (one row per failed rule per row, with the row's file, data
row and line) and `rejected` (the _seq of every rejected row). A row is
rejected when any reject rule fails; duplicate events (CLD070) are judged among
the rows that passed every other reject rule.
"""

from __future__ import annotations

from carelens.ingest.rules import CROSS_RULES, PREPARE, REJECT, RULES, SEEN_TWICE, WARN

RAGGED_CODE = "CLD007"  # carelens' own code: a row with the wrong number of fields

# cld.md §9.1: the single-submission key, by event type.
DUPLICATE_KEY = """
  n.Reporting_Period_End_Date, n.LA_Code, n.person_id, n.Client_Type, n.Event_Type,
  n.Event_Start_Date,
  CASE WHEN n.Event_Type IN ('Request', 'Assessment', 'Review')
       THEN n.event_end_date_derived END,
  CASE n.Event_Type WHEN 'Request' THEN n.Request_Route_of_Access
                    WHEN 'Assessment' THEN n.Assessment_Type END,
  CASE WHEN n.Event_Type = 'Service' THEN n.Service_Type END,
  CASE WHEN n.Event_Type = 'Service' THEN n.Service_Component END,
  CASE WHEN n.Event_Type = 'Service' THEN n.Delivery_Mechanism END,
  CASE WHEN n.Event_Type = 'Service'
       THEN coalesce(CAST(n.Unit_Cost AS VARCHAR), n.Unit_Cost_raw) END,
  CASE WHEN n.Event_Type = 'Service' THEN n.Cost_Frequency_Unit_Type END,
  CASE WHEN n.Event_Type = 'Service'
       THEN coalesce(CAST(n.Planned_units_per_week AS VARCHAR), n.Planned_units_per_week_raw) END,
  CASE WHEN n.is_ckba THEN n.Adult_1_Linked_Person_ID END,
  CASE WHEN n.is_ckba THEN n.Adult_2_Linked_Person_ID END,
  CASE WHEN n.is_ckba THEN n.Adult_3_Linked_Person_ID END
"""

# The tie-break of cld.md §9.2 without its first step. For rows alike on every
# step, the first in the file is kept and later copies are reported against it.
KEEP_ORDER = """
  (n.event_end_date_derived IS NULL) DESC, n.event_end_date_derived DESC,
  n.outcome_rank ASC, n.conversation_flag DESC, n._seq ASC
"""


def validate(con, progress=None, target: str = "issues") -> None:
    """Fill the table `target` with every failure; `issues` names it from then on."""
    con.execute(
        f"""CREATE TABLE {target} AS
        SELECT NULL::BIGINT AS _seq, NULL::VARCHAR AS code, NULL::VARCHAR AS severity,
               NULL::VARCHAR AS field, NULL::VARCHAR AS value, NULL::VARCHAR AS problem,
               _file, _row, _line
        FROM norm LIMIT 0"""
    )
    if target != "issues":
        con.execute(f"CREATE VIEW issues AS SELECT * FROM {target}")
    for statement in PREPARE:
        con.execute(statement)
    every = (*RULES, *CROSS_RULES)
    total = len(every)
    for done, rule in enumerate(every, start=1):
        con.execute(f"INSERT INTO {target} {rule.sql()}")
        if progress:
            progress("checked", done, total)
    con.execute(
        "CREATE TEMP TABLE rejected AS "
        f"SELECT DISTINCT _seq FROM issues WHERE severity = '{REJECT}'"
    )
    _duplicates(con, target)


def _duplicates(con, target: str) -> None:
    """Report CLD070 against the row kept, and add the copies to `rejected`."""
    con.execute(
        f"""CREATE TEMP TABLE duplicates AS
        WITH eligible AS (
          SELECT n._seq, hash({DUPLICATE_KEY}) AS h FROM norm n
          ANTI JOIN rejected r USING (_seq)
          WHERE n.person_id IS NOT NULL AND {SEEN_TWICE.format(t="n.")}),
        -- Rows whose key hash is shared: a superset of the duplicates, usually few,
        -- so the exact comparison below sorts only these.
        shared AS (
          SELECT _seq FROM eligible
          SEMI JOIN (SELECT h FROM eligible GROUP BY h HAVING count(*) > 1) USING (h)),
        candidates AS (
          SELECT n.*, row_number() OVER (PARTITION BY {DUPLICATE_KEY} ORDER BY {KEEP_ORDER}) AS k,
                 first_value(n._seq) OVER (PARTITION BY {DUPLICATE_KEY} ORDER BY {KEEP_ORDER})
                   AS kept_seq
          FROM norm n SEMI JOIN shared USING (_seq))
        SELECT c._seq, 'CLD070' AS code, '{REJECT}' AS severity, 'Event Type' AS field,
               c.Event_Type AS value,
               'duplicate of ' || f.path || ' row ' || k._row || ' (line ' || k._line
               || '): same person, event type, dates and key fields' AS problem,
               c._file, c._row, c._line
        FROM candidates c
        JOIN norm k ON k._seq = c.kept_seq
        JOIN files f ON f.file_index = k._file
        WHERE c.k > 1"""
    )
    con.execute(f"INSERT INTO {target} SELECT * FROM duplicates")
    con.execute("INSERT INTO rejected SELECT _seq FROM duplicates")


SEVERITIES = (REJECT, WARN)
