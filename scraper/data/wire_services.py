"""Wire services and syndicators, the names they go by, and the lines that credit them.

Each canonical name maps to the spellings found in bylines, datelines, credit and copyright
lines. Short aliases ("AP", "PA") are only trusted where the line's shape says a source is
being named (a dateline's parentheses, a byline's tail, a copyright line), never in prose.
"""

from __future__ import annotations

import re

WIRE_SERVICES: dict[str, tuple[str, ...]] = {
    "Reuters": ("Reuters", "Thomson Reuters", "Thomson/Reuters", "Reuters News"),
    "Associated Press": ("Associated Press", "The Associated Press", "AP", "AP News"),
    "Agence France-Presse": (
        "Agence France-Presse",
        "Agence France Presse",
        "AFP",
        "AFP News",
        "AFP Relaxnews",
    ),
    "Bloomberg": ("Bloomberg", "Bloomberg News", "Bloomberg L.P.", "Bloomberg LP"),
    "dpa": ("dpa", "Deutsche Presse-Agentur", "dpa-AFX"),
    "United Press International": ("United Press International", "UPI"),
    "Xinhua": ("Xinhua", "Xinhua News Agency"),
    "Kyodo News": ("Kyodo", "Kyodo News"),
    "Yonhap": ("Yonhap", "Yonhap News Agency"),
    "ANSA": ("ANSA",),
    "EFE": ("EFE", "Agencia EFE"),
    "Europa Press": ("Europa Press",),
    "PA Media": ("PA Media", "Press Association", "PA"),
    "The Canadian Press": ("The Canadian Press", "Canadian Press", "CP"),
    "Australian Associated Press": ("Australian Associated Press", "AAP"),
    "Press Trust of India": ("Press Trust of India", "PTI"),
    "Indo-Asian News Service": ("Indo-Asian News Service", "IANS"),
    "Anadolu Agency": ("Anadolu Agency", "Anadolu"),
    "TASS": ("TASS",),
    "Interfax": ("Interfax",),
    "CNN": ("CNN", "CNN Wire"),
    "Tribune News Service": ("Tribune News Service", "Tribune Content Agency"),
    "The New York Times": ("The New York Times", "New York Times", "New York Times News Service"),
    "The Washington Post": ("The Washington Post", "Washington Post"),
    "The Conversation": ("The Conversation",),
    "KFF Health News": ("KFF Health News", "Kaiser Health News"),
    "States Newsroom": ("States Newsroom",),
    "CalMatters": ("CalMatters",),
    "ProPublica": ("ProPublica",),
}

# Long enough to be trusted when they appear inside a credit or copyright line.
MIN_ALIAS_LENGTH_IN_PROSE = 4

# "WASHINGTON (Reuters) -", "(AP) —", "PARIS, June 3 (AFP) -": a source in parentheses
# at the head of the story, followed by a dash or colon.
DATELINE = re.compile(r"^[^()]{0,60}?\((?P<name>[^()]{2,40})\)\s*[-\u2013\u2014:]")

# "By Jane Doe, Associated Press", "By Jane Doe | Reuters", "By Jane Doe of Bloomberg".
BYLINE = re.compile(
    r"^by\s+[^,|]+?(?:\s*[,|/]\s*|\s+(?:of|for)\s+)(?P<name>[^,|]+?)\.?\s*$",
    re.IGNORECASE,
)

# AP's house style: the writers' names in capitals, then the agency ("By JANE DOE and
# JOHN ROE Associated Press").
BYLINE_CAPITALS = re.compile(
    r"^[Bb]y\s+[A-Z][A-Z.'\u2019-]+(?:\s+(?:[A-Z][A-Z.'\u2019-]+|and))+\s+"
    r"(?P<name>[A-Z][\w.-]*[a-z][\w.-]*(?:\s+[\w.-]+){0,3})\.?\s*$"
)

# A date or time closing a byline or source line: "By Jane Doe, AP | April 9, 2026".
DATE_TAIL = re.compile(r"(?:\s*[|\u2022\u00b7]\s*[^|\u2022\u00b7]*\d[^|\u2022\u00b7]*)+$")

# "By Reuters", "By Associated Press Staff": the agency as the author.
BYLINE_AGENCY = re.compile(r"^by\s+(?P<name>.+?)\s*$", re.IGNORECASE)

# A story signed off by its agency on a line of its own ("— AFP", "(Reuters)"). A bare
# name on a line of the body is more often a picture credit, so a dash or bracket is required.
SIGN_OFF = re.compile(r"^(?:[-\u2013\u2014]\s*|\()(?P<name>[^()\d]{2,40}?)\s*\)?\.?$")

# A source line: a label, the source, and maybe a date or time after a separator
# ("Source: Reuters", "Quelle: dpa", "From Reuters | January 17, 2026", "Via AP, 5:02 p.m.").
# The tail must start as a date or time does, so "From Reuters, the agency said 3..." is prose.
SOURCE_LINE = re.compile(
    r"^(?:sources?|quelle|fuente|fonte|from|via|courtesy(?:\s+of)?"
    r"|(?:distributed|provided|syndicated)\s+by)(?:\s*:\s*|\s+)"
    r"(?P<name>[^|\u2022\u00b7,;:()\d]{2,40}?)\s*\.?"
    r"(?:\s*[|\u2022\u00b7,;\u2013\u2014-]\s*(?:(?:updated|published|posted)\s*:?\s*)?"
    r"(?=\d|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun)"
    r"[a-z]*\.?,?\s+\d)[^|]{1,40}(?:\|[^|]{1,40})?)?$",
    re.IGNORECASE,
)

# "© 2025 The Associated Press. All rights reserved.", "Copyright 2025 Thomson Reuters",
# "(c) AFP 2024": the holder runs to the first full stop, comma or rights clause.
COPYRIGHT = re.compile(
    r"(?:\u00a9|\u24d2|\(c\)|copyright)(?:\s*(?:\u00a9|\(c\)))?\s*(?:\d{4}(?:\s*[-\u2013]\s*\d{4})?\s*)?"
    r"(?P<name>[^.,;|]+?)\s*(?:\d{4}\s*)?(?:[.,;|]|all rights reserved|$)",
    re.IGNORECASE,
)

# Rights lines of pictures, not of the story: "© REUTERS / POOL", "(c) AP Photo/Jane Doe".
PICTURE_CREDIT = re.compile(
    r"\s/\s|\b(?:photos?|pool|file|getty|images?|pictures?)\b", re.IGNORECASE
)

# Reuters closes its stories with "Reporting by ...; Editing by ..." (often in parentheses).
REUTERS_CREDIT = re.compile(
    r"^\(?\s*(?:additional\s+)?reporting\s+by\s+.+?;\s*(?:writing|editing)\s+by\s+",
    re.IGNORECASE,
)
REUTERS = "Reuters"

# "Associated Press writer Jane Doe contributed to this report."
CONTRIBUTED = re.compile(
    r"^(?P<name>.+?)\s+(?:writers?|reporters?|correspondents?)\s+.+?\s+contributed\b",
    re.IGNORECASE,
)

# An agency's staff title standing for the credit: "AP Auto Writer", "Reuters Correspondent".
STAFF_TITLE = re.compile(
    r"^(?P<name>.+?)(?:\s+(?P<beat>\w+))?\s+(?:writer|reporter|correspondent|staff)s?\.?$",
    re.IGNORECASE,
)

# "This story was originally published by CalMatters." names any original publisher.
ORIGINALLY = re.compile(
    r"\b(?:originally|first)\s+(?:published|appeared|ran)\s+(?:by|in|on|at)\s+"
    r"(?:the\s+website\s+of\s+)?(?P<name>[^\W\d][^.,;:()\d]{1,59}?)\s*(?:[.,;:(]|$)"
    r"|\b(?:republished|reprinted)\s+(?:with\s+permission\s+)?from\s+"
    r"(?P<name2>[^\W\d][^.,;:()\d]{1,59}?)\s*(?:[.,;:(]|$)",
    re.IGNORECASE,
)
