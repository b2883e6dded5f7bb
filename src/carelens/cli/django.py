"""Run Django management commands from the carelens CLI."""

from __future__ import annotations

import os

SETTINGS = "carelens.web.settings"


def setup() -> None:
    """Configure Django once, for commands that use the ORM directly."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", SETTINGS)
    import django

    django.setup()


def run(name: str, *args: str) -> None:
    """Run `django-admin NAME ARGS` with carelens' settings; `--help` is Django's own."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", SETTINGS)
    from django.core.management import execute_from_command_line

    execute_from_command_line(["carelens", name, *args])
