"""What issue 7 promises a manager looking at the programme council's dashboards:
the planted improvement is special-cause variation after the programme starts, and
the team that places more people in care homes stands outside the funnel limits."""

from __future__ import annotations

import datetime as dt

from carelens.metrics import dashboard
from carelens.metrics.catalog import measures
from carelens.metrics.grid import build_grid
from carelens.metrics.runner import Runner
from tests.synth.conftest import PROGRAMME_START

WINDOW = (dt.date(2023, 4, 1), dt.date(2025, 3, 31))
IDS = ["discharge_to_residential", "reviews_overdue", "new_requests_outcomes"]


def _grid(result):
    with Runner(result.path) as runner:
        return build_grid(runner, result.snapshot, WINDOW, None, IDS)


def _improvements(grid, measure_id):
    points = dashboard.trend(grid, measures()[measure_id], grid.months[-1])
    return [p.label for p in points if p.direction == "improvement"], points


def test_the_programme_shows_as_special_cause_improvement_after_it_starts(programme_council):
    _, result, _ = programme_council
    grid = _grid(result)
    start = PROGRAMME_START.strftime("%Y-%m")
    for measure_id in ("discharge_to_residential", "new_requests_outcomes"):
        better, points = _improvements(grid, measure_id)
        assert len(better) >= 6, (measure_id, [(p.label, p.value, p.reason) for p in points])
        assert all(month >= start for month in better), (measure_id, better)


def test_without_the_programme_there_is_no_sustained_improvement(plain_council):
    _, result, _ = plain_council
    grid = _grid(result)
    better, _ = _improvements(grid, "discharge_to_residential")
    assert len(better) < 3, better


def test_the_team_placing_more_people_in_care_homes_is_outside_the_funnel(plain_council):
    _, result, _ = plain_council
    grid = _grid(result)
    centre, teams, months = dashboard.team_comparison(
        grid, measures()["discharge_to_residential"], grid.months[-1]
    )
    by_team = {t.label: t for t in teams}
    assert len(months) == 12
    assert by_team["Hospital Discharge West"].outside == "above the 99.8% limit"
    assert by_team["Hospital Discharge West"].value > centre
