"""Rules the worked examples do not reach (found in review against measures.md)."""

from __future__ import annotations

import datetime as dt

from tests.metrics.fixtures import person, pick, run, service

OLD = {"Reporting_Period_Start_Date": "01/04/2023", "Reporting_Period_End_Date": "31/03/2024"}
DP = {
    "Delivery_Mechanism": "Direct payment",
    "Service_Component": "Direct payment",
    "Unit_Cost": "300.00",
    "Cost_Frequency_Unit_Type": "Weekly",
    "Planned_units_per_week": "",
}


def test_a_blank_team_on_the_defining_row_is_unknown_not_another_rows_team(tmp_path):
    # The direct payment (best setting) has no Team; the day support line has one.
    people = [
        person(
            "T1",
            "05/1950",
            service("community", "01/01/2024", Team="", **DP),
            service(
                "community",
                "01/01/2024",
                Service_Component="Day support",
                Cost_Frequency_Unit_Type="Per session",
                Planned_units_per_week="2",
            ),
        )
    ]
    rows = run(tmp_path, people, "lts_people", by="team")
    assert pick(rows, "lts_people", team="Unknown")["value"] == 1
    assert [r for r in rows if r["group"].get("team") == "North Locality"] == []


def test_the_tie_break_uses_the_derived_end_not_the_cropped_one(tmp_path):
    # Two lines of one event in an older submission, which later files no longer hold:
    # both are cropped to 31/03/2024, but the open one must win (cld.md §9.2 step 2).
    people = [
        person(
            "U1",
            "05/1950",
            service(
                "community",
                "01/01/2023",
                "",
                "Continuation of support or services",
                Delivery_Mechanism="Direct payment",
            ),
            service(
                "community", "01/01/2023", "30/06/2024", "Progress to support planning or services"
            ),
            **OLD,
        ),
        person("U2", "05/1950", service("community", "01/06/2024")),
    ]
    rows = run(tmp_path, people, "ascof_3d2a", start=dt.date(2023, 4, 1), end=dt.date(2024, 3, 31))
    row = pick(rows, "ascof_3d2a")
    assert (row["numerator"], row["denominator"]) == (1, 1)


def test_no_value_where_no_submission_covers_the_date(tmp_path):
    late = {"Reporting_Period_Start_Date": "01/10/2024"}
    people = [person("V1", "05/1950", service("community", "01/11/2024"), **late)]
    notes = []
    rows = run(tmp_path, people, "homecare_hours_week", by="month", notes=notes)
    assert pick(rows, "homecare_hours_week", month="2024-06")["value"] is None
    assert pick(rows, "homecare_hours_week", month="2024-12")["value"] == 10.0
    assert pick(rows, "homecare_hours_week", month="total")["value"] == 10.0
    assert any("no submission in this snapshot covers 2024-06-30" in n for n in notes)
