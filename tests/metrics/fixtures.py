"""Hand-check extracts in code: people with a birth month and their event rows.

Each test builds its file from these helpers, imports it and runs measures on the
snapshot, so every fixture goes through the same import as a council's extract.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from carelens.ingest.columns import COLUMNS
from carelens.ingest.importer import import_cld
from carelens.ingest.matching import header_key
from carelens.metrics.runner import Request, Runner
from tests.ingest.factories import write_csv

P_START, P_END = dt.date(2024, 4, 1), dt.date(2025, 3, 31)
HEADERS = [c.name for c in COLUMNS]
BY_KEY = {header_key(name): name for name in HEADERS}


def _name(keyword: str) -> str:
    """A column's spec name from a keyword: Request_Route_of_Access, Unit_Cost..."""
    return BY_KEY[header_key(keyword)]


LT = {
    "community": ("Long term support: Community", "Home support or domiciliary care"),
    "residential": ("Long term support: Residential care", "Long term residential care"),
    "nursing": ("Long term support: Nursing care", "Long term nursing care"),
}


def person(pid: str, born: str, *events: dict, died: str = "", **details: str) -> list[dict]:
    """Rows for one person born in month `born` ('05/1940', day 15)."""
    base = {
        "LA Code": "999",
        "Reporting Period Start Date": "01/04/2024",
        "Reporting Period End Date": "31/03/2025",
        "NHS Number": "",
        "LA Person Unique Identifier": pid,
        "Gender": "Female",
        "Ethnicity": "White: Irish",
        "Date of Birth": f"15/{born}",
        "Date of Death": died,
        "Client Type": "Service user",
        "Primary Support Reason": "Physical support: Personal care support",
        "Postcode": "SE13 6AA",
        "Accommodation Status": "Owner occupier or shared ownership scheme",
        "Employment Status": "Not in paid employment: Not actively seeking work or retired",
        "Has Unpaid Carer": "No",
        "Client Funding Status": "Fully social care funded",
        "Team": "North Locality",
    }
    for name, value in details.items():
        base[_name(name)] = value
    return [{**base, **event} for event in events]


def event(kind: str, start: str, end: str = "", outcome: str = "", **fields: str) -> dict:
    values = {
        "Event Type": kind,
        "Event Start Date": start,
        "Event End Date": end,
        "Event Outcome": outcome
        or {
            "Request": "NFA: Information and advice or signposting",
            "Assessment": "Progress to support planning or services",
            "Service": "Continuation of support or services",
            "Review": "Continuation of support or services",
        }[kind],
    }
    for name, value in fields.items():
        values[_name(name)] = value
    return values


def stmax(start: str, end: str = "", outcome: str = "", **fields: str) -> dict:
    values = {
        "Service_Type": "Short term support: ST-Max",
        "Service_Component": "Reablement",
        "Delivery_Mechanism": "CASSR commissioned support",
        **fields,
    }
    return event("Service", start, end, outcome, **values)


def service(kind: str, start: str, end: str = "", outcome: str = "", **fields: str) -> dict:
    """A long-term service row: kind is community, residential or nursing."""
    service_type, component = LT[kind]
    costs = {"Unit_Cost": "900.00", "Cost_Frequency_Unit_Type": "Weekly"}
    if kind == "community":
        costs = {
            "Unit_Cost": "25.00",
            "Cost_Frequency_Unit_Type": "Hourly",
            "Planned_units_per_week": "10",
        }
    values = {
        "Service_Type": service_type,
        "Service_Component": component,
        "Delivery_Mechanism": "CASSR commissioned support",
        **costs,
        **fields,
    }
    return event("Service", start, end, outcome, **values)


def request(
    start: str, end: str, outcome: str = "", route: str = "Discharge from hospital", **fields: str
) -> dict:
    return event("Request", start, end, outcome, Request_Route_of_Access=route, **fields)


def run(
    tmp_path: Path,
    people: list[list[dict]],
    *ids: str,
    by: str | None = None,
    population: dict | None = None,
    start=P_START,
    end=P_END,
    notes: list | None = None,
) -> list[dict]:
    tmp_path.mkdir(parents=True, exist_ok=True)
    rows = [row for rows in people for row in rows]
    path = write_csv(tmp_path / "fixture.csv", rows, headers=HEADERS)
    result = import_cld([path], tmp_path / "home")
    assert result.summary["rows_rejected"] == 0, result.summary["errors_by_rule"]
    request = Request(list(ids), start, end, by, population)
    with Runner(result.path) as runner:
        rows = runner.run(request)
    if notes is not None:
        notes += request.notes
    return rows


def pick(rows: list[dict], measure: str, **group: str) -> dict:
    found = [r for r in rows if r["measure"] == measure and r["group"] == group]
    assert len(found) == 1, (measure, group, rows)
    return found[0]
