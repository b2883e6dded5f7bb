"""Where person-level records come from.

Person-level data will be read from the latest CLD snapshot once imports
exist. Until then the configured directory is `EmptyDirectory`, and tests use
`InMemoryDirectory`. Views ask `get_directory()`, never a concrete class, so
the snapshot-backed directory replaces these without touching a view.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django.conf import settings
from django.utils.module_loading import import_string


@dataclass(frozen=True)
class Event:
    event_type: str
    start: date | None
    end: date | None
    team: str
    description: str = ""


@dataclass(frozen=True)
class Person:
    person_id: str
    events: tuple[Event, ...] = field(default_factory=tuple)

    @property
    def teams(self) -> frozenset[str]:
        return frozenset(event.team for event in self.events if event.team)


class EmptyDirectory:
    """No person-level data has been imported yet."""

    def get(self, person_id: str) -> Person | None:
        return None


class InMemoryDirectory:
    """People held in memory: for tests and for a directory built in code."""

    def __init__(self, people: list[Person] | None = None):
        self._people = {person.person_id: person for person in people or []}

    def add(self, person: Person) -> None:
        self._people[person.person_id] = person

    def get(self, person_id: str) -> Person | None:
        return self._people.get(person_id)


def get_directory():
    return import_string(
        getattr(settings, "CARELENS_PERSON_DIRECTORY", "carelens.people.directory.EmptyDirectory")
    )()
