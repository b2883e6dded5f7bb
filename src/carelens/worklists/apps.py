from django.apps import AppConfig


class WorklistsConfig(AppConfig):
    name = "carelens.worklists"
    label = "worklists"
    verbose_name = "Work lists"
