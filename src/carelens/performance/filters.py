"""The snapshot, month and team a performance page shows, read from the query string.

The URL carries the filters, so a view can be shared; a value that is not
one of the choices falls back to the default rather than failing.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlencode

from django.http import Http404

from carelens.metrics.grid import ALL_TEAMS, Grid
from carelens.performance.data import grid_for, snapshots_with_data
from carelens.snapshots.catalog import SnapshotInfo


@dataclass(frozen=True)
class Filters:
    snapshot: SnapshotInfo
    snapshots: list[SnapshotInfo]
    grid: Grid
    month: str
    team: str

    def query(self, **changes) -> str:
        values = {"snapshot": self.snapshot.snapshot_id, "month": self.month, "team": self.team}
        values.update(changes)
        return urlencode({k: v for k, v in values.items() if v})

    def described(self) -> list[tuple[str, str]]:
        """The filters in words, for exports."""
        return [
            ("Snapshot", f"{self.snapshot.snapshot_id} {self.snapshot.label}".strip()),
            ("Month", self.month),
            ("Team", self.team or "All teams"),
        ]


def read_filters(request) -> Filters | None:
    """The filters of a request, or None when no snapshot has data."""
    snapshots = snapshots_with_data()
    if not snapshots:
        return None
    wanted = request.GET.get("snapshot", "")
    snapshot = next((s for s in snapshots if s.snapshot_id == wanted), None)
    if wanted and snapshot is None:
        raise Http404("No such snapshot.")
    snapshot = snapshot or snapshots[0]
    grid = grid_for(snapshot)
    month = request.GET.get("month", "")
    if month not in grid.months:
        month = grid.months[-1]
    team = request.GET.get("team", ALL_TEAMS)
    if team not in grid.teams:
        team = ALL_TEAMS
    return Filters(snapshot, snapshots, grid, month, team)
