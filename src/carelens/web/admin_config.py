"""Installs CarelensAdminSite as the default admin site.

Kept apart from admin_site.py because Django loads app configs before models.
"""

from django.contrib.admin.apps import AdminConfig


class CarelensAdminConfig(AdminConfig):
    default_site = "carelens.web.admin_site.CarelensAdminSite"
