"""The quote-check and figure-check commands, run as real subprocesses on a real database."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
ARTICLE = ROOT / "sample_articles" / "syria-homs-2015-11-24.txt"
TRANSCRIPT = ROOT / "sample_sources" / "cameron-raf-northolt-transcript.txt"


def run(db: Path, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "workbench.cli", "--db", str(db), "--reviewer", "tess", *args],
                          input=stdin, capture_output=True, text=True, cwd=ROOT)


@pytest.fixture()
def db(tmp_path: Path) -> Path:
    path = tmp_path / "w.db"
    assert run(path, "import", str(ARTICLE)).returncode == 0
    return path


def claim_id(db: Path, kind: str, starts: str) -> int:
    claims = json.loads(run(db, "claims", "1", "--json").stdout)
    return next(c["id"] for c in claims if c["kind"] == kind and c["text"].lstrip("\"“").startswith(starts))


def test_quote_check_stores_hint_passage_and_offsets_with_the_source_link(db: Path):
    quote = claim_id(db, "quote", "As the murders")
    done = run(db, "quote-check", str(quote), str(TRANSCRIPT), "--url", "https://example.org/t", "--json")
    assert done.returncode == 0, done.stderr
    check = json.loads(done.stdout)["check"]
    text = TRANSCRIPT.read_text(encoding="utf-8")
    assert check["verdict"] == "verbatim"
    assert text[check["start"]:check["end"]] == check["passage"]
    sources = json.loads(run(db, "history", str(quote), "--json").stdout)
    stored = sources[-1]["after"]
    assert stored["stance"] == "supports" and stored["excerpt"] == check["passage"]
    assert stored["checks"]["quote_check"]["start"] == check["start"]


def test_quote_check_reads_stdin_and_warns_of_a_dropped_not(db: Path):
    quote = claim_id(db, "quote", "As the murders")
    altered = TRANSCRIPT.read_text(encoding="utf-8").replace("Islamic State is not some", "Islamic State is some")
    done = run(db, "quote-check", str(quote), "-", stdin=altered)
    assert done.returncode == 0, done.stderr
    assert "materially altered" in done.stdout and "“not”" in done.stdout
    assert "not stored" in done.stdout


def test_quote_check_on_a_figure_is_refused_in_one_line(db: Path):
    figure = claim_id(db, "distance", "15 kilometres")
    done = run(db, "quote-check", str(figure), str(TRANSCRIPT))
    assert done.returncode == 1
    assert done.stderr.count("\n") == 1 and "figure-check" in done.stderr


def test_figure_check_converts_days_to_months_and_stores_with_source(db: Path):
    duration = claim_id(db, "duration", "nearly two months")
    done = run(db, "figure-check", str(duration), "55", "--unit", "days", "--source", "https://example.org/d",
               "--json")
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert result["check"]["hint"] == "rounded" and result["link"]["stance"] == "supports"


def test_figure_check_refuses_an_unreadable_value(db: Path):
    figure = claim_id(db, "distance", "15 kilometres")
    done = run(db, "figure-check", str(figure), "lots")
    assert done.returncode == 1 and "cannot read a figure" in done.stderr
