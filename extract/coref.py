"""What a mention refers to: a named entity, or the entity a pronoun or description stands for.

This is the one place where references are resolved, by rules; an optional neural
resolver can replace `referent` without touching the extractors.
"""

from __future__ import annotations

from spacy.tokens import Span


def referent(span: Span) -> str | None:
    """The canonical name of the entity ``span`` is, contains or stands for, or None."""
    for ent in span.doc.ents:
        if ent.start >= span.start and ent.end <= span.end:
            return ent.text
    return None
