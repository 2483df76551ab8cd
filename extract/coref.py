"""What a mention refers to: a named entity, or the entity a pronoun or description stands for.

This is the one place where references are resolved, by rules. An optional neural
resolver plugs in with `use_resolver`: it is asked first, and the rules answer whatever
it leaves open, so the extractors never change.

The rules, computed once per Doc in one pass over the text:
* a span that is or contains a named entity refers to that entity;
* an appositive ("Ryan Shapiro, the executive director ...") refers to the name it describes;
* a pronoun refers to the most salient compatible entity before it: the nearest, a subject
  counting one sentence nearer and a name that only modifies a noun one sentence farther
  ("He was arrested" after "Carlineo faces ..."); resolved pronoun subjects carry the chain;
  "he" and "she" skip a person the text shows to be of the other gender, "they" skips places,
  and "it" standing for a clause ("it is clear that") refers to nothing;
* a definite description ("the airline", "the 56-year-old") refers to the last named entity
  of its kind; with a number ("the two agencies") to that many, joined by "and";
* "I" inside a direct quote refers to the quote's speaker.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from typing import NamedTuple

import numpy
from spacy.attrs import DEP, ENT_TYPE, LEMMA, LOWER, POS
from spacy.parts_of_speech import IDS
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token

from extract.doc_index import article_text, children_of, tokens_of
from extract.entities import entity_of
from extract.gazetteers.name_parts import NAME_SUFFIXES
from extract.lexicon import REPORTING_VERBS
from extract.records import Entity
from extract.reference_rules import (
    AFFILIATION_KINDS,
    BODY_NOUNS,
    DEFINITE_DETERMINERS,
    DESCRIPTION_KINDS,
    EXTRAPOSING_VERBS,
    FIRST_PERSON_PLURAL,
    FIRST_PERSON_SINGULAR,
    GAZETTEER_SORTS_OF_DESCRIPTION,
    GENDER_WORDS,
    JUDGING_ADJECTIVES,
    KIND_OF_LABEL,
    PERSON_TITLE_WORDS,
    PLURAL_PRONOUNS,
    PRONOUN_GENDER,
    PRONOUN_KINDS,
    PRONOUN_REACH,
    SPEAKER_REACH,
    TITLE_OF_DESCRIPTION,
)

Resolver = Callable[[Span], "str | None"]
"""A resolver takes a mention and returns the canonical name it refers to, or None."""

_CACHE_KEY = "newsclaims.references"
_SUBJECT_DEPS = frozenset(("nsubj", "nsubjpass"))
# pronouns and descriptions ("the 56-year-old" is an ADJ): the only words _antecedent resolves
_REFERRING_POS = frozenset(("PRON", "NOUN", "PROPN", "ADJ"))
# indexed by part-of-speech id (numpy.isin would sort the whole column)
_IS_REFERRING_POS = numpy.zeros(max(IDS.values()) + 1, dtype=bool)
_IS_REFERRING_POS[[IDS[pos] for pos in _REFERRING_POS]] = True
_APPOSITIVE = get_string_id("appos")
_SUBJECT_DEP_IDS = frozenset(get_string_id(dep) for dep in _SUBJECT_DEPS)
# the words `_antecedent` resolves ("old": "the 56-year-old")
_REFERRING_WORDS = frozenset(
    get_string_id(word) for word in (*PRONOUN_KINDS, *DESCRIPTION_KINDS, "old", "year-old")
)
_FIRST_PERSON_WORDS = numpy.array(
    [get_string_id(word) for word in FIRST_PERSON_SINGULAR | FIRST_PERSON_PLURAL], dtype="uint64"
)
_LEADING_DETERMINER = re.compile(r"^(?:the|a|an|another)\s+", re.IGNORECASE)
_CLAUSE_OPENERS = frozenset("that whether if why how when what who".split())
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


def may_refer(doc: Doc) -> numpy.ndarray | None:
    """For each token, whether a span holding it may refer to an entity by the rules: it is
    part of an entity, a proper noun, an appositive, a first-person pronoun or a resolved
    pronoun or description. None when a neural resolver is plugged in: it may resolve any
    span."""
    if _neural_resolver is not None:
        return None
    references = _references(doc)
    lowers, _, parts_of_speech, deps, ent_types = references.columns
    flags = (ent_types != 0) | (parts_of_speech == IDS["PROPN"]) | (deps == _APPOSITIVE)
    flags |= numpy.isin(lowers, _FIRST_PERSON_WORDS)
    flags[list(references.resolved)] = True
    return flags


def sentences(doc: Doc) -> list[Span]:
    """The sentences of ``doc``, listed once per Doc."""
    return _references(doc).sentences


def sentence_of(token: Token) -> Span:
    """The sentence of ``token``, from a per-Doc index (``Token.sent`` walks the whole Doc)."""
    references = _references(token.doc)
    return references.sentences[references.sentence_of[token.i]]


def sentence_entities(token: Token) -> list[Span]:
    """The named entities wholly inside the sentence of ``token``, as ``Span.ents`` gives
    them, from a per-Doc index (``Span.ents`` walks every entity of the Doc)."""
    references = _references(token.doc)
    sentence = references.sentences[references.sentence_of[token.i]]
    found = []
    for ent in references.ents[bisect_left(references.ent_starts, sentence.start) :]:
        if ent.end > sentence.end:
            break
        found.append(ent)
    return found


def entity_around(token: Token) -> Span | None:
    """The named entity ``token`` is part of, if any."""
    references = _references(token.doc)
    i = bisect_right(references.ent_starts, token.i) - 1
    return references.ents[i] if i >= 0 and token.i < references.ents[i].end else None


def entity_name(ent: Span) -> str:
    """The canonical name of an entity mention ("Wyden" -> "Ron Wyden"), else its words."""
    return _name_of(ent, entity_of(ent))


def _name_of(ent: Span, entity: Entity | None) -> str:
    if entity and entity.name:
        return entity.name
    return _LEADING_DETERMINER.sub("", ent.text).removesuffix("'s").removesuffix("\u2019s")


class _Mention(NamedTuple):  # made for every name and resolved word: a tuple is made fastest
    token: int  # where the mention starts
    sentence: int
    name: str
    kind: str
    is_modifier: bool  # of another noun: "Boeing" in "Boeing jets"
    subject_of: int | None  # the verb it is the subject of

    @property
    def is_subject(self) -> bool:
        return self.subject_of is not None


@dataclass(frozen=True)
class _PluralSubject:
    end: int  # the token after the subject phrase
    sentence: int
    name: str | None  # the words, when they name someone


def _is_plural_subject(token: Token) -> bool:
    if token.dep_ not in _SUBJECT_DEPS or token.pos_ not in ("NOUN", "PROPN"):
        return False
    return token.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in children_of(token))


def _subject_of(token: Token) -> int | None:
    """The verb ``token`` is the subject of, directly or as a conjunct or appositive of the
    subject ("ICE, and another body, HSI, have")."""
    while token.dep_ in ("conj", "appos") and token.head is not token:
        token = token.head
    return token.head.i if token.dep_ in _SUBJECT_DEPS else None


def _clause_verb(token: Token) -> int | None:
    return next((t.i for t in token.ancestors if t.pos_ in ("VERB", "AUX")), None)


class _References:
    """Every reference of one Doc, resolved in one left-to-right pass."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.tokens = tokens_of(doc)
        # the word, lemma, part of speech, dependency and entity ids of every token, read once
        self.columns = doc.to_array([LOWER, LEMMA, POS, DEP, ENT_TYPE]).T
        self.sentences = list(doc.sents)
        self.sentence_of: list[int] = []  # sentences cover the Doc in order
        for number, sent in enumerate(self.sentences):
            self.sentence_of += [number] * (sent.end - sent.start)
        self.ents = doc.ents
        self.ent_starts = [ent.start for ent in self.ents]
        self.entity_at: dict[int, Span] = {}
        for ent in self.ents:
            if ent.label_ in KIND_OF_LABEL:
                for i in range(ent.start, ent.end):
                    self.entity_at[i] = ent
        self.mentions: list[_Mention] = []
        self.last_of_kind: dict[str, _Mention] = {}
        self.last_with_title: dict[str, str] = {}  # title word -> the last person named with it
        self.last_of_sort: dict[str, str] = {}  # "GPE:state" -> the last entity of that sort
        self.affiliation: dict[str, str] = {}  # person -> the organisation or place they speak for
        self.member_of: dict[str, str] = {}  # organisation -> its last affiliated person
        self.person_by_surname: dict[str, str] = {}  # "Okafor" -> "Daniel Okafor"
        self.gender_of: dict[str, str] = {}  # person -> "male" or "female", when the text says
        self.group_names: set[str] = set()  # organisations, places and groups named so far
        self.last_plural_subject: _PluralSubject | None = None
        self.resolved: dict[int, str] = {}  # token index of a pronoun or description head
        self.names: dict[int, str] = {}  # an entity's start -> its `entity_name`, made once
        self.quoted: list[tuple[int, int]] | None = None  # outermost quotation marks, on demand
        self.people_by_role = self._people_by_role()
        self._resolve_in_order()

    def _people_by_role(self) -> dict[str, list[tuple[int, str]]]:
        """The role nouns the article names people with, anywhere in it ("China's ambassador
        Liu Xiaming", "Ryan Shapiro, the executive director"), so that "the ambassador" can
        find its person even when the name comes later."""
        roles: dict[str, list[tuple[int, str]]] = {}
        for ent in self.ents:
            if ent.label_ != "PERSON":
                continue
            root = ent.root
            nouns = [t for t in self.tokens[root.left_edge.i : ent.start] if t.pos_ == "NOUN"]
            if root.dep_ in ("appos", "compound") and root.head.pos_ == "NOUN":
                nouns.append(root.head)
            nouns.extend(c for c in children_of(root) if c.dep_ == "appos" and c.pos_ == "NOUN")
            for noun in nouns:
                roles.setdefault(noun.lemma_.lower(), []).append((ent.start, self._name(ent)))
        return roles

    def _resolve_in_order(self) -> None:
        tokens = self.tokens
        name_starts = [ent.start for ent in self.ents if ent.label_ in KIND_OF_LABEL]
        for i in sorted({*self._may_refer_or_group(), *name_starts}):
            token = tokens[i]
            ent = self.entity_at.get(i)
            if ent is not None and ent.start == i:
                kind = KIND_OF_LABEL[ent.label_]
                root = self.tokens[ent.root.i]  # the Token made once, not a new one
                entity = entity_of(ent)  # for its name, title and gazetteer sort: looked up once
                name = self.names[i] = _name_of(ent, entity)
                if kind == "person":
                    title = entity.attributes.get("title") if entity else None
                    self._note_person(ent, root, name, title)
                sort = entity.attributes.get("kind") if entity else None
                if sort:
                    self.last_of_sort[f"{ent.label_}:{sort}"] = name
                self._add(i, name, kind, root)
            elif ent is None:  # a word of a referring part of speech (`_may_refer_or_group`)
                name_and_kind = self._antecedent(token)
                if name_and_kind:
                    self.resolved[i] = name_and_kind[0]
                    self._add(i, *name_and_kind, token)
            if _is_plural_subject(token):
                end, name = self._plural_phrase(token)
                self.last_plural_subject = _PluralSubject(end, self.sentence_of[i], name)

    def _may_refer_or_group(self) -> list[int]:
        """The pronouns, description and role nouns `_antecedent` may resolve, and the
        subjects that may be plural: the other words are passed over at once (a first look
        over the Doc's arrays)."""
        strings = self.doc.vocab.strings
        lowers, lemmas, parts_of_speech, deps, _ = self.columns
        referring = numpy.flatnonzero(_IS_REFERRING_POS[parts_of_speech])
        # Python sets from here: numpy.isin sorts the whole column for each test
        referring_lemmas = lemmas[referring].tolist()
        role_words = DESCRIPTION_KINDS.keys() | self.people_by_role.keys()
        role_lemmas = {
            lemma for lemma in set(referring_lemmas) if strings[lemma].lower() in role_words
        }
        words = zip(
            referring.tolist(),
            lowers[referring].tolist(),
            referring_lemmas,
            deps[referring].tolist(),
            strict=True,
        )
        return [
            i
            for i, lower, lemma, dep in words
            if lower in _REFERRING_WORDS or lemma in role_lemmas or dep in _SUBJECT_DEP_IDS
        ]

    def _plural_phrase(self, head: Token) -> tuple[int, str | None]:
        """Where a plural subject phrase ends, and its words when it names someone ("Eric
        Holcomb and leaders of the Legislature") or whom it stands for when it is a description
        ("the researchers"); None for a group without a name ("Protesters")."""
        last = max([head, *(c for c in children_of(head) if c.dep_ == "conj")], key=lambda t: t.i)
        kept = [last]  # the last member with its modifiers, without clauses that describe it
        for child in children_of(last):
            if child.i > last.i and child.dep_ not in ("relcl", "acl", "appos", "punct"):
                kept.extend(child.subtree)
        end = max(token.i for token in kept) + 1
        if last is head and head.i in self.resolved:
            return end, self.resolved[head.i]  # "The researchers": whom the description names
        start = head.left_edge.i
        named = any(i in self.entity_at or i in self.resolved for i in range(start, end))
        return end, self.doc[start:end].text if named else None  # a Span only when it is read

    def _name(self, ent: Span) -> str:
        """`entity_name` of one of the Doc's entities, worked out once."""
        name = self.names.get(ent.start)
        if name is None:
            name = self.names[ent.start] = entity_name(ent)
        return name

    def _add(self, i: int, name: str, kind: str, head: Token) -> None:
        subject_of = _subject_of(head)
        is_modifier = head.dep_ in ("compound", "amod")
        mention = _Mention(i, self.sentence_of[i], name, kind, is_modifier, subject_of)
        self.last_of_kind[kind] = mention
        if is_modifier and kind in AFFILIATION_KINDS:
            mention = self._body_named_by(mention, head.head) or mention
        self.mentions.append(mention)
        if kind in AFFILIATION_KINDS:
            self.group_names.add(name)

    def _body_named_by(self, name: _Mention, noun: Token) -> _Mention | None:
        """The subject a name modifies, as what a later pronoun stands for: "the US military
        said ... It" is the military, not the country; "Hong Kong police ... they"."""
        if noun.dep_ not in _SUBJECT_DEPS or noun.i in self.entity_at:
            return None
        if noun.lower_ not in BODY_NOUNS and _description_kind(noun) != "organisation":
            return None  # "the Hong Kong situation", "Boeing jets": not a body of people
        words = article_text(self.doc)[self.tokens[name.token].idx : noun.idx + len(noun)]
        kind = "group" if noun.tag_ == "NNS" else "organisation"
        return name._replace(name=words, kind=kind, subject_of=noun.head.i)

    def _note_person(self, ent: Span, root: Token, name: str, title: str | None) -> None:
        """Remember the title a person is named with ("Gov.") and whom they speak for."""
        words = [word for word in name.split() if word not in NAME_SUFFIXES]
        if words:
            self.person_by_surname[words[-1]] = name
        title_word = title.lower().rstrip(".") if title else None  # "gov" of "Gov."
        if title_word:
            self.last_with_title[title_word] = name
        gender = self._gender_said(root, title_word)
        if gender:
            self.gender_of[name] = gender
        if name not in self.affiliation:
            group, tagged = self._group_beside(ent, root)
            if group:
                self.affiliation[name] = group
                if not tagged:  # a team or firm the model did not tag is named all the same
                    self._add_untagged_group(ent.start, group)
        if name in self.affiliation:
            self.member_of[self.affiliation[name]] = name

    def _gender_said(self, root: Token, title_word: str | None) -> str | None:
        """The gender a person's title or a noun beside or said of the name gives ("Ms. Lopez",
        "Zoghlin, his wife", "Omar is one of the first women"), if any."""
        words = [title_word] if title_word else []
        words.extend(c.lower_ for c in children_of(root) if c.dep_ == "appos")
        if root.dep_ == "appos":
            words.append(root.head.lower_)
        if root.dep_ == "nsubj" and root.head.lemma_ == "be":  # "Omar is one of the ... women"
            for attr in children_of(root.head):
                if attr.dep_ == "attr":
                    words.append(attr.lower_)
                    words.extend(
                        p.lower_
                        for prep in children_of(attr)
                        if prep.dep_ == "prep" and prep.lower_ == "of"
                        for p in children_of(prep)
                    )
        return next((GENDER_WORDS[w] for w in words if w in GENDER_WORDS), None)

    def _add_untagged_group(self, i: int, name: str) -> None:
        """ "Emirates President Tim Clark ... the airline": the untagged organisation a person is
        named with is mentioned where the person is, as a modifier of the name."""
        self.mentions.append(_Mention(i, self.sentence_of[i], name, "organisation", True, None))
        self.last_of_kind["organisation"] = self.mentions[-1]
        self.group_names.add(name)  # as for any organisation named

    def _group_beside(self, ent: Span, root: Token) -> tuple[str | None, bool]:
        """The organisation, place or group named in front of a person or in apposition
        ("Steelers captain Cam Heyward", "China's ambassador Liu", "Doe, a Google engineer"),
        and whether the model tagged it there."""
        near: list[Token] = []
        if root.dep_ in ("appos", "compound") and root.head.pos_ == "NOUN":
            near.extend(self.tokens[root.head.left_edge.i : root.head.i])  # "China's envoy, Liu"
        near.extend(self.tokens[root.left_edge.i : ent.start])
        for child in children_of(root):
            if child.dep_ == "appos":
                near.extend(child.subtree)
        for token in near:
            other = self.entity_at.get(token.i)
            if other is not None and KIND_OF_LABEL[other.label_] in AFFILIATION_KINDS:
                return self._name(other), True
        for token in near:  # a team or firm the model did not tag: a capitalised modifier
            if _is_untagged_name(token):
                return token.text, False
        return None, True

    def _antecedent(self, token: Token) -> tuple[str, str] | None:
        lower = token.lower_
        if token.pos_ == "PRON" and lower in PRONOUN_KINDS:
            if lower == "it" and _is_extraposed_subject(token):
                return None
            mention = self._nearest(token, PRONOUN_KINDS[lower])
            plural = self.last_plural_subject
            own_clause = self._own_clause_subject(token) is not None  # "people used them"
            if lower in PLURAL_PRONOUNS and plural is not None:
                same_sentence = plural.sentence == self.sentence_of[token.i]
                recent = plural.sentence >= self.sentence_of[token.i] - 1
                recent = recent and not (own_clause and same_sentence)
                # the plural subject's rank: sentences back, a subject one sentence nearer
                plural_rank = self.sentence_of[token.i] - plural.sentence - 1
                plural_nearer = mention is None or mention.token < plural.end
                if recent and (plural_nearer or self._rank(mention, token.i) > plural_rank):
                    # "Protesters ... they": a more salient plural subject wins, named or not
                    return (plural.name, "group") if plural.name else None
            return (mention.name, mention.kind) if mention else None
        if token.pos_ in ("NOUN", "PROPN", "ADJ"):  # ADJ: "the 56-year-old"
            kind = _description_kind(token)
            role = self._person_in_role(token) if token.tag_ == "NN" else None
            if kind == "person" or role:
                member = self._member_named_by_owner(token)
                if member or (role and self._is_determined(token)):
                    return member or role, "person"
            if kind and self._is_definite(token):
                return self._described(token, kind)
        return None

    def _person_in_role(self, head: Token) -> str | None:
        """The person named with this role noun: the last one before, else the first after."""
        if head.dep_ in ("appos", "compound") or head.head.i in self.entity_at:
            return None  # the role in front of or beside the name itself
        named = self.people_by_role.get(head.lemma_.lower(), [])
        i = bisect_left(named, (head.i, ""))
        if i > 0:
            return named[i - 1][1]
        return named[i][1] if i < len(named) else None

    def _is_determined(self, head: Token) -> bool:
        """ "the ambassador", "China's ambassador": a role that points at one person."""
        return self._is_definite(head) or any(c.dep_ == "poss" for c in children_of(head))

    def _is_definite(self, head: Token) -> bool:
        return any(
            child.dep_ in ("det", "predet") and child.lower_ in DEFINITE_DETERMINERS
            for child in children_of(head)
        )

    def _member_named_by_owner(self, head: Token) -> str | None:
        """ "Salesforce's CEO": the person last named as speaking for Salesforce."""
        for child in children_of(head):
            if child.dep_ == "poss" and child.i in self.entity_at:
                return self.member_of.get(self._name(self.entity_at[child.i]))
            if child.dep_ == "poss" and _is_untagged_name(child):
                return self.member_of.get(child.text)
        return None

    def _within_reach(self, i: int, reach: int = PRONOUN_REACH) -> list[_Mention]:
        """Earlier mentions no more than ``reach`` sentences back, nearest first."""
        earliest = self.sentence_of[i] - reach
        near = []
        for mention in reversed(self.mentions):
            if mention.sentence < earliest:
                break
            near.append(mention)
        return near

    def _own_clause_subject(self, token: Token) -> int | None:
        """The verb whose subject a non-subject, non-possessive mention cannot refer to:
        "Garrett remained on top of him" (him is not Garrett), "Washington invaded the
        country" (the country is not Washington)."""
        if _subject_of(token) is not None or token.dep_ == "poss" or token.tag_ == "PRP$":
            return None
        return _clause_verb(token)

    def _nearest(self, token: Token, kinds: tuple[str, ...]) -> _Mention | None:
        """The most salient earlier mention of a kind within reach (`_rank`), the nearest of
        equals: in "Lopez met Okafor. She left" she is Lopez, in "Lopez spoke. The board thanked
        Okafor. He left" he is Okafor, and "its order of Boeing jets, it" is not Boeing. The
        speaker of "..., she said" is not someone the quotes speak of ("The governor has
        promised that," she said)."""
        excluded = self._own_clause_subject(token)
        speaker = self._is_speaker(token)
        sentence = self.sentence_of[token.i]
        gender = PRONOUN_GENDER.get(token.lower_)
        best, best_rank = None, 0
        # the quote a speaker pronoun follows takes up sentences of the reach
        for mention in self._within_reach(token.i, SPEAKER_REACH if speaker else PRONOUN_REACH):
            distance = sentence - mention.sentence
            if best is not None and distance - 1 >= best_rank:
                break  # nothing farther back can outrank it
            if speaker and self._in_quotation(self.tokens[mention.token].idx):
                continue
            if mention.kind in kinds and (excluded is None or mention.subject_of != excluded):
                if gender and self.gender_of.get(mention.name, gender) != gender:
                    continue
                rank = self._rank(mention, token.i)
                if best is None or rank < best_rank:
                    best, best_rank = mention, rank
        return best

    def _rank(self, mention: _Mention, i: int) -> int:
        """How far back a mention is from token ``i``, in sentences, for salience: a subject
        counts as one sentence nearer, the modifier of another noun one sentence farther."""
        return self.sentence_of[i] - mention.sentence - mention.is_subject + mention.is_modifier

    def _is_speaker(self, token: Token) -> bool:
        """A pronoun that is the subject of a reporting verb outside quotation marks."""
        is_subject = token.dep_ == "nsubj" and token.head.lemma_.lower() in REPORTING_VERBS
        return is_subject and not self._in_quotation(token.idx)

    def _in_quotation(self, offset: int) -> bool:
        if self.quoted is None:
            from extract.quotes import marked_spans  # the quotes' speakers are resolved here

            spans = marked_spans(article_text(self.doc))
            self.quoted = [(m.opening, m.closing) for m in spans if m.outer is None]
        i = bisect_right(self.quoted, (offset, offset)) - 1
        return i >= 0 and self.quoted[i][0] < offset < self.quoted[i][1]

    def _described(self, head: Token, kind: str) -> tuple[str, str] | None:
        titled = self.last_with_title.get(head.lower_) or self.last_with_title.get(
            TITLE_OF_DESCRIPTION.get(head.lower_, "")
        )
        if titled:
            return titled, kind
        sorts = GAZETTEER_SORTS_OF_DESCRIPTION.get(head.lower_, ())
        of_sort = [self.last_of_sort[sort] for sort in sorts if sort in self.last_of_sort]
        if of_sort and _stated_count(head) <= 1:
            return of_sort[0], kind
        count = _stated_count(head)
        if count <= 1:
            last = self.last_of_kind.get(kind)
            excluded = self._own_clause_subject(head)
            if last is not None and (excluded is None or last.subject_of != excluded):
                return last.name, kind
            return next(
                ((m.name, kind) for m in self._within_reach(head.i)[1:] if m.kind == kind),
                None,
            )
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
            return self._name(ent)
        if root.i in self.resolved:
            return self.resolved[root.i]
        if root.lower_ in FIRST_PERSON_SINGULAR:
            return _quote_speaker(root)
        if root.lower_ in FIRST_PERSON_PLURAL:
            return self._speakers_group(root)
        described = self._appositive_of(root)
        if described:
            return described
        if root.pos_ == "PROPN" and root.text in self.person_by_surname:
            return self.person_by_surname[root.text]  # a surname the model did not tag
        for i in range(span.start, span.end):
            if i in self.entity_at:
                return self._name(self.entity_at[i])
        return None

    def _speakers_group(self, token: Token) -> str | None:
        """ "we" in a quote: the group its speaker speaks for, or the speaker if a group."""
        speaker = _quote_speaker(token)
        if speaker is None:
            return None
        speaker = self.person_by_surname.get(speaker, speaker)
        if speaker in self.affiliation:
            return self.affiliation[speaker]
        return speaker if speaker in self.group_names else None

    def _appositive_of(self, root: Token) -> str | None:
        """The name an appositive describes, or the name given in apposition to a phrase."""
        if root.dep_ == "appos" and root.head.i in self.entity_at:
            return self._name(self.entity_at[root.head.i])
        for child in children_of(root):
            if child.dep_ == "appos" and child.i in self.entity_at:
                return self._name(self.entity_at[child.i])
        return None


def _is_untagged_name(token: Token) -> bool:
    """A capitalised word the model left untagged that reads as a name ("Steelers")."""
    if not token.is_title or token.text in PERSON_TITLE_WORDS:
        return False
    return token.pos_ == "PROPN" or (token.pos_ in ("ADJ", "NOUN") and not token.is_sent_start)


def _is_extraposed_subject(token: Token) -> bool:
    """ "it" standing for a clause after its verb: "it is hard to say", "it is not clear
    why", "it seems that". Not in a reported clause: "the bank said it is able to pay"."""
    verb = token.head
    if token.dep_ != "nsubj" or verb.lemma_ not in EXTRAPOSING_VERBS:
        return False
    if verb.dep_ == "ccomp" and verb.head.lemma_ in REPORTING_VERBS:
        return False
    adjectives = [c for c in children_of(verb) if c.dep_ == "acomp"]  # "is clear that"
    # an infinitive only after an adjective of judgment: "it is hard to say"
    openers = _CLAUSE_OPENERS
    if any(adjective.lemma_.lower() in JUDGING_ADJECTIVES for adjective in adjectives):
        openers = openers | {"to"}
    return any(
        clause.dep_ in ("ccomp", "xcomp", "csubj", "advcl")
        and clause.i > token.i
        and clause.left_edge.lower_ in openers
        for head in (verb, *adjectives)
        for clause in children_of(head)
    )


def _description_kind(head: Token) -> str | None:
    kind = DESCRIPTION_KINDS.get(head.lower_) or DESCRIPTION_KINDS.get(head.lemma_.lower())
    if kind is None and head.lower_ in ("old", "year-old") and head.i >= 2:
        # "the 56-year-old": the tokenizer splits it into "56 - year - old"
        kind = "person" if head.doc[head.i - 2].lower_ in ("year", "years") else None
    return kind


def _stated_count(head: Token) -> int:
    """How many entities a description counts: "the two agencies" 2, "the agency" 1."""
    for child in children_of(head):
        if child.dep_ in ("nummod", "det", "predet") and child.lower_ in _number_words:
            return _number_words[child.lower_]
    return 1


def _quote_speaker(token: Token) -> str | None:
    from extract.quotes import quotation_at  # quotes resolve their speakers through this module

    quotation = quotation_at(token.doc, token.idx)
    return (quotation.speaker_entity or quotation.speaker) if quotation else None


def _references(doc: Doc) -> _References:
    references = doc.user_data.get(_CACHE_KEY)
    if references is None:
        references = doc.user_data[_CACHE_KEY] = _References(doc)
    return references
