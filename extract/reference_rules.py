"""Word lists for resolving references: which pronouns and descriptions stand for which
kinds of named entity. Kept apart from the rules in extract/coref.py that apply them."""

# spaCy entity labels, grouped into the kinds of referent a pronoun or description can take.
KIND_OF_LABEL = {
    "PERSON": "person",
    "ORG": "organisation",
    "GPE": "place",
    "LOC": "place",
    "NORP": "group",
    "FAC": "facility",
    "PRODUCT": "product",
    "EVENT": "event",
    "LAW": "law",
    "WORK_OF_ART": "work",
}

# Plural pronouns: a nearer plural subject ("Protesters ... they") takes them first.
PLURAL_PRONOUNS = frozenset("they them their theirs themselves".split())

# Personal pronouns (lower-cased) and the kinds of entity each can stand for (gender is
# checked apart, by PRONOUN_GENDER). "they" takes groups and organisations,
# not places: a place is "it", and the people of a district are not the district.
_MALE_PRONOUNS = "he him his himself".split()
_FEMALE_PRONOUNS = "she her hers herself".split()
PRONOUN_KINDS = {
    **dict.fromkeys(_MALE_PRONOUNS + _FEMALE_PRONOUNS, ("person",)),
    **dict.fromkeys("it its itself".split(), ("organisation", "place", "product", "facility")),
    **dict.fromkeys(PLURAL_PRONOUNS, ("organisation", "group")),
}

# Gender of the third-person pronouns: "he" does not take a person the article shows to be a
# woman, "she" not a man. A person's gender is known only from the words below.
PRONOUN_GENDER = {
    **dict.fromkeys(_MALE_PRONOUNS, "male"),
    **dict.fromkeys(_FEMALE_PRONOUNS, "female"),
}

# Titles (lower-case, without the final period) and nouns that say a person's gender, when
# written before the name, beside it ("Sonya Zoghlin, his wife") or said of it ("Omar is one
# of the first two Muslim women").
GENDER_WORDS = {
    **dict.fromkeys(
        """
        mr sir lord king prince man men father husband son brother boy grandfather uncle
        nephew widower businessman congressman spokesman councilman assemblyman chairman
        """.split(),
        "male",
    ),
    **dict.fromkeys(
        """
        mrs ms miss dame lady queen princess woman women mother wife daughter sister girl
        grandmother aunt niece widow actress businesswoman congresswoman spokeswoman
        councilwoman assemblywoman chairwoman
        """.split(),
        "female",
    ),
}

# Verbs whose subject "it" may stand for nothing but the clause that follows ("it takes a
# strike to get a raise", "it seems that ...", "it is clear that ...").
EXTRAPOSING_VERBS = frozenset("be seem appear remain matter".split())
# Adjectives of judgment whose infinitive "it" stands for ("it is hard to say"); after others
# "it" is someone able, ready or willing to act ("it is able to pay").
JUDGING_ADJECTIVES = frozenset(
    "hard easy difficult possible impossible important necessary clear unclear "
    "unusual common rare safe dangerous wrong right fair unfair illegal legal".split()
)


# First-person pronouns: inside a direct quote "I" stands for the quote's speaker, "we" for
# the group the speaker speaks for.
FIRST_PERSON_SINGULAR = frozenset("i me my mine myself".split())
FIRST_PERSON_PLURAL = frozenset("we us our ours ourselves".split())

# Kinds of entity a person can speak for ("Steelers captain Cam Heyward": the Steelers).
AFFILIATION_KINDS = frozenset(("organisation", "place", "group"))

# Capitalised words before a name that are titles or roles, not the group a person belongs
# to ("CEO Tim Cook", "Insider Jason La Canfora").
PERSON_TITLE_WORDS = frozenset(
    """
    CEO CFO COO Chief Executive President Vice Chairman Chairwoman Chair Director Founder
    Insider Analyst Editor Reporter Correspondent Spokesman Spokeswoman Coach Captain
    Sen. Rep. Gov. Gen. Lt. Dr. Mr. Mrs. Ms. Prof. Judge Justice Mayor Secretary Minister
    Ambassador Speaker Superintendent Commissioner Sheriff Officer Detective
    """.split()
)

# Description heads that name a title, and the title as written before a name
# ("the governor" -> "Gov. Eric Holcomb"); compared lower-case without the final period.
TITLE_OF_DESCRIPTION = {
    "governor": "gov",
    "senator": "sen",
    "representative": "rep",
    "congressman": "rep",
    "congresswoman": "rep",
    "general": "gen",
    "doctor": "dr",
    "professor": "prof",
    "lieutenant": "lt",
    "sergeant": "sgt",
    "detective": "det",
    "attorney": "atty",
}

# Heads of definite descriptions ("the company", "the governor") and the kind of named
# entity they stand for. Generic people ("the man") are left out on purpose: they usually
# refer to someone the article never names.
DESCRIPTION_KINDS = {
    **dict.fromkeys(
        """
        company firm giant carrier airline manufacturer maker plane-maker automaker
        bank lender insurer retailer group organization organisation agency union
        league team club network newspaper publisher broadcaster startup conglomerate
        university hospital charity nonprofit
        """.split(),
        "organisation",
    ),
    **dict.fromkeys(
        """
        senator governor president executive director chairman chairwoman chair
        spokesman spokeswoman spokesperson minister secretary official lawmaker
        congressman congresswoman representative attorney lawyer commander ambassador
        player quarterback coach manager founder ceo chief star singer actor actress
        author researcher scientist professor judge prosecutor mayor leader
        """.split(),
        "person",
    ),
    **dict.fromkeys(
        "state country nation city town province territory region county island".split(),
        "place",
    ),
}

# Nouns for a body of people that a name can modify ("the US military", "Hong Kong police"):
# such a phrase, as a subject, is what a later "it" or "they" stands for, not the name in it.
BODY_NOUNS = frozenset(
    """
    military army navy police government administration authorities officials ministry
    forces troops court council parliament legislature committee regulators prosecutors
    """.split()
)

# Determiners that make a noun phrase definite, so that it can refer back.
DEFINITE_DETERMINERS = frozenset("the this that these those both".split())

# Reach of a pronoun, in sentences back from its own: antecedents farther away are too
# uncertain to name.
PRONOUN_REACH = 4
# Reach of a pronoun that is the speaker of a quote ("...," she said), whose own quote and the
# quotes before it may span several sentences that name nobody it could be.
SPEAKER_REACH = 8

# Description heads that name a sort of entity the gazetteers know ("the state" -> the last
# US state named, not the last city), as "label:gazetteer kind", best first.
GAZETTEER_SORTS_OF_DESCRIPTION = {
    "state": ("GPE:state",),
    "country": ("GPE:country",),
    "nation": ("GPE:country",),
    "agency": ("ORG:federal", "ORG:state", "ORG:local"),
    "newspaper": ("ORG:newspaper",),
}
