"""Run the pipeline and the extractors over many articles, in one or more processes.

An article that cannot be analyzed (empty, without words, in another language than the
pipeline's, or one on which an extractor raised) becomes a `Failure` in its place, so
that a batch always goes on and the caller can say which input failed and why.
"""

from __future__ import annotations

import gc
import itertools
import multiprocessing
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from functools import cache

import numpy
from py3langid.langid import MODEL_FILE, LanguageIdentifier
from spacy.language import Language
from spacy.tokens import Doc

from extract.claims import article_claims
from extract.entities import article_entities
from extract.nlp import load_pipeline
from extract.records import Claim, Entity
from scraper.article import Article, Failure

# Longer texts are parsed in chunks cut at paragraph breaks: spaCy refuses texts over
# nlp.max_length (1,000,000 characters), and smaller docs keep memory flat.
CHUNK_CHARS = 50_000
# Where to cut a long text, best first (each must fall in the second half of a chunk).
CHUNK_BREAKS = ("\n\n", "\n", ". ", " ")
# Components that must see the whole article at once (canonical entities across chunks).
WHOLE_DOC_COMPONENTS = ("newsclaims_entities",)
# Language identification needs some words to be sure; shorter texts are taken as they are.
LANGUAGE_MIN_WORDS = 8
LANGUAGE_MIN_CONFIDENCE = 0.75
LANGUAGE_SAMPLE_CHARS = 5000
A_WORD = re.compile(r"[^\W\d_]{2,}")


@dataclass(frozen=True)
class Analysis:
    """What extraction found in one article."""

    entities: list[Entity]
    claims: list[Claim]


class UnreadableText(ValueError):
    """A text the pipeline cannot analyze; the message says why in one line."""


@cache
def _language_identifier() -> LanguageIdentifier:
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def text_language(text: str) -> tuple[str, float]:
    """The language of a text (ISO 639-1 code) and the confidence of that guess."""
    return _language_identifier().classify(text[:LANGUAGE_SAMPLE_CHARS])


def check_text(text: str, nlp: Language) -> None:
    """Raise `UnreadableText` for a text without words or in another language."""
    if not text.strip():
        raise UnreadableText("empty text: nothing to analyze")
    if not A_WORD.search(text):
        raise UnreadableText("no sentences: the text has no words")
    if len(text.split()) < LANGUAGE_MIN_WORDS:
        return
    language, confidence = text_language(text)
    if language != nlp.lang and confidence >= LANGUAGE_MIN_CONFIDENCE:
        raise UnreadableText(
            f"text is in '{language}' but the spaCy pipeline {nlp.lang}_{nlp.meta.get('name')} "
            f"reads '{nlp.lang}': skipped (choose a '{language}' pipeline with --model)"
        )


def text_chunks(text: str, limit: int) -> list[str]:
    """The text cut at paragraph breaks (else lines, sentences, spaces) into pieces of at
    most ``limit`` characters that join back into the text."""
    chunks, start = [], 0
    while len(text) - start > limit:
        window = text[start : start + limit]
        cut = next(
            (
                window.rfind(mark) + len(mark)
                for mark in CHUNK_BREAKS
                if window.rfind(mark) > limit // 2
            ),
            limit,
        )
        chunks.append(window[:cut])
        start += cut
    chunks.append(text[start:])
    return chunks


def parse_chunks(text: str, nlp: Language, chunk_chars: int = CHUNK_CHARS) -> Iterator[Doc]:
    """The text parsed whole, or for a long text chunk by chunk, cut at paragraph breaks."""
    limit = min(chunk_chars, nlp.max_length)
    if len(text) <= limit:
        yield nlp(text)
    else:
        yield from nlp.pipe(text_chunks(text, limit), batch_size=1)


def joined(chunks: list[Doc], nlp: Language) -> Doc:
    """Parsed chunks joined into one Doc with the offsets of the whole text; the
    components that must see the whole article run again on it."""
    if len(chunks) == 1:
        return chunks[0]
    doc = Doc.from_docs(chunks, ensure_whitespace=False, exclude=["tensor", "user_data"])
    for name in WHOLE_DOC_COMPONENTS:
        if name in nlp.pipe_names:
            doc = nlp.get_pipe(name)(doc)
    return doc


def parse(text: str, nlp: Language, chunk_chars: int = CHUNK_CHARS) -> Doc:
    """The parsed article as one Doc, however long the text."""
    return joined(list(parse_chunks(text, nlp, chunk_chars)), nlp)


def analyze_text(text: str, nlp: Language, chunk_chars: int = CHUNK_CHARS) -> Analysis:
    """Entities and claims of one article text; `UnreadableText` says why there are none.

    The claims of a long text are found chunk by chunk (offsets moved to the whole text),
    so that no extractor walks a Doc of a million words; its entities are made canonical
    over the whole text."""
    check_text(text, nlp)
    chunks, claims, offset = [], [], 0
    for chunk in parse_chunks(text, nlp, chunk_chars):
        claims += [
            replace(claim, start=claim.start + offset, end=claim.end + offset)
            for claim in article_claims(chunk)
        ]
        offset += len(chunk.text)
        if chunks or offset < len(text):  # one chunk of several: keep only what joining needs
            chunk.tensor = numpy.zeros((0,), dtype="float32")
            chunk.user_data.clear()
        chunks.append(chunk)
    return Analysis(article_entities(joined(chunks, nlp)), claims)


def analyze_article(article: Article, nlp: Language) -> Analysis | Failure:
    """The analysis of one article, or the failure that names it and says why."""
    try:
        return analyze_text(article.text, nlp)
    except UnreadableText as error:
        return Failure(article.source, str(error), stage="extract")
    except Exception as error:  # an extractor's bug must not stop the batch
        message = " ".join(str(error).split())
        return Failure(article.source, f"{type(error).__name__}: {message}", stage="extract")


@cache  # once per process
def _freeze_loaded_models() -> None:
    """Move the objects alive now, the loaded models above all, out of the collector's
    reach: they live as long as the process, and rescanning their ~100,000 objects on every
    full collection cost about a tenth of claim extraction; forked workers also keep
    sharing their memory pages. Garbage is collected first, so that none is kept."""
    gc.collect()
    gc.freeze()


_worker_nlp: Language | None = None


def _start_worker(model: str | None) -> None:
    global _worker_nlp
    _worker_nlp = load_pipeline(model)  # already loaded when the worker was forked
    _freeze_loaded_models()


def _analyze_in_worker(article: Article) -> tuple[Article, Analysis | Failure]:
    return article, analyze_article(article, _worker_nlp)


def analyze_articles(
    articles: Iterable[Article], model: str | None = None, processes: int = 1
) -> Iterator[tuple[Article, Analysis | Failure]]:
    """Each article with its analysis or its failure, in input order.

    With several processes the pipeline is loaded once here and forked into the workers
    (spawned workers, where fork is missing, load it themselves).
    """
    # the model loads only once there is an article to analyze: a rerun of an ingest
    # whose articles are all stored already costs no model load
    articles = iter(articles)
    first = next(articles, None)
    if first is None:
        return
    articles = itertools.chain([first], articles)
    nlp = load_pipeline(model)
    _language_identifier()
    _freeze_loaded_models()
    if processes <= 1:
        for article in articles:
            yield article, analyze_article(article, nlp)
        return
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    with multiprocessing.get_context(method).Pool(
        processes, initializer=_start_worker, initargs=(model,)
    ) as pool:
        yield from pool.imap(_analyze_in_worker, articles)
