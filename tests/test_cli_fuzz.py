"""A fuzzer for the command line: every command × a table of hostile values, one slot at a time.

Whatever a person types, the workbench answers with exit 0, or with exit ≠ 0 and one line on stderr;
never a traceback, never the last-resort handler's exit 70, never a terminal escape printed back.
Where a value cannot be right (an id SQLite cannot hold, a malformed URL, a missing or FIFO path,
a non-finite figure), it must be refused. In process through click's CliRunner (a subprocess per
case would cost a second each); a few real subprocess cases check the process itself.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from workbench.cli import cli

WORKBENCH = Path(sys.executable).with_name("workbench")
HUGE = "9" * 30
MEGA = "x" * 1_000_000
ESCAPES = ("\x1b", "\x07", "\x9b", "\x9d", "\x00")
ARTICLE = ("Harbour wall costs double\nBy Ana Ruiz\n3 April 2024\n\n"
           "The council said 1,200 homes were flooded in May, costing £12m. "
           '"We will build the wall by 2026," the mayor said.\n')

# Hostile values by the kind of slot they go into; `refuse` says whether any of them may be accepted.
TEXT = ["", " ", "\x00", "a\x00b", "\x1b]52;c;aGVsbG8=\x07", "\x1b[2J\x1b[31mred", "\x9b31m\x9d0;t\x9c",
        "\x85\u2028line", "one\ntwo\n", "[bold]x[/foo]", "<script>alert(1)</script>", "=1+1", "\udcff\udc80",
        "\u202eevil", MEGA]
IDS = ["0", HUGE, "-" + HUGE, "-1", "1e3", "", " ", "\x00", "0x10", "1" * 1000, "\x1b[2J"]
URLS = ["", "http://[::1", "https://[zz]/x", "http://a:99999", "javascript:alert(1)", "ftp://a.b/x",
        "http://a b/", "http://" + "a" * 1_000_000, "https://a.b/\x1b]52;c;aGk=\x07", "http://", "\x00"]
NUMBERS = ["1e999", "inf", "-inf", "nan", "NaN", "9" * 400, "", "\x00", "1" * 100_000, "twelve gazillion"]
DATES = ["2024-13-45", "99999999999-01-01", "yesterday", "1" * 100_000, "2024-02-30"]
COUNTS = ["0", "-1", "1e3", "", "\x00", "-" + HUGE]
HUGE_COUNTS = [HUGE, "9" * 400]  # --limit 10^30 is "all of them": an answer, as long as it is not a traceback

SLOTS = {"text": (TEXT, False), "id": (IDS, True), "url": (URLS, True), "number": (NUMBERS, True),
         "date": (DATES, True), "count": (COUNTS, True), "huge count": (HUGE_COUNTS, False), "path": (None, True),
         "out": (None, True), "odd out": (None, False)}


def hostile_paths(tmp: Path) -> list[str]:
    fifo = tmp / "fifo"
    if not fifo.exists():
        os.mkfifo(fifo)
    folder = tmp / "a-folder"
    folder.mkdir(exist_ok=True)
    return ["", str(tmp / "missing.txt"), str(folder), str(fifo), "/proc/nope/x.txt", "a\x00b",
            str(tmp / ("n" * 5000)), "\x1b]52;c;aGk=\x07.txt", str(tmp / "dir\nforged.txt")]


def hostile_outputs(tmp: Path) -> list[str]:
    """Places no file can be written: empty, a folder, a folder that cannot be made, NUL, a name too long."""
    return ["", str(tmp / "a-folder"), "/proc/nope/x.out", "a\x00b", str(tmp / ("n" * 5000))]


def odd_outputs(tmp: Path) -> list[str]:
    """Places that can be written, with names that must be printed escaped."""
    return [str(tmp / "esc\x1b]52;c;aGk=\x07.out"), str(tmp / "line\nforged: yes.out"), str(tmp / "\x9b2J.out")]


# Each command with its valid arguments and the slots the fuzzer fills: {name} is replaced by a value.
COMMANDS: list[tuple[list[str], dict[str, str]]] = [
    (["claims", "{article}"], {"article": "id"}),
    (["claims", "1", "--kind", "{kind}"], {"kind": "text"}),
    (["verdict", "{claim}", "true"], {"claim": "id"}),
    (["verdict", "{claim}", "{verdict}"], {"verdict": "text"}),
    (["verdict", "{claim}", "true", "--note", "{note}"], {"note": "text"}),
    (["verdict", "{claim}", "true", "--expect-version", "{version}"], {"version": "count"}),
    (["verdict", "{claim}", "true", "--expect-version", "{version}"], {"version": "huge count"}),
    (["note", "{claim}", "{note}"], {"claim": "id", "note": "text"}),
    (["note", "{claim}", "--file", "{file}"], {"file": "path"}),
    (["reject", "{claim}"], {"claim": "id"}),
    (["source", "add", "{claim}", "{url}"], {"claim": "id", "url": "url"}),
    (["source", "add", "{claim}", "https://example.org/s", "--title", "{title}", "--publisher", "{title}",
      "--excerpt", "{title}"], {"title": "text"}),
    (["source", "add", "{claim}", "https://example.org/d", "--published", "{date}"], {"date": "date"}),
    (["history", "{claim}"], {"claim": "id"}),
    (["undo", "--claim", "{claim}"], {"claim": "id"}),
    (["reextract", "{article}"], {"article": "id"}),
    (["search", "{query}"], {"query": "text"}),
    (["search", "council", "--limit", "{limit}"], {"limit": "count"}),
    (["search", "council", "--limit", "{limit}"], {"limit": "huge count"}),
    (["search", "council", "--since", "{date}"], {"date": "date"}),
    (["search", "council", "--until", "{date}"], {"date": "date"}),
    (["search", "council", "--verdict", "{v}", "--kind", "{v}", "--outlet", "{v}", "--reviewer", "{v}"],
     {"v": "text"}),
    (["export", "{article}", "--format", "md"], {"article": "id"}),
    (["export", "1", "--format", "html", "-o", "{out}", "--force"], {"out": "out"}),
    (["export", "1", "--format", "html", "-o", "{out}", "--force"], {"out": "odd out"}),
    (["export", "--all", "--format", "json", "--since", "{date}"], {"date": "date"}),
    (["export", "--all", "--format", "claimreview", "--review-url", "https://example.org/r", "--organisation",
      "{org}", "--reviewer", "{org}"], {"org": "text"}),
    (["quote-check", "{quote}", "{file}"], {"file": "path"}),
    (["quote-check", "{claim}", "-"], {"claim": "id"}),
    (["figure-check", "{figure}", "--", "{value}"], {"value": "number"}),
    (["figure-check", "{claim}", "12"], {"claim": "id"}),
    (["figure-check", "{figure}", "12", "--unit", "{unit}"], {"unit": "text"}),
    (["figure-check", "{figure}", "12", "--source", "{url}"], {"url": "url"}),
    (["import", "{file}"], {"file": "path"}),
    (["import", "{article_file}", "--outlet", "{outlet}"], {"outlet": "text"}),
    (["import", "{article_file}", "--url", "{url}"], {"url": "url"}),
    (["import", "{article_file}", "--max-bytes", "{n}"], {"n": "count"}),
    (["import", "{article_file}", "--max-bytes", "{n}"], {"n": "huge count"}),
    (["extract", "{file}"], {"file": "path"}),
    (["db", "backup", "{out}", "--force"], {"out": "out"}),
    (["db", "backup", "{out}", "--force"], {"out": "odd out"}),
    (["review", "{article}"], {"article": "id"}),
]
# values that may stand in these slots: a text that names nothing is refused, and that is fine too
REFUSING_TEXT = {"verdict", "kind"}
SLOW = {"import", "extract", "reextract", "search", "export", "quote-check", "figure-check"}


@pytest.fixture(scope="module")
def library(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("fuzz")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("XDG_DATA_HOME", str(tmp / "data"))  # a crash log, if any, stays in the test's folder
        article = tmp / "harbour.txt"
        article.write_text(ARTICLE, encoding="utf-8")
        db = tmp / "wb.db"
        assert invoke(db, "import", str(article)).exit_code == 0
        yield tmp, db, article


def invoke(db: Path, *args: str, stdin: str = ""):
    return CliRunner().invoke(cli, ["--db", str(db), "--reviewer", "fuzz", *args], input=stdin,
                              prog_name="workbench")


def assert_answered(result, case: str, must_refuse: bool) -> None:
    """Exit 0, or a refusal in one line; never a traceback, exit 70 or an escape."""
    assert result.exit_code != 70, f"{case}: the last resort was reached: {result.stderr}"
    assert not (result.exception and not isinstance(result.exception, SystemExit)), f"{case}: {result.exception!r}"
    out, err = result.stdout, result.stderr
    assert "Traceback" not in out + err, case
    assert not any(ch in out + err for ch in ESCAPES), f"{case}: an escape was printed: {(out + err)[:200]!r}"
    if result.exit_code != 0:
        assert len(err.strip().splitlines()) == 1, f"{case}: {err[:500]!r}"
        assert len(err) < 2000, f"{case}: a refusal of {len(err)} characters"
    if must_refuse:
        assert result.exit_code != 0, f"{case}: accepted: {out[:200]!r}"


def _cases(tmp: Path):
    paths = hostile_paths(tmp)
    for template, slots in COMMANDS:
        for slot, kind in slots.items():
            values, refuse = SLOTS[kind]
            if kind == "path":
                values = paths
            elif kind == "out":
                values = hostile_outputs(tmp)
            elif kind == "odd out":
                values = odd_outputs(tmp)
            if template[0] in SLOW and kind == "text":
                values = [v for v in values if v is not MEGA]  # one 1 MB case per command kind is enough
            for value in values:
                yield template, slot, kind, value, refuse or (kind == "text" and slot in REFUSING_TEXT and
                                                              not value.strip())


def test_every_command_answers_every_hostile_value_in_one_line(library):
    tmp, db, article = library
    from workbench.store import list_claims, open_db

    claims = list_claims(open_db(db), 1)
    valid = {"article": "1", "claim": str(claims[0]["id"]), "article_file": str(article),
             "quote": str(next(c["id"] for c in claims if c["kind"] == "quote")),
             "figure": str(next(c["id"] for c in claims if (c["value"] or {}).get("number")))}
    cases = 0
    for template, slot, kind, value, must_refuse in _cases(tmp):
        args = [value if part == "{" + slot + "}" else part for part in template]
        args = [valid.get(part[1:-1], part) if part.startswith("{") else part for part in args]
        result = invoke(db, *args)
        shown = " ".join(a if len(a) < 40 else a[:20] + f"…({len(a)})" for a in args)
        assert_answered(result, repr(shown), must_refuse)
        cases += 1
    assert cases > 300


@pytest.mark.parametrize("db_value", ["missing-dir", "folder", "fifo", "proc", "nul", "long", "zero", "text",
                                      "escape"])
def test_every_hostile_database_path_is_one_line(library, db_value):
    tmp, _, _ = library
    paths = {"missing-dir": "/proc/nope/x.db", "folder": str(tmp / "a-folder"), "fifo": str(tmp / "fifo"),
             "proc": "/proc/x.db", "nul": "x\x00.db", "long": str(tmp / ("d" * 5000)), "zero": str(tmp / "zero.db"),
             "text": str(tmp / "text.db"), "escape": str(tmp / "no\x1b]52;c;aGk=\x07dir" / "x.db")}
    hostile_paths(tmp)
    (tmp / "zero.db").write_bytes(b"")
    (tmp / "text.db").write_text("not a database at all\n" * 10)
    for args in (["articles"], ["db", "check"], ["verdict", "1", "true"]):
        result = CliRunner().invoke(cli, ["--db", paths[db_value], *args], prog_name="workbench")
        if db_value == "escape":  # a folder with an escape in its name is a place like any other
            assert_answered(result, f"--db {db_value} {args}", must_refuse=args[0] == "verdict")
        else:
            assert_answered(result, f"--db {db_value} {args}", must_refuse=True)


@pytest.mark.parametrize("args", [
    ["verdict", HUGE, "true"],
    ["source", "add", "1", "http://[::1"],
    ["figure-check", "1", "1e999"],
    ["import", ""],
    ["note", "1", "-"],
    ["--reviewer", "\x1b]52;c;aGk=\x07", "history", "1"],
])
def test_real_subprocesses_answer_in_one_line(library, args):
    tmp, db, _ = library
    env = {**os.environ, "XDG_DATA_HOME": str(tmp / "data")}
    proc = subprocess.run([str(WORKBENCH), "--db", str(db), *args], capture_output=True, text=True, env=env,
                          input="", timeout=60)
    assert proc.returncode not in (0, 70), proc.stdout + proc.stderr
    assert "Traceback" not in proc.stderr and len(proc.stderr.strip().splitlines()) == 1, proc.stderr
    assert not any(ch in proc.stderr for ch in ESCAPES)


# ---------------------------------------------------------------- articles in folders

NAMES = ["Ana Ruiz", "Tom Okafor", "Lena Park", "Priya Natarajan", "Owen Hughes", "Marta Kowalska"]
PLACES = ["Leedsham", "the harbour district", "Northgate", "the county", "Rivermouth"]
MONTHS = ["January", "March", "May", "July", "October", "December"]
SENTENCES = [
    "{name} said {n:,} homes were flooded in {place} in {month}.",
    '"We spent £{n}m on the wall and it held," {name} said.',
    "Unemployment in {place} fell to {p}% in {year}, the council said.",
    "The council approved {n} new school places, costing £{m}bn over {k} years.",
    "{name}, the mayor, told reporters that rents rose {p} per cent in {month}.",
    '"Nobody warned us about the {p}% rise," said {name}.',
    "Some {n:,} people marched through {place} on {k} {month} {year}.",
    "Police recorded {k} burglaries a day in {place}, up from {n} last year.",
]
HOSTILE = [
    b"",  # empty
    b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4,  # an image
    b"-----\n.\n",  # no words
    'While saying "courageous" the minister left.\n'.encode(),
    ("Debt hit £" + "9" * 400 + " and " + "7" * 2000 + " people.\n").encode(),
    ('prices will rise by 12% next year," the minister said. ' * 200).encode(),
    ('"' * 5000 + " 12% " + "\u201c" * 3000).encode(),
    "Costs\x00 rose\x1b]52;c;aGk=\x07 to £4m\x9b31m in 2023.\x1b[2J\n".encode(),
    ("\u202e\u200b" * 2000 + "12 people.").encode("utf-16"),
    ("<html><body>" + "<div>" * 3000 + "<p>4 homes flooded.</p>" + "</div>" * 3000 + "</body></html>").encode(),
]


@st.composite
def articles(draw) -> str:
    """A short news article of sentences we wrote, with random names, places and figures."""
    number = st.integers(min_value=2, max_value=99_999)
    paragraphs = []
    for _ in range(draw(st.integers(min_value=1, max_value=5))):
        sentences = []
        for _ in range(draw(st.integers(min_value=1, max_value=3))):
            template = draw(st.sampled_from(SENTENCES))
            sentences.append(template.format(
                name=draw(st.sampled_from(NAMES)), place=draw(st.sampled_from(PLACES)),
                month=draw(st.sampled_from(MONTHS)), n=draw(number), m=draw(st.integers(1, 40)),
                p=draw(st.integers(1, 60)), k=draw(st.integers(2, 28)), year=draw(st.integers(1990, 2030))))
        paragraphs.append(" ".join(sentences))
    headline = draw(st.sampled_from(["Flood costs climb", "Rents rise again", "School places approved"]))
    return f"{headline}\nBy {draw(st.sampled_from(NAMES))}\n3 April 2024\n\n" + "\n\n".join(paragraphs) + "\n"


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(good=st.lists(articles(), min_size=1, max_size=4, unique=True),
       bad=st.lists(st.sampled_from(range(len(HOSTILE))), min_size=1, max_size=3),
       order=st.randoms(use_true_random=False))
def test_a_folder_import_imports_every_good_article_whatever_comes_before_it(tmp_path_factory, good, bad, order):
    tmp = tmp_path_factory.mktemp("batch")
    folder = tmp / "articles"
    folder.mkdir()
    files = [("good", text.encode()) for text in good] + [("bad", HOSTILE[i]) for i in bad]
    order.shuffle(files)
    paths = []
    for i, (kind, data) in enumerate(files):  # names sort in this order: the batch meets them so
        name = folder / f"{i:02d}-{kind}{'.html' if data.startswith(b'<html') else '.txt'}"
        name.write_bytes(data)
        paths.append((kind, str(name)))
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("XDG_DATA_HOME", str(tmp / "data"))
        result = CliRunner().invoke(cli, ["--db", str(tmp / "wb.db"), "--reviewer", "fuzz", "import", str(folder),
                                          "--json"], prog_name="workbench")
    assert result.exit_code in (0, 1), result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    outcomes = {r["path"]: r for r in json.loads(result.stdout)}
    assert [p for _, p in paths] == sorted(outcomes), "every file is reported, in order"
    for kind, path in paths:
        if kind == "good":
            assert "error" not in outcomes[path], outcomes[path]
    errors = [r for r in outcomes.values() if "error" in r]
    lines = result.stderr.strip().splitlines()
    assert len(lines) == len(errors) + (1 if errors and len(errors) < len(outcomes) else 0), result.stderr
    assert not any(ch in result.stderr for ch in ESCAPES)
