"""The audit trail: one append-only event per reviewer action, written in the action's
own transaction; history of a claim; undo of a reviewer's last action (itself an event)."""
from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from .database import now

if TYPE_CHECKING:  # sqlite-utils loads on first use (store/database.py: WorkbenchDatabase)
    from sqlite_utils import Database


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


def note_edit(old: str | None, new: str | None) -> dict[str, Any]:
    """A note's change as the span that changed: {"at", "removed", "inserted"}. The log kept the whole note
    before and after every append, so 30 appends of 120 KB made 108 MB of events; now an append costs
    what was appended."""
    old, new = old or "", new or ""
    at = _common(lambda n: old[:n] == new[:n], min(len(old), len(new)))
    tail = _common(lambda n: old[len(old) - n:] == new[len(new) - n:], min(len(old), len(new)) - at)
    return {"at": at, "removed": old[at:len(old) - tail], "inserted": new[at:len(new) - tail]}


def _common(same: Any, limit: int) -> int:
    """The largest n <= limit with same(n), by halving: slices compare in C, a loop per character of a
    10 MB note took seconds."""
    if same(limit):  # an append: the whole old note is the common start
        return limit
    low, high = 0, limit - 1
    while low < high:
        mid = (low + high + 1) // 2
        if same(mid):
            low = mid
        else:
            high = mid - 1
    return low


def note_before(note: str | None, edit: dict[str, Any]) -> str | None:
    """The note as it was before `edit`, from the note as it is after it (what undo restores)."""
    note = note or ""
    at, inserted = edit["at"], edit["inserted"]
    if note[at:at + len(inserted)] != inserted:
        raise ValueError("the note no longer holds that edit")
    return (note[:at] + edit["removed"] + note[at + len(inserted):]) or None


def change_summary(event: dict[str, Any], width: int = 200) -> str:
    """What one event changed, one clause per field, each value cut to `width` characters (a 10 MB note
    printed whole by `history` made 136 MB of output); `history --json` keeps everything."""
    before, after = event["before"] or {}, event["after"] or {}
    hidden = ("version", "search_text", "sentence")
    keys = [k for k in sorted(set(before) | set(after)) if k not in hidden and before.get(k) != after.get(k)]
    parts = []
    for k in keys:
        if k == "note_edit":
            edit = after[k]
            if edit["removed"]:
                parts.append(f"note: {_cut(edit['removed'], width)} → {_cut(edit['inserted'], width)} "
                             f"at character {edit['at']:,}")
            else:
                parts.append(f"note: + {_cut(edit['inserted'], width)}")
        elif event["before"] is None or k not in before:
            if after.get(k) is not None:
                parts.append(f"{k}: {_cut(after.get(k), width)}")
        else:
            parts.append(f"{k}: {_cut(before.get(k), width)} → {_cut(after.get(k), width)}")
    return "; ".join(parts)


def _cut(value: Any, width: int) -> str:
    text = repr(value)
    if len(text) <= width:
        return text
    return f"{text[:width - 1]}… ({len(text) - width + 1:,} more characters)"


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
