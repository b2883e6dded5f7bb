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
