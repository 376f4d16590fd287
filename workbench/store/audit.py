"""The audit trail: one append-only event per reviewer action, written in the action's
own transaction; history of a claim; undo of a reviewer's last action (itself an event)."""
from __future__ import annotations

import json
from typing import Any

from sqlite_utils import Database

from .database import now


def log_event(
    conn,
    reviewer: str,
    action: str,
    table_name: str,
    row_id: int | None,
    claim_id: int | None,
    before: dict[str, Any] | None,
    after: dict[str, Any] | None,
    undoes: int | None = None,
) -> int:
    cur = conn.execute(
        """INSERT INTO events (at, reviewer, action, table_name, row_id, claim_id, before, after, undoes)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        [now(), reviewer, action, table_name, row_id, claim_id,
         json.dumps(before, ensure_ascii=False, sort_keys=True) if before is not None else None,
         json.dumps(after, ensure_ascii=False, sort_keys=True) if after is not None else None,
         undoes],
    )
    return cur.lastrowid


def event_from_row(row: dict[str, Any]) -> dict[str, Any]:
    out = dict(row)
    out["before"] = json.loads(out["before"]) if out["before"] else None
    out["after"] = json.loads(out["after"]) if out["after"] else None
    return out


def claim_history(db: Database, claim_id: int) -> list[dict[str, Any]]:
    """Every event of one claim, oldest first, including its article's import."""
    from .rows import get_claim

    claim = get_claim(db, claim_id)
    rows = db.query(
        """SELECT * FROM events
           WHERE claim_id = ? OR (table_name = 'articles' AND row_id = ? AND action IN ('import', 'reextract'))
           ORDER BY id""",
        [claim_id, claim["article_id"]],
    )
    return [event_from_row(r) for r in rows]
