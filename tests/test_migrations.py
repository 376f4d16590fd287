"""Schema migrations: a new database gets every migration once; a database made by any older
version upgrades without losing a row (written so it holds whatever the newest migration is);
an upgrade killed half-way finishes on the next open; a database from a newer version is refused."""
from __future__ import annotations

import multiprocessing
import os
import signal
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from sqlite_utils import Database

from workbench.errors import SchemaTooNew
from workbench.store import check_db, get_claim, migrate, open_db
from workbench.store.database import migration_files

WORKBENCH = Path(sys.executable).with_name("workbench")
MIGRATIONS = [p.stem for p in migration_files()]
BODY = ("KINGSMERE: The council spent £4.2m on road repairs in 2023, up 15% on the year before. "
        '"We fixed 9,000 potholes," said Helen Marsh, the council leader.')


def _database_at(path: Path, upto: str) -> Database:
    """A database migrated only as far as `upto`, as an older Claim Workbench left it."""
    db = Database(sqlite3.connect(str(path), isolation_level=None))
    db.workbench_lock = threading.RLock()
    migrate(db, upto=upto)
    return db


def _fill_old_database(db: Database) -> None:
    """Rows written with the first schema's columns only: an article, claims, a review, a source, events."""
    c = db.conn
    c.execute("""INSERT INTO articles (id, headline, published, body, sha256, imported_at, imported_by, origin)
                 VALUES (1, 'Road repairs cost £4.2m', '2024-01-09', ?, 'ab12' || hex(randomblob(30)),
                         '2024-01-10T09:00:00+00:00', 'alice', 'roads.txt')""", [BODY])
    spans = [("money", "£4.2m"), ("percent", "15%"), ("quote", '"We fixed 9,000 potholes,"')]
    for n, (kind, text) in enumerate(spans, start=1):
        start = BODY.index(text)
        c.execute("""INSERT INTO claims (id, article_id, kind, text, start, "end", sentence_start, sentence_end,
                                         sentence, value, speaker, origin, status, version, updated_at)
                     VALUES (?, 1, ?, ?, ?, ?, 0, ?, ?, ?, ?, 'auto', 'open', 1, '2024-01-10T09:00:00+00:00')""",
                  [n, kind, text, start, start + len(text), len(BODY), BODY,
                   '{"number": 4200000, "currency": "GBP"}' if kind == "money" else None,
                   "Helen Marsh" if kind == "quote" else None])
    c.execute("""UPDATE claims SET verdict = 'mostly-true', status = 'reviewed', note = 'budget book p. 12',
                 reviewer = 'alice', version = 2 WHERE id = 1""")
    c.execute("""INSERT INTO sources (id, url, title, accessed_at, added_by, added_at)
                 VALUES (1, 'https://example.org/budget', 'Budget book', '2024-01-10', 'alice', '2024-01-10')""")
    c.execute("""INSERT INTO claim_sources (claim_id, source_id, stance, excerpt, added_by, added_at)
                 VALUES (1, 1, 'supports', 'Roads: £4.2m', 'alice', '2024-01-10')""")
    c.execute("""INSERT INTO events (at, reviewer, action, table_name, row_id, claim_id, before, after) VALUES
                 ('2024-01-10T09:00:00+00:00', 'alice', 'import', 'articles', 1, NULL, NULL, '{}'),
                 ('2024-01-10T09:05:00+00:00', 'alice', 'verdict', 'claims', 1, 1,
                  '{"verdict": null, "version": 1}', '{"verdict": "mostly-true", "version": 2}')""")
    if "search_text" in {col.name for col in db["claims"].columns}:
        # a version that had search stored each claim's normalised text when it imported the claim
        from workbench.textnorm import search_text

        for claim_id, text, sentence, speaker in c.execute("SELECT id, text, sentence, speaker FROM claims").fetchall():
            c.execute("UPDATE claims SET search_text = ? WHERE id = ?", [search_text(text, sentence or "", speaker),
                                                                         claim_id])


def _snapshot(db: Database) -> dict[str, list]:
    """Every row of the first schema's tables, in the first schema's columns."""
    tables = {"articles": "id, headline, published, body, sha256, imported_by, origin",
              "claims": 'id, article_id, kind, text, start, "end", value, speaker, verdict, note, status, version',
              "sources": "id, url, title", "claim_sources": "claim_id, source_id, stance, excerpt",
              "events": "id, reviewer, action, claim_id, before, after", "verdicts": "key, label, rating_value"}
    return {t: db.execute(f"SELECT {cols} FROM {t} ORDER BY 1").fetchall() for t, cols in tables.items()}


def test_a_new_database_gets_every_migration_once(tmp_path):
    db = open_db(tmp_path / "wb.db")
    assert [r[0] for r in db.execute("SELECT name FROM _migrations ORDER BY name")] == MIGRATIONS
    assert {"articles", "claims", "sources", "claim_sources", "verdicts", "events"} <= set(db.table_names())
    assert db.execute("SELECT COUNT(*) FROM verdicts").fetchone()[0] >= 7
    assert migrate(db) == []
    db.conn.close()
    assert migrate(open_db(tmp_path / "wb.db")) == []


@pytest.mark.parametrize("older", MIGRATIONS[:-1] or ["(only one migration)"])
def test_a_database_from_an_older_version_upgrades_without_loss(tmp_path, older):
    if older not in MIGRATIONS:
        pytest.skip("only one migration so far: no older schema to upgrade from")
    path = tmp_path / "old.db"
    old = _database_at(path, older)
    _fill_old_database(old)
    before = _snapshot(old)
    old.conn.close()
    db = open_db(path)
    assert [r[0] for r in db.execute("SELECT name FROM _migrations ORDER BY name")] == MIGRATIONS
    assert _snapshot(db) == before
    assert check_db(db) == []
    claim = get_claim(db, 1)
    assert (claim["verdict"], claim["note"], claim["version"]) == ("mostly-true", "budget book p. 12", 2)


def test_the_upgraded_database_is_searchable_when_search_exists(tmp_path):
    search = pytest.importorskip("workbench.search")
    if len(MIGRATIONS) < 2:
        pytest.skip("no newer migration")
    path = tmp_path / "old.db"
    old = _database_at(path, MIGRATIONS[0])
    _fill_old_database(old)
    old.conn.close()
    db = open_db(path)
    assert [r["id"] for r in search.search_claims(db, "9,000 potholes")][:1] == [3]


def _upgrade_then_die(path: str, after_ticks: int) -> None:
    db = Database(sqlite3.connect(path, isolation_level=None))
    db.workbench_lock = threading.RLock()
    ticks = [0]

    def tick() -> int:
        ticks[0] += 1
        if ticks[0] >= after_ticks:
            os.kill(os.getpid(), signal.SIGKILL)
        return 0

    db.conn.set_progress_handler(tick, 5)
    migrate(db)
    os._exit(0)


@pytest.mark.parametrize("after_ticks", [1, 20, 60, 120, 240, 372, 420, 470])
def test_an_upgrade_killed_at_any_step_finishes_cleanly_on_next_open(tmp_path, after_ticks):
    """Killed in a migration's DDL or in the data backfill that follows it: the next open completes."""
    if len(MIGRATIONS) < 2:
        pytest.skip("no newer migration")
    path = tmp_path / "old.db"
    old = _database_at(path, MIGRATIONS[0])
    _fill_old_database(old)
    before = _snapshot(old)
    old.conn.close()
    child = multiprocessing.get_context("fork").Process(target=_upgrade_then_die, args=(str(path), after_ticks))
    child.start()
    child.join(timeout=120)
    db = open_db(path)
    assert [r[0] for r in db.execute("SELECT name FROM _migrations ORDER BY name")] == MIGRATIONS
    assert _snapshot(db) == before
    assert check_db(db) == []


def test_a_database_from_a_newer_version_is_refused_untouched(tmp_path):
    path = tmp_path / "future.db"
    db = open_db(path)
    db.execute("INSERT INTO _migrations (name, applied_at) VALUES ('9999_from_the_future', '2030-01-01')")
    db.conn.close()
    size = path.stat().st_size
    with pytest.raises(SchemaTooNew, match="newer Claim Workbench.*9999_from_the_future.*upgrade"):
        open_db(path)
    proc = subprocess.run([str(WORKBENCH), "--db", str(path), "articles"], capture_output=True, text=True,
                          timeout=60)
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1
    assert "newer Claim Workbench" in proc.stderr
    assert path.stat().st_size == size
