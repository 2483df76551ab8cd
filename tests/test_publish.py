"""The Datasette site of a corpus, through Datasette's own test client."""

from __future__ import annotations

import asyncio
import csv
import io
import sqlite3
from pathlib import Path

import pytest
from markupsafe import Markup
from publish_fixtures import LETTER_SENTENCE, WHITFIELD_SENTENCE, build_corpus

from corpus.publish import claim_summary, highlighted_text, web_link
from corpus.serve import (
    SETTINGS,
    ServeError,
    corpus_datasette,
    corpus_metadata,
    fitted_table_metadata,
    parse_metadata,
    reads_only,
)
from corpus.serve import metadata_path as find_metadata

TABLES = ("outlets", "runs", "articles", "copies", "entities", "mentions", "claims", "failures")


@pytest.fixture(scope="module")
def corpus_path(tmp_path_factory) -> Path:
    return build_corpus(tmp_path_factory.mktemp("publish") / "corpus.db")


@pytest.fixture(scope="module")
def site(corpus_path):
    datasette = corpus_datasette(corpus_path)

    def get(path: str):
        return asyncio.run(datasette.client.get(path))

    return get


def ok(response):
    assert response.status_code == 200, response.text[:500]
    return response


def claim_id(corpus_path: Path, where: str) -> int:
    with sqlite3.connect(corpus_path) as conn:
        return conn.execute(f"select id from claims where {where}").fetchone()[0]


# --- metadata ---------------------------------------------------------------------------


def test_metadata_documents_every_table_and_column(corpus_path):
    described = parse_metadata(find_metadata().read_text())["databases"]["corpus"]["tables"]
    with sqlite3.connect(corpus_path) as conn:
        for table in (*TABLES, "claims_readable"):
            assert described[table]["description"], table
        for table in (*TABLES, "claims_readable"):
            columns = {row[1] for row in conn.execute(f"pragma table_info({table})")}
            missing = columns - set(described[table]["columns"])
            assert not missing, f"{table}: columns without a description: {missing}"


def test_metadata_is_filed_under_the_served_database_name(tmp_path):
    demo = build_corpus(tmp_path / "demo.db")
    metadata = corpus_metadata(demo)
    assert list(metadata["databases"]) == ["demo"]
    assert "claims_about_entity" in metadata["databases"]["demo"]["queries"]


def test_facets_sorts_and_search_on_what_the_database_lacks_are_dropped():
    table = {"facets": ["kind", {"date": "published"}, "month"], "sort_desc": "month"}
    table |= {"fts_table": "claims_fts", "fts_pk": "id", "label_column": "name"}
    fitted = fitted_table_metadata(table, {"kind", "published", "name"}, {"claims"})
    assert fitted == {"facets": ["kind", {"date": "published"}], "label_column": "name"}


def test_a_canned_query_reading_a_table_the_database_lacks_is_dropped(tmp_path):
    older = build_corpus(tmp_path / "older.db")
    with sqlite3.connect(older) as conn:
        conn.execute("drop table copies")  # as in a corpus from before schema version 3
    queries = corpus_metadata(older)["databases"]["older"]["queries"]
    assert "stories_by_outlets" not in queries
    assert "claims_about_entity" in queries


def test_a_query_reads_tables_not_its_own_names_or_table_functions():
    sql = "with hits as (select id from claims) select value from hits, json_each(hits.id)"
    assert reads_only(sql, {"claims"})
    assert not reads_only(sql + " join copies on 1", {"claims"})


def test_every_serve_setting_is_explained_in_the_readme():
    readme = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
    assert [name for name in SETTINGS if f"`{name}`" not in readme] == []


def test_a_missing_database_is_refused(tmp_path):
    with pytest.raises(ServeError, match="no such database file"):
        corpus_datasette(tmp_path / "nothing.db")


def test_a_file_that_is_not_sqlite_is_refused(tmp_path):
    notes = tmp_path / "notes #1?.db"
    notes.write_text("not a database, just notes\n" * 100)
    with pytest.raises(ServeError, match="not an SQLite database"):
        corpus_datasette(notes)


def test_a_database_without_claims_is_refused(tmp_path):
    other = tmp_path / "other.db"
    with sqlite3.connect(other) as conn:
        conn.execute("create table things (id integer primary key)")
    with pytest.raises(ServeError, match="not a newsclaims corpus"):
        corpus_datasette(other)


# --- pages ------------------------------------------------------------------------------


@pytest.mark.parametrize("table", (*TABLES, "claims_readable"))
def test_every_table_page_shows_its_description(site, table):
    page = ok(site(f"/corpus/{table}")).text
    assert 'class="metadata-description"' in page


def test_home_page_names_the_corpus_and_its_license(site):
    page = ok(site("/")).text
    assert "newsclaims corpus" in page
    assert "Apache-2.0" in page


def test_claims_page_shows_the_default_facets(site):
    facets = ok(site("/corpus/claims.json")).json()["facet_results"]
    assert set(facets) == {"kind", "predicate", "speaker", "subject_entity_id"}
    kinds = {row["value"]: row["count"] for row in facets["kind"]["results"]}
    assert kinds == {"relation": 8, "quantity": 1, "quote": 1}


def test_articles_page_facets_by_outlet_with_its_name(site):
    facets = ok(site("/corpus/articles.json")).json()["facet_results"]
    outlets = {row["label"] for row in facets["outlet_id"]["results"]}
    assert outlets == {"North Gazette", "Coastline Courier", "Valley Post", "Dayton <b>Daily</b>"}


def test_articles_page_facets_by_month_newest_first(site):
    facets = ok(site("/corpus/articles.json")).json()["facet_results"]
    months = [(row["value"], row["count"]) for row in facets["published"]["results"]]
    assert months == [("2026-04", 3), ("2026-03", 1)]
    assert "published__startswith=2026-03" in facets["published"]["results"][1]["toggle_url"]


def test_choosing_a_month_filters_the_articles(site):
    rows = ok(site("/corpus/articles.json?published__startswith=2026-03&_shape=array")).json()
    assert [row["title"] for row in rows] == ["Three states block freight board from port records"]


def test_claims_facet_by_outlet_and_month_through_the_readable_view(site):
    path = "/corpus/claims_readable.json?_facet=outlet&_facet_month=published"
    facets = ok(site(path)).json()["facet_results"]
    months = {row["value"]: row["count"] for row in facets["published"]["results"]}
    assert months == {"2026-04": 5, "2026-03": 5}
    outlets = {row["value"]: row["count"] for row in facets["outlet"]["results"]}
    assert outlets == {
        "North Gazette": 5,
        "Coastline Courier": 2,
        "Valley Post": 2,
        "Dayton <b>Daily</b>": 1,
    }


def test_claims_full_text_search(site):
    rows = ok(site("/corpus/claims.json?_search=searches&_shape=array")).json()
    assert [row["unit"] for row in rows] == ["searches"]


def test_articles_full_text_search(site):
    rows = ok(site("/corpus/articles.json?_search=inspection&_shape=array")).json()
    assert [row["title"] for row in rows] == ["Three states block freight board from port records"]


def test_readable_view_is_searchable_and_links_claim_ids(site, corpus_path):
    quote_id = claim_id(corpus_path, "kind = 'quote'")
    rows = ok(site("/corpus/claims_readable.json?_search=protect&_shape=array")).json()
    assert [row["claim_id"] for row in rows] == [quote_id]
    page = ok(site("/corpus/claims_readable?_search=protect")).text
    assert f'<a href="/corpus/claims/{quote_id}">{quote_id}</a>' in page


# --- the claim page ---------------------------------------------------------------------


def test_claim_page_highlights_its_sentence_in_the_article(site, corpus_path):
    michigan = claim_id(corpus_path, "subject = 'Michigan'")
    page = ok(site(f"/corpus/claims/{michigan}")).text
    assert f'<mark id="claim-evidence">{LETTER_SENTENCE}</mark>' in page
    assert "Three states block freight board from port records" in page
    assert "North Gazette" in page
    assert "2026-03-04" in page
    url = "https://www.northgazette.example/2026/03/04/ports-records"
    assert f'<a href="{url}" rel="nofollow noopener noreferrer">' in page


def test_claim_page_highlights_a_quote_with_its_quotation_marks_escaped(site, corpus_path):
    quote = claim_id(corpus_path, "kind = 'quote'")
    page = ok(site(f"/corpus/claims/{quote}")).text
    assert f'<mark id="claim-evidence">{Markup.escape(WHITFIELD_SENTENCE)}</mark>' in page


def test_claim_page_of_a_syndicated_story_names_the_wire(site, corpus_path):
    no_reply = claim_id(corpus_path, "negated = 1")
    page = ok(site(f"/corpus/claims/{no_reply}")).text
    assert "(from Reuters)" in page
    assert f'<a href="/corpus/sources_behind_claim?claim_id={no_reply}">' in page


def test_article_page_lists_its_claims(site):
    page = ok(site("/corpus/articles/1")).text
    assert "Claims in this article" in page
    assert "(Vermont, block, the Federal Freight Safety Board)" in page
    assert "nearly 12,000 searches" in page


def test_article_page_lists_every_other_outlet_that_published_the_story(site):
    page = ok(site("/corpus/articles/2")).text
    assert "Also published by" in page
    assert "Lakeshore Times (2026-04-03T09:00:00+00:00): Freight board says nothing on letter" in (
        page
    )
    url = "https://lakeshoretimes.example/wire/freight-board?utm_source=rss"
    assert f'<a href="{url}" rel="nofollow noopener noreferrer">' in page


def test_article_page_shows_a_copys_markup_as_text_and_links_only_web_urls(site):
    page = ok(site("/corpus/articles/2")).text
    assert "Ridge &lt;b&gt;Report&lt;/b&gt;" in page
    assert "Freight &lt;script&gt;alert(&#39;copy&#39;)&lt;/script&gt; board" in page
    assert "<script>alert('copy')" not in page
    assert 'href="javascript:' not in page
    assert "javascript:alert(2)" in page


def test_article_page_without_copies_says_nothing_of_other_outlets(site):
    assert "Also published by" not in ok(site("/corpus/articles/1")).text


def test_article_page_of_a_corpus_without_copies_table_still_lists_claims(tmp_path):
    older = build_corpus(tmp_path / "older.db")
    with sqlite3.connect(older) as conn:
        conn.execute("drop table copies")
    page = ok(asyncio.run(corpus_datasette(older).client.get("/older/articles/2"))).text
    assert "Claims in this article" in page
    assert "Also published by" not in page


def test_copies_page_facets_by_outlet(site):
    facets = ok(site("/corpus/copies.json")).json()["facet_results"]
    outlets = {row["label"] for row in facets["outlet_id"]["results"]}
    assert outlets == {"Lakeshore Times", "Ridge <b>Report</b>"}


def test_markup_in_article_text_title_and_url_is_shown_as_text(site, corpus_path):
    closure = claim_id(corpus_path, "predicate = 'close'")
    for path in (f"/corpus/claims/{closure}", "/corpus/articles/4", "/corpus/articles"):
        page = ok(site(path)).text
        assert "<script>alert(" not in page, path
        assert "&lt;script&gt;alert(" in page, path
    claim_page = ok(site(f"/corpus/claims/{closure}")).text
    assert 'href="javascript:' not in claim_page
    assert "Dayton &lt;b&gt;Daily&lt;/b&gt;" in claim_page


def test_highlight_escapes_the_text_around_the_evidence():
    marked = highlighted_text("<b>a</b> said <i>so</i>.", 9, 13, None)
    assert (
        marked
        == '&lt;b&gt;a&lt;/b&gt; <mark id="claim-evidence">said</mark> &lt;i&gt;so&lt;/i&gt;.'
    )


def test_highlight_falls_back_to_the_sentence_when_offsets_are_out_of_range():
    marked = highlighted_text("One. Two & three.", 90, 99, "Two & three.")
    assert marked == 'One. <mark id="claim-evidence">Two &amp; three.</mark>'


def test_claim_summary_names_the_entity_a_pronoun_stands_for():
    claim = {"kind": "quote", "quote": "It grew.", "subject": None, "subject_name": None}
    claim |= {"speaker": "he", "speaker_name": "Owen Marsh"}
    assert claim_summary(claim) == "\u201cIt grew.\u201d \u2014 according to he [Owen Marsh]"


def test_claim_summary_keeps_words_that_already_name_the_entity():
    claim = {"kind": "relation", "subject": "the FFSB chair Alan Brooks", "predicate": "say"}
    claim |= {"subject_name": "Alan Brooks", "object": None, "object_name": None}
    claim |= {"negated": 1, "modality": None, "speaker": None, "speaker_name": None}
    assert claim_summary(claim) == "(the FFSB chair Alan Brooks, not say, \u2014)"


def test_only_web_urls_become_links():
    assert web_link(" https://example.com/a ") == "https://example.com/a"
    assert web_link("javascript:alert(1)") is None
    assert web_link("data:text/html,hi") is None


# --- canned queries ---------------------------------------------------------------------

CANNED = {
    "claims_about_entity": ("entity=FFSB", "claim_id"),
    "who_did_what_to": ("entity=FFSB&predicate=block", "subject"),
    "quotes_by_speaker": ("speaker=Whitfield", "quote"),
    "claims_in_article": ("article=1", "claim_id"),
    "sources_behind_claim": ("claim_id={wire_claim}", "outlet"),
    "claims_across_outlets": ("min_outlets=2", "outlet_names"),
    "stories_by_outlets": ("min_outlets=2", "outlet_names"),
}


def canned_rows(site, corpus_path, query: str) -> list[dict]:
    params = CANNED[query][0].format(wire_claim=claim_id(corpus_path, "negated = 1"))
    return ok(site(f"/corpus/{query}.json?{params}&_shape=array")).json()


def test_every_canned_query_is_tested():
    metadata = parse_metadata(find_metadata().read_text())
    assert set(metadata["databases"]["corpus"]["queries"]) == set(CANNED)


def test_claims_about_an_entity_by_its_alias(site, corpus_path):
    rows = canned_rows(site, corpus_path, "claims_about_entity")
    assert sorted((row["kind"], row["subject"]) for row in rows) == [
        ("quantity", "The Federal Freight Safety Board"),
        ("relation", "Michigan"),
        ("relation", "Ohio"),
        ("relation", "The Federal Freight Safety Board"),
        ("relation", "The Federal Freight Safety Board"),
        ("relation", "Vermont"),
    ]


def test_who_did_what_to_an_entity_answers_which_states_blocked_it(site, corpus_path):
    rows = canned_rows(site, corpus_path, "who_did_what_to")
    assert sorted(row["subject"] for row in rows) == ["Michigan", "Ohio", "Vermont"]
    assert {row["speaker"] for row in rows} == {"a letter from the three governors"}


def test_who_did_what_to_without_a_predicate_lists_every_action(site):
    rows = ok(site("/corpus/who_did_what_to.json?entity=ffsb&predicate=&_shape=array")).json()
    assert len(rows) == 3


def test_quotes_by_a_speaker(site, corpus_path):
    rows = canned_rows(site, corpus_path, "quotes_by_speaker")
    assert [row["quote"] for row in rows] == ["We will not hand over records we cannot protect,"]
    assert rows[0]["speaker_entity"] == "Dana Whitfield"


def test_claims_in_an_article_in_reading_order(site, corpus_path):
    rows = canned_rows(site, corpus_path, "claims_in_article")
    assert [row["kind"] for row in rows] == ["relation"] * 3 + ["quantity", "quote"]
    by_url = "article=https://www.northgazette.example/2026/03/04/ports-records"
    assert len(ok(site(f"/corpus/claims_in_article.json?{by_url}&_shape=array")).json()) == 5


def test_sources_behind_a_wire_claim_span_every_outlet_and_copy(site, corpus_path):
    rows = canned_rows(site, corpus_path, "sources_behind_claim")
    assert sorted((row["outlet"], row["copy"]) for row in rows) == [
        ("Coastline Courier", 0),
        ("Lakeshore Times", 1),
        ("Ridge <b>Report</b>", 1),
        ("Valley Post", 0),
    ]
    assert {row["origin"] for row in rows} == {"Reuters"}


def test_claims_reported_by_several_outlets_count_the_copies(site, corpus_path):
    rows = canned_rows(site, corpus_path, "claims_across_outlets")
    assert sorted(row["predicate"] for row in rows) == ["return", "review"]
    assert {(row["outlets"], row["articles"]) for row in rows} == {(4, 2)}


def test_stories_that_ran_on_several_outlets(site, corpus_path):
    rows = canned_rows(site, corpus_path, "stories_by_outlets")
    assert [(row["article_id"], row["outlets"], row["appearances"]) for row in rows] == [(2, 3, 3)]
    assert set(rows[0]["outlet_names"].split(",")) == {
        "Coastline Courier",
        "Lakeshore Times",
        "Ridge <b>Report</b>",
    }
    assert rows[0]["first_published"] == "2026-04-02T14:30:00+00:00"


def test_canned_query_page_links_claim_ids(site, corpus_path):
    page = ok(site("/corpus/claims_in_article?article=1")).text
    first = claim_id(corpus_path, "subject = 'Ohio'")
    assert f'<a href="/corpus/claims/{first}">{first}</a>' in page


# --- JSON and CSV -----------------------------------------------------------------------


@pytest.mark.parametrize("table", TABLES)
def test_every_table_as_a_json_array(site, corpus_path, table):
    rows = ok(site(f"/corpus/{table}.json?_shape=array")).json()
    with sqlite3.connect(corpus_path) as conn:
        assert len(rows) == conn.execute(f"select count(*) from {table}").fetchone()[0]


@pytest.mark.parametrize("table", TABLES)
def test_every_table_as_csv(site, corpus_path, table):
    header = next(csv.reader(io.StringIO(ok(site(f"/corpus/{table}.csv")).text)))
    with sqlite3.connect(corpus_path) as conn:
        assert header == [row[1] for row in conn.execute(f"pragma table_info({table})")]


def test_table_json_default_shape_has_columns_and_rows(site):
    data = ok(site("/corpus/claims.json")).json()
    assert data["columns"][:3] == ["id", "article_id", "kind"]
    assert len(data["rows"]) == 10


@pytest.mark.parametrize("query", sorted(CANNED))
def test_every_canned_query_as_csv(site, corpus_path, query):
    params = CANNED[query][0].format(wire_claim=claim_id(corpus_path, "negated = 1"))
    text = ok(site(f"/corpus/{query}.csv?{params}")).text
    rows = list(csv.DictReader(io.StringIO(text)))
    assert rows and CANNED[query][1] in rows[0]
