"""measures.md §5F: discharge_to_residential and discharge_to_reablement.

H1 reablement starts the day the request ends           -> ST-Max
H2 residential care the day after                       -> long-term residential
H3 short-term residential care first, then nursing      -> first is short-term: neither
H4 community support 31 days after the request ended    -> no sequel: neither
H5 a community request                                  -> not a discharge: out
H6 nursing 28 days after                                -> long-term nursing
H7 request ended before the period                      -> out
"""

from __future__ import annotations

from tests.metrics.fixtures import event, person, pick, request, run, service, stmax

PEOPLE = [
    person("H1", "05/1940", request("01/05/2024", "03/05/2024"), stmax("03/05/2024", "24/05/2024")),
    person(
        "H2", "05/1940", request("10/06/2024", "12/06/2024"), service("residential", "13/06/2024")
    ),
    person(
        "H3",
        "05/1940",
        request("01/07/2024", "02/07/2024"),
        event(
            "Service",
            "02/07/2024",
            "19/07/2024",
            Service_Type="Short term support: Other short term",
            Service_Component="Short term residential care",
            Delivery_Mechanism="CASSR commissioned support",
            Unit_Cost="700.00",
            Cost_Frequency_Unit_Type="Weekly",
        ),
        service("nursing", "20/07/2024"),
    ),
    person(
        "H4", "05/1940", request("01/08/2024", "05/08/2024"), service("community", "05/09/2024")
    ),
    person(
        "H5",
        "05/1940",
        request("01/09/2024", "03/09/2024", route="Community / other route"),
        service("residential", "04/09/2024"),
    ),
    person("H6", "05/1940", request("01/10/2024", "01/10/2024"), service("nursing", "29/10/2024")),
    person("H7", "05/1940", request("20/03/2024", "31/03/2024")),
]


def test_discharge_sequels(tmp_path):
    rows = run(tmp_path, PEOPLE, "discharge_to_residential", "discharge_to_reablement")
    home = pick(rows, "discharge_to_residential")
    reablement = pick(rows, "discharge_to_reablement")
    assert (home["numerator"], home["denominator"], home["value"]) == (2, 5, 40.0)
    assert (home["ci_low"], home["ci_high"]) == (11.8, 76.9)
    assert (reablement["numerator"], reablement["denominator"], reablement["value"]) == (1, 5, 20.0)
    assert (reablement["ci_low"], reablement["ci_high"]) == (3.6, 62.4)


def test_by_team_and_month(tmp_path):
    rows = run(tmp_path, PEOPLE, "discharge_to_residential", by="month")
    assert pick(rows, "discharge_to_residential", month="2024-06")["numerator"] == 1
    assert pick(rows, "discharge_to_residential", month="total")["denominator"] == 5
