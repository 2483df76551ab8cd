"""Entities made canonical within an article, on sentences written for these tests."""

from __future__ import annotations

import pytest

from extract.entities import article_entities, canonical_name, entity_key, is_acronym_of


def entity_named(doc, name):
    return next(entity for entity in article_entities(doc) if entity.name == name)


def test_acronym_defined_in_parentheses(nlp):
    doc = nlp("The Maple County Water Authority (MCWA) raised rates. MCWA said costs rose.")
    authority = entity_named(doc, "Maple County Water Authority")
    assert authority.aliases == ("MCWA",)
    assert len(authority.mentions) == 3


def test_name_given_by_known_as(nlp):
    doc = nlp("The Northern Rail Consortium, known as Norail, bought trains from Siemens.")
    consortium = entity_named(doc, "Northern Rail Consortium")
    assert "Norail" in consortium.aliases


def test_initials_join_a_lowercase_acronym_to_its_expansion(nlp):
    doc = nlp(
        "Data flows through Nlets every day. Nlets, whose acronym recalls an earlier name, "
        "the National Law Enforcement Telecommunications System, did not reply."
    )
    system = entity_named(doc, "National Law Enforcement Telecommunications System")
    assert "Nlets" in system.aliases


@pytest.mark.parametrize(
    ("acronym", "name", "expected"),
    [
        ("DHS", "Department of Homeland Security", True),
        ("ICE", "U.S. Immigration and Customs Enforcement", True),
        ("DoD", "Department of Defense", True),
        ("FBI", "Federal Bureau of Investigation", True),
        ("FBI", "Department of Homeland Security", False),
        ("Cook", "Tim Cook", False),
    ],
)
def test_is_acronym_of(acronym, name, expected):
    assert is_acronym_of(acronym, name) is expected


def test_short_name_joins_the_full_name(nlp):
    doc = nlp("Angela Cooper teaches math in Evansville. Cooper said pay is too low.")
    cooper = entity_named(doc, "Angela Cooper")
    assert cooper.aliases == ("Cooper",)
    assert canonical_name(doc[7:8]) == "Angela Cooper"


def test_surname_the_model_takes_for_a_place_joins_the_full_name(nlp):
    text = (
        "Sen. Ron Wyden, D-Ore., wrote to the governors on Tuesday.\n\n"
        "Wyden asked governors to cut ICE off from the data."
    )
    doc = nlp(text)
    assert [entity.name for entity in article_entities(doc) if "Wyden" in entity.name] == [
        "Ron Wyden"
    ]


def test_title_and_party_state_tag_become_attributes(nlp):
    doc = nlp("Sen. Ron Wyden, D-Ore., and 39 other lawmakers urged governors to act.")
    wyden = entity_named(doc, "Ron Wyden")
    assert wyden.label == "PERSON"
    assert wyden.attributes == {"title": "Sen.", "party": "D", "state": "Oregon"}
    assert "Oregon" not in [entity.name for entity in article_entities(doc)]


@pytest.mark.parametrize(
    ("text", "name", "title"),
    [
        ("Ms Berg, the council leader, said the plan would cost more.", "Berg", "Ms"),
        ("Dr Ahmed Khan said the hospital in Leeds was full.", "Ahmed Khan", "Dr"),
    ],
)
def test_title_without_a_full_stop_is_an_attribute(nlp, text, name, title):
    """British style: "Ms Berg", "Dr Ahmed Khan"."""
    assert entity_named(nlp(text), name).attributes == {"title": title}


def test_possessive_and_leading_the_are_dropped(nlp):
    doc = nlp("The Associated Press's reporters met the Federal Bureau of Investigation.")
    names = [entity.name for entity in article_entities(doc)]
    assert names == ["Associated Press", "Federal Bureau of Investigation"]


def test_canonical_name_of_a_noun_phrase_containing_an_acronym(nlp):
    doc = nlp("Lawmakers asked states to block ICE's access to their records.")
    access = next(chunk for chunk in doc.noun_chunks if chunk.root.text == "access")
    assert canonical_name(access) == "U.S. Immigration and Customs Enforcement"
    assert access._.canonical_name == "U.S. Immigration and Customs Enforcement"


def test_entity_key_merges_gazetteer_aliases_across_articles():
    assert entity_key("ICE", "ORG") == entity_key("U.S. Immigration and Customs Enforcement", "ORG")
    assert entity_key("the Associated Press", "ORG") == entity_key("AP", "ORG")
    assert entity_key("Ron Wyden", "PERSON") == "person:ron wyden"
    assert entity_key("Ron Wyden", "PERSON") != entity_key("Ron Wyden", "ORG")


def test_dateline_in_capitals_joins_the_name_and_is_not_canonical(nlp):
    doc = nlp("MADRID (Reuters) - Spain will host the summit in Madrid next year, officials said.")
    city = entity_named(doc, "Madrid")
    assert city.aliases == ("MADRID",)
    assert [mention.start for mention in city.mentions] == [0, 49]


def test_wire_instrument_code_is_dropped_from_the_name(nlp):
    doc = nlp("Copper CMCU3 rose 1.2% in London on Tuesday.")
    assert "Copper" in [entity.name for entity in article_entities(doc)]
    assert not any("CMCU3" in entity.name for entity in article_entities(doc))


def test_given_name_alone_joins_the_only_full_name_it_starts(nlp):
    doc = nlp(
        "Police spokesman Liu Xiaming said the march was illegal. "
        "Liu said officers would stay on the bridge overnight."
    )
    liu = entity_named(doc, "Liu Xiaming")
    assert liu.aliases == ("Liu",)


def test_singular_and_plural_group_names_are_one_entity(nlp):
    doc = nlp(
        "Senate Republicans blocked the bill on Monday. "
        "One Republican said the vote would be held again."
    )
    groups = [entity for entity in article_entities(doc) if entity.label == "NORP"]
    assert [(group.name, group.aliases) for group in groups] == [("Republicans", ("Republican",))]
