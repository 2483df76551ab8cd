"""Quantity claims, one construction per test."""

from __future__ import annotations

import pytest

from extract.quantities import quantity_claims


def values(nlp, text: str) -> list[tuple[str, float]]:
    return [(claim.value, claim.number) for claim in quantity_claims(nlp(text))]


def test_count_with_a_hedge_what_it_counts_and_what_it_is_about(nlp):
    text = "The Federal Aviation Administration handled nearly 900,000 requests last year."
    [claim] = quantity_claims(nlp(text))
    assert (claim.value, claim.number, claim.unit) == ("nearly 900,000", 900000, "requests")
    assert claim.subject_entity == "Federal Aviation Administration"
    assert text[claim.start : claim.end] == claim.sentence == text


def test_money_with_a_scale_word(nlp):
    [claim] = quantity_claims(nlp("Harbor Bank lent $1.2 billion to builders."))
    assert (claim.value, claim.number, claim.unit) == ("$1.2 billion", 1.2e9, "USD")


def test_price_per_unit(nlp):
    [claim] = quantity_claims(nlp("Copper rose to $5,880.00 a tonne."))
    assert (claim.number, claim.unit) == (5880, "USD per tonne")


def test_percentage(nlp):
    [claim] = quantity_claims(nlp("Shares of Harbor Bank fell 3.5% on Tuesday."))
    assert (claim.value, claim.number, claim.unit) == ("3.5%", 3.5, "percent")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Thirty-nine senators signed the letter to Harbor Bank.", [("Thirty-nine", 39)]),
        ("Nurses at Mercy Hospital treated hundreds of patients.", [("hundreds", 100)]),
        ("Several thousand workers marched to City Hall.", [("Several thousand", 1000)]),
        ("Harbor Bank sold a dozen branches in Ohio.", [("a dozen", 12)]),
        ("Mercy Hospital has a couple ambulances.", [("a couple", 2)]),
    ],
)
def test_number_words_and_vague_magnitudes(nlp, text, expected):
    assert values(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Two of three voters in Ohio backed the plan.", [("Two of three", 2 / 3)]),
        ("Eight out of ten firms in Texas hire interns.", [("eight out of ten", 0.8)]),
        ("More than half of Ohio's counties closed schools.", [("More than half", 0.5)]),
        ("Harbor Bank employs one in five residents of Dayton.", [("one in five", 0.2)]),
    ],
)
def test_proportions(nlp, text, expected):
    [(value, number)] = values(nlp, text)
    assert (value.lower(), number) == (expected[0][0].lower(), pytest.approx(expected[0][1]))


def test_range_gives_one_claim_per_end(nlp):
    text = "The Boeing jet seats 242 to 330 passengers."
    assert values(nlp, text) == [("242", 242), ("330", 330)]


def test_unit_conversion_gives_one_claim_per_figure(nlp):
    text = "Europa is 1,900 miles (3,100 kilometers) wide."
    assert values(nlp, text) == [("1,900", 1900), ("3,100", 3100)]


def test_ages_in_the_body_count(nlp):
    text = "Daniel Okafor, 56, of Dayton, pleaded guilty. The 56-year-old was fined."
    assert values(nlp, text) == [("56", 56), ("56", 56)]


def test_penalty_term_counts_but_time_spans_do_not(nlp):
    text = (
        "Daniel Okafor faces a maximum of 10 years in prison, 18 years after the crash "
        "and a year later than planned."
    )
    assert values(nlp, text) == [("a maximum of 10", 10)]


@pytest.mark.parametrize(
    "text",
    [
        "Daniel Okafor met Harbor Bank on Feb. 14 at 4:30 p.m. in 2019.",  # dates, times
        "The S&P 500 and the STOXX 600 index rose in Week 13.",  # names
        "Airlines bought the 787-9 and its 737 Max jet.",  # model designations
        "Harbor Bank closed branches during COVID-19.",  # a name with a number
        "Harbor Bank signed a four-year deal for a two-class cabin.",  # hyphenated compounds
        "Harbor Bank posted its seventh straight gain as the number one lender.",  # rankings
        "Daniel Okafor and Maria Lopez met. The two were friends with one such banker.",  # refer
    ],
)
def test_dates_names_rankings_and_references_are_not_quantities(nlp, text):
    assert values(nlp, text) == []


def test_number_inside_a_quote_takes_the_speaker(nlp):
    text = '"We hired 40 nurses this spring," Maria Lopez said.'
    [claim] = quantity_claims(nlp(text))
    assert (claim.number, claim.speaker, claim.cue) == (40, "Maria Lopez", "say")


def test_number_in_reported_speech_takes_the_speaker(nlp):
    text = "Police said more than 5,000 people attended the rally in Dayton."
    [claim] = quantity_claims(nlp(text))
    assert (claim.value, claim.speaker, claim.cue) == ("more than 5,000", "Police", "say")


def test_description_subject_is_resolved_to_the_named_entities(nlp):
    text = (
        "Harbor Bank and Lakeside Credit Union merged in March. "
        "The two lenders together hold $4 billion in deposits."
    )
    [claim] = quantity_claims(nlp(text))
    assert claim.subject == "The two lenders"
    assert claim.subject_entity == "Harbor Bank and Lakeside Credit Union"


def test_background_age_has_no_speaker_but_the_reported_count_has(nlp):
    text = "Prosecutors said Daniel Okafor, 56, of Dayton, owned three rifles."
    claims = quantity_claims(nlp(text))
    assert [(c.value, c.speaker) for c in claims] == [("56", None), ("three", "Prosecutors")]


def test_number_reported_as_the_object_of_a_reporting_verb(nlp):
    text = "The union reported more than 15,000 members registered for the strike in Ohio."
    [claim] = quantity_claims(nlp(text))
    assert (claim.value, claim.speaker, claim.cue) == ("more than 15,000", "The union", "report")


def test_amount_added_is_not_a_report(nlp):
    text = "Analysts said the Nasdaq Composite added 20 points."
    [claim] = quantity_claims(nlp(text))
    assert (claim.number, claim.speaker) == (20, "Analysts")


def test_bare_number_about_nothing_is_not_a_claim(nlp):
    assert values(nlp, "Share this story\n\n12\n\nComments") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Tesco reported a profit of \u00a31.2bn for the year.", [("\u00a31.2bn", 1.2e9)]),
        ("Siemens will invest \u20ac40m in Munich.", [("\u20ac40m", 4e7)]),
        ("Tesco's profit fell to \u00a3980m.", [("\u00a3980m", 9.8e8)]),  # "m." split off
        ("Toyota said its profit rose to \u00a52.5 trillion.", [("\u00a52.5 trillion", 2.5e12)]),
        ("Infosys raised US$45 million from Sequoia.", [("US$45 million", 4.5e7)]),
        ("The Indian government set aside Rs 10,000 crore.", [("Rs 10,000 crore", 1e11)]),
        ("Shares in Barclays closed at 156p.", [("156p", 1.56)]),  # pence, in pounds
    ],
)
def test_money_in_other_currencies_and_scales(nlp, text, expected):
    [(value, number)] = values(nlp, text)
    assert (value, number) == (expected[0][0], pytest.approx(expected[0][1]))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Two-thirds of voters in Ohio backed the plan.", ("Two-thirds", 2 / 3)),
        ("Three quarters of the homes in Dayton flooded.", ("Three quarters", 0.75)),
        ("Harbor Bank spent roughly a third of its budget.", ("roughly a third", 1 / 3)),
        ("One-third of Ohio voters stayed home.", ("One-third", 1 / 3)),
    ],
)
def test_fractions(nlp, text, expected):
    [(value, number)] = values(nlp, text)
    assert (value, number) == (expected[0], pytest.approx(expected[1]))


def test_ordinal_before_a_noun_is_not_a_fraction(nlp):
    assert values(nlp, "Chelsea signed a third striker in January.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("One person was killed when the bus overturned in Dayton.", [("One", 1)]),
        ("Firefighters in Ohio rescued one man from the river.", [("one", 1)]),
        ("Only one candidate applied to Harbor Bank.", [("Only one", 1)]),
    ],
)
def test_one_as_a_count(nlp, text, expected):
    assert values(nlp, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "One of the victims was a nurse at Mercy Hospital.",
        "One reason is that Harbor Bank raised prices.",
        "At one point the crowd in Dayton surged forward.",
        "It was the only one left at Harbor Bank.",
        "Maria Lopez rehearsed at the Dayton arena for one event.",
        "Harbor Bank made a one-off payment to Dayton.",  # an idiom
    ],
)
def test_one_that_picks_out_is_not_a_count(nlp, text):
    assert values(nlp, text) == []


def test_range_between_two_numbers_gives_both_with_what_they_count(nlp):
    text = "Between 10 and 20 people were injured in Dayton, police said."
    claims = quantity_claims(nlp(text))
    assert [(c.value, c.number, c.unit) for c in claims] == [
        ("10", 10, "people"),
        ("20", 20, "people"),
    ]


def test_house_number_is_not_a_quantity(nlp):
    assert values(nlp, "Police were called to 221 Baker Street in London.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Daniel Okafor was jailed for six years at Dayton Crown Court.", [("six", 6)]),
        ("Maria Lopez was sentenced to 10 years for fraud in Ohio.", [("10", 10)]),
    ],
)
def test_prison_term_after_a_sentencing_verb_counts(nlp, text, expected):
    assert values(nlp, text) == expected


def test_scale_split_off_before_a_plural_noun(nlp):
    [claim] = quantity_claims(nlp("More than 1m people in Ohio signed the petition."))
    assert (claim.value, claim.number, claim.unit) == ("More than 1m", 1e6, "people")


def test_metres_are_not_millions(nlp):
    assert values(nlp, "The wall in Dayton is 5m high.") == [("5", 5)]


def test_temperature_glued_to_its_unit(nlp):
    [claim] = quantity_claims(nlp("Temperatures in Seville hit 40C on Monday."))
    assert (claim.value, claim.number, claim.unit) == ("40C", 40, "degrees Celsius")


def test_age_after_aged(nlp):
    [claim] = quantity_claims(nlp("The driver, aged 34, of Dayton, denied the charges."))
    assert (claim.value, claim.unit) == ("34", "years (age)")


def test_scaled_number_without_floating_point_noise(nlp):
    [claim] = quantity_claims(nlp("Tesco said its sales reached \u00a34.1bn."))
    assert claim.number == 4_100_000_000


@pytest.mark.parametrize(
    "text",
    [
        "For details about Harbor Bank call 01632 960123.",  # a phone number
        "Customers of Harbor Bank can ring (555) 123-4567.",  # a phone number in brackets
        "Traffic from Dayton was stopped near junction 10.",  # a designation noun
        "Year 6 pupils in Ohio sat their tests.",  # ... also at a sentence's start
        "Proposition 22 passed in California.",  # a name at a sentence's start
        "Harbor Bank rolled out 5G in Ohio.",  # a standard
        "Engineers at Harbor Bank hope to zero in quickly on the fault.",  # a verb
    ],
)
def test_phone_numbers_codes_and_designations_are_not_quantities(nlp, text):
    assert values(nlp, text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Ohio economy shrank by -0.3% in spring.", [("-0.3%", -0.3)]),
        ("Temperatures in Dayton fell to minus 5C overnight.", [("minus 5C", -5)]),
    ],
)
def test_negative_numbers_as_written(nlp, text, expected):
    assert values(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Harbor Bank hired 1,000-2,000 seasonal workers.", [("1,000", 1000), ("2,000", 2000)]),
        ("Harbor Bank expects growth of 3.5-4% in Ohio.", [("3.5", 3.5), ("4%", 4)]),
        # ranges the tokenizer keeps as one word
        ("Harbor Bank expects growth of 10–20% in Ohio.", [("10–20%", 10), ("10–20%", 20)]),
        ("Tickets to the Dayton fair cost £5-£10.", [("£5-£10", 5), ("£5-£10", 10)]),
    ],
)
def test_hyphenated_range_gives_both_ends(nlp, text, expected):
    assert values(nlp, text) == expected
    assert all(c.unit for c in quantity_claims(nlp(text)))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Harbor Bank will spend $5-10 million in Dayton.",
            [("$5", 5e6, "USD"), ("10 million", 1e7, "USD")],
        ),
        ("Tickets to the Dayton fair cost £5-10.", [("£5", 5, "GBP"), ("10", 10, "GBP")]),
    ],
)
def test_range_ends_share_their_scale_and_currency(nlp, text, expected):
    claims = quantity_claims(nlp(text))
    assert [(claim.value, claim.number, claim.unit) for claim in claims] == expected


def test_hyphenated_scores_and_models_are_not_ranges(nlp):
    text = "Dayton won 2-0 and Harbor Bank bought the 787-9. Call 1-800-555-0199 or 123-4567."
    assert values(nlp, text) == []
    assert values(nlp, "Dayton won 3-2 on Sunday, in the 1990-1995 style.") == []


@pytest.mark.parametrize(
    "text",
    [
        "One commuter, Sarah Patel, said the trains in Dayton were late.",  # named
        "One resident said the river in Dayton rose overnight.",  # a speaker
    ],
)
def test_one_that_introduces_a_speaker_is_not_a_count(nlp, text):
    assert values(nlp, text) == []


def test_days_sharing_a_month_are_dates(nlp):
    text = "Workers at Harbor Bank will strike on 21, 23 and 25 June."
    assert values(nlp, text) == []
