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


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Microsoft acquired GitHub in 2018.",
            [("Microsoft", "acquire", "GitHub", False, None, None)],
        ),
        (
            "The rebels shot down a Russian helicopter.",
            [("The rebels", "shoot down", "a Russian helicopter", False, None, None)],
        ),
    ],
)
def test_simple_clause(nlp, text, expected):
    assert tuples(nlp, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Google and Amazon sued the Federal Trade Commission.",
            [
                ("Google", "sue", "the Federal Trade Commission", False, None, None),
                ("Amazon", "sue", "the Federal Trade Commission", False, None, None),
            ],
        ),
    ],
)
def test_coordination(nlp, text, expected):
    assert tuples(nlp, text) == expected


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
    ],
)
def test_relative_clause(nlp, text, expected):
    assert tuples(nlp, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Three journalists were arrested in Minsk.",
            [(None, "arrest", "Three journalists", False, None, None)],
        ),
    ],
)
def test_passive(nlp, text, expected):
    assert tuples(nlp, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Toyota is a Japanese carmaker.",
            [("Toyota", "be", "a Japanese carmaker", False, None, None)],
        ),
    ],
)
def test_copula(nlp, text, expected):
    assert tuples(nlp, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Apple never paid the fine.",
            [("Apple", "pay", "the fine", True, None, None)],
        ),
        (
            "Netflix failed to attract new subscribers.",
            [("Netflix", "attract", "new subscribers", True, None, None)],
        ),
    ],
)
def test_negation(nlp, text, expected):
    assert tuples(nlp, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Intel is expected to announce layoffs.",
            [("Intel", "announce", "layoffs", False, "expected to", None)],
        ),
    ],
)
def test_modality(nlp, text, expected):
    assert tuples(nlp, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "The senator said Boeing had misled the Federal Aviation Administration.",
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
            "According to Reuters, Shell plans to sell its Nigerian assets.",
            [("Shell", "sell", "its Nigerian assets", False, "plan to", "Reuters")],
        ),
    ],
)
def test_reported_speech(nlp, text, expected):
    assert tuples(nlp, text) == expected


def test_governing_preposition(nlp):
    assert tuples(nlp, "The company accounted for nearly 900,000 queries.") == [
        ("The company", "account for", "nearly 900,000 queries", False, None, None)
    ]
