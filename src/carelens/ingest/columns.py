"""The columns of a CLD extract (cld.md §3): spec name, alias, kind, whether required.

The alias (DHSC's underscore name) is the column name inside carelens: in SQL,
in snapshots and in code. The spec name, with spaces, is what messages show.
"""

from __future__ import annotations

from dataclasses import dataclass

from carelens.ingest.matching import header_key


@dataclass(frozen=True)
class Column:
    name: str  # spec name, as messages show it
    alias: str  # column name inside carelens
    kind: str  # text, date, list, la_code, nhs_number, money, units, count, postcode
    required: bool = False  # the file is unusable without this column (CLD003)
    extension: bool = False  # carelens' own column, not part of CLD

    @property
    def key(self) -> str:
        return header_key(self.name)


def _c(name, alias, kind="text", required=False, extension=False):
    return Column(name, alias, kind, required, extension)


COLUMNS: tuple[Column, ...] = (
    _c("LA Code", "LA_Code", "la_code", True),
    _c("Reporting Period Start Date", "Reporting_Period_Start_Date", "date", True),
    _c("Reporting Period End Date", "Reporting_Period_End_Date", "date", True),
    _c("NHS Number", "NHS_Number", "nhs_number", True),
    _c("LA Person Unique Identifier", "LA_Person_Unique_Identifier", "text", True),
    _c("First Name", "First_Name"),
    _c("Last Name", "Last_Name"),
    _c("GP Practice Code", "GP_Practice_Code"),
    _c("GP Practice Name", "GP_Practice_Name"),
    _c("Gender", "Gender", "list", True),
    _c("Ethnicity", "Ethnicity", "list", True),
    _c("Date of Birth", "Date_of_Birth", "date", True),
    _c("Date of Death", "Date_of_Death", "date", True),
    _c("Client Type", "Client_Type", "list", True),
    _c("Primary Support Reason", "Primary_Support_Reason", "list", True),
    _c("Postcode", "Postcode", "postcode"),
    _c("Accommodation Status", "Accommodation_Status", "list", True),
    _c("Employment Status", "Employment_Status", "list"),
    _c("Has Unpaid Carer", "Has_Unpaid_Carer", "list"),
    _c("Autism Spectrum Disorder (ASD)", "Autism_Spectrum_Disorder_ASD", "list"),
    _c("Visual Impairment", "Visual_Impairment", "list"),
    _c("Hearing Impairment", "Hearing_Impairment", "list"),
    _c("Dementia", "Dementia", "list"),
    _c("Client Funding Status", "Client_Funding_Status", "list"),
    _c("Event Type", "Event_Type", "list", True),
    _c("Event Reference", "Event_Reference"),
    _c("Event Start Date", "Event_Start_Date", "date", True),
    _c("Event End Date", "Event_End_Date", "date", True),
    _c("Event Description", "Event_Description"),
    _c("Event Outcome", "Event_Outcome", "list", True),
    _c("Request: Route of Access", "Request_Route_of_Access", "list", True),
    _c("Assessment Type", "Assessment_Type", "list", True),
    _c("Eligible Needs Identified", "Eligible_Needs_Identified", "list"),
    _c("Method of Assessment", "Method_of_Assessment"),
    _c("Total Hrs Caring per week", "Total_Hrs_Caring_Per_Week"),
    _c("No. of adults being cared for", "No_of_adults_being_cared_for", "count"),
    _c("Adult 1 Linked Person_ID", "Adult_1_Linked_Person_ID"),
    _c("Adult 2 Linked Person_ID", "Adult_2_Linked_Person_ID"),
    _c("Adult 3 Linked Person_ID", "Adult_3_Linked_Person_ID"),
    _c("Service Type", "Service_Type", "list", True),
    _c("Service Component", "Service_Component", "list", True),
    _c("Delivery Mechanism", "Delivery_Mechanism", "list", True),
    _c("Provider CQC Location ID", "Provider_CQC_Location_ID"),
    _c("Provider CQC Location Name", "Provider_CQC_Location_Name"),
    _c("Review Reason", "Review_Reason", "list", True),
    _c("Review Outcomes Achieved", "Review_Outcomes_Achieved", "list"),
    _c("Method of Review", "Method_of_Review", "list"),
    _c("Unit Cost", "Unit_Cost", "money", True),
    _c("Cost Frequency (Unit Type)", "Cost_Frequency_Unit_Type", "list", True),
    _c("Planned units per week", "Planned_units_per_week", "units", True),
    _c("Team", "Team", extension=True),
    _c("Worker ID", "Worker_ID", extension=True),
)

BY_ALIAS = {column.alias: column for column in COLUMNS}
BY_KEY: dict[str, Column] = {}
for _column in COLUMNS:
    BY_KEY[_column.key] = _column
    BY_KEY[header_key(_column.alias)] = _column

DATE_COLUMNS = tuple(c.alias for c in COLUMNS if c.kind == "date")
LIST_COLUMNS = tuple(c.alias for c in COLUMNS if c.kind == "list")
