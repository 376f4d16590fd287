"""Verdict reports in every format, from a review done through the real CLI; injection stays inert."""
from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

SEED = Path(__file__).resolve().parents[1] / "sample_articles" / "syria-homs-2015-11-24.txt"
EVIL_NOTE = "<script>alert(1)</script> [bold]x[/] =HYPERLINK(\"http://evil\")"
EVIL_TITLE = "<img src=x onerror=alert(1)> [/foo]"


def cli(db: Path, *args: str, check: bool = True) -> subprocess.CompletedProcess:
    done = subprocess.run([sys.executable, "-m", "workbench.cli", "--db", str(db), "--reviewer", "ann", *args],
                          capture_output=True, text=True)
    if check:
        assert done.returncode == 0, done.stderr
    return done


@pytest.fixture(scope="module")
def reviewed_db(tmp_path_factory):
    db = tmp_path_factory.mktemp("report") / "wb.db"
    cli(db, "import", str(SEED))
    claims = json.loads(cli(db, "claims", "1", "--json").stdout)
    victims = next(c for c in claims if c["text"] == "130 victims")
    money = next(c for c in claims if c["text"].startswith("£12 billion"))
    quote = next(c for c in claims if c["kind"] == "quote" and "murders" in c["text"])
    cli(db, "verdict", str(victims["id"]), "true", "--note", EVIL_NOTE)
    cli(db, "source", "add", str(victims["id"]), "https://www.example.org/bataclan", "--title", EVIL_TITLE,
        "--publisher", "Le Monde", "--excerpt", "130 people died", "--stance", "supports")
    cli(db, "verdict", str(money["id"]), "mostly-true", "--note", "=1+1")
    cli(db, "verdict", str(quote["id"]), "unproven")
    return db, victims, money, quote


def export(db: Path, fmt: str) -> str:
    # ClaimReview without a review URL is refused unless asked for as drafts (tests/test_claimreview.py)
    return cli(db, "export", "1", "--format", fmt, *(["--draft"] if fmt == "claimreview" else [])).stdout


def test_markdown_has_summary_claims_in_context_and_escaped_text(reviewed_db):
    db, victims, *_ = reviewed_db
    md = export(db, "md")
    assert "## Syrian troops advance in Homs" in md
    assert "\n1 article\n" in md and "article(s)" not in md  # the count reads as English
    assert "**Reviewed:** 3 of" in md
    assert "**130 victims**" in md  # the claim highlighted in its sentence
    assert "<script>" not in md and "\\<script\\>" in md
    assert "(https://www.example.org/bataclan)" in md


class _Collector(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags, self.hrefs, self.scripts, self.script_types, self.script_data = [], [], 0, [], []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.scripts += tag == "script"
        if tag == "script":
            self.script_types.append(dict(attrs).get("type"))
            self._in_script = True
            self.script_data.append("")
        self.hrefs += [v for k, v in attrs if k in ("href", "src")]

    def handle_endtag(self, tag):
        self._in_script = self._in_script and tag != "script"

    def handle_data(self, data):
        if self._in_script:
            self.script_data[-1] += data


def test_html_is_self_contained_escaped_with_chart(reviewed_db):
    db, *_ = reviewed_db
    page = export(db, "html")
    parsed = _Collector()
    parsed.feed(page)
    # the only scripts are each reviewed claim's ClaimReview markup (issue 21): data, never run
    assert parsed.scripts == 3 and set(parsed.script_types) == {"application/ld+json"}
    assert [json.loads(d) for d in parsed.script_data] == json.loads(export(db, "claimreview"))
    assert "img" not in parsed.tags
    assert all(h.startswith(("https://", "#")) for h in parsed.hrefs)
    assert "<svg" in page and "<mark>130 victims</mark>" in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<link" not in page and "@import" not in page  # nothing fetched
    assert " · 1 article</p>" in page


def test_json_has_everything_to_rebuild_the_review(reviewed_db):
    db, victims, *_ = reviewed_db
    doc = json.loads(export(db, "json"))
    assert doc["schema_version"] == 1
    [article] = doc["articles"]
    assert article["body"].startswith("DAMASCUS")
    claim = next(c for c in article["claims"] if c["id"] == victims["id"])
    assert article["body"][claim["start"]:claim["end"]] == "130 victims"
    assert claim["verdict"] == "true" and claim["note"] == EVIL_NOTE
    assert claim["sources"][0]["title"] == EVIL_TITLE
    assert [e["action"] for e in claim["history"]] == ["verdict", "source"]
    assert {v["key"] for v in doc["verdicts"]} >= {"true", "false"}


def test_csv_is_one_row_per_claim_and_neutralises_formulas(reviewed_db):
    db, victims, money, _ = reviewed_db
    rows = list(csv.DictReader(io.StringIO(export(db, "csv"))))
    assert len(rows) == len(json.loads(cli(db, "claims", "1", "--json").stdout))
    by_id = {int(r["claim_id"]): r for r in rows}
    assert by_id[money["id"]]["note"] == "'=1+1"
    assert by_id[victims["id"]]["note"].startswith("<script>")  # CSV is data; the cell does not start with =
    for row in rows:
        for value in row.values():
            assert not value.startswith(("=", "+", "-", "@"))
    # every field of a source the reviewer entered, not only its stance and URL
    assert by_id[victims["id"]]["sources"] == (
        f"supports: {EVIL_TITLE} (Le Monde) https://www.example.org/bataclan — “130 people died”")


def test_claimreview_has_the_fields_google_documents(reviewed_db):
    db, victims, money, quote = reviewed_db
    reviews = json.loads(export(db, "claimreview"))
    assert len(reviews) == 3  # only reviewed claims
    for review in reviews:
        assert review["@context"] == "https://schema.org" and review["@type"] == "ClaimReview"
        assert review["claimReviewed"]
        assert review["author"]["@type"] == "Organization" and review["author"]["name"]
        rating = review["reviewRating"]
        assert rating["@type"] == "Rating" and rating["alternateName"]
        assert rating["bestRating"] == 5 and rating["worstRating"] == 1
        assert review["itemReviewed"]["@type"] == "Claim"
        assert review["itemReviewed"]["datePublished"] == "2015-11-24"
        assert len(review["datePublished"]) == 10
    quoted = next(r for r in reviews if r["reviewRating"]["alternateName"] == "Unproven")
    assert quoted["itemReviewed"]["author"] == {"@type": "Person", "name": "David Cameron"}
    assert "ratingValue" not in quoted["reviewRating"]  # "unproven" has no place on a 1-5 scale
    true_one = next(r for r in reviews if r["reviewRating"]["alternateName"] == "True")
    assert true_one["reviewRating"]["ratingValue"] == 5


def test_same_database_gives_byte_identical_output(reviewed_db):
    db, *_ = reviewed_db
    for fmt in ("md", "html", "json", "csv", "claimreview"):
        assert export(db, fmt) == export(db, fmt)


def test_output_file_is_written_atomically_and_not_overwritten(reviewed_db, tmp_path):
    db, *_ = reviewed_db
    target = tmp_path / "report.html"
    cli(db, "export", "--all", "--format", "html", "-o", str(target))
    first = target.read_bytes()
    again = cli(db, "export", "--all", "--format", "html", "-o", str(target), check=False)
    assert again.returncode == 1 and "--force" in again.stderr
    assert target.read_bytes() == first
    cli(db, "export", "--all", "--format", "md", "-o", str(target), "--force")
    assert target.read_text().startswith("# Verdict report")
    assert [p.name for p in tmp_path.iterdir()] == ["report.html"]  # no temp files left
    umask = os.umask(0)
    os.umask(umask)
    assert target.stat().st_mode & 0o777 == 0o666 & ~umask  # a report is for passing on, not 0600


def test_export_without_articles_is_a_usage_error(reviewed_db):
    db, *_ = reviewed_db
    done = cli(db, "export", "--format", "md", check=False)
    assert done.returncode == 2 and "--all" in done.stderr


def test_odd_urls_stay_links_and_nothing_entered_is_lost(tmp_path):
    db = tmp_path / "wb.db"
    cli(db, "import", str(SEED))
    claims = json.loads(cli(db, "claims", "1", "--json").stdout)
    victims = next(c for c in claims if c["text"] == "130 victims")
    cli(db, "verdict", str(victims["id"]), "true", "--note", "first line\nsecond line\n\nafter a blank")
    cli(db, "source", "add", str(victims["id"]), "https://example.org/toll?a=1&b=<x>(2)", "--title", "Angle",
        "--published", "20 November 2015", "--excerpt", "one\ntwo")
    md, page = export(db, "md"), export(db, "html")
    # < > ( ) are percent-encoded: the same address, and neither format breaks on it
    encoded = "https://example.org/toll?a=1&b=%3Cx%3E%282%29"
    assert f"[Angle]({encoded})" in md
    parser = _Collector()
    parser.feed(page)
    assert encoded in parser.hrefs
    assert "first line  \nsecond line  \n\u00a0  \nafter a blank" in md  # the note keeps its lines
    assert "“one  \ntwo”" in md and "2015-11-20" in md and "2015-11-20" in page


def test_a_url_that_cannot_be_a_link_is_still_shown_in_markdown(tmp_path):
    db = tmp_path / "wb.db"
    cli(db, "import", str(SEED))
    claims = json.loads(cli(db, "claims", "1", "--json").stdout)
    victims = next(c for c in claims if c["text"] == "130 victims")
    cli(db, "verdict", str(victims["id"]), "true")
    # stored before URLs were checked at entry (or by another tool): never made a link, never dropped
    from workbench.store import open_db
    conn = open_db(db)
    conn.execute("INSERT INTO sources (url, title, added_by, added_at) VALUES ('javascript:alert(1)', 'Bad', 'x', 'now')")
    conn.execute("INSERT INTO claim_sources (claim_id, source_id, stance, added_by, added_at) "
                 "VALUES (?, last_insert_rowid(), 'context', 'x', 'now')", [victims["id"]])
    conn.conn.commit()
    md = export(db, "md")
    assert "Bad (javascript:alert\\(1\\))" in md and "](javascript" not in md


def test_claimreview_names_the_newsroom_and_the_page_that_publishes_it(reviewed_db):
    db, *_ = reviewed_db
    done = cli(db, "export", "1", "--format", "claimreview", "--organisation", "Desk Check",
               "--organisation-url", "https://desk.example", "--review-url", "https://desk.example/checks/homs")
    reviews = json.loads(done.stdout)
    assert {r["author"]["name"] for r in reviews} == {"Desk Check"}
    assert {r["author"]["url"] for r in reviews} == {"https://desk.example"}
    assert all(r["url"].startswith("https://desk.example/checks/homs#claim-") for r in reviews)
    bare = cli(db, "export", "1", "--format", "claimreview", check=False)
    assert bare.returncode == 1 and bare.stdout == ""  # refused: Google requires the url (issue 21)
    assert "--review-url" in bare.stderr and len(bare.stderr.strip().splitlines()) == 1
    drafts = json.loads(cli(db, "export", "1", "--format", "claimreview", "--draft").stdout)
    assert all("url" not in r for r in drafts)  # never the reviewed article's address



def test_markdown_cuts_long_claims_at_a_word_and_keeps_sources_of_unreviewed_claims(tmp_path):
    db = tmp_path / "wb.db"
    cli(db, "import", str(SEED))
    claims = json.loads(cli(db, "claims", "1", "--json").stdout)
    long_quote = max((c for c in claims if c["kind"] == "quote"), key=lambda c: len(c["text"]))
    assert len(long_quote["text"]) > 120
    cli(db, "source", "add", str(long_quote["id"]), "https://example.org/speech", "--title", "The speech")
    md = export(db, "md")
    line = next(l for l in md.splitlines() if l.startswith("- quote: ") and "…" in l)
    words = line.removeprefix("- quote: ").removesuffix("…").replace("\\", "").split()
    assert words and all(w in long_quote["text"].split() for w in words)  # whole words only
    assert "  - context: [The speech](https://example.org/speech)" in md


def test_markdown_bolds_a_claim_of_the_articles_first_sentence_where_it_stands(tmp_path):
    article = tmp_path / "waits.txt"
    # no headline line: the body's first sentence starts at offset 0
    article.write_text("The number of people waiting for treatment rose to 7.6 million in August, NHS England said.\n\n"
                       "Officials said the figure would fall by March.\n", encoding="utf-8")
    db = tmp_path / "wb.db"
    cli(db, "import", str(article))
    claims = json.loads(cli(db, "claims", "1", "--json").stdout)
    figure = next(c for c in claims if c["text"] == "7.6 million")
    assert figure["sentence_start"] == 0
    cli(db, "verdict", str(figure["id"]), "true")
    md = export(db, "md")
    assert "rose to **7.6 million** in August" in md


def _reviewed_claim(tmp_path, text: str = "130 victims") -> tuple[Path, dict]:
    db = tmp_path / "wb.db"
    cli(db, "import", str(SEED))
    claims = json.loads(cli(db, "claims", "1", "--json").stdout)
    return db, next(c for c in claims if c["text"] == text)


def _rendered_text(markdown: str) -> str:
    """What a reader of the Markdown sees: rendered by CommonMark, tags dropped, entities decoded."""
    import html
    import re

    from markdown_it import MarkdownIt
    return html.unescape(re.sub(r"<[^>]+>", "", MarkdownIt("commonmark").render(markdown)))


def test_markdown_shows_ampersands_and_entities_as_written(tmp_path):
    db, victims = _reviewed_claim(tmp_path)
    cli(db, "verdict", str(victims["id"]), "true", "--note", "Le Monde &amp; AFP agree; see &lt;b&gt;")
    shown = _rendered_text(export(db, "md"))
    # unescaped, CommonMark read "&amp;" as "&" and "&lt;b&gt;" as "<b>": the note said something else
    assert "Note: Le Monde &amp; AFP agree; see &lt;b&gt;" in shown


def test_markdown_keeps_the_note_of_a_claim_not_yet_reviewed(tmp_path):
    db, victims = _reviewed_claim(tmp_path)
    cli(db, "note", str(victims["id"]), "Asked the ministry\nfor the toll")
    md = export(db, "md")
    waiting = md.split("#### Not yet reviewed", 1)[1]
    assert "- count: 130 victims\n  - note: Asked the ministry  \n    for the toll\n" in waiting
    assert "Asked the ministry" in _rendered_text(md)


def test_reports_say_how_many_claims_were_rejected(tmp_path):
    db, victims = _reviewed_claim(tmp_path)
    cli(db, "reject", str(victims["id"]))
    assert "claims (1 rejected as not check-worthy)" in export(db, "md")
    assert "claims reviewed, 1 rejected as not check-worthy" in export(db, "html")


def test_claimreview_never_names_the_outlet_as_author_of_an_unattributed_quote(tmp_path):
    article = tmp_path / "beds.txt"
    article.write_text("Hospital cuts row\n\nBy Ruth Anand\n12 March 2024\n\n"
                       "The council will cut 300 beds by May, a report shows.\n\n"
                       "\"We will fight this all the way to the High Court.\"\n", encoding="utf-8")
    db = tmp_path / "wb.db"
    cli(db, "import", str(article), "--outlet", "The Ledger")
    claims = json.loads(cli(db, "claims", "1", "--json").stdout)
    quote = next(c for c in claims if c["kind"] == "quote")
    beds = next(c for c in claims if c["text"] == "300 beds")
    assert quote["speaker"] is None  # the case under test: nobody in the article is said to have said it
    cli(db, "verdict", str(quote["id"]), "unproven")
    cli(db, "verdict", str(beds["id"]), "true")
    reviews = {r["reviewRating"]["alternateName"]: r for r in json.loads(export(db, "claimreview"))}
    assert "author" not in reviews["Unproven"]["itemReviewed"]
    # the reporter's own claim is the byline's, a Person (issue 21; it was the outlet as an Organization)
    assert reviews["True"]["itemReviewed"]["author"] == {"@type": "Person", "name": "Ruth Anand"}


GROCER = Path(__file__).resolve().parents[1] / "sample_articles" / "wire-grocer-profits.txt"


def test_claims_rejected_as_not_check_worthy_are_apart_and_last_never_with_a_verdict(tmp_path):
    """A claim rated and then rejected kept its rating in the tally ("False: 1", the chart) while listed
    nowhere; rejected claims were not listed at all. They now go last, under "Not checked", with no rating."""
    db = tmp_path / "wb.db"
    cli(db, "import", str(GROCER))
    claims = {c["text"]: c for c in json.loads(cli(db, "claims", "1", "--json").stdout)}
    checked, rated_then_rejected, rejected = claims["£412m"], claims["38%"], claims["on Thursday"]
    cli(db, "verdict", str(checked["id"]), "true")
    cli(db, "verdict", str(rated_then_rejected["id"]), "false", "--note", "a typo in the wire copy")
    cli(db, "reject", str(rated_then_rejected["id"]))
    cli(db, "reject", str(rejected["id"]))

    md = export(db, "md")
    assert "**Reviewed:** 1 of" in md and "False" not in md  # neither in the tally nor by the claim
    head, section = md.split("#### Not checked (2)\n")
    assert "#### " not in section and "### " not in section  # the last section of the article
    assert "not check-worthy: not checked, no verdict" in section
    assert "- percent: 38%\n  - note: a typo in the wire copy" in section and "- date: on Thursday" in section
    assert "38%:" not in head and "### 38%" not in head and "on Thursday\n" not in head
    assert "### £412m" in head and "#### Not yet reviewed" in head

    html = export(db, "html")
    article = html.split("<article", 1)[1].split("</article>")[0]
    before, after = article.split("<section class=\"not-checked\"><h3>Not checked (2)</h3>")
    for c in (rated_then_rejected, rejected):
        assert f'id="claim-{c["id"]}"' in after and f'id="claim-{c["id"]}"' not in before
    assert f'id="claim-{checked["id"]}"' in before
    assert after.count("not checked</span>") == 2 and "class=\"verdict\"" not in after
    assert ">False<" not in html and "<strong>1</strong> of" in before  # the chart and count leave it out
    # ClaimReview publishes only the checked claim
    assert [r["reviewRating"]["alternateName"] for r in json.loads(export(db, "claimreview"))] == ["True"]


PRONOUNS = {"he", "she", "they", "it", "him", "her", "them", "i", "we"}
FARES = ("Rail fares to rise again\n\nBy Ruth Anand\n12 March 2024\n\n"
         "\"Fares will go up by 4.9 per cent in March,\" he said on Monday.\n\n"
         "The rise is the biggest in ten years, they said.\n\n"
         "Unemployment fell to 4.1 per cent last year, it said.\n")


def test_no_report_names_a_pronoun_as_who_made_a_claim(tmp_path):
    """'"…," he said' with nobody named before it: the extractor keeps "he" as the speaker, and ClaimReview
    published {"@type": "Person", "name": "he"} as the claimant; CSV, JSON, Markdown and HTML named "he" too."""
    db = tmp_path / "wb.db"
    article = tmp_path / "fares.txt"
    article.write_text(FARES, encoding="utf-8")
    cli(db, "import", str(article), "--outlet", "The Ledger")
    claims = json.loads(cli(db, "claims", "1", "--json").stdout)
    by_text = {c["text"]: c for c in claims}
    quote = next(c for c in claims if c["kind"] == "quote")
    # the case under test: the speakers the extractor could not resolve are stored as pronouns
    assert {quote["speaker"], by_text["4.9 per cent"]["speaker"], by_text["ten years"]["speaker"]} <= {"he", "they"}
    for c in (quote, by_text["4.9 per cent"], by_text["ten years"], by_text["4.1 per cent"]):
        cli(db, "verdict", str(c["id"]), "false")
    reviews = json.loads(export(db, "claimreview"))
    assert len(reviews) == 4
    for review in reviews:
        author = review["itemReviewed"].get("author")
        assert author is None or (author["name"].strip() and author["name"].lower() not in PRONOUNS)
        # a figure someone unnamed said is the outlet's claim as published, not the reporter's (the byline)
        if review["claimReviewed"].startswith(("The rise", "Unemployment")):
            assert author == {"@type": "Organization", "name": "The Ledger"}
    html = export(db, "html")
    assert "quote · unattributed" in html and "quote · he" not in html
    for block in html.split('<script type="application/ld+json">')[1:]:
        author = json.loads(block.split("</script>")[0])["itemReviewed"].get("author")
        assert author is None or author["name"].lower() not in PRONOUNS
    md = export(db, "md")
    assert "*Quote — unattributed*" in md and "Quote — he" not in md
    rows = list(csv.DictReader(io.StringIO(export(db, "csv"))))
    assert rows and not [r for r in rows if r["speaker"].lower() in PRONOUNS]
    data = json.loads(export(db, "json"))
    assert not [c for c in data["articles"][0]["claims"] if (c["speaker"] or "").lower() in PRONOUNS]
    # without an outlet the claim has no author at all, rather than "it"
    bare = tmp_path / "bare.db"
    cli(bare, "import", str(article))
    for c in json.loads(cli(bare, "claims", "1", "--json").stdout):
        if (c["speaker"] or "").lower() in PRONOUNS:
            cli(bare, "verdict", str(c["id"]), "false")
    reviews = json.loads(export(bare, "claimreview"))
    assert len(reviews) >= 4 and not [r["itemReviewed"]["author"] for r in reviews if "author" in r["itemReviewed"]]


def test_export_to_a_place_that_cannot_be_written_is_one_line(reviewed_db, tmp_path):
    db, *_ = reviewed_db
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    done = cli(db, "export", "1", "--format", "md", "-o", str(blocker / "report.md"), check=False)
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert done.stderr.strip().splitlines() == [done.stderr.strip()] and "cannot write" in done.stderr


def test_export_writes_through_a_link_and_into_dev_stdout(reviewed_db, tmp_path):
    db, *_ = reviewed_db
    target = tmp_path / "reports" / "homs.md"
    target.parent.mkdir()
    target.write_text("old")
    link = tmp_path / "latest.md"
    link.symlink_to(target)
    cli(db, "export", "1", "--format", "md", "-o", str(link), "--force")
    assert link.is_symlink()  # renaming over it replaced the link with a file and left the target old
    assert target.read_text().startswith("# Verdict report")
    # not a file to keep safe: no --force needed, and the report comes out on stdout
    done = cli(db, "export", "1", "--format", "md", "-o", "/dev/stdout")
    assert done.stdout.startswith("# Verdict report")


def test_json_and_csv_carry_each_claims_checkworthiness(reviewed_db):
    db, *_ = reviewed_db
    stored = {c["id"]: c["checkworthiness"] for c in json.loads(cli(db, "claims", "1", "--json").stdout)}
    assert len(set(stored.values())) > 1  # scores that differ, so a wrong column could not pass
    [article] = json.loads(export(db, "json"))["articles"]
    assert {c["id"]: c["checkworthiness"] for c in article["claims"]} == stored
    rows = csv.DictReader(io.StringIO(export(db, "csv")))
    assert {int(r["claim_id"]): float(r["checkworthiness"]) for r in rows} == stored
