"""measures.md §5H homecare_hours_week and §5I weekly_cost_lts, at 31/03/2025.

5H: W1 14 h + W2 10.5 h = 24.5 h from 2 people; W3 weekly-costed (no hours);
    W4 ended; W5 reablement, not long-term; W6 day support, not home care.
5I: X1 850 + X2 350 + X3 300 (monthly) + X4 1,050 (4-weekly) = 2,550 from 4 people;
    X5 one-off and X6 without a cost are left out.
"""

from __future__ import annotations

from tests.metrics.fixtures import person, pick, run, service, stmax

HS = "Home support or domiciliary care"
HOURS = [
    person(
        "W1",
        "05/1940",
        service("community", "01/01/2024", Unit_Cost="25.00", Planned_units_per_week="14"),
    ),
    person(
        "W2",
        "05/1940",
        service(
            "community",
            "01/06/2024",
            Delivery_Mechanism="Direct payment",
            Unit_Cost="20.00",
            Planned_units_per_week="10.5",
        ),
    ),
    person(
        "W3",
        "05/1940",
        service(
            "community",
            "01/01/2024",
            Unit_Cost="350.00",
            Cost_Frequency_Unit_Type="Weekly",
            Planned_units_per_week="",
        ),
    ),
    person(
        "W4",
        "05/1940",
        service(
            "community", "01/01/2024", "15/03/2025", Unit_Cost="20.00", Planned_units_per_week="20"
        ),
    ),
    person(
        "W5",
        "05/1940",
        stmax(
            "20/03/2025",
            Service_Component=HS,
            Unit_Cost="18.00",
            Cost_Frequency_Unit_Type="Hourly",
            Planned_units_per_week="7",
        ),
    ),
    person(
        "W6",
        "05/1940",
        service(
            "community",
            "01/01/2024",
            Service_Component="Day support",
            Unit_Cost="15.00",
            Planned_units_per_week="6",
        ),
    ),
]
COSTS = [
    person("X1", "05/1940", service("residential", "01/01/2024", Unit_Cost="850.00")),
    person(
        "X2",
        "05/1940",
        service("community", "01/01/2024", Unit_Cost="25.00", Planned_units_per_week="14"),
    ),
    person(
        "X3",
        "05/1940",
        service(
            "community",
            "01/01/2024",
            Service_Component="Direct payment",
            Delivery_Mechanism="Direct payment",
            Unit_Cost="£1,300.00",
            Cost_Frequency_Unit_Type="Monthly",
            Planned_units_per_week="",
        ),
    ),
    person(
        "X4",
        "05/1940",
        service("nursing", "01/01/2024", Unit_Cost="4,200.00", Cost_Frequency_Unit_Type="4-weekly"),
    ),
    person(
        "X5",
        "05/1940",
        service(
            "community",
            "01/01/2024",
            Service_Component="Equipment",
            Delivery_Mechanism="",
            Unit_Cost="100.00",
            Cost_Frequency_Unit_Type="One-off",
            Planned_units_per_week="",
        ),
    ),
    person(
        "X6",
        "05/1940",
        service("residential", "01/01/2024", Unit_Cost="", Cost_Frequency_Unit_Type=""),
    ),
]


def test_homecare_hours_week(tmp_path):
    notes = []
    row = pick(run(tmp_path, HOURS, "homecare_hours_week", notes=notes), "homecare_hours_week")
    assert (row["value"], row["numerator"], row["unit"]) == (24.5, 2, "hours")
    # W3's weekly-costed home care is reported, not silently left out.
    assert notes == [
        "homecare_hours_week: 1 people have open home care lines without hours (not costed "
        "by the hour, or no planned units); their care is not in the total"
    ]


def test_weekly_cost_lts_by_row_setting(tmp_path):
    notes = []
    rows = run(tmp_path, COSTS, "weekly_cost_lts", notes=notes)
    assert notes == [
        "weekly_cost_lts: 2 open long-term support lines have no usable weekly cost "
        "(one-off, or no unit cost or frequency) and are left out"
    ]
    total = pick(rows, "weekly_cost_lts")
    assert (total["value"], total["numerator"], total["unit"]) == (2550.00, 4, "gbp")
    settings = {r["group"]["setting"]: r["value"] for r in rows if r["group"]}
    assert settings == {
        "Nursing": 1050.00,
        "Residential": 850.00,
        "Community: direct payment": 300.00,
        "Community: commissioned support": 350.00,
    }
