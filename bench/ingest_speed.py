"""Ingest throughput against spaCy's own nlp.pipe over the same texts, in one run.

The benchmark's English ground-truth article bodies are written to text files and ingested with
`--raw` into a new database, with 1 and 2 processes; the baseline is `nlp.pipe` of the
plain spaCy model over the same texts. Each side runs in its own fresh process with the
model already loaded (startup is not timed), alternating over ROUNDS rounds and keeping
the best, so that a busy machine slows all sides alike. Prints articles/s, words/s, the
ratio to nlp.pipe (goal >= 0.85), the speed-up of 2 processes over 1 (goal >= 1.5) and
the peak memory of each process (goal <= 1 GB); and analyze_articles alone, to tell the
cost of extraction from that of cleaning and storage.

    .venv/bin/python bench/ingest_speed.py
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GROUND_TRUTH = (
    ROOT.parent / "shared" / "benchmarks" / "article-extraction" / "ground-truth-dev.json"
)
ROUNDS = 2
RATIO_GOAL = 0.85
SPEEDUP_GOAL = 1.5
MEMORY_GOAL_MB = 1024


def peak_mb() -> tuple[float, float]:
    """Peak resident memory of this process and of its largest child process, in MB."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return own, children


def time_nlp_pipe(folder: Path) -> dict:
    """In a fresh process: nlp.pipe of the plain model over every text."""
    import spacy

    from extract.nlp import model_name

    texts = [path.read_text(encoding="utf-8") for path in sorted(folder.iterdir())]
    nlp = spacy.load(model_name())
    start = time.perf_counter()
    for _ in nlp.pipe(texts):
        pass
    return {"seconds": time.perf_counter() - start}


def time_analysis(folder: Path) -> dict:
    """In a fresh process: analyze_articles alone (no cleaning, no storage), 1 process."""
    from extract.analyze import analyze_articles
    from extract.nlp import load_pipeline
    from scraper.article import Article

    articles = [Article(str(path), text=path.read_text()) for path in sorted(folder.iterdir())]
    load_pipeline(None)
    start = time.perf_counter()
    for _ in analyze_articles(articles):
        pass
    return {"seconds": time.perf_counter() - start}


def time_ingest(folder: Path, db_path: Path, processes: int) -> dict:
    """In a fresh process: a whole ingest (clean --raw, analyze, store) into a new db."""
    from corpus.ingest import Ingestion
    from extract.nlp import load_pipeline

    # Loaded before the clock starts, as the baseline's model is; called exactly as
    # analyze_articles calls it, so that it hits the same cache entry.
    load_pipeline(None)
    ingestion = Ingestion(db_path, [str(folder)], raw=True, processes=processes)
    start = time.perf_counter()
    outcomes = list(ingestion.run())
    seconds = time.perf_counter() - start
    stored = sum(outcome.status == "stored" for outcome in outcomes)
    return {"seconds": seconds, "stored": stored, "claims": ingestion.summary.claims}


def measure(*args: str) -> dict:
    """Run one side in a fresh process; its timing plus its peak memory per process."""
    command = [sys.executable, __file__, "--side", *args]
    done = subprocess.run(command, capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"ingest_speed: side {args[0]} failed:\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def side(name: str, folder: str, *rest: str) -> None:
    if name == "nlp.pipe":
        result = time_nlp_pipe(Path(folder))
    elif name == "analysis":
        result = time_analysis(Path(folder))
    else:
        result = time_ingest(Path(folder), Path(rest[0]), int(name))
    result["own_mb"], result["child_mb"] = peak_mb()
    print(json.dumps(result))


def main() -> int:
    if not GROUND_TRUTH.exists():
        print(f"ingest_speed: {GROUND_TRUTH} is missing; nothing to measure")
        return 0
    from extract.analyze import text_language

    bodies = [item["articleBody"] for item in json.loads(GROUND_TRUTH.read_text()).values()]
    # English only: ingest refuses the others before parsing, which would flatter it.
    bodies = [body for body in bodies if body.strip() and text_language(body)[0] == "en"]
    words = sum(len(body.split()) for body in bodies)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "texts"
        folder.mkdir()
        for number, body in enumerate(bodies):
            (folder / f"{number:03}.txt").write_text(body, encoding="utf-8")
        best: dict[str, dict] = {}
        for round_number in range(ROUNDS):
            for name in ("nlp.pipe", "analysis", "1", "2"):
                db_path = Path(tmp) / f"ingest-{name}-{round_number}.db"
                result = measure(name, str(folder), str(db_path))
                if name not in best or result["seconds"] < best[name]["seconds"]:
                    best[name] = result
    baseline = best["nlp.pipe"]["seconds"]
    print(
        f"ingest_speed: {len(bodies)} benchmark texts, {words} words; "
        f"nlp.pipe alone {len(bodies) / baseline:.1f} articles/s, {words / baseline:.0f} words/s"
    )
    for processes in ("1", "2"):
        result = best[processes]
        seconds = result["seconds"]
        memory = max(result["own_mb"], result["child_mb"])
        print(
            f"ingest_speed: {processes} process{'es' if processes != '1' else ''}: "
            f"{result['stored']} stored, {len(bodies) / seconds:.1f} articles/s, "
            f"{words / seconds:.0f} words/s, ratio to nlp.pipe {baseline / seconds:.2f} "
            f"(goal >= {RATIO_GOAL}), peak memory per process {memory:.0f} MB "
            f"(goal <= {MEMORY_GOAL_MB})"
        )
    analysis = best["analysis"]["seconds"]
    print(
        f"ingest_speed: analyze_articles alone (1 process) {words / analysis:.0f} words/s, "
        f"ratio to nlp.pipe {baseline / analysis:.2f}; cleaning and storage keep "
        f"{analysis / best['1']['seconds']:.2f} of it"
    )
    speedup = best["1"]["seconds"] / best["2"]["seconds"]
    print(f"ingest_speed: 2 processes / 1 process: {speedup:.2f}x (goal >= {SPEEDUP_GOAL})")
    return 0


if __name__ == "__main__":
    if len(sys.argv) > 2 and sys.argv[1] == "--side":
        side(*sys.argv[2:])
    else:
        sys.exit(main())
