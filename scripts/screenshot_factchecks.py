"""Save the README's screenshot of "Checked elsewhere" (docs/screenshot-checked-elsewhere.svg): the samples'
fact-checks and the jobless-rate article, the review screen at "6.1%", with the list (w) open."""
from __future__ import annotations

import asyncio
import tempfile
from pathlib import Path

from workbench.factchecks.read import read_paths
from workbench.service import import_paths
from workbench.store import list_claims, open_db
from workbench.store.factchecks import import_factchecks
from workbench.tui.app import WorkbenchApp

ROOT = Path(__file__).resolve().parents[1]


async def main() -> None:
    db = open_db(Path(tempfile.mkdtemp()) / "shot.db")
    import_factchecks(db, read_paths([str(ROOT / "sample_factchecks")]), "maria")
    list(import_paths(db, [str(ROOT / "sample_articles" / "wire-jobless-rate-ranks.txt")], "maria"))
    rate = next(c for c in list_claims(db, 1) if c["text"] == "6.1%")
    app = WorkbenchApp(db, "maria")
    async with app.run_test(size=(160, 44)) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        screen = app.screen
        screen.query_one("#claims").move_cursor(row=next(i for i, c in enumerate(screen.claims) if c["id"] == rate["id"]))
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        app.save_screenshot(str(ROOT / "docs" / "screenshot-checked-elsewhere.svg"))
        await pilot.press("w")
        await pilot.pause()
        app.save_screenshot(str(ROOT / "docs" / "screenshot-checked-elsewhere-list.svg"))


if __name__ == "__main__":
    asyncio.run(main())
