"""`newsclaims serve` as users run it: a server on 127.0.0.1, asked over HTTP."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import httpx
import pytest
from older_schemas import back_to_version_2
from publish_fixtures import LETTER_SENTENCE, build_corpus, running_server

from corpus.schema import SCHEMA_VERSION


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    # served as demo.db: the metadata written for "corpus" must follow the file's name
    db_path = build_corpus(tmp_path_factory.mktemp("serve") / "demo.db")
    with (
        running_server(db_path) as base,
        httpx.Client(base_url=base, trust_env=False, timeout=30) as client,
    ):
        yield client


def test_home_page(server):
    response = server.get("/")
    assert response.status_code == 200
    assert "newsclaims corpus" in response.text


def test_table_json_array(server):
    rows = server.get("/demo/claims.json?_shape=array&kind=quote").json()
    assert [row["speaker"] for row in rows] == ["Dana Whitfield"]


def test_canned_query_json(server):
    response = server.get("/demo/who_did_what_to.json?entity=FFSB&predicate=block&_shape=array")
    assert sorted(row["subject"] for row in response.json()) == ["Michigan", "Ohio", "Vermont"]


def test_claim_page_highlights_the_sentence(server):
    claim = server.get("/demo/claims.json?_shape=array&subject=Ohio").json()[0]
    page = server.get(f"/demo/claims/{claim['id']}").text
    assert f'<mark id="claim-evidence">{LETTER_SENTENCE}</mark>' in page


def test_facet_page(server):
    response = server.get("/demo/claims?_facet=kind")
    assert response.status_code == 200
    assert "quantity" in response.text


def test_search_across_tables(server):
    response = server.get("/-/search?q=Vermont")
    assert response.status_code == 200
    assert "/demo/claims" in response.text


def test_robots_are_kept_out(server):
    assert "Disallow: /" in server.get("/robots.txt").text


def refused(db_path: Path) -> str:
    """What `newsclaims serve` says on stderr when it exits 1 without serving."""
    result = subprocess.run(
        [str(Path(sys.executable).with_name("newsclaims")), "serve", str(db_path)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 1, result.stderr
    return result.stderr


def test_serve_refuses_a_missing_database_in_one_line(tmp_path):
    missing = tmp_path / "missing.db"
    assert refused(missing) == f"Error: {missing}: no such database file\n"


def user_version(db_path: Path) -> int:
    with closing(sqlite3.connect(db_path)) as conn:
        return conn.execute("PRAGMA user_version").fetchone()[0]


def test_a_version_2_corpus_is_migrated_then_served_with_the_queries_on_copies(tmp_path):
    old = back_to_version_2(build_corpus(tmp_path / "old.db"))
    with (
        running_server(old) as base,
        httpx.Client(base_url=base, trust_env=False, timeout=30) as client,
    ):
        articles = client.get("/old/articles.json?_shape=array").json()
        ohio = client.get("/old/claims.json?_shape=array&subject=Ohio").json()[0]
        sources = client.get(f"/old/sources_behind_claim.json?claim_id={ohio['id']}&_shape=array")
        across = client.get("/old/claims_across_outlets.json?_shape=array")
        stories = client.get("/old/stories_by_outlets.json?_shape=array&min_outlets=1")
    assert user_version(old) == SCHEMA_VERSION
    assert len(articles) == 4
    assert "Three states block freight board from port records" in {a["title"] for a in articles}
    assert [(row["outlet"], row["copy"]) for row in sources.json()] == [("North Gazette", 0)]
    shared = [(row["predicate"], row["outlets"], row["outlet_names"]) for row in across.json()]
    assert shared == [
        ("return", 2, "Coastline Courier,Valley Post"),
        ("review", 2, "Coastline Courier,Valley Post"),
    ]
    assert (stories.status_code, stories.json()) == (200, [])  # v2 recorded no copies


def test_a_corpus_from_a_newer_newsclaims_is_refused_in_one_line(tmp_path):
    newer = build_corpus(tmp_path / "newer.db")
    with closing(sqlite3.connect(newer)) as conn:
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    assert refused(newer) == (
        f"Error: {newer}: database schema version {SCHEMA_VERSION + 1} is newer than this "
        f"newsclaims understands ({SCHEMA_VERSION}); upgrade newsclaims\n"
    )
    assert user_version(newer) == SCHEMA_VERSION + 1


CHATTR = shutil.which("chattr")


@pytest.fixture
def unwritable():
    """Makes files read-only for this process, root included (chattr +i), undone after."""
    made: list[Path] = []

    def make(path: Path) -> Path:
        path.chmod(0o444)
        made.append(path)
        if os.access(path, os.W_OK) and CHATTR:  # root writes through file modes
            subprocess.run([CHATTR, "+i", str(path)], capture_output=True)
        if os.access(path, os.W_OK):
            pytest.skip("cannot make a file read-only for this user")
        return path

    yield make
    for path in made:
        if CHATTR:
            subprocess.run([CHATTR, "-i", str(path)], capture_output=True)
        path.chmod(0o644)


def test_a_read_only_version_2_corpus_is_refused_in_one_line(tmp_path, unwritable):
    old = unwritable(back_to_version_2(build_corpus(tmp_path / "old.db")))
    assert refused(old) == (
        f"Error: {old}: schema version 2 must be migrated to {SCHEMA_VERSION} before it is "
        "served, and cannot be: the file is read-only\n"
    )
    assert user_version(old) == 2
