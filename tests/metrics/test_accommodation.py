"""measures.md §5C: ascof_2e1, ascof_2e2a, ascof_2e2b.

C1  LD, supported living                               -> 18-64 LD, settled
C2  LD, care home                                      -> 18-64 LD, not settled
C3  accommodation Unknown, home support                -> presumed at home: settled, 18-64
C4  accommodation Unknown, day support                 -> presumed in community: not, 18-64
C5  accommodation Unknown, nursing care                -> nursing home: not settled, 65+
C6  service ended 30/06/2024; aged 75 then             -> 65+, settled
C7  service ended 31/05/2024, aged 64 then (65 by the period end) -> 18-64, settled
C8  died 10/05/2024 with an open service               -> in (died after the start), settled
C9  service ended before the year                      -> out
C10 R1 spelling 'Tenant - private landlord'            -> mapped to R2, settled, 65+
"""

from __future__ import annotations

from tests.metrics.fixtures import person, pick, run, service

LD = "Learning disability support"
UNKNOWN = {"Accommodation_Status": "Unknown"}
PEOPLE = [
    person(
        "C1",
        "05/1994",
        service("community", "01/01/2020", Service_Component="Community supported living"),
        Primary_Support_Reason=LD,
        Accommodation_Status="Supported accommodation, supported lodgings or supported group home",
    ),
    person(
        "C2",
        "07/1984",
        service("residential", "01/01/2019"),
        Primary_Support_Reason=LD,
        Accommodation_Status="Registered care home",
    ),
    person(
        "C3",
        "09/1974",
        service("community", "01/01/2022"),
        Primary_Support_Reason="Mental health support",
        **UNKNOWN,
    ),
    person(
        "C4",
        "11/1964",
        service(
            "community",
            "01/01/2022",
            Service_Component="Day support",
            Cost_Frequency_Unit_Type="Per session",
            Planned_units_per_week="2",
        ),
        **UNKNOWN,
    ),
    person("C5", "06/1944", service("nursing", "01/01/2021"), **UNKNOWN),
    person("C6", "02/1949", service("community", "01/01/2020", "30/06/2024")),
    person(
        "C7",
        "01/1960",
        service("community", "01/01/2022", "31/05/2024"),
        Accommodation_Status="Tenant: Private landlord",
    ),
    person(
        "C8",
        "04/1939",
        service("community", "01/01/2021"),
        died="10/05/2024",
        Accommodation_Status="Settled mainstream housing with family or friends",
    ),
    person("C9", "03/1950", service("community", "01/01/2020", "31/01/2024")),
    person(
        "C10",
        "08/1944",
        service("community", "01/01/2021"),
        Accommodation_Status="Tenant - private landlord",
    ),
]


def test_ascof_2e_parts(tmp_path):
    rows = run(tmp_path, PEOPLE, "ascof_2e1", "ascof_2e2a", "ascof_2e2b")
    e1, e2a, e2b = (pick(rows, m) for m in ("ascof_2e1", "ascof_2e2a", "ascof_2e2b"))
    assert (e1["numerator"], e1["denominator"], e1["value"]) == (1, 2, 50.0)
    assert (e1["ci_low"], e1["ci_high"]) == (9.5, 90.5)
    assert (e2a["numerator"], e2a["denominator"], e2a["value"]) == (3, 5, 60.0)
    assert (e2a["ci_low"], e2a["ci_high"]) == (23.1, 88.2)
    assert (e2b["numerator"], e2b["denominator"], e2b["value"]) == (3, 4, 75.0)
    assert (e2b["ci_low"], e2b["ci_high"]) == (30.1, 95.4)


def test_an_unsupported_grouping_gives_the_ungrouped_row_and_a_note(tmp_path):
    rows = run(tmp_path, PEOPLE, "ascof_2e2b", by="age_band")
    assert [r["group"] for r in rows] == [{}]
