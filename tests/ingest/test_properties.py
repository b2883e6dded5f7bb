"""Property tests: whatever mix of good and bad rows, every row is accounted for,
and every valid row reaches the snapshot with its values intact."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from carelens.ingest.importer import import_cld
from carelens.snapshots.store import connect
from tests.ingest.factories import EVENTS, other_person, row, write_csv

# (changes, rejected?) — each a fault that one rule catches.
FAULTS = [
    ({"Event_Start_Date": "31/02/2024"}, True),
    ({"Client_Type": "Patient"}, True),
    ({"LA_Code": ""}, True),
    ({"Event_Start_Date": "06/05/2025"}, True),
    ({"Gender": "F"}, False),
    ({"Postcode": "nowhere"}, False),
    ({"Event_Outcome": "NFA - Other"}, False),  # an R1 spelling: valid, mapped
]

rows_strategy = st.lists(
    st.tuples(st.sampled_from(sorted(EVENTS)), st.none() | st.integers(0, len(FAULTS) - 1)),
    min_size=1,
    max_size=25,
)
# Any text a case worker might type, including commas, quotes and line breaks.
descriptions = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc")) | st.sampled_from(',"\n'),
    min_size=0,
    max_size=30,
)


@settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(plan=rows_strategy, description=descriptions)
def test_every_row_is_accounted_for_and_valid_rows_survive(tmp_path_factory, plan, description):
    folder = tmp_path_factory.mktemp("prop")
    rows, expect_rejected = [], set()
    for number, (event, fault) in enumerate(plan, start=1):
        changes, rejects = FAULTS[fault] if fault is not None else ({}, False)
        values = other_person(row(event, **changes), number)
        values["Event Description"] = description
        rows.append(values)
        if rejects:
            expect_rejected.add(number)
    summary = import_cld([write_csv(folder / "x.csv", rows)], folder / "home").summary
    assert summary["rows_in"] == len(rows)
    assert summary["rows_in"] == summary["rows_accepted"] + summary["rows_rejected"]
    assert summary["rows_rejected"] == len(expect_rejected)
    with connect(folder / "home" / "snapshots" / summary["snapshot"]) as con:
        stored = con.sql(
            "SELECT _row, LA_Person_Unique_Identifier, Event_Type, Event_Description "
            "FROM events ORDER BY _row"
        ).fetchall()
    assert [r[0] for r in stored] == [
        n for n in range(1, len(rows) + 1) if n not in expect_rejected
    ]
    for number, la_id, event_type, stored_description in stored:
        original = rows[number - 1]
        assert la_id == original["LA Person Unique Identifier"]
        assert event_type == original["Event Type"]
        # Cells are trimmed of spaces (cld.md §2); nothing else changes.
        assert (stored_description or "") == description.strip(" ")
