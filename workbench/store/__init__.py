"""The store: the only code that writes SQL. Open/migrate, import, reviewer actions, audit, health."""
from __future__ import annotations

from .articles import (ImportResult, PreparedArticle, prepare_article, present_article, reextract_article, store_article,
                       write_article)
from .audit import claim_history, log_event
from .database import default_db_path, migrate, now, open_db, transaction
from .health import backup_db, check_db, optimize_db
from .review import (
    STANCES, add_manual_claim, add_note, add_source, claim_with_sources, edit_claim_span, reject_claim,
    reopen_claim, set_note, set_summary, set_verdict, undo_last, valid_date, valid_url, verdict_keys,
)
from .settings import SETTINGS, get_setting, get_settings, set_rating, set_setting
from .rows import count_articles, get_article, get_claim, list_articles, list_claims, list_sources, list_verdicts

__all__ = [
    "ImportResult", "STANCES", "add_manual_claim", "add_note", "add_source", "backup_db", "check_db", "optimize_db",
    "claim_history", "claim_with_sources", "count_articles", "default_db_path", "edit_claim_span", "get_article",
    "get_claim",
    "list_articles", "list_claims", "list_sources", "list_verdicts", "log_event", "migrate", "now", "open_db",
    "reextract_article", "reject_claim", "reopen_claim", "set_note", "set_verdict",
    "SETTINGS", "get_setting", "get_settings", "set_rating", "set_setting", "set_summary", "store_article",
    "transaction", "undo_last", "valid_date", "valid_url", "verdict_keys",
    "PreparedArticle", "prepare_article", "present_article", "write_article",
]
