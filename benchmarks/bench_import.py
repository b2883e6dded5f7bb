"""Benchmark `carelens import cld` against DuckDB's bare read_csv and a pandas baseline.

    python benchmarks/bench_import.py [--rows 1000000] [--keep] [--no-pandas] [--stages]

Makes an N-row CLD extract (2% of rows with a bad date), then in the same run
times (a) carelens import with full validation, in a subprocess so its peak
memory is its own; (b) DuckDB's bare read_csv of the file into a table;
(c) a straightforward pandas implementation of five of the rules. Prints rows
per second, the ratios, peak memory, and the targets from issue 4:
(a) >= 0.5 x (b), (a) >= 10 x (c), 10M rows in < 60 s and < 2 GB.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import time
from pathlib import Path

import duckdb

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_extract import make
from peak import run_carelens


def bench_carelens(path: Path, home: Path) -> tuple[float, float, dict]:
    seconds, peak_mb, result = run_carelens(
        ["import", "cld", str(path), "--json"], home.parent / "peak_kb", CARELENS_HOME=str(home)
    )
    if result.returncode != 0:
        raise SystemExit(f"carelens import failed: {result.stderr}")
    try:
        summary = json.loads(result.stdout)
    except json.JSONDecodeError:
        raise SystemExit(
            f"carelens printed more than JSON on stdout: {result.stdout[:500]!r}"
        ) from None
    return seconds, peak_mb, summary


def bench_duckdb(path: Path, as_text: bool = False) -> float:
    """Seconds for DuckDB to read the file into an in-memory table.

    `as_text` reads every column as text, as carelens must in order to report
    values as given; it is shown beside (b), not instead of it.
    """
    con = duckdb.connect()
    con.execute("SET enable_progress_bar = false")  # stdout carries only the figures
    options = ", all_varchar=true" if as_text else ""
    start = time.perf_counter()
    con.execute(f"CREATE TABLE t AS SELECT * FROM read_csv('{path}'{options})")
    return time.perf_counter() - start


def bench_stages(path: Path, home: Path) -> list[tuple[str, float]]:
    """Seconds spent in each stage the importer reports, from an in-process import."""
    from carelens.ingest.importer import import_cld

    marks: list[tuple[str, float]] = []

    def progress(stage: str, done: int, total: int) -> None:
        if not marks or marks[-1][0] != stage:
            marks.append((stage, time.perf_counter()))

    start = time.perf_counter()
    import_cld([path], home, progress=progress)
    end = time.perf_counter()
    # A stage is reported when it has started, except "read", reported once a file is read.
    names = {"read": "read and parse", "rows": "stage files", "normalise": "standard form"}
    names |= {"checked": "rules", "write": "report and write"}
    spans, previous = [], start
    for (stage, at), following in zip(marks, [*marks[1:], ("", end)], strict=True):
        if stage == "read":
            spans.append((names[stage], at - start))
            previous = at
            continue
        spans.append((names.get(stage, stage), following[1] - max(at, previous)))
    return spans


def bench_pandas(path: Path) -> float | None:
    try:
        import pandas as pd
    except ImportError:
        return None
    start = time.perf_counter()
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    frame = frame.apply(lambda column: column.str.strip())
    errors = pd.DataFrame(index=frame.index)
    errors["CLD010"] = frame["LA Code"] == ""
    start_date = pd.to_datetime(frame["Event Start Date"], format="%d/%m/%Y", errors="coerce")
    end_date = pd.to_datetime(frame["Event End Date"], format="%d/%m/%Y", errors="coerce")
    errors["CLD030"] = (frame["Event Start Date"] != "") & start_date.isna()
    genders = {"male", "female", "other", "unknown"}
    errors["CLD021"] = (frame["Gender"] != "") & ~frame["Gender"].str.lower().isin(genders)
    errors["CLD031"] = end_date < start_date
    digits = frame["NHS Number"].str.replace(r"[\s-]", "", regex=True)
    errors["CLD050"] = (digits != "") & ~digits.str.fullmatch(r"\d{10}")
    errors.any(axis=1).sum()
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--keep", action="store_true", help="keep the generated file")
    parser.add_argument(
        "--no-pandas", action="store_true", help="skip (c): pandas needs ~10 GB at 10M rows"
    )
    parser.add_argument(
        "--stages", action="store_true", help="import once more in-process, timing each stage"
    )
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="carelens-bench-"))
    try:
        path = make(work / "extract.csv", args.rows)
        size_mb = path.stat().st_size / 1e6
        print(f"extract: {args.rows:,} rows, {size_mb:,.0f} MB")
        b = bench_duckdb(path)
        b_text = bench_duckdb(path, as_text=True)
        a, peak_mb, summary = bench_carelens(path, work / "home")
        c = None if args.no_pandas else bench_pandas(path)
        n = args.rows
        print(f"(a) carelens import      {a:8.2f} s  {n / a:12,.0f} rows/s  peak {peak_mb:,.0f} MB")
        print(f"(b) duckdb read_csv      {b:8.2f} s  {n / b:12,.0f} rows/s")
        print(f"    ... every column text {b_text:8.2f} s  {n / b_text:12,.0f} rows/s  (reference)")
        if c is None:
            print("(c) pandas five rules    not run (--no-pandas, or pip install pandas)")
        else:
            print(f"(c) pandas five rules    {c:8.2f} s  {n / c:12,.0f} rows/s")
        print(
            f"a / b throughput: {b / a:.2f}  (target >= 0.50); against the text read: "
            f"{b_text / a:.2f}"
        )
        if c is not None:
            print(f"a / c throughput: {c / a:.2f}  (target >= 10)")
        projected = a * 10_000_000 / n
        print(
            f"projected 10M rows: {projected:,.0f} s (target < 60 s); peak here {peak_mb:,.0f} MB"
        )
        print(f"rows in {summary['rows_in']:,}, rejected {summary['rows_rejected']:,}")
        if args.stages:
            for name, seconds in bench_stages(path, work / "home-stages"):
                print(f"    stage {name:18s} {seconds:8.2f} s")
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
