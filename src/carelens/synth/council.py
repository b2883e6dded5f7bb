"""The synthetic council's settings: teams, practice, costs and the planted programme.

Every number a pathway draws from lives here, with the reason for its size, so a
reader can see what the generator assumes and the manifest can report it.
Practice that the improvement programme changes is a `Practice` value: one
figure before the programme, another after it, reached over a ramp of months.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

RAMP_DAYS = 180  # practice changes over six months, not overnight


@dataclass(frozen=True)
class Team:
    name: str
    kind: str  # discharge, reablement, locality, learning disability, mental health
    locality: str = ""  # North or South, for teams tied to an area
    residential_factor: float = 1.0  # odds multiplier on discharge to a care home
    late_review: float = 0.0  # share of annual reviews done late, before the programme


TEAMS = (
    # West places noticeably more discharges in care homes: a team outlier by design.
    Team("Hospital Discharge East", "discharge", "North", residential_factor=0.75),
    Team("Hospital Discharge West", "discharge", "South", residential_factor=1.6),
    Team("Reablement", "reablement"),
    # North reviews late: its overdue share stands out in team comparisons.
    Team("North Locality", "locality", "North", late_review=0.58),
    Team("South Locality", "locality", "South", late_review=0.32),
    Team("Learning Disability", "learning disability", late_review=0.28),
    Team("Mental Health", "mental health", late_review=0.36),
)
TEAM = {team.name: team for team in TEAMS}


@dataclass(frozen=True)
class Practice:
    """A practice figure that the programme moves from `before` toward `after`."""

    name: str
    before: float
    after: float
    description: str

    def at(self, day: int, programme_start: int | None) -> float:
        """The figure in force on `day` (a date ordinal)."""
        if programme_start is None or day < programme_start:
            return self.before
        share = min(1.0, (day - programme_start) / RAMP_DAYS)
        return self.before + (self.after - self.before) * share


PRACTICE = {
    p.name: p
    for p in (
        Practice(
            "discharge_to_care_home",
            0.40,
            0.20,
            "share of hospital discharges (older people) placed straight into residential "
            "or nursing care, before team differences",
        ),
        Practice(
            "discharge_to_reablement",
            0.55,
            0.75,
            "share of the other hospital discharges that start reablement (ST-Max)",
        ),
        Practice(
            "community_to_reablement",
            0.15,
            0.28,
            "share of community requests from older people that go to reablement",
        ),
        Practice(
            "reablement_no_further_support",
            0.70,
            0.82,
            "share of reablement episodes that end with no further support",
        ),
        Practice(
            "homecare_hours_mean",
            14.0,
            11.0,
            "mean planned home care hours a week in new packages",
        ),
        Practice(
            "late_review_factor",
            1.0,
            0.5,
            "multiplier on each team's share of late annual reviews",
        ),
    )
}


@dataclass(frozen=True)
class Settings:
    people: int
    seed: int
    la_code: str = "999"
    period_end: dt.date = dt.date(2025, 3, 31)
    years: int = 2
    programme_start: dt.date | None = None
    dirty: float = 0.0
    extra: dict = field(default_factory=dict)

    @property
    def window_start(self) -> dt.date:
        """First day of the extract: `years` years before the period end, plus a day."""
        end = self.period_end
        try:
            start = end.replace(year=end.year - self.years)
        except ValueError:  # 29 February
            start = end.replace(year=end.year - self.years, day=28)
        return start + dt.timedelta(days=1)


# Unit costs, 2024-25 prices (ranges from the issue; councils' published rates sit here).
HOMECARE_HOURLY = (22.0, 32.0)
RESIDENTIAL_WEEKLY = (800.0, 1200.0)
NURSING_WEEKLY = (900.0, 1400.0)
DIRECT_PAYMENT_WEEKLY = (180.0, 520.0)
SUPPORTED_LIVING_WEEKLY = (900.0, 1700.0)
DAY_SUPPORT_SESSION = (40.0, 75.0)
PRISON_SUPPORT_WEEKLY = (120.0, 400.0)

# Yearly chance of dying, by setting: care home residents die far sooner.
DEATH_RATE = {
    "community": 0.09,
    "supported living": 0.05,
    "residential": 0.26,
    "nursing": 0.36,
    "prison": 0.02,
}
WORKING_AGE_DEATH_RATE = 0.012
HOSPITAL_ADMISSION_RATE = 0.22  # older people living at home with support, a year
LD_MOVE_ON_RATE = 0.07  # residential to supported living, a year

# Population sized from the people in contact (a modelling assumption, checked by the
# ASCOF 2B/2C rates landing in national ranges): over two years about one in ten
# residents aged 65+ and one in a hundred aged 18-64 appear in the extract.
CONTACT_SHARE = {"18-64": 0.01, "65+": 0.10}
