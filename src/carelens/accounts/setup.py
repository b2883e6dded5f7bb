"""Make the role groups and their permissions match `roles.py`."""

from __future__ import annotations

from django.contrib.auth.models import Group, Permission
from django.db.models import Q

from carelens.accounts.roles import ADMIN_MODEL_PERMISSIONS, ROLES, Role


def _permissions_for(role: Role) -> list[Permission]:
    wanted = Q(content_type__app_label="accounts", codename__in=role.capabilities)
    if role.staff:
        for app_label, model in ADMIN_MODEL_PERMISSIONS:
            wanted |= Q(content_type__app_label=app_label, content_type__model=model)
    return list(Permission.objects.filter(wanted))


def sync_roles() -> dict[str, Group]:
    """Create or update one group per role; idempotent."""
    groups = {}
    for role in ROLES.values():
        group, _ = Group.objects.get_or_create(name=role.name)
        group.permissions.set(_permissions_for(role))
        groups[role.slug] = group
    return groups


def sync_roles_after_migrate(sender, **kwargs) -> None:
    if sender.label == "accounts":
        sync_roles()
