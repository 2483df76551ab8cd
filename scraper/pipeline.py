"""From inputs as the user names them (files, folders, URLs) to articles.

Each input is read (from disk, or fetched politely), unwrapped from gzip, decoded, told apart
as HTML or a plain-text dump, and handed to its cleaner. An input that fails at any step
becomes a Failure with a one-line reason, and the batch goes on.
"""

from __future__ import annotations

import re
import stat
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path

from scraper.article import Article, Failure
from scraper.data.fetch_settings import (
    FOLDER_PAGE_SUFFIXES,
    HTML_CONTENT_TYPES,
    HTML_SUFFIXES,
    TEXT_CONTENT_TYPES,
    TEXT_SUFFIXES,
)
from scraper.decode import InputError, decode_page, looks_like_html, too_large, ungzip
from scraper.fetch import FetchedPage, Fetcher, FetchSettings
from scraper.html import clean_html
from scraper.textdump import clean_text_dump

URL_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*)://")
# A server that does not know what it sends says so with these; the page itself then decides.
UNKNOWN_CONTENT_TYPES = frozenset({"", "application/octet-stream"})


def is_url(name: str) -> bool:
    return URL_SCHEME.match(name) is not None


def expand_inputs(inputs: Iterable[str]) -> Iterator[str | Failure]:
    """Each input as given, with folders replaced by the pages inside them.

    A page found in a folder is named by its path: the folder as given, then the path inside it.
    """
    for name in inputs:
        folder = Path(name)
        if is_url(name) or not folder.is_dir():
            yield name
            continue
        pages = pages_in_folder(folder)
        if not pages:
            kinds = ", ".join(FOLDER_PAGE_SUFFIXES)
            yield Failure(name, f"folder holds no pages ({kinds})", "read")
        yield from pages


def pages_in_folder(folder: Path) -> list[str]:
    """Page files anywhere under folder, in path order so that every run lists them alike."""
    pages = [
        path
        for path in folder.rglob("*")
        if path.name.lower().endswith(FOLDER_PAGE_SUFFIXES) and path.is_file()
    ]
    return [str(path) for path in sorted(pages, key=lambda path: path.parts)]


def clean_inputs(
    inputs: Iterable[str], *, raw: bool = False, fetch_settings: FetchSettings | None = None
) -> Iterator[Article | Failure]:
    """Clean every input; with ``raw`` the file already is the article body.

    The fetcher is made on the first URL only, so that runs over files open no HTTP client.
    """
    settings = fetch_settings or FetchSettings()
    fetcher = None
    try:
        for item in expand_inputs(inputs):
            if isinstance(item, Failure):
                yield item
                continue
            if fetcher is None and is_url(item):
                fetcher = Fetcher(settings)
            yield clean_input(item, raw=raw, fetcher=fetcher, max_bytes=settings.max_bytes)
    finally:
        if fetcher is not None:
            fetcher.close()


def clean_input(
    source: str, *, raw: bool, fetcher: Fetcher | None, max_bytes: int
) -> Article | Failure:
    """One file or URL through reading, decoding and cleaning; a Failure names the step."""
    stage = "read"
    try:
        if is_url(source):
            stage = "fetch"
            page = fetch_url(source, fetcher)
            data, url, content_type = page.body, page.url, page.content_type
            kind = kind_of_content_type(content_type)
        else:
            data, url, content_type = read_file(source, max_bytes), None, None
            kind = kind_of_file_name(source)
        stage = "decode"
        data = ungzip(data, max_bytes)
        if not data.strip():
            raise InputError("empty page" if url else "empty file")
        text = decode_page(data, content_type)
        stage = "clean"
        if raw:
            return Article(source=source, url=url, text=text)
        is_html = kind == "html" if kind else looks_like_html(text)
        article = clean_page(text, source, is_html=is_html, url=url)
    except InputError as error:
        return Failure(source, str(error), stage)
    except Exception as error:  # a cleaner's bug on one page must not stop the batch
        return Failure(source, f"{stage} failed ({type(error).__name__}: {error})", stage)
    if not article.text.strip():
        return Failure(source, "no article text found", "clean")
    return article


def fetch_url(source: str, fetcher: Fetcher | None) -> FetchedPage:
    scheme = URL_SCHEME.match(source).group(1).lower()
    if scheme not in ("http", "https") or fetcher is None:
        raise InputError(f"unsupported URL scheme {scheme!r} (only http and https)")
    return fetcher.fetch(source)


def clean_page(text: str, source: str, *, is_html: bool, url: str | None) -> Article:
    """The cleaner's article; the URL it was fetched from fills in when the page names none.

    A canonical URL the HTML cleaner finds in the page wins: it names the article, where the
    fetched URL may carry tracking parameters or a mobile host.
    """
    article = clean_html(text, source, url=url) if is_html else clean_text_dump(text, source)
    if url and not article.url:
        article = replace(article, url=url)
    return article


def read_file(source: str, max_bytes: int) -> bytes:
    """A file's bytes, refused before reading when it is empty, too large or not a file."""
    path = Path(source)
    try:
        status = path.stat()
        if not stat.S_ISREG(status.st_mode):
            raise InputError("not a regular file")
        if status.st_size > max_bytes:
            raise too_large(max_bytes, status.st_size)
        if status.st_size == 0:
            raise InputError("empty file")
        with path.open("rb") as file:
            data = file.read(max_bytes + 1)
    except OSError as error:
        raise InputError(error.strerror or str(error)) from None
    if len(data) > max_bytes:  # it grew after stat
        raise too_large(max_bytes)
    return data


def kind_of_file_name(name: str) -> str | None:
    """ "html" or "text" when the file's name says so (through a .gz), else None."""
    name = name.lower().removesuffix(".gz")
    if name.endswith(HTML_SUFFIXES):
        return "html"
    if name.endswith(TEXT_SUFFIXES):
        return "text"
    return None


def kind_of_content_type(content_type: str | None) -> str | None:
    """ "html" or "text" by the Content-Type header, None when the server did not know."""
    media = (content_type or "").split(";")[0].strip().lower()
    if media in HTML_CONTENT_TYPES:
        return "html"
    if media in TEXT_CONTENT_TYPES:
        return "text"
    if media in UNKNOWN_CONTENT_TYPES:
        return None
    raise InputError(f"not a web page (Content-Type {media})")
