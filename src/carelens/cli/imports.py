"""`carelens import cld` and `carelens snapshots`."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import typer

from carelens.cli.app import app
from carelens.config import carelens_home

import_app = typer.Typer(help="Import extracts into a new snapshot.", no_args_is_help=True)
app.add_typer(import_app, name="import", rich_help_panel="Data")


def _progress_bar():
    """A rich progress bar on stderr when it is a terminal, else nothing."""
    if not sys.stderr.isatty():
        return None, None
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    progress = Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        console=Console(stderr=True),
        transient=True,
    )
    tasks: dict[str, int] = {}

    labels = {
        "read": "Reading files",
        "normalise": "Normalising values",
        "checked": "Checking rules",
        "write": "Writing the snapshot",
    }

    def update(stage: str, done: int, total: int) -> None:
        if stage not in labels:
            return  # row counts: the bars show stages
        label = labels[stage]
        if stage not in tasks:
            tasks[stage] = progress.add_task(label, total=total)
        progress.update(tasks[stage], completed=done, total=total)

    return progress, update


def _audit_import(result: dict) -> None:
    """Record the import in the audit trail when the operational database is set up."""
    from carelens.cli import django as dj

    dj.setup()
    from django.db import connection
    from django.db.utils import DatabaseError

    from carelens.accounts import audit

    try:
        if "accounts_auditevent" not in connection.introspection.table_names():
            typer.echo(
                "Note: the operational database is not set up (run `carelens migrate`), "
                "so this import is not in the audit trail.",
                err=True,
            )
            return
        audit.record(
            None,
            audit.Action.IMPORT,
            object_type="snapshot",
            object_id=result["snapshot"],
            detail=f"CLD: {result['rows_in']} rows in, {result['rows_rejected']} rejected",
        )
    except DatabaseError as error:
        typer.echo(f"Note: could not write the audit row ({error}).", err=True)


@import_app.command("cld")
def import_cld_command(
    files: list[Path] = typer.Argument(..., help="CLD extracts: CSV or XLSX."),
    label: str = typer.Option("", help="A name for the snapshot, e.g. 'Q2 2025-26'."),
    as_json: bool = typer.Option(False, "--json", help="Print one JSON object on stdout."),
) -> None:
    """Check CLD extracts row by row and store the accepted rows as a new snapshot.

    Example: carelens import cld extract.csv --label "Q2 2025-26"

    Exit 0 when a snapshot was written (even with rejected rows); exit 2 when a
    file is unusable, with nothing written.
    """
    from carelens.ingest.errors import UnusableFile
    from carelens.ingest.importer import import_cld

    home = carelens_home()
    progress, update = _progress_bar()
    try:
        if progress:
            with progress:
                result = import_cld(files, home, label=label, progress=update)
        else:
            result = import_cld(files, home, label=label)
    except UnusableFile as error:
        typer.echo(f"carelens: {error}. Nothing was imported.", err=True)
        raise typer.Exit(2) from None
    summary = result.summary
    _audit_import(summary)
    if as_json:
        typer.echo(json.dumps(summary))
        return
    typer.echo(
        f"Snapshot {summary['snapshot']}: {summary['rows_in']} rows read, "
        f"{summary['rows_accepted']} accepted, {summary['rows_rejected']} rejected."
    )
    for title, counts in (("Errors", "errors_by_rule"), ("Warnings", "warnings_by_rule")):
        if summary[counts]:
            typer.echo(
                f"{title} (rows by rule): "
                + ", ".join(f"{code} {n}" for code, n in summary[counts].items())
            )
    if summary["rows_rejected"]:
        typer.echo(f"Rejected rows, with reasons: {summary['rejected_report']}")


@app.command(rich_help_panel="Data")
def snapshots(
    as_json: bool = typer.Option(False, "--json", help="Print a JSON list."),
) -> None:
    """List snapshots, newest first. Example: carelens snapshots --json"""
    from carelens.snapshots.catalog import describe, list_snapshots

    items = [describe(info) for info in reversed(list_snapshots(carelens_home()))]
    if as_json:
        typer.echo(json.dumps(items))
        return
    if not items:
        typer.echo("No snapshots yet. Import one with: carelens import cld FILE")
        return
    for item in items:
        period = item["reporting_period"] or {}
        typer.echo(
            f"{item['id']:>4}  {item['created']}  {item['rows']} rows  "
            f"{period.get('start')} to {period.get('end')}  {', '.join(item['files'])}"
            + (f"  ({item['label']})" if item["label"] else "")
        )
