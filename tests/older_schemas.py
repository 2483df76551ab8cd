"""Databases as an older newsclaims wrote them, made by taking a current one back."""

from __future__ import annotations

from pathlib import Path

import sqlite_utils


def back_to_version_2(path: Path) -> Path:
    """Take a current database back to schema version 2: no copies table (what it held is
    lost), no story hashes, no count of copies on runs."""
    db = sqlite_utils.Database(path)
    db.execute("DROP TABLE copies")
    db.execute("DROP INDEX idx_articles_story_hash")
    db.execute("ALTER TABLE articles DROP COLUMN story_hash")
    db.execute("ALTER TABLE runs DROP COLUMN articles_copied")
    db.execute("PRAGMA user_version = 2")
    db.close()
    return path
