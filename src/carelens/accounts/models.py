"""Users, teams and the permissions that roles are made of.

The audit trail lives in `audit_models.py`; both are imported here so Django
finds them.
"""

from __future__ import annotations

from django.contrib.auth.models import AbstractUser
from django.db import models

from carelens.accounts.audit_models import AuditEvent

__all__ = ["AuditEvent", "Capability", "Team", "TeamMembership", "User"]


class Team(models.Model):
    """A practice team. `name` matches the `Team` column of CLD extracts."""

    name = models.CharField(max_length=100, unique=True)
    service_area = models.CharField(
        max_length=100,
        blank=True,
        help_text="For example: Hospital discharge, Locality, Learning disability.",
    )

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class User(AbstractUser):
    """A member of staff. Roles are Django groups; teams come through TeamMembership."""

    teams = models.ManyToManyField(Team, through="TeamMembership", related_name="members")
    must_change_password = models.BooleanField(
        default=False,
        help_text="Set for a one-time password: the user must choose their own at next login.",
    )

    class Meta:
        ordering = ["username"]


class TeamMembership(models.Model):
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="memberships")
    team = models.ForeignKey(Team, on_delete=models.CASCADE, related_name="memberships")
    joined = models.DateField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "team"], name="one_membership_per_team")
        ]

    def __str__(self) -> str:
        return f"{self.user} in {self.team}"


class Capability(models.Model):
    """Holds carelens' own permissions; it has no table.

    Roles (groups) are granted these, and views check them, so what a role may
    do is decided in one place: `roles.py`.
    """

    class Meta:
        managed = False
        default_permissions = ()
        permissions = [
            ("view_person_level", "View person-level data (scoped to own teams)"),
            ("view_all_teams", "View person-level data for every team"),
            ("view_performance", "View measures and dashboards"),
            ("view_worklists", "View team work lists"),
            ("view_finance", "View finance pages"),
            ("import_data", "Import extracts"),
            ("export_data", "Export figures"),
            ("view_audit", "Search the audit trail"),
            ("manage_users", "Manage users and teams"),
        ]
