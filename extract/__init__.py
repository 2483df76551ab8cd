"""extract: entities and claims (relations, quotes, quantities) from article text."""

from extract.analyze import Analysis, analyze_articles, analyze_text
from extract.nlp import load_pipeline
from extract.records import Claim, Entity, Mention

__all__ = [
    "Analysis",
    "Claim",
    "Entity",
    "Mention",
    "analyze_articles",
    "analyze_text",
    "load_pipeline",
]
