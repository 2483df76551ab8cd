"""Datasette plugin that publishes a newsclaims corpus (registered as an entry point).

A claim's row page shows its evidence highlighted inside the article text, with the
article's title, outlet, date and original link; an article's row page lists its claims
and the other outlets that published the same story;
claim ids in query results link to the claim's page. Article text is never trusted: every
piece of it goes through `markupsafe.escape`, and only the highlight tags are markup.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from datasette import hookimpl
from markupsafe import Markup, escape

from corpus.publish.facets import MonthFacet

# Article pages list at most this many claims; the rest are one click away.
ARTICLE_CLAIMS_SHOWN = 500
# Article pages list at most this many further appearances of the story.
ARTICLE_COPIES_SHOWN = 200
# Result columns that hold a claim id and so link to the claim's page.
CLAIM_ID_COLUMNS = frozenset({"claim_id", "example_claim_id"})
DASH = "\u2014"

# The names of the entities a claim's words stand for ("he" -> Ryan Shapiro).
ENTITY_NAMES = """
  (select name from entities where id = claims.subject_entity_id) as subject_name,
  (select name from entities where id = claims.object_entity_id) as object_name,
  (select name from entities where id = claims.speaker_entity_id) as speaker_name
"""

CLAIM_SQL = f"""
select claims.*, articles.title as article_title, articles.text as article_text,
  articles.url as article_url, articles.published as article_published,
  articles.origin as article_origin, outlets.name as outlet, {ENTITY_NAMES}
from claims
join articles on articles.id = claims.article_id
left join outlets on outlets.id = articles.outlet_id
where claims.id = :id
"""

ARTICLE_CLAIMS_SQL = f"""
select id, kind, subject, predicate, object, negated, modality, speaker, cue, quote, value,
  unit, sentence, {ENTITY_NAMES}
from claims where article_id = :id order by start, id limit {ARTICLE_CLAIMS_SHOWN + 1}
"""

ARTICLE_COPIES_SQL = f"""
select copies.title, copies.url, copies.source, copies.published, outlets.name as outlet
from copies left join outlets on outlets.id = copies.outlet_id
where copies.article_id = :id order by copies.published, copies.id
limit {ARTICLE_COPIES_SHOWN + 1}
"""


def highlighted_text(text: str, start: int | None, end: int | None, sentence: str | None) -> Markup:
    """The article text, escaped, with the evidence wrapped in <mark id="claim-evidence">.

    Offsets outside the text (a corpus from an older run, a hand-edited row) fall back to
    the first place the sentence occurs; with neither, the text is shown unmarked.
    """
    if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text)):
        found = text.find(sentence) if sentence else -1
        if found < 0:
            return escape(text)
        start, end = found, found + len(sentence)
    return Markup('{}<mark id="claim-evidence">{}</mark>{}').format(
        text[:start], text[start:end], text[end:]
    )


def web_link(url: str | None) -> str | None:
    """The URL when it is an http(s) link, else None: a stored URL is never trusted."""
    if url and urlsplit(url.strip()).scheme.lower() in ("http", "https"):
        return url.strip()
    return None


def named(words: str | None, name: str | None) -> str | None:
    """Words as written, with the entity they stand for when the words do not name it."""
    if name and (not words or name.casefold() not in words.casefold()):
        return f"{words} [{name}]" if words else name
    return words


def claim_summary(claim: dict) -> str:
    """A claim as one line of plain text (escaped by the template)."""
    subject = named(claim["subject"], claim["subject_name"])
    speaker = named(claim["speaker"], claim["speaker_name"])
    if claim["kind"] == "quote":
        body = f"\u201c{claim['quote'] or ''}\u201d"
    elif claim["kind"] == "quantity":
        body = " ".join(part for part in (claim["value"], claim["unit"]) if part)
        if subject:
            body += f" {DASH} {subject}"
    else:
        negation = "not " if claim["negated"] else ""
        modality = f"{claim['modality']} " if claim["modality"] else ""
        obj = named(claim["object"], claim["object_name"]) or DASH
        body = f"({subject or DASH}, {modality}{negation}{claim['predicate']}, {obj})"
    if speaker:
        body += f" {DASH} according to {speaker}"
    return body


def row_id(request) -> int | None:
    """The integer primary key of the row page being shown, if it has one."""
    try:
        return int(request.url_vars["pks"])
    except (KeyError, TypeError, ValueError):
        return None


async def claim_page_vars(datasette, database: str, claim_id: int) -> dict:
    rows = await datasette.get_database(database).execute(CLAIM_SQL, {"id": claim_id})
    if not rows:
        return {}
    claim = dict(rows.first())
    return {
        "newsclaims_claim": {
            "summary": claim_summary(claim),
            "kind": claim["kind"],
            "title": claim["article_title"],
            "outlet": claim["outlet"],
            "origin": claim["article_origin"],
            "published": claim["article_published"],
            "url": claim["article_url"],
            "link": web_link(claim["article_url"]),
            "article_path": datasette.urls.row(database, "articles", str(claim["article_id"])),
            "sources_path": datasette.urls.query(database, "sources_behind_claim")
            + f"?claim_id={claim_id}",
            "text": highlighted_text(
                claim["article_text"] or "", claim["start"], claim["end"], claim["sentence"]
            ),
        }
    }


async def article_page_vars(datasette, database: str, article_id: int) -> dict:
    db = datasette.get_database(database)
    rows = await db.execute(ARTICLE_CLAIMS_SQL, {"id": article_id})
    # A corpus from before schema version 3 has no copies table.
    copies = []
    if await db.table_exists("copies"):
        copies = (await db.execute(ARTICLE_COPIES_SQL, {"id": article_id})).rows
    claims = [
        {
            "path": datasette.urls.row(database, "claims", str(row["id"])),
            "id": row["id"],
            "kind": row["kind"],
            "summary": claim_summary(dict(row)),
            "sentence": row["sentence"],
        }
        for row in rows.rows[:ARTICLE_CLAIMS_SHOWN]
    ]
    return {
        "newsclaims_article_claims": claims,
        "newsclaims_more_claims": len(rows.rows) > ARTICLE_CLAIMS_SHOWN,
        "newsclaims_all_claims_path": datasette.urls.table(database, "claims")
        + f"?article_id={article_id}",
        "newsclaims_copies": [
            {
                "outlet": row["outlet"],
                "title": row["title"],
                "published": row["published"],
                "url": row["url"] or row["source"],
                "link": web_link(row["url"]),
            }
            for row in copies[:ARTICLE_COPIES_SHOWN]
        ],
        "newsclaims_more_copies": len(copies) > ARTICLE_COPIES_SHOWN,
        "newsclaims_all_copies_path": datasette.urls.table(database, "copies")
        + f"?article_id={article_id}",
    }


@hookimpl
def extra_template_vars(view_name, database, table, request, datasette):
    if view_name != "row" or table not in ("claims", "articles") or request is None:
        return {}
    pk = row_id(request)
    if pk is None:
        return {}

    async def page_vars():
        if table == "claims":
            return await claim_page_vars(datasette, database, pk)
        return await article_page_vars(datasette, database, pk)

    return page_vars


@hookimpl
def render_cell(value, column, database, datasette):
    # Canned queries and views return claim ids: one click to the claim and its sentence.
    if column in CLAIM_ID_COLUMNS and isinstance(value, int):
        path = datasette.urls.row(database, "claims", str(value))
        return Markup('<a href="{}">{}</a>').format(path, value)
    return None


@hookimpl
def register_facet_classes():
    return [MonthFacet]
