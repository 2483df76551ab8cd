"""Gazetteers shipped with newsclaims: names the small statistical model misses or cuts.

Each entry has a canonical name, a spaCy label and the other names it goes by; the entity
ruler tags every one of them and canonicalisation maps them to the canonical name.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from importlib import resources


@dataclass(frozen=True)
class GazetteerEntry:
    name: str  # canonical name
    label: str  # spaCy entity label
    aliases: tuple[str, ...] = ()  # other names the ruler tags and canonicalisation maps
    kind: str = ""  # what sort of entity: "state", "federal", "wire", "country", ...


def _rows(filename: str) -> list[dict[str, str]]:
    with resources.files(__package__).joinpath(filename).open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def _split(cell: str) -> tuple[str, ...]:
    return tuple(part for part in cell.split("|") if part)


@cache
def us_states() -> list[dict[str, str]]:
    """US states, D.C. and territories with their postal and AP abbreviations."""
    return _rows("us_states.csv")


@cache
def entries() -> tuple[GazetteerEntry, ...]:
    """Every gazetteer entry: states, agencies, news organisations, countries and demonyms."""
    found = [GazetteerEntry(row["name"], "GPE", (), row["kind"]) for row in us_states()]
    found += [
        GazetteerEntry(
            row["name"], "ORG", _split(row["acronyms"]) + _split(row["aliases"]), row["level"]
        )
        for row in _rows("agencies.csv")
    ]
    found += [
        GazetteerEntry(row["name"], "ORG", _split(row["aliases"]), row["kind"])
        for row in _rows("news_organizations.csv")
    ]
    for row in _rows("countries.csv"):
        found.append(GazetteerEntry(row["name"], "GPE", _split(row["aliases"]), "country"))
        demonyms = _split(row["demonyms"])
        if demonyms:
            found.append(GazetteerEntry(demonyms[0], "NORP", demonyms[1:], "demonym"))
    return tuple(found)


@cache
def state_by_abbreviation() -> dict[str, str]:
    """State name by postal ("OR") or AP ("Ore.") abbreviation or by its own name."""
    table = {}
    for row in us_states():
        for key in (row["postal"], row["ap"], row["name"]):
            table[key] = row["name"]
            table[key.replace(".", "")] = row["name"]
    return table
