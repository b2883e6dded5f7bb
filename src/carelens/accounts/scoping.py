"""The scoping rule for person-level data, in one place.

Practitioners and team managers see a person only when at least one of that
person's events belongs to one of their teams. Analysts and administrators see
everyone. Anyone else (a finance officer) sees no person-level data. Every
person-level view calls `person_scope` or `get_person_or_404`; none decides
for itself.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol

from django.core.exceptions import PermissionDenied
from django.http import Http404

from carelens.accounts import audit

PERSON = "person"


@dataclass(frozen=True)
class PersonScope:
    """Which people a user may see: everyone, or those with events in `teams`."""

    all_teams: bool
    teams: frozenset[str]

    def allows(self, person_teams: Iterable[str]) -> bool:
        if self.all_teams:
            return True
        return not self.teams.isdisjoint(person_teams)

    def team_filter(self) -> list[str] | None:
        """Team names to filter queries by, or None for no filter (all teams).

        Pass the list as a query parameter, never format it into SQL.
        """
        return None if self.all_teams else sorted(self.teams)


def person_scope(user) -> PersonScope:
    """The scope of `user`; PermissionDenied if they may see no person-level data."""
    if not user.is_authenticated or not user.has_perm("accounts.view_person_level"):
        raise PermissionDenied("Your role does not include person-level data.")
    if user.has_perm("accounts.view_all_teams"):
        return PersonScope(all_teams=True, teams=frozenset())
    return PersonScope(all_teams=False, teams=frozenset(user.teams.values_list("name", flat=True)))


class PersonRecord(Protocol):
    person_id: str
    teams: frozenset[str]


class PersonDirectory(Protocol):
    def get(self, person_id: str) -> PersonRecord | None: ...


def _refused(request, person_id: str, action: str, outcome: str, detail: str) -> None:
    audit.record(
        request, action, object_type=PERSON, object_id=person_id, outcome=outcome, detail=detail
    )


def get_person_or_404(request, person_id: str, directory: PersonDirectory) -> PersonRecord:
    """Fetch one person for `request.user`, auditing the view or the refusal.

    A person outside the user's teams gets the same 404 as one who does not
    exist, so the response never reveals whom the council supports.
    """
    denied, failed = audit.Outcome.DENIED, audit.Outcome.FAILURE
    try:
        scope = person_scope(request.user)
    except PermissionDenied:
        _refused(
            request,
            person_id,
            audit.Action.ACCESS_DENIED,
            denied,
            "role has no person-level access",
        )
        raise
    person = directory.get(person_id)
    if person is None:
        _refused(request, person_id, audit.Action.VIEW_PERSON, failed, "no such person")
        raise Http404("No such person.")
    if not scope.allows(person.teams):
        _refused(
            request,
            person_id,
            audit.Action.ACCESS_DENIED,
            denied,
            "person outside the user's teams",
        )
        raise Http404("No such person.")
    audit.record(request, audit.Action.VIEW_PERSON, object_type=PERSON, object_id=person_id)
    return person
