"""Direct quotes and their speakers, one construction per test."""

from __future__ import annotations

import pytest

from extract.quotes import quotation_at, quotations, quote_claims


def quotes_of(nlp, text: str) -> list[tuple[str, str | None, str | None, str | None]]:
    return [(q.text, q.speaker, q.speaker_entity, q.cue) for q in quotations(nlp(text))]


def test_document_speaker_after_the_quote(nlp):
    text = '"Clinics must stay open all night," the report said.'
    assert quotes_of(nlp, text) == [("Clinics must stay open all night", "the report", None, "say")]


def test_pronoun_speaker_is_resolved_to_the_name_before_it(nlp):
    text = (
        "Maria Lopez, the mayor of Springfield, visited the bridge on Monday.\n\n"
        '"We will rebuild it before winter," she said.'
    )
    assert quotes_of(nlp, text) == [
        ("We will rebuild it before winter", "she", "Maria Lopez", "say")
    ]


def test_speaker_after_an_inverted_reporting_verb(nlp):
    text = '"The river rose faster than anyone expected," said Daniel Okafor.'
    assert quotes_of(nlp, text) == [
        ("The river rose faster than anyone expected", "Daniel Okafor", "Daniel Okafor", "say")
    ]


def test_speaker_of_a_colon_lead_in(nlp):
    text = 'Daniel Okafor said: "The river rose faster than anyone expected."'
    assert [q[1] for q in quotes_of(nlp, text)] == ["Daniel Okafor"]


def test_split_quote_gives_two_claims_with_one_speaker(nlp):
    text = '"The budget is balanced," Daniel Okafor said. "Nobody will lose their job this year."'
    assert quotes_of(nlp, text) == [
        ("The budget is balanced", "Daniel Okafor", "Daniel Okafor", "say"),
        ("Nobody will lose their job this year", "Daniel Okafor", "Daniel Okafor", "say"),
    ]


def test_multi_sentence_quote_is_one_claim_over_its_sentences(nlp):
    text = (
        "Lawmakers met on Tuesday. "
        '"The plan is late. The money is gone," Daniel Okafor told reporters.'
    )
    [claim] = quote_claims(nlp(text))
    assert claim.quote == "The plan is late. The money is gone"
    assert claim.speaker == "Daniel Okafor"
    assert claim.cue == "tell"
    assert text[claim.start : claim.end] == claim.sentence
    assert claim.sentence.startswith('"The plan is late.')
    assert claim.sentence.endswith("told reporters.")


def test_quote_reopened_in_the_next_paragraph_keeps_its_speaker(nlp):
    text = (
        "Daniel Okafor, the city treasurer, said: \u201cThe accounts were never audited.\n\n"
        "\u201cWe found the gap only last month.\u201d"
    )
    assert quotes_of(nlp, text) == [
        ("The accounts were never audited", "Daniel Okafor", "Daniel Okafor", "say"),
        ("We found the gap only last month", "Daniel Okafor", "Daniel Okafor", "say"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        'Critics called the plan "reckless" on Monday.',  # scare quote
        'The band played "Born In The Night" at the stadium.',  # title
        'The illness earned the nickname "the farmer\'s cough" among doctors.',  # nickname
        'China said it is committed to the "one country, two systems" formula.',  # modifier
    ],
)
def test_names_titles_and_scare_quotes_are_not_quotes(nlp, text):
    assert quotations(nlp(text)) == []


def test_slogan_after_a_comma_is_a_quote(nlp):
    text = 'Nurses chanted, "Safe Staffing Saves Lives," outside the hospital.'
    assert quotes_of(nlp, text) == [("Safe Staffing Saves Lives", "Nurses", None, "chant")]


def test_partial_quote_in_reported_speech_takes_the_reporting_speaker(nlp):
    text = "Daniel Okafor told the council that the deal was \u201ca recipe for disaster.\u201d"
    assert quotes_of(nlp, text) == [
        ("a recipe for disaster", "Daniel Okafor", "Daniel Okafor", "tell")
    ]


def test_pull_quote_takes_the_speaker_of_the_words_it_repeats(nlp):
    text = (
        '"Every school needs a nurse"\n\n'
        "Parents gathered at the school board on Monday.\n\n"
        '"Every school needs a nurse, and every nurse needs support," '
        "Daniel Okafor said."
    )
    pull, quote = quotations(nlp(text))
    assert (pull.speaker, pull.cue) == ("Daniel Okafor", None)
    assert (quote.speaker, quote.cue) == ("Daniel Okafor", "say")


def test_straight_quotes_open_and_close_by_turns(nlp):
    text = '"The vote was fair," she said. " It was also final."'
    assert [q.text for q in quotations(nlp(text))] == ["The vote was fair", "It was also final"]


def test_according_to_gives_the_speaker_when_no_verb_does(nlp):
    text = 'The plant will close in June, "with no jobs left," according to the union.'
    assert quotes_of(nlp, text) == [("with no jobs left", "the union", None, "according to")]


def test_first_person_speaker_is_the_writer_and_ends_the_search(nlp):
    # "I" asks which quote it is in while the quotes are still being found: that lookup
    # once started the search again, without end
    text = '"The vote was rigged from the start," I said.'
    assert quotes_of(nlp, text) == [("The vote was rigged from the start", "I", None, "say")]


def test_quote_left_open_at_the_end_of_the_text_keeps_its_speaker(nlp):
    text = 'Daniel Okafor said the river rose "faster than anyone expected'
    assert quotes_of(nlp, text) == [
        ("faster than anyone expected", "Daniel Okafor", "Daniel Okafor", "say")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # curly marks, speaker after the quote
            "\u2018We were let down by the council,\u2019 said Jane Hughes, a resident.",
            ("We were let down by the council", "Jane Hughes", "Jane Hughes", "say"),
        ),
        (  # a partial quote in straight marks
            "The chancellor said the plan was 'a disaster waiting to happen' for farmers.",
            ("a disaster waiting to happen", "The chancellor", None, "say"),
        ),
        (  # a plural possessive inside does not close the quote
            "'The states' records are not safe with them,' Jane Hughes said.",
            ("The states' records are not safe with them", "Jane Hughes", "Jane Hughes", "say"),
        ),
    ],
)
def test_single_quotation_marks(nlp, text, expected):
    assert quotes_of(nlp, text) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "In the '90s the club's fans didn't travel to away games.",
        "Fans of rock 'n' roll packed the Jones' barn on Friday night.",
        "It's the players' view that the coach wasn't to blame.",
    ],
)
def test_apostrophes_are_not_quotation_marks(nlp, text):
    assert quotations(nlp(text)) == []


def test_single_quote_reopened_in_the_next_paragraph_keeps_its_speaker(nlp):
    text = (
        "Jane Hughes said: \u2018The accounts were never audited.\n\n"
        "\u2018We found the gap only last month.\u2019"
    )
    assert [q[:2] for q in quotes_of(nlp, text)] == [
        ("The accounts were never audited", "Jane Hughes"),
        ("We found the gap only last month", "Jane Hughes"),
    ]


def test_quote_inside_a_quote_is_attributed_within_it(nlp):
    text = "\"The manager told me, 'Do not come back here again,' and walked off,\" said Ana Ruiz."
    outer, inner = quotations(nlp(text))
    assert (outer.text, outer.speaker) == (
        "The manager told me, 'Do not come back here again,' and walked off",
        "Ana Ruiz",
    )
    assert (inner.text, inner.speaker, inner.cue) == (
        "Do not come back here again",
        "The manager",
        "tell",
    )


def test_words_after_an_inner_quote_belong_to_the_quote_around_it(nlp):
    text = "\"He told me, 'Leave the site at once,' and walked off,\" said Ana Ruiz."
    doc = nlp(text)
    assert quotation_at(doc, text.index("Leave")).speaker == "He"
    assert quotation_at(doc, text.index("walked")).speaker == "Ana Ruiz"
    assert quotation_at(doc, text.index("said")) is None


def test_name_and_colon_before_a_quote_give_the_speaker(nlp):
    text = "Jane Hughes: 'We will rebuild the bridge by spring'\n\nThe council met on Monday."
    assert quotes_of(nlp, text) == [
        ("We will rebuild the bridge by spring", "Jane Hughes", "Jane Hughes", "")
    ]


def test_topic_before_a_colon_is_not_a_speaker(nlp):
    text = "Flood crisis: 'We have lost everything we own'\n\nThe council met on Monday."
    assert [q[1] for q in quotes_of(nlp, text)] == [None]


def test_speaker_is_not_taken_from_the_headline_above(nlp):
    # without a full stop the parser reads both lines as one sentence
    text = (
        "Jane Hughes: 'We will rebuild the bridge by spring'\n\n"
        "Daniel Okafor says 'the money has already run out'"
    )
    assert [q[1] for q in quotes_of(nlp, text)] == ["Jane Hughes", "Daniel Okafor"]


def test_a_sign_that_reads_is_the_speaker(nlp):
    text = 'The sign on the clinic door read: "No entry without a pass."'
    assert quotes_of(nlp, text) == [
        ("No entry without a pass", "The sign on the clinic door", None, "read")
    ]


def test_pronoun_speaker_is_not_someone_the_quote_names(nlp):
    text = (
        "Mayor Linda Park announced the plan on Monday.\n\n"
        '"I spoke to Governor Ron Davis and he backs it," she said.\n\n'
        '"It will not cost taxpayers a penny. Not one. The governor has promised that. '
        'We checked the figures twice," she said.'
    )
    assert [q[1:3] for q in quotes_of(nlp, text)] == [("she", "Linda Park")] * 2


def test_quote_after_called_for_is_not_a_name(nlp):
    text = 'Maria Lopez called for "urgent action from the state" on Monday.'
    assert quotes_of(nlp, text) == [
        ("urgent action from the state", "Maria Lopez", "Maria Lopez", "call")
    ]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("\u201cWe will rebuild the bridge by spring\u201d \u2013 Jane Hughes", "Jane Hughes"),
        ("'We will rebuild the bridge by spring' - Jane Hughes, mayor", "Jane Hughes"),
    ],
)
def test_quote_signed_with_a_dash_and_a_name(nlp, text, speaker):
    assert [q[1] for q in quotes_of(nlp, text)] == [speaker]


def test_speaker_after_the_verb_ending_a_headline(nlp):
    text = "Rail strikes: 'We have no choice', says union boss\n\nRail workers will walk out."
    assert [q[1] for q in quotes_of(nlp, text)] == ["union boss"]


def test_quote_characterizing_someone_after_called_is_a_quote(nlp):
    text = 'John Thune called her "the wrong pick at the wrong time" on Monday.'
    assert quotes_of(nlp, text) == [
        ("the wrong pick at the wrong time", "John Thune", "John Thune", "call")
    ]


def test_name_right_after_called_is_not_a_quote(nlp):
    text = 'Doctors in Dayton treated a condition called "feather pillow lung disease" last year.'
    assert quotations(nlp(text)) == []
