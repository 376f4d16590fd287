"""The store's promises to reviewers: versions refuse stale edits and write nothing, plain
commands never conflict, notes append, every change has an audit event with who/when/before/after,
undo is itself an event, the log is append-only and `check_db` finds broken invariants."""
from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from workbench.errors import Conflict, WorkbenchError
from workbench.ingest import parse_article
from workbench.service import extract_article
from workbench.store import (
    add_note, add_source, check_db, claim_history, get_claim, list_claims, open_db, reject_claim, set_note,
    set_verdict, store_article, undo_last,
)

WORKBENCH = Path(sys.executable).with_name("workbench")

TEXT = """Bridge repairs to cost £3.2m, council says
By Sam Idris
4 June 2023

NORTHWICK: Repairs to the Old Mill bridge will cost £3.2m, about 40% more than the figure given in 2022.

"We have no choice but to close it for six weeks," said Owen Lindqvist, the head of planning.

About 12,000 vehicles a day cross the bridge, according to a traffic count in May.
"""


@pytest.fixture
def store(tmp_path: Path):
    db = open_db(tmp_path / "wb.db")
    article = parse_article(TEXT.encode(), origin="bridge.txt")
    result = store_article(db, article, extract_article(article), "importer")
    claims = list_claims(db, result.article_id)
    return db, tmp_path / "wb.db", claims[0]["id"]


def _events(db) -> int:
    return db.execute("SELECT COUNT(*) FROM events").fetchone()[0]


def test_open_db_uses_wal_foreign_keys_and_a_busy_timeout(store):
    db, _, _ = store
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert db.execute("PRAGMA busy_timeout").fetchone()[0] >= 1000


def test_stale_expected_version_is_refused_and_nothing_is_written(store):
    db, _, claim_id = store
    shown = get_claim(db, claim_id)["version"]
    set_verdict(db, claim_id, "true", "alice", expected_version=shown)
    before_events = _events(db)
    row_before = get_claim(db, claim_id)
    with pytest.raises(Conflict) as refused:
        set_verdict(db, claim_id, "false", "bob", note="bob's reasoning", expected_version=shown)
    assert "alice" in str(refused.value)
    assert refused.value.attempted["verdict"] == "false"
    assert refused.value.current["verdict"] == "true"
    assert get_claim(db, claim_id) == row_before
    assert _events(db) == before_events
    for stale_edit in (lambda: set_note(db, claim_id, "x", "bob", expected_version=shown),
                       lambda: reject_claim(db, claim_id, "bob", expected_version=shown)):
        with pytest.raises(Conflict):
            stale_edit()
    assert get_claim(db, claim_id) == row_before


def test_edit_with_the_current_version_applies_and_bumps_the_version(store):
    db, _, claim_id = store
    v = get_claim(db, claim_id)["version"]
    row = set_verdict(db, claim_id, "mostly-true", "alice", expected_version=v)
    assert (row["verdict"], row["version"], row["reviewer"]) == ("mostly-true", v + 1, "alice")


def test_plain_note_verdict_and_source_apply_to_the_current_version(store):
    db, _, claim_id = store
    set_verdict(db, claim_id, "true", "alice")
    add_note(db, claim_id, "alice checked the budget papers", "alice")
    add_note(db, claim_id, "bob rang the council press office", "bob")
    set_verdict(db, claim_id, "half-true", "bob", note="the 2022 figure excluded VAT")
    add_source(db, claim_id, "https://example.org/budget", "carol", stance="supports")
    row = get_claim(db, claim_id)
    assert row["verdict"] == "half-true"
    assert row["note"] == ("alice checked the budget papers\n\nbob rang the council press office\n\n"
                           "the 2022 figure excluded VAT")
    assert row["version"] == 6


def test_every_change_has_one_event_with_who_when_before_and_after(store):
    db, _, claim_id = store
    set_verdict(db, claim_id, "true", "alice")
    add_note(db, claim_id, "first", "bob")
    add_source(db, claim_id, "https://example.org/a", "carol", title="A", stance="refutes")
    events = [e for e in claim_history(db, claim_id) if e["claim_id"] == claim_id]
    assert [(e["action"], e["reviewer"]) for e in events] == [("verdict", "alice"), ("note", "bob"),
                                                                ("source", "carol")]
    assert events[0]["before"]["verdict"] is None and events[0]["after"]["verdict"] == "true"
    assert events[1]["after"]["note_edit"] == {"at": 0, "removed": "", "inserted": "first"}
    assert events[2]["after"]["url"] == "https://example.org/a"
    assert [e["after"]["version"] for e in events] == [2, 3, 4]
    assert all(e["at"] for e in events)
    assert check_db(db) == []


def test_undo_restores_the_old_value_and_is_itself_an_event(store):
    db, _, claim_id = store
    add_note(db, claim_id, "keep this", "alice")
    set_verdict(db, claim_id, "false", "alice")
    result = undo_last(db, "alice")
    assert result["undone"] == "verdict"
    row = get_claim(db, claim_id)
    assert row["verdict"] is None and row["note"] == "keep this"
    history = claim_history(db, claim_id)
    undo = history[-1]
    assert undo["action"] == "undo" and undo["reviewer"] == "alice"
    assert undo["undoes"] == history[-2]["id"]
    assert undo["before"]["verdict"] == "false" and undo["after"]["verdict"] is None
    assert check_db(db) == []


def test_undo_is_refused_when_someone_changed_the_claim_since(store):
    db, _, claim_id = store
    set_verdict(db, claim_id, "false", "alice")
    add_note(db, claim_id, "bob disagrees", "bob")
    with pytest.raises(Conflict):
        undo_last(db, "alice")
    assert get_claim(db, claim_id)["verdict"] == "false"


def test_undo_twice_steps_back_through_the_reviewers_own_actions(store):
    db, _, claim_id = store
    set_verdict(db, claim_id, "unproven", "alice")
    reject_claim(db, claim_id, "alice")
    assert undo_last(db, "alice")["undone"] == "reject"
    # the claim changed after the verdict only by alice's reject and its undo: nothing of anyone else's
    assert undo_last(db, "alice")["undone"] == "verdict"
    row = get_claim(db, claim_id)
    assert row["verdict"] is None and row["status"] == "open"
    assert check_db(db) == []


def test_undo_is_still_refused_when_another_reviewer_acted_between(store):
    db, _, claim_id = store
    set_verdict(db, claim_id, "unproven", "alice")
    add_note(db, claim_id, "bob was here", "bob")
    reject_claim(db, claim_id, "alice")
    assert undo_last(db, "alice")["undone"] == "reject"
    with pytest.raises(Conflict):
        undo_last(db, "alice")
    assert get_claim(db, claim_id)["verdict"] == "unproven"


def test_undo_with_nothing_to_undo_is_a_clear_refusal(store):
    db, _, _ = store
    with pytest.raises(WorkbenchError, match="nothing of yours to undo"):
        undo_last(db, "nobody")


def test_the_audit_log_is_append_only(store):
    db, _, claim_id = store
    set_verdict(db, claim_id, "true", "alice")
    for sql in ("UPDATE events SET reviewer = 'mallory'", "DELETE FROM events"):
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            db.execute(sql)


def test_an_article_body_never_changes(store):
    db, _, _ = store
    with pytest.raises(sqlite3.IntegrityError, match="never changes"):
        db.execute("UPDATE articles SET body = 'rewritten'")


def test_failed_action_leaves_no_half_written_rows(store):
    db, _, claim_id = store
    before = (get_claim(db, claim_id), _events(db))
    with pytest.raises(WorkbenchError):
        set_verdict(db, 987654, "true", "alice")
    with pytest.raises(WorkbenchError):
        add_source(db, claim_id, "ftp://nope", "alice")
    assert (get_claim(db, claim_id), _events(db)) == before
    assert not db.conn.in_transaction


def test_history_json_from_the_cli_shows_who_when_before_after(store):
    _, path, claim_id = store
    env = {**os.environ, "WORKBENCH_DB": str(path)}

    def run(*args: str, reviewer: str = "alice") -> subprocess.CompletedProcess:
        return subprocess.run([str(WORKBENCH), "--reviewer", reviewer, *args], capture_output=True, text=True,
                              env=env, timeout=120)

    assert run("verdict", str(claim_id), "false").returncode == 0
    assert run("note", str(claim_id), "from the minutes", reviewer="bob").returncode == 0
    assert run("source", "add", str(claim_id), "https://example.org/minutes", "--stance", "refutes").returncode == 0
    assert run("undo").returncode == 0
    proc = run("history", str(claim_id), "--json")
    assert proc.returncode == 0, proc.stderr
    events = [e for e in json.loads(proc.stdout) if e["claim_id"] == claim_id]
    assert [(e["action"], e["reviewer"]) for e in events] == [
        ("verdict", "alice"), ("note", "bob"), ("source", "alice"), ("undo", "alice")]
    for e in events:
        assert {"at", "reviewer", "action", "before", "after"} <= set(e)
    assert events[1]["after"]["note_edit"]["inserted"] == "from the minutes"
    assert events[3]["undoes"] == events[2]["id"]
    text = run("history", str(claim_id)).stdout
    assert "bob" in text and "from the minutes" in text


def test_check_finds_a_version_without_an_event(store):
    db, _, claim_id = store
    db.execute("UPDATE claims SET version = version + 3 WHERE id = ?", [claim_id])
    assert any(p.startswith(f"audit: claim {claim_id}") for p in check_db(db))


def test_check_finds_a_search_index_out_of_step(store):
    db, _, claim_id = store
    if "claims_fts" not in db.table_names():
        pytest.skip("no search index in this schema")
    db.execute("DROP TRIGGER claims_au")
    db.execute("UPDATE claims SET search_text = 'something else entirely' WHERE id = ?", [claim_id])
    assert any(p.startswith("search index") for p in check_db(db))


def test_wal_and_shared_memory_files_are_private_too(tmp_path):
    old = os.umask(0)
    try:
        db = open_db(tmp_path / "wb.db")
        db.execute("INSERT INTO sources (url, added_by, added_at) VALUES ('https://example.org', 'a', 'now')")
    finally:
        os.umask(old)
    companions = [tmp_path / "wb.db-wal", tmp_path / "wb.db-shm"]
    assert all(p.exists() for p in companions)
    for p in [tmp_path / "wb.db", *companions]:
        assert oct(p.stat().st_mode & 0o777) == oct(0o600), p


def test_a_failed_commit_is_rolled_back_and_later_actions_still_commit(store):
    """SQLite's deferred foreign keys make COMMIT itself fail; the connection must not stay in that transaction."""
    from workbench.store import transaction

    db, path, claim_id = store
    with pytest.raises(sqlite3.IntegrityError):
        with transaction(db) as conn:
            conn.execute("PRAGMA defer_foreign_keys = ON")
            conn.execute("""INSERT INTO claim_sources (claim_id, source_id, stance, added_by, added_at)
                            VALUES (?, 424242, 'context', 'x', 'now')""", [claim_id])
    assert not db.conn.in_transaction
    add_note(db, claim_id, "after the failed commit", "alice")
    with sqlite3.connect(path) as other:
        assert other.execute("SELECT note FROM claims WHERE id = ?", [claim_id]).fetchone()[0] == \
            "after the failed commit"
        assert other.execute("SELECT COUNT(*) FROM claim_sources").fetchone()[0] == 0
