"""Every input that cannot be read fails alone, with a one-line reason; the batch goes on."""

from __future__ import annotations

import gzip
import pathlib

import pytest
from conftest import FIXTURES, Reply

from scraper import pipeline
from scraper.article import Article, Failure
from scraper.fetch import FetchSettings
from scraper.pipeline import clean_inputs

ARTICLE = FIXTURES / "inputs" / "council-vote.html"
QUICK = FetchSettings(host_delay=0, backoff=0, retries=1, timeout=0.2)
EMPTY_PAGE = b"<html><head><script>var page = 1;</script></head><body><div></div></body></html>"


def failure_of(source: str, **options) -> Failure:
    [result] = clean_inputs([source], **options)
    assert isinstance(result, Failure), result
    assert "\n" not in result.error
    return result


def file_with(tmp_path: pathlib.Path, name: str, data: bytes) -> str:
    path = tmp_path / name
    path.write_bytes(data)
    return str(path)


@pytest.mark.parametrize(
    "name, data, error",
    [
        ("empty.html", b"", "empty file"),
        ("blank.txt", b"  \n\t\n", "empty file"),
        (
            "photo.html",
            b"\xff\xd8\xff\xe0\x00\x10JFIF\x00",
            "binary data, not a text page (NUL bytes)",
        ),
        (
            "garbled.txt",
            bytes(range(0x80, 0x100)) * 20,
            "cannot decode: not UTF-8, and no other charset fits",
        ),
        ("no-article.html", EMPTY_PAGE, "no article text found"),
        ("broken.html", b"<<html><<body>></p>><div <<<>>", "no article text found"),
        ("broken.html.gz", b"\x1f\x8b\x08\x00garbage", "corrupt gzip data"),
        ("cut.html.gz", gzip.compress(ARTICLE.read_bytes())[:200], "corrupt gzip data (cut short)"),
    ],
    ids=[
        "empty",
        "whitespace",
        "binary",
        "undecodable",
        "no-article",
        "malformed",
        "bad-gzip",
        "cut-gzip",
    ],
)
def test_unusable_file(tmp_path, name, data, error):
    failure = failure_of(file_with(tmp_path, name, data))
    assert failure.error.startswith(error)


def test_missing_file():
    assert failure_of("no/such/page.html").error == "No such file or directory"


def test_unreadable_file(tmp_path, monkeypatch):
    locked = file_with(tmp_path, "locked.html", ARTICLE.read_bytes())

    def refuse(self, *args, **kwargs):  # root reads anything, so chmod cannot stage this
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(pathlib.Path, "open", refuse)
    assert failure_of(locked).error == "Permission denied"


def test_not_a_regular_file():
    assert failure_of("/dev/null").error == "not a regular file"


def test_folder_without_pages(tmp_path):
    (tmp_path / "notes.md").write_text("no pages here")
    assert failure_of(str(tmp_path)).error.startswith("folder holds no pages")


def test_oversized_file(tmp_path):
    big = file_with(tmp_path, "big.html", b"<p>" + b"x" * 3000 + b"</p>")
    failure = failure_of(big, fetch_settings=FetchSettings(max_bytes=1024))
    assert failure.error == "too large: 2.94 KB, over the 1 KB limit"


def test_a_cleaner_crash_fails_that_page_only(tmp_path, monkeypatch):
    def crash(text, source, url=None):
        raise RuntimeError("boom")

    monkeypatch.setattr(pipeline, "clean_html", crash)
    page = file_with(tmp_path, "page.html", ARTICLE.read_bytes())
    assert failure_of(page) == Failure(page, "clean failed (RuntimeError: boom)", "clean")


def test_dead_url(dead_url):
    assert failure_of(dead_url, fetch_settings=QUICK).error.startswith("cannot connect (")


@pytest.mark.parametrize(
    "replies, error",
    [
        ([Reply(404, b"no")], "HTTP 404 Not Found"),
        ([Reply(500, b"oops")], "HTTP 500 Internal Server Error after 2 attempts"),
        ([Reply(200, b"", {"Content-Type": "text/html"})], "empty page"),
        ([Reply(200, b"%PDF-1.7", {"Content-Type": "application/pdf"})], "not a web page"),
        ([Reply(200, EMPTY_PAGE, {"Content-Type": "text/html"})], "no article text found"),
        ([Reply(200, ARTICLE.read_bytes(), pause=0.5)], "timed out after 0.2 s"),
    ],
    ids=["404", "5xx", "empty", "pdf", "no-article", "timeout"],
)
def test_failed_url(server, replies, error):
    url = server.serve("/story", *replies)
    assert failure_of(url, fetch_settings=QUICK).error.startswith(error)


def test_url_refused_by_robots_txt(server):
    server.serve("/robots.txt", Reply(200, b"User-agent: *\nDisallow: /\n"))
    url = server.serve("/story", Reply(200, ARTICLE.read_bytes()))
    failure = failure_of(url, fetch_settings=QUICK)
    assert failure == Failure(url, f"disallowed by robots.txt at {server.base}/robots.txt", "fetch")


def test_unsupported_url_scheme():
    failure = failure_of("ftp://example.org/story.html")
    assert failure.error == "unsupported URL scheme 'ftp' (only http and https)"


def test_the_batch_goes_on_past_failures_in_order(tmp_path, server):
    good = str(ARTICLE)
    empty = file_with(tmp_path, "empty.html", b"")
    gone = server.serve("/gone", Reply(410, b"gone"))
    results = list(clean_inputs([good, "missing.html", empty, gone, good], fetch_settings=QUICK))
    assert [type(result) for result in results] == [Article, Failure, Failure, Failure, Article]
    assert [result.source for result in results] == [good, "missing.html", empty, gone, good]
