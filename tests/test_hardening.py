"""Hardening round two (issue 18): each input that gave a traceback, let an escape reach another
reviewer, or gave a wrong answer in silence, through the real CLI (in process with click's CliRunner,
and as a real subprocess where the process itself matters) on a real SQLite file.
"""
from __future__ import annotations

import json
import os
import shutil
import sqlite3
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from workbench.cli import cli
from workbench.store import claim_history, list_claims, open_db

WORKBENCH = Path(sys.executable).with_name("workbench")
SAMPLES = Path(__file__).resolve().parents[1] / "sample_articles"
HUGE = "9" * 30
ESC_NAME = "ann\x1b]52;c;aGVsbG8=\x07\x9d0;title\x9c\x07\nforged line"
ARTICLE = ("Harbour wall costs double\nBy Ana Ruiz\n3 April 2024\n\n"
           "The council said 1,200 homes were flooded in May, costing £12m. "
           '"We will build the wall by 2026," the mayor said.\n')


def invoke(db: Path, *args: str, stdin: str | None = None, reviewer: str = "tester"):
    result = CliRunner().invoke(cli, ["--db", str(db), "--reviewer", reviewer, *args], input=stdin,
                                prog_name="workbench")
    return result


def run(db: Path, *args: str, stdin: str | None = None, env: dict | None = None, prefix: tuple = ()):
    env = {**os.environ, "WORKBENCH_REVIEWER": "tester", **(env or {})}
    return subprocess.run([*prefix, str(WORKBENCH), "--db", str(db), *args], capture_output=True, text=True,
                          input=stdin, env=env, timeout=120)


def refused(result, code: int = 1) -> str:
    """The one line of a refusal; asserts the exit code and that no traceback was shown."""
    stderr = result.stderr
    assert result.exit_code == code if hasattr(result, "exit_code") else result.returncode == code, stderr
    assert "Traceback" not in stderr and "\x1b" not in stderr
    lines = stderr.strip().splitlines()
    assert len(lines) == 1, stderr
    return lines[0]


@pytest.fixture(autouse=True)
def private_data_dir(tmp_path, monkeypatch):
    """The crash log goes to the user data dir: keep it inside the test's folder."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    return tmp_path / "data" / "claim-workbench"


@pytest.fixture
def db(tmp_path) -> Path:
    path = tmp_path / "wb.db"
    article = tmp_path / "harbour.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    assert invoke(path, "import", str(article)).exit_code == 0
    return path


def first_claim(db: Path, kind: str | None = None) -> dict:
    claims = [c for c in list_claims(open_db(db), 1) if kind is None or c["kind"] == kind]
    return claims[0]


# ---------------------------------------------------------------- tracebacks


@pytest.mark.parametrize("args", [
    ["verdict", HUGE, "true"], ["claims", HUGE], ["note", HUGE, "x"], ["reject", HUGE],
    ["source", "add", HUGE, "https://example.org/a"], ["history", HUGE], ["undo", "--claim", HUGE],
    ["reextract", HUGE], ["export", HUGE, "--format", "md"], ["quote-check", HUGE, "-"],
    ["figure-check", HUGE, "12"], ["review", HUGE], ["claims", "--", "-" + HUGE], ["verdict", "--", "-" + HUGE, "true"],
])
def test_a_thirty_digit_id_is_not_found_not_an_overflow(db, args):
    line = refused(invoke(db, *args, stdin=""))
    assert "no claim" in line or "no article" in line


@pytest.mark.parametrize("url", ["http://[::1", "https://[zz]/x", "http://example.org:99999/"])
def test_a_malformed_url_is_refused_in_one_line(db, url):
    claim = first_claim(db)
    assert "not a web address" in refused(invoke(db, "source", "add", str(claim["id"]), url))


def test_search_for_a_hundred_thousand_sevens_answers(db):
    result = invoke(db, "search", "7" * 100_000)
    assert result.exit_code == 0, result.stderr
    assert "No matching claims." in result.stdout


def test_a_figure_of_400_digits_imports_and_exports_as_strict_json(tmp_path):
    article = tmp_path / "huge.txt"
    article.write_text("Debt figures\n\nThe debt reached £" + "9" * 400 + " last year, and 12 banks failed.\n")
    db = tmp_path / "wb.db"
    result = invoke(db, "import", str(article))
    assert result.exit_code == 0, result.stderr
    exported = invoke(db, "export", "--all", "--format", "json")
    assert exported.exit_code == 0, exported.stderr

    def strict(constant):
        raise AssertionError(f"{constant} in the JSON export")

    doc = json.loads(exported.stdout, parse_constant=strict)
    assert "12" in json.dumps(doc)  # the article's other figure is still a claim


def test_db_in_a_missing_folder_and_backup_to_one_are_one_line(db, tmp_path):
    assert "cannot open or create" in refused(run(Path("/proc/nope/x.db"), "articles"))
    assert "cannot write" in refused(invoke(db, "db", "backup", "/proc/nope.db"))
    assert "directory" in refused(invoke(tmp_path, "articles"), code=2)


def _as_another_user() -> tuple:
    """A prefix that runs a command as nobody, for permission tests as root (where nothing is refused)."""
    if os.getuid() != 0:
        return ()
    if not shutil.which("setpriv"):
        pytest.skip("root without setpriv: cannot run as another user")
    return ("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups")


def _readable_by_all(path: Path) -> None:
    for part in [path, *path.parents]:
        if part == Path("/"):
            break
        mode = part.stat().st_mode
        part.chmod(mode | stat.S_IROTH | (stat.S_IXOTH if part.is_dir() else 0))


def test_an_unwritable_folder_and_a_read_only_database_say_so_accurately(db, tmp_path):
    prefix = _as_another_user()
    if prefix and subprocess.run([*prefix, sys.executable, "-c", ""], capture_output=True).returncode != 0:
        pytest.skip("the venv's Python is not usable by another user")
    locked = tmp_path / "locked"
    locked.mkdir()
    assert invoke(db, "db", "backup", str(locked / "wb.db")).exit_code == 0
    conn = sqlite3.connect(locked / "wb.db")
    conn.execute("PRAGMA journal_mode = WAL")  # as the workbench keeps it; closing removes the -shm file
    conn.close()
    for p in (db, locked / "wb.db"):
        p.chmod(0o644)
    _readable_by_all(locked / "wb.db")
    _readable_by_all(db)
    locked.chmod(0o755)
    env = {"XDG_DATA_HOME": str(tmp_path)}
    claim = first_claim(db)
    # the whole path is root's: nobody may neither create a database in it nor write the one there
    new = run(locked / "sub" / "x.db", "articles", env=env, prefix=prefix)
    assert "cannot open or create" in refused(new)
    write = run(locked / "wb.db", "verdict", str(claim["id"]), "true", env=env, prefix=prefix)
    line = refused(write)
    assert "read-only" in line and "db check" not in line
    check = run(locked / "wb.db", "db", "check", env=env, prefix=prefix)
    assert check.returncode == 0 and check.stdout.strip() == "ok", check.stdout + check.stderr


def test_one_crashing_file_does_not_stop_a_folder_import(tmp_path, monkeypatch, private_data_dir):
    """A bug on one file (here trafilatura failing on one page) is one line; the files after it import."""
    import trafilatura

    real = trafilatura.bare_extraction

    def fails_on_one_page(text, **kwargs):
        if "BREAKS-THE-PARSER" in text:
            raise RuntimeError("parser failure")
        return real(text, **kwargs)

    monkeypatch.setattr(trafilatura, "bare_extraction", fails_on_one_page)
    folder = tmp_path / "batch"
    folder.mkdir()
    (folder / "a.html").write_text("<html><body><p>BREAKS-THE-PARSER 3 councils.</p></body></html>")
    for i in range(3):
        (folder / f"b{i}.txt").write_text(ARTICLE.replace("1,200", f"{i + 1},200"), encoding="utf-8")
    db = tmp_path / "wb.db"
    result = invoke(db, "import", str(folder))
    assert result.exit_code == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 2 and "a.html" in lines[0] and "internal error" in lines[0], result.stderr
    assert "1 of 4 files failed" in lines[1]
    assert result.stdout.count("added:") == 3
    log = private_data_dir / "errors.log"
    assert "RuntimeError: parser failure" in log.read_text()
    assert stat.S_IMODE(log.stat().st_mode) == 0o600


async def test_the_tui_import_goes_on_after_a_crashing_file_and_names_an_empty_folder(tmp_path, monkeypatch):
    import trafilatura
    from textual.widgets import Input

    from workbench.tui.app import WorkbenchApp

    monkeypatch.setattr(trafilatura, "bare_extraction", lambda text, **kw: 1 / 0)
    folder = tmp_path / "batch"
    folder.mkdir()
    (folder / "a.html").write_text("<html><body><p>3 councils.</p></body></html>")
    (folder / "b.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "empty").mkdir()
    db = open_db(tmp_path / "tui.db")
    app = WorkbenchApp(db, "ann")
    notes: list[str] = []
    async with app.run_test(size=(120, 40)) as pilot:
        app.notify = lambda message, **kw: notes.append(message)  # what the reviewer is told
        await pilot.press("i")
        await pilot.pause()
        for path in (folder, tmp_path / "empty"):
            field = app.screen.query_one("#import-path", Input)
            field.value = str(path)
            await pilot.press("enter")
            await app.workers.wait_for_complete()
            await pilot.pause()
    assert db.execute("SELECT COUNT(*) FROM articles").fetchone()[0] == 1
    assert any("a.html" in n and "internal error" in n for n in notes), notes
    assert any("no article files" in n for n in notes), notes


# ---------------------------------------------------------------- escapes


def test_reviewer_and_outlet_are_cleaned_before_they_reach_anyone(db, tmp_path):
    claim = first_claim(db)
    assert invoke(db, "verdict", str(claim["id"]), "true", reviewer=ESC_NAME).exit_code == 0
    other = invoke(db, "verdict", str(claim["id"]), "false", reviewer="bob")
    assert "\x1b" not in other.stderr and "\x07" not in other.stderr and len(other.stderr.splitlines()) == 1
    history = invoke(db, "history", str(claim["id"]))
    assert history.exit_code == 0
    assert not any(ch in history.stdout for ch in "\x1b\x07\x9d\x9c")
    assert all(line[:4].isdigit() for line in history.stdout.splitlines())  # no line forged by the name
    second = tmp_path / "second.txt"
    second.write_text(ARTICLE.replace("1,200", "1,300"), encoding="utf-8")
    assert invoke(db, "import", str(second), "--outlet", ESC_NAME, reviewer=ESC_NAME).exit_code == 0
    stored = open_db(db)
    for (outlet,) in stored.execute("SELECT outlet FROM articles WHERE outlet IS NOT NULL"):
        assert outlet == "ann forged line"
    names = {r for (r,) in stored.execute("SELECT DISTINCT reviewer FROM events")}
    assert names == {"tester", "ann forged line", "bob"}
    for fmt in ("md", "csv", "json", "html", "claimreview"):
        # ClaimReview with no review page is refused unless --draft (issue 21)
        out = invoke(db, "export", "--all", "--format", fmt, *(["--draft"] if fmt == "claimreview" else []))
        assert out.exit_code == 0 and not any(ch in out.stdout for ch in "\x1b\x07\x9d\x9c"), fmt
    assert not any(ch in invoke(db, "articles").stdout for ch in "\x1b\x07\x9d")


def test_a_reviewer_name_that_is_only_escapes_or_huge_is_refused(db):
    assert "reviewer name" in refused(invoke(db, "articles", reviewer="\x1b[2J\x07"))
    assert "reviewer name" in refused(invoke(db, "articles", reviewer="x" * 1_000_000))


def test_printed_paths_cannot_forge_a_line(db, tmp_path):
    evil = tmp_path / "a\nadded: #99 forged\x1b[2J.txt"
    evil.write_text(ARTICLE.replace("1,200", "1,500"), encoding="utf-8")
    result = invoke(db, "import", str(evil))
    assert result.exit_code == 0 and len(result.stdout.splitlines()) == 1 and "\x1b" not in result.stdout
    out = invoke(db, "export", "--all", "--format", "md", "-o", str(tmp_path / "r\nwrote x\x1b.md"))
    assert out.exit_code == 0 and len(out.stderr.splitlines()) == 1 and "\x1b" not in out.stderr
    backup = invoke(db, "db", "backup", str(tmp_path / "b\nbacked up to x\x1b.db"))
    assert backup.exit_code == 0 and len(backup.stdout.splitlines()) == 1 and "\x1b" not in backup.stdout


# ---------------------------------------------------------------- wrong answers


@pytest.mark.parametrize("value", ["1e999", "inf", "-inf", "nan", "9" * 400])
def test_a_figure_check_against_a_non_finite_value_is_bad_input_and_stores_nothing(db, value):
    claim = first_claim(db, "count")
    line = refused(invoke(db, "figure-check", "--source", "https://example.org/s", "--", str(claim["id"]), value))
    assert "not a finite figure" in line
    assert open_db(db).execute("SELECT COUNT(*) FROM claim_sources").fetchone()[0] == 0


@pytest.mark.parametrize("command", ["import", "extract"])
def test_an_empty_path_is_refused_and_an_empty_folder_is_named(tmp_path, command):
    db = tmp_path / "wb.db"
    assert "empty path" in refused(invoke(db, command, ""))
    (tmp_path / "empty").mkdir()
    (tmp_path / "empty" / "notes.pdf").write_bytes(b"%PDF")
    assert "no article files" in refused(invoke(db, command, str(tmp_path / "empty")))


def test_a_zero_byte_database_file_is_refused_not_started_afresh(tmp_path):
    empty = tmp_path / "lost.db"
    empty.write_bytes(b"")
    assert "empty file" in refused(invoke(empty, "articles"))
    assert empty.stat().st_size == 0
    fresh = tmp_path / "new.db"
    assert invoke(fresh, "articles").exit_code == 0 and fresh.stat().st_size > 0
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no temp file left


def _damage(db: Path) -> None:
    """Overwrite the claims table's and the events table's first pages, as a bad disk would."""
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    pages = [r for (r,) in conn.execute("SELECT rootpage FROM sqlite_master WHERE name IN ('claims', 'events')")]
    size = conn.execute("PRAGMA page_size").fetchone()[0]
    conn.close()
    with open(db, "r+b") as fh:
        for page in pages:
            fh.seek((page - 1) * size)
            fh.write(b"\xa5" * size)


def test_a_damaged_database_refuses_writes_and_db_check_reports_it(db, tmp_path):
    _damage(db)
    for args in (["verdict", "1", "true"], ["note", "1", "checked"], ["reject", "1"]):
        assert "damaged" in refused(invoke(db, *args))
    check = invoke(db, "db", "check")
    assert check.exit_code == 1 and "integrity" in check.stdout, check.stdout
    assert "problems found" in refused(check)
    target = tmp_path / "copy.db"
    assert "damaged" in refused(invoke(db, "db", "backup", str(target)))
    assert not target.exists() and not (tmp_path / "copy.db.partial").exists()
    export = invoke(db, "export", "--all", "--format", "json")
    assert export.exit_code == 1 and export.stdout == ""  # nothing rather than half a document


def test_a_backup_of_a_sound_database_is_checked_and_complete(db, tmp_path):
    target = tmp_path / "copy.db"
    assert invoke(db, "db", "backup", str(target)).exit_code == 0
    assert sqlite3.connect(target).execute("PRAGMA integrity_check").fetchone()[0] == "ok"


# ---------------------------------------------------------------- cost: notes


def test_note_appends_are_logged_as_appends_and_undo_restores_the_note(db):
    claim = first_claim(db)
    piece = "a checked line of the council's minutes\n" * 3000  # 120 KB
    for i in range(5):
        assert invoke(db, "note", str(claim["id"]), "-", stdin=f"{i}: {piece}").exit_code == 0
    conn = open_db(db)
    sizes = [len(b or "") + len(a) for b, a in conn.execute(
        "SELECT before, after FROM events WHERE claim_id = ? AND action = 'note'", [claim["id"]])]
    assert max(sizes) < len(piece) * 1.3  # each event holds what was appended, not the whole note twice
    note = conn.execute("SELECT note FROM claims WHERE id = ?", [claim["id"]]).fetchone()[0]
    assert note.count("a checked line") == 15000
    assert invoke(db, "undo").exit_code == 0
    after_undo = conn.execute("SELECT note FROM claims WHERE id = ?", [claim["id"]]).fetchone()[0]
    assert after_undo == note[: note.index("\n\n4: ")]


def test_a_note_from_a_file_and_from_stdin(db, tmp_path):
    claim = first_claim(db)
    source = tmp_path / "note.txt"
    source.write_text("from the file\x1b[2J", encoding="utf-8")
    assert invoke(db, "note", str(claim["id"]), "--file", str(source)).exit_code == 0
    assert invoke(db, "note", str(claim["id"]), "-", stdin="from stdin").exit_code == 0
    stored = open_db(db).execute("SELECT note FROM claims WHERE id = ?", [claim["id"]]).fetchone()[0]
    assert stored == "from the file\n\nfrom stdin"
    assert "one of them" in refused(invoke(db, "note", str(claim["id"]), "x", "--file", str(source)), code=2)
    assert "no such file" in refused(invoke(db, "note", str(claim["id"]), "--file", str(tmp_path / "nope")))


def test_history_caps_what_it_prints_per_event(db):
    claim = first_claim(db)
    big = "x" * 2_000_000
    assert invoke(db, "note", str(claim["id"]), "-", stdin=big).exit_code == 0
    text = invoke(db, "history", str(claim["id"])).stdout
    assert len(text) < 5_000 and "more characters" in text
    events = claim_history(open_db(db), claim["id"])
    assert events[-1]["after"]["note_edit"]["inserted"] == big  # --json and the store keep it all


# ---------------------------------------------------------------- the last resort


def test_an_unexpected_exception_is_one_line_a_private_log_and_exit_70(db, monkeypatch, private_data_dir):
    """json.dumps failing stands for any bug of ours: the person sees one line, the log has the traceback."""
    def broken(*args, **kwargs):
        raise RuntimeError("something nobody foresaw")

    monkeypatch.setattr(json, "dumps", broken)
    result = invoke(db, "verdicts", "--json")
    line = refused(result, code=70)
    log = private_data_dir / "errors.log"
    assert line.startswith("workbench: internal error (RuntimeError: something nobody foresaw)")
    assert str(log) in line
    assert "Traceback" in log.read_text() and stat.S_IMODE(log.stat().st_mode) == 0o600


def test_usage_errors_are_one_line_with_exit_2(db):
    line = refused(invoke(db, "verdict", "abc", "true"), code=2)
    assert line.startswith("workbench verdict:") and "--help" in line


def test_a_note_edit_replays_and_reverses_exactly():
    """The logged span turns the old note into the new one and back, for any pair of notes."""
    from hypothesis import given
    from hypothesis import strategies as st

    from workbench.store.audit import note_before, note_edit

    @given(st.text("ab\n", max_size=12) | st.none(), st.text("ab\n", max_size=12) | st.none())
    def replays(old, new):
        edit = note_edit(old, new)
        old_text = old or ""
        assert old_text[:edit["at"]] + edit["inserted"] + old_text[edit["at"] + len(edit["removed"]):] == (new or "")
        assert note_before(new, edit) == (old or None)

    replays()
