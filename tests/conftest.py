"""Shared personas: practitioners in teams A and B, a manager, an analyst, a finance officer
and an administrator (healthchecks' Alice/Bob/Charlie, in our domain)."""

from __future__ import annotations

import datetime as dt
import shutil

import pytest

from carelens.accounts.setup import sync_roles
from carelens.ingest.importer import import_cld
from carelens.synth.council import Settings
from carelens.synth.writer import generate
from tests.factories import TeamFactory, UserFactory


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path, settings):
    """Each test gets its own CARELENS_HOME, so snapshots never leak between tests.

    Passwords use a fast hasher here: the production one is slow on purpose.
    """
    settings.CARELENS_HOME = tmp_path
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    # Background tasks run inline in tests; the database worker has its own test.
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture
def roles(db):
    return sync_roles()


@pytest.fixture
def team_a(db):
    return TeamFactory(name="North Locality")


@pytest.fixture
def team_b(db):
    return TeamFactory(name="South Locality")


@pytest.fixture
def practitioner_a(roles, team_a):
    return UserFactory(username="alice", role="practitioner", teams=[team_a])


@pytest.fixture
def practitioner_b(roles, team_b):
    return UserFactory(username="bob", role="practitioner", teams=[team_b])


@pytest.fixture
def manager_a(roles, team_a):
    return UserFactory(username="mina", role="team-manager", teams=[team_a])


@pytest.fixture
def analyst(roles):
    return UserFactory(username="ann", role="analyst")


@pytest.fixture
def finance_officer(roles):
    return UserFactory(username="fred", role="finance-officer")


@pytest.fixture
def administrator(roles):
    return UserFactory(username="ada", role="administrator")


@pytest.fixture
def client_for(client):
    """Sign the test client in as a given user and return it."""

    def sign_in(user):
        client.force_login(user)
        return client

    return sign_in


# A small synthetic council, imported once per session, for the dashboard tests;
# measure results are cached in memory (LocMemCache) per test, so the cache is tested too.
COUNCIL_PROGRAMME_START = dt.date(2024, 4, 1)


@pytest.fixture(scope="session")
def council_home(tmp_path_factory):
    root = tmp_path_factory.mktemp("council")
    settings = Settings(people=3_000, seed=5, programme_start=COUNCIL_PROGRAMME_START)
    generate(settings, root / "extract")
    home = root / "home"
    result = import_cld([root / "extract" / "cld.csv"], home, label="Test council")
    shutil.copyfile(root / "extract" / "population.csv", home / "population.csv")
    return home, result.snapshot


@pytest.fixture
def council(settings, council_home):
    """Point carelens at the test council; returns its snapshot id."""
    home, snapshot = council_home
    settings.CARELENS_HOME = home
    settings.CARELENS_POPULATION_FILE = home / "population.csv"
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    from carelens.performance import data

    data._memo.clear()
    return snapshot
