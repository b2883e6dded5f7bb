"""Idle timeout, one-time passwords and password reset by e-mail."""

from __future__ import annotations

import re

import pytest
from django.core import mail

from carelens.accounts.middleware import LAST_SEEN
from carelens.accounts.models import AuditEvent
from tests.factories import PASSWORD, UserFactory
from tests.pages import check_page

pytestmark = pytest.mark.django_db
NEW_PASSWORD = "a much longer passphrase 2026"


def test_idle_session_is_signed_out_and_audited(client_for, practitioner_a, settings):
    client = client_for(practitioner_a)
    assert client.get("/").status_code == 200
    session = client.session
    session[LAST_SEEN] -= settings.CARELENS_SESSION_IDLE_MINUTES * 60 + 1
    session.save()
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")
    assert AuditEvent.objects.filter(action="session_expired", username="alice").exists()
    page = client.get(response["Location"])
    assert "signed out because you were inactive" in page.content.decode()


def test_recent_activity_keeps_the_session(client_for, practitioner_a):
    client = client_for(practitioner_a)
    client.get("/")
    assert client.get("/").status_code == 200


def test_session_cookie_lives_no_longer_than_the_idle_limit(settings):
    assert settings.SESSION_COOKIE_AGE == settings.CARELENS_SESSION_IDLE_MINUTES * 60 == 1800


def test_one_time_password_forces_a_change_before_anything_else(client, roles):
    UserFactory(username="newbie", role="practitioner", must_change_password=True)
    client.post("/accounts/login/", {"username": "newbie", "password": PASSWORD})
    response = client.get("/")
    assert response.status_code == 302 and response["Location"] == "/accounts/password/change/"
    page = client.get("/accounts/password/change/")
    check_page(page)
    assert "one-time password" in page.content.decode()
    response = client.post(
        "/accounts/password/change/",
        {"old_password": PASSWORD, "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )
    assert response.status_code == 302
    assert client.get("/").status_code == 200
    assert AuditEvent.objects.filter(action="password_change", username="newbie").exists()


@pytest.mark.parametrize("weak", ["short1", "password1234", "123456789012"])
def test_weak_passwords_are_refused_with_a_reason(client_for, practitioner_a, weak):
    response = client_for(practitioner_a).post(
        "/accounts/password/change/",
        {"old_password": PASSWORD, "new_password1": weak, "new_password2": weak},
    )
    assert response.status_code == 200
    soup = check_page(response)
    assert soup.find(class_="govuk-error-summary") is not None


def test_password_reset_by_email_sets_a_new_password(client, practitioner_a):
    response = client.post("/accounts/password/reset/", {"email": practitioner_a.email})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    link = re.search(r"http://testserver(/accounts/password/reset/\S+/)", mail.outbox[0].body)
    form_page = client.get(link.group(1), follow=True)
    check_page(form_page)
    response = client.post(
        form_page.redirect_chain[-1][0],
        {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )
    assert response.status_code == 302
    signed_in = client.post("/accounts/login/", {"username": "alice", "password": NEW_PASSWORD})
    assert signed_in.status_code == 302


def test_password_reset_for_an_unknown_address_says_the_same(client, roles):
    response = client.post("/accounts/password/reset/", {"email": "nobody@council.example"})
    assert response.status_code == 302
    assert mail.outbox == []


def test_an_expired_reset_link_says_so(client, roles):
    page = client.get("/accounts/password/reset/MQ/bad-token/")
    assert check_page(page).h1.get_text(strip=True) == "This reset link has expired"
