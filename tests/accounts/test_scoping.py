"""The scoping rule: who sees which person's record, and what the audit trail says."""

from __future__ import annotations

from datetime import date

import pytest

from carelens.accounts.models import AuditEvent
from carelens.accounts.scoping import PersonScope, person_scope
from carelens.people import views as people_views
from carelens.people.directory import Event, InMemoryDirectory, Person
from tests.pages import check_page

PERSON_IN_A = Person(
    "P100",
    (Event("Request", date(2024, 4, 2), None, "North Locality"),),
)
PERSON_IN_B = Person(
    "P200",
    (Event("Assessment", date(2024, 5, 1), date(2024, 5, 20), "South Locality"),),
)
PERSON_IN_BOTH = Person(
    "P300",
    (
        Event("Request", date(2024, 1, 1), None, "South Locality"),
        Event("Review", date(2024, 9, 1), None, "North Locality"),
    ),
)


@pytest.fixture(autouse=True)
def directory(monkeypatch):
    people = InMemoryDirectory([PERSON_IN_A, PERSON_IN_B, PERSON_IN_BOTH])
    monkeypatch.setattr(people_views, "get_directory", lambda: people)
    return people


def test_scope_allows_a_person_with_any_event_in_the_users_teams():
    scope = PersonScope(all_teams=False, teams=frozenset({"North Locality"}))
    assert scope.allows(PERSON_IN_A.teams)
    assert scope.allows(PERSON_IN_BOTH.teams)
    assert not scope.allows(PERSON_IN_B.teams)
    assert not scope.allows(frozenset())


def test_unrestricted_scope_allows_everyone_and_gives_no_team_filter():
    scope = PersonScope(all_teams=True, teams=frozenset())
    assert scope.allows(PERSON_IN_B.teams)
    assert scope.team_filter() is None


@pytest.mark.django_db
def test_practitioner_scope_is_their_teams(practitioner_a):
    scope = person_scope(practitioner_a)
    assert not scope.all_teams
    assert scope.team_filter() == ["North Locality"]


@pytest.mark.django_db
@pytest.mark.parametrize("persona", ["analyst", "administrator"])
def test_analysts_and_administrators_see_all_teams(persona, request):
    assert person_scope(request.getfixturevalue(persona)).all_teams


@pytest.mark.django_db
def test_finance_officer_has_no_person_scope(finance_officer):
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        person_scope(finance_officer)


def test_practitioner_sees_a_person_in_their_team_and_the_view_is_audited(
    client_for, practitioner_a
):
    response = client_for(practitioner_a).get("/people/P100/")
    assert response.status_code == 200
    check_page(response)
    event = AuditEvent.objects.get(action="view_person")
    assert (event.user, event.object_type, event.object_id, event.outcome) == (
        practitioner_a,
        "person",
        "P100",
        "success",
    )


def test_practitioner_in_team_a_gets_404_for_a_team_b_person(client_for, practitioner_a):
    response = client_for(practitioner_a).get("/people/P200/")
    assert response.status_code == 404
    check_page(response)
    event = AuditEvent.objects.get(action="access_denied")
    assert (event.object_id, event.outcome) == ("P200", "denied")
    assert not AuditEvent.objects.filter(action="view_person").exists()


def test_out_of_scope_and_missing_people_look_the_same(client_for, practitioner_a):
    client = client_for(practitioner_a)
    hidden = client.get("/people/P200/")
    missing = client.get("/people/P999/")
    assert hidden.status_code == missing.status_code == 404
    assert check_page(hidden).main == check_page(missing).main


def test_person_with_events_in_two_teams_is_visible_to_both(
    client_for, practitioner_a, practitioner_b
):
    assert client_for(practitioner_a).get("/people/P300/").status_code == 200
    assert client_for(practitioner_b).get("/people/P300/").status_code == 200


def test_team_manager_is_scoped_like_their_practitioners(client_for, manager_a):
    client = client_for(manager_a)
    assert client.get("/people/P100/").status_code == 200
    assert client.get("/people/P200/").status_code == 404


@pytest.mark.parametrize("persona", ["analyst", "administrator"])
def test_analyst_and_administrator_see_any_team(persona, client_for, request):
    client = client_for(request.getfixturevalue(persona))
    assert client.get("/people/P200/").status_code == 200


def test_finance_officer_is_refused_person_pages(client_for, finance_officer):
    response = client_for(finance_officer).get("/people/P100/")
    assert response.status_code == 403
    check_page(response)
    assert AuditEvent.objects.filter(action="access_denied", object_id="P100").exists()


def test_user_without_a_team_sees_nobody(client_for, roles):
    from tests.factories import UserFactory

    loner = UserFactory(role="practitioner")
    assert client_for(loner).get("/people/P100/").status_code == 404
