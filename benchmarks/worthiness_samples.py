#!/usr/bin/env python3
"""The five most check-worthy claims of each file in sample_articles/, as a Markdown list (one line each).

    .venv/bin/python benchmarks/worthiness_samples.py

Imports the samples into a temporary database with the real `workbench import` and lists each
article's claims with `workbench claims ARTICLE --sort worthiness --json`: the order a reviewer sees
after pressing `o` in the review screen.
"""
from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
WORKBENCH = [sys.executable, "-m", "workbench.cli"]


def workbench(db: Path, *args: str) -> str:
    return subprocess.run([*WORKBENCH, "--db", str(db), *args], capture_output=True, text=True, check=True,
                          cwd=ROOT).stdout


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "samples.db"
        workbench(db, "import", str(ROOT / "sample_articles"))
        for article in sorted(json.loads(workbench(db, "articles", "--json")), key=lambda a: a["origin"]):
            claims = json.loads(workbench(db, "claims", str(article["id"]), "--sort", "worthiness", "--json"))
            top = "; ".join(f"“{' '.join(c['text'].split())[:60]}” {c['kind']} {c['checkworthiness']:.2f}"
                            for c in claims[:5])
            print(f"- **{Path(article['origin']).name}** ({len(claims)} claims): {top}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
