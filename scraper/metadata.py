"""Article metadata from a parsed HTML page: JSON-LD, OpenGraph, meta tags and the page.

Structured data (JSON-LD, then OpenGraph and meta tags) is trusted first, since publishers
write it for search engines; the visible page (h1, byline elements, <title>) fills the gaps.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import courlan
import extruct
import htmldate
import py3langid
from lxml import etree
from lxml.html import HtmlElement

from scraper.data.html_rules import (
    ARTICLE_TYPES,
    AUTHOR_ROLE,
    AUTHOR_SEPARATOR,
    BYLINE_MARKERS,
    BYLINE_PREFIX,
    CREDIT_MARKERS,
    MAX_LINE_CHILDREN,
    PICTURE_MARKERS,
    TITLE_SITE_SEPARATOR,
)
from scraper.wire import without_agency

# Enough text for a confident language guess; more only costs time.
LANGUAGE_SAMPLE_CHARS = 400
MIN_LANGUAGE_SAMPLE_CHARS = 40
MAX_BYLINE_CHARS = 120


@dataclass(frozen=True)
class PageMetadata:
    """What the page says about its article, before the body is read."""

    url: str | None = None
    title: str | None = None
    published: str | None = None
    updated: str | None = None
    authors: tuple[str, ...] = ()
    publisher: str | None = None
    tags: tuple[str, ...] = ()
    description: str | None = None
    html_language: str | None = None
    # Byline, credit and copyright lines and structured author/publisher names, for the origin.
    credit_lines: tuple[str, ...] = ()


def page_metadata(tree: HtmlElement, url: str | None = None) -> PageMetadata:
    """Metadata of the article in a parsed page; ``url`` is where it was fetched from."""
    structured = extruct.extract(
        tree, syntaxes=["json-ld", "opengraph"], errors="ignore", uniform=True, with_og_array=True
    )
    article = _article_item(structured.get("json-ld", []))
    graph = _opengraph(structured.get("opengraph", []))
    meta = _meta_tags(tree)

    publisher = _name(article.get("publisher")) or _first(graph, "og:site_name")
    publisher = publisher or _first(meta, "application-name", "publisher")
    authors = _authors(article.get("author")) or _authors_from_meta(meta, graph)
    # Visible bylines also when the structured data names the authors: "By Jane Doe,
    # Associated Press" tells the origin that a JSON-LD "Jane Doe" does not.
    bylines, credits = _bylines_and_credits(tree)
    authors = authors or bylines_names(bylines)
    published, updated = _dates(tree, url, article, graph, meta)
    names = [_name(article.get(key)) for key in ("author", "publisher", "sourceOrganization")]
    names += [_name(a) for a in _as_list(article.get("author"))]
    return PageMetadata(
        url=_canonical_url(tree, url, graph, article),
        title=_title(tree, article, graph, publisher),
        published=published,
        updated=updated,
        authors=tuple(authors),
        publisher=_clean(publisher),
        tags=tuple(_tags(article, graph, meta)),
        description=_clean(
            _text(article.get("description"))
            or _first(graph, "og:description")
            or _first(meta, "description")
        ),
        html_language=_html_language(tree, article, graph),
        credit_lines=tuple(
            dict.fromkeys(
                line
                for line in [
                    *bylines,
                    *names,
                    *meta.get("author", []),
                    _first(meta, "copyright"),
                    *credits,
                ]
                if line
            )
        ),
    )


def detect_language(text: str, fallback: str | None) -> str | None:
    """The language of the body text (ISO 639-1), or ``fallback`` when too little text."""
    if len(text) < MIN_LANGUAGE_SAMPLE_CHARS:
        return fallback
    language, _ = py3langid.classify(text[:LANGUAGE_SAMPLE_CHARS])
    return language


# --- structured data -------------------------------------------------------------------


def _walk_items(items: Iterable[Any]) -> Iterator[dict]:
    """JSON-LD items, descending into @graph lists and nested lists."""
    for item in items:
        if isinstance(item, list):
            yield from _walk_items(item)
        elif isinstance(item, dict):
            yield item
            if isinstance(item.get("@graph"), list):
                yield from _walk_items(item["@graph"])


def _types(item: dict) -> set[str]:
    return {str(t).rsplit("/", 1)[-1] for t in _as_list(item.get("@type"))}


def _article_item(items: list) -> dict:
    """The JSON-LD item that describes the article (the first with a headline if several)."""
    articles = [item for item in _walk_items(items) if _types(item) & ARTICLE_TYPES]
    articles.sort(key=lambda item: "headline" not in item)
    if articles:
        return articles[0]
    pages = [item for item in _walk_items(items) if "WebPage" in _types(item)]
    return pages[0] if pages else {}


def _opengraph(items: list) -> dict[str, list[str]]:
    graph: dict[str, list[str]] = {}
    for item in items:
        for key, value in item.items():
            if not key.startswith("@"):
                graph.setdefault(key, []).extend(str(v) for v in _as_list(value))
    return graph


def _meta_tags(tree: HtmlElement) -> dict[str, list[str]]:
    """<meta name|property|itemprop=... content=...> values by lower-cased key."""
    tags: dict[str, list[str]] = {}
    for element in tree.iterfind(".//meta[@content]"):
        key = element.get("name") or element.get("property") or element.get("itemprop")
        content = element.get("content", "").strip()
        if key and content:
            tags.setdefault(key.strip().lower(), []).append(content)
    return tags


def _first(values: dict[str, list[str]], *keys: str) -> str | None:
    for key in keys:
        for value in values.get(key, []):
            if value.strip():
                return value.strip()
    return None


def _as_list(value: Any) -> list:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _text(value: Any) -> str | None:
    """A JSON-LD value as text: strings as they are, the first of a list."""
    for item in _as_list(value):
        if isinstance(item, str) and item.strip():
            return item.strip()
    return None


def _name(value: Any) -> str | None:
    """The name of a JSON-LD person or organisation (or of the first of a list)."""
    for item in _as_list(value):
        if isinstance(item, dict):
            name = _text(item.get("name"))
            if name:
                return name
        elif isinstance(item, str) and item.strip() and not _looks_like_url(item):
            return item.strip()
    return None


def _clean(text: str | None) -> str | None:
    """Whitespace collapsed and HTML entities left in metadata ("&#163;") decoded."""
    if not text:
        return None
    text = re.sub(r"\s+", " ", html.unescape(text)).strip()
    return text or None


def _looks_like_url(text: str) -> bool:
    return bool(re.match(r"^(https?:)?//|^www\.", text.strip()))


# --- fields ----------------------------------------------------------------------------


def _title(
    tree: HtmlElement, article: dict, graph: dict[str, list[str]], publisher: str | None
) -> str | None:
    title = _text(article.get("headline")) or _first(graph, "og:title")
    if not title:
        heading = tree.find(".//h1")
        title = heading.text_content() if heading is not None else None
    if title:
        return _clean(_strip_site_name(title, publisher, keep_longest=False))
    return _clean(_strip_site_name(tree.findtext(".//title") or "", publisher))


def _squashed(text: str) -> str:
    return re.sub(r"\W+", "", text).casefold()


def _strip_site_name(title: str, publisher: str | None, keep_longest: bool = True) -> str:
    """ "Headline | Site" -> "Headline": drop the end part naming the publisher, or (for a
    <title>, where the site name is the rule) keep the longest part."""
    parts = TITLE_SITE_SEPARATOR.split(title.strip())
    if len(parts) < 2:
        return title
    if publisher and _squashed(publisher) in _squashed(parts[-1]):
        return " - ".join(parts[:-1])
    return max(parts, key=len) if keep_longest else title


def _authors(value: Any) -> list[str]:
    names = [_name(item) for item in _as_list(value)]
    return _unique(_split_names(name) for name in names if name)


def _authors_from_meta(meta: dict[str, list[str]], graph: dict[str, list[str]]) -> list[str]:
    values = meta.get("author", []) + meta.get("article:author", []) + meta.get("dc.creator", [])
    values += graph.get("article:author", [])
    return _unique(_split_names(v) for v in values if not _looks_like_url(v))


def bylines_names(bylines: Iterable[str]) -> list[str]:
    """Author names in byline lines: "By Jane Doe and John Roe" -> both names. A bar ends
    the names: the outlet or date follows it ("By Jane Doe | Example Media")."""
    return _unique(_split_names(BYLINE_PREFIX.sub("", line).split("|")[0]) for line in bylines)


def _split_names(text: str) -> list[str]:
    names = []
    for part in AUTHOR_SEPARATOR.split(text):
        # "By" left in a structured author name ("By JANE DOE").
        part = without_agency(re.sub(r"^by\s+", "", part.strip(" .|-–—\u00a0"), flags=re.I))
        # A name has 1-5 words, starts upper-case and has no digits; other bits are titles,
        # blurbs or dates ("Associated Press November 19").
        if (
            part
            and part[0].isupper()
            and len(part.split()) <= 5
            and not re.search(r"\d", part)
            and not _looks_like_url(part)
            and not AUTHOR_ROLE.search(part)
        ):
            names.append(part)
    return names


def _unique(groups: Iterable[list[str]]) -> list[str]:
    seen: dict[str, str] = {}
    for group in groups:
        for name in group:
            seen.setdefault(name.casefold(), name)
    return list(seen.values())


# Attribute values only: asking for elements would build a Python proxy for each of them.
_MARKING_ATTRIBUTES = etree.XPath(
    "//body//@class | //body//@id | //body//@rel | //body//@itemprop", smart_strings=True
)
_IN_FORM = etree.XPath("boolean(ancestor-or-self::form or self::label)")
_IN_FIGURE = etree.XPath("boolean(ancestor-or-self::figure or ancestor-or-self::figcaption)")
_BYLINE_MARK = re.compile("|".join(BYLINE_MARKERS), re.IGNORECASE)
_CREDIT_MARK = re.compile("|".join(CREDIT_MARKERS), re.IGNORECASE)
_PICTURE_MARK = re.compile("|".join(PICTURE_MARKERS), re.IGNORECASE)


def _bylines_and_credits(tree: HtmlElement) -> tuple[list[str], list[str]]:
    """Line-sized texts of the elements whose class, id, rel or itemprop names a byline,
    and of those that name the story's source credit."""
    bylines: list[str] = []
    credits: list[str] = []
    for value in _MARKING_ATTRIBUTES(tree):
        # Comment authors and comment-form labels ("Name *") are not the article's authors.
        if "comment" in value.lower():
            continue
        if _BYLINE_MARK.search(value):
            lines = bylines
        # Microdata's "sourceOrganization" is most often the site's own publisher.
        elif (
            value.attrname != "itemprop"
            and _CREDIT_MARK.search(value)
            and not _PICTURE_MARK.search(value)
        ):
            lines = credits
        else:
            continue
        element = value.getparent()
        if element.tag in ("script", "style", "source") or len(element) > MAX_LINE_CHILDREN:
            continue
        if _IN_FORM(element) or (lines is credits and _IN_FIGURE(element)):
            continue
        text = _clean(element.text_content())
        if text and len(text) <= MAX_BYLINE_CHARS and text not in lines:
            lines.append(text)
    return bylines, credits


def _tags(article: dict, graph: dict[str, list[str]], meta: dict[str, list[str]]) -> list[str]:
    values: list[str] = []
    for keywords in _as_list(article.get("keywords")):
        if isinstance(keywords, str):
            values.extend(keywords.split(","))
    values += graph.get("article:tag", []) + meta.get("article:tag", [])
    for key in ("news_keywords", "keywords"):
        for keywords in meta.get(key, []):
            values.extend(keywords.split(","))
    tags: dict[str, str] = {}
    for value in values:
        tag = _clean(value)
        if tag:
            tags.setdefault(tag.casefold(), tag)
    return list(tags.values())


def _iso(value: str | None) -> str | None:
    """An ISO 8601 date or timestamp, or None when ``value`` is not one."""
    if not value:
        return None
    text = value.strip().replace("Z", "+00:00")
    try:
        return datetime.fromisoformat(text).isoformat()
    except ValueError:
        match = re.match(r"\d{4}-\d{2}-\d{2}", text)
        return match.group(0) if match else None


def _dates(
    tree: HtmlElement,
    url: str | None,
    article: dict,
    graph: dict[str, list[str]],
    meta: dict[str, list[str]],
) -> tuple[str | None, str | None]:
    """Publication and update dates: the structured timestamp when htmldate agrees on the
    day (or finds nothing), htmldate's day when the structured data is missing or disagrees."""
    declared = _iso(_text(article.get("datePublished"))) or _iso(
        _first(graph, "article:published_time") or _first(meta, "article:published_time")
    )
    found = htmldate.find_date(tree, extensive_search=False, original_date=True, url=url)
    if declared and (not found or declared.startswith(found)):
        published = declared
    else:
        published = found or declared
    updated = _iso(_text(article.get("dateModified"))) or _iso(
        _first(graph, "article:modified_time") or _first(meta, "article:modified_time")
    )
    if updated and published and updated[:10] < published[:10]:
        updated = None
    return published, updated


def _canonical_url(
    tree: HtmlElement, url: str | None, graph: dict[str, list[str]], article: dict
) -> str | None:
    """The page's own URL for the article (canonical link, og:url), normalised."""
    canonical = None
    for link in tree.iterfind(".//link[@href]"):
        if "canonical" in link.get("rel", "").lower().split():
            canonical = link.get("href")
            break
    candidates = [canonical, _first(graph, "og:url"), _text(article.get("url")), url]
    for candidate in candidates:
        if not candidate:
            continue
        if url and not candidate.startswith(("http://", "https://")):
            candidate = courlan.fix_relative_urls(url, candidate)
        checked = courlan.check_url(candidate.strip(), strict=False)
        if checked:
            return courlan.normalize_url(checked[0])
    return url


def _html_language(tree: HtmlElement, article: dict, graph: dict[str, list[str]]) -> str | None:
    declared = tree.get("lang") or _text(article.get("inLanguage")) or _first(graph, "og:locale")
    if not declared:
        return None
    code = re.split(r"[-_]", declared.strip())[0].lower()
    return code if re.fullmatch(r"[a-z]{2,3}", code) else None
