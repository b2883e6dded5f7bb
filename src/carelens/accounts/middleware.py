"""Middleware for the audit context, the idle timeout and one-time passwords."""

from __future__ import annotations

import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import redirect
from django.urls import reverse

from carelens.accounts import audit
from carelens.accounts.context import bind_request, release

LAST_SEEN = "carelens_last_seen"


class AuditContextMiddleware:
    """Make the request available to audit receivers (model changes in the admin)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = bind_request(request)
        try:
            return self.get_response(request)
        finally:
            release(token)


class IdleTimeoutMiddleware:
    """Sign a user out after CARELENS_SESSION_IDLE_MINUTES without a request."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated:
            now = time.time()
            last_seen = request.session.get(LAST_SEEN)
            limit = settings.CARELENS_SESSION_IDLE_MINUTES * 60
            if last_seen is not None and now - last_seen > limit:
                user = request.user
                # Record before logout so the event carries the user; logout's
                # own receiver would record a plain sign-out.
                audit.record(request, audit.Action.SESSION_EXPIRED, user=user)
                request.user = None
                logout(request)
                messages.info(request, "You were signed out because you were inactive.")
                return redirect_to_login(request.get_full_path())
            request.session[LAST_SEEN] = now
        return self.get_response(request)


class PasswordChangeRequiredMiddleware:
    """Send a user with a one-time password to choose their own before anything else."""

    ALLOWED = ("password_change", "password_change_done", "logout")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if user.is_authenticated and getattr(user, "must_change_password", False):
            allowed = {reverse(name) for name in self.ALLOWED}
            if request.path not in allowed:
                return redirect("password_change")
        return self.get_response(request)
