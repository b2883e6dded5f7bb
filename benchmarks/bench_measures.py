"""Benchmark the measures engine on synthetic councils of a given number of events.

    python benchmarks/bench_measures.py [--events 200000 10000000]

For each size: generates a council (about 2.6 events a person), imports it, then
times the full suite of measures (shared views included) and each measure alone,
and in the same run a straightforward pandas version of two measures
(reablement_episodes and homecare_hours_week) for comparison. Targets from
issue 6 on 2 cores: the full suite under 0.5 s at about 200,000 events and under
10 s at 10 million.
"""

from __future__ import annotations

import argparse
import datetime as dt
import shutil
import tempfile
import time
from pathlib import Path

from carelens.ingest.importer import import_cld
from carelens.metrics.catalog import measures
from carelens.metrics.runner import Request, Runner
from carelens.snapshots.store import connect
from carelens.synth.council import Settings
from carelens.synth.writer import generate

START, END = dt.date(2024, 4, 1), dt.date(2025, 3, 31)
EVENTS_PER_PERSON = 2.6


def suite(folder: Path, population: dict) -> tuple[float, dict[str, float]]:
    ids = list(measures())
    start = time.perf_counter()
    with Runner(folder) as runner:
        runner.run(Request(ids, START, END, population=population))
    whole = time.perf_counter() - start
    each = {}
    with Runner(folder) as runner:
        runner.run(Request(ids[:1], START, END, population=population))  # views built
        for measure_id in ids:
            t = time.perf_counter()
            runner.run(Request([measure_id], START, END, population=population))
            each[measure_id] = time.perf_counter() - t
    return whole, each


def pandas_two(folder: Path) -> float | None:
    """reablement_episodes and homecare_hours_week, written plainly in pandas."""
    try:
        import pandas as pd
    except ImportError:
        return None
    with connect(folder) as con:
        start = time.perf_counter()
        events = con.execute("SELECT * FROM events").df()
    rows = events[events["Service_Type"] == "Short term support: ST-Max"].copy()
    rows["e"] = rows["event_end_date_derived"].fillna(pd.Timestamp("2262-01-01"))
    rows = rows.sort_values(["person_id", "Event_Start_Date", "e"])
    before = rows.groupby("person_id")["e"].transform(lambda s: s.cummax().shift())
    new = before.isna() | (rows["Event_Start_Date"] > before + pd.Timedelta(days=7))
    rows["episode"] = new.astype(int).groupby(rows["person_id"]).cumsum()
    episodes = rows.groupby(["person_id", "episode"]).agg(end=("e", "max"))
    in_period = episodes["end"].between(pd.Timestamp(START), pd.Timestamp(END))
    int(in_period.sum())
    at = pd.Timestamp(END)
    care = events[
        (events["Service_Component"] == "Home support or domiciliary care")
        & (events["Service_Type"] == "Long term support: Community")
        & (events["Event_Start_Date"] <= at)
        & (events["event_end_date_derived"].isna() | (events["event_end_date_derived"] >= at))
        & (events["Cost_Frequency_Unit_Type"] == "Hourly")
    ]
    float(care["Planned_units_per_week"].astype(float).sum())
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, nargs="+", default=[200_000, 10_000_000])
    args = parser.parse_args()
    for events in args.events:
        work = Path(tempfile.mkdtemp(prefix="carelens-bench-measures-"))
        try:
            people = max(100, int(events / EVENTS_PER_PERSON))
            t = time.perf_counter()
            manifest = generate(
                Settings(people=people, seed=1, programme_start=dt.date(2024, 4, 1)),
                work / "c",
            )
            made = time.perf_counter() - t
            t = time.perf_counter()
            result = import_cld([work / "c" / "cld.csv"], work / "home")
            imported = time.perf_counter() - t
            whole, each = suite(result.path, manifest["population"])
            target = 0.5 if events <= 1_000_000 else 10.0
            print(
                f"\n{manifest['rows']:,} events, {people:,} people "
                f"(generated in {made:.1f} s, imported in {imported:.1f} s)"
            )
            print(f"full suite: {whole:.2f} s (target < {target} s)")
            for measure_id, seconds in sorted(each.items(), key=lambda kv: -kv[1]):
                print(f"  {measure_id:26s} {seconds:7.3f} s")
            baseline = pandas_two(result.path)
            if baseline is None:
                print("pandas two measures: not run (pip install pandas)")
            else:
                ours = each["reablement_episodes"] + each["homecare_hours_week"]
                print(
                    f"pandas two measures: {baseline:.2f} s; carelens the same two: "
                    f"{ours:.3f} s ({baseline / ours:.0f}x)"
                )
        finally:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
