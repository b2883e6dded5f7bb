"""The shared bad-extract corpus (../shared/fixtures/cld-bad), judged from expected.json.

One case differs on purpose: row_rules_mix.csv expects three rows rejected
that cld.md §10 (and DHSC's method) keep with a warning: Gender 'F' (CLD021),
a blank LA Person Unique Identifier beside an NHS Number (CLD011) and Unit
Cost -12.00 (CLD040). carelens follows cld.md; the conflict is reported.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from carelens.ingest.errors import UnusableFile
from carelens.ingest.importer import import_cld
from carelens.snapshots.store import connect

CORPUS = Path(__file__).resolve().parents[3] / "shared" / "fixtures" / "cld-bad"
CASES = json.loads((CORPUS / "expected.json").read_text())["cases"] if CORPUS.exists() else []
KEPT_WITH_WARNINGS = {
    "row_rules_mix.csv": {"rows_rejected": 4, "warned": {"CLD011", "CLD021", "CLD040"}}
}


def test_the_corpus_is_there():
    assert CASES, f"bad-extract corpus not found at {CORPUS}"


@pytest.mark.parametrize("case", CASES, ids=[c["file"] for c in CASES])
def test_bad_extract(case, tmp_path):
    path = CORPUS / case["file"]
    if case["expect_exit"] == 2:
        with pytest.raises(UnusableFile) as error:
            import_cld([path], tmp_path)
        text = str(error.value)
        for needle in case["must_mention"]:
            assert needle.lower() in text.lower()
        assert not [p for p in (tmp_path / "snapshots").iterdir()]
        return
    summary = import_cld([path], tmp_path).summary
    assert summary["rows_in"] == case["rows_in"]
    assert summary["rows_in"] == summary["rows_accepted"] + summary["rows_rejected"]
    decided = KEPT_WITH_WARNINGS.get(case["file"])
    if decided:
        assert summary["rows_rejected"] == decided["rows_rejected"]
        assert decided["warned"] <= set(summary["warnings_by_rule"])
        return
    assert summary["rows_rejected"] == case["rows_rejected"]
    report = Path(summary["rejected_report"]).read_text(encoding="utf-8")
    for row_number, line in zip(
        case.get("rejected_rows", []), case.get("rejected_lines", []), strict=True
    ):
        assert f"row {row_number} (line {line})" in report
    for needle in case.get("must_mention", []):
        assert needle in report
    if case.get("expect_warnings_min"):
        assert sum(summary["warnings_by_rule"].values()) >= case["expect_warnings_min"]
    _assert_stored(Path(summary["rejected_report"]).parent, case)


def _assert_stored(snapshot: Path, case: dict) -> None:

    con = connect(snapshot)
    con.execute("CREATE TEMP VIEW e AS SELECT * FROM events")
    columns = [d[0] for d in con.execute("SELECT * FROM e LIMIT 0").description]
    cells = ", ".join(f'CAST("{c}" AS VARCHAR)' for c in columns)
    for needle in case.get("must_store", []):
        found = con.execute(
            f"SELECT count(*) FROM e WHERE contains(concat_ws(chr(31), {cells}), ?)", [needle]
        ).fetchone()[0]
        assert found, f"{needle!r} not stored unchanged"
    for needle in case.get("must_store_exact", []):
        found = con.execute(
            f"SELECT count(*) FROM e WHERE list_contains(list_value({cells}), ?)", [needle]
        ).fetchone()[0]
        assert found, f"no value equal to {needle!r}"


def test_report_cells_are_neutralised(tmp_path):
    summary = import_cld([CORPUS / "bad_dates.csv"], tmp_path).summary
    import csv

    with open(summary["rejected_report"], encoding="utf-8", newline="") as handle:
        for record in csv.reader(handle):
            for cell in record:
                assert not cell.startswith(("=", "+", "-", "@")), cell
