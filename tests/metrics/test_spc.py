"""SPC and funnel rules, each with a hand-worked case that would fail if the rule slipped."""

from __future__ import annotations

import math

import pytest

from carelens.metrics import spc


def test_p_chart_limits_follow_each_months_denominator():
    # p = (10 + 30) / (100 + 100) = 0.2; sigma at n=100 is sqrt(0.2 * 0.8 / 100) = 0.04.
    points = spc.p_chart(["a", "b"], [10, 30], [100, 100])
    assert points[0].centre == pytest.approx(20)
    assert points[0].lower == pytest.approx(8)
    assert points[0].upper == pytest.approx(32)
    assert points[0].value == pytest.approx(10)


def test_p_chart_limits_are_clamped_and_skip_empty_months():
    points = spc.p_chart(["a", "b", "c"], [1, 0, None], [2, 0, None])
    assert points[0].lower == 0 and points[0].upper == 100
    assert points[1].value is None and points[2].value is None


def test_xmr_limits_use_the_mean_moving_range():
    # mean 12; moving ranges 4, 4, 4 -> 2.66 * 4 = 10.64
    points = spc.xmr_chart(list("abcd"), [10, 14, 10, 14])
    assert points[0].centre == pytest.approx(12)
    assert points[0].upper == pytest.approx(22.64)
    assert points[0].lower == pytest.approx(1.36)


def test_xmr_lower_limit_stops_at_zero_for_counts():
    points = spc.xmr_chart(list("abcd"), [0, 10, 0, 10])
    assert points[0].lower == 0


def _flat(values, centre=50.0, spread=40.0):
    return [
        spc.Point(str(i), v, centre, centre - spread, centre + spread) for i, v in enumerate(values)
    ]


def test_a_point_outside_the_limits_is_special_cause_and_judged_by_direction():
    points = spc.mark_special_causes(_flat([50, 95, 49, 51]), higher_is_better=False)
    assert [p.reason for p in points] == ["", "outside the limits", "", ""]
    assert points[1].direction == "concern"
    better = spc.mark_special_causes(_flat([50, 95, 49, 51]), higher_is_better=True)
    assert better[1].direction == "improvement"


def test_seven_in_a_row_below_the_centre_is_a_shift_six_is_not():
    six = spc.mark_special_causes(_flat([60, 45, 44, 46, 45, 44, 46, 60]), higher_is_better=False)
    assert not any(p.reason for p in six)
    seven = spc.mark_special_causes(
        _flat([60, 45, 44, 46, 45, 44, 46, 45, 60]), higher_is_better=False
    )
    assert [bool(p.reason) for p in seven] == [False] + [True] * 7 + [False]
    assert {p.direction for p in seven if p.reason} == {"improvement"}


def test_six_points_each_lower_than_the_last_is_a_trend_five_is_not():
    # Alternating sides, so only the trend rule can fire.
    five = spc.mark_special_causes(_flat([52, 51, 49, 48, 47, 60]), higher_is_better=True)
    assert not any(p.reason for p in five)
    trend = spc.mark_special_causes(_flat([52, 51, 49, 48, 47, 46, 60]), higher_is_better=True)
    assert [bool(p.reason) for p in trend] == [True] * 6 + [False]
    assert {p.direction for p in trend if p.reason} == {"concern"}


def test_funnel_limits_and_outliers():
    centre, points = spc.funnel([("A", 50, 100), ("B", 20, 100), ("C", 0, 0)])
    assert centre == pytest.approx(35)
    sigma = math.sqrt(0.35 * 0.65 / 100)
    a = points[0]
    assert a.upper95 == pytest.approx(100 * (0.35 + spc.Z95 * sigma))
    assert a.upper998 == pytest.approx(100 * (0.35 + spc.Z998 * sigma))
    assert a.outside == "above the 99.8% limit"
    assert points[1].outside == "below the 99.8% limit"
    assert [p.label for p in points] == ["A", "B"]  # no denominator, no point
    _, near = spc.funnel([("A", 41, 100), ("B", 29, 100)])
    assert near[0].outside == ""  # 41% is inside 35% +/- 1.96 x 4.8%
