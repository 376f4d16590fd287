"""`workbench factchecks`: other outlets' fact-checks (ClaimReview) imported, listed, searched, and matched
to our claims. A thin click layer over workbench.factchecks and store.factchecks, as cli.py is."""
from __future__ import annotations

import sys
from typing import Any

import click

from .cli import TEXT, Settings, _cut, _paths, _say, emit_json, pass_settings
from .errors import BadInput

SHOWN_SKIPS = 50  # skipped entries named one per line; beyond these, a count per reason


@click.group(invoke_without_command=True)
@click.option("--json", "as_json", is_flag=True, help="Print a JSON array.")
@click.option("--limit", default=50, show_default=True, type=click.IntRange(min=1), help="At most this many.")
@click.pass_context
def factchecks(ctx: click.Context, as_json: bool, limit: int) -> None:
    """Other outlets' fact-checks (ClaimReview): list them, newest first; import, search, match."""
    if ctx.invoked_subcommand is not None:
        return
    from .store.factchecks import count_factchecks, list_factchecks, rating_text

    settings = ctx.find_object(Settings)
    rows = list_factchecks(settings.db, limit=limit)
    if as_json:
        emit_json(rows)
        return
    total = count_factchecks(settings.db)
    if not total:
        click.echo("No fact-checks yet; `workbench factchecks import PATH` reads ClaimReview files, feeds and pages.")
        return
    for r in rows:
        click.echo(f"#{r['id']:<6} {r['review_date'] or '':<10} {_cut(r['outlet'] or '?', 18):<18} "
                   f"{_cut(rating_text(r), 22):<22} {_cut(r['claim_reviewed'], 70)}")
    if total > len(rows):
        click.echo(f"… {total - len(rows)} more (--limit N)")


@factchecks.command("import")
@click.argument("paths", nargs=-1, required=True, callback=_paths)
@click.option("--json", "as_json", is_flag=True, help="Print the counts and every skipped entry as JSON.")
@pass_settings
def import_checks(settings: Settings, paths: tuple[str, ...], as_json: bool) -> None:
    """Import ClaimReview: saved fact-check pages (JSON-LD, microdata), JSON/JSON-LD files and feeds
    (DataCommons dataFeedElement, Fact Check Tools API claims[].claimReview[], our own export). Idempotent by
    review URL; all or nothing."""
    from .factchecks.read import read_paths
    from .store.factchecks import import_factchecks

    if any(not p.strip() for p in paths):
        raise BadInput("an empty path was given; name a file or folder")
    outcome = import_factchecks(settings.db, read_paths(list(paths)), settings.reviewer)
    if as_json:
        emit_json({"read": outcome.read, "added": outcome.added, "already_known": outcome.known,
                   "skipped": len(outcome.skipped),
                   "skipped_entries": [{"where": w, "reason": r} for w, r in outcome.skipped]})
    else:
        _report_skips(outcome.skipped)
        click.echo(f"{outcome.added} fact-checks added, {outcome.known} already known (same review URL), "
                   f"{len(outcome.skipped)} skipped")
    if not outcome.read and outcome.skipped:
        sys.exit(1)  # nothing at all could be read: the input was refused


def _report_skips(skipped: list[tuple[str, str]]) -> None:
    for where, reason in skipped[:SHOWN_SKIPS]:
        _say(f"{where}: skipped, {reason}")
    if len(skipped) > SHOWN_SKIPS:
        counts: dict[str, int] = {}
        for _, reason in skipped[SHOWN_SKIPS:]:
            counts[reason] = counts.get(reason, 0) + 1
        for reason, n in sorted(counts.items(), key=lambda kv: -kv[1]):
            _say(f"{n} more skipped: {reason}")


@factchecks.command("search")
@click.argument("query", type=TEXT)
@click.option("--limit", default=20, show_default=True, type=click.IntRange(min=1), help="At most this many.")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON array.")
@pass_settings
def search_checks(settings: Settings, query: str, limit: int, as_json: bool) -> None:
    """Search the fact-checks with the claims' search engine: typos, reworded and reformatted numbers match."""
    from .factchecks.match import search_factchecks
    from .store.factchecks import rating_text

    if not query.strip():
        raise BadInput("the search is empty; give some words or a figure to look for")
    found = search_factchecks(settings.db, query, limit=limit)
    if as_json:
        emit_json(found)
        return
    if not found:
        click.echo("No matching fact-checks.")
    for r in found:
        click.echo(f"{r['score']:>5.1f}  #{r['id']:<6} {r['review_date'] or '':<10} {_cut(r['outlet'] or '?', 18):<18} "
                   f"{_cut(rating_text(r), 22):<22} {_cut(r['claim_reviewed'], 60)}")


@factchecks.command("match")
@click.argument("articles", nargs=-1)
@click.option("--all", "all_articles", is_flag=True, help="Every article in the database.")
@click.option("--json", "as_json", is_flag=True, help="Print the matches as JSON.")
@pass_settings
def match_checks(settings: Settings, articles: tuple[str, ...], all_articles: bool, as_json: bool) -> None:
    """Match the claims of ARTICLE(s) to the stored fact-checks (replacing earlier matches) and show them."""
    from .factchecks.match import match_article
    from .store import get_article
    from .store.factchecks import checked_elsewhere, rating_text

    if bool(articles) == all_articles:
        raise BadInput("name ARTICLE(s) or give --all, not both or neither")
    ids = [get_article(settings.db, a)["id"] for a in articles] if articles else \
        [r[0] for r in settings.db.execute("SELECT id FROM articles ORDER BY id").fetchall()]
    out: list[dict[str, Any]] = []
    for article_id in ids:
        counts = match_article(settings.db, article_id)
        claims = settings.db.execute("SELECT id, text FROM claims WHERE article_id = ? ORDER BY start, id",
                                     [article_id]).fetchall()
        found = [(cid, text, checked_elsewhere(settings.db, cid)) for cid, text in claims]
        found = [f for f in found if f[2]]
        out.append({"article_id": article_id, **counts,
                    "matches": [{"claim_id": cid, "claim": text, "factchecks": checks} for cid, text, checks in found]})
        if as_json:
            continue
        click.echo(f"article #{article_id}: {counts['matched']} of {counts['claims']} claims checked elsewhere"
                   + (f", {counts['differs']} read alike with another figure or year" if counts["differs"] else ""))
        for cid, text, checks in found:
            click.echo(f"  claim #{cid} {_cut(text, 40)}")
            for c in checks:
                head = f"≠ {c['differs']}" if c["differs"] else f"{c['score']:.0f}"
                click.echo(f"    {head}  {c['outlet'] or '?'} ({c['review_date'] or 'undated'}): "
                           f"{rating_text(c)} — {_cut(c['claim_reviewed'], 60)}  {c['review_url']}")
    if as_json:
        emit_json(out)


@factchecks.command("attach")
@click.argument("claim", type=int)
@click.argument("factcheck", type=int)
@click.option("--stance", type=click.Choice(["supports", "refutes", "context"]), required=True,
              help="How the outside check bears on our claim.")
@pass_settings
def attach_check(settings: Settings, claim: int, factcheck: int, stance: str) -> None:
    """Attach fact-check FACTCHECK to CLAIM as a source, keeping its URL and rating."""
    from .store.factchecks import attach_factcheck

    link = attach_factcheck(settings.db, claim, factcheck, stance, settings.reviewer)
    click.echo(f"claim {claim}: {stance} {link['url']} — {link['excerpt']}")
