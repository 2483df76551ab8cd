"""A database from an older newsclaims is migrated; one newsclaims does not know (another
program's, a newer version's, not SQLite at all) is refused with a clear message and
left byte for byte as it was."""

import hashlib

import pytest
import sqlite_utils
from click.testing import CliRunner
from older_schemas import back_to_version_2

from corpus.fingerprint import story_hash
from corpus.schema import APPLICATION_ID, SCHEMA_VERSION, VIEWS, SchemaError, open_database
from corpus.store import content_hash
from newsclaims.cli import cli


def fingerprint(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


WIRE_STORY = (
    "LISBON, March 3 (Reuters) - Portugal's ferry operator will raise fares by 8% in May, "
    "its chief executive said on Tuesday.\n\n"
    "(Reporting by Ines Duarte; Editing by Tom Hale)"
)


def version_2_database(path):
    """A database as newsclaims wrote it at schema version 2: no copies, no story hash,
    holding one run and one article."""
    open_database(path).close()
    db = sqlite_utils.Database(back_to_version_2(path))
    run_id = db["runs"].insert({"started": "2026-03-03T10:00:00+00:00"}).last_pk
    db["articles"].insert(
        {
            "source": "ferry.txt",
            "title": "Ferry fares to rise",
            "text": WIRE_STORY,
            "content_hash": content_hash(WIRE_STORY),
            "run_id": run_id,
        }
    )
    db.close()
    return path


def version_1_database(path):
    """A database as newsclaims wrote it at schema version 1: entities had no attributes."""
    version_2_database(path)
    db = sqlite_utils.Database(path)
    db.execute("DROP VIEW claims_readable")  # the view names entities' columns
    db["entities"].transform(drop={"attributes"})
    db.create_view("claims_readable", "SELECT id AS claim_id, kind FROM claims")
    db["entities"].insert(
        {"key": "person:ron wyden", "name": "Ron Wyden", "label": "PERSON", "aliases": "[]"}
    )
    db.execute("PRAGMA user_version = 1")
    db.close()
    return path


def test_a_new_database_gets_the_current_schema(tmp_path):
    db = open_database(tmp_path / "new.db")
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert db.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    assert "attributes" in db["entities"].columns_dict


def test_a_version_1_database_is_migrated_keeping_its_rows(tmp_path):
    path = version_1_database(tmp_path / "old.db")
    db = open_database(path)
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert "attributes" in db["entities"].columns_dict
    assert [row["name"] for row in db["entities"].rows] == ["Ron Wyden"]
    assert db["claims_readable"].schema.endswith(VIEWS["claims_readable"])


def test_a_version_2_database_gets_copies_and_story_hashes_keeping_its_rows(tmp_path):
    path = version_2_database(tmp_path / "old.db")
    db = open_database(path)
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    [row] = db["articles"].rows
    assert (row["title"], row["text"]) == ("Ferry fares to rise", WIRE_STORY)
    assert row["story_hash"] == story_hash(WIRE_STORY) != row["content_hash"]
    assert db["runs"].count == 1 and "articles_copied" in db["runs"].columns_dict
    assert db["copies"].count == 0
    assert {fk.other_table for fk in db["copies"].foreign_keys} == {"articles", "outlets", "runs"}
    # full-text search still follows the rows
    assert [found["title"] for found in db["articles"].search("ferry")] == [row["title"]]


def test_another_programs_database_is_refused_untouched(tmp_path):
    path = tmp_path / "other.db"
    sqlite_utils.Database(path)["dogs"].insert({"name": "Cleo"})
    before = fingerprint(path)
    result = CliRunner().invoke(cli, ["stats", "--db", str(path)])
    assert result.exit_code == 1
    assert "not a newsclaims database" in result.output
    assert fingerprint(path) == before


def test_a_database_from_a_newer_newsclaims_is_refused_untouched(tmp_path):
    path = tmp_path / "newer.db"
    open_database(path).close()
    sqlite_utils.Database(path).execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    before = fingerprint(path)
    with pytest.raises(SchemaError, match="newer than this newsclaims"):
        open_database(path)
    assert fingerprint(path) == before


def test_a_file_that_is_not_sqlite_is_refused_untouched(tmp_path):
    path = tmp_path / "notes.db"
    path.write_text("these are my notes, not a database\n" * 20)
    before = fingerprint(path)
    result = CliRunner().invoke(cli, ["ingest", "--db", str(path), "--raw", str(path)])
    assert result.exit_code == 1
    assert "not an SQLite database" in result.output
    assert fingerprint(path) == before
