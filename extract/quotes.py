"""Direct quotes and who said them.

A quote is the text between a pair of quotation marks, three words or more, that is not a
name or title. Its speaker comes, in this order, from:
1. the reporting verb that introduces it ("Doe said: '...'", "said, '...'");
2. the reporting verb it depends on or that shares its sentence ("'...,' the letters said");
3. the quote it continues: the paragraph before, when a quote left open at a paragraph's end
   reopens the next one, or the earlier quote of the same paragraph ("'...,' he said. '...'");
4. a sentence ending in a colon right before it;
5. another quote that holds the same words (a pull quote repeats words said elsewhere).
Pronoun speakers are resolved through extract.coref ("he said" -> the name).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from extract.attribution import (
    Attribution,
    according_to,
    reporting_source,
    speaker_of_reporting_verb,
)
from extract.coref import referent, sentence_of
from extract.doc_index import article_text, tokens_of
from extract.lexicon import REPORTING_VERBS
from extract.phrases import same_paragraph
from extract.quote_rules import (
    BEFORE_A_WORD,
    CLOSING_MARKS,
    CLOSING_PUNCTUATION,
    ELIDED_WORDS,
    MAX_NAME_WORDS,
    MIN_QUOTE_WORDS,
    NAMING_WORDS,
    NAMING_WORDS_RIGHT_BEFORE,
    OPENING_MARKS,
    POSSESSIVE_ENDINGS,
    QUOTE_CUE_VERBS,
    SINGLE_CLOSING_MARKS,
    SINGLE_OPENING_MARKS,
    SPEAKER_LABELS,
    STRAIGHT_MARKS,
    STRAIGHT_SINGLE_MARKS,
    TITLE_SMALL_WORDS,
)
from extract.records import Claim

_CACHE_KEY = "newsclaims.quotations"
_SEARCHING_KEY = "newsclaims.quotations.searching"
_CUE_VERBS = REPORTING_VERBS | QUOTE_CUE_VERBS
_RELATIVE_PRONOUNS = frozenset(("who", "which", "that"))
_SINGLE_MARKS = SINGLE_OPENING_MARKS | SINGLE_CLOSING_MARKS | STRAIGHT_SINGLE_MARKS
_SINGLE_OPENING = SINGLE_OPENING_MARKS | STRAIGHT_SINGLE_MARKS
_ALL_OPENING = OPENING_MARKS | STRAIGHT_MARKS | _SINGLE_OPENING


def _any_of(characters: frozenset[str]) -> str:
    """A regular expression matching any one of ``characters``."""
    return "[" + re.escape("".join(sorted(characters))) + "]"


_MARK = re.compile(_any_of(OPENING_MARKS | CLOSING_MARKS | STRAIGHT_MARKS | _SINGLE_MARKS))
_SINGLE_CLOSING = re.compile(_any_of(SINGLE_CLOSING_MARKS | STRAIGHT_SINGLE_MARKS))
_ELISION = re.compile(r"\d\ds?\b|[a-z]+\b", re.IGNORECASE)
_SIGNATURE = re.compile(r"\s*[\u2013\u2014-]+\s*([^,\n]+?)\s*(?:,|$)")  # "' – Name, role"
_PARAGRAPH = re.compile(r"[^\n]*\S[^\n]*")


@dataclass(frozen=True)
class Quotation:
    """A direct quote: the quoted words (offsets without the marks) and who said them."""

    text: str
    start: int
    end: int
    speaker: str | None
    speaker_entity: str | None
    cue: str | None
    sentence_start: int  # start of the first sentence the quote is in
    sentence_end: int  # end of the last one
    sentence: str  # the text from sentence_start to sentence_end


@dataclass(frozen=True)
class _Marked:
    """The text between a pair of marks, or from an opening mark to the paragraph's end."""

    opening: int  # offset of the opening mark
    closing: int  # offset of the closing mark, or the paragraph's end
    continues: bool  # it reopens a quote left open at the end of the paragraph before
    outer: int | None = None  # the opening mark of the quote this one is inside


_Found = tuple[list[Quotation], list[tuple[int, int]], list[int], list[int]]
"""Quotes in text order, names in quotation marks, the quotes' start offsets, and for each
quote the index of the quote it is inside (-1 for none)."""


def quotations(doc: Doc) -> list[Quotation]:
    """Every direct quote of the article in text order, computed once per Doc."""
    return _quotations_and_names(doc)[0]


def quotation_at(doc: Doc, offset: int) -> Quotation | None:
    """The innermost direct quote whose words include character ``offset``, if any."""
    found, _, starts, outer = _quotations_and_names(doc)
    i = bisect_right(starts, offset) - 1
    while i >= 0 and offset >= found[i].end:
        i = outer[i]  # past the end of a quote inside a quote: still in the one around it
    return found[i] if i >= 0 else None


def names_in_quotation_marks(doc: Doc) -> list[tuple[int, int]]:
    """Offsets of the quotation marks around names and titles ("the 'one country, two
    systems' formula"): what they hold is a name, not words anyone said."""
    return _quotations_and_names(doc)[1]


def searching_quotations(doc: Doc) -> bool:
    """Whether the quotes of the Doc are being found now: what "I" and "we" stand for is
    then only provisional."""
    return _SEARCHING_KEY in doc.user_data


def _quotations_and_names(doc: Doc) -> _Found:
    """Quotes, names in quotation marks and the quotes' start offsets, once per Doc."""
    cached = doc.user_data.get(_CACHE_KEY)
    if cached is None:
        # While the quotes are found, in text order, lookups they cause ("I" in "'...,' I
        # said" asks which quote it is in) see the quotes found so far instead of starting
        # the search again: a quote's speaker never depends on itself or a later quote.
        so_far: _Found = ([], [], [], [])
        doc.user_data[_CACHE_KEY] = so_far
        doc.user_data[_SEARCHING_KEY] = True
        try:
            found, names = _find_quotations(doc, so_far)
        finally:
            del doc.user_data[_CACHE_KEY], doc.user_data[_SEARCHING_KEY]
        cached = doc.user_data[_CACHE_KEY] = (found, names, so_far[2], so_far[3])
    return cached


def quote_claims(doc: Doc) -> list[Claim]:
    """Every direct quote of three words or more in the article, with its speaker."""
    return [
        Claim(
            kind="quote",
            sentence=q.sentence,
            start=q.sentence_start,
            end=q.sentence_end,
            quote=q.text,
            speaker=q.speaker,
            speaker_entity=q.speaker_entity,
            cue=q.cue,
            confidence=0.9 if q.speaker else 0.6,
        )
        for q in quotations(doc)
    ]


def marked_spans(text: str) -> list[_Marked]:
    """Every stretch of text between quotation marks, paragraph by paragraph, in text order;
    a quote inside a quote names the opening mark of the one around it."""
    spans: list[_Marked] = []
    paragraphs = [(m.start(), m.group()) for m in _PARAGRAPH.finditer(text)]
    left_open = False
    for number, (offset, paragraph) in enumerate(paragraphs):
        following = paragraphs[number + 1][1].lstrip()[:1] if number + 1 < len(paragraphs) else ""
        starts_open = left_open and paragraph.lstrip()[:1] in _ALL_OPENING
        closed, still_open = _paragraph_spans(paragraph, starts_open)
        # a quote left open runs to the paragraph's end; a single mark only when the next
        # paragraph reopens with one (else it was an apostrophe)
        open_at_end = next(
            (m for m in still_open if not m.single or following in _SINGLE_OPENING), None
        )
        if open_at_end is not None:
            closed.append((open_at_end.at, len(paragraph.rstrip()), open_at_end.continues))
        left_open = open_at_end is not None
        spans.extend(_Marked(offset + o, offset + c, cont) for o, c, cont in closed)
    return _with_outer_marks(sorted(spans, key=lambda m: m.opening))


@dataclass
class _Opened:
    at: int  # offset of the opening mark in its paragraph
    single: bool
    continues: bool


def _paragraph_spans(
    paragraph: str, starts_open: bool
) -> tuple[list[tuple[int, int, bool]], list[_Opened]]:
    """The (opening, closing, continues) marks closed within one paragraph, and the marks
    still open at its end, outermost first."""
    first = len(paragraph) - len(paragraph.lstrip())
    opened: list[_Opened] = []
    closed: list[tuple[int, int, bool]] = []
    for match in _MARK.finditer(paragraph):
        i, mark = match.start(), match.group()
        continues = starts_open and i == first
        if mark in _SINGLE_MARKS:
            top = opened[-1] if opened else None
            if (
                top
                and top.single
                and mark not in SINGLE_OPENING_MARKS
                and _closes_single(paragraph, i)
            ):
                closed.append((top.at, i, top.continues))
                opened.pop()
            elif mark not in SINGLE_CLOSING_MARKS and _opens_single(paragraph, i):
                opened.append(_Opened(i, True, continues))
            continue
        double = next((k for k in range(len(opened) - 1, -1, -1) if not opened[k].single), None)
        if double is not None and mark not in OPENING_MARKS:
            closed.append((opened[double].at, i, opened[double].continues))
            del opened[double:]  # single marks left open inside were apostrophes
        elif mark not in CLOSING_MARKS:
            if double is not None:  # a new opening mark while one is open: it was never closed
                closed.append((opened[double].at, i, opened[double].continues))
                del opened[double:]
            opened.append(_Opened(i, False, continues))
    return closed, opened


def _opens_single(paragraph: str, i: int) -> bool:
    """A single mark at the start of a word that is not elided ("'90s", "rock 'n' roll")."""
    before = paragraph[i - 1] if i else " "
    after = paragraph[i + 1 : i + 2]
    if not (before.isspace() or before in BEFORE_A_WORD) or not after or after.isspace():
        return False
    elided = _ELISION.match(paragraph, i + 1)
    return elided is None or not (elided[0][0].isdigit() or elided[0].lower() in ELIDED_WORDS)


def _closes_single(paragraph: str, i: int, look_ahead: bool = True) -> bool:
    """A single mark at the end of a word ("don't" is inside one). After an "s" before
    another word ("the states' data") it is read as a plural possessive when a later mark of
    the paragraph can close the quote instead."""
    before = paragraph[i - 1] if i else " "
    after = paragraph[i + 1 : i + 2]
    if before.isspace() or after.isalnum():
        return False
    possessive = (
        before in POSSESSIVE_ENDINGS and after == " " and paragraph[i + 2 : i + 3].isalnum()
    )
    if not possessive or not look_ahead:
        return not possessive
    later = (m.start() for m in _SINGLE_CLOSING.finditer(paragraph, i + 1))
    return not any(_closes_single(paragraph, j, look_ahead=False) for j in later)


def _with_outer_marks(spans: list[_Marked]) -> list[_Marked]:
    """Each span with the opening mark of the span it lies inside, if any."""
    around: list[_Marked] = []
    nested = []
    for span in spans:
        while around and around[-1].closing < span.opening:
            around.pop()
        outer = around[-1].opening if around else None
        nested.append(_Marked(span.opening, span.closing, span.continues, outer))
        around.append(span)
    return nested


def _quoted_words(text: str, marked: _Marked) -> tuple[int, int]:
    """Offsets of the quoted words: no marks, no surrounding space, no closing punctuation."""
    start, end = marked.opening + 1, marked.closing
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in CLOSING_PUNCTUATION):
        end -= 1
    return start, end


def _word_count(quoted: str) -> int:
    # a hyphenated compound is one word: split on spaces only
    return sum(1 for word in quoted.split() if any(ch.isalnum() for ch in word))


def _is_name_or_title(text: str, marked: _Marked, quoted: str, doc: Doc) -> bool:
    """A name, nickname or title in quotation marks rather than someone's words."""
    before = text[max(0, marked.opening - 40) : marked.opening].rstrip()
    last_two = [word.strip(",").lower() for word in before.split()[-2:]]
    if any(word in NAMING_WORDS for word in last_two):
        return True
    if last_two[-1:] and last_two[-1] in NAMING_WORDS_RIGHT_BEFORE:
        return True
    words = [word for word in quoted.replace(",", " ").split() if word[0].isalpha()]
    title_case = all(w[0].isupper() or w.lower() in TITLE_SMALL_WORDS for w in words)
    # a title follows a word ("played 'We're Not Gonna Take It'"); a slogan follows a
    # comma or colon ("signs with sayings such as, 'Less Money on Testing'")
    if title_case and before[-1:].isalpha():
        return True
    return _is_modifier(doc, marked)


def _is_modifier(doc: Doc, marked: _Marked) -> bool:
    """A quotation used as a noun modifier: "the 'one country, two systems' formula"."""
    before = doc.char_span(marked.opening, marked.opening + 1, alignment_mode="expand")
    after = doc.char_span(marked.closing, marked.closing + 1, alignment_mode="expand")
    if before is None or after is None or before.start == 0 or after.end >= len(doc):
        return False
    determiner, noun = doc[before.start - 1], doc[after.end]
    modifies_noun = any(token.head == noun for token in tokens_of(doc)[before.end : after.start])
    return determiner.dep_ in ("det", "poss") and noun.pos_ == "NOUN" and modifies_noun


def _find_quotations(doc: Doc, so_far: _Found) -> tuple[list[Quotation], list[tuple[int, int]]]:
    """Quotes and names in quotation marks, each added to ``so_far`` once known."""
    text = article_text(doc)
    kept: list[tuple[_Marked, int, int]] = []
    found, names, starts, outers = so_far
    for marked in marked_spans(text):
        start, end = _quoted_words(text, marked)
        quoted = text[start:end]
        if _is_name_or_title(text, marked, quoted, doc):
            names.append((marked.opening, marked.closing))
        elif _word_count(quoted) >= MIN_QUOTE_WORDS:
            kept.append((marked, start, end))
    # a quote inside a kept quote is attributed within it; the others in the article's voice
    closing_of = {m.opening: m.closing for m, _, _ in kept}
    outer_of = {m.opening: m.outer if m.outer in closing_of else None for m, _, _ in kept}
    level: dict[int | None, list[tuple[int, int]]] = {}
    for marked, _, _ in kept:
        level.setdefault(outer_of[marked.opening], []).append((marked.opening, marked.closing))
    inside = {outer: _QuotedRanges(ranges) for outer, ranges in level.items()}
    index_of: dict[int, int] = {}
    previous: Quotation | None = None  # the last quote in the article's voice
    for marked, start, end in kept:
        sentence_start, sentence_end = sentence_bounds(doc, text, start, end)
        outer = outer_of[marked.opening]
        within = None if outer is None else (outer, closing_of[outer])
        attribution = _cue_attribution(
            doc, marked, (sentence_start, sentence_end), inside[outer], within
        )
        if attribution is None and outer is None:
            attribution = _inherited(doc, text, previous, marked, sentence_start)
        index_of[marked.opening] = len(found)
        outers.append(-1 if outer is None else index_of[outer])
        found.append(
            Quotation(
                text=text[start:end],
                start=start,
                end=end,
                speaker=attribution.speaker if attribution else None,
                speaker_entity=attribution.speaker_entity if attribution else None,
                cue=attribution.cue if attribution else None,
                sentence_start=sentence_start,
                sentence_end=sentence_end,
                sentence=text[sentence_start:sentence_end],
            )
        )
        starts.append(start)
        if outer is None:
            previous = found[-1]
    return _with_pull_quote_speakers(found), names


class _QuotedRanges:
    """Answers "is this offset between quotation marks?" in log time."""

    def __init__(self, ranges: list[tuple[int, int]]) -> None:
        self.starts = [start for start, _ in ranges]
        self.ranges = ranges

    def __contains__(self, offset: int) -> bool:
        i = bisect_right(self.starts, offset) - 1
        return i >= 0 and self.ranges[i][0] <= offset <= self.ranges[i][1]


def sentence_bounds(doc: Doc, text: str, start: int, end: int) -> tuple[int, int]:
    """From the start of the first sentence the quote is in to the end of the last, kept
    within the quote's paragraph."""
    span = doc.char_span(start, end, alignment_mode="expand")
    first, last = sentence_of(span[0]), sentence_of(span[-1])
    paragraph_start = text.rfind("\n", 0, start) + 1
    paragraph_end = text.find("\n", end)
    paragraph_end = len(text) if paragraph_end < 0 else paragraph_end
    return without_surrounding_space(
        text, max(first.start_char, paragraph_start), min(last.end_char, paragraph_end)
    )


def without_surrounding_space(text: str, start: int, end: int) -> tuple[int, int]:
    """The offsets of ``text[start:end]`` without the blank lines spaCy lets a sentence trail."""
    while end > start and text[end - 1].isspace():
        end -= 1
    while start < end and text[start].isspace():
        start += 1
    return start, end


def _cue_attribution(
    doc: Doc,
    marked: _Marked,
    sentences: tuple[int, int],
    inside: _QuotedRanges,
    within: tuple[int, int] | None,
) -> Attribution | None:
    """The speaker given by a reporting verb outside the marks, in the quote's sentences
    (and inside the quote around it, if any), else by "according to X" there."""
    around = doc.char_span(*sentences, alignment_mode="expand")
    outside = [
        token
        for token in tokens_of(doc)[around.start : around.end]
        if token.idx not in inside and (within is None or within[0] < token.idx < within[1])
    ]
    context = [t for t in outside if t.lemma_ in _CUE_VERBS and t.pos_ != "NOUN"]
    if context:
        # a quote left open runs to its paragraph's end, which may be the text's end
        closing_end = min(marked.closing + 1, len(article_text(doc)))
        quoted = doc.char_span(marked.opening, closing_end, alignment_mode="expand")
        for verb in _by_preference(context, quoted.start, quoted.end):
            attribution = _verb_attribution(verb)
            if attribution:
                return attribution
    for token in outside:
        if token.lower_ == "according":
            attribution = according_to(token.head)
            if attribution:
                return attribution
    return None


def _by_preference(cues: list[Token], first: int, end: int) -> list[Token]:
    """The verb right before the quote first, then those the quote depends on (nearest
    first), then the others by distance."""
    introducing = [t for t in cues if _tokens_between_are_punctuation(t, first)]
    governing: list[Token] = []
    doc = cues[0].doc
    for token in tokens_of(doc)[first:end]:
        if token.head.i < first or token.head.i >= end:
            governing.extend(a for a in token.ancestors if a in cues and a not in governing)
    by_distance = sorted(cues, key=lambda t: min(abs(t.i - first), abs(t.i - end)))
    ordered: list[Token] = []
    for token in introducing + governing + by_distance:
        if token not in ordered:
            ordered.append(token)
    return ordered


def _tokens_between_are_punctuation(verb: Token, first: int) -> bool:
    return verb.i < first and all(t.is_punct for t in tokens_of(verb.doc)[verb.i + 1 : first])


def _verb_attribution(verb: Token) -> Attribution | None:
    """The speaker of a cue verb; a participle ("..., warning: '...'") or relative clause
    takes the subject of the clause it belongs to."""
    attribution = speaker_of_reporting_verb(verb)
    if attribution and _one_paragraph(reporting_source(verb), verb):
        return attribution
    if attribution:  # "Sunak says '...'" read as part of the line before
        line_start = article_text(verb.doc).rfind("\n", 0, verb.idx) + 1
        named = _name_between(verb.doc, line_start, verb.idx, attribution.cue)
        return named or _speaker_ending_the_line(verb)
    for token in (verb, *verb.ancestors):
        subject = next((c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None:
            if subject.lower_ in _RELATIVE_PRONOUNS and token.dep_ == "relcl":
                subject = token.head
            if not _one_paragraph(subject, verb):
                break
            words = verb.doc[subject.left_edge.i : subject.right_edge.i + 1]
            return Attribution(words.text, referent(words), verb.lemma_)
        if token.pos_ not in ("VERB", "AUX"):
            break
    return _speaker_ending_the_line(verb)


def _speaker_ending_the_line(verb: Token) -> Attribution | None:
    """ "'We have no choice', says RMT boss": a headline's speaker after its verb, when the
    parser joined the headline to the next line and gave the verb no subject."""
    text = article_text(verb.doc)
    line_end = text.find("\n", verb.idx)
    after = verb.idx + len(verb.text)
    rest = text[after : len(text) if line_end < 0 else line_end].rstrip(" .")
    start = after + len(rest) - len(rest.lstrip())
    words = verb.doc.char_span(start, after + len(rest), alignment_mode="expand")
    if not words or len(words) > MAX_NAME_WORDS:
        return None
    if any(t.pos_ in ("VERB", "AUX") or t.is_punct or t.is_quote for t in words):
        return None  # a clause or another quote, not a name
    return Attribution(words.text, referent(words), verb.lemma_)


def _one_paragraph(speaker: Token | None, verb: Token) -> bool:
    """Whether a speaker is in its verb's paragraph: the parser joins a headline without a
    full stop to the next paragraph ("Johnson: '...'\n\nSunak says '...'")."""
    return speaker is None or same_paragraph(speaker, verb)


def _inherited(
    doc: Doc, text: str, previous: Quotation | None, marked: _Marked, sentence_start: int
) -> Attribution | None:
    """The speaker of the quote this one continues, or of a lead-in sentence ending in ':'."""
    paragraph_start = text.rfind("\n", 0, marked.opening) + 1
    same_paragraph = previous is not None and previous.start >= paragraph_start
    if previous is not None and previous.speaker and (marked.continues or same_paragraph):
        return Attribution(previous.speaker, previous.speaker_entity, previous.cue or "")
    lead_in = text[:sentence_start].rstrip()
    if len(lead_in) > paragraph_start and lead_in.endswith(":"):
        lead = doc.char_span(paragraph_start, len(lead_in), alignment_mode="expand")
        for verb in reversed(lead):
            if verb.lemma_ in _CUE_VERBS and verb.pos_ != "NOUN":
                return _verb_attribution(verb)
    before = text[paragraph_start : marked.opening].rstrip()
    if before.endswith(":"):  # a headline or caption: "Boris Johnson: '...'"
        return _name_between(doc, paragraph_start, paragraph_start + len(before) - 1, "")
    return _signed(doc, text, marked)


def _signed(doc: Doc, text: str, marked: _Marked) -> Attribution | None:
    """A quote signed with a dash and a name, as pull quotes and epigraphs are ("'...' –
    Winston Churchill", "'...' - Theresa May, Prime Minister")."""
    paragraph_end = text.find("\n", marked.closing)
    after = text[marked.closing + 1 : len(text) if paragraph_end < 0 else paragraph_end]
    signature = _SIGNATURE.match(after)
    if signature is None:
        return None
    start = marked.closing + 1 + signature.start(1)
    return _name_between(doc, start, start + len(signature[1]), "", proper_nouns=True)


def _name_between(
    doc: Doc, start: int, end: int, cue: str, proper_nouns: bool = False
) -> Attribution | None:
    """The speaker when the text from ``start`` to ``end`` is only a name: a few capitalised
    words ending in a person, organisation or group, or (``proper_nouns``, where nothing
    but a name is expected) capitalised proper nouns the model left untagged."""
    span = doc.char_span(start, end, alignment_mode="expand")
    words = [token for token in span or () if not token.is_space and token.idx < end]
    if not words or len(words) > MAX_NAME_WORDS:
        return None
    if not all(word.is_title or word.is_upper or word.ent_type_ for word in words):
        return None
    untagged_name = proper_nouns and all(word.pos_ == "PROPN" for word in words)
    if words[-1].ent_type_ not in SPEAKER_LABELS and not untagged_name:
        return None
    name = doc[words[0].i : words[-1].i + 1]
    return Attribution(name.text, referent(name), cue)


def _with_pull_quote_speakers(found: list[Quotation]) -> list[Quotation]:
    """A quote without a speaker takes the speaker of another quote holding its words."""
    resolved = []
    for quotation in found:
        if quotation.speaker is None:
            source = next(
                (
                    q
                    for q in found
                    if q.speaker and q is not quotation and quotation.text.lower() in q.text.lower()
                ),
                None,
            )
            if source is not None:
                quotation = Quotation(
                    quotation.text,
                    quotation.start,
                    quotation.end,
                    source.speaker,
                    source.speaker_entity,
                    None,
                    quotation.sentence_start,
                    quotation.sentence_end,
                    quotation.sentence,
                )
        resolved.append(quotation)
    return resolved
