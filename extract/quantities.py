"""Numeric claims: counts, money, percentages, with what they count."""

from __future__ import annotations

from spacy.tokens import Doc

from extract.records import Claim


def quantity_claims(doc: Doc) -> list[Claim]:
    """Every quantity the article asserts about something."""
    return []
