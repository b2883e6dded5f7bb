"""One 20,000-person council per module, imported, shared by the realism and effect tests."""

from __future__ import annotations

import datetime as dt

import pytest

from carelens.ingest.importer import import_cld
from carelens.snapshots.store import connect
from carelens.synth.council import Settings
from carelens.synth.writer import generate

PROGRAMME_START = dt.date(2024, 4, 1)  # half-way through the default two years


def _council(folder, **options):
    settings = Settings(people=20_000, seed=11, **options)
    manifest = generate(settings, folder / "council")
    result = import_cld([folder / "council" / "cld.csv"], folder / "home")
    return manifest, result, connect(result.path)


@pytest.fixture(scope="session")
def plain_council(tmp_path_factory):
    """No programme: practice stays as it was."""
    manifest, result, con = _council(tmp_path_factory.mktemp("plain"))
    yield manifest, result, con
    con.close()


@pytest.fixture(scope="session")
def programme_council(tmp_path_factory):
    """The same council with the improvement programme from half-way."""
    manifest, result, con = _council(
        tmp_path_factory.mktemp("programme"), programme_start=PROGRAMME_START
    )
    yield manifest, result, con
    con.close()
