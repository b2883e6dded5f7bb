"""Every measure by team and month for one snapshot: the table behind the dashboards.

A snapshot never changes, so the grid is computed once and kept by the
caller's cache. Each measure gets the periods its definition implies:

- measures counted by the month of their defining date (they have a `month`
  grouping and are not point-in-time) are evaluated once over the whole
  reporting window, by team and month;
- point-in-time measures, and measures over "the year" with no month grouping
  (ASCOF 2E), are evaluated at each month end over the 12 months to it, from
  the first month end whose 12 months lie inside the snapshot: a history the
  extract does not hold must never pass for overdue reviews;
- other measures (ASCOF 2B and 2C admissions) are evaluated for each calendar
  month.

Evaluations are ordered by period so the shared views are built once per period.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from carelens.metrics.catalog import Measure, measures
from carelens.metrics.runner import Request, Runner, default_period, month_ends

ALL_TEAMS = ""
# The one split a split measure is summarised by (others: its total row).
HEADLINE_SPLIT = {"new_requests_outcomes": "ST-Max"}
# More new requests going to reablement is the aim, whatever the measure's own direction.
HEADLINE_BETTER = {"new_requests_outcomes": True}
FIELDS = ("numerator", "denominator", "value", "ci_low", "ci_high")


@dataclass
class Grid:
    """Rows keyed (measure id, team or ALL_TEAMS, 'YYYY-MM'), each a dict of FIELDS."""

    snapshot: str
    months: list[str]
    teams: list[str]
    cells: dict[tuple[str, str, str], dict] = field(default_factory=dict)
    first_month: dict[str, str] = field(default_factory=dict)  # measure id -> first month
    notes: list[str] = field(default_factory=list)
    # measure id -> month -> what the measure left out that month (coverage notes)
    month_notes: dict[str, dict[str, str]] = field(default_factory=dict)

    def series(self, measure_id: str, team: str = ALL_TEAMS) -> list[tuple[str, dict | None]]:
        """(month, cell or None) for every month the measure has, oldest first."""
        first = self.first_month.get(measure_id, self.months[0] if self.months else "")
        return [
            (month, self.cells.get((measure_id, team, month)))
            for month in self.months
            if month >= first
        ]

    def cell(self, measure_id: str, team: str, month: str) -> dict | None:
        return self.cells.get((measure_id, team, month))

    def to_json(self) -> dict:
        return {
            "snapshot": self.snapshot,
            "months": self.months,
            "teams": self.teams,
            "first_month": self.first_month,
            "notes": self.notes,
            "month_notes": self.month_notes,
            "cells": [[*key, *(cell[f] for f in FIELDS)] for key, cell in self.cells.items()],
        }

    @classmethod
    def from_json(cls, data: dict) -> Grid:
        cells = {
            (m, t, mo): dict(zip(FIELDS, values, strict=True))
            for m, t, mo, *values in data["cells"]
        }
        return cls(
            data["snapshot"],
            data["months"],
            data["teams"],
            cells,
            data["first_month"],
            data["notes"],
            data.get("month_notes", {}),
        )


def _first_full_month(ends: list[dt.date], start: dt.date, history_days: int) -> str:
    """The first month that begins at least `history_days` after the snapshot starts."""
    ready = start + dt.timedelta(days=history_days)
    for month_end in ends:
        if month_end.replace(day=1) >= ready or (history_days == 0):
            return _month(month_end)
    return _month(ends[-1])


def headline_split(measure: Measure) -> str | None:
    return HEADLINE_SPLIT.get(measure.id) if measure.split else None


def _kind(measure: Measure) -> str:
    if not measure.point_in_time and "month" in measure.groupings:
        return "by_month"
    if measure.point_in_time or "team" in measure.groupings:
        return "rolling"
    return "monthly"


def _headline(measure: Measure, rows: list[dict]) -> list[dict]:
    """Rows of the headline split (or the split total), without the split key."""
    if not measure.split:
        return rows
    wanted = headline_split(measure)
    kept = []
    for row in rows:
        value = row["group"].get(measure.split)
        if value == wanted or (wanted is None and value in (None, "total")):
            row["group"] = {k: v for k, v in row["group"].items() if k != measure.split}
            kept.append(row)
    return kept


def _cell(row: dict) -> dict:
    """JSON-ready numbers: counts as int, values and limits as float."""
    cell = {}
    for name in FIELDS:
        value = row[name]
        if value is not None:
            value = int(value) if name in ("numerator", "denominator") else float(value)
        cell[name] = value
    return cell


def _month(day: dt.date) -> str:
    return day.strftime("%Y-%m")


def build_grid(
    runner: Runner,
    snapshot: str,
    window: tuple[dt.date, dt.date],
    population: dict[str, int] | None = None,
    measure_ids: list[str] | None = None,
) -> Grid:
    catalog = measures()
    chosen = [catalog[i] for i in (measure_ids or list(catalog))]
    start, end = window
    ends = month_ends(start, end)
    grid = Grid(snapshot, [_month(e) for e in ends], [])
    request = Request([m.id for m in chosen], start, end, population=population)
    tasks: dict[tuple[dt.date, dt.date], list[tuple[Measure, dt.date]]] = defaultdict(list)
    for measure in chosen:
        kind = _kind(measure)
        if kind == "by_month":
            tasks[(start, end)].append((measure, end))
            grid.first_month[measure.id] = _first_full_month(ends, start, measure.history_days)
        elif kind == "rolling":
            usable = [e for e in ends if default_period(e) >= start]
            for month_end in usable:
                tasks[(default_period(month_end), month_end)].append((measure, month_end))
            grid.first_month[measure.id] = _month(usable[0]) if usable else grid.months[-1]
        else:
            for month_end in ends:
                month_start = max(start, month_end.replace(day=1))
                tasks[(month_start, month_end)].append((measure, month_end))
            grid.first_month[measure.id] = _first_full_month(ends, start, measure.history_days)
    teams = set()
    for (p_start, p_end), items in sorted(tasks.items(), key=lambda item: item[0]):
        for measure, month_end in items:
            for team, month, row in _evaluate(runner, request, measure, p_start, p_end):
                month = month or _month(month_end)
                if team != ALL_TEAMS:
                    teams.add(team)
                grid.cells[(measure.id, team, month)] = _cell(row)
            if _kind(measure) != "by_month" and (note := runner.coverage_note(measure)):
                grid.month_notes.setdefault(measure.id, {})[_month(month_end)] = note
    grid.teams = sorted(teams)
    grid.notes = sorted(set(request.notes))
    _fill_zeros(grid, chosen)
    return grid


ZERO_UNITS = ("count", "hours", "gbp")  # nobody counted is 0, not "no figure"


def _fill_zeros(grid: Grid, chosen: list[Measure]) -> None:
    """A team with no units in a month counted zero, where the month has a figure."""
    for measure in chosen:
        if measure.unit not in ZERO_UNITS or "team" not in measure.groupings:
            continue
        for month in grid.months:
            whole = grid.cells.get((measure.id, ALL_TEAMS, month))
            if whole is None or whole["value"] is None:
                continue
            for team in grid.teams:
                grid.cells.setdefault(
                    (measure.id, team, month),
                    {
                        "numerator": 0,
                        "denominator": None,
                        "value": 0.0,
                        "ci_low": None,
                        "ci_high": None,
                    },
                )


def _evaluate(runner, request, measure, p_start, p_end):
    """(team, month or None, row) for the measure over one period."""
    if _kind(measure) == "by_month":
        by_team = runner.evaluate(
            measure, request, p_start, p_end, "team_month", "team || '|' || month"
        )
        for row in _headline(measure, by_team):
            key = row["group"]["team_month"]
            if key != "total":
                team, month = key.split("|", 1)
                yield team, month, row
        for row in _headline(measure, runner.evaluate(measure, request, p_start, p_end, "month")):
            if row["group"]["month"] != "total":
                yield ALL_TEAMS, row["group"]["month"], row
        return
    by = "team" if "team" in measure.groupings else None
    for row in _headline(measure, runner.evaluate(measure, request, p_start, p_end, by)):
        team = row["group"].get("team", "total")
        yield (ALL_TEAMS if team == "total" else team), None, row


def cell_period(
    measure: Measure, window: tuple[dt.date, dt.date], month: str
) -> tuple[dt.date, dt.date, str | None]:
    """The period a grid cell was evaluated over, and the month its units are
    filtered to (None where the whole period is the cell): for drill-down."""
    start, end = window
    month_end = next(e for e in month_ends(start, end) if _month(e) == month)
    kind = _kind(measure)
    if kind == "by_month":
        return start, end, month
    if kind == "rolling":
        return default_period(month_end), month_end, None
    return max(start, month_end.replace(day=1)), month_end, None
