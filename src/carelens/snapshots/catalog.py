"""Find the snapshots in a carelens home.

A snapshot is a folder `snapshots/<id>/` with a `manifest.json`; imports
build it elsewhere and rename it into place when complete, so a folder without
a readable manifest is not a snapshot and is ignored here.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path


@dataclass(frozen=True)
class SnapshotInfo:
    snapshot_id: str
    created: datetime
    label: str
    path: Path
    manifest: dict


def _read(folder: Path) -> SnapshotInfo | None:
    try:
        manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
        created = datetime.fromisoformat(manifest["created"])
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return SnapshotInfo(
        snapshot_id=str(manifest.get("snapshot", folder.name)),
        created=created,
        label=str(manifest.get("label") or ""),
        path=folder,
        manifest=manifest,
    )


def list_snapshots(home: Path) -> list[SnapshotInfo]:
    """Complete snapshots, oldest first."""
    root = home / "snapshots"
    if not root.is_dir():
        return []
    found = [
        info
        for folder in root.iterdir()
        if folder.is_dir() and not folder.name.startswith(".")
        if (info := _read(folder))
    ]
    # Ids are numbers given in order, so they break ties between imports in one second.
    return sorted(
        found,
        key=lambda info: (
            info.created,
            int(info.snapshot_id) if info.snapshot_id.isdigit() else 0,
        ),
    )


def latest_snapshot(home: Path) -> SnapshotInfo | None:
    snapshots = list_snapshots(home)
    return snapshots[-1] if snapshots else None


def describe(info: SnapshotInfo) -> dict:
    """The facts `carelens snapshots` shows for one snapshot."""
    manifest = info.manifest
    counts = manifest.get("counts", {})
    return {
        "id": info.snapshot_id,
        "label": info.label,
        "created": info.created.isoformat(),
        "rows": counts.get("rows_accepted"),
        "rows_in": counts.get("rows_in"),
        "rows_rejected": counts.get("rows_rejected"),
        "files": [f.get("name") for f in manifest.get("files", [])],
        "reporting_period": manifest.get("reporting_period"),
        "path": str(info.path),
    }
