"""Helpers shared by the data commands: one-line errors and date options."""

from __future__ import annotations

import datetime as dt

import typer


def fail(command: str, message: str) -> None:
    """Print `carelens <command>: message` on stderr and exit 2, as every command does."""
    typer.echo(f"carelens {command}: {message}", err=True)
    raise typer.Exit(2)


def iso_date(command: str, text: str | None, option: str) -> dt.date | None:
    """The date an option gives as YYYY-MM-DD (None when not given); exit 2 if malformed."""
    if text is None:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        fail(command, f"{option} must be a date as YYYY-MM-DD, not {text!r}")
    return None  # pragma: no cover
