"""Word lists for quantity claims, apart from the rules in extract/quantities.py that apply
them. All words are lower-case."""

# Hedges and bounds written before a number; kept in the value as written ("nearly 900,000",
# "up to a $250,000"). Longest phrases are tried first.
APPROXIMATORS = tuple(
    sorted(
        (
            tuple(phrase.split())
            for phrase in """
            nearly|almost|about|around|approximately|roughly|some|over|under|just over
            just under|more than|less than|fewer than|at least|at most|up to|as many as
            as much as|as few as|as little as|close to|a maximum of|a minimum of|a total of
            an estimated|estimated|only|just|upwards of|well over|well under
            """.replace("\n", "|").split("|")
            if phrase.strip()
        ),
        key=len,
        reverse=True,
    )
)

# Words that multiply the number before them ("$1.2 billion"), or stand alone as a vague
# magnitude ("several thousand" -> 1000).
SCALES = {
    "hundred": 1e2,
    "thousand": 1e3,
    "million": 1e6,
    "billion": 1e9,
    "trillion": 1e12,
    "lakh": 1e5,  # Indian English: "Rs 5 lakh", "Rs 10,000 crore"
    "lakhs": 1e5,
    "crore": 1e7,
    "crores": 1e7,
    "mln": 1e6,  # wire style: "$1.2 mln", "5 bln euros"
    "bln": 1e9,
}
# Abbreviated scales glued to the number ("$1.2bn", "€40m"); the tokenizer splits some off
# ("£980m." at a sentence's end), which then count only after a currency ("40 m" is metres).
SCALE_SUFFIXES = {"k": 1e3, "m": 1e6, "mn": 1e6, "bn": 1e9, "b": 1e9, "tn": 1e12, "trn": 1e12}
# Scale suffixes that are also units of measure ("100m" metres, "5k" kilometres).
AMBIGUOUS_SCALE_SUFFIXES = frozenset(("m", "k", "b"))
# Units glued to the number that the tokenizer leaves on it ("40C", "1.5C"), and what they
# measure.
MEASURE_SUFFIXES = {"c": "degrees Celsius", "f": "degrees Fahrenheit"}
# Minor currency units glued to the number, as the currency and the part of it they are
# ("shares fell to 156p": 1.56 GBP).
MINOR_UNIT_SUFFIXES = {"p": ("GBP", 0.01)}

# Vague amounts without a numeral, as the magnitude they name ("hundreds" -> 100).
VAGUE_AMOUNTS = {
    "dozen": 12,
    "dozens": 12,
    "hundreds": 100,
    "thousands": 1e3,
    "millions": 1e6,
    "billions": 1e9,
}
# Amounts that count only after "a" ("a couple songs", "a dozen eggs").
AMOUNTS_AFTER_A = {"couple": 2, "dozen": 12, "half": 0.5}
# "more than half of the districts": a proportion, with a hedge or "of" after it.
HALF = "half"
# Fractions: "two-thirds", "three quarters of", "a fifth of" (with "a": only before "of" or
# after a hedge, since "a third buyer" ranks). The words and their denominators.
FRACTION_DENOMINATORS = {
    **dict.fromkeys(("third", "thirds"), 3),
    **dict.fromkeys(("quarter", "quarters"), 4),
    **dict.fromkeys(("fifth", "fifths"), 5),
    **dict.fromkeys(("sixth", "sixths"), 6),
    **dict.fromkeys(("eighth", "eighths"), 8),
    **dict.fromkeys(("tenth", "tenths"), 10),
}
# Vague multipliers before a scale word that keep the scale's magnitude.
MAGNITUDE_HEDGES = frozenset("several few many".split())

CURRENCY_SYMBOLS = {
    "$": "USD",
    "us$": "USD",
    "€": "EUR",
    "£": "GBP",
    "¥": "JPY",
    "c$": "CAD",
    "a$": "AUD",
    "nz$": "NZD",
    "hk$": "HKD",
    "s$": "SGD",
    "r$": "BRL",
    "₹": "INR",
    "rs": "INR",
    "rs.": "INR",
}
CURRENCY_WORDS = {
    "dollar": "USD",
    "dollars": "USD",
    "euro": "EUR",
    "euros": "EUR",
    "pound": "GBP",
    "pounds": "GBP",
    "yen": "JPY",
    "yuan": "CNY",
    "rupee": "INR",
    "rupees": "INR",
}
PERCENT_WORDS = frozenset(("%", "percent", "pct"))

# Nouns that make a number a time span framing or dating an event ("18 years after",
# "in less than five months", "a four-year high"), which is not a quantity claim.
TIME_SPAN_UNITS = frozenset(
    """
    year years month months week weeks day days hour hours minute minutes second seconds
    decade decades century centuries weekend weekends quarter quarters
    """.split()
)
# Words after a time span that make it a penalty or term, which is a quantity claim
# ("a maximum of 10 years in prison").
TERM_FOLLOWERS = frozenset(
    ("prison", "jail", "custody", "probation", "bars", "sentence", "ban", "suspension")
)
# Verbs that make a span of time they govern a penalty ("jailed for six years", "sentenced
# to 10 years", "banned for two years").
TERM_VERBS = frozenset("jail imprison sentence ban suspend disqualify detain".split())

# Words in a hyphenated compound that make the number part of a designation or an idiom
# rather than a measure ("a two-class layout", "a .45-caliber handgun", "a one-off payment").
DESIGNATION_UNITS = frozenset(
    """
    class caliber calibre door cylinder speed star seat seater stroke point way off on sided
    size
    """.split()
)

# Words before a number that make it negative, kept in the value as written ("minus 5C").
NEGATIVE_SIGNS = frozenset(("minus",))

# Words before a number that make it an age ("aged 34").
AGE_WORDS = frozenset(("aged",))

# Nouns before a number that make it a designation, not a count ("junction 10", "Year 6",
# "page 3", "Phase 3 trials", "a category 5 hurricane").
DESIGNATION_NOUNS = frozenset(
    """
    junction page room platform gate exit route line channel grade stage phase round chapter
    section article clause level tier category division ward terminal pier highway interstate
    flight bus seat row year
    """.split()
)

# Markers after a number that make it a clock time.
CLOCK_MARKERS = frozenset(("a.m.", "p.m.", "am", "pm", "gmt", "utc", "et", "est", "edt", "bst"))

MONTHS = frozenset(
    """
    january february march april may june july august september october november december
    jan jan. feb feb. mar mar. apr apr. jun jun. jul jul. aug aug. sep sep. sept sept.
    oct oct. nov nov. dec dec.
    """.split()
)

# Determiners that make a number refer to things already named ("the two were on the
# ground", "the four states") rather than count them.
REFERRING_DETERMINERS = frozenset(("the", "these", "those"))

# Street words: a number before a name ending in one is an address ("221 Baker Street").
STREET_WORDS = frozenset(
    """
    street st st. road rd rd. avenue ave ave. lane boulevard blvd blvd. drive dr. way place
    square terrace crescent close court highway parkway
    """.split()
)

# A number word and the particle after it that make it a verb ("zero in on the causes").
NUMBER_WORD_VERBS = frozenset((("zero", "in"),))

# "one" picks out rather than counts before these nouns ("one reason is", "at one point").
ONE_PICKS_OUT = frozenset(
    """
    thing things way reason point hand side example question problem issue time day night
    morning evening afternoon another other
    """.split()
)

# Entity labels whose text is a name; a number inside one is part of the name ("Fortune 500").
NAME_LABELS = frozenset(
    "PERSON ORG GPE LOC NORP FAC PRODUCT EVENT WORK_OF_ART LAW LANGUAGE".split()
)

# Words for "N out of M" proportions.
PROPORTION_LINKS = (("out", "of"), ("of",), ("in",))

# Reporting verbs whose object is the person addressed, not what is reported ("told a few
# thousand teachers"): a number in that object is not the speaker's claim.
ADDRESSING_VERBS = frozenset("tell ask urge remind inform address thank".split())

# Reporting verbs that also state a change in an amount ("the Nasdaq added 20.72 points",
# "the bill would add $300 billion"): their subject is what the number is about, not a speaker.
AMOUNT_VERBS = frozenset(("add",))
