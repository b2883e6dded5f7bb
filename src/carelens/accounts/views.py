"""Sign-in, password and audit-trail pages."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import permission_required
from django.core.paginator import Paginator
from django.shortcuts import render
from django.urls import reverse_lazy

from carelens.accounts import audit
from carelens.accounts.audit_models import AuditEvent
from carelens.accounts.forms import (
    AuditFilterForm,
    LoginForm,
    PasswordChangeForm,
    PasswordResetForm,
    SetPasswordForm,
)


def _password_changed(request, user, detail: str = "") -> None:
    """The user chose their own password: a one-time password no longer applies."""
    if user.must_change_password:
        user.must_change_password = False
        user.save(update_fields=["must_change_password"])
    audit.record(request, audit.Action.PASSWORD_CHANGE, user=user, detail=detail)


class LoginView(auth_views.LoginView):
    form_class = LoginForm
    template_name = "accounts/login.html"
    extra_context = {"page_title": "Sign in"}
    redirect_authenticated_user = True


class LogoutView(auth_views.LogoutView):
    """Signs out on POST and returns to the login page with a confirmation."""

    def post(self, request, *args, **kwargs):
        response = super().post(request, *args, **kwargs)
        messages.success(request, "You have signed out.")
        return response


class PasswordChangeView(auth_views.PasswordChangeView):
    form_class = PasswordChangeForm
    template_name = "accounts/password_change.html"
    extra_context = {"page_title": "Change your password"}
    success_url = reverse_lazy("password_change_done")

    def form_valid(self, form):
        response = super().form_valid(form)
        _password_changed(self.request, form.user)
        return response


class PasswordChangeDoneView(auth_views.PasswordChangeDoneView):
    template_name = "accounts/password_change_done.html"


class PasswordResetView(auth_views.PasswordResetView):
    form_class = PasswordResetForm
    template_name = "accounts/password_reset.html"
    extra_context = {"page_title": "Reset your password"}
    email_template_name = "accounts/email/password_reset.txt"
    subject_template_name = "accounts/email/password_reset_subject.txt"
    success_url = reverse_lazy("password_reset_done")

    def form_valid(self, form):
        # The address is not recorded: the event says a reset was asked for.
        audit.record(self.request, audit.Action.PASSWORD_RESET)
        return super().form_valid(form)


class PasswordResetDoneView(auth_views.PasswordResetDoneView):
    template_name = "accounts/password_reset_done.html"


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    form_class = SetPasswordForm
    template_name = "accounts/password_reset_confirm.html"
    success_url = reverse_lazy("password_reset_complete")

    def form_valid(self, form):
        response = super().form_valid(form)
        _password_changed(self.request, form.user, detail="by reset link")
        return response


class PasswordResetCompleteView(auth_views.PasswordResetCompleteView):
    template_name = "accounts/password_reset_complete.html"


AUDIT_PAGE_SIZE = 50


@permission_required("accounts.view_audit", raise_exception=True)
def audit_trail(request):
    """Administrators search and filter the audit trail."""
    form = AuditFilterForm(request.GET or None)
    events = AuditEvent.objects.for_audit_page()
    if form.is_bound and form.is_valid():
        events = form.filter(events)
    page = Paginator(events, AUDIT_PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "accounts/audit_trail.html",
        {"form": form, "page": page, "query": query.urlencode()},
    )
