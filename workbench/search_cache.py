"""The search's index look-ups, remembered per connection while the database does not change.

A reviewer searching as they type sends the same words again and again, and at 10^6 claims each
word's look-up (its first RARE claims in the trigram index, its sentences in the BM25 index) costs
1-40 ms. An answer holds while nobody writes: SQLite's `data_version` changes when another connection
commits, and this connection's `total_changes` when it writes itself; either empties the cache.
Kept on the connection object (a sqlite-utils Database, or db_reader's connection), so it goes with it;
a bare sqlite3.Connection, which takes no attribute, is looked up every time.
"""
from __future__ import annotations

import threading
from collections import OrderedDict
from typing import Any, Callable

SIZE = 4096  # look-ups kept; a rare word's holds < 1,000 ids, a common word's only its count
_ATTRIBUTE = "_workbench_search_cache"
_lock = threading.Lock()  # the TUI's workers share one connection


class _Cache:
    def __init__(self) -> None:
        self.state: tuple[int, int] | None = None
        self.answers: OrderedDict[tuple, Any] = OrderedDict()


def remembered(db: Any, key: tuple, look_up: Callable[[], Any]) -> Any:
    """look_up()'s answer for `key` on this database, computed once while the database is unchanged."""
    cache = getattr(db, _ATTRIBUTE, None)
    if cache is None:
        try:
            cache = _Cache()
            setattr(db, _ATTRIBUTE, cache)
        except AttributeError:  # a plain sqlite3.Connection
            return look_up()
    conn = getattr(db, "conn", db)
    state = (conn.execute("PRAGMA data_version").fetchone()[0], conn.total_changes)
    with _lock:
        if cache.state != state:
            cache.state, cache.answers = state, OrderedDict()
        elif key in cache.answers:
            cache.answers.move_to_end(key)
            return cache.answers[key]
    answer = look_up()
    with _lock:
        if cache.state == state:
            cache.answers[key] = answer
            if len(cache.answers) > SIZE:
                cache.answers.popitem(last=False)
    return answer


def forget(db: Any) -> None:
    """Drop what was remembered on this database: after a ROLLBACK, whose undoing changes neither
    `data_version` nor `total_changes`, answers read inside the transaction would be served as current."""
    with _lock:
        cache = getattr(db, _ATTRIBUTE, None)
        if cache is not None:
            cache.state, cache.answers = None, OrderedDict()
