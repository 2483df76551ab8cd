"""Article body and metadata from a plain-text dump of a whole web page.

A dump is what "select all, copy" gives: navigation, tag lists, the article, sign-up boxes,
related links and the footer, one block per line. jusText classifies each line as a paragraph
(length, stopword density); the body is the densest run of good lines, cut at the first line
that marks the article's end. Metadata is read from the lines around the body before any
line is dropped.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import py3langid
from justext import get_stoplist
from justext.core import PathInfo, classify_paragraphs
from justext.paragraph import Paragraph

from scraper.article import Article
from scraper.data import dump_lines as rules
from scraper.data.html_rules import AUTHOR_ROLE
from scraper.wire import detect_origin, wire_service, without_agency

# What a line earns towards a body run, per character, by jusText's context-free class:
# neargood lines count (short articles may have no "good" line at all), the rest cost.
_CLASS_WEIGHTS = {"good": 1.0, "neargood": 0.75, "short": -1.0, "bad": -1.0}
# A line that marks the article's end costs more than any body earns back; the heading of
# a box (other stories, a newsletter sign-up) costs about a paragraph, as such boxes
# sometimes interrupt a body that goes on after them.
_END_WEIGHT = 10_000
_ASIDE_WEIGHT = 200
# After an end marker that follows some body text, text still counts, but less: articles
# come before their comments, footers and the teasers under them.
_AFTER_END_FACTOR = 0.2
_BODY_BEFORE_END = 500
# How many lines after the body can still carry its credits (copyright, "Reporting by").
_CREDIT_LINES_AFTER = 3
# Enough text for py3langid to be sure; more only costs time.
_LANGUAGE_SAMPLE_LINES = 30
_LANGUAGE_SAMPLE_CHARS = 2000


def _page_lines(text: str) -> list[str]:
    return [line for line in (raw.strip() for raw in text.splitlines()) if line]


def _language(lines: list[str]) -> str | None:
    # The longest lines are the article's; short ones are menus that may be in English.
    longest = sorted(lines, key=len, reverse=True)[:_LANGUAGE_SAMPLE_LINES]
    sample = " ".join(longest)[:_LANGUAGE_SAMPLE_CHARS]
    return py3langid.classify(sample)[0] if sample else None


class _LineParagraph(Paragraph):
    """One dump line as a jusText paragraph; its text is fixed, so it is computed once
    (jusText re-joins and re-normalises a paragraph's text on every access)."""

    def __init__(self, line: str) -> None:
        super().__init__(_PARAGRAPH_PATH)
        self.append_text(line)
        self._text = super().text

    @property
    def text(self) -> str:
        return self._text


_PARAGRAPH_PATH = PathInfo().append("body").append("p")


def _classify(lines: list[str], language: str | None) -> list[Paragraph]:
    """jusText's paragraph classes for each line, as if each were a <p>."""
    paragraphs = [_LineParagraph(line) for line in lines]
    stoplist_name = rules.JUSTEXT_STOPLISTS.get(language or "")
    if stoplist_name:
        classify_paragraphs(paragraphs, get_stoplist(stoplist_name))
    else:
        # jusText's advice for languages without a stoplist: judge by length alone.
        classify_paragraphs(paragraphs, frozenset(), stopwords_low=0, stopwords_high=0)
    _revise_short_lines(paragraphs)
    return paragraphs


def _revise_short_lines(paragraphs: list[Paragraph]) -> None:
    """jusText's context rule for short paragraphs (good between good ones, bad between bad
    ones, good next to a neargood one otherwise), in one pass each way: jusText's own
    revision rescans the neighbours of every short paragraph, which is quadratic on the long
    runs of menu lines a dump has."""
    before = _nearest_classes(paragraphs)
    after = _nearest_classes(paragraphs[::-1])[::-1]
    for index, paragraph in enumerate(paragraphs):
        paragraph.class_type = paragraph.cf_class
        if paragraph.cf_class != "short":
            continue
        (previous, previous_any), (following, following_any) = before[index], after[index]
        if previous == following:
            paragraph.class_type = previous
        elif (previous == "bad" and previous_any == "neargood") or (
            following == "bad" and following_any == "neargood"
        ):
            paragraph.class_type = "good"
        else:
            paragraph.class_type = "bad"


def _nearest_classes(paragraphs: list[Paragraph]) -> list[tuple[str, str]]:
    """For each paragraph, the class of the nearest good-or-bad paragraph before it, and of
    the nearest one that is not short ("bad" at the page's edge)."""
    nearest, nearest_any = "bad", "bad"
    classes = []
    for paragraph in paragraphs:
        classes.append((nearest, nearest_any))
        if paragraph.cf_class in ("good", "bad"):
            nearest = nearest_any = paragraph.cf_class
        elif paragraph.cf_class == "neargood":
            nearest_any = "neargood"
    return classes


def _line_weights(lines: list[str], paragraphs: list[Paragraph]) -> list[float]:
    weights = []
    seen: set[str] = set()
    earned, factor = 0.0, 1.0
    for line, paragraph in zip(lines, paragraphs, strict=True):
        if rules.ARTICLE_END.match(line):
            weight = -_END_WEIGHT
            if earned >= _BODY_BEFORE_END:
                factor = _AFTER_END_FACTOR
        elif rules.ASIDE_HEADING.match(line):
            weight = -_ASIDE_WEIGHT
        elif rules.FURNITURE.match(line):
            weight = -len(line)
        elif line in seen:
            # A repeated line (teaser, summary, pull quote) earns nothing the second time.
            weight = 0.0
        elif paragraph.cf_class == "short" and paragraph.class_type == "good":
            # A short line between paragraphs (a subheading) neither earns nor costs.
            weight = 0.0
        else:
            weight = _CLASS_WEIGHTS[paragraph.cf_class] * len(line)
        if weight > 0:
            earned += weight
            weight *= factor
        seen.add(line)
        weights.append(weight)
    return weights


def _body_span(weights: list[float]) -> tuple[int, int]:
    """The run of lines [start, end) with the most good text net of the furniture in it."""
    best, best_span = 0.0, (0, 0)
    running, start = 0.0, 0
    for index, weight in enumerate(weights):
        if running <= 0:
            running, start = 0.0, index
        running += weight
        if running > best:
            best, best_span = running, (start, index + 1)
    return best_span


def _is_paragraph(line: str, paragraph: Paragraph) -> bool:
    return paragraph.cf_class == "good" or bool(rules.SENTENCE_END.search(line))


def _trim_span(
    lines: list[str], paragraphs: list[Paragraph], weights: list[float], span: tuple[int, int]
) -> tuple[int, int]:
    """The span without the headlines, labels and teasers at its edges, and starting after
    the article's own date line or byline (what comes before it is the headline block or
    teasers of other stories) when that stands before the first full paragraph, in the
    first part of the span, or, as a byline next to a date line, in its first half."""
    start, end = span
    total = sum(weight for weight in weights[start:end] if weight > 0)
    heads = [_is_dateline_or_byline(line) for line in lines[start:end]]
    gained, full_paragraph_seen = 0.0, False
    for offset, index in enumerate(range(start, end)):
        if gained > rules.HEADER_BLOCK_SHARE * total:
            break
        in_block = any(heads[max(0, offset - 1) : offset]) or any(heads[offset + 1 : offset + 2])
        share = rules.HEADER_BLOCK_SHARE if in_block else rules.HEADER_SHARE
        if heads[offset] and (gained <= share * total or not full_paragraph_seen):
            start = index + 1
        gained += max(weights[index], 0.0)
        full_paragraph_seen = full_paragraph_seen or paragraphs[index].cf_class == "good"
    while start < end and not _is_paragraph(lines[start], paragraphs[start]):
        start += 1
    while end > start and not _is_paragraph(lines[end - 1], paragraphs[end - 1]):
        end -= 1
    return start, end


def _is_sentence(line: str) -> bool:
    # jusText finds too few stopwords in paragraphs full of figures or names; a line of
    # several words that ends like a sentence is prose all the same.
    return len(line.split()) >= rules.SENTENCE_MIN_WORDS and bool(rules.SENTENCE_END.search(line))


def _extend_span(lines: list[str], span: tuple[int, int]) -> tuple[int, int]:
    """The span grown over the sentences right next to it."""
    start, end = span
    if start >= end:
        return span
    inside = set(lines[start:end])

    def continues_body(line: str) -> bool:
        return (
            _is_sentence(line)
            and line not in inside
            and not rules.ARTICLE_END.match(line)
            and not rules.ASIDE_HEADING.match(line)
            and not _is_metadata_line(line)
        )

    while start > 0 and continues_body(lines[start - 1]):
        start -= 1
    while end < len(lines) and continues_body(lines[end]):
        end += 1
    return start, end


def _is_body_line(line: str, paragraph: Paragraph) -> bool:
    if rules.CAPTION_CREDIT.search(line):
        return False
    if paragraph.cf_class in ("good", "neargood") or _is_sentence(line):
        return True
    # Inside the body run a short line is a subheading, unless it shouts or credits a picture.
    return paragraph.cf_class == "short" and not (
        line.isupper() or rules.SHORT_LINE_NOISE.search(line)
    )


def _body_paragraphs(lines: list[str], paragraphs: list[Paragraph]) -> list[str]:
    kept: list[str] = []
    seen: set[str] = set()
    for line, paragraph in zip(lines, paragraphs, strict=True):
        # A summary repeated inside the article, or a pull quote, is kept once.
        if line in seen or not _is_body_line(line, paragraph) or _is_metadata_line(line):
            continue
        seen.add(line)
        kept.append(line)
    return kept


def _parse_date(line: str) -> str | None:
    """The first date in a date line, with its time when the line gives one, as ISO 8601."""
    if len(line.split()) > rules.MAX_DATE_LINE_WORDS:
        return None
    for form in rules.DATE_FORMS:
        for match in form.finditer(line):
            day = _day(match)
            if day:
                rest = line[: match.start()] + " " + line[match.end() :]
                return _with_time(day, rules.TIME.search(rest))
    return None


def _day(match: re.Match) -> datetime | None:
    fields = match.groupdict()
    if fields.get("month_number"):
        month = int(fields["month_number"])
    else:
        month = rules.MONTHS.get(fields["month"].casefold(), 0)
    try:
        return datetime(int(fields["year"]), month, int(fields["day"]))
    except ValueError:
        return None


def _with_time(day: datetime, match: re.Match | None) -> str:
    if not match:
        return day.date().isoformat()
    hour, minute = int(match["hour"]), int(match["minute"])
    if match["ampm"]:
        hour = hour % 12 + (12 if match["ampm"].lower().startswith("p") else 0)
    if hour > 23 or minute > 59:
        return day.date().isoformat()
    moment = day.replace(hour=hour, minute=minute, second=int(match["second"] or 0))
    zone = match["zone"]
    if zone in rules.TIME_ZONES:
        moment = moment.replace(tzinfo=timezone(timedelta(hours=rules.TIME_ZONES[zone])))
    elif zone in rules.SEASONAL_TIME_ZONES:
        moment = moment.replace(tzinfo=ZoneInfo(rules.SEASONAL_TIME_ZONES[zone]))
    return moment.isoformat()


def _dates(header: list[str]) -> tuple[str | None, str | None]:
    """Published and updated dates from the lines between headline and body; a line may
    carry both ("Published: 10:48, Nov 19, 2019 | Updated: 11:05, Nov 19, 2019")."""
    published = updated = None
    for line in header:
        for part in rules.DATE_PART_SEPARATORS.split(line):
            mark = rules.UPDATED_MARK.search(part)
            if mark:
                updated = updated or _parse_date(part[mark.end() :])
                part = part[: mark.start()]
            published = published or _parse_date(part)
    return published, updated


def _is_metadata_line(line: str) -> bool:
    return bool(
        _parse_date(line)
        or rules.BYLINE.match(line)
        or rules.TAG_LINE.match(line)
        or rules.FURNITURE.match(line)
    )


def _is_dateline_or_byline(line: str) -> bool:
    # "— Jane Doe (@jane) November 3, 2019" closes an embedded post; it heads nothing.
    return not rules.QUOTE_CREDIT.match(line) and bool(
        _parse_date(line) or rules.BYLINE.match(line)
    )


def _looks_like_title(line: str) -> bool:
    words = len(line.split())
    return (
        rules.TITLE_MIN_WORDS <= words <= rules.TITLE_MAX_WORDS
        and not line.endswith((".", ":"))
        and not rules.TITLE_NOISE.search(line)
        and not _is_metadata_line(line)
    )


def _title_index(lines: list[str], body_start: int, body: list[str], page: str) -> int | None:
    """The headline: of the headline-shaped lines above the body, the one sharing most words
    with the article's opening (captions share some, menus none), counting one the page
    repeats (share text, breadcrumbs) as sharing more; the nearest on a tie. A line that
    shares nothing is a menu or a label, so there may be no headline at all."""
    opening = _content_words(" ".join(body[: rules.TITLE_OPENING_PARAGRAPHS]))
    window = range(body_start - 1, max(-1, body_start - 1 - rules.TITLE_SEARCH_LINES), -1)
    best, best_score = None, 0.0
    for index in window:
        line = lines[index]
        if not _looks_like_title(line):
            continue
        words = _content_words(line)
        score = len(words & opening) / (len(words) or 1) + (page.count(line) > 1)
        if score > best_score:
            best, best_score = index, score
    return best


def _content_words(text: str) -> set[str]:
    return set(rules.CONTENT_WORD.findall(text.casefold()))


def _authors(lines: list[str]) -> list[str]:
    for line in lines:
        match = rules.BYLINE.match(line)
        if not match:
            continue
        names = [
            without_agency(name.strip(" .:|-\u2013\u2014"))
            for name in rules.AUTHOR_SEPARATORS.split(match["names"])
        ]
        return [
            name
            for name in names
            if name
            and rules.AUTHOR_NAME.match(name)
            and not wire_service(name)
            and not AUTHOR_ROLE.search(name)
        ]
    return []


def _tags(lines: list[str]) -> list[str]:
    for line in lines:
        match = rules.TAG_LINE.match(line)
        if match:
            tags = rules.TAG_SEPARATORS.split(match["tags"])
            return [tag for tag in (tag.strip() for tag in tags) if tag]
    return []


def _publisher(lines: list[str]) -> str | None:
    """The page's own copyright holder: the last rights line of the page."""
    for line in reversed(lines):
        match = rules.COPYRIGHT_HOLDER.search(line)
        if match:
            holder = match["holder"].strip()
            # "Example Media, Inc." keeps its full stop; a sentence's is dropped.
            return holder if holder.endswith(rules.COMPANY_SUFFIXES) else holder.rstrip(".")
    return None


def _description(lines: list[str], body: list[str], body_span: tuple[int, int]) -> str | None:
    """A summary the page prints outside the body: a line that opens the article's first
    paragraph (or repeats it whole)."""
    if not body:
        return None
    start, end = body_span
    for index, line in enumerate(lines):
        if start <= index < end:
            continue
        if len(line.split()) >= rules.TITLE_MIN_WORDS and body[0].startswith(line):
            return line
    return None


def clean_text_dump(text: str, source: str) -> Article:
    """The article inside a whole-page text dump (navigation, footers... around it)."""
    lines = _page_lines(text)
    if not lines:
        return Article(source=source)
    language = _language(lines)
    paragraphs = _classify(lines, language)
    weights = _line_weights(lines, paragraphs)
    start, end = _extend_span(lines, _trim_span(lines, paragraphs, weights, _body_span(weights)))
    body = _body_paragraphs(lines[start:end], paragraphs[start:end])

    title_index = _title_index(lines, start, body, text)
    header_start = max(0, start - rules.TITLE_SEARCH_LINES) if title_index is None else title_index
    header = lines[header_start:start]
    published, updated = _dates(header)
    # No date line under the headline: the page's first date is the best left.
    published = published or next(filter(None, map(_parse_date, lines)), None)
    publisher = _publisher(lines[end:])
    article_lines = header + lines[start : end + _CREDIT_LINES_AFTER]
    return Article(
        source=source,
        title=lines[title_index] if title_index is not None else None,
        text="\n\n".join(body),
        published=published,
        updated=updated,
        authors=_authors(header),
        publisher=publisher,
        origin=detect_origin(article_lines, publisher),
        language=language,
        tags=_tags(lines),
        description=_description(lines, body, (start, end)),
    )
