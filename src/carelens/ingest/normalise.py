"""Typed and normalised values, in DuckDB SQL over the staged text (cld.md §5 to §7).

`norm` holds every staged column, with list fields in their R2 spelling (the
original in `<alias>_raw`), dates as DATE, money as DECIMAL, and the derived
fields: person_id, event_end_date_derived, weekly_cost, outcome_rank, flags.
"""

from __future__ import annotations

from carelens.ingest.columns import COLUMNS, DATE_COLUMNS, LIST_COLUMNS
from carelens.ingest.lists import COST_FREQUENCY_UNITS_PER_WEEK, LISTS, OUTCOME_RANK
from carelens.ingest.matching import VALUE_KEY_SQL

MACROS = [
    # A date in one of the accepted forms (cld.md §5.1), or NULL.
    r"""CREATE OR REPLACE MACRO cl_date(x) AS CASE
        WHEN regexp_full_match(x, '\d{1,2}/\d{1,2}/\d{4}( 00:00(:00)?)?')
          THEN CAST(try_strptime(split_part(x, ' ', 1), '%d/%m/%Y') AS DATE)
        WHEN regexp_full_match(x, '\d{4}-\d{2}-\d{2}( 00:00(:00)?)?')
          THEN CAST(try_strptime(split_part(x, ' ', 1), '%Y-%m-%d') AS DATE)
        END""",
    r"""CREATE OR REPLACE MACRO cl_date_ok(x) AS
        cl_date(x) IS NOT NULL AND year(cl_date(x)) BETWEEN 1900 AND 2100""",
    # Why a non-blank value is not an accepted date, in words.
    r"""CREATE OR REPLACE MACRO cl_date_problem(x) AS CASE
        WHEN x IS NULL OR cl_date_ok(x) THEN NULL
        WHEN cl_date(x) IS NOT NULL THEN 'the year must be between 1900 and 2100'
        WHEN regexp_full_match(x, '\d+(\.\d+)?')
          THEN 'a bare number, not a date: spreadsheet serial numbers are not accepted'
        WHEN regexp_full_match(x, '\d{1,2}/\d{1,2}/\d{2}')
          THEN 'a two-digit year is ambiguous: use four digits'
        WHEN regexp_full_match(x,
            '(\d{1,2}/\d{1,2}/\d{4}|\d{4}-\d{2}-\d{2})[ T]\d{1,2}:\d{2}(:\d{2})?')
          THEN 'it has a time other than midnight'
        WHEN regexp_full_match(x, '\d{1,2}/\d{1,2}/\d{4}')
          AND CAST(split_part(x, '/', 2) AS INTEGER) > 12
          AND CAST(split_part(x, '/', 1) AS INTEGER) <= 12
          THEN 'there is no such date: dates must be day first'
        WHEN regexp_full_match(x, '\d{1,2}/\d{1,2}/\d{4}|\d{4}-\d{2}-\d{2}')
          THEN 'there is no such date'
        ELSE 'not a date layout carelens accepts'
        END""",
    r"""CREATE OR REPLACE MACRO cl_money_ok(x) AS
        regexp_full_match(x, '£?(\d{1,3}(,\d{3})+|\d+)(\.\d{1,2})?')""",
    r"""CREATE OR REPLACE MACRO cl_money(x) AS CASE WHEN cl_money_ok(x)
        THEN TRY_CAST(replace(replace(x, '£', ''), ',', '') AS DECIMAL(18, 2)) END""",
    r"""CREATE OR REPLACE MACRO cl_units_ok(x) AS
        regexp_full_match(x, '(\d{1,3}(,\d{3})+|\d+)(\.\d{1,2})?')""",
    r"""CREATE OR REPLACE MACRO cl_units(x) AS CASE WHEN cl_units_ok(x)
        THEN TRY_CAST(replace(x, ',', '') AS DECIMAL(12, 2)) END""",
    # NHS number check digit (cld.md §5.3).
    r"""CREATE OR REPLACE MACRO cl_nhs_check_ok(d) AS (
        WITH s AS (SELECT 11 - list_sum([CAST(substr(d, i, 1) AS INTEGER) * (11 - i)
                                         FOR i IN range(1, 10)]) % 11 AS c)
        SELECT CASE WHEN c = 11 THEN 0 ELSE c END = CAST(substr(d, 10, 1) AS INTEGER)
               AND c != 10 FROM s)""",
    r"""CREATE OR REPLACE MACRO cl_age(dob, d) AS
        floor((d - (date_trunc('month', dob)::DATE)) / 365.25)""",
]


def _lookup_rows() -> list[tuple[str, str, str]]:
    rows = []
    for alias, defined in LISTS.items():
        for key, (value, _) in defined.lookup().items():
            rows.append((alias, key, value))
    return rows


def _key(expr: str) -> str:
    return VALUE_KEY_SQL.format(x=expr)


def _weekly_from_frequency_sql() -> str:
    """Unit cost times units per week for weekly-or-longer frequencies (cld.md §7.4)."""
    cases = []
    for freq, value in COST_FREQUENCY_UNITS_PER_WEEK.items():
        if value is None or value == "0":
            continue
        numerator, _, denominator = value.partition("/")
        expr = f"Unit_Cost * CAST('{numerator}' AS DECIMAL(18, 6))"
        if denominator:
            expr = f"({expr}) / {denominator}"
        cases.append(f"WHEN '{freq}' THEN {expr}")
    return f"CASE Cost_Frequency_Unit_Type {' '.join(cases)} END"


def _dictionaries(con) -> None:
    """Map each distinct raw value once: lists, dates and numbers have few distinct values."""
    # One scan: a grouping set per list column gives each column's distinct values.
    sets = ", ".join(f"({alias})" for alias in LIST_COLUMNS)
    which = " ".join(f"WHEN NOT grouping({alias}) = 1 THEN '{alias}'" for alias in LIST_COLUMNS)
    raw = "coalesce(" + ", ".join(LIST_COLUMNS) + ")"
    lists = (
        f"SELECT * FROM (SELECT CASE {which} END AS field, {raw} AS raw, count(*) AS n "
        f"FROM staged GROUP BY GROUPING SETS ({sets})) WHERE raw IS NOT NULL"
    )
    con.execute(
        f"""CREATE TEMP TABLE list_dict AS
        WITH d AS (SELECT field, raw, n, {_key("raw")} AS key FROM ({lists}))
        SELECT d.field, d.raw, d.n,
               CASE WHEN d.field = 'Assessment_Type'
                         AND starts_with(d.key, 'financial assessment') THEN d.raw
                    ELSE v.value END AS value,
               -- an R1 or other listed spelling, not only another case or spacing
               v.value IS NOT NULL AND d.key != {_key("v.value")} AS translated
        FROM d LEFT JOIN list_values v ON v.field = d.field AND v.key = d.key"""
    )
    dates = " UNION ".join(
        f"SELECT {alias} AS raw FROM staged WHERE {alias} IS NOT NULL" for alias in DATE_COLUMNS
    )
    con.execute(
        f"""CREATE TEMP TABLE date_dict AS
        SELECT raw, CASE WHEN cl_date_ok(raw) THEN cl_date(raw) END AS value FROM ({dates})"""
    )
    numbers = (
        "SELECT Unit_Cost AS raw FROM staged WHERE Unit_Cost IS NOT NULL UNION "
        "SELECT Planned_units_per_week FROM staged WHERE Planned_units_per_week IS NOT NULL"
    )
    con.execute(
        f"""CREATE TEMP TABLE number_dict AS
        SELECT raw, cl_money(raw) AS money, cl_units(raw) AS units FROM ({numbers})"""
    )


def normalise(con, target: str = "norm") -> None:
    """Create the table `target` (all rows, normalised); `norm` names it from then on."""
    for macro in MACROS:
        con.execute(macro)
    con.execute("CREATE TABLE list_values (field VARCHAR, key VARCHAR, value VARCHAR)")
    con.executemany("INSERT INTO list_values VALUES (?, ?, ?)", _lookup_rows())
    _dictionaries(con)

    plain = [
        c.alias
        for c in COLUMNS
        if c.alias not in LIST_COLUMNS
        and c.alias not in DATE_COLUMNS
        and c.kind not in ("money", "units")
    ]
    selects = ["s._file", "s._row", "s._line", "s._seq"] + [f"s.{a}" for a in plain]
    joins = []
    for i, alias in enumerate(LIST_COLUMNS):
        joins.append(f"LEFT JOIN list_dict l{i} ON l{i}.field = '{alias}' AND l{i}.raw = s.{alias}")
        selects += [f"l{i}.value AS {alias}", f"s.{alias} AS {alias}_raw"]
    for i, alias in enumerate(DATE_COLUMNS):
        joins.append(f"LEFT JOIN date_dict d{i} ON d{i}.raw = s.{alias}")
        selects += [f"d{i}.value AS {alias}", f"s.{alias} AS {alias}_raw"]
    joins += [
        "LEFT JOIN number_dict uc ON uc.raw = s.Unit_Cost",
        "LEFT JOIN number_dict pu ON pu.raw = s.Planned_units_per_week",
    ]
    selects += [
        "uc.money AS Unit_Cost",
        "s.Unit_Cost AS Unit_Cost_raw",
        "pu.units AS Planned_units_per_week",
        "s.Planned_units_per_week AS Planned_units_per_week_raw",
    ]
    norm0 = f"SELECT {', '.join(selects)} FROM staged s {' '.join(joins)}"
    ranks = " ".join(f"WHEN '{value}' THEN {rank}" for value, rank in OUTCOME_RANK.items())
    con.execute(
        f"""CREATE TABLE {target} AS
        WITH n AS (
          SELECT *,
            regexp_replace(NHS_Number, '[\\s-]', '', 'g') AS nhs_digits,
            Client_Type = 'Unpaid carer known by association' AS is_ckba,
            starts_with({_key("Assessment_Type_raw")}, 'financial assessment') AS is_financial
          FROM ({norm0}))
        SELECT *,
          regexp_full_match(coalesce(nhs_digits, ''), '\\d{{10}}') AS nhs_valid,
          CASE WHEN regexp_full_match(upper(replace(Postcode, ' ', '')),
                                      '[A-Z]{{1,2}}[0-9][A-Z0-9]?[0-9][A-Z]{{2}}')
               THEN regexp_replace(upper(replace(Postcode, ' ', '')), '(...)$', ' \\1')
          END AS postcode_normalised,
          CASE
            WHEN regexp_full_match(coalesce(nhs_digits, ''), '\\d{{10}}') THEN 'NHS:' || nhs_digits
            WHEN LA_Person_Unique_Identifier IS NOT NULL
              THEN LA_Code || '_' || LA_Person_Unique_Identifier
          END AS person_id,
          CASE
            WHEN Date_of_Death IS NOT NULL AND Event_Start_Date IS NOT NULL AND (
              (Event_End_Date IS NOT NULL
                AND Date_of_Death BETWEEN Event_Start_Date AND Event_End_Date)
              OR (Event_End_Date IS NULL AND Date_of_Death > Event_Start_Date))
            THEN Date_of_Death ELSE Event_End_Date
          END AS event_end_date_derived,
          coalesce(CASE Event_Outcome {ranks} END, 999) AS outcome_rank,
          coalesce(contains(lower(Event_Description), 'conversation'), false)
            AS conversation_flag,
          CASE
            WHEN starts_with(Review_Reason, 'Planned') THEN 'planned'
            WHEN starts_with(Review_Reason, 'Unplanned') THEN 'unplanned'
            WHEN Review_Reason = 'Review of short term support' THEN 'short term'
            WHEN Event_Type = 'Review' THEN 'unknown'
          END AS review_type,
          TRY_CAST(CASE
            WHEN Event_Type = 'Service' AND Unit_Cost > 0 THEN CASE
              WHEN Cost_Frequency_Unit_Type IN ('Hourly', 'Daily', 'Per session')
                AND Planned_units_per_week > 0 THEN Unit_Cost * Planned_units_per_week
              ELSE {_weekly_from_frequency_sql()}
            END
          END AS DECIMAL(18, 4)) AS weekly_cost,
          _seq AS record_seq
        FROM n"""
    )
    if target != "norm":
        con.execute(f"CREATE VIEW norm AS SELECT * FROM {target}")
