"""Article body and metadata from an HTML page.

The page is parsed once; trafilatura finds the body in the tree, then news-specific rules
drop what it keeps by mistake (headline, teasers of other articles, newsletter and share
boxes, comment prompts, repeated copies, copyright lines) and the metadata comes from the
same tree.
"""

from __future__ import annotations

import re

import trafilatura
from lxml import etree
from lxml.html import HtmlElement
from trafilatura.xml import xmltotxt

from scraper.article import Article
from scraper.data.html_rules import (
    CREDIT,
    MAX_FURNITURE_WORDS,
    MAX_TEASER_WORDS,
    MIN_REPEATED_RUN,
    MIN_REPEATED_WORDS,
    NEWSLETTER,
    PAGE_LABEL,
    SOCIAL,
    TEASER_LABEL,
)
from scraper.metadata import detect_language, page_metadata
from scraper.wire import detect_origin, wire_service

# How many body paragraphs from each end are read for datelines and credit lines.
ORIGIN_EDGE_PARAGRAPHS = 3
# One alternation instead of four searches: most short lines are prose and match none.
FURNITURE = re.compile(
    "|".join(f"(?:{rule.pattern})" for rule in (TEASER_LABEL, NEWSLETTER, SOCIAL, PAGE_LABEL)),
    re.IGNORECASE,
)
# Split bodies: the container must hold this many extracted paragraphs, its sibling parts are
# looked for this many levels up, and a part must have a paragraph this long to be prose.
MIN_SPLIT_BODY_MATCHES = 2
SPLIT_BODY_SCOPE_LEVELS = 3
MIN_SPLIT_BODY_WORDS = 12
# Share of a paragraph's characters in links above which it is a link, not prose.
TEASER_LINK_SHARE = 0.8
# Element names in trafilatura's body (its own XML, or HTML from its fallback extractors).
CONTAINER_TAGS = frozenset({"div", "section", "article", "main", "body", "header", "footer"})
LIST_TAGS = frozenset({"list", "ul", "ol", "dl"})
ITEM_TAGS = frozenset({"item", "li", "dt", "dd"})
TABLE_TAGS = frozenset({"table"})


def clean_html(html: str, source: str, url: str | None = None) -> Article:
    """The article in an HTML page: body text as paragraphs, and its metadata."""
    tree = trafilatura.load_html(html) if html.strip() else None
    if tree is None or tree.find("body") is None:
        return Article(source=source, url=url)
    meta = page_metadata(tree, url)
    paragraphs, credits = article_paragraphs(tree, meta.title)
    text = "\n\n".join(paragraphs)
    origin_lines = [*meta.credit_lines, *paragraphs[:1], *paragraphs[-ORIGIN_EDGE_PARAGRAPHS:]]
    return Article(
        source=source,
        url=meta.url,
        title=meta.title,
        text=text,
        published=meta.published,
        updated=meta.updated,
        authors=list(meta.authors),
        publisher=meta.publisher,
        origin=detect_origin([*origin_lines, *credits], meta.publisher)
        or _wire_author(meta.authors, meta.publisher),
        language=detect_language(text, meta.html_language),
        tags=list(meta.tags),
        description=meta.description,
    )


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
    document = trafilatura.bare_extraction(
        tree,
        include_comments=False,
        favor_precision=True,
        with_metadata=False,
    )
    if document is None or document.body is None:
        return [], []
    body = document.body
    credits: list[str] = []
    kept = []
    for block in list(_blocks(body)):
        verdict = _furniture(block, title)
        if verdict == "credit":
            credits.append(_words(block))
        if verdict:
            _remove(block)
        else:
            kept.append(block)
    for block in {*_link_teasers(kept, tree), *_repeated_copy(kept)}:
        _remove(block)
    credits += _drop_loose_furniture(body, title)
    paragraphs = [" ".join(line.split()) for line in xmltotxt(body, False).splitlines()]
    return recover_split_body(tree, [p for p in paragraphs if p], title), credits


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
_PARAGRAPHS_AMONG = etree.XPath("//p[contains($texts, concat('\n', normalize-space(.), '\n'))]")


def _normalised(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.casefold()))


def _furniture(block: etree._Element, title: str | None) -> str | None:
    """Why a body block is page furniture ("title", "line", "credit"), or None."""
    return _furniture_text(_words(block), title)


def _furniture_text(text: str, title: str | None) -> str | None:
    text = " ".join(text.split())
    words = len(text.split())
    if not text:
        return None
    if title and _normalised(text) == _normalised(title):
        return "title"
    if words > MAX_FURNITURE_WORDS:
        return None
    if CREDIT.search(text):
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
    parts = scope.xpath(f".//{container.tag}[@class = $name]", name=container.get("class"))
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
            if text and not _furniture_text(text, title) and not _mostly_link(element, text)
        ]
        if not any(len(text.split()) >= MIN_SPLIT_BODY_WORDS for text in recovered):
            continue
        result[insert_at:insert_at] = recovered
        insert_at += len(recovered)
    return result


def _mostly_link(element: HtmlElement, text: str) -> bool:
    linked = sum(len(" ".join(link.text_content().split())) for link in element.iter("a"))
    return linked >= TEASER_LINK_SHARE * len(text)


def _drop_loose_furniture(body: etree._Element, title: str | None) -> list[str]:
    """Drop furniture lines left as loose text between blocks ("Also on example.com ...");
    the credit lines among them are returned."""
    credits = []
    for element in body.iter():
        verdict = element.tail and _furniture_text(element.tail, title)
        if verdict == "credit":
            credits.append(" ".join(element.tail.split()))
        if verdict:
            element.tail = None
    return credits


def _link_teasers(blocks: list[etree._Element], page: HtmlElement) -> list[etree._Element]:
    """Short blocks that are the whole text of a link on the page: teasers of other articles.
    Links are looked up in the page, as trafilatura's own link output changes what it keeps;
    a bare URL is a source the article cites, not a teaser."""
    candidates = [
        (text, block)
        for block in blocks
        if (text := _words(block))
        and len(text.split()) <= MAX_TEASER_WORDS
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


def _repeated_copy(blocks: list[etree._Element]) -> list[etree._Element]:
    """Blocks of a second copy of the article: runs of long paragraphs already seen, in a
    row (a mobile and a desktop version, a summary box). Single repeated lines are left,
    as schedules and recipes repeat them on purpose."""
    seen: set[str] = set()
    run: list[etree._Element] = []
    copies: list[etree._Element] = []
    for block in blocks:
        key = _normalised(_words(block))
        if len(key.split()) >= MIN_REPEATED_WORDS and key in seen:
            run.append(block)
            continue
        if len(run) >= MIN_REPEATED_RUN:
            copies.extend(run)
        run = []
        seen.add(key)
    if len(run) >= MIN_REPEATED_RUN:
        copies.extend(run)
    return copies
