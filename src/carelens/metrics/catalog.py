"""The measures: each is a pair of files, `<id>.sql` and `<id>.toml`, in `measures/`.

A measure's SQL returns one row per counted unit (a person, an episode, a
request, a service line) with these columns, and the runner does the counting,
grouping, rounding and intervals the same way for every measure:

    person_id  the person the unit belongs to
    in_den     the unit is in the denominator (percent measures; else true)
    in_num     the unit is in the numerator (or counted / contributes its amount)
    amount     days, hours or pounds for days/hours/gbp measures (else NULL)
    age_band   '18-64', '65+', 'unknown' at the measure's age date
    team       Team on the measure's defining row ('Unknown' when blank)
    month      'YYYY-MM' of the defining date
    gender     from the latest person details
    split      the measure's own fixed split (setting, outcome) or NULL

Adding a measure means adding a pair of files and a test, nothing else.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

MEASURES_DIR = Path(__file__).parent / "measures"
VIEWS_DIR = Path(__file__).parent / "views"
UNITS = ("percent", "per_100k", "count", "days", "hours", "gbp")
GROUPINGS = ("age_band", "team", "month", "gender")


@dataclass(frozen=True)
class Measure:
    id: str
    title: str
    unit: str
    definition: str
    source: str
    groupings: tuple[str, ...]
    higher_is_better: bool | None
    small_number_rule: str
    sql: str
    point_in_time: bool = False  # evaluated at a date (P_end, or each month end)
    split: str = ""  # name of the measure's own split, e.g. "setting"
    split_share: bool = False  # split rows are shares of all units (with a total row)
    population_band: str = ""  # per_100k: the --population row used
    latest_submission: bool = False  # reads B9 rows: needs a submission covering P_end
    coverage_sql: str = ""  # SQL giving one count for the coverage note
    coverage_note: str = ""  # the note, with {n} for that count (said when n > 0)
    history_days: int = 0  # days of history before a period the measure looks back over


@cache
def measures() -> dict[str, Measure]:
    found = {}
    for meta_path in sorted(MEASURES_DIR.glob("*.toml")):
        meta = tomllib.loads(meta_path.read_text(encoding="utf-8"))
        sql_path = meta_path.with_suffix(".sql")
        measure = Measure(
            id=meta_path.stem,
            title=meta["title"],
            unit=meta["unit"],
            definition=meta["definition"].strip(),
            source=meta["source"],
            groupings=tuple(meta.get("groupings", ())),
            higher_is_better=meta.get("higher_is_better"),
            small_number_rule=meta.get("small_number_rule", "numerator or denominator 1-4"),
            sql=sql_path.read_text(encoding="utf-8"),
            point_in_time=meta.get("point_in_time", False),
            split=meta.get("split", ""),
            split_share=meta.get("split_share", False),
            population_band=meta.get("population_band", ""),
            latest_submission=meta.get("latest_submission", False),
            coverage_sql=meta.get("coverage", {}).get("sql", ""),
            coverage_note=meta.get("coverage", {}).get("note", ""),
            history_days=meta.get("history_days", 0),
        )
        if measure.unit not in UNITS:
            raise ValueError(f"{meta_path.name}: unit {measure.unit!r} is not one of {UNITS}")
        if unknown := set(measure.groupings) - set(GROUPINGS):
            raise ValueError(f"{meta_path.name}: unknown groupings {sorted(unknown)}")
        found[measure.id] = measure
    return found


def view_scripts() -> list[tuple[str, str]]:
    """The shared views, in the order they must be built: (name, SQL)."""
    return [(p.name, p.read_text(encoding="utf-8")) for p in sorted(VIEWS_DIR.glob("*.sql"))]
