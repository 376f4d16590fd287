"""A long import (issue 17): progress on stderr, ctrl+c leaves nothing behind, and "seen before" matching
whose work does not grow with the new article's own claims. The real CLI in a subprocess, real SQLite."""
from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from workbench import search
from workbench.ingest import read_article
from workbench.search import ClaimPool, link_seen_before, matching_claims
from workbench.service import extract_article
from workbench.store import open_db, set_verdict, store_article

WORKBENCH = [sys.executable, "-m", "workbench.cli"]
TOWNS = ["Harrowby", "Lindale", "Port Cassel", "Ormsby", "Wetherall", "Dunmere", "Kelso Bay", "Ashcombe"]
PEOPLE = [("Mara Quill", "the council leader"), ("Tobias Fenn", "the finance chief"), ("Ines Varga", "the mayor")]
MONTHS = ["January", "March", "May", "July", "September", "November"]


def long_article(size: int, seed: int = 5) -> str:
    """A made-up report of about `size` characters: figures, dates and quotes in every paragraph."""
    rng = random.Random(seed)
    parts = ["Flood repair costs keep climbing\nBy Nadia Brook\n12 March 2024\n"]
    total = len(parts[0])
    while total < size:
        town, month, (name, role) = rng.choice(TOWNS), rng.choice(MONTHS), rng.choice(PEOPLE)
        paragraph = (
            f"In {town}, {rng.randint(200, 9000):,} homes were flooded in {month}, and repairs have cost "
            f"£{rng.randint(2, 90)}m so far, {rng.randint(3, 40)}% more than planned in {rng.randint(2001, 2022)}. "
            f'"We cannot rebuild {rng.randint(3, 60)} streets on promises," said {name}, {role}. '
            f"Insurers paid out on {rng.randint(10, 900)} claims within {rng.randint(2, 9)} weeks.")
        parts.append(paragraph)
        total += len(paragraph) + 2
    return "\n\n".join(parts) + "\n"


@pytest.fixture(scope="module")
def big_file(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("big") / "long report.txt"
    path.write_text(long_article(540_000), encoding="utf-8")  # over the 500,000 characters that count as large
    return path


def run(db: Path, *args: str, **kw) -> subprocess.CompletedProcess:
    env = {**os.environ, "WORKBENCH_DB": str(db), "WORKBENCH_REVIEWER": "tester"}
    return subprocess.run([*WORKBENCH, *args], capture_output=True, text=True, env=env, timeout=600, **kw)


def counts(db: Path) -> dict[str, int]:
    conn = sqlite3.connect(db)
    try:
        return {t: conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]
                for t in ("articles", "claims", "events", "claim_matches", "factcheck_matches")}
    finally:
        conn.close()


def desk(tmp_path: Path) -> Path:
    """A database with one article whose claims are reviewed: an import then matches every claim to them."""
    db = tmp_path / "desk.db"
    small = tmp_path / "earlier.txt"
    small.write_text(long_article(1_500, seed=1), encoding="utf-8")
    assert run(db, "import", str(small)).returncode == 0
    conn = open_db(db)
    for (claim_id,) in conn.execute("SELECT id FROM claims LIMIT 3").fetchall():
        set_verdict(conn, claim_id, "true", "tester")
    conn.conn.close()
    return db


def test_a_large_import_reports_its_stages_on_stderr_and_stores_the_whole_article(tmp_path, big_file):
    db = tmp_path / "wb.db"
    done = run(db, "import", str(big_file))
    assert done.returncode == 0, done.stderr
    assert done.stdout.count("\n") == 1 and done.stdout.startswith("added: #1 Flood repair costs keep climbing")
    lines = done.stderr.splitlines()
    assert all(line.startswith("workbench: ") and "long report.txt" in line for line in lines), lines
    for stage in ("extracting claims and quotes… 0%", "extracting claims and quotes… 80%", "storing… 0%"):
        assert any(line.endswith(stage) for line in lines), (stage, lines)
    assert "\r" not in done.stderr  # not a terminal: a line a stage, as a log keeps it
    # complete: every claim and quote the extractor finds is stored
    extraction = extract_article(read_article(big_file))
    stored = counts(db)
    assert stored["articles"] == 1
    assert stored["claims"] == len(extraction.claims) + len(extraction.quotes) > 5_000


def test_small_files_and_json_output_carry_no_progress(tmp_path):
    small = tmp_path / "short.txt"
    small.write_text(long_article(3_000), encoding="utf-8")
    done = run(tmp_path / "wb.db", "import", "--json", str(small))
    assert done.returncode == 0 and done.stderr == ""
    (result,) = json.loads(done.stdout)
    assert result["added"] is True and result["claims"] > 10


def interrupt_at(db: Path, path: Path, stage: str) -> tuple[int, str]:
    """Start an import, send SIGINT once stderr names `stage`; the exit status and everything on stderr."""
    env = {**os.environ, "WORKBENCH_DB": str(db), "WORKBENCH_REVIEWER": "tester"}
    proc = subprocess.Popen([*WORKBENCH, "import", str(path)], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, env=env)
    seen = []
    for line in proc.stderr:
        seen.append(line)
        if stage in line:
            proc.send_signal(signal.SIGINT)
            break
    rest = proc.stderr.read()
    proc.wait(timeout=600)
    assert proc.stdout.read() == ""
    return proc.returncode, "".join(seen) + rest


@pytest.mark.parametrize("stage", ["extracting claims and quotes", "matching reviewed claims"])
def test_ctrl_c_during_a_long_import_leaves_the_database_as_it_was(tmp_path, big_file, stage):
    db = desk(tmp_path)
    before = counts(db)
    code, stderr = interrupt_at(db, big_file, stage)
    assert code == 130
    last = stderr.splitlines()[-1]
    assert last.startswith(f"workbench: interrupted while {stage}: ") and "was not imported" in last, stderr
    assert counts(db) == before  # neither the article nor any of its claims, links or events
    assert run(db, "db", "check").stdout.strip() == "ok"


def test_seen_before_ranks_only_reviewed_claims_of_other_articles_and_links_as_a_full_search(tmp_path, monkeypatch):
    """The work of "seen before" grew with the new article's own claims (its words are in hundreds of its
    sentences): every claim's search ranked its siblings only to filter them out. Now nothing but the
    reviewed claims of other articles is ranked, however long the article, and the links are the ones the
    unconfined search finds."""
    db = open_db(tmp_path / "wb.db")
    earlier = store_article(db, *read_article_text(tmp_path, long_article(2_000, seed=1)), "tester")
    reviewed = [row[0] for row in db.execute("SELECT id FROM claims WHERE article_id = ? LIMIT 4",
                                             [earlier.article_id]).fetchall()]
    for claim_id in reviewed:
        set_verdict(db, claim_id, "true", "tester")
    ranked: list[int] = []
    real_ranked = search._ranked

    def counting(db_, normalised, weights, ids, *args, **kw):
        ranked.extend(ids)
        return real_ranked(db_, normalised, weights, ids, *args, **kw)

    monkeypatch.setattr(search, "_ranked", counting)
    per_claim = []
    for size, seed in ((12_000, 2), (24_000, 3)):
        new = store_article(db, *read_article_text(tmp_path, long_article(size, seed=seed)), "tester")
        claims = db.execute("SELECT COUNT(*) FROM claims WHERE article_id = ?", [new.article_id]).fetchone()[0]
        ranked.clear()
        link_seen_before(db, new.article_id)
        assert set(ranked) <= set(reviewed)  # never one of the article's own claims
        per_claim.append(len(ranked) / claims)
        # the same best match as a search over every claim gives
        pool = ClaimPool(reviewed)
        for claim_id, text, sentence, speaker, kind in db.execute(  # every third claim: the full search is slow
                "SELECT id, text, sentence, speaker, kind FROM claims WHERE article_id = ? AND id % 3 = 0",
                [new.article_id]).fetchall():
            confined = matching_claims(db, text, sentence, speaker, kind, limit=1, exclude_article=new.article_id,
                                       reviewed_only=True, among=pool)
            everything = matching_claims(db, text, sentence, speaker, kind, limit=1,
                                         exclude_article=new.article_id, reviewed_only=True)
            assert [(r["id"], r["score"]) for r in confined] == [(r["id"], r["score"]) for r in everything]
    # twice the article, the same work per claim: at most the reviewed claims, each ranked once a stage
    assert per_claim[1] <= max(per_claim[0], 1) * 1.5 and per_claim[1] <= 3 * len(reviewed)


def read_article_text(tmp_path: Path, text: str):
    path = tmp_path / f"a{len(text)}.txt"
    path.write_text(text, encoding="utf-8")
    article = read_article(path)
    return article, extract_article(article)


async def test_the_tui_import_moves_its_bar_through_the_stages_of_one_file(tmp_path):
    """One long file was a bar at 0% until it was done: the bar now takes a hundred steps a file, and the
    line under it names the stage."""
    from textual.widgets import Input, Label, ProgressBar

    from workbench.tui.app import WorkbenchApp

    article = tmp_path / "report.txt"
    article.write_text(long_article(30_000), encoding="utf-8")
    db = open_db(tmp_path / "tui.db")
    app = WorkbenchApp(db, "ann")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("i")
        await pilot.pause()
        screen = app.screen
        status, bar = screen.query_one("#import-status", Label), screen.query_one(ProgressBar)
        said: list[str] = []
        shown = status.update

        def update(content="", **kw):  # what the reviewer reads under the bar, as it changes
            said.append(str(content))
            return shown(content, **kw)

        status.update = update
        screen.query_one("#import-path", Input).value = str(article)
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert bar.total == 100 and bar.progress == 100
    stages = [line for line in said if line.startswith("report.txt: ")]
    assert any("extracting claims and quotes… " in line for line in stages), said
    assert any(line.startswith("report.txt: storing…") for line in stages), said
    assert said[-1] == "1 added, 0 already present, 0 failed"
    assert db.execute("SELECT COUNT(*) FROM articles").fetchone()[0] == 1


def test_a_file_over_the_limit_is_refused_with_figures_that_differ(tmp_path):
    """20 MiB shows as "21 MB": a 21.0 MB file was "21.0 MB is over the 21 MB limit"."""
    db = tmp_path / "wb.db"
    near, far = tmp_path / "near.txt", tmp_path / "far.txt"
    near.write_bytes(b"Council spent 12m. " * 55_000)  # 1,045,000 bytes against 1,000,000
    far.write_bytes(b"Council spent 12m. " * 200_000)  # 3.8 MB
    said = [run(db, "import", "--max-bytes", "1000000", str(path)) for path in (near, far)]
    assert [d.returncode for d in said] == [1, 1]
    assert said[0].stderr.strip().endswith("near.txt: 1,045,000 bytes is over the 1,000,000-byte limit; split the "
                                           "file or raise --max-bytes"), said[0].stderr
    assert said[1].stderr.strip().endswith("far.txt: 3.8 MB is over the 1 MB limit; split the file or raise "
                                           "--max-bytes"), said[1].stderr
    assert not db.exists() or counts(db)["articles"] == 0
