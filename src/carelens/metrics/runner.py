"""Run measures on a snapshot: the one function behind the CLI, the pages and exports.

The snapshot is opened read-only; the shared views are built once (the
period-dependent person details again for each evaluation date). Dates and
populations reach SQL only as data in the `params` table; grouping names come
from a fixed list, never from user text.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from carelens.metrics import stats
from carelens.metrics.catalog import GROUPINGS, Measure, measures, view_scripts
from carelens.snapshots.store import connect

PERIOD_VIEWS = {"20_people.sql", "40_admissions.sql", "50_cohorts.sql"}


class MeasureError(ValueError):
    """A request that cannot be answered (unknown measure, bad period...)."""


@dataclass
class Request:
    measure_ids: list[str]
    period_start: dt.date
    period_end: dt.date
    by: str | None = None
    population: dict[str, int] | None = None
    notes: list[str] = field(default_factory=list)


def default_period(period_end: dt.date) -> dt.date:
    """(P_end + 1 day) - 12 months: 31/03/2025 gives 01/04/2024."""
    after = period_end + dt.timedelta(days=1)
    year, month = after.year - 1, after.month
    day = min(after.day, calendar.monthrange(year, month)[1])
    return dt.date(year, month, day)


def month_ends(start: dt.date, end: dt.date) -> list[dt.date]:
    """Each month end from start's month to end, the last being `end` itself."""
    ends, year, month = [], start.year, start.month
    while True:
        last = dt.date(year, month, calendar.monthrange(year, month)[1])
        if last >= end:
            ends.append(end)
            return ends
        ends.append(last)
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)


class Runner:
    """Measures over one snapshot folder."""

    def __init__(self, folder: Path):
        self.con = connect(folder)
        self.con.execute("CREATE TEMP TABLE params (p_start DATE, p_end DATE)")
        self.con.execute("INSERT INTO params VALUES (NULL, NULL)")
        self._period: tuple[dt.date, dt.date] | None = None
        self._built = False

    def close(self) -> None:
        self.con.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def set_period(self, start: dt.date, end: dt.date) -> None:
        """Build the views for a period; `params` and the views then answer for it."""
        self._set_period(start, end)

    def _set_period(self, start: dt.date, end: dt.date) -> None:
        if self._period == (start, end):
            return
        self.con.execute("UPDATE params SET p_start = ?, p_end = ?", [start, end])
        for name, sql in view_scripts():
            if not self._built or name in PERIOD_VIEWS:
                self.con.execute(sql)
        self._built = True
        self._period = (start, end)

    def run(self, request: Request) -> list[dict]:
        catalog = measures()
        unknown = [m for m in request.measure_ids if m not in catalog]
        if unknown:
            raise MeasureError(f"unknown measure id(s): {', '.join(unknown)}")
        if request.by is not None and request.by not in GROUPINGS:
            raise MeasureError(f"--by must be one of {', '.join(GROUPINGS)}")
        rows = []
        for measure_id in request.measure_ids:
            rows += self._run_one(catalog[measure_id], request)
        return rows

    def _run_one(self, measure: Measure, request: Request) -> list[dict]:
        by = request.by
        if by is not None and by not in measure.groupings:
            request.notes.append(
                f"{measure.id}: no '{by}' grouping (supported: "
                f"{', '.join(measure.groupings) or 'none'}); ungrouped rows given"
            )
            by = None
        if measure.point_in_time and by == "month":
            rows = []
            for end in month_ends(request.period_start, request.period_end):
                start = default_period(end)
                for row in self._evaluate(measure, request, start, end, None):
                    row["group"] = {**row["group"], "month": end.strftime("%Y-%m")}
                    rows.append(row)
            at_end = self._evaluate(
                measure, request, request.period_start, request.period_end, None
            )
            for row in at_end:
                row["group"] = {**row["group"], "month": "total"}
            return rows + at_end
        rows = self._evaluate(measure, request, request.period_start, request.period_end, by)
        note = self.coverage_note(measure)
        if note:
            request.notes.append(f"{measure.id}: {note}")
        return rows

    def coverage_note(self, measure) -> str | None:
        """What the measure left out for the current period, in words (or None)."""
        if not measure.coverage_sql:
            return None
        (count,) = self.con.execute(measure.coverage_sql).fetchone()
        return measure.coverage_note.format(n=count) if count else None

    def evaluate(self, measure, request, start, end, by=None, expression=None) -> list[dict]:
        """One measure over one period, grouped by `by` (a GROUPINGS name) or by
        `expression` (SQL over the unit columns, e.g. team || '|' || month, named `by`)."""
        return self._evaluate(measure, request, start, end, by, expression)

    def units(self, measure, start, end) -> list[tuple]:
        """The measure's counted units for a period: the people behind its numbers.

        Rows of (person_id, in_den, in_num, team, month, age_band, amount, split).
        """
        self._set_period(start, end)
        return self.con.execute(
            f"""SELECT person_id, in_den, in_num, team, month, age_band, amount, split
                FROM ({measure.sql}) ORDER BY person_id"""
        ).fetchall()

    def _evaluate(self, measure, request, start, end, by, expression=None) -> list[dict]:
        self._set_period(start, end)
        group = expression or by or "NULL"
        split = "split" if measure.split else "NULL"
        sets = "(g, s), (s), (g), ()"
        result = self.con.execute(
            f"""WITH m AS ({measure.sql}),
                u AS (SELECT *, {group} AS g, {split} AS s FROM m)
                SELECT g, s, grouping(g) AS no_g, grouping(s) AS no_s,
                  count(*) FILTER (WHERE in_den) AS d,
                  count(*) FILTER (WHERE in_den AND in_num) AS n_in,
                  count(*) FILTER (WHERE in_num) AS n_units,
                  count(DISTINCT person_id) FILTER (WHERE in_num) AS n_people,
                  quantile_cont(amount, 0.5) FILTER (WHERE in_num) AS median,
                  sum(amount) FILTER (WHERE in_num) AS total
                FROM u GROUP BY GROUPING SETS ({sets})"""
        ).fetchall()
        rows = []
        whole = {}
        for g, s, no_g, no_s, d, n_in, n_units, n_people, median, total in result:
            if (not by and not no_g) or (not measure.split and not no_s):
                continue  # a grouping this request or measure does not have
            if by and not no_g and g in ("unknown", "under 18", None):
                continue  # unknown age appears only in the total (measures.md §0.4)
            key = {}
            if measure.split and not no_s:
                key[measure.split] = s
            if by:
                key[by] = "total" if no_g else g
            counts = (d, n_in, n_units, n_people, median, total)
            if measure.split and no_s:
                whole[None if no_g else g] = counts
            rows.append((key, no_g, g, no_s, counts))
        out = []
        for key, no_g, g, no_s, counts in rows:
            if measure.split_share and not no_s:
                counts = (whole.get(None if no_g else g, counts)[0], *counts[1:])
            out.append(self._row(measure, request, start, end, key, counts, no_s))
        out.sort(key=_order)
        if measure.latest_submission and not self._covered(end):
            request.notes.append(
                f"{measure.id}: no submission in this snapshot covers {end.isoformat()}, "
                "so there is no value for it"
            )
            for row in out:
                row["value"] = row["numerator"] = None
        return out

    def _covered(self, day: dt.date) -> bool:
        """Whether a submission's reporting period includes `day` (measures.md B9)."""
        (found,) = self.con.execute(
            "SELECT count(*) FROM events WHERE Reporting_Period_Start_Date <= ? "
            "AND ? <= Reporting_Period_End_Date",
            [day, day],
        ).fetchone()
        return found > 0

    def _row(self, measure, request, start, end, group, counts, no_split) -> dict:
        d, n_in, n_units, n_people, median, total = counts
        unit = measure.unit
        row = {
            "measure": measure.id,
            "period_start": start.isoformat(),
            "period_end": end.isoformat(),
            "group": group,
            "numerator": None,
            "denominator": None,
            "value": None,
            "unit": unit,
            "ci_low": None,
            "ci_high": None,
        }
        if measure.split_share and measure.split and no_split:
            group[measure.split] = "total"
            n_in = d
        if unit == "percent":
            row["numerator"], row["denominator"] = n_in, d
            row["value"] = stats.percent(n_in, d)
            interval = stats.wilson(n_in, d)
            if interval:
                row["ci_low"], row["ci_high"] = interval
        elif unit == "per_100k":
            row["numerator"] = n_people
            population = (request.population or {}).get(measure.population_band)
            if not population:
                request.notes.append(
                    f"{measure.id}: a population file is needed for rates per 100,000 "
                    "(--population FILE, a CSV with age_band,population)"
                )
            else:
                row["denominator"] = population
                row["value"] = stats.rate(n_people, population)
                row["ci_low"], row["ci_high"] = stats.rate_interval(n_people, population)
        elif unit == "count":
            row["numerator"] = row["value"] = n_units
        elif unit == "days":
            row["numerator"] = n_units
            row["value"] = None if median is None else stats.round_half_up(median, 1)
        else:  # hours, gbp
            row["numerator"] = n_people
            places = 2 if unit == "gbp" else 1
            amount = Decimal(total) if total is not None else Decimal(0)
            row["value"] = stats.round_half_up(amount, places)
        return row


def _order(row: dict) -> tuple:
    return (
        tuple((value == "total", str(value)) for value in row["group"].values())
        if row["group"]
        else ()
    )


def read_population(path: Path) -> dict[str, int]:
    """`age_band,population` CSV -> {'18-64': n, '65+': n}; MeasureError if unusable."""
    import csv

    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            rows = list(csv.DictReader(handle))
    except OSError as error:
        raise MeasureError(f"cannot read the population file {path}: {error.strerror}") from None
    try:
        found = {row["age_band"].strip(): int(row["population"]) for row in rows}
    except (KeyError, TypeError, ValueError):
        raise MeasureError(
            f"{path}: the population file needs a header 'age_band,population' and whole "
            "numbers, e.g. '65+,52000'"
        ) from None
    for band, number in found.items():
        if number <= 0:
            raise MeasureError(f"{path}: population for {band} must be above 0")
    return found
