"""Noun phrases as claims give them: minimal but complete, as written, with coordination split."""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy
from spacy.attrs import LIKE_NUM, LOWER, SHAPE
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token

from extract.coref import may_refer, referent
from extract.doc_index import article_text, children_of
from extract.gazetteers.name_parts import PERSON_TITLE_MODIFIERS, PERSON_TITLES
from extract.relation_rules import (
    AGE_SUFFIX,
    AMOUNT_LABELS,
    CODE_CHARACTERS,
    DEFINITE_DETERMINERS,
    INSTRUMENT_CODE,
    LIST_INTRODUCERS,
    NAMED_ENTITY_LABELS,
    NON_QUANTITY_LABELS,
)

# Dependents that describe rather than delimit a noun: cut from the phrase.
DESCRIPTIVE_DEPS = frozenset("relcl appos advcl parataxis".split())
COORDINATION_DEPS = frozenset("conj cc preconj".split())
# Dependents that are part of the name a noun phrase gives its head.
NAME_PART_DEPS = frozenset("compound poss nmod amod nummod appos".split())
TITLE_WORDS = PERSON_TITLES | PERSON_TITLE_MODIFIERS
_PHRASES_KEY = "newsclaims.phrases"
_COUNTS_KEY = "newsclaims.qualifying_counts"
POSSESSIVE_RELATIVE = "whose"
_POSSESSIVE_RELATIVE_ID = get_string_id(POSSESSIVE_RELATIVE)


@dataclass(frozen=True)
class Phrase:
    """A noun phrase as written, with the entity it names or stands for."""

    text: str
    start: int  # character offsets of its first and last word
    end: int
    entity: str | None  # canonical name, when it is, contains or stands for a named entity
    named: bool  # is, contains or stands for a named entity
    qualifies: bool  # named, or contains a number


def _is_list_introducer(token: Token) -> bool:
    """ "including X", "like X", "such as X"."""
    if token.dep_ != "prep":
        return False
    if token.lower_ in LIST_INTRODUCERS:
        return True
    return token.lower_ == "as" and any(child.lower_ == "such" for child in children_of(token))


def _cut(token: Token, on_head: bool) -> bool:
    """Whether ``token`` and its subtree are left out of a phrase (``on_head``: ``token``
    hangs on the phrase's head itself)."""
    if token.dep_ in DESCRIPTIVE_DEPS:
        return True
    if token.dep_ == "acl":  # "a study showing ..." -> "a study"; "a deal to buy ..." stays
        return not any(child.tag_ == "TO" for child in children_of(token))
    return on_head and (token.dep_ in COORDINATION_DEPS or _is_list_introducer(token))


def same_paragraph(first: Token, second: Token) -> bool:
    """No line break between two words (the parser sometimes joins paragraphs)."""
    start, end = sorted((first.idx, second.idx))
    return "\n" not in article_text(first.doc)[start:end]


def _paragraph_bounds(token: Token) -> tuple[int, int]:
    """The offsets a word's paragraph spans: a word at an offset in between (both included)
    is in the same paragraph, as `same_paragraph` tells it."""
    text = article_text(token.doc)
    line_break = text.find("\n", token.idx)
    return text.rfind("\n", 0, token.idx) + 1, len(text) if line_break < 0 else line_break


def is_instrument_code(token: Token) -> bool:
    """A market code after a name ("U.S. crude CLc1", ".DJI", "US30YT=RR"): not words."""
    if CODE_CHARACTERS.fullmatch(token.text) is None:
        return False  # a word the code would contain has none but its characters
    text = article_text(token.doc)
    start = token.idx
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    end = token.idx + len(token)
    while end < len(text) and not text[end].isspace() and text[end] not in ",;":
        end += 1
    return INSTRUMENT_CODE.fullmatch(text[start:end]) is not None


def _kept_tokens(head: Token) -> list[Token]:
    kept: list[Token] = []
    stack = [head]
    while stack:
        token = stack.pop()
        kept.append(token)
        on_head = token.i == head.i
        stack.extend(child for child in children_of(token) if not _cut(child, on_head))
    kept.sort(key=lambda token: token.i)
    paragraph_start, paragraph_end = _paragraph_bounds(head)
    kept = [
        token
        for token in kept
        if paragraph_start <= token.idx <= paragraph_end
        and not (token.is_space or is_instrument_code(token))
    ] or [head]
    kept = _drop_stranded_punctuation(kept)
    # a clause as an object starts after its subordinator ("for the league to suspend X")
    while kept and kept[0] != head and (kept[0].is_punct or kept[0].dep_ in ("cc", "mark")):
        kept.pop(0)
    while kept and kept[-1] != head and kept[-1].is_punct and kept[-1].text not in ")”\"'":
        kept.pop()
    return _drop_titles(kept, head)


def _drop_titles(tokens: list[Token], head: Token) -> list[Token]:
    """ "Sen. Ron Wyden" -> "Ron Wyden"; "Browns pass rusher Myles Garrett" -> "Myles Garrett"."""
    if head.ent_type_ == "PERSON":
        name_start = head.i
        while name_start > 0 and head.doc[name_start - 1].ent_iob_ == "I":
            name_start -= 1
        if head.doc[name_start].ent_iob_ == "I" and name_start > 0:
            name_start -= 1
        before = [token for token in tokens if token.i < name_start]
        if before and all(token.dep_ in ("compound", "amod", "punct") for token in before):
            return [token for token in tokens if token.i >= name_start]
    while len(tokens) > 1 and tokens[0] != head and _is_title(tokens[0], tokens[1]):
        tokens = tokens[1:]
    return tokens


def _is_title(word: Token, following: Token) -> bool:
    """ "Gov.", and "Republican" or "former" only when a title follows."""
    if word.text in PERSON_TITLES:
        return True
    return word.text in PERSON_TITLE_MODIFIERS and following.text in TITLE_WORDS


def _text(tokens: list[Token]) -> str:
    """The words as written; where a cut left a gap, one space."""
    parts = []
    for token, following in zip(tokens, [*tokens[1:], None], strict=True):
        parts.append(token.text)
        if following is not None:
            parts.append(token.whitespace_ if following.i == token.i + 1 else " ")
    return " ".join("".join(parts).split())


def _drop_stranded_punctuation(tokens: list[Token]) -> list[Token]:
    """Commas and dashes that bordered a cut appositive or clause ("Carlineo Jr., 55, of")."""
    kept = {token.i for token in tokens}

    def stranded(token: Token) -> bool:
        if token.text in "”\"'":
            return False
        if token.text == "(":
            return token.i + 1 not in kept
        if token.text == ")":
            return token.i - 1 not in kept
        return token.i - 1 not in kept or token.i + 1 not in kept

    return [
        token
        for position, token in enumerate(tokens)
        if position in (0, len(tokens) - 1) or not (token.is_punct and stranded(token))
    ]


def has_number(tokens: list[Token]) -> bool:
    """A numeral that counts or measures: not a date, a time or an ordinal, and not a
    numeral that refers ("the four states", "the two agencies")."""
    return any(
        (
            token.like_num
            or token.ent_type_ in AMOUNT_LABELS
            or any(map(str.isdigit, token.text))  # no generator per character
        )
        and (token.ent_type_ not in NON_QUANTITY_LABELS or _is_age(token))
        and not _refers(token)
        for token in tokens
    )


def _is_age(numeral: Token) -> bool:
    """ "a 43-year-old man": an age is a number stated about someone, though tagged a date."""
    end = numeral.idx + len(numeral)
    return AGE_SUFFIX.match(article_text(numeral.doc), end) is not None


def _refers(numeral: Token) -> bool:
    """A count of things already known ("the four states"), not a designation ("the 777
    program", a singular noun)."""
    plural = numeral.head.tag_ in ("NNS", "NNPS")
    return (
        numeral.dep_ == "nummod"
        and plural
        and any(
            child.dep_ == "det" and child.lower_ in DEFINITE_DETERMINERS
            for child in children_of(numeral.head)
        )
    )


def may_qualify(head: Token) -> bool:
    """False when no phrase within ``head``'s subtree can qualify, as nothing in it names,
    counts or refers: a look at per-Doc counts, cheaper than building the phrases."""
    counts = _qualifying_counts(head.doc)
    return counts is None or counts[head.right_edge.i + 1] > counts[head.left_edge.i]


def _qualifying_counts(doc: Doc) -> list[int] | None:
    """How many tokens before each position may make a phrase qualify (a name, a number or
    a reference: more than `Phrase.qualifies` takes), or None when any may."""
    if _COUNTS_KEY in doc.user_data:
        return doc.user_data[_COUNTS_KEY]
    refers = may_refer(doc)
    counts = None
    if refers is not None:
        like_num, shapes, lowers = doc.to_array([LIKE_NUM, SHAPE, LOWER]).T
        # each distinct shape ("dd", "Xxxxx") is looked up once, then spread over its words
        kinds, kind_of = numpy.unique(shapes, return_inverse=True)
        has_digit = numpy.array(["d" in doc.vocab.strings[kind] for kind in kinds.tolist()], bool)
        flags = refers | (like_num != 0) | has_digit[kind_of]
        # "whose sales" is its antecedent's, named outside it
        flags |= lowers == _POSSESSIVE_RELATIVE_ID
        counts = [0, *numpy.cumsum(flags).tolist()]
    doc.user_data[_COUNTS_KEY] = counts
    return counts


def phrase(head: Token) -> Phrase:
    """The minimal complete noun phrase headed by ``head``, once per head and Doc (relations,
    attributions and quantities ask for the same heads)."""
    from extract.quotes import searching_quotations  # quotes find speakers through phrases

    doc = head.doc
    if searching_quotations(doc):
        return _phrase(head, doc)  # "I" may yet resolve otherwise: not kept
    known = doc.user_data.get(_PHRASES_KEY)
    if known is None:
        known = doc.user_data[_PHRASES_KEY] = {}
    written = known.get(head.i)
    if written is None:
        written = known[head.i] = _phrase(head, doc)
    return written


def _phrase(head: Token, doc: Doc) -> Phrase:
    tokens = _kept_tokens(head)
    span = doc[tokens[0].i : tokens[-1].i + 1]
    named = any(_is_name(token) for token in tokens)
    entity = _entity_of(span, named) or _possessive_relative_entity(head)
    return Phrase(
        _text(tokens),
        tokens[0].idx,
        tokens[-1].idx + len(tokens[-1]),
        entity,
        named or entity is not None,
        named or entity is not None or has_number(tokens),
    )


def is_named_by_its_head(head: Token) -> bool:
    """Whether the phrase names an entity by its head and the words that make the head's name
    (compounds, possessors, modifiers), or stands for one; not by a complement: "the push to
    cut ICE off" is no named entity, "Boris Johnson's role" and "the airline" are."""
    stack = [head]
    while stack:
        token = stack.pop()
        if _is_name(token):
            return True
        stack.extend(child for child in children_of(token) if child.dep_ in NAME_PART_DEPS)
    if any(child.dep_ in ("acl", "prep") for child in children_of(head)):
        return False
    return phrase(head).entity is not None


def extended(written: Phrase, complement: Token) -> Phrase:
    """A phrase with the complement the parser hung on the verb ("siege" + "to a university")."""
    doc = complement.doc
    end = complement.right_edge.idx + len(complement.right_edge)
    return replace(written, text=article_text(doc)[written.start : end], end=end)


def _is_name(token: Token) -> bool:
    """Part of a named entity, or a proper noun the statistical NER left untagged."""
    if token.ent_type_:
        return token.ent_type_ in NAMED_ENTITY_LABELS
    return token.pos_ == "PROPN" and token.text[:1].isupper()


def _possessive_relative_entity(head: Token) -> str | None:
    """ "the giant, whose sales have been hit": "whose sales" is the antecedent's, and is
    claimed of its entity, written as in the text."""
    if not any(child.lower_ == POSSESSIVE_RELATIVE for child in children_of(head)):
        return None
    for ancestor in head.ancestors:
        if ancestor.dep_ == "relcl":
            return phrase(ancestor.head).entity
    return None


def _entity_of(span: Span, named: bool) -> str | None:
    name = referent(span)
    if name is None:
        return None
    if not named and span.root.pos_ not in ("PRON", "DET", "NOUN", "PROPN"):
        return None
    return name


def members(head: Token) -> list[Token]:
    """The heads a noun phrase stands for: its conjuncts, or the members of its list.

    "New York, Illinois and Minnesota" -> three heads; "states including X and Y" -> X, Y;
    "two banks – X and Y –" -> X, Y; a group expression ("Ron Wyden and 39 other lawmakers")
    stays one.
    """
    for token in _noun_phrase_tokens(head):
        if _is_list_introducer(token):
            listed = [child for child in children_of(token) if child.dep_ == "pobj"]
            if listed and _is_breakdown(token, listed[0]):
                return [head, *members(listed[0])]  # the whole holds, and so does its part
            if listed:
                return members(listed[0])
    for appositive in (child for child in children_of(head) if child.dep_ == "appos"):
        # "three carmakers (Toyota, Honda and Nissan)": the list, when it follows the phrase
        if appositive.conjuncts and _follows_phrase(appositive, head):
            return sorted([appositive, *appositive.conjuncts], key=lambda token: token.i)
    conjuncts = [head, *head.conjuncts] if head.dep_ != "conj" else [head]
    if _restates_amount(head):
        return [head]
    if len(conjuncts) > 1 and any(_is_group_tail(token) for token in conjuncts[1:]):
        return [head]
    return sorted(conjuncts, key=lambda token: token.i)


def _is_breakdown(introducer: Token, listed: Token) -> bool:
    """ "30 people, including 12 children": a count within a count is part of the whole,
    not a list of its members."""
    return all(
        any(child.dep_ == "nummod" for child in children_of(noun))
        for noun in (introducer.head, listed)
    )


def _follows_phrase(appositive: Token, head: Token) -> bool:
    """Only the head's own words and punctuation come between them (the parser may hang a
    list after a colon on a subject at the other end of the sentence)."""
    doc = head.doc
    return all(
        token.is_punct or head.is_ancestor(token)
        for token in doc[head.i + 1 : appositive.left_edge.i]
    )


def _noun_phrase_tokens(head: Token) -> list[Token]:
    """Tokens of the phrase, without descending into clauses or conjuncts."""
    found: list[Token] = []
    stack = list(children_of(head))
    while stack:
        token = stack.pop()
        if token.dep_ in DESCRIPTIVE_DEPS or token.dep_ in COORDINATION_DEPS:
            continue
        if token.pos_ in ("VERB", "AUX") and token.dep_ not in ("amod", "compound", "prep"):
            continue
        found.append(token)
        stack.extend(children_of(token))
    return found


def _restates_amount(head: Token) -> bool:
    """ "102.2 points, or 0.36%": one amount said twice."""
    restated = any(child.lower_ == "or" for child in _children_with_dep(head, "cc"))
    return restated and has_number([head, *children_of(head)])  # the cheaper test first


def _children_with_dep(token: Token, dep: str) -> list[Token]:
    return [child for child in children_of(token) if child.dep_ == dep]


def _is_group_tail(token: Token) -> bool:
    """ "39 other lawmakers", "his colleagues": a conjunct that completes a group."""
    return any(
        child.lower_ in ("other", "fellow") or (child.dep_ == "poss" and child.pos_ == "PRON")
        for child in children_of(token)
    )


def split_phrases(head: Token) -> list[Phrase]:
    """One phrase per member of a coordination or list headed by ``head``."""
    heads = members(head)
    if heads == [head] and head.dep_ != "conj" and head.conjuncts and not _restates_amount(head):
        return [_whole_coordination(head)]
    return [phrase(member) for member in heads]


def _whole_coordination(head: Token) -> Phrase:
    """A group expression kept whole, conjuncts included ("Paganini and his colleagues")."""
    last = max(head.conjuncts, key=lambda token: token.i)
    first = phrase(head)
    tail = phrase(last)
    doc = head.doc
    span = doc.char_span(first.start, tail.end, alignment_mode="expand")
    inside = range(span.start, span.end)
    tokens = [
        token
        for token in span
        if not any(a.dep_ == "appos" and a.i in inside for a in [token, *token.ancestors])
    ]
    tokens = _drop_stranded_punctuation(tokens)
    while tokens and tokens[-1].is_punct:
        tokens.pop()
    return Phrase(
        _text(tokens),
        first.start,
        tail.end,
        first.entity,
        first.named or tail.named,
        first.qualifies or tail.qualifies,
    )
