"""Verdict reports: Markdown, HTML, JSON, CSV and schema.org ClaimReview.

Articles are read and written one at a time (streaming); the same database always gives
byte-identical output; files are written atomically and never overwritten without force.
"""
from __future__ import annotations

import json
import os
import stat
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from ..errors import BadInput, MissingReviewUrls, WorkbenchError
from ..headline import shown_headline
from . import csv_report, html, markdown
from .claimreview import Desk, claim_reviews, load_desk, missing_review_urls, published_claims, script_block
from .collect import article_ids, iter_reports, named_speaker, scale
from .summary import SUMMARY_LIMIT

if TYPE_CHECKING:  # sqlite-utils loads on first use (store/database.py: WorkbenchDatabase)
    from sqlite_utils import Database

__all__ = ["Desk", "FORMATS", "export_report", "load_desk", "write_report"]
FORMATS = ("md", "html", "json", "csv", "claimreview")
SCHEMA_VERSION = 1
Progress = Callable[[int, int], None]
Warn = Callable[[str], None]


def export_report(
    db: Database, ids: list[int] | None, fmt: str, out: TextIO, *, since: str | None = None,
    reviewer: str | None = None, organisation: str | None = None, organisation_url: str | None = None,
    review_url: str | None = None, progress: Progress | None = None, require_url: bool = False,
    warn: Warn | None = None,
) -> int:
    """Write the report for `ids` (None: every article) to `out`; returns the number of articles.

    The organisation and review URL default to the desk settings. `require_url` refuses a ClaimReview export
    with claims that would have no url (before anything is written); `warn` hears of summaries too long."""
    if fmt not in FORMATS:
        raise WorkbenchError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")
    ids = article_ids(db, [str(i) for i in ids] if ids else None, since=since, reviewer=reviewer)
    if not ids:  # an empty report, written without a word, read as if the export had worked (issue 17)
        narrowed = " and ".join(f for f, given in ((f"published since {since}", since),
                                                    (f"worked on by {reviewer}", reviewer)) if given)
        raise BadInput(f"nothing to export: no article {narrowed}; widen the selection"
                       if narrowed else "nothing to export: the library has no articles; import some first")
    verdicts = scale(db)
    desk = load_desk(db, organisation, organisation_url, review_url)
    organisation = desk.organisation
    if require_url and fmt == "claimreview":
        missing = missing_review_urls(db, ids, desk)
        if missing:
            raise MissingReviewUrls(missing)
    total = len(ids)
    if fmt == "html":
        headlines = [(i, shown_headline(dict(zip(("headline", "origin"), db.execute(
            "SELECT headline, origin FROM articles WHERE id = ?", [i]).fetchone())))) for i in ids]
        html.write_header(out, headlines, organisation)
    elif fmt == "md":
        markdown.write_header(out, total, organisation)
    elif fmt == "csv":
        writer = csv_report.write_header(out)
    elif fmt == "json":
        out.write('{"schema_version": %d, "organisation": %s, "verdicts": %s, "articles": [' % (
            SCHEMA_VERSION, json.dumps(organisation), json.dumps(list(verdicts.values()), sort_keys=True)))
    elif fmt == "claimreview":
        out.write("[")
    first = True
    for n, article in enumerate(iter_reports(db, ids, with_history=(fmt == "json")), start=1):
        reviews = claim_reviews(article, verdicts, desk) if fmt in ("html", "claimreview") else []
        if warn:
            for review, claim in zip(reviews, published_claims(article)):
                if len(review["claimReviewed"]) > SUMMARY_LIMIT:
                    warn(f"claim {claim['id']}'s summary is {len(review['claimReviewed'])} characters (Google asks "
                         f"for {SUMMARY_LIMIT} or fewer); shorten it with `workbench summary {claim['id']} TEXT`")
        if fmt == "html":
            html.write_article(out, article, verdicts,
                               {c["id"]: script_block(r) for c, r in zip(published_claims(article), reviews)})
        elif fmt == "md":
            markdown.write_article(out, article, verdicts)
        elif fmt == "csv":
            csv_report.write_article(writer, article)
        elif fmt == "json":
            for claim in article["claims"]:
                claim["speaker"] = named_speaker(claim["speaker"])  # null for an unresolved "he"
            out.write(("" if first else ",") + "\n" + json.dumps(article, ensure_ascii=False, sort_keys=True))
        else:
            for review in reviews:
                out.write(("" if first else ",") + "\n" + json.dumps(review, ensure_ascii=False, sort_keys=True))
                first = False
        if fmt != "claimreview":
            first = False
        if progress:
            progress(n, total)
    if fmt == "html":
        html.write_footer(out, verdicts)
    elif fmt == "json":
        out.write("\n]}\n")
    elif fmt == "claimreview":
        out.write("\n]\n")
    return total


def write_report(db: Database, ids: list[int] | None, fmt: str, path: str | Path, *, force: bool = False,
                 **options) -> Path:
    """Export to `path` atomically (temp file + rename); refuses to overwrite without force."""
    path = Path(path)
    special = path.exists() and not stat.S_ISREG(path.stat().st_mode)
    if path.exists() and not force and not special:
        raise WorkbenchError(f"{path} already exists; choose another name or pass --force")
    if special or path.is_symlink():
        # -o /dev/stdout, a FIFO, a link: write through it. Renaming the temp file over it replaced the
        # link or, run as root, the device node itself (-o /dev/null left a report file in /dev)
        try:
            with open(path, "w", encoding="utf-8", newline="") as out:
                export_report(db, ids, fmt, out, **options)
        except OSError as exc:
            raise _unwritable(path, exc) from exc
        return path
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    except OSError as exc:  # a read-only or missing place is the user's to fix: one line, not a traceback
        raise _unwritable(path, exc) from exc
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as out:
            export_report(db, ids, fmt, out, **options)
        os.chmod(tmp, _shared_file_mode())  # mkstemp makes it 0600; a report is written to be passed on
        os.replace(tmp, path)
    except BaseException as exc:
        if os.path.exists(tmp):
            os.unlink(tmp)
        if isinstance(exc, OSError):  # disk full, or the target is a folder: nothing was left behind
            raise _unwritable(path, exc) from exc
        raise
    return path


def _unwritable(path: Path, exc: OSError) -> WorkbenchError:
    return WorkbenchError(f"cannot write {path}: {exc.strerror or exc}; choose a place you can write to")


def _shared_file_mode() -> int:
    """The mode a plain new file gets here (0644 under the usual umask 022)."""
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask
