"""The append-only audit trail.

A row is written for every login, failed login, logout, lockout, view of
person-level data, export, import and change. Rows hold who, when, what and
the outcome, never personal data about the people receiving care: the object
id is the record's identifier, not a name or NHS number.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models


class AppendOnlyError(RuntimeError):
    """Someone tried to change or remove an audit row."""


class AuditQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise AppendOnlyError("Audit events cannot be changed.")

    def delete(self):
        raise AppendOnlyError("Audit events cannot be deleted.")

    def for_audit_page(self):
        return self.select_related("user").order_by("-at", "-id")


class AuditEvent(models.Model):
    class Action(models.TextChoices):
        LOGIN = "login", "Signed in"
        LOGIN_FAILED = "login_failed", "Failed sign-in"
        LOCKOUT = "lockout", "Account locked"
        LOGOUT = "logout", "Signed out"
        SESSION_EXPIRED = "session_expired", "Session timed out"
        PASSWORD_CHANGE = "password_change", "Changed password"
        PASSWORD_RESET = "password_reset", "Asked for a password reset"
        VIEW_PERSON = "view_person", "Viewed person-level data"
        EXPORT = "export", "Exported"
        IMPORT = "import", "Imported"
        CREATE = "create", "Created"
        CHANGE = "change", "Changed"
        DELETE = "delete", "Deleted"
        ACCESS_DENIED = "access_denied", "Access refused"

    class Outcome(models.TextChoices):
        SUCCESS = "success", "Success"
        DENIED = "denied", "Denied"
        FAILURE = "failure", "Failure"

    at = models.DateTimeField(auto_now_add=True, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # Kept as text too, so the trail still says who after an account is deleted.
    username = models.CharField(max_length=150, blank=True)
    action = models.CharField(max_length=32, choices=Action.choices, db_index=True)
    object_type = models.CharField(max_length=64, blank=True)
    object_id = models.CharField(max_length=64, blank=True)
    ip_address = models.GenericIPAddressField(null=True, blank=True)
    outcome = models.CharField(max_length=16, choices=Outcome.choices, default=Outcome.SUCCESS)
    detail = models.CharField(max_length=255, blank=True)

    objects = AuditQuerySet.as_manager()

    class Meta:
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["object_type", "object_id"])]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.username or '-'} {self.action} {self.outcome}"

    def save(self, *args, **kwargs):
        if self.pk is not None and not kwargs.get("force_insert"):
            raise AppendOnlyError("Audit events cannot be changed.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnlyError("Audit events cannot be deleted.")

    OBJECT_LABELS = {
        "accounts.user": "User",
        "accounts.team": "Team",
        "accounts.teammembership": "Team membership",
        "auth.group": "Role",
        "person": "Person",
        "url": "Page",
    }

    @property
    def object_label(self) -> str:
        """The object in words a council user reads: 'User 3', 'Person P100'."""
        kind = self.OBJECT_LABELS.get(self.object_type, self.object_type)
        return " ".join(part for part in (kind, self.object_id) if part)
