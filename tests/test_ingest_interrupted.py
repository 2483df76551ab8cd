"""An ingest killed mid-run (SIGKILL) keeps every article it committed, and run again
completes with no duplicate and no lost article."""

import os
import signal
import sqlite3
import subprocess
import sys
import time
from contextlib import closing

import sqlite_utils

STATES = ["New York", "Illinois", "Oregon", "Minnesota", "Texas", "Ohio", "Utah", "Maine"]
PEOPLE = ["Ron Wyden", "Ana Ortiz", "James Chen", "Maria Lopez", "David Okafor"]
ARTICLE_COUNT = 24


def article_text(number: int) -> str:
    """A short news story, different for every number."""
    state = STATES[number % len(STATES)]
    person = PEOPLE[number % len(PEOPLE)]
    return (
        f"{state} blocked U.S. Immigration and Customs Enforcement from {number + 2} "
        f"databases on Monday, {person} said.\n\n"
        f'"This is story number {number} and it matters," {person} told reporters in Boston. '
        f"The agency made {1000 + number * 37} queries last year."
    )


def ingest_command(db_path, folder) -> list[str]:
    return [
        sys.executable,
        "-c",
        "from newsclaims.cli import cli; cli()",
        "ingest",
        "--db",
        str(db_path),
        "--raw",
        str(folder),
    ]


def stored_articles(db_path) -> int:
    try:
        with closing(sqlite3.connect(db_path, timeout=5)) as connection:
            return connection.execute("SELECT count(*) FROM articles").fetchone()[0]
    except sqlite3.OperationalError:  # no articles table yet
        return 0


def test_a_killed_ingest_loses_nothing_and_a_rerun_completes(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    for number in range(ARTICLE_COUNT):
        (folder / f"story-{number:02}.txt").write_text(article_text(number), encoding="utf-8")
    db_path = tmp_path / "corpus.db"

    process = subprocess.Popen(ingest_command(db_path, folder), stdout=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while stored_articles(db_path) < 3 and time.monotonic() < deadline:
        assert process.poll() is None, "the ingest ended before it could be killed"
        time.sleep(0.01)
    os.kill(process.pid, signal.SIGKILL)
    process.wait()

    db = sqlite_utils.Database(db_path)
    kept = db["articles"].count
    assert 3 <= kept < ARTICLE_COUNT
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []
    # No half-stored article: each one kept has its mentions.
    assert (
        db.execute(
            "SELECT count(*) FROM articles WHERE id NOT IN (SELECT article_id FROM mentions)"
        ).fetchone()[0]
        == 0
    )
    killed_run = next(db["runs"].rows)
    assert killed_run["finished"] is None
    db.close()

    rerun = subprocess.run(ingest_command(db_path, folder), capture_output=True, text=True)
    assert rerun.returncode == 0, rerun.stderr
    assert f"stored {ARTICLE_COUNT - kept}, skipped {kept}, failed 0" in rerun.stdout

    db = sqlite_utils.Database(db_path)
    sources = [row[0] for row in db.execute("SELECT source FROM articles")]
    assert sorted(sources) == sorted(str(path) for path in folder.iterdir())
    hashes = db.execute("SELECT count(DISTINCT content_hash) FROM articles").fetchone()[0]
    assert hashes == ARTICLE_COUNT
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    for entity_id, mention_count, article_count in db.execute(
        "SELECT id, mention_count, article_count FROM entities"
    ).fetchall():
        counted = db.execute(
            "SELECT count(*), count(DISTINCT article_id) FROM mentions WHERE entity_id = ?",
            [entity_id],
        ).fetchone()
        assert (mention_count, article_count) == counted
