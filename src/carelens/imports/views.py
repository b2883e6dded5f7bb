"""Upload extracts, follow an import's progress, and read its result."""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.contrib.auth.decorators import permission_required
from django.db import transaction
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render

from carelens.accounts import audit
from carelens.imports import storage
from carelens.imports.forms import UploadForm
from carelens.imports.models import ImportJob
from carelens.imports.tasks import run_import
from carelens.ingest.explanations import explain
from carelens.snapshots.catalog import describe, list_snapshots

IMPORT = "accounts.import_data"
HISTORY = 25


@permission_required(IMPORT, raise_exception=True)
def imports_home(request):
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        uploads = form.cleaned_data["files"]
        job = ImportJob.objects.create(
            created_by=request.user,
            label=form.cleaned_data["label"],
            file_names=[upload.name for upload in uploads],
        )
        paths = storage.save_uploads(job.pk, uploads)
        audit.record(
            request,
            audit.Action.IMPORT,
            object_type="import",
            object_id=job.pk,
            detail=f"started: {len(paths)} file(s)",
        )
        transaction.on_commit(lambda: run_import.enqueue(job.pk, [str(p) for p in paths]))
        return redirect("import_detail", pk=job.pk)
    snapshots = [
        {**describe(info), "created_at": info.created}
        for info in reversed(list_snapshots(Path(settings.CARELENS_HOME)))
    ][:HISTORY]
    return render(
        request,
        "imports/home.html",
        {
            "form": form,
            "jobs": ImportJob.objects.select_related("created_by")[:HISTORY],
            "snapshots": snapshots,
        },
    )


def _examples(job: ImportJob) -> dict[str, list[str]]:
    """The first (masked) examples of each rule, from the snapshot's manifest."""
    if job.status != ImportJob.Status.DONE:
        return {}
    try:
        manifest = _snapshot(job.snapshot_id).manifest
    except Http404:
        return {}
    return {code: info.get("examples", []) for code, info in manifest.get("rules", {}).items()}


def _result(job: ImportJob) -> dict:
    summary = job.summary or {}
    examples = _examples(job)
    rules = []
    for severity, key in (("Error", "errors_by_rule"), ("Warning", "warnings_by_rule")):
        for code, rows in sorted((summary.get(key) or {}).items()):
            rules.append(
                {
                    "severity": severity,
                    "code": code,
                    "rows": rows,
                    "why": explain(code),
                    "examples": examples.get(code, []),
                }
            )
    return {"summary": summary, "rules": rules}


@permission_required(IMPORT, raise_exception=True)
def import_detail(request, pk: int):
    job = get_object_or_404(ImportJob, pk=pk)
    return render(request, "imports/detail.html", {"job": job, **_result(job)})


@permission_required(IMPORT, raise_exception=True)
def import_progress(request, pk: int):
    job = get_object_or_404(ImportJob, pk=pk)
    if not job.in_progress and request.headers.get("HX-Request"):
        # Finished: have htmx load the whole result page.
        response = render(request, "imports/_progress.html", {"job": job})
        response["HX-Refresh"] = "true"
        return response
    return render(request, "imports/_progress.html", {"job": job})


def _snapshot(snapshot_id: str):
    for info in list_snapshots(Path(settings.CARELENS_HOME)):
        if info.snapshot_id == snapshot_id:
            return info
    raise Http404("No such snapshot.")


@permission_required(IMPORT, raise_exception=True)
def download_rejected(request, pk: int):
    """The rejected-rows report: person-level data, so the download is audited."""
    job = get_object_or_404(ImportJob, pk=pk, status=ImportJob.Status.DONE)
    info = _snapshot(job.snapshot_id)
    path = info.path / "rejected_rows.csv"
    audit.record(
        request,
        audit.Action.EXPORT,
        object_type="rejected_rows",
        object_id=job.snapshot_id,
        detail=f"import {job.pk}",
    )
    return FileResponse(
        path.open("rb"),
        as_attachment=True,
        filename=f"carelens-snapshot-{job.snapshot_id}-rejected-rows.csv",
        content_type="text/csv",
    )


@permission_required(IMPORT, raise_exception=True)
def snapshot_detail(request, snapshot_id: str):
    info = _snapshot(snapshot_id)
    return render(
        request,
        "imports/snapshot.html",
        {"snapshot": describe(info), "manifest": info.manifest},
    )
