"""Article body and metadata from an HTML page.

The page is parsed once; trafilatura (comments off, favouring precision) finds the body in
the tree, then news-specific rules drop what it keeps by mistake (headline, teasers of other
articles, newsletter and share boxes, comment prompts, a second copy of the article,
copyright lines) and add back what it loses (the rest of a body split by ads). The
metadata comes from the same tree.
"""

from __future__ import annotations

import re

import trafilatura
from lxml import etree
from lxml.html import HtmlElement
from trafilatura.xml import xmltotxt

from scraper.article import Article
from scraper.data.html_rules import (
    AUTHOR_ROLE,
    AUTHOR_SEPARATOR,
    BYLINE_PREFIX,
    CONTAINER_TAGS,
    CREDIT,
    FULL_EXTRACTION_BELOW_WORDS,
    ITEM_TAGS,
    LIST_TAGS,
    MAX_FURNITURE_WORDS,
    MAX_TEASER_WORDS,
    MIN_REPEATED_RUN,
    MIN_REPEATED_WORDS,
    MIN_SPLIT_BODY_MATCHES,
    MIN_SPLIT_BODY_WORDS,
    NEWSLETTER,
    PAGE_LABEL,
    SOCIAL,
    SPLIT_BODY_SCOPE_LEVELS,
    TABLE_TAGS,
    TEASER_LABEL,
    TEASER_LINK_SHARE,
)
from scraper.metadata import bylines_names, detect_language, page_metadata
from scraper.wire import detect_origin, source_line_service, wire_service

# How many body paragraphs from each end are read for datelines and credit lines.
ORIGIN_EDGE_PARAGRAPHS = 3
# A paragraph this long is prose: the dateline is in the first one, after any short
# byline, source or date lines.
MIN_PROSE_WORDS = 12
# One alternation instead of four searches: most short lines are prose and match none.
FURNITURE = re.compile(
    "|".join(f"(?:{rule.pattern})" for rule in (TEASER_LABEL, NEWSLETTER, SOCIAL, PAGE_LABEL)),
    re.IGNORECASE,
)


def clean_html(html: str, source: str, url: str | None = None) -> Article:
    """The article in an HTML page: body text as paragraphs, and its metadata."""
    tree = trafilatura.load_html(html) if html.strip() else None
    if tree is None or tree.find("body") is None:
        return Article(source=source, url=url)
    meta = page_metadata(tree, url)
    paragraphs, credits = article_paragraphs(tree, meta.title)
    head = _head(paragraphs)
    origin_lines = [*head, *paragraphs[-ORIGIN_EDGE_PARAGRAPHS:], *credits]
    # A byline printed as the body's first line is the page's, not the article's text.
    bylines = [line for line in head if _is_byline(line)]
    text = "\n\n".join(line for line in paragraphs if line not in bylines)
    authors = meta.authors or tuple(bylines_names(bylines))
    return Article(
        source=source,
        url=meta.url,
        title=meta.title,
        text=text,
        published=meta.published,
        updated=meta.updated,
        authors=list(authors),
        publisher=meta.publisher,
        origin=detect_origin(origin_lines, meta.publisher, meta.credit_lines)
        or _wire_author(authors, meta.publisher),
        language=detect_language(text, meta.html_language),
        tags=list(meta.tags),
        description=meta.description,
    )


def _head(paragraphs: list[str]) -> list[str]:
    """The first paragraphs, up to the first of prose (where the dateline is)."""
    head = paragraphs[:ORIGIN_EDGE_PARAGRAPHS]
    for index, paragraph in enumerate(head):
        if paragraph.count(" ") >= MIN_PROSE_WORDS - 1 and not _is_byline(paragraph):
            return head[: index + 1]
    return head


def _is_byline(line: str) -> bool:
    """A short line of names after "By" ("By Jane Doe | April 9, 2026"): no part of it is
    prose ("By Monday, 300 people had left" is not one)."""
    if not BYLINE_PREFIX.match(line):
        return False
    names = BYLINE_PREFIX.sub("", line).split("|")[0]
    if names.count(" ") >= MIN_PROSE_WORDS - 1:
        return False
    # Every part a name, but for job titles ("By Jane Doe, Staff Writer").
    parts = [
        part
        for part in AUTHOR_SEPARATOR.split(names)
        if part.strip(" .") and not AUTHOR_ROLE.search(part.strip(" ."))
    ]
    return bool(parts) and len(bylines_names([line])) == len(parts)


def _wire_author(authors: tuple[str, ...], publisher: str | None) -> str | None:
    """A wire service named as the author ("Associated Press", "Reuters Staff") of a page
    that is not the service's own."""
    own = wire_service(publisher) if publisher else None
    for author in authors:
        service = wire_service(author)
        if service and service != own:
            return service
    return None


def article_paragraphs(tree: HtmlElement, title: str | None) -> tuple[list[str], list[str]]:
    """The body's paragraphs, and the credit/copyright lines taken out of it."""
    # Fast mode skips trafilatura's fallback extractors (readability, jusText), which only
    # change the result when its own finds little: the full mode runs on short results.
    document = _trafilatura_body(tree, fast=True)
    if document is None or len(document.text.split()) < FULL_EXTRACTION_BELOW_WORDS:
        document = _trafilatura_body(tree, fast=False) or document
    if document is None or document.body is None:
        return [], []
    body = document.body
    title_key = _normalised(title) if title else None
    credits: list[str] = []
    kept: list[tuple[etree._Element, str]] = []
    for block in list(_blocks(body)):
        text = _words(block)
        verdict = _furniture_text(text, title_key)
        if verdict == "credit":
            credits.append(text)
        if verdict:
            _remove(block)
        else:
            kept.append((block, text))
    for block in {*_link_teasers(kept, tree), *_repeated_copy(kept)}:
        _remove(block)
    credits += _drop_loose_furniture(body, title_key)
    paragraphs = [" ".join(line.split()) for line in xmltotxt(body, False).splitlines()]
    return recover_split_body(tree, [p for p in paragraphs if p], title), credits


def _trafilatura_body(tree: HtmlElement, fast: bool):
    return trafilatura.bare_extraction(
        tree, include_comments=False, favor_precision=True, fast=fast, with_metadata=False
    )


def _blocks(container: etree._Element):
    """The body's blocks (paragraphs, headings, list items...). Trafilatura's fallback
    extractors return the page's own divs, so containers are walked into. Tables are left
    whole: their cells repeat and link by design."""
    for child in container:
        if child.tag in CONTAINER_TAGS:
            yield from _blocks(child)
        elif child.tag in LIST_TAGS:
            yield from (item for item in child if item.tag in ITEM_TAGS)
        elif child.tag not in TABLE_TAGS and isinstance(child.tag, str):
            yield child


def _words(element: etree._Element) -> str:
    return " ".join("".join(element.itertext()).split())


# The links, and the paragraphs, whose whole text is one of the lines of $texts (one pass
# over the page in C, where a Python loop would build an object per element).
_LINKS_NAMED = etree.XPath("//a[contains($texts, concat('\n', normalize-space(.), '\n'))]")
# Elements of one tag and class attribute (the tag as a variable: Word's "o:p" is one too).
_SAME_STYLED = etree.XPath(".//*[name() = $tag and @class = $name]")
_PARAGRAPHS_AMONG = etree.XPath("//p[contains($texts, concat('\n', normalize-space(.), '\n'))]")


def _normalised(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.casefold()))


def _furniture_text(text: str, title_key: str | None) -> str | None:
    """Why a block's text is page furniture ("title", "line", "credit"), or None;
    ``title_key`` is the headline as _normalised gives it."""
    text = " ".join(text.split())
    if not text:
        return None
    # Length first: most blocks are far longer than any headline.
    if title_key and len(text) <= 2 * len(title_key) + 20 and _normalised(text) == title_key:
        return "title"
    if text.count(" ") >= MAX_FURNITURE_WORDS:
        return None
    if CREDIT.search(text) or source_line_service(text):
        return "credit"
    if FURNITURE.search(text):
        return "line"
    return None


def recover_split_body(page: HtmlElement, paragraphs: list[str], title: str | None) -> list[str]:
    """``paragraphs`` with the parts of the body trafilatura left out when ads or widgets split
    it: the elements after the one holding most of the extracted paragraphs, with its tag and
    class and near it in the page, whose paragraphs are prose not yet extracted. Parts before
    it are left: there a same-styled box is a summary or the claim under review, not body."""
    if not paragraphs:
        return paragraphs
    title_key = _normalised(title) if title else None
    holders: dict[etree._Element, int] = {}
    for element in _PARAGRAPHS_AMONG(page, texts="\n" + "\n".join(paragraphs) + "\n"):
        holders[element.getparent()] = holders.get(element.getparent(), 0) + 1
    if not holders:
        return paragraphs
    container, count = max(holders.items(), key=lambda item: item[1])
    if count < MIN_SPLIT_BODY_MATCHES or not container.get("class"):
        return paragraphs
    scope = container
    for _ in range(SPLIT_BODY_SCOPE_LEVELS):
        scope = scope.getparent() if scope.getparent() is not None else scope
    parts = _SAME_STYLED(scope, tag=container.tag, name=container.get("class"))
    result = list(paragraphs)
    insert_at = len(result)
    for part in parts[parts.index(container) :]:
        texts = [(" ".join(p.text_content().split()), p) for p in part.iter("p")]
        found = [result.index(text) for text, _ in texts if text in result]
        if found:
            insert_at = max(found) + 1
            continue
        recovered = [
            text
            for text, element in texts
            if text and not _furniture_text(text, title_key) and not _mostly_link(element, text)
        ]
        if not any(len(text.split()) >= MIN_SPLIT_BODY_WORDS for text in recovered):
            continue
        result[insert_at:insert_at] = recovered
        insert_at += len(recovered)
    return result


def _mostly_link(element: HtmlElement, text: str) -> bool:
    linked = sum(len(" ".join(link.text_content().split())) for link in element.iter("a"))
    return linked >= TEASER_LINK_SHARE * len(text)


def _drop_loose_furniture(body: etree._Element, title_key: str | None) -> list[str]:
    """Drop furniture lines left as loose text between blocks ("Also on example.com ...");
    the credit lines among them are returned."""
    credits = []
    for element in body.iter():
        verdict = element.tail and _furniture_text(element.tail, title_key)
        if verdict == "credit":
            credits.append(" ".join(element.tail.split()))
        if verdict:
            element.tail = None
    return credits


def _link_teasers(
    blocks: list[tuple[etree._Element, str]], page: HtmlElement
) -> list[etree._Element]:
    """Short blocks that are the whole text of a link on the page: teasers of other articles.
    Links are looked up in the page, as trafilatura's own link output changes what it keeps;
    a bare URL is a source the article cites, not a teaser."""
    candidates = [
        (text, block)
        for block, text in blocks
        if text
        and text.count(" ") < MAX_TEASER_WORDS
        and not re.match(r"^\S*(https?://|www\.)", text)
    ]
    if not candidates:
        return []
    texts = "\n" + "\n".join(text for text, _ in candidates) + "\n"
    linked = {" ".join(link.text_content().split()) for link in _LINKS_NAMED(page, texts=texts)}
    return [block for text, block in candidates if text in linked]


def _remove(block: etree._Element) -> None:
    """Take a block out of the body, keeping the text that follows it."""
    parent = block.getparent()
    if block.tail and block.tail.strip():
        previous = block.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + block.tail
        else:
            parent.text = (parent.text or "") + block.tail
    parent.remove(block)


def _repeated_copy(blocks: list[tuple[etree._Element, str]]) -> list[etree._Element]:
    """Blocks of a second copy of the article: runs of long paragraphs already seen, in a
    row (a mobile and a desktop version, a summary box). Single repeated lines are left,
    as schedules and recipes repeat them on purpose."""
    seen: set[str] = set()
    run: list[etree._Element] = []
    copies: list[etree._Element] = []
    for block, text in blocks:
        key = text.casefold()
        if key.count(" ") >= MIN_REPEATED_WORDS - 1 and key in seen:
            run.append(block)
            continue
        if len(run) >= MIN_REPEATED_RUN:
            copies.extend(run)
        run = []
        seen.add(key)
    if len(run) >= MIN_REPEATED_RUN:
        copies.extend(run)
    return copies
