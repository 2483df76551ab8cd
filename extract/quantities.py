"""Numeric claims: counts, money, percentages, ratios and measures, with what they count.

A quantity is read from its number outwards: the hedge and currency before it ("nearly
$5.9"), the scale and percent sign after it ("million", "%"), a proportion ("two of three",
"eight out of ten"). It is kept unless it dates or times something, frames an event in time
("18 years after", "a four-year high"), ranks ("number one"), is part of a name or designation
("S&P 500", "787-9", "a two-class layout") or refers rather than counts ("the two were",
"one such plume"). Ranges and restated figures give one claim per number.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

import numpy
from numerizer import numerize
from spacy.attrs import LIKE_NUM, LOWER, PREFIX
from spacy.strings import get_string_id
from spacy.tokens import Doc, Token

from extract.attribution import (
    DESCRIPTIVE_CLAUSE_DEPS,
    Attribution,
    attribution_of,
    is_reporting_verb,
    speaker_of_reporting_verb,
)
from extract.coref import entity_around, referent, sentence_entities, sentence_of
from extract.doc_index import article_text, children_of, tokens_of
from extract.phrases import phrase
from extract.quantity_rules import (
    ADDRESSING_VERBS,
    AGE_WORDS,
    AMBIGUOUS_SCALE_SUFFIXES,
    AMOUNT_VERBS,
    AMOUNTS_AFTER_A,
    APPROXIMATORS,
    CLOCK_MARKERS,
    CURRENCY_SYMBOLS,
    CURRENCY_WORDS,
    DESIGNATION_NOUNS,
    DESIGNATION_UNITS,
    FRACTION_DENOMINATORS,
    HALF,
    MAGNITUDE_HEDGES,
    MEASURE_SUFFIXES,
    MINOR_UNIT_SUFFIXES,
    MONTHS,
    NAME_LABELS,
    NEGATIVE_SIGNS,
    NUMBER_WORD_VERBS,
    ONE_PICKS_OUT,
    PERCENT_WORDS,
    PROPORTION_LINKS,
    REFERRING_DETERMINERS,
    SCALE_SUFFIXES,
    SCALES,
    STREET_WORDS,
    TERM_FOLLOWERS,
    TERM_VERBS,
    TIME_SPAN_UNITS,
    VAGUE_AMOUNTS,
)
from extract.quotes import names_in_quotation_marks, quotation_at, quotations, sentence_bounds
from extract.records import Claim

_DIGITS = re.compile(r"^[-\u2212]?(?:\d[\d,]*(?:\.\d+)?|\.\d+)$")  # "-0.3" as written
_FRACTION = re.compile(r"^(\d+)/(\d+)$")
_SUFFIXED = re.compile(r"^(\d[\d,]*(?:\.\d+)?)([a-z]+)$", re.IGNORECASE)
_UNGROUPED = re.compile(r"^\d{4,}$")
# a range the tokenizer keeps as one word ("10–20" of "10–20%", "5-£10" of "£5-£10")
_JOINED_RANGE = re.compile(r"^(\d[\d,]*(?:\.\d+)?)[-\u2013][$£€¥₹]?(\d[\d,]*(?:\.\d+)?)$")
_LEADING_ZERO = re.compile(r"^0\d")
_YEAR = re.compile(r"^(1[5-9]|20)\d\d$")
_HYPHENS = frozenset("-\u2013")
_SUBJECT_DEPS = frozenset(("nsubj", "nsubjpass"))
_LONGEST_LINK = max(len(link) for link in PROPORTION_LINKS)
_PROPORTION_FIRST_WORDS = frozenset(link[0] for link in PROPORTION_LINKS)
_HEDGE_LAST_WORDS = frozenset(hedge[-1] for hedge in APPROXIMATORS)


@dataclass(frozen=True)
class _Amount:
    first: int  # first token of the value as written, hedge included
    core: int  # first token of the number itself
    core_end: int  # token after the number (and its scale words)
    end: int  # token after the value (percent sign, proportion included)
    number: float
    currency: str | None = None
    percent: bool = False
    proportion: bool = False


def quantity_claims(doc: Doc) -> list[Claim]:
    """Every quantity the article asserts about something."""
    names_in_marks = names_in_quotation_marks(doc)
    text = article_text(doc)
    tokens = tokens_of(doc)
    claims = []
    read_up_to = 0
    for i in _number_starts(doc):
        amount = _read_amount(tokens, i) if i >= read_up_to else None
        if amount is None:
            continue
        read_up_to = amount.end
        if not _is_claimed(tokens, amount, names_in_marks):
            continue
        claim = _claim(doc, text, amount)
        if claim.unit or claim.subject:  # a bare number ("12" on a share button) asserts nothing
            claims.append(claim)
            ends = _joined_range(tokens[amount.core].text)
            if ends is not None:  # "10–20%": one claim per end, as for "10 to 20%"
                low, high = ends
                scale = claim.number / low if low else 1.0  # "10–20 million"
                claims.append(replace(claim, number=round(high * scale, 6)))
    return claims


# -- reading a number -------------------------------------------------------------------


_AMOUNT_WORDS = numpy.array(
    [get_string_id(word) for word in (*VAGUE_AMOUNTS, *AMOUNTS_AFTER_A, *FRACTION_DENOMINATORS)],
    dtype="uint64",
)


def _number_starts(doc: Doc) -> list[int]:
    """The tokens a number may start at: a digit or "." first, a number-like word, or a
    vague amount. A first look over the Doc's arrays, so that most words cost nothing."""
    lower, prefix, like_num = doc.to_array([LOWER, PREFIX, LIKE_NUM]).T
    strings = doc.vocab.strings
    first_characters = numpy.unique(prefix).tolist()
    numeric_firsts = [h for h in first_characters if _starts_number(strings[h])]
    maybe = like_num.astype(bool) | numpy.isin(lower, _AMOUNT_WORDS)
    maybe |= numpy.isin(prefix, numpy.array(numeric_firsts, dtype="uint64"))
    return numpy.flatnonzero(maybe).tolist()


def _starts_number(first_character: str) -> bool:
    return first_character.isdigit() or first_character == "."


def _number_of(token: Token) -> float | None:
    """The value of one number token: digits, a fraction, "1.2bn" or a number word."""
    text = token.lower_
    if token.is_alpha:  # a number word ("three", "dozen"): the patterns below need a digit
        return _number_word_value(text) if token.like_num and token.pos_ != "VERB" else None
    if _DIGITS.match(text):
        return float(text.replace(",", "").replace("\u2212", "-"))
    ends = _joined_range(text)
    if ends is not None:
        return ends[0]  # the high end is claimed apart
    fraction = _FRACTION.match(text)
    if fraction and int(fraction.group(2)):
        return int(fraction.group(1)) / int(fraction.group(2))
    suffixed = _SUFFIXED.match(text)
    if suffixed:  # "1.2bn", "40c", "156p"
        digits, suffix = float(suffixed.group(1).replace(",", "")), suffixed.group(2)
        if suffix in SCALE_SUFFIXES:
            return digits * SCALE_SUFFIXES[suffix]
        if suffix in MEASURE_SUFFIXES:
            return digits
        if suffix in MINOR_UNIT_SUFFIXES:
            return digits * MINOR_UNIT_SUFFIXES[suffix][1]
    return None


@lru_cache(maxsize=4096)  # numerize runs dozens of regexes; the same few words recur
def _number_word_value(words: str) -> float | None:
    if words in SCALES:
        return SCALES[words]
    try:
        return float(numerize(words).replace(",", ""))
    except ValueError:
        return None


def _read_core(tokens: list[Token], i: int) -> tuple[float, int, bool] | None:
    """The number starting at token ``i``, the token after it ("thirty-nine", "5.9 million"),
    and whether it is a fraction ("two-thirds", "a quarter of")."""
    token = tokens[i]
    word = token.lower_
    value = _number_of(token)
    end = i + 1
    if value is not None and token.is_alpha:
        words = [word]
        while end + 1 < len(tokens) and tokens[end].text in _HYPHENS and tokens[end + 1].is_alpha:
            following = tokens[end + 1]
            if (
                not following.like_num
                or following.lower_ in SCALES
                or following.lower_ in FRACTION_DENOMINATORS
            ):
                break  # "thirty-nine", not "one-third"
            words.append(following.lower_)
            end += 2
        if len(words) > 1:
            value = _number_word_value("-".join(words))
    elif value is None:
        value = _vague_amount(tokens, i)
        if value is not None and word in FRACTION_DENOMINATORS:
            return value, end, True
    if value is None:
        return None
    denominator, after = _fraction_word(tokens, end)
    if denominator and value < denominator:
        return value / denominator, after, True
    while end < len(tokens) and tokens[end].lower_ in SCALES and tokens[end].lower_ != word:
        value *= SCALES[tokens[end].lower_]
        end += 1
    return value, end, False


def _fraction_word(tokens: list[Token], k: int) -> tuple[int, int]:
    """The denominator of a fraction word at token ``k`` joined to the number before it
    ("two-thirds", "three quarters of"), and the token after it; (0, k) if there is none."""
    hyphenated = (
        k + 1 < len(tokens) and tokens[k].text in _HYPHENS and not tokens[k - 1].whitespace_
    )
    word = tokens[k + 1] if hyphenated else tokens[k] if k < len(tokens) else None
    if word is None or word.lower_ not in FRACTION_DENOMINATORS:
        return 0, k
    if not hyphenated and _text_at(tokens, word.i + 1) != "of":
        return 0, k  # "two quarters in a row" counts quarters
    return FRACTION_DENOMINATORS[word.lower_], word.i + 1


def _text_at(tokens: list[Token], k: int) -> str:
    """The text of token ``k``, or "" past the end (as ``doc[k : k + 1].text``, without
    making a Span)."""
    return tokens[k].text if k < len(tokens) else ""


def _vague_amount(tokens: list[Token], i: int) -> float | None:
    """ "hundreds", "dozens", "a couple", "more than half": the magnitude they name."""
    word = tokens[i].lower_
    before = tokens[i - 1].lower_ if i > 0 else ""
    if word in VAGUE_AMOUNTS and tokens[i].pos_ != "VERB":
        return VAGUE_AMOUNTS[word]
    if word in AMOUNTS_AFTER_A and before in ("a", "an"):
        return AMOUNTS_AFTER_A[word]
    if word == HALF and (_approximator_before(tokens, i) or _text_at(tokens, i + 1) == "of"):
        return AMOUNTS_AFTER_A[HALF]
    if word in FRACTION_DENOMINATORS and before in ("a", "an"):
        hedged_or_of = _text_at(tokens, i + 1) == "of" or _approximator_before(tokens, i - 1)
        return 1 / FRACTION_DENOMINATORS[word] if hedged_or_of else None
    return None


def _approximator_before(tokens: list[Token], i: int) -> int:
    """How many tokens before ``i`` form a hedge ("nearly", "more than", "a maximum of")."""
    if i == 0 or tokens[i - 1].lower_ not in _HEDGE_LAST_WORDS:
        return 0  # most numbers have no hedge: one look at the word before tells
    start = max(sentence_of(tokens[i]).start, i - len(APPROXIMATORS[0]))
    words = tuple(t.lower_ for t in tokens[start:i])
    for hedge in APPROXIMATORS:
        if words[len(words) - len(hedge) :] == hedge:
            return len(hedge)
    return 0


def _read_amount(tokens: list[Token], i: int) -> _Amount | None:
    core = _read_core(tokens, i)
    if core is None:
        return None
    number, core_end, fraction = core
    word = tokens[i].lower_
    first, currency = i, _minor_unit_currency(word)
    if first > 0 and tokens[first - 1].lower_ in CURRENCY_SYMBOLS:
        currency = CURRENCY_SYMBOLS[tokens[first - 1].lower_]
        first -= 1
    currency = currency or _currency_of_low_end(tokens, i)  # "10" of "£5-10"
    number, core_end = _split_off_scale(tokens, number, core_end, currency is not None)
    shared = _word_after_range(tokens, i, core_end)  # "%" of "3.5-4%", "million" of "$5-10 million"
    if core_end == i + 1 and shared in SCALES:
        number *= SCALES[shared]
    after_a = word in AMOUNTS_AFTER_A or word in FRACTION_DENOMINATORS
    if first > 0 and after_a and tokens[first - 1].lower_ in ("a", "an"):
        first -= 1
    if first > 0 and word in SCALES and tokens[first - 1].lower_ in MAGNITUDE_HEDGES:
        first -= 2 if first > 1 and tokens[first - 2].lower_ == "a" else 1
    if first > 0 and tokens[first - 1].lower_ in NEGATIVE_SIGNS:
        first, number = first - 1, -number  # "minus 5C"
    hedge = _approximator_before(tokens, first)
    if not hedge and first > 1 and tokens[first - 1].lower_ in ("a", "an"):
        hedge_before_a = _approximator_before(tokens, first - 1)  # "up to a $250,000"
        hedge = hedge_before_a and hedge_before_a + 1
    first -= hedge
    end = core_end
    after = tokens[end].lower_ if end < len(tokens) else ""
    percent = after in PERCENT_WORDS
    if after == "per" and end + 1 < len(tokens) and tokens[end + 1].lower_ == "cent":
        percent, end = True, end + 1
    if percent:
        end += 1
    elif shared in PERCENT_WORDS:
        percent = True  # "3.5" of "3.5-4%"
    elif currency is None and after in CURRENCY_WORDS:
        currency = CURRENCY_WORDS[after]
    if fraction:
        return _Amount(first, i, core_end, end, number, proportion=True)
    proportion = _proportion(tokens, core_end, number)
    if proportion is not None and not percent and currency is None:
        whole, end = proportion
        return _Amount(first, i, core_end, end, number / whole, proportion=True)
    return _Amount(first, i, core_end, end, number, currency, percent)


def _minor_unit_currency(word: str) -> str | None:
    """The currency of a price in its minor unit ("156p": GBP), if it is one."""
    suffixed = _SUFFIXED.match(word)
    if suffixed and suffixed.group(2) in MINOR_UNIT_SUFFIXES:
        return MINOR_UNIT_SUFFIXES[suffixed.group(2)][0]
    return None


def _split_off_scale(
    tokens: list[Token], number: float, end: int, money: bool
) -> tuple[float, int]:
    """A number with its abbreviated scale split off by the tokenizer ("£980m." at a
    sentence's end, "1m people"): the number scaled and the token after the scale. "m" and
    "k" are a scale only for money or before a plural noun ("a 100m sprint" is metres)."""
    if end >= len(tokens) or tokens[end - 1].whitespace_:
        return number, end
    suffix = tokens[end].lower_.rstrip(".")
    if suffix not in SCALE_SUFFIXES:
        return number, end
    before_plural = end + 1 < len(tokens) and tokens[end + 1].tag_ == "NNS"
    if suffix in AMBIGUOUS_SCALE_SUFFIXES and not (money or before_plural):
        return number, end
    return number * SCALE_SUFFIXES[suffix], end + 1


def _proportion(tokens: list[Token], after: int, part: float) -> tuple[float, int] | None:
    """The whole of "two of three", "eight out of ten", "one in five", "one night out of 17"."""
    k = after
    if k < len(tokens) and not tokens[k].like_num and tokens[k].pos_ == "NOUN":
        k += 1  # "one night out of 17"
    if k >= len(tokens) or tokens[k].lower_ not in _PROPORTION_FIRST_WORDS:
        return None  # most numbers are in no proportion: one look at the next word tells
    words = tuple(t.lower_ for t in tokens[k : k + _LONGEST_LINK])
    for link in PROPORTION_LINKS:
        n = len(link)
        if words[:n] == link and k + n < len(tokens):
            whole_token = tokens[k + n]
            whole = _number_of(whole_token)
            # a whole is larger than its part and not a year ("5 in 2019")
            if whole and whole > part and not _YEAR.match(whole_token.text):
                return whole, k + n + 1
    return None


# -- what is not a quantity claim -------------------------------------------------------


def _is_claimed(
    tokens: list[Token], amount: _Amount, names_in_marks: list[tuple[int, int]]
) -> bool:
    core = tokens[amount.core]
    if core.ent_type_ in NAME_LABELS:
        return False
    if any(start <= core.idx < end for start, end in names_in_marks):
        return False
    if amount.percent or amount.proportion:
        return True
    if core.ent_type_ == "ORDINAL":
        return False
    if _is_date_or_time(tokens, amount) or _is_designation(tokens, amount):
        return False
    if _age(tokens, amount):
        return True
    if amount.currency is None and _is_reference(tokens, amount):
        return False
    return not _is_time_span(tokens, amount)


def _is_date_or_time(tokens: list[Token], amount: _Amount) -> bool:
    core = tokens[amount.core]
    after = tokens[amount.core_end].lower_ if amount.core_end < len(tokens) else ""
    before = tokens[amount.core - 1].lower_ if amount.core > 0 else ""
    if ":" in core.text or after in CLOCK_MARKERS or before in MONTHS or after in MONTHS:
        return True
    day_of, head = core, core.head
    while day_of.dep_ == "conj" and head.pos_ == "NUM":
        day_of, head = head, head.head  # "on 21, 23 and 25 June": the days share the month
    if head.lower_ in MONTHS and head.i > core.i:
        return True
    if core.ent_type_ in ("DATE", "TIME"):
        ent = entity_around(core)
        if ent is not None and any(t.lower_ in MONTHS for t in tokens[ent.start : ent.end]):
            return True
    return (
        amount.currency is None
        and _YEAR.match(core.text) is not None
        and amount.core_end - amount.core == 1
        and not (amount.core_end < len(tokens) and tokens[amount.core_end].tag_ == "NNS")
    )


def _is_designation(tokens: list[Token], amount: _Amount) -> bool:
    """Part of a name or model: "STOXX 600", "787-9", "400 737 Max jets", "a two-class layout"."""
    core, end = amount.core, amount.core_end
    number = tokens[core]
    before = tokens[amount.first - 1] if amount.first > 0 else None
    if before is not None and amount.first == core:  # a word right before the bare number
        if before.lower_ in DESIGNATION_NOUNS:
            return True  # "junction 10", "Year 6 pupils", "page 3"
        if not before.is_sent_start:
            is_name = before.pos_ == "PROPN" or (before.is_title and before.is_alpha)
            if is_name or before.lower_ in ("no.", "number", "#"):
                return True
            if not number.is_alpha and _number_of(before) is not None:
                return True  # "five 787"
    sentence_opening_name = before is not None and before.is_sent_start and before.is_title
    if sentence_opening_name and before.pos_ in ("PROPN", "NOUN") and not number.is_alpha:
        return True  # "Proposition 22 passed"
    if _is_code(tokens, amount):
        return True
    if end + 1 < len(tokens) and tokens[end].text in _HYPHENS:
        follower = tokens[end + 1]
        if follower.lower_ in DESIGNATION_UNITS:
            return True
        if any(ch.isdigit() for ch in follower.text) and not _is_range(tokens, core, end + 1):
            return True
    if core > 1 and tokens[core - 1].text in _HYPHENS and not tokens[core - 2].whitespace_:
        glued_to = tokens[core - 2].text  # "787-9", "COVID-19", "F-35"; not "thirty-nine"
        if _number_of(tokens[core - 2]) is not None and _is_range(tokens, core - 2, core):
            return False
        return any(ch.isdigit() for ch in glued_to) or glued_to[:1].isupper()
    if number.text.startswith("."):
        return True
    if _is_address(tokens, end):
        return True
    # "its popular 737 Max jet": a model number before a name and a singular noun
    if number.is_alpha:
        return False
    k = end
    while k < len(tokens) and tokens[k].pos_ == "PROPN":
        k += 1
    return k > end and k < len(tokens) and tokens[k].tag_ == "NN" and amount.number > 1


def _range_high_end(tokens: list[Token], low: int, after: int) -> int | None:
    """The high end of the range whose low end is the number at ``low``, which ends before
    ``after`` ("4" of "3.5-4%"), if it is one."""
    high = after + 1
    if high >= len(tokens) or tokens[after].text not in _HYPHENS:
        return None
    return high if _is_range(tokens, low, high) else None


def _word_after_range(tokens: list[Token], low: int, after: int) -> str:
    """The word after a range's high end, which its low end shares ("%" of "3.5-4%",
    "million" of "$5-10 million"), or ""."""
    high = _range_high_end(tokens, low, after)
    return tokens[high + 1].lower_ if high is not None and high + 1 < len(tokens) else ""


def _currency_of_low_end(tokens: list[Token], high: int) -> str | None:
    """ "£5-10": the currency symbol before a range's low end, which its high end shares."""
    low = high - 2
    if low < 1 or _range_high_end(tokens, low, low + 1) != high:
        return None
    return CURRENCY_SYMBOLS.get(tokens[low - 1].lower_)


def _joined_range(text: str) -> tuple[float, float] | None:
    """The ends of a range written as one word ("10–20"), when they rise and neither is an
    ungrouped number of four digits or more (a year span "1990-1995", a phone number)."""
    joined = _JOINED_RANGE.match(text)
    if joined is None or any(_UNGROUPED.match(end) for end in joined.groups()):
        return None
    low, high = (float(end.replace(",", "")) for end in joined.groups())
    return (low, high) if high > low else None


def _is_range(tokens: list[Token], low: int, high: int) -> bool:
    """Whether the numbers at tokens ``low`` and ``high``, joined by a hyphen, are the ends of
    a range ("1,000-2,000 workers", "3.5-4%"): two numbers only, rising, where a model
    ("787-9"), a score ("2-0") or a phone number ("1-800-555-0199") is not."""
    first, second = _number_of(tokens[low]), _number_of(tokens[high])
    if first is None or second is None or second <= first:
        return False
    if any(_UNGROUPED.match(tokens[k].text) for k in (low, high)):
        return False  # "123-4567", "1990-1995": news writes amounts of 1,000 with a comma
    chained_before = low > 1 and tokens[low - 1].text in _HYPHENS and tokens[low - 2].like_num
    chained_after = high + 2 < len(tokens) and tokens[high + 1].text in _HYPHENS
    return not (chained_before or chained_after)


def _is_code(tokens: list[Token], amount: _Amount) -> bool:
    """A phone number, code or standard, not an amount: "01632 960123", "(555) 123-4567",
    "5G", "4K"."""
    core, end = tokens[amount.core], amount.core_end
    if _LEADING_ZERO.match(core.text):
        return True
    in_brackets = amount.core > 0 and tokens[amount.core - 1].text == "(" and end < len(tokens)
    if in_brackets and tokens[end].text == ")" and _text_at(tokens, end + 1)[:1].isdigit():
        return True
    glued = end < len(tokens) and not tokens[end - 1].whitespace_ and tokens[end].is_alpha
    return glued and tokens[end].is_upper and not core.is_alpha


def _is_address(tokens: list[Token], after: int) -> bool:
    """ "221 Baker Street", "10 Downing St.": a house number before a street's name."""
    for token in tokens[after : after + 4]:
        if token.lower_ in STREET_WORDS and token.is_title and token.i > after:
            return True
        if not token.is_title:
            return False
    return False


def _is_reference(tokens: list[Token], amount: _Amount) -> bool:
    """ "the two were on the ground", "the four states", "one such plume": no count.
    A number in a hyphenated measure ("the 1,900-mile-wide moon") still counts."""
    if amount.core_end < len(tokens) and tokens[amount.core_end].text in _HYPHENS:
        return False
    number = tokens[amount.core]
    before = tokens[amount.first - 1] if amount.first > 0 else None
    if before is not None and amount.first == amount.core:
        if before.lower_ in REFERRING_DETERMINERS:
            return True
        if before.tag_ == "TO" and number.is_alpha:  # "to zero in on"
            return True
    after = tokens[amount.core_end].lower_ if amount.core_end < len(tokens) else ""
    if (number.lower_, after) in NUMBER_WORD_VERBS:
        return True  # "trying to zero in any potential causes", parsed as a number
    return (
        number.lower_ == "one" and amount.core_end == amount.core + 1 and _picks_out(tokens, amount)
    )


def _picks_out(tokens: list[Token], amount: _Amount) -> bool:
    """Whether a bare "one" picks out rather than counts: "one of the authors", "one such
    plume", "any one person", "for one event". It counts when hedged ("only one candidate")
    or as the number of its clause's subject or object ("one person was killed")."""
    one = tokens[amount.core]
    before = tokens[amount.first - 1] if amount.first > 0 else None
    if before is not None and before.lower_ in REFERRING_DETERMINERS:
        return True  # "the only one"
    if amount.first < amount.core:
        return False
    counted = one.head
    if one.dep_ != "nummod" or counted.pos_ != "NOUN" or counted.lower_ in ONE_PICKS_OUT:
        return True
    if any(child.dep_ in ("det", "poss", "appos") for child in children_of(counted)):
        return True  # "any one person", "One commuter, Sarah Patel, said"
    if counted.dep_ == "nsubj" and is_reporting_verb(counted.head):
        return True  # "one resident said": a speaker, not a count
    return counted.dep_ not in ("nsubj", "nsubjpass", "dobj")


def _time_unit(tokens: list[Token], amount: _Amount) -> Token | None:
    """The noun a number measures when it is a span of time ("18 years", "a four-year high")."""
    k = amount.core_end
    if k + 1 < len(tokens) and tokens[k].text in _HYPHENS:
        k += 1
    while (
        k < len(tokens) and tokens[k].lower_ in ("more", "additional") and tokens[k].pos_ == "ADJ"
    ):
        k += 1
    if k < len(tokens) and tokens[k].lower_ in TIME_SPAN_UNITS:
        return tokens[k]
    return None


def _is_time_span(tokens: list[Token], amount: _Amount) -> bool:
    """A span of time that dates or frames an event; not a penalty or term ("a maximum of 10
    years in prison", "jailed for six years")."""
    unit = _time_unit(tokens, amount)
    if unit is None:
        return False
    if any(t.lower_ in TERM_FOLLOWERS for t in tokens[unit.i + 1 : unit.i + 4]):
        return False
    head = unit.head
    governing = head.head if head.dep_ == "prep" else head
    return governing.lemma_.lower() not in TERM_VERBS


def _age(tokens: list[Token], amount: _Amount) -> bool:
    """ "the 43-year-old", "aged 55", "Patrick Carlineo, 55,": an age stated in the body."""
    unit = _time_unit(tokens, amount)
    if unit is not None and unit.lower_ in ("year", "years"):
        return any(t.lower_ == "old" for t in tokens[unit.i + 1 : unit.i + 3])
    k = amount.first
    if k > 0 and tokens[k - 1].lower_ in AGE_WORDS:
        return True
    return (
        k > 1
        and tokens[k - 1].text == ","
        and tokens[k - 2].ent_type_ == "PERSON"
        and amount.end < len(tokens)
        and tokens[amount.end].text in (",", ")", ".")
    )


# -- what the number is about -----------------------------------------------------------


def _claim(doc: Doc, text: str, amount: _Amount) -> Claim:
    tokens = tokens_of(doc)
    value = _text_of(tokens, text, amount.first, amount.end)
    value_start = tokens[amount.first].idx
    start, end = sentence_bounds(doc, text, value_start, value_start + len(value))
    number = tokens[amount.core]
    clause = _clause_of(number)
    subject, subject_entity = _about(number, amount, clause)
    attribution = _attribution(number, clause)
    return Claim(
        kind="quantity",
        sentence=text[start:end],
        start=start,
        end=end,
        subject=subject,
        subject_entity=subject_entity,
        value=value.rstrip("."),  # "£980m." at a sentence's end
        number=_tidy(amount.number),
        unit=_unit(tokens, text, amount),
        speaker=attribution.speaker if attribution else None,
        speaker_entity=attribution.speaker_entity if attribution else None,
        cue=attribution.cue if attribution else None,
        confidence=0.7,
    )


def _text_of(tokens: list[Token], text: str, start: int, end: int) -> str:
    """The text of tokens ``start`` to ``end`` (as ``doc[start:end].text``), cut from the
    article's text without making a Span."""
    if start >= end:
        return ""
    last = tokens[end - 1]
    return text[tokens[start].idx : last.idx + len(last)]


def _tidy(number: float) -> float:
    """The number without floating-point noise: 4.1 * 1e9 is 4099999999.9999995."""
    return float(f"{number:.15g}") if isinstance(number, float) else number


def _unit(tokens: list[Token], text: str, amount: _Amount) -> str | None:
    """What is counted or measured: "queries", "USD per barrel", "percent"."""
    if amount.percent:
        return "percent"
    if amount.currency:
        rest = tokens[amount.end : amount.end + 2]
        if len(rest) == 2 and rest[0].lower_ in ("per", "a", "an") and rest[1].pos_ == "NOUN":
            return f"{amount.currency} per {rest[1].text}"
        return amount.currency
    if _age(tokens, amount):
        return "years (age)"
    measure = _SUFFIXED.match(tokens[amount.core].lower_)
    if measure and measure.group(2) in MEASURE_SUFFIXES:
        return MEASURE_SUFFIXES[measure.group(2)]
    head = tokens[amount.core_end - 1].head
    while head.pos_ == "NUM" and head.head != head:  # "20" of "10 and 20 people", "30 to 40"
        head = head.head
    if head.i >= amount.end and head.pos_ in ("NOUN", "PROPN"):
        start = amount.end
        for child in children_of(head):  # the range the number is in ends after its other end
            if child.i < head.i and child.left_edge.i <= amount.core <= child.right_edge.i:
                start = max(start, child.right_edge.i + 1)
        if "\n" in _text_of(tokens, text, amount.end, head.i + 1):
            return None  # the parser joined two paragraphs
        return _text_of(tokens, text, start, head.i + 1).lstrip("- ")
    if amount.end + 1 < len(tokens) and tokens[amount.end].lower_ == "of":
        counted = next((c for c in children_of(tokens[amount.end]) if c.dep_ == "pobj"), None)
        if counted is not None:
            return counted.text
    if amount.end < len(tokens) and tokens[amount.end].tag_ == "NNS":
        return tokens[amount.end].text  # "1m people": the parser took the split-off "m" as head
    return None


def _attribution(number: Token, clause: Token | None) -> Attribution | None:
    """Who asserts the number: the speaker of the quote it is in; else of its clause, unless
    it is background; a number in what a reporting verb reports ("The unions said more than
    15,000 people registered") is that verb's speaker's."""
    quotes = quotations(number.doc)
    if clause is None or quotation_at(number.doc, number.idx) is not None:
        return attribution_of(number, quotes)
    if _is_background(number, clause):
        return None
    verb = clause.lemma_
    reports = verb not in ADDRESSING_VERBS and verb not in AMOUNT_VERBS
    if reports and is_reporting_verb(clause) and not _in_subject(number, clause):
        return speaker_of_reporting_verb(clause) or attribution_of(clause, quotes)
    return attribution_of(clause, quotes)


def _in_subject(token: Token, clause: Token) -> bool:
    """Whether ``token`` is part of the subject of ``clause``."""
    return any(
        child.dep_ in _SUBJECT_DEPS and child.left_edge.i <= token.i <= child.right_edge.i
        for child in children_of(clause)
    )


def _is_background(token: Token, clause: Token) -> bool:
    """A number in a relative clause, or in apposition to a name ("Carlineo, 55,"), is the
    writer's background, in the article's own voice; a restated figure in apposition to
    another ("2,300 tons (2,095 metric tons)") is not."""
    while token != clause:
        head = token.head
        if token.dep_ in DESCRIPTIVE_CLAUSE_DEPS and (
            token.dep_ != "appos" or head.pos_ == "PROPN"
        ):
            return True
        token = head
    return False


def _clause_of(token: Token) -> Token | None:
    """The verb of the clause a number is in."""
    return next((t for t in token.ancestors if t.pos_ in ("VERB", "AUX")), None)


def _about(number: Token, amount: _Amount, clause: Token | None) -> tuple[str | None, str | None]:
    """What the number is asserted about, as written and as the entity it names: the subject
    of its clause when the number is not part of it, else the first name in the sentence."""
    if clause is not None:
        subject = next((c for c in children_of(clause) if c.dep_ in _SUBJECT_DEPS), None)
        if subject is not None and not (subject.left_edge.i <= amount.core <= subject.i):
            about = phrase(subject)
            return about.text, about.entity
    for ent in sentence_entities(number):
        if ent.label_ in NAME_LABELS and not (amount.first <= ent.start < amount.end):
            return ent.text, referent(ent)
    return None, None
