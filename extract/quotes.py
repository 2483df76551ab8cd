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

from bisect import bisect_right
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from extract.attribution import Attribution, according_to, speaker_of_reporting_verb
from extract.coref import referent, sentence_of
from extract.doc_index import article_text
from extract.lexicon import REPORTING_VERBS
from extract.quote_rules import (
    CLOSING_MARKS,
    CLOSING_PUNCTUATION,
    MIN_QUOTE_WORDS,
    NAMING_WORDS,
    OPENING_MARKS,
    QUOTE_CUE_VERBS,
    STRAIGHT_MARKS,
    TITLE_SMALL_WORDS,
)
from extract.records import Claim

_CACHE_KEY = "newsclaims.quotations"
_SEARCHING_KEY = "newsclaims.quotations.searching"
_CUE_VERBS = REPORTING_VERBS | QUOTE_CUE_VERBS
_RELATIVE_PRONOUNS = frozenset(("who", "which", "that"))


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


_Found = tuple[list[Quotation], list[tuple[int, int]], list[int]]
"""Quotes in text order, names in quotation marks, and the quotes' start offsets."""


def quotations(doc: Doc) -> list[Quotation]:
    """Every direct quote of the article in text order, computed once per Doc."""
    return _quotations_and_names(doc)[0]


def quotation_at(doc: Doc, offset: int) -> Quotation | None:
    """The direct quote whose words include character ``offset``, if any."""
    found, _, starts = _quotations_and_names(doc)
    i = bisect_right(starts, offset) - 1
    return found[i] if i >= 0 and offset < found[i].end else None


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
        so_far: _Found = ([], [], [])
        doc.user_data[_CACHE_KEY] = so_far
        doc.user_data[_SEARCHING_KEY] = True
        try:
            found, names = _find_quotations(doc, so_far)
        finally:
            del doc.user_data[_CACHE_KEY], doc.user_data[_SEARCHING_KEY]
        cached = doc.user_data[_CACHE_KEY] = (found, names, [q.start for q in found])
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
    """Every stretch of text between quotation marks, paragraph by paragraph."""
    spans: list[_Marked] = []
    left_open = False
    offset = 0
    for paragraph in text.split("\n"):
        if not paragraph.strip():
            offset += len(paragraph) + 1
            continue
        opening: int | None = None
        continues = left_open and paragraph.lstrip()[:1] in OPENING_MARKS | STRAIGHT_MARKS
        for i, mark in enumerate(paragraph):
            if opening is None and (mark in OPENING_MARKS or mark in STRAIGHT_MARKS):
                opening = i
            elif opening is not None and (mark in CLOSING_MARKS or mark in STRAIGHT_MARKS):
                spans.append(_Marked(offset + opening, offset + i, continues))
                opening, continues = None, False
            elif opening is not None and mark in OPENING_MARKS:
                # a new opening mark while one is open: the first was never closed
                spans.append(_Marked(offset + opening, offset + i, continues))
                opening, continues = i, False
        left_open = opening is not None
        if left_open:
            spans.append(_Marked(offset + opening, offset + len(paragraph.rstrip()), continues))
        offset += len(paragraph) + 1
    return spans


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
    if any(word.strip(",").lower() in NAMING_WORDS for word in before.split()[-2:]):
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
    modifies_noun = any(token.head == noun for token in doc[before.end : after.start])
    return determiner.dep_ in ("det", "poss") and noun.pos_ == "NOUN" and modifies_noun


def _find_quotations(doc: Doc, so_far: _Found) -> tuple[list[Quotation], list[tuple[int, int]]]:
    """Quotes and names in quotation marks, each added to ``so_far`` once known."""
    text = article_text(doc)
    kept: list[tuple[_Marked, int, int]] = []
    found, names, starts = so_far
    for marked in marked_spans(text):
        start, end = _quoted_words(text, marked)
        quoted = text[start:end]
        if _is_name_or_title(text, marked, quoted, doc):
            names.append((marked.opening, marked.closing))
        elif _word_count(quoted) >= MIN_QUOTE_WORDS:
            kept.append((marked, start, end))
    inside = _QuotedRanges([(m.opening, m.closing) for m, _, _ in kept])
    for marked, start, end in kept:
        sentence_start, sentence_end = sentence_bounds(doc, text, start, end)
        attribution = _cue_attribution(doc, marked, sentence_start, sentence_end, inside)
        if attribution is None:
            attribution = _inherited(doc, text, found, marked, sentence_start)
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
    sentence_start = max(first.start_char, paragraph_start)
    sentence_end = min(last.end_char, paragraph_end)
    while sentence_end > sentence_start and text[sentence_end - 1].isspace():
        sentence_end -= 1
    while sentence_start < sentence_end and text[sentence_start].isspace():
        sentence_start += 1
    return sentence_start, sentence_end


def _cue_attribution(
    doc: Doc, marked: _Marked, sentence_start: int, sentence_end: int, inside: _QuotedRanges
) -> Attribution | None:
    """The speaker given by a reporting verb outside the marks, in the quote's sentences,
    else by "according to X" there."""
    outside = [
        token
        for token in doc.char_span(sentence_start, sentence_end, alignment_mode="expand")
        if token.idx not in inside
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
    for token in doc[first:end]:
        if token.head.i < first or token.head.i >= end:
            governing.extend(a for a in token.ancestors if a in cues and a not in governing)
    by_distance = sorted(cues, key=lambda t: min(abs(t.i - first), abs(t.i - end)))
    ordered: list[Token] = []
    for token in introducing + governing + by_distance:
        if token not in ordered:
            ordered.append(token)
    return ordered


def _tokens_between_are_punctuation(verb: Token, first: int) -> bool:
    return verb.i < first and all(t.is_punct for t in verb.doc[verb.i + 1 : first])


def _verb_attribution(verb: Token) -> Attribution | None:
    """The speaker of a cue verb; a participle ("..., warning: '...'") or relative clause
    takes the subject of the clause it belongs to."""
    attribution = speaker_of_reporting_verb(verb)
    if attribution:
        return attribution
    for token in (verb, *verb.ancestors):
        subject = next((c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None:
            if subject.lower_ in _RELATIVE_PRONOUNS and token.dep_ == "relcl":
                subject = token.head
            words = verb.doc[subject.left_edge.i : subject.right_edge.i + 1]
            return Attribution(words.text, referent(words), verb.lemma_)
        if token.pos_ not in ("VERB", "AUX"):
            break
    return None


def _inherited(
    doc: Doc, text: str, found: list[Quotation], marked: _Marked, sentence_start: int
) -> Attribution | None:
    """The speaker of the quote this one continues, or of a lead-in sentence ending in ':'."""
    paragraph_start = text.rfind("\n", 0, marked.opening) + 1
    previous = found[-1] if found else None
    same_paragraph = previous is not None and previous.start >= paragraph_start
    if previous is not None and previous.speaker and (marked.continues or same_paragraph):
        return Attribution(previous.speaker, previous.speaker_entity, previous.cue or "")
    lead_in = text[:sentence_start].rstrip()
    if len(lead_in) > paragraph_start and lead_in.endswith(":"):
        lead = doc.char_span(paragraph_start, len(lead_in), alignment_mode="expand")
        for verb in reversed(lead):
            if verb.lemma_ in _CUE_VERBS and verb.pos_ != "NOUN":
                return _verb_attribution(verb)
    return None


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
