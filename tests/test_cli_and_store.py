"""The CLI contract and the store's invariants: real CLI in a subprocess, real SQLite files."""
from __future__ import annotations

import json
import os
import sqlite3
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from workbench.errors import Conflict, SchemaTooNew
from workbench.store import (
    add_note, backup_db, check_db, get_claim, list_claims, migrate, open_db, set_note, set_verdict,
)
from workbench.store.database import migration_files

SAMPLES = Path(__file__).resolve().parents[1] / "sample_articles"
SEED = SAMPLES / "syria-homs-2015-11-24.txt"


def run(db: Path, *args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "workbench.cli", "--db", str(db), "--reviewer", "ann", *args],
                          capture_output=True, input=stdin)


def one_line_error(done: subprocess.CompletedProcess) -> str:
    err = done.stderr.decode()
    assert done.returncode == 1, err
    assert "Traceback" not in err
    assert len(err.strip().splitlines()) == 1, err
    return err


def test_import_prints_added_then_already_present(tmp_path):
    db = tmp_path / "wb.db"
    first = run(db, "import", str(SEED))
    assert first.returncode == 0
    assert first.stdout.decode().startswith("added: #1 Syrian troops advance in Homs")
    again = run(db, "import", str(SEED))
    assert again.stdout.decode().startswith("already present: #1")
    assert json.loads(run(db, "articles", "--json").stdout)[0]["id"] == 1
    assert len(json.loads(run(db, "articles", "--json").stdout)) == 1


def test_import_from_stdin_and_a_folder(tmp_path):
    db = tmp_path / "wb.db"
    assert run(db, "import", "-", stdin=SEED.read_bytes()).returncode == 0
    done = run(db, "import", str(SAMPLES))
    assert done.returncode == 0
    lines = done.stdout.decode().splitlines()
    assert len(lines) == len(list(SAMPLES.glob("*.*")))
    assert sum(line.startswith("already present") for line in lines) == 1  # the seed came in on stdin


@pytest.mark.parametrize(
    "name, data, says",
    [("empty.txt", b"", "empty"), ("photo.txt", b"\x89PNG\r\n\x1a\n" + bytes(200), "binary"),
     ("random.txt", bytes(range(256)) * 20, "binary")],
    ids=["empty", "png", "random"],
)
def test_bad_files_exit_1_with_one_line_and_store_nothing(tmp_path, name, data, says):
    db = tmp_path / "wb.db"
    path = tmp_path / name
    path.write_bytes(data)
    assert says in one_line_error(run(db, "import", str(path)))
    assert json.loads(run(db, "articles", "--json").stdout) == []


def test_file_over_the_limit_and_missing_path_are_refused(tmp_path):
    db = tmp_path / "wb.db"
    big = tmp_path / "big.txt"
    big.write_bytes(b"The council said 40 homes flooded. " * 3000)
    assert "--max-bytes" in one_line_error(run(db, "import", "--max-bytes", "50000", str(big)))
    assert "no such file" in one_line_error(run(db, "import", str(tmp_path / "missing.txt")))


def test_a_batch_imports_the_good_files_and_exit_says_some_failed(tmp_path):
    db = tmp_path / "wb.db"
    (tmp_path / "bad.txt").write_bytes(b"")
    done = run(db, "import", str(SEED), str(tmp_path / "bad.txt"))
    assert done.returncode == 1
    assert "1 of 2 files failed" in done.stderr.decode()
    assert len(json.loads(run(db, "articles", "--json").stdout)) == 1


@pytest.mark.parametrize("args", [("verdict", "99999", "true"), ("claims", "424242"), ("history", "5000"),
                                  ("note", "777", "x"), ("source", "add", "888", "https://example.org")])
def test_unknown_ids_exit_1_with_one_line(tmp_path, args):
    db = tmp_path / "wb.db"
    run(db, "import", str(SEED))
    assert "no " in one_line_error(run(db, *args))


def test_usage_errors_exit_2(tmp_path):
    assert run(tmp_path / "wb.db", "verdict").returncode == 2
    assert run(tmp_path / "wb.db", "nosuchcommand").returncode == 2


def test_claims_json_shape(tmp_path):
    db = tmp_path / "wb.db"
    run(db, "import", str(SEED))
    claims = json.loads(run(db, "claims", "1", "--json").stdout)
    keys = {"id", "kind", "text", "start", "end", "value", "speaker", "verdict", "note"}
    assert claims and all(keys <= set(c) for c in claims)
    quotes = json.loads(run(db, "claims", "1", "--kind", "quote", "--json").stdout)
    assert {q["speaker"] for q in quotes} >= {"David Cameron", "state television"}


def test_db_path_check_backup_and_private_files(tmp_path):
    db = tmp_path / "wb.db"
    run(db, "import", str(SEED))
    assert run(db, "db", "path").stdout.decode().strip() == str(db)
    assert run(db, "db", "check").stdout.decode().strip() == "ok"
    assert run(db, "db", "backup", str(tmp_path / "copy.db")).returncode == 0
    for path in (db, tmp_path / "copy.db"):
        assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    copy = open_db(tmp_path / "copy.db")
    assert copy["articles"].count == 1 and check_db(copy) == []
    assert "--force" in one_line_error(run(db, "db", "backup", str(tmp_path / "copy.db")))


def test_stale_edit_is_refused_and_writes_nothing(tmp_path):
    db = open_db(tmp_path / "wb.db")
    run(tmp_path / "wb.db", "import", str(SEED))
    claim = list_claims(db, 1)[0]
    set_verdict(db, claim["id"], "true", "bob")
    with pytest.raises(Conflict) as refused:
        set_note(db, claim["id"], "mine", "ann", expected_version=claim["version"])
    assert refused.value.current["reviewer"] == "bob"
    assert refused.value.attempted == {"note": "mine"}
    assert get_claim(db, claim["id"])["note"] is None


def test_cli_notes_append_and_the_old_text_is_in_the_log(tmp_path):
    db = open_db(tmp_path / "wb.db")
    run(tmp_path / "wb.db", "import", str(SEED))
    claim_id = list_claims(db, 1)[0]["id"]
    add_note(db, claim_id, "first", "ann")
    add_note(db, claim_id, "second", "bob")
    assert get_claim(db, claim_id)["note"] == "first\n\nsecond"
    history = json.loads(run(tmp_path / "wb.db", "history", str(claim_id), "--json").stdout)
    notes = [e for e in history if e["action"] == "note"]
    assert notes[1]["before"]["note"] == "first" and notes[1]["reviewer"] == "bob"


def test_migrations_from_empty_and_from_the_previous_version(tmp_path):
    names = [p.stem for p in migration_files()]
    fresh = open_db(tmp_path / "fresh.db")
    assert [r["name"] for r in fresh.query("SELECT name FROM _migrations ORDER BY name")] == names
    # a database made by the previous schema version, with data in it
    conn = sqlite3.connect(tmp_path / "old.db")
    conn.close()
    os.chmod(tmp_path / "old.db", 0o600)
    from sqlite_utils import Database
    import threading
    old = Database(sqlite3.connect(str(tmp_path / "old.db"), isolation_level=None, check_same_thread=False))
    old.workbench_lock = threading.RLock()
    migrate(old, upto=names[-2])
    # rows written as the previous version wrote them (its columns only)
    body = "LONDON: Officials said 130 people were hurt on Monday."
    old.execute("INSERT INTO articles (id, headline, body, sha256, imported_at, imported_by) "
                "VALUES (1, 'Old', ?, 'abc123', '2020-01-01', 'ann')", [body])
    old.execute("INSERT INTO events (at, reviewer, action, table_name, row_id) "
                "VALUES ('2020-01-01', 'ann', 'import', 'articles', 1)")
    old.execute('INSERT INTO claims (article_id, kind, text, start, "end", sentence_start, sentence_end, sentence) '
                "VALUES (1, 'count', '130 people', 23, 33, 0, 54, ?)", [body])
    before = [(c[0], c[1]) for c in old.execute("SELECT id, text FROM claims").fetchall()]
    old.conn.close()
    upgraded = open_db(tmp_path / "old.db")
    assert [(c["id"], c["text"]) for c in list_claims(upgraded, 1)] == before
    assert check_db(upgraded) == []
    from workbench.search import search_claims
    assert [r["text"] for r in search_claims(upgraded, "130 people hurt")] == ["130 people"]  # backfilled


def test_database_from_a_newer_version_is_refused(tmp_path):
    db = open_db(tmp_path / "wb.db")
    db.execute("INSERT INTO _migrations VALUES ('9999_from_the_future', '2030-01-01')")
    db.conn.close()
    with pytest.raises(SchemaTooNew):
        open_db(tmp_path / "wb.db")
    assert "newer Claim Workbench" in one_line_error(run(tmp_path / "wb.db", "articles"))


def test_backup_while_another_process_writes(tmp_path):
    db_path = tmp_path / "wb.db"
    run(db_path, "import", str(SAMPLES))
    writer = subprocess.Popen([sys.executable, "-c", f"""
import sys
from workbench.store import open_db, list_claims, add_note
db = open_db({str(db_path)!r})
ids = [c['id'] for c in list_claims(db, 1)]
for i in range(300):
    add_note(db, ids[i % len(ids)], f'note {{i}}', 'writer')
"""])
    db = open_db(db_path)
    copies = [backup_db(db, tmp_path / f"copy{i}.db") for i in range(5)]
    writer.wait(timeout=120)
    assert writer.returncode == 0
    for copy in copies:
        assert check_db(open_db(copy)) == []
