"""Sign in, see the home page, sign out, in a real browser; axe on every page."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from carelens.people import views as people_views
from carelens.people.directory import Event, InMemoryDirectory, Person
from tests.factories import PASSWORD, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def sign_in(page, live_server, username):
    page.goto(f"{live_server.url}/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()


def test_sign_in_home_and_sign_out(
    page, live_server, check_accessibility, screenshot, analyst, settings
):
    page.goto(f"{live_server.url}/")
    assert page.title().startswith("Sign in")
    check_accessibility(page)
    screenshot(page, "login")

    sign_in(page, live_server, "ann")
    assert page.title().startswith("Home")
    assert page.locator("h1").inner_text() == "Home"
    assert page.locator(".govuk-header").inner_text().strip() == settings.CARELENS_COUNCIL_NAME
    assert "js-enabled" in page.locator("body").get_attribute("class")  # JS ran under the CSP
    check_accessibility(page)
    screenshot(page, "home-analyst")

    page.get_by_role("link", name="Performance").first.click()
    assert page.locator("h1").inner_text() == "Performance"
    check_accessibility(page)

    page.get_by_role("button", name="Sign out").click()
    assert page.title().startswith("Sign in")
    assert "You have signed out" in page.locator("main").inner_text()
    check_accessibility(page)


def test_wrong_password_shows_the_error_summary(page, live_server, check_accessibility, analyst):
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("Username").fill("ann")
    page.get_by_label("Password").fill("not the password")
    page.get_by_role("button", name="Sign in").click()
    assert page.title().startswith("Error: Sign in")
    assert page.locator(".govuk-error-summary").is_visible()
    check_accessibility(page)


def test_administrator_pages_pass_axe(page, live_server, check_accessibility, screenshot, roles):
    UserFactory(username="ada", role="administrator")
    sign_in(page, live_server, "ada")
    check_accessibility(page)
    screenshot(page, "home-administrator")
    page.get_by_role("link", name="Audit trail").first.click()
    assert page.locator("h1").inner_text() == "Audit trail"
    check_accessibility(page)
    screenshot(page, "audit-trail")


def test_practitioner_sees_own_team_person_and_404_for_another_team(
    page, live_server, check_accessibility, screenshot, practitioner_a, monkeypatch
):
    people = InMemoryDirectory(
        [
            Person("P100", (Event("Request", date(2025, 4, 2), None, "North Locality"),)),
            Person("P200", (Event("Request", date(2025, 4, 2), None, "South Locality"),)),
        ]
    )
    monkeypatch.setattr(people_views, "get_directory", lambda: people)
    sign_in(page, live_server, "alice")
    response = page.goto(f"{live_server.url}/people/P100/")
    assert response.status == 200
    check_accessibility(page)
    screenshot(page, "person-own-team")
    response = page.goto(f"{live_server.url}/people/P200/")
    assert response.status == 404
    assert page.locator("h1").inner_text() == "Page not found"
    check_accessibility(page)


def test_the_accessibility_check_can_fail(page, live_server, check_accessibility):
    """Guard against a check that passes everything: an unlabelled image must be caught."""
    page.goto(f"{live_server.url}/accounts/login/")
    page.evaluate(
        "document.querySelector('main').appendChild(document.createElement('img')).src = 'x.png'"
    )
    with pytest.raises(AssertionError, match="image-alt"):
        check_accessibility(page)


def test_analyst_uploads_an_extract_and_reads_the_result(
    page, live_server, check_accessibility, screenshot, analyst
):
    corpus = Path(__file__).resolve().parents[3] / "shared" / "fixtures" / "cld-bad"
    sign_in(page, live_server, "ann")
    page.goto(f"{live_server.url}/imports/")
    check_accessibility(page)
    screenshot(page, "imports")
    page.set_input_files("input[type=file]", str(corpus / "bad_dates.csv"))
    page.get_by_label("Name for this snapshot (optional)").fill("Q4 2024-25")
    page.get_by_role("button", name="Import").click()
    page.wait_for_selector(".govuk-panel--confirmation", timeout=60_000)
    assert "55 of 60 rows accepted" in page.locator(".govuk-panel").inner_text()
    check_accessibility(page)
    screenshot(page, "import-result")
    with page.expect_download() as download:
        page.get_by_role("link", name="Download the rejected rows (CSV)").click()
    assert download.value.suggested_filename.endswith("-rejected-rows.csv")
