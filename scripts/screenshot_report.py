"""Build the sample verdict report for the seed (docs/sample-report.html and .md) from a review done
through the real CLI, then screenshot the HTML in headless Chromium (docs/sample-report.png).

    python scripts/screenshot_report.py        # needs Debian's chromium for the PNG
"""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"


def cli(db: Path, *args: str) -> str:
    return subprocess.run([sys.executable, "-m", "workbench.cli", "--db", str(db), "--reviewer", "maria", *args],
                          check=True, capture_output=True, text=True).stdout


def main() -> None:
    db = Path(tempfile.mkdtemp()) / "report.db"
    cli(db, "import", str(ROOT / "sample_articles" / "syria-homs-2015-11-24.txt"))
    claims = {c["text"]: c["id"] for c in json.loads(cli(db, "claims", "1", "--json"))}
    pick = lambda start: next(i for t, i in claims.items() if t.startswith(start))
    cli(db, "verdict", str(pick("130 victims")), "true", "--note", "The Paris prosecutor's final toll: 130 dead.")
    cli(db, "source", "add", str(pick("130 victims")), "https://www.example.org/paris-attacks-toll",
        "--title", "Paris attacks: the final toll", "--publisher", "Le Monde", "--stance", "supports",
        "--excerpt", "130 people were killed, 90 of them at the Bataclan")
    cli(db, "verdict", str(pick("90 of them")), "true")
    cli(db, "verdict", str(pick("£12 billion")), "mostly-true", "--note",
        "The pledge was £12bn over ten years, not a single-year increase.")
    cli(db, "source", "add", str(pick("£12 billion")), "https://www.example.org/sdsr-2015",
        "--title", "Strategic Defence and Security Review 2015", "--publisher", "HM Government", "--stance", "context")
    cli(db, "verdict", str(pick("15 kilometres")), "half-true", "--note", "Road distance is nearer 20 km.")
    cli(db, "verdict", str(pick('"As the murders')), "true")
    cli(db, "verdict", str(pick("by 2025")), "unproven")
    DOCS.mkdir(exist_ok=True)
    for fmt, name in (("html", "sample-report.html"), ("md", "sample-report.md")):
        cli(db, "export", "1", "--format", fmt, "-o", str(DOCS / name), "--force")
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if not chromium:
        print("chromium not found: apt-get install chromium to take the screenshot")
        return
    subprocess.run([chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                    "--disable-component-update", "--no-first-run", "--hide-scrollbars",
                    f"--screenshot={DOCS / 'sample-report.png'}", "--window-size=900,1600",
                    (DOCS / "sample-report.html").as_uri()], check=True, capture_output=True, timeout=120)
    print(f"wrote {DOCS / 'sample-report.png'}")


if __name__ == "__main__":
    main()
