"""The command line's contract (issue 2), through the real `workbench` program in a subprocess:
what import prints, idempotence, one clear line and exit 1 for each bad input, JSON shapes,
and the `db` commands."""
from __future__ import annotations

import json
import os
import sqlite3
import stat
import subprocess
import sys
from pathlib import Path

import pytest

WORKBENCH = Path(sys.executable).with_name("workbench")
SAMPLES = Path(__file__).resolve().parents[1] / "sample_articles"

ARTICLE = """Harbour wall costs double to £48m
By Ruth Anand
12 March 2024

PORT ELLIS: The council approved a £48m flood wall on Tuesday, twice the £24m first estimated in 2021.

"We cannot leave 1,400 homes at risk for another winter," said Helen Marsh, the council leader.

Work will start in May and take about 18 months, officials said.
"""


def run(db: Path, *args: str, stdin: str | bytes | None = None, umask: int | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "WORKBENCH_REVIEWER": "tester"}
    env.pop("WORKBENCH_DB", None)
    return subprocess.run(
        [str(WORKBENCH), "--db", str(db), *args], input=stdin, capture_output=True,
        text=not isinstance(stdin, bytes), env=env, timeout=120,
        preexec_fn=(lambda: os.umask(umask)) if umask is not None else None,
    )


def one_error_line(proc: subprocess.CompletedProcess) -> str:
    """The refusal: exit 1, exactly one line on stderr, no traceback."""
    err = proc.stderr if isinstance(proc.stderr, str) else proc.stderr.decode()
    assert proc.returncode == 1, (proc.returncode, err)
    assert "Traceback" not in err
    lines = err.strip().splitlines()
    assert len(lines) == 1, lines
    return lines[0]


@pytest.fixture
def article_file(tmp_path: Path) -> Path:
    path = tmp_path / "harbour.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


@pytest.fixture
def db_with_article(tmp_path: Path, article_file: Path) -> Path:
    db = tmp_path / "wb.db"
    assert run(db, "import", str(article_file)).returncode == 0
    return db


def test_import_prints_added_then_already_present_and_adds_nothing_twice(tmp_path, article_file):
    db = tmp_path / "wb.db"
    first = run(db, "import", str(article_file))
    assert first.returncode == 0, first.stderr
    assert first.stdout.startswith("added: #1 Harbour wall costs double to £48m")
    assert " — 7 claims, 1 quote  [" in first.stdout  # "1 quotes" until trial 4
    again = run(db, "import", str(article_file))
    assert again.returncode == 0
    assert again.stdout.startswith("already present: #1 ")
    rows = json.loads(run(db, "articles", "--json").stdout)
    assert [r["id"] for r in rows] == [1]
    with sqlite3.connect(db) as conn:
        events = conn.execute("SELECT COUNT(*) FROM events WHERE action = 'import'").fetchone()[0]
    assert events == 1


def test_reimporting_the_samples_folder_is_idempotent(tmp_path):
    db = tmp_path / "wb.db"
    first = run(db, "import", "--json", str(SAMPLES))
    assert first.returncode == 0, first.stderr
    added = json.loads(first.stdout)
    assert len(added) >= 7 and all(r["added"] for r in added)
    second = json.loads(run(db, "import", "--json", str(SAMPLES)).stdout)
    assert [r["article_id"] for r in second] == [r["article_id"] for r in added]
    assert not any(r["added"] for r in second)


def test_import_from_stdin(tmp_path):
    db = tmp_path / "wb.db"
    proc = run(db, "import", "-", stdin=ARTICLE)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith("added: #1 Harbour wall")


def _bad_inputs(tmp_path: Path) -> dict[str, tuple[Path, str]]:
    """name → (path, a word the error line must contain)."""
    png = tmp_path / "photo.txt"
    png.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 20)
    binary = tmp_path / "data.txt"
    binary.write_bytes(bytes(range(256)) * 40)
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    blank = tmp_path / "blank.md"
    blank.write_bytes(b"   \n\n\t\n")
    huge = tmp_path / "huge.txt"
    with open(huge, "wb") as fh:  # sparse: 50 MB on paper, nothing on disk
        fh.truncate(50 * 1024 * 1024)
    return {
        "png": (png, "binary"),
        "binary": (binary, "binary"),
        "empty": (empty, "empty"),
        "blank": (blank, "empty"),
        "50 MB": (huge, "limit"),
        "missing": (tmp_path / "nope.txt", "no such file"),
    }


@pytest.mark.parametrize("name", ["png", "binary", "empty", "blank", "50 MB", "missing"])
def test_each_bad_input_is_one_line_and_exit_1_and_stores_nothing(tmp_path, name):
    path, word = _bad_inputs(tmp_path)[name]
    db = tmp_path / "wb.db"
    line = one_error_line(run(db, "import", str(path)))
    assert word in line.lower()
    assert line.startswith("workbench: ")
    assert json.loads(run(db, "articles", "--json").stdout) == []


def test_batch_with_good_and_bad_files_imports_the_good_and_exits_1(tmp_path, article_file):
    db = tmp_path / "wb.db"
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"")
    proc = run(db, "import", str(bad), str(article_file))
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr
    assert "added: #1 Harbour wall" in proc.stdout
    assert "empty" in proc.stderr and "1 of 2 files failed" in proc.stderr
    assert [r["headline"] for r in json.loads(run(db, "articles", "--json").stdout)] == [
        "Harbour wall costs double to £48m"]


@pytest.mark.parametrize("args, word", [
    (("claims", "999"), "no article"),
    (("claims", "ffffffff"), "no article"),
    (("note", "999", "hello"), "no claim"),
    (("verdict", "999", "true"), "no claim"),
    (("history", "999"), "no claim"),
    (("source", "add", "999", "https://example.org/report"), "no claim"),
    (("verdict", "1", "probably"), "no verdict"),
    (("source", "add", "1", "not a url"), "not a web address"),
    (("note", "1", "   "), "empty"),
])
def test_unknown_ids_and_bad_values_are_one_line_and_exit_1(db_with_article, args, word):
    assert word in one_error_line(run(db_with_article, *args))


def test_usage_error_exits_2(db_with_article):
    proc = run(db_with_article, "verdict", "not-a-number", "true")
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr


def test_articles_and_claims_json_shapes(db_with_article):
    articles = json.loads(run(db_with_article, "articles", "--json").stdout)
    assert isinstance(articles, list) and len(articles) == 1
    assert {"id", "headline", "published"} <= set(articles[0])
    assert articles[0]["published"] == "2024-03-12"
    claims = json.loads(run(db_with_article, "claims", "1", "--json").stdout)
    assert isinstance(claims, list) and claims
    for c in claims:
        assert {"id", "kind", "text", "start", "end", "value", "speaker", "verdict", "note"} <= set(c)
    assert any(c["kind"] == "quote" and c["speaker"] == "Helen Marsh" for c in claims)
    assert any(c["kind"] == "money" and c["text"] == "£48m" for c in claims)


def test_claims_sort_by_worthiness_puts_the_most_check_worthy_first(db_with_article):
    by_place = json.loads(run(db_with_article, "claims", "1", "--json").stdout)
    by_worth = json.loads(run(db_with_article, "claims", "1", "--sort", "worthiness", "--json").stdout)
    assert sorted(c["id"] for c in by_worth) == sorted(c["id"] for c in by_place)
    worth = [c["checkworthiness"] for c in by_worth]
    assert worth == sorted(worth, reverse=True) and worth[0] > worth[-1]
    assert by_worth != by_place  # the article's own order is not already the ranking
    assert [c["start"] for c in json.loads(run(db_with_article, "claims", "1", "--sort", "position", "--json").stdout)] \
        == [c["start"] for c in by_place] == sorted(c["start"] for c in by_place)
    text = run(db_with_article, "claims", "1", "--sort", "worthiness").stdout.splitlines()
    assert text[1].split()[0] == str(by_worth[0]["id"])
    assert f"  cw {by_worth[0]['checkworthiness']:.2f}" in text[1]  # the sort key, shown (trial 4)
    assert run(db_with_article, "claims", "1", "--sort", "importance").returncode == 2


def test_db_path_prints_the_file_given(tmp_path):
    db = tmp_path / "where" / "wb.db"
    proc = run(db, "db", "path")
    assert proc.returncode == 0
    assert proc.stdout.strip() == str(db)


def test_db_check_says_ok_on_a_sound_database(db_with_article):
    proc = run(db_with_article, "db", "check")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert proc.stdout.strip() == "ok"


def test_db_check_names_a_broken_offset_and_exits_1(db_with_article):
    with sqlite3.connect(db_with_article) as conn:
        conn.execute('UPDATE claims SET start = start + 1 WHERE id = 1')
    proc = run(db_with_article, "db", "check")
    assert proc.returncode == 1
    assert "offsets: claim 1" in proc.stdout
    assert "Traceback" not in proc.stderr


def test_db_optimize_merges_the_search_index_into_one_segment(db_with_article, tmp_path):
    second = tmp_path / "second.txt"
    second.write_text("Bridge repairs\n\nBy A Reporter\nMay 1, 2024\n\nThe bridge repairs cost £3.1m, "
                      "up 12% on 2023.\n", encoding="utf-8")
    assert run(db_with_article, "import", str(second)).returncode == 0  # a second segment
    segments = "SELECT COUNT(DISTINCT segid) FROM claims_fts_idx"
    with sqlite3.connect(db_with_article) as conn:
        assert conn.execute(segments).fetchone()[0] >= 2
    proc = run(db_with_article, "db", "optimize")
    assert proc.returncode == 0 and proc.stdout.startswith("optimized in"), proc.stderr
    with sqlite3.connect(db_with_article) as conn:
        assert conn.execute(segments).fetchone()[0] == 1
        assert conn.execute("SELECT COUNT(DISTINCT segid) FROM sentence_words_idx").fetchone()[0] == 1
    assert run(db_with_article, "db", "check").stdout.strip() == "ok"
    found = json.loads(run(db_with_article, "search", "bridge repairs 3.1m", "--json").stdout)
    assert found and found[0]["text"] == "£3.1m"


def test_db_backup_is_a_private_complete_copy_and_never_overwrites(db_with_article, tmp_path):
    target = tmp_path / "copies" / "backup.db"
    proc = run(db_with_article, "db", "backup", str(target))
    assert proc.returncode == 0, proc.stderr
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    with sqlite3.connect(target) as conn:
        assert conn.execute("SELECT headline FROM articles").fetchall() == [("Harbour wall costs double to £48m",)]
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert "already exists" in one_error_line(run(db_with_article, "db", "backup", str(target)))


def test_database_file_is_private_even_with_a_permissive_umask(tmp_path, article_file):
    db = tmp_path / "wb.db"
    assert run(db, "import", str(article_file), umask=0).returncode == 0
    assert stat.S_IMODE(db.stat().st_mode) == 0o600


def test_a_file_that_is_not_a_database_is_refused_in_one_line(tmp_path):
    db = tmp_path / "notes.db"
    db.write_text("my shopping list\n" * 20)
    assert "not a SQLite database" in one_error_line(run(db, "articles"))
    assert db.read_text().startswith("my shopping list")


def test_filters_that_can_match_nothing_are_refused_with_one_line(tmp_path):
    db = tmp_path / "wb.db"
    run(db, "import", str(SAMPLES / "syria-homs-2015-11-24.txt"))
    for args in (["search", "130", "--verdict", "banana"], ["search", "130", "--since", "notadate"],
                 ["export", "1", "--format", "md", "--since", "last week"], ["claims", "1", "--kind", "nonsense"]):
        done = run(db, *args)
        assert done.returncode != 0, args
        assert "Traceback" not in done.stderr and done.stderr.strip(), args
    # case does not matter for a kind or a verdict key
    assert run(db, "claims", "1", "--kind", "Count").returncode == 0
    assert run(db, "search", "130", "--verdict", "TRUE").returncode == 0


def test_source_date_is_checked_and_a_stored_title_is_kept_with_a_warning(tmp_path):
    db = tmp_path / "wb.db"
    run(db, "import", str(SAMPLES / "syria-homs-2015-11-24.txt"))
    bad = run(db, "source", "add", "1", "https://example.org/a", "--published", "20/11/2015")
    assert bad.returncode == 1 and "YYYY-MM-DD" in bad.stderr
    assert run(db, "source", "add", "1", "https://example.org/a", "--title", "First",
                   "--published", "Nov 20, 2015").returncode == 0
    again = run(db, "source", "add", "2", "https://example.org/a", "--title", "Second")
    assert again.returncode == 0 and "'First'" in again.stderr and "kept" in again.stderr
    history = json.loads(run(db, "history", "1", "--json").stdout)
    assert any((e["after"] or {}).get("published") == "2015-11-20" for e in history)


def test_a_verdict_that_replaces_another_reviewers_says_so_and_expect_version_refuses_a_stale_one(db_with_article):
    db = db_with_article
    env_run = lambda reviewer, *args: subprocess.run(  # noqa: E731
        [str(WORKBENCH), "--db", str(db), "--reviewer", reviewer, *args], capture_output=True, text=True, timeout=120)
    claim = str(json.loads(run(db, "claims", "1", "--json").stdout)[0]["id"])
    assert env_run("ann", "verdict", claim, "true").stderr == ""
    bob = env_run("bob", "verdict", claim, "false")
    assert bob.returncode == 0
    assert "replaced ann's verdict 'true' (version 2)" in bob.stderr  # was silent: ann never knew
    assert env_run("bob", "verdict", claim, "false").stderr == ""  # the same verdict again replaces nothing
    stale = env_run("ann", "verdict", claim, "true", "--expect-version", "2")
    assert "changed by bob" in one_error_line(stale)
    assert json.loads(run(db, "claims", "1", "--json").stdout)[0]["verdict"] == "false"


def test_search_refuses_an_empty_query_and_a_limit_below_one(db_with_article):
    for query in ("", "   "):
        assert "empty" in one_error_line(run(db_with_article, "search", query))
    for limit in ("0", "-1"):
        done = run(db_with_article, "search", "48m", "--limit", limit)
        assert done.returncode == 2 and "--limit" in done.stderr


def test_search_lines_name_the_article_and_show_a_rejected_claim_as_rejected(tmp_path):
    db = tmp_path / "wb.db"
    assert run(db, "import", "-", stdin=ARTICLE).returncode == 0
    claims = json.loads(run(db, "claims", "1", "--json").stdout)
    wall = next(c for c in claims if c["text"] == "£48m")
    assert run(db, "reject", str(wall["id"])).returncode == 0
    line = next(l for l in run(db, "search", "48m flood wall").stdout.splitlines() if f"#{wall['id']} " in l)
    assert " rejected " in line and "article #1 " in line and "2024-03-12 Harbour wall costs double" in line
    quote = next(c for c in claims if c["kind"] == "quote")
    line = run(db, "search", "homs at risk for another winter", "--limit", "1").stdout
    assert f"#{quote['id']} " in line and "— Helen Marsh" in line and "…" in line  # cut at a word


def test_notes_and_sources_keep_no_terminal_escapes(tmp_path):
    db = tmp_path / "wb.db"
    assert run(db, "import", "-", stdin=ARTICLE).returncode == 0
    claim = json.loads(run(db, "claims", "1", "--json").stdout)[0]["id"]
    # an OSC 52 clipboard write, a colour and a bell, as a pasted note or title could carry them
    assert run(db, "note", str(claim), "checked \x1b]52;c;aGk=\x07with \x1b[31mthe\x1b[0m council").returncode == 0
    assert run(db, "source", "add", str(claim), "https://example.org/wall", "--title", "Minutes\x1b[2J",
               "--excerpt", "page\x074").returncode == 0
    assert "not a web address" in one_error_line(run(db, "source", "add", str(claim), "https://x.org/\x1b[2J"))
    stored = next(c for c in json.loads(run(db, "claims", "1", "--json").stdout) if c["id"] == claim)
    assert stored["note"] == "checked with the council"
    report = run(db, "export", "1", "--format", "csv").stdout
    assert "Minutes https://example.org/wall — “page4”" in report
    for export_format in ("csv", "json", "md", "html"):
        shown = run(db, "export", "1", "--format", export_format).stdout
        assert "\x1b" not in shown and "\x07" not in shown


def test_a_note_typed_on_a_latin1_terminal_is_kept_not_a_traceback(tmp_path):
    db = tmp_path / "wb.db"
    assert run(db, "import", "-", stdin=ARTICLE).returncode == 0
    claim = json.loads(run(db, "claims", "1", "--json").stdout)[0]["id"]
    env = {**os.environ, "WORKBENCH_REVIEWER": "tester"}
    done = subprocess.run([str(WORKBENCH).encode(), b"--db", str(db).encode(), b"note", str(claim).encode(),
                           "café au lait".encode("latin-1")], capture_output=True, env=env, timeout=60)
    assert done.returncode == 0, done.stderr
    stored = next(c for c in json.loads(run(db, "claims", "1", "--json").stdout) if c["id"] == claim)
    assert stored["note"] == "café au lait"


def test_export_refuses_articles_and_all_together_in_one_line(db_with_article: Path):
    # it exported the named article only and ignored --all without a word
    done = run(db_with_article, "export", "1", "--all", "--format", "md")
    assert done.returncode == 2 and done.stdout == ""
    assert len(done.stderr.strip().splitlines()) == 1 and "--all" in done.stderr


def test_export_help_names_the_review_url_variable(tmp_path: Path):
    assert "$WORKBENCH_REVIEW_URL" in run(tmp_path / "wb.db", "export", "--help").stdout.replace("\n", " ")


def test_undo_on_an_unknown_claim_says_there_is_no_such_claim(db_with_article):
    line = one_error_line(run(db_with_article, "undo", "--claim", "999999"))
    assert line.startswith("workbench: no claim with id 999999")  # was "nothing of yours to undo"
    line = one_error_line(run(db_with_article, "undo", "--claim", "1"))
    assert line == "workbench: nothing of yours to undo on claim 1"



def test_an_article_without_a_headline_is_named_by_its_file(tmp_path):
    path = tmp_path / "council-notes.txt"
    path.write_text("the council said on Tuesday that 1,200 jobs were at risk after a 4% cut.\n", encoding="utf-8")
    db = tmp_path / "wb.db"
    assert run(db, "import", str(path)).returncode == 0
    listed = run(db, "articles").stdout
    assert listed.rstrip().endswith("(no headline) council-notes.txt"), listed  # was "(no headline)" alone
    assert run(db, "claims", "1").stdout.startswith("#1 (no headline) council-notes.txt\n")


def test_a_claim_whose_value_has_no_figure_prints_no_empty_equals(tmp_path):
    path = tmp_path / "jobs.txt"
    path.write_text("Jobless rate at lowest since 2010\n\nUnemployment fell to 4.2%, the lowest since 2010, "
                    "the statistics office said.\n", encoding="utf-8")
    db = tmp_path / "wb.db"
    assert run(db, "import", str(path)).returncode == 0
    lines = run(db, "claims", "1").stdout.splitlines()
    lowest = next(line for line in lines[1:] if "lowest since 2010" in line)  # [0]: the headline
    assert "=" not in lowest, lowest  # was "the lowest since 2010 = "
