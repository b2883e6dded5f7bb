"""Factories for users and teams; personas are built from these in conftest."""

from __future__ import annotations

import factory
from django.contrib.auth.models import Group

from carelens.accounts.models import Team, User
from carelens.accounts.roles import ROLES

PASSWORD = "correct horse battery staple"


class TeamFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Team
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"Team {n}")
    service_area = "Locality"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    first_name = "Test"
    last_name = factory.Sequence(lambda n: f"User {n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@council.example")
    password = factory.django.Password(PASSWORD)

    @factory.post_generation
    def role(self, create, extracted, **kwargs):
        if extracted:
            role = ROLES[extracted]
            self.groups.add(Group.objects.get(name=role.name))
            if role.staff:
                self.is_staff = True
                self.save(update_fields=["is_staff"])

    @factory.post_generation
    def teams(self, create, extracted, **kwargs):
        for team in extracted or []:
            self.teams.add(team)
