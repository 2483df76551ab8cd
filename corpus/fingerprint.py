"""Fingerprints of article texts: the exact text, and the story it tells.

Sites that run the same wire story add or drop closing credit lines ("(Reporting by ...;
Editing by ...)", "Copyright 2026 The Associated Press"); the story hash ignores them, so
such a copy is recognised as the story already stored.
"""

from __future__ import annotations

import hashlib
import re

from scraper.data.wire_services import CONTRIBUTED, REUTERS_CREDIT

# A closing line longer than this is prose, kept.
CLOSING_LINE_WORDS = 25
# A rights line: "© 2026 Valley Post", "Copyright 2026 Reuters", "... All rights reserved."
# The word alone is not enough: "Copyright law was rewritten" is prose.
RIGHTS_LINE = re.compile(
    r"^(?:\u00a9|\u24d2|\(c\)\s*\d{4}|copyright\s*(?:\u00a9|\(c\)|\d{4}))"
    r"|\ball\s+rights\s+reserved\b",
    re.IGNORECASE,
)


def content_hash(text: str) -> str:
    """The article text's fingerprint, blind to differences in whitespace."""
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()


def closing_credit(line: str) -> bool:
    """Whether a line is a credit or copyright line a site may add to a story's end."""
    if len(line.split()) > CLOSING_LINE_WORDS:
        return False
    return bool(REUTERS_CREDIT.match(line) or CONTRIBUTED.match(line) or RIGHTS_LINE.search(line))


def story_hash(text: str) -> str:
    """The fingerprint of the story: the text's, without the credit lines at its end."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    while len(lines) > 1 and closing_credit(lines[-1]):
        lines.pop()
    return content_hash("\n".join(lines))
