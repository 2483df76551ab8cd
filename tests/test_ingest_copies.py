"""A story already stored that turns up again elsewhere is recorded as a copy of its
article — not analyzed again, not lost — and the same place again is a plain rerun."""

import re

import sqlite_utils
from click.testing import CliRunner

import extract.analyze
from corpus.ingest import Ingestion
from newsclaims.cli import cli

WIRE_PARAGRAPHS = [
    "SEATTLE, May 6 (Reuters) - The Cascade Water Authority will raise household rates by "
    "14% next year to pay for a new reservoir, its board said on Wednesday.",
    "The authority serves about 410,000 homes in three counties. Board chair Lena Marsh said "
    "the reservoir was needed after two dry summers.",
    '"We cannot keep borrowing against the next drought," Marsh told reporters.',
    "Consumer groups said they would ask the state utilities commission to block the rise.",
]
CREDIT = "(Reporting by Omar Haddad; Editing by Ruth Klein)"
COPY_URL = "https://www.inlandtimes.example/2026/05/06/cascade-water-rates"


def wire_page(site: str, url: str, title: str, *closing: str) -> str:
    """The wire story as a news site publishes it, with the site's own furniture."""
    body = "\n".join(f"<p>{paragraph}</p>" for paragraph in (*WIRE_PARAGRAPHS, *closing))
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="UTF-8"><title>{title} | {site}</title>
<meta property="og:title" content="{title}">
<meta property="og:site_name" content="{site}">
<meta property="article:published_time" content="2026-05-06T15:00:00+00:00">
<link rel="canonical" href="{url}"></head>
<body><nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sports">Sports</a></nav>
<article><h1>{title}</h1>{body}</article>
<footer>{site} · Subscribe for $2 a week</footer></body></html>"""


ORIGINAL = (
    "pugetherald.html",
    wire_page(
        "Puget Herald",
        "https://pugetherald.example/news/water-rates",
        "Water rates to rise 14%",
        CREDIT,
    ),
)
COPY = (
    "inlandtimes.html",
    wire_page(
        "Inland Times",
        COPY_URL,
        "Cascade water bills going up",
    ),
)


def write(folder, *pages):
    folder.mkdir(exist_ok=True)
    for name, html in pages:
        (folder / name).write_text(html, encoding="utf-8")
    return folder


def ingest(db_path, *inputs):
    result = CliRunner().invoke(cli, ["ingest", "--db", str(db_path), *map(str, inputs)])
    assert result.exit_code == 0, result.output
    last = result.stdout.strip().splitlines()[-1]
    return {name: float(count) for name, count in re.findall(r"(\w+) ([\d.]+)", last)}


def counts(summary) -> tuple:
    return tuple(int(summary[name]) for name in ("stored", "skipped", "failed", "copied"))


def test_the_wire_story_on_a_second_site_is_recorded_as_a_copy(tmp_path):
    db_path = tmp_path / "corpus.db"
    ingest(db_path, write(tmp_path / "first", ORIGINAL))
    db = sqlite_utils.Database(db_path)
    claims = db["claims"].count
    summary = ingest(db_path, write(tmp_path / "second", COPY))
    assert counts(summary) == (0, 0, 0, 1)
    assert (db["articles"].count, db["claims"].count, summary["claims"]) == (1, claims, 0)
    [copy] = db["copies"].rows
    [article] = db["articles"].rows
    assert copy["article_id"] == article["id"]
    assert copy["canonical_url"] == COPY_URL
    assert copy["title"] == "Cascade water bills going up"
    assert db["outlets"].get(copy["outlet_id"])["name"] == "Inland Times"
    # the texts differ by the credit line alone
    assert copy["content_hash"] != article["content_hash"]
    runs = list(db["runs"].rows)
    assert copy["seen_in_run"] == runs[-1]["id"]
    assert runs[-1]["articles_copied"] == 1


def test_a_copy_in_the_same_run_as_its_story_is_recorded(tmp_path):
    db_path = tmp_path / "corpus.db"
    summary = ingest(db_path, write(tmp_path / "pages", ORIGINAL, COPY))
    assert counts(summary) == (1, 0, 0, 1)
    db = sqlite_utils.Database(db_path)
    [article] = db["articles"].rows
    assert [row["article_id"] for row in db["copies"].rows] == [article["id"]]


def test_the_outcome_of_a_copy_names_the_article_it_copies(tmp_path):
    db_path = tmp_path / "corpus.db"
    outcomes = list(Ingestion(db_path, [str(write(tmp_path / "pages", ORIGINAL, COPY))]).run())
    [article] = sqlite_utils.Database(db_path)["articles"].rows
    assert [(outcome.status, outcome.copy_of) for outcome in outcomes] == [
        ("stored", None),
        ("copied", article["id"]),
    ]


def test_the_same_text_in_another_file_is_a_copy(tmp_path):
    db_path = tmp_path / "corpus.db"
    story = "\n\n".join(WIRE_PARAGRAPHS)
    folder = tmp_path / "dumps"
    folder.mkdir()
    (folder / "a.txt").write_text(story, encoding="utf-8")
    (folder / "b.txt").write_text(story, encoding="utf-8")
    result = CliRunner().invoke(cli, ["ingest", "--db", str(db_path), "--raw", str(folder)])
    assert "stored 1, skipped 0, failed 0, copied 1," in result.stdout
    [copy] = sqlite_utils.Database(db_path)["copies"].rows
    assert (copy["source"], copy["canonical_url"]) == (str(folder / "b.txt"), None)


def test_a_rerun_records_no_copy_twice(tmp_path):
    db_path = tmp_path / "corpus.db"
    pages = write(tmp_path / "pages", ORIGINAL, COPY)
    ingest(db_path, pages)
    assert counts(ingest(db_path, pages)) == (0, 2, 0, 0)
    assert sqlite_utils.Database(db_path)["copies"].count == 1


def test_the_same_url_from_another_file_is_a_rerun_not_a_copy(tmp_path):
    db_path = tmp_path / "corpus.db"
    ingest(db_path, write(tmp_path / "first", ORIGINAL))
    saved_again = ("saved-again.html", ORIGINAL[1].replace("Water rates", "Water bills"))
    assert counts(ingest(db_path, write(tmp_path / "second", saved_again))) == (0, 1, 0, 0)
    assert sqlite_utils.Database(db_path)["copies"].count == 0


def test_a_copy_left_unrecorded_by_an_interrupted_ingest_is_recorded_on_the_rerun(tmp_path):
    db_path = tmp_path / "corpus.db"
    pages = write(tmp_path / "pages", ORIGINAL, COPY)
    run = Ingestion(db_path, [str(pages)]).run()
    assert next(run).status == "stored"
    run.close()  # stopped before the copy, which waits for the end of the run
    db = sqlite_utils.Database(db_path)
    assert (db["articles"].count, db["copies"].count) == (1, 0)
    assert counts(ingest(db_path, pages)) == (0, 1, 0, 1)
    assert (db["articles"].count, db["copies"].count) == (1, 1)


def test_reextract_analyzes_the_article_and_keeps_its_copy_a_copy(tmp_path):
    db_path = tmp_path / "corpus.db"
    pages = write(tmp_path / "pages", ORIGINAL, COPY)
    ingest(db_path, pages)
    summary = ingest(db_path, "--reextract", pages)
    assert counts(summary) == (1, 1, 0, 0)
    db = sqlite_utils.Database(db_path)
    assert (db["articles"].count, db["copies"].count) == (1, 1)
    # files are read in name order: inlandtimes.html is the article, pugetherald.html its copy
    assert next(db["articles"].rows)["title"] == "Cascade water bills going up"
    assert next(db["copies"].rows)["title"] == "Water rates to rise 14%"


def test_a_copy_of_a_story_that_failed_in_the_same_run_fails_too(tmp_path, monkeypatch):
    def failing(text, nlp):
        raise RuntimeError("parser gave up")

    monkeypatch.setattr(extract.analyze, "analyze_text", failing)
    db_path = tmp_path / "corpus.db"
    pages = write(tmp_path / "pages", ORIGINAL, COPY)
    result = CliRunner().invoke(cli, ["ingest", "--db", str(db_path), str(pages)])
    assert result.exit_code == 1
    assert f"error: {pages / 'pugetherald.html'}: a copy of an article that could not" in (
        result.stderr
    )
    db = sqlite_utils.Database(db_path)
    assert [row["stage"] for row in db["failures"].rows] == ["extract", "store"]
    assert (db["articles"].count, db["copies"].count) == (0, 0)
