"""Several reviewers on one database file at once: separate processes (each with its own
connection, as separate CLIs and TUIs have) write together and nothing is lost, nothing fails
with "database is locked", and stale edits are refused rather than silently overwriting."""
from __future__ import annotations

import json
import multiprocessing
import os
import random
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from workbench.errors import Conflict
from workbench.ingest import parse_article
from workbench.service import extract_article
from workbench.store import check_db, get_claim, list_claims, open_db, set_verdict, store_article

WORKBENCH = Path(sys.executable).with_name("workbench")
PROCESSES = 4
ACTIONS = 50

TEXT = """Ferry timetable cut as fuel costs rise 18%
By Lena Ward
2 February 2024

CARRICK BAY: The ferry company will run 14 crossings a day from March, down from 22, after fuel costs rose 18% in a year.

"We lose about £9,000 on every empty sailing," said Tomás Reyes, the union general secretary.

About 3,100 passengers used the route each day in 2023, a third fewer than in 2019.

The council said it would spend £1.5m on a replacement service for the outer islands.
"""


def _seed(path: Path) -> list[int]:
    db = open_db(path)
    article = parse_article(TEXT.encode(), origin="ferry.txt")
    result = store_article(db, article, extract_article(article), "importer")
    ids = [c["id"] for c in list_claims(db, result.article_id)]
    db.conn.close()
    return ids


def _reviewer_process(path: str, reviewer: str, claim_ids: list[int], actions: int, seed: int, out) -> None:
    """Plain CLI-style actions (no expected version): every one must land."""
    from workbench.store import add_note, add_source, open_db, set_verdict

    rng = random.Random(seed)
    db = open_db(path)
    done = {"verdict": 0, "note": 0, "source": 0, "errors": []}
    for i in range(actions):
        claim = rng.choice(claim_ids)
        action = ("verdict", "note", "source")[i % 3]
        try:
            if action == "verdict":
                set_verdict(db, claim, rng.choice(["true", "false", "half-true", "unproven"]), reviewer)
            elif action == "note":
                add_note(db, claim, f"{reviewer} note {i}", reviewer)
            else:
                add_source(db, claim, f"https://example.org/{reviewer}/{i}", reviewer, stance="context")
            done[action] += 1
        except Exception as exc:  # counted, not raised: the parent asserts there were none
            done["errors"].append(f"{type(exc).__name__}: {exc}")
    out.put((reviewer, done))


def _editor_process(path: str, reviewer: str, claim_id: int, attempts: int, out) -> None:
    """TUI-style edits: read the row, then write with the version that was read."""
    from workbench.errors import Conflict
    from workbench.store import get_claim, open_db, set_verdict

    db = open_db(path)
    applied = refused = 0
    errors = []
    for i in range(attempts):
        shown = get_claim(db, claim_id)["version"]
        try:
            set_verdict(db, claim_id, ("true", "false")[i % 2], reviewer, expected_version=shown)
            applied += 1
        except Conflict:
            refused += 1
        except Exception as exc:
            errors.append(f"{type(exc).__name__}: {exc}")
    out.put((reviewer, applied, refused, errors))


def _run_processes(target, arglists) -> list:
    ctx = multiprocessing.get_context("fork")
    out = ctx.Queue()
    procs = [ctx.Process(target=target, args=(*args, out)) for args in arglists]
    for p in procs:
        p.start()
    results = [out.get(timeout=300) for _ in procs]
    for p in procs:
        p.join(timeout=60)
        assert p.exitcode == 0
    return results


def test_concurrent_reviewers_lose_nothing_and_never_see_locked(tmp_path):
    path = tmp_path / "wb.db"
    claim_ids = _seed(path)
    results = _run_processes(_reviewer_process, [
        (str(path), f"reviewer{n}", claim_ids, ACTIONS, n) for n in range(PROCESSES)])
    errors = [e for _, done in results for e in done["errors"]]
    assert errors == []
    db = open_db(path)
    total = PROCESSES * ACTIONS
    assert sum(done["verdict"] + done["note"] + done["source"] for _, done in results) == total
    # each action bumped one claim's version once and wrote one event
    assert db.execute("SELECT SUM(version - 1) FROM claims").fetchone()[0] == total
    assert db.execute("SELECT COUNT(*) FROM events WHERE reviewer LIKE 'reviewer%'").fetchone()[0] == total
    # every appended note is still there
    notes = "\n".join(r[0] or "" for r in db.execute("SELECT note FROM claims"))
    for reviewer, done in results:
        assert sum(f"{reviewer} note " in line for line in notes.splitlines()) == done["note"]
    links = db.execute("SELECT COUNT(*) FROM claim_sources").fetchone()[0]
    assert links == sum(done["source"] for _, done in results)
    assert check_db(db) == []


def test_racing_tui_edits_are_applied_or_refused_never_silently_overwritten(tmp_path):
    path = tmp_path / "wb.db"
    claim_id = _seed(path)[0]
    attempts = 40
    results = _run_processes(_editor_process, [(str(path), f"editor{n}", claim_id, attempts) for n in range(3)])
    assert [e for *_, errors in results for e in errors] == []
    applied = sum(r[1] for r in results)
    assert applied + sum(r[2] for r in results) == 3 * attempts
    db = open_db(path)
    claim = get_claim(db, claim_id)
    assert claim["version"] == 1 + applied
    # each applied edit's event starts from the version the one before it produced: no lost update
    befores = [r[0] for r in db.execute(
        "SELECT json_extract(before, '$.version') FROM events WHERE claim_id = ? ORDER BY id", [claim_id])]
    assert befores == list(range(1, applied + 1))


def test_threads_sharing_one_connection_do_not_interleave_transactions(tmp_path):
    """The TUI's worker threads share one connection; each action is still its own transaction."""
    path = tmp_path / "wb.db"
    claim_ids = _seed(path)
    db = open_db(path)
    errors: list[str] = []

    def work(n: int) -> None:
        from workbench.store import add_note

        for i in range(25):
            try:
                add_note(db, claim_ids[i % len(claim_ids)], f"thread {n} note {i}", f"thread{n}")
            except Exception as exc:
                errors.append(repr(exc))

    threads = [threading.Thread(target=work, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert db.execute("SELECT COUNT(*) FROM events WHERE action = 'note'").fetchone()[0] == 100
    assert db.execute("SELECT SUM(version - 1) FROM claims").fetchone()[0] == 100


def test_concurrent_cli_commands_all_succeed(tmp_path):
    """The real program, several at once: each exits 0 and each change is in the log."""
    path = tmp_path / "wb.db"
    claim_ids = _seed(path)
    env = {**os.environ, "WORKBENCH_DB": str(path)}
    commands = []
    for n in range(8):
        claim = str(claim_ids[n % len(claim_ids)])
        commands.append(["--reviewer", f"cli{n}", "note", claim, f"cli note {n}"])
        commands.append(["--reviewer", f"cli{n}", "verdict", claim, "unproven"])
        commands.append(["--reviewer", f"cli{n}", "source", "add", claim, f"https://example.org/cli/{n}"])
    procs = [subprocess.Popen([str(WORKBENCH), *args], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              text=True) for args in commands]
    outcomes = [(p.wait(timeout=300), p.stderr.read()) for p in procs]
    for p in procs:
        p.stdout.close()
        p.stderr.close()
    assert [err for code, err in outcomes if code != 0] == []
    db = open_db(path)
    assert db.execute("SELECT COUNT(*) FROM events WHERE reviewer LIKE 'cli%'").fetchone()[0] == len(commands)
    assert check_db(db) == []


@pytest.mark.parametrize("openers", [8])
def test_many_processes_creating_the_same_new_database_at_once(tmp_path, openers):
    """First use by several reviewers at once: migrations run once, nobody fails."""
    path = tmp_path / "new.db"
    env = {**os.environ, "WORKBENCH_DB": str(path)}
    procs = [subprocess.Popen([str(WORKBENCH), "articles", "--json"], env=env, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True) for _ in range(openers)]
    outcomes = [(p.wait(timeout=300), p.stderr.read()) for p in procs]
    for p in procs:
        p.stdout.close()
        p.stderr.close()
    assert [err for code, err in outcomes if code != 0] == []
    db = open_db(path)
    names = [r[0] for r in db.execute("SELECT name FROM _migrations")]
    assert len(names) == len(set(names))
    assert db.execute("SELECT COUNT(*) FROM verdicts").fetchone()[0] >= 7
    assert check_db(db) == []


def test_reading_commands_open_the_database_while_another_process_holds_a_long_write(tmp_path):
    """A big import keeps the write lock for minutes; `articles` and `claims` (and the TUI's first screen)
    only read, so they must not wait for it, and never end in "the database stayed busy"."""
    path = tmp_path / "wb.db"
    claim_ids = _seed(path)
    writer = sqlite3.connect(str(path), isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")
    writer.execute("UPDATE articles SET headline = headline")
    try:
        started = time.monotonic()
        done = subprocess.run([str(WORKBENCH), "--db", str(path), "claims", "1", "--json"], capture_output=True,
                              text=True, timeout=60)
        took = time.monotonic() - started
    finally:
        writer.execute("ROLLBACK")
        writer.close()
    assert done.returncode == 0, done.stderr
    assert set(claim_ids) <= {c["id"] for c in json.loads(done.stdout)}
    assert took < 5  # busy waits and retries took 44 s, then failed


def test_an_import_holds_the_write_lock_only_to_write_its_rows(tmp_path):
    """Every other reviewer's save waits while an import holds the lock. The rows' search text (each
    claim's sentence, normalised) was built inside it, once per claim: a 1 MB article held the lock 27 s,
    21 of them normalising. Watched with a profiler hook (nothing of ours replaced): no normalising
    while the transaction is open."""
    clauses = [f"spending rose by {n} per cent to £{n}.2bn in {1990 + n % 30} while {n}00 people attended"
               for n in range(1, 40)]
    article = parse_article(f"Spending report\n\n{'; '.join(clauses)}.\n".encode(), origin="long.txt")
    extraction = extract_article(article)
    db = open_db(tmp_path / "wb.db")
    normalised_in_transaction = []

    def watch(frame, event, arg):
        if event == "call" and frame.f_code.co_name == "normalise" and \
                frame.f_globals["__name__"] == "workbench.textnorm":
            normalised_in_transaction.append(db.conn.in_transaction)

    sys.setprofile(watch)
    try:
        store_article(db, article, extraction, "ann")
    finally:
        sys.setprofile(None)
    assert normalised_in_transaction and not any(normalised_in_transaction)
    # one sentence holding every claim is normalised once per block of it (store.articles.CONTEXT), not once
    # per claim: each claim's own text, then each block, or pair of blocks where a claim crosses between two
    from workbench.store.articles import CONTEXT

    blocks = len(article.body) // CONTEXT + 1
    assert len(normalised_in_transaction) <= len(extraction.claims) + len(extraction.quotes) + 2 * blocks
    assert db.execute("SELECT COUNT(*) FROM claims WHERE search_text LIKE '% | %'").fetchone()[0] == len(
        extraction.claims) + len(extraction.quotes)
