"""The records the scraper hands downstream: a clean article, or a failure."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field


@dataclass
class Article:
    """One article: its body text and the metadata found around it."""

    source: str
    url: str | None = None
    title: str | None = None
    text: str = ""
    published: str | None = None  # ISO 8601
    updated: str | None = None  # ISO 8601
    authors: list[str] = field(default_factory=list)
    publisher: str | None = None
    origin: str | None = None  # wire service or original publisher, e.g. "Reuters"
    language: str | None = None
    tags: list[str] = field(default_factory=list)
    description: str | None = None

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass
class Failure:
    """An input that could not be turned into an article, and why."""

    source: str
    error: str
    stage: str = "clean"

    def to_dict(self) -> dict:
        return {"source": self.source, "error": self.error}
