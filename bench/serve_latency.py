"""Datasette latency on a large synthetic corpus: a facet page, a search, canned queries.

Builds a corpus of --claims synthetic claims (default 120,000) with the real schema in a
temporary directory, serves it in-process with the settings `newsclaims serve` uses, and
prints the median and p95 latency of each page (goal: p95 under 300 ms). The baseline is
the same claims page under Datasette's default settings (facet suggestions on, 200 ms
facet limit), measured in the same run.

    .venv/bin/python bench/serve_latency.py [--claims 120000] [--repeat 30]
"""

from __future__ import annotations

import argparse
import asyncio
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import quote_plus

GOAL_P95_MS = 300.0
PREDICATES = (
    "block bar sue fund cut accuse approve reject urge hire fire close open buy sell appeal"
    " investigate warn join leave ban support oppose criticize praise fine"
).split()
WORDS = (
    "port freight board data records state senate rail contract audit inspection cargo union"
    " court governor budget tariff ferry yard jobs plant river harbor vote letter agency"
).split()
# Names and rarer words, so that a search matches a realistic sliver of the corpus.
RARE_WORDS = [
    f"{syllable}{number}" for syllable in ("kor", "vel", "tam", "rus") for number in range(750)
]
LABELS = ("PERSON", "ORG", "GPE", "NORP")
KINDS = ("relation",) * 6 + ("quote",) * 2 + ("quantity",) * 2


def build_corpus(path: Path, claims: int, rng: random.Random) -> dict:
    """A corpus with the real schema and `claims` synthetic claims; returns sample values."""
    from corpus.schema import create_indexes, drop_secondary_indexes, open_database

    db = open_database(path)
    articles, entities, outlets = max(claims // 10, 1), max(claims // 40, 10), 60
    drop_secondary_indexes(db)  # built once after the load, as ingest does
    with db.atomic():
        db["outlets"].insert_all(
            (
                {"id": i, "name": f"Outlet {i}", "domain": f"outlet{i}.example"}
                for i in range(1, 61)
            ),
        )
        db["entities"].insert_all(
            {
                "id": i,
                "key": f"entity:{i}",
                "name": f"Entity {i}",
                "label": rng.choice(LABELS),
                "aliases": f'["E{i}"]',
                "article_count": rng.randint(1, 50),
                "mention_count": rng.randint(1, 200),
            }
            for i in range(1, entities + 1)
        )
        db["articles"].insert_all(
            {
                "id": i,
                "url": f"https://outlet{i % outlets + 1}.example/story/{i}",
                "canonical_url": f"https://outlet{i % outlets + 1}.example/story/{i}",
                "title": words(rng, 7),
                "text": words(rng, 300),
                "published": f"2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}T09:00:00",
                "outlet_id": i % outlets + 1,
                "language": "en",
                "content_hash": f"{i:064x}",
                "word_count": 300,
            }
            for i in range(1, articles + 1)
        )
        db["claims"].insert_all(
            (synthetic_claim(rng, articles, entities) for _ in range(claims)),
            batch_size=5000,
        )
    create_indexes(db)
    db.execute("ANALYZE")
    db.close()
    # names no other entity's name contains: one speaker, as a user would ask
    return {"entity": "E7", "speaker": f"Entity {entities}", "predicate": "block"}


def words(rng: random.Random, count: int) -> str:
    """Mostly common words, one in five a rarer one."""
    return " ".join(
        rng.choice(RARE_WORDS) if rng.random() < 0.2 else rng.choice(WORDS) for _ in range(count)
    )


def synthetic_claim(rng: random.Random, articles: int, entities: int) -> dict:
    kind = rng.choice(KINDS)
    # quotes have a speaker, and so does about a third of the rest (reported speech)
    speaker = rng.randint(1, entities) if kind == "quote" or rng.random() < 0.3 else None
    sentence = words(rng, 18) + "."
    start = rng.randint(0, 1500)
    return {
        "article_id": rng.randint(1, articles),
        "kind": kind,
        "subject": " ".join(rng.choices(WORDS, k=2)),
        "subject_entity_id": rng.randint(1, entities),
        "predicate": rng.choice(PREDICATES) if kind == "relation" else None,
        "object": " ".join(rng.choices(WORDS, k=3)) if kind == "relation" else None,
        "object_entity_id": rng.randint(1, entities) if kind == "relation" else None,
        "negated": int(rng.random() < 0.1),
        "speaker": f"Entity {speaker}" if speaker else None,
        "speaker_entity_id": speaker,
        "quote": sentence if kind == "quote" else None,
        "value": "1,200" if kind == "quantity" else None,
        "number": 1200.0 if kind == "quantity" else None,
        "unit": "jobs" if kind == "quantity" else None,
        "sentence": sentence,
        "start": start,
        "end": start + len(sentence),
        "confidence": round(rng.random(), 2),
    }


async def latencies(datasette, path: str, repeat: int) -> tuple[list[float], float, dict | None]:
    """Milliseconds per request (after one warm-up), the median CPU milliseconds this
    process spent per request, and the JSON of the warm-up if any.

    CPU time tells a slow page from a busy machine: on a shared machine the wall-clock
    figures grow with the load, the CPU figures do not.
    """
    first = await datasette.client.get(path)
    if first.status_code != 200:
        raise SystemExit(f"{path}: HTTP {first.status_code}: {first.text[:300]}")
    times, cpu = [], []
    for _ in range(repeat):
        started, started_cpu = time.perf_counter(), time.process_time()
        response = await datasette.client.get(path)
        times.append((time.perf_counter() - started) * 1000)
        cpu.append((time.process_time() - started_cpu) * 1000)
        assert response.status_code == 200, path
    return times, statistics.median(cpu), first.json() if ".json" in path else None


def p95(times: list[float]) -> float:
    return statistics.quantiles(times, n=20)[-1] if len(times) > 1 else times[0]


async def measure(db_path: Path, sample: dict, repeat: int) -> bool:
    from datasette.app import Datasette

    from corpus.serve import corpus_datasette, corpus_metadata

    served = corpus_datasette(db_path)
    db = db_path.stem
    with_ids = await served.get_database(db).execute("select max(id) from claims")
    claim = with_ids.first()[0] // 2
    speaker = quote_plus(sample["speaker"])
    pages = {
        "facet page (claims, 4 default facets)": f"/{db}/claims",
        "facets as JSON (claims)": f"/{db}/claims.json",
        "search (claims full text)": f"/{db}/claims?_search=kor17",
        "search (claims, two words)": f"/{db}/claims?_search=harbor+vel7",
        "search (articles full text)": f"/{db}/articles?_search=tam5+rus9",
        "canned: who_did_what_to": f"/{db}/who_did_what_to?entity={sample['entity']}"
        f"&predicate={sample['predicate']}",
        "canned: claims_about_entity": f"/{db}/claims_about_entity?entity={sample['entity']}",
        "canned: quotes_by_speaker": f"/{db}/quotes_by_speaker?speaker={speaker}",
        "canned: sources_behind_claim": f"/{db}/sources_behind_claim?claim_id={claim}",
        "claim page (highlighted evidence)": f"/{db}/claims/{claim}",
    }
    met = True
    for name, path in pages.items():
        times, cpu, data = await latencies(served, path, repeat)
        worst = p95(times)
        met &= worst < GOAL_P95_MS
        print(
            f"{name:38} median {statistics.median(times):6.1f} ms  p95 {worst:6.1f} ms"
            f"  (cpu {cpu:5.1f} ms)"
        )
        if data is not None:
            dropped = data.get("facets_timed_out") or []
            print(f"{'':38} facets shown {sorted(data['facet_results'])}, timed out {dropped}")

    # the baseline: Datasette's default settings on the same page, in the same run
    default = Datasette([str(db_path)], metadata=corpus_metadata(db_path))
    baseline, _, _ = await latencies(default, f"/{db}/claims", max(repeat // 5, 3))
    ours, _, _ = await latencies(served, f"/{db}/claims", max(repeat // 5, 3))
    ratio = statistics.median(baseline) / statistics.median(ours)
    print(
        f"{'claims page, Datasette defaults':38} median {statistics.median(baseline):6.1f} ms"
        f"  (serve settings are {ratio:.1f}x faster)"
    )
    return met


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=120_000)
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    try:
        import datasette  # noqa: F401

        import corpus.store  # noqa: F401
    except ImportError as missing:
        print(f"serve_latency: skipped ({missing})")
        return 0
    with tempfile.TemporaryDirectory() as folder:
        db_path = Path(folder) / "corpus.db"
        started = time.perf_counter()
        sample = build_corpus(db_path, args.claims, random.Random(args.seed))
        print(
            f"serve_latency: {args.claims:,} synthetic claims built in "
            f"{time.perf_counter() - started:.1f} s; {args.repeat} requests per page"
        )
        met = asyncio.run(measure(db_path, sample, args.repeat))
    verdict = "met" if met else "NOT met"
    print(f"serve_latency: goal p95 < {GOAL_P95_MS:.0f} ms on every page: {verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
