"""Who asserts a clause: attribution_of and speaker_of_reporting_verb, by construction."""

from __future__ import annotations

import pytest

from extract.attribution import Attribution, attribution_of, speaker_of_reporting_verb
from extract.quotes import quotations


def attribution_of_word(nlp, text: str, word: str) -> Attribution | None:
    doc = nlp(text)
    (token,) = [token for token in doc if token.text == word]
    return attribution_of(token, quotations(doc))


@pytest.mark.parametrize(
    "text, word, speaker, cue",
    [
        ("The letter said that Oregon had barred ICE.", "barred", "The letter", "say"),
        ("Oregon had barred ICE, the letter said.", "barred", "the letter", "say"),
        ("According to the report, Oregon barred ICE.", "barred", "the report", "according to"),
        (
            "Amnesty International accused Kenya of hiding prisoners.",
            "hiding",
            "Amnesty International",
            "accuse",
        ),
        ('"Oregon barred ICE in May," Smith said.', "barred", "Smith", "say"),
        # the object of "led X to announce" is who announces, not the cause
        (
            "Heavy losses led Harbor Bank to announce it would close 20 branches.",
            "close",
            "Harbor Bank",
            "announce",
        ),
        # a clause inside a quote inside a quote is the inner speaker's
        (
            "\"Doe told me, 'Oregon barred ICE in May,' and left,\" Smith said.",
            "barred",
            "Doe",
            "tell",
        ),
    ],
)
def test_reported_clauses_have_a_speaker(nlp, text, word, speaker, cue):
    attribution = attribution_of_word(nlp, text, word)
    assert (attribution.speaker, attribution.cue) == (speaker, cue)


@pytest.mark.parametrize(
    "text, word",
    [
        ("Oregon barred ICE in May.", "barred"),  # the article's own voice
        # background about an entity inside a reported sentence is the writer's
        ("The letter said Oregon, which joined the union in 1859, had barred ICE.", "joined"),
        ("Garrett responded by hitting Rudolph.", "hitting"),  # a means, not a report
    ],
)
def test_own_voice_has_no_speaker(nlp, text, word):
    assert attribution_of_word(nlp, text, word) is None


def test_hypothesis_in_a_relative_clause_stays_attributed(nlp):
    text = "The researchers said they found a plume, which could come from an ocean on Europa."
    attribution = attribution_of_word(nlp, text, "come")
    assert (attribution.speaker, attribution.cue) == ("The researchers", "say")


def test_quote_spanning_sentences_keeps_its_speaker(nlp):
    text = '"We will open a store in Mumbai," Tim Cook said. "Apple has hired 200 people there."'
    attribution = attribution_of_word(nlp, text, "hired")
    assert (attribution.speaker, attribution.cue) == ("Tim Cook", "say")


@pytest.mark.parametrize(
    "text, verb, speaker",
    [
        ("Sen. Ron Wyden, D-Ore., said the data was shared.", "said", "Ron Wyden"),
        (
            "Kenya was accused by Amnesty International of lying.",
            "accused",
            "Amnesty International",
        ),
        ("Kenya was accused of lying.", "accused", None),  # no agent, no speaker
        ("Oregon barred ICE.", "barred", None),  # not a reporting verb
    ],
)
def test_speaker_of_reporting_verb(nlp, text, verb, speaker):
    doc = nlp(text)
    (token,) = [token for token in doc if token.text == verb]
    attribution = speaker_of_reporting_verb(token)
    assert (attribution.speaker if attribution else None) == speaker
