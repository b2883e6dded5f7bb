"""measures.md §5D: ascof_3d1a, ascof_3d2a and lts_people at 31/03/2025.

D1  direct payment (mechanism)                        -> D, 1a, 2a; 18-64
D2  direct payment (component, mechanism blank)       -> D, 1a, 2a; 65+
D3  managed personal budget                           -> D, 1a; 65+
D4  commissioned support                              -> D; 18-64
D5  mechanism blank, home support                     -> D (mechanism unknown); 65+
D6  residential and a direct payment, both open       -> residential: not in 3D
D7  commissioned and a direct payment, both open      -> direct payment: D, 1a, 2a; 18-64
D8  commissioned, ends on 31/03/2025                  -> still in: D; 65+
D9  direct payment ended 30/03/2025                   -> not in long-term support
D10 died 15/03/2025                                   -> out
"""

from __future__ import annotations

from tests.metrics.fixtures import person, pick, run, service

DP = {
    "Delivery_Mechanism": "Direct payment",
    "Service_Component": "Direct payment",
    "Unit_Cost": "300.00",
    "Cost_Frequency_Unit_Type": "Weekly",
    "Planned_units_per_week": "",
}
PEOPLE = [
    person(
        "D1", "06/1984", service("community", "01/01/2024", Delivery_Mechanism="Direct payment")
    ),
    person(
        "D2",
        "09/1954",
        service(
            "community",
            "01/01/2024",
            Delivery_Mechanism="",
            Service_Component="Direct payment",
            Cost_Frequency_Unit_Type="Weekly",
            Unit_Cost="300.00",
            Planned_units_per_week="",
        ),
    ),
    person(
        "D3",
        "05/1942",
        service("community", "01/01/2024", Delivery_Mechanism="CASSR managed personal budget"),
    ),
    person("D4", "08/1994", service("community", "01/01/2024")),
    person("D5", "12/1934", service("community", "01/01/2024", Delivery_Mechanism="")),
    person(
        "D6",
        "10/1939",
        service("residential", "01/01/2024"),
        service("community", "01/02/2024", **DP),
    ),
    person(
        "D7",
        "07/1969",
        service("community", "01/01/2024"),
        service("community", "01/02/2024", **DP),
    ),
    person("D8", "11/1957", service("community", "01/01/2024", "31/03/2025")),
    person("D9", "03/1950", service("community", "01/01/2024", "30/03/2025", **DP)),
    person("D10", "01/1945", service("community", "01/01/2024", **DP), died="15/03/2025"),
]


def test_ascof_3d_by_age_band(tmp_path):
    rows = run(tmp_path, PEOPLE, "ascof_3d1a", "ascof_3d2a", by="age_band")
    expected = {
        ("ascof_3d1a", "total"): (4, 7, 57.1, 25.0, 84.2),
        ("ascof_3d1a", "18-64"): (2, 3, 66.7, None, None),
        ("ascof_3d1a", "65+"): (2, 4, 50.0, None, None),
        ("ascof_3d2a", "total"): (3, 7, 42.9, 15.8, 75.0),
        ("ascof_3d2a", "18-64"): (2, 3, 66.7, None, None),
        ("ascof_3d2a", "65+"): (1, 4, 25.0, None, None),
    }
    for (measure, band), (n, d, value, low, high) in expected.items():
        row = pick(rows, measure, age_band=band)
        assert (row["numerator"], row["denominator"], row["value"]) == (n, d, value), band
        if low is not None:
            assert (row["ci_low"], row["ci_high"]) == (low, high)


def test_lts_people_by_setting(tmp_path):
    rows = run(tmp_path, PEOPLE, "lts_people")
    assert pick(rows, "lts_people")["value"] == 8
    expected = {
        "Residential": 1,
        "Community: direct payment": 3,
        "Community: managed personal budget": 1,
        "Community: commissioned support": 2,
        "Community: mechanism unknown": 1,
    }
    settings = {r["group"]["setting"]: r["value"] for r in rows if r["group"]}
    assert settings == expected
    community = sum(v for k, v in settings.items() if k.startswith("Community"))
    assert (
        community == pick(run(tmp_path / "3d", PEOPLE, "ascof_3d1a"), "ascof_3d1a")["denominator"]
    )


def test_point_in_time_measures_by_month_end_at_the_period_end(tmp_path):
    rows = run(tmp_path, PEOPLE, "lts_people", by="month")
    march = pick(rows, "lts_people", month="2025-03")
    total = pick(rows, "lts_people", month="total")
    assert march["value"] == total["value"] == 8
    # At the end of February D9 and D10 were still supported.
    assert pick(rows, "lts_people", month="2025-02")["value"] == 10
    assert len({r["group"]["month"] for r in rows}) == 13
