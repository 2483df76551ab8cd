"""Reading and writing the claims database: one article, with everything found in it,
per transaction."""

from __future__ import annotations

import bisect
import json
import re
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from urllib.parse import urlsplit

import courlan
import sqlite_utils

from corpus.fingerprint import content_hash, story_hash
from extract.analyze import Analysis
from extract.entities import entity_key
from extract.records import Claim, Entity
from scraper.article import Article

# Where one sentence ends and the next begins, for the sentence stored with a mention;
# not after a short capitalised abbreviation ("Sen. Ron Wyden", "the U.S. Senate").
SENTENCE_BREAK = re.compile(r"(?<=[.!?])[\"'”’)\]]*\s+|\n\s*\n")
ABBREVIATION_END = re.compile(r"(?:^|[\s(])(?:[A-Z][a-z]{0,3}|(?:[A-Z]\.)+[A-Z])\.$")


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def canonical_url(url: str | None) -> str | None:
    """The URL with tracking parameters, fragment and trailing slash removed."""
    if not url or urlsplit(url).scheme not in ("http", "https"):
        return None
    return courlan.normalize_url(url, strict=True, trailing_slash=False)


def outlet_domain(url: str | None) -> str | None:
    """The registered domain of an article's URL, e.g. "bbc.co.uk" for news.bbc.co.uk."""
    if not url or urlsplit(url).scheme not in ("http", "https"):
        return None
    return courlan.extract_domain(url)


def find_article(connection: sqlite3.Connection, url: str | None, text_hash: str) -> int | None:
    """The id of the stored article with this canonical URL or this content hash.

    Takes a plain connection, so that a thread other than the writer's can ask too.
    """
    row = connection.execute(
        "SELECT id FROM articles WHERE content_hash = ? OR canonical_url = ? LIMIT 1",
        [text_hash, url],
    ).fetchone()
    return row[0] if row else None


@dataclass(frozen=True)
class Place:
    """Where a text was found, and its fingerprints."""

    source: str
    canonical_url: str | None
    content_hash: str
    story_hash: str

    @property
    def key(self) -> str:
        """The place itself: the canonical URL, or the source when there is none."""
        return self.canonical_url or self.source


def place_of(article: Article) -> Place:
    return Place(
        article.source,
        canonical_url(article.url),
        content_hash(article.text),
        story_hash(article.text),
    )


def find_story(connection: sqlite3.Connection, place: Place) -> tuple[int, str | None, str] | None:
    """The id, canonical URL and source of the stored article telling the story found at
    ``place`` (same text first, else the same story under other credit lines)."""
    return connection.execute(
        "SELECT id, canonical_url, source FROM articles"
        " WHERE content_hash = ?1 OR story_hash = ?2 ORDER BY content_hash = ?1 DESC LIMIT 1",
        [place.content_hash, place.story_hash],
    ).fetchone()


def copy_recorded(connection: sqlite3.Connection, place: Place) -> bool:
    """Whether a copy was recorded at ``place`` (its canonical URL, else its source)."""
    if place.canonical_url:
        sql, key = "SELECT 1 FROM copies WHERE canonical_url = ?", place.canonical_url
    else:
        sql, key = "SELECT 1 FROM copies WHERE canonical_url IS NULL AND source = ?", place.source
    return connection.execute(sql, [key]).fetchone() is not None


def sighting(connection: sqlite3.Connection, place: Place) -> str | None:
    """How the text at ``place`` stands against the database: "article" (it is a stored
    article), "known copy" (a copy recorded before), "new copy" (a stored story met at
    another place), or None (a new story).

    The same canonical URL (or, without one, the same source) is the same place; the same
    text or story anywhere else is a copy.
    Takes a plain connection, so that a thread other than the writer's can ask too.
    """
    if (
        place.canonical_url
        and connection.execute(
            "SELECT 1 FROM articles WHERE canonical_url = ?", [place.canonical_url]
        ).fetchone()
    ):
        return "article"
    if copy_recorded(connection, place):
        return "known copy"
    story = find_story(connection, place)
    if story is None:
        return None
    _, url, source = story
    same_file = place.canonical_url is None and url is None and source == place.source
    return "article" if same_file else "new copy"


def start_run(db: sqlite_utils.Database, provenance: dict) -> int:
    """Record a run as started; it is finished by finish_run."""
    return db["runs"].insert({"started": now(), **provenance}).last_pk


def finish_run(db: sqlite_utils.Database, run_id: int, counts: dict) -> None:
    db["runs"].update(run_id, {"finished": now(), **counts})


def record_failure(
    db: sqlite_utils.Database, source: str, stage: str, error: str, run_id: int | None
) -> None:
    db["failures"].insert(
        {"input": source, "stage": stage, "error": error, "at": now(), "run_id": run_id}
    )


@dataclass
class StoredArticle:
    """What storing one article wrote."""

    article_id: int
    claims: int
    entity_ids: set[int] = field(default_factory=set)


class Store:
    """Writes articles with their entities, mentions and claims into one database."""

    def __init__(self, db: sqlite_utils.Database, run_id: int | None = None):
        self.db = db
        self.run_id = run_id
        self._outlets: dict[tuple[str | None, str | None], int] = {}
        # Names and aliases of the entities of the article being stored, for its claims.
        self._entity_ids: dict[str, int] = {}

    def store(
        self, article: Article, analysis: Analysis, *, fetched_at: str | None = None
    ) -> StoredArticle | None:
        """Store an article and its analysis in one transaction.

        An article already stored (same canonical URL or content hash) has its analysis
        replaced; returns None if it was stored by this run already.
        """
        place = place_of(article)
        with self._transaction():
            existing = find_article(self.db.conn, place.canonical_url, place.content_hash)
            forgotten: list[int] = []
            if existing is not None:
                run = self.db.execute("SELECT run_id FROM articles WHERE id = ?", [existing])
                if self.run_id is not None and run.fetchone()[0] == self.run_id:
                    return None
                forgotten = self._forget_analysis(existing)
            article_id = self._write_article(article, place, fetched_at, existing)
            self._write_entities(article_id, article.text, analysis.entities)
            self._write_claims(article_id, analysis)
            self._delete_orphans(forgotten)
        return StoredArticle(article_id, len(analysis.claims), set(self._entity_ids.values()))

    def record_copy(self, article: Article) -> int | None:
        """Record ``article`` as a further appearance of the stored article telling its
        story, once per place; returns that article's id, or None if none is stored."""
        place = place_of(article)
        with self._transaction():
            story = find_story(self.db.conn, place)
            if story is None:
                return None
            if not copy_recorded(self.db.conn, place):
                self._write_copy(story[0], article, place)
            return story[0]

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        try:
            with self.db.atomic():
                yield
        except BaseException:
            # Outlets cached during the rolled-back transaction may not exist.
            self._outlets.clear()
            raise

    def _write_copy(self, article_id: int, article: Article, place: Place) -> None:
        self.db["copies"].insert(
            {
                "article_id": article_id,
                "source": article.source,
                "url": article.url,
                "canonical_url": place.canonical_url,
                "outlet_id": self._outlet_id(article),
                "title": article.title,
                "published": article.published,
                "content_hash": place.content_hash,
                "seen_at": now(),
                "seen_in_run": self.run_id,
            }
        )

    def _write_article(
        self,
        article: Article,
        place: Place,
        fetched_at: str | None,
        existing: int | None,
    ) -> int:
        row = {
            "source": article.source,
            "url": article.url,
            "canonical_url": place.canonical_url,
            "title": article.title,
            "text": article.text,
            "published": article.published,
            "updated": article.updated,
            "authors": json.dumps(article.authors, ensure_ascii=False),
            "outlet_id": self._outlet_id(article),
            "origin": article.origin,
            "language": article.language,
            "tags": json.dumps(article.tags, ensure_ascii=False),
            "description": article.description,
            "content_hash": place.content_hash,
            "story_hash": place.story_hash,
            "word_count": len(article.text.split()),
            "fetched_at": fetched_at,
            "ingested_at": now(),
            "run_id": self.run_id,
        }
        if existing is None:
            columns = ", ".join(f"[{name}]" for name in row)
            marks = ", ".join("?" for _ in row)
            sql = f"INSERT INTO articles ({columns}) VALUES ({marks})"
            return self.db.execute(sql, list(row.values())).lastrowid
        assignments = ", ".join(f"[{name}] = ?" for name in row)
        self.db.execute(
            f"UPDATE articles SET {assignments} WHERE id = ?", [*row.values(), existing]
        )
        return existing

    def _outlet_id(self, article: Article) -> int | None:
        """The outlet: the page's publisher, else its URL's domain, else none."""
        domain = outlet_domain(article.url)
        name = article.publisher or domain
        if name is None:
            return None
        cache_key = (domain, name)
        if cache_key in self._outlets:
            return self._outlets[cache_key]
        if domain:
            row = self.db.execute(
                "SELECT id, name FROM outlets WHERE domain = ?", [domain]
            ).fetchone()
        else:
            row = self.db.execute(
                "SELECT id, name FROM outlets WHERE domain IS NULL AND name = ?", [name]
            ).fetchone()
        if row is None:
            outlet_id = self.db.execute(
                "INSERT INTO outlets (name, domain) VALUES (?, ?)", [name, domain]
            ).lastrowid
        else:
            outlet_id = row[0]
            if row[1] == domain and article.publisher:
                # A publisher's own name reads better than the domain it was filed under.
                self.db.execute("UPDATE outlets SET name = ? WHERE id = ?", [name, outlet_id])
        self._outlets[cache_key] = outlet_id
        return outlet_id

    def _forget_analysis(self, article_id: int) -> list[int]:
        """Remove an article's mentions and claims, keeping entity counts right; returns
        the entities they named."""
        named = [
            row[0]
            for row in self.db.execute(
                """
                SELECT entity_id FROM mentions WHERE article_id = :id
                UNION SELECT subject_entity_id FROM claims WHERE article_id = :id
                UNION SELECT object_entity_id FROM claims WHERE article_id = :id
                UNION SELECT speaker_entity_id FROM claims WHERE article_id = :id
                """,
                {"id": article_id},
            )
            if row[0] is not None
        ]
        self.db.execute(
            """
            UPDATE entities SET
                mention_count = mention_count - counted.mentions,
                article_count = article_count - 1
            FROM (
                SELECT entity_id, count(*) AS mentions FROM mentions
                WHERE article_id = ? GROUP BY entity_id
            ) AS counted
            WHERE entities.id = counted.entity_id
            """,
            [article_id],
        )
        self.db.execute("DELETE FROM mentions WHERE article_id = ?", [article_id])
        self.db.execute("DELETE FROM claims WHERE article_id = ?", [article_id])
        return named

    def _delete_orphans(self, entity_ids: list[int]) -> None:
        """Delete the entities no mention or claim names any more (after --reextract)."""
        self.db.conn.executemany(
            """
            DELETE FROM entities WHERE id = ?1
            AND NOT EXISTS (SELECT 1 FROM mentions WHERE entity_id = ?1)
            AND NOT EXISTS (SELECT 1 FROM claims WHERE subject_entity_id = ?1)
            AND NOT EXISTS (SELECT 1 FROM claims WHERE object_entity_id = ?1)
            AND NOT EXISTS (SELECT 1 FROM claims WHERE speaker_entity_id = ?1)
            """,
            [(entity_id,) for entity_id in entity_ids],
        )

    def _write_entities(self, article_id: int, text: str, entities: list[Entity]) -> None:
        """Upsert the article's entities and insert their mentions."""
        grouped: dict[str, list[Entity]] = {}
        for entity in entities:
            grouped.setdefault(entity_key(entity.name, entity.label), []).append(entity)
        self._entity_ids = {}
        breaks = sentence_starts(text)
        mention_rows = []
        for key, same in grouped.items():
            mentions = [mention for entity in same for mention in entity.mentions]
            aliases = {alias for entity in same for alias in (entity.name, *entity.aliases)}
            entity_id = self._upsert_entity(key, same, aliases, len(mentions))
            for entity in same:
                self._entity_ids.setdefault(entity.name, entity_id)
                for alias in entity.aliases:
                    self._entity_ids.setdefault(alias, entity_id)
            mention_rows.extend(
                (
                    article_id,
                    entity_id,
                    mention.text,
                    mention.start,
                    mention.end,
                    sentence_around(text, breaks, mention.start, mention.end),
                )
                for mention in mentions
            )
        self.db.conn.executemany(
            "INSERT INTO mentions (article_id, entity_id, text, start, [end], sentence)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            mention_rows,
        )

    def _upsert_entity(self, key: str, same: list[Entity], aliases: set[str], mentions: int) -> int:
        """The id of the entity stored under ``key``, its names, attributes and counts
        brought up to date with this article; first name and label seen are kept."""
        attributes: dict = {}
        for entity in same:
            for name, value in entity.attributes.items():
                attributes.setdefault(name, value)
        counted = 1 if mentions else 0
        row = self.db.execute(
            "SELECT id, name, aliases, attributes FROM entities WHERE key = ?", [key]
        ).fetchone()
        if row is None:
            first = same[0]
            return self.db.execute(
                "INSERT INTO entities (key, name, label, aliases, attributes, article_count,"
                " mention_count) VALUES (?, ?, ?, ?, ?, ?, ?)",
                [
                    key,
                    first.name,
                    first.label,
                    aliases_json(aliases - {first.name}),
                    json.dumps(attributes, ensure_ascii=False, sort_keys=True, default=str),
                    counted,
                    mentions,
                ],
            ).lastrowid
        entity_id, name, stored_aliases, stored_attributes = row
        known = set(json.loads(stored_aliases or "[]"))
        attributes = {**attributes, **json.loads(stored_attributes or "{}")}
        self.db.execute(
            "UPDATE entities SET aliases = ?, attributes = ?, article_count = article_count + ?,"
            " mention_count = mention_count + ? WHERE id = ?",
            [
                aliases_json((known | aliases) - {name}),
                json.dumps(attributes, ensure_ascii=False, sort_keys=True, default=str),
                counted,
                mentions,
                entity_id,
            ],
        )
        return entity_id

    def _claim_entity(self, name: str | None) -> int | None:
        """The entity a claim names: one of the article's, else one stored by that name."""
        if not name:
            return None
        if name in self._entity_ids:
            return self._entity_ids[name]
        row = self.db.execute(
            "SELECT id FROM entities WHERE name = ? ORDER BY mention_count DESC LIMIT 1", [name]
        ).fetchone()
        if row is None:
            # A name no entity of the article carries: known by name only, label unknown.
            entity_id = self._upsert_entity(entity_key(name, ""), [Entity(name, None)], set(), 0)
        else:
            entity_id = row[0]
        self._entity_ids[name] = entity_id
        return entity_id

    def _write_claims(self, article_id: int, analysis: Analysis) -> None:
        self.db.conn.executemany(
            f"INSERT INTO claims ({', '.join(f'[{c}]' for c in CLAIM_COLUMNS)})"
            f" VALUES ({', '.join('?' for _ in CLAIM_COLUMNS)})",
            [self._claim_row(article_id, claim) for claim in analysis.claims],
        )

    def _claim_row(self, article_id: int, claim: Claim) -> tuple:
        return (
            article_id,
            claim.kind,
            claim.subject,
            self._claim_entity(claim.subject_entity),
            claim.predicate,
            claim.object,
            self._claim_entity(claim.object_entity),
            int(claim.negated),
            claim.modality,
            claim.speaker,
            self._claim_entity(claim.speaker_entity),
            claim.cue,
            claim.quote,
            claim.value,
            claim.number,
            claim.unit,
            claim.sentence,
            claim.start,
            claim.end,
            claim.confidence,
            self.run_id,
        )


CLAIM_COLUMNS = (
    "article_id",
    "kind",
    "subject",
    "subject_entity_id",
    "predicate",
    "object",
    "object_entity_id",
    "negated",
    "modality",
    "speaker",
    "speaker_entity_id",
    "cue",
    "quote",
    "value",
    "number",
    "unit",
    "sentence",
    "start",
    "end",
    "confidence",
    "run_id",
)


def aliases_json(aliases: set[str]) -> str:
    return json.dumps(sorted(aliases), ensure_ascii=False)


def sentence_starts(text: str) -> list[int]:
    """Where each sentence after the first begins, by punctuation and blank lines."""
    return [
        match.end()
        for match in SENTENCE_BREAK.finditer(text)
        if not ABBREVIATION_END.search(text[max(0, match.start() - 8) : match.start()])
    ]


def sentence_around(text: str, breaks: list[int], start: int, end: int) -> str:
    """The sentence holding text[start:end], given where sentences begin."""
    index = bisect.bisect_right(breaks, start)
    begin = breaks[index - 1] if index else 0
    finish = breaks[index] if index < len(breaks) else len(text)
    return text[begin : max(finish, end)].strip()


def corpus_stats(db: sqlite_utils.Database) -> dict[str, int]:
    """How many rows each table holds."""
    tables = ("articles", "claims", "entities", "mentions", "outlets", "failures", "runs", "copies")
    return {table: db[table].count for table in tables}
