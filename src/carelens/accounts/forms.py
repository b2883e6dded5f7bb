"""GOV.UK-styled account forms (crispy-forms-gds lays them out)."""

from __future__ import annotations

from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Field, Layout, Size, Submit
from django import forms
from django.contrib.auth import forms as auth_forms

from carelens.accounts.audit_models import AuditEvent


def gds_helper(*fields, button: str, method: str = "post") -> FormHelper:
    """A GOV.UK form layout: small labels, the given fields in order, one button."""
    helper = FormHelper()
    helper.form_method = method
    helper.label_size = Size.SMALL
    helper.layout = Layout(*fields, Submit("submit", button))
    return helper


def _password(name: str) -> Field:
    return Field(name, css_class="govuk-input--width-20")


class LoginForm(auth_forms.AuthenticationForm):
    error_messages = {
        "invalid_login": "Enter a correct username and password. Both are case-sensitive.",
        "inactive": "This account is not active. Ask your administrator.",
    }

    def __init__(self, request=None, *args, **kwargs):
        super().__init__(request, *args, **kwargs)
        self.fields["username"].widget.attrs.update(
            {"autocomplete": "username", "spellcheck": "false"}
        )
        self.helper = gds_helper(
            Field.text("username", field_width=20), _password("password"), button="Sign in"
        )


class PasswordChangeForm(auth_forms.PasswordChangeForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["old_password"].label = "Current password"
        self.fields["old_password"].help_text = "If you were given a one-time password, enter that."
        self.helper = gds_helper(
            *map(_password, ["old_password", "new_password1", "new_password2"]),
            button="Change password",
        )


class SetPasswordForm(auth_forms.SetPasswordForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = gds_helper(
            *map(_password, ["new_password1", "new_password2"]), button="Set password"
        )


class PasswordResetForm(auth_forms.PasswordResetForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["email"].label = "Work email address"
        self.helper = gds_helper(Field.text("email", field_width=30), button="Send reset link")


class AuditFilterForm(forms.Form):
    """Search the audit trail. Every field is optional; GET keeps the URL shareable."""

    username = forms.CharField(required=False, label="User name")
    action = forms.ChoiceField(
        required=False, choices=[("", "Any action"), *AuditEvent.Action.choices]
    )
    outcome = forms.ChoiceField(
        required=False, choices=[("", "Any outcome"), *AuditEvent.Outcome.choices]
    )
    object_type = forms.CharField(required=False, label="Object type")
    object_id = forms.CharField(required=False, label="Object id")
    date_from = forms.DateField(
        required=False,
        label="From date",
        help_text="For example, 2026-11-01",
    )
    date_to = forms.DateField(
        required=False,
        label="To date",
        help_text="Inclusive. For example, 2026-11-30",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = gds_helper(
            Field.text("username", field_width=20),
            Field.select("action"),
            Field.select("outcome"),
            Field.text("object_type", field_width=20),
            Field.text("object_id", field_width=20),
            Field.text("date_from", field_width=10),
            Field.text("date_to", field_width=10),
            button="Search",
            method="get",
        )

    def clean(self):
        data = super().clean()
        start, end = data.get("date_from"), data.get("date_to")
        if start and end and end < start:
            self.add_error("date_to", "To date must be the same as or after the from date.")
        return data

    def filter(self, events):
        data = self.cleaned_data
        if data.get("username"):
            events = events.filter(username__iexact=data["username"].strip())
        for name in ("action", "outcome"):
            if data.get(name):
                events = events.filter(**{name: data[name]})
        if data.get("object_type"):
            events = events.filter(object_type__iexact=data["object_type"].strip())
        if data.get("object_id"):
            events = events.filter(object_id=data["object_id"].strip())
        if data.get("date_from"):
            events = events.filter(at__date__gte=data["date_from"])
        if data.get("date_to"):
            events = events.filter(at__date__lte=data["date_to"])
        return events
