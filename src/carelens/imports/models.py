"""An import job: who asked, which files, how far it has got, and what it produced."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class ImportJob(models.Model):
    class Status(models.TextChoices):
        QUEUED = "queued", "Waiting to start"
        RUNNING = "running", "Importing"
        DONE = "done", "Imported"
        UNUSABLE = "unusable", "File could not be used"
        FAILED = "failed", "Failed"

    created = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    label = models.CharField(max_length=100, blank=True)
    file_names = models.JSONField(default=list)  # names as uploaded
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.QUEUED)
    stage = models.CharField(max_length=32, blank=True)
    rows_read = models.BigIntegerField(default=0)
    rules_checked = models.IntegerField(default=0)
    rules_total = models.IntegerField(default=0)
    finished = models.DateTimeField(null=True, blank=True)
    snapshot_id = models.CharField(max_length=32, blank=True)
    summary = models.JSONField(default=dict, blank=True)
    problem = models.TextField(blank=True)  # why a file was unusable, in plain words

    class Meta:
        ordering = ["-created", "-id"]

    def __str__(self) -> str:
        return f"Import {self.pk} ({self.get_status_display()})"

    @property
    def in_progress(self) -> bool:
        return self.status in (self.Status.QUEUED, self.Status.RUNNING)

    @property
    def percent(self) -> int:
        """A rough share of the work done, for the progress bar."""
        if self.status == self.Status.DONE:
            return 100
        if self.status != self.Status.RUNNING:
            return 0
        # Reading and normalising take most of the time; checking and writing the rest.
        if self.stage == "checked" and self.rules_total:
            return 55 + int(25 * self.rules_checked / self.rules_total)
        return {"read": 5, "normalise": 35, "checked": 55, "write": 85}.get(self.stage, 5)
