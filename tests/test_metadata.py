"""Metadata of HTML pages: JSON-LD, OpenGraph, meta tags, bylines, datelines, wire credits."""

from __future__ import annotations

from pathlib import Path

from scraper.html import clean_html

FIXTURES = Path(__file__).parent / "fixtures" / "html"


def clean(name: str, url: str | None = None):
    return clean_html((FIXTURES / name).read_text(encoding="utf-8"), name, url)


def test_json_ld_news_article():
    article = clean("jsonld_newsarticle.html")
    assert article.title == "City council approves new river park plan"
    assert article.authors == ["Maria Lopez", "Tom Becker"]
    assert article.publisher == "Riverside Courier"
    assert article.published == "2025-03-14T09:30:00-05:00"
    assert article.updated == "2025-03-15T11:00:00-05:00"
    assert article.tags == ["parks", "city council", "riverfront"]
    assert article.description == "The council voted 7-2 for a park along the east bank."
    assert article.language == "en"
    assert article.origin is None


def test_canonical_link_is_normalised_without_tracking_parameters():
    article = clean("jsonld_newsarticle.html", url="https://m.riversidecourier.example/x?amp=1")
    assert article.url == "https://www.riversidecourier.example/news/2025/03/river-park-plan.html"


def test_opengraph_and_meta_tags_only():
    article = clean("opengraph_only.html")
    assert article.title == "Heatwave grips southern Europe as temperatures pass 44C"
    assert article.publisher == "The Morning Ledger"
    assert article.published == "2025-07-21T06:15:00+00:00"
    assert article.updated == "2025-07-21T18:40:00+00:00"
    assert article.tags == ["Climate", "Europe", "Weather"]
    assert article.authors == ["Sofia Marchetti"]
    assert article.url == "https://morningledger.example/world/heatwave-southern-europe"
    assert article.description == "Spain, Italy and Greece issue red alerts."


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


def test_reuters_dateline_and_copyright_give_the_origin():
    article = clean("wire_reuters.html")
    assert article.origin == "Reuters"
    assert article.publisher == "Global Business Daily"
    assert article.published == "2025-06-18T14:05:00+00:00"


def test_ap_story_republished_by_a_local_paper():
    article = clean("wire_ap_republished.html")
    assert article.origin == "Associated Press"
    assert article.publisher == "Lakeside Herald"
    assert article.title == "Storm knocks out power to thousands across the Midwest"


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
