"""The planted programme and team differences show in the data, as the manifest says."""

from __future__ import annotations

import datetime as dt

from carelens.synth.profile import (
    discharge_to_care_home,
    new_homecare_hours,
    reablement_share,
    without_review,
)
from tests.synth.conftest import PROGRAMME_START

BEFORE = (dt.date(2023, 4, 1), PROGRAMME_START - dt.timedelta(days=1))
AFTER = (PROGRAMME_START + dt.timedelta(days=180), dt.date(2025, 3, 31))  # ramp complete


def test_the_manifest_explains_each_planted_effect(programme_council):
    manifest, _, _ = programme_council
    programme = manifest["planted_effects"]["programme"]
    assert programme["start"] == PROGRAMME_START.isoformat()
    changes = {c["name"]: c for c in programme["changes"]}
    assert changes["discharge_to_care_home"]["before"] == 0.40
    assert changes["discharge_to_care_home"]["after"] == 0.20
    assert all(c["description"] for c in changes.values())


def test_discharges_straight_to_care_homes_fall_toward_20_percent(programme_council):
    _, _, con = programme_council
    before, _ = discharge_to_care_home(con, *BEFORE)
    after, _ = discharge_to_care_home(con, *AFTER)
    assert before >= 0.35
    assert after <= 0.26


def test_without_the_programme_discharge_practice_stays_put(plain_council):
    _, _, con = plain_council
    before, _ = discharge_to_care_home(con, *BEFORE)
    after, _ = discharge_to_care_home(con, *AFTER)
    assert abs(after - before) < 0.05


def test_more_requests_go_to_reablement_after_the_programme(programme_council, plain_council):
    with_programme = reablement_share(programme_council[2], *AFTER)
    without = reablement_share(plain_council[2], *AFTER)
    assert with_programme > without + 0.03


def test_new_home_care_packages_are_smaller(programme_council, plain_council):
    assert new_homecare_hours(programme_council[2], *AFTER) < (
        new_homecare_hours(plain_council[2], *AFTER) - 2
    )


def test_fewer_people_are_overdue_a_review(programme_council, plain_council):
    end = dt.date(2025, 3, 31)
    assert without_review(programme_council[2], end) < without_review(plain_council[2], end) - 0.05


def test_the_west_discharge_team_places_more_people_in_care_homes(plain_council):
    _, _, con = plain_council
    west, _ = discharge_to_care_home(con, *BEFORE, team="Hospital Discharge West")
    east, _ = discharge_to_care_home(con, *BEFORE, team="Hospital Discharge East")
    assert west > east + 0.10
