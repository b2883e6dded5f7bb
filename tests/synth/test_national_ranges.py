"""The synthetic council's ASCOF values land in national ranges (issue 5 and 6)."""

from __future__ import annotations

import datetime as dt

from carelens.metrics.runner import Request, Runner, default_period

RANGES = {  # measure: (low, high), tolerances around the published national spread
    "ascof_2a": (50, 95),
    "ascof_2c": (400, 1000),
    "ascof_2e2b": (45, 80),
    "ascof_3d2a": (15, 35),
}


def test_ascof_values_in_national_ranges(programme_council):
    manifest, result, _ = programme_council
    end = dt.date.fromisoformat(manifest["reporting_period"]["end"])
    request = Request(list(RANGES), default_period(end), end, population=manifest["population"])
    with Runner(result.path) as runner:
        rows = {r["measure"]: r for r in runner.run(request)}
    for measure, (low, high) in RANGES.items():
        assert low <= rows[measure]["value"] <= high, rows[measure]


def test_the_planted_programme_shows_in_the_measures(programme_council, plain_council):
    """Discharges straight to care homes, in the measures engine's own definition."""
    values = []
    for council in (plain_council, programme_council):
        _, result, _ = council
        request = Request(["discharge_to_residential"], dt.date(2024, 10, 1), dt.date(2025, 3, 31))
        with Runner(result.path) as runner:
            values.append(runner.run(request)[0]["value"])
    without, with_programme = values
    assert without >= 35 and with_programme <= 27
