"""Error pages are GOV.UK-styled and never show a stack trace."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import path

from carelens.web import urls as project_urls
from tests.pages import check_page


def _boom(request):
    raise RuntimeError("secret internals")


urlpatterns = [*project_urls.urlpatterns, path("boom/", _boom)]
handler500 = project_urls.handler500
handler404 = project_urls.handler404


@pytest.mark.django_db
def test_404_page(client_for, practitioner_a):
    response = client_for(practitioner_a).get("/no-such-page/")
    assert response.status_code == 404
    assert check_page(response).h1.get_text(strip=True) == "Page not found"


@pytest.mark.django_db
@pytest.mark.urls("tests.web.test_errors")
def test_500_page_hides_the_error(practitioner_a, settings):
    client = Client(raise_request_exception=False)
    client.force_login(practitioner_a)
    response = client.get("/boom/")
    assert response.status_code == 500
    body = response.content.decode()
    assert "secret internals" not in body and "Traceback" not in body
    soup = check_page(response)
    assert soup.h1.get_text(strip=True) == "Sorry, there is a problem with the service"


@pytest.mark.django_db
def test_400_page(rf):
    from carelens.web.errors import bad_request

    request = rf.get("/")
    from django.contrib.auth.models import AnonymousUser

    request.user = AnonymousUser()
    response = bad_request(request)
    assert response.status_code == 400
    check_page(response)
