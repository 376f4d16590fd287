"""Desk settings kept in the database, so every reviewer's export publishes the same organisation, review
pages and rating scale: who the desk is, where its checks are published, whether reviewers are named.
Each change is an audit event like a reviewer action on a claim."""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..errors import BadInput
from .audit import log_event
from .database import now, transaction
from .review import _typed, valid_url

if TYPE_CHECKING:  # sqlite-utils loads on first use (store/database.py: WorkbenchDatabase)
    from sqlite_utils import Database


@dataclass(frozen=True)
class Setting:
    key: str
    meaning: str
    example: str


SETTINGS = (
    Setting("organisation", "the fact-checking desk, named as the author of every review", "Desk Check"),
    Setting("organisation_url", "the desk's home page", "https://desk.example"),
    Setting("review_url", "the page of each published check; {claim} is the claim's id "
                          "(without it, the page + #claim-ID)", "https://desk.example/checks/{claim}"),
    Setting("reviewer_names", "yes: name the reviewer as a Person beside the desk in each review's author",
            "yes"),
)
KEYS = tuple(s.key for s in SETTINGS)
_YES, _NO = ("yes", "true", "on", "1"), ("no", "false", "off", "0")


def get_settings(db: Database) -> dict[str, str]:
    """Every desk setting that has been set, by key."""
    if "settings" not in db.table_names():
        return {}
    return {r["key"]: r["value"] for r in db.query("SELECT key, value FROM settings ORDER BY key")}


def get_setting(db: Database, key: str) -> str | None:
    _known(key)
    return get_settings(db).get(key)


def set_setting(db: Database, key: str, value: str, reviewer: str) -> str | None:
    """Set (or with an empty value, clear) one desk setting; returns the value stored."""
    _known(key)
    stored = _checked(key, value)
    with transaction(db) as conn:
        row = conn.execute("SELECT value FROM settings WHERE key = ?", [key]).fetchone()
        before = row[0] if row else None
        if stored is None:
            conn.execute("DELETE FROM settings WHERE key = ?", [key])
        else:
            conn.execute("INSERT INTO settings (key, value, updated_by, updated_at) VALUES (?, ?, ?, ?) "
                         "ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_by = excluded.updated_by, "
                         "updated_at = excluded.updated_at", [key, stored, reviewer, now()])
        log_event(conn, reviewer, "setting", "settings", None, None, {key: before}, {key: stored})
    return stored


def names_reviewers(settings: dict[str, Any]) -> bool:
    return str(settings.get("reviewer_names") or "").lower() in _YES


def _known(key: str) -> None:
    if key not in KEYS:
        raise BadInput(f"no desk setting {key!r}; use one of: {', '.join(KEYS)}")


def _checked(key: str, value: str) -> str | None:
    value = " ".join((_typed(value) or "").split())
    if not value:
        return None
    if key in ("organisation_url", "review_url"):
        # {claim} is filled in per claim; check the address it makes
        valid_url(value.replace("{claim}", "1"))
        if key == "review_url" and "{" in value.replace("{claim}", ""):
            raise BadInput(f"{value!r}: the only placeholder a review URL takes is {{claim}}")
    if key == "reviewer_names":
        if value.lower() not in _YES + _NO:
            raise BadInput(f"reviewer_names is yes or no, not {value!r}")
        value = "yes" if value.lower() in _YES else "no"
    return value


def set_rating(db: Database, verdict: str, value: str, reviewer: str) -> dict[str, Any]:
    """Renumber or rename one verdict of the scale: "NUMBER NAME", or "- NAME" for a verdict with no place
    on the published scale (as "unproven"). Its number is ClaimReview's ratingValue, its name alternateName."""
    number, _, label = " ".join((_typed(value) or "").split()).partition(" ")
    if not label or not (number == "-" or number.isdigit()):
        raise BadInput(f"give the verdict's number and name, e.g. \"2 Mostly false\" (or \"- {label or 'Unproven'}\" "
                       f"for no number); got {value!r}")
    rating_value = None if number == "-" else int(number)
    with transaction(db) as conn:
        row = conn.execute("SELECT label, rating_value FROM verdicts WHERE key = ?", [verdict]).fetchone()
        if row is None:
            keys = [r[0] for r in conn.execute("SELECT key FROM verdicts ORDER BY position")]
            raise BadInput(f"no verdict {verdict!r} on this newsroom's scale; use one of: {', '.join(keys)}")
        conn.execute("UPDATE verdicts SET label = ?, rating_value = ? WHERE key = ?", [label, rating_value, verdict])
        log_event(conn, reviewer, "setting", "verdicts", None, None,
                  {"verdict": verdict, "label": row[0], "rating_value": row[1]},
                  {"verdict": verdict, "label": label, "rating_value": rating_value})
    return {"key": verdict, "label": label, "rating_value": rating_value}
