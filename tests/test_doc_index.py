"""The per-Doc indexes give what spaCy's own properties give."""

from __future__ import annotations

from extract.doc_index import article_text, children_of, tokens_of

TEXT = (
    "Officials in New York, Illinois and Oregon said on Tuesday that they had refused to "
    'share data with ICE.\n\n"We will not help," the governor said, adding: "Never."  '
)


def test_children_of_every_token_are_spacys_children_in_order(nlp):
    doc = nlp(TEXT)
    assert [[c.i for c in children_of(t)] for t in doc] == [[c.i for c in t.children] for t in doc]


def test_article_text_and_tokens_are_the_docs(nlp):
    doc = nlp(TEXT)
    assert article_text(doc) == doc.text == TEXT
    assert [t.i for t in tokens_of(doc)] == list(range(len(doc)))
