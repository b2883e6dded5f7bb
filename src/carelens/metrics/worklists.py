"""Work lists for team managers: the people behind three measures, with what to act on.

Each list is read from the same views as its measure, so a list and the figure
on the dashboard always agree (a test holds them together).
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

from carelens.metrics.catalog import measures
from carelens.metrics.runner import Runner, default_period

REABLEMENT_WEEKS = 6


@dataclass(frozen=True)
class WorkList:
    slug: str
    title: str
    summary: str
    columns: tuple[str, ...]


LISTS = {
    "overdue-reviews": WorkList(
        "overdue-reviews",
        "Reviews overdue",
        "People in long-term support for over a year with no review in the last 12 months, "
        "most overdue first.",
        ("Person", "Team", "Last review", "Current support began", "Review due by", "Days overdue"),
    ),
    "long-reablement": WorkList(
        "long-reablement",
        f"Reablement beyond {REABLEMENT_WEEKS} weeks",
        f"People whose reablement (ST-Max) episode has lasted more than {REABLEMENT_WEEKS} "
        "weeks at the month end, longest first.",
        ("Person", "Team", "Reablement began", "Days in reablement"),
    ),
    "discharge-care-home": WorkList(
        "discharge-care-home",
        "Hospital discharges straight to a care home",
        "Hospital discharge requests completed in the month whose first service was a "
        "long-term residential or nursing placement.",
        ("Person", "Team", "Request completed", "Placement"),
    ),
}


def month_bounds(month: str) -> tuple[dt.date, dt.date]:
    year, number = (int(part) for part in month.split("-"))
    return dt.date(year, number, 1), dt.date(year, number, calendar.monthrange(year, number)[1])


def _add_year(day: dt.date) -> dt.date:
    try:
        return day.replace(year=day.year + 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year + 1, day=28)


def overdue_reviews(runner: Runner, at: dt.date, since: dt.date) -> list[tuple]:
    """People overdue a review at `at`, most overdue first.

    A review is due a year after the later of the last review and the start of the
    current spell of support. An extract holds events only from `since`: where it
    has no review, the last one was at the latest the day before, so the days
    overdue shown are a lower bound there.
    """
    measure = measures()["reviews_overdue"]
    runner.set_period(default_period(at), at)
    rows = runner.con.execute(
        f"""WITH u AS ({measure.sql})
            SELECT u.person_id, u.team,
              (SELECT max(r.end_date) FROM su r
                WHERE r.person_id = u.person_id AND r.Event_Type = 'Review'
                  AND coalesce(r.Review_Reason, '') != 'Review of short term support'
                  AND r.end_date <= ?) AS last_review,
              u.spell_start
            FROM u WHERE u.in_den AND u.in_num""",
        [at],
    ).fetchall()
    before_extract = since - dt.timedelta(days=1)
    out = []
    for person_id, team, last_review, spell_start in rows:
        due = _add_year(max(last_review or before_extract, spell_start))
        out.append((person_id, team, last_review, spell_start, due, (at - due).days))
    return sorted(out, key=lambda row: (-row[5], row[0]))


def long_reablement(runner: Runner, at: dt.date) -> list[tuple]:
    runner.set_period(default_period(at), at)
    rows = runner.con.execute(
        """SELECT e.person_id, coalesce(e.team, 'Unknown'), e.ep_start,
                  date_diff('day', e.ep_start, ?::DATE) AS days
           FROM stmax_episodes e
           WHERE e.ep_start < ?::DATE - ? AND (e.ep_end IS NULL OR e.ep_end > ?)
             AND NOT EXISTS (SELECT 1 FROM su d WHERE d.person_id = e.person_id
                             AND d.Date_of_Death <= ?)""",
        [at, at, 7 * REABLEMENT_WEEKS, at, at],
    ).fetchall()
    return sorted(rows, key=lambda row: (-row[3], row[0]))


def discharge_to_care_home(runner: Runner, month: str) -> list[tuple]:
    start, end = month_bounds(month)
    runner.set_period(start, end)
    rows = runner.con.execute(
        """SELECT person_id, coalesce(Team, 'Unknown'), end_date, first_component
           FROM discharge_requests
           WHERE first_type IN ('Long term support: Residential care',
                                'Long term support: Nursing care')
             AND first_component IN ('Long term residential care', 'Long term nursing care')"""
    ).fetchall()
    return sorted(rows, key=lambda row: (row[2], row[0]))


def work_list(runner: Runner, slug: str, month: str, since: dt.date) -> list[tuple]:
    """The rows of one list for a month ('YYYY-MM'; the month end is the date), from
    a snapshot whose events start at `since`."""
    at = month_bounds(month)[1]
    if slug == "overdue-reviews":
        return overdue_reviews(runner, at, since)
    if slug == "long-reablement":
        return long_reablement(runner, at)
    return discharge_to_care_home(runner, month)
