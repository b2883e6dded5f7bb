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
            help="Team name (repeat for several). It must exist, unless --create-teams.",
        )
        parser.add_argument(
            "--create-teams",
            action="store_true",
            help="Create any --team that does not exist yet.",
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
        teams = self._teams([name.strip() for name in team], options["create_teams"])
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
        user.teams.add(*teams)
        self.stdout.write(
            f"Created {username} ({chosen.name}"
            + (f"; teams: {', '.join(team)}" if team else "")
            + ").\n"
            + f"One-time password: {password}\n"
            + "They will be asked to choose their own password when they first sign in."
        )
        if (
            not teams
            and "view_all_teams" not in chosen.capabilities
            and ("view_person_level" in chosen.capabilities)
        ):
            self.stderr.write(
                f"Note: {username} has no team, so they will see no person-level data "
                "until an administrator adds them to one."
            )

    def _teams(self, names: list[str], create: bool) -> list[Team]:
        known = {team.name.lower(): team for team in Team.objects.all()}
        missing = [name for name in names if name.lower() not in known]
        if missing and not create:
            listed = ", ".join(sorted(team.name for team in known.values())) or "none yet"
            raise CommandError(
                f"No team called {', '.join(map(repr, missing))}. Known teams: {listed}. "
                "Check the spelling, or add --create-teams to create it."
            )
        for name in missing:
            known[name.lower()] = Team.objects.create(name=name)
        return [known[name.lower()] for name in names]
