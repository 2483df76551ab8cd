"""From inputs as the user names them (files, folders, URLs) to articles."""

from __future__ import annotations

import gzip
from collections.abc import Iterable, Iterator
from pathlib import Path

from scraper.article import Article, Failure
from scraper.html import clean_html
from scraper.textdump import clean_text_dump

PAGE_SUFFIXES = (".html", ".htm", ".html.gz", ".txt")


def expand_inputs(inputs: Iterable[str]) -> Iterator[str]:
    """Each input as given, with folders replaced by the pages inside them."""
    for name in inputs:
        path = Path(name)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.is_file() and child.name.endswith(PAGE_SUFFIXES):
                    yield str(child)
        else:
            yield name


def clean_inputs(inputs: Iterable[str], *, raw: bool = False) -> Iterator[Article | Failure]:
    """Clean every input; with ``raw`` the file already is the article body."""
    for source in expand_inputs(inputs):
        try:
            data = Path(source).read_bytes()
        except OSError as error:
            yield Failure(source, error.strerror or str(error))
            continue
        if source.endswith(".gz"):
            data = gzip.decompress(data)
        text = data.decode("utf-8", errors="replace")
        if raw:
            yield Article(source=source, text=text)
        elif source.endswith(".txt"):
            yield clean_text_dump(text, source)
        else:
            yield clean_html(text, source)
