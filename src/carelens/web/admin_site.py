"""The Django admin, for administrators only, signed in through carelens' own login."""

from __future__ import annotations

from functools import update_wrapper

from django.conf import settings
from django.contrib import admin
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.urls import URLResolver


class CarelensAdminSite(admin.AdminSite):
    site_header = "carelens administration"
    site_title = "carelens administration"
    index_title = "Users, teams and roles"

    def has_permission(self, request):
        return request.user.is_active and request.user.has_perm("accounts.manage_users")

    def admin_view(self, view, cacheable=False):
        inner = super().admin_view(view, cacheable)

        def refuse_non_administrators(request, *args, **kwargs):
            # Straight to the 403 page (and its audit row) rather than a detour
            # through the admin's login page.
            if request.user.is_authenticated and not self.has_permission(request):
                raise PermissionDenied("The admin is for administrators.")
            return inner(request, *args, **kwargs)

        return update_wrapper(refuse_non_administrators, inner)

    def get_urls(self):
        # Django sends anonymous admin requests to the admin's own login page;
        # carelens has one login, with its throttling and audit, so they go there.
        urls = super().get_urls()
        _require_login(urls)
        return urls

    def login(self, request, extra_context=None):
        """Send sign-ins to carelens' login, with its throttling and audit.

        A signed-in user who is not an administrator gets the 403 page, not a
        redirect back to the login page (which would loop).
        """
        if request.user.is_authenticated:
            raise PermissionDenied("The admin is for administrators.")
        return redirect_to_login(request.GET.get("next", "/admin/"), settings.LOGIN_URL)


def _require_login(patterns) -> None:
    for entry in patterns:
        if isinstance(entry, URLResolver):
            _require_login(entry.url_patterns)
        else:
            callback = entry.callback
            if not getattr(callback, "login_required", True):
                callback.login_required = True
            if hasattr(callback, "login_url"):
                # The admin points LoginRequiredMiddleware at its own login page.
                callback.login_url = settings.LOGIN_URL
