"""Security baseline: anonymous users reach only the sign-in pages, headers are set,
forms carry CSRF protection, and `check --deploy` is clean in production settings."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, resolve

from carelens.accounts.models import AuditEvent
from tests.factories import PASSWORD
from tests.pages import check_page

PUBLIC_URL_NAMES = {
    "login",
    "password_reset",
    "password_reset_done",
    "password_reset_confirm",
    "password_reset_complete",
}


def _sample(pattern: str) -> str:
    """Turn a route or regex into a concrete URL, with sample values for its parameters."""

    def regex_group(match):
        body = match.group(2)
        words = body.split("|")
        if all(re.fullmatch(r"[\w-]+", word) for word in words):
            return words[0]
        return "1"

    text = re.sub(r"\(\?P<(\w+)>([^)]*)\)", regex_group, pattern)
    text = re.sub(r"<(?:(\w+):)?(\w+)>", "1", text)
    return text.replace("^", "").replace("$", "").replace("\\", "")


def walk(resolver=None, prefix="", namespace=""):
    """Yield (namespaced URL name, sample URL) for every view in the URL configuration."""
    resolver = resolver or get_resolver()
    for entry in resolver.url_patterns:
        here = prefix + str(entry.pattern)
        if isinstance(entry, URLResolver):
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from walk(entry, here, inner)
        elif isinstance(entry, URLPattern):
            yield f"{namespace}{entry.name}", "/" + _sample(here)


ALL_URLS = sorted(set(walk()), key=lambda item: item[1])


def test_the_walk_finds_the_whole_url_configuration():
    names = {name for name, _ in ALL_URLS}
    assert {"home", "login", "audit_trail", "person_detail", "performance"} <= names
    assert len(ALL_URLS) > 30  # the admin's URLs are included


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "url"), ALL_URLS, ids=[url for _, url in ALL_URLS])
def test_every_url_except_sign_in_redirects_anonymous_users_to_login(name, url):
    resolve(url)  # the sample URL really is one of ours
    response = Client().get(url)
    if name in PUBLIC_URL_NAMES:
        assert response.status_code in (200, 302)
        if response.status_code == 302:
            assert not response["Location"].startswith("/accounts/login/")
        return
    assert response.status_code == 302, (url, response.status_code)
    assert response["Location"].startswith("/accounts/login/?next="), response["Location"]


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/static/carelens/carelens.css", "/favicon.ico"])
def test_static_files_are_served_to_anyone(url):
    response = Client().get(url)
    assert response.status_code == 200


@pytest.mark.django_db
def test_security_headers_on_every_response(client_for, practitioner_a):
    response = client_for(practitioner_a).get("/")
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Content-Type-Options"] == "nosniff"
    policy = dict(
        part.strip().split(" ", 1) for part in response["Content-Security-Policy"].split(";")
    )
    assert policy["script-src"] == "'self'"
    assert policy["style-src"] == "'self'"
    assert policy["default-src"] == "'none'"
    assert policy["frame-ancestors"] == "'none'"
    assert "unsafe-inline" not in response["Content-Security-Policy"]


@pytest.mark.django_db
@pytest.mark.parametrize("persona", ["practitioner_a", "finance_officer", "administrator"])
def test_pages_have_no_inline_script_or_style(persona, client_for, request):
    client = client_for(request.getfixturevalue(persona))
    soup = check_page(client.get("/"))
    for script in soup.find_all("script"):
        assert script.get("src"), f"inline script: {script}"
    assert soup.find("style") is None
    assert soup.find(style=True) is None


@pytest.mark.django_db
def test_session_and_csrf_cookies_are_httponly(client, practitioner_a):
    client.get("/accounts/login/")
    client.post("/accounts/login/", {"username": "alice", "password": PASSWORD})
    assert client.cookies["sessionid"]["httponly"]
    assert client.cookies["csrftoken"]["httponly"]


@pytest.mark.django_db
def test_a_tampered_csrf_token_gets_a_clear_page_and_an_audit_row(practitioner_a):
    client = Client(enforce_csrf_checks=True)
    client.get("/accounts/login/")
    response = client.post(
        "/accounts/login/",
        {"username": "alice", "password": PASSWORD, "csrfmiddlewaretoken": "tampered" * 8},
    )
    assert response.status_code == 403
    soup = check_page(response)
    assert soup.h1.get_text(strip=True) == "Your form could not be submitted"
    assert AuditEvent.objects.filter(action="access_denied", detail__contains="form").exists()


@pytest.mark.django_db
@pytest.mark.parametrize("persona", ["practitioner_a", "analyst", "administrator"])
def test_every_form_on_the_home_page_carries_a_csrf_token(persona, client_for, request):
    soup = check_page(client_for(request.getfixturevalue(persona)).get("/"))
    forms = soup.find_all("form", method=re.compile("post", re.I))
    assert forms
    for form in forms:
        assert form.find("input", attrs={"name": "csrfmiddlewaretoken"})


def _carelens(*args, env_extra):
    env = {**os.environ, **env_extra}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    return subprocess.run(
        [sys.executable, "-c", "from carelens.cli import main; main()", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


def test_check_deploy_is_clean_with_production_settings(tmp_path):
    result = _carelens(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        env_extra={
            "CARELENS_HOME": str(tmp_path),
            "CARELENS_HTTPS": "true",
            "SECRET_KEY": "x" * 20 + "production-secret-key-with-plenty-of-entropy-0123456789",
            "ALLOWED_HOSTS": "carelens.council.example",
            "DEBUG": "false",
        },
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_check_deploy_fails_without_the_https_flag(tmp_path):
    result = _carelens(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        env_extra={"CARELENS_HOME": str(tmp_path), "CARELENS_HTTPS": "false"},
    )
    assert result.returncode != 0
    assert "SECURE_SSL_REDIRECT" in result.stdout + result.stderr


def test_a_bad_setting_is_named_without_a_stack_trace(tmp_path):
    result = _carelens("check", env_extra={"CARELENS_HOME": str(tmp_path), "DEBUG": "maybe"})
    assert result.returncode == 2
    assert "DEBUG must be true or false" in result.stderr
    assert "Traceback" not in result.stderr
