"""Subcommands of `carelens`. Each has --help with an example."""

from __future__ import annotations

import typer

from carelens.cli import django as dj

app = typer.Typer(
    help=(
        "carelens: data, diagnostic, finance and benefits tooling for a council's "
        "adult social care service.\n\nStart with: carelens demo"
    ),
    no_args_is_help=True,
    add_completion=True,
    rich_markup_mode="rich",
)

# Django's commands, reached through carelens. Their --help is Django's own.
PASSTHROUGH = {
    "migrate": "Create or update the database tables. Example: carelens migrate",
    "check": "Check the configuration. Example: carelens check --deploy",
    "makemigrations": "Write migrations for model changes (developers). "
    "Example: carelens makemigrations --check --dry-run",
    "createuser": "Add a member of staff with a role and teams; prints a one-time password. "
    "Example: carelens createuser asha --role practitioner --team 'North Locality'",
    "createsuperuser": "Add a Django superuser (prefer createuser --role administrator). "
    "Example: carelens createsuperuser",
    "changepassword": "Set a user's password. Example: carelens changepassword asha",
    "axes_reset_username": "Unlock a locked-out user. Example: carelens axes_reset_username asha",
    "db_worker": "Run background work (imports). `carelens serve` starts one for you. "
    "Example: carelens db_worker",
    "shell": "Python shell with carelens loaded (developers). Example: carelens shell",
    "showmigrations": "List migrations and whether each is applied. "
    "Example: carelens showmigrations",
}


def _passthrough(name: str):
    def command(ctx: typer.Context) -> None:
        dj.run(name, *ctx.args)

    command.__doc__ = PASSTHROUGH[name]
    return command


for _name in PASSTHROUGH:
    app.command(
        _name,
        context_settings={"allow_extra_args": True, "ignore_unknown_options": True},
        add_help_option=False,
        rich_help_panel="Administration (Django commands)",
    )(_passthrough(_name))


@app.command(
    "manage",
    context_settings={"allow_extra_args": True, "ignore_unknown_options": True},
    add_help_option=False,
    rich_help_panel="Administration (Django commands)",
)
def manage(ctx: typer.Context) -> None:
    """Any other Django management command. Example: carelens manage sendtestemail me@council.gov"""
    args = list(ctx.args)
    dj.run(*(args or ["help"]))


from carelens.cli import demo, generate, imports, measures, serve  # noqa: E402,F401  (registers commands)
