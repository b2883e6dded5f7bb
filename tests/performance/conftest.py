"""A small synthetic council, imported once per session, that every dashboard test reads.

Tests point CARELENS_HOME at it with the `council` fixture; measure results
are cached in memory (LocMemCache) per test, so the cache itself is tested.
"""

from __future__ import annotations

import datetime as dt
import shutil

import pytest

from carelens.ingest.importer import import_cld
from carelens.synth.council import Settings
from carelens.synth.writer import generate

PROGRAMME_START = dt.date(2024, 4, 1)


@pytest.fixture(scope="session")
def council_home(tmp_path_factory):
    root = tmp_path_factory.mktemp("council")
    settings = Settings(people=3_000, seed=5, programme_start=PROGRAMME_START)
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
