"""The areas of carelens, which roles may use each, and what to do when one is empty.

The navigation, the home page and the area pages all read this list, so an
area's name, permission and empty state are said once.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Area:
    slug: str
    title: str
    url_name: str
    permission: str
    summary: str
    empty_state: str
    data: str = "cld"  # the data the area shows: "cld", "finance" or "" (none needed)
    own_page: bool = True  # False where another app provides the page


AREAS: tuple[Area, ...] = (
    Area(
        "performance",
        "Performance",
        "performance",
        "accounts.view_performance",
        "Statutory and operational measures by team and month.",
        "No data imported yet: import a CLD extract to see measures.",
        own_page=False,
    ),
    Area(
        "worklists",
        "Work lists",
        "worklists",
        "accounts.view_worklists",
        "People in your teams who need action: overdue reviews, long reablement episodes.",
        "No data imported yet: work lists appear once a CLD extract is imported.",
        own_page=False,
    ),
    Area(
        "imports",
        "Imports",
        "imports",
        "accounts.import_data",
        "Client Level Data extracts imported into carelens, and the rows each rejected.",
        "No data imported yet: import a CLD extract.",
        own_page=False,
    ),
    Area(
        "finance",
        "Finance",
        "finance",
        "accounts.view_finance",
        "Invoices reconciled to people and packages, and the forecast outturn.",
        "No finance data imported yet: import a finance ledger extract.",
        data="finance",
    ),
    Area(
        "audit",
        "Audit trail",
        "audit_trail",
        "accounts.view_audit",
        "Who signed in, viewed person-level data, exported, imported or changed anything.",
        "",
        data="",
        own_page=False,
    ),
    Area(
        "users",
        "Users and teams",
        "admin:index",
        "accounts.manage_users",
        "Add staff, give them roles and teams, and lift sign-in lockouts.",
        "",
        data="",
        own_page=False,
    ),
)


def areas_for(user) -> list[Area]:
    return [area for area in AREAS if user.has_perm(area.permission)]


def area(slug: str) -> Area:
    return next(item for item in AREAS if item.slug == slug)
