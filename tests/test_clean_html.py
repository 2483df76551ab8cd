"""Article bodies from HTML pages shaped like real news sites (fixtures in fixtures/html)."""

from __future__ import annotations

from pathlib import Path

import lxml.html
import pytest

from scraper.html import clean_html, recover_split_body

FIXTURES = Path(__file__).parent / "fixtures" / "html"


def clean(name: str):
    return clean_html((FIXTURES / name).read_text(encoding="utf-8"), name)


def paragraphs(name: str) -> list[str]:
    return clean(name).text.split("\n\n")


def test_body_paragraphs_are_separated_by_blank_lines():
    body = paragraphs("jsonld_newsarticle.html")
    assert body[0].startswith("The city council on Thursday approved a plan")
    assert body[-1].endswith("could open as early as 2027.")
    assert len(body) == 5


def test_reader_comments_are_left_out():
    text = clean("jsonld_newsarticle.html").text + clean("teasers_comments.html").text
    assert "potholes" not in text
    assert "About time" not in text


def test_newsletter_box_is_left_out():
    text = clean("jsonld_newsarticle.html").text
    assert "Morning Briefing" not in text
    assert "newsletter" not in text


def test_newsletter_and_comment_prompt_lines_in_the_body_are_dropped():
    text = clean("teasers_comments.html").text
    assert "Culture Weekly newsletter" not in text
    assert "Tell us what you think" not in text


def test_teasers_of_other_articles_are_dropped():
    body = paragraphs("teasers_comments.html")
    assert not any("Other museums face pressure" in p for p in body)
    assert not any("Colonial archive opens" in p for p in body)
    assert body[-1].startswith('"This is a day of joy and of healing,"')


def test_read_more_and_follow_lines_are_dropped():
    body = paragraphs("opengraph_only.html")
    assert [p[:20] for p in body] == [
        "Spain, Italy and Gre",
        "In Athens, the Acrop",
        "Firefighters in Sici",
        "Meteorologists expec",
    ]


def test_headline_repeated_in_the_body_is_dropped():
    body = paragraphs("teasers_comments.html")
    assert "Museum returns looted bronze statues" not in body
    assert body[0].startswith("A national museum has returned twelve bronze statues")


def test_body_split_by_ads_is_kept_whole_and_in_order():
    body = paragraphs("split_by_ads.html")
    assert [p[:24] for p in body] == [
        "The harbour's main ferry",
        "The boats, built by a sh",
        "The operator's chief exe",
        "The order is worth about",
        "The first two boats are ",
    ]


def test_second_copy_of_the_article_is_dropped():
    body = paragraphs("repeated_copy.html")
    assert len(body) == 3
    assert body[0].startswith("The central library will stay open")


def test_a_single_repeated_paragraph_is_kept():
    line = "Take one tablet with water before breakfast and another one after dinner."
    other = "The pharmacist said patients often forget the second dose in the evening."
    html = "<html><body><article>" + "".join(
        f"<p>{p}</p>"
        for p in (line, other, "Most people start to feel better within three days.", line)
    )
    assert clean_html(html + "</article></body></html>", "x").text.count(line) == 2


def test_copyright_line_is_dropped_and_reporting_credit_kept():
    text = clean("wire_reuters.html").text
    assert "All rights reserved" not in text
    assert text.endswith("Reporting by Jana Weiss; Editing by Mark Potter")


def test_navigation_only_page_gives_empty_text():
    assert clean("nav_only.html").text == ""


@pytest.mark.parametrize(
    "html",
    ["", "   \n", "<html></html>", "just some words, no markup", "\x00\x01\x02 binary"],
)
def test_pages_without_an_article_give_empty_text_and_raise_nothing(html):
    article = clean_html(html, "page.html")
    assert article.text == ""
    assert article.source == "page.html"


def test_parts_of_a_body_split_by_ads_are_recovered_after_the_extracted_part():
    first, second, third = (
        "The ferry operator has ordered six battery-powered boats to replace its diesel fleet.",
        "The boats will carry up to 300 passengers each and recharge in ten minutes.",
        "The chief executive said the new fleet would cut fuel costs by more than half.",
    )
    summary = "A summary box styled like the body sits above the article and is not part of it."
    page = lxml.html.fromstring(
        "<html><body><article>"
        f'<div class="body-part"><p>{summary}</p></div>'
        f'<div class="body-part"><p>{first}</p><p>{second}</p></div>'
        '<div class="ad"><p>Advertisement</p></div>'
        f'<div class="body-part"><p>{third}</p><p>Advertisement</p></div>'
        "</article></body></html>"
    )
    assert recover_split_body(page, [first, second], None) == [first, second, third]


PROSE = [
    "The regional parliament voted on Tuesday to raise the minimum wage by eight percent from "
    "January, after months of talks between unions and employers' associations.",
    "Employers warned that small shops in rural areas would struggle to pay the higher wages "
    "and said some of them might have to cut opening hours or jobs next year.",
    "Union leaders welcomed the vote but said the increase still lagged behind the rise in rents "
    "and food prices that workers have faced since the start of the decade.",
]


def page_with(line: str) -> str:
    paragraphs = [PROSE[0], line, PROSE[1], PROSE[2]]
    return (
        "<html><head><title>Parliament raises minimum wage</title></head><body><article>"
        + "".join(f"<p>{p}</p>" for p in paragraphs)
        + "</article></body></html>"
    )


@pytest.mark.parametrize(
    "line",
    [
        "Read more: Why rents keep rising faster than wages",
        "Also on example.com Unions plan a national strike for the spring",
        "Ministers clash over pension reform in late-night debate [VIDEO]",
        "Weekly Politics Newsletter",
        "Sign up for our free daily briefing newsletter",
        "Follow Jane Doe on Twitter for live updates",
        "Like this story? Share it with a friend!",
        "Advertisement",
        "[button link=”/submit”] Send us your story[/button]",
        "SOURCE: News agencies",
        "From Reuters | January 17, 2026",
    ],
)
def test_furniture_line_between_paragraphs_is_dropped(line):
    assert clean_html(page_with(line), "x").text.split("\n\n") == PROSE


@pytest.mark.parametrize(
    "line",
    [
        "Sign up for the streaming bundle using the same email as your existing account.",
        "© Reuters",
        "(Reporting by Jane Doe; Editing by John Roe)",
        "From Reuters to the smallest weekly, every newsroom sent someone to the count.",
    ],
)
def test_prose_that_resembles_furniture_is_kept(line):
    assert line in clean_html(page_with(line), "x").text.split("\n\n")
