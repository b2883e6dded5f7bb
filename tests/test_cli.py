"""The `carelens` command: help for every subcommand, createuser, demo and serve."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
import urllib.request

import pytest
from django.core.management import CommandError, call_command
from typer.testing import CliRunner

from carelens.accounts.models import User
from carelens.cli.app import PASSTHROUGH, app

runner = CliRunner()
OWN_COMMANDS = ["demo", "generate", "measures", "serve", "snapshots"]


def test_help_lists_every_subcommand():
    result = runner.invoke(app, ["--help"], prog_name="carelens")
    assert result.exit_code == 0
    for name in [*OWN_COMMANDS, *PASSTHROUGH, "manage", "import"]:
        assert re.search(rf"\b{name}\b", result.output), name


def test_import_cld_has_help_with_an_example():
    result = runner.invoke(app, ["import", "cld", "--help"], prog_name="carelens")
    assert result.exit_code == 0
    assert "Example: carelens import cld" in " ".join(result.output.split())


@pytest.mark.parametrize("name", OWN_COMMANDS)
def test_own_commands_have_help_with_an_example(name):
    result = runner.invoke(app, [name, "--help"], prog_name="carelens")
    assert result.exit_code == 0
    assert "Example: carelens " + name in " ".join(result.output.split())


@pytest.mark.parametrize("name", sorted(PASSTHROUGH))
def test_django_commands_answer_help(name, capsys):
    with pytest.raises(SystemExit) as exit_info:
        from carelens.cli import django as dj

        dj.run(name, "--help")
    assert exit_info.value.code in (0, None)
    assert "usage:" in capsys.readouterr().out
    assert "Example: carelens" in PASSTHROUGH[name]


@pytest.mark.django_db
def test_createuser_gives_role_teams_and_a_one_time_password(capsys, roles):
    call_command(
        "createuser",
        "asha",
        role="Team manager",
        team=["North Locality", "Reablement"],
        create_teams=True,
    )
    out = capsys.readouterr().out
    user = User.objects.get(username="asha")
    assert user.must_change_password
    assert [g.name for g in user.groups.all()] == ["Team manager"]
    assert sorted(user.teams.values_list("name", flat=True)) == ["North Locality", "Reablement"]
    password = re.search(r"One-time password: (\S+)", out).group(1)
    assert user.check_password(password)


@pytest.mark.django_db
def test_createuser_refuses_a_misspelt_team_and_names_the_known_ones(team_a):
    with pytest.raises(CommandError, match=r"No team called 'North Localty'.*North Locality"):
        call_command("createuser", "asha", role="practitioner", team=["North Localty"])
    assert not User.objects.filter(username="asha").exists()
    call_command("createuser", "asha", role="practitioner", team=["north locality"])
    assert list(User.objects.get(username="asha").teams.all()) == [team_a]


@pytest.mark.django_db
def test_createuser_warns_when_a_scoped_role_has_no_team(roles, capsys):
    call_command("createuser", "tam", role="team-manager")
    assert "no team, so they will see no person-level data" in capsys.readouterr().err


@pytest.mark.django_db
def test_createuser_refuses_an_unknown_role_and_a_duplicate(roles):
    with pytest.raises(CommandError, match="Unknown role 'wizard'"):
        call_command("createuser", "asha", role="wizard")
    call_command("createuser", "asha", role="analyst")
    with pytest.raises(CommandError, match="already exists"):
        call_command("createuser", "ASHA", role="analyst")


def _env(home) -> dict[str, str]:
    env = {**os.environ, "CARELENS_HOME": str(home)}
    for name in ("DATABASE_URL", "DJANGO_SETTINGS_MODULE"):
        env.pop(name, None)  # a throwaway SQLite database, whatever the suite runs on
    return env


def _carelens(*args, home, **kwargs):
    command = [sys.executable, "-c", "from carelens.cli import main; main()", *args]
    return subprocess.run(command, env=_env(home), capture_output=True, text=True, **kwargs)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_demo_sets_up_then_serve_serves_the_login_page(tmp_path):
    first = _carelens("demo", "--no-serve", home=tmp_path, timeout=180)
    assert first.returncode == 0, first.stderr
    assert "Imported the demo council as snapshot 1." in first.stdout
    for username in ("admin", "analyst", "manager", "practitioner", "finance"):
        assert re.search(rf"^  {username} +password: \S+$", first.stdout, re.MULTILINE)
    again = _carelens("demo", "--no-serve", home=tmp_path, timeout=180)
    assert again.returncode == 0, again.stderr
    assert "Imported" not in again.stdout  # the council is made once
    passwords = [re.search(r"admin +password: (\S+)", r.stdout).group(1) for r in (first, again)]
    assert passwords[0] != passwords[1]
    assert [p.name for p in (tmp_path / "snapshots").iterdir()] == ["1"]
    assert (tmp_path / "carelens.sqlite3").exists()

    port = _free_port()
    command = [sys.executable, "-c", "from carelens.cli import main; main()"]
    server = subprocess.Popen(
        [*command, "serve", "--port", str(port), "--workers", "1"],
        env=_env(tmp_path),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    try:
        body = ""
        for _ in range(60):
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/accounts/login/") as page:
                    body = page.read().decode()
                break
            except OSError:
                time.sleep(0.25)
        assert '<h1 class="govuk-heading-xl">Sign in</h1>' in body
    finally:
        server.terminate()
        server.wait(timeout=20)


def test_readme_documents_every_command():
    from pathlib import Path

    readme = (Path(__file__).parents[1] / "README.md").read_text(encoding="utf-8")
    for name in [*OWN_COMMANDS, *PASSTHROUGH, "manage", "import cld"]:
        if name in ("shell", "showmigrations", "makemigrations"):
            continue  # developers' commands, listed by `carelens --help`
        assert f"carelens {name}" in readme, name
