"""measures.md §5B: ascof_2b, ascof_2c and res_nursing_admissions.

B1 new residential admission at 70                       -> 65+
B2 residential ended the day before nursing began        -> a move, not new
B3 earlier stay ended 364 days before                    -> not new
B4 ... 366 days before                                   -> new, 65+
B5 nursing at 45                                         -> new, 18-64
B6 long-term residential type with a short-term component -> not a placement
B7 ended as self-funded                                  -> not counted
B8 aged 64 at the period start, 65 at admission          -> 65+
B9 aged 17                                               -> not counted
"""

from __future__ import annotations

from tests.metrics.fixtures import person, pick, run, service

POPULATION = {"18-64": 200_000, "65+": 50_000}
PEOPLE = [
    person("B1", "03/1954", service("residential", "10/06/2024")),
    person(
        "B2",
        "05/1940",
        service("residential", "01/01/2024", "14/05/2024"),
        service("nursing", "15/05/2024"),
    ),
    person(
        "B3",
        "02/1945",
        service("residential", "01/01/2023", "15/05/2023"),
        service("residential", "13/05/2024"),
    ),
    person(
        "B4",
        "02/1946",
        service("residential", "01/01/2023", "15/05/2023"),
        service("residential", "15/05/2024"),
    ),
    person("B5", "04/1979", service("nursing", "01/09/2024")),
    person(
        "B6",
        "06/1938",
        service("residential", "01/07/2024", Service_Component="Short term residential care"),
    ),
    person(
        "B7",
        "01/1941",
        service(
            "residential",
            "01/07/2024",
            "30/09/2024",
            "NFA: Self-funded client or under 12wk disregard",
        ),
    ),
    person("B8", "08/1959", service("residential", "01/10/2024")),
    person("B9", "01/2007", service("residential", "01/06/2024")),
]


def test_ascof_2b_and_2c_per_100k(tmp_path):
    rows = run(tmp_path, PEOPLE, "ascof_2b", "ascof_2c", population=POPULATION)
    b, c = pick(rows, "ascof_2b"), pick(rows, "ascof_2c")
    assert (b["numerator"], b["denominator"], b["value"]) == (1, 200_000, 0.5)
    assert (b["ci_low"], b["ci_high"]) == (0.0, 2.8)
    assert (c["numerator"], c["denominator"], c["value"]) == (3, 50_000, 6.0)
    assert (c["ci_low"], c["ci_high"]) == (1.2, 17.5)


def test_rates_without_a_population_say_so(tmp_path):
    from carelens.ingest.importer import import_cld
    from carelens.metrics.runner import Request, Runner
    from tests.ingest.factories import write_csv
    from tests.metrics.fixtures import HEADERS, P_END, P_START

    rows = [r for p in PEOPLE for r in p]
    result = import_cld([write_csv(tmp_path / "f.csv", rows, headers=HEADERS)], tmp_path)
    request = Request(["ascof_2c"], P_START, P_END)
    with Runner(result.path) as runner:
        (row,) = runner.run(request)
    assert row["numerator"] == 3 and row["value"] is None and row["denominator"] is None
    assert any("population file is needed" in note for note in request.notes)


def test_res_nursing_admissions_by_age_band(tmp_path):
    rows = run(tmp_path, PEOPLE, "res_nursing_admissions", by="age_band")
    assert pick(rows, "res_nursing_admissions", age_band="total")["value"] == 4
    assert pick(rows, "res_nursing_admissions", age_band="18-64")["value"] == 1
    assert pick(rows, "res_nursing_admissions", age_band="65+")["value"] == 3
