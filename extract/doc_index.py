"""The text of a parsed article, computed once per Doc."""

from __future__ import annotations

from spacy.tokens import Doc

_TEXT_KEY = "newsclaims.text"


def article_text(doc: Doc) -> str:
    """The text of the Doc, computed once: ``Doc.text`` joins every token on each call."""
    text = doc.user_data.get(_TEXT_KEY)
    if text is None:
        text = doc.user_data[_TEXT_KEY] = doc.text
    return text
