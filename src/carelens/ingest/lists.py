"""Defined lists (cld.md §6): the R2 value stored, and the R1 or alias spellings accepted.

Each list maps a match key (matching.value_key) to the R2 value, so a value in
any case or spacing, in R1 or R2 spelling, is stored in one R2 spelling.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from carelens.ingest.matching import value_key

R1_ONLY_OUTCOME = "Release 1 specification only: Not mapped"


@dataclass(frozen=True)
class DefinedList:
    alias: str
    values: tuple[str, ...]  # R2 spellings, in the order the spec gives
    accepted: dict[str, str] = field(default_factory=dict)  # other spelling -> R2 value
    key_field: bool = False  # an invalid value rejects the row (CLD020), else CLD021

    def lookup(self) -> dict[str, tuple[str, bool]]:
        """match key -> (stored R2 value, True if the key is an R1/alias spelling)."""
        table = {value_key(other): (r2, True) for other, r2 in self.accepted.items()}
        table.update({value_key(value): (value, False) for value in self.values})
        return table


def _same(*values: str) -> tuple[str, ...]:
    return values


ETHNICITY = _same(
    "White: English, Welsh, Scottish, Northern Irish or British",
    "White: Irish",
    "White: Gypsy or Irish Traveller",
    "White: Roma",
    "White: Any other White background",
    "Mixed or multiple ethnic groups: White and Black Caribbean",
    "Mixed or multiple ethnic groups: White and Black African",
    "Mixed or multiple ethnic groups: White and Asian",
    "Mixed or multiple ethnic groups: Any other Mixed or multiple ethnic background",
    "Asian or Asian British: Indian",
    "Asian or Asian British: Pakistani",
    "Asian or Asian British: Bangladeshi",
    "Asian or Asian British: Chinese",
    "Asian or Asian British: Any other Asian background",
    "Black, Black British, Caribbean or African: African",
    "Black, Black British, Caribbean or African: Caribbean",
    "Black, Black British, Caribbean or African: Any other Black, Black British or Caribbean "
    "background",
    "Other ethnic group: Arab",
    "Other ethnic group: Any other ethnic group",
    "No data: Refused",
    "No data: Undeclared or not known",
)

ACCOMMODATION = {
    "Owner occupier or shared ownership scheme": [],
    "Tenant: Local authority or other social housing provider": ["Tenant"],
    "Tenant: Private landlord": ["Tenant - private landlord"],
    "Settled mainstream housing with family or friends": [
        "Settled mainstream housing with family / friends"
    ],
    "Supported accommodation, supported lodgings or supported group home": [
        "Supported accommodation / supported lodgings / supported group home"
    ],
    "Shared Lives scheme": [],
    "Approved premises for offenders released from prison or under probation supervision": [],
    "Sheltered housing, extra care housing or other sheltered housing": [
        "Sheltered housing / extra care housing / other sheltered housing"
    ],
    "Mobile accommodation for Gypsy, Roma and Traveller communities": [
        "Mobile accommodation for Gypsy / Roma and Traveller communities"
    ],
    "Rough sleeper or squatting": ["Rough sleeper / squatting"],
    "Night shelter, emergency hostel or direct access hostel": [
        "Night shelter / emergency hostel / direct access hostel"
    ],
    "Refuge": [],
    "Placed in temporary accommodation by the council (inc. homelessness resettlement)": [],
    "Staying with family or friends as a short term guest": [
        "Staying with family / friends as a short-term guest"
    ],
    "Acute hospital or long term healthcare residential facility": [
        "Acute / long-term healthcare residential facility or hospital"
    ],
    "Registered care home": [],
    "Registered nursing home": [],
    "Prison, young offenders institution or detention centre": [
        "Prison / Young offenders institution / detention centre"
    ],
    "Other temporary accommodation": [],
    "Unknown": [],
}

# Settled accommodation (ASCOF 2E numerator): the first nine values.
SETTLED_ACCOMMODATION = tuple(list(ACCOMMODATION)[:9])

EVENT_OUTCOMES = {
    "Progress to reablement/ST-Max": ["Progress to Reablement/ST-Max"],
    "Progress to assessment, review or reassessment": [
        "Progress to Assessment",
        "Progress to Re-assessment / Unplanned Review",
    ],
    R1_ONLY_OUTCOME: ["Progress to financial assessment", "Progress to End of Life Care"],
    "Progress to support planning or services": ["Progress to Support Planning / Services"],
    "Continuation of support or services": ["No change in package", "Provision of service"],
    "Admitted to hospital": [],
    "NFA: Responsibility moved to another local authority": ["NFA - Moved to another LA"],
    "NFA: Referral to NHS services or NHS funded social care": [
        "NFA - 100% NHS funded care",
        "NFA - 100% NHS-funded care",
    ],
    "NFA: Self-funded client or under 12wk disregard": [
        "NFA - Self-funded client (inc. 12wk disregard)"
    ],
    "NFA: Information and advice or signposting": ["NFA - Information & Advice / Signposting only"],
    "NFA: Referral to other service within the local authority": [],
    "NFA: Support declined": ["NFA - Support declined"],
    "NFA: Deceased": ["NFA - Deceased"],
    "NFA: Support ended as planned": ["Service ended as planned"],
    "NFA: Support ended for other reason": [
        "NFA - Support ended: Other reason",
        "NFA - Support ended \u2013 other reason",
    ],
    "NFA: No services offered for other reason": [
        "NFA - No services offered: Other reason",
        "NFA - No services offered - other reason",
    ],
    "NFA: Other": ["NFA - Other", "NFA- Other"],
}
OUTCOME_RANK = {value: rank for rank, value in enumerate(EVENT_OUTCOMES, start=1)}

COST_FREQUENCY_UNITS_PER_WEEK = {
    "Per session": None,
    "Hourly": None,
    "Daily": None,
    "Weekly": "1",
    "Fortnightly": "0.5",
    "4-weekly": "0.25",
    "Monthly": "12/52",
    "Quarterly": "4/52",
    "Annually": "1/52",
    "One-off": "0",
}

REVIEW_REASONS = [
    "Planned",
    "Unplanned - Hospital (planned and unplanned episodes)",
    "Unplanned - Carer related",
    "Unplanned - Safeguarding concern",
    "Unplanned - Other reason",
    "Unplanned - Provider failure",
    "Unplanned - Change in commissioning arrangements",
    "Review of short term support",
]


def _mapped(table: dict[str, list[str]]) -> dict[str, str]:
    return {other: r2 for r2, others in table.items() for other in others}


def _r1_from_pairs(pairs: list[tuple[str, str]]) -> tuple[tuple[str, ...], dict[str, str]]:
    return tuple(r2 for r2, _ in pairs), {r1: r2 for r2, r1 in pairs if r1}


def _build() -> dict[str, DefinedList]:
    lists: list[DefinedList] = []

    def add(alias, values, accepted=None, key_field=False):
        lists.append(DefinedList(alias, tuple(values), dict(accepted or {}), key_field))

    add("Event_Type", ["Request", "Assessment", "Service", "Review"], key_field=True)
    add(
        "Client_Type",
        ["Service user", "Unpaid carer", "Unpaid carer known by association"],
        {
            "Carer": "Unpaid carer",
            "Carer known by association": "Unpaid carer known by association",
        },
        key_field=True,
    )
    add("Gender", ["Male", "Female", "Other", "Unknown"])
    add(
        "Ethnicity",
        ETHNICITY,
        {value.replace(": ", " - ", 1): value for value in ETHNICITY},
    )
    psr = [
        ("Physical support: Access and mobility only", "Physical Support: Access & mobility only"),
        ("Physical support: Personal care support", ""),
        ("Sensory support: Support for visual impairment", ""),
        ("Sensory support: Support for hearing impairment", ""),
        ("Sensory support: Support for dual impairment", ""),
        ("Support with memory and cognition", "Support with Memory & Cognition"),
        ("Learning disability support", ""),
        ("Mental health support", ""),
        ("Social support: Substance misuse support", ""),
        ("Social support: Asylum seeker support", ""),
        (
            "Social support: Support for social isolation or other reason",
            "Social Support: Support for Social Isolation/Other",
        ),
        ("Social support: Support to unpaid carer", "Social Support: Support to Carer"),
        ("Unknown", ""),
    ]
    add("Primary_Support_Reason", *_r1_from_pairs(psr))
    add("Accommodation_Status", ACCOMMODATION, _mapped(ACCOMMODATION))
    add(
        "Employment_Status",
        [
            "Paid: Less than 16 hours a week",
            "Paid: 16 or more hours a week",
            "Paid: Hours per week unknown",
            "Not in paid employment: Seeking work",
            "Not in paid employment: Not actively seeking work or retired",
            "Not in paid employment: Voluntary work only",
            "Unknown",
        ],
        {
            "Not in Paid Employment (seeking work)": "Not in paid employment: Seeking work",
            "Not in Paid Employment (not actively seeking work / retired)": (
                "Not in paid employment: Not actively seeking work or retired"
            ),
            "Not in Paid Employment (voluntary work only)": (
                "Not in paid employment: Voluntary work only"
            ),
        },
    )
    for alias in ("Has_Unpaid_Carer", "Autism_Spectrum_Disorder_ASD", "Dementia"):
        add(alias, ["Yes", "No", "Unknown"])
    add("Eligible_Needs_Identified", ["Yes", "No"])
    add(
        "Visual_Impairment",
        [
            "Blind/severely sight impaired",
            "Partial sight/sight impaired",
            "No visual impairment",
            "Visual impairment - severity unknown",
            "Unknown",
        ],
    )
    add(
        "Hearing_Impairment",
        [
            "Deaf with speech",
            "Deaf without speech",
            "Hard of hearing",
            "No hearing impairment",
            "Hearing impairment: Severity unknown",
            "Unknown",
        ],
    )
    add(
        "Client_Funding_Status",
        [
            "Fully client funded",
            "Joint client and social care funded",
            "Fully social care funded",
            "Unknown",
        ],
        {
            "18(3) (full cost client)": "Fully client funded",
            "Unknown - Individual Level": "Unknown",
        },
    )
    add("Event_Outcome", EVENT_OUTCOMES, _mapped(EVENT_OUTCOMES))
    add(
        "Request_Route_of_Access",
        [
            "Planned entry (transition)",
            "Discharge from hospital",
            "Diversion from hospital services",
            "Community / other route",
            "Prison",
            "Self-funder",
            "Discharge from reablement",
            "Transfer from other LA",
        ],
        {
            "Self-funder with depleted funds": "Self-funder",
            "Self-funder with depleted funds (of which previously provided with 12-week "
            "disregard or deferred payment)": "Self-funder",
        },
    )
    # Financial assessments are matched by prefix in the SQL (see rules).
    add("Assessment_Type", ["Long term assessment", "Short term assessment"])
    service_types = [
        ("Short term support: ST-Max", ""),
        ("Short term support: Ongoing low level", ""),
        ("Short term support: Other short term", ""),
        ("Long term support: Nursing care", ""),
        ("Long term support: Residential care", ""),
        ("Long term support: Community", ""),
        ("Long term support: Prison", ""),
        ("Unpaid carer support: Direct to unpaid carer", "Carer Support: Direct to Carer"),
        (
            "Unpaid carer support: Support involving the person cared-for",
            "Carer Support: Support involving the person cared-for",
        ),
    ]
    add("Service_Type", *_r1_from_pairs(service_types), key_field=True)
    components = {
        "Reablement": [],
        "Short term nursing care": [],
        "Short term residential care": [],
        "Long term nursing care": [],
        "Long term residential care": [],
        "Home support or domiciliary care": ["Home Support"],
        "Day support": [],
        "Meals": [],
        "Transport": [],
        "Equipment": [],
        "Direct payment": [],
        "Shared Lives": [],
        "Community supported living": [],
        "Extra care housing": [],
        "Professional support: Social worker": ["Professional Support- Social Worker"],
        "Professional support: Other": ["Professional Support"],
        "Learning, education or employment support": ["Learning/Education/Employment Support"],
        "End of life care": [],
        "Emergency support": [],
        "Other short term support": [],
        "Other long term support": [],
        "Unpaid carer respite": ["Carer Respite"],
        "Unpaid carer sitting service": ["Carer Sitting Service"],
        "Unpaid carer universal services": ["Carer Universal Services"],
        "Other unpaid carer support": ["Other Carer Support"],
    }
    add("Service_Component", components, _mapped(components), key_field=True)
    add(
        "Delivery_Mechanism",
        ["Direct payment", "CASSR managed personal budget", "CASSR commissioned support"],
    )
    add(
        "Cost_Frequency_Unit_Type",
        COST_FREQUENCY_UNITS_PER_WEEK,
        {"4-week": "4-weekly", "Annual": "Annually"},
    )
    add(
        "Review_Reason",
        REVIEW_REASONS,
        {value.replace(" - ", ": ", 1): value for value in REVIEW_REASONS if " - " in value},
    )
    add("Review_Outcomes_Achieved", ["Fully met", "Partially met", "Not met"])
    add("Method_of_Review", ["Service user only", "Service user and carer", "Carer only"])
    return {item.alias: item for item in lists}


LISTS: dict[str, DefinedList] = _build()
