"""The claims database: one article per transaction, counts kept right, foreign keys,
full-text search kept in step, and the readable claims view."""

import sqlite3
from dataclasses import replace

import pytest

from corpus.fingerprint import story_hash
from corpus.schema import open_database
from corpus.store import (
    Store,
    canonical_url,
    content_hash,
    place_of,
    sighting,
    start_run,
)
from extract.analyze import Analysis
from extract.records import Claim, Entity, Mention
from scraper.article import Article

TEXT = (
    "New York had obstructed ICE, the letter said. "
    "Sen. Ron Wyden said New York acted alone.\n\n"
    "ICE made nearly 900,000 queries."
)


def mentions_of(text: str, words: str) -> tuple[Mention, ...]:
    found, start = [], text.find(words)
    while start != -1:
        found.append(Mention(words, start, start + len(words)))
        start = text.find(words, start + 1)
    return tuple(found)


def analysis_of(text: str) -> Analysis:
    entities = [
        Entity("New York", "GPE", (), mentions_of(text, "New York")),
        Entity(
            "U.S. Immigration and Customs Enforcement", "ORG", ("ICE",), mentions_of(text, "ICE")
        ),
        Entity("Ron Wyden", "PERSON", (), mentions_of(text, "Ron Wyden")),
    ]
    first = text.split(". ")[0] + "."
    claims = [
        Claim(
            kind="relation",
            sentence=first,
            start=0,
            end=len(first),
            subject="New York",
            subject_entity="New York",
            predicate="obstruct",
            object="ICE",
            object_entity="U.S. Immigration and Customs Enforcement",
            speaker="the letter",
            cue="say",
        ),
        Claim(
            kind="quantity",
            sentence="ICE made nearly 900,000 queries.",
            start=text.find("ICE made"),
            end=len(text),
            subject="ICE",
            subject_entity="ICE",
            value="nearly 900,000",
            number=900000.0,
            unit="queries",
        ),
    ]
    return Analysis(entities, claims)


def article(text: str = TEXT, **fields) -> Article:
    defaults = {
        "source": "letter.html",
        "url": "https://www.example-news.com/2025/11/letter/?utm_source=feed",
        "title": "States shared data with ICE",
        "publisher": "Example News",
        "authors": ["Jane Roe"],
    }
    return Article(text=text, **{**defaults, **fields})


@pytest.fixture
def db(tmp_path):
    database = open_database(tmp_path / "corpus.db")
    yield database
    database.close()


@pytest.fixture
def store(db):
    return Store(db, start_run(db, {"inputs": "[]"}))


def test_a_stored_article_has_its_outlet_entities_mentions_and_claims(db, store):
    stored = store.store(article(), analysis_of(TEXT))
    row = db["articles"].get(stored.article_id)
    assert row["canonical_url"] == "https://www.example-news.com/2025/11/letter"
    assert row["content_hash"] == content_hash(TEXT)
    assert row["word_count"] == len(TEXT.split())
    assert db["outlets"].get(row["outlet_id"])["name"] == "Example News"
    assert db["outlets"].get(row["outlet_id"])["domain"] == "example-news.com"
    assert db["mentions"].count == 5
    assert db["claims"].count == 2
    assert stored.claims == 2
    ice = next(db["entities"].rows_where("name = ?", ["U.S. Immigration and Customs Enforcement"]))
    assert (ice["article_count"], ice["mention_count"], ice["aliases"]) == (1, 2, '["ICE"]')


def test_a_claim_links_its_entities_by_canonical_name_or_alias(db, store):
    store.store(article(), analysis_of(TEXT))
    names = {row["id"]: row["name"] for row in db["entities"].rows}
    relation, quantity = db["claims"].rows_where(order_by="start")
    assert names[relation["subject_entity_id"]] == "New York"
    assert names[relation["object_entity_id"]] == "U.S. Immigration and Customs Enforcement"
    assert names[quantity["subject_entity_id"]] == "U.S. Immigration and Customs Enforcement"


def test_a_mention_keeps_its_sentence(db, store):
    store.store(article(), analysis_of(TEXT))
    sentences = {row["sentence"] for row in db["mentions"].rows_where("text = 'Ron Wyden'")}
    assert sentences == {"Sen. Ron Wyden said New York acted alone."}


def test_entity_counts_add_up_across_articles(db, store):
    other = "New York sued ICE again."
    store.store(article(), analysis_of(TEXT))
    store.store(article(other, url="https://other.example.org/sued"), analysis_of(other))
    new_york = next(db["entities"].rows_where("name = 'New York'"))
    assert (new_york["article_count"], new_york["mention_count"]) == (2, 3)
    assert db["outlets"].count == 2


def test_storing_an_article_again_replaces_its_analysis_and_keeps_counts_right(db):
    first = Store(db, start_run(db, {"inputs": "[]"}))
    first.store(article(), analysis_of(TEXT))
    second = Store(db, start_run(db, {"inputs": "[]"}))
    stored = second.store(article(), analysis_of(TEXT))
    assert db["articles"].count == 1
    assert db["claims"].count == 2
    assert db["mentions"].count == 5
    assert db["articles"].get(stored.article_id)["run_id"] == second.run_id
    for entity in db["entities"].rows:
        counted = db.execute(
            "SELECT count(*), count(DISTINCT article_id) FROM mentions WHERE entity_id = ?",
            [entity["id"]],
        ).fetchone()
        assert (entity["mention_count"], entity["article_count"]) == counted


def test_the_same_article_twice_in_one_run_is_stored_once(db, store):
    store.store(article(), analysis_of(TEXT))
    assert store.store(article(source="copy.html"), analysis_of(TEXT)) is None
    assert db["articles"].count == 1


def test_an_article_is_stored_whole_or_not_at_all(db, store):
    db.execute("CREATE TRIGGER refuse BEFORE INSERT ON claims BEGIN SELECT RAISE(ABORT, 'no'); END")
    with pytest.raises(sqlite3.IntegrityError):
        store.store(article(), analysis_of(TEXT))
    tables = ("articles", "mentions", "claims", "entities", "outlets")
    assert [db[table].count for table in tables] == [0, 0, 0, 0, 0]
    db.execute("DROP TRIGGER refuse")
    stored = store.store(article(), analysis_of(TEXT))
    outlet_id = db["articles"].get(stored.article_id)["outlet_id"]
    assert db["outlets"].get(outlet_id)["name"] == "Example News"


def test_entities_no_longer_named_after_reextraction_are_deleted(db):
    Store(db, start_run(db, {"inputs": "[]"})).store(article(), analysis_of(TEXT))
    without_wyden = Analysis(
        [entity for entity in analysis_of(TEXT).entities if entity.name != "Ron Wyden"], []
    )
    Store(db, start_run(db, {"inputs": "[]"})).store(article(), without_wyden)
    assert sorted(row["name"] for row in db["entities"].rows) == [
        "New York",
        "U.S. Immigration and Customs Enforcement",
    ]


def test_a_name_only_a_claim_gives_becomes_an_entity_of_unknown_label(db, store):
    claim = Claim(
        kind="quote", sentence="x", start=0, end=1, speaker="Dana", speaker_entity="Dana Kim"
    )
    store.store(article(), Analysis([], [claim]))
    [entity] = db["entities"].rows
    assert (entity["name"], entity["label"], entity["mention_count"]) == ("Dana Kim", None, 0)


def test_foreign_keys_are_declared_and_enforced(db):
    assert {fk.other_table for fk in db["claims"].foreign_keys} == {"articles", "entities", "runs"}
    with pytest.raises(sqlite3.IntegrityError):
        db.execute("INSERT INTO mentions (article_id, entity_id, text) VALUES (99, 99, 'x')")


def test_full_text_search_follows_inserts_and_deletes(db, store):
    stored = store.store(article(), analysis_of(TEXT))
    assert [row["id"] for row in db["articles"].search("obstructed")] == [stored.article_id]
    assert [row["kind"] for row in db["claims"].search("queries")] == ["quantity"]
    db.execute("DELETE FROM claims WHERE kind = 'quantity'")
    assert list(db["claims"].search("queries")) == []


def test_claims_readable_shows_names_and_one_line_per_claim(db, store):
    store.store(article(), analysis_of(TEXT))
    rows = list(db["claims_readable"].rows_where(order_by="claim_id"))
    assert (
        rows[0]["claim"]
        == "the letter: New York — obstruct → U.S. Immigration and Customs Enforcement"
    )
    assert rows[1]["claim"] == "U.S. Immigration and Customs Enforcement — nearly 900,000 queries"
    assert rows[0]["outlet"] == "Example News"
    assert rows[0]["article_title"] == "States shared data with ICE"


def test_claims_readable_puts_modality_before_negation(db, store):
    claim = Claim(
        kind="relation",
        sentence="Ohio will not hand over records.",
        start=0,
        end=32,
        subject="Ohio",
        predicate="hand over",
        object="records",
        negated=True,
        modality="will",
    )
    store.store(article(), Analysis([], [claim]))
    [row] = db["claims_readable"].rows
    assert row["claim"] == "Ohio — will not hand over → records"


def test_an_outlet_without_a_publisher_is_named_by_its_domain(db, store):
    store.store(article(publisher=None, url="https://news.example.co.uk/a"), analysis_of(TEXT))
    assert [(row["name"], row["domain"]) for row in db["outlets"].rows] == [
        ("example.co.uk", "example.co.uk")
    ]


def test_an_article_without_url_or_publisher_has_no_outlet(db, store):
    stored = store.store(article(publisher=None, url=None), analysis_of(TEXT))
    assert db["articles"].get(stored.article_id)["outlet_id"] is None


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://Example.com/a/b/?utm_campaign=x#top", "https://example.com/a/b"),
        ("file:///tmp/page.html", None),
        (None, None),
    ],
)
def test_canonical_url(url, expected):
    assert canonical_url(url) == expected


def test_content_hash_ignores_whitespace():
    assert content_hash("One  two\n\nthree ") == content_hash("One two three")


# --- copies: further appearances of a stored story ---------------------------------------

CREDITED = f"{TEXT}\n\n(Reporting by Jane Roe; Editing by Sam Poe)"
ELSEWHERE = {"source": "other.html", "url": "https://other-news.example/ice-letter"}


def test_story_hash_ignores_the_credit_and_rights_lines_at_the_end():
    for closing in (
        "(Reporting by Jane Roe; Editing by Sam Poe)",
        "Associated Press writer Sam Poe contributed to this report.",
        "Copyright 2026 The Associated Press. All rights reserved.",
        "\u00a9 2026 Example News",
    ):
        assert story_hash(f"{TEXT}\n\n{closing}") == story_hash(TEXT), closing


def test_story_hash_keeps_closing_prose():
    assert story_hash(f"{TEXT}\n\nCopyright law was rewritten in 2024.") != story_hash(TEXT)
    assert story_hash(f"{TEXT}\n\n(This story has been corrected.)") != story_hash(TEXT)


def test_a_copy_is_recorded_once_per_place_with_its_own_outlet(db, store):
    stored = store.store(article(), analysis_of(TEXT))
    copy = article(CREDITED, title="ICE letter", publisher="Other News", **ELSEWHERE)
    assert store.record_copy(copy) == stored.article_id
    assert store.record_copy(replace(copy, source="saved.html")) == stored.article_id
    [row] = db["copies"].rows
    assert (row["article_id"], row["title"], row["source"]) == (
        stored.article_id,
        "ICE letter",
        "other.html",
    )
    assert db["outlets"].get(row["outlet_id"])["name"] == "Other News"
    assert row["seen_in_run"] == store.run_id
    assert (db["articles"].count, db["claims"].count) == (1, 2)


def test_a_copy_without_url_is_told_apart_by_its_source(db, store):
    stored = store.store(article(url=None), analysis_of(TEXT))
    for source in ("a.txt", "b.txt", "a.txt"):
        store.record_copy(article(url=None, source=source))
    assert sorted(row["source"] for row in db["copies"].rows) == ["a.txt", "b.txt"]
    assert {row["article_id"] for row in db["copies"].rows} == {stored.article_id}


def test_a_copy_of_no_stored_story_is_not_recorded(db, store):
    assert store.record_copy(article()) is None
    assert db["copies"].count == 0


def test_a_place_is_the_article_a_known_copy_a_new_copy_or_new(db, store):
    store.store(article(), analysis_of(TEXT))
    store.record_copy(article(**ELSEWHERE))
    assert sighting(db.conn, place_of(article(CREDITED, source="again.html"))) == "article"
    assert sighting(db.conn, place_of(article(**ELSEWHERE))) == "known copy"
    third = article(CREDITED, source="third.html", url="https://third.example/ice")
    assert sighting(db.conn, place_of(third)) == "new copy"
    assert sighting(db.conn, place_of(article("A different story.", **ELSEWHERE))) == ("known copy")
    assert sighting(db.conn, place_of(article("A new story.", url=None))) is None


def test_the_same_file_without_url_is_the_article_another_file_a_copy(db, store):
    store.store(article(url=None, source="letter.txt"), analysis_of(TEXT))
    assert sighting(db.conn, place_of(article(url=None, source="letter.txt"))) == "article"
    assert sighting(db.conn, place_of(article(url=None, source="other.txt"))) == "new copy"
