"""Cleaning speed against trafilatura alone, on the benchmark pages, in one process.

Prints pages/s for our whole cleaning (body and metadata) and for `trafilatura.extract`
alone on the same inputs, and the cost ratio (ours / trafilatura; the goal is <= 1.3):
once for the HTML pages and once for the whole-page text dumps (trafilatura gets each dump
wrapped as <p> lines, as ../shared/benchmarks/run-dev does). Each side is timed over
ROUNDS runs per page, page by page in turn (see best_seconds).

    .venv/bin/python bench/clean_speed.py
"""

from __future__ import annotations

import gc
import gzip
import sys
import time
from collections.abc import Callable
from pathlib import Path

import trafilatura

from scraper.html import clean_html
from scraper.textdump import clean_text_dump

ROOT = Path(__file__).resolve().parent.parent
PAGES = ROOT.parent / "shared" / "benchmarks" / "article-extraction"
GOAL = 1.3
ROUNDS = 3


def timed(function: Callable[[str, str], object], name: str, content: str) -> float:
    """Seconds for one call, with the garbage collector held off as timeit does, so that a
    collection the other side's garbage triggers is not charged to this one."""
    gc.collect()
    gc.disable()
    try:
        start = time.perf_counter()
        function(content, name)
        return time.perf_counter() - start
    finally:
        gc.enable()


def best_seconds(
    ours: Callable[[str, str], object],
    baseline: Callable[[str, str], object],
    inputs: list[tuple[str, str]],
) -> tuple[float, float]:
    """Total seconds of each side over all (name, content) inputs. The two sides alternate
    page by page and each page keeps its fastest of ROUNDS runs, so a machine busy with other
    work slows both sides alike instead of whichever happened to run then."""
    for function in (ours, baseline):
        function(*inputs[0][::-1])  # warm-up: models and caches load outside the timing
    ours_total = baseline_total = 0.0
    for name, content in inputs:
        ours_total += min(timed(ours, name, content) for _ in range(ROUNDS))
        baseline_total += min(timed(baseline, name, content) for _ in range(ROUNDS))
    return ours_total, baseline_total


def wrapped_as_paragraphs(text: str) -> str:
    return "<html><body>" + "".join(f"<p>{line}</p>" for line in text.splitlines()) + "</body>"


def compare(label: str, inputs: list[tuple[str, str]], ours, baseline) -> None:
    ours_seconds, baseline_seconds = best_seconds(ours, baseline, inputs)
    print(
        f"{label}: {len(inputs) / ours_seconds:.1f} pages/s, "
        f"trafilatura alone {len(inputs) / baseline_seconds:.1f} pages/s, "
        f"cost ratio {ours_seconds / baseline_seconds:.2f} (goal <= {GOAL})",
        flush=True,
    )


def main() -> int:
    if not PAGES.is_dir():
        print(f"clean speed: no benchmark pages at {PAGES}, skipped")
        return 0
    html_pages = [
        (path.name, gzip.decompress(path.read_bytes()).decode("utf-8"))
        for path in sorted((PAGES / "html").glob("*.html.gz"))
    ]
    compare(
        "clean html",
        html_pages,
        lambda html, name: clean_html(html, name),
        lambda html, name: trafilatura.extract(html),
    )
    dumps = [
        (path.name, path.read_text("utf-8")) for path in sorted((PAGES / "text").glob("*.txt"))
    ]
    compare(
        "clean text dump",
        dumps,
        lambda text, name: clean_text_dump(text, name),
        lambda text, name: trafilatura.extract(wrapped_as_paragraphs(text)),
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
