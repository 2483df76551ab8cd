"""Inputs as the user names them: folders expanded, pages told apart as HTML or text dumps."""

from __future__ import annotations

import gzip
import shutil

import pytest
from conftest import FIXTURES, Reply

from scraper import pipeline
from scraper.article import Article, Failure
from scraper.fetch import FetchSettings
from scraper.pipeline import clean_inputs, expand_inputs, kind_of_file_name

ARTICLE = FIXTURES / "inputs" / "council-vote.html"
DUMP = FIXTURES / "inputs" / "harbour-dump.txt"
ARTICLE_SENTENCE = "voted on Tuesday to extend the municipal bus network"
DUMP_SENTENCE = "returned to work on Wednesday after their union accepted"
QUICK = FetchSettings(host_delay=0, backoff=0, timeout=2)


CANONICAL = "https://ledger.example/news/canonical"


def only(results: list) -> Article:
    assert len(results) == 1 and isinstance(results[0], Article), results
    return results[0]


@pytest.fixture
def cleaners(monkeypatch):
    """Stand-ins for the two cleaners that record which one got each page.

    The HTML one finds a canonical URL in pages that have one, as the real one does.
    """
    calls = []

    def html(text, source, url=None):
        calls.append(("html", source))
        canonical = CANONICAL if 'rel="canonical"' in text else None
        return Article(source=source, url=canonical, text="html article")

    def text_dump(text, source):
        calls.append(("text", source))
        return Article(source=source, text="text article")

    monkeypatch.setattr(pipeline, "clean_html", html)
    monkeypatch.setattr(pipeline, "clean_text_dump", text_dump)
    return calls


def test_folder_is_expanded_recursively_in_path_order(tmp_path):
    for name in ["b.html", "a/z.txt", "a/b/c.htm", "a/d.html.gz", "notes.md", "a/img.png"]:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x")
    expanded = list(expand_inputs([str(tmp_path)]))
    inside = [path.removeprefix(f"{tmp_path}/") for path in expanded]
    assert inside == ["a/b/c.htm", "a/d.html.gz", "a/z.txt", "b.html"]


def test_files_and_urls_are_kept_as_given():
    names = ["page.html", "https://example.org/story", "missing.txt"]
    assert list(expand_inputs(names)) == names


def test_folder_without_pages_is_a_failure(tmp_path):
    (tmp_path / "readme.md").write_text("not a page")
    [failure] = expand_inputs([str(tmp_path)])
    assert failure == Failure(
        str(tmp_path), "folder holds no pages (.html, .htm, .html.gz, .txt)", "read"
    )


@pytest.mark.parametrize(
    "name, kind",
    [
        ("story.html", "html"),
        ("STORY.HTM", "html"),
        ("story.html.gz", "html"),
        ("page.xhtml", "html"),
        ("dump.txt", "text"),
        ("dump.txt.gz", "text"),
        ("story.php", None),
        ("story", None),
    ],
)
def test_file_names_say_what_pages_hold(name, kind):
    assert kind_of_file_name(name) == kind


def test_html_file_is_cleaned_end_to_end():
    article = only(list(clean_inputs([str(ARTICLE)])))
    assert article.source == str(ARTICLE)
    assert ARTICLE_SENTENCE in article.text
    assert "<p>" not in article.text


def test_text_dump_is_cleaned_end_to_end():
    article = only(list(clean_inputs([str(DUMP)])))
    assert article.source == str(DUMP)
    assert DUMP_SENTENCE in article.text


@pytest.mark.parametrize(
    "name, data, cleaner",
    [
        ("story.html", ARTICLE.read_bytes(), "html"),
        ("story.html.gz", gzip.compress(ARTICLE.read_bytes()), "html"),
        ("story.php", ARTICLE.read_bytes(), "html"),  # no telling name: sniffed
        ("dump.txt", DUMP.read_bytes(), "text"),
        ("dump", DUMP.read_bytes(), "text"),  # no telling name, no markup
        ("dump.gz", gzip.compress(DUMP.read_bytes()), "text"),
    ],
)
def test_each_file_goes_to_the_cleaner_its_name_or_content_calls_for(
    tmp_path, cleaners, name, data, cleaner
):
    (tmp_path / name).write_bytes(data)
    only(list(clean_inputs([str(tmp_path / name)])))
    assert cleaners == [(cleaner, str(tmp_path / name))]


def test_pages_in_a_folder_are_named_by_their_path(tmp_path):
    shutil.copy(ARTICLE, tmp_path / "one.html")
    (tmp_path / "more").mkdir()
    shutil.copy(DUMP, tmp_path / "more" / "two.txt")
    sources = [item.source for item in clean_inputs([str(tmp_path)])]
    assert sources == [str(tmp_path / "more" / "two.txt"), str(tmp_path / "one.html")]


def test_raw_files_are_taken_as_the_article_body(tmp_path):
    body = tmp_path / "body.txt"
    body.write_text("Home\nThe minister resigned on Friday.\n", encoding="utf-8")
    article = only(list(clean_inputs([str(body)], raw=True)))
    assert article.text == "Home\nThe minister resigned on Friday.\n"


@pytest.mark.parametrize(
    "content_type, data, cleaner",
    [
        ("text/html; charset=utf-8", ARTICLE.read_bytes(), "html"),
        ("application/xhtml+xml", ARTICLE.read_bytes(), "html"),
        ("text/plain", DUMP.read_bytes(), "text"),
        ("text/plain", ARTICLE.read_bytes(), "text"),  # the header is believed
        (None, ARTICLE.read_bytes(), "html"),  # no header: sniffed
    ],
)
def test_each_url_goes_to_the_cleaner_its_content_type_calls_for(
    server, cleaners, content_type, data, cleaner
):
    url = server.serve("/page", Reply(200, data, {"Content-Type": content_type}))
    only(list(clean_inputs([url], fetch_settings=QUICK)))
    assert cleaners == [(cleaner, url)]


def test_url_page_is_cleaned_end_to_end(server):
    url = server.serve("/story", Reply(200, ARTICLE.read_bytes(), {"Content-Type": "text/html"}))
    assert ARTICLE_SENTENCE in only(list(clean_inputs([url], fetch_settings=QUICK))).text


def test_file_decoded_by_the_charset_its_meta_tag_declares(tmp_path):
    # Greek in ISO-8859-7: bytes that, undeclared, would read as Latin letters.
    html = ARTICLE.read_text().replace('charset="utf-8"', 'charset="iso-8859-7"')
    html = html.replace(
        "Riverton city council", "Riverton (\u0391\u03b8\u03ae\u03bd\u03b1) council"
    )
    legacy = tmp_path / "legacy.html"
    legacy.write_bytes(html.encode("iso-8859-7"))
    text = only(list(clean_inputs([str(legacy)]))).text
    assert "Riverton (\u0391\u03b8\u03ae\u03bd\u03b1) council" in text


def test_url_page_decoded_by_the_charset_its_header_declares(server):
    html = ARTICLE.read_text().replace("bus network", "bus réseau \u2014 network")
    html = html.replace('<meta charset="utf-8">', "")
    headers = {"Content-Type": "text/html; charset=windows-1252"}
    url = server.serve("/story", Reply(200, html.encode("cp1252"), headers))
    article = only(list(clean_inputs([url], fetch_settings=QUICK)))
    assert "bus réseau \u2014 network" in article.text


@pytest.mark.parametrize(
    "path, data",
    [("/dump", DUMP.read_bytes()), ("/story", b"<html><body><p>No canonical link.</p></html>")],
)
def test_redirected_url_keeps_the_final_url_when_the_page_names_none(server, cleaners, path, data):
    content_type = "text/html" if path == "/story" else "text/plain"
    old = server.serve("/old", Reply(301, b"", {"Location": path}))
    final = server.serve(path, Reply(200, data, {"Content-Type": content_type}))
    assert only(list(clean_inputs([old], fetch_settings=QUICK))).url == final


def test_canonical_url_of_the_page_wins_over_the_fetched_one(server, cleaners):
    url = server.serve("/story", Reply(200, ARTICLE.read_bytes(), {"Content-Type": "text/html"}))
    assert only(list(clean_inputs([url], fetch_settings=QUICK))).url == CANONICAL
