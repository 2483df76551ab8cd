"""Texts extraction cannot read fail alone with a clear reason; long texts are parsed in chunks."""

from __future__ import annotations

import pytest
import spacy

import extract.analyze
from extract.analyze import analyze_articles, analyze_text, parse, text_chunks
from extract.nlp import add_newsclaims_components
from scraper.article import Article, Failure

GERMAN = (
    "Der Stadtrat hat am Mittwoch beschlossen, die Buslinien im Norden der Stadt ab dem "
    "nächsten Jahr auszubauen. Die Opposition kritisierte die hohen Kosten des Vorhabens."
)
FRENCH = (
    "Le conseil municipal a voté mercredi soir un nouveau budget pour les écoles de la ville, "
    "malgré les critiques de l'opposition sur le coût des travaux."
)
ENGLISH = "The Federal Aviation Administration said on Friday that it would review the plan."


def analysis_of(text: str, nlp):
    [(_, result)] = list(analyze_articles([Article("story.txt", text=text)]))
    return result


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("", "empty text: nothing to analyze"),
        (" \n\t \n", "empty text: nothing to analyze"),
        ("--- * --- 1 2 3 ---\n\n...", "no sentences: the text has no words"),
    ],
)
def test_text_without_words_fails_with_its_reason(text, reason, nlp):
    assert analysis_of(text, nlp) == Failure("story.txt", reason, stage="extract")


@pytest.mark.parametrize(("text", "language"), [(GERMAN, "de"), (FRENCH, "fr")])
def test_text_in_another_language_is_skipped_with_its_language(text, language, nlp):
    failure = analysis_of(text, nlp)
    assert isinstance(failure, Failure)
    assert failure.error.startswith(f"text is in '{language}' but the spaCy pipeline")


def test_an_extractor_error_fails_that_article_alone(nlp, monkeypatch):
    original = extract.analyze.article_claims

    def failing_on_aviation(doc):
        if "Aviation" in doc.text:
            raise RuntimeError("rule table\nbroken")
        return original(doc)

    monkeypatch.setattr(extract.analyze, "article_claims", failing_on_aviation)
    articles = [
        Article("a.txt", text="Reuters said ICE agents met the FBI on Monday."),
        Article("b.txt", text=ENGLISH),
    ]
    results = [result for _, result in analyze_articles(articles)]
    assert results[1] == Failure("b.txt", "RuntimeError: rule table broken", stage="extract")
    assert [entity.name for entity in results[0].entities][0] == "Reuters"


def test_several_processes_keep_the_input_order(nlp):
    articles = [
        Article("first.txt", text="The FBI opened an inquiry into the fire on Monday."),
        Article("empty.txt", text=""),
        Article("third.txt", text="Reuters reported that Boeing Co. won an order from Emirates."),
        Article("german.txt", text=GERMAN),
    ]
    results = list(analyze_articles(articles, processes=2))
    assert [article.source for article, _ in results] == [a.source for a in articles]
    kinds = [type(result).__name__ for _, result in results]
    assert kinds == ["Analysis", "Failure", "Analysis", "Failure"]


def test_five_megabyte_text_is_cut_at_paragraph_breaks():
    paragraph = "Officials at ICE said the review of the records would take months.\n\n"
    text = paragraph * (5_000_000 // len(paragraph))
    chunks = text_chunks(text, 100_000)
    assert "".join(chunks) == text
    assert max(len(chunk) for chunk in chunks) <= 100_000
    assert all(chunk.endswith("\n\n") for chunk in chunks)


def test_five_megabyte_text_parses_into_one_doc_with_whole_text_offsets():
    # A tokenizer-only pipeline: the parse of 5 MB with the model is for benchmarks.
    nlp = add_newsclaims_components(spacy.blank("en"))
    opening = "Records reached U.S. Immigration and Customs Enforcement, lawmakers said.\n\n"
    paragraph = (
        "The committee met again on Tuesday and the hearing ran late into the evening, with "
        "members asking about the budget, the schedule and the contracts signed in the spring. "
        "ICE was named once.\n\n"
    )
    text = opening + paragraph * (5_000_000 // len(paragraph))
    doc = parse(text, nlp)
    assert doc.text == text
    last = doc.ents[-1]
    assert text[last.start_char : last.end_char] == "ICE"
    assert last._.canonical_name == "U.S. Immigration and Customs Enforcement"


def test_long_text_in_chunks_keeps_offsets_and_one_canonical_entity(nlp):
    text = (
        "Records reached U.S. Immigration and Customs Enforcement last year, lawmakers said.\n\n"
        "Governors in several states were asked to act.\n\n"
        "ICE did not return messages seeking comment on Wednesday.\n"
    )
    doc = parse(text, nlp, chunk_chars=90)
    assert doc.text == text
    ice = next(ent for ent in doc.ents if ent.text == "ICE")
    assert text[ice.start_char : ice.end_char] == "ICE"
    assert ice._.canonical_name == "U.S. Immigration and Customs Enforcement"


def test_claims_of_a_long_text_keep_whole_text_offsets(nlp):
    text = (
        "The Federal Bureau of Investigation arrested three men in Ohio on Monday.\n\n"
        "Officials said the inquiry would continue for months.\n\n"
        "ICE deported 40 people from Texas last week, the agency said.\n"
    )
    analysis = analyze_text(text, nlp, chunk_chars=90)
    assert len(analysis.claims) >= 2
    assert all(text[claim.start : claim.end] == claim.sentence for claim in analysis.claims)
    assert any(claim.start > 90 for claim in analysis.claims)
