"""ClaimReview a desk can publish as it is (issue 21): desk settings, short summaries, the right authors,
the article as appearance, the note as reviewBody; a missing url refused; every exported item checked
against Google's required and recommended properties and the schema.org vocabulary (claimreview_check)."""
from __future__ import annotations

import json
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

from claimreview_check import google_errors, vocabulary_errors
from workbench.report.summary import default_summary, trim

SEED = Path(__file__).resolve().parents[1] / "sample_articles" / "syria-homs-2015-11-24.txt"
SEED_URL = "https://news.example/2015/11/24/syrian-troops-advance-in-homs"
NOTE = "The Paris prosecutor's final toll was 130 dead.\n\nAsked AFP for the breakdown; no answer yet."


def cli(db: Path, *args: str, check: bool = True, reviewer: str = "ann") -> subprocess.CompletedProcess:
    done = subprocess.run([sys.executable, "-m", "workbench.cli", "--db", str(db), "--reviewer", reviewer, *args],
                          capture_output=True, text=True)
    if check:
        assert done.returncode == 0, done.stderr
    return done


def _claim(claims: list[dict], start: str, kind: str | None = None) -> dict:
    return next(c for c in claims if c["text"].startswith(start) and (kind is None or c["kind"] == kind))


@pytest.fixture(scope="module")
def desk_db(tmp_path_factory):
    """The seed reviewed through the CLI by a desk that has set itself up."""
    db = tmp_path_factory.mktemp("claimreview") / "wb.db"
    cli(db, "import", str(SEED), "--url", SEED_URL, "--outlet", "Levant Wire")
    cli(db, "settings", "set", "organisation", "Desk Check")
    cli(db, "settings", "set", "organisation_url", "https://desk.example")
    cli(db, "settings", "set", "review_url", "https://desk.example/checks/{claim}")
    claims = json.loads(cli(db, "claims", "1", "--json").stdout)
    picked = {
        "victims": _claim(claims, "130 victims"),
        "may": _claim(claims, "captured in May"),  # "the Observatory said …": the Observatory's claim
        "brigades": _claim(claims, "by 2025"),  # "…, officials said."
        "murders": _claim(claims, '"As the murders', "quote"),
        "television": _claim(claims, '"The army in cooperation', "quote"),
        "money": _claim(claims, "£12 billion"),
    }
    cli(db, "verdict", str(picked["victims"]["id"]), "true", "--note", NOTE)
    cli(db, "source", "add", str(picked["victims"]["id"]), "https://www.example.org/paris-toll",
        "--title", "Paris attacks: the final toll", "--publisher", "Le Monde", "--published", "2015-11-20")
    cli(db, "verdict", str(picked["may"]["id"]), "true")
    cli(db, "verdict", str(picked["brigades"]["id"]), "unproven")
    cli(db, "verdict", str(picked["murders"]["id"]), "true")
    cli(db, "verdict", str(picked["television"]["id"]), "half-true")
    cli(db, "verdict", str(picked["money"]["id"]), "mostly-true", "--note", "£12bn over ten years.")
    return db, picked


def _export(db: Path, *args: str) -> list[dict]:
    return json.loads(cli(db, "export", "1", "--format", "claimreview", *args).stdout)


def _by_claim(reviews: list[dict]) -> dict[int, dict]:
    return {int(r["url"].rsplit("/", 1)[1]): r for r in reviews}


def test_every_seed_review_has_googles_properties_and_is_schema_org(desk_db):
    db, picked = desk_db
    done = cli(db, "export", "1", "--format", "claimreview")
    reviews = json.loads(done.stdout)
    assert len(reviews) == len(picked)
    for review in reviews:
        assert google_errors(review, unnumbered={"Unproven"}) == [], review
        assert vocabulary_errors(review) == [], review
    assert "warning" not in done.stderr  # every default summary fits


def test_claims_have_their_speakers_and_the_right_kind_of_author(desk_db):
    db, picked = desk_db
    by_claim = _by_claim(_export(db))
    author = lambda key: by_claim[picked[key]["id"]]["itemReviewed"]["author"]
    assert author("murders") == {"@type": "Person", "name": "David Cameron"}
    assert author("television") == {"@type": "Organization", "name": "state television"}
    assert author("may") == {"@type": "Organization", "name": "Syrian Observatory for Human Rights"}  # not the byline
    assert author("brigades")["name"] == "officials"  # ", officials said." after the claim
    # the reporter's own claim; "our correspondents" names nobody, so the outlet
    assert author("victims") == {"@type": "Organization", "name": "Levant Wire"}


def test_review_carries_the_desk_the_article_the_note_and_the_sources(desk_db):
    db, picked = desk_db
    review = _by_claim(_export(db))[picked["victims"]["id"]]
    assert review["url"] == f"https://desk.example/checks/{picked['victims']['id']}"
    assert review["author"] == {"@type": "Organization", "name": "Desk Check", "url": "https://desk.example"}
    assert review["reviewBody"] == "The Paris prosecutor's final toll was 130 dead."  # the first paragraph only
    assert review["citation"] == [{"@type": "CreativeWork", "url": "https://www.example.org/paris-toll",
                                   "name": "Paris attacks: the final toll", "datePublished": "2015-11-20",
                                   "publisher": {"@type": "Organization", "name": "Le Monde"}}]
    item = review["itemReviewed"]
    assert item["datePublished"] == "2015-11-24"
    assert item["appearance"] == {"@type": "NewsArticle", "url": SEED_URL, "headline": "Syrian troops advance in Homs",
                                  "datePublished": "2015-11-24",
                                  "publisher": {"@type": "Organization", "name": "Levant Wire"}}
    assert review["reviewRating"] == {"@type": "Rating", "ratingValue": 5, "bestRating": 5, "worstRating": 1,
                                      "alternateName": "True", "name": "True"}


def test_summaries_are_short_without_dateline_or_attribution(desk_db):
    db, picked = desk_db
    by_claim = _by_claim(_export(db))
    summaries = {key: by_claim[c["id"]]["claimReviewed"] for key, c in picked.items()}
    assert all(len(s) <= 75 for s in summaries.values()), summaries
    assert summaries["may"].startswith("Government forces were advancing")  # "the Observatory said" gone
    assert summaries["may"].endswith("captured in May")
    assert "officials said" not in summaries["brigades"] and summaries["brigades"].endswith("by 2025")
    assert "£12 billion" in summaries["money"]
    assert not summaries["murders"].startswith('"')


def test_export_without_a_review_url_is_refused_in_one_line_naming_the_claims(tmp_path):
    db = tmp_path / "wb.db"
    cli(db, "import", str(SEED))
    claims = json.loads(cli(db, "claims", "1", "--json").stdout)
    first, second = _claim(claims, "130 victims"), _claim(claims, "15 kilometres")
    cli(db, "verdict", str(first["id"]), "true")
    cli(db, "verdict", str(second["id"]), "false")
    out = tmp_path / "reviews.jsonld"
    done = cli(db, "export", "1", "--format", "claimreview", "-o", str(out), check=False)
    assert done.returncode == 1 and "Traceback" not in done.stderr and not out.exists()
    [line] = done.stderr.strip().splitlines()
    assert f"claims {second['id']}, {first['id']}" in line and "review_url" in line and "--draft" in line
    drafts = json.loads(cli(db, "export", "1", "--format", "claimreview", "--draft").stdout)
    assert len(drafts) == 2
    for review in drafts:
        assert "url" not in review and review["creativeWorkStatus"] == "Draft"
        assert vocabulary_errors(review) == []
    # a page given on the command line, without {claim}: each review is an anchor of it
    given = json.loads(cli(db, "export", "1", "--format", "claimreview", "--review-url",
                           "https://desk.example/homs").stdout)
    assert {r["url"] for r in given} == {f"https://desk.example/homs#claim-{c['id']}" for c in (first, second)}


def test_settings_are_stored_audited_and_refuse_bad_values_in_one_line(tmp_path):
    db = tmp_path / "wb.db"
    cli(db, "settings", "set", "organisation", "Desk Check", reviewer="maria")
    assert cli(db, "settings", "get", "organisation").stdout.strip() == "Desk Check"
    shown = json.loads(cli(db, "settings", "--json").stdout)
    assert shown["settings"]["organisation"] == "Desk Check" and shown["settings"]["review_url"] is None
    assert shown["scale"]["true"] == {"rating_value": 5, "label": "True"}
    for args, words in ((("review_url", "desk.example/{claim}"), "web address"),
                        (("review_url", "https://desk.example/{id}"), "{claim}"),
                        (("colour", "red"), "no desk setting"),
                        (("reviewer_names", "perhaps"), "yes or no"),
                        (("verdict.true", "five True"), "number and name"),
                        (("verdict.nonsense", "3 Maybe"), "no verdict")):
        done = cli(db, "settings", "set", *args, check=False)
        assert done.returncode == 1 and "Traceback" not in done.stderr
        assert len(done.stderr.strip().splitlines()) == 1 and words in done.stderr, done.stderr
    cli(db, "settings", "set", "organisation", "")
    assert cli(db, "settings", "get", "organisation").stdout.strip() == ""
    from workbench.store import open_db

    events = list(open_db(db).query("SELECT reviewer, action, before, after FROM events WHERE table_name = 'settings'"))
    assert [(e["reviewer"], json.loads(e["before"]), json.loads(e["after"])) for e in events] == [
        ("maria", {"organisation": None}, {"organisation": "Desk Check"}),
        ("ann", {"organisation": "Desk Check"}, {"organisation": None})]


def test_the_scale_and_reviewer_names_the_desk_sets_are_published(tmp_path):
    db = tmp_path / "wb.db"
    cli(db, "import", str(SEED))
    claim = _claim(json.loads(cli(db, "claims", "1", "--json").stdout), "130 victims")
    cli(db, "verdict", str(claim["id"]), "unproven")
    cli(db, "settings", "set", "verdict.unproven", "3 Not yet proven")
    cli(db, "settings", "set", "reviewer_names", "yes")
    [review] = _export(db, "--review-url", "https://desk.example/c/{claim}")
    assert review["reviewRating"]["ratingValue"] == 3 and review["reviewRating"]["alternateName"] == "Not yet proven"
    assert review["author"] == [{"@type": "Organization", "name": "Claim Workbench"}, {"@type": "Person", "name": "ann"}]
    assert vocabulary_errors(review) == []


def test_summary_command_sets_logs_undoes_and_export_warns_when_too_long(tmp_path):
    db = tmp_path / "wb.db"
    cli(db, "import", str(SEED))
    claim = _claim(json.loads(cli(db, "claims", "1", "--json").stdout), "130 victims")
    cid = str(claim["id"])
    cli(db, "verdict", cid, "true")
    assert "(default)" in cli(db, "summary", cid).stdout
    long = "Cameron paid homage in Paris to the 130 victims of the shootings and bombings of 13 November"
    assert len(long) > 75
    cli(db, "summary", cid, long)
    done = cli(db, "export", "1", "--format", "claimreview", "--draft")
    [review] = json.loads(done.stdout)
    assert review["claimReviewed"] == long
    [warning] = [l for l in done.stderr.splitlines() if l.startswith("warning:")]
    assert f"claim {cid}'s summary is {len(long)} characters" in warning and f"workbench summary {cid}" in warning
    history = json.loads(cli(db, "history", cid, "--json").stdout)
    assert history[-1]["action"] == "summary" and history[-1]["after"]["summary"] == long
    assert cli(db, "summary", cid, "  ", check=False).returncode == 1
    cli(db, "undo")
    assert "(default)" in cli(db, "summary", cid).stdout
    cli(db, "summary", cid, "Cameron honoured 130 victims")
    cli(db, "summary", cid, "--default")
    assert "(default)" in cli(db, "summary", cid).stdout


class _Scripts(HTMLParser):
    def __init__(self):
        super().__init__()
        self.scripts: list[tuple[str | None, str]] = []
        self._open = False

    def handle_starttag(self, tag, attrs):
        if tag == "script":
            self.scripts.append((dict(attrs).get("type"), ""))
            self._open = True

    def handle_endtag(self, tag):
        if tag == "script":
            self._open = False

    def handle_data(self, data):
        if self._open:
            kind, text = self.scripts[-1]
            self.scripts[-1] = (kind, text + data)


def test_html_report_embeds_the_same_markup_and_data_cannot_end_the_script(tmp_path):
    db = tmp_path / "wb.db"
    cli(db, "import", str(SEED))
    claim = _claim(json.loads(cli(db, "claims", "1", "--json").stdout), "130 victims")
    hostile = "Ends here </script><script>alert(1)</script> <!-- and & more"
    cli(db, "verdict", str(claim["id"]), "true", "--note", hostile)
    cli(db, "summary", str(claim["id"]), "130 </SCRIPT > victims")
    options = ("--review-url", "https://desk.example/c/{claim}")
    page = cli(db, "export", "1", "--format", "html", *options).stdout
    parsed = _Scripts()
    parsed.feed(page)
    assert [kind for kind, _ in parsed.scripts] == ["application/ld+json"]
    assert "alert(1)</script>" not in page.split("<script type=\"application/ld+json\">", 1)[1].split("</script>")[0]
    embedded = json.loads(parsed.scripts[0][1])
    assert embedded == _export(db, *options)[0]
    assert embedded["reviewBody"] == hostile and embedded["claimReviewed"] == "130 </SCRIPT > victims"
    assert "Rating scale: 5 True · 4 Mostly true" in page  # the numbers ratingValue refers to


@pytest.mark.parametrize("sentence, claim, expected", [
    ("FRANKFURT: Exports from Germany fell 4.2 percent in March, the statistics office said.", "4.2 percent",
     "Exports from Germany fell 4.2 percent in March"),
    ("LONDON (Wire) - The ministry said unemployment rose to 7.1% in May.", "7.1%", "Unemployment rose to 7.1% in May"),
    ("According to the council, 340 homes were flooded; roads reopened on Friday.", "340 homes",
     "340 homes were flooded"),
    ("Ticket prices rose by 9% in a year, but fares in the north fell by 2%, the regulator said.", "2%",
     "Fares in the north fell by 2%"),
])
def test_default_summary_is_the_claims_clause_without_dateline_or_attribution(sentence, claim, expected):
    start = sentence.index(claim)
    row = {"kind": "percent", "text": claim, "start": start, "sentence_start": 0, "sentence": sentence}
    assert default_summary(row) == expected


def test_a_long_clause_is_cut_at_words_and_keeps_the_claim():
    clause = ("The regional health authority that runs the four hospitals in the valley confirmed on Tuesday that "
              "waiting lists had grown to 41,000 patients")
    start = clause.index("41,000 patients")
    summary = trim(clause, start, start + len("41,000 patients"))
    assert len(summary) <= 75 and "41,000 patients" in summary and "…" in summary
    words = set(clause.split())
    assert all(w in words for w in summary.replace("…", " ").split())  # whole words only
    assert summary.startswith("The regional health authority")  # the subject is kept where it fits


async def test_m_in_the_review_screen_edits_the_summary_and_the_palette_shows_the_settings(tmp_path):
    from textual.widgets import Input

    from workbench.service import import_paths
    from workbench.store import get_claim, list_claims, open_db, set_setting
    from workbench.tui.app import WorkbenchApp
    from workbench.tui.publishing import SummaryEditor
    from workbench.tui.review import ReviewScreen

    db = open_db(tmp_path / "tui.db")
    list(import_paths(db, [str(SEED)], "ann"))
    set_setting(db, "organisation", "Desk [b]Check[/b]", "ann")  # shown as text, never as markup
    victims = next(c for c in list_claims(db, 1) if c["text"] == "130 victims")
    app = WorkbenchApp(db, "ann")
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ReviewScreen)
        screen.query_one("#claims").move_cursor(row=next(i for i, c in enumerate(screen.claims)
                                                         if c["id"] == victims["id"]))
        await pilot.pause()
        await pilot.press("m")
        await pilot.pause()
        assert isinstance(app.screen, SummaryEditor)
        field = app.screen.query_one(Input)
        assert field.value == default_summary(victims)
        field.value = "Cameron honoured the 130 victims"
        await pilot.press("enter")
        await pilot.pause()
        assert get_claim(db, victims["id"])["summary"] == "Cameron honoured the 130 victims"
        commands = [c.title for c in app.get_system_commands(app.screen)]
        assert "Desk settings" in commands
        app.action_desk_settings()
        await pilot.pause()
        assert "Desk [b]Check[/b]" in str(app.screen.query_one("#viewer-body").render())


async def test_tui_export_refuses_claimreview_without_a_url_and_writes_drafts_when_asked(tmp_path):
    from textual.widgets import Checkbox, Select

    from workbench.service import import_paths
    from workbench.store import list_claims, open_db, set_verdict
    from workbench.tui.app import WorkbenchApp

    db = open_db(tmp_path / "tui.db")
    list(import_paths(db, [str(SEED)], "ann"))
    victims = next(c for c in list_claims(db, 1) if c["text"] == "130 victims")
    set_verdict(db, victims["id"], "true", "ann")
    target = tmp_path / "reviews.jsonld"
    app = WorkbenchApp(db, "ann")
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+e")
        await pilot.pause()
        app.screen.query_one("#export-format", Select).value = "claimreview"
        await pilot.pause()
        await app.workers.wait_for_complete()
        app.screen.query_one("#export-path").value = str(target)
        await pilot.press("ctrl+s")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert not target.exists()
        assert any("no review page URL" in n.message for n in app._notifications)
        app.screen.query_one("#export-draft", Checkbox).value = True
        await pilot.press("ctrl+s")
        await app.workers.wait_for_complete()
        await pilot.pause()
    [review] = json.loads(target.read_text())
    assert review["creativeWorkStatus"] == "Draft" and review["reviewRating"]["alternateName"] == "True"
