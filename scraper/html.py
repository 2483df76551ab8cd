"""Article body and metadata from an HTML page."""

from __future__ import annotations

import trafilatura

from scraper.article import Article


def clean_html(html: str, source: str, url: str | None = None) -> Article:
    """The article in an HTML page: body text as paragraphs, and its metadata."""
    text = trafilatura.extract(html, url=url, include_comments=False) or ""
    return Article(source=source, url=url, text=text)
