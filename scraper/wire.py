"""The wire service or original publisher behind a republished story."""

from __future__ import annotations

from collections.abc import Iterable


def detect_origin(lines: Iterable[str], publisher: str | None = None) -> str | None:
    """The wire service or original publisher named by bylines, datelines, credit or
    copyright lines ("(Reuters) -", "Copyright 2025 The Associated Press"), or None
    when the story is the publisher's own."""
    return None
