"""`carelens measures`: the JSON contract, the other formats, and one-line errors."""

from __future__ import annotations

import json

import pytest

from carelens.cli import main
from carelens.ingest.importer import import_cld
from tests.ingest.factories import write_csv
from tests.metrics.fixtures import HEADERS
from tests.metrics.test_admissions import PEOPLE

KEYS = [
    "measure",
    "period_start",
    "period_end",
    "group",
    "numerator",
    "denominator",
    "value",
    "unit",
    "ci_low",
    "ci_high",
]


@pytest.fixture
def home(tmp_path, monkeypatch):
    rows = [r for p in PEOPLE for r in p]
    import_cld([write_csv(tmp_path / "f.csv", rows, headers=HEADERS)], tmp_path / "home")
    monkeypatch.setenv("CARELENS_HOME", str(tmp_path / "home"))
    (tmp_path / "population.csv").write_text("age_band,population\n18-64,200000\n65+,50000\n")
    return tmp_path


def _run(capsys, *args) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as stopped:
        main(["measures", *args])
    out = capsys.readouterr()
    return stopped.value.code, out.out, out.err


def test_json_rows_follow_the_contract(home, capsys):
    code, out, _ = _run(capsys, "--format", "json", "--population", str(home / "population.csv"))
    assert code == 0
    rows = json.loads(out)
    assert {r["measure"] for r in rows} >= {"ascof_2a", "ascof_2c", "new_requests_outcomes"}
    assert all(list(r) == KEYS for r in rows)
    c = next(r for r in rows if r["measure"] == "ascof_2c")
    assert (c["numerator"], c["denominator"], c["value"]) == (3, 50000, 6.0)
    assert (c["period_start"], c["period_end"]) == ("2024-04-01", "2025-03-31")


def test_by_age_band_gives_band_and_total_rows(home, capsys):
    code, out, _ = _run(
        capsys, "--format", "json", "--measure", "res_nursing_admissions", "--by", "age_band"
    )
    assert code == 0
    groups = [r["group"] for r in json.loads(out)]
    assert groups == [{"age_band": "18-64"}, {"age_band": "65+"}, {"age_band": "total"}]


def test_without_population_rates_say_a_file_is_needed(home, capsys):
    code, out, err = _run(capsys, "--format", "json", "--measure", "ascof_2b")
    assert code == 0
    assert json.loads(out)[0]["value"] is None
    assert "population file is needed" in err


def test_csv_and_table_formats(home, capsys):
    code, out, _ = _run(capsys, "--format", "csv", "--measure", "lts_people")
    assert code == 0 and out.splitlines()[0] == ",".join(KEYS)
    code, out, _ = _run(capsys, "--measure", "lts_people")
    assert code == 0 and "lts_people" in out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--measure", "ascof_9z"], "unknown measure id(s): ascof_9z"),
        (["--snapshot", "42"], "no snapshot '42'"),
        (["--period-end", "2030-03-31", "--period-start", "2030-01-01"], "outside snapshot"),
        (["--period-end", "31/03/2025"], "--period-end must be a date"),
        (["--by", "postcode"], "--by must be one of"),
        (["--format", "xml"], "--format must be json, csv or table"),
    ],
)
def test_bad_arguments_get_one_line_and_exit_2(home, capsys, args, message):
    code, out, err = _run(capsys, *args)
    assert code == 2 and out == ""
    assert message in err and len(err.strip().splitlines()) == 1
