"""`carelens measures`: every measure on a snapshot, as JSON, CSV or a table."""

from __future__ import annotations

import csv
import datetime as dt
import json
import sys
from pathlib import Path

import typer

from carelens.cli.app import app
from carelens.cli.options import fail, iso_date
from carelens.config import carelens_home

FIELDS = (
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
)


def _fail(message: str) -> None:
    fail("measures", message)


def _date(text: str | None, option: str) -> dt.date | None:
    return iso_date("measures", text, option)


def _group_text(group: dict) -> str:
    return "; ".join(f"{k}={v}" for k, v in group.items())


@app.command(rich_help_panel="Data")
def measures(
    snapshot: str = typer.Option("latest", help="Snapshot id, or 'latest'."),
    period_end: str = typer.Option(
        None, help="Last day of the period (YYYY-MM-DD); default the snapshot's end."
    ),
    period_start: str = typer.Option(
        None, help="First day (YYYY-MM-DD); default the 12 months to the period end."
    ),
    measure: list[str] = typer.Option(None, help="Measure id (repeat for several); default all."),
    by: str = typer.Option(None, help="Group by age_band, team, month or gender."),
    population: Path = typer.Option(
        None, help="CSV with age_band,population rows, for rates per 100,000."
    ),
    output: str = typer.Option("table", "--format", help="json, csv or table."),
) -> None:
    """Compute measures (ASCOF 2024-25 and operational) from a snapshot.

    Example: carelens measures --by team --population council/population.csv --format table
    """
    from carelens.metrics.catalog import GROUPINGS
    from carelens.metrics.catalog import measures as catalog
    from carelens.metrics.runner import (
        MeasureError,
        Request,
        Runner,
        default_period,
        read_population,
    )
    from carelens.snapshots.catalog import list_snapshots

    if output not in ("json", "csv", "table"):
        _fail("--format must be json, csv or table")
    if by is not None and by not in GROUPINGS:
        _fail(f"--by must be one of {', '.join(GROUPINGS)}")
    found = list_snapshots(carelens_home())
    if not found:
        _fail("there are no snapshots yet; import one with: carelens import cld FILE")
    chosen = (
        found[-1]
        if snapshot == "latest"
        else next((s for s in found if s.snapshot_id == snapshot), None)
    )
    if chosen is None:
        _fail(f"no snapshot {snapshot!r}; `carelens snapshots` lists them")
    period = chosen.manifest.get("reporting_period") or {}
    data_start = dt.date.fromisoformat(period["start"]) if period.get("start") else None
    data_end = dt.date.fromisoformat(period["end"]) if period.get("end") else None
    end = _date(period_end, "--period-end") or data_end
    if end is None:
        _fail(f"snapshot {chosen.snapshot_id} has no reporting period; give --period-end")
    start = _date(period_start, "--period-start") or default_period(end)
    if start > end:
        _fail(f"--period-start {start} is after the period end {end}")
    if data_start and data_end and (end < data_start or start > data_end):
        _fail(
            f"the period {start} to {end} is outside snapshot {chosen.snapshot_id}'s data "
            f"({data_start} to {data_end})"
        )
    ids = list(measure) if measure else list(catalog())
    try:
        people = read_population(population) if population else None
        request = Request(ids, start, end, by, people)
        with Runner(chosen.path) as runner:
            rows = runner.run(request)
    except MeasureError as error:
        _fail(str(error))
    for note in dict.fromkeys(request.notes):
        typer.echo(f"Note: {note}", err=True)
    if output == "json":
        typer.echo(json.dumps(rows))
    elif output == "csv":
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(FIELDS)
        for row in rows:
            writer.writerow([_group_text(row["group"]) if f == "group" else row[f] for f in FIELDS])
    else:
        _table(rows, chosen.snapshot_id, start, end)


def _table(rows: list[dict], snapshot_id: str, start: dt.date, end: dt.date) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"Snapshot {snapshot_id}, {start} to {end}")
    for name in ("measure", "group", "numerator", "denominator", "value", "unit", "95% CI"):
        table.add_column(name, justify="right" if name not in ("measure", "group") else "left")

    def text(value) -> str:
        return "" if value is None else f"{value:,}" if isinstance(value, int) else str(value)

    for row in rows:
        interval = "" if row["ci_low"] is None else f"{row['ci_low']} to {row['ci_high']}"
        table.add_row(
            row["measure"],
            _group_text(row["group"]),
            text(row["numerator"]),
            text(row["denominator"]),
            text(row["value"]),
            row["unit"],
            interval,
        )
    Console(width=160).print(table)
