"""The background import task (django-tasks; the database worker runs it)."""

from __future__ import annotations

import logging
import time
from pathlib import Path

from django.conf import settings
from django.utils import timezone
from django_tasks import task

from carelens.accounts import audit
from carelens.imports import storage
from carelens.imports.models import ImportJob

log = logging.getLogger(__name__)
PROGRESS_EVERY = 0.5  # seconds between progress writes


class _Progress:
    """Write progress to the job row, at most every PROGRESS_EVERY seconds."""

    def __init__(self, job: ImportJob):
        self.job = job
        self.last = 0.0

    def __call__(self, stage: str, done: int, total: int) -> None:
        if stage == "rows":
            fields = {"rows_read": done}
        elif stage == "checked":
            fields = {"stage": stage, "rules_checked": done, "rules_total": total}
        else:
            fields = {"stage": stage}
        now = time.monotonic()
        # Stage changes are written at once; counts within a stage at most every half second.
        if now - self.last >= PROGRESS_EVERY or done == total or stage != "checked":
            ImportJob.objects.filter(pk=self.job.pk).update(**fields)
            self.last = now


UNEXPECTED = (
    "The import stopped unexpectedly. Nothing was stored. "
    "Tell your carelens administrator the import number."
)


def _failed(job_id: int, user, status: str, problem: str, detail: str) -> None:
    ImportJob.objects.filter(pk=job_id).update(
        status=status, problem=problem, finished=timezone.now()
    )
    audit.record(
        None,
        audit.Action.IMPORT,
        user=user,
        object_type="import",
        object_id=job_id,
        outcome=audit.Outcome.FAILURE,
        detail=detail,
    )


@task()
def run_import(job_id: int, paths: list[str]) -> None:
    from carelens.ingest.errors import UnusableFile
    from carelens.ingest.importer import import_cld

    job = ImportJob.objects.get(pk=job_id)
    ImportJob.objects.filter(pk=job_id).update(status=ImportJob.Status.RUNNING, stage="read")
    user = job.created_by
    try:
        result = import_cld(
            [Path(p) for p in paths],
            Path(settings.CARELENS_HOME),
            label=job.label,
            progress=_Progress(job),
        )
    except UnusableFile as error:
        _failed(job_id, user, ImportJob.Status.UNUSABLE, str(error), error.code)
        return
    except Exception:
        log.exception("import %s failed", job_id)
        _failed(job_id, user, ImportJob.Status.FAILED, UNEXPECTED, "unexpected error")
        return
    finally:
        storage.remove(job_id)
    summary = result.summary
    ImportJob.objects.filter(pk=job_id).update(
        status=ImportJob.Status.DONE,
        snapshot_id=result.snapshot,
        summary=summary,
        rows_read=summary["rows_in"],
        finished=timezone.now(),
    )
    audit.record(
        None,
        audit.Action.IMPORT,
        user=user,
        object_type="snapshot",
        object_id=result.snapshot,
        detail=f"CLD: {summary['rows_in']} rows in, {summary['rows_rejected']} rejected",
    )
    from carelens.performance.tasks import prepare_measures

    prepare_measures.enqueue(result.snapshot)
