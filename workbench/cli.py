"""The `workbench` command: a thin click layer over the store and service functions.

Every command parses options, calls one library function and prints. A user's
mistake is one line on stderr and exit 1; a usage error exit 2; never a traceback.
"""
from __future__ import annotations

import getpass
import json
import os
import sqlite3
import sys
from typing import Any

import click

from .errors import BadInput, WorkbenchError
from .ingest import DEFAULT_MAX_BYTES
from .model import CLAIM_KINDS


class WorkbenchGroup(click.Group):
    """Turns the errors a user can cause into one line and exit status 1."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except WorkbenchError as exc:
            click.echo(f"workbench: {exc}", err=True)
            ctx.exit(1)
        except sqlite3.DatabaseError as exc:
            click.echo(f"workbench: database error: {exc}; run `workbench db check`", err=True)
            ctx.exit(1)
        except BrokenPipeError:
            ctx.exit(0)


class Settings:
    """Global options, with the database opened only when a command needs it."""

    def __init__(self, db_path: str | None, reviewer: str | None):
        self.db_path = db_path
        self.reviewer = reviewer or os.environ.get("WORKBENCH_REVIEWER") or _login_name()
        self._db = None

    @property
    def db(self):
        if self._db is None:
            from .store import open_db

            self._db = open_db(self.db_path)
        return self._db

    def resolved_db_path(self):
        from .store import default_db_path

        return self.db_path or default_db_path()


def _login_name() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no login name in some containers
        return "reviewer"


def emit_json(data: Any) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=None, default=str))


pass_settings = click.make_pass_decorator(Settings)


@click.group(cls=WorkbenchGroup, invoke_without_command=True)
@click.option("--db", "db_path", envvar="WORKBENCH_DB", type=click.Path(dir_okay=False),
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


def _open_tui(settings: Settings, article_ref: str | None) -> None:
    try:
        from .tui.app import run_app
    except ImportError:
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
@click.argument("paths", nargs=-1, required=True)
@click.option("--url", help="The article's web address (one file only).")
@click.option("--outlet", help="The publication, when the file does not say.")
@click.option("--max-bytes", default=DEFAULT_MAX_BYTES, show_default=True, help="Refuse files larger than this.")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON array of results.")
@pass_settings
def import_(settings: Settings, paths: tuple[str, ...], url: str | None, outlet: str | None,
            max_bytes: int, as_json: bool) -> None:
    """Import articles: files, folders (recursively .txt .md .html .htm) or - for stdin."""
    from .ingest import printable
    from .service import import_paths

    failed = 0
    results = []
    for outcome in import_paths(settings.db, list(paths), settings.reviewer, url=url, outlet=outlet,
                                max_bytes=max_bytes):
        if outcome.error:
            failed += 1
            click.echo(f"workbench: {outcome.error}", err=True)
            results.append({"path": outcome.path, "error": outcome.error})
            continue
        r = outcome.result
        results.append({"path": outcome.path, **r.to_dict()})
        if not as_json:
            state = "added" if r.added else "already present"
            click.echo(f"{state}: #{r.article_id} {r.headline or '(no headline)'} — {r.claims} claims, "
                       f"{r.quotes} quotes  [{printable(outcome.path)}]")
    if as_json:
        emit_json(results)
    if failed:
        if failed == len(results):
            sys.exit(1)
        click.echo(f"workbench: {failed} of {len(results)} files failed; the others were imported", err=True)
        sys.exit(1)


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--json", "as_json", is_flag=True, default=True, help="One JSON document per file, one per line.")
@click.option("--max-bytes", default=DEFAULT_MAX_BYTES, show_default=True)
def extract(paths: tuple[str, ...], as_json: bool, max_bytes: int) -> None:
    """Extract claims and quotes without storing anything."""
    from .ingest import read_article
    from .service import expand_paths, extract_article, extraction_document

    failed = 0
    out = sys.stdout
    for path in expand_paths(list(paths)):
        try:
            article = read_article(path, max_bytes=max_bytes)
        except WorkbenchError as exc:
            failed += 1
            click.echo(f"workbench: {exc}", err=True)
            continue
        doc = extraction_document(article, extract_article(article))
        out.write(json.dumps(doc, ensure_ascii=False) + "\n")
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
        click.echo(f"#{r['id']:<5} {r['published'] or '          '}  {r['reviewed']:>3}/{r['claims'] + r['quotes']:<3} "
                   f"{(r['outlet'] or '')[:18]:<18} {r['headline'] or '(no headline)'}")


@cli.command()
@click.option("--json", "as_json", is_flag=True, help="Print a JSON array.")
@pass_settings
def articles(settings: Settings, as_json: bool) -> None:
    """Articles, newest first, with review progress (reviewed/total)."""
    _print_articles(settings, as_json)


def _claim_line(c: dict[str, Any]) -> str:
    value = ""
    if c.get("value"):
        v = c["value"]
        value = " = " + ", ".join(f"{k}:{v[k]}" for k in ("number", "currency", "unit", "date", "low", "high")
                                  if v.get(k) is not None)
    who = f"  — {c['speaker']}" if c.get("speaker") else ""
    verdict = f"  [{c['verdict']}]" if c.get("verdict") else ("  [rejected]" if c["status"] == "rejected" else "")
    hints = f"  ⚠ {'; '.join(c['hints'])}" if c.get("hints") else ""
    return f"{c['id']:>6}  {c['kind']:<10} {c['text'][:70]!s}{value}{who}{verdict}{hints}"


@cli.command()
@click.argument("article")
@click.option("--kind", type=click.Choice(CLAIM_KINDS, case_sensitive=False), help="Only this kind.")
@click.option("--status", type=click.Choice(["open", "reviewed", "rejected"]))
@click.option("--sort", "order", type=click.Choice(["position", "worthiness"]), default="position", show_default=True,
              help="Article order, or most check-worthy first.")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON array.")
@pass_settings
def claims(settings: Settings, article: str, kind: str | None, status: str | None, order: str, as_json: bool) -> None:
    """Claims and quotes of ARTICLE (id or sha256 prefix), in article order or by check-worthiness."""
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
    click.echo(f"#{row['id']} {row['headline'] or '(no headline)'}")
    for c in found:
        click.echo(_claim_line(c))
        for past in c["seen_before"]:
            click.echo(f"        seen before: #{past['id']} [{past['verdict']}] {past['text'][:60]} "
                       f"({past['headline'] or ''}, {past['published'] or ''})")


@cli.command()
@click.argument("claim", type=int)
@click.argument("verdict")
@click.option("--note", help="Append this to the claim's note.")
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
        click.echo(f"workbench: this replaced {old['reviewer']}'s verdict {old['verdict']!r} (version {old['version']}); "
                   f"`workbench history {row['id']}` shows both", err=True)


@cli.command()
@click.option("--json", "as_json", is_flag=True)
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
@click.argument("text")
@pass_settings
def note(settings: Settings, claim: int, text: str) -> None:
    """Append TEXT to CLAIM's note."""
    from .store import add_note

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
@click.option("--title")
@click.option("--publisher")
@click.option("--published", help="The source's date (YYYY-MM-DD).")
@click.option("--excerpt", help="The passage that matters.")
@click.option("--stance", type=click.Choice(["supports", "refutes", "context"]), default="context",
              show_default=True)
@pass_settings
def source_add(settings: Settings, claim: int, url: str, title: str | None, publisher: str | None,
               published: str | None, excerpt: str | None, stance: str) -> None:
    """Link URL to CLAIM as a source."""
    from .store import add_source

    link = add_source(settings.db, claim, url, settings.reviewer, title=title, publisher=publisher,
                      published=published, excerpt=excerpt, stance=stance)
    click.echo(f"claim {claim}: source #{link['source_id']} linked ({stance})")
    for field, stored in link["kept"].items():
        click.echo(f"source #{link['source_id']} already has {field} {stored!r}, shared by every claim citing it; "
                   f"kept (the {field} given was not applied)", err=True)


@cli.command()
@click.argument("claim", type=int)
@click.option("--json", "as_json", is_flag=True)
@pass_settings
def history(settings: Settings, claim: int, as_json: bool) -> None:
    """The audit trail of CLAIM: who changed what, when, before and after."""
    from .store import claim_history

    events = claim_history(settings.db, claim)
    if as_json:
        emit_json(events)
        return
    for e in events:
        before, after = e["before"] or {}, e["after"] or {}
        keys = [k for k in sorted(set(before) | set(after)) if k != "version" and before.get(k) != after.get(k)]
        if e["before"] is None:
            change = "; ".join(f"{k}: {after[k]!r}" for k in keys if after.get(k) is not None)
        else:
            change = "; ".join(f"{k}: {before.get(k)!r} → {after.get(k)!r}" for k in keys)
        click.echo(f"{e['at']}  {e['reviewer']:<12} {e['action']:<9} {change}")


@cli.command()
@click.option("--claim", "claim_id", type=int, help="Only your last action on this claim.")
@pass_settings
def undo(settings: Settings, claim_id: int | None) -> None:
    """Undo your last action (the undo is itself logged)."""
    from .store import undo_last

    result = undo_last(settings.db, settings.reviewer, claim_id=claim_id)
    click.echo(f"undone: {result['undone']} on claim {result['claim_id']}")


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
    click.echo(str(settings.resolved_db_path()))


@db_group.command("check")
@pass_settings
def db_check(settings: Settings) -> None:
    """Integrity, foreign keys and the workbench's invariants."""
    from .store import check_db

    problems = check_db(settings.db)
    for p in problems:
        click.echo(p)
    if problems:
        click.echo(f"workbench: {len(problems)} problems found; back up the file before repairing", err=True)
        sys.exit(1)
    click.echo("ok")


@db_group.command("backup")
@click.argument("target", type=click.Path(dir_okay=False))
@click.option("--force", is_flag=True, help="Overwrite TARGET if it exists.")
@pass_settings
def db_backup(settings: Settings, target: str, force: bool) -> None:
    """A consistent copy of the database while others keep writing."""
    from .store import backup_db

    path = backup_db(settings.db, target, force=force)
    click.echo(f"backed up to {path}")


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
@click.argument("query")
@click.option("--limit", default=20, show_default=True, type=click.IntRange(min=1))  # -1 sliced off the last hit
@click.option("--verdict")
@click.option("--kind")
@click.option("--outlet")
@click.option("--since", help="Articles published on or after this date (YYYY-MM-DD).")
@click.option("--until", help="Articles published on or before this date.")
@click.option("--reviewer")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON array.")
@pass_settings
def search(settings: Settings, query: str, limit: int, verdict: str | None, kind: str | None, outlet: str | None,
           since: str | None, until: str | None, reviewer: str | None, as_json: bool) -> None:
    """Fuzzy search of every claim: typos, reworded and reformatted numbers still match."""
    from .search import search_claims

    if not query.strip():  # "No matching claims." would say the library lacks something never asked for
        raise BadInput("the search is empty; give some words or a figure to look for")
    found = search_claims(settings.db, query, limit=limit, verdict=verdict, kind=kind, outlet=outlet,
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
@click.option("--format", "fmt", required=True, type=click.Choice(["md", "html", "json", "csv", "claimreview"]))
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write here (atomically) instead of stdout.")
@click.option("--force", is_flag=True, help="Overwrite OUTPUT if it exists.")
@click.option("--since", help="Only articles published on or after this date (YYYY-MM-DD).")
@click.option("--reviewer", "by_reviewer", help="Only articles this reviewer worked on.")
@click.option("--organisation", envvar="WORKBENCH_ORGANISATION", default="Claim Workbench", show_default=True,
              help="The fact-checking organisation named as the reviews' author [$WORKBENCH_ORGANISATION].")
@click.option("--organisation-url", envvar="WORKBENCH_ORGANISATION_URL",
              help="Its home page, for ClaimReview [$WORKBENCH_ORGANISATION_URL].")
@click.option("--review-url", envvar="WORKBENCH_REVIEW_URL",
              help="The page that publishes these fact-checks; each ClaimReview's url is it + #claim-ID "
                   "[$WORKBENCH_REVIEW_URL].")
@pass_settings
def export(settings: Settings, articles: tuple[str, ...], all_articles: bool, fmt: str, output: str | None,
           force: bool, since: str | None, by_reviewer: str | None, organisation: str,
           organisation_url: str | None, review_url: str | None) -> None:
    """Export verdict reports for ARTICLE... or --all."""
    from .report import export_report, write_report
    from .report.collect import article_ids

    if not articles and not all_articles:
        raise click.UsageError("name one or more ARTICLEs (id or sha256 prefix) or pass --all")
    if articles and all_articles:  # it exported the named articles only, and said nothing of --all
        click.echo(f"workbench export: name ARTICLEs or pass --all, not both (got {' '.join(articles)} and --all)",
                   err=True)
        sys.exit(2)
    ids = article_ids(settings.db, list(articles) or None)
    options = {"since": since, "reviewer": by_reviewer, "organisation": organisation,
               "organisation_url": organisation_url, "review_url": review_url}
    if fmt == "claimreview" and not review_url:
        click.echo("note: without --review-url the ClaimReviews have no url, which Google's fact-check "
                   "markup requires; give the page where you publish them", err=True)
    if output:
        progress = None
        if sys.stderr.isatty() and len(ids) > 50:
            progress = lambda n, total: click.echo(f"\r{n}/{total} articles", err=True, nl=n == total)
        path = write_report(settings.db, ids, fmt, output, force=force, progress=progress, **options)
        click.echo(f"wrote {path}", err=True)
    else:
        export_report(settings.db, ids, fmt, sys.stdout, **options)


# ---- quote and figure checks (issue 8) ----


def _link_check(settings: Settings, claim_id: int, url: str | None, title: str | None, excerpt: str,
                stance: str, checks: dict[str, Any], text: str | None = None) -> dict[str, Any] | None:
    """Store a check with its source link (and so in the audit log); nothing is stored without a URL."""
    if not url:
        return None
    from .store import add_source

    return add_source(settings.db, claim_id, url, settings.reviewer, title=title, excerpt=excerpt,
                      stance=stance, text=text, checks=checks)


@cli.command("quote-check")
@click.argument("claim", type=int)
@click.argument("source_file")
@click.option("--url", help="Link the source at this address and store the check with the link.")
@click.option("--title", help="The source's title, when --url links it.")
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
@click.argument("value")
@click.option("--unit", help="Unit or scale of VALUE: km, miles, days, %, pp, bn, £m ... (default: the claim's).")
@click.option("--source", "source_url", help="Link the source at this address and store the check with the link.")
@click.option("--title", help="The source's title, when --source links it.")
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


# ---- commands added by other modules go above this line ----


def main() -> None:
    try:
        cli(prog_name="workbench")
    except KeyboardInterrupt:
        sys.exit(130)


if __name__ == "__main__":
    main()
