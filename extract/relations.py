"""Relation claims (subject, predicate, object) from the dependency parse."""

from __future__ import annotations

from spacy.tokens import Doc

from extract.records import Claim


def relation_claims(doc: Doc) -> list[Claim]:
    """Every relation claim in the article."""
    return []
