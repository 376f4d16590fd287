"""What the CLI and the TUI both do with files: read them, extract, store.

Kept apart from the store (which knows only SQL) and from the faces (which only
parse input and show results) so both faces behave the same.
"""
from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterator
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


def extract_article(article: Article, progress: Callable[[float], None] | None = None) -> Extraction:
    return extract(article.body, published_date(article), progress)


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


# One encoder for every document: json.dumps builds a new one per call. No circular check: a document is
# a tree of fresh lists around the dataclasses' own field dicts, and no field refers back to its owner.
_JSON = json.JSONEncoder(ensure_ascii=False, check_circular=False)


def extraction_json(article: Article, extraction: Extraction) -> str:
    """`json.dumps(extraction_document(...), ensure_ascii=False)`, the same text, without copying the field
    dict of each of an article's hundred-odd sentences, claims and quotes first (a Claim's `hints` tuple
    is written as the list its to_dict() makes): `extract --json` writes one per file."""
    return _JSON.encode({
        "source": article.origin,
        "article": article.meta.to_dict() | {"sha256": article.sha256},
        "body": article.body,
        "sentences": [s.__dict__ for s in extraction.sentences],
        "claims": [c.__dict__ for c in extraction.claims],
        "quotes": [q.__dict__ for q in extraction.quotes],
    })


def expand_paths(paths: list[str]) -> Iterator[str]:
    """Files as given; folders walked recursively for article files, in a stable order.

    "" is refused: Path("") is the current folder, and `import "$DIR"` with DIR unset walked all of it."""
    for raw in paths:
        if not raw.strip():
            raise BadInput("an empty path was given; name a file or folder (or - for stdin)")
    for raw in paths:
        p = Path(raw)
        if raw != "-" and p.is_dir():
            for child in sorted(p.rglob("*")):
                if child.is_file() and child.suffix.lower() in IMPORTABLE_SUFFIXES:
                    yield str(child)
        else:
            yield raw


def no_articles_in(folder: str) -> str:
    """What to say of a folder holding no article file: importing nothing without a word looked like success."""
    from .ingest import printable

    return (f"{printable(folder)}: no article files ({' '.join(IMPORTABLE_SUFFIXES)}) in this folder; "
            "nothing imported")


@dataclass(frozen=True)
class ImportOutcome:
    path: str
    result: ImportResult | None = None
    error: str | None = None
    seen_before: int = 0  # new claims linked at import to a reviewed one that reads like it


# What an import of one file is doing, in order, as ImportProgress.stage says it
READING, EXTRACTING, STORING, LINKING, MATCHING, DONE = (
    "reading", "extracting claims and quotes", "storing", "matching reviewed claims", "matching fact-checks",
    "done")


@dataclass(frozen=True)
class ImportProgress:
    """Where the import of one file is: `stage` (one of the names above), `fraction` of that stage done (None:
    not known), and the characters of the article's text (0 until it is read): the faces show a long import."""
    path: str
    stage: str
    fraction: float | None = None
    chars: int = 0


def import_paths(
    db: Database, paths: list[str], reviewer: str, *, url: str | None = None, outlet: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES, progress: Callable[[ImportProgress], None] | None = None,
) -> Iterator[ImportOutcome]:
    """Import each file; a bad file is reported and the batch goes on, whatever went wrong with it.

    A file is stored whole or not at all: its article, claims, "seen before" links and fact-check matches are
    written in one transaction, so an interrupt (ctrl+c: KeyboardInterrupt, which is let through) or a crash
    leaves the database as it was before that file. `progress` is told of each stage as it goes."""
    from .crash import internal_error_line
    from .ingest import printable

    for folder in paths:
        if folder != "-" and Path(folder).is_dir() and next(expand_paths([folder]), None) is None:
            yield ImportOutcome(folder, error=no_articles_in(folder))
    for path in expand_paths(paths):
        try:
            result, seen = _import_one(db, path, reviewer, url, outlet, max_bytes, progress)
        except WorkbenchError as exc:
            yield ImportOutcome(path, error=str(exc))
        except sqlite3.DatabaseError:  # the database's trouble, not this file's: the next file would meet it too
            raise
        except Exception as exc:  # noqa: BLE001 -- a bug on one file stopped a 100-file batch after 2
            yield ImportOutcome(path, error=f"{printable(path)}: not imported, {internal_error_line(exc, 'import')}")
        else:
            yield ImportOutcome(path, result=result, seen_before=seen)


def _import_one(db: Database, path: str, reviewer: str, url: str | None, outlet: str | None, max_bytes: int,
                progress: Callable[[ImportProgress], None] | None) -> tuple[ImportResult, int]:
    """The file stored in one transaction, and how many of its claims were linked as seen before."""
    from .store import prepare_article, present_article, transaction, write_article

    def tell(stage: str, fraction: float | None = None, chars: int = 0) -> None:
        if progress:
            progress(ImportProgress(path, stage, fraction, chars))

    tell(READING)
    article = read_article(path, url=url, outlet=outlet, max_bytes=max_bytes)
    chars = len(article.body)
    present = present_article(db, article.sha256)
    if present:  # nothing to extract: it says what is stored (a second import adds nothing)
        return present, 0
    tell(EXTRACTING, 0.0, chars)
    extraction = extract_article(article, lambda fraction: tell(EXTRACTING, fraction, chars))
    tell(STORING, 0.0, chars)
    prepared = prepare_article(article, extraction)  # before the write lock
    seen = 0
    with transaction(db):
        result = write_article(db, prepared, reviewer, lambda done, total: tell(STORING, done / total, chars))
        if result.added:
            from .factchecks.match import match_article
            from .search import link_seen_before

            seen = link_seen_before(db, result.article_id, lambda done, total: tell(LINKING, done / total, chars))
            tell(MATCHING, None, chars)
            match_article(db, result.article_id)  # other outlets' fact-checks of its claims
    tell(DONE, 1.0, chars)
    return result, seen


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
    from .ingest import clean_text, decode_bytes, printable, read_limited

    if path == "-":
        import sys

        data = read_limited(sys.stdin.buffer, max_bytes)
    else:
        p = Path(path)
        shown = printable(path)
        if not path or not p.is_file():  # "" is the current folder to Path, and a folder is no text
            raise BadInput(f"{shown or repr(path)}: no such file; check the path")
        try:
            with open(p, "rb") as fh:
                data = read_limited(fh, max_bytes)
        except OSError as exc:
            raise BadInput(f"{shown}: cannot read ({exc.strerror or exc}); check its permissions") from None
    if len(data) > max_bytes:
        raise BadInput(f"{printable(path)}: over the {_size(max_bytes)} limit")
    return clean_text(decode_bytes(data, path))
