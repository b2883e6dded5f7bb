"""measures.md §4: the interval checks, rounding and the small-number rule."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from carelens.metrics.stats import (
    percent,
    poisson_count_interval,
    rate,
    rate_interval,
    round_half_up,
    suppress,
    wilson,
)


@pytest.mark.parametrize(
    ("n", "d", "value", "interval"),
    [(5, 8, 62.5, (30.6, 86.3)), (0, 10, 0.0, (0.0, 27.8)), (10, 10, 100.0, (72.2, 100.0))],
)
def test_wilson_matches_the_worked_checks(n, d, value, interval):
    assert percent(n, d) == value
    assert wilson(n, d) == interval


def test_no_denominator_gives_no_value_and_no_interval():
    assert percent(0, 0) is None
    assert wilson(0, 0) is None


@pytest.mark.parametrize(
    ("count", "low", "high"),
    [
        (0, 0.0, 3.6889),
        (1, 0.0253, 5.5716),
        (3, 0.6187, 8.7673),
        (5, 1.6235, 11.6683),
        (10, 4.7954, 18.3904),
    ],
)
def test_exact_poisson_bounds_match_the_table(count, low, high):
    lower, upper = poisson_count_interval(count)
    assert lower == pytest.approx(low, abs=5e-5)
    assert upper == pytest.approx(high, abs=5e-5)


def test_rates_per_100k_round_from_exact_arithmetic():
    assert rate(3, 50_000) == 6.0
    assert rate_interval(3, 50_000) == (1.2, 17.5)
    assert rate_interval(1, 200_000) == (0.0, 2.8)


def test_half_up_rounding_is_not_binary_rounding():
    assert round_half_up(6.25, 1) == 6.3
    assert round_half_up(0.125, 2) == 0.13
    assert round(6.25, 1) == 6.2  # what floats would have done


@given(st.integers(min_value=1, max_value=5000), st.data())
def test_the_wilson_interval_contains_the_value(d, data):
    n = data.draw(st.integers(min_value=0, max_value=d))
    low, high = wilson(n, d)
    assert 0 <= low <= percent(n, d) <= high <= 100


def test_small_numbers_are_suppressed_for_export_and_zero_is_shown():
    row = {
        "unit": "percent",
        "numerator": 3,
        "denominator": 40,
        "value": 7.5,
        "ci_low": 2.6,
        "ci_high": 19.9,
    }
    assert suppress(row)["value"] == "[c]" and suppress(row)["numerator"] == "[c]"
    row_zero = {**row, "numerator": 0, "value": 0.0}
    assert suppress(row_zero) == row_zero
    small_denominator = {**row, "numerator": 0, "denominator": 4}
    assert suppress(small_denominator)["denominator"] == "[c]"
    count = {"unit": "count", "numerator": 2, "denominator": None, "value": 2}
    assert suppress(count)["value"] == "[c]"


def test_large_counts_agree_with_the_normal_approximation():
    # Wilson-Hilferty-free check: for large x the exact bounds approach x -/+ 1.96 sqrt(x).
    lower, upper = poisson_count_interval(10_000)
    assert lower == pytest.approx(10_000 - 1.96 * 100, rel=2e-3)
    assert upper == pytest.approx(10_000 + 1.96 * 100, rel=2e-3)
