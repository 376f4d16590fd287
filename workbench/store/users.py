"""Who may use `workbench serve`: reviewers, their one-time sign-in links and their browser sessions.

A secret is handed out once (in a link or a cookie) and only its SHA-256 is stored; a token names its row
by id and the secret is then compared with hmac.compare_digest, so a lookup never times the secret.
The secrets are 256 random bits, so a plain hash is enough: there is nothing to guess from it.
"""
from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import TYPE_CHECKING, Any

from ..errors import NotFound
from .database import now, transaction

if TYPE_CHECKING:  # sqlite-utils loads on first use (store/database.py: WorkbenchDatabase)
    from sqlite_utils import Database

LINK_LIFETIME = timedelta(days=7)      # a link lying in a mailbox for weeks is a link someone else may find
SESSION_LIFETIME = timedelta(days=30)  # a reviewer signs in again once a month


@dataclass(frozen=True)
class Invitation:
    """A new user's (or a re-invited user's) sign-in token: `<user id>.<secret>`, shown once."""
    name: str
    token: str
    expires: str


def _hash(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def _split(token: str) -> tuple[int, str] | None:
    """`<id>.<secret>` → (id, secret); None for anything else a browser or a typist may send."""
    row_id, dot, secret = (token or "").partition(".")
    if not dot or not row_id.isdigit() or len(row_id) > 18 or not 20 <= len(secret) <= 100:
        return None
    return int(row_id), secret


def _matches(secret: str, stored: str | None) -> bool:
    return stored is not None and hmac.compare_digest(_hash(secret), stored)


def _later(delta: timedelta) -> str:
    return (datetime.now(timezone.utc) + delta).isoformat(timespec="milliseconds")


def invite_user(db: Database, name: str, added_by: str) -> Invitation:
    """Add reviewer `name`, or give an existing one a new link (the old link stops working)."""
    secret = secrets.token_urlsafe(32)
    expires = _later(LINK_LIFETIME)
    with transaction(db) as conn:
        row = conn.execute("SELECT id, name FROM serve_users WHERE name = ?", [name]).fetchone()
        if row is None:
            user_id = conn.execute(
                "INSERT INTO serve_users (name, link_hash, link_expires, added_by, added_at) "
                "VALUES (?, ?, ?, ?, ?)",
                [name, _hash(secret), expires, added_by, now()]).lastrowid
        else:
            user_id, name = row
            conn.execute("UPDATE serve_users SET link_hash = ?, link_expires = ? WHERE id = ?",
                         [_hash(secret), expires, user_id])
    return Invitation(name, f"{user_id}.{secret}", expires)


def list_users(db: Database) -> list[dict[str, Any]]:
    """Every user with whether an unused link is waiting and how many sessions are signed in."""
    return list(db.query(
        """SELECT u.name, u.added_by, u.added_at, u.last_seen,
                  u.link_hash IS NOT NULL AND u.link_expires > :now AS link_waiting,
                  (SELECT count(*) FROM serve_sessions s
                   WHERE s.user_id = u.id AND s.expires_at > :now) AS sessions
           FROM serve_users u ORDER BY u.name""", {"now": now()}))


def count_users(db: Database) -> int:
    return db.conn.execute("SELECT count(*) FROM serve_users").fetchone()[0]


def remove_user(db: Database, name: str) -> str:
    """Remove a user, their link and every session they have (a running session notices within a minute)."""
    with transaction(db) as conn:
        row = conn.execute("SELECT id, name FROM serve_users WHERE name = ?", [name]).fetchone()
        if row is None:
            raise NotFound(f"no serve user named {name!r}; `workbench serve users list` shows them")
        conn.execute("DELETE FROM serve_sessions WHERE user_id = ?", [row[0]])
        conn.execute("DELETE FROM serve_users WHERE id = ?", [row[0]])
        return row[1]


def link_user(db: Database, token: str) -> str | None:
    """The name a sign-in link is for, if it is still unused and in date; it is not used up by looking."""
    found = _split(token)
    if found is None:
        return None
    row = db.conn.execute("SELECT name, link_hash, link_expires FROM serve_users WHERE id = ?",
                          [found[0]]).fetchone()
    if row is None or not _matches(found[1], row[1]) or row[2] <= now():
        return None
    return row[0]


def redeem_link(db: Database, token: str) -> tuple[str, str] | None:
    """Use up a sign-in link: (name, session token) for the cookie, or None if the link is not good."""
    found = _split(token)
    if found is None:
        return None
    user_id, secret = found
    session_secret = secrets.token_urlsafe(32)
    with transaction(db) as conn:  # one transaction: two clicks on one link make one session, not two
        row = conn.execute("SELECT name, link_hash, link_expires FROM serve_users WHERE id = ?",
                           [user_id]).fetchone()
        if row is None or not _matches(secret, row[1]) or row[2] <= now():
            return None
        conn.execute("UPDATE serve_users SET link_hash = NULL, link_expires = NULL, last_seen = ? "
                     "WHERE id = ?",
                     [now(), user_id])
        session_id = conn.execute(
            "INSERT INTO serve_sessions (user_id, secret_hash, created_at, expires_at) VALUES (?, ?, ?, ?)",
            [user_id, _hash(session_secret), now(), _later(SESSION_LIFETIME)]).lastrowid
    return row[0], f"{session_id}.{session_secret}"


def session_user(db: Database, token: str | None) -> str | None:
    """The reviewer a session cookie belongs to, or None (unknown, expired, signed out, user removed)."""
    found = _split(token or "")
    if found is None:
        return None
    row = db.conn.execute(
        """SELECT u.name, s.secret_hash, s.expires_at
           FROM serve_sessions s JOIN serve_users u ON u.id = s.user_id
           WHERE s.id = ?""", [found[0]]).fetchone()
    if row is None or not _matches(found[1], row[1]) or row[2] <= now():
        return None
    return row[0]


def end_session(db: Database, token: str | None) -> None:
    """Sign out: the cookie's session is deleted, whatever the browser does with the cookie."""
    found = _split(token or "")
    if found is None:
        return
    with transaction(db) as conn:
        row = conn.execute("SELECT secret_hash FROM serve_sessions WHERE id = ?", [found[0]]).fetchone()
        if row is not None and _matches(found[1], row[0]):
            conn.execute("DELETE FROM serve_sessions WHERE id = ?", [found[0]])
