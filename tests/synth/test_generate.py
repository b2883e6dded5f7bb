"""`carelens generate`: deterministic, valid CLD, and every planted problem caught."""

from __future__ import annotations

import csv
import json

import pytest

from carelens.cli import main
from carelens.ingest.columns import COLUMNS
from carelens.ingest.importer import import_cld
from carelens.synth.council import Settings
from carelens.synth.writer import generate


def _run(capsys, *args) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as stopped:
        main(["generate", *args])
    out = capsys.readouterr()
    return stopped.value.code, out.out, out.err


def test_same_arguments_give_byte_identical_files(tmp_path, capsys):
    args = ["--people", "600", "--seed", "5", "--programme-start", "2024-04-01"]
    for name in ("a", "b"):
        code, out, _ = _run(capsys, *args, "--dirty", "0.02", "--out", str(tmp_path / name))
        assert code == 0
        assert "600 people" in out
    for name in ("cld.csv", "population.csv", "manifest.json"):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()
    _run(capsys, *args, "--seed", "6", "--out", str(tmp_path / "c"))
    assert (tmp_path / "c" / "cld.csv").read_bytes() != (tmp_path / "a" / "cld.csv").read_bytes()


def test_the_extract_has_the_cld_columns_and_exactly_the_people_asked_for(tmp_path):
    manifest = generate(Settings(people=750, seed=2), tmp_path)
    with (tmp_path / "cld.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == [c.name for c in COLUMNS]
    ids = {row[4] for row in rows[1:]}
    assert len(ids) == 750
    assert manifest["rows"] == len(rows) - 1
    assert sum(manifest["rows_by_event_type"].values()) == len(rows) - 1
    assert all(row[26][2] == "/" for row in rows[1:])  # dd/mm/yyyy start dates
    teams = {row[-2] for row in rows[1:]}
    assert 4 <= len(teams) <= 8 and "" not in teams
    population = (tmp_path / "population.csv").read_text().splitlines()
    assert population[0] == "age_band,population"
    assert [line.split(",")[0] for line in population[1:]] == ["18-64", "65+"]


def test_a_clean_council_imports_without_a_single_rejected_row(tmp_path):
    generate(Settings(people=3000, seed=3, programme_start=None), tmp_path / "c")
    summary = import_cld([tmp_path / "c" / "cld.csv"], tmp_path / "home").summary
    assert summary["rows_rejected"] == 0, summary["errors_by_rule"]
    assert summary["errors_by_rule"] == {}


def test_every_planted_problem_is_caught_by_its_rule(tmp_path):
    manifest = generate(Settings(people=3000, seed=4, dirty=0.05), tmp_path / "c")
    planted = manifest["data_quality_problems"]
    assert all(planted["rows"][kind] > 10 for kind in planted["rows"])
    summary = import_cld([tmp_path / "c" / "cld.csv"], tmp_path / "home").summary
    expected = {
        "CLD010": planted["rows"]["blank_mandatory"],
        "CLD030": planted["rows"]["bad_date"],
        "CLD031": planted["rows"]["end_before_start"],
        "CLD070": planted["rows"]["duplicate"],
    }
    assert summary["errors_by_rule"] == expected
    assert summary["rows_rejected"] == planted["expected_rejected_rows"]
    snapshot = json.loads((tmp_path / "home" / "snapshots" / "1" / "manifest.json").read_text())
    names = {c.alias: c.name for c in COLUMNS}
    assert snapshot["translated_to_r2"] == {
        names[alias]: n for alias, n in planted["r1_spellings_by_field"].items()
    }


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--people", "0"], "--people must be at least 1"),
        (["--people", "5", "--dirty", "1.5"], "--dirty must be a share"),
        (["--people", "5", "--period-end", "31/03/2025"], "--period-end must be a date"),
        (["--people", "5", "--programme-start", "2019-01-01"], "--programme-start must fall"),
        (["--people", "5", "--la-code", "12a"], "--la-code must be three digits"),
    ],
)
def test_bad_arguments_get_one_line_and_exit_2(tmp_path, capsys, args, message):
    code, _, err = _run(capsys, *args, "--seed", "1", "--out", str(tmp_path / "x"))
    assert code == 2
    assert message in err and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1
    assert not (tmp_path / "x").exists()
