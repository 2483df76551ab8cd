"""Ingest: clean inputs, skip what is stored, analyze the rest, store each article.

Every article is committed on its own with everything found in it, so an ingest
killed at any moment keeps what it stored, and run again skips it and goes on.
A story already stored that turns up at another URL (or in another file) is not
analyzed again: that further appearance is recorded as a copy of the stored article.
"""

from __future__ import annotations

import json
import sqlite3
import time
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from importlib.metadata import version
from pathlib import Path

import spacy

from corpus.schema import create_indexes, drop_secondary_indexes, open_database
from corpus.store import (
    Store,
    finish_run,
    now,
    place_of,
    record_failure,
    sighting,
    start_run,
)
from extract.analyze import Analysis, analyze_articles
from extract.nlp import model_name
from scraper.article import Article, Failure
from scraper.fetch import FetchSettings
from scraper.pipeline import clean_inputs, expand_inputs


@dataclass
class Outcome:
    """What became of one input."""

    source: str
    status: str  # stored | copied | skipped | failed
    stage: str | None = None  # for failures: clean | extract | store
    error: str | None = None
    claims: int = 0
    article: Article | None = None  # for copies: the appearance to record
    copy_of: int | None = None  # for copies, once recorded: the stored article


@dataclass
class Summary:
    """The counts an ingest reports at its end (and records on its run)."""

    stored: int = 0
    skipped: int = 0
    failed: int = 0
    copied: int = 0
    claims: int = 0
    entity_ids: set[int] = field(default_factory=set)
    seconds: float = 0.0

    def count(self, outcome: Outcome) -> None:
        setattr(self, outcome.status, getattr(self, outcome.status) + 1)
        self.claims += outcome.claims

    def as_run_counts(self) -> dict:
        return {
            "articles_stored": self.stored,
            "articles_skipped": self.skipped,
            "articles_failed": self.failed,
            "articles_copied": self.copied,
            "claims": self.claims,
            "entities": len(self.entity_ids),
            "seconds": round(self.seconds, 3),
        }


def describe(error: BaseException) -> str:
    """An exception as one line for the failures table and stderr."""
    message = " ".join(str(error).split())
    return f"{type(error).__name__}: {message}" if message else type(error).__name__


def provenance(inputs: Iterable[str], model: str | None) -> dict:
    """What a run was made with, so every row can be traced to the software behind it."""
    name = model_name(model)
    return {
        "newsclaims_version": version("newsclaims"),
        "spacy_version": spacy.__version__,
        "model_name": name,
        "model_version": spacy.util.get_package_version(name),
        "inputs": json.dumps(list(inputs), ensure_ascii=False),
    }


class Ingestion:
    """One ingest run over a list of inputs into a database file."""

    def __init__(
        self,
        db_path: str | Path,
        inputs: Iterable[str],
        *,
        raw: bool = False,
        model: str | None = None,
        processes: int = 1,
        reextract: bool = False,
        fetch_settings: FetchSettings | None = None,
    ):
        self.db_path = str(db_path)
        self.inputs = list(inputs)
        # One outcome comes for each page the inputs name (or each input that fails whole).
        self.total = sum(1 for _ in expand_inputs(self.inputs))
        self.raw = raw
        self.model = model
        self.processes = processes
        self.reextract = reextract
        self.fetch_settings = fetch_settings
        self.summary = Summary()
        # Outcomes decided before analysis (skips, copies, cleaning failures). With several
        # processes these are decided in the pool's feeding thread, hence a deque.
        self._early: deque[Outcome] = deque()
        # Copies of a story first met in this run: recorded once the run has stored it.
        self._later: deque[Outcome] = deque()

    def run(self) -> Iterator[Outcome]:
        """Ingest every input, yielding one outcome per input as it is decided."""
        started = time.perf_counter()
        db = open_database(self.db_path)
        try:
            # An empty database is a bulk load: secondary indexes are built once at the
            # end. Otherwise (re)build them first, in case a bulk load was interrupted.
            bulk = db["articles"].count == 0
            if bulk:
                drop_secondary_indexes(db)
            else:
                create_indexes(db)
            run_id = start_run(db, provenance(self.inputs, self.model))
            store = Store(db, run_id)
            articles = self._new_articles()
            for article, fetched_at, analysis in self._analyzed(articles):
                yield from self._report(store, self._drain(self._early))
                stored = self._store(store, article, fetched_at, analysis)
                yield from self._report(store, [stored])
            yield from self._report(store, self._drain(self._early))
            yield from self._report(store, self._drain(self._later))
            if bulk:
                create_indexes(db)
            self.summary.seconds = time.perf_counter() - started
            finish_run(db, run_id, self.summary.as_run_counts())
        finally:
            db.close()

    def _report(self, store: Store, outcomes: Iterable[Outcome]) -> Iterator[Outcome]:
        for outcome in outcomes:
            if outcome.status == "copied":
                outcome = self._record_copy(store, outcome)
            if outcome.status == "failed":
                record_failure(store.db, outcome.source, outcome.stage, outcome.error, store.run_id)
            self.summary.count(outcome)
            yield outcome

    @staticmethod
    def _drain(outcomes: deque[Outcome]) -> Iterator[Outcome]:
        while outcomes:
            yield outcomes.popleft()

    @staticmethod
    def _record_copy(store: Store, outcome: Outcome) -> Outcome:
        try:
            article_id = store.record_copy(outcome.article)
        except Exception as error:  # one copy that cannot be stored must not stop the rest
            return Outcome(outcome.source, "failed", "store", describe(error))
        if article_id is None:  # its story came first in this run and failed there
            error = "a copy of an article that could not be stored"
            return Outcome(outcome.source, "failed", "store", error)
        return Outcome(outcome.source, "copied", copy_of=article_id)

    def _store(
        self, store: Store, article: Article, fetched_at: str, analysis: Analysis | Failure
    ) -> Outcome:
        if isinstance(analysis, Failure):
            return Outcome(article.source, "failed", analysis.stage, analysis.error)
        try:
            stored = store.store(article, analysis, fetched_at=fetched_at)
        except Exception as error:  # one article that cannot be stored must not stop the rest
            return Outcome(article.source, "failed", "store", describe(error))
        if stored is None:
            return Outcome(article.source, "skipped")
        self.summary.entity_ids |= stored.entity_ids
        return Outcome(article.source, "stored", claims=stored.claims)

    def _new_articles(self) -> Iterator[Article]:
        """The cleaned articles not stored yet (with --reextract, the stored ones too);
        copies of stored stories, and of stories met earlier in this run, are set aside
        to be recorded.

        Checked before analysis, so a rerun spends no spaCy time on stored articles.
        Runs in whichever thread feeds the analysis, so it reads on its own connection.
        """
        reader = sqlite3.connect(self.db_path, check_same_thread=False)
        places: set[str] = set()  # of this run's inputs: the same place twice is a rerun
        stories: set[str] = set()  # the fingerprints of the articles sent to analysis
        try:
            for item in clean_inputs(self.inputs, raw=self.raw, fetch_settings=self.fetch_settings):
                if isinstance(item, Failure):
                    self._early.append(Outcome(item.source, "failed", item.stage, item.error))
                    continue
                if not item.text.strip():
                    self._early.append(Outcome(item.source, "failed", "clean", "no article text"))
                    continue
                place = place_of(item)
                seen = sighting(reader, place)
                rerun = seen == "known copy" or (seen == "article" and not self.reextract)
                if rerun or place.key in places:
                    self._early.append(Outcome(item.source, "skipped"))
                    continue
                places.add(place.key)
                fingerprints = {place.content_hash, place.story_hash}
                if seen == "new copy":
                    self._early.append(Outcome(item.source, "copied", article=item))
                elif fingerprints & stories:
                    self._later.append(Outcome(item.source, "copied", article=item))
                else:
                    stories |= fingerprints
                    yield item
        finally:
            reader.close()

    def _analyzed(
        self, articles: Iterator[Article]
    ) -> Iterator[tuple[Article, str, Analysis | Failure]]:
        """Each article with when it was cleaned and its analysis (or extract failure)."""
        cleaned_at: deque[str] = deque()  # of the articles fed to extraction, not back yet

        def feed(items: Iterable[Article]) -> Iterator[Article]:
            for article in items:
                cleaned_at.append(now())
                yield article

        for article, analysis in analyze_articles(feed(articles), self.model, self.processes):
            yield article, cleaned_at.popleft(), analysis
