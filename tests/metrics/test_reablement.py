"""measures.md §5A: ascof_2a, reablement_episodes and reablement_length_days.

Why each person is in or out:
A1  one episode, nothing follows, ends as planned            -> 2A N and D, 65+
A2  two rows 7 days apart form one episode (outcome of the later row: signposting)
                                                              -> N and D, 18-64
A3  rows 8 days apart are two episodes: the first ends as planned (N, D); the second is
    followed the next day by long-term community support (D only)           65+
A4  long-term support ended 90 days before the episode       -> not new: out
A5  ... ended 91 days before                                  -> new: N and D, 18-64
A6  died within 7 days of the end                             -> Deceased: out
A7  admitted to hospital                                      -> out
A8  long-term residential care within 7 days                  -> D only, 65+
A9  short-term residential care within 7 days                 -> D only, 18-64
A10 equipment (ongoing low level) the next day                -> N and D, 65+
"""

from __future__ import annotations

from tests.metrics.fixtures import event, person, pick, run, service, stmax

ENDED = "NFA: Support ended as planned"
TO_SERVICES = "Progress to support planning or services"

PEOPLE = [
    person("A1", "05/1940", stmax("01/06/2024", "20/06/2024", ENDED)),
    person(
        "A2",
        "03/1990",
        stmax("01/07/2024", "10/07/2024", "Continuation of support or services"),
        stmax("17/07/2024", "31/07/2024", "NFA: Information and advice or signposting"),
    ),
    person(
        "A3",
        "01/1945",
        stmax("01/08/2024", "10/08/2024", ENDED),
        stmax("18/08/2024", "31/08/2024", TO_SERVICES),
        service("community", "01/09/2024"),
    ),
    person(
        "A4",
        "06/1950",
        service("community", "01/01/2023", "05/04/2024"),
        stmax("04/07/2024", "25/07/2024", ENDED),
    ),
    person(
        "A5",
        "06/1980",
        service("community", "01/01/2023", "04/04/2024"),
        stmax("04/07/2024", "25/07/2024", ENDED),
    ),
    person("A6", "03/1935", stmax("01/10/2024", "15/10/2024", "NFA: Deceased"), died="20/10/2024"),
    person("A7", "02/1938", stmax("01/11/2024", "20/11/2024", "Admitted to hospital")),
    person(
        "A8",
        "07/1942",
        stmax("01/02/2025", "28/02/2025", TO_SERVICES),
        service("residential", "03/03/2025"),
    ),
    person(
        "A9",
        "09/1975",
        stmax("01/12/2024", "20/12/2024", TO_SERVICES),
        event(
            "Service",
            "22/12/2024",
            "10/01/2025",
            Service_Type="Short term support: Other short term",
            Service_Component="Short term residential care",
            Delivery_Mechanism="CASSR commissioned support",
            Unit_Cost="700.00",
            Cost_Frequency_Unit_Type="Weekly",
        ),
    ),
    person(
        "A10",
        "02/1948",
        stmax("05/01/2025", "25/01/2025", "Continuation of support or services"),
        event(
            "Service",
            "26/01/2025",
            "",
            Service_Type="Short term support: Ongoing low level",
            Service_Component="Equipment",
            Delivery_Mechanism="CASSR commissioned support",
        ),
    ),
]


def test_ascof_2a_by_age_band(tmp_path):
    rows = run(tmp_path, PEOPLE, "ascof_2a", by="age_band")
    young = pick(rows, "ascof_2a", age_band="18-64")
    old = pick(rows, "ascof_2a", age_band="65+")
    total = pick(rows, "ascof_2a", age_band="total")
    assert (young["numerator"], young["denominator"], young["value"]) == (2, 3, 66.7)
    assert (young["ci_low"], young["ci_high"]) == (20.8, 93.9)
    assert (old["numerator"], old["denominator"], old["value"]) == (3, 5, 60.0)
    assert (old["ci_low"], old["ci_high"]) == (23.1, 88.2)
    assert (total["numerator"], total["denominator"], total["value"]) == (5, 8, 62.5)
    assert (total["ci_low"], total["ci_high"]) == (30.6, 86.3)


def test_ascof_2a_ungrouped_is_the_total(tmp_path):
    rows = run(tmp_path, PEOPLE, "ascof_2a")
    assert [(r["group"], r["numerator"], r["denominator"]) for r in rows] == [({}, 5, 8)]
    assert rows[0]["unit"] == "percent"
    assert (rows[0]["period_start"], rows[0]["period_end"]) == ("2024-04-01", "2025-03-31")


def test_reablement_episodes_and_their_median_length(tmp_path):
    rows = run(tmp_path, PEOPLE, "reablement_episodes", "reablement_length_days")
    assert pick(rows, "reablement_episodes")["value"] == 11
    length = pick(rows, "reablement_length_days")
    assert (length["value"], length["numerator"], length["unit"]) == (20.0, 11, "days")


def test_seven_days_apart_is_one_episode_and_eight_is_two(tmp_path):
    seven = [
        person(
            "S7",
            "05/1940",
            stmax("01/06/2024", "10/06/2024", ENDED),
            stmax("17/06/2024", "20/06/2024", ENDED),
        )
    ]
    eight = [
        person(
            "S8",
            "05/1940",
            stmax("01/06/2024", "10/06/2024", ENDED),
            stmax("18/06/2024", "20/06/2024", ENDED),
        )
    ]
    assert (
        pick(run(tmp_path / "a", seven, "reablement_episodes"), "reablement_episodes")["value"] == 1
    )
    assert (
        pick(run(tmp_path / "b", eight, "reablement_episodes"), "reablement_episodes")["value"] == 2
    )
