"""Save SVG screenshots of the TUI on the seed article for the README (docs/screenshot-*.svg)."""
from __future__ import annotations

import asyncio
import tempfile
from pathlib import Path

from workbench.service import import_paths
from workbench.store import add_source, list_claims, open_db, set_verdict
from workbench.tui.app import WorkbenchApp

ROOT = Path(__file__).resolve().parents[1]


async def main() -> None:
    db = open_db(Path(tempfile.mkdtemp()) / "shot.db")
    list(import_paths(db, [str(ROOT / "sample_articles" / "syria-homs-2015-11-24.txt")], "maria"))
    victims = next(c for c in list_claims(db, 1) if c["text"] == "130 victims")
    set_verdict(db, victims["id"], "true", "maria", note="Paris prosecutor's final toll: 130 dead, 90 at the Bataclan.")
    add_source(db, victims["id"], "https://www.example.org/paris-attacks-toll", "maria",
               title="Paris attacks: the final toll", publisher="Le Monde", stance="supports",
               excerpt="130 people were killed")
    app = WorkbenchApp(db, "maria")
    async with app.run_test(size=(160, 44)) as pilot:
        await pilot.pause()
        app.save_screenshot(str(ROOT / "docs" / "screenshot-library.svg"))
        await pilot.press("enter")
        await pilot.pause()
        screen = app.screen
        screen.query_one("#claims").move_cursor(row=next(i for i, c in enumerate(screen.claims)
                                                          if c["id"] == victims["id"]))
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        app.save_screenshot(str(ROOT / "docs" / "screenshot-review.svg"))


if __name__ == "__main__":
    asyncio.run(main())
