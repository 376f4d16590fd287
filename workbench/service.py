"""What the CLI and the TUI both do with files: read them, extract, store.

Kept apart from the store (which knows only SQL) and from the faces (which only
parse input and show results) so both faces behave the same.
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import BadInput, WorkbenchError
from .extract import extract
from .ingest import DEFAULT_MAX_BYTES, IMPORTABLE_SUFFIXES, _size, read_article
from .model import Article, Extraction

if TYPE_CHECKING:  # `extract --json` never touches the database: sqlite_utils and the store load on first use
    from sqlite_utils import Database

    from .store import ImportResult


def published_date(article: Article) -> date | None:
    try:
        return date.fromisoformat(article.meta.published) if article.meta.published else None
    except ValueError:
        return None


def extract_article(article: Article) -> Extraction:
    return extract(article.body, published_date(article))


def extraction_document(article: Article, extraction: Extraction) -> dict[str, Any]:
    """The `extract --json` shape of DESIGN.md."""
    return {
        "source": article.origin,
        "article": article.meta.to_dict() | {"sha256": article.sha256},
        "body": article.body,
        "sentences": [s.to_dict() for s in extraction.sentences],
        "claims": [c.to_dict() for c in extraction.claims],
        "quotes": [q.to_dict() for q in extraction.quotes],
    }


def expand_paths(paths: list[str]) -> Iterator[str]:
    """Files as given; folders walked recursively for article files, in a stable order."""
    for raw in paths:
        p = Path(raw)
        if raw != "-" and p.is_dir():
            for child in sorted(p.rglob("*")):
                if child.is_file() and child.suffix.lower() in IMPORTABLE_SUFFIXES:
                    yield str(child)
        else:
            yield raw


@dataclass(frozen=True)
class ImportOutcome:
    path: str
    result: ImportResult | None = None
    error: str | None = None


def import_paths(
    db: Database, paths: list[str], reviewer: str, *, url: str | None = None, outlet: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Iterator[ImportOutcome]:
    """Import each file; a bad file is reported and the batch goes on."""
    from .store import store_article

    for path in expand_paths(paths):
        try:
            article = read_article(path, url=url, outlet=outlet, max_bytes=max_bytes)
            result = store_article(db, article, extract_article(article), reviewer)
            if result.added:
                from .search import link_seen_before

                link_seen_before(db, result.article_id)
        except WorkbenchError as exc:
            yield ImportOutcome(path, error=str(exc))
        else:
            yield ImportOutcome(path, result=result)


def reextract(db: Database, ref: str, reviewer: str) -> dict[str, int]:
    from .store import get_article, reextract_article

    row = get_article(db, ref)
    meta_published = row["published"]
    try:
        published = date.fromisoformat(meta_published) if meta_published else None
    except ValueError:
        published = None
    return reextract_article(db, row["id"], extract(row["body"], published), reviewer)


def read_text_arg(path: str, max_bytes: int = DEFAULT_MAX_BYTES) -> str:
    """Text of a file (or "-" for stdin), decoded like an article; for transcripts and source texts."""
    from .ingest import clean_text, decode_bytes

    if path == "-":
        import sys

        data = sys.stdin.buffer.read(max_bytes + 1)
    else:
        p = Path(path)
        if not p.is_file():
            raise BadInput(f"{path}: no such file; check the path")
        data = p.read_bytes()
    if len(data) > max_bytes:
        raise BadInput(f"{path}: over the {_size(max_bytes)} limit")
    return clean_text(decode_bytes(data, path))
