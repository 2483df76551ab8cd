"""Relation claims, one parametrized test per construction, on sentences written for the tests.

Each case gives the exact (subject, predicate, object, negated, modality, speaker) tuples.
"""

from __future__ import annotations

import pytest

from extract.relations import relation_claims


def tuples(nlp, text: str) -> list[tuple]:
    return [
        (c.subject, c.predicate, c.object, c.negated, c.modality, c.speaker)
        for c in relation_claims(nlp(text))
    ]


def check(nlp, text: str, expected: list[tuple]) -> None:
    assert tuples(nlp, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Microsoft acquired GitHub in 2018.",
            [("Microsoft", "acquire", "GitHub", False, None, None)],
        ),
        (
            "Larry Ogunjobi received a suspension for shoving Mason Rudolph.",
            [
                (
                    "Larry Ogunjobi",
                    "receive",
                    "a suspension for shoving Mason Rudolph",
                    False,
                    None,
                    None,
                ),
                ("Larry Ogunjobi", "shove", "Mason Rudolph", False, None, None),
            ],
        ),
    ],
)
def test_simple_clause(nlp, text, expected):
    check(nlp, text, expected)


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Germany, France and Italy signed the treaty.",
            [
                ("Germany", "sign", "the treaty", False, None, None),
                ("France", "sign", "the treaty", False, None, None),
                ("Italy", "sign", "the treaty", False, None, None),
            ],
        ),
        (
            "Google and Amazon sued the Federal Trade Commission.",
            [
                ("Google", "sue", "the Federal Trade Commission", False, None, None),
                ("Amazon", "sue", "the Federal Trade Commission", False, None, None),
            ],
        ),
        (  # a repeated preposition coordinates its objects
            "The senator traveled to Kyiv and to Warsaw in May.",
            [
                ("The senator", "travel to", "Kyiv", False, None, None),
                ("The senator", "travel to", "Warsaw", False, None, None),
            ],
        ),
        (
            "The leak came from the tanker or from a pipeline in Nigeria.",
            [("The leak", "come from", "a pipeline in Nigeria", False, None, None)],
        ),
        (  # a second object the parser coordinated with the verb
            "John Smith faces a maximum of 20 years in prison and up to a $1 million fine.",
            [
                ("John Smith", "face", "a maximum of 20 years in prison", False, None, None),
                ("John Smith", "face", "up to a $1 million fine", False, None, None),
            ],
        ),
    ],
)
def test_coordination(nlp, text, expected):
    check(nlp, text, expected)


@pytest.mark.parametrize(
    "text, expected",
    [
        (  # a list after "including" stands for its members
            "The letter said that states including New York had obstructed ICE.",
            [("New York", "obstruct", "ICE", False, None, "The letter")],
        ),
        (
            "The regulator sued banks such as Barclays and HSBC.",
            [
                ("The regulator", "sue", "Barclays", False, None, None),
                ("The regulator", "sue", "HSBC", False, None, None),
            ],
        ),
        (  # a list between dashes
            "Three carmakers – Toyota, Honda and Nissan – recalled the vehicles.",
            [
                ("Toyota", "recall", "the vehicles", False, None, None),
                ("Honda", "recall", "the vehicles", False, None, None),
                ("Nissan", "recall", "the vehicles", False, None, None),
            ],
        ),
        (  # a list in parentheses
            "Three carmakers (Toyota, Honda and Nissan) recalled the vehicles.",
            [
                ("Toyota", "recall", "the vehicles", False, None, None),
                ("Honda", "recall", "the vehicles", False, None, None),
                ("Nissan", "recall", "the vehicles", False, None, None),
            ],
        ),
        (  # a group expression names one collective actor
            "Ron Wyden and 12 other senators urged the governors to act.",
            [("Ron Wyden and 12 other senators", "urge", "the governors", False, None, None)],
        ),
        (  # a list after a colon is no appositive of a subject at the other end
            "The deal comes in addition to six Airbus sales earlier this month: two to Qatar "
            "Airways and four to the Kenyan government.",
            [("The deal", "come in addition to", "six Airbus sales", False, None, None)],
        ),
    ],
)
def test_lists(nlp, text, expected):
    check(nlp, text, expected)


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Siemens, which bought Alstom last year, will close two plants.",
            [
                ("Siemens", "buy", "Alstom", False, None, None),
                ("Siemens", "close", "two plants", False, "will", None),
            ],
        ),
        (
            "Officers who arrested Mary Smith searched her home in Ohio.",
            [
                ("Officers", "arrest", "Mary Smith", False, None, None),
                ("Officers", "search", "her home in Ohio", False, None, None),
            ],
        ),
        (  # a reporting verb inside the relative clause gives the speaker
            "The committee, which the senator said had investigated Boeing, issued a report.",
            [("The committee", "investigate", "Boeing", False, None, "the senator")],
        ),
        (  # conjoined verbs of a relative clause share its relative object
            "The startup, which Google bought and shut down in 2019, made maps.",
            [
                ("Google", "buy", "The startup", False, None, None),
                ("Google", "shut down", "The startup", False, None, None),
            ],
        ),
    ],
)
def test_relative_clause(nlp, text, expected):
    check(nlp, text, expected)


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "The budget approved by Republicans in April cut spending.",
            [("Republicans", "approve", "The budget", False, None, None)],
        ),
        (  # a gerund after "by" is the act of the main clause's subject
            "Garrett responded by hitting Rudolph.",
            [
                ("Garrett", "respond by", "hitting Rudolph", False, None, None),
                ("Garrett", "hit", "Rudolph", False, None, None),
            ],
        ),
    ],
)
def test_reduced_relatives_and_participles(nlp, text, expected):
    check(nlp, text, expected)


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "The plant was closed by Siemens.",
            [("Siemens", "close", "The plant", False, None, None)],
        ),
        (  # without an agent: empty subject, the patient as object
            "Three journalists were arrested in Minsk.",
            [(None, "arrest", "Three journalists", False, None, None)],
        ),
    ],
)
def test_passive(nlp, text, expected):
    check(nlp, text, expected)


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Toyota is a Japanese carmaker.",
            [("Toyota", "be", "a Japanese carmaker", False, None, None)],
        ),
        (  # a prepositional complement completes "be"
            "Apple is in every Fortune 500 company.",
            [("Apple", "be in", "every Fortune 500 company", False, None, None)],
        ),
        ("Toyota is profitable.", []),  # an adjective complement is no relation
        (  # a name in the subject's complement does not make the subject a named entity
            "The push to cut Huawei off from European networks is another example of the "
            "trade war.",
            [],
        ),
        ("Microsoft said it was a mistake.", []),  # "it" stands for a situation
        (  # "be in the process of doing": a phase of the act, which is the claim
            "Oregon was in the process of suing Uber.",
            [("Oregon", "sue", "Uber", False, None, None)],
        ),
        (  # a name in the possessor does
            "Huawei's new phone is a serious rival to the iPhone.",
            [("Huawei's new phone", "be", "a serious rival to the iPhone", False, None, None)],
        ),
    ],
)
def test_copula(nlp, text, expected):
    check(nlp, text, expected)


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "The Taliban shot down a United States helicopter.",
            [("The Taliban", "shoot down", "a United States helicopter", False, None, None)],
        ),
        (
            "The agencies accounted for nearly 900,000 queries.",
            [("The agencies", "account for", "nearly 900,000 queries", False, None, None)],
        ),
        (
            "The deal comes in addition to five sales to Qatar.",
            [("The deal", "come in addition to", "five sales to Qatar", False, None, None)],
        ),
        (  # a light verb keeps the noun and its complement as object
            "Hong Kong police laid siege to a university.",
            [("Hong Kong police", "lay", "siege to a university", False, None, None)],
        ),
        (  # a reflexive object gives way to the prepositional object
            "The Steelers tried to distance themselves from the fight.",
            [("The Steelers", "distance from", "the fight", False, "try to", None)],
        ),
    ],
)
def test_particles_prepositions_and_light_verbs(nlp, text, expected):
    check(nlp, text, expected)


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Amazon plans to expand its warehouse in Ohio.",
            [("Amazon", "expand", "its warehouse", False, "plan to", None)],
        ),
        (
            "Russia is unlikely to agree to cut its oil output.",
            [("Russia", "cut", "its oil output", False, "unlikely to agree to", None)],
        ),
        (
            "Ford is expected to cut 5,000 jobs.",
            [("Ford", "cut", "5,000 jobs", False, "expected to", None)],
        ),
        (
            "The Obama administration has been seen as weakening the rule.",
            [("The Obama administration", "weaken", "the rule", False, "seen as", None)],
        ),
        (  # labelling passives are epistemic too, and their participle is no claim
            "Google was identified as having paid Apple.",
            [("Google", "pay", "Apple", False, "identified as", None)],
        ),
        (  # factive and implicative governors give a plain claim
            "The Pentagon decided to withdraw 2,000 troops.",
            [("The Pentagon", "withdraw", "2,000 troops", False, None, None)],
        ),
        (
            "The Browns began using the stadium in 2019.",
            [("The Browns", "use", "the stadium", False, None, None)],
        ),
        (
            "Russia failed to fulfill its agreed cuts.",
            [("Russia", "fulfill", "its agreed cuts", True, None, None)],
        ),
    ],
)
def test_catenatives(nlp, text, expected):
    check(nlp, text, expected)


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Apple did not respond to a request for comment.",
            [("Apple", "respond to", "a request for comment", True, None, None)],
        ),
        (
            "Nissan won't build the new model in Sunderland.",
            [("Nissan", "build", "the new model in Sunderland", True, "will", None)],
        ),
        (
            "Nissan never built the model in Sunderland.",
            [("Nissan", "build", "the model", True, None, None)],
        ),
        (
            "Apple no longer sells the iPod in Europe.",
            [("Apple", "sell", "the iPod in Europe", True, None, None)],
        ),
    ],
)
def test_negation(nlp, text, expected):
    check(nlp, text, expected)


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Nissan may build the model in Sunderland.",
            [("Nissan", "build", "the model", False, "may", None)],
        ),
        (
            "Nissan is going to close its factory in Sunderland.",
            [("Nissan", "close", "its factory", False, "going to", None)],
        ),
    ],
)
def test_modality(nlp, text, expected):
    check(nlp, text, expected)


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "The senator said that Boeing had misled the Federal Aviation Administration.",
            [
                (
                    "Boeing",
                    "mislead",
                    "the Federal Aviation Administration",
                    False,
                    None,
                    "The senator",
                )
            ],
        ),
        (
            "Boeing misled regulators, the senator said.",
            [("Boeing", "mislead", "regulators", False, None, "the senator")],
        ),
        (
            "Tim Cook told reporters that Apple would open a store in Mumbai.",
            [("Apple", "open", "a store in Mumbai", False, "would", "Tim Cook")],
        ),
        (
            "According to the report, Shell sold its Nigerian assets.",
            [("Shell", "sell", "its Nigerian assets", False, None, "the report")],
        ),
        (  # a reporting verb with a noun-phrase object is a relation itself
            "Jennifer Smith cited a study by Harvard University.",
            [("Jennifer Smith", "cite", "a study by Harvard University", False, None, None)],
        ),
        (
            "China's ambassador accused the United Kingdom of meddling in Hong Kong.",
            [
                ("China's ambassador", "accuse", "the United Kingdom", False, None, None),
                ("the United Kingdom", "meddle in", "Hong Kong", False, None, "China's ambassador"),
            ],
        ),
        (  # a passive reporting verb: the agent is the speaker
            "Kenya was accused by Amnesty International of hiding 30 prisoners.",
            [
                ("Amnesty International", "accuse", "Kenya", False, None, None),
                ("Kenya", "hide", "30 prisoners", False, None, "Amnesty International"),
            ],
        ),
    ],
)
def test_reported_speech(nlp, text, expected):
    check(nlp, text, expected)


@pytest.mark.parametrize(
    "text, expected",
    [
        (  # every clause of a quote is its speaker's, across sentences
            '"We will open a store in Mumbai next year," Tim Cook said. '
            '"Apple has hired 200 people there."',
            [("Apple", "hire", "200 people", False, None, "Tim Cook")],
        ),
        ('"I love Apple," he said.', []),  # the speaker's own feeling is an opinion
    ],
)
def test_direct_quotes(nlp, text, expected):
    check(nlp, text, expected)


@pytest.mark.parametrize(
    "text, expected",
    [
        (  # titles before a name are dropped
            "Republican Gov. Eric Holcomb appointed a commission.",
            [("Eric Holcomb", "appoint", "a commission", False, None, None)],
        ),
        (  # appositives are cut
            "Ryan Shapiro, the director of the group, criticized Nlets.",
            [("Ryan Shapiro", "criticize", "Nlets", False, None, None)],
        ),
        (  # market codes are not words; the change is the object
            "U.S. crude CLc1 fell 3.38% to $55.12 per barrel.",
            [("U.S. crude", "fall", "3.38%", False, None, None)],
        ),
        ("People like it.", []),  # no named entity and no number: no claim
    ],
)
def test_arguments_as_written(nlp, text, expected):
    check(nlp, text, expected)


def test_claims_carry_their_sentence_and_offsets(nlp):
    text = "The bank opened. Microsoft acquired GitHub in 2018."
    (claim,) = relation_claims(nlp(text))
    assert claim.sentence == "Microsoft acquired GitHub in 2018."
    assert text[claim.start : claim.end] == claim.sentence
    assert claim.subject_entity == "Microsoft"
    assert 0 <= claim.confidence <= 1


def test_evidence_stops_at_the_end_of_its_paragraph(nlp):
    text = "Microsoft acquired GitHub in 2018.\n\nOracle bought Cerner in 2022."
    claims = relation_claims(nlp(text))
    assert [claim.sentence for claim in claims] == [
        "Microsoft acquired GitHub in 2018.",
        "Oracle bought Cerner in 2022.",
    ]
    assert all(text[claim.start : claim.end] == claim.sentence for claim in claims)


@pytest.mark.parametrize(
    "text, expected",
    [
        (  # an intransitive claim counts when its subject has a number or a name
            "Nearly 300 school districts closed.",
            [("Nearly 300 school districts", "close", None, False, None, None)],
        ),
        (  # the change is the object of a market verb
            "The index closed 0.68% higher.",
            [("The index", "close", "0.68% higher", False, None, None)],
        ),
        (  # a numeral in a designation counts, one that refers back does not
            "The 777 program has faced delays.",
            [("The 777 program", "face", "delays", False, None, None)],
        ),
        ("The four states did not return messages.", []),
        (  # an age is a number stated about someone, though the tagger calls it a date
            "A 55-year-old man attacked the police station.",
            [("A 55-year-old man", "attack", "the police station", False, None, None)],
        ),
        (  # a verbless change after "be" gives quantities, not a relation
            "Brent was last at $60.73, down 2.74% on the day.",
            [("Brent", "be at", "$60.73", False, None, None)],
        ),
    ],
)
def test_numbers_and_intransitives(nlp, text, expected):
    check(nlp, text, expected)


@pytest.mark.parametrize(
    "text, expected",
    [
        (  # a participle of saying takes the speaker of its clause
            "Richardson weighed in on Monday, saying that the league should discipline "
            "Mason Rudolph.",
            [
                ("Richardson", "weigh in", None, False, None, None),
                ("the league", "discipline", "Mason Rudolph", False, "should", "Richardson"),
            ],
        ),
        (  # an adjective that governs a gerund gives the modality
            "They seem intent on not antagonizing the Indiana teachers.",
            [("They", "antagonize", "the Indiana teachers", True, "intent on", None)],
        ),
    ],
)
def test_participles_and_adjective_governors(nlp, text, expected):
    check(nlp, text, expected)


@pytest.mark.parametrize(
    "text, expected",
    [
        (  # an adverb right after the verb acts as its particle
            "Heyward looks forward to facing the Browns.",
            [
                ("Heyward", "look forward to", "facing the Browns", False, None, None),
                ("Heyward", "face", "the Browns", False, None, None),
            ],
        ),
        (  # an embedded clause with its own subject: the governing verb is the claim
            "Richardson wants Rudolph to be disciplined by the NFL.",
            [("Richardson", "want", "Rudolph to be disciplined by the NFL", False, None, None)],
        ),
    ],
)
def test_adverb_particles_and_embedded_subjects(nlp, text, expected):
    check(nlp, text, expected)


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Dempsey told the man to remove the bedding.",
            [("Dempsey", "tell", "the man", False, None, None)],
        ),
        ("Tim Clark told reporters on Monday.", []),  # only the one spoken to
    ],
)
def test_addressees(nlp, text, expected):
    check(nlp, text, expected)


def test_reporting_verb_with_an_object_beside_a_quote(nlp):
    # a reporting verb with a noun-phrase object is a claim, also when the sentence quotes
    check(
        nlp,
        "The Irish minister accused Russia of spreading lies and warned that Moscow "
        "“will pay a heavy price for its actions”.",
        [
            ("The Irish minister", "accuse", "Russia", False, None, None),
            ("Russia", "spread", "lies", False, None, "The Irish minister"),
            ("Moscow", "pay", "a heavy price for its actions", False, "will", "The Irish minister"),
        ],
    )


@pytest.mark.parametrize(
    "text, expected",
    [
        (  # time spent on an act does not own it: the act is the claim
            "The company spent years fighting the Federal Trade Commission.",
            [("The company", "fight", "the Federal Trade Commission", False, None, None)],
        ),
        (
            "The Dutch team spent Monday trying to distance itself from the scandal.",
            [("The Dutch team", "distance from", "the scandal", False, "try to", None)],
        ),
        ("Tesla could end up paying Ford.", [("Tesla", "pay", "Ford", False, "could", None)]),
    ],
)
def test_spending_time_on_an_act(nlp, text, expected):
    check(nlp, text, expected)


@pytest.mark.parametrize(
    "text, expected",
    [
        (  # "for" with a clause of its own subject: the verb calls for the whole clause
            "Senator Elizabeth Warren called for the chief executive to resign.",
            [
                (
                    "Elizabeth Warren",
                    "call for",
                    "the chief executive to resign",
                    False,
                    None,
                    None,
                )
            ],
        ),
        (
            "The unions pushed for Congress to raise the minimum wage.",
            [("The unions", "push for", "Congress to raise the minimum wage", False, None, None)],
        ),
    ],
)
def test_for_clauses(nlp, text, expected):
    check(nlp, text, expected)


def test_said_with_a_clause_misread_as_object_and_participle(nlp):
    # "say" takes no noun-phrase object: "people registered" is its clause, not a passive
    check(
        nlp,
        "Officials said 300 people registered for the summit in Geneva.",
        [("300 people", "register for", "the summit in Geneva", False, None, "Officials")],
    )


@pytest.mark.parametrize(
    "text, expected",
    [
        (  # a count within a count: the whole and its part both hold
            "The airline operates 270 aircraft, including 12 freighters.",
            [
                ("The airline", "operate", "270 aircraft", False, None, None),
                ("The airline", "operate", "12 freighters", False, None, None),
            ],
        ),
        (  # a list of named members stands for the group
            "The storm hit four states, including Texas and Florida.",
            [
                ("The storm", "hit", "Texas", False, None, None),
                ("The storm", "hit", "Florida", False, None, None),
            ],
        ),
    ],
)
def test_breakdowns_after_including(nlp, text, expected):
    check(nlp, text, expected)


@pytest.mark.parametrize(
    "text, expected",
    [
        (  # a passive that prevents: the act after "from" did not happen
            "The Nigerian striker was banned from playing for Arsenal.",
            [(None, "ban", "The Nigerian striker", False, None, None)],
        ),
        ("He was barred from entering Canada.", []),
    ],
)
def test_prevented_acts(nlp, text, expected):
    check(nlp, text, expected)


def test_participles_used_as_prepositions(nlp):
    # "following the vote" dates the clause; nobody follows anything
    check(
        nlp,
        "Boris Johnson's role in the crisis was a hot topic in the weeks immediately "
        "following the vote.",
        [("Boris Johnson's role in the crisis", "be", "a hot topic", False, None, None)],
    )


def test_participle_after_a_copular_complement_describes_the_subject(nlp):
    # the parser may hang ", seating ..." on the complement, which restates the subject
    doc = nlp(
        "The Airbus A350-1000 is a larger and longer-range variant of the A350, "
        "seating 350 to 410 passengers."
    )
    seating = next(token for token in doc if token.text == "seating")
    seating.head = next(token for token in doc if token.text == "variant")
    seating.dep_ = "acl"
    assert [(c.subject, c.predicate, c.object) for c in relation_claims(doc)] == [
        ("The Airbus A350-1000", "be", "a larger and longer-range variant of the A350"),
        ("The Airbus A350-1000", "seat", "350 to 410 passengers"),
    ]


def test_object_misread_as_a_clause(nlp):
    # a bare noun the parser labels a clausal complement is the verb's object
    doc = nlp("The strike represented Chile's largest labor protest in a decade.")
    next(token for token in doc if token.text == "protest").dep_ = "ccomp"
    assert [(c.subject, c.predicate, c.object) for c in relation_claims(doc)] == [
        ("The strike", "represent", "Chile's largest labor protest in a decade"),
    ]


@pytest.mark.parametrize(
    "text, expected",
    [
        (  # "it" holds the place of the clause; the adjective stays in the predicate
            "Apple's new chip made it clear that Intel would lose the contract.",
            [
                (
                    "Apple's new chip",
                    "make clear",
                    "Intel would lose the contract",
                    False,
                    None,
                    None,
                ),
                ("Intel", "lose", "the contract", False, "would", None),
            ],
        ),
        (
            "The ruling makes it possible for Uber to hire 500 drivers in Texas.",
            [
                (
                    "The ruling",
                    "make possible",
                    "Uber to hire 500 drivers in Texas",
                    False,
                    None,
                    None,
                )
            ],
        ),
    ],
)
def test_extraposed_it(nlp, text, expected):
    check(nlp, text, expected)


@pytest.mark.parametrize(
    "text, expected",
    [
        (  # a bare gerund after a verb that does not govern it is its object
            "Ted Cruz can't insult Google and then claim bullying.",
            [
                ("Ted Cruz", "insult", "Google", True, "can", None),
                ("Ted Cruz", "claim", "bullying", True, "can", None),
            ],
        ),
        (
            "The Belgian cyclist stopped racing.",
            [("The Belgian cyclist", "stop", "racing", False, None, None)],
        ),
    ],
)
def test_bare_gerund_objects(nlp, text, expected):
    check(nlp, text, expected)


@pytest.mark.parametrize(
    "text, expected",
    [
        (  # "X was little changed, the DAX fell": the first clause is no complement of "fell"
            "The British FTSE 100 index was little changed, the German DAX fell and the French "
            "CAC 40 rose.",
            [
                ("the German DAX", "fall", None, False, None, None),
                ("the French CAC 40", "rise", None, False, None, None),
            ],
        ),
        ('"We all miss Steve so much," Benioff weighed in.', []),  # a quote is what it reports
    ],
)
def test_clause_read_as_complement_of_the_next_verb(nlp, text, expected):
    check(nlp, text, expected)


def test_possessive_relatives(nlp):
    # "whose sales" is written as in the text and claimed of the antecedent's entity; the
    # parser's nsubj on a passive is its patient
    claims = relation_claims(
        nlp("The order is crucial for Boeing, whose sales have been badly hit.")
    )
    assert [(c.subject, c.predicate, c.object, c.object_entity) for c in claims] == [
        (None, "hit", "whose sales", "Boeing"),
    ]
