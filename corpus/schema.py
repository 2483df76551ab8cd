"""The claims database: its tables, indexes, full-text search, views and version.

A newsclaims database carries its own identity (PRAGMA application_id) and schema
version (PRAGMA user_version), so that a database written by an older newsclaims is
migrated in one transaction and one that newsclaims does not know is refused, never
altered.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

import sqlite_utils

# "NCLM": tells a newsclaims database apart from any other SQLite file.
APPLICATION_ID = 0x4E434C4D
SCHEMA_VERSION = 3


class SchemaError(Exception):
    """The database cannot be used by this version of newsclaims."""


TABLES: dict[str, dict] = {
    "outlets": {
        "columns": {"id": int, "name": str, "domain": str},
        "pk": "id",
    },
    "runs": {
        "columns": {
            "id": int,
            "started": str,
            "finished": str,
            "newsclaims_version": str,
            "spacy_version": str,
            "model_name": str,
            "model_version": str,
            "inputs": str,  # JSON list, as given on the command line
            "articles_stored": int,
            "articles_skipped": int,
            "articles_failed": int,
            "articles_copied": int,  # version 3
            "claims": int,
            "entities": int,
            "seconds": float,
        },
        "pk": "id",
    },
    "articles": {
        "columns": {
            "id": int,
            "source": str,
            "url": str,
            "canonical_url": str,
            "title": str,
            "text": str,
            "published": str,
            "updated": str,
            "authors": str,  # JSON list
            "outlet_id": int,
            "origin": str,
            "language": str,
            "tags": str,  # JSON list
            "description": str,
            "content_hash": str,
            "story_hash": str,  # version 3
            "word_count": int,
            "fetched_at": str,
            "ingested_at": str,
            "run_id": int,
        },
        "pk": "id",
        "foreign_keys": [("outlet_id", "outlets", "id"), ("run_id", "runs", "id")],
    },
    # Each further place an article's story ran: another outlet's URL, another file (version 3).
    "copies": {
        "columns": {
            "id": int,
            "article_id": int,
            "source": str,
            "url": str,
            "canonical_url": str,
            "outlet_id": int,
            "title": str,
            "published": str,
            "content_hash": str,
            "seen_at": str,
            "seen_in_run": int,
        },
        "pk": "id",
        "foreign_keys": [
            ("article_id", "articles", "id"),
            ("outlet_id", "outlets", "id"),
            ("seen_in_run", "runs", "id"),
        ],
    },
    "entities": {
        "columns": {
            "id": int,
            "key": str,
            "name": str,
            "label": str,
            "aliases": str,  # JSON list
            "article_count": int,
            "mention_count": int,
            "attributes": str,  # JSON object, e.g. {"title": "Sen.", "party": "D"} (version 2)
        },
        "pk": "id",
    },
    "mentions": {
        "columns": {
            "id": int,
            "article_id": int,
            "entity_id": int,
            "text": str,
            "start": int,
            "end": int,
            "sentence": str,
        },
        "pk": "id",
        "foreign_keys": [("article_id", "articles", "id"), ("entity_id", "entities", "id")],
    },
    "claims": {
        "columns": {
            "id": int,
            "article_id": int,
            "kind": str,
            "subject": str,
            "subject_entity_id": int,
            "predicate": str,
            "object": str,
            "object_entity_id": int,
            "negated": int,
            "modality": str,
            "speaker": str,
            "speaker_entity_id": int,
            "cue": str,
            "quote": str,
            "value": str,
            "number": float,
            "unit": str,
            "sentence": str,
            "start": int,
            "end": int,
            "confidence": float,
            "run_id": int,
        },
        "pk": "id",
        "foreign_keys": [
            ("article_id", "articles", "id"),
            ("subject_entity_id", "entities", "id"),
            ("object_entity_id", "entities", "id"),
            ("speaker_entity_id", "entities", "id"),
            ("run_id", "runs", "id"),
        ],
    },
    "failures": {
        "columns": {
            "id": int,
            "input": str,
            "stage": str,  # the scraper's (read, decode, fetch, clean...), extract or store
            "error": str,
            "at": str,
            "run_id": int,
        },
        "pk": "id",
        "foreign_keys": [("run_id", "runs", "id")],
    },
}

# Lookups that ingest needs on every article: these stay in place during bulk loads.
UNIQUE_INDEXES: dict[str, list[str]] = {
    "outlets": ["domain"],
    "articles": ["canonical_url", "content_hash"],
    "entities": ["key"],
}

# Further lookups ingest needs on every article, kept in place during bulk loads too.
LOOKUP_INDEXES: dict[str, list[tuple[str, ...]]] = {
    "articles": [("story_hash",)],
    "copies": [("canonical_url",), ("article_id", "source")],
}

# Indexes for what users filter and facet on, and for deleting an article's rows on
# --reextract; ingest may drop these during a bulk load and build them afterwards.
SECONDARY_INDEXES: dict[str, list[tuple[str, ...]]] = {
    "articles": [("outlet_id",), ("run_id",), ("published",), ("language",), ("origin",)],
    "entities": [("label",), ("name",)],
    "mentions": [("article_id",), ("entity_id",)],
    "claims": [
        ("article_id",),
        ("kind",),
        ("predicate",),
        ("speaker",),
        ("subject_entity_id",),
        ("object_entity_id",),
        ("speaker_entity_id",),
        ("run_id",),
    ],
    "failures": [("run_id",), ("stage",)],
    "copies": [("outlet_id",), ("seen_in_run",)],
}

FULL_TEXT: dict[str, list[str]] = {
    "articles": ["title", "text"],
    "claims": ["sentence", "subject", "object", "quote"],
}

# A claim as one line a person can read: "the letter: New York — obstruct → ICE".
# Entity names stand in for the words as written, so "he" reads as the person meant.
CLAIMS_READABLE_SQL = """
SELECT
    claims.id AS claim_id,
    claims.kind,
    COALESCE(COALESCE(speaker_entity.name, claims.speaker) || ': ', '') ||
    CASE claims.kind
        WHEN 'quote' THEN '“' || COALESCE(claims.quote, '') || '”'
        WHEN 'quantity' THEN
            COALESCE(COALESCE(subject_entity.name, claims.subject) || ' — ', '') ||
            COALESCE(claims.value, '') || COALESCE(' ' || claims.unit, '')
        ELSE
            COALESCE(subject_entity.name, claims.subject, '—') || ' — ' ||
            COALESCE(claims.modality || ' ', '') ||
            CASE WHEN claims.negated THEN 'not ' ELSE '' END ||
            COALESCE(claims.predicate, '') ||
            COALESCE(' → ' || COALESCE(object_entity.name, claims.object), '')
    END AS claim,
    subject_entity.name AS subject_entity,
    claims.predicate,
    object_entity.name AS object_entity,
    COALESCE(speaker_entity.name, claims.speaker) AS speaker,
    claims.quote,
    claims.number,
    claims.unit,
    claims.negated,
    claims.modality,
    claims.sentence,
    claims.article_id,
    articles.title AS article_title,
    outlets.name AS outlet,
    articles.published,
    articles.url
FROM claims
JOIN articles ON articles.id = claims.article_id
LEFT JOIN outlets ON outlets.id = articles.outlet_id
LEFT JOIN entities AS subject_entity ON subject_entity.id = claims.subject_entity_id
LEFT JOIN entities AS object_entity ON object_entity.id = claims.object_entity_id
LEFT JOIN entities AS speaker_entity ON speaker_entity.id = claims.speaker_entity_id
"""

# Stripped: SQLite keeps a view's SQL as given, and create_views compares it to this.
VIEWS: dict[str, str] = {"claims_readable": CLAIMS_READABLE_SQL.strip()}


def create_indexes(db: sqlite_utils.Database, *, secondary: bool = True) -> None:
    """Create the lookups and, unless told not to, the secondary indexes."""
    for table, columns in UNIQUE_INDEXES.items():
        for column in columns:
            db[table].create_index([column], unique=True, if_not_exists=True)
    for table, indexes in LOOKUP_INDEXES.items():
        for columns in indexes:
            db[table].create_index(list(columns), if_not_exists=True)
    if secondary:
        for table, indexes in SECONDARY_INDEXES.items():
            for columns in indexes:
                db[table].create_index(list(columns), if_not_exists=True)


def drop_secondary_indexes(db: sqlite_utils.Database) -> None:
    """Drop the secondary indexes, so a bulk load does not update them row by row."""
    for table, indexes in SECONDARY_INDEXES.items():
        for columns in indexes:
            db.execute(f"DROP INDEX IF EXISTS [idx_{table}_{'_'.join(columns)}]")


def create_views(db: sqlite_utils.Database) -> None:
    """Create the views, or replace those whose SQL this version of newsclaims changed."""
    for name, sql in VIEWS.items():
        db.create_view(name, sql, replace=True)


def create_table(db: sqlite_utils.Database, name: str) -> None:
    spec = TABLES[name]
    db.create_table(name, spec["columns"], pk=spec["pk"], foreign_keys=spec.get("foreign_keys"))


def create_schema(db: sqlite_utils.Database) -> None:
    """Create every table, index, full-text index and view of an empty database."""
    with db.atomic():
        for name in TABLES:
            create_table(db, name)
        create_indexes(db)
        for table, columns in FULL_TEXT.items():
            db[table].enable_fts(columns, create_triggers=True)
        create_views(db)
        db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")


def add_entity_attributes(db: sqlite_utils.Database) -> None:
    """Version 2 keeps what was dropped from an entity's name: title, party, state."""
    db.execute("ALTER TABLE entities ADD COLUMN attributes TEXT")


def add_copies(db: sqlite_utils.Database) -> None:
    """Version 3 keeps every further outlet a story ran on (the copies table), and each
    article's story hash, by which a copy whose credit lines differ is still found."""
    # imported here: it loads the scraper package (trafilatura), which serving need not
    from corpus.fingerprint import story_hash

    db.execute("ALTER TABLE articles ADD COLUMN story_hash TEXT")
    db.execute("ALTER TABLE runs ADD COLUMN articles_copied INTEGER")
    create_table(db, "copies")
    # SQLite hashes row by row: the texts of a large corpus are never all in memory
    db.conn.create_function("newsclaims_story_hash", 1, story_hash, deterministic=True)
    db.execute("UPDATE articles SET story_hash = newsclaims_story_hash(coalesce(text, ''))")
    create_indexes(db)


# Each migration takes a database at version N to N + 1, inside one transaction.
MIGRATIONS: dict[int, Callable[[sqlite_utils.Database], None]] = {
    1: add_entity_attributes,
    2: add_copies,
}


def schema_version(db: sqlite_utils.Database) -> int:
    return db.execute("PRAGMA user_version").fetchone()[0]


def prepare(db: sqlite_utils.Database) -> None:
    """Make ``db`` ready for newsclaims: create, migrate, or refuse it.

    Raises SchemaError, leaving the file untouched, for a database that is not a
    newsclaims database or that a newer newsclaims wrote.
    """
    db.execute("PRAGMA foreign_keys = ON")
    application_id = db.execute("PRAGMA application_id").fetchone()[0]
    if application_id == 0 and not db.table_names() and not db.view_names():
        create_schema(db)
        return
    if application_id != APPLICATION_ID:
        raise SchemaError("not a newsclaims database (it holds other tables); use a new --db file")
    version = schema_version(db)
    if version > SCHEMA_VERSION:
        raise SchemaError(
            f"database schema version {version} is newer than this newsclaims "
            f"understands ({SCHEMA_VERSION}); upgrade newsclaims"
        )
    missing = [step for step in range(version, SCHEMA_VERSION) if step not in MIGRATIONS]
    if missing:
        raise SchemaError(f"database schema version {version} cannot be migrated; re-ingest it")
    for step in range(version, SCHEMA_VERSION):
        with db.atomic():
            MIGRATIONS[step](db)
            db.execute(f"PRAGMA user_version = {step + 1}")
    # Views hold no data: they always follow the running version.
    with db.atomic():
        create_views(db)


def open_database(path: str | Path) -> sqlite_utils.Database:
    """Open (creating or migrating) a newsclaims database; SchemaError if it cannot be."""
    db = sqlite_utils.Database(path)
    try:
        prepare(db)
    except sqlite3.DatabaseError as error:
        db.close()
        if isinstance(error, sqlite3.OperationalError):  # locked, read-only, disk full
            raise
        raise SchemaError(f"not an SQLite database ({error})") from error
    except SchemaError:
        db.close()
        raise
    if str(path) != ":memory:":
        # WAL: readers (Datasette, a second ingest's lookups) never block the writer,
        # and a commit survives the process being killed right after it.
        db.enable_wal()
        db.execute("PRAGMA synchronous = NORMAL")
    return db
