"""measures.md §5J: new_requests_outcomes (denominator 6).

Q1 reablement follows                        -> ST-Max
Q2 signposted                                -> Universal services / signposting
Q3 already in long-term support              -> not a new client: out
Q4 community support follows                 -> Long term: community
Q5 support declined                          -> No services: other reason
Q6 an assessment that followed signposted    -> Universal services / signposting
Q7 progressed to assessment, nothing after   -> Unable to classify
"""

from __future__ import annotations

from tests.metrics.fixtures import event, person, pick, request, run, service, stmax

COMMUNITY = "Community / other route"
PEOPLE = [
    person(
        "Q1",
        "05/1940",
        request("01/05/2024", "02/05/2024", "Progress to reablement/ST-Max", route=COMMUNITY),
        stmax("05/05/2024", "26/05/2024"),
    ),
    person("Q2", "05/1940", request("03/06/2024", "03/06/2024", route=COMMUNITY)),
    person(
        "Q3",
        "05/1940",
        service("community", "01/01/2023"),
        request("01/07/2024", "03/07/2024", route=COMMUNITY),
    ),
    person(
        "Q4",
        "05/1940",
        request(
            "01/07/2024", "10/07/2024", "Progress to support planning or services", route=COMMUNITY
        ),
        service("community", "15/07/2024"),
    ),
    person(
        "Q5",
        "05/1940",
        request("01/08/2024", "01/08/2024", "NFA: Support declined", route=COMMUNITY),
    ),
    person(
        "Q6",
        "05/1940",
        request(
            "01/09/2024",
            "02/09/2024",
            "Progress to assessment, review or reassessment",
            route=COMMUNITY,
        ),
        event(
            "Assessment",
            "03/09/2024",
            "20/09/2024",
            "NFA: Information and advice or signposting",
            Assessment_Type="Long term assessment",
            Method_of_Assessment="Face to face",
        ),
    ),
    person(
        "Q7",
        "05/1940",
        request(
            "01/10/2024",
            "05/10/2024",
            "Progress to assessment, review or reassessment",
            route=COMMUNITY,
        ),
    ),
]


def test_new_requests_outcomes(tmp_path):
    rows = run(tmp_path, PEOPLE, "new_requests_outcomes")
    got = {r["group"]["outcome"]: (r["numerator"], r["denominator"], r["value"]) for r in rows}
    assert got == {
        "ST-Max": (1, 6, 16.7),
        "Long term: community": (1, 6, 16.7),
        "Universal services / signposting": (2, 6, 33.3),
        "No services: other reason": (1, 6, 16.7),
        "Unable to classify": (1, 6, 16.7),
        "total": (6, 6, 100.0),
    }
    assert pick(rows, "new_requests_outcomes", outcome="total")["unit"] == "percent"
