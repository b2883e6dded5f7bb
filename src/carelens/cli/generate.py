"""`carelens generate`: write a synthetic council's CLD extract."""

from __future__ import annotations

import datetime as dt
import re
import sys
from pathlib import Path

import typer

from carelens.cli.app import app
from carelens.cli.options import fail, iso_date


def _fail(message: str) -> None:
    fail("generate", message)


def _date(text: str | None, option: str) -> dt.date | None:
    return iso_date("generate", text, option)


def _progress():
    if not sys.stderr.isatty():
        return None, None
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    bar = Progress(
        TextColumn("People"),
        BarColumn(),
        MofNCompleteColumn(),
        console=Console(stderr=True),
        transient=True,
    )
    task = bar.add_task("people", total=None)
    return bar, lambda done, total: bar.update(task, completed=done, total=total)


@app.command(rich_help_panel="Data")
def generate(
    people: int = typer.Option(..., help="Number of distinct people in the extract."),
    seed: int = typer.Option(..., help="Random seed: the same arguments give the same files."),
    out: Path = typer.Option(..., help="Folder to write cld.csv, population.csv, manifest.json."),
    la_code: str = typer.Option("999", help="Three-digit council (CASSR) code."),
    period_end: str = typer.Option("2025-03-31", help="Last day of the extract (YYYY-MM-DD)."),
    years: int = typer.Option(2, help="Years of history up to the period end."),
    programme_start: str = typer.Option(
        None, help="Date practice starts to improve (YYYY-MM-DD); none if not given."
    ),
    dirty: float = typer.Option(
        0.0, help="Share of rows (0 to 1) given a planted data-quality problem."
    ),
) -> None:
    """Write a realistic, deterministic synthetic council as a CLD extract.

    Example: carelens generate --people 20000 --seed 1 --out council --programme-start 2024-04-01
    """
    from carelens.synth.council import Settings
    from carelens.synth.writer import generate as write

    end = _date(period_end, "--period-end")
    start = _date(programme_start, "--programme-start")
    if people < 1:
        _fail("--people must be at least 1")
    if not 1 <= years <= 10:
        _fail("--years must be between 1 and 10")
    if not 0 <= dirty <= 1:
        _fail("--dirty must be a share between 0 and 1, e.g. 0.02")
    if not re.fullmatch(r"\d{3}", la_code):
        _fail(f"--la-code must be three digits, not {la_code!r}")
    settings = Settings(people, seed, la_code, end, years, start, dirty)
    if start is not None and not settings.window_start <= start <= end:
        _fail(f"--programme-start must fall in the extract, {settings.window_start} to {end}")
    if out.exists() and not out.is_dir():
        _fail(f"{out} exists and is not a folder")
    bar, update = _progress()
    try:
        if bar:
            with bar:
                manifest = write(settings, out, update)
        else:
            manifest = write(settings, out)
    except OSError as error:
        _fail(f"could not write to {out}: {error.strerror or error}")
    typer.echo(
        f"Wrote {out / 'cld.csv'}: {manifest['rows']:,} rows for {manifest['people']:,} people "
        f"({manifest['reporting_period']['start']} to {manifest['reporting_period']['end']})."
    )
    typer.echo(f"Population and manifest: {out / 'population.csv'}, {out / 'manifest.json'}")
