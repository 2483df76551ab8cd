"""Whole-page text dumps: the article body found among the page's furniture, and the
metadata the dump carries."""

from pathlib import Path

import pytest

from scraper.textdump import clean_text_dump

DUMPS = Path(__file__).parent / "fixtures" / "dumps"


def clean(name: str):
    return clean_text_dump((DUMPS / name).read_text(encoding="utf-8"), name)


def paragraphs(article) -> list[str]:
    return article.text.split("\n\n")


def test_wire_story_on_a_portal_keeps_the_body_once_and_nothing_else():
    article = clean("wire_story_on_portal.txt")
    body = paragraphs(article)
    assert body[0].startswith("Ferry crews in three coastal cities walked off the job")
    assert body[-1] == (
        '"Nobody wants the boats to stay tied up for long, but the rules have to be fair '
        'to the people who run them," Okafor said.'
    )
    assert len(body) == 9
    # The summary the portal prints again under the footer is not read twice.
    assert article.text.count("Ferry crews in three coastal cities") == 1
    for furniture in ("Thomson/Reuters", "Sign up", "Comments", "Tags", "TOP", "World"):
        assert furniture not in article.text


def test_wire_story_on_a_portal_metadata():
    article = clean("wire_story_on_portal.txt")
    assert article.title == "Harbor Ferry Crews Walk Out Over Night Shift Rules"
    assert article.published == "2025-06-03T16:45:00-04:00"
    assert article.origin == "Reuters"
    assert article.publisher == "Examplecast Media, Inc."
    assert article.tags == ["harbor", "ferries", "strike", "unions", "transit", "port"]
    assert article.language == "en"
    assert article.description.startswith("Ferry crews in three coastal cities")


def test_newsletter_box_inside_the_body_is_dropped_and_the_body_goes_on():
    body = paragraphs(clean("afp_story_newsletter_midbody.txt"))
    assert body[0].startswith("PARIS (AFP) - Engineers began fitting heat pumps")
    assert body[-1] == (
        "The trial will run through two winters before the agency decides whether to extend "
        "it to another 60 blocks."
    )
    assert len(body) == 6
    assert not any("newsletter" in paragraph or "inbox" in paragraph for paragraph in body)


def test_related_links_and_footer_after_the_body_are_dropped():
    article = clean("afp_story_newsletter_midbody.txt")
    for furniture in ("More from World", "Floods close roads", "Daily Example", "Cookie"):
        assert furniture not in article.text


def test_topics_line_dateline_and_time_before_the_date():
    article = clean("afp_story_newsletter_midbody.txt")
    assert article.title == "Paris Suburbs Test Heat Pumps on Old Apartment Blocks"
    assert article.tags == ["Climate", "Energy", "France"]
    # "ET" in October is EDT
    assert article.published == "2024-10-02T09:30:00-04:00"
    assert article.origin == "Agence France-Presse"
    assert article.publisher == "Daily Example"


def test_comments_and_related_articles_are_not_body():
    article = clean("own_story_with_comments.txt")
    body = paragraphs(article)
    assert body[0].startswith("The Eastfield branch of the public library will reopen")
    assert body[-1].startswith("The branch will open on weekdays")
    for furniture in ("Related Articles", "Council approves budget", "Comments", "About time"):
        assert furniture not in article.text


def test_subheading_between_body_paragraphs_is_kept():
    body = paragraphs(clean("own_story_with_comments.txt"))
    assert body[2] == "What changes inside"


def test_byline_and_date_line_give_authors_and_published():
    article = clean("own_story_with_comments.txt")
    assert article.title == "Library Branch in Eastfield Will Reopen After Two-Year Repair"
    assert article.authors == ["Jane Doe", "Omar Reyes"]
    assert article.published == "2024-03-04T18:15:00"
    assert "By Jane Doe" not in article.text


def test_publishers_own_story_has_no_origin():
    article = clean("own_story_with_comments.txt")
    assert article.publisher == "The Eastfield Ledger"
    assert article.origin is None


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Wednesday, 12 November 2025 10:12 AM EST", "2025-11-12T10:12:00-05:00"),
        ("Published 9:30 a.m. ET Oct. 2, 2024", "2024-10-02T09:30:00-04:00"),
        ("Published 4:05 p.m. PT Jan. 14, 2025", "2025-01-14T16:05:00-08:00"),
        ("2019-11-19T08:15:00Z", "2019-11-19T08:15:00+00:00"),
        ("sexta-feira, 22 de outubro de 2010 às 20:13", "2010-10-22T20:13:00"),
        ("Von Moritz Bachmann publiziert am 25. September 2018", "2018-09-25"),
        ("23/08/2018", "2018-08-23"),
    ],
    ids=[
        "weekday-day-month",
        "time-first-summer-time",
        "time-first-winter-time",
        "iso",
        "portuguese",
        "german-byline",
        "numeric",
    ],
)
def test_date_line_forms(line, expected):
    dump = (
        f"Some Headline About a Council Vote\n\n{line}\n\n"
        + (
            "The council voted on Monday to keep the old harbor bridge open to traffic for "
            "another five years while engineers draw up plans for its replacement.\n\n"
        )
        * 3
    )
    assert clean_text_dump(dump, "dump.txt").published == expected


def test_empty_dump_gives_an_empty_article():
    article = clean_text_dump("\n  \n", "empty.txt")
    assert article.text == ""
    assert article.title is None


def test_teasers_above_the_articles_byline_and_date_are_not_body():
    article = clean("teasers_above_article.txt")
    body = paragraphs(article)
    assert body[0].startswith("The city council approved three new bus routes")
    assert len(body) == 4
    for furniture in ("Crews worked through the night", "Most Read", "Valley man wins"):
        assert furniture not in article.text


def test_headline_is_chosen_over_teasers_and_picture_credit():
    article = clean("teasers_above_article.txt")
    assert article.title == "City Approves New Bus Routes for the East Side"


def test_one_line_with_published_and_updated_dates():
    article = clean("teasers_above_article.txt")
    assert article.published == "2019-11-19T10:48:00"
    assert article.updated == "2019-11-19T11:05:00"


def test_byline_with_a_desk_label_gives_the_name_only():
    assert clean("teasers_above_article.txt").authors == ["Ana Lima"]


def test_reply_form_in_portuguese_ends_the_body():
    dump = "\n\n".join(
        [
            "Início",
            "Prefeitura amplia horário das bibliotecas nos bairros",
            "12/03/2024",
            "A prefeitura anunciou nesta terça-feira que as bibliotecas dos bairros vão abrir "
            "também aos sábados, a partir do mês que vem, para atender os estudantes que "
            "trabalham durante a semana.",
            "Segundo a secretaria de cultura, a mudança vai custar cerca de dois milhões de "
            "reais por ano e exigirá a contratação de mais trinta funcionários para as "
            "unidades da zona norte.",
            "Deixe uma resposta",
            "O seu endereço de e-mail não será publicado. Campos obrigatórios são marcados "
            "com um asterisco e o comentário será revisto antes de aparecer nesta página.",
        ]
    )
    article = clean_text_dump(dump, "pt.txt")
    assert article.language == "pt"
    assert article.published == "2024-03-12"
    assert paragraphs(article)[-1].startswith("Segundo a secretaria de cultura")
    assert "e-mail" not in article.text


def test_cookie_notice_after_the_footer_is_not_the_body():
    story = (
        "The harbor authority said on Friday that the old pier would close for repairs in "
        "the spring, and that boats would use the north dock until the work was done.\n\n"
    )
    notice = (
        "This website uses cookies to improve your experience while you navigate through "
        "the website. Out of these cookies, the cookies that are categorized as necessary "
        "are stored on your browser as they are essential for the working of the website.\n"
    )
    dump = "Harbor Pier to Close for Spring Repairs\n\n" + story * 3 + "© 2024 Harbor News\n"
    article = clean_text_dump(dump + notice * 3, "cookies.txt")
    assert "cookies" not in article.text
    assert article.text.startswith("The harbor authority said on Friday")


def test_caption_with_a_bracketed_credit_and_related_link_lines_are_dropped():
    dump = "\n\n".join(
        [
            "Moon Map Shows Dunes and Lakes",
            "The space agency released the first full map of the moon's surface on Monday, "
            "showing plains, dunes and lakes that scientists had only guessed at before, and "
            "said that the map would guide the landing of its next probe in two years.",
            "The first global map of the moon's surface. (NASA/JPL-Caltech)",
            "Related: The 15 strangest moons in the solar system, ranked by size and shape",
            "The map was stitched together from thousands of radar images taken by a probe "
            "that flew past the moon more than a hundred times over the course of its mission, "
            "the agency said in a statement on its website.",
            "Scientists said that the dunes were probably made of grains of frozen methane, "
            "which the wind had piled up over millions of years in the belt around the equator.",
        ]
    )
    article = clean_text_dump(dump, "captions.txt")
    assert "NASA/JPL" not in article.text
    assert "strangest moons" not in article.text
    assert len(paragraphs(article)) == 3


def test_source_line_under_the_headline_gives_the_origin_and_is_not_body():
    dump = "\n\n".join(
        [
            "Valley Weekly",
            "Home | Local | Nation | Sports",
            "Grain Barges Stuck as River Falls to Record Low",
            "From Reuters | October 9, 2025",
            "Dozens of grain barges were stuck on the river on Thursday after the water fell to "
            "its lowest level in more than a century, shippers said.",
            "Barge operators said they had cut their loads by a third to keep moving, and that "
            "the cost of shipping grain south had more than doubled in a week.",
            "Forecasters said rain was not expected in the region before the end of the month.",
            "© 2025 Valley Weekly",
        ]
    )
    article = clean_text_dump(dump, "source-line.txt")
    assert article.origin == "Reuters"
    assert "From Reuters" not in article.text


def test_byline_naming_the_agency_after_the_names_gives_the_names_only():
    dump = "\n\n".join(
        [
            "Grain Barges Stuck as River Falls to Record Low",
            "By JANE DOE and OMAR REYES Associated Press",
            "Dozens of grain barges were stuck on the river on Thursday after the water fell to "
            "its lowest level in more than a century, shippers said.",
            "Barge operators said they had cut their loads by a third to keep moving, and that "
            "the cost of shipping grain south had more than doubled in a week.",
        ]
    )
    article = clean_text_dump(dump, "ap-byline.txt")
    assert (article.authors, article.origin) == (["JANE DOE", "OMAR REYES"], "Associated Press")


def test_job_title_after_the_name_in_a_byline_is_not_an_author():
    dump = "\n\n".join(
        [
            "Grain Barges Stuck as River Falls to Record Low",
            "By Jane Doe and Omar Reyes, Staff Writers",
            "Dozens of grain barges were stuck on the river on Thursday after the water fell to "
            "its lowest level in more than a century, shippers said.",
            "Barge operators said they had cut their loads by a third to keep moving, and that "
            "the cost of shipping grain south had more than doubled in a week.",
        ]
    )
    assert clean_text_dump(dump, "staff-byline.txt").authors == ["Jane Doe", "Omar Reyes"]
