from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "carelens.web"
    label = "web"
    verbose_name = "Web"
