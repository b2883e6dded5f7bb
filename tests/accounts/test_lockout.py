from __future__ import annotations

import pytest

from carelens.accounts.models import AuditEvent
from tests.factories import PASSWORD
from tests.pages import check_page

pytestmark = pytest.mark.django_db


def _attempt(client, password):
    return client.post("/accounts/login/", {"username": "alice", "password": password})


def test_five_failures_lock_the_account_even_against_the_right_password(client, practitioner_a):
    for _ in range(4):
        assert _attempt(client, "wrong").status_code == 200
    locked = _attempt(client, "wrong")
    assert locked.status_code == 429
    soup = check_page(locked)
    assert soup.h1.get_text(strip=True) == "Your account is locked"
    assert "locked for 30 minutes" in " ".join(soup.main.text.split())
    # The right password does not get through while locked.
    after = _attempt(client, PASSWORD)
    assert after.status_code == 429
    assert "_auth_user_id" not in client.session
    assert AuditEvent.objects.filter(action="lockout", username="alice").exists()
    assert AuditEvent.objects.filter(action="login_failed").count() >= 5


def test_four_failures_then_success_signs_in(client, practitioner_a):
    for _ in range(4):
        _attempt(client, "wrong")
    assert _attempt(client, PASSWORD).status_code == 302
    assert client.session["_auth_user_id"] == str(practitioner_a.pk)


@pytest.mark.parametrize(
    ("minutes", "text"),
    [
        (30, "30 minutes"),
        (1, "1 minute"),
        (60, "1 hour"),
        (90, "1 hour 30 minutes"),
        (0, "0 minutes"),
    ],
)
def test_lockout_length_reads_naturally(minutes, text):
    from datetime import timedelta

    from carelens.accounts.templatetags.carelens_accounts import lockout_length

    assert lockout_length(timedelta(minutes=minutes)) == text


def test_administrators_can_lift_a_lockout_in_the_admin(client_for, administrator, practitioner_a):
    from axes.models import AccessAttempt
    from django.test import Client

    stranger = Client()
    for _ in range(5):
        _attempt(stranger, "wrong")

    attempt = AccessAttempt.objects.get(username="alice")
    admin_client = client_for(administrator)
    page = admin_client.get(f"/admin/axes/accessattempt/{attempt.pk}/delete/")
    assert page.status_code == 200
    admin_client.post(f"/admin/axes/accessattempt/{attempt.pk}/delete/", {"post": "yes"})
    assert not AccessAttempt.objects.exists()
    assert _attempt(stranger, PASSWORD).status_code == 302
