"""Other outlets' fact-checks (issue 19): import of every ClaimReview shape through the real CLI, idempotent
by review URL and all or nothing; skipped entries counted with a reason each; matching by the search engine
with the figure-and-year rule; attaching a check as a source; reports naming it; and the round trip of our
own ClaimReview export (issue 21)."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from workbench.factchecks.figures import Figure, agree, differing_figures, figures_in_text
from workbench.factchecks.read import FactCheck, read_file
from workbench.service import import_paths
from workbench.store import list_articles, list_claims, list_sources, open_db
from workbench.store.factchecks import attach_factcheck, checked_elsewhere, import_factchecks

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "sample_factchecks"
ARTICLES = ROOT / "sample_articles"
JOBLESS = ARTICLES / "wire-jobless-rate-ranks.txt"
SEED = ARTICLES / "syria-homs-2015-11-24.txt"


def cli(db: Path, *args: str, check: bool = True, reviewer: str = "ann") -> subprocess.CompletedProcess:
    done = subprocess.run([sys.executable, "-m", "workbench.cli", "--db", str(db), "--reviewer", reviewer, *args],
                          capture_output=True, text=True)
    if check:
        assert done.returncode == 0, done.stderr
    return done


def listed(db: Path) -> dict[str, dict]:
    return {r["review_url"]: r for r in json.loads(cli(db, "factchecks", "--json", "--limit", "1000").stdout)}


def review(url: str = "https://checks.example/1", claim: str = "Unemployment is 7%", **extra) -> dict:
    return {"@context": "https://schema.org", "@type": "ClaimReview", "url": url, "claimReviewed": claim,
            "author": {"@type": "Organization", "name": "Check Co"},
            "reviewRating": {"@type": "Rating", "alternateName": "False", "ratingValue": 1, "bestRating": 5,
                             "worstRating": 1}, "datePublished": "2024-02-03", **extra}


# ---------------------------------------------------------------- every shape


def test_html_json_ld_inside_graph_is_read_with_every_field(tmp_path):
    db = tmp_path / "fc.db"
    done = cli(db, "factchecks", "import", str(SAMPLES / "harbourfacts-measles-page.html"))
    assert "1 fact-checks added" in done.stdout
    check = listed(db)["https://harbourfacts.example/checks/mmr-second-dose-2024"]
    assert check["claim_reviewed"].startswith("Uptake of the second MMR dose has fallen to 84.7 per cent")
    assert (check["outlet"], check["rating"], check["rating_value"], check["best_rating"], check["worst_rating"]) == \
        ("Harbour Facts", "Accurate", 5, 5, 1)
    assert (check["review_date"], check["claim_date"], check["language"]) == ("2024-05-06", "2024-04-30", "en")
    assert check["claimant"] == "Regional health authority"
    assert check["appearance_url"] == "https://health.example/mmr-q1-2024"


def test_html_json_ld_as_a_list_and_a_bad_block_beside_it(tmp_path):
    page = tmp_path / "page.html"
    blocks = [review("https://a.example/1", "Claim one is here"), review("https://a.example/2", "Claim two is here")]
    page.write_text("<html><head><script type='application/ld+json'>" + json.dumps(blocks) + "</script>"
                    "<script type='application/ld+json'>{not json</script></head><body>x</body></html>")
    results = list(read_file(str(page)))
    assert [r.review_url for r in results if isinstance(r, FactCheck)] == ["https://a.example/1", "https://a.example/2"]
    skipped = [r for r in results if not isinstance(r, FactCheck)]
    assert len(skipped) == 1 and "JSON-LD block 2" in skipped[0].where and "not valid JSON" in skipped[0].reason


def test_microdata_page_is_read(tmp_path):
    db = tmp_path / "fc.db"
    cli(db, "factchecks", "import", str(SAMPLES / "valeverify-jobless-microdata.html"))
    check = listed(db)["https://valeverify.example/2024/10/jobless-rate-lowest-since-2009"]
    assert check["claim_reviewed"].startswith("The unemployment rate fell to 6.1 per cent in September")
    assert (check["outlet"], check["rating"], check["rating_value"], check["best_rating"]) == \
        ("Vale Verify", "Mostly true", 4, 5)
    assert check["claimant"] == "Statistics office" and check["review_date"] == "2024-10-17"


def test_datacommons_feed_and_fact_check_tools_api_and_our_export(tmp_path):
    db = tmp_path / "fc.db"
    done = cli(db, "factchecks", "import", str(SAMPLES / "datacommons-feed.json"),
               str(SAMPLES / "factchecktools-api-response.json"), str(SAMPLES / "our-own-export.json"))
    assert "6 fact-checks added" in done.stdout and "0 skipped" in done.stdout
    checks = listed(db)
    api = checks["https://truthmeter.example/cameron-12-billion-military"]
    assert (api["claimant"], api["claim_date"], api["outlet"], api["rating"], api["review_date"], api["headline"]) == \
        ("David Cameron", "2015-11-23", "TruthMeter", "Mostly true", "2015-11-24",
         "Cameron's extra £12bn for the military: new money?")
    assert api["outlet_url"] == "https://truthmeter.example"
    feed = checks["https://checkdesk.example/2023/07/eurozone-exports-record"]
    assert feed["rating"] == "Half true: a record in cash terms only" and feed["rating_value"] == 3
    no_number = checks["https://checkdesk.example/2024/10/unemployment-7-per-cent"]
    assert no_number["rating"] == "False" and no_number["rating_value"] is None


def test_reimport_adds_nothing_and_folders_are_walked(tmp_path):
    db = tmp_path / "fc.db"
    first = json.loads(cli(db, "factchecks", "import", str(SAMPLES), "--json").stdout)
    again = json.loads(cli(db, "factchecks", "import", str(SAMPLES), "--json").stdout)
    assert first["added"] == 8 and first["skipped"] == 0
    assert again["added"] == 0 and again["already_known"] == 8
    assert len(listed(db)) == 8


# ---------------------------------------------------------------- bad and hostile input


def test_wrong_types_in_every_field_are_skipped_with_one_reason_each(tmp_path):
    feed = tmp_path / "feed.json"
    entries = [
        review("https://ok.example/1", "A good claim of 12 words"),
        review(12345, "Claim"),                                   # url a number
        {**review("https://x.example/2"), "claimReviewed": {"text": "x"}},  # claimReviewed an object
        {**review("https://x.example/3"), "claimReviewed": ""},
        review("javascript:alert(1)", "Claim"),
        "a string, not an object",
        None,
        {"@type": "Thing"},
        {**review("https://ok.example/4", "Ratings as words only"),
         "reviewRating": {"ratingValue": "False", "bestRating": [1], "worstRating": True, "name": 7},
         "author": 5, "datePublished": {"y": 1}, "itemReviewed": "x", "inLanguage": 3},
    ]
    feed.write_text(json.dumps({"dataFeedElement": entries}))
    db = tmp_path / "fc.db"
    done = cli(db, "factchecks", "import", str(feed))
    assert "2 fact-checks added" in done.stdout and "7 skipped" in done.stdout
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 7 and all("skipped, " in line for line in lines)
    assert any("entry 2" in line and "url (the review's page) is a number" in line for line in lines)
    assert any("entry 3" in line and "claimReviewed is an object, not text" in line for line in lines)
    assert any("entry 5" in line and "not an http(s) address" in line for line in lines)
    assert "Traceback" not in done.stderr
    words_only = listed(db)["https://ok.example/4"]
    assert words_only["rating_value"] is None and words_only["best_rating"] is None and words_only["outlet"] is None


def test_script_breaking_markup_and_escapes_stay_text(tmp_path):
    page = tmp_path / "page.html"
    claim = "</b>[bold]x[/bold] \x1b]52;c;aGk=\x07 <!-- \u2028 claim"
    data = json.dumps(review("https://x.example/h", claim)).replace("<", "\\u003c")
    page.write_text(f"<html><head><script type=\"application/ld+json\">{data}</script></head></html>")
    db = tmp_path / "fc.db"
    cli(db, "factchecks", "import", str(page))
    stored = listed(db)["https://x.example/h"]["claim_reviewed"]
    assert "\x1b" not in stored and "\x07" not in stored and "[bold]" in stored and "</b>" in stored


def test_broken_json_keeps_what_came_before_and_says_where_it_broke(tmp_path):
    feed = tmp_path / "feed.json"
    feed.write_text('{"dataFeedElement": [' + json.dumps(review("https://x.example/1", "First claim")) + ', {"@type": ')
    db = tmp_path / "fc.db"
    done = cli(db, "factchecks", "import", str(feed))
    assert "1 fact-checks added" in done.stdout
    assert "after entry 1" in done.stderr and "JSON breaks here" in done.stderr


def test_nesting_a_hundred_thousand_deep_is_skipped_not_hung_on(tmp_path):
    deep_feed = tmp_path / "deep-feed.json"
    deep_feed.write_text('{"dataFeedElement": [' + "[" * 100_000 + "]" * 100_000 + ", "
                         + json.dumps(review("https://x.example/after", "The claim after the deep entry")) + "]}")
    deep_object = tmp_path / "deep-object.json"
    deep_object.write_text('{"a":' * 100_000 + "1" + "}" * 100_000)
    db = tmp_path / "fc.db"
    done = cli(db, "factchecks", "import", str(deep_feed))
    assert "1 fact-checks added" in done.stdout and "entry 1: skipped, nested deeper than" in done.stderr
    done = cli(db, "factchecks", "import", str(deep_object), check=False)
    assert done.returncode == 1 and "nested deeper" in done.stderr and "Traceback" not in done.stderr


@pytest.mark.parametrize("name, data, says", [
    ("latin1.json", json.dumps({"dataFeedElement": [review("https://x.example/1", "Café prices")]},
                               ensure_ascii=False).encode("latin-1"), "not UTF-8 text; re-save the feed as UTF-8"),
    ("garbage-feed.json", b'{"dataFeedElement": [' + bytes(range(256)) * 40, "the JSON breaks here"),
    ("binary.json", bytes(range(255, -1, -1)) * 40, "neither JSON nor an HTML page"),
    ("unclosed.json", b'{"dataFeedElement": [{"claimReviewed": "' + b'x\\"[{' * 100_000, "the JSON breaks here"),
], ids=["latin1", "garbage-feed", "binary", "unclosed"])
def test_latin1_binary_and_unclosed_feeds_get_one_line_and_exit_1(tmp_path, name, data, says):
    path = tmp_path / name
    path.write_bytes(data)
    done = cli(tmp_path / "fc.db", "factchecks", "import", str(path), check=False)
    assert done.returncode == 1 and "0 fact-checks added" in done.stdout
    assert len(done.stderr.strip().splitlines()) == 1 and says in done.stderr and "Traceback" not in done.stderr


def test_nothing_readable_is_refused_with_exit_1(tmp_path):
    bad = tmp_path / "notes.json"
    bad.write_text("just words")
    done = cli(tmp_path / "fc.db", "factchecks", "import", str(bad), check=False)
    assert done.returncode == 1 and "neither JSON nor an HTML page" in done.stderr
    assert "Traceback" not in done.stderr


def test_rows_go_in_by_chunks_and_multi_row_inserts_with_every_field_and_both_indexes(tmp_path, monkeypatch):
    """Chunks of 7 rows stored by INSERTs of 3 (the last one short): every row with its fields and its file,
    a URL seen twice (across an INSERT's edge) or stored before counted as known, both search indexes
    complete."""
    import workbench.store.factchecks as store
    from workbench.factchecks.match import search_factchecks

    monkeypatch.setattr(store, "CHUNK", 7)
    monkeypatch.setattr(store, "ROWS_PER_INSERT", 3)
    monkeypatch.setattr(store, "INDEX_EVERY", 10)  # indexes filled every 2 chunks, or after one the queue held alone
    db = open_db(tmp_path / "fc.db")
    import_factchecks(db, [("first.json", FactCheck("https://x.example/5", "Claim five, stored before"))], "ann")
    checks = [FactCheck(f"https://x.example/{i}", f"Rents in Carrow rose {i} per cent", claimant=f"Speaker {i}",
                        outlet="Check Co", rating="False", rating_value=1.0, best_rating=5.0, review_date="2024-02-03")
              for i in range(30)]
    checks.insert(4, checks[2])  # the same review URL again, in the next INSERT of the first chunk
    # the first 11 from another file: its origin ends inside the second chunk, inside its first INSERT
    outcome = import_factchecks(db, [("a.json" if i < 11 else "feed.json", check) for i, check in enumerate(checks)],
                                "bob")
    assert (outcome.read, outcome.added, outcome.known) == (31, 29, 2)
    assert dict(db.execute("SELECT origin, COUNT(*) FROM factchecks WHERE imported_by = 'bob' GROUP BY origin")
                .fetchall()) == {"a.json": 9, "feed.json": 20}
    assert db.execute("SELECT origin FROM factchecks WHERE review_url = 'https://x.example/8'").fetchone()[0] == "a.json"
    rows = {r["review_url"]: r for r in db.query("SELECT * FROM factchecks")}
    assert len(rows) == 30 and rows["https://x.example/5"]["claim_reviewed"] == "Claim five, stored before"
    stored = rows["https://x.example/29"]
    assert (stored["claim_reviewed"], stored["claimant"], stored["outlet"], stored["rating_value"], stored["origin"],
            stored["imported_by"], stored["review_date"]) == \
        ("Rents in Carrow rose 29 per cent", "Speaker 29", "Check Co", 1.0, "feed.json", "bob", "2024-02-03")
    assert stored["search_text"] == " rents carrow rose 29 percent "
    assert db.execute("SELECT COUNT(*) FROM factchecks_fts").fetchone()[0] == 30
    assert db.execute("SELECT COUNT(*) FROM factcheck_words WHERE factcheck_words MATCH 'carrow'").fetchone()[0] == 29
    found = search_factchecks(db, "rents in carrow rose 17 percent")
    assert found and found[0]["review_url"] == "https://x.example/17"
    # FTS5's pending-terms limit, raised for the import, is set back
    for table in ("factchecks_fts", "factcheck_words"):
        assert db.execute(f"SELECT v FROM {table}_config WHERE k = 'hashsize'").fetchone()[0] == 1024 * 1024


def test_missing_fields_are_stored_as_null_and_a_none_binds_as_null_everywhere(tmp_path):
    """The import registers a sqlite3 adapter for None (sqlite3's own adaptation search costs ~1.4 µs a
    None): what is stored, and what any other statement of the process binds, is still NULL."""
    import sqlite3

    db = open_db(tmp_path / "fc.db")
    import_factchecks(db, [("feed", FactCheck("https://x.example/1", "Rents rose 5 per cent", rating="False"))], "ann")
    assert (type(None), sqlite3.PrepareProtocol) in sqlite3.adapters
    assert db.execute("SELECT typeof(claimant), typeof(rating_value), typeof(headline), typeof(rating) "
                      "FROM factchecks").fetchone() == ("null", "null", "null", "text")
    assert db.execute("SELECT ? IS NULL, typeof(?)", [None, None]).fetchone() == (1, "null")


def test_a_crash_during_import_leaves_nothing(tmp_path):
    db = open_db(tmp_path / "fc.db")

    def results():
        for i in range(5000):
            yield "feed", FactCheck(review_url=f"https://x.example/{i}", claim_reviewed=f"Claim number {i}")
            if i == 4500:
                raise RuntimeError("killed mid-import")
    with pytest.raises(RuntimeError):
        import_factchecks(db, results(), "ann")
    assert db.execute("SELECT COUNT(*) FROM factchecks").fetchone()[0] == 0
    assert db.execute("SELECT COUNT(*) FROM factchecks_fts").fetchone()[0] == 0
    assert db.execute("SELECT COUNT(*) FROM factchecks_fts_config WHERE k = 'hashsize'").fetchone()[0] == 0


def test_cli_import_killed_at_random_moments_leaves_all_or_nothing(tmp_path):
    """SIGKILL `factchecks import` of a 20,000-entry feed at random moments: each database then holds all of
    it or none, both search indexes as many rows, FTS5's pending-terms limit unchanged, and checks clean."""
    import random
    import signal
    import sqlite3
    import time

    feed = tmp_path / "feed.json"
    with open(feed, "w") as out:
        out.write('{"@type": "DataFeed", "dataFeedElement": [')
        out.write(",".join(json.dumps({"@type": "DataFeedItem", "item": [review(f"https://x.example/{i}",
                                                                                f"Rents in Carrow rose {i} per cent")]})
                           for i in range(20000)))
        out.write("]}")
    rng = random.Random(19)
    seen = set()
    for kill in range(3):
        db_path = tmp_path / f"k{kill}.db"
        cli(db_path, "factchecks")  # created and migrated first: the kill lands in the import
        proc = subprocess.Popen([sys.executable, "-m", "workbench.cli", "--db", str(db_path), "--reviewer", "ann",
                                 "factchecks", "import", str(feed)], stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL)
        wal = db_path.with_name(db_path.name + "-wal")  # it grows once the import writes: kill soon after
        deadline = time.monotonic() + 60
        while proc.poll() is None and time.monotonic() < deadline and _size(wal) < 1_000_000:
            time.sleep(0.005)
        time.sleep(rng.uniform(0, 0.3))
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=60)
        conn = sqlite3.connect(db_path)
        stored = conn.execute("SELECT COUNT(*) FROM factchecks").fetchone()[0]
        seen.add(stored)
        assert stored in (0, 20000)
        assert conn.execute("SELECT COUNT(*) FROM factchecks_fts_docsize").fetchone()[0] == stored
        assert conn.execute("SELECT COUNT(*) FROM factcheck_words_docsize").fetchone()[0] == stored
        assert conn.execute("SELECT v FROM factchecks_fts_config WHERE k = 'hashsize'").fetchall() in \
            ([], [(1024 * 1024,)])
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        conn.execute("INSERT INTO factchecks_fts (factchecks_fts) VALUES ('integrity-check')")
        conn.close()
    assert 0 in seen  # at least one kill landed inside an import


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except FileNotFoundError:
        return 0


def test_a_big_feed_streams(tmp_path):
    """20,000 entries (7 MB) read one by one: the reader never loads the list (json would)."""
    feed = tmp_path / "big.json"
    with open(feed, "w") as out:
        out.write('{"@type": "DataFeed", "dataFeedElement": [')
        out.write(",".join(json.dumps({"@type": "DataFeedItem", "item": [review(f"https://x.example/{i}",
                                                                                f"Claim {i} about rents")]})
                           for i in range(20000)))
        out.write("]}")
    reader = read_file(str(feed))
    first = next(reader)
    assert first.review_url == "https://x.example/0"
    assert sum(1 for _ in reader) == 19999


def test_a_feed_is_read_in_bounded_memory_and_gzipped_too(tmp_path):
    """A 5 MB feed read entry by entry holds far less than the file at once; the same feed gzipped reads alike."""
    import gzip
    import tracemalloc

    feed = tmp_path / "feed.json"
    with open(feed, "w") as out:
        out.write('{"@type": "DataFeed", "dataFeedElement": [')
        out.write(",".join(json.dumps({"@type": "DataFeedItem", "item": [review(f"https://x.example/{i}",
                                                                                f"Claim {i} about bus fares")]})
                           for i in range(15000)))
        out.write("]}")
    size = feed.stat().st_size
    tracemalloc.start()
    count = sum(1 for _ in read_file(str(feed)))
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert count == 15000 and size > 4_000_000
    assert peak < size / 2
    zipped = tmp_path / "feed.json.gz"
    zipped.write_bytes(gzip.compress(feed.read_bytes()))
    assert sum(isinstance(r, FactCheck) for r in read_file(str(zipped))) == 15000


# ---------------------------------------------------------------- matching


@pytest.fixture
def matched_db(tmp_path):
    db = open_db(tmp_path / "m.db")
    from workbench.factchecks.read import read_paths

    import_factchecks(db, read_paths([str(SAMPLES)]), "ann")
    list(import_paths(db, [str(JOBLESS), str(SEED)], "ann"))  # matched at import
    return db


def _claim(db, article_id: int, text: str) -> dict:
    return next(c for c in list_claims(db, article_id) if c["text"] == text)


def test_claims_are_matched_at_import_and_the_other_figure_is_named(matched_db):
    rate = _claim(matched_db, 1, "6.1%")
    checks = checked_elsewhere(matched_db, rate["id"])
    match = [c for c in checks if not c["differs"]]
    assert [c["review_url"] for c in match] == ["https://valeverify.example/2024/10/jobless-rate-lowest-since-2009"]
    different = [c for c in checks if c["differs"]]
    assert [c["review_url"] for c in different] == ["https://checkdesk.example/2024/10/unemployment-7-per-cent"]
    assert "this says 6.1%" in different[0]["differs"] and "7 per cent" in different[0]["differs"]


def test_unrelated_claims_are_not_matched(matched_db):
    wages = _claim(matched_db, 1, "4.2%")  # "Average pay rose 4.2%": nobody checked it
    assert checked_elsewhere(matched_db, wages["id"]) == []


def test_library_counts_claims_checked_elsewhere(matched_db):
    counts = {a["id"]: a["checked_elsewhere"] for a in list_articles(matched_db)}
    assert counts[1] >= 1  # the jobless rate's sentence; the 7% check is not counted
    rows = matched_db.execute("SELECT COUNT(DISTINCT claim_id) FROM factcheck_matches m JOIN claims c "
                              "ON c.id = m.claim_id WHERE c.article_id = 1 AND differs IS NULL").fetchone()[0]
    assert counts[1] == rows


def test_match_command_matches_on_demand(tmp_path):
    db = tmp_path / "fc.db"
    cli(db, "import", str(JOBLESS))  # no fact-checks yet: nothing matched
    cli(db, "factchecks", "import", str(SAMPLES / "valeverify-jobless-microdata.html"))
    out = json.loads(cli(db, "factchecks", "match", "1", "--json").stdout)
    urls = {f["review_url"] for m in out[0]["matches"] for f in m["factchecks"]}
    assert urls == {"https://valeverify.example/2024/10/jobless-rate-lowest-since-2009"}
    assert out[0]["matched"] >= 1
    done = cli(db, "factchecks", "match", check=False)
    assert done.returncode == 1 and "ARTICLE" in done.stderr


def test_search_uses_the_claims_engine_typos_and_figures(tmp_path):
    db = tmp_path / "fc.db"
    cli(db, "factchecks", "import", str(SAMPLES))
    found = json.loads(cli(db, "factchecks", "search", "halbred profit 412 million", "--json").stdout)
    assert found[0]["review_url"] == "https://checkdesk.example/2025/03/halberd-profit-fall"
    found = json.loads(cli(db, "factchecks", "search", "£12 billion military", "--json").stdout)
    assert found[0]["review_url"] == "https://truthmeter.example/cameron-12-billion-military"
    assert cli(db, "factchecks", "search", " ", check=False).returncode == 1


@pytest.mark.parametrize("ours, theirs, differs", [
    ("unemployment is 4%", "Unemployment is 7%", True),
    ("unemployment is 4.1% in 2019", "Unemployment was 4 per cent in 2019", False),
    ("the deficit hit £12bn", "The deficit reached 12 billion pounds", False),
    ("the bridge opened in 1998", "The bridge opened in 1989", True),
    ("18,000 jobs since 2020", "18,000 jobs since 2015", True),
    ("one in five kits was returned", "20% of kits were returned", False),
    ("130 victims", "100 victims", True),
])
def test_a_different_figure_or_year_is_not_a_match(ours, theirs, differs):
    from workbench.extract import extract
    from workbench.factchecks.figures import figures_of, with_years

    mine = with_years(figures_of(extract(ours).claims), ours)
    assert (differing_figures(mine, figures_in_text(theirs)) is not None) is differs


def test_rounding_agrees_but_another_figure_does_not():
    assert agree(4.0, 4.1) and agree(12e9, 12.3e9) and not agree(4.0, 7.0) and not agree(100.0, 130.0)
    assert differing_figures([Figure("year", 2019, "2019")], [Figure("year", 2020, "2020")])


# ---------------------------------------------------------------- attach, reports


def test_attach_keeps_url_rating_and_stance_and_reports_say_so(matched_db, tmp_path):
    rate = _claim(matched_db, 1, "6.1%")
    check = next(c for c in checked_elsewhere(matched_db, rate["id"]) if not c["differs"])
    attach_factcheck(matched_db, rate["id"], check["id"], "supports", "ann")
    source = list_sources(matched_db, rate["id"])[0]
    assert source["url"] == check["review_url"] and source["stance"] == "supports"
    assert "Vale Verify rated it Mostly true (4 on 1–5)" in source["excerpt"]
    assert source["checks"]["factcheck"]["rating_value"] == 4
    assert checked_elsewhere(matched_db, rate["id"])[0]["attached"] is True
    import io

    from workbench.report import export_report

    for fmt in ("md", "html"):
        out = io.StringIO()
        export_report(matched_db, [1], fmt, out)
        assert "checked elsewhere, supports" in out.getvalue()


def test_attach_from_the_cli(tmp_path):
    db = tmp_path / "fc.db"
    cli(db, "factchecks", "import", str(SAMPLES / "valeverify-jobless-microdata.html"))
    cli(db, "import", str(JOBLESS))
    claim = next(c for c in json.loads(cli(db, "claims", "1", "--json").stdout) if c["text"] == "6.1%")
    done = cli(db, "factchecks", "attach", str(claim["id"]), "1", "--stance", "refutes")
    assert "refutes https://valeverify.example" in done.stdout
    assert cli(db, "factchecks", "attach", str(claim["id"]), "99", "--stance", "refutes", check=False).returncode == 1


# ---------------------------------------------------------------- the ClaimReview round trip (issue 21)


def test_our_claimreview_export_reads_back_unchanged(tmp_path):
    db = tmp_path / "desk.db"
    cli(db, "import", str(SEED), "--url", "https://news.example/homs", "--outlet", "Levant Wire")
    cli(db, "settings", "set", "organisation", "Desk Check")
    cli(db, "settings", "set", "organisation_url", "https://desk.example")
    cli(db, "settings", "set", "review_url", "https://desk.example/checks/{claim}")
    claims = json.loads(cli(db, "claims", "1", "--json").stdout)
    victims = next(c for c in claims if c["text"] == "130 victims")
    quote = next(c for c in claims if c["kind"] == "quote" and c["text"].startswith('"As the murders'))
    brigades = next(c for c in claims if c["text"] == "by 2025")
    cli(db, "verdict", str(victims["id"]), "true", "--note", "The toll was 130.")
    cli(db, "verdict", str(quote["id"]), "half-true")
    cli(db, "verdict", str(brigades["id"]), "unproven")
    exported_file = tmp_path / "claimreview.json"
    cli(db, "export", "1", "--format", "claimreview", "-o", str(exported_file))
    exported = json.loads(exported_file.read_text())
    assert len(exported) == 3

    other = tmp_path / "other-desk.db"
    done = json.loads(cli(other, "factchecks", "import", str(exported_file), "--json").stdout)
    assert (done["added"], done["skipped"]) == (3, 0)
    back = listed(other)
    for review_ in exported:
        row = back[review_["url"]]
        rating = review_["reviewRating"]
        assert row["claim_reviewed"] == review_["claimReviewed"]
        assert row["rating_name"] == rating["name"] and row["rating"] == rating["alternateName"]
        assert row["rating_value"] == rating.get("ratingValue")
        assert (row["best_rating"], row["worst_rating"]) == (rating["bestRating"], rating["worstRating"])
        assert row["outlet"] == review_["author"]["name"] == "Desk Check"
        assert row["outlet_url"] == review_["author"]["url"]
        assert row["review_date"] == review_["datePublished"]
        item = review_["itemReviewed"]
        assert row["claimant"] == item["author"]["name"] and row["claimant_type"] == item["author"]["@type"]
        assert row["claim_date"] == item["datePublished"]
        assert row["appearance_url"] == item["appearance"]["url"]
        assert row["appearance_title"] == item["appearance"]["headline"]
    unproven = back[f"https://desk.example/checks/{brigades['id']}"]
    assert unproven["rating_value"] is None and unproven["rating"] == "Unproven"
    assert back[f"https://desk.example/checks/{quote['id']}"]["claimant"] == "David Cameron"
