"""What each rule means for the person fixing the extract, in plain words (cld.md §10)."""

from __future__ import annotations

EXPLANATIONS: dict[str, str] = {
    "CLD001": "The file could not be read as CSV or XLSX. Save it from the case-management "
    "system as CSV (UTF-8) or as an Excel workbook.",
    "CLD002": "The file has no data rows.",
    "CLD003": "A column the CLD specification requires is missing from the header row.",
    "CLD004": "Two columns in the header are the same CLD field.",
    "CLD005": "A column that is not a CLD field. It is kept aside, unchanged, and not checked.",
    "CLD006": "An optional CLD column is not in the file; it is treated as blank.",
    "CLD007": "The row has more or fewer fields than the header, often because of an unquoted "
    "comma in a description. The row cannot be read safely, so it is rejected.",
    "CLD010": "A field that the row's event or client type must have is blank.",
    "CLD011": "A field the CLD specification expects is blank. The row is kept.",
    "CLD012": "The row has neither an NHS Number nor an LA Person Unique Identifier, so it "
    "cannot be linked to a person.",
    "CLD013": "LA Code must be the council's 3-digit CASSR code.",
    "CLD020": "Client Type, Event Type, Service Type or Service Component is not a value from "
    "the CLD defined list (Release 1 or Release 2 spelling), so the event cannot be classified.",
    "CLD021": "A value is not in its CLD defined list. The row is kept; the value is stored as "
    "blank and treated as 'Invalid and not mapped', as DHSC does.",
    "CLD022": "A Release 1 outcome with no Release 2 equivalent. Kept under DHSC's placeholder.",
    "CLD030": "A date that is not in dd/mm/yyyy or yyyy-mm-dd form, does not exist, or is "
    "outside 1900 to 2100.",
    "CLD031": "The event ends before it starts.",
    "CLD032": "The reporting period ends before it starts.",
    "CLD033": "The event starts after the end of the reporting period.",
    "CLD034": "A completed request, assessment or review ends after the reporting period.",
    "CLD035": "The event ended before the reporting period. Kept as history.",
    "CLD036": "The person's date of death is before the event started.",
    "CLD037": "The person's date of birth is after the event started or after their death.",
    "CLD038": "The date of death is after the reporting period.",
    "CLD039": "A service continues after the person's death; measures end it on that date.",
    "CLD040": "Unit Cost is not a valid amount (a negative number, text or 3+ decimals). "
    "The row is kept but its cost is not used.",
    "CLD041": "Planned units per week is not a valid number. The cost is not used.",
    "CLD042": "A Unit Cost without a Cost Frequency. The cost is not used.",
    "CLD043": "A Cost Frequency without a Unit Cost.",
    "CLD044": "Hourly, daily and per-session costs need Planned units per week.",
    "CLD045": "Cost fields on a row that is not a service. They are ignored.",
    "CLD050": "The NHS Number does not have 10 digits, so it is not used to identify the person.",
    "CLD051": "The NHS Number fails its check digit.",
    "CLD052": "The person is under 18 at the event: CLD covers adults.",
    "CLD053": "The person is over 110 at the event: check for a placeholder date of birth.",
    "CLD054": "The postcode is not the shape of a UK postcode.",
    "CLD055": "The number of adults cared for is not a whole number.",
    "CLD070": "The row repeats another row's event (same person, event type, dates and key "
    "fields in the same submission). The first is kept.",
    "CLD080": "A 'carer known by association' row carries event fields; such rows hold no event.",
    "CLD081": "A 'carer known by association' row links to no adult.",
    "CLD083": "A field filled on an event type it does not apply to. It is ignored by measures.",
}


def explain(code: str) -> str:
    return EXPLANATIONS.get(code, "")
