"""Gazetteers shipped with newsclaims: names the small statistical model misses or cuts.

Each entry has a canonical name, a spaCy label and the other names it goes by; the entity
ruler tags them in prose (all but the short ones that mean other things too) and
canonicalisation maps every one of them to the canonical name. Wire services come from the
scraper's list, so that an article's origin and its entities name an agency alike.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from importlib import resources

from scraper.data.wire_services import MIN_ALIAS_LENGTH_IN_PROSE, WIRE_SERVICES


@dataclass(frozen=True)
class GazetteerEntry:
    name: str  # canonical name
    label: str  # spaCy entity label
    aliases: tuple[str, ...] = ()  # other names canonicalisation maps to ``name``
    kind: str = ""  # what sort of entity: "state", "federal", "wire", "country", ...
    untagged: tuple[str, ...] = ()  # aliases the ruler leaves alone in prose ("PA", "CP")

    def tagged_names(self) -> tuple[str, ...]:
        """The names the entity ruler tags in prose."""
        names = dict.fromkeys((self.name, *self.aliases))
        return tuple(name for name in names if name not in self.untagged)


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
    found += [
        GazetteerEntry(name, "ORG", aliases, "wire", tuple(filter(_ambiguous_in_prose, aliases)))
        for name, aliases in WIRE_SERVICES.items()
    ]
    for row in _rows("countries.csv"):
        found.append(GazetteerEntry(row["name"], "GPE", _split(row["aliases"]), "country"))
        demonyms = _split(row["demonyms"])
        if demonyms:
            found.append(GazetteerEntry(demonyms[0], "NORP", demonyms[1:], "demonym"))
    return tuple(found)


def _ambiguous_in_prose(alias: str) -> bool:
    """Short wire aliases ("PA", "CP") name other things in prose; three capitals ("AFP") do not."""
    return len(alias) < MIN_ALIAS_LENGTH_IN_PROSE and not (len(alias) == 3 and alias.isupper())


@cache
def state_by_abbreviation() -> dict[str, str]:
    """State name by postal ("OR") or AP ("Ore.") abbreviation or by its own name."""
    table = {}
    for row in us_states():
        for key in (row["postal"], row["ap"], row["name"]):
            table[key] = row["name"]
            table[key.replace(".", "")] = row["name"]
    return table
