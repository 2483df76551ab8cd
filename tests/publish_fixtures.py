"""A small but complete corpus for the publishing tests, written through the real store.

The articles are invented; their claims are given by hand (no spaCy), so the tests know
exactly what every page must show. One article carries markup in its title, text and URL
to prove the site escapes what it shows, and so does one of the two further appearances
(copies) of the Coastline Courier's wire story.
"""

from __future__ import annotations

import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path

import httpx

from corpus.schema import open_database
from corpus.store import Store, start_run
from extract.analyze import Analysis
from extract.records import Claim, Entity, Mention
from scraper.article import Article

LETTER_SENTENCE = (
    "Ohio, Michigan and Vermont blocked the Federal Freight Safety Board from their port "
    "inspection records, a letter from the three governors said on Tuesday."
)
SEARCHES_SENTENCE = (
    "The Federal Freight Safety Board, known as the FFSB, ran nearly 12,000 searches of "
    "the records last year."
)
WHITFIELD_SENTENCE = (
    '"We will not hand over records we cannot protect," said Dana Whitfield, the Ohio '
    "transport director."
)
PORTS_TEXT = f"{LETTER_SENTENCE}\n\n{SEARCHES_SENTENCE}\n\n{WHITFIELD_SENTENCE}"

WIRE_SENTENCE = (
    "(Reuters) - The Federal Freight Safety Board did not return messages seeking comment "
    "on the letter."
)
WIRE_REST = "Vermont will review the rules again in May, officials said."

SCRIPT_SENTENCE = "Marlow Industries will close its Dayton plant <script>alert('x')</script>."
SCRIPT_TEXT = f"{SCRIPT_SENTENCE}\n\nThe company employs 300 people in the city."


def mentions(text: str, name: str) -> tuple[Mention, ...]:
    """Every place `name` occurs in `text`."""
    found, start = [], text.find(name)
    while start >= 0:
        found.append(Mention(name, start, start + len(name)))
        start = text.find(name, start + 1)
    return tuple(found)


def entity(text: str, name: str, label: str, *aliases: str) -> Entity:
    every = mentions(text, name) + tuple(m for alias in aliases for m in mentions(text, alias))
    return Entity(name, label, aliases, every)


def evidence(text: str, sentence: str) -> dict:
    start = text.index(sentence)
    return {"sentence": sentence, "start": start, "end": start + len(sentence)}


def ports_article() -> tuple[Article, Analysis]:
    text = PORTS_TEXT
    letter = evidence(text, LETTER_SENTENCE)
    blocks = [
        Claim(
            "relation",
            **letter,
            subject=state,
            subject_entity=state,
            predicate="block",
            object="the Federal Freight Safety Board",
            object_entity="Federal Freight Safety Board",
            speaker="a letter from the three governors",
            cue="say",
            confidence=0.8,
        )
        for state in ("Ohio", "Michigan", "Vermont")
    ]
    searches = Claim(
        "quantity",
        **evidence(text, SEARCHES_SENTENCE),
        subject="The Federal Freight Safety Board",
        subject_entity="Federal Freight Safety Board",
        value="nearly 12,000",
        number=12000.0,
        unit="searches",
        confidence=0.7,
    )
    quote = Claim(
        "quote",
        **evidence(text, WHITFIELD_SENTENCE),
        quote="We will not hand over records we cannot protect,",
        speaker="Dana Whitfield",
        speaker_entity="Dana Whitfield",
        cue="say",
        confidence=0.9,
    )
    entities = [
        entity(text, "Ohio", "GPE"),
        entity(text, "Michigan", "GPE"),
        entity(text, "Vermont", "GPE"),
        entity(text, "Federal Freight Safety Board", "ORG", "FFSB"),
        entity(text, "Dana Whitfield", "PERSON"),
    ]
    article = Article(
        source="https://www.northgazette.example/2026/03/04/ports-records",
        url="https://www.northgazette.example/2026/03/04/ports-records",
        title="Three states block freight board from port records",
        text=text,
        published="2026-03-04T09:00:00+00:00",
        authors=["Lena Ortiz"],
        publisher="North Gazette",
        language="en",
        tags=["ports", "records"],
    )
    return article, Analysis(entities, [*blocks, searches, quote])


def wire_article(publisher: str, domain: str, closing: str) -> tuple[Article, Analysis]:
    """The same Reuters story as a site republishes it, with the site's own closing line."""
    text = f"{WIRE_SENTENCE}\n\n{WIRE_REST}\n\n{closing}"
    no_reply = Claim(
        "relation",
        **evidence(text, WIRE_SENTENCE),
        subject="The Federal Freight Safety Board",
        subject_entity="Federal Freight Safety Board",
        predicate="return",
        object="messages",
        negated=True,
        confidence=0.8,
    )
    review = Claim(
        "relation",
        **evidence(text, WIRE_REST),
        subject="Vermont",
        subject_entity="Vermont",
        predicate="review",
        object="the rules",
        modality="will",
        speaker="officials",
        cue="say",
        confidence=0.6,
    )
    entities = [
        entity(text, "Federal Freight Safety Board", "ORG"),
        entity(text, "Vermont", "GPE"),
        entity(text, "Reuters", "ORG"),
    ]
    article = Article(
        source=f"https://{domain}/world/freight-board-silent",
        url=f"https://{domain}/world/freight-board-silent",
        title="Freight board silent on states' letter",
        text=text,
        published="2026-04-02T14:30:00+00:00",
        publisher=publisher,
        origin="Reuters",
        language="en",
    )
    return article, Analysis(entities, [no_reply, review])


def script_article() -> tuple[Article, Analysis]:
    """An article whose title, text and URL hold markup that must be shown as text."""
    text = SCRIPT_TEXT
    closure = Claim(
        "relation",
        **evidence(text, SCRIPT_SENTENCE),
        subject="Marlow Industries",
        subject_entity="Marlow Industries",
        predicate="close",
        object="its Dayton plant <script>alert('x')</script>",
        modality="will",
        confidence=0.5,
    )
    entities = [entity(text, "Marlow Industries", "ORG"), entity(text, "Dayton", "GPE")]
    article = Article(
        source="javascript:alert(1)",
        url="javascript:alert(1)",
        title="Plant <script>alert('title')</script> closing",
        text=text,
        published="2026-04-20T08:00:00+00:00",
        publisher="Dayton <b>Daily</b>",
        language="en",
    )
    return article, Analysis(entities, [closure])


def wire_copies() -> list[Article]:
    """The Coastline Courier's wire story as two more sites ran it, word for word."""
    coastline, _ = wire_article(
        "Coastline Courier", "www.coastlinecourier.example", "Editing by K. Dunn"
    )
    return [
        replace(
            coastline,
            source="https://lakeshoretimes.example/wire/freight-board",
            url="https://lakeshoretimes.example/wire/freight-board?utm_source=rss",
            title="Freight board says nothing on letter",
            published="2026-04-03T09:00:00+00:00",
            publisher="Lakeshore Times",
        ),
        replace(
            coastline,
            source="javascript:alert(2)",
            url="javascript:alert(2)",
            title="Freight <script>alert('copy')</script> board",
            published="2026-04-04T09:00:00+00:00",
            publisher="Ridge <b>Report</b>",
        ),
    ]


def build_corpus(path: Path) -> Path:
    """Write the fixture corpus to `path` and return it."""
    db = open_database(path)
    run_id = start_run(db, {"inputs": "[]"})
    store = Store(db, run_id)
    for article, analysis in (
        ports_article(),
        wire_article("Coastline Courier", "www.coastlinecourier.example", "Editing by K. Dunn"),
        wire_article("Valley Post", "valleypost.example", "Copyright Reuters 2026"),
        script_article(),
    ):
        store.store(article, analysis)
    for copy in wire_copies():
        store.record_copy(copy)
    db.close()
    return path


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def running_server(db_path: Path, timeout: float = 60.0) -> Iterator[str]:
    """`newsclaims serve` on a free local port, as a subprocess; yields its base URL."""
    port = free_port()
    command = Path(sys.executable).with_name("newsclaims")
    args = [str(command), "serve", str(db_path), "--host", "127.0.0.1", "--port", str(port)]
    # the server's log goes to a file: a pipe nobody reads would fill and stall it
    with tempfile.TemporaryFile() as log:
        server = subprocess.Popen(args, stdout=log, stderr=subprocess.STDOUT)
        try:
            base = f"http://127.0.0.1:{port}"
            wait_until_up(server, base, log, timeout)
            yield base
        finally:
            server.terminate()
            try:
                server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()


def wait_until_up(server: subprocess.Popen, base: str, log, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while True:
        if server.poll() is not None:
            log.seek(0)
            raise RuntimeError(f"newsclaims serve exited: {log.read().decode()}")
        try:
            httpx.get(f"{base}/-/versions.json", timeout=2, trust_env=False)
            return
        except httpx.TransportError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)
