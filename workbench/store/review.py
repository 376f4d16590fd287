"""Reviewer actions on claims: verdict, note, source, reject, add, edit span, undo.

Each one runs in one short transaction that updates the row, bumps its version and
appends its audit event. With `expected_version` (the TUI passes the version it
showed) a row changed meanwhile by someone else is refused with Conflict, and
nothing is written; without it (plain CLI commands) the action applies to the
current row.
"""
from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any
from urllib.parse import urlparse

from ..errors import BadInput, Conflict, NotFound, WorkbenchError
from ..typed_text import printable, typed_text
from .audit import log_event, note_before, note_edit
from .database import now, transaction
from ..typed_dates import valid_date  # noqa: F401  (store.valid_date, as before)
from .rows import CLAIM_COLUMNS, claim_from_row, get_claim, known_claim_id

if TYPE_CHECKING:  # sqlite-utils loads on first use (store/database.py: WorkbenchDatabase)
    from sqlite_utils import Database

STANCES = ("supports", "refutes", "context")


def _current(conn, claim_id: int) -> dict[str, Any]:
    cur = conn.execute(f"SELECT {CLAIM_COLUMNS} FROM claims WHERE id = ?", [known_claim_id(claim_id)])
    row = cur.fetchone()
    if row is None:
        raise NotFound(f"no claim with id {claim_id}; list them with `workbench claims ARTICLE`")
    return claim_from_row(dict(zip([d[0] for d in cur.description], row)))


def _update_claim(
    conn, claim_id: int, changes: dict[str, Any], reviewer: str, action: str,
    expected_version: int | None, undoes: int | None = None,
) -> dict[str, Any]:
    claim = _current(conn, claim_id)
    if expected_version is not None and claim["version"] != expected_version:
        raise Conflict(
            f"claim {claim_id} was changed by {claim['reviewer'] or 'someone'} at {claim['updated_at']} "
            f"(version {claim['version']}, you had {expected_version}); your input is kept: review theirs and retry",
            current=claim, attempted=changes,
        )
    before = {k: claim[k] for k in changes}
    stored = {k: (json.dumps(v, ensure_ascii=False, sort_keys=True) if k in ("value", "hints") and v is not None
                  else v) for k, v in changes.items()}
    stamp = now()
    sets = ", ".join(f'"{k}" = ?' for k in stored)
    conn.execute(
        f'UPDATE claims SET {sets}, reviewer = ?, updated_at = ?, version = version + 1 WHERE id = ?',
        [*stored.values(), reviewer, stamp, claim_id],
    )
    after = dict(changes)
    if "note" in changes:  # the span that changed, not the whole note twice (audit.note_edit)
        after["note_edit"] = note_edit(before.pop("note"), after.pop("note"))
    before["version"], after["version"] = claim["version"], claim["version"] + 1
    log_event(conn, reviewer, action, "claims", claim_id, claim_id, before, after, undoes)
    return _current(conn, claim_id)


def verdict_keys(db: Database) -> list[str]:
    return [r["key"] for r in db.query("SELECT key FROM verdicts ORDER BY position")]


def set_verdict(
    db: Database, claim_id: int, verdict: str, reviewer: str,
    note: str | None = None, expected_version: int | None = None,
) -> dict[str, Any]:
    """Rate a claim on the newsroom's scale; an optional note is appended to its note."""
    keys = verdict_keys(db)
    key = verdict.strip().lower().replace(" ", "-")
    if key not in keys:
        raise NotFound(f"no verdict {verdict!r} on this newsroom's scale; use one of: {', '.join(keys)}")
    with transaction(db) as conn:
        old = _current(conn, claim_id)
        changes: dict[str, Any] = {"verdict": key, "status": "reviewed"}
        if note and _typed(note).strip():
            changes["note"] = _appended(old["note"], _typed(note))
        row = _update_claim(conn, claim_id, changes, reviewer, "verdict", expected_version)
        # another reviewer's different verdict, replaced: the CLI has no screen that showed it, so it says so
        row["replaced"] = ({"verdict": old["verdict"], "reviewer": old["reviewer"], "version": old["version"]}
                           if old["verdict"] and old["verdict"] != key and old["reviewer"] != reviewer else None)
        return row


def _appended(old: str | None, text: str) -> str:
    return f"{old}\n\n{text}" if old else text


def _typed(text: str | None) -> str | None:
    """What a reviewer typed, without terminal escapes and control characters, as article text is at
    import: notes and source titles are printed by the CLI (an OSC 52 in a shared database's note
    wrote to the next reader's clipboard) and carried raw into CSV, JSON and HTML."""
    return None if text is None else typed_text(text)


def add_note(db: Database, claim_id: int, text: str, reviewer: str) -> dict[str, Any]:
    """Append to a claim's note: the CLI never overwrites what another reviewer wrote."""
    text = _typed(text)
    if not text.strip():
        raise BadInput("the note is empty; write something to add")
    with transaction(db) as conn:
        old = _current(conn, claim_id)["note"]
        return _update_claim(conn, claim_id, {"note": _appended(old, text)}, reviewer, "note", None)


def set_note(db: Database, claim_id: int, text: str, reviewer: str, expected_version: int) -> dict[str, Any]:
    """Replace a claim's note from an editor that showed `expected_version`; the old note stays in the log."""
    with transaction(db) as conn:
        return _update_claim(conn, claim_id, {"note": _typed(text) or None}, reviewer, "note", expected_version)


def set_summary(db: Database, claim_id: int, text: str, reviewer: str,
                expected_version: int | None = None) -> dict[str, Any]:
    """Set the claim's published summary (ClaimReview's claimReviewed); empty text goes back to the default."""
    summary = " ".join((_typed(text) or "").split()) or None
    with transaction(db) as conn:
        return _update_claim(conn, claim_id, {"summary": summary}, reviewer, "summary", expected_version)


def reject_claim(db: Database, claim_id: int, reviewer: str, expected_version: int | None = None) -> dict[str, Any]:
    """Mark a claim as not check-worthy; it stays in the database and the log."""
    with transaction(db) as conn:
        return _update_claim(conn, claim_id, {"status": "rejected"}, reviewer, "reject", expected_version)


def reopen_claim(db: Database, claim_id: int, reviewer: str, expected_version: int | None = None) -> dict[str, Any]:
    with transaction(db) as conn:
        claim = _current(conn, claim_id)
        status = "reviewed" if claim["verdict"] else "open"
        return _update_claim(conn, claim_id, {"status": status}, reviewer, "reopen", expected_version)


def _sentence_around(body: str, start: int, end: int) -> tuple[int, int]:
    from ..extract.sentences import split_sentences

    for s in split_sentences(body):
        if s.start <= start < s.end or (s.start < end <= s.end):
            return min(s.start, start), max(s.end, end)
    return start, end


def _check_span(body: str, start: int, end: int) -> None:
    if not (0 <= start < end <= len(body)):
        raise BadInput(f"span [{start}:{end}] is outside the article (0..{len(body)}); select text inside it")
    if not body[start:end].strip():
        raise BadInput("the selected span is only whitespace; select the words of the claim")


def add_manual_claim(
    db: Database, article_id: int, start: int, end: int, reviewer: str, kind: str = "manual",
) -> dict[str, Any]:
    """Add a claim a reviewer marked by hand; re-extraction never removes it."""
    from ..textnorm import search_text  # (with the extractor's number words): not needed to open the store

    with transaction(db) as conn:
        row = conn.execute("SELECT body FROM articles WHERE id = ?", [article_id]).fetchone()
        if row is None:
            raise NotFound(f"no article {article_id}; list them with `workbench articles`")
        body = row[0]
        _check_span(body, start, end)
        s0, s1 = _sentence_around(body, start, end)
        stamp = now()
        cur = conn.execute(
            """INSERT INTO claims (article_id, kind, text, start, "end", sentence_start, sentence_end, sentence,
                                   origin, status, reviewer, updated_at, version, checkworthiness, search_text)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'manual', 'open', ?, ?, 1, 1.0, ?)""",
            [article_id, kind, body[start:end], start, end, s0, s1, body[s0:s1], reviewer, stamp,
             search_text(body[start:end], body[s0:s1])],
        )
        claim_id = cur.lastrowid
        log_event(conn, reviewer, "add", "claims", claim_id, claim_id, None,
                  {"kind": kind, "text": body[start:end], "start": start, "end": end})
        return _current(conn, claim_id)


def edit_claim_span(
    db: Database, claim_id: int, start: int, end: int, reviewer: str, expected_version: int | None = None,
) -> dict[str, Any]:
    """Move a claim's span; its text follows the body so body[start:end] == text still holds."""
    from ..textnorm import search_text

    with transaction(db) as conn:
        claim = _current(conn, claim_id)
        body = conn.execute("SELECT body FROM articles WHERE id = ?", [claim["article_id"]]).fetchone()[0]
        _check_span(body, start, end)
        s0, s1 = _sentence_around(body, start, end)
        changes = {"start": start, "end": end, "text": body[start:end],
                   "sentence_start": s0, "sentence_end": s1, "sentence": body[s0:s1],
                   "search_text": search_text(body[start:end], body[s0:s1], claim["speaker"])}
        return _update_claim(conn, claim_id, changes, reviewer, "edit", expected_version)


MAX_URL = 8192


def valid_url(url: str) -> str:
    url = url.strip()
    try:
        parts = urlparse(url)
        parts.port  # noqa: B018 -- reading it refuses a port that is not one ("http://a:99999")
    except ValueError:  # "http://[::1", "https://[zz]/x": an unclosed or invalid IPv6 host
        parts = None
    # a control character (an ESC sequence pasted with it) or a lone surrogate (argv bytes that were not
    # UTF-8) is never part of an address, and the CLI prints it
    # a host name holds at most 253 characters (DNS), and no page is cited by a megabyte of address
    if (parts is None or parts.scheme not in ("http", "https") or not parts.hostname or " " in url
            or not url.isprintable() or len(parts.hostname) > 253 or len(url) > MAX_URL):
        shown = url if len(url) <= 80 else url[:79] + "…"
        raise BadInput(f"{printable(shown)!r} is not a web address; give a full http:// or https:// URL")
    return url


def add_source(
    db: Database, claim_id: int, url: str, reviewer: str, *,
    title: str | None = None, publisher: str | None = None, published: str | None = None,
    excerpt: str | None = None, stance: str = "context", text: str | None = None,
    checks: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """Link a source to a claim (the source row is shared by URL) with a stance and excerpt."""
    url = valid_url(url)
    published = valid_date(published)
    title, publisher, excerpt = _typed(title), _typed(publisher), _typed(excerpt)
    if stance not in STANCES:
        raise BadInput(f"stance {stance!r} is not one of {', '.join(STANCES)}")
    kept: dict[str, str] = {}
    with transaction(db) as conn:
        claim = _current(conn, claim_id)
        stamp = now()
        row = conn.execute("SELECT id, title, publisher, published FROM sources WHERE url = ?", [url]).fetchone()
        if row:
            source_id = row[0]
            # One row per URL, shared by every claim that cites it: fill what the first reviewer left
            # empty, never overwrite what is there, and say what was kept instead of what was typed.
            given = {"title": title, "publisher": publisher, "published": published}
            kept = {k: stored for (k, new), stored in zip(given.items(), row[1:]) if new and stored and new != stored}
            conn.execute(
                """UPDATE sources SET title = COALESCE(title, ?), publisher = COALESCE(publisher, ?),
                          published = COALESCE(published, ?), text = COALESCE(text, ?) WHERE id = ?""",
                [title, publisher, published, text, source_id],
            )
        else:
            source_id = conn.execute(
                """INSERT INTO sources (url, title, publisher, published, accessed_at, text, added_by, added_at)
                   VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
                [url, title, publisher, published, stamp, text, reviewer, stamp],
            ).lastrowid
        link_id = conn.execute(
            """INSERT INTO claim_sources (claim_id, source_id, stance, excerpt, checks, added_by, added_at)
               VALUES (?, ?, ?, ?, ?, ?, ?)""",
            [claim_id, source_id, stance, excerpt,
             json.dumps(checks, ensure_ascii=False, sort_keys=True) if checks else None, reviewer, stamp],
        ).lastrowid
        conn.execute("UPDATE claims SET reviewer = ?, updated_at = ?, version = version + 1 WHERE id = ?",
                     [reviewer, stamp, claim_id])
        log_event(conn, reviewer, "source", "claim_sources", link_id, claim_id,
                  {"version": claim["version"]},
                  {"version": claim["version"] + 1, "url": url, "title": title, "publisher": publisher,
                   "published": published, "stance": stance, "excerpt": excerpt, "source_id": source_id,
                   "checks": checks})
        return {"link_id": link_id, "source_id": source_id, "claim_id": claim_id, "url": url,
                "title": title, "publisher": publisher, "published": published, "stance": stance,
                "excerpt": excerpt, "kept": kept}


_UNDOABLE = ("verdict", "note", "summary", "reject", "reopen", "edit", "add", "source")


def undo_last(db: Database, reviewer: str, claim_id: int | None = None) -> dict[str, Any]:
    """Undo this reviewer's last action (optionally on one claim); the undo is itself an event.

    Refused with Conflict when someone changed the claim after that action.
    """
    with transaction(db) as conn:
        where, args = "", [reviewer]
        if claim_id is not None:
            where, args = " AND claim_id = ?", [reviewer, known_claim_id(claim_id)]
        cur = conn.execute(
            f"""SELECT * FROM events e WHERE reviewer = ? {where}
                AND action IN ({','.join('?' * len(_UNDOABLE))})
                AND NOT EXISTS (SELECT 1 FROM events u WHERE u.undoes = e.id)
                ORDER BY id DESC LIMIT 1""",
            [*args, *_UNDOABLE],
        )
        row = cur.fetchone()
        if row is None:
            if claim_id is not None:
                if conn.execute("SELECT 1 FROM claims WHERE id = ?", [claim_id]).fetchone() is None:
                    raise NotFound(f"no claim with id {claim_id}; list them with `workbench claims ARTICLE`")
                raise WorkbenchError(f"nothing of yours to undo on claim {claim_id}")
            raise WorkbenchError("nothing of yours to undo")
        event = dict(zip([d[0] for d in cur.description], row))
        before = json.loads(event["before"]) if event["before"] else None
        after = json.loads(event["after"]) if event["after"] else {}
        target = event["claim_id"]
        claim = _current(conn, target)
        if (claim["version"] != after.get("version", claim["version"]) and event["action"] != "add"
                and not _only_own_undone_since(conn, event, reviewer)):
            raise Conflict(
                f"claim {target} changed after your {event['action']} (by {claim['reviewer']}); nothing undone",
                current=claim, attempted={"undo": event["id"]},
            )
        # which claim changed, in words: "undone" alone left the reviewer guessing (issue 17)
        named = {"article_id": claim["article_id"], "text": claim["text"]}
        if event["action"] == "add":
            conn.execute("DELETE FROM claim_sources WHERE claim_id = ?", [target])
            conn.execute("DELETE FROM claims WHERE id = ?", [target])
            log_event(conn, reviewer, "undo", "claims", target, target, after, None, undoes=event["id"])
            return {"undone": event["action"], "claim_id": target, "claim": None, **named}
        if event["action"] == "source":
            conn.execute("DELETE FROM claim_sources WHERE id = ?", [event["row_id"]])
            conn.execute("UPDATE claims SET reviewer = ?, updated_at = ?, version = version + 1 WHERE id = ?",
                         [reviewer, now(), target])
            log_event(conn, reviewer, "undo", "claim_sources", event["row_id"], target,
                      after, {"version": claim["version"] + 1}, undoes=event["id"])
            return {"undone": "source", "claim_id": target, "claim": _current(conn, target), **named}
        restore = {k: v for k, v in (before or {}).items() if k != "version"}
        if "note_edit" in after:
            restore["note"] = note_before(claim["note"], after["note_edit"])
        updated = _update_claim(conn, target, restore, reviewer, "undo", None, undoes=event["id"])
        return {"undone": event["action"], "claim_id": target, "claim": updated, **named}


def _only_own_undone_since(conn, event: dict[str, Any], reviewer: str) -> bool:
    """Whether every later change to the event's claim is this reviewer's and cancelled out (an action
    they undid, or that undo). Then the claim is as the event left it, and ctrl+z, ctrl+z steps back
    through their own actions; without this the second press was refused as "changed by" themselves."""
    later = conn.execute("SELECT id, reviewer, action, undoes FROM events WHERE claim_id = ? AND id > ?",
                         [event["claim_id"], event["id"]]).fetchall()
    ids = {row[0] for row in later}
    undone = {undoes for _, _, action, undoes in later if action == "undo" and undoes in ids}
    return all(who == reviewer and (event_id in undone or action == "undo" and undoes in ids)
               for event_id, who, action, undoes in later)


def claim_with_sources(db: Database, claim_id: int) -> dict[str, Any]:
    from .rows import list_sources

    claim = get_claim(db, claim_id)
    claim["sources"] = list_sources(db, claim_id)
    return claim
