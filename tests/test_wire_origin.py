"""The wire service or original publisher behind a story, from the lines that credit it."""

import pytest

from scraper.wire import detect_origin, source_line_service


@pytest.mark.parametrize(
    ("line", "origin"),
    [
        ("WASHINGTON (Reuters) - The Senate voted on Tuesday to extend the program.", "Reuters"),
        ("(AP) — A storm knocked out power to thousands of homes overnight.", "Associated Press"),
        ("PARIS (AFP) - France will raise its minimum wage in January.", "Agence France-Presse"),
        ("BERLIN, June 3 (dpa) - Die Regierung hat am Dienstag beschlossen.", "dpa"),
        ("CHICAGO, Jan 16 (Reuters) - Grain prices fell for a third day.", "Reuters"),
        ("LIMA, Peru, March 3, 2026 (AP) — Rescuers reached the miners.", "Associated Press"),
    ],
    ids=[
        "reuters-dateline",
        "ap-dateline",
        "afp-dateline",
        "dpa-dateline-with-date",
        "reuters-dateline-with-date",
        "ap-dateline-with-region-and-year",
    ],
)
def test_dateline(line, origin):
    assert detect_origin([line]) == origin


@pytest.mark.parametrize(
    ("line", "origin"),
    [
        ("By Jane Doe, Associated Press", "Associated Press"),
        ("By Jane Doe | Reuters", "Reuters"),
        ("By Jane Doe of Bloomberg News", "Bloomberg"),
        ("By Jane Doe, Associated Press | April 9, 2026, 5:02 p.m.", "Associated Press"),
        ("By JANE DOE and OMAR REYES Associated Press", "Associated Press"),
    ],
    ids=["comma", "bar", "of", "date-after-the-byline", "names-in-capitals-then-agency"],
)
def test_byline_naming_the_agency(line, origin):
    assert detect_origin([line]) == origin


def test_reuters_credit_line():
    assert detect_origin(["(Reporting by Jane Doe; Editing by Bob Roe)"]) == "Reuters"


def test_contributed_to_this_report_line():
    line = "Associated Press writer Omar Reyes in Rome contributed to this report."
    assert detect_origin([line]) == "Associated Press"


@pytest.mark.parametrize(
    ("line", "origin"),
    [
        ("Copyright 2025 Thomson Reuters", "Reuters"),
        ("© 2025 Thomson/Reuters. All rights reserved.", "Reuters"),
        ("© 2025 The Associated Press. All rights reserved.", "Associated Press"),
        ("Copyright © 2024 Bloomberg L.P.", "Bloomberg"),
        ("(c) AFP 2024", "Agence France-Presse"),
    ],
    ids=["thomson-reuters", "thomson-slash-reuters", "ap", "bloomberg-lp", "afp-year-after"],
)
def test_copyright_line(line, origin):
    assert detect_origin([line]) == origin


def test_originally_published_by_names_any_publisher():
    line = "This story was originally published by The Harbor Courier."
    assert detect_origin([line]) == "The Harbor Courier"


def test_first_credit_in_reading_order_wins():
    lines = ["LONDON (Reuters) - Prices rose.", "© 2025 The Associated Press"]
    assert detect_origin(lines) == "Reuters"


def test_publishers_own_story_has_no_origin():
    lines = [
        "By Jane Doe",
        "The council voted on Monday to keep the bridge open, a spokesman told Reuters.",
        "© 2025 The Eastfield Ledger. All rights reserved.",
    ]
    assert detect_origin(lines, publisher="The Eastfield Ledger") is None


def test_origin_equal_to_the_publisher_is_none():
    lines = ["LONDON (Reuters) - Prices rose.", "© 2025 Thomson Reuters"]
    assert detect_origin(lines, publisher="Thomson Reuters") is None


@pytest.mark.parametrize(
    "line",
    [
        "The vote (which was close) - passed on Monday.",
        "AP scores rose at the school this year.",
        "By John Smith",
    ],
    ids=["parenthesis-not-dateline", "short-alias-in-prose", "plain-byline"],
)
def test_lines_that_name_no_source(line):
    assert detect_origin([line]) is None


def test_originally_published_on_a_date_names_no_publisher():
    assert detect_origin(["This article was originally published on November 19, 2019."]) is None


@pytest.mark.parametrize(
    ("line", "origin"),
    [
        ("By Reuters", "Reuters"),
        ("By Associated Press Staff", "Associated Press"),
        ("— AFP", "Agence France-Presse"),
        ("Source: Reuters", "Reuters"),
        ("Quelle: dpa", "dpa"),
    ],
    ids=["agency-byline", "agency-staff-byline", "dash-sign-off", "source-line", "quelle-line"],
)
def test_agency_as_author_or_sign_off(line, origin):
    assert detect_origin([line]) == origin


@pytest.mark.parametrize(
    "line",
    ["© REUTERS / POOL", "(c) AP Photo/Jane Doe", "Reuters", "AP"],
    ids=["picture-rights", "ap-photo-rights", "bare-name-reuters", "bare-name-ap"],
)
def test_picture_credits_and_bare_names_name_no_origin(line):
    assert detect_origin([line]) is None


@pytest.mark.parametrize(
    ("line", "origin"),
    [
        ("From Reuters | January 17, 2026", "Reuters"),
        ("Source: AP | Jan. 5, 2026", "Associated Press"),
        ("Via AFP, 5:02 p.m.", "Agence France-Presse"),
        ("From The Associated Press", "Associated Press"),
        ("From Reuters | Wednesday, 17 January 2026 | 3 min read", "Reuters"),
    ],
    ids=["from-with-date", "source-with-date", "via-with-time", "from-alone", "weekday-date"],
)
def test_source_line_names_the_agency(line, origin):
    assert (source_line_service(line), detect_origin([line])) == (origin, origin)


@pytest.mark.parametrize(
    "line",
    [
        "From Reuters, the agency said on Monday, the news spread to every paper.",
        "From Reuters, the agency reported 3 deaths on the bridge.",
        "From staff reports | January 17, 2026",
        "Credit: Reuters",
    ],
    ids=["prose-after-the-name", "prose-with-a-number", "not-an-agency", "picture-credit-label"],
)
def test_lines_that_are_no_agency_source_line(line):
    assert (source_line_service(line), detect_origin([line])) == (None, None)


@pytest.mark.parametrize(
    ("credit", "origin"),
    [("Associated Press", "Associated Press"), ("Reuters", "Reuters"), ("AP", "Associated Press")],
)
def test_bare_agency_name_in_a_credit_element_is_the_origin(credit, origin):
    assert detect_origin(["The council voted on Monday."], credits=[credit]) == origin


@pytest.mark.parametrize(
    ("line", "origin"),
    [
        ("AP Business Writer", "Associated Press"),
        ("Associated Press Writer", "Associated Press"),
        ("By Jane Doe, AP Sports Writer", "Associated Press"),
    ],
    ids=["agency-beat-title", "agency-title", "byline-ending-in-a-title"],
)
def test_agency_staff_title_names_the_agency(line, origin):
    assert detect_origin([line]) == origin


def test_staff_title_of_an_outlet_that_is_no_agency_names_no_origin():
    assert detect_origin(["Harbor Courier Staff Writer"]) is None
