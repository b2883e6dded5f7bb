"""Write a large, valid-looking CLD extract fast, for benchmarks (DuckDB does the writing)."""

from __future__ import annotations

import sys
from pathlib import Path

import duckdb

from carelens.ingest.columns import COLUMNS

EVENT_ROWS = {
    "Request": {
        "Event_End_Date": "'03/04/2024'",
        "Event_Outcome": "'Progress to assessment, review or reassessment'",
        "Request_Route_of_Access": "'Discharge from hospital'",
    },
    "Service": {
        "Event_Outcome": "'Continuation of support or services'",
        "Service_Type": "'Long term support: Community'",
        "Service_Component": "'Home support or domiciliary care'",
        "Delivery_Mechanism": "'CASSR managed personal budget'",
        "Unit_Cost": "'25.00'",
        "Cost_Frequency_Unit_Type": "'Hourly'",
        "Planned_units_per_week": "'14'",
    },
}


def make(path: Path, rows: int, bad_every: int = 50) -> Path:
    """`rows` rows for distinct people; every `bad_every`-th row has a bad date."""
    con = duckdb.connect()
    person = {
        "LA_Code": "'999'",
        "Reporting_Period_Start_Date": "'01/04/2024'",
        "Reporting_Period_End_Date": "'31/03/2025'",
        "NHS_Number": "NULL",
        "LA_Person_Unique_Identifier": "CAST(i AS VARCHAR)",
        "Gender": "CASE WHEN i % 2 = 0 THEN 'Female' ELSE 'male' END",
        "Ethnicity": "'White: Irish'",
        "Date_of_Birth": "'14/03/1938'",
        "Client_Type": "'Service user'",
        "Primary_Support_Reason": "'Physical support: Personal care support'",
        "Postcode": "'SE13 6AA'",
        "Accommodation_Status": "'Owner occupier or shared ownership scheme'",
        "Has_Unpaid_Carer": "'Yes'",
        "Client_Funding_Status": "'Fully social care funded'",
        "Event_Type": "CASE WHEN i % 3 = 0 THEN 'Service' ELSE 'Request' END",
        "Event_Start_Date": (
            f"CASE WHEN i % {bad_every} = 0 THEN '31/02/2024' ELSE '02/04/2024' END"
        ),
        "Event_Description": "'Contact via front door team, \"urgent\"'",
        "Team": "'North Locality'",
    }
    selects = []
    event_type = person["Event_Type"]
    for column in COLUMNS:
        expr = person.get(column.alias)
        branches = [
            f"WHEN ({event_type}) = '{event}' THEN {fields[column.alias]}"
            for event, fields in EVENT_ROWS.items()
            if column.alias in fields
        ]
        if branches:
            expr = f"CASE {' '.join(branches)} END"
        selects.append(f'{expr or "NULL"} AS "{column.name}"')
    con.execute(
        f"COPY (SELECT {', '.join(selects)} FROM range({rows}) t(i)) TO '{path}' "
        "(HEADER, DELIMITER ',')"
    )
    return path


if __name__ == "__main__":
    make(Path(sys.argv[1]), int(sys.argv[2]))
