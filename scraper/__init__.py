"""scraper: news pages (URLs, saved HTML, whole-page text dumps) to clean articles."""

from scraper.article import Article, Failure
from scraper.pipeline import clean_inputs

__all__ = ["Article", "Failure", "clean_inputs"]
