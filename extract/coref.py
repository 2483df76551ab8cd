"""What a mention refers to: a named entity, or the entity a pronoun or description stands for.

This is the one place where references are resolved, by rules. An optional neural
resolver plugs in with `use_resolver`: it is asked first, and the rules answer whatever
it leaves open, so the extractors never change.

The rules, computed once per Doc in one pass over the text:
* a span that is or contains a named entity refers to that entity;
* an appositive ("Ryan Shapiro, the executive director ...") refers to the name it describes;
* a pronoun refers to the nearest compatible entity before it, preferring sentence subjects
  ("He was arrested" after "Carlineo faces ..."); resolved pronoun subjects carry the chain;
* a definite description ("the airline", "the 56-year-old") refers to the last named entity
  of its kind; with a number ("the two agencies") to that many, joined by "and";
* "I" inside a direct quote refers to the quote's speaker.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from extract.entities import canonical_name
from extract.reference_rules import (
    DEFINITE_DETERMINERS,
    DESCRIPTION_KINDS,
    FIRST_PERSON_SINGULAR,
    KIND_OF_LABEL,
    PRONOUN_KINDS,
    PRONOUN_REACH,
)

Resolver = Callable[[Span], "str | None"]
"""A resolver takes a mention and returns the canonical name it refers to, or None."""

_CACHE_KEY = "newsclaims.references"
_SUBJECT_DEPS = frozenset(("nsubj", "nsubjpass"))
_LEADING_DETERMINER = re.compile(r"^(?:the|a|an|another)\s+", re.IGNORECASE)
_number_words = {"both": 2, "two": 2, "three": 3, "four": 4, "five": 5}

_neural_resolver: Resolver | None = None


def use_resolver(resolver: Resolver | None) -> None:
    """Plug in a resolver (e.g. a neural coreference model) that is asked before the rules;
    None restores the rules alone."""
    global _neural_resolver
    _neural_resolver = resolver


def referent(span: Span) -> str | None:
    """The canonical name of the entity ``span`` is, contains or stands for, or None."""
    if _neural_resolver is not None:
        name = _neural_resolver(span)
        if name:
            return name
    return _references(span.doc).resolve(span)


def sentence_of(token: Token) -> Span:
    """The sentence of ``token``, from a per-Doc index (``Token.sent`` walks the whole Doc)."""
    references = _references(token.doc)
    return references.sentences[references.sentence_of[token.i]]


def entity_name(ent: Span) -> str:
    """The canonical name of an entity mention ("Wyden" -> "Ron Wyden"), else its words."""
    name = canonical_name(ent)
    if name:
        return name
    return _LEADING_DETERMINER.sub("", ent.text).removesuffix("'s").removesuffix("\u2019s")


@dataclass(frozen=True)
class _Mention:
    token: int  # where the mention starts
    sentence: int
    name: str
    kind: str
    is_subject: bool


def _is_subject(token: Token) -> bool:
    """A subject, or a conjunct or appositive of one ("ICE, and another body, HSI, have")."""
    while token.dep_ in ("conj", "appos") and token.head is not token:
        token = token.head
    return token.dep_ in _SUBJECT_DEPS


class _References:
    """Every reference of one Doc, resolved in one left-to-right pass."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.sentences = list(doc.sents)
        self.sentence_of = [0] * len(doc)
        for number, sent in enumerate(self.sentences):
            for i in range(sent.start, sent.end):
                self.sentence_of[i] = number
        self.entity_at: dict[int, Span] = {}
        for ent in doc.ents:
            if ent.label_ in KIND_OF_LABEL:
                for i in range(ent.start, ent.end):
                    self.entity_at[i] = ent
        self.mentions: list[_Mention] = []
        self.last_of_kind: dict[str, _Mention] = {}
        self.resolved: dict[int, str] = {}  # token index of a pronoun or description head
        self._resolve_in_order()

    def _resolve_in_order(self) -> None:
        for token in self.doc:
            ent = self.entity_at.get(token.i)
            if ent is not None and ent.start == token.i:
                self._add(token.i, entity_name(ent), KIND_OF_LABEL[ent.label_], ent.root)
            elif ent is None:
                name_and_kind = self._antecedent(token)
                if name_and_kind:
                    self.resolved[token.i] = name_and_kind[0]
                    self._add(token.i, *name_and_kind, token)

    def _add(self, i: int, name: str, kind: str, head: Token) -> None:
        mention = _Mention(i, self.sentence_of[i], name, kind, _is_subject(head))
        self.mentions.append(mention)
        self.last_of_kind[kind] = mention

    def _antecedent(self, token: Token) -> tuple[str, str] | None:
        lower = token.lower_
        if token.pos_ == "PRON" and lower in PRONOUN_KINDS:
            mention = self._nearest(token.i, PRONOUN_KINDS[lower])
            return (mention.name, mention.kind) if mention else None
        if token.pos_ in ("NOUN", "PROPN", "ADJ"):  # ADJ: "the 56-year-old"
            kind = _description_kind(token)
            if kind and self._is_definite(token):
                return self._described(token, kind)
        return None

    def _is_definite(self, head: Token) -> bool:
        return any(
            child.dep_ in ("det", "predet") and child.lower_ in DEFINITE_DETERMINERS
            for child in head.children
        )

    def _within_reach(self, i: int) -> list[_Mention]:
        """Earlier mentions no more than PRONOUN_REACH sentences back, nearest first."""
        earliest = self.sentence_of[i] - PRONOUN_REACH
        near = []
        for mention in reversed(self.mentions):
            if mention.sentence < earliest:
                break
            near.append(mention)
        return near

    def _nearest(self, i: int, kinds: tuple[str, ...]) -> _Mention | None:
        """The nearest earlier mention of a kind within reach, a subject if there is one."""
        fallback = None
        for mention in self._within_reach(i):
            if mention.kind in kinds:
                if mention.is_subject:
                    return mention
                fallback = fallback or mention
        return fallback

    def _described(self, head: Token, kind: str) -> tuple[str, str] | None:
        count = _stated_count(head)
        if count <= 1:
            last = self.last_of_kind.get(kind)
            return (last.name, kind) if last else None
        names: list[str] = []
        subjects_first = sorted(self._within_reach(head.i), key=lambda m: not m.is_subject)
        for mention in subjects_first:
            if mention.kind == kind and mention.name not in names:
                names.append(mention.name)
            if len(names) == count:
                order = {m.name: m.token for m in self.mentions}
                return " and ".join(sorted(names, key=order.get)), kind
        return None

    def resolve(self, span: Span) -> str | None:
        root = span.root
        ent = self.entity_at.get(root.i)
        if ent is not None:
            return entity_name(ent)
        if root.i in self.resolved:
            return self.resolved[root.i]
        if root.lower_ in FIRST_PERSON_SINGULAR:
            return _quote_speaker(root)
        described = self._appositive_of(root)
        if described:
            return described
        for i in range(span.start, span.end):
            if i in self.entity_at:
                return entity_name(self.entity_at[i])
        return None

    def _appositive_of(self, root: Token) -> str | None:
        """The name an appositive describes, or the name given in apposition to a phrase."""
        if root.dep_ == "appos" and root.head.i in self.entity_at:
            return entity_name(self.entity_at[root.head.i])
        for child in root.children:
            if child.dep_ == "appos" and child.i in self.entity_at:
                return entity_name(self.entity_at[child.i])
        return None


def _description_kind(head: Token) -> str | None:
    kind = DESCRIPTION_KINDS.get(head.lower_) or DESCRIPTION_KINDS.get(head.lemma_.lower())
    if kind is None and head.lower_ in ("old", "year-old") and head.i >= 2:
        # "the 56-year-old": the tokenizer splits it into "56 - year - old"
        kind = "person" if head.doc[head.i - 2].lower_ in ("year", "years") else None
    return kind


def _stated_count(head: Token) -> int:
    """How many entities a description counts: "the two agencies" 2, "the agency" 1."""
    for child in head.children:
        if child.dep_ in ("nummod", "det", "predet") and child.lower_ in _number_words:
            return _number_words[child.lower_]
    return 1


def _quote_speaker(token: Token) -> str | None:
    from extract.quotes import quotations  # quotes resolve their speakers through this module

    for quotation in quotations(token.doc):
        if quotation.start <= token.idx < quotation.end:
            return quotation.speaker_entity or quotation.speaker
    return None


def _references(doc: Doc) -> _References:
    references = doc.user_data.get(_CACHE_KEY)
    if references is None:
        references = doc.user_data[_CACHE_KEY] = _References(doc)
    return references
