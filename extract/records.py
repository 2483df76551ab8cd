"""The small immutable records that extraction returns. Offsets are characters
in the article text, so any interface can highlight the evidence."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field


@dataclass(frozen=True)
class Claim:
    """One claim as spec/claims.md defines it; fields a kind does not use are None."""

    kind: str  # "relation" | "quote" | "quantity"
    sentence: str
    start: int  # offsets of the evidence (the sentence, or the quote's sentences)
    end: int
    subject: str | None = None
    subject_entity: str | None = None  # canonical name of the entity the subject is or stands for
    predicate: str | None = None
    object: str | None = None
    object_entity: str | None = None
    negated: bool = False
    modality: str | None = None
    speaker: str | None = None
    speaker_entity: str | None = None
    cue: str | None = None
    quote: str | None = None
    value: str | None = None
    number: float | None = None
    unit: str | None = None
    confidence: float = 0.5

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class Mention:
    """Where an entity is named in the article."""

    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Entity:
    """An entity made canonical within one article."""

    name: str  # canonical name, e.g. "U.S. Immigration and Customs Enforcement"
    label: str  # spaCy label: PERSON, ORG, GPE, NORP, ...
    aliases: tuple[str, ...] = ()  # other names in the article, e.g. ("ICE",)
    mentions: tuple[Mention, ...] = ()
    attributes: dict = field(default_factory=dict)  # e.g. {"title": "Sen.", "party": "D"}

    def to_dict(self) -> dict:
        return asdict(self)
