"""Entities of an article, made canonical (one record per real-world entity)."""

from __future__ import annotations

from spacy.tokens import Doc

from extract.records import Entity, Mention


def article_entities(doc: Doc) -> list[Entity]:
    """The canonical entities of a parsed article, with every mention."""
    grouped: dict[tuple[str, str], list[Mention]] = {}
    for ent in doc.ents:
        grouped.setdefault((ent.text, ent.label_), []).append(
            Mention(ent.text, ent.start_char, ent.end_char)
        )
    return [Entity(name, label, (), tuple(ms)) for (name, label), ms in grouped.items()]
