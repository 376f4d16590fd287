"""A plain-text article hard-wrapped at 60-90 columns (a saved e-mail, a press release, a Project
Gutenberg-style text: every line broken with one newline, paragraphs apart by a blank line) loses nothing on
import: each line of the first paragraph was short and stopped mid-sentence, so none read as prose, and the
whole paragraph was taken for headline, deck and byline and dropped from the body. Through the real
`workbench import`, `export --format json` and `extract --json`, on files composed the way such files are."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

WORKBENCH = Path(sys.executable).with_name("workbench")

COUNCIL = [
    "The city council voted on Tuesday to approve a £42 million flood barrier along the Riverside district, "
    "after a debate that lasted more than six hours. Councillors backed the plan by 31 votes to 12, with four "
    "abstentions.",
    "The barrier will protect about 3,400 homes that flooded in 2019, according to the Environment Agency. "
    "Construction is expected to begin in March and take 18 months to complete.",
    '"This is the most important decision this council has made in a decade," said council leader Maria '
    "Okafor. She added that the cost would be shared with central government, which has promised £30 million.",
    "Opponents said the scheme was rushed. Local resident group Save Our Riverbank collected 2,100 signatures "
    "against the design, which they say will block views of the river for 1.2 kilometres.",
]
JOBS = [
    "LONDON, May 3 — Britain's unemployment rate fell to 4.1 per cent in the three months to March, the "
    "Office for National Statistics said on Tuesday, the lowest level since 1975. Economists had expected a "
    "rate of 4.3 per cent.",
    "The number of people in work rose by 197,000 to a record 32.7 million, while average weekly earnings grew "
    "by 3.5 per cent, the statistics office said.",
    '"These figures show the economy is working for working people," Chancellor Philip Hammond said in a '
    "statement.",
]


def wrapped(paragraphs: list[str], width: int, indent: str = "", first_indent: str | None = None) -> str:
    return "\n\n".join(textwrap.fill(p, width, initial_indent=indent if first_indent is None else first_indent,
                                     subsequent_indent=indent) for p in paragraphs) + "\n"


# name: (file text, the paragraphs it holds, its headline, what the first paragraph must give as claims)
VARIANTS = {
    "title": ("Council Approves Riverside Flood Barrier\n\n" + wrapped(COUNCIL, 72), COUNCIL,
              "Council Approves Riverside Flood Barrier", ["£42 million", "31 votes"]),
    "no-title": (wrapped(COUNCIL, 72), COUNCIL, None, ["£42 million", "31 votes"]),
    "title-no-blank-line": ("Council Approves Riverside Flood Barrier\n" + wrapped(COUNCIL, 76), COUNCIL,
                            "Council Approves Riverside Flood Barrier", ["£42 million", "31 votes"]),
    "sentence-case-title": ("Council approves £42m flood barrier after six-hour debate\n\n" + wrapped(COUNCIL, 78),
                            COUNCIL, "Council approves £42m flood barrier after six-hour debate",
                            ["£42 million", "31 votes"]),
    "byline-and-date": ("Council Approves Riverside Flood Barrier\nBy Jane Smith\nMay 3, 2024\n\n"
                        + wrapped(COUNCIL, 72), COUNCIL, "Council Approves Riverside Flood Barrier",
                        ["£42 million", "31 votes"]),
    "gutenberg": ("COUNCIL APPROVES RIVERSIDE FLOOD BARRIER\n\nby Jane Smith\n\n\n" + wrapped(COUNCIL, 70), COUNCIL,
                  "COUNCIL APPROVES RIVERSIDE FLOOD BARRIER", ["£42 million", "31 votes"]),
    "narrow-60": (wrapped(COUNCIL, 60), COUNCIL, None, ["£42 million", "31 votes"]),
    "wide-90": ("Council approves flood barrier\n\n" + wrapped(COUNCIL, 90), COUNCIL,
                "Council approves flood barrier", ["£42 million", "31 votes"]),
    "indented": ("    Council Approves Riverside Flood Barrier\n\n" + wrapped(COUNCIL, 76, indent="    "), COUNCIL,
                 "Council Approves Riverside Flood Barrier", ["£42 million", "31 votes"]),
    "first-line-indent": ("Council Approves Riverside Flood Barrier\n\n" + wrapped(COUNCIL, 72, first_indent="   "),
                          COUNCIL, "Council Approves Riverside Flood Barrier", ["£42 million", "31 votes"]),
    "e-mail": ("Subject: Council approves flood barrier\nFrom: press@council.example\nTo: newsdesk@example.org\n"
               "Date: 3 May 2024\n\n" + wrapped(COUNCIL, 72), COUNCIL, "Council approves flood barrier",
               ["£42 million", "31 votes"]),
    "dateline": (wrapped(JOBS, 76), JOBS, None, ["4.1 per cent", "4.3 per cent"]),
    "title-dateline": ("Unemployment Falls To Lowest Since 1975\n\n" + wrapped(JOBS, 76), JOBS,
                       "Unemployment Falls To Lowest Since 1975", ["4.1 per cent", "4.3 per cent"]),
    "title-dateline-crlf": (("Unemployment Falls To Lowest Since 1975\n\n" + wrapped(JOBS, 76)).replace("\n", "\r\n"),
                            JOBS, "Unemployment Falls To Lowest Since 1975", ["4.1 per cent", "4.3 per cent"]),
}


def run(db: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "WORKBENCH_REVIEWER": "tester"}
    env.pop("WORKBENCH_DB", None)
    done = subprocess.run([str(WORKBENCH), "--db", str(db), *args], capture_output=True, text=True, env=env,
                          timeout=120)
    assert done.returncode == 0, done.stderr
    return done


def words(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("variant", sorted(VARIANTS))
def test_every_sentence_of_a_hard_wrapped_file_is_imported_and_its_claims_found(tmp_path, variant):
    text, paragraphs, headline, first_claims = VARIANTS[variant]
    path = tmp_path / f"{variant}.txt"
    path.write_bytes(text.encode("utf-8"))
    db = tmp_path / "wb.db"
    imported = json.loads(run(db, "import", str(path), "--json").stdout)[0]
    assert imported["headline"] == headline
    run(db, "export", str(imported["article_id"]), "--format", "json", "-o", str(tmp_path / "out.json"))
    article = json.loads((tmp_path / "out.json").read_text())["articles"][0]
    body = words(article["body"])
    for paragraph in paragraphs:  # the first paragraph above all: it went to the headline and deck
        assert words(paragraph) in body
    assert article["deck"] is None and article["byline"] in (None, "Jane Smith")
    claims = [words(c["text"]) for c in article["claims"]]
    for figure in first_claims:
        assert figure in claims
    # each hard-wrapped paragraph is one line in the body: no claim with a line break inside, and a quote
    # broken from its "said …" on the next line keeps its speaker
    assert not [c["text"] for c in article["claims"] if "\n" in c["text"]]
    speakers = {c.get("speaker") for c in article["claims"] if c["kind"] == "quote"}
    assert speakers & {"Maria Okafor", "Philip Hammond"}


def test_a_wire_dateline_with_the_day_gives_the_place(tmp_path):
    path = tmp_path / "jobs.txt"
    path.write_text(wrapped(JOBS, 76), encoding="utf-8")
    result = json.loads(subprocess.run([str(WORKBENCH), "extract", "--json", str(path)], capture_output=True,
                                       text=True, timeout=120, check=True).stdout)
    assert result["article"]["dateline"] == "LONDON"
    assert result["body"].startswith("LONDON, May 3 — Britain's unemployment rate fell to 4.1 per cent in the three")



def extracted(tmp_path: Path, text: str) -> dict:
    path = tmp_path / "article.txt"
    path.write_text(text, encoding="utf-8")
    return json.loads(subprocess.run([str(WORKBENCH), "extract", "--json", str(path)], capture_output=True,
                                     text=True, timeout=120, check=True).stdout)


def test_paragraphs_told_apart_by_indent_alone_and_transcript_turns_stay_apart(tmp_path):
    """Joining the wrapped lines must stop where something of its own starts: a paragraph's indented first
    line (Gutenberg texts leave no blank line between paragraphs), a transcript's "SMITH:" turn, a list item.
    A paragraph's last line that happened to run near the width was joined to the next one."""
    indented = "\n".join(textwrap.fill(p, 72, initial_indent="    ") for p in COUNCIL)
    body = extracted(tmp_path, "Council Approves Riverside Flood Barrier\n\n" + indented + "\n")["body"]
    assert [words(line) for line in body.splitlines()] == [words(p) for p in COUNCIL]
    turns = ["SMITH: " + COUNCIL[0], "JONES: " + COUNCIL[1], "SMITH: " + COUNCIL[3]]
    body = extracted(tmp_path, "\n".join(textwrap.fill(t, 72) for t in turns) + "\n")["body"]
    assert [words(line) for line in body.splitlines()] == turns
    items = [f"- {p}" for p in COUNCIL]
    body = extracted(tmp_path, "Council Approves Riverside Flood Barrier\n\n" + "\n".join(
        textwrap.fill(p, 72, subsequent_indent="  ") for p in items) + "\n")["body"]
    assert [words(line) for line in body.splitlines()] == items
