"""The measures grid for a snapshot, through Django's cache.

A snapshot never changes, so its grid is computed once (about 10 s for the
20,000-person demo council) and kept under a key of the snapshot, the
population file and the measure definitions. A process also keeps the last
grids it read, so a page costs a dictionary lookup, not an unpickling.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import threading
from pathlib import Path

from django.conf import settings
from django.core.cache import cache

from carelens.metrics.catalog import MEASURES_DIR, VIEWS_DIR
from carelens.metrics.grid import Grid, build_grid
from carelens.metrics.runner import MeasureError, Runner, read_population
from carelens.snapshots.catalog import SnapshotInfo, list_snapshots

_memo: dict[str, Grid] = {}
_lock = threading.Lock()
MEMO_SIZE = 4


def population_file() -> Path:
    return Path(
        getattr(settings, "CARELENS_POPULATION_FILE", settings.CARELENS_HOME / "population.csv")
    )


def population() -> tuple[dict[str, int] | None, str]:
    """(population by age band or None, a note when it is missing or unusable)."""
    path = population_file()
    if not path.exists():
        return None, (
            "Rates per 100,000 need the council's population: put population.csv "
            f"(age_band,population) in {path.parent}."
        )
    try:
        return read_population(path), ""
    except MeasureError as error:
        return None, str(error)


def _definitions_digest() -> str:
    digest = hashlib.sha256()
    for folder in (MEASURES_DIR, VIEWS_DIR):
        for path in sorted(folder.iterdir()):
            if path.suffix in (".sql", ".toml"):
                digest.update(path.name.encode() + path.read_bytes())
    return digest.hexdigest()[:16]


def cache_key(info: SnapshotInfo, people: dict[str, int] | None) -> str:
    people_part = ",".join(f"{k}={v}" for k, v in sorted((people or {}).items()))
    raw = f"{info.path}|{info.created.isoformat()}|{people_part}|{_definitions_digest()}"
    return "carelens:grid:" + hashlib.sha256(raw.encode()).hexdigest()[:32]


def window(info: SnapshotInfo) -> tuple[dt.date, dt.date]:
    period = info.manifest.get("reporting_period") or {}
    return dt.date.fromisoformat(period["start"]), dt.date.fromisoformat(period["end"])


def grid_for(info: SnapshotInfo) -> Grid:
    people, _ = population()
    key = cache_key(info, people)
    with _lock:
        if key in _memo:
            return _memo[key]
    stored = cache.get(key)
    if stored is not None:
        grid = Grid.from_json(stored)
    else:
        with Runner(info.path) as runner:
            grid = build_grid(runner, info.snapshot_id, window(info), people)
        cache.set(key, grid.to_json(), timeout=None)
    with _lock:
        _memo[key] = grid
        while len(_memo) > MEMO_SIZE:
            _memo.pop(next(iter(_memo)))
    return grid


def snapshots_with_data() -> list[SnapshotInfo]:
    """Snapshots with a reporting period, newest first."""
    return [
        info
        for info in reversed(list_snapshots(settings.CARELENS_HOME))
        if (info.manifest.get("reporting_period") or {}).get("end")
    ]
