"""Indexes of a parsed article, computed once per Doc: spaCy rebuilds ``Doc.text``, and
makes new Token objects for ``Token.children`` and ``doc[i]``, on every call."""

from __future__ import annotations

from spacy.tokens import Doc, Token

_TEXT_KEY = "newsclaims.text"
_CHILDREN_KEY = "newsclaims.children"
_TOKENS_KEY = "newsclaims.tokens"


def article_text(doc: Doc) -> str:
    """The text of the Doc."""
    text = doc.user_data.get(_TEXT_KEY)
    if text is None:
        text = doc.user_data[_TEXT_KEY] = doc.text
    return text


def children_of(token: Token) -> tuple[Token, ...]:
    """The syntactic children of ``token``, in order, as ``Token.children`` gives them."""
    doc, i = token.doc, token.i
    known = doc.user_data.get(_CHILDREN_KEY)
    if known is None:
        known = doc.user_data[_CHILDREN_KEY] = [None] * len(doc)
    children = known[i]
    if children is None:
        children = known[i] = tuple(token.children)
    return children


def tokens_of(doc: Doc) -> list[Token]:
    """The tokens of the Doc, for the passes that each look at every word."""
    tokens = doc.user_data.get(_TOKENS_KEY)
    if tokens is None:
        tokens = doc.user_data[_TOKENS_KEY] = list(doc)
    return tokens
