"""measures.md §5E: reviews_overdue at 31/03/2025 (window 31/03/2024 to 31/03/2025).

R1 reviewed in June 2024                               -> D
R2 last review ended 30/03/2024, outside the window    -> D and N
R3 review ended 31/03/2024, on the boundary            -> counts: D
R4 support began 01/06/2024: spell under 12 months     -> not in D
R5 only a review of short-term support                 -> D and N
R6 support ended 28/02/2025                            -> not in long-term support
R7 community then residential, back to back: one spell from 2023 -> D and N
"""

from __future__ import annotations

from tests.metrics.fixtures import event, person, pick, run, service


def review(start: str, end: str, reason: str = "Planned") -> dict:
    return event(
        "Review",
        start,
        end,
        Review_Reason=reason,
        Review_Outcomes_Achieved="Fully met",
        Method_of_Review="Service user only",
    )


PEOPLE = [
    person("R1", "05/1940", service("community", "01/01/2022"), review("10/06/2024", "15/06/2024")),
    person("R2", "05/1940", service("community", "01/01/2022"), review("25/03/2024", "30/03/2024")),
    person("R3", "05/1940", service("community", "01/01/2022"), review("31/03/2024", "31/03/2024")),
    person("R4", "05/1940", service("community", "01/06/2024")),
    person(
        "R5",
        "05/1940",
        service("residential", "01/01/2020"),
        review("01/09/2024", "01/09/2024", "Review of short term support"),
    ),
    person("R6", "05/1940", service("community", "01/01/2021", "28/02/2025")),
    person(
        "R7",
        "05/1940",
        service("community", "01/01/2023", "31/05/2024"),
        service("residential", "01/06/2024"),
    ),
]


def test_reviews_overdue(tmp_path):
    row = pick(run(tmp_path, PEOPLE, "reviews_overdue"), "reviews_overdue")
    assert (row["numerator"], row["denominator"], row["value"]) == (3, 5, 60.0)
    assert (row["ci_low"], row["ci_high"]) == (23.1, 88.2)
