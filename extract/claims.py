"""All claims of an article, of every kind."""

from __future__ import annotations

from spacy.tokens import Doc

from extract.quantities import quantity_claims
from extract.quotes import quote_claims
from extract.records import Claim
from extract.relations import relation_claims


def article_claims(doc: Doc) -> list[Claim]:
    """Relations, quotes and quantities of a parsed article, in text order."""
    claims = relation_claims(doc) + quote_claims(doc) + quantity_claims(doc)
    return sorted(claims, key=lambda claim: (claim.start, claim.kind))
