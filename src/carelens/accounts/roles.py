"""The five roles and the permissions each is made of.

Roles are Django groups. `sync_roles` makes the groups match this table after
every migrate, so the table here is the single statement of who may do what.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Role:
    slug: str
    name: str
    description: str
    capabilities: tuple[str, ...]
    staff: bool = False  # may use the Django admin


PRACTITIONER = Role(
    "practitioner",
    "Practitioner",
    "Sees measures, and person-level data for the people their team(s) support.",
    ("view_person_level", "view_performance"),
)
TEAM_MANAGER = Role(
    "team-manager",
    "Team manager",
    "As a practitioner, plus their team's work lists and exports.",
    ("view_person_level", "view_performance", "view_worklists", "export_data"),
)
FINANCE_OFFICER = Role(
    "finance-officer",
    "Finance officer",
    "Sees the finance pages only.",
    ("view_finance",),
)
ANALYST = Role(
    "analyst",
    "Analyst",
    "Imports extracts and sees all measures and person-level data for every team.",
    (
        "view_person_level",
        "view_all_teams",
        "view_performance",
        "view_worklists",
        "import_data",
        "export_data",
    ),
)
ADMINISTRATOR = Role(
    "administrator",
    "Administrator",
    "Manages users and teams, searches the audit trail, and sees everything.",
    (
        "view_person_level",
        "view_all_teams",
        "view_performance",
        "view_worklists",
        "view_finance",
        "import_data",
        "export_data",
        "view_audit",
        "manage_users",
    ),
    staff=True,
)

ROLES: dict[str, Role] = {
    role.slug: role
    for role in (PRACTITIONER, TEAM_MANAGER, FINANCE_OFFICER, ANALYST, ADMINISTRATOR)
}

# Django's own model permissions an administrator needs to manage accounts in the admin.
ADMIN_MODEL_PERMISSIONS = (
    ("accounts", "user"),
    ("accounts", "team"),
    ("accounts", "teammembership"),
    ("auth", "group"),
    # Lockouts: an administrator can see failed attempts and lift a lockout.
    ("axes", "accessattempt"),
    ("axes", "accessfailurelog"),
    ("axes", "accesslog"),
)


def role_by_slug_or_name(value: str) -> Role:
    """Look a role up by slug or display name, ignoring case, spaces and underscores."""
    key = value.strip().lower().replace("_", "-").replace(" ", "-")
    if key in ROLES:
        return ROLES[key]
    raise KeyError(value)
