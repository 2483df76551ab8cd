"""The cheap pre-test that lets relation extraction skip building phrases that cannot count."""

from __future__ import annotations

import pytest

from extract.coref import use_resolver
from extract.phrases import may_qualify


def head(doc, word: str):
    return next(token for token in doc if token.text == word)


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ("The plan angered local residents.", "residents", False),
        ("The plan angered residents of Dayton.", "residents", True),  # a name in the subtree
        ("The plan cost 40 residents their homes.", "residents", True),  # a count
        ("Maria Lopez opened the bridge. Later she closed it.", "she", True),  # resolved
        ("We met Hipcricket, a marketing company.", "company", True),  # an appositive
    ],
    ids=["nothing-named", "name", "number", "resolved-pronoun", "appositive"],
)
def test_may_qualify(nlp, text, word, expected):
    assert may_qualify(head(nlp(text), word)) is expected


def test_a_neural_resolver_may_resolve_anything(nlp):
    use_resolver(lambda span: None)
    try:
        assert may_qualify(head(nlp("The plan angered local residents."), "residents"))
    finally:
        use_resolver(None)
