"""`carelens demo`: a synthetic council, imported, with a user per role, served locally."""

from __future__ import annotations

import datetime as dt
import os
import shutil

import typer

from carelens.cli.app import app
from carelens.config import carelens_home

DEMO_PASSWORD_ENV = "CARELENS_DEMO_PASSWORD"  # noqa: S105 (the variable's name, not a secret)
SERVICE_AREA = {
    "discharge": "Hospital discharge",
    "reablement": "Short-term services",
    "locality": "Locality",
    "learning disability": "Learning disability",
    "mental health": "Mental health",
}
# The two teams every team-scoped demo user belongs to.
DEMO_USER_TEAMS = ("North Locality", "Hospital Discharge West")
# Demo user names by role slug.
DEMO_USERS = {
    "administrator": "admin",
    "analyst": "analyst",
    "team-manager": "manager",
    "practitioner": "practitioner",
    "finance-officer": "finance",
}


def prepare_demo(password: str | None = None) -> dict[str, str]:
    """Migrate, create the demo teams and one user per role; returns user -> password.

    Without `password`, each user gets a new one-time password that must be
    changed at first sign-in.
    """
    from carelens.cli import django as dj

    dj.run("migrate", "--no-input", "--verbosity", "0")
    dj.setup()
    from django.db import transaction

    from carelens.accounts.management.commands.createuser import one_time_password
    from carelens.accounts.models import Team, TeamMembership, User
    from carelens.accounts.roles import ROLES
    from carelens.accounts.setup import sync_roles
    from carelens.synth.council import TEAMS

    credentials = {}
    with transaction.atomic():
        groups = sync_roles()
        teams = {
            team.name: Team.objects.get_or_create(
                name=team.name, defaults={"service_area": SERVICE_AREA[team.kind]}
            )[0]
            for team in TEAMS
        }
        for slug, username in DEMO_USERS.items():
            role = ROLES[slug]
            user, _ = User.objects.get_or_create(username=username)
            secret = password or one_time_password()
            user.set_password(secret)
            user.is_staff = role.staff
            user.is_active = True
            user.must_change_password = password is None
            user.save()
            user.groups.set([groups[slug]])
            if "view_all_teams" not in role.capabilities:
                for name in DEMO_USER_TEAMS:
                    TeamMembership.objects.get_or_create(user=user, team=teams[name])
            credentials[username] = secret
    return credentials


def ensure_council(people: int, seed: int) -> str | None:
    """Generate and import the demo council unless a snapshot exists; returns its id."""
    from carelens.ingest.importer import import_cld
    from carelens.snapshots.catalog import list_snapshots
    from carelens.synth.council import Settings
    from carelens.synth.writer import generate

    home = carelens_home()
    if list_snapshots(home):
        return None
    period_end = dt.date(2025, 3, 31)
    settings = Settings(people, seed, period_end=period_end)
    halfway = settings.window_start + (period_end - settings.window_start) / 2
    settings = Settings(people, seed, period_end=period_end, programme_start=halfway)
    folder = home / "demo-council"
    typer.echo(f"Generating a synthetic council of {people:,} people in {folder} ...")
    generate(settings, folder)
    typer.echo("Importing it ...")
    result = import_cld([folder / "cld.csv"], home, label="Demo council (synthetic)")
    from carelens.cli.imports import _audit_import

    _audit_import(result.summary)
    # Rates per 100,000 need the population; the dashboards read it from CARELENS_HOME.
    shutil.copyfile(folder / "population.csv", home / "population.csv")
    from carelens.performance.tasks import prepare_measures

    prepare_measures.enqueue(result.snapshot)  # the worker started by `serve` runs it
    return result.snapshot


@app.command()
def demo(
    host: str = typer.Option("127.0.0.1", help="Address to listen on."),
    port: int = typer.Option(8000, min=1, max=65535, help="Port to listen on."),
    people: int = typer.Option(20_000, min=100, help="People in the demo council."),
    seed: int = typer.Option(1, help="Seed of the demo council."),
    serve: bool = typer.Option(True, help="Serve the web app when set up (--no-serve to stop)."),
) -> None:
    """Set up a demo carelens with a synthetic council and serve it. Example: carelens demo

    In CARELENS_HOME: generates and imports a synthetic council (unless a snapshot
    exists), creates the demo teams and one user per role, prints their one-time
    passwords (new ones on every run; set CARELENS_DEMO_PASSWORD to choose one
    password for all), then serves carelens with a background worker.
    """
    credentials = prepare_demo(os.environ.get(DEMO_PASSWORD_ENV) or None)
    snapshot = ensure_council(people, seed)
    typer.echo("")
    if snapshot:
        typer.echo(f"Imported the demo council as snapshot {snapshot}.")
    typer.echo(f"Sign in at http://{host}:{port}/ as one of these demo users:")
    for username, secret in credentials.items():
        typer.echo(f"  {username:<13} password: {secret}")
    if not os.environ.get(DEMO_PASSWORD_ENV):
        typer.echo("These are one-time passwords: you will be asked to choose your own.")
    typer.echo(f"Team-scoped users (manager, practitioner) are in: {', '.join(DEMO_USER_TEAMS)}.")
    typer.echo("")
    if serve:
        from carelens.cli.serve import serve_app

        serve_app(host, port, workers=2)
