"""Work the measures out for a new snapshot in the background, so the first page is fast."""

from __future__ import annotations

import logging

from django_tasks import task

from carelens.performance.data import grid_for, snapshots_with_data

log = logging.getLogger(__name__)


@task()
def prepare_measures(snapshot_id: str) -> None:
    info = next((s for s in snapshots_with_data() if s.snapshot_id == snapshot_id), None)
    if info is None:
        log.warning("snapshot %s has no reporting period; measures not prepared", snapshot_id)
        return
    grid_for(info)
