"""Each row rule fails the row it should and passes a valid one (cld.md §10)."""

from __future__ import annotations

import pytest

from carelens.ingest.importer import import_cld
from tests.ingest.factories import EVENTS, other_person, row, write_csv


def _import(tmp_path, rows):
    path = write_csv(tmp_path / "extract.csv", rows)
    return import_cld([path], tmp_path / "home").summary


@pytest.mark.parametrize("event", sorted(EVENTS))
def test_a_valid_row_of_each_event_type_passes_every_rule(tmp_path, event):
    summary = _import(tmp_path, [row(event)])
    assert (summary["rows_accepted"], summary["errors_by_rule"]) == (1, {})
    assert summary["warnings_by_rule"] == {}


CASES = [
    # (event, changes, code, rejected)
    ("Request", {"LA_Code": ""}, "CLD010", True),
    ("Request", {"Client_Type": ""}, "CLD010", True),
    ("Request", {"Event_Start_Date": ""}, "CLD010", True),
    ("Review", {"Event_End_Date": ""}, "CLD010", True),
    ("Service", {"Service_Type": ""}, "CLD010", True),
    ("Request", {"Gender": ""}, "CLD011", False),
    ("Request", {"Request: Route of Access".replace(" ", "_"): ""}, "CLD011", False),
    ("Request", {"NHS_Number": "", "LA_Person_Unique_Identifier": ""}, "CLD012", True),
    ("Request", {"LA_Code": "99"}, "CLD013", True),
    ("Request", {"Client_Type": "Patient"}, "CLD020", True),
    ("Service", {"Service_Component": "Meals on wheels"}, "CLD020", True),
    ("Request", {"Gender": "F"}, "CLD021", False),
    ("Request", {"Event_Outcome": "Progress to End of Life Care"}, "CLD022", False),
    ("Request", {"Event_Start_Date": "29/02/2025"}, "CLD030", True),
    ("Request", {"Event_Start_Date": "45474"}, "CLD030", True),
    ("Request", {"Event_Start_Date": "01/04/24"}, "CLD030", True),
    ("Request", {"Event_Start_Date": "2024/04/02"}, "CLD030", True),
    ("Request", {"Event_Start_Date": "02/04/2024 09:30"}, "CLD030", True),
    ("Request", {"Event_End_Date": "01/04/2024"}, "CLD031", True),
    ("Request", {"Reporting_Period_End_Date": "01/03/2024"}, "CLD032", True),
    ("Service", {"Event_Start_Date": "06/05/2025"}, "CLD033", True),
    ("Request", {"Event_End_Date": "02/04/2025"}, "CLD034", True),
    (
        "Request",
        {"Event_Start_Date": "01/01/2024", "Event_End_Date": "02/01/2024"},
        "CLD035",
        False,
    ),
    ("Service", {"Date_of_Death": "01/04/2024"}, "CLD036", True),
    ("Request", {"Date_of_Birth": "03/04/2024"}, "CLD037", True),
    ("Service", {"Date_of_Death": "01/05/2025"}, "CLD038", False),
    ("Service", {"Date_of_Death": "01/06/2024"}, "CLD039", False),
    ("Service", {"Unit_Cost": "-12.00"}, "CLD040", False),
    ("Service", {"Unit_Cost": "12.345"}, "CLD040", False),
    ("Service", {"Planned_units_per_week": "lots"}, "CLD041", False),
    ("Service", {"Cost_Frequency_(Unit_Type)": ""}, "CLD042", False),
    ("Service", {"Unit_Cost": ""}, "CLD043", False),
    ("Service", {"Planned_units_per_week": "0"}, "CLD044", False),
    ("Request", {"Unit_Cost": "10.00"}, "CLD045", False),
    ("Request", {"NHS_Number": "943476591"}, "CLD050", False),
    ("Request", {"NHS_Number": "9434765918"}, "CLD051", False),
    ("Request", {"Date_of_Birth": "01/01/2010"}, "CLD052", False),
    ("Request", {"Date_of_Birth": "01/01/1905"}, "CLD053", False),
    ("Request", {"Postcode": "NOT A POSTCODE"}, "CLD054", False),
    ("Request", {"No._of_adults_being_cared_for": "two"}, "CLD055", False),
    ("Request", {"Service_Type": "Long term support: Community"}, "CLD083", False),
]


@pytest.mark.parametrize(
    ("event", "changes", "code", "rejected"),
    CASES,
    ids=[f"{code}-{'-'.join(changes)}" for _, changes, code, _ in CASES],
)
def test_rule_catches_its_fault(tmp_path, event, changes, code, rejected):
    changed = row(event, **changes)
    if "NHS_Number" not in changes and "LA_Person_Unique_Identifier" not in changes:
        changed = other_person(changed, 7)
    summary = _import(tmp_path, [row(event), changed])
    found = summary["errors_by_rule"] if rejected else summary["warnings_by_rule"]
    assert found.get(code) == 1, (summary["errors_by_rule"], summary["warnings_by_rule"])
    assert summary["rows_rejected"] == (1 if rejected else 0)
    assert summary["rows_in"] == summary["rows_accepted"] + summary["rows_rejected"] == 2


def test_exact_duplicate_keeps_the_first_and_names_it(tmp_path):
    summary = _import(tmp_path, [row("Service"), row("Service")])
    assert summary["errors_by_rule"] == {"CLD070": 1}
    report = (tmp_path / "home" / "snapshots" / "1" / "rejected_rows.csv").read_text()
    assert "duplicate of extract.csv row 1 (line 2)" in report
    assert '"extract.csv","2","3"' in report


def test_services_differing_in_cost_are_not_duplicates(tmp_path):
    summary = _import(tmp_path, [row("Service"), row("Service", Unit_Cost="26.00")])
    assert summary["rows_rejected"] == 0


CROSS_CASES = [
    # rows (as changes to a valid Request, one dict per row), expected code, rows warned
    ([{}, {"Event_Start_Date": "05/04/2024", "Gender": "Male"}], "CLD060", 2),
    ([{}, {"Event_Start_Date": "05/04/2024", "Date_of_Birth": "15/03/1938"}], "CLD060", 2),
    (
        [{"Accommodation_Status": "Registered care home"}, {"Event_Type": "Request"}],
        "CLD061",
        2,
    ),
    (
        [{}, {"Event_Start_Date": "05/04/2024", "LA_Person_Unique_Identifier": "999999"}],
        "CLD062",
        2,
    ),
    ([{}, {"Event_Start_Date": "05/04/2024", "NHS_Number": ""}], "CLD063", 2),
    ([{}, {"Event_Start_Date": "05/04/2024", "LA_Code": "998"}], "CLD064", 1),
    (
        [{}, {}, {"Event_Start_Date": "05/04/2024", "Reporting_Period_Start_Date": "01/01/2024"}],
        "CLD065",
        1,
    ),
    ([{"Adult_1_Linked_Person_ID": "nobody"}], "CLD082", 1),
]


@pytest.mark.parametrize(
    ("changes", "code", "warned"), CROSS_CASES, ids=[c[1] for c in CROSS_CASES]
)
def test_cross_row_rule(tmp_path, changes, code, warned):
    rows = [row("Request", **change) for change in changes]
    if code == "CLD065":
        rows = [other_person(r, n) if n < 2 else r for n, r in enumerate(rows)]
    summary = _import(tmp_path, rows)
    assert summary["warnings_by_rule"].get(code) == warned, summary["warnings_by_rule"]


def test_summaries_mask_personal_identifiers(tmp_path):
    summary = _import(
        tmp_path,
        [row("Request", Date_of_Birth="1938-13-01", Postcode="ZZZ 12345", NHS_Number="12345")],
    )
    home = tmp_path / "home" / "snapshots" / summary["snapshot"]
    manifest = (home / "manifest.json").read_text()
    for secret in ("1938-13-01", "ZZZ 12345", "'12345'"):
        assert secret not in manifest


def test_large_amounts_are_warnings_not_crashes(tmp_path):
    summary = _import(
        tmp_path,
        [row("Service", Unit_Cost="12345678901234567890", Planned_units_per_week="100000000000")],
    )
    assert summary["rows_rejected"] == 0
    assert {"CLD040", "CLD041"} <= set(summary["warnings_by_rule"])


def test_a_missing_optional_column_is_noted_once_not_per_row(tmp_path):
    from tests.ingest.factories import SPEC_HEADERS

    headers = [h for h in SPEC_HEADERS if h not in ("Postcode", "Dementia")]
    path = write_csv(tmp_path / "x.csv", [row("Request"), row("Review")], headers=headers)
    summary = import_cld([path], tmp_path / "home").summary
    assert summary["warnings_by_rule"] == {"CLD006": 1}


def test_an_unusable_nhs_number_without_la_id_is_rejected(tmp_path):
    summary = _import(tmp_path, [row("Request", NHS_Number="ABC", LA_Person_Unique_Identifier="")])
    assert summary["errors_by_rule"] == {"CLD012": 1}


def test_ckba_rows_with_event_description_are_rejected(tmp_path):
    ckba = {
        **{k: v for k, v in row("Request").items() if k not in EVENTS["Request"]},
        "Client Type": "Unpaid carer known by association",
        "Adult 1 Linked Person ID": "410001",
        "Event Description": "Carer's conversation",
    }
    summary = _import(tmp_path, [ckba])
    assert summary["errors_by_rule"].get("CLD080") == 1


def test_costs_written_differently_are_still_duplicates(tmp_path):
    summary = _import(
        tmp_path, [row("Service", Unit_Cost="£25"), row("Service", Unit_Cost="25.00")]
    )
    assert summary["errors_by_rule"] == {"CLD070": 1}


def _snapshot_issues(tmp_path, summary):
    import duckdb

    path = tmp_path / "home" / "snapshots" / summary["snapshot"] / "snapshot.duckdb"
    with duckdb.connect(str(path), read_only=True) as con:
        return con.execute(
            "SELECT code, field, _file, _row, _line FROM issues ORDER BY _file, _row, code"
        ).fetchall()


def test_a_conflicting_person_among_people_seen_once_is_still_found(tmp_path):
    """Cross-row checks skip keys seen once; a person seen twice must still be compared."""
    singles = [other_person(row("Request"), n) for n in range(1, 40)]
    later = {"Event_Start_Date": "05/04/2024", "Event_End_Date": "06/04/2024"}
    pair = [row("Request"), row("Request", **later, Gender="Male")]
    summary = _import(tmp_path, [*singles[:20], *pair, *singles[20:]])
    assert summary["warnings_by_rule"] == {"CLD060": 2}
    rows = {(code, r) for code, _, _, r, _ in _snapshot_issues(tmp_path, summary)}
    assert rows == {("CLD060", 21), ("CLD060", 22)}


def test_a_linked_person_is_looked_up_among_service_users_only(tmp_path):
    carer = {"Client_Type": "Unpaid carer", "Primary_Support_Reason": ""}
    service_user = row("Request")  # LA Person Unique Identifier 410001
    unpaid_carer = other_person(row("Request", **carer), 7)
    linked = [
        other_person(row("Request", **carer, Adult_1_Linked_Person_ID="410001"), 1),
        other_person(row("Request", **carer, Adult_1_Linked_Person_ID="500007"), 2),
        other_person(row("Request", **carer, Adult_2_Linked_Person_ID="nobody"), 3),
    ]
    summary = _import(tmp_path, [service_user, unpaid_carer, *linked])
    warned = [
        (field, r)
        for code, field, _, r, _ in _snapshot_issues(tmp_path, summary)
        if code == "CLD082"
    ]
    # 500007 is in the import, but as an unpaid carer, not a service user.
    assert warned == [("Adult 1 Linked Person_ID", 4), ("Adult 2 Linked Person_ID", 5)]


def test_every_issue_names_its_file_row_and_line(tmp_path):
    first = write_csv(
        tmp_path / "a.csv", [row("Request"), other_person(row("Request", Gender="Nonsense"), 9)]
    )
    second = write_csv(
        tmp_path / "b.csv",
        [other_person(row("Request", Event_Start_Date="31/02/2024"), n) for n in (1, 2)],
    )
    summary = import_cld([first, second], tmp_path / "home").summary
    found = {(code, f, r, line) for code, _, f, r, line in _snapshot_issues(tmp_path, summary)}
    assert found == {("CLD021", 0, 2, 3), ("CLD030", 1, 1, 2), ("CLD030", 1, 2, 3)}


def test_two_failures_of_one_code_in_a_row_are_listed_by_field(tmp_path):
    """The same input always gives the same report and examples (ties go by field)."""
    summary = _import(tmp_path, [row("Request", LA_Code="", Client_Type=""), row("Review")])
    # Rows, not failures: one row fails CLD010 on two fields.
    assert summary["errors_by_rule"] == {"CLD010": 1}
    home = tmp_path / "home" / "snapshots" / summary["snapshot"]
    report = (home / "rejected_rows.csv").read_text()
    assert report.index("Client Type: required") < report.index("LA Code: required")
    import json

    examples = json.loads((home / "manifest.json").read_text())["rules"]["CLD010"]["examples"]
    assert [e.split(", ")[2].split(":")[0] for e in examples] == ["Client Type", "LA Code"]
