"""measures.md §5G: at_home_91_days (follow-up dates in 01/04/2024 to 31/03/2025).

K1 80, reablement after discharge, at home               -> N and D
K2 85, care home placement before the follow-up          -> D
K3 90, died before the follow-up                         -> D
K4 70, care home on day 92                               -> N and D
K5 60                                                    -> under 65: out
K6 75, reablement after a community request              -> out
K7 78, follow-up after the period end                    -> out
"""

from __future__ import annotations

from tests.metrics.fixtures import person, pick, request, run, service, stmax

PEOPLE = [
    person("K1", "05/1944", request("01/06/2024", "03/06/2024"), stmax("03/06/2024", "30/06/2024")),
    person(
        "K2",
        "05/1939",
        request("05/07/2024", "10/07/2024"),
        stmax("10/07/2024", "31/07/2024"),
        service("residential", "15/09/2024"),
    ),
    person(
        "K3",
        "05/1934",
        request("25/07/2024", "01/08/2024"),
        stmax("01/08/2024", "29/08/2024"),
        died="20/10/2024",
    ),
    person(
        "K4",
        "05/1954",
        request("30/08/2024", "01/09/2024"),
        stmax("01/09/2024", "30/09/2024"),
        service("residential", "02/12/2024"),
    ),
    person("K5", "05/1964", request("01/10/2024", "01/10/2024"), stmax("01/10/2024", "20/10/2024")),
    person(
        "K6",
        "05/1949",
        request("28/10/2024", "01/11/2024", route="Community / other route"),
        stmax("01/11/2024", "22/11/2024"),
    ),
    person("K7", "05/1946", request("10/01/2025", "15/01/2025"), stmax("15/01/2025", "05/02/2025")),
]


def test_at_home_91_days(tmp_path):
    row = pick(run(tmp_path, PEOPLE, "at_home_91_days"), "at_home_91_days")
    assert (row["numerator"], row["denominator"], row["value"]) == (2, 4, 50.0)
    assert (row["ci_low"], row["ci_high"]) == (15.0, 85.0)
