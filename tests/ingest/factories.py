"""Build CLD rows and files in code, from one valid row per event type."""

from __future__ import annotations

import csv
from pathlib import Path

from carelens.ingest.columns import COLUMNS
from carelens.ingest.matching import header_key

SPEC_HEADERS = [c.name for c in COLUMNS if not c.extension]

PERSON = {
    "LA Code": "999",
    "Reporting Period Start Date": "01/04/2024",
    "Reporting Period End Date": "31/03/2025",
    "NHS Number": "9434765919",
    "LA Person Unique Identifier": "410001",
    "Gender": "Female",
    "Ethnicity": "White: Irish",
    "Date of Birth": "14/03/1938",
    "Client Type": "Service user",
    "Primary Support Reason": "Physical support: Personal care support",
    "Postcode": "SE13 6AA",
    "Accommodation Status": "Owner occupier or shared ownership scheme",
    "Has Unpaid Carer": "Yes",
    "Client Funding Status": "Fully social care funded",
}

EVENTS = {
    "Request": {
        "Event Type": "Request",
        "Event Start Date": "02/04/2024",
        "Event End Date": "03/04/2024",
        "Event Outcome": "Progress to assessment, review or reassessment",
        "Request: Route of Access": "Discharge from hospital",
    },
    "Assessment": {
        "Event Type": "Assessment",
        "Event Start Date": "04/04/2024",
        "Event End Date": "10/04/2024",
        "Event Outcome": "Progress to support planning or services",
        "Assessment Type": "Long term assessment",
        "Method of Assessment": "Face to face",
    },
    "Service": {
        "Event Type": "Service",
        "Event Start Date": "11/04/2024",
        "Event Outcome": "Continuation of support or services",
        "Service Type": "Long term support: Community",
        "Service Component": "Home support or domiciliary care",
        "Delivery Mechanism": "CASSR managed personal budget",
        "Unit Cost": "25.00",
        "Cost Frequency (Unit Type)": "Hourly",
        "Planned units per week": "14",
    },
    "Review": {
        "Event Type": "Review",
        "Event Start Date": "01/10/2024",
        "Event End Date": "01/10/2024",
        "Event Outcome": "Continuation of support or services",
        "Review Reason": "Planned",
        "Review Outcomes Achieved": "Fully met",
        "Method of Review": "Service user only",
    },
}


def row(event: str = "Request", **changes: str) -> dict[str, str]:
    """A valid row of the given event type, with fields changed by spec name.

    Keyword names use underscores for spaces: row("Service", Unit_Cost="-1").
    """
    values = {**PERSON, **EVENTS[event]}
    for name, value in changes.items():
        match = next((h for h in SPEC_HEADERS if header_key(h) == header_key(name)), None)
        if match is None:
            raise KeyError(name)
        values[match] = value
    return values


def write_csv(path: Path, rows: list[dict[str, str]], headers=None, encoding="utf-8") -> Path:
    headers = headers or SPEC_HEADERS
    with path.open("w", encoding=encoding, newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=headers, extrasaction="ignore")
        writer.writeheader()
        for values in rows:
            writer.writerow({h: values.get(h, "") for h in headers})
    return path


def nhs_number(seed: int) -> str:
    """A 10-digit NHS number that passes the modulus-11 check, made from `seed`."""
    for candidate in range(seed * 10, seed * 10 + 10_000):
        digits = f"{candidate % 1_000_000_000:09d}"
        total = sum(int(d) * (10 - i) for i, d in enumerate(digits))
        check = 11 - total % 11
        check = 0 if check == 11 else check
        if check != 10:
            return digits + str(check)
    raise ValueError(seed)


def other_person(values: dict[str, str], seed: int) -> dict[str, str]:
    """The same row for a different person."""
    return {
        **values,
        "NHS Number": nhs_number(seed),
        "LA Person Unique Identifier": f"5{seed:05d}",
    }
