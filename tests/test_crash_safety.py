"""Crashes: an import killed (SIGKILL) at any moment leaves the database sound and each article
fully stored or absent, and running it again completes the batch without duplicates; an export
killed mid-way leaves no half-written report; a backup taken while someone writes is consistent."""
from __future__ import annotations

import json
import multiprocessing
import os
import random
import signal
import sqlite3
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from workbench.ingest import read_article
from workbench.service import extract_article
from workbench.store import check_db, open_db

WORKBENCH = Path(sys.executable).with_name("workbench")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
from written_articles import write_articles  # noqa: E402  (the benchmarks' article writer)


def _expected(folder: Path) -> dict[str, tuple[int, int]]:
    """sha256 → (claims, quotes) that a complete import stores for each article."""
    out = {}
    for path in sorted(folder.glob("*.txt")):
        article = read_article(path)
        extraction = extract_article(article)
        out[article.sha256] = (len(extraction.claims), len(extraction.quotes))
    return out


def _assert_sound(db_path: Path, expected: dict[str, tuple[int, int]]) -> int:
    """The database passes every check and each article is whole; returns how many are stored."""
    db = open_db(db_path)
    try:
        assert check_db(db) == []
        rows = db.execute(
            """SELECT a.sha256, SUM(c.kind != 'quote'), SUM(c.kind = 'quote') FROM articles a
               LEFT JOIN claims c ON c.article_id = a.id GROUP BY a.id""").fetchall()
        for sha, claims, quotes in rows:
            assert (claims or 0, quotes or 0) == expected[sha], f"article {sha[:8]} is half stored"
        assert len({r[0] for r in rows}) == len(rows)
        return len(rows)
    finally:
        db.conn.close()


def _die_after(conn: sqlite3.Connection, steps: int) -> None:
    """SIGKILL this process once SQLite has run about `steps` VM instructions on `conn`."""
    calls = [0]

    def tick() -> int:
        calls[0] += 1
        if calls[0] * 10 >= steps:
            os.kill(os.getpid(), signal.SIGKILL)
        return 0

    conn.set_progress_handler(tick, 10)


def _import_then_die(db_path: str, folder: str, after_steps: int) -> None:
    """Child: import the folder and SIGKILL itself after `after_steps` SQLite VM steps."""
    from workbench.service import import_paths
    from workbench.store import open_db

    db = open_db(db_path)
    _die_after(db.conn, after_steps)
    for _ in import_paths(db, [folder], "crasher"):
        pass
    os._exit(0)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    write_articles(tmp_path / "articles", 12, seed=3)
    return tmp_path / "articles"


def _steps_of_a_full_import(db_path: Path, folder: Path) -> int:
    from workbench.service import import_paths

    db = open_db(db_path)
    calls = [0]

    def tick() -> int:
        calls[0] += 1
        return 0

    db.conn.set_progress_handler(tick, 10)
    list(import_paths(db, [str(folder)], "counter"))
    db.conn.close()
    return calls[0] * 10


@pytest.mark.parametrize("fraction", [0.0005, 0.03, 0.2, 0.45, 0.7, 0.97])
def test_import_killed_inside_a_transaction_leaves_whole_articles_or_none(tmp_path, folder, fraction):
    """The kill lands at a chosen SQLite step of the import: the first insert, mid-batch, near the end."""
    db_path = tmp_path / "wb.db"
    expected = _expected(folder)
    after_steps = max(1, int(fraction * _steps_of_a_full_import(tmp_path / "count.db", folder)))
    child = multiprocessing.get_context("fork").Process(
        target=_import_then_die, args=(str(db_path), str(folder), after_steps))
    child.start()
    child.join(timeout=120)
    assert child.exitcode == -signal.SIGKILL
    stored = _assert_sound(db_path, expected)
    assert stored < len(expected)
    rerun = subprocess.run([str(WORKBENCH), "--db", str(db_path), "import", str(folder)], capture_output=True,
                           text=True, timeout=120)
    assert rerun.returncode == 0, rerun.stderr
    assert rerun.stdout.count("added:") == len(expected) - stored
    assert rerun.stdout.count("already present:") == stored
    assert _assert_sound(db_path, expected) == len(expected)


def test_cli_import_killed_at_random_moments_then_rerun_completes(tmp_path, folder):
    db_path = tmp_path / "wb.db"
    expected = _expected(folder)
    rng = random.Random(11)
    for _ in range(5):
        proc = subprocess.Popen([str(WORKBENCH), "--db", str(db_path), "import", str(folder)],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.05, 0.8))
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=60)
        check = subprocess.run([str(WORKBENCH), "--db", str(db_path), "db", "check"], capture_output=True,
                               text=True, timeout=60)
        assert (check.returncode, check.stdout.strip()) == (0, "ok"), check.stdout + check.stderr
        _assert_sound(db_path, expected)
    final = subprocess.run([str(WORKBENCH), "--db", str(db_path), "import", str(folder)], capture_output=True,
                           text=True, timeout=120)
    assert final.returncode == 0, final.stderr
    assert _assert_sound(db_path, expected) == len(expected)


def _migrate_then_die(db_path: str, after_steps: int) -> None:
    from sqlite_utils import Database

    from workbench.store import migrate, open_db
    from workbench.store.database import migration_files

    first = migration_files()[0].stem
    conn = sqlite3.connect(db_path, isolation_level=None)
    db = Database(conn)
    db.workbench_lock = __import__("threading").RLock()
    migrate(db, upto=first)
    _die_after(conn, after_steps)
    migrate(db)
    os._exit(0)


@pytest.mark.parametrize("after_steps", [20, 200, 1_000])
def test_upgrade_killed_midway_is_rolled_back_and_finished_on_next_open(tmp_path, after_steps):
    from workbench.store.database import migration_files

    if len(migration_files()) < 2:
        pytest.skip("only one migration: nothing to upgrade")
    db_path = tmp_path / "wb.db"
    child = multiprocessing.get_context("fork").Process(target=_migrate_then_die, args=(str(db_path), after_steps))
    child.start()
    child.join(timeout=120)
    assert child.exitcode == -signal.SIGKILL
    db = open_db(db_path)
    assert [r[0] for r in db.execute("SELECT name FROM _migrations ORDER BY name")] == [
        p.stem for p in migration_files()]
    assert check_db(db) == []


def _export_then_die(db_path: str, target: str, after_steps: int) -> None:
    from workbench.report import write_report
    from workbench.store import open_db

    db = open_db(db_path)
    _die_after(db.conn, after_steps)
    write_report(db, None, "json", target)
    os._exit(0)


@pytest.mark.parametrize("after_steps", [100, 3_000, 30_000])
def test_export_killed_midway_leaves_no_partial_report(tmp_path, folder, after_steps):
    pytest.importorskip("workbench.report")
    db_path = tmp_path / "wb.db"
    assert subprocess.run([str(WORKBENCH), "--db", str(db_path), "import", str(folder)],
                          capture_output=True, timeout=120).returncode == 0
    target = tmp_path / "out" / "report.json"
    child = multiprocessing.get_context("fork").Process(
        target=_export_then_die, args=(str(db_path), str(target), after_steps))
    child.start()
    child.join(timeout=120)
    if child.exitcode == -signal.SIGKILL:
        assert not target.exists()
    else:  # finished before the chosen step: then the report is whole
        assert json.loads(target.read_text(encoding="utf-8"))["articles"]
    leftovers = [p for p in target.parent.iterdir() if p != target] if target.parent.exists() else []
    assert all(stat.S_IMODE(p.stat().st_mode) == 0o600 for p in leftovers)
    assert _assert_sound(db_path, _expected(folder)) == len(_expected(folder))


def _keep_writing(db_path: str, claim_ids: list[int], stop_file: str) -> None:
    from workbench.store import add_note, open_db

    db = open_db(db_path)
    i = 0
    give_up = time.time() + 60
    while not os.path.exists(stop_file) and time.time() < give_up:
        add_note(db, claim_ids[i % len(claim_ids)], f"note {i} written during a backup", "writer")
        i += 1
    os._exit(0)


def test_backup_while_another_process_writes_is_consistent_and_private(tmp_path, folder):
    db_path = tmp_path / "wb.db"
    assert subprocess.run([str(WORKBENCH), "--db", str(db_path), "import", str(folder)],
                          capture_output=True, timeout=120).returncode == 0
    with sqlite3.connect(db_path) as conn:
        claim_ids = [r[0] for r in conn.execute("SELECT id FROM claims LIMIT 20")]
    stop_file = tmp_path / "stop"
    writer = multiprocessing.get_context("fork").Process(
        target=_keep_writing, args=(str(db_path), claim_ids, str(stop_file)))
    writer.start()
    copies = []
    try:
        for n in range(4):
            target = tmp_path / f"backup-{n}.db"
            proc = subprocess.run([str(WORKBENCH), "--db", str(db_path), "db", "backup", str(target)],
                                  capture_output=True, text=True, timeout=120)
            assert proc.returncode == 0, proc.stderr
            copies.append(target)
    finally:
        stop_file.touch()
        writer.join(timeout=60)
    assert writer.exitcode == 0
    notes_seen = []
    for target in copies:
        assert stat.S_IMODE(target.stat().st_mode) == 0o600
        copy = open_db(target)
        assert check_db(copy) == []
        notes_seen.append(copy.execute("SELECT COUNT(*) FROM events WHERE action = 'note'").fetchone()[0])
        copy.conn.close()
    assert notes_seen == sorted(notes_seen)
    assert notes_seen[-1] > 0, "the writer never wrote while backups ran"
