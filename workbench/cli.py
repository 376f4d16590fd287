"""The `workbench` command: a thin click layer over the store and service functions.

Every command parses options, calls one library function and prints. A user's
mistake is one line on stderr and exit 1; a usage error exit 2; never a traceback.
"""
from __future__ import annotations

import gc
import json
import os
import sqlite3
import sys
from typing import Any

import click

from .errors import BadInput, WorkbenchError
from .headline import shown_headline
from .limits import DEFAULT_MAX_BYTES
from .model import CLAIM_KINDS
from .options import MAX_NAME, Settings, _login_name, _reviewer_name  # noqa: F401 -- other command modules'


class WorkbenchGroup(click.Group):
    """Turns the errors a user can cause into one line and exit status 1, a usage error into one line and
    exit 2, and anything unforeseen into one line, a private log and exit 70 (crash.py)."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except WorkbenchError as exc:
            _say(str(exc))
            ctx.exit(1)
        except sqlite3.DatabaseError as exc:
            _say(_database_error(ctx, exc))
            ctx.exit(1)
        except BrokenPipeError:
            ctx.exit(0)
        except OSError as exc:  # a path the system refuses (name too long, no space left): the person's to fix
            where = f"{_cut_path(exc.filename)}: " if exc.filename else ""
            _say(f"{where}{exc.strerror or exc}; check the path and that there is room to write")
            ctx.exit(1)

    def main(self, args=None, prog_name=None, complete_var=None, standalone_mode=True, **extra) -> Any:
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        from .crash import INTERNAL_ERROR_EXIT, internal_error_line

        try:
            code = super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        except click.exceptions.NoArgsIsHelpError as exc:  # `workbench source`: the group's help is the answer
            exc.show()
            code = exc.exit_code
        except click.UsageError as exc:  # click prints usage, a hint and the error: three lines, one is wanted
            where = exc.ctx.command_path if exc.ctx else "workbench"
            _say(f"{exc.format_message()} (see `{where} --help`)", prefix=f"{where}: ")
            code = exc.exit_code
        except click.ClickException as exc:
            _say(exc.format_message())
            code = exc.exit_code
        except click.Abort:  # ctrl+c: the shell shows ^C already
            code = 130
        except Exception as exc:  # the last resort: a bug of ours, never the user's input
            _say(internal_error_line(exc, " ".join(sys.argv[1:2])))
            code = INTERNAL_ERROR_EXIT
        sys.exit(code if isinstance(code, int) else 0)


def _cut_path(name: Any) -> str:
    text = os.fsdecode(name) if isinstance(name, (str, bytes)) else str(name)
    return text if len(text) <= 120 else text[:60] + "…" + text[-59:]


def _counted(n: int, noun: str) -> str:
    """"1 quote", "2 quotes": "1 quotes" read as a slip to a journalist."""
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def _say(message: str, prefix: str = "workbench: ") -> None:
    """One line on stderr, whatever the message holds: a path or name with a newline forged a second line."""
    from .typed_text import printable

    if len(message) > MAX_MESSAGE:  # a 1 MB argument was echoed whole; the remedy is at the end, keep it
        message = message[:MAX_MESSAGE // 2] + " … " + message[-MAX_MESSAGE // 2:]
    click.echo(prefix + printable(message), err=True)


MAX_MESSAGE = 600


def _database_error(ctx: click.Context, exc: sqlite3.DatabaseError) -> str:
    """What a database error means for the person: read-only, damaged, or unreadable, each with its remedy
    (every one used to say "run db check", which then reported a problem that was not there)."""
    from .store.database import read_only_message

    settings = ctx.find_object(Settings)
    path = settings.resolved_db_path() if settings else None
    text = str(exc)
    if "readonly" in text or "read-only" in text:
        return read_only_message(path) if path else f"the database is read-only ({text}); nothing was written"
    if "unable to open" in text:
        return (f"cannot open the database {path} ({text}); check the file's and its folder's permissions"
                if path else f"cannot open the database ({text})")
    if "malformed" in text or "not a database" in text or "corrupt" in text:
        return f"the database is damaged ({text}); run `workbench db check`, then restore a backup"
    return f"database error: {text}; run `workbench db check`"


def _paths(ctx: click.Context, param: click.Parameter, value: Any) -> Any:
    """A path argument the system can take: a NUL in it was a ValueError deep in os.stat."""
    for path in (value if isinstance(value, tuple) else [value]):
        if path is not None and "\x00" in path:
            raise click.BadParameter("a file name cannot hold a NUL character", ctx=ctx, param=param)
    return value


class FilePath(click.Path):
    """click.Path for a file, refusing a NUL before click's own os.stat raises ValueError on it."""

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if isinstance(value, str) and "\x00" in value:
            self.fail("a file name cannot hold a NUL character", param, ctx)
        return super().convert(value, param, ctx)


FILE_PATH = FilePath(dir_okay=False)


class TypedText(click.ParamType):
    """Free text from the command line, cleaned at the boundary as article text is at import: terminal
    escapes and control characters out, argv bytes that were not UTF-8 read as Windows-1252 (a lone
    surrogate reached SQLite and the exports as a UnicodeEncodeError)."""

    name = "text"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        from .typed_text import typed_text

        return typed_text(value) if isinstance(value, str) else value


TEXT = TypedText()


def emit_json(data: Any) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=None, default=str))


pass_settings = click.make_pass_decorator(Settings)


@click.group(cls=WorkbenchGroup, invoke_without_command=True)
@click.option("--db", "db_path", envvar="WORKBENCH_DB", type=FILE_PATH,
              help="Database file (default: $WORKBENCH_DB, else the user data directory).")
@click.option("--reviewer", help="Your name in the audit trail (default: $WORKBENCH_REVIEWER, else login).")
@click.version_option(package_name="claim-workbench")
@click.pass_context
def cli(ctx: click.Context, db_path: str | None, reviewer: str | None) -> None:
    """Claim Workbench: break articles into checkable claims and quotes, review them, export reports.

    With no command, opens the review TUI on the library.
    """
    ctx.obj = Settings(db_path, reviewer)
    if ctx.invoked_subcommand is None:
        _open_tui(ctx.obj, None)


# what opening the TUI raised when launch.py opened it without click: cli.main is then run on the same
# arguments, and the TUI's opening raises it here, to be reported as every command's errors are
_launch_failure: BaseException | None = None


def _open_tui(settings: Settings, article_ref: str | None) -> None:
    if _launch_failure is not None:
        raise _launch_failure
    # no cycle collections in Textual's imports (~85 young ones, 10-40 ms) nor in the app's start: the app
    # turns the collector back on once its first screen is painted (WorkbenchApp.settle_memory)
    gc.disable()
    from .start_codes import seed

    seed()  # Textual's and Rich's patterns, compiled once at `make install` (start_codes.py)
    try:
        from .tui.app import run_app
    except ImportError:
        gc.enable()
        _print_articles(settings, as_json=False)
        return
    article_id = None
    if article_ref is not None:
        from .store import get_article

        article_id = get_article(settings.db, article_ref)["id"]
    run_app(settings.db, settings.reviewer, article_id=article_id)


@cli.command()
@click.argument("article", required=False)
@pass_settings
def review(settings: Settings, article: str | None) -> None:
    """Open the TUI, at ARTICLE (an id or sha256 prefix) if given."""
    _open_tui(settings, article)


@cli.command("import")
@click.argument("paths", nargs=-1, required=True, callback=_paths)
@click.option("--url", help="The article's web address (one file only).")
@click.option("--outlet", type=TEXT, help="The publication, when the file does not say.")
@click.option("--max-bytes", default=DEFAULT_MAX_BYTES, show_default=True, type=click.IntRange(min=1),
              help="Refuse files larger than this.")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON array of results.")
@pass_settings
def import_(settings: Settings, paths: tuple[str, ...], url: str | None, outlet: str | None,
            max_bytes: int, as_json: bool) -> None:
    """Import articles: files, folders (recursively .txt .md .html .htm) or - for stdin."""
    from .typed_text import printable
    from .service import import_paths

    if url is not None:
        from .store import valid_url

        url = valid_url(url)
    from .cli_progress import ProgressReporter

    failed = 0
    results = []
    progress = ProgressReporter(sys.stderr)
    outcomes = import_paths(settings.db, list(paths), settings.reviewer, url=url, outlet=outlet,
                            max_bytes=max_bytes, progress=progress)
    while True:
        try:
            outcome = next(outcomes, None)
        except KeyboardInterrupt:  # the file's transaction was rolled back: say so, in one line
            _say(progress.interrupted(len(results) - failed))
            sys.exit(130)
        if outcome is None:
            break
        progress.done()
        if outcome.error:
            failed += 1
            _say(outcome.error)
            results.append({"path": outcome.path, "error": outcome.error})
            continue
        r = outcome.result
        results.append({"path": outcome.path, **r.to_dict(), "seen_before": outcome.seen_before})
        if not as_json:
            state = "added" if r.added else "already present"
            # a claim already checked, come back reworded: the first thing a fact-checker wants to know
            seen = f", {outcome.seen_before} seen before" if outcome.seen_before else ""
            where = "stdin" if outcome.path == "-" else printable(outcome.path)
            click.echo(f"{state}: #{r.article_id} {printable(r.headline or '(no headline)')} — "
                       f"{_counted(r.claims, 'claim')}, {_counted(r.quotes, 'quote')}{seen}  [{where}]")
    if as_json:
        emit_json(results)
    if failed:
        if failed == len(results):
            sys.exit(1)
        click.echo(f"workbench: {failed} of {len(results)} files failed; the others were imported", err=True)
        sys.exit(1)


@cli.command()
@click.argument("paths", nargs=-1, required=True, callback=_paths)
@click.option("--json", "as_json", is_flag=True, default=True, help="One JSON document per file, one per line.")
@click.option("--max-bytes", default=DEFAULT_MAX_BYTES, show_default=True, type=click.IntRange(min=1),
              help="Refuse files larger than this.")
def extract(paths: tuple[str, ...], as_json: bool, max_bytes: int) -> None:
    """Extract claims and quotes without storing anything."""
    from pathlib import Path

    from .ingest import read_article
    from .service import expand_paths, extract_article, extraction_json, no_articles_in

    failed = 0
    out = sys.stdout
    for folder in paths:
        if folder.strip() and folder != "-" and Path(folder).is_dir() and next(expand_paths([folder]), None) is None:
            failed += 1
            _say(no_articles_in(folder))
    for path in expand_paths(list(paths)):
        try:
            article = read_article(path, max_bytes=max_bytes)
        except WorkbenchError as exc:
            failed += 1
            _say(str(exc))
            continue
        out.write(extraction_json(article, extract_article(article)) + "\n")
    if failed:
        sys.exit(1)


def _print_articles(settings: Settings, as_json: bool) -> None:
    from .store import list_articles

    rows = list_articles(settings.db)
    if as_json:
        emit_json(rows)
        return
    if not rows:
        click.echo("No articles yet: `workbench import PATH` adds some.")
        return
    for r in rows:
        # a rejected claim is done, as in the library's bar: "19/20" after a full pass read as one left
        to_review = r["claims"] + r["quotes"] - r["rejected"]
        click.echo(f"#{r['id']:<5} {r['published'] or '          '}  {r['reviewed']:>3}/{to_review:<3} "
                   f"{(r['outlet'] or '')[:18]:<18} {shown_headline(r)}")


@cli.command()
@click.option("--json", "as_json", is_flag=True, help="Print a JSON array.")
@pass_settings
def articles(settings: Settings, as_json: bool) -> None:
    """Articles, newest first, with review progress: reviewed / claims not rejected."""
    _print_articles(settings, as_json)


def _claim_line(c: dict[str, Any], worthiness: bool = False) -> str:
    """One claim; with `worthiness` (--sort worthiness) its score, the key the list is sorted by."""
    v = c.get("value") or {}
    fields = ", ".join(f"{k}:{v[k]}" for k in ("number", "currency", "unit", "date", "low", "high")
                       if v.get(k) is not None)
    value = f" = {fields}" if fields else ""  # "last year = " when the value held none of these
    if worthiness:
        value += f"  cw {c['checkworthiness']:.2f}"
    who = f"  — {c['speaker']}" if c.get("speaker") else ""
    verdict = f"  [{c['verdict']}]" if c.get("verdict") else ("  [rejected]" if c["status"] == "rejected" else "")
    hints = f"  ⚠ {'; '.join(c['hints'])}" if c.get("hints") else ""
    return f"{c['id']:>6}  {c['kind']:<10} {c['text'][:70]!s}{value}{who}{verdict}{hints}"


@cli.command()
@click.argument("article")
@click.option("--kind", type=click.Choice(CLAIM_KINDS, case_sensitive=False), help="Only this kind.")
@click.option("--status", type=click.Choice(["open", "reviewed", "rejected"]),
              help="Only claims still open, with a verdict, or rejected.")
@click.option("--sort", "order", type=click.Choice(["position", "worthiness", "kind", "verdict"]),
              default="position", show_default=True,
              help="Article order, most check-worthy first, by kind, or by verdict "
                   "(not reviewed first, then the scale, rejected last).")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON array.")
@pass_settings
def claims(settings: Settings, article: str, kind: str | None, status: str | None, order: str, as_json: bool) -> None:
    """Claims and quotes of ARTICLE (id or sha256 prefix): in article order, by check-worthiness, kind or
    verdict."""
    from .store import get_article, list_claims

    from .search import seen_before

    row = get_article(settings.db, article)
    found = list_claims(settings.db, row["id"], kind=kind, status=status, order=order)
    for c in found:
        c.pop("search_text", None)
        c["seen_before"] = seen_before(settings.db, c["id"])
    if as_json:
        emit_json(found)
        return
    click.echo(f"#{row['id']} {shown_headline(row)}")
    for c in found:
        click.echo(_claim_line(c, worthiness=order == "worthiness"))
        for past in c["seen_before"]:
            click.echo(f"        seen before: #{past['id']} [{past['verdict']}] {past['text'][:60]} "
                       f"({past['headline'] or ''}, {past['published'] or ''})")


@cli.command()
@click.argument("claim", type=int)
@click.argument("verdict", type=TEXT)
@click.option("--note", type=TEXT, help="Append this to the claim's note.")
@click.option("--expect-version", type=int, metavar="N",
              help="Refuse if the claim is no longer at version N (as `claims --json` showed it).")
@pass_settings
def verdict(settings: Settings, claim: int, verdict: str, note: str | None, expect_version: int | None) -> None:
    """Give CLAIM a VERDICT on the newsroom's scale (see `workbench verdicts`)."""
    from .store import set_verdict

    row = set_verdict(settings.db, claim, verdict, settings.reviewer, note=note, expected_version=expect_version)
    click.echo(f"claim {row['id']}: {row['verdict']} (version {row['version']})")
    if row["replaced"]:
        old = row["replaced"]
        _say(f"this replaced {old['reviewer']}'s verdict {old['verdict']!r} (version {old['version']}); "
             f"`workbench history {row['id']}` shows both")


@cli.command()
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@pass_settings
def verdicts(settings: Settings, as_json: bool) -> None:
    """The newsroom's rating scale."""
    from .store import list_verdicts

    rows = list_verdicts(settings.db)
    if as_json:
        emit_json(rows)
        return
    for r in rows:
        click.echo(f"{r['shortcut']}  {r['key']:<13} {r['meaning']}")


@cli.command()
@click.argument("claim", type=int)
@click.argument("text", type=TEXT, required=False)
@click.option("--file", "note_file", metavar="PATH", callback=_paths, help="Append the text of this file (- for stdin).")
@pass_settings
def note(settings: Settings, claim: int, text: str | None, note_file: str | None) -> None:
    """Append TEXT to CLAIM's note; TEXT - (or --file PATH) reads it from stdin (or the file)."""
    from .service import read_text_arg
    from .store import add_note

    if (text is None) == (note_file is None):
        raise click.UsageError("give the note as TEXT, as - to read stdin, or with --file PATH (one of them)")
    if text == "-" or note_file is not None:  # a 10 MB note cannot pass as an argument
        text = read_text_arg(note_file or "-")
    row = add_note(settings.db, claim, text, settings.reviewer)
    click.echo(f"claim {row['id']}: note saved (version {row['version']})")


@cli.command()
@click.argument("claim", type=int)
@pass_settings
def reject(settings: Settings, claim: int) -> None:
    """Mark CLAIM as not check-worthy (kept, and logged)."""
    from .store import reject_claim

    row = reject_claim(settings.db, claim, settings.reviewer)
    click.echo(f"claim {row['id']}: rejected")


@cli.group()
def source() -> None:
    """Sources linked to claims."""


@source.command("add")
@click.argument("claim", type=int)
@click.argument("url")
@click.option("--title", type=TEXT, help="The source's title.")
@click.option("--publisher", type=TEXT, help="Who published it.")
@click.option("--published", type=TEXT, help="The source's date (YYYY-MM-DD).")
@click.option("--excerpt", type=TEXT, help="The passage that matters.")
@click.option("--stance", type=click.Choice(["supports", "refutes", "context"]), default="context",
              show_default=True, help="Whether the source supports the claim, refutes it or gives context.")
@pass_settings
def source_add(settings: Settings, claim: int, url: str, title: str | None, publisher: str | None,
               published: str | None, excerpt: str | None, stance: str) -> None:
    """Link URL to CLAIM as a source."""
    from .store import add_source

    link = add_source(settings.db, claim, url, settings.reviewer, title=title, publisher=publisher,
                      published=published, excerpt=excerpt, stance=stance)
    click.echo(f"claim {claim}: source #{link['source_id']} linked ({stance})")
    for field, stored in link["kept"].items():
        _say(f"source #{link['source_id']} already has {field} {stored!r}, shared by every claim citing it; "
             f"kept (the {field} given was not applied)", prefix="")


@cli.command()
@click.argument("claim", type=int)
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@pass_settings
def history(settings: Settings, claim: int, as_json: bool) -> None:
    """The audit trail of CLAIM: who changed what, when, before and after."""
    from .store import claim_history

    events = claim_history(settings.db, claim)
    if as_json:
        emit_json(events)
        return
    from .typed_text import printable
    from .store.audit import change_summary

    for e in events:
        click.echo(printable(f"{e['at']}  {e['reviewer']:<12} {e['action']:<9} {change_summary(e)}"))


@cli.command()
@click.option("--claim", "claim_id", type=int, help="Only your last action on this claim.")
@pass_settings
def undo(settings: Settings, claim_id: int | None) -> None:
    """Undo your last action (the undo is itself logged)."""
    from .store import undo_last
    from .typed_text import printable

    result = undo_last(settings.db, settings.reviewer, claim_id=claim_id)
    click.echo(printable(f"undone: {result['undone']} on claim {result['claim_id']} "
                         f"“{_cut(result['text'], 60)}” (article {result['article_id']})"))


@cli.command()
@click.argument("article")
@pass_settings
def reextract(settings: Settings, article: str) -> None:
    """Re-run extraction on ARTICLE, keeping every reviewed or hand-added claim."""
    from .service import reextract as run

    summary = run(settings.db, article, settings.reviewer)
    click.echo(f"kept {summary['kept']} reviewed or manual claims, replaced {summary['removed']} "
               f"with {summary['added']} new findings")


@cli.group("db")
def db_group() -> None:
    """Where the database is, check it, back it up, optimize it."""


@db_group.command("path")
@pass_settings
def db_path(settings: Settings) -> None:
    """Print the database file's path."""
    from .typed_text import printable

    click.echo(printable(str(settings.resolved_db_path())))


@db_group.command("check")
@pass_settings
def db_check(settings: Settings) -> None:
    """Integrity, foreign keys and the workbench's invariants."""
    from .store import check_db

    try:
        problems = check_db(settings.db)
    except sqlite3.DatabaseError as exc:  # so damaged it will not open: that is the report, not a failure
        problems = [f"integrity: the file does not open as a database ({exc})"]
    for p in problems:
        click.echo(p)
    if problems:
        click.echo(f"workbench: {len(problems)} problems found; back up the file before repairing", err=True)
        sys.exit(1)
    click.echo("ok")


@db_group.command("backup")
@click.argument("target", type=FILE_PATH)
@click.option("--force", is_flag=True, help="Overwrite TARGET if it exists.")
@pass_settings
def db_backup(settings: Settings, target: str, force: bool) -> None:
    """A consistent copy of the database while others keep writing."""
    from .store import backup_db

    from .typed_text import printable

    if not target.strip():
        raise BadInput("the backup path is empty; give the file to write the copy to")
    path = backup_db(settings.db, target, force=force)
    click.echo(f"backed up to {printable(str(path))}")


@db_group.command("optimize")
@pass_settings
def db_optimize(settings: Settings) -> None:
    """Merge the search index and refresh statistics (after big imports; takes seconds)."""
    import time

    from .store import optimize_db

    started = time.perf_counter()
    optimize_db(settings.db)
    click.echo(f"optimized in {time.perf_counter() - started:.1f} s")


@cli.command()
@click.argument("query", type=TEXT)
# IntRange: -1 sliced off the last hit
@click.option("--limit", default=20, show_default=True, type=click.IntRange(min=1),
              help="At most this many claims.")
@click.option("--verdict", type=TEXT, help="Only claims with this verdict (`workbench verdicts` lists them).")
@click.option("--kind", type=TEXT, help=f"Only this kind: {', '.join(CLAIM_KINDS)}.")
@click.option("--outlet", type=TEXT, help="Only articles whose outlet contains this text.")
@click.option("--since", type=TEXT, help="Articles published on or after this date (YYYY-MM-DD).")
@click.option("--until", type=TEXT, help="Articles published on or before this date.")
@click.option("--reviewer", type=TEXT, help="Only claims this reviewer judged last.")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON array.")
@pass_settings
def search(settings: Settings, query: str, limit: int, verdict: str | None, kind: str | None, outlet: str | None,
           since: str | None, until: str | None, reviewer: str | None, as_json: bool) -> None:
    """Fuzzy search of every claim: typos, reworded and reformatted numbers still match."""
    from .search import search_claims

    if not query.strip():  # "No matching claims." would say the library lacks something never asked for
        raise BadInput("the search is empty; give some words or a figure to look for")
    found = search_claims(settings.read_db, query, limit=limit, verdict=verdict, kind=kind, outlet=outlet,
                          since=since, until=until, reviewer=reviewer)
    if as_json:
        emit_json(found)
        return
    if not found:
        click.echo("No matching claims.")
    for r in found:
        # the article's id is what `review`, `claims` and `export` take; a rejected claim is not an open one;
        # an undated article keeps its headline in the headline column
        state = r["verdict"] or ("rejected" if r["status"] == "rejected" else "-")
        who = f" — {r['speaker']}" if r["kind"] == "quote" and r["speaker"] else ""
        claim = _cut(r["text"], 60 - len(who)) + who
        click.echo(f"{r['score']:>5.1f}  #{r['id']:<6} {state:<12} {claim:<60}  "
                   f"article #{r['article_id']:<5} {r['published'] or '':<10} {_cut(r['headline'] or '', 40)}")
        if r.get("also_in"):  # copies of the sentence in other articles, shown once
            more = len(r["also_in_articles"]) - 8
            click.echo(f"{'':26}also in {r['also_in']} article{'s' if r['also_in'] > 1 else ''}: "
                       f"{', '.join(f'#{a}' for a in r['also_in_articles'][:8])}"
                       f"{f', … {more} more' if more > 0 else ''}")


def _cut(text: str, width: int) -> str:
    """At most `width` characters, cut at a word with an ellipsis ("Nobody wants to str" said nothing)."""
    text = " ".join(text.split())
    if len(text) <= width:
        return text
    cut = text[:width - 1]
    cut = cut.rsplit(" ", 1)[0] if " " in cut else cut
    return cut.rstrip(" ,;:") + "…"


@cli.command()
@click.argument("articles", nargs=-1)
@click.option("--all", "all_articles", is_flag=True, help="Every article in the database.")
@click.option("--format", "fmt", required=True,
              type=click.Choice(["md", "html", "json", "csv", "claimreview"]),
              help="Markdown, one self-contained HTML file, JSON, CSV, or schema.org ClaimReview JSON-LD.")
@click.option("-o", "--output", type=FILE_PATH, help="Write here (atomically) instead of stdout.")
@click.option("--force", is_flag=True, help="Overwrite OUTPUT if it exists.")
@click.option("--since", type=TEXT, help="Only articles published on or after this date (YYYY-MM-DD).")
@click.option("--reviewer", "by_reviewer", type=TEXT, help="Only articles this reviewer worked on.")
@click.option("--organisation", type=TEXT, envvar="WORKBENCH_ORGANISATION",
              help="The fact-checking organisation named as the reviews' author [$WORKBENCH_ORGANISATION; "
                   "default: the desk setting].")
@click.option("--organisation-url", type=TEXT, envvar="WORKBENCH_ORGANISATION_URL",
              help="Its home page, for ClaimReview [$WORKBENCH_ORGANISATION_URL].")
@click.option("--review-url", type=TEXT, envvar="WORKBENCH_REVIEW_URL",
              help="The page of each published check, {claim} standing for the claim's id (else it + #claim-ID) "
                   "[$WORKBENCH_REVIEW_URL; default: the desk setting review_url].")
@click.option("--draft", is_flag=True, help="ClaimReview: export claims without a review URL, marked as drafts.")
@pass_settings
def export(settings: Settings, articles: tuple[str, ...], all_articles: bool, fmt: str, output: str | None,
           force: bool, since: str | None, by_reviewer: str | None, organisation: str | None,
           organisation_url: str | None, review_url: str | None, draft: bool) -> None:
    """Export verdict reports for ARTICLE... or --all."""
    from .report import write_report
    from .report.collect import article_ids

    if not articles and not all_articles:
        raise click.UsageError("name one or more ARTICLEs (id or sha256 prefix) or pass --all")
    if articles and all_articles:  # it exported the named articles only, and said nothing of --all
        _say(f"name ARTICLEs or pass --all, not both (got {' '.join(articles)[:80]} and --all)",
             prefix="workbench export: ")
        sys.exit(2)
    if output is not None and not output.strip():  # -o "" wrote to stdout, as if no -o had been given
        raise BadInput("-o is an empty path; give the report's file name, or leave -o out for stdout")
    ids = article_ids(settings.db, list(articles) or None)
    options = {"since": since, "reviewer": by_reviewer, "organisation": organisation,
               "organisation_url": organisation_url, "review_url": review_url,
               "require_url": not draft, "warn": lambda line: click.echo(f"warning: {line}", err=True)}
    if output:
        progress = None
        if sys.stderr.isatty() and len(ids) > 50:
            progress = lambda n, total: click.echo(f"\r{n}/{total} articles", err=True, nl=n == total)
        path = write_report(settings.db, ids, fmt, output, force=force, progress=progress, **options)
        _say(f"wrote {path}", prefix="")
    else:
        _export_whole(settings, ids, fmt, options)


def _export_whole(settings: Settings, ids: list[int], fmt: str, options: dict[str, Any]) -> None:
    """Export to stdout whole or not at all: a damaged database stopped one half-way, and half a JSON
    document in a pipe is worse than none. Spooled to a file past 32 MB, so a big library still streams."""
    import shutil
    import tempfile

    from .report import export_report

    with tempfile.SpooledTemporaryFile(max_size=32 << 20, mode="w+", encoding="utf-8", newline="") as spool:
        export_report(settings.db, ids, fmt, spool, **options)
        spool.seek(0)
        shutil.copyfileobj(spool, sys.stdout)


# ---- quote and figure checks (issue 8) ----


def _link_check(settings: Settings, claim_id: int, url: str | None, title: str | None, excerpt: str,
                stance: str, checks: dict[str, Any], text: str | None = None) -> dict[str, Any] | None:
    """Store a check with its source link (and so in the audit log); nothing is stored without a URL."""
    if url is None:  # --source "" (a variable left unset) is refused by add_source, not read as no link
        return None
    from .store import add_source

    return add_source(settings.db, claim_id, url, settings.reviewer, title=title, excerpt=excerpt,
                      stance=stance, text=text, checks=checks)


@cli.command("quote-check")
@click.argument("claim", type=int)
@click.argument("source_file", callback=_paths)
@click.option("--url", help="Link the source at this address and store the check with the link.")
@click.option("--title", type=TEXT, help="The source's title, when --url links it.")
@click.option("--json", "as_json", is_flag=True, help="Print the check as JSON.")
@pass_settings
def quote_check(settings: Settings, claim: int, source_file: str, url: str | None, title: str | None,
                as_json: bool) -> None:
    """Find quote CLAIM in SOURCE_FILE (a transcript, speech or release; - for stdin) and diff it."""
    from .checks import check_quote
    from .service import read_text_arg
    from .store import get_claim

    row = get_claim(settings.db, claim)
    if row["kind"] != "quote":
        raise BadInput(f"claim {claim} is a {row['kind']}, not a quote; for a figure use `workbench figure-check`")
    source_text = read_text_arg(source_file)
    check = check_quote(row["text"], source_text)
    stored = {k: v for k, v in check.to_dict().items() if k != "context"}
    link = _link_check(settings, claim, url, title, check.passage or "(not found)", check.stance,
                       {"quote_check": stored}, text=source_text)
    if as_json:
        emit_json({"claim_id": claim, "check": check.to_dict(), "link": link})
        return
    click.echo(f"claim {claim}: {check.verdict} (similarity {check.score:.0f})")
    if check.start is not None:
        label = "closest passage" if check.verdict == "not found" else "passage"
        click.echo(f"{label} [{check.start}:{check.end}]: {check.context}")
    marks = {"omitted": "-", "added": "+", "changed": "~"}
    for op in check.ops:
        if op.op in marks and check.verdict != "not found":
            said = " ".join(op.source_words)
            quoted = " ".join(op.quote_words)
            what = {"omitted": said, "added": quoted, "changed": f"{said} → {quoted}"}[op.op]
            click.echo(f"  {marks[op.op]} {op.op}{' (marked …)' if op.elided else ''}: {what}")
    for warning in check.warnings:
        click.echo(f"warning: {warning.message}")
    click.echo(f"stored with source #{link['source_id']} ({link['stance']})" if link
               else "not stored: give --url to link the source and keep this check")


@cli.command("figure-check")
@click.argument("claim", type=int)
@click.argument("value", type=TEXT)
@click.option("--unit", type=TEXT, help="Unit or scale of VALUE: km, miles, days, %, pp, bn, £m ... (default: the claim's).")
@click.option("--source", "source_url", help="Link the source at this address and store the check with the link.")
@click.option("--title", type=TEXT, help="The source's title, when --source links it.")
@click.option("--json", "as_json", is_flag=True, help="Print the check as JSON.")
@pass_settings
def figure_check(settings: Settings, claim: int, value: str, unit: str | None, source_url: str | None,
                 title: str | None, as_json: bool) -> None:
    """Compare CLAIM's figure with VALUE from the source ("129", "12bn", "55 days")."""
    from .checks import check_figure
    from .store import get_claim

    row = get_claim(settings.db, claim)
    try:
        check = check_figure(row["value"] or {}, row["text"], value, unit)
    except ValueError as exc:
        raise BadInput(str(exc)) from None
    link = _link_check(settings, claim, source_url, title, f"source figure: {check.source_given}", check.stance,
                       {"figure_check": check.to_dict()})
    if as_json:
        emit_json({"claim_id": claim, "check": check.to_dict(), "link": link})
        return
    click.echo(f"claim {claim}: {check.hint}")
    click.echo(f"  {check.explanation}")
    if check.absolute_difference is not None:
        rel = f" ({check.relative_difference:+.1f}%)" if check.relative_difference is not None else ""
        click.echo(f"  difference: {check.absolute_difference:+,.4g} {check.claim_unit or ''}{rel}".rstrip())
    click.echo(f"stored with source #{link['source_id']} ({link['stance']})" if link
               else "not stored: give --source URL to link the source and keep this check")


# ---- desk settings and claim summaries for publishing ClaimReview (issue 21) ----


@cli.group("settings", invoke_without_command=True)
@click.option("--json", "as_json", is_flag=True, help="Print the settings and the rating scale as JSON.")
@click.pass_context
def settings_group(ctx: click.Context, as_json: bool) -> None:
    """The desk's settings for publishing: organisation, its URL, the review URL pattern, the rating scale."""
    if ctx.invoked_subcommand is not None:
        return
    from .store import SETTINGS, get_settings, list_verdicts

    db = ctx.find_object(Settings).db
    values, scale = get_settings(db), list_verdicts(db)
    if as_json:
        from .preferences import load_preferences

        emit_json({"settings": {s.key: values.get(s.key) for s in SETTINGS},
                   "preferences": load_preferences(),
                   "scale": {v["key"]: {"rating_value": v["rating_value"], "label": v["label"]} for v in scale}})
        return
    for s in SETTINGS:
        click.echo(f"{s.key:<17} {values.get(s.key) or '(not set)'}  — {s.meaning}")
    from .preferences import PREFERENCES, config_dir, load_preferences
    from .typed_text import printable

    mine = load_preferences()
    click.echo(f"your own (in {printable(str(config_dir()))}):")
    for p in PREFERENCES:
        click.echo(f"  {p.key:<15} {'yes' if mine[p.key] else 'no'}  — {p.meaning}")
    click.echo("rating scale (verdict.KEY: the number and name ClaimReview publishes):")
    for v in scale:
        number = v["rating_value"] if v["rating_value"] is not None else "-"
        click.echo(f"  verdict.{v['key']:<13} {number}  {v['label']}")


@settings_group.command("get")
@click.argument("key")
@pass_settings
def settings_get(settings: Settings, key: str) -> None:
    """Print one setting (empty when not set)."""
    from .store import get_setting, list_verdicts

    if key.startswith("verdict."):
        row = next((v for v in list_verdicts(settings.db) if v["key"] == key.removeprefix("verdict.")), None)
        if row is None:
            raise BadInput(f"no verdict {key.removeprefix('verdict.')!r}; `workbench settings` lists the scale")
        click.echo(f"{row['rating_value'] if row['rating_value'] is not None else '-'} {row['label']}")
        return
    from .preferences import KEYS, load_preferences

    if key in KEYS:  # the reviewer's own, from preferences.toml: no database needed
        click.echo("yes" if load_preferences()[key] else "no")
        return
    click.echo(get_setting(settings.db, key) or "")


@settings_group.command("set")
@click.argument("key")
@click.argument("value")
@pass_settings
def settings_set(settings: Settings, key: str, value: str) -> None:
    """Set KEY to VALUE ("" clears it); verdict.KEY takes "NUMBER NAME", e.g. "2 Mostly false";
    auto_advance (yes/no) is yours alone, kept in preferences.toml."""
    from .preferences import KEYS, set_preference

    if key in KEYS:
        click.echo(f"{key}: {'yes' if set_preference(key, value) else 'no'}")
        return
    from .store import set_rating, set_setting

    if key.startswith("verdict."):
        row = set_rating(settings.db, key.removeprefix("verdict."), value, settings.reviewer)
        number = row["rating_value"] if row["rating_value"] is not None else "-"
        click.echo(f"verdict.{row['key']}: {number} {row['label']}")
        return
    stored = set_setting(settings.db, key, value, settings.reviewer)
    click.echo(f"{key}: {stored}" if stored else f"{key}: cleared")


@cli.command()
@click.argument("claim", type=int)
@click.argument("text", required=False)
@click.option("--default", "use_default", is_flag=True, help="Go back to the summary worked out from the text.")
@pass_settings
def summary(settings: Settings, claim: int, text: str | None, use_default: bool) -> None:
    """Show CLAIM's published summary (ClaimReview's claimReviewed), or set it to TEXT."""
    from .report.summary import SUMMARY_LIMIT, summary_of
    from .store import get_claim, set_summary

    if text is not None and use_default:
        raise BadInput("give TEXT or --default, not both")
    if text is not None and not text.strip():
        raise BadInput("the summary is empty; write it, or pass --default to go back to the one worked out")
    row = set_summary(settings.db, claim, text or "", settings.reviewer) if text is not None or use_default \
        else get_claim(settings.db, claim)
    shown = summary_of(row)
    long = f"  ({len(shown)} characters: Google asks for {SUMMARY_LIMIT} or fewer)" if len(shown) > SUMMARY_LIMIT else ""
    click.echo(f"claim {row['id']}: {shown}{'' if row['summary'] else '  (default)'}{long}")


# ---- commands added by other modules go above this line ----

if __name__ != "__main__":  # run as `python -m workbench.cli`, the module proper (imported below) registers them
    from .cli_factchecks import factchecks  # noqa: E402 -- its module reads this one's helpers
    from .cli_serve import serve  # noqa: E402 -- the same

    cli.add_command(factchecks)
    cli.add_command(serve)


def main() -> None:
    try:
        cli(prog_name="workbench")
    except KeyboardInterrupt:
        sys.exit(130)


if __name__ == "__main__":
    # delegate to the module imported by its name: other command modules import their helpers from it, and
    # importing them from this __main__ copy would import this file a second time, half-way through
    from workbench.cli import main as _main

    _main()
