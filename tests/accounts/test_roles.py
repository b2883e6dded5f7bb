from __future__ import annotations

import pytest
from django.contrib.auth.models import Group

from carelens.accounts.roles import ROLES, role_by_slug_or_name
from carelens.accounts.setup import sync_roles

pytestmark = pytest.mark.django_db

EXPECTED = {
    "practitioner": {"view_person_level", "view_performance"},
    "team-manager": {"view_person_level", "view_performance", "view_worklists", "export_data"},
    "finance-officer": {"view_finance"},
}


def test_migrate_creates_one_group_per_role():
    assert set(Group.objects.values_list("name", flat=True)) >= {r.name for r in ROLES.values()}


@pytest.mark.parametrize("slug", sorted(EXPECTED))
def test_role_groups_hold_exactly_their_capabilities(slug):
    groups = sync_roles()
    codenames = set(groups[slug].permissions.values_list("codename", flat=True))
    assert codenames == EXPECTED[slug]


def test_sync_is_idempotent_and_repairs_drift():
    groups = sync_roles()
    groups["practitioner"].permissions.clear()
    sync_roles()
    sync_roles()
    assert Group.objects.filter(name="Practitioner").count() == 1
    assert groups["practitioner"].permissions.count() == 2


def test_only_administrators_manage_users():
    groups = sync_roles()
    holders = {
        slug
        for slug, group in groups.items()
        if group.permissions.filter(codename="manage_users").exists()
    }
    assert holders == {"administrator"}


@pytest.mark.parametrize("text", ["Team manager", "team_manager", " TEAM-MANAGER "])
def test_roles_are_found_by_name_or_slug(text):
    assert role_by_slug_or_name(text).slug == "team-manager"


def test_unknown_role_is_a_key_error():
    with pytest.raises(KeyError):
        role_by_slug_or_name("superhero")
