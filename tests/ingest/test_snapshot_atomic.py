"""A killed import leaves nothing that looks like a snapshot; the next import works."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time

from benchmarks.make_extract import make


def _env(home):
    env = {**os.environ, "CARELENS_HOME": str(home)}
    env.pop("DATABASE_URL", None)
    return env


CARELENS = [sys.executable, "-c", "from carelens.cli import main; main()"]


def test_killing_an_import_mid_way_leaves_no_snapshot(tmp_path):
    extract = make(tmp_path / "big.csv", 300_000)
    home = tmp_path / "home"
    process = subprocess.Popen(
        [*CARELENS, "import", "cld", str(extract), "--json"],
        env=_env(home),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    building = home / "snapshots"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if building.is_dir() and any(p.name.startswith(".building-") for p in building.iterdir()):
            break
        time.sleep(0.05)
    else:
        process.kill()
        raise AssertionError("the import never started building")
    time.sleep(0.5)  # well inside the work: reading and checking take seconds here
    assert process.poll() is None, "the import finished before it could be killed"
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)

    listed = subprocess.run(
        [*CARELENS, "snapshots", "--json"], env=_env(home), capture_output=True, text=True
    )
    assert json.loads(listed.stdout) == []
    assert not [p for p in building.iterdir() if not p.name.startswith(".")]

    again = subprocess.run(
        [*CARELENS, "import", "cld", str(extract), "--json"],
        env=_env(home),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert again.returncode == 0, again.stderr
    assert json.loads(again.stdout)["snapshot"] == "1"


def test_a_snapshot_is_read_only_and_holds_its_tables(tmp_path):
    import duckdb
    import pytest

    from carelens.ingest.importer import import_cld
    from carelens.snapshots.store import connect
    from tests.ingest.factories import row, write_csv

    result = import_cld([write_csv(tmp_path / "x.csv", [row(), row(Gender="Nonsense")])], tmp_path)
    assert all(not (f.stat().st_mode & 0o222) for f in result.path.iterdir())
    with connect(result.path) as con:
        tables = {name for (name,) in con.execute("SHOW TABLES").fetchall()}
        assert tables == {"events", "issues", "extras"}
        assert con.execute("SELECT list(_row) FROM events").fetchone()[0] == [1]  # 2 rejected
        assert con.execute("SELECT count(*) FROM issues").fetchone()[0] >= 1
        with pytest.raises(duckdb.Error):
            con.execute("DELETE FROM events")


def test_publishing_retries_when_another_import_takes_the_id(tmp_path, monkeypatch):
    """The retry rewrites the manifest; that must not need write access to read-only files.

    Tests run as root, which ignores file modes, so writes to read-only files are
    refused here as they would be for any other user.
    """
    import os
    from pathlib import Path

    from carelens.snapshots import store

    real_write, real_rename = Path.write_text, os.rename
    taken = []

    def write_text(self, *args, **kwargs):
        if self.exists() and not self.stat().st_mode & 0o200:
            raise PermissionError(f"read-only: {self}")
        return real_write(self, *args, **kwargs)

    def rename(source, target):
        if not taken:  # another import publishes this id first
            taken.append(target)
            Path(target).mkdir()
            (Path(target) / "manifest.json").write_bytes(b"{}")  # not empty: rename fails
        return real_rename(source, target)

    monkeypatch.setattr(Path, "write_text", write_text)
    monkeypatch.setattr(store.os, "rename", rename)
    work = store.new_workdir(tmp_path)
    (work / "snapshot.duckdb").write_bytes(b"data")
    snapshot_id, target = store.publish(work, {"label": "x"})
    assert snapshot_id == "2" and (target / "manifest.json").exists()
    assert all(not (f.stat().st_mode & 0o222) for f in target.iterdir())
