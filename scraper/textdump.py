"""Article body and metadata from a plain-text dump of a whole web page."""

from __future__ import annotations

from scraper.article import Article


def clean_text_dump(text: str, source: str) -> Article:
    """The article inside a whole-page text dump (navigation, footers... around it)."""
    paragraphs = [line.strip() for line in text.splitlines() if line.strip()]
    return Article(source=source, text="\n\n".join(paragraphs))
