"""Hostile input through the whole path (import → extract → store → CLI listing → search →
export): control bytes, terminal escapes, markup, bidi and zero-width characters, huge lines,
deep HTML, floods of quote marks, odd encodings. Nothing crashes, nothing hangs (subprocess
timeouts guard that; speed is measured in benchmarks/), text stays data, offsets stay true.
"""
from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from workbench.errors import BadInput
from workbench.ingest import parse_article
from workbench.service import extract_article
from workbench.store import check_db, list_claims, open_db, store_article

WORKBENCH = Path(sys.executable).with_name("workbench")
SENTENCE = "The council said 1,200 homes were flooded in May, costing £12m. "
HEADER = "Flood costs climb\nBy Ana Ruiz\n3 April 2024\n\n"
ESC = "\x1b"


def run(db: Path, *args: str, timeout: int = 120) -> subprocess.CompletedProcess:
    env = {**os.environ, "WORKBENCH_REVIEWER": "tester"}
    return subprocess.run([str(WORKBENCH), "--db", str(db), *args], capture_output=True, text=True, env=env,
                          timeout=timeout)


def _import_one(tmp_path: Path, name: str, data: bytes) -> tuple[subprocess.CompletedProcess, Path]:
    path = tmp_path / name
    path.write_bytes(data)
    db = tmp_path / "wb.db"
    return run(db, "import", str(path)), db


def _assert_refused_cleanly(proc: subprocess.CompletedProcess) -> None:
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1


def _everything_reads_back(db: Path) -> list[dict]:
    """List, show and export the stored article through the CLI; return its claims."""
    articles = run(db, "articles", "--json")
    assert articles.returncode == 0, articles.stderr
    [article] = json.loads(articles.stdout)
    claims = run(db, "claims", str(article["id"]), "--json")
    assert claims.returncode == 0, claims.stderr
    plain = run(db, "claims", str(article["id"]))
    assert plain.returncode == 0, plain.stderr
    assert ESC not in plain.stdout and ESC not in claims.stdout
    out = run(db, "export", "--all", "--format", "html")
    assert out.returncode == 0, out.stderr
    assert ESC not in out.stdout
    _exports_in_process(db)
    check = run(db, "db", "check")
    assert (check.returncode, check.stdout.strip()) == (0, "ok"), check.stdout
    return json.loads(claims.stdout)


def _exports_in_process(db_path: Path) -> None:
    """The other export formats through the library (one CLI run each would cost a second apiece)."""
    try:
        from workbench.report import export_report
    except ImportError:
        return
    db = open_db(db_path)
    for fmt in ("json", "md", "csv", "claimreview"):
        out = io.StringIO()
        export_report(db, None, fmt, out)
        assert ESC not in out.getvalue()
        if fmt == "json":
            json.loads(out.getvalue())
    db.conn.close()


def test_terminal_escapes_and_nul_bytes_never_reach_the_database_or_the_terminal(tmp_path):
    hostile = (HEADER + "Officials\x00 said\x1b[2J\x1b]52;c;ZXZpbA==\x07 costs rose to £4m\x9b31m in 2023, "
               "a rise of 12%.\x07 \"We\x1b[31m were not told,\" said Ana Ruiz.\n")
    proc, db = _import_one(tmp_path, "escapes.txt", hostile.encode())
    assert proc.returncode == 0, proc.stderr
    assert ESC not in proc.stdout
    claims = _everything_reads_back(db)
    body = open_db(db).execute("SELECT body FROM articles").fetchone()[0]
    assert not any(ch in body for ch in "\x00\x1b\x07\x9b")
    assert "costs rose to £4m" in body
    assert any(c["text"] == "£4m" for c in claims)


def test_rich_and_html_markup_in_an_article_stay_literal_text(tmp_path):
    text = (HEADER + "The [bold]mayor[/bold] said [/foo] costs hit £2m [link=http://evil]here[/link], "
            "up 20% on 2022. <script>alert('x')</script> \"[red]Nobody[/red] warned us,\" said Ana Ruiz.\n")
    proc, db = _import_one(tmp_path, "markup.txt", text.encode())
    assert proc.returncode == 0, proc.stderr
    claims = _everything_reads_back(db)
    assert any("[red]Nobody[/red]" in c["text"] for c in claims if c["kind"] == "quote")
    listing = run(db, "claims", "1").stdout
    assert "[red]Nobody[/red]" in listing
    html = run(db, "export", "--all", "--format", "html").stdout
    assert "<script>alert" not in html
    body = open_db(db).execute("SELECT body FROM articles").fetchone()[0]
    assert "[/foo]" in body and "<script>alert('x')</script>" in body


def test_rtl_overrides_and_zero_width_characters_keep_offsets_true(tmp_path):
    text = (HEADER + "\u202eThe council\u202c said \u200b1,200\u200d homes were flooded, costing "
            "\u2067£12m\u2069 in \ufeffMay. \u05d4\u05de\u05d5\u05e2\u05e6\u05d4 said costs rose 8%.\n")
    proc, db = _import_one(tmp_path, "bidi.txt", text.encode())
    assert proc.returncode == 0, proc.stderr
    claims = _everything_reads_back(db)
    assert any(c["text"] == "8%" for c in claims)


@pytest.mark.parametrize("name, data", [
    ("cp1252.txt", (HEADER + "Rents rose to £950 a month, a rise of 9%, the “official” figures show.\n")
     .encode("cp1252")),
    ("latin1.txt", (HEADER + "Rents in Malmö rose to £950 a month, a rise of 9% on the year before.\n")
     .encode("latin-1")),
    ("utf16.txt", (HEADER + "Rents rose to £950 a month, a rise of 9% on the year before.\n").encode("utf-16")),
    ("utf8bom.txt", b"\xef\xbb\xbf" + (HEADER + "Rents rose to £950 a month, a rise of 9% on the year.\n").encode()),
])
def test_every_encoding_arrives_with_its_pound_sign(tmp_path, name, data):
    proc, db = _import_one(tmp_path, name, data)
    assert proc.returncode == 0, proc.stderr
    claims = json.loads(run(db, "claims", "1", "--json").stdout)
    assert any(c["text"] == "£950 a month" for c in claims)  # the pound sign, and the period it is paid per
    body = open_db(db).execute("SELECT body FROM articles").fetchone()[0]
    assert "\ufeff" not in body and "Â£" not in body


def test_a_one_megabyte_single_line_imports(tmp_path):
    line = SENTENCE * (1_000_000 // len(SENTENCE))
    proc, db = _import_one(tmp_path, "oneline.txt", (HEADER + line + "\n").encode())
    assert proc.returncode == 0, proc.stderr
    assert "added: #1" in proc.stdout
    assert run(db, "db", "check").stdout.strip() == "ok"


def test_a_flood_of_quote_marks_imports(tmp_path):
    flood = '"Hello," she said. ' * 5_000 + '"' * 100_000  # 110,000 quote marks; bigger runs in benchmarks/
    proc, db = _import_one(tmp_path, "quotes.txt", (HEADER + flood + "\n").encode())
    assert proc.returncode == 0, proc.stderr
    assert run(db, "db", "check").stdout.strip() == "ok"


def test_html_nested_ten_thousand_levels_is_imported_or_refused_in_one_line(tmp_path):
    depth = 10_000
    page = ("<html><head><title>Deep page</title></head><body>" + "<div>" * depth + "<p>" + SENTENCE * 20
            + "</p>" + "</div>" * depth + "</body></html>")
    proc, db = _import_one(tmp_path, "deep.html", page.encode())
    if proc.returncode:
        _assert_refused_cleanly(proc)
    else:
        _everything_reads_back(db)


def test_a_binary_file_renamed_to_txt_is_refused(tmp_path):
    proc, _ = _import_one(tmp_path, "archive.txt", b"PK\x03\x04" + os.urandom(4096))
    _assert_refused_cleanly(proc)
    proc, _ = _import_one(tmp_path, "noise.txt", os.urandom(8192))
    _assert_refused_cleanly(proc)


def test_over_the_limit_on_stdin_is_refused_in_one_line(tmp_path):
    env = {**os.environ, "WORKBENCH_REVIEWER": "tester"}
    proc = subprocess.run([str(WORKBENCH), "--db", str(tmp_path / "wb.db"), "import", "--max-bytes", "100000", "-"],
                          input=SENTENCE.encode() * 4000, capture_output=True, env=env, timeout=120)
    assert proc.returncode == 1
    assert b"Traceback" not in proc.stderr and b"limit" in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1


def test_a_file_name_with_terminal_escapes_is_not_echoed_raw(tmp_path):
    path = tmp_path / "evil\x1b]52;c;ZXZpbA==\x07\x1b[2J.txt"
    path.write_text(HEADER + SENTENCE * 3, encoding="utf-8")
    proc = run(tmp_path / "wb.db", "import", str(path))
    assert proc.returncode == 0, proc.stderr
    assert ESC not in proc.stdout and ESC not in proc.stderr
    missing = run(tmp_path / "wb.db", "import", str(tmp_path / "gone\x1b[2J.txt"))
    _assert_refused_cleanly(missing)
    assert ESC not in missing.stderr


# ---------------------------------------------------------------- fuzzing

WORDS = st.sampled_from([
    "the", "council", "said", "£12m", "$4.5bn", "€300", "12%", "one in five", "between 3 and 5", "May 2015",
    "24 November", "1,200", "third", "doubled", '"', "“", "”", "'", "said Ana Ruiz.", "he said:", "\n\n", ".",
    "[bold]", "[/foo]", "<b>", "&amp;", "\u202e", "\u200b", "\ufeff", "\x00", "\x1b[2J", "\t", "Ａ", "e\u0301",
    "🙂", "\ud7ff", "per cent", "-", "—", "…", "(", ")", "#", "*",
])
ARTICLE_TEXT = st.one_of(
    st.text(max_size=400),
    st.lists(WORDS, max_size=80).map(" ".join),
)


@pytest.fixture(scope="module")
def fuzz_db(tmp_path_factory):
    return open_db(tmp_path_factory.mktemp("fuzz") / "fuzz.db")


def _through_the_store(db, data: bytes, suffix: str) -> None:
    try:
        article = parse_article(data, origin="fuzz", suffix=suffix)
    except BadInput:
        return
    extraction = extract_article(article)
    for span in (*extraction.claims, *extraction.quotes):
        assert article.body[span.start:span.end] == span.text
    result = store_article(db, article, extraction, "fuzzer")
    for c in list_claims(db, result.article_id):
        assert article.body[c["start"]:c["end"]] == c["text"]
    try:
        from workbench.report import export_report
    except ImportError:
        return
    for fmt in ("json", "html", "csv", "claimreview", "md"):
        out = io.StringIO()
        export_report(db, [result.article_id], fmt, out)
        if fmt == "json":
            json.loads(out.getvalue())
        assert ESC not in out.getvalue()


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                     HealthCheck.too_slow])
@given(text=ARTICLE_TEXT, suffix=st.sampled_from(["", ".txt", ".md", ".html"]))
def test_fuzzed_text_goes_through_extract_store_and_export(fuzz_db, text, suffix):
    _through_the_store(fuzz_db, text.encode("utf-8", errors="surrogatepass"), suffix)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                     HealthCheck.too_slow])
@given(data=st.binary(max_size=600), suffix=st.sampled_from(["", ".txt", ".html"]))
def test_fuzzed_bytes_go_through_extract_store_and_export(fuzz_db, data, suffix):
    _through_the_store(fuzz_db, data, suffix)


def test_the_fuzzed_database_is_sound(fuzz_db):
    assert check_db(fuzz_db) == []
