"""What a dashboard shows for a measure, from a Grid: tiles, trends and team comparisons.

No Django here, so the pages, the exports and the tests all read the same figures.
"""

from __future__ import annotations

from dataclasses import dataclass

from carelens.metrics import spc
from carelens.metrics.catalog import Measure
from carelens.metrics.grid import ALL_TEAMS, HEADLINE_BETTER, HEADLINE_SPLIT, Grid

COMPARISON_MONTHS = 12
BASELINE_MONTHS = 12  # limits from the first year once there are
BASELINE_FROM = 20  # at least this many months


@dataclass(frozen=True)
class Tile:
    measure: Measure
    month: str
    cell: dict | None
    previous: dict | None
    sparkline: list[float | None]
    signal: spc.Point | None = None  # the month's point on the control chart

    @property
    def title(self) -> str:
        split = HEADLINE_SPLIT.get(self.measure.id)
        return f"{self.measure.title}: share to {split}" if split else self.measure.title

    @property
    def change(self) -> float | None:
        if not self.cell or not self.previous:
            return None
        if self.cell["value"] is None or self.previous["value"] is None:
            return None
        return self.cell["value"] - self.previous["value"]

    @property
    def judgement(self) -> str:
        """'better', 'worse' or '' for a change, by the measure's direction."""
        change = self.change
        better = higher_is_better(self.measure)
        if not change or better is None:
            return ""
        return "better" if (change > 0) == better else "worse"


def months_up_to(grid: Grid, measure_id: str, month: str, team: str = ALL_TEAMS):
    return [(m, cell) for m, cell in grid.series(measure_id, team) if m <= month]


def tile(grid: Grid, measure: Measure, month: str, team: str = ALL_TEAMS) -> Tile:
    series = months_up_to(grid, measure.id, month, team)
    cell = series[-1][1] if series and series[-1][0] == month else None
    previous = series[-2][1] if len(series) > 1 and cell else None
    points = trend(grid, measure, month, team) if cell else []
    return Tile(
        measure,
        month,
        cell,
        previous,
        [c["value"] if c else None for _, c in series[-COMPARISON_MONTHS:]],
        points[-1] if points and points[-1].label == month else None,
    )


def trend(grid: Grid, measure: Measure, month: str, team: str = ALL_TEAMS) -> list[spc.Point]:
    """The monthly series to `month` with its control limits and special causes."""
    series = months_up_to(grid, measure.id, month, team)
    labels = [m for m, _ in series]
    baseline = baseline_months(len(series))
    if measure.unit == "percent":
        points = spc.p_chart(
            labels,
            [c["numerator"] if c else None for _, c in series],
            [c["denominator"] if c else None for _, c in series],
            baseline,
        )
    else:
        points = spc.xmr_chart(
            labels, [c["value"] if c else None for _, c in series], baseline=baseline
        )
    return spc.mark_special_causes(points, higher_is_better(measure))


def baseline_months(length: int) -> int | None:
    """How many months the limits come from (None: all of them)."""
    return BASELINE_MONTHS if length >= BASELINE_FROM else None


def higher_is_better(measure: Measure) -> bool | None:
    """The measure's direction, or its headline split's where it has one."""
    return HEADLINE_BETTER.get(measure.id, measure.higher_is_better)


def comparison_window(grid: Grid, measure: Measure, month: str) -> list[str]:
    """The months a team comparison adds up: the 12 to `month` for monthly counts,
    only `month` where each month's figure already covers a year (point in time)."""
    months = [m for m, _ in months_up_to(grid, measure.id, month)]
    if measure.point_in_time or "month" not in measure.groupings:
        return months[-1:]
    return months[-COMPARISON_MONTHS:]


def team_comparison(
    grid: Grid, measure: Measure, month: str
) -> tuple[float | None, list[spc.FunnelPoint], list[str]]:
    """Funnel plot of the teams for a percentage measure: (centre, teams, months used)."""
    if measure.unit != "percent":
        return None, [], []
    window = comparison_window(grid, measure, month)
    units = []
    for team in grid.teams:
        cells = [grid.cell(measure.id, team, m) for m in window]
        n = sum(c["numerator"] or 0 for c in cells if c)
        d = sum(c["denominator"] or 0 for c in cells if c)
        units.append((team, n, d))
    centre, points = spc.funnel(units)
    return centre, points, window


def notes_for(grid: Grid, measure: Measure, month: str) -> list[str]:
    """What the measure had to leave out in the month (the runner's coverage notes)."""
    note = grid.month_notes.get(measure.id, {}).get(month)
    return [note] if note else []
