"""No personal data about the people receiving care reaches the application logs."""

from __future__ import annotations

import io
import logging
from datetime import date

import pytest

from carelens.logfilter import PersonalDataFilter, scrub
from carelens.people import views as people_views
from carelens.people.directory import Event, InMemoryDirectory, Person

NAME = "Margaret Thistlewood"
NHS_NUMBER = "9434765919"
BIRTH_DATE = "14/03/1938"


@pytest.mark.parametrize(
    "text",
    [
        f"Not Found: /people/{NHS_NUMBER}/",
        "value 943 476 5919 rejected",
        f"born {BIRTH_DATE}",
        "born 1938-03-14",
        "mail margaret@example.org",
    ],
)
def test_scrub_masks_nhs_numbers_dates_and_email(text):
    cleaned = scrub(text)
    for secret in (NHS_NUMBER, "943 476 5919", BIRTH_DATE, "1938-03-14", "margaret@example.org"):
        assert secret not in cleaned


def test_scrub_leaves_ordinary_text():
    assert scrub("audit action=login outcome=success") == "audit action=login outcome=success"


@pytest.fixture
def log_output():
    """The real console handler that settings.LOGGING installs, writing to a buffer."""
    handler = next(
        h
        for h in logging.getLogger().handlers
        if any(isinstance(f, PersonalDataFilter) for f in h.filters)
    )
    buffer = io.StringIO()
    old_stream = handler.setStream(buffer)
    root = logging.getLogger()
    old_level = root.level
    root.setLevel(logging.DEBUG)
    yield buffer
    root.setLevel(old_level)
    handler.setStream(old_stream)


@pytest.mark.django_db
def test_person_pages_and_sign_in_write_no_personal_data(
    log_output, client, client_for, practitioner_a, monkeypatch
):
    person = Person(
        NHS_NUMBER,
        (Event("Request", date(1938, 3, 14), None, "North Locality", description=NAME),),
    )
    other = Person("9434765920", (Event("Request", None, None, "South Locality"),))
    monkeypatch.setattr(people_views, "get_directory", lambda: InMemoryDirectory([person, other]))
    client.post("/accounts/login/", {"username": "alice", "password": "wrong"})
    signed_in = client_for(practitioner_a)
    assert signed_in.get(f"/people/{NHS_NUMBER}/").status_code == 200
    assert signed_in.get("/people/9434765920/").status_code == 404
    assert signed_in.get(f"/people/{BIRTH_DATE.replace('/', '-')}/").status_code == 404
    written = log_output.getvalue()
    assert written, "the test must see the log output it checks"
    for secret in (NAME, NHS_NUMBER, "9434765920", BIRTH_DATE, "14-03-1938"):
        assert secret not in written
