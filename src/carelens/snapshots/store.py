"""Write snapshots atomically: build in a hidden folder, rename into place when complete.

A snapshot folder is never modified after the rename. A folder whose name
starts with '.' is work in progress (or left by a killed import) and is never
listed; stale ones are removed by the next import.
"""

from __future__ import annotations

import json
import os
import shutil
import time
import uuid
from pathlib import Path

STALE_SECONDS = 24 * 60 * 60
# The snapshot's data: tables `events` (accepted rows), `issues` and `extras`.
DATABASE = "snapshot.duckdb"


def snapshots_root(home: Path) -> Path:
    root = home / "snapshots"
    root.mkdir(parents=True, exist_ok=True)
    return root


def new_workdir(home: Path) -> Path:
    """A private folder to build a snapshot in; removes abandoned ones first."""
    root = snapshots_root(home)
    now = time.time()
    for old in root.glob(".building-*"):
        try:
            if now - old.stat().st_mtime > STALE_SECONDS:
                shutil.rmtree(old, ignore_errors=True)
        except OSError:
            pass
    work = root / f".building-{uuid.uuid4().hex}"
    work.mkdir()
    return work


def _next_id(root: Path) -> int:
    numbers = [int(p.name) for p in root.iterdir() if p.name.isdigit()]
    return max(numbers, default=0) + 1


def publish(work: Path, manifest: dict) -> tuple[str, Path]:
    """Write the manifest last, then rename `work` to the next free snapshot id."""
    root = work.parent
    for item in work.iterdir():
        item.chmod(0o444)  # never modified afterwards, by carelens or by accident
    for _ in range(100):
        snapshot_id = str(_next_id(root))
        manifest["snapshot"] = snapshot_id
        # Rewritten on a retry (the id is in it), so read-only only once published.
        (work / "manifest.json").write_text(
            json.dumps(manifest, indent=2, default=str), encoding="utf-8"
        )
        target = root / snapshot_id
        try:
            os.rename(work, target)  # atomic; fails if another import took this id
        except OSError:
            continue
        (target / "manifest.json").chmod(0o444)
        return snapshot_id, target
    raise RuntimeError("could not allocate a snapshot id")


def connect(folder: Path):
    """A read-only DuckDB connection to a snapshot's data (tables events, issues, extras)."""
    import duckdb

    return duckdb.connect(str(Path(folder) / DATABASE), read_only=True)
