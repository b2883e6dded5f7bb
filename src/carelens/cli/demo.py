"""`carelens demo`: set up a local carelens and serve it."""

from __future__ import annotations

import typer

from carelens.cli.app import app

DEMO_TEAMS = [
    ("Hospital Discharge", "Hospital discharge"),
    ("Reablement", "Short-term services"),
    ("North Locality", "Locality"),
    ("South Locality", "Locality"),
    ("Learning Disability", "Learning disability"),
    ("Mental Health", "Mental health"),
]


def prepare_demo(admin_username: str) -> str:
    """Migrate, create the demo teams and an administrator; returns its one-time password."""
    from carelens.cli import django as dj

    dj.run("migrate", "--no-input", "--verbosity", "0")
    dj.setup()
    from django.db import transaction

    from carelens.accounts.management.commands.createuser import one_time_password
    from carelens.accounts.models import Team, User
    from carelens.accounts.setup import sync_roles

    with transaction.atomic():
        groups = sync_roles()
        for name, area in DEMO_TEAMS:
            Team.objects.get_or_create(name=name, defaults={"service_area": area})
        password = one_time_password()
        admin, _ = User.objects.get_or_create(username=admin_username)
        admin.set_password(password)
        admin.is_staff = True
        admin.is_active = True
        admin.must_change_password = True
        admin.save()
        admin.groups.add(groups["administrator"])
    return password


@app.command()
def demo(
    host: str = typer.Option("127.0.0.1", help="Address to listen on."),
    port: int = typer.Option(8000, min=1, max=65535, help="Port to listen on."),
    admin: str = typer.Option("admin", help="User name of the demo administrator."),
    serve: bool = typer.Option(True, help="Serve the web app when set up (--no-serve to stop)."),
) -> None:
    """Set up a demo carelens and serve it. Example: carelens demo --port 8000

    Creates the database in CARELENS_HOME, the demo teams and an administrator
    whose one-time password is printed (a new one on every run).
    """
    password = prepare_demo(admin)
    typer.echo("")
    typer.echo(f"Sign in at http://{host}:{port}/ as {admin!r}")
    typer.echo(f"One-time password: {password}")
    typer.echo("You will be asked to choose your own password.")
    typer.echo("")
    if serve:
        from carelens.cli.serve import serve_app

        serve_app(host, port, workers=2)
