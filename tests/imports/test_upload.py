"""The Imports area: upload, background import, progress, result, download, audit."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from carelens.accounts.models import AuditEvent
from carelens.imports.models import ImportJob
from tests.ingest.factories import row, write_csv
from tests.pages import check_page

pytestmark = pytest.mark.django_db
CORPUS = Path(__file__).resolve().parents[3] / "shared" / "fixtures" / "cld-bad"


def _upload(client, django_capture_on_commit_callbacks, *paths, label="Q1"):
    files = [SimpleUploadedFile(p.name, p.read_bytes(), "text/csv") for p in paths]
    with django_capture_on_commit_callbacks(execute=True):
        return client.post("/imports/", {"files": files, "label": label})


def test_analyst_imports_a_file_and_reads_the_result(
    client_for, analyst, django_capture_on_commit_callbacks, settings
):
    client = client_for(analyst)
    response = _upload(client, django_capture_on_commit_callbacks, CORPUS / "bad_dates.csv")
    job = ImportJob.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/imports/{job.pk}/"
    job.refresh_from_db()
    assert job.status == ImportJob.Status.DONE
    assert (job.summary["rows_in"], job.summary["rows_rejected"]) == (60, 5)
    page = check_page(client.get(response["Location"]))
    text = " ".join(page.text.split())
    assert "55 of 60 rows accepted" in text
    assert "CLD030" in text and "not in dd/mm/yyyy or yyyy-mm-dd form" in text
    assert "bad_dates.csv, row 7 (line 8), Event Start Date" in text  # first examples
    assert not any((Path(settings.CARELENS_HOME) / "uploads").glob("import-*/*/*"))
    download = client.get(f"/imports/{job.pk}/rejected-rows.csv")
    assert download.status_code == 200
    body = b"".join(download.streaming_content).decode()
    assert "29/02/2025" in body and "row 7 (line 8)" in body
    actions = set(AuditEvent.objects.values_list("action", "object_type"))
    assert {("import", "import"), ("import", "snapshot"), ("export", "rejected_rows")} <= actions


def test_an_unusable_file_says_why_and_stores_nothing(
    client_for, analyst, django_capture_on_commit_callbacks, settings
):
    client = client_for(analyst)
    response = _upload(
        client, django_capture_on_commit_callbacks, CORPUS / "missing_event_start_date_column.csv"
    )
    job = ImportJob.objects.get()
    assert job.status == ImportJob.Status.UNUSABLE
    page = check_page(client.get(response["Location"]))
    assert "required column(s) missing: Event Start Date" in page.text
    assert "Nothing was imported" in page.text
    assert not list((Path(settings.CARELENS_HOME) / "snapshots").glob("[0-9]*"))


def test_too_large_a_file_is_refused_with_the_limit(client_for, analyst, settings, tmp_path):
    settings.CARELENS_UPLOAD_MAX_MB = 1
    big = tmp_path / "big.csv"
    big.write_bytes(b"x" * (1024 * 1024 + 10))
    response = client_for(analyst).post(
        "/imports/", {"files": [SimpleUploadedFile("big.csv", big.read_bytes())]}
    )
    assert response.status_code == 200
    summary = check_page(response).find(class_="govuk-error-summary").text
    assert "big.csv is 1 MB; files must be 1 MB or smaller" in summary
    assert not ImportJob.objects.exists()


def test_choosing_no_file_is_explained(client_for, analyst):
    response = client_for(analyst).post("/imports/", {"label": "x"})
    assert "Choose at least one CLD extract file" in check_page(response).text


def test_several_files_become_one_snapshot(
    client_for, analyst, django_capture_on_commit_callbacks, tmp_path
):
    first = write_csv(tmp_path / "q1.csv", [row("Request")])
    second = write_csv(tmp_path / "q2.csv", [row("Review")])
    _upload(client_for(analyst), django_capture_on_commit_callbacks, first, second)
    job = ImportJob.objects.get()
    assert job.summary["rows_in"] == 2 and len(job.summary["files"]) == 2


def test_progress_while_queued_and_refresh_when_done(client_for, analyst):
    job = ImportJob.objects.create(created_by=analyst, file_names=["x.csv"])
    client = client_for(analyst)
    partial = client.get(f"/imports/{job.pk}/progress/", HTTP_HX_REQUEST="true")
    assert 'hx-trigger="every 1s"' in partial.content.decode()
    assert "HX-Refresh" not in partial
    ImportJob.objects.filter(pk=job.pk).update(status=ImportJob.Status.DONE)
    partial = client.get(f"/imports/{job.pk}/progress/", HTTP_HX_REQUEST="true")
    assert partial["HX-Refresh"] == "true"


def test_progress_shows_rows_read_and_each_stage(client_for, analyst, tmp_path):
    """The import's own progress calls, replayed into the job row the page polls."""
    from carelens.imports.tasks import _Progress
    from carelens.ingest.importer import import_cld

    calls = []
    path = write_csv(tmp_path / "x.csv", [row(), row("Service"), row("Review")])
    import_cld([path], tmp_path / "home", progress=lambda *call: calls.append(call))
    stages = list(dict.fromkeys(stage for stage, _, _ in calls))
    assert stages == ["read", "rows", "normalise", "checked", "write"]
    assert ("rows", 3, 0) in calls

    job = ImportJob.objects.create(
        created_by=analyst, file_names=["x.csv"], status=ImportJob.Status.RUNNING
    )
    client = client_for(analyst)
    seen = []
    progress = _Progress(job)
    for stage, done, total in calls:
        progress(stage, done, total)
        job.refresh_from_db()
        text = client.get(f"/imports/{job.pk}/progress/", HTTP_HX_REQUEST="true").content
        seen.append((job.percent, text.decode()))
    percents = [p for p, _ in seen]
    assert percents == sorted(percents) and percents[-1] == 85
    assert any("Rows read: 3." in text for _, text in seen)
    assert any("Putting values in standard form." in text for _, text in seen)
    assert "Writing the snapshot." in seen[-1][1]


def test_history_lists_imports(client_for, analyst):
    job = ImportJob.objects.create(created_by=analyst, file_names=["old.csv"], label="Q4")
    page = check_page(client_for(analyst).get("/imports/"))
    assert f"Import {job.pk}: Q4" in page.text and "old.csv" in page.text


@pytest.mark.parametrize("persona", ["practitioner_a", "finance_officer"])
def test_only_analysts_and_administrators_import(persona, client_for, request):
    client = client_for(request.getfixturevalue(persona))
    assert client.get("/imports/").status_code == 403


def test_an_unexpected_failure_is_explained_without_internals(
    client_for, analyst, django_capture_on_commit_callbacks, monkeypatch, settings
):
    import carelens.ingest.importer as importer

    def explode(*args, **kwargs):
        raise RuntimeError("secret internals")

    monkeypatch.setattr(importer, "import_cld", explode)
    client = client_for(analyst)
    response = _upload(client, django_capture_on_commit_callbacks, CORPUS / "bad_dates.csv")
    job = ImportJob.objects.get()
    assert job.status == ImportJob.Status.FAILED
    body = client.get(response["Location"]).content.decode()
    assert "stopped unexpectedly" in body and "secret internals" not in body
    assert not any((Path(settings.CARELENS_HOME) / "uploads").glob("import-*/*/*"))
    assert AuditEvent.objects.filter(action="import", outcome="failure").exists()


def test_snapshots_imported_from_the_command_line_are_listed(
    client_for, analyst, settings, tmp_path
):
    from carelens.ingest.importer import import_cld

    client = client_for(analyst)
    page = check_page(client.get("/imports/"))
    assert "No data imported yet" in page.text
    path = write_csv(tmp_path / "cli.csv", [row(), row("Service")])
    import_cld([path], Path(settings.CARELENS_HOME), label="From the command line")
    page = check_page(client.get("/imports/"))
    assert "No data imported yet" not in page.text
    link = page.find("a", string=lambda s: s and "From the command line" in s)
    assert link is not None and link["href"] == "/imports/snapshots/1/"
