"""`carelens createuser`: add a member of staff with a role and teams."""

from __future__ import annotations

import secrets

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from carelens.accounts.models import Team, User
from carelens.accounts.roles import ROLES, role_by_slug_or_name
from carelens.accounts.setup import sync_roles


def one_time_password() -> str:
    """A random password to hand over once; the user must change it at first sign-in."""
    return secrets.token_urlsafe(12)


class Command(BaseCommand):
    help = (
        "Create a user with a role and team(s), and print a one-time password.\n"
        "Example: carelens createuser asha --role practitioner --team 'North Locality'"
    )

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument(
            "--role",
            required=True,
            help="One of: " + ", ".join(ROLES),
        )
        parser.add_argument(
            "--team",
            action="append",
            default=[],
            help="Team name (repeat for several). Created if it does not exist.",
        )
        parser.add_argument("--email", default="")
        parser.add_argument("--first-name", default="")
        parser.add_argument("--last-name", default="")

    @transaction.atomic
    def handle(self, *args, username, role, team, email, first_name, last_name, **options):
        try:
            chosen = role_by_slug_or_name(role)
        except KeyError:
            raise CommandError(
                f"Unknown role {role!r}. Choose one of: {', '.join(ROLES)}."
            ) from None
        if User.objects.filter(username__iexact=username).exists():
            raise CommandError(f"A user called {username!r} already exists.")
        groups = sync_roles()
        password = one_time_password()
        user = User.objects.create_user(
            username=username,
            email=email,
            password=password,
            first_name=first_name,
            last_name=last_name,
            is_staff=chosen.staff,
            must_change_password=True,
        )
        user.groups.add(groups[chosen.slug])
        for name in team:
            team_obj, _ = Team.objects.get_or_create(name=name.strip())
            user.teams.add(team_obj)
        self.stdout.write(
            f"Created {username} ({chosen.name}"
            + (f"; teams: {', '.join(team)}" if team else "")
            + ").\n"
            + f"One-time password: {password}\n"
            + "They will be asked to choose their own password when they first sign in."
        )
