"""The 20,000-person council looks like an English council (tolerances stated per check)."""

from __future__ import annotations

import datetime as dt

from carelens.synth.profile import profile

PERIOD_END = dt.date(2025, 3, 31)
FIRST_YEAR = (dt.date(2023, 4, 1), dt.date(2024, 3, 31))


def _figures(council):
    _, _, con = council
    return profile(con, PERIOD_END, FIRST_YEAR)


def test_about_two_thirds_of_long_term_clients_are_65_or_over(plain_council):
    assert 0.58 <= _figures(plain_council)["lts_share_65_plus"] <= 0.72


def test_support_reasons_rank_physical_then_ld_then_mental_health_then_memory(plain_council):
    psr = _figures(plain_council)["lts_psr"]
    physical = sum(n for reason, n in psr.items() if reason.startswith("Physical support"))
    ranked = [
        physical,
        psr["Learning disability support"],
        psr["Mental health support"],
        psr["Support with memory and cognition"],
    ]
    assert ranked == sorted(ranked, reverse=True)


def test_home_care_is_about_14_hours_a_week(plain_council):
    assert 12.5 <= _figures(plain_council)["homecare_mean_hours"] <= 15.5


def test_unit_costs_sit_in_2024_25_ranges(plain_council):
    costs = _figures(plain_council)["unit_costs"]
    assert (
        22
        <= costs["Home support or domiciliary care"][0]
        <= costs["Home support or domiciliary care"][1]
        <= 32
    )
    assert (
        800
        <= costs["Long term residential care"][0]
        <= costs["Long term residential care"][1]
        <= 1200
    )
    assert 900 <= costs["Long term nursing care"][0] <= costs["Long term nursing care"][1] <= 1400


def test_a_fifth_to_a_third_of_long_term_clients_lack_a_review_in_the_last_year(plain_council):
    assert 0.20 <= _figures(plain_council)["lts_without_review_12_months"] <= 0.35


def test_about_40_percent_of_first_year_discharges_go_straight_to_a_care_home(plain_council):
    figures = _figures(plain_council)
    assert figures["discharges_first_year"] > 1000
    assert 0.35 <= figures["discharge_to_care_home_first_year"] <= 0.45


def test_about_a_quarter_of_community_clients_take_direct_payments(plain_council):
    assert 0.18 <= _figures(plain_council)["direct_payment_share"] <= 0.32


def test_the_extract_imports_cleanly(plain_council):
    manifest, result, _ = plain_council
    assert result.summary["rows_rejected"] == 0
    assert result.summary["rows_in"] == manifest["rows"]
