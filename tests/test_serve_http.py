"""`newsclaims serve` as users run it: a server on 127.0.0.1, asked over HTTP."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import httpx
import pytest
from publish_fixtures import LETTER_SENTENCE, build_corpus, running_server


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


def test_serve_refuses_a_missing_database_in_one_line(tmp_path):
    missing = tmp_path / "missing.db"
    result = subprocess.run(
        [str(Path(sys.executable).with_name("newsclaims")), "serve", str(missing)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 1
    assert result.stderr == f"Error: {missing}: no such database file\n"
