"""`carelens import cld` and `carelens snapshots` as a person or a script runs them."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from tests.ingest.factories import row, write_csv


def _carelens(*args, home):
    env = {**os.environ, "CARELENS_HOME": str(home)}
    env.pop("DATABASE_URL", None)
    env.pop("DJANGO_SETTINGS_MODULE", None)
    command = [sys.executable, "-c", "from carelens.cli import main; main()", *args]
    return subprocess.run(command, env=env, capture_output=True, text=True, timeout=120)


def test_json_output_is_one_object_with_the_contract_keys(tmp_path):
    extract = write_csv(tmp_path / "q1.csv", [row("Request"), row("Review", Event_End_Date="")])
    result = _carelens("import", "cld", str(extract), "--json", "--label", "Q1", home=tmp_path)
    assert result.returncode == 0, result.stderr
    summary = json.loads(result.stdout)
    assert set(summary) == {
        "snapshot",
        "files",
        "rows_in",
        "rows_accepted",
        "rows_rejected",
        "errors_by_rule",
        "warnings_by_rule",
        "rejected_report",
    }
    assert (summary["rows_in"], summary["rows_accepted"], summary["rows_rejected"]) == (2, 1, 1)
    assert summary["errors_by_rule"] == {"CLD010": 1}
    listed = json.loads(_carelens("snapshots", "--json", home=tmp_path).stdout)
    assert [(s["id"], s["label"], s["rows"]) for s in listed] == [(summary["snapshot"], "Q1", 1)]


def test_an_unusable_file_exits_2_names_it_and_writes_nothing(tmp_path):
    extract = tmp_path / "broken.csv"
    extract.write_text("LA Code,Gender\n999,Female\n", encoding="utf-8")
    result = _carelens("import", "cld", str(extract), "--json", home=tmp_path)
    assert result.returncode == 2
    assert result.stdout == ""
    assert "broken.csv" in result.stderr and "required column(s) missing" in result.stderr
    assert "Traceback" not in result.stderr
    assert json.loads(_carelens("snapshots", "--json", home=tmp_path).stdout) == []
    assert [p.name for p in (tmp_path / "snapshots").iterdir()] == []


def test_a_missing_file_is_unusable_not_a_crash(tmp_path):
    result = _carelens("import", "cld", str(tmp_path / "nope.csv"), home=tmp_path)
    assert result.returncode == 2
    assert "nope.csv" in result.stderr and "does not exist" in result.stderr
