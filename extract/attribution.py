"""Who asserts a clause: the speaker and cue of reported speech and direct quotes."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from spacy.tokens import Token

from extract.doc_index import children_of
from extract.lexicon import MODAL_AUXILIARIES, REPORTING_VERBS
from extract.phrases import phrase

# How a clause hangs under a reporting verb when the verb reports it: as its clausal
# complement ("said that ..."), or inside its object ("claimed responsibility for
# shooting down ...", "accused the UK of meddling"); not as its means ("responded by ...").
REPORTED_DEPS = frozenset("ccomp xcomp dobj prep".split())
# Clauses that describe an entity: background the writer adds, in the article's own voice.
DESCRIPTIVE_CLAUSE_DEPS = frozenset("relcl acl appos".split())


@dataclass(frozen=True)
class Attribution:
    """The source of a claim as the article gives it."""

    speaker: str  # words as written, e.g. "the letter", "he"
    speaker_entity: str | None  # canonical name it resolves to, e.g. "Ryan Shapiro"
    cue: str  # lemma of the reporting verb, e.g. "say", or "according to"


class QuotedPassage(Protocol):
    """A direct quote's character range and its attribution (see extract.quotes)."""

    start: int
    end: int
    speaker: str | None
    speaker_entity: str | None
    cue: str | None


def is_reporting_verb(token: Token) -> bool:
    """A verb of saying or thinking whose subject is a speaker."""
    return token.pos_ == "VERB" and token.lemma_.lower() in REPORTING_VERBS


def speaker_of_reporting_verb(verb: Token) -> Attribution | None:
    """The speaker of a reporting verb ("the letter said", "he told reporters")."""
    if verb.lemma_.lower() not in REPORTING_VERBS:
        return None
    source = reporting_source(verb)
    if source is None:
        return None
    written = phrase(source)
    return Attribution(written.text, written.entity, verb.lemma_.lower())


def reporting_source(verb: Token) -> Token | None:
    """Who speaks through ``verb``: its subject; the agent of a passive ("X was accused by
    Y"); for a participle or conjoined verb without one, its head's ("Richardson weighed in,
    saying that ...")."""
    passive = any(child.dep_ in ("auxpass", "nsubjpass") for child in children_of(verb))
    for child in children_of(verb):
        if child.dep_ == "agent":
            return next((g for g in children_of(child) if g.dep_ == "pobj"), None)
        if child.dep_ == "nsubj" and not passive and child.pos_ != "DET":
            return child
    if (
        not passive
        and verb.dep_ in ("advcl", "conj", "xcomp")
        and verb.head.pos_ in ("VERB", "AUX")
    ):
        if verb.dep_ == "xcomp":  # "losses led the bank to announce": the bank announces
            controller = next((c for c in children_of(verb.head) if c.dep_ == "dobj"), None)
            if controller is not None:
                return controller
        return reporting_source(verb.head)
    return None


def according_to(token: Token) -> Attribution | None:
    """ "according to X" attached to ``token``."""
    for child in children_of(token):
        if child.lower_ != "according":
            continue
        for prep in (child, *children_of(child)):
            for obj in children_of(prep):
                if obj.dep_ == "pobj":
                    source = phrase(obj)
                    return Attribution(source.text, source.entity, "according to")
    return None


def _parenthetical_reporter(token: Token) -> Attribution | None:
    """ "ICE has access, the letter said, and ...": a reporting verb set into the clause."""
    for child in children_of(token):
        if (
            child.dep_ in ("parataxis", "advcl")
            and is_reporting_verb(child)
            and not any(grandchild.dep_ == "ccomp" for grandchild in children_of(child))
        ):
            attribution = speaker_of_reporting_verb(child)
            if attribution:
                return attribution
    return None


def is_hypothetical(verb: Token) -> bool:
    """A clause with a modal: the source's hypothesis, not background ("which could be ...")."""
    return any(
        child.dep_ == "aux" and child.lemma_.lower() in MODAL_AUXILIARIES
        for child in children_of(verb)
    )


def quote_around(token: Token, quotes: Sequence[QuotedPassage]) -> QuotedPassage | None:
    """The innermost direct quote that contains ``token``, if any (quotes are in text order,
    so a quote inside a quote comes after the one around it)."""
    for quote in reversed(quotes):
        if quote.start <= token.idx < quote.end:
            return quote
    return None


def attribution_of(token: Token, quotes: Sequence[QuotedPassage] = ()) -> Attribution | None:
    """Who asserts the clause of ``token`` (usually its verb), or None for the article's voice.

    Inside a direct quote: the quote's speaker. Under a reporting verb's complement: that
    verb's speaker. With "according to X": X. Relative clauses and appositives that describe
    an entity are the writer's background and have no speaker, unless they are hypotheses.
    """
    quote = quote_around(token, quotes)
    if quote is not None and quote.speaker:
        return Attribution(quote.speaker, quote.speaker_entity, quote.cue or "")
    child = token
    while True:
        attribution = according_to(child) or _parenthetical_reporter(child)
        if attribution:
            return attribution
        parent = child.head
        if parent == child:
            return None
        if child.dep_ in DESCRIPTIVE_CLAUSE_DEPS and not is_hypothetical(child):
            return None
        if child.dep_ in REPORTED_DEPS and child.lower_ != "by" and is_reporting_verb(parent):
            attribution = speaker_of_reporting_verb(parent)
            if attribution:
                return attribution
        child = parent
