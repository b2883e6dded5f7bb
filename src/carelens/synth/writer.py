"""`generate`: stream a synthetic council's CLD extract, population and manifest to a folder.

People are simulated one at a time, each with its own random stream derived
from the seed and the person's number, and written as they are made, so memory
stays flat whatever the size and the same arguments always give the same bytes.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from random import Random

from carelens.ingest.columns import COLUMNS
from carelens.synth.council import CONTACT_SHARE, PRACTICE, RAMP_DAYS, TEAMS, Settings
from carelens.synth.dirty import EXPECTED, INDEX, Spoiler
from carelens.synth.pathways import YEAR, Journey, make_person, nhs_number, pick

GENERATOR_VERSION = "synth-2026.11.1"
HEADER = [column.name for column in COLUMNS]
WIDTH = len(COLUMNS)
POSTCODE_AREA = {"North": "QN", "South": "QS"}  # QN/QS are not real UK postcode areas
TEAM_CODE = {team.name: "".join(w[0] for w in team.name.split()) for team in TEAMS}


class Dates:
    """dd/mm/yyyy text for day ordinals, each worked out once."""

    def __init__(self):
        self.cache: dict[int, str] = {}

    def __call__(self, day: int) -> str:
        text = self.cache.get(day)
        if text is None:
            text = dt.date.fromordinal(day).strftime("%d/%m/%Y")
            self.cache[day] = text
        return text


def _person_rng(seed: int, index: int) -> Random:
    return Random(seed * 1_000_003 + index)


def _details(rng: Random, person, age_at_start: float) -> dict[str, str]:
    working = age_at_start < 65
    employment = ""
    if working:
        employment = pick(
            rng,
            (
                ("Not in paid employment: Not actively seeking work or retired", 0.66),
                ("Not in paid employment: Seeking work", 0.08),
                ("Not in paid employment: Voluntary work only", 0.08),
                ("Paid: Less than 16 hours a week", 0.12),
                ("Paid: 16 or more hours a week", 0.06),
            ),
        )
    funding = pick(
        rng,
        (
            ("Fully social care funded", 0.78),
            ("Joint client and social care funded", 0.17),
            ("Fully client funded", 0.05),
        ),
    )
    return {
        "Employment_Status": employment,
        "Has_Unpaid_Carer": "Yes" if rng.random() < 0.45 else "No",
        "Dementia": "Yes" if person.psr == "Support with memory and cognition" else "",
        "Client_Funding_Status": funding,
        "Postcode": f"{POSTCODE_AREA[person.locality]}{rng.randint(1, 9)} "
        f"{rng.randint(1, 9)}{chr(65 + rng.randrange(26))}{chr(65 + rng.randrange(26))}",
    }


class Council:
    """Makes each person's rows; keeps the counts the manifest reports."""

    def __init__(self, settings: Settings):
        self.s = settings
        self.first = settings.window_start.toordinal()
        self.last = settings.period_end.toordinal()
        self.programme = settings.programme_start.toordinal() if settings.programme_start else None
        self.date = Dates()
        self.events: Counter[str] = Counter()
        self.bands: Counter[str] = Counter()
        self.rows = 0
        self.spoiler = Spoiler(settings.dirty, Random(f"dirty:{settings.seed}"))

    def person_rows(self, index: int) -> list[list[str]]:
        for attempt in range(100):
            rng = _person_rng(self.s.seed, index * 101 + attempt)
            person, supported = make_person(rng, index, self.first)
            Journey(rng, person, (self.first, self.last), self.programme).run(supported)
            rows = self._emit(rng, person)
            if rows:
                age = (self.last - person.birth) / YEAR
                self.bands["65+" if age >= 65 else "18-64"] += 1
                return rows
        raise RuntimeError(f"person {index} has no events in the window")  # pragma: no cover

    def _emit(self, rng: Random, person) -> list[list[str]]:
        date, first, last = self.date, self.first, self.last
        death = person.death if person.death is not None and person.death <= last else None
        details = _details(rng, person, (first - person.birth) / YEAR)
        base = [""] * WIDTH
        values = {
            "LA_Code": self.s.la_code,
            "Reporting_Period_Start_Date": date(first),
            "Reporting_Period_End_Date": date(last),
            "NHS_Number": nhs_number(person.index + 1),
            "LA_Person_Unique_Identifier": f"P{person.index + 1:07d}",
            "Gender": person.gender,
            "Ethnicity": person.ethnicity,
            "Date_of_Birth": date(person.birth),
            "Date_of_Death": date(death) if death else "",
            "Client_Type": "Service user",
            "Primary_Support_Reason": person.psr,
            "Accommodation_Status": person.accommodation,
            **details,
        }
        for alias, value in values.items():
            base[INDEX[alias]] = value
        rows = []
        for event in person.events:
            end = event.end
            if event.start > last or (end is not None and end < first):
                continue
            if death is not None and event.start > death:
                continue
            if death is not None and event.kind == "Service" and (end is None or end > death):
                end = death  # whatever else was planned, support ends with a death
                event.fields["Event_Outcome"] = "NFA: Deceased"
            elif death is not None and end is not None and end > death:
                end = death
            if end is not None and end > last:
                if event.kind != "Service":
                    continue  # not complete at the period end, so not yet reported
                end = None
            row = list(base)
            row[INDEX["Event_Type"]] = event.kind
            row[INDEX["Event_Start_Date"]] = date(event.start)
            row[INDEX["Event_End_Date"]] = date(end) if end is not None else ""
            row[INDEX["Team"]] = event.team
            row[INDEX["Worker_ID"]] = f"{TEAM_CODE[event.team]}{rng.randint(1, 15):03d}"
            for alias, value in event.fields.items():
                row[INDEX[alias]] = value
            if event.kind == "Service" and end is None:
                row[INDEX["Event_Outcome"]] = "Continuation of support or services"
            self.events[event.kind] += 1
            rows.append(row)
        return rows

    def population(self) -> dict[str, int]:
        """Residents by band, sized from the people in contact (council.CONTACT_SHARE)."""
        share = self.s.years / 2
        return {
            band: max(1000, int(round(self.bands[band] / (CONTACT_SHARE[band] * share), -2)))
            for band in ("18-64", "65+")
        }


def generate(
    settings: Settings, out: Path, progress: Callable[[int, int], None] | None = None
) -> dict:
    """Write cld.csv, population.csv and manifest.json into `out`; returns the manifest."""
    out.mkdir(parents=True, exist_ok=True)
    council = Council(settings)
    step = max(1, settings.people // 200)
    with (out / "cld.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\r\n")
        writer.writerow(HEADER)
        for index in range(settings.people):
            for row in council.person_rows(index):
                for written in council.spoiler.apply(row):
                    writer.writerow(written)
                    council.rows += 1
            if progress and (index + 1) % step == 0:
                progress(index + 1, settings.people)
    population = council.population()
    with (out / "population.csv").open("w", encoding="utf-8", newline="") as handle:
        handle.write("age_band,population\n")
        for band, number in population.items():
            handle.write(f"{band},{number}\n")
    manifest = _manifest(settings, council, population)
    (out / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    return manifest


def _manifest(settings: Settings, council: Council, population: dict) -> dict:
    spoiler = council.spoiler
    rejected = sum(spoiler.counts[k] for k in EXPECTED if EXPECTED[k].startswith("rejected"))
    return {
        "generator_version": GENERATOR_VERSION,
        "arguments": {
            "people": settings.people,
            "seed": settings.seed,
            "la_code": settings.la_code,
            "period_end": settings.period_end.isoformat(),
            "years": settings.years,
            "programme_start": settings.programme_start.isoformat()
            if settings.programme_start
            else None,
            "dirty": settings.dirty,
        },
        "files": {
            "cld.csv": "the CLD extract (Release 2, dd/mm/yyyy dates, Team and Worker ID)",
            "population.csv": "residents by age band, for rates per 100,000",
        },
        "reporting_period": {
            "start": settings.window_start.isoformat(),
            "end": settings.period_end.isoformat(),
        },
        "people": settings.people,
        "rows": council.rows,
        "rows_by_event_type": dict(sorted(council.events.items())),
        "population": population,
        "teams": [
            {
                "name": team.name,
                "kind": team.kind,
                "residential_factor": team.residential_factor,
                "late_review_share": team.late_review,
            }
            for team in TEAMS
        ],
        "planted_effects": {
            "programme": None
            if settings.programme_start is None
            else {
                "start": settings.programme_start.isoformat(),
                "ramp_days": RAMP_DAYS,
                "changes": [
                    {
                        "name": p.name,
                        "before": p.before,
                        "after": p.after,
                        "description": p.description,
                    }
                    for p in PRACTICE.values()
                ],
            },
            "team_differences": [
                "Hospital Discharge West: odds of discharge straight to a care home x1.6; "
                "Hospital Discharge East x0.75",
                "North Locality: 42% of annual reviews late (South Locality 18%)",
            ],
        },
        "data_quality_problems": {
            "rate": settings.dirty,
            "rows": {kind: spoiler.counts.get(kind, 0) for kind in EXPECTED},
            "expected": EXPECTED,
            "expected_rejected_rows": rejected,
            "r1_spellings_by_field": dict(sorted(spoiler.translated.items())),
        },
    }
