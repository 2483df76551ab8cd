"""Who asserts a clause: the speaker and cue of reported speech and direct quotes."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from extract.coref import referent
from extract.lexicon import REPORTING_VERBS


@dataclass(frozen=True)
class Attribution:
    """The source of a claim as the article gives it."""

    speaker: str  # words as written, e.g. "the letter", "he"
    speaker_entity: str | None  # canonical name it resolves to, e.g. "Ryan Shapiro"
    cue: str  # lemma of the reporting verb, e.g. "say", or "according to"


def speaker_of_reporting_verb(verb: Token) -> Attribution | None:
    """The speaker of a reporting verb ("the letter said", "he told reporters")."""
    if verb.lemma_ not in REPORTING_VERBS:
        return None
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            words = verb.doc[child.left_edge.i : child.right_edge.i + 1]
            return Attribution(words.text, referent(words), verb.lemma_)
    return None
