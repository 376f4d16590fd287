"""The CLI side of triage (issue 17): claims --sort kind|verdict, undo naming its claim, auto_advance as a
preference, and an export that selects nothing refused; a real `workbench` in a subprocess."""
from __future__ import annotations

import json
from pathlib import Path

from test_cli import article_file, db_with_article, one_error_line, run  # noqa: F401 -- shared fixtures


def claims(db: Path, *args: str) -> list[dict]:
    return json.loads(run(db, "claims", "1", "--json", *args).stdout)


def test_claims_sort_by_kind_and_by_verdict(db_with_article):
    by_kind = claims(db_with_article, "--sort", "kind")
    assert [(c["kind"], c["start"]) for c in by_kind] == sorted((c["kind"], c["start"]) for c in by_kind)
    first, second, third = [c["id"] for c in claims(db_with_article)[:3]]
    assert run(db_with_article, "verdict", str(first), "false").returncode == 0
    assert run(db_with_article, "verdict", str(second), "true").returncode == 0
    assert run(db_with_article, "reject", str(third)).returncode == 0
    ids = [c["id"] for c in claims(db_with_article, "--sort", "verdict")]
    assert ids[-3:] == [second, first, third]  # not reviewed first, then the scale in order, rejected last


def test_undo_names_the_claim_and_its_article(db_with_article):
    claim = claims(db_with_article)[2]
    run(db_with_article, "verdict", str(claim["id"]), "true")
    out = run(db_with_article, "undo").stdout.strip()
    assert out == f"undone: verdict on claim {claim['id']} “{claim['text']}” (article 1)"


def test_auto_advance_is_a_preference_in_the_config_folder(tmp_path, own_config_dir):
    db = tmp_path / "wb.db"
    assert run(db, "settings", "get", "auto_advance").stdout.strip() == "yes"
    assert run(db, "settings", "set", "auto_advance", "no").stdout.strip() == "auto_advance: no"
    assert (own_config_dir / "preferences.toml").read_text() == "auto_advance = false\n"
    assert "auto_advance    no" in run(db, "settings").stdout
    assert "yes or no" in one_error_line(run(db, "settings", "set", "auto_advance", "maybe"))


def test_an_export_that_selects_no_article_is_refused(db_with_article, tmp_path):
    line = one_error_line(run(db_with_article, "export", "--all", "--format", "md", "--since", "2099-01-01"))
    assert "nothing to export" in line and "2099-01-01" in line
    line = one_error_line(run(tmp_path / "empty.db", "export", "--all", "--format", "md", "-o",
                              str(tmp_path / "r.md")))
    assert "import some first" in line and not (tmp_path / "r.md").exists()


def test_articles_counts_a_rejected_claim_as_done(db_with_article):
    every = claims(db_with_article)
    *rated, last = [c["id"] for c in every]
    for claim in rated:
        assert run(db_with_article, "verdict", str(claim), "true").returncode == 0
    assert run(db_with_article, "reject", str(last)).returncode == 0
    line = run(db_with_article, "articles").stdout.splitlines()[0]
    done = len(rated)
    assert f" {done}/{done} " in line, line  # was "n-1/n": a finished pass read as one claim left


def test_every_option_of_every_command_says_what_it_does(tmp_path):
    """`workbench search --help` listed --verdict, --kind, --outlet and --reviewer with no word on them."""
    import subprocess
    import sys

    listing = subprocess.run([sys.executable, "-c", """
import click
from workbench.cli import cli
def walk(cmd, path):
    if isinstance(cmd, click.Group):
        for name, sub in cmd.commands.items():
            walk(sub, path + [name])
    for p in cmd.params:
        if isinstance(p, click.Option) and not p.hidden and not p.help:
            print(" ".join(path), p.opts[0])
walk(cli, ["workbench"])
"""], capture_output=True, text=True, check=True).stdout
    assert listing == "", listing
    shown = run(tmp_path / "wb.db", "search", "--help").stdout
    assert "Only claims with this verdict" in shown and "Only this kind: count, money" in shown


def test_import_says_how_many_claims_were_seen_before(tmp_path):
    """A claim back reworded is linked to its verdict at import; the import's line did not say so."""
    db = tmp_path / "wb.db"
    first = tmp_path / "first.txt"
    first.write_text("Harbour fees rise\n\nThe harbour board said fees would rise 20% from April to pay for "
                     "£3 million of dredging.\n", encoding="utf-8")
    assert run(db, "import", str(first)).returncode == 0
    for claim in claims(db):
        run(db, "verdict", str(claim["id"]), "true")
    again = tmp_path / "again.txt"
    again.write_text("Port charges to climb\n\nHarbour fees will rise by 20 per cent from April, the board said, "
                     "to fund £3m of dredging.\n", encoding="utf-8")
    line = run(db, "import", str(again)).stdout
    listed = run(db, "claims", "2").stdout.count("seen before:")
    assert listed >= 1 and f", {listed} seen before  [" in line, (line, listed)
    [row] = json.loads(run(db, "import", "--json", str(again)).stdout)
    assert row["seen_before"] == 0  # already present: nothing newly linked
