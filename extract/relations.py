"""Relation claims (subject, predicate, object) from the dependency parse.

Each verb heads at most one clause frame: who does it (after relative clauses, passives,
conjoined verbs and catenative governors are resolved), to what (direct object, else the
object of the preposition that completes the verb), negation, modality and attribution.
Coordinated subjects and objects give one claim per member.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy
from spacy.attrs import POS
from spacy.parts_of_speech import IDS
from spacy.tokens import Doc, Span, Token

from extract.attribution import (
    QuotedPassage,
    attribution_of,
    is_reporting_verb,
    quote_around,
    speaker_of_reporting_verb,
)
from extract.coref import sentence_of, sentences
from extract.doc_index import article_text, children_of, tokens_of
from extract.lexicon import MODAL_AUXILIARIES
from extract.phrases import (
    Phrase,
    extended,
    has_number,
    is_instrument_code,
    is_named_by_its_head,
    may_qualify,
    phrase,
    same_paragraph,
    split_phrases,
)
from extract.quotes import quotations, without_surrounding_space
from extract.records import Claim
from extract.relation_rules import (
    ADDRESSEE_VERBS,
    ADJUNCT_PREPOSITIONS,
    ASPECT_NOUNS,
    CATENATIVE_MARKERS,
    CLAUSAL_COMPLEMENT_DEPS,
    CLAUSE_TAKING_VERBS,
    CONTRACTED_BE,
    DATELINE_DASHES,
    EPISTEMIC_PASSIVES,
    FACTIVE_GOVERNORS,
    FEELING_VERBS,
    LIGHT_VERBS,
    MULTIWORD_PREPOSITION_NOUNS,
    NEGATING_ADVERBS,
    NEGATIVE_IMPLICATIVES,
    NON_ASSERTING_MARKERS,
    NON_QUANTITY_LABELS,
    OBJECT_CONTROL_PREPOSITIONS,
    PARTICLE_ADVERBS,
    PREPOSITIONAL_PARTICIPLES,
    PREVENTING_PREPOSITIONS,
    PRO_VERBS,
    REFLEXIVE_PRONOUNS,
    RELATIVE_PRONOUNS,
    SITUATION_PRONOUNS,
    SPEAKER_PRONOUNS,
    SPEECH_ONLY_VERBS,
    VERBS_NEEDING_OBJECT,
    WH_WORDS,
)

VERBAL = frozenset(("VERB", "AUX"))
_VERBAL_IDS = numpy.array([IDS[pos] for pos in VERBAL], dtype="uint64")
SUBJECT_DEPS = frozenset(("nsubj", "nsubjpass", "csubj"))
COPULAS = frozenset(("be",))


@dataclass
class Frame:
    """What the verbs above a clause's verb contribute to it."""

    negated: bool = False
    modality: list[str] = field(default_factory=list)
    chain: list[Token] = field(default_factory=list)  # the verb, then the verbs it leans on


def _children(token: Token, *deps: str) -> list[Token]:
    return [child for child in children_of(token) if child.dep_ in deps]


def _is_negated(verb: Token) -> bool:
    for child in children_of(verb):
        word = child.lower_
        if child.dep_ == "neg" or word in NEGATING_ADVERBS:
            return True
        if word == "longer" and any(g.lower_ == "no" for g in children_of(child)):
            return True
    return False


def _modals(verb: Token) -> list[str]:
    return [
        child.lemma_.lower()
        for child in children_of(verb)
        if child.dep_ == "aux" and child.lemma_.lower() in MODAL_AUXILIARIES
    ]


def _has_own_auxiliary(verb: Token) -> bool:
    return any(child.dep_ in ("aux", "auxpass", "neg") for child in children_of(verb))


def _saying_of_misread_clause(verb: Token) -> Token | None:
    """The "say" whose clause the parser split into an object and a participle.

    "The unions said 15,000 people registered for the rally": "say" takes no noun-phrase
    object, so "people" is the subject of "registered", a past tense, not a passive.
    """
    if verb.dep_ != "acl" or verb.tag_ != "VBN":
        return None
    noun = verb.head
    if noun.dep_ != "dobj" or noun.i > verb.i:
        return None
    saying = noun.head
    return saying if _lemma(saying) in SPEECH_ONLY_VERBS else None


def _is_passive(verb: Token) -> bool:
    if _children(verb, "auxpass", "nsubjpass"):
        return True
    if verb.dep_ == "acl" and verb.tag_ == "VBN":
        return _saying_of_misread_clause(verb) is None
    return (
        verb.dep_ == "conj"
        and verb.tag_ == "VBN"
        and not _children(verb, "nsubj", "aux")
        and verb.head.pos_ in VERBAL
        and _is_passive(verb.head)
    )


def _governor(verb: Token) -> Token | None:
    """The verb or adjective an infinitive complements ("plans to expand" -> plans).

    The parser sometimes reads the "to" of an infinitive as a preposition with the verb as
    its object ("threatening to assault"); that is the same construction.
    """
    dep = verb.dep_
    if dep not in ("xcomp", "pobj", "pcomp"):
        return None
    head = verb.head  # each ``.head`` makes a new Token: taken once
    if dep == "xcomp":
        return head
    if dep == "pobj":
        return head.head if verb.pos_ == "VERB" and head.tag_ == "TO" else None
    grandparent = head.head
    if head.lower_ == "as" and _is_passive(grandparent):
        return grandparent  # "has been seen as weakening"
    if grandparent.pos_ == "ADJ" and grandparent.lemma_ in CATENATIVE_MARKERS:
        return grandparent  # "seem intent on antagonizing"
    return None


def _embedded_verbs(governor: Token) -> list[Token]:
    return [
        token
        for token in (
            *children_of(governor),
            *(g for c in children_of(governor) for g in children_of(c)),
        )
        if token.pos_ in VERBAL and _governor(token) == governor
    ]


_GOVERNING_LEMMAS = frozenset(
    (*NEGATIVE_IMPLICATIVES, *FACTIVE_GOVERNORS, *EPISTEMIC_PASSIVES, *CATENATIVE_MARKERS)
)


def _governor_effect(governor: Token) -> tuple[str | None, bool] | None:
    """The modality marker and negation a governing verb or adjective gives its xcomp.

    None when the governor is not catenative: then it is the claim and its
    complement is not ("urged governors to ensure ...").
    """
    lemma = governor.lemma_.lower()
    if lemma not in _GOVERNING_LEMMAS:
        return None  # most verbs: answered by the lemma alone
    # "urged governors to act": the act is the governors', and only urged; a span of time is
    # no one the act belongs to ("spent years fighting X" is the fight)
    if any(
        obj.lower_ not in REFLEXIVE_PRONOUNS and not _temporal(obj)
        for obj in _children(governor, "dobj")
    ):
        return None
    if lemma in NEGATIVE_IMPLICATIVES:
        return None, True
    if lemma in FACTIVE_GOVERNORS:
        return None, False
    if lemma in EPISTEMIC_PASSIVES and _is_passive(governor):
        linker = "as" if any(child.lower_ == "as" for child in children_of(governor)) else "to"
        return f"{governor.lower_} {linker}", False
    if lemma == "go" and governor.tag_ != "VBG":  # "went to see" is a purpose, not a future
        return None
    if lemma in CATENATIVE_MARKERS:
        return CATENATIVE_MARKERS[lemma], False
    return None


def _frame(verb: Token) -> Frame | None:
    """Negation, modality and the chain of verbs a clause leans on; None if not a claim."""
    frame = Frame(_is_negated(verb), _modals(verb), [verb])
    node = verb
    while True:
        if node.dep_ == "conj" and node.head.pos_ in VERBAL and not _children(node, *SUBJECT_DEPS):
            if not _has_own_auxiliary(node):
                frame.negated = frame.negated or _is_negated(node.head)
                frame.modality = _modals(node.head) + frame.modality
            node = node.head
        elif _governor(node) is not None:
            governor = _governor(node)
            effect = _governor_effect(governor)
            if effect is None:
                return None
            marker, negates = effect
            if marker:
                frame.modality.insert(0, marker)
            frame.negated = frame.negated or negates or _is_negated(governor)
            frame.modality = _modals(governor) + frame.modality
            node = governor.head if governor.pos_ == "ADJ" else governor
            if governor.pos_ == "ADJ":
                frame.negated = frame.negated or _is_negated(node)
                frame.modality = _modals(node) + frame.modality
        else:
            return frame
        frame.chain.append(node)


def _resolve_relative(token: Token) -> Token:
    """A relative pronoun stands for the antecedent of its relative clause."""
    if token.lower_ not in RELATIVE_PRONOUNS or token.tag_ not in ("WDT", "WP", "IN"):
        return token
    for ancestor in token.ancestors:
        if ancestor.dep_ == "relcl":
            return ancestor.head
    return token


def _misread_object(noun: Token) -> Token | None:
    """The verb whose object the parser took for the subject of the next clause.

    "which had barred ICE from its data, and Oregon ... did not return messages": "ICE"
    follows "barred", which lacks an object and does not take a clause, yet the parse makes
    it the subject of a clause inside that verb's own complement.
    """
    if noun.dep_ != "nsubj" or noun.i == 0 or noun.head.i < noun.i:
        return None
    verb = noun.doc[noun.i - 1]
    if verb.pos_ != "VERB":
        return None
    lemma = verb.lemma_.lower()
    if lemma in CLAUSE_TAKING_VERBS or is_reporting_verb(verb) or _children(verb, "dobj"):
        return None
    return verb if noun.head in verb.subtree else None


def _past_dateline(subject: Token) -> Token:
    """ "Indianapolis – Several thousand teachers surrounded ...": the parser takes the
    dateline for the subject and the real subject for its appositive."""
    if subject.left_edge.i != sentence_of(subject).start:
        return subject
    for child in _children(subject, "appos"):
        between = subject.doc[subject.i + 1 : child.left_edge.i]
        if any(token.text in DATELINE_DASHES for token in between):
            return child
    return subject


def _subject_head(frame: Frame) -> Token | None:
    """The subject of the clause: its own, a governor's, or the noun a relative modifies."""
    for node in frame.chain:
        found = _children(node, *SUBJECT_DEPS)
        if found:
            # of two, the one next to the verb ("DUBAI, ... — the carrier"), not a ticker code
            named = [token for token in found if not is_instrument_code(token)]
            subject = named[-1] if named else found[0]
            if _misread_object(subject) is not None:
                return None
            return _past_dateline(_resolve_relative(subject))
    anchor = frame.chain[-1]
    if anchor.dep_ == "relcl" or _saying_of_misread_clause(anchor) is not None:
        return anchor.head
    if anchor.dep_ == "acl" and anchor.tag_ == "VBG":  # "the plume wafting from ..."
        return _described_subject(anchor) or anchor.head
    if anchor.tag_ == "VBG" and anchor.dep_ in ("advcl", "pcomp", "pobj", "conj"):
        for ancestor in anchor.ancestors:  # "responded by hitting Rudolph": the responder
            if ancestor.pos_ in VERBAL and ancestor.dep_ not in ("aux", "auxpass"):
                linked = anchor.head.head == ancestor and anchor.head.lower_
                controller = _children(ancestor, "dobj")
                if linked in PREVENTING_PREPOSITIONS and (controller or _is_passive(ancestor)):
                    return None  # "obstructed ICE from accessing", "was barred from owning"
                if controller and linked in OBJECT_CONTROL_PREPOSITIONS:
                    return controller[0]  # "accused the UK of meddling": the UK's act
                outer = _frame(ancestor)
                return _subject_head(outer) if outer else None
    return None


def _described_subject(participle: Token) -> Token | None:
    """ "The 787-9 is a variant of the Dreamliner, seating 242": a participle set off by a
    comma after the complement of "be" describes the subject, which the complement restates."""
    complement, before = participle.head, participle.left_edge.i - 1
    if complement.dep_ != "attr" or before < 0 or participle.doc[before].text != ",":
        return None
    subjects = _children(complement.head, "nsubj")
    return _resolve_relative(subjects[0]) if subjects else None


def _is_clause_head(token: Token) -> bool:
    if token.pos_ not in VERBAL or token.dep_ in ("aux", "auxpass", "amod", "compound"):
        return False
    if token.pos_ == "AUX" and _lemma(token) not in COPULAS:
        return False
    if _children(token, "expl"):  # "there was ...", "it was not possible to ..."
        return False
    if token.lower_ in PREPOSITIONAL_PARTICIPLES and token.dep_ in ("advcl", "prep"):
        return False  # "in the days following the fight": a preposition, no one's act
    if _lemma(token) in COPULAS and token.tag_ in ("VBG", "VBN"):
        return False  # "being a felon": only a finite "be" makes a copular claim
    if any(child.tag_ == "TO" for child in _children(token, "aux")) and token.dep_ not in (
        "xcomp",
        "conj",
    ):
        return False  # purpose infinitives, infinitives that complement a noun
    if is_reporting_verb(token) and (
        _children(token, "ccomp") or token.dep_ in ("parataxis", "advcl")
    ):
        return False  # its clause gives the claims; the verb is their cue
    # "plans to expand": the embedded verb is the claim
    return not (_governor_effect(token) is not None and _embedded_verbs(token))


def _temporal(token: Token) -> bool:
    return token.ent_type_ in NON_QUANTITY_LABELS


def _prepositional_object(verb: Token) -> tuple[str, Token] | None:
    """The preposition that completes the verb and its object ("account for X")."""
    for prep in _children(verb, "prep", "dative"):
        if prep.i < verb.i or prep.lower_ in ADJUNCT_PREPOSITIONS:
            continue
        objects = _children(prep, "pobj", "pcomp")
        if not objects or _temporal(objects[0]):
            continue
        obj = objects[0]
        words = prep.lower_
        if obj.lower_ in MULTIWORD_PREPOSITION_NOUNS and not _children(obj, "det"):
            inner = [p for p in _children(obj, "prep") if _children(p, "pobj", "pcomp")]
            if inner:  # "in addition to X", "on top of X"
                words = f"{words} {obj.lower_} {inner[0].lower_}"
                obj = _children(inner[0], "pobj", "pcomp")[0]
        return words, _resolve_relative(obj)
    return None


def _repeated_prepositions(obj: Token) -> list[Token]:
    """ "coming from the ocean or from a reservoir": the objects of a preposition and of the
    same preposition coordinated with it."""
    if obj.dep_ != "pobj":
        return [obj]
    preposition = obj.head
    return [obj] + [
        pobj
        for other in preposition.conjuncts
        if other.lower_ == preposition.lower_
        for pobj in _children(other, "pobj")
    ]


def _objects_read_as_verbs(verb: Token) -> list[Token]:
    """ "faces 10 years in prison and up to a $250,000 fine": a second object the parser
    coordinated with the verb instead of with its first object."""
    if not _children(verb, "dobj"):
        return []
    return [conj for conj in _children(verb, "conj") if conj.pos_ in ("NOUN", "PROPN", "ADP")]


def _amount_object(verb: Token) -> Token | None:
    """ "fell 102.2 points", "closed 0.68% higher": the change is a market verb's object."""
    for child in _children(verb, "npadvmod"):
        if has_number(list(child.subtree)):
            return child
    for child in _children(verb, "advmod", "acomp"):  # "closed 0.68% higher"
        if _children(child, "npadvmod") and has_number(list(child.subtree)):
            return child
    return None


def _particles(verb: Token) -> str:
    """Particles that belong to the verb: "shoot down", and adverbs that act as one right
    after it ("look forward to", "hide away from", "hark back to")."""
    return " ".join(
        child.lower_
        for child in children_of(verb)
        if child.dep_ == "prt"
        or (child.dep_ == "advmod" and child.i == verb.i + 1 and child.lower_ in PARTICLE_ADVERBS)
    )


def _has_own_subject_and_infinitive(clause: Token) -> bool:
    """ "Rudolph to be disciplined", "the league to suspend Garrett"."""
    return bool(_children(clause, *SUBJECT_DEPS)) and any(
        child.tag_ == "TO" for child in children_of(clause)
    )


def _extraposed_clause(verb: Token) -> tuple[Token, Token] | None:
    """ "made it evident that X": the predicative adjective, which stays in the predicate, and
    the clause that "it" holds the place of, which is the object."""
    for adjective in _children(verb, "ccomp", "oprd"):
        holders = _children(adjective, *SUBJECT_DEPS) or _children(verb, "dobj")
        if adjective.pos_ != "ADJ" or not holders or holders[0].lower_ != "it":
            continue
        clauses = [c for c in _children(adjective, "advcl", "ccomp") if c.pos_ in VERBAL]
        if clauses:
            return adjective, clauses[0]
    return None


def _clause_side_by_side(clause: Token, verb: Token) -> bool:
    """A clause the parse hangs before the verb, unquoted: two clauses side by side, where a
    quoted one before a verb is what the verb reports (" “…,” Benioff weighed in")."""
    if clause.dep_ != "ccomp" or clause.i > verb.i:
        return False
    return not any(token.is_quote for token in verb.doc[clause.left_edge.i : verb.i])


def _is_aspect(noun: Token) -> bool:
    """ "the process of doing", "the midst of negotiating": a phase of an act, not a place."""
    return noun.lower_ in ASPECT_NOUNS and any(
        grandchild.tag_ == "VBG"
        for of in _children(noun, "prep")
        if of.lower_ == "of"
        for grandchild in _children(of, "pcomp", "pobj")
    )


def _lemma(verb: Token) -> str:
    return "be" if verb.lower_ in CONTRACTED_BE else verb.lemma_.lower()


def _predicate_and_object(verb: Token, frame: Frame) -> tuple[str, Token | None] | None:
    """The predicate words and the object head of an active clause."""
    lemma = _lemma(verb)
    if lemma in SPEECH_ONLY_VERBS:
        return None
    if lemma in ADDRESSEE_VERBS and not _children(verb, "xcomp"):
        return None  # "told reporters": an addressee; only "told the man to ..." is an act
    particles = _particles(verb)
    base = f"{lemma} {particles}".strip()
    extraposed = _extraposed_clause(verb)
    if extraposed is not None:  # "made it clear that X" -> make clear | X
        return f"{base} {extraposed[0].lower_}", extraposed[1]
    objects = [_resolve_relative(child) for child in _children(verb, "dobj")]
    if objects and objects[0].lower_ in REFLEXIVE_PRONOUNS and not _embedded_verbs(verb):
        completion = _prepositional_object(verb)
        if completion:  # "distance themselves from X" -> distance from | X
            return f"{base} {completion[0]}", completion[1]
    if lemma in PRO_VERBS and not objects:
        return None  # "as Bevin did in ...": a stand-in for another verb
    following = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
    if not objects and following is not None and _misread_object(following) == verb:
        objects = [following]
    if not objects and verb.dep_ == "conj":  # "privacy, which Apple values and embeds"
        objects = [
            _resolve_relative(obj)
            for obj in _children(verb.head, "dobj")
            if obj.lower_ in RELATIVE_PRONOUNS and obj.i < verb.head.i
        ]
    if not objects and _governor_effect(verb) is None:  # "denied cheating": a bare gerund
        objects = [c for c in _children(verb, "xcomp") if c.tag_ == "VBG" and not children_of(c)]
    if not objects:  # "represented Indiana's biggest protest": a bare noun read as a clause
        objects = [
            child
            for child in _children(verb, "ccomp")
            if child.pos_ in ("NOUN", "PROPN") and not _children(child, *SUBJECT_DEPS)
        ][:1]
    if not objects and not _children(verb, "prep", "prt", *CLAUSAL_COMPLEMENT_DEPS):
        objects = [  # "threatened to assault and murder an official": a shared object
            _resolve_relative(obj)
            for conjunct in _children(verb, "conj")
            for obj in _children(conjunct, "dobj")
        ][:1]
    if objects:
        return base, objects[0]
    for child in _children(verb, "dative", "attr"):
        if child.dep_ == "dative" or child.tag_ not in ("WP", "WDT", "VBG"):
            return base, _resolve_relative(child)
    amount = None if lemma in COPULAS else _amount_object(verb)  # "was down 2.74%": no act
    if amount is not None:
        return base, amount
    if lemma in CATENATIVE_MARKERS:
        for clause in _children(verb, "ccomp"):  # "wants Rudolph to be disciplined"
            if _has_own_subject_and_infinitive(clause):
                return base, clause
    for clause in _children(verb, "advcl", "ccomp"):  # "lobbied for the league to suspend X"
        if _has_own_subject_and_infinitive(clause) and any(
            mark.lower_ == "for" for mark in _children(clause, "mark")
        ):
            return f"{base} for", clause
    complements = [
        child
        for child in children_of(verb)
        if child.dep_ in ("acomp", "oprd") or (child.dep_ == "advmod" and child.pos_ == "ADJ")
    ]
    for complement in complements:
        if _governor_effect(complement) is not None and _embedded_verbs(complement):
            return None  # "seem intent on antagonizing": the embedded verb is the claim
        completion = _prepositional_object(complement) or _prepositional_object(verb)
        if lemma in COPULAS:
            if complement.tag_ == "VBN" and completion:  # "is committed to X" -> commit to
                return f"{complement.lemma_.lower()} {completion[0]}", completion[1]
            if _prepositional_object(complement) or not _prepositional_object(verb):
                return None  # "is crucial for": an adjective complement is no relation
            break  # "was last at $60.73": the preposition completes "be"
        if completion:  # "plead guilty to X"
            return f"{base} {complement.lower_} {completion[0]}", completion[1]
    completion = _prepositional_object(verb)
    if completion and lemma in COPULAS and _is_aspect(completion[1]):
        return None  # "was in the process of doing so": the gerund is the claim
    if completion:
        return f"{base} {completion[0]}", completion[1]
    if lemma in COPULAS or lemma in VERBS_NEEDING_OBJECT or is_reporting_verb(verb):
        return None
    # "X was little changed, the Dow fell": a clause before a verb that does not report is
    # no complement of it, but the parse's reading of two clauses side by side
    if any(
        child.dep_ in CLAUSAL_COMPLEMENT_DEPS and not _clause_side_by_side(child, verb)
        for child in children_of(verb)
    ):
        return None  # its complement is a clause the parse did not give as an object
    return base, None


def _arguments(verb: Token, frame: Frame) -> tuple[Token | None, str, Token | None] | None:
    """(subject head, predicate, object head) in active voice, or None."""
    if _is_passive(verb):
        patient = None
        for node in frame.chain:
            found = _children(node, "nsubjpass")
            if not found and node == verb:  # the parser may label a passive's subject nsubj
                found = _children(node, "nsubj")
            if found:
                patient = _resolve_relative(found[0])
                break
        if patient is None and verb.dep_ == "acl":
            patient = verb.head  # "the budget approved by Republicans"
        agents = [pobj for agent in _children(verb, "agent") for pobj in _children(agent, "pobj")]
        particles = _particles(verb)
        predicate = f"{verb.lemma_.lower()} {particles}".strip()
        return (agents[0] if agents else None), predicate, patient
    subject = _subject_head(frame)
    if subject is None:
        return None
    found = _predicate_and_object(verb, frame)
    if found is None:
        return None
    predicate, obj = found
    return subject, predicate, obj


def _confidence(subject: Phrase | None, obj: Phrase | None, passive: bool) -> float:
    confidence = 0.7
    for argument in (subject, obj):
        if argument is not None and not argument.qualifies:
            confidence -= 0.1
    if passive:
        confidence -= 0.1
    return round(confidence, 2)


def _light_verb_complement(verb: Token, obj: Token) -> Token | None:
    """The preposition right after a light verb's object, when the parse hung it on the verb."""
    if verb.lemma_.lower() not in LIGHT_VERBS or obj.dep_ != "dobj" or obj.head != verb:
        return None
    following = obj.right_edge.i + 1
    for prep in _children(verb, "prep"):
        if (
            prep.i == following
            and _children(prep, "pobj")
            and prep.lower_ not in ADJUNCT_PREPOSITIONS
        ):
            return prep
    return None


def _introduces_quote(verb: Token, sentence: Span, quotes: Sequence[QuotedPassage]) -> bool:
    """ "…," Cook told Benioff: a reporting verb outside a quote in its sentence is its cue.

    Not when it has a noun-phrase object of its own: "accused the UK of meddling and warned
    that “…”" is a claim about the UK.
    """
    if not is_reporting_verb(verb) or quote_around(verb, quotes) is not None:
        return False
    if any(obj.pos_ in ("NOUN", "PROPN") for obj in _children(verb, "dobj")):
        return False
    return any(q.start < sentence.end_char and q.end > sentence.start_char for q in quotes)


def clause_claims(verb: Token, sentence: Span, quotes: Sequence[QuotedPassage] = ()) -> list[Claim]:
    """The relation claims of the clause headed by ``verb`` (one per coordinated member)."""
    if not _is_clause_head(verb) or _introduces_quote(verb, sentence, quotes):
        return []
    frame = _frame(verb)
    if frame is None or any(
        mark.lower_ in NON_ASSERTING_MARKERS
        for node in frame.chain
        for mark in _children(node, "mark")
    ):
        return []  # conditions and comparisons assert nothing
    arguments = _arguments(verb, frame)
    if arguments is None:
        return []
    subject_head, predicate, object_head = arguments
    if any(head is not None and not same_paragraph(head, verb) for head in arguments[::2]):
        return []  # an argument the parse found across a paragraph break
    # the checks on the heads alone come before the phrases, which cost more to build
    if any(head is not None and head.lower_ in WH_WORDS for head in (subject_head, object_head)):
        return []  # "what they share": an unknown is no argument
    if (
        subject_head is not None
        and subject_head.lower_ in SPEAKER_PRONOUNS
        and verb.lemma_.lower() in FEELING_VERBS
    ):
        return []  # "I love the way ...": the speaker's feeling, an opinion
    if object_head is None and (subject_head is None or subject_head.pos_ == "PRON"):
        return []  # "it became": without an object, only a named subject makes a claim
    if object_head is None:
        object_heads = []
    elif object_head.dep_ == "nsubj":  # a misread object: its conjuncts are not objects
        object_heads = [object_head]
    else:
        object_heads = _repeated_prepositions(object_head) + _objects_read_as_verbs(verb)
    if not any(may_qualify(head) for head in (subject_head, *object_heads) if head is not None):
        return []  # "the plan angered residents": nothing named or counted on either side
    subjects = split_phrases(subject_head) if subject_head is not None else [None]
    if predicate in COPULAS and (
        not any(s is not None and s.named for s in subjects)
        or not is_named_by_its_head(subject_head)
        or subject_head.lower_ in SITUATION_PRONOUNS
    ):
        return []  # a copular claim needs a named-entity subject ("it was a mistake" has none)
    if object_head is None:
        objects = [None]
    elif object_head.dep_ == "nsubj":
        objects = [phrase(object_head)]
    else:
        objects = [written for head in object_heads for written in split_phrases(head)]
        complement = _light_verb_complement(verb, object_head)
        if complement is not None:
            objects = [extended(obj, complement) for obj in objects]
    saying = _saying_of_misread_clause(verb)
    attribution = (
        speaker_of_reporting_verb(saying)
        if saying is not None and quote_around(verb, quotes) is None
        else attribution_of(verb, quotes)
    )
    passive = _is_passive(verb)
    # the sentence is the evidence (a slice of the text, without making a Token per word)
    text = article_text(verb.doc)
    start, end = without_surrounding_space(text, sentence.start_char, sentence.end_char)
    claims = []
    for subject in subjects:
        for obj in objects:
            if not any(part is not None and part.qualifies for part in (subject, obj)):
                continue
            claims.append(
                Claim(
                    kind="relation",
                    sentence=text[start:end],
                    start=start,
                    end=end,
                    subject=subject.text if subject else None,
                    subject_entity=subject.entity if subject else None,
                    predicate=predicate,
                    object=obj.text if obj else None,
                    object_entity=obj.entity if obj else None,
                    negated=frame.negated,
                    modality=" ".join(frame.modality) or None,
                    speaker=attribution.speaker if attribution else None,
                    speaker_entity=attribution.speaker_entity if attribution else None,
                    cue=attribution.cue if attribution else None,
                    confidence=_confidence(subject, obj, passive),
                )
            )
    return claims


def _verbal_indices(doc: Doc) -> list[int]:
    """Where the verbs are: only a verb heads a clause, and the Doc's part-of-speech array
    passes over the other words at once."""
    return numpy.flatnonzero(numpy.isin(doc.to_array(POS), _VERBAL_IDS)).tolist()


def relation_claims(doc: Doc) -> list[Claim]:
    """Every relation claim in the article; claims inside a direct quote are its speaker's."""
    quotes = quotations(doc)
    claims: list[Claim] = []
    seen: set[tuple] = set()
    tokens = tokens_of(doc)
    verbs = _verbal_indices(doc)
    for sentence in sentences(doc):
        first, last = bisect_left(verbs, sentence.start), bisect_left(verbs, sentence.end)
        for i in verbs[first:last]:
            for claim in clause_claims(tokens[i], sentence, quotes):
                key = (claim.start, claim.subject, claim.predicate, claim.object, claim.negated)
                if key not in seen:
                    seen.add(key)
                    claims.append(claim)
    return claims
