"""The wire service or original publisher behind a republished story."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from scraper.data.wire_services import (
    BYLINE,
    BYLINE_AGENCY,
    BYLINE_CAPITALS,
    CONTRIBUTED,
    COPYRIGHT,
    DATE_TAIL,
    DATELINE,
    MIN_ALIAS_LENGTH_IN_PROSE,
    ORIGINALLY,
    PICTURE_CREDIT,
    REUTERS,
    REUTERS_CREDIT,
    SIGN_OFF,
    SOURCE_LINE,
    STAFF_TITLE,
    WIRE_SERVICES,
)

_ALIASES = {
    alias.casefold(): canonical for canonical, aliases in WIRE_SERVICES.items() for alias in aliases
}
# Longest first, so "Thomson Reuters" wins over "Reuters" when a holder starts with it.
_PREFIX_ALIASES = sorted(
    (alias for alias in _ALIASES if len(alias) >= MIN_ALIAS_LENGTH_IN_PROSE), key=len, reverse=True
)


def wire_service(name: str) -> str | None:
    """The canonical wire-service name for a name as written ("AP", "Thomson/Reuters")."""
    key = re.sub(r"\s+", " ", name.strip(" .\u00a0")).casefold()
    if key in _ALIASES:
        return _ALIASES[key]
    # "Bloomberg L.P" or "Reuters Staff" as cut by the line patterns.
    for alias in _PREFIX_ALIASES:
        if key.startswith(alias + " ") or key.startswith("the " + alias + " "):
            return _ALIASES[alias]
    return None


def without_agency(name: str) -> str:
    """A byline's name without the agency written after it, as AP does ("JANE DOE
    Associated Press" -> "JANE DOE"); a one-word rest is kept whole ("Michael Bloomberg")."""
    key = name.casefold()
    for alias in _PREFIX_ALIASES:
        if key.endswith(" " + alias):
            rest = name[: -len(alias)].strip(" ,|")
            return rest if len(rest.split()) >= 2 else name
    return name


def _bare_name(line: str) -> str | None:
    """The service a line names and nothing else ("AP", but not "AP News Staff Desk")."""
    return _ALIASES.get(" ".join(line.strip(" .").split()).casefold())


def _from_dateline(line: str) -> str | None:
    match = DATELINE.match(line)
    return wire_service(match["name"]) if match else None


def _from_byline(line: str) -> str | None:
    line = DATE_TAIL.sub("", line)
    for pattern in (BYLINE, BYLINE_CAPITALS, BYLINE_AGENCY):
        match = pattern.match(line)
        if match:
            found = wire_service(match["name"]) or _from_staff_title(match["name"])
            if found:
                return found
    return None


def _from_staff_title(line: str) -> str | None:
    match = STAFF_TITLE.match(line.strip())
    if not match:
        return None
    # The word before the title is the agency's ("Associated Press Writer") or a beat's
    # ("AP Auto Writer").
    named = f"{match['name']} {match['beat']}" if match["beat"] else None
    return (named and wire_service(named)) or wire_service(match["name"])


def _from_sign_off(line: str) -> str | None:
    match = SIGN_OFF.match(line)
    return wire_service(match["name"]) if match else source_line_service(line)


def source_line_service(line: str) -> str | None:
    """The wire service a source line credits ("From Reuters | January 17, 2026",
    "Source: AP"), or None when ``line`` is not one."""
    match = SOURCE_LINE.match(" ".join(line.split()))
    return wire_service(match["name"]) if match else None


def _from_credit(line: str) -> str | None:
    if REUTERS_CREDIT.match(line):
        return REUTERS
    match = CONTRIBUTED.match(line)
    return wire_service(match["name"]) if match else None


def _from_copyright(line: str) -> str | None:
    if PICTURE_CREDIT.search(line):
        return None
    for match in COPYRIGHT.finditer(line):
        found = wire_service(match["name"])
        if found:
            return found
    return None


def _from_original_publisher(line: str) -> str | None:
    match = ORIGINALLY.search(line)
    if not match:
        return None
    name = (match["name"] or match["name2"]).strip()
    # An unknown original publisher is still the origin, named as the story names it.
    return wire_service(name) or name


_FINDERS: tuple[Callable[[str], str | None], ...] = (
    _from_dateline,
    _from_byline,
    _from_credit,
    _from_staff_title,
    _from_sign_off,
    _from_copyright,
    _from_original_publisher,
)


def _same_source(origin: str, publisher: str) -> bool:
    publisher_key = publisher.strip().casefold()
    return (
        wire_service(publisher) == origin
        or publisher_key == origin.casefold()
        or publisher_key.startswith(origin.casefold())
    )


def detect_origin(
    lines: Iterable[str], publisher: str | None = None, credits: Iterable[str] = ()
) -> str | None:
    """The wire service or original publisher named by bylines, datelines, credit or
    copyright lines ("(Reuters) -", "Copyright 2025 The Associated Press"), or None
    when the story is the publisher's own. ``credits`` are the texts of the page's byline
    and credit elements, read first: there a bare "Associated Press" is the credit, where
    in the body it is more often a picture's."""
    readings = (
        *((line, (_bare_name, *_FINDERS)) for line in credits),
        *((line, _FINDERS) for line in lines),
    )
    for line, finders in readings:
        line = line.strip()
        if not line:
            continue
        for finder in finders:
            origin = finder(line)
            if origin:
                if publisher and _same_source(origin, publisher):
                    return None
                return origin
    return None
