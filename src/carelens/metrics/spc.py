"""Statistical process control and funnel plots: is a change real, or noise?

Plain Python, no Django. The rules follow NHS England's "Making Data Count"
guidance, which council and NHS staff already meet in board papers:

- a p-chart for proportions: centre p = sum(numerators) / sum(denominators),
  limits p +/- 3 sqrt(p (1 - p) / n_i) for each point's own denominator;
- an XmR chart for counts, days, hours, money and rates: centre the mean,
  limits mean +/- 2.66 x the mean moving range;
- limits come from a baseline (the first 12 months when there are 20 or more,
  else all months), so an improvement shows against how things used to run;
- special cause: a point outside the limits; a shift of 7 or more points in a
  row on one side of the centre line; a trend of 6 or more points in a row
  each higher (or each lower) than the one before;
- funnel plots compare teams: p +/- z sqrt(p (1 - p) / n) with z = 1.96 (95%)
  and 3.09 (99.8%), where p is all teams together.

Values here are in the units shown (percentages 0-100 for proportions).
"""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass

SHIFT = 7
TREND = 6
XMR_FACTOR = 2.66
Z95 = 1.959964
Z998 = 3.090232


@dataclass(frozen=True)
class Point:
    label: str
    value: float | None
    centre: float | None
    lower: float | None
    upper: float | None
    reason: str = ""  # why the point is special cause ("" when it is not)
    direction: str = ""  # "improvement", "concern" or "" (no judgement) when special


def _clamp(value: float, low: float | None, high: float | None) -> float:
    if low is not None:
        value = max(value, low)
    if high is not None:
        value = min(value, high)
    return value


def p_chart(
    labels: list[str], numerators: list, denominators: list, baseline: int | None = None
) -> list[Point]:
    """Percentages with limits that widen where a month has few people.

    The centre comes from the first `baseline` points (all when None), so a
    change after the baseline shows against how the process used to run.
    """
    pairs = list(zip(numerators, denominators, strict=True))[:baseline]
    usable = [(n, d) for n, d in pairs if d and n is not None]
    if not usable:
        return [Point(label, None, None, None, None) for label in labels]
    p = sum(n for n, _ in usable) / sum(d for _, d in usable)
    points = []
    for label, n, d in zip(labels, numerators, denominators, strict=True):
        if not d or n is None:
            points.append(Point(label, None, 100 * p, None, None))
            continue
        sigma = math.sqrt(p * (1 - p) / d)
        points.append(
            Point(
                label,
                100 * n / d,
                100 * p,
                100 * _clamp(p - 3 * sigma, 0, 1),
                100 * _clamp(p + 3 * sigma, 0, 1),
            )
        )
    return points


def xmr_chart(
    labels: list[str], values: list, floor: float | None = 0, baseline: int | None = None
) -> list[Point]:
    """Individuals chart: limits from the average month-to-month movement (of the
    first `baseline` points, or all)."""
    present = [v for v in values[:baseline] if v is not None]
    if len(present) < 2:
        return [Point(label, v, None, None, None) for label, v in zip(labels, values, strict=True)]
    mean = sum(present) / len(present)
    moving = [abs(b - a) for a, b in itertools.pairwise(present)]
    spread = XMR_FACTOR * sum(moving) / len(moving)
    lower = mean - spread if floor is None else max(floor, mean - spread)
    return [
        Point(
            label,
            v,
            mean,
            lower if v is not None else None,
            mean + spread if v is not None else None,
        )
        for label, v in zip(labels, values, strict=True)
    ]


def mark_special_causes(points: list[Point], higher_is_better: bool | None) -> list[Point]:
    """The same points, each with the first rule it breaks and whether that is good news."""
    reasons = [""] * len(points)
    sides = [0] * len(points)  # +1 above, -1 below (the side that decides direction)
    for i, point in enumerate(points):
        if point.value is None or point.upper is None:
            continue
        if point.value > point.upper:
            reasons[i], sides[i] = "outside the limits", 1
        elif point.value < point.lower:
            reasons[i], sides[i] = "outside the limits", -1
    _mark_runs(points, reasons, sides)
    _mark_trends(points, reasons, sides)
    marked = []
    for point, reason, side in zip(points, reasons, sides, strict=True):
        direction = ""
        if reason and higher_is_better is not None:
            direction = "improvement" if (side > 0) == higher_is_better else "concern"
        marked.append(
            Point(
                point.label, point.value, point.centre, point.lower, point.upper, reason, direction
            )
        )
    return marked


def _mark_runs(points, reasons, sides) -> None:
    """SHIFT or more points in a row above (or below) the centre line."""
    run_side, run = 0, []
    for i, point in enumerate([*points, None]):
        side = 0
        if point is not None and point.value is not None and point.centre is not None:
            side = (point.value > point.centre) - (point.value < point.centre)
        if side != 0 and side == run_side:
            run.append(i)
            continue
        if len(run) >= SHIFT:
            for j in run:
                if not reasons[j]:
                    reasons[j], sides[j] = (
                        f"{len(run)} months in a row on one side of the average",
                        run_side,
                    )
        run_side, run = side, [i] if side else []


def _mark_trends(points, reasons, sides) -> None:
    """TREND or more points in a row, each higher (or lower) than the one before."""
    values = [p.value for p in points]
    steps = [0] + [
        0 if a is None or b is None else (b > a) - (b < a) for a, b in itertools.pairwise(values)
    ]
    i = 1
    while i < len(values):
        j = i
        while j + 1 < len(values) and steps[j + 1] == steps[i] != 0:
            j += 1
        length = j - i + 2  # steps i..j join points i-1..j
        if steps[i] != 0 and length >= TREND:
            for k in range(i - 1, j + 1):
                if not reasons[k]:
                    reasons[k] = f"{length} months in a row moving one way"
                    sides[k] = steps[i]
        i = j + 1


@dataclass(frozen=True)
class FunnelPoint:
    label: str
    numerator: int
    denominator: int
    value: float
    lower95: float
    upper95: float
    lower998: float
    upper998: float

    @property
    def outside(self) -> str:
        """'above 99.8%', 'below 95%'... or '' within the 95% limits."""
        for low, high, name in (
            (self.lower998, self.upper998, "99.8%"),
            (self.lower95, self.upper95, "95%"),
        ):
            if self.value > high:
                return f"above the {name} limit"
            if self.value < low:
                return f"below the {name} limit"
        return ""


def funnel_limits(p: float, n: int, z: float) -> tuple[float, float]:
    """Control limits, in percent, for a unit with denominator n around proportion p."""
    sigma = math.sqrt(p * (1 - p) / n)
    return 100 * _clamp(p - z * sigma, 0, 1), 100 * _clamp(p + z * sigma, 0, 1)


def funnel(units: list[tuple[str, int, int]]) -> tuple[float | None, list[FunnelPoint]]:
    """Teams (label, numerator, denominator) against all of them together."""
    usable = [(label, n, d) for label, n, d in units if d]
    if not usable:
        return None, []
    p = sum(n for _, n, _ in usable) / sum(d for _, _, d in usable)
    points = []
    for label, n, d in usable:
        lo95, hi95 = funnel_limits(p, d, Z95)
        lo998, hi998 = funnel_limits(p, d, Z998)
        points.append(FunnelPoint(label, n, d, 100 * n / d, lo95, hi95, lo998, hi998))
    return 100 * p, points
