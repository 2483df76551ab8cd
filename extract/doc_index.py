"""Indexes of a parsed article, computed once per Doc: spaCy rebuilds ``Doc.text``, and
makes new Token objects for ``Token.children`` and ``doc[i]``, on every call."""

from __future__ import annotations

from operator import attrgetter

from spacy.attrs import HEAD
from spacy.tokens import Doc, Token

_TEXT_KEY = "newsclaims.text"
_CHILDREN_KEY = "newsclaims.children"
_TOKENS_KEY = "newsclaims.tokens"


def article_text(doc: Doc) -> str:
    """The text of the Doc."""
    text = doc.user_data.get(_TEXT_KEY)
    if text is None:  # from the Token objects made once, where ``Doc.text`` makes its own
        # (map and attrgetter read the words in C: a generator costs twice as much)
        words = map(attrgetter("text_with_ws"), tokens_of(doc))
        text = doc.user_data[_TEXT_KEY] = "".join(words)
    return text


def children_of(token: Token) -> tuple[Token, ...]:
    """The syntactic children of ``token``, in order, as ``Token.children`` gives them."""
    doc = token.doc
    children = doc.user_data.get(_CHILDREN_KEY)
    if children is None:
        children = doc.user_data[_CHILDREN_KEY] = _all_children(doc)
    return children[token.i]


def _all_children(doc: Doc) -> list[tuple[Token, ...]]:
    """Every token's children, from the head array in one pass (``Token.children`` walks
    the tokens on either side of each token it is asked about)."""
    tokens = tokens_of(doc)
    children: list[list[Token]] = [[] for _ in tokens]
    # heads are stored as offsets from the token, negative ones wrapped round in uint64
    for i, offset in enumerate(doc.to_array(HEAD).astype("int64").tolist()):
        if offset:
            children[i + offset].append(tokens[i])
    return [tuple(found) for found in children]


def tokens_of(doc: Doc) -> list[Token]:
    """The tokens of the Doc, for the passes that each look at every word."""
    tokens = doc.user_data.get(_TOKENS_KEY)
    if tokens is None:
        tokens = doc.user_data[_TOKENS_KEY] = list(doc)
    return tokens
