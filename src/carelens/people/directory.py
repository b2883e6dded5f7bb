"""Where person-level records come from.

Person-level data is read from a CLD snapshot (`SnapshotDirectory`, the
default); tests use `InMemoryDirectory`. Views ask `get_directory()`, never a concrete class, so
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


class SnapshotDirectory:
    """People as a CLD snapshot holds them: the latest, or the one named by `at`."""

    QUERY = """SELECT Event_Type, Event_Start_Date, event_end_date_derived, coalesce(Team, ''),
               concat_ws(': ', Request_Route_of_Access, Assessment_Type, Review_Reason,
                         Service_Type, Service_Component, Event_Outcome)
        FROM events WHERE person_id = ?
        ORDER BY Event_Start_Date NULLS LAST, record_seq"""

    def __init__(self, snapshot_id: str | None = None):
        self.snapshot_id = snapshot_id

    def at(self, snapshot_id: str | None) -> SnapshotDirectory:
        return SnapshotDirectory(snapshot_id or None)

    def _folder(self):
        from carelens.snapshots.catalog import latest_snapshot, list_snapshots

        if self.snapshot_id is None:
            info = latest_snapshot(settings.CARELENS_HOME)
        else:
            info = next(
                (
                    s
                    for s in list_snapshots(settings.CARELENS_HOME)
                    if s.snapshot_id == self.snapshot_id
                ),
                None,
            )
        return info.path if info else None

    def get(self, person_id: str) -> Person | None:
        from carelens.snapshots.store import connect

        folder = self._folder()
        if folder is None:
            return None
        con = connect(folder)
        try:
            rows = con.execute(self.QUERY, [person_id]).fetchall()
        finally:
            con.close()
        if not rows:
            return None
        return Person(person_id, tuple(Event(*row) for row in rows))


def get_directory():
    return import_string(
        getattr(
            settings, "CARELENS_PERSON_DIRECTORY", "carelens.people.directory.SnapshotDirectory"
        )
    )()
