"""Word lists that relation extraction applies, kept apart from the rules that apply them."""

import re

# Entity labels that make a clause worth claiming (dates, times and ordinals do not).
NAMED_ENTITY_LABELS = frozenset(
    "PERSON NORP FAC ORG GPE LOC PRODUCT EVENT WORK_OF_ART LAW LANGUAGE".split()
)
# Entity labels of amounts, also when written in words ("more than half", "hundreds").
AMOUNT_LABELS = frozenset("CARDINAL PERCENT MONEY QUANTITY".split())
# Entity labels whose numerals do not count as a number a claim is about.
NON_QUANTITY_LABELS = frozenset("DATE TIME ORDINAL".split())
# What follows the numeral of an age, which the tagger labels a date ("43-year-old").
AGE_SUFFIX = re.compile(r"-(?:year|month|week)s?-old\b")

# Governors that make the embedded verb non-factual: (governing lemma) -> modality marker.
# Verbs, and adjectives after "be" ("is unlikely to cut").
CATENATIVE_MARKERS = {
    "try": "try to",
    "want": "want to",
    "plan": "plan to",
    "expect": "expect to",
    "intend": "intend to",
    "threaten": "threaten to",
    "hope": "hope to",
    "seek": "seek to",
    "aim": "aim to",
    "attempt": "attempt to",
    "promise": "promise to",
    "pledge": "pledge to",
    "vow": "vow to",
    "agree": "agree to",
    "need": "need to",
    "propose": "propose to",
    "prepare": "prepare to",
    "wish": "wish to",
    "offer": "offer to",
    "go": "going to",
    "have": "have to",
    "challenge": "challenge to",
    "likely": "likely to",
    "unlikely": "unlikely to",
    "eager": "eager to",
    "ready": "ready to",
    "willing": "willing to",
    "able": "able to",
    "poised": "poised to",
    "set": "set to",
    "due": "due to",
    "intent": "intent on",
}
# Passive governors that report belief without a named source ("is thought to harbor"):
# the participle as written plus "to" is the modality.
EPISTEMIC_PASSIVES = frozenset(
    "think expect believe say report consider know schedule set project estimate "
    "predict suppose rumor poise see view regard identify describe".split()
)
# Governors that assert the embedded event happened ("managed to attract", "began using",
# "spent Monday trying to", "could end up zooming").
FACTIVE_GOVERNORS = frozenset(
    "manage decide begin start continue keep choose proceed resume opt help dare "
    "remember forget get spend end".split()
)
# Governors that assert the embedded event did not happen ("failed to fulfill").
NEGATIVE_IMPLICATIVES = frozenset("fail refuse decline neglect".split())

# Adverbs that negate a clause (the "neg" dependency covers "not" and "n't").
NEGATING_ADVERBS = frozenset("never".split())

# Reflexive pronouns: as an object they give way to the prepositional object.
REFLEXIVE_PRONOUNS = frozenset(
    "myself yourself himself herself itself ourselves yourselves themselves".split()
)
# Relative pronouns that stand for the antecedent of their relative clause.
RELATIVE_PRONOUNS = frozenset("which who whom that".split())

# Prepositions that introduce a list of members of the noun before them.
LIST_INTRODUCERS = frozenset("including like".split())

# Nouns that form one multiword preposition with the prepositions around them
# ("in addition to", "on top of", "in front of").
MULTIWORD_PREPOSITION_NOUNS = frozenset(
    "addition top front behalf favor favour spite charge terms light response place".split()
)
# Nouns that make "be in the N of doing X" a phase of doing X ("in the process of").
ASPECT_NOUNS = frozenset("process midst course middle".split())
# Prepositions that frame an event in time or manner rather than complete the verb.
ADJUNCT_PREPOSITIONS = frozenset(
    "according during since until till after amid despite throughout via per than because".split()
)

# Participles used as prepositions: "in the days following the fight" is no act of following.
PREPOSITIONAL_PARTICIPLES = frozenset(
    "following including regarding concerning excluding barring pending".split()
)

# Subordinators that make a clause a condition or a comparison, not an assertion.
NON_ASSERTING_MARKERS = frozenset("if unless whether than".split())

# Verbs that take a clause as their object: a noun right after them that the parser
# made the subject of the clause is that clause's subject ("said ICE did not ...").
CLAUSE_TAKING_VERBS = frozenset(
    "know ensure show mean find hope feel realize see expect suggest decide agree "
    "learn understand fear hear prove insist demand ask wonder".split()
)


# Verbs of the speaker's own feeling: "I love ...", "we miss ...", "I don't care" are opinions.
FEELING_VERBS = frozenset(
    "love like hate care miss blame appreciate enjoy admire respect thank wish hope feel "
    "fear mind regret adore".split()
)
# Pronouns that, as the subject of "be", mostly stand for a situation or an extraposed
# clause ("It was simple things like that that ...", "it's not something to worry about").
SITUATION_PRONOUNS = frozenset("it this that".split())
# First- and second-person pronouns whose feelings are opinions, not claims.
SPEAKER_PRONOUNS = frozenset("i we you".split())
# Verbs that take a clause, an idea or a stand-in ("do so"): without an object they claim
# nothing.
VERBS_NEEDING_OBJECT = frozenset(
    "know mean see think believe remember seem appear become want wonder guess "
    "understand realize notice imagine do make get have take give put".split()
)
# Words that ask or stand for an unknown: not an argument a claim can be about.
WH_WORDS = frozenset("what which who whom whatever whoever how".split())
# Dependents that show a verb's complement is a clause or a predicate, not a missing object.
CLAUSAL_COMPLEMENT_DEPS = frozenset("ccomp xcomp acomp oprd csubj attr".split())
# Dashes that end a dateline ("DUBAI — ...", "Indianapolis – ...").
DATELINE_DASHES = frozenset("– — - --".split())
# Determiners before a numeral that make it refer to known things rather than count them.
DEFINITE_DETERMINERS = frozenset("the these those".split())
# Market instrument codes that wire copy puts after a name: ".DJI", "CLc1", "GBP=", "US30YT=RR".
INSTRUMENT_CODE = re.compile(r"\.[A-Z][A-Z0-9]+|[A-Z0-9]+=[A-Z0-9]*|[A-Z]{2,}[a-z]\d+")
# Any part of such a code: its characters, with at most one lowercase letter.
CODE_CHARACTERS = re.compile(r"[A-Z0-9.=\d]*[a-z]?[A-Z0-9.=\d]*")
# Verbs that stand in for another verb ("as Bevin did", "doing so"): no claim without an object.
PRO_VERBS = frozenset(("do",))
# Light verbs: the meaning is in their object noun, whose complement the object keeps
# ("lay siege to a university", "take action against X", "pay tribute to Y").
LIGHT_VERBS = frozenset("lay take make give pay have do offer put set cast place".split())
# Prepositions after an object that make a gerund the object's act ("accused the UK of
# meddling", "thanked Apple for helping"), or an act the verb prevents ("barred X from using").
OBJECT_CONTROL_PREPOSITIONS = frozenset("of for".split())
PREVENTING_PREPOSITIONS = frozenset("from".split())
# Contracted forms of "be" the lemmatizer leaves as written ("it's", "we're").
CONTRACTED_BE = frozenset("'s ’s 're ’re 'm ’m".split())
# Verbs of saying whose noun-phrase object is a misparse, never a claim.
SPEECH_ONLY_VERBS = frozenset(("say",))
# Verbs of saying whose object is the one spoken to: a claim only as an order ("told X to").
ADDRESSEE_VERBS = frozenset("tell inform assure remind".split())
# Adverbs that act as a verb's particle when they follow it ("look forward to").
PARTICLE_ADVERBS = frozenset("forward back away out off up down over".split())
