"""Run the pipeline and the extractors over many articles, in one or more processes."""

from __future__ import annotations

import multiprocessing
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from spacy.language import Language

from extract.claims import article_claims
from extract.entities import article_entities
from extract.nlp import load_pipeline
from extract.records import Claim, Entity
from scraper.article import Article


@dataclass(frozen=True)
class Analysis:
    """What extraction found in one article."""

    entities: list[Entity]
    claims: list[Claim]


def analyze_text(text: str, nlp: Language) -> Analysis:
    """Entities and claims of one article text."""
    doc = nlp(text)
    return Analysis(article_entities(doc), article_claims(doc))


_worker_nlp: Language | None = None


def _start_worker(model: str | None) -> None:
    global _worker_nlp
    _worker_nlp = load_pipeline(model)


def _analyze_in_worker(article: Article) -> tuple[Article, Analysis]:
    return article, analyze_text(article.text, _worker_nlp)


def analyze_articles(
    articles: Iterable[Article], model: str | None = None, processes: int = 1
) -> Iterator[tuple[Article, Analysis]]:
    """Each article with its analysis, in input order; the model loads once per process."""
    if processes <= 1:
        nlp = load_pipeline(model)
        for article in articles:
            yield article, analyze_text(article.text, nlp)
        return
    with multiprocessing.get_context("spawn").Pool(
        processes, initializer=_start_worker, initargs=(model,)
    ) as pool:
        yield from pool.imap(_analyze_in_worker, articles)
