"""Claim extraction cost against spaCy's own parse, and words/s of the claims path.

Texts: the claims dev gold articles and the article-extraction ground-truth bodies (for
volume), each once. In one process, article by article, the parse (our pipeline up to its
gazetteer ruler, as `nlp.pipe` runs it) is timed apart from extraction (canonical entities
and `extract.claims.article_claims`); extraction is printed as a % of the parse time (the
goal is <= 10%). Both are CPU times of this process (the parse runs on one thread), so that
other work on a shared machine does not land on either side. Then the whole path the
`claims` command takes after cleaning (`analyze_articles`: checks, language, parse,
entities, claims, JSON rows) is timed with 1 and with N processes (model loaded
beforehand; forking the pool is timed), giving words/s and the scaling ratio. The machine's
cores and load are printed beside it, since scaling needs idle cores.

    .venv/bin/python bench/claims_speed.py [--articles N] [--processes N]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCHMARKS = ROOT.parent / "shared" / "benchmarks"
CLAIMS_DEV = BENCHMARKS / "claims" / "dev.jsonl"
GROUND_TRUTH = BENCHMARKS / "article-extraction" / "ground-truth-dev.json"
COST_GOAL = 0.10


def benchmark_texts(limit: int | None) -> list[str]:
    """Dev gold texts first, then the other English ground-truth bodies, without repeats
    (the rest would be skipped by the language check, and flatter the words/s)."""
    from extract.analyze import text_language

    texts = [json.loads(line)["text"] for line in CLAIMS_DEV.read_text("utf-8").splitlines()]
    if GROUND_TRUTH.is_file():
        bodies = json.loads(GROUND_TRUTH.read_text("utf-8"))
        texts += [item["articleBody"] for item in bodies.values()]
    unique = [text for text in dict.fromkeys(texts) if text.strip()]
    english = [text for text in unique if text_language(text)[0] == "en"]
    return english[:limit] if limit else english


def extraction_cost(texts: list[str]) -> tuple[float, float, float, int]:
    """CPU seconds of parsing, of canonical entities and of claims over the texts, article by
    article in turn, and how many articles an extractor failed on (left out of the times)."""
    from extract.claims import article_claims
    from extract.entities import canonicalize
    from extract.nlp import load_pipeline

    nlp = load_pipeline()
    parse_seconds = entity_seconds = claim_seconds = 0.0
    failed = 0
    with nlp.select_pipes(disable=["newsclaims_entities"]):
        for text in texts:
            start = time.process_time()
            [doc] = nlp.pipe([text])
            parsed = time.process_time()
            canonicalize(doc)
            canonical = time.process_time()
            try:
                article_claims(doc)
            except Exception:  # the claims command reports these and goes on; so does this
                failed += 1
                continue
            claim_seconds += time.process_time() - canonical
            entity_seconds += canonical - parsed
            parse_seconds += parsed - start
    return parse_seconds, entity_seconds, claim_seconds, failed


def claims_path_seconds(texts: list[str], processes: int) -> float:
    """Seconds for analyze_articles over the texts, claims turned into JSON rows."""
    from extract.analyze import analyze_articles
    from scraper.article import Article

    articles = [Article(f"article-{number}.txt", text=text) for number, text in enumerate(texts)]
    start = time.perf_counter()
    for article, result in analyze_articles(articles, processes=processes):
        for claim in getattr(result, "claims", []):
            json.dumps({"source": article.source, **claim.to_dict()}, ensure_ascii=False)
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, help="only the first N texts")
    parser.add_argument("--processes", type=int, default=2, help="processes to compare with 1")
    options = parser.parse_args()
    if not CLAIMS_DEV.is_file():
        print(f"claims speed: no claims benchmark at {CLAIMS_DEV}, skipped")
        return 0
    from extract.nlp import load_pipeline

    texts = benchmark_texts(options.articles)
    words = sum(len(text.split()) for text in texts)
    load_pipeline()
    claims_path_seconds(texts[:1], 1)  # warm-up: models and caches load untimed, and frozen
    parse_seconds, entity_seconds, claim_seconds, failed = extraction_cost(texts)
    cost = (entity_seconds + claim_seconds) / parse_seconds
    print(
        f"claims extraction: {len(texts)} articles, {words} words; parse {parse_seconds:.2f} s; "
        f"extraction {cost:.1%} of the parse (goal <= {COST_GOAL:.0%}): entities "
        f"{entity_seconds / parse_seconds:.1%}, claims {claim_seconds / parse_seconds:.1%}"
        + (f"; {failed} articles failed in extraction, left out" if failed else ""),
        flush=True,
    )
    one = words / claims_path_seconds(texts, 1)
    many = words / claims_path_seconds(texts, options.processes)
    print(
        f"claims path: {one:.0f} words/s with 1 process, {many:.0f} words/s with "
        f"{options.processes}, scaling {many / one:.2f}x "
        f"({os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f})",
        flush=True,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
