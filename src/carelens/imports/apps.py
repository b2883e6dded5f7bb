from django.apps import AppConfig


class ImportsConfig(AppConfig):
    name = "carelens.imports"
    label = "imports"
    verbose_name = "Imports"
