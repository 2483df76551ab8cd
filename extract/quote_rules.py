"""Word lists and marks for finding direct quotes, apart from the rules in extract/quotes.py."""

# Quotation marks. A straight mark opens or closes by turns within a paragraph.
OPENING_MARKS = frozenset("\u201c\u201e\u00ab")  # “ „ «
CLOSING_MARKS = frozenset("\u201d\u00bb")  # ” »
STRAIGHT_MARKS = frozenset('"')
# Single quotation marks (British outlets, headlines, quotes inside quotes). The same
# characters are apostrophes ("don't", "the states' data", "'90s"), so a single mark opens
# only at the start of a word and closes only at the end of one.
SINGLE_OPENING_MARKS = frozenset("\u2018")  # ‘
SINGLE_CLOSING_MARKS = frozenset("\u2019")  # ’
STRAIGHT_SINGLE_MARKS = frozenset("'")
# Characters after which a mark stands at the start of a word: "(‘", "—'".
BEFORE_A_WORD = frozenset('([{\u201c\u201e\u00ab"\u2014\u2013-/')
# Letters before an apostrophe that may end a plural possessive ("the states' data").
POSSESSIVE_ENDINGS = frozenset("sSzZ")
# Words written with a leading apostrophe, which then opens no quote: "rock 'n' roll",
# "'em", "'til" ('90s and '19 are told by their digits).
ELIDED_WORDS = frozenset("n em til tis twas bout cos".split())

# Fewer words than this between the marks is a scare quote ("vilified", "bolt-on things").
MIN_QUOTE_WORDS = 3

# Punctuation that closes the quoted sentence inside the marks; it is not part of the quote.
CLOSING_PUNCTUATION = ".,;:!?"

# Verbs besides the reporting verbs of extract/lexicon.py that introduce someone's exact
# words: "the crowd chanted, ...", "introduced him as ...", "which Apple views as ...".
QUOTE_CUE_VERBS = frozenset(
    """
    chant shout yell scream sing introduce remember joke quip urge call view describe
    ask exclaim plead vow promise pledge weigh characterize label praise read
    """.split()
)

# A line that is only a name before a colon or a reporting verb gives the speaker of the
# quote after it, as headlines and captions write it ("Boris Johnson: '...'"): at most this
# many words, ending in an entity of these labels (not places: "Ukraine war: '...'" is a topic).
MAX_NAME_WORDS = 6
SPEAKER_LABELS = frozenset(("PERSON", "ORG", "NORP"))

# Words right before a quotation that make it a name, not someone's words:
# "earned it the nickname of 'bird fancier's lung'", "dubbed 'feather duvet lung'".
NAMING_WORDS = frozenset(
    """
    nickname nicknamed dubbed named titled entitled term phrase hashtag
    song album film movie book novel show series play poem documentary podcast
    """.split()
)
# Words that name only right before the quotation ("a drug called 'Spice'"): with an object
# between they characterize, in someone's words ("called her 'the wrong pick'"), or ask
# ("called for 'urgent action'").
NAMING_WORDS_RIGHT_BEFORE = frozenset(("called",))

# Small words that stay lower-case in a title ("Less Money on Testing").
TITLE_SMALL_WORDS = frozenset(
    "a an and as at but by for from in into nor of on or the to up with".split()
)
