"""Metadata of HTML pages: JSON-LD, OpenGraph, meta tags, bylines, datelines, wire credits."""

from __future__ import annotations

from pathlib import Path

import pytest

from scraper.html import clean_html

FIXTURES = Path(__file__).parent / "fixtures" / "html"


def clean(name: str, url: str | None = None):
    return clean_html((FIXTURES / name).read_text(encoding="utf-8"), name, url)


def metadata(article) -> dict:
    """Every field but the source and the body text."""
    fields = article.to_dict()
    del fields["source"], fields["text"]
    return fields


def test_json_ld_news_article():
    assert metadata(clean("jsonld_newsarticle.html")) == {
        "url": "https://www.riversidecourier.example/news/2025/03/river-park-plan.html",
        "title": "City council approves new river park plan",
        "published": "2025-03-14T09:30:00-05:00",
        "updated": "2025-03-15T11:00:00-05:00",
        "authors": ["Maria Lopez", "Tom Becker"],
        "publisher": "Riverside Courier",
        "origin": None,
        "language": "en",
        "tags": ["parks", "city council", "riverfront"],
        "description": "The council voted 7-2 for a park along the east bank.",
    }


def test_canonical_link_is_normalised_without_tracking_parameters():
    article = clean("jsonld_newsarticle.html", url="https://m.riversidecourier.example/x?amp=1")
    assert article.url == "https://www.riversidecourier.example/news/2025/03/river-park-plan.html"


def test_opengraph_and_meta_tags_only():
    assert metadata(clean("opengraph_only.html")) == {
        "url": "https://morningledger.example/world/heatwave-southern-europe",
        "title": "Heatwave grips southern Europe as temperatures pass 44C",
        "published": "2025-07-21T06:15:00+00:00",
        "updated": "2025-07-21T18:40:00+00:00",
        "authors": ["Sofia Marchetti"],
        "publisher": "The Morning Ledger",
        "origin": None,
        "language": "en",
        "tags": ["Climate", "Europe", "Weather"],
        "description": "Spain, Italy and Greece issue red alerts.",
    }


def test_byline_only_page():
    article = clean("byline_only.html")
    assert article.authors == ["Helen Carter", "Rob Nolan"]
    assert article.published == "2024-11-02"
    assert article.title == "Village shop saved by crowdfunding"
    assert article.language == "en"


def test_relative_canonical_link_is_resolved_against_the_page_url():
    html = (
        '<html><head><link rel="canonical" href="/politics/vote-count.html"></head>'
        "<body><p>The vote count continued late into the night in the capital.</p></body></html>"
    )
    article = clean_html(html, "x", url="https://news.example.org/live/123")
    assert article.url == "https://news.example.org/politics/vote-count.html"


@pytest.mark.parametrize(
    ("name", "origin", "publisher"),
    [
        # "FRANKFURT (Reuters) -" dateline, "© Copyright Thomson Reuters 2025" line
        ("wire_reuters.html", "Reuters", "Global Business Daily"),
        # "CHICAGO (AP) —" dateline, "Copyright 2025 The Associated Press" line
        ("wire_ap_republished.html", "Associated Press", "Lakeside Herald"),
    ],
)
def test_wire_story_republished_names_its_origin_beside_the_publisher(name, origin, publisher):
    article = clean(name)
    assert (article.origin, article.publisher) == (origin, publisher)


def test_malformed_json_ld_is_tolerated():
    article = clean("malformed_jsonld.html")
    assert article.title == "Local team wins regional title after penalty shootout"
    assert article.publisher == "Valley Sports Weekly"
    assert article.published == "2025-05-10T20:45:00+01:00"
    assert article.text.startswith("The under-18 side of the Valley Rovers won")


def test_language_is_detected_from_the_text_not_only_the_html_attribute():
    body = (
        "<p>Der Stadtrat hat am Donnerstag beschlossen, die alte Brücke über den Fluss "
        "abzureißen und bis zum Jahr 2028 durch einen Neubau für Fußgänger und Radfahrer "
        "zu ersetzen.</p><p>Die Kosten werden auf rund zwölf Millionen Euro geschätzt, "
        "wie die Verwaltung mitteilte.</p>"
    )
    article = clean_html(f'<html lang="en"><body><article>{body}</article></body></html>', "x")
    assert article.language == "de"


def test_language_falls_back_to_the_html_attribute_without_text():
    article = clean_html(
        '<html lang="fr-FR"><body><nav><a href="/">Accueil</a></nav></body></html>', "x"
    )
    assert article.language == "fr"


ARTICLE_BODY = (
    "<p>The harbour authority said on Friday that the new container terminal would open in "
    "the autumn, two years later than planned, because of a shortage of cranes.</p>"
    "<p>Shipping companies had been told to expect delays of several weeks at the old "
    "terminal until then, a spokesperson for the authority added.</p>"
)


def test_comment_form_labels_and_comment_authors_are_not_bylines():
    html = (
        "<html><body><article><h1>Terminal delayed</h1>"
        '<div class="byline">By Ana Silva</div>'
        f"{ARTICLE_BODY}</article>"
        '<div class="comment-author">harbourwatcher</div>'
        '<form><p class="comment-form-author"><label for="author">Name *</label>'
        '<input id="author"></p></form></body></html>'
    )
    assert clean_html(html, "x").authors == ["Ana Silva"]


def test_html_entities_left_in_metadata_are_decoded():
    html = (
        '<html><head><meta property="og:title" content="Club pays &amp;#163;71m for keeper">'
        f"</head><body><article>{ARTICLE_BODY}</article></body></html>"
    )
    assert clean_html(html, "x").title == "Club pays £71m for keeper"


@pytest.mark.parametrize(
    ("author", "byline", "authors"),
    [
        # The wire service named as the author in a meta tag.
        ("Associated Press", "", ["Associated Press"]),
        # A reporter in the meta tag, the service in the visible byline.
        (
            "Jane Doe",
            '<div class="article-byline">By Jane Doe, Associated Press</div>',
            ["Jane Doe"],
        ),
        # The service alone in a credit element, the reporter in the meta tag.
        ("Jane Doe", '<span class="byline__source">Associated Press</span>', ["Jane Doe"]),
        ("Jane Doe", '<div class="story-credit">Associated Press</div>', ["Jane Doe"]),
    ],
)
def test_wire_service_in_the_author_or_byline_gives_the_origin(author, byline, authors):
    html = (
        f'<html><head><meta name="author" content="{author}">'
        '<meta property="og:site_name" content="Coastal Daily"></head>'
        f"<body><article>{byline}{ARTICLE_BODY}</article></body></html>"
    )
    article = clean_html(html, "x")
    assert (article.authors, article.origin) == (authors, "Associated Press")


@pytest.mark.parametrize(
    "credit",
    [
        '<figure><img src="a.jpg"><figcaption>Cranes. <span class="credit">Reuters</span>'
        "</figcaption></figure>",
        '<span class="photo-credit">AP</span>',
        # Microdata naming the site's own organisation, on a page that names no publisher.
        '<span itemprop="sourceOrganization"><span>The New York Times</span></span>',
    ],
    ids=["credit-in-a-figure", "photo-credit", "microdata-source-organization"],
)
def test_credit_elements_that_do_not_credit_the_story_give_no_origin(credit):
    html = f"<html><body><article>{credit}{ARTICLE_BODY}</article></body></html>"
    assert clean_html(html, "x").origin is None


@pytest.mark.parametrize(
    ("head", "origin"),
    [
        # A source line above a dateline that has the date between the place and the agency.
        ("<p>From Reuters | March 2, 2026</p><p>OSLO, March 2 (Reuters) - {}</p>", "Reuters"),
        # A short byline line above an "(AP) —" dateline.
        ("<p>By OMAR REYES | March 2, 2026</p><p>OSLO (AP) — {}</p>", "Associated Press"),
    ],
    ids=["source-line-then-dated-dateline", "byline-line-then-dateline"],
)
def test_dateline_after_short_lines_at_the_head_of_the_body_gives_the_origin(head, origin):
    lead = "Norway's harbour authority said on Monday that the new container terminal would open."
    # Enough paragraphs after the dateline that it is not among the closing lines.
    more = (
        "<p>Dock workers said the delay would cost them overtime pay they had counted on for "
        "the winter months.</p><p>The authority plans to publish a new timetable for the "
        "terminal at its next board meeting in April.</p>"
    )
    html = (
        '<html><head><meta property="og:site_name" content="Coastal Daily"></head>'
        f"<body><article>{head.format(lead)}{ARTICLE_BODY}{more}</article></body></html>"
    )
    article = clean_html(html, "x")
    assert (article.origin, article.text.startswith("From")) == (origin, False)


@pytest.mark.parametrize(
    ("first", "authors", "kept"),
    [
        (
            "By JANE DOE and OMAR REYES Associated Press | March 2, 2026",
            ["JANE DOE", "OMAR REYES"],
            False,
        ),
        ("By Jane Doe | Coastal Daily", ["Jane Doe"], False),
        ("By Jane Doe, Staff Writer", ["Jane Doe"], False),
        ("By Monday, 300 people had left.", [], True),
    ],
    ids=[
        "ap-style-byline-line",
        "byline-with-outlet-after-a-bar",
        "byline-with-job-title",
        "prose-starting-with-by",
    ],
)
def test_byline_line_at_the_head_of_the_body_gives_the_authors_and_leaves_the_text(
    first, authors, kept
):
    html = f"<html><body><article><p>{first}</p>{ARTICLE_BODY}</article></body></html>"
    article = clean_html(html, "x")
    assert (article.authors, article.text.startswith(first)) == (authors, kept)


def test_by_left_in_a_structured_author_name_is_dropped():
    html = (
        '<html><head><script type="application/ld+json">{"@type": "NewsArticle", '
        '"author": {"@type": "Person", "name": "By JANE DOE"}}</script></head>'
        f"<body><article>{ARTICLE_BODY}</article></body></html>"
    )
    assert clean_html(html, "x").authors == ["JANE DOE"]
