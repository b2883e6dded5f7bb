"""Benchmark `carelens generate` against bare CSV writing of the same number of rows.

    python benchmarks/bench_generate.py [--people 1000000]

Times (a) `carelens generate` in a subprocess, which reports its own peak memory,
and, in this process, (b) Python's csv module writing the same number of rows of
one fixed CLD row: the floor for any generator that writes CSV from Python.
Prints people and rows per second, the ratio, and the target from issue 5:
1 million people in under 3 minutes with bounded memory on 2 cores.
"""

from __future__ import annotations

import argparse
import csv
import json
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from peak import run_carelens


def bench_generate(people: int, out: Path) -> tuple[float, float, dict]:
    args = ["generate", "--people", str(people), "--seed", "1", "--out", str(out)]
    args += ["--programme-start", "2024-04-01", "--dirty", "0.01"]
    seconds, peak_mb, result = run_carelens(args, out.parent / "peak_kb")
    if result.returncode != 0:
        raise SystemExit(f"carelens generate failed: {result.stderr}")
    manifest = json.loads((out / "manifest.json").read_text())
    return seconds, peak_mb, manifest


def bench_csv(rows: int, path: Path, sample: list[str]) -> float:
    start = time.perf_counter()
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\r\n")
        for _ in range(rows):
            writer.writerow(sample)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=1_000_000)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="carelens-bench-gen-"))
    try:
        a, peak_mb, manifest = bench_generate(args.people, work / "council")
        rows = manifest["rows"]
        with (work / "council" / "cld.csv").open(encoding="utf-8", newline="") as handle:
            reader = csv.reader(handle)
            next(reader)
            sample = next(reader)
        b = bench_csv(rows, work / "bare.csv", sample)
        size_mb = (work / "council" / "cld.csv").stat().st_size / 1e6
        print(f"council: {args.people:,} people, {rows:,} rows, {size_mb:,.0f} MB")
        print(
            f"(a) carelens generate   {a:8.2f} s  {args.people / a:10,.0f} people/s  "
            f"{rows / a:10,.0f} rows/s  peak {peak_mb:,.0f} MB"
        )
        print(f"(b) bare csv.writer     {b:8.2f} s  {rows / b:10,.0f} rows/s")
        print(f"a / b time: {a / b:.2f}")
        projected = a * 1_000_000 / args.people
        print(f"projected 1M people: {projected:,.0f} s (target < 180 s); peak {peak_mb:,.0f} MB")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
