from django.apps import AppConfig


class PerformanceConfig(AppConfig):
    name = "carelens.performance"
    label = "performance"
    verbose_name = "Performance"
