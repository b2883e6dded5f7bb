"""Dashboards in a real browser: filters without reload, charts under the CSP, drill-down
scoped to a practitioner's team, a download; axe-core on every page; screenshots kept."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from carelens.performance import data
from tests.browser.test_sign_in import sign_in
from tests.factories import UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_overview_filters_update_in_place_and_keep_the_url(
    page, live_server, check_accessibility, screenshot, analyst, council
):
    sign_in(page, live_server, "ann")
    page.goto(f"{live_server.url}/performance/")
    assert page.locator(".carelens-tile").count() == 19
    check_accessibility(page)
    screenshot(page, "performance-overview")
    page.evaluate("window.notReloaded = true")
    page.get_by_label("Team").select_option("North Locality")
    expect(page.locator("#results h2")).to_contain_text("North Locality")
    expect(page).to_have_url(re.compile(r"team=North(\+|%20)Locality"))
    assert page.evaluate("window.notReloaded") is True  # htmx swapped the results in place
    assert "North Locality" in page.locator("#results h2").inner_text()
    check_accessibility(page)
    screenshot(page, "performance-overview-team")


def test_measure_page_draws_both_charts_under_the_csp(
    page, live_server, check_accessibility, screenshot, analyst, council
):
    sign_in(page, live_server, "ann")
    page.goto(f"{live_server.url}/performance/discharge_to_residential/")
    page.wait_for_selector('[data-chart="trend-data"] .main-svg')
    page.wait_for_selector('[data-chart="funnel-data"] .main-svg')
    assert "Special cause" in page.locator("#results").inner_text()
    check_accessibility(page)  # also fails on any CSP violation in the console
    screenshot(page, "measure-discharge-to-care-home")


def test_practitioner_drills_down_to_own_team_only(
    page, live_server, check_accessibility, screenshot, practitioner_a, council
):
    sign_in(page, live_server, "alice")
    page.goto(f"{live_server.url}/performance/reviews_overdue/?month=2024-10")
    page.get_by_role("link", name="See the people counted in the numerator").click()
    page.wait_for_selector("h1")
    teams = page.locator("tbody tr td:nth-child(2)").all_inner_texts()
    assert teams and set(teams) == {"North Locality"}
    check_accessibility(page)
    screenshot(page, "drill-down-practitioner")
    page.locator("tbody tr a").first.click()
    assert page.locator("h1").inner_text().startswith("Person ")
    check_accessibility(page)
    screenshot(page, "person-timeline")
    other = _south_only_person()
    response = page.goto(f"{live_server.url}/people/{other}/")
    assert response.status == 404


def test_manager_downloads_a_work_list(
    page, live_server, check_accessibility, screenshot, manager_a, council
):
    sign_in(page, live_server, "mina")
    page.goto(f"{live_server.url}/worklists/")
    check_accessibility(page)
    page.get_by_role("link", name="Reviews overdue").click()
    page.wait_for_selector("table")
    check_accessibility(page)
    screenshot(page, "worklist-overdue-reviews")
    with page.expect_download() as download:
        page.get_by_role("link", name="Excel").click()
    assert download.value.suggested_filename.startswith("carelens-overdue-reviews-")


def _south_only_person() -> str:
    from carelens.snapshots.store import connect

    con = connect(data.snapshots_with_data()[0].path)
    try:
        return con.execute(
            "SELECT person_id FROM events GROUP BY person_id "
            "HAVING bool_and(Team = 'South Locality') LIMIT 1"
        ).fetchone()[0]
    finally:
        con.close()


@pytest.fixture
def mina(roles, team_a):
    return UserFactory(username="mina", role="team-manager", teams=[team_a])
