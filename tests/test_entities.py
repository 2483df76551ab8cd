"""The gazetteer ruler: names the small model misses or cuts short, and the shipped data."""

from __future__ import annotations

import json

import spacy
from click.testing import CliRunner
from spacy.tokens import Span

from extract.entities import article_entities, entity_key, gazetteer_entry, prefer_longer_ents
from extract.gazetteers import entries, state_by_abbreviation, us_states
from newsclaims.cli import cli


def test_ruler_tags_the_acronym_and_the_whole_agency_name(nlp):
    doc = nlp(
        "Lawmakers said data was vacuumed up by U.S. Immigration and Customs Enforcement, "
        "which did not comment. ICE did not return messages seeking comment."
    )
    orgs = [ent.text for ent in doc.ents if ent.label_ == "ORG"]
    assert orgs == ["U.S. Immigration and Customs Enforcement", "ICE"]
    [agency] = [entity for entity in article_entities(doc) if entity.label == "ORG"]
    assert (agency.name, agency.aliases) == ("U.S. Immigration and Customs Enforcement", ("ICE",))


def test_longer_ruler_match_replaces_a_name_the_model_cut():
    doc = spacy.blank("en")("She spoke to U.S. Immigration and Customs Enforcement today")
    cut = Span(doc, 3, 5, label="ORG")
    whole = Span(doc, 3, 8, label="ORG")
    assert prefer_longer_ents([cut], [whole]) == [whole]


def test_shorter_ruler_match_leaves_the_models_longer_name():
    doc = spacy.blank("en")("George Washington crossed the river")
    person = Span(doc, 0, 2, label="PERSON")
    state = Span(doc, 1, 2, label="GPE")
    assert prefer_longer_ents([person], [state]) == [person]


def test_ruler_match_fills_a_gap_and_keeps_other_entities():
    doc = spacy.blank("en")("On Monday ICE agents arrived")
    date = Span(doc, 1, 2, label="DATE")
    agency = Span(doc, 2, 3, label="ORG")
    assert sorted(prefer_longer_ents([date], [agency])) == [date, agency]


def test_every_state_has_postal_and_ap_abbreviations():
    states = [row for row in us_states() if row["kind"].startswith("state")]
    assert len(states) == 50
    assert all(len(row["postal"]) == 2 and row["ap"] for row in states)
    assert state_by_abbreviation()["Ore."] == state_by_abbreviation()["OR"] == "Oregon"


def test_no_name_belongs_to_two_gazetteer_entries_of_different_labels():
    labels: dict[str, set[str]] = {}
    for entry in entries():
        for name in (entry.name, *entry.aliases):
            labels.setdefault(name, set()).add(entry.label)
    assert {name: found for name, found in labels.items() if len(found) > 1} == {}


def test_gazetteer_aliases_lead_to_the_canonical_entry():
    assert gazetteer_entry("the Justice Department").name == "Department of Justice"
    assert gazetteer_entry("AFP").kind == "wire"
    assert gazetteer_entry("Afghans").name == "Afghan"
    assert gazetteer_entry("Springfield Gazette") is None


def test_demonym_and_country_keys_differ():
    assert entity_key("Afghans", "NORP") == entity_key("Afghan", "NORP") == "norp:afghan"
    assert entity_key("Afghanistan", "GPE") == "place:afghanistan"


def test_postal_party_state_tag(nlp):
    doc = nlp("Rep. Maria Delgado (R-TX) voted against the bill on Tuesday.")
    [person] = [entity for entity in article_entities(doc) if entity.label == "PERSON"]
    assert person.attributes == {"title": "Rep.", "party": "R", "state": "Texas"}


def test_entities_command_prints_canonical_entities_and_fails_an_empty_file_alone(tmp_path):
    story = tmp_path / "story.txt"
    story.write_text(
        "Sen. Ron Wyden, D-Ore., wrote to U.S. Immigration and Customs Enforcement (ICE). "
        "Wyden said ICE had not replied.\n"
    )
    empty = tmp_path / "empty.txt"
    empty.write_text("\n")
    result = CliRunner().invoke(cli, ["entities", "--raw", str(empty), str(story)])
    assert result.exit_code == 1
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [list(row) for row in rows][0] == [
        "source",
        "name",
        "label",
        "aliases",
        "attributes",
        "mentions",
    ]
    assert [(row["name"], row["aliases"]) for row in rows] == [
        ("Ron Wyden", ["Wyden"]),
        ("U.S. Immigration and Customs Enforcement", ["ICE"]),
    ]
    assert rows[0]["attributes"] == {"title": "Sen.", "party": "D", "state": "Oregon"}
    assert rows[1]["mentions"][1] == {"text": "ICE", "start": 75, "end": 78}
    assert result.stderr.startswith(f"error: {empty}:")
