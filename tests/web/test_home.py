"""The home page and navigation show each role its own areas, with empty states."""

from __future__ import annotations

import json

import pytest

from tests.pages import check_page

pytestmark = pytest.mark.django_db

EXPECTED_AREAS = {
    "practitioner_a": ["Performance"],
    "manager_a": ["Performance", "Work lists"],
    "analyst": ["Performance", "Work lists", "Imports"],
    "finance_officer": ["Finance"],
    "administrator": [
        "Performance",
        "Work lists",
        "Imports",
        "Finance",
        "Audit trail",
        "Users and teams",
    ],
}


def _area_titles(soup):
    return [h3.get_text(strip=True) for h3 in soup.select(".carelens-card h3")]


@pytest.mark.parametrize(("persona", "areas"), EXPECTED_AREAS.items())
def test_home_lists_the_areas_of_the_users_role(persona, areas, client_for, request):
    soup = check_page(client_for(request.getfixturevalue(persona)).get("/"))
    assert _area_titles(soup) == areas


@pytest.mark.parametrize(("persona", "areas"), EXPECTED_AREAS.items())
def test_navigation_follows_the_role(persona, areas, client_for, request):
    soup = check_page(client_for(request.getfixturevalue(persona)).get("/"))
    links = [a.get_text(strip=True) for a in soup.select(".govuk-service-navigation__list a")]
    assert links == ["Home", *areas]
    assert soup.select_one("[aria-current=page]").get_text(strip=True) == "Home"


def test_home_shows_the_council_name(client_for, practitioner_a, settings):
    settings.CARELENS_COUNCIL_NAME = "Borsetshire County Council"
    soup = check_page(client_for(practitioner_a).get("/"))
    assert "Borsetshire County Council" in soup.find(class_="govuk-header").text
    assert soup.title.get_text().endswith("Borsetshire County Council")


def test_empty_states_say_what_to_do_next(client_for, analyst):
    soup = check_page(client_for(analyst).get("/"))
    empty = [box.get_text(strip=True) for box in soup.select(".carelens-empty-state")]
    assert "No data imported yet: import a CLD extract." in empty
    assert "No data has been imported yet." in soup.text


def _write_snapshot(home, snapshot_id, created, label=""):
    folder = home / "snapshots" / snapshot_id
    folder.mkdir(parents=True)
    manifest = {"snapshot": snapshot_id, "created": created, "label": label}
    (folder / "manifest.json").write_text(json.dumps(manifest))


def test_home_shows_the_time_of_the_latest_snapshot(client_for, analyst, settings):
    _write_snapshot(settings.CARELENS_HOME, "1", "2026-10-01T09:00:00+00:00")
    _write_snapshot(settings.CARELENS_HOME, "2", "2026-11-20T14:05:00+00:00", "Q2 2026-27")
    # A folder without a manifest is an import that never finished: not a snapshot.
    (settings.CARELENS_HOME / "snapshots" / "3").mkdir()
    soup = check_page(client_for(analyst).get("/"))
    text = " ".join(soup.text.split())
    assert "snapshot 2 (Q2 2026-27), imported 20 November 2026 at 14:05" in text
    empty = [box.get_text(strip=True) for box in soup.select(".carelens-empty-state")]
    assert "No data imported yet: import a CLD extract." not in empty


@pytest.mark.parametrize(
    ("persona", "url", "status"),
    [
        ("practitioner_a", "/performance/", 200),
        ("practitioner_a", "/finance/", 403),
        ("practitioner_a", "/imports/", 403),
        ("finance_officer", "/finance/", 200),
        ("finance_officer", "/performance/", 403),
        ("analyst", "/imports/", 200),
        ("analyst", "/admin/", 403),
        ("administrator", "/admin/", 200),
        ("administrator", "/accounts/audit/", 200),
    ],
)
def test_area_pages_check_the_role(persona, url, status, client_for, request):
    response = client_for(request.getfixturevalue(persona)).get(url)
    assert response.status_code == status
    if url.startswith("/admin/") and status == 200:
        return  # Django's own admin templates
    check_page(response)


def test_a_user_with_no_role_is_told_to_ask_for_one(client_for, roles):
    from tests.factories import UserFactory

    soup = check_page(client_for(UserFactory()).get("/"))
    assert "Your account has no role yet" in soup.text
