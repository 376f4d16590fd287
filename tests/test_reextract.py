"""Re-extraction never deletes or alters a claim a reviewer touched or added by hand."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from workbench.service import import_paths, reextract
from workbench.store import (
    add_manual_claim, add_source, check_db, get_claim, list_claims, open_db, reject_claim, set_verdict,
)

SEED = Path(__file__).resolve().parents[1] / "sample_articles" / "syria-homs-2015-11-24.txt"


def _seeded(tmp_path):
    db = open_db(tmp_path / "wb.db")
    [outcome] = list(import_paths(db, [str(SEED)], "alice"))
    return db, outcome.result.article_id


def test_reextract_keeps_reviewed_manual_rejected_and_sourced_claims(tmp_path):
    db, article_id = _seeded(tmp_path)
    body = db["articles"].get(article_id)["body"]
    at = body.index("ancient temples")
    manual = add_manual_claim(db, article_id, at, at + len("ancient temples"), "alice")
    auto = [c for c in list_claims(db, article_id) if c["origin"] == "auto"]
    touched = {}
    if len(auto) >= 3:
        touched["verdict"] = set_verdict(db, auto[0]["id"], "false", "alice", note="checked")
        touched["rejected"] = reject_claim(db, auto[1]["id"], "alice")
        add_source(db, auto[2]["id"], "https://example.org/report", "alice", stance="supports")
        touched["sourced"] = get_claim(db, auto[2]["id"])
    before = {c["id"]: c for c in list_claims(db, article_id)}

    summary = reextract(db, str(article_id), "bob")

    after = {c["id"]: c for c in list_claims(db, article_id)}
    assert after[manual["id"]] == before[manual["id"]]
    for claim in touched.values():
        assert after[claim["id"]] == before[claim["id"]]
    assert summary["kept"] == 1 + len(touched)
    # untouched automatic findings come back without duplicating kept spans
    spans = [(c["kind"], c["start"], c["end"]) for c in after.values()]
    assert len(spans) == len(set(spans))
    assert check_db(db) == []


def test_reextract_command_reports_what_it_kept(tmp_path):
    db, article_id = _seeded(tmp_path)
    body = db["articles"].get(article_id)["body"]
    at = body.index("Unesco")
    add_manual_claim(db, article_id, at, at + len("Unesco World Heritage sites"), "alice")
    db.conn.close()
    done = subprocess.run(
        [sys.executable, "-m", "workbench.cli", "--db", str(tmp_path / "wb.db"), "--reviewer", "bob",
         "reextract", str(article_id)],
        capture_output=True, text=True, check=True,
    )
    assert done.stdout.startswith("kept 1 reviewed or manual claims")
    db = open_db(tmp_path / "wb.db")
    assert [c["text"] for c in list_claims(db, article_id) if c["origin"] == "manual"] == ["Unesco World Heritage sites"]
