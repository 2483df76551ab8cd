"""Publish a corpus database with Datasette, described by the top-level metadata.yml."""

from __future__ import annotations

import os
import re
import sqlite3
from contextlib import closing
from pathlib import Path

from datasette.app import Datasette
from datasette.utils import parse_metadata

from corpus.schema import APPLICATION_ID, SCHEMA_VERSION, SchemaError, open_database

# metadata.yml sits at the top of a source checkout; a wheel carries a copy in the package.
METADATA_CANDIDATES = (
    Path(__file__).resolve().parent / "publish" / "metadata.yml",
    Path(__file__).resolve().parent.parent / "metadata.yml",
)
# The database name metadata.yml describes; it is filed under the served database's name.
METADATA_DATABASE = "corpus"

# The names a query reads rows from (not table-valued functions such as json_each(...)),
# and the names its common table expressions define.
READ_NAMES = re.compile(r"\b(?:from|join)\s+(\w+)\b(?!\s*\()", re.IGNORECASE)
CTE_NAMES = re.compile(r"\b(\w+)\s+as\s*\(", re.IGNORECASE)

# Settings for corpora of millions of claims (measured in bench/serve_latency.py):
SETTINGS = {
    # facet suggestions run one query per column on every table page: 1.85 s on 1M claims
    "suggest_facets": False,
    # the default 200 ms silently drops facets that need a scan; the faceted columns are
    # indexed, so this is a ceiling rather than a budget
    "facet_time_limit_ms": 1000,
    # canned queries that group every claim need more than the default second
    "sql_time_limit_ms": 3000,
    # article texts are long: table pages show their start, row pages the whole text
    "truncate_cells_html": 300,
    # rendering a page's cells costs more than its queries (claims have 22 columns)
    "default_page_size": 25,
}


class ServeError(Exception):
    """A database that cannot be served, with a one-line reason."""


def metadata_path() -> Path:
    for candidate in METADATA_CANDIDATES:
        if candidate.is_file():
            return candidate
    raise ServeError("metadata.yml not found beside the corpus package")


def read_only(db_path: Path) -> sqlite3.Connection:
    """A connection that never creates or changes the file (a mistyped path, a foreign file)."""
    return sqlite3.connect(f"{db_path.resolve().as_uri()}?mode=ro", uri=True)


def table_columns(db_path: Path) -> dict[str, set[str]]:
    """Every table and view of the database with its column names."""
    with closing(read_only(db_path)) as conn:
        names = [
            row[0]
            for row in conn.execute(
                "select name from sqlite_master where type in ('table', 'view')"
            )
        ]
        return {
            name: {row[1] for row in conn.execute("select * from pragma_table_xinfo(?)", [name])}
            for name in names
        }


def fitted_table_metadata(table: dict, columns: set[str], tables: set[str]) -> dict:
    """Table metadata without facets, sorts or search on what this database lacks.

    A database newsclaims did not write (older corpora are migrated first) may miss a
    column the metadata describes; Datasette would answer every page of that table with
    an error.
    """
    fitted = dict(table)
    fitted["facets"] = [
        facet
        for facet in table.get("facets", [])
        if (facet if isinstance(facet, str) else next(iter(facet.values()))) in columns
    ]
    for key in ("sort", "sort_desc", "label_column"):
        if key in fitted and fitted[key] not in columns:
            del fitted[key]
    if fitted.get("fts_table") not in (None, *tables):
        for key in ("fts_table", "fts_pk", "searchmode"):
            fitted.pop(key, None)
    return fitted


def reads_only(sql: str, tables: set[str]) -> bool:
    """Whether a canned query reads only tables and views the database has.

    A database newsclaims did not write (older corpora are migrated first) may lack a
    table; a query reading it would answer with an error.
    """
    read = {name.lower() for name in READ_NAMES.findall(sql)}
    defined = {name.lower() for name in CTE_NAMES.findall(sql)}
    return read - defined <= {table.lower() for table in tables}


def corpus_metadata(db_path: Path) -> dict:
    """metadata.yml with its database entry filed under the served database's name."""
    metadata = parse_metadata(metadata_path().read_text(encoding="utf-8"))
    columns = table_columns(db_path)
    database = metadata.get("databases", {}).pop(METADATA_DATABASE, {})
    database["tables"] = {
        name: fitted_table_metadata(table, columns[name], set(columns))
        for name, table in database.get("tables", {}).items()
        if name in columns
    }
    database["queries"] = {
        name: query
        for name, query in database.get("queries", {}).items()
        if reads_only(query["sql"], set(columns))
    }
    metadata["databases"] = {db_path.stem: database}
    return metadata


def check_corpus(db_path: Path) -> None:
    if not db_path.is_file():
        raise ServeError(f"{db_path}: no such database file")
    try:
        columns = table_columns(db_path)
    except sqlite3.DatabaseError as error:
        raise ServeError(f"{db_path}: not an SQLite database ({error})") from error
    if "claims" not in columns:
        raise ServeError(f"{db_path}: not a newsclaims corpus (no claims table)")
    bring_up_to_date(db_path)


def bring_up_to_date(db_path: Path) -> None:
    """Migrate a corpus an older newsclaims wrote, as ingest and stats do, so that its
    pages and canned queries find the tables metadata.yml describes; refuse one a newer
    newsclaims wrote. A corpus of the current version is left as it is (it may be
    read-only)."""
    with closing(read_only(db_path)) as conn:
        application_id = conn.execute("PRAGMA application_id").fetchone()[0]
        version = conn.execute("PRAGMA user_version").fetchone()[0]
    if application_id != APPLICATION_ID or version == SCHEMA_VERSION:
        return  # another program's tables are served as they are, as far as they fit
    try:
        open_database(db_path).close()
    except SchemaError as error:
        raise ServeError(f"{db_path}: {error}") from error
    except sqlite3.OperationalError as error:
        reason = "the file is read-only" if not os.access(db_path, os.W_OK) else str(error)
        raise ServeError(
            f"{db_path}: schema version {version} must be migrated to {SCHEMA_VERSION}"
            f" before it is served, and cannot be: {reason}"
        ) from error


def corpus_datasette(db_path: Path | str) -> Datasette:
    """A Datasette instance serving one corpus with its metadata and settings."""
    db_path = Path(db_path)
    check_corpus(db_path)
    return Datasette([str(db_path)], metadata=corpus_metadata(db_path), settings=SETTINGS)


def serve(db_path: Path | str, host: str = "127.0.0.1", port: int = 8001) -> None:
    """Serve the corpus over HTTP until interrupted."""
    import uvicorn

    datasette = corpus_datasette(db_path)
    uvicorn.run(datasette.app(), host=host, port=port, log_level="info", lifespan="on")
