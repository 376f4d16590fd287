"""The database as `workbench search` opens it (db_reader.py): plain sqlite3 when the schema is current,
else store.open_db, which migrates, creates, or says in one line what is wrong. Real files, the real CLI."""
from __future__ import annotations

import sqlite3
import subprocess
import sys

import pytest

from workbench.db_reader import known_migrations, open_for_reading
from workbench.search import search_claims
from workbench.service import import_paths
from workbench.store import open_db

ARTICLE = """Ferry fares rise again

By A Reporter
October 5, 2025

Ferry fares to Skelmay island will rise by 12 per cent from January, the operator said.
"""


def _search(db_path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "workbench.cli", "--db", str(db_path), "search", *args],
                          capture_output=True, text=True)


@pytest.fixture
def library(tmp_path):
    db = open_db(tmp_path / "news.db")
    (tmp_path / "ferry.txt").write_text(ARTICLE, encoding="utf-8")
    list(import_paths(db, [str(tmp_path / "ferry.txt")], "ann"))
    db.conn.close()
    return tmp_path / "news.db"


def test_a_current_database_is_read_through_plain_sqlite3(library):
    conn = open_for_reading(library)
    assert isinstance(conn, sqlite3.Connection)  # not sqlite-utils' Database
    [best, *_] = search_claims(conn, "Skelmay ferry fares 12%")
    assert best["text"] == "12 per cent"


def test_a_database_a_migration_behind_is_migrated_before_the_search(library):
    conn = sqlite3.connect(library)
    # as 0006 finds a database: no sentence index (the recipe of test_search_fusion)
    for statement in ("DROP TRIGGER sentence_words_ai", "DROP TRIGGER sentence_words_au", "DROP INDEX claims_sentence",
                      "DROP TABLE sentence_words", "DELETE FROM _migrations WHERE name = '0006_search_sentences'"):
        conn.execute(statement)
    conn.commit()
    conn.close()
    db = open_for_reading(library)
    assert not isinstance(db, sqlite3.Connection)  # store.open_db's Database, which applied the missing one
    assert {r[0] for r in db.execute("SELECT name FROM _migrations")} == known_migrations()
    run = _search(library, "Skelmay 12 per cent")
    assert run.returncode == 0 and "12 per cent" in run.stdout


def test_a_newer_workbenchs_database_is_refused_in_one_line(library):
    conn = sqlite3.connect(library)
    conn.execute("INSERT INTO _migrations VALUES ('9999_from_the_future', '2030-01-01')")
    conn.commit()
    conn.close()
    run = _search(library, "Skelmay")
    assert run.returncode == 1 and run.stdout == ""
    assert run.stderr.count("\n") == 1 and "newer Claim Workbench" in run.stderr


def test_a_new_path_is_created_as_before_and_finds_nothing(tmp_path):
    run = _search(tmp_path / "fresh.db", "Skelmay")
    assert run.returncode == 0 and run.stdout.strip() == "No matching claims."
    assert (tmp_path / "fresh.db").stat().st_size > 0


@pytest.mark.parametrize("content, says", [(b"", "empty file"), (b"not a database at all" * 10, "not a SQLite database")])
def test_a_file_that_is_no_database_is_one_line_and_exit_1(tmp_path, content, says):
    path = tmp_path / "notes.db"
    path.write_bytes(content)
    run = _search(path, "Skelmay")
    assert run.returncode == 1 and run.stderr.count("\n") == 1 and says in run.stderr
    assert path.read_bytes() == content  # left as it was


def test_a_folder_given_as_the_database_is_refused_as_before(tmp_path):
    assert _search(tmp_path, "Skelmay").returncode == 2  # click's own check of --db, before any opening
    with pytest.raises(Exception, match="is a folder"):
        open_for_reading(tmp_path)


def test_filters_are_checked_on_the_plain_connection_too(library):
    run = _search(library, "Skelmay", "--verdict", "banana")
    assert run.returncode == 1 and "unknown verdict 'banana'" in run.stderr
    run = _search(library, "Skelmay", "--since", "20/11/2015")
    assert run.returncode == 1 and "is not a date" in run.stderr
    run = _search(library, "Skelmay", "--since", "2025-10", "--json")
    assert run.returncode == 0 and '"12 per cent"' in run.stdout


def test_a_claim_another_connection_imports_is_found_by_a_connection_that_searched_before(library, tmp_path):
    reader = open_for_reading(library)
    assert search_claims(reader, "Skelmay 12 per cent")  # the look-ups of this database are remembered now
    assert search_claims(reader, "Brackwater lake") == []
    writer = open_db(library)
    (tmp_path / "lake.txt").write_text(ARTICLE.replace("Ferry fares to Skelmay island", "Boat fares to Brackwater lake")
                                       .replace("12 per cent", "30 per cent"), encoding="utf-8")
    list(import_paths(writer, [str(tmp_path / "lake.txt")], "ann"))
    assert {r["text"] for r in search_claims(reader, "Brackwater lake")} == {"30 per cent", "from January"}


def test_a_claim_the_same_connection_imports_is_found_after_it_searched(tmp_path):
    db = open_db(tmp_path / "one.db")
    assert search_claims(db, "Skelmay 12 per cent") == []
    (tmp_path / "ferry.txt").write_text(ARTICLE, encoding="utf-8")
    list(import_paths(db, [str(tmp_path / "ferry.txt")], "ann"))
    [best, *_] = search_claims(db, "Skelmay 12 per cent")
    assert best["text"] == "12 per cent"
