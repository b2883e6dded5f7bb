"""The row rules of cld.md §10, each a small named unit run as one SQL query.

A rule selects the failing rows of `norm` (aliased `n`) and says, in SQL,
which value failed and why. Every rule runs over all rows at once; a row
collects every rule it fails. `RULES_VERSION` changes whenever a rule does.
"""

from __future__ import annotations

from dataclasses import dataclass

from carelens.ingest.columns import BY_ALIAS, LIST_COLUMNS
from carelens.ingest.lists import LISTS, R1_ONLY_OUTCOME

RULES_VERSION = "cld-rules-2026.11.2"
REJECT, WARN = "reject", "warn"


@dataclass(frozen=True)
class Rule:
    code: str
    severity: str
    field: str  # the column alias the rule is about
    when: str  # SQL: the row fails
    problem: str  # SQL: the problem in words
    value: str = ""  # SQL: the offending value (default: the field's raw text)

    @property
    def field_name(self) -> str:
        return BY_ALIAS[self.field].name

    def value_sql(self) -> str:
        if self.value:
            return self.value
        alias = self.field
        raw = f"{alias}_raw" if _has_raw(alias) else alias
        return f"CAST(n.{raw} AS VARCHAR)"

    def sql(self) -> str:
        name = self.field_name.replace("'", "''")
        return (
            f"SELECT n._seq, '{self.code}' AS code, '{self.severity}' AS severity, "
            f"'{name}' AS field, {self.value_sql()} AS value, {self.problem} AS problem, "
            f"{ROW_PLACE.format(t='n')} FROM norm n WHERE {self.when}"
        )


# Where the row is, carried into `issues` with each failure so that nothing has to
# join back to the 10-million-row table to say which row failed.
ROW_PLACE = "{t}._file, {t}._row, {t}._line"


def _has_raw(alias: str) -> bool:
    return BY_ALIAS[alias].kind in ("list", "date", "money", "units")


def _raw(alias: str) -> str:
    return f"n.{alias}_raw" if _has_raw(alias) else f"n.{alias}"


def _text(words: str) -> str:
    return "'" + words.replace("'", "''") + "'"


EVENT = "n.Event_Type"
NON_CKBA = "NOT coalesce(n.is_ckba, false)"
SERVICE_USER = "n.Client_Type = 'Service user'"
COMPLETED = f"{EVENT} IN ('Request', 'Assessment', 'Review')"


def _required(alias: str, applies: str, context: str) -> Rule:
    return Rule(
        "CLD010",
        REJECT,
        alias,
        f"({applies}) AND {_raw(alias)} IS NULL",
        _text(f"required for {context} but blank"),
    )


def _expected(alias: str, applies: str, context: str) -> Rule:
    # An optional column missing from the file is noted once (CLD006), not per row.
    present = (
        ""
        if BY_ALIAS[alias].required
        else f" AND n._file IN (SELECT _file FROM present_columns WHERE alias = '{alias}')"
    )
    return Rule(
        "CLD011",
        WARN,
        alias,
        f"({applies}) AND {_raw(alias)} IS NULL{present}",
        _text(f"expected by the CLD specification for {context} but blank"),
    )


def _not_applicable(alias: str, applies: str, kind: str) -> Rule:
    return Rule(
        "CLD083",
        WARN,
        alias,
        f"{EVENT} IS NOT NULL AND NOT ({applies}) AND {_raw(alias)} IS NOT NULL",
        f"'{BY_ALIAS[alias].name} does not apply to ' || {EVENT} || ' rows; ignored'"
        if kind == "event"
        else _text(f"{BY_ALIAS[alias].name} does not apply to this row; ignored"),
    )


COST_REQUIRED = (
    f"{EVENT} = 'Service' AND coalesce(n.Delivery_Mechanism, '') != 'CASSR commissioned support'"
    " AND (starts_with(n.Service_Type, 'Long term support:')"
    " OR starts_with(n.Service_Type, 'Unpaid carer support:')"
    " OR n.Service_Component IN ('Short term residential care', 'Short term nursing care',"
    " 'Unpaid carer respite'))"
)
EVENT_FIELDS = (
    "Event_Type",
    "Event_Start_Date",
    "Event_End_Date",
    "Event_Description",
    "Event_Outcome",
    "Eligible_Needs_Identified",
    "Method_of_Assessment",
    "Provider_CQC_Location_ID",
    "Provider_CQC_Location_Name",
    "Review_Outcomes_Achieved",
    "Method_of_Review",
    "Request_Route_of_Access",
    "Assessment_Type",
    "Service_Type",
    "Service_Component",
    "Delivery_Mechanism",
    "Review_Reason",
    "Unit_Cost",
    "Cost_Frequency_Unit_Type",
    "Planned_units_per_week",
)
APPLIES_TO = {
    "Request_Route_of_Access": f"{EVENT} = 'Request'",
    "Assessment_Type": f"{EVENT} = 'Assessment'",
    "Eligible_Needs_Identified": f"{EVENT} = 'Assessment'",
    "Method_of_Assessment": f"{EVENT} = 'Assessment'",
    "Service_Type": f"{EVENT} = 'Service'",
    "Service_Component": f"{EVENT} = 'Service'",
    "Delivery_Mechanism": f"{EVENT} = 'Service'",
    "Provider_CQC_Location_ID": f"{EVENT} = 'Service'",
    "Provider_CQC_Location_Name": f"{EVENT} = 'Service'",
    "Review_Reason": f"{EVENT} = 'Review'",
    "Review_Outcomes_Achieved": f"{EVENT} = 'Review'",
    "Method_of_Review": f"{EVENT} = 'Review'",
}
CARER_FIELDS = (
    "Total_Hrs_Caring_Per_Week",
    "No_of_adults_being_cared_for",
    "Adult_1_Linked_Person_ID",
    "Adult_2_Linked_Person_ID",
    "Adult_3_Linked_Person_ID",
)
KEY_LISTS = {alias for alias, defined in LISTS.items() if defined.key_field}


def _list_rules() -> list[Rule]:
    rules = []
    for alias in LIST_COLUMNS:
        invalid = f"n.{alias}_raw IS NOT NULL AND n.{alias} IS NULL"
        name = BY_ALIAS[alias].name
        key_rows = "true"
        if alias in ("Service_Type", "Service_Component"):
            key_rows = f"{EVENT} = 'Service'"
        if alias in KEY_LISTS:
            rules.append(
                Rule(
                    "CLD020",
                    REJECT,
                    alias,
                    f"{invalid} AND ({key_rows})",
                    f"'''' || n.{alias}_raw || ''' is not a valid {name} (R1 or R2)'",
                )
            )
        if alias not in KEY_LISTS or key_rows != "true":
            rules.append(
                Rule(
                    "CLD021",
                    WARN,
                    alias,
                    f"{invalid} AND NOT ({key_rows})" if key_rows != "true" else invalid,
                    f"'''' || n.{alias}_raw || ''' is not a valid {name}; stored as blank'",
                )
            )
    return rules


def _date_rules() -> list[Rule]:
    aliases = [a for a, c in BY_ALIAS.items() if c.kind == "date"]
    return [
        Rule(
            "CLD030",
            REJECT,
            alias,
            f"n.{alias}_raw IS NOT NULL AND n.{alias} IS NULL",
            f"'''' || n.{alias}_raw || ''' is not a date in dd/mm/yyyy or yyyy-mm-dd form (' "
            f"|| cl_date_problem(n.{alias}_raw) || ')'",
        )
        for alias in aliases
    ]


def _d(alias: str) -> str:
    return f"strftime(n.{alias}, '%d/%m/%Y')"


def build_rules() -> list[Rule]:
    rules: list[Rule] = []
    every = "true"
    for alias in ("LA_Code", "Reporting_Period_Start_Date", "Reporting_Period_End_Date"):
        rules.append(_required(alias, every, "every row"))
    rules.append(_required("Client_Type", every, "every row"))
    rules.append(_required("Event_Type", NON_CKBA, "every row except carers known by association"))
    rules.append(_required("Event_Start_Date", f"{NON_CKBA} AND {EVENT} IS NOT NULL", "event rows"))
    rules.append(
        Rule(
            "CLD010",
            REJECT,
            "Event_End_Date",
            f"{COMPLETED} AND n.Event_End_Date_raw IS NULL",
            f"'required for ' || {EVENT} || ' rows but blank (only services may be open)'",
        )
    )
    for alias in ("Service_Type", "Service_Component"):
        rules.append(_required(alias, f"{EVENT} = 'Service'", "Service rows"))
    rules += [
        Rule(
            "CLD012",
            REJECT,
            "LA_Person_Unique_Identifier",
            "n.person_id IS NULL",
            "CASE WHEN n.NHS_Number IS NULL THEN 'no person identifier: NHS Number and LA "
            "Person Unique Identifier are both blank' ELSE 'no person identifier: the NHS "
            "Number is not 10 digits and LA Person Unique Identifier is blank' END",
        ),
        _expected("NHS_Number", "n.LA_Person_Unique_Identifier IS NOT NULL", "every row"),
        _expected("LA_Person_Unique_Identifier", "n.NHS_Number IS NOT NULL", "every row"),
        Rule(
            "CLD013",
            REJECT,
            "LA_Code",
            r"n.LA_Code IS NOT NULL AND NOT regexp_full_match(n.LA_Code, '\d{3}')",
            _text("LA Code must be a 3-digit council code"),
        ),
    ]
    for alias in ("Gender", "Ethnicity", "Date_of_Birth", "Postcode"):
        rules.append(_expected(alias, every, "every row"))
    rules.append(
        _expected(
            "Primary_Support_Reason",
            f"{SERVICE_USER} AND {EVENT} IS NOT NULL AND {EVENT} != 'Request'",
            "service users' assessment, service and review rows",
        )
    )
    for alias in ("Accommodation_Status", "Has_Unpaid_Carer"):
        rules.append(_expected(alias, SERVICE_USER, "service users"))
    rules.append(
        _expected(
            "Client_Funding_Status",
            f"{SERVICE_USER} AND ({EVENT} IN ('Service', 'Review') OR n.is_financial)",
            "service users' services, reviews and financial assessments",
        )
    )
    rules.append(
        _expected(
            "Employment_Status",
            f"{SERVICE_USER} AND n.Primary_Support_Reason = 'Learning disability support' "
            "AND cl_age(n.Date_of_Birth, n.Event_Start_Date) BETWEEN 18 AND 64",
            "service users aged 18 to 64 with learning disability support",
        )
    )
    rules.append(
        _expected(
            "Event_Outcome",
            f"{NON_CKBA} AND {EVENT} IS NOT NULL AND NOT coalesce(n.is_financial, false)",
            "event rows",
        )
    )
    rules.append(_expected("Request_Route_of_Access", f"{EVENT} = 'Request'", "Request rows"))
    rules.append(_expected("Assessment_Type", f"{EVENT} = 'Assessment'", "Assessment rows"))
    rules.append(
        _expected(
            "Method_of_Assessment",
            f"{EVENT} = 'Assessment' AND NOT coalesce(n.is_financial, false)",
            "non-financial Assessment rows",
        )
    )
    for alias in ("Review_Reason", "Method_of_Review"):
        rules.append(_expected(alias, f"{EVENT} = 'Review'", "Review rows"))
    rules.append(
        _expected(
            "Review_Outcomes_Achieved",
            f"{EVENT} = 'Review' AND n.Review_Reason = 'Planned'",
            "planned Review rows",
        )
    )
    for alias in ("Unit_Cost", "Cost_Frequency_Unit_Type"):
        rules.append(_expected(alias, COST_REQUIRED, "this kind of service"))
    rules += _list_rules()
    rules.append(
        Rule(
            "CLD022",
            WARN,
            "Event_Outcome",
            f"n.Event_Outcome = '{R1_ONLY_OUTCOME}'",
            _text(f"R1 value with no R2 equivalent; kept as '{R1_ONLY_OUTCOME}'"),
        )
    )
    rules += _date_rules()
    rules += _date_order_rules()
    rules += _cost_rules()
    rules += _person_rules()
    rules += _ckba_rules()
    for alias, applies in APPLIES_TO.items():
        rules.append(_not_applicable(alias, applies, "event"))
    for alias in CARER_FIELDS:
        rules.append(
            Rule(
                "CLD083",
                WARN,
                alias,
                f"n.Client_Type = 'Service user' AND {_raw(alias)} IS NOT NULL",
                _text(f"{BY_ALIAS[alias].name} applies to carers only; ignored"),
            )
        )
    return rules


def _date_order_rules() -> list[Rule]:
    return [
        Rule(
            "CLD031",
            REJECT,
            "Event_End_Date",
            "n.Event_End_Date < n.Event_Start_Date",
            f"'Event End Date ' || {_d('Event_End_Date')} || ' is before Event Start Date ' "
            f"|| {_d('Event_Start_Date')}",
        ),
        Rule(
            "CLD032",
            REJECT,
            "Reporting_Period_End_Date",
            "n.Reporting_Period_End_Date < n.Reporting_Period_Start_Date",
            _text("Reporting Period End Date is before Reporting Period Start Date"),
        ),
        Rule(
            "CLD033",
            REJECT,
            "Event_Start_Date",
            "n.Event_Start_Date > n.Reporting_Period_End_Date",
            f"'event starts after the reporting period end (' || "
            f"{_d('Reporting_Period_End_Date')} || ')'",
        ),
        Rule(
            "CLD034",
            REJECT,
            "Event_End_Date",
            f"{COMPLETED} AND n.Event_End_Date > n.Reporting_Period_End_Date",
            f"'completed event ends after the reporting period end (' || "
            f"{_d('Reporting_Period_End_Date')} || ')'",
        ),
        Rule(
            "CLD035",
            WARN,
            "Event_End_Date",
            "n.event_end_date_derived < n.Reporting_Period_Start_Date",
            _text("event ended before the reporting period; kept as history"),
        ),
        Rule(
            "CLD036",
            REJECT,
            "Date_of_Death",
            "n.Date_of_Death < n.Event_Start_Date",
            f"'Date of Death ' || {_d('Date_of_Death')} || ' is before Event Start Date ' "
            f"|| {_d('Event_Start_Date')}",
        ),
        Rule(
            "CLD037",
            REJECT,
            "Date_of_Birth",
            "n.Date_of_Birth > n.Event_Start_Date OR n.Date_of_Birth > n.Date_of_Death",
            f"'Date of Birth ' || {_d('Date_of_Birth')} || ' is after ' || CASE "
            f"WHEN n.Date_of_Birth > n.Event_Start_Date THEN 'Event Start Date ' || "
            f"{_d('Event_Start_Date')} ELSE 'Date of Death ' || {_d('Date_of_Death')} END",
        ),
        Rule(
            "CLD038",
            WARN,
            "Date_of_Death",
            "n.Date_of_Death > n.Reporting_Period_End_Date",
            _text("Date of Death is after the reporting period end"),
        ),
        Rule(
            "CLD039",
            WARN,
            "Event_End_Date",
            f"{EVENT} = 'Service' AND n.Date_of_Death IS NOT NULL "
            "AND n.Date_of_Death >= n.Event_Start_Date "
            "AND (n.Event_End_Date IS NULL OR n.Event_End_Date > n.Date_of_Death)",
            f"'service continues after Date of Death; treated as ending on ' || "
            f"{_d('Date_of_Death')}",
        ),
    ]


def _cost_rules() -> list[Rule]:
    hourly = "n.Cost_Frequency_Unit_Type IN ('Hourly', 'Daily', 'Per session')"
    return [
        Rule(
            "CLD040",
            WARN,
            "Unit_Cost",
            "n.Unit_Cost_raw IS NOT NULL AND n.Unit_Cost IS NULL",
            "'''' || n.Unit_Cost_raw || ''' is not a valid non-negative amount (2 decimals); "
            "cost not used'",
        ),
        Rule(
            "CLD041",
            WARN,
            "Planned_units_per_week",
            "n.Planned_units_per_week_raw IS NOT NULL AND n.Planned_units_per_week IS NULL",
            "'''' || n.Planned_units_per_week_raw || ''' is not a valid number of units; "
            "cost not used'",
        ),
        Rule(
            "CLD042",
            WARN,
            "Cost_Frequency_Unit_Type",
            f"{EVENT} = 'Service' AND n.Unit_Cost IS NOT NULL "
            "AND n.Cost_Frequency_Unit_Type_raw IS NULL",
            _text("Unit Cost given without Cost Frequency (Unit Type); cost not used"),
        ),
        Rule(
            "CLD043",
            WARN,
            "Unit_Cost",
            f"{EVENT} = 'Service' AND n.Cost_Frequency_Unit_Type_raw IS NOT NULL "
            "AND n.Unit_Cost_raw IS NULL",
            _text("Cost Frequency given without Unit Cost"),
        ),
        Rule(
            "CLD044",
            WARN,
            "Planned_units_per_week",
            f"{EVENT} = 'Service' AND {hourly} AND (n.Planned_units_per_week_raw IS NULL "
            "OR n.Planned_units_per_week = 0)",
            "'Planned units per week needed for ' || n.Cost_Frequency_Unit_Type "
            "|| ' costs; cost not used'",
        ),
        Rule(
            "CLD045",
            WARN,
            "Unit_Cost",
            f"{EVENT} IS NOT NULL AND {EVENT} != 'Service' AND (n.Unit_Cost_raw IS NOT NULL "
            "OR n.Cost_Frequency_Unit_Type_raw IS NOT NULL "
            "OR n.Planned_units_per_week_raw IS NOT NULL)",
            _text("cost fields apply to Service rows only; ignored"),
            "coalesce(n.Unit_Cost_raw, n.Cost_Frequency_Unit_Type_raw, "
            "n.Planned_units_per_week_raw)",
        ),
    ]


def _person_rules() -> list[Rule]:
    # CLD052/053 are about the data, so they use the full date of birth (cld.md §7.3).
    full_age = "floor((n.Event_Start_Date - n.Date_of_Birth) / 365.25)"
    return [
        Rule(
            "CLD050",
            WARN,
            "NHS_Number",
            "n.NHS_Number IS NOT NULL AND NOT n.nhs_valid",
            _text("NHS Number must have 10 digits; not used to identify the person"),
        ),
        Rule(
            "CLD051",
            WARN,
            "NHS_Number",
            "n.nhs_valid AND NOT cl_nhs_check_ok(n.nhs_digits)",
            _text("NHS Number fails its check digit"),
        ),
        Rule(
            "CLD052",
            WARN,
            "Date_of_Birth",
            f"{full_age} < 18",
            f"'person is ' || CAST({full_age} AS INTEGER) || ' at event start; CLD covers adults'",
        ),
        Rule(
            "CLD053",
            WARN,
            "Date_of_Birth",
            f"{full_age} > 110",
            f"'person is ' || CAST({full_age} AS INTEGER) || ' at event start; check for a "
            "placeholder date of birth'",
        ),
        Rule(
            "CLD054",
            WARN,
            "Postcode",
            "n.Postcode IS NOT NULL AND n.postcode_normalised IS NULL",
            "'''' || n.Postcode || ''' is not a UK postcode'",
        ),
        Rule(
            "CLD055",
            WARN,
            "No_of_adults_being_cared_for",
            r"n.No_of_adults_being_cared_for IS NOT NULL "
            r"AND NOT regexp_full_match(n.No_of_adults_being_cared_for, '\d+')",
            "'''' || n.No_of_adults_being_cared_for || ''' is not a whole number'",
        ),
    ]


def _ckba_rules() -> list[Rule]:
    filled = " OR ".join(f"{_raw(alias)} IS NOT NULL" for alias in EVENT_FIELDS)
    return [
        Rule(
            "CLD080",
            REJECT,
            "Event_Type",
            f"n.is_ckba AND ({filled})",
            _text(
                "carer-known-by-association rows carry no event; use Client Type "
                "'Unpaid carer' for a carer's own event"
            ),
        ),
        Rule(
            "CLD081",
            WARN,
            "Adult_1_Linked_Person_ID",
            "n.is_ckba AND n.Adult_1_Linked_Person_ID IS NULL",
            _text("carer-known-by-association row links to no adult"),
        ),
    ]


RULES: tuple[Rule, ...] = tuple(build_rules())


@dataclass(frozen=True)
class CrossRule:
    """A rule that compares rows with each other (cld.md §10, CLD060 to CLD082)."""

    code: str
    severity: str
    field: str
    query: str  # SELECT _seq, value, problem ... (over norm)

    @property
    def field_name(self) -> str:
        return BY_ALIAS[self.field].name

    def sql(self) -> str:
        name = self.field_name.replace("'", "''")
        return (
            f"SELECT q._seq, '{self.code}' AS code, '{self.severity}' AS severity, "
            f"'{name}' AS field, q.value, q.problem, {ROW_PLACE.format(t='q')} "
            f"FROM ({self.query}) q"
        )


def _shown(alias: str) -> str:
    """SQL giving a stored value as text, dates as dd/mm/yyyy."""
    if BY_ALIAS[alias].kind == "date":
        return f"strftime({alias}, '%d/%m/%Y')"
    return alias


PERSON_FIELDS = ("Date_of_Birth", "Date_of_Death", "Gender", "Ethnicity")
# Fields judged on each person's latest rows (CLD061).
LATEST_FIELDS = (
    "Primary_Support_Reason",
    "Accommodation_Status",
    "Employment_Status",
    "Has_Unpaid_Carer",
    "Client_Funding_Status",
)


def _varies(alias: str) -> str:
    # Comparing hashes is cheaper than comparing text; NULLs are left out as min/max do.
    if BY_ALIAS[alias].kind == "date":
        return f"min({alias}) != max({alias})"
    present = f"FILTER (WHERE {alias} IS NOT NULL)"
    return f"min(hash({alias})) {present} != max(hash({alias})) {present}"


def _few_then_exact(
    key: list[str], having: str, select: str, where: str, first: str = "count(*) > 1"
) -> str:
    """SQL grouping `norm` by `key` for the few groups that pass `having`.

    Grouping millions of rows by text, holding many aggregates per group, is
    the costly part. So a first pass groups by the key's hash (one integer)
    and keeps the hashes whose groups pass `first`: by default groups of more
    than one row, since these checks compare a group's rows with each other and
    many groups are of one row (a person seen once). Only the rows of those
    groups are then grouped by the key itself and asked `having`.
    """
    keys = ", ".join(key)
    return _exact(
        key,
        having,
        select,
        where,
        f"SELECT hash({keys}) FROM norm WHERE {where} GROUP BY 1 HAVING {first}",
    )


def _exact(key: list[str], having: str, select: str, where: str, hashes: str) -> str:
    """The exact grouping by `key` of the rows whose key hash is among `hashes`."""
    keys = ", ".join(key)
    return f"""SELECT {keys}, {select} FROM norm
        WHERE {where} AND hash({keys}) IN ({hashes})
        GROUP BY {keys} HAVING {having}"""


SUBMISSION = ["person_id", "Reporting_Period_End_Date"]
# An LA person ID seen with two NHS Numbers, or with and without one (CLD063).
MIXED_NHS = (
    "min(hash(nhs_digits)) FILTER (WHERE nhs_valid) "
    "!= max(hash(nhs_digits)) FILTER (WHERE nhs_valid) "
    "OR (bool_or(nhs_valid) AND bool_or(NOT coalesce(nhs_valid, false)))"
)
_CONFLICTS = " OR ".join(_varies(a) for a in (*PERSON_FIELDS, *LATEST_FIELDS))
# Run before the cross-row rules: one cheap pass finds the few people whose
# details vary within a submission; only their rows are then compared (a value
# that never varies cannot conflict).
# Both the person checks and the duplicate check (whose key starts with the
# person and the submission) look only at people with more than one row in a
# submission: these are found once, by the hash of person and submission.
SEEN_TWICE = "hash({t}person_id, {t}Reporting_Period_End_Date) IN (SELECT h FROM people_seen_twice)"
PREPARE = [
    "CREATE TEMP TABLE people_seen_twice AS "
    "SELECT hash(person_id, Reporting_Period_End_Date) AS h FROM norm "
    "WHERE person_id IS NOT NULL GROUP BY 1 HAVING count(*) > 1",
    "CREATE TEMP TABLE person_conflicts AS "
    + _exact(
        SUBMISSION,
        _CONFLICTS,
        ", ".join(f"{_varies(a)} AS {a}_conflict" for a in (*PERSON_FIELDS, *LATEST_FIELDS)),
        "person_id IS NOT NULL",
        "SELECT h FROM people_seen_twice",
    ),
]


def _conflicting_in_submission(alias: str) -> CrossRule:
    name = BY_ALIAS[alias].name
    shown = _shown(alias)
    return CrossRule(
        "CLD060",
        WARN,
        alias,
        f"""WITH conflicted AS (
              SELECT person_id, Reporting_Period_End_Date FROM person_conflicts
              WHERE {alias}_conflict),
            rows AS (
              SELECT n.* FROM norm n SEMI JOIN conflicted
              USING (person_id, Reporting_Period_End_Date) WHERE n.{alias} IS NOT NULL),
            vals AS (
              SELECT person_id, Reporting_Period_End_Date,
                     string_agg(DISTINCT {shown}, ', ' ORDER BY {shown}) AS listed
              FROM rows GROUP BY ALL)
            SELECT r._seq, r._file, r._row, r._line,
                   {_raw(alias).replace("n.", "r.")} AS value,
                   'person has conflicting {name} values in this submission: ' || v.listed
                   AS problem
            FROM rows r JOIN vals v USING (person_id, Reporting_Period_End_Date)""",
    )


def _conflicting_latest(alias: str) -> CrossRule:
    name = BY_ALIAS[alias].name
    return CrossRule(
        "CLD061",
        WARN,
        alias,
        f"""WITH varying AS (
              SELECT n.* FROM norm n SEMI JOIN (
                SELECT person_id, Reporting_Period_End_Date FROM person_conflicts
                WHERE {alias}_conflict) c USING (person_id, Reporting_Period_End_Date)),
            ranked AS (
              SELECT _seq, _file, _row, _line, person_id, Reporting_Period_End_Date, {alias},
                     {alias}_raw AS value,
                     rank() OVER (PARTITION BY person_id, Reporting_Period_End_Date
                                  ORDER BY event_end_date_derived DESC NULLS FIRST,
                                           Event_Start_Date DESC) AS r
              FROM varying),
            latest AS (SELECT * FROM ranked WHERE r = 1),
            conflicted AS (
              SELECT person_id, Reporting_Period_End_Date FROM latest
              WHERE {alias} IS NOT NULL AND {alias} != 'Unknown'
              GROUP BY ALL HAVING count(DISTINCT {alias}) > 1)
            SELECT l._seq, l._file, l._row, l._line, l.value,
                   'conflicting {name} on rows with the same dates; measures will treat it '
                   || 'as Unknown' AS problem
            FROM latest l SEMI JOIN conflicted c
              USING (person_id, Reporting_Period_End_Date)
            WHERE l.{alias} IS NOT NULL""",
    )


def _cross_rules() -> list[CrossRule]:
    rules = [_conflicting_in_submission(alias) for alias in PERSON_FIELDS]
    rules += [_conflicting_latest(alias) for alias in LATEST_FIELDS]
    rules += [
        CrossRule(
            "CLD062",
            WARN,
            "NHS_Number",
            """SELECT n._seq, n._file, n._row, n._line, n.NHS_Number AS value,
                      'NHS Number shared by ' || v.ids || ' LA person IDs; they will be '
                      || 'treated as one person' AS problem
               FROM norm n JOIN (
                 SELECT nhs_digits, count(DISTINCT LA_Person_Unique_Identifier) AS ids
                 FROM norm WHERE nhs_valid GROUP BY nhs_digits
                 HAVING count(DISTINCT LA_Person_Unique_Identifier) > 1) v USING (nhs_digits)
               WHERE n.nhs_valid""",
        ),
        CrossRule(
            "CLD063",
            WARN,
            "LA_Person_Unique_Identifier",
            f"""SELECT n._seq, n._file, n._row, n._line, n.LA_Person_Unique_Identifier AS value,
                      'LA person ID appears with ' || CASE WHEN v.numbers > 1
                        THEN v.numbers || ' different NHS Numbers'
                        ELSE 'and without an NHS Number' END
                      || '; DHSC identity rules count these as separate people' AS problem
               FROM norm n JOIN ({
                _few_then_exact(
                    ["LA_Code", "LA_Person_Unique_Identifier"],
                    MIXED_NHS,
                    "count(DISTINCT nhs_digits) FILTER (WHERE nhs_valid) AS numbers",
                    "LA_Person_Unique_Identifier IS NOT NULL",
                    first=MIXED_NHS,
                )
            }) v USING (LA_Code, LA_Person_Unique_Identifier)""",
        ),
        CrossRule(
            "CLD064",
            WARN,
            "LA_Code",
            """WITH codes AS (SELECT LA_Code, count(*) AS n FROM norm
                              WHERE LA_Code IS NOT NULL GROUP BY LA_Code),
                    listed AS (SELECT string_agg(LA_Code, ', ' ORDER BY LA_Code) AS all_codes,
                                      arg_max(LA_Code, n) AS main FROM codes)
               SELECT n._seq, n._file, n._row, n._line, n.LA_Code AS value,
                      'more than one council in one snapshot: ' || l.all_codes AS problem
               FROM norm n, listed l
               WHERE (SELECT count(*) FROM codes) > 1 AND n.LA_Code != l.main""",
        ),
        CrossRule(
            "CLD065",
            WARN,
            "Reporting_Period_End_Date",
            """WITH periods AS (
                 SELECT _file, Reporting_Period_Start_Date AS s, Reporting_Period_End_Date AS e,
                        count(*) AS n FROM norm GROUP BY ALL),
               main AS (SELECT _file, arg_max(struct_pack(s, e), n) AS p FROM periods
                        GROUP BY _file)
               SELECT n._seq, n._file, n._row, n._line, n.Reporting_Period_End_Date_raw AS value,
                      'reporting period differs from the rest of the file ('
                      || strftime(m.p.s, '%d/%m/%Y') || ' to '
                      || strftime(m.p.e, '%d/%m/%Y') || ')' AS problem
               FROM norm n JOIN main m USING (_file)
               WHERE n.Reporting_Period_Start_Date IS DISTINCT FROM m.p.s
                  OR n.Reporting_Period_End_Date IS DISTINCT FROM m.p.e""",
        ),
    ]
    for number in (1, 2, 3):
        alias = f"Adult_{number}_Linked_Person_ID"
        rules.append(
            CrossRule(
                "CLD082",
                WARN,
                alias,
                # The linked IDs are few: only they are looked up among service
                # users' IDs, rather than every ID in the import being gathered.
                f"""WITH linked AS (
                     SELECT _seq, _file, _row, _line, {alias} AS value FROM norm
                     WHERE {alias} IS NOT NULL),
                   known AS (
                     SELECT DISTINCT n.LA_Person_Unique_Identifier AS value FROM norm n
                     SEMI JOIN linked l ON l.value = n.LA_Person_Unique_Identifier
                     WHERE n.Client_Type = 'Service user')
                   SELECT l.*, 'linked person ''' || l.value || ''' is not a service user in '
                          || 'this import' AS problem
                   FROM linked l ANTI JOIN known k USING (value)""",
            )
        )
    return rules


CROSS_RULES: tuple[CrossRule, ...] = tuple(_cross_rules())
