"""One person's journey through the service, as CLD events.

A person is simulated from their first contact (or, for someone already in
long-term support, from when that support began) to the period end. Dates are
day ordinals (`date.toordinal()`) so the arithmetic is cheap. Only events that
touch the extract's window are emitted, as they would be in a real extract:
services still running at the period end are open, completed events that end
after it are not yet reported, and a death after the period end is unknown.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from random import Random

from carelens.synth.council import (
    DAY_SUPPORT_SESSION,
    DEATH_RATE,
    DIRECT_PAYMENT_WEEKLY,
    HOMECARE_HOURLY,
    HOSPITAL_ADMISSION_RATE,
    LD_MOVE_ON_RATE,
    NURSING_WEEKLY,
    PRACTICE,
    PRISON_SUPPORT_WEEKLY,
    RESIDENTIAL_WEEKLY,
    SUPPORTED_LIVING_WEEKLY,
    TEAM,
    WORKING_AGE_DEATH_RATE,
)

YEAR = 365.25

SEGMENTS = (  # (segment, share of people, share already in long-term support)
    ("older", 0.72, 0.36),
    ("learning disability", 0.07, 0.70),
    ("mental health", 0.07, 0.40),
    ("physical", 0.11, 0.30),
    ("transition", 0.03, 0.0),
)
OLDER_PSR = (
    ("Physical support: Personal care support", 0.64),
    ("Physical support: Access and mobility only", 0.11),
    ("Support with memory and cognition", 0.13),
    ("Sensory support: Support for visual impairment", 0.03),
    ("Social support: Support for social isolation or other reason", 0.05),
    ("Mental health support", 0.04),
)
PHYSICAL_PSR = (
    ("Physical support: Personal care support", 0.62),
    ("Physical support: Access and mobility only", 0.18),
    ("Sensory support: Support for hearing impairment", 0.05),
    ("Social support: Substance misuse support", 0.08),
    ("Social support: Support for social isolation or other reason", 0.07),
)
ETHNICITY = (
    ("White: English, Welsh, Scottish, Northern Irish or British", 0.77),
    ("White: Any other White background", 0.05),
    ("White: Irish", 0.02),
    ("Asian or Asian British: Indian", 0.03),
    ("Asian or Asian British: Pakistani", 0.02),
    ("Asian or Asian British: Bangladeshi", 0.01),
    ("Black, Black British, Caribbean or African: African", 0.025),
    ("Black, Black British, Caribbean or African: Caribbean", 0.02),
    ("Mixed or multiple ethnic groups: White and Black Caribbean", 0.01),
    ("Mixed or multiple ethnic groups: Any other Mixed or multiple ethnic background", 0.01),
    ("Other ethnic group: Any other ethnic group", 0.015),
    ("No data: Refused", 0.01),
    ("No data: Undeclared or not known", 0.02),
)
HOME_ACCOMMODATION = (
    ("Owner occupier or shared ownership scheme", 0.52),
    ("Tenant: Local authority or other social housing provider", 0.25),
    ("Tenant: Private landlord", 0.08),
    ("Settled mainstream housing with family or friends", 0.10),
    ("Sheltered housing, extra care housing or other sheltered housing", 0.05),
)
LD_ACCOMMODATION = (
    ("Settled mainstream housing with family or friends", 0.55),
    ("Tenant: Local authority or other social housing provider", 0.25),
    ("Shared Lives scheme", 0.08),
    ("Tenant: Private landlord", 0.12),
)
SETTING_ACCOMMODATION = {
    "residential": "Registered care home",
    "nursing": "Registered nursing home",
    "supported living": "Supported accommodation, supported lodgings or supported group home",
    "prison": "Prison, young offenders institution or detention centre",
}
LT_TYPE = {
    "community": "Long term support: Community",
    "supported living": "Long term support: Community",
    "residential": "Long term support: Residential care",
    "nursing": "Long term support: Nursing care",
    "prison": "Long term support: Prison",
}
CARE_HOME = ("residential", "nursing")
CONTINUE = "Continuation of support or services"
TO_SERVICES = "Progress to support planning or services"
TO_ASSESSMENT = "Progress to assessment, review or reassessment"
TO_REABLEMENT = "Progress to reablement/ST-Max"
DECEASED = "NFA: Deceased"
ENDED = "NFA: Support ended as planned"
ADVICE = "NFA: Information and advice or signposting"
DISCHARGE = "Discharge from hospital"


def pick(rng: Random, table) -> str:
    """A value from ((value, weight), ...)."""
    x = rng.random() * sum(w for _, w in table)
    for value, weight in table:
        x -= weight
        if x < 0:
            return value
    return table[-1][0]


def odds(p: float, factor: float) -> float:
    """`p` with its odds multiplied by `factor`: team practice that stays a probability."""
    if factor == 1.0:
        return p
    return p * factor / (p * factor + 1 - p)


@dataclass
class Event:
    kind: str  # Request, Assessment, Service, Review
    start: int
    end: int | None
    team: str
    fields: dict = field(default_factory=dict)  # alias -> text


@dataclass
class Person:
    index: int
    segment: str
    birth: int
    gender: str
    ethnicity: str
    psr: str
    locality: str
    home_team: str
    accommodation: str
    transition: bool = False  # a young person coming from children's services
    death: int | None = None
    events: list[Event] = field(default_factory=list)


class Journey:
    """Simulates one person; `run` fills `person.events`."""

    def __init__(self, rng: Random, person: Person, window: tuple[int, int], programme):
        self.rng = rng
        self.p = person
        self.first, self.last = window
        self.programme = programme

    # -- helpers ---------------------------------------------------------------

    def practice(self, name: str, day: int) -> float:
        return PRACTICE[name].at(day, self.programme)

    def age(self, day: int) -> float:
        return (day - self.p.birth) / YEAR

    def older(self, day: int) -> bool:
        return self.age(day) >= 65

    def add(self, kind, start, end, team, **fields) -> Event:
        event = Event(kind, start, end, team, fields)
        self.p.events.append(event)
        return event

    def death_rate(self, setting: str, day: int) -> float:
        if not self.older(day):
            return WORKING_AGE_DEATH_RATE
        return DEATH_RATE[setting] * (1.5 if self.age(day) > 85 else 1.0)

    def wait(self, rate_per_year: float) -> int:
        if rate_per_year <= 0:
            return 10**6
        return max(1, int(self.rng.expovariate(rate_per_year / YEAR)))

    # -- events ----------------------------------------------------------------

    def request(self, day: int, route: str, outcome: str, team: str | None = None) -> int:
        length = self.rng.randint(0, 3) if route == DISCHARGE else self.rng.randint(0, 12)
        end = day + length
        self.add(
            "Request",
            day,
            end,
            team or self.p.home_team,
            Request_Route_of_Access=route,
            Event_Outcome=outcome,
        )
        return end

    def assessment(self, day: int, eligible: bool, outcome: str) -> int:
        end = day + self.rng.randint(1, 14)
        self.add(
            "Assessment",
            day,
            end,
            self.p.home_team,
            Assessment_Type="Long term assessment",
            Eligible_Needs_Identified="Yes" if eligible else "No",
            Method_of_Assessment=pick(self.rng, (("Face to face", 0.8), ("Telephone", 0.2))),
            Event_Outcome=outcome,
        )
        return end

    def review(self, day: int, reason: str = "Planned", outcome: str = CONTINUE) -> None:
        self.add(
            "Review",
            day,
            day + self.rng.randint(0, 10),
            self.p.home_team,
            Review_Reason=reason,
            Review_Outcomes_Achieved=pick(
                self.rng, (("Fully met", 0.6), ("Partially met", 0.3), ("Not met", 0.1))
            ),
            Method_of_Review=pick(
                self.rng, (("Service user only", 0.6), ("Service user and carer", 0.4))
            ),
            Event_Outcome=outcome,
        )

    def reablement(self, day: int) -> tuple[int, str]:
        """An ST-Max episode from `day`; returns its end and what follows it."""
        rng = self.rng
        length = max(3, int(rng.lognormvariate(math.log(28), 0.45)))
        end = day + length
        roll = rng.random()
        if roll < 0.04 and self.older(day):
            self.p.death = end + rng.randint(0, 5)
            outcome, follow = DECEASED, "died"
        elif roll < 0.11:
            outcome, follow = "Admitted to hospital", "hospital"
        elif rng.random() < self.practice("reablement_no_further_support", end):
            outcome, follow = ENDED, "none"
        else:
            outcome = TO_SERVICES
            follow = "care home" if rng.random() < 0.12 and self.older(day) else "community"
        self.add(
            "Service",
            day,
            end,
            "Reablement",
            Service_Type="Short term support: ST-Max",
            Service_Component="Reablement",
            Delivery_Mechanism="CASSR commissioned support",
            Event_Outcome=outcome,
        )
        return end, follow

    def package(self, day: int, setting: str) -> Event:
        """A long-term service row starting on `day` (open until something ends it)."""
        rng, p = self.rng, self.p
        fields = {"Service_Type": LT_TYPE[setting], "Event_Outcome": CONTINUE}
        provider = rng.randint(1, 400)
        fields["Provider_CQC_Location_ID"] = f"1-{100000000 + provider * 7919:09d}"
        fields["Provider_CQC_Location_Name"] = f"Provider {provider}"
        if setting in CARE_HOME:
            fields["Service_Component"] = f"Long term {setting} care"
            fields["Delivery_Mechanism"] = "CASSR commissioned support"
            low, high = RESIDENTIAL_WEEKLY if setting == "residential" else NURSING_WEEKLY
            fields |= self._cost(rng.uniform(low, high), "Weekly", None)
            p.accommodation = SETTING_ACCOMMODATION[setting]
            return self.add("Service", day, None, p.home_team, **fields)
        if setting == "prison":
            fields["Service_Component"] = "Professional support: Other"
            fields["Delivery_Mechanism"] = "CASSR commissioned support"
            fields |= self._cost(rng.uniform(*PRISON_SUPPORT_WEEKLY), "Weekly", None)
            p.accommodation = SETTING_ACCOMMODATION[setting]
            return self.add("Service", day, None, p.home_team, **fields)
        if setting == "supported living":
            fields["Service_Component"] = "Community supported living"
            fields["Delivery_Mechanism"] = "CASSR commissioned support"
            fields |= self._cost(rng.uniform(*SUPPORTED_LIVING_WEEKLY), "Weekly", None)
            p.accommodation = SETTING_ACCOMMODATION[setting]
            return self.add("Service", day, None, p.home_team, **fields)
        roll = rng.random()
        if roll < 0.26:
            fields["Service_Component"] = "Direct payment"
            fields["Delivery_Mechanism"] = "Direct payment"
            fields |= self._cost(rng.uniform(*DIRECT_PAYMENT_WEEKLY), "Weekly", None)
        elif p.segment == "learning disability" and roll < 0.55:
            fields["Service_Component"] = "Day support"
            fields["Delivery_Mechanism"] = "CASSR managed personal budget"
            fields |= self._cost(rng.uniform(*DAY_SUPPORT_SESSION), "Per session", 3)
        else:
            mean = self.practice("homecare_hours_mean", day)
            hours = max(1.0, round(rng.gammavariate(3.0, mean / 3.0) * 2) / 2)
            fields["Service_Component"] = "Home support or domiciliary care"
            fields["Delivery_Mechanism"] = pick(
                rng,
                (("CASSR managed personal budget", 0.72), ("CASSR commissioned support", 0.28)),
            )
            fields |= self._cost(rng.uniform(*HOMECARE_HOURLY), "Hourly", hours)
        return self.add("Service", day, None, p.home_team, **fields)

    @staticmethod
    def _cost(amount: float, frequency: str, units: float | None) -> dict:
        cost = {"Unit_Cost": f"{amount:.2f}", "Cost_Frequency_Unit_Type": frequency}
        if units is not None:
            cost["Planned_units_per_week"] = f"{units:g}"
        return cost

    # -- pathways --------------------------------------------------------------

    def run(self, already_supported: bool) -> None:
        rng = self.rng
        if already_supported:
            adult = self.p.birth + int(18 * YEAR) + 1
            start = max(self.first - rng.randint(30, 6 * 365), adult)
            self.long_term(start, self.existing_setting(), review_from=self.first)
        else:
            # Late enough in the window for the request to be complete by its end.
            self.new_contact(rng.randint(self.first, self.last - 45))

    def existing_setting(self) -> str:
        table = {
            "older": (("community", 0.62), ("residential", 0.25), ("nursing", 0.13)),
            "learning disability": (
                ("community", 0.45),
                ("supported living", 0.30),
                ("residential", 0.25),
            ),
            "mental health": (
                ("community", 0.70),
                ("supported living", 0.15),
                ("residential", 0.15),
            ),
            "physical": (("community", 0.92), ("nursing", 0.08)),
        }[self.p.segment]
        return pick(self.rng, table)

    def new_contact(self, day: int) -> None:
        rng, segment = self.rng, self.p.segment
        if self.p.transition:
            self.p.birth = day - int((18.05 + rng.random() * 0.4) * YEAR)
            end = self.request(day, "Planned entry (transition)", TO_ASSESSMENT)
            done = self.assessment(end + rng.randint(0, 20), True, TO_SERVICES)
            setting = pick(
                rng, (("community", 0.6), ("supported living", 0.3), ("residential", 0.1))
            )
            self.long_term(done + rng.randint(1, 28), setting)
            return
        if segment == "older":
            route = pick(
                rng,
                (
                    (DISCHARGE, 0.34),
                    ("Community / other route", 0.46),
                    ("Diversion from hospital services", 0.08),
                    ("Self-funder", 0.08),
                    ("Transfer from other LA", 0.04),
                ),
            )
        else:
            route = pick(
                rng, ((DISCHARGE, 0.10), ("Prison", 0.01), ("Community / other route", 0.89))
            )
        if route == DISCHARGE:
            self.discharge(day, already_in=None)
        elif route == "Prison":
            # Care needs assessed in prison (Care Act s.76): support delivered there.
            end = self.request(day, route, TO_ASSESSMENT)
            done = self.assessment(end + rng.randint(1, 20), True, TO_SERVICES)
            self.long_term(done + rng.randint(1, 14), "prison")
        elif route == "Self-funder":
            end = self.request(day, route, TO_ASSESSMENT)
            done = self.assessment(end + rng.randint(1, 20), True, TO_SERVICES)
            setting = "residential" if rng.random() < 0.5 else "community"
            self.long_term(done + rng.randint(1, 20), setting)
        else:
            self.community_request(day, route)

    def community_request(self, day: int, route: str) -> None:
        rng = self.rng
        older = self.p.segment == "older"
        to_reablement = self.practice("community_to_reablement", day)
        if route == "Diversion from hospital services":
            to_reablement = max(to_reablement, 0.5)
        roll = rng.random()
        if older and roll < to_reablement:
            end = self.request(day, route, TO_REABLEMENT)
            self.after_reablement(*self.reablement(end + rng.randint(0, 3)))
            return
        roll = rng.random()
        if roll < (0.45 if older else 0.30):
            outcome = ADVICE if rng.random() < 0.8 else "NFA: Support declined"
            self.request(day, route, outcome)
            return
        end = self.request(day, route, TO_ASSESSMENT)
        eligible = rng.random() < 0.8
        outcome = TO_SERVICES if eligible else ADVICE
        done = self.assessment(end + rng.randint(1, 25), eligible, outcome)
        if not eligible:
            return
        if older:
            setting = pick(rng, (("community", 0.86), ("residential", 0.09), ("nursing", 0.05)))
        elif self.p.segment == "learning disability":
            setting = pick(
                rng, (("community", 0.55), ("supported living", 0.35), ("residential", 0.10))
            )
        else:
            setting = pick(
                rng, (("community", 0.85), ("supported living", 0.10), ("residential", 0.05))
            )
        self.long_term(done + rng.randint(1, 21), setting)

    def discharge_team(self) -> str:
        east = self.p.locality == "North"
        return "Hospital Discharge East" if east else "Hospital Discharge West"

    def discharge(self, day: int, already_in: Event | None) -> None:
        """A hospital discharge request on `day`; `already_in` is a package to end or resume."""
        rng = self.rng
        team = self.discharge_team()
        p_home = self.practice("discharge_to_care_home", day)
        p_home = odds(p_home, TEAM[team].residential_factor)
        if not self.older(day):
            p_home *= 0.3
        if rng.random() < p_home:
            end = self.request(day, DISCHARGE, TO_ASSESSMENT, team)
            self.assessment(end, True, TO_SERVICES)
            start = end + rng.randint(1, 14)
            self.close(already_in, start - 1, TO_SERVICES)
            self.long_term(start, "nursing" if rng.random() < 0.35 else "residential")
            return
        if rng.random() < self.practice("discharge_to_reablement", day):
            end = self.request(day, DISCHARGE, TO_REABLEMENT, team)
            self.close(already_in, end, "Admitted to hospital")
            self.after_reablement(*self.reablement(end + rng.randint(0, 2)))
            return
        if already_in is not None or rng.random() < 0.55:
            end = self.request(day, DISCHARGE, TO_SERVICES, team)
            self.close(already_in, end, "Admitted to hospital")
            self.long_term(end + rng.randint(0, 5), "community")
            return
        self.request(day, DISCHARGE, ADVICE, team)

    def after_reablement(self, end: int, follow: str) -> None:
        rng = self.rng
        if follow == "community":
            self.long_term(end + rng.randint(0, 5), "community")
        elif follow == "care home":
            self.long_term(end + rng.randint(1, 7), "residential")
        elif follow == "hospital" and self.older(end):
            self.discharge(end + rng.randint(3, 20), already_in=None)

    def close(self, event: Event | None, day: int, outcome: str) -> None:
        if event is not None and event.end is None:
            event.end = max(event.start, day)
            event.fields["Event_Outcome"] = outcome

    def long_term(self, start: int, setting: str, review_from: int | None = None) -> None:
        """Long-term support from `start` until death, a move or the period end."""
        rng, p = self.rng, self.p
        if p.death is not None and p.death <= start:
            return
        row = self.package(start, setting)
        due = start + 365
        if review_from is not None:
            # Already supported: part-way through the yearly review cycle.
            due = review_from + rng.randint(0, 364)
        day = start if review_from is None else review_from
        while day <= self.last:
            if p.death is None:
                p.death = day + self.wait(self.death_rate(setting, day))
            admit = (
                day + self.wait(HOSPITAL_ADMISSION_RATE)
                if setting == "community" and self.older(day)
                else 10**9
            )
            move = (
                day + self.wait(LD_MOVE_ON_RATE)
                if setting == "residential" and p.segment == "learning disability"
                else 10**9
            )
            review = due
            if rng.random() < TEAM[p.home_team].late_review * self.practice(
                "late_review_factor", due
            ):
                review = due + rng.randint(60, 540)  # some are more than a year late
            else:
                review = due + rng.randint(-45, 20)
            first = min(p.death, admit, move, review)
            if first > self.last:
                return
            if first == p.death:
                self.close(row, p.death, DECEASED)
                return
            if first == review:
                self.review(review)
                due = review + 365
                day = review
                continue
            if first == move:
                self.review(move, "Unplanned - Other reason", TO_SERVICES)
                self.close(row, move, TO_SERVICES)
                setting = "supported living"
                row = self.package(move + 1, setting)
                day = move + 1
                continue
            # A hospital stay, then a discharge request from the hospital team.
            back = admit + rng.randint(2, 21)
            if back > self.last:
                return
            if back >= p.death:
                self.close(row, p.death, DECEASED)
                return
            self.discharge(back, already_in=row)
            return  # the discharge pathway carries on from here


def nhs_number(index: int) -> str:
    """A valid, unique NHS number for person `index` (check digit per the NHS rule)."""
    for prefix in range(9, 0, -1):
        stem = f"{prefix}{index:08d}"
        total = sum(int(d) * (10 - i) for i, d in enumerate(stem))
        check = 11 - total % 11
        if check == 11:
            check = 0
        if check != 10:
            return stem + str(check)
    raise ValueError(index)  # pragma: no cover - nine prefixes never all fail


def make_person(rng: Random, index: int, first: int) -> tuple[Person, bool]:
    """A person's fixed details, and whether they are already in long-term support."""
    x = rng.random()
    for segment, share, supported_share in SEGMENTS:  # noqa: B007 (used after the loop)
        x -= share
        if x < 0:
            break
    if segment == "older":
        age = 65 + min(38, rng.gammavariate(3.0, 5.5))
        psr = pick(rng, OLDER_PSR)
        gender = "Female" if rng.random() < 0.62 else "Male"
    elif segment == "transition":
        age = 17.6 + rng.random() * 0.3
        psr = "Learning disability support"
        gender = "Male" if rng.random() < 0.6 else "Female"
    else:
        age = rng.uniform(19, 64)
        psr = {
            "learning disability": "Learning disability support",
            "mental health": "Mental health support",
        }.get(segment) or pick(rng, PHYSICAL_PSR)
        gender = "Male" if rng.random() < 0.55 else "Female"
    birth = first - int(age * YEAR)
    locality = "North" if rng.random() < 0.5 else "South"
    home_team = {
        "learning disability": "Learning Disability",
        "transition": "Learning Disability",
        "mental health": "Mental Health",
    }.get(segment, f"{locality} Locality")
    ld = segment in ("learning disability", "transition")
    accommodation = pick(rng, LD_ACCOMMODATION if ld else HOME_ACCOMMODATION)
    person = Person(
        index,
        "learning disability" if ld else segment,
        birth,
        gender,
        pick(rng, ETHNICITY),
        psr,
        locality,
        home_team,
        accommodation,
        transition=segment == "transition",
    )
    return person, rng.random() < supported_share
