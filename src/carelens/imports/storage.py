"""Where uploaded files wait for their import. They hold personal data, so they are
removed as soon as the import has read them (the snapshot keeps what was accepted)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from django.conf import settings

_UNSAFE = re.compile(r"[^A-Za-z0-9._ -]")


def safe_name(name: str) -> str:
    cleaned = _UNSAFE.sub("_", Path(name).name).strip(" .") or "upload"
    return cleaned[:120]


def job_folder(job_id: int) -> Path:
    folder = Path(settings.CARELENS_HOME) / "uploads" / f"import-{job_id}"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def save_uploads(job_id: int, uploads) -> list[Path]:
    folder = job_folder(job_id)
    paths = []
    for index, upload in enumerate(uploads):
        # One folder per file keeps the name as uploaded, which messages then show.
        path = folder / f"{index:02d}" / safe_name(upload.name)
        path.parent.mkdir(exist_ok=True)
        with path.open("wb") as out:
            for chunk in upload.chunks():
                out.write(chunk)
        paths.append(path)
    return paths


def remove(job_id: int) -> None:
    shutil.rmtree(Path(settings.CARELENS_HOME) / "uploads" / f"import-{job_id}", ignore_errors=True)
