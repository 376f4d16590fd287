"""Build docs/sample-claimreview.json: the seed article reviewed through the real CLI by a desk that has set
itself up (`workbench settings`), exported as ClaimReview.

    python scripts/sample_claimreview.py
"""
from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "sample-claimreview.json"


def cli(db: Path, *args: str) -> str:
    return subprocess.run([sys.executable, "-m", "workbench.cli", "--db", str(db), "--reviewer", "maria", *args],
                          check=True, capture_output=True, text=True).stdout


def main() -> None:
    db = Path(tempfile.mkdtemp()) / "sample.db"
    # the seed file names no outlet or address; these are invented for the sample
    cli(db, "import", str(ROOT / "sample_articles" / "syria-homs-2015-11-24.txt"),
        "--url", "https://news.example/2015/11/24/syrian-troops-advance-in-homs", "--outlet", "Levant Wire")
    cli(db, "settings", "set", "organisation", "Desk Check")
    cli(db, "settings", "set", "organisation_url", "https://desk.example")
    cli(db, "settings", "set", "review_url", "https://desk.example/checks/{claim}")
    claims = json.loads(cli(db, "claims", "1", "--json"))
    pick = lambda start: str(next(c["id"] for c in claims if c["text"].startswith(start)))
    cli(db, "verdict", pick("130 victims"), "true", "--note", "The Paris prosecutor's final toll: 130 dead.")
    cli(db, "source", "add", pick("130 victims"), "https://www.example.org/paris-attacks-toll",
        "--title", "Paris attacks: the final toll", "--publisher", "Le Monde", "--stance", "supports")
    cli(db, "verdict", pick("£12 billion"), "mostly-true", "--note",
        "The pledge was £12bn over ten years, not a single-year increase.")
    cli(db, "source", "add", pick("£12 billion"), "https://www.example.org/sdsr-2015",
        "--title", "Strategic Defence and Security Review 2015", "--publisher", "HM Government")
    cli(db, "summary", pick("£12 billion"), "Britain will spend an extra £12 billion on its military")
    cli(db, "verdict", pick("15 kilometres"), "half-true", "--note", "Road distance is nearer 20 km.")
    cli(db, "verdict", pick("captured in May"), "true", "--note", "IS took Palmyra on 21 May 2015.")
    cli(db, "verdict", pick('"As the murders'), "true")
    cli(db, "verdict", pick("by 2025"), "unproven")
    reviews = json.loads(cli(db, "export", "1", "--format", "claimreview"))
    OUT.write_text(json.dumps(reviews, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
