"""Planted data-quality problems: the mistakes real extracts carry, counted.

Each problem is applied to a whole row (one problem at most per row) and
counted, so an import test can check that every one is caught: the rejecting
ones by their rule, the spelling ones by the R1-to-R2 translation counts.
"""

from __future__ import annotations

from collections import Counter
from random import Random

from carelens.ingest.columns import COLUMNS
from carelens.ingest.lists import LISTS
from carelens.ingest.matching import value_key

INDEX = {column.alias: i for i, column in enumerate(COLUMNS)}

# What the import must do with each planted problem (cld.md rule codes).
EXPECTED = {
    "blank_mandatory": "rejected: CLD010 (Event Start Date blank)",
    "bad_date": "rejected: CLD030 (Event Start Date is not a real date)",
    "end_before_start": "rejected: CLD031 (Event End Date before Event Start Date)",
    "duplicate": "rejected: CLD070 (the second copy of a row)",
    "r1_spelling": "accepted: stored in R2 spelling, counted in translated_to_r2",
    "mixed_case": "accepted: Gender stored in its listed spelling",
}
KINDS = tuple(EXPECTED)


def _r1_spellings() -> dict[str, dict[str, list[str]]]:
    """alias -> R2 value -> other accepted spellings (not mere case or spacing changes)."""
    table: dict[str, dict[str, list[str]]] = {}
    for alias, defined in LISTS.items():
        for other, r2 in defined.accepted.items():
            if value_key(other) != value_key(r2):
                table.setdefault(alias, {}).setdefault(r2, []).append(other)
    return table


R1 = _r1_spellings()


class Spoiler:
    def __init__(self, rate: float, rng: Random):
        self.rate = rate
        self.rng = rng
        self.counts: Counter[str] = Counter()
        self.translated: Counter[str] = Counter()  # alias -> rows given an R1 spelling

    def apply(self, row: list[str]) -> list[list[str]]:
        """The rows to write for `row`: itself (maybe spoiled), or itself twice."""
        if not self.rate or self.rng.random() >= self.rate:
            return [row]
        kind = KINDS[self.rng.randrange(len(KINDS))]
        start, end = INDEX["Event_Start_Date"], INDEX["Event_End_Date"]
        if kind == "duplicate":
            self.counts[kind] += 1
            return [row, list(row)]
        if kind == "blank_mandatory":
            row[start] = ""
        elif kind == "bad_date":
            row[start] = "31/02/" + row[start][-4:]
        elif kind == "end_before_start":
            if not row[end] or row[end] == row[start]:
                return [row]
            row[start], row[end] = row[end], row[start]
        elif kind == "mixed_case":
            row[INDEX["Gender"]] = row[INDEX["Gender"]].upper()
        elif kind == "r1_spelling":
            choices = [
                (alias, spellings[row[INDEX[alias]]])
                for alias, spellings in R1.items()
                if row[INDEX[alias]] in spellings
            ]
            if not choices:
                return [row]
            alias, spellings = choices[self.rng.randrange(len(choices))]
            row[INDEX[alias]] = spellings[self.rng.randrange(len(spellings))]
            self.translated[alias] += 1
        self.counts[kind] += 1
        return [row]
