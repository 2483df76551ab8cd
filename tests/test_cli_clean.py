"""`newsclaims clean`: its output formats, its errors and exit codes, and its streaming."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import FIXTURES, Reply

import scraper
from newsclaims.cli import article_text, cli, emit
from scraper.article import Article
from scraper.data.fetch_settings import HOST_DELAY_SECONDS, TIMEOUT_SECONDS

ARTICLE = str(FIXTURES / "inputs" / "council-vote.html")
DUMP = str(FIXTURES / "inputs" / "harbour-dump.txt")
FIELDS = [
    "source",
    "url",
    "title",
    "text",
    "published",
    "updated",
    "authors",
    "publisher",
    "origin",
    "language",
    "tags",
    "description",
]


def clean(*args: str):
    return CliRunner().invoke(cli, ["clean", *args])


def test_jsonl_prints_one_object_per_article_with_fields_in_order():
    result = clean("--format", "jsonl", ARTICLE, DUMP)
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [list(row) for row in rows] == [FIELDS, FIELDS]
    assert [row["source"] for row in rows] == [ARTICLE, DUMP]
    assert "voted on Tuesday" in rows[0]["text"]


def test_json_prints_one_array_with_failures_in_it():
    result = clean("--format", "json", ARTICLE, "missing.html")
    rows = json.loads(result.stdout)
    assert [row["source"] for row in rows] == [ARTICLE, "missing.html"]
    assert rows[1] == {"source": "missing.html", "error": "No such file or directory"}


def test_json_with_only_a_failure_is_still_an_array(tmp_path):
    (tmp_path / "notes.md").write_text("no pages")
    result = clean("--format", "json", str(tmp_path))
    assert result.exit_code == 1
    error = "folder holds no pages (.html, .htm, .html.gz, .txt)"
    assert json.loads(result.stdout) == [{"source": str(tmp_path), "error": error}]


def test_failure_is_a_row_and_one_line_on_stderr_and_exit_code_1():
    result = clean(ARTICLE, "missing.html", DUMP)
    assert result.exit_code == 1
    sources = [json.loads(line)["source"] for line in result.stdout.splitlines()]
    assert sources == [ARTICLE, "missing.html", DUMP]
    assert result.stderr == "error: missing.html: No such file or directory\n"


def test_text_format_is_for_reading():
    result = clean("--format", "text", ARTICLE)
    assert result.exit_code == 0
    assert result.stdout.startswith(f"== {ARTICLE}\n# Council backs bus expansion")
    assert "voted on Tuesday" in result.stdout


def test_url_is_fetched_and_cleaned(server):
    page = Path(ARTICLE).read_bytes()
    url = server.serve("/story", Reply(200, page, {"Content-Type": "text/html"}))
    result = clean("--delay", "0", url, url)
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [row["source"] for row in rows] == [url, url]
    assert "voted on Tuesday" in rows[0]["text"]


def test_delay_and_timeout_reach_the_fetcher(monkeypatch):
    given = {}

    def record(inputs, **options):
        given.update(options)
        return iter([])

    monkeypatch.setattr(scraper, "clean_inputs", record)
    clean("--delay", "0", "--timeout", "2.5", ARTICLE)
    settings = given["fetch_settings"]
    assert (settings.host_delay, settings.timeout) == (0, 2.5)


def test_failed_url_exits_1_after_the_other_inputs(server):
    url = server.serve("/gone", Reply(404, b"gone"))
    result = clean("--delay", "0", url, ARTICLE)
    assert result.exit_code == 1
    assert result.stderr == f"error: {url}: HTTP 404 Not Found\n"
    assert json.loads(result.stdout.splitlines()[1])["source"] == ARTICLE


def test_help_states_the_defaults_the_scraper_uses():
    help_text = " ".join(clean("--help").stdout.split())
    assert f"(default {HOST_DELAY_SECONDS:g};" in help_text
    assert f"(default {TIMEOUT_SECONDS:g})" in help_text


HOSTILE = Article(
    source="evil.html",
    title="Headline\x1b]0;owned\x07",
    text="Body\x1b[2J wiped\u202etxt.exe\rover",
)


def test_text_format_escapes_terminal_controls_from_pages(monkeypatch):
    monkeypatch.setattr(scraper, "clean_inputs", lambda inputs, **options: iter([HOSTILE]))
    result = clean("--format", "text", "evil.html")
    assert "\x1b" not in result.stdout and "\u202e" not in result.stdout
    assert "\r" not in result.stdout
    assert "Body\\x1b[2J wiped\\u202etxt.exe\\x0dover" in result.stdout


def test_json_escapes_c1_controls_from_pages(monkeypatch):
    article = Article(source="evil.html", text="Body\x9b2J here")
    monkeypatch.setattr(scraper, "clean_inputs", lambda inputs, **options: iter([article]))
    result = clean("evil.html")
    assert "\x9b" not in result.stdout
    assert json.loads(result.stdout)["text"] == "Body\x9b2J here"


def test_article_text_lists_the_metadata_it_has():
    row = Article(
        source="a.html", title="T", text="Body.", authors=["A. Writer", "B. Writer"], origin="AP"
    ).to_dict()
    assert (
        article_text(row) == "== a.html\n# T\nAuthors: A. Writer, B. Writer\nOrigin: AP\n\nBody.\n"
    )


@pytest.mark.parametrize("output_format", ["jsonl", "json"])
def test_rows_are_written_as_they_come(capsys, output_format):
    def rows():
        yield {"source": "first"}
        assert "first" in capsys.readouterr().out  # printed before the second row exists
        yield {"source": "second"}

    emit(rows(), output_format)
    assert "second" in capsys.readouterr().out
