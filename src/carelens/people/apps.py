from django.apps import AppConfig


class PeopleConfig(AppConfig):
    name = "carelens.people"
    label = "people"
    verbose_name = "People"
