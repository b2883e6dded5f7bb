"""`import_cld`: read, check and store CLD extracts as one immutable snapshot.

Nothing is written unless every file is usable: any UnusableFile stops the
import before the snapshot folder is published. Counts always add up:
rows_in == rows_accepted + rows_rejected.
"""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import duckdb

from carelens.ingest.columns import BY_ALIAS
from carelens.ingest.normalise import normalise
from carelens.ingest.readers import read_source
from carelens.ingest.report import summarise, write_rejected_report
from carelens.ingest.rules import RULES_VERSION
from carelens.ingest.stage import map_headers, stage
from carelens.ingest.validate import validate
from carelens.snapshots.store import DATABASE, new_workdir, publish

# progress(stage, done, total); stages in order: "read" (files), "rows" (data rows read
# so far; total 0), "normalise", "checked" (rules), "write".
Progress = Callable[[str, int, int], None]
REJECTED_REPORT = "rejected_rows.csv"


@dataclass
class ImportResult:
    snapshot: str
    path: Path
    summary: dict


def _counts_by_rule(rules: dict, severity: str) -> dict[str, int]:
    return {code: info["rows"] for code, info in rules.items() if info["severity"] == severity}


def import_cld(
    paths: list[Path],
    home: Path,
    label: str = "",
    progress: Progress | None = None,
    memory_limit: str = "1500MB",
) -> ImportResult:
    """Import the files as one snapshot; raises UnusableFile and writes nothing if any is."""
    progress = progress or (lambda stage, done, total: None)
    work = new_workdir(home)
    scratch = work / ".scratch"
    scratch.mkdir()
    try:
        # A database file, not memory: its tables can then be larger than memory_limit.
        con = duckdb.connect(str(scratch / "import.duckdb"))
        con.execute(f"SET memory_limit = '{memory_limit}'")
        con.execute(f"SET temp_directory = '{scratch}'")
        con.execute("SET preserve_insertion_order = true")
        con.execute("SET enable_progress_bar = false")  # stdout carries only the result
        sources, maps, notes = [], [], []
        rows_read = 0
        for index, path in enumerate(paths):
            source = read_source(con, Path(path), index, scratch)
            header_map = map_headers(source)
            sources.append(source)
            maps.append(header_map)
            notes += header_map.notes
            rows_read += source.rows_in
            progress("read", index + 1, len(paths))
            progress("rows", rows_read, 0)  # data rows read so far, all files
        con.execute("CREATE TABLE files (file_index INTEGER, path VARCHAR)")
        con.executemany(
            "INSERT INTO files VALUES (?, ?)", [(s.index, s.path.name) for s in sources]
        )
        stage(con, sources, maps)
        # The snapshot's own database receives the normalised rows once; rejected
        # rows are deleted from it at the end, so nothing is copied twice.
        con.execute(f"ATTACH '{work / DATABASE}' AS snap")
        progress("normalise", 0, 1)
        normalise(con, target="snap.events")
        validate(con, progress, target="snap.issues")
        progress("write", 0, 1)
        summary = _write(con, work, sources, notes, label)
        con.execute("DETACH snap")
        con.close()
        shutil.rmtree(scratch)
        snapshot_id, target = publish(work, summary["manifest"])
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise
    result = summary["result"]
    result["snapshot"] = snapshot_id
    result["rejected_report"] = str(target / REJECTED_REPORT)
    return ImportResult(snapshot_id, target, result)


def _write(con, work: Path, sources, notes, label: str) -> dict:
    con.execute("CREATE TABLE snap.extras AS SELECT * FROM extras")
    write_rejected_report(con, work / REJECTED_REPORT)
    translated = dict(
        con.execute(
            "SELECT field, sum(n) FROM list_dict WHERE translated GROUP BY field"
        ).fetchall()
    )
    rules = summarise(con)
    # Last, once the report has taken the rejected rows' values from it; what is
    # left is the accepted rows, counted by file in one pass.
    con.execute("DELETE FROM snap.events WHERE _seq IN (SELECT _seq FROM rejected)")
    by_file = con.execute(
        """SELECT _file, count(*), min(Reporting_Period_Start_Date),
                  max(Reporting_Period_End_Date)
           FROM norm GROUP BY _file"""
    ).fetchall()
    per_file = {index: n for index, n, _, _ in by_file}
    starts = [start for _, _, start, _ in by_file if start is not None]
    ends = [end for _, _, _, end in by_file if end is not None]
    period = (min(starts, default=None), max(ends, default=None))
    rejected, ragged = con.execute(
        "SELECT (SELECT count(*) FROM rejected), (SELECT count(*) FROM ragged)"
    ).fetchone()
    staged = sum(s.rows_in for s in sources) - ragged
    if staged != rejected + sum(per_file.values()):
        raise RuntimeError("import rows do not add up: rejected and accepted rows differ")
    warnings = _counts_by_rule(rules, "warn")
    # File-level notes count once per file (cld.md §10), however many columns they name.
    for code in {code for code, _ in notes}:
        files_noted = {message.split(":", 1)[0] for c, message in notes if c == code}
        warnings[code] = warnings.get(code, 0) + len(files_noted)
    rows_in = staged + ragged
    rows_rejected = rejected + ragged
    files = [str(s.path) for s in sources]
    result = {
        "snapshot": None,
        "files": files,
        "rows_in": rows_in,
        "rows_accepted": rows_in - rows_rejected,
        "rows_rejected": rows_rejected,
        "errors_by_rule": _counts_by_rule(rules, "reject"),
        "warnings_by_rule": dict(sorted(warnings.items())),
        "rejected_report": None,
    }
    manifest = {
        "snapshot": None,
        "label": label,
        "created": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "rules_version": RULES_VERSION,
        "reporting_period": {
            "start": period[0].isoformat() if period[0] else None,
            "end": period[1].isoformat() if period[1] else None,
        },
        "files": [
            {
                "name": s.path.name,
                "sha256": s.sha256,
                "kind": s.kind,
                "encoding": s.encoding,
                "rows_in": s.rows_in,
                "rows_accepted": per_file.get(s.index, 0),
            }
            for s in sources
        ],
        "counts": {k: result[k] for k in ("rows_in", "rows_accepted", "rows_rejected")},
        "errors_by_rule": result["errors_by_rule"],
        "warnings_by_rule": result["warnings_by_rule"],
        "rules": rules,
        "notes": [message for _, message in notes],
        # Values given in an R1 (or other listed) spelling and stored in the R2 spelling.
        "translated_to_r2": {BY_ALIAS[a].name: int(n) for a, n in sorted(translated.items())},
        "contents": {
            DATABASE: "DuckDB tables: events (accepted rows, typed, with derived fields), "
            "issues (every rule each row failed, errors and warnings), "
            "extras (columns that are not CLD fields, kept aside)",
            REJECTED_REPORT: "rejected rows with their reasons and original values",
        },
    }
    return {"result": result, "manifest": manifest}
