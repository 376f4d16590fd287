"""Ingest: bytes in any common encoding and format → clean metadata and body."""
from __future__ import annotations

from pathlib import Path

import pytest

from workbench.errors import BadInput
from workbench.ingest import clean_text, decode_bytes, parse_article, parse_plain_text, read_article

SAMPLES = Path(__file__).resolve().parents[1] / "sample_articles"
SEED = SAMPLES / "syria-homs-2015-11-24.txt"


def seed_article():
    return read_article(SEED)


def test_seed_metadata_is_read_from_the_scraped_header():
    meta = seed_article().meta
    assert meta.headline == "Syrian troops advance in Homs"
    assert meta.deck == "David Cameron ups pressure on MPs for strikes against IS"
    assert meta.byline == "our correspondents"
    assert meta.published == "2015-11-24"
    assert meta.dateline == "DAMASCUS"


def test_page_chrome_and_scrape_date_are_dropped_from_the_body():
    body = seed_article().body
    assert body.startswith("DAMASCUS: The Syrian army recaptured")
    assert "close" not in body.split("\n")[0].lower()
    assert "April 09, 2025" not in body
    assert "By our correspondents" not in body


def test_sentence_broken_across_a_blank_line_is_rejoined():
    body = seed_article().body
    assert "to parliament this week and the indications" in body
    assert "this\n\nweek" not in body


def test_paragraphs_that_end_a_sentence_are_not_joined():
    meta, body = parse_article(
        b"Headline here\n\nBy A Writer\nMay 1, 2020\nThe first paragraph ends here with a full stop and more words.\n\n"
        b"The second paragraph starts with a capital and stays apart from the first one.\n",
        origin="t",
    ).meta, parse_article(
        b"Headline here\n\nBy A Writer\nMay 1, 2020\nThe first paragraph ends here with a full stop and more words.\n\n"
        b"The second paragraph starts with a capital and stays apart from the first one.\n",
        origin="t",
    ).body
    assert "words.\n\nThe second" in body
    assert meta.published == "2020-05-01"


@pytest.mark.parametrize(
    "encoding, prefix",
    [("utf-8", b""), ("utf-8", b"\xef\xbb\xbf"), ("utf-16", b""), ("utf-16-le", b"\xff\xfe"),
     ("utf-16-be", b"\xfe\xff"), ("cp1252", b""), ("latin-1", b"")],
)
def test_each_encoding_decodes_pound_sign_and_accents(encoding, prefix):
    text = "Prices rose to £12 a head, said Zoë Müller of the café association.\n"
    data = prefix + text.encode(encoding)
    assert decode_bytes(data).lstrip("\ufeff") == text


def test_cp1252_smart_quotes_arrive_as_curly_quotes():
    assert decode_bytes("“It cost €5”, she said – twice.".encode("cp1252")) == "“It cost €5”, she said – twice."


def test_latin1_sample_keeps_pound_and_accents():
    article = read_article(SAMPLES / "leedsham-rents-latin1.txt")
    assert "£1,085 a month" in article.body
    assert article.meta.byline == "Hélène Dubois"
    assert "Zoë Whitfield" in article.body


def test_line_endings_and_unicode_are_normalised_before_hashing():
    composed = "Caf\u00e9 owners said prices rose by a third this year, the council reported on Monday evening.\n"
    decomposed = "Cafe\u0301 owners said prices rose by a third this year,\r\nthe council reported on Monday evening.\r\n"
    a = parse_article(composed.replace("year, ", "year,\n").encode(), origin="a")
    b = parse_article(decomposed.encode(), origin="b")
    assert a.body == b.body
    assert a.sha256 == b.sha256


def test_terminal_escapes_and_control_characters_are_stripped():
    dirty = "Officials said\x1b[2J the toll\x00 rose to 40\x1b]52;c;ZXZpbA==\x07 on Monday.\x85\n"
    assert clean_text(dirty) == "Officials said the toll rose to 40 on Monday.\n"


def test_html_page_gives_main_text_without_navigation_junk():
    article = read_article(SAMPLES / "harbour-flood-defence-budget.html")
    assert article.meta.headline == "Council approves £48m flood wall as harbour costs double"
    assert article.meta.outlet == "The Coastal Ledger"
    assert article.meta.published == "2024-03-12"
    assert article.meta.byline.startswith("Priya Raman")
    body = article.body
    assert body.startswith("Councillors in Portmere voted 31 to 12")
    for junk in ("Subscribe", "Sign in", "Most read", "Cookies", "Advertisement", "Share on Facebook"):
        assert junk not in body
    assert "Forty-eight million pounds is a wall, not a plan" in body


def test_markdown_headline_from_first_heading_and_markup_stripped():
    article = read_article(SAMPLES / "measles-vaccination-explainer.md")
    assert article.meta.headline == "Measles is back: what the vaccination figures really show"
    assert article.meta.published == "2024-05-02"
    assert article.meta.byline == "Tomás Ferreira"
    body = article.body
    for markup in ("**", "](", "# ", "> "):
        assert markup not in body
    assert "The World Health Organization says at least 95% of children" in body
    assert "One in five children starting school" in body


@pytest.mark.parametrize(
    "data, message",
    [
        (b"", "empty"),
        (b"   \n\n  ", "empty"),
        (b".", "no words"),
        (b"-----\n***\n", "no words"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "binary file \\(a PDF\\)"),
        (bytes(range(256)) * 40, "binary"),
    ],
    ids=["empty", "blank", "dot", "rules", "pdf", "random-bytes"],
)
def test_bad_input_is_refused_with_a_clear_reason(data, message):
    with pytest.raises(BadInput, match=message):
        parse_article(data, origin="bad")


def test_file_over_the_size_limit_is_refused_before_reading(tmp_path):
    big = tmp_path / "big.txt"
    big.write_bytes(b"word " * 300_000)
    with pytest.raises(BadInput, match="over the"):
        read_article(big, max_bytes=1_000_000)


def test_the_default_size_limit_reads_as_a_round_figure(tmp_path):
    big = tmp_path / "big.txt"
    with open(big, "wb") as fh:  # sparse: 50 MB on paper, nothing on disk
        fh.truncate(50 * 1024 * 1024)
    with pytest.raises(BadInput) as refused:
        read_article(big)
    assert "52.4 MB is over the 21 MB limit" in str(refused.value)  # was "the 20.9715 MB limit"


@pytest.mark.parametrize("title", ["Waiting lists hit 7.6 million | The Daily Courier",
                                   "The Daily Courier — Waiting lists hit 7.6 million"])
def test_the_outlet_of_a_page_without_site_name_comes_from_its_title_not_the_headline(title):
    page = (f"<html><head><title>{title}</title></head><body><nav><a href='/'>Home</a></nav><article>"
            "<h1>Waiting lists hit 7.6 million</h1>"
            "<p>The number of people waiting for hospital treatment in England rose to 7.6 million in August, "
            "up from 7.4 million a year earlier, according to figures published on Thursday.</p>"
            "<p>About 40% of patients waited more than 18 weeks, compared with 8% in 2010, the figures show.</p>"
            "</article></body></html>")
    article = parse_article(page.encode(), origin="page.html", suffix=".html")
    assert article.meta.headline == "Waiting lists hit 7.6 million"
    assert article.meta.outlet == "The Daily Courier"


def test_a_page_whose_title_is_only_the_headline_has_no_outlet():
    page = ("<html><head><title>Waiting lists hit 7.6 million</title></head><body><article>"
            "<h1>Waiting lists hit 7.6 million</h1>"
            "<p>The number of people waiting for hospital treatment in England rose to 7.6 million in August, "
            "up from 7.4 million a year earlier, according to figures published on Thursday.</p>"
            "</article></body></html>")
    assert parse_article(page.encode(), origin="page.html", suffix=".html").meta.outlet is None


def test_missing_path_is_refused(tmp_path):
    with pytest.raises(BadInput, match="no such file"):
        read_article(tmp_path / "nope.txt")


@pytest.mark.parametrize("path", sorted(p.name for p in SAMPLES.glob("*.*")))
def test_every_sample_imports_with_a_headline_and_a_date(path):
    article = read_article(SAMPLES / path)
    assert article.meta.headline
    assert article.meta.published
    assert len(article.body) > 500


@pytest.mark.parametrize("headline", [
    'Mayor backs tram extension as traders fear "years of chaos"',
    "Can the city afford another decade of roadworks on its main bridge?",
])
def test_headline_that_reads_like_prose_stays_in_the_header_above_a_byline(headline):
    text = (f"{headline}\n\nCouncil vote due next week\n\nBy Ruth Allard\nMarch 3, 2024\n"
            "The council will vote next week on a plan to extend the tram line by four stops to the port.\n")
    article = parse_article(text.encode(), origin="t")
    assert article.meta.headline == headline
    assert article.meta.byline == "Ruth Allard"
    assert article.meta.published == "2024-03-03"
    assert article.body.startswith("The council will vote")


def test_paragraph_opening_with_by_is_no_byline_that_makes_the_line_above_a_header():
    text = ("The council will vote next week on a plan to extend the tram line by four stops to the port.\n\n"
            "By the end of the decade, the line would carry twice as many riders as it does today, officials said.\n")
    assert parse_article(text.encode(), origin="t").body.startswith("The council will vote")


def test_labelled_header_fields_fill_the_metadata_without_their_labels():
    text = ("Headline: Council budget rows over roads\nStandfirst: Opposition calls the plan a gamble\n"
            "Source: Leedsham Courier\nByline: By Zoe Muller\nDate: 3 March 2025\n"
            "URL: https://example.org/a?b=1\n\n"
            "The council will spend £12 billion on roads over ten years, the leader said on Monday in a "
            "statement to members.\n")
    article = parse_article(text.encode(), origin="t.txt", suffix=".txt")
    meta = article.meta
    assert (meta.headline, meta.deck, meta.byline, meta.outlet, meta.url, meta.published) == (
        "Council budget rows over roads", "Opposition calls the plan a gamble", "Zoe Muller",
        "Leedsham Courier", "https://example.org/a?b=1", "2025-03-03")
    assert article.body.startswith("The council will spend")
    # what the reviewer passes on the command line still wins over the file's own label
    assert parse_article(text.encode(), origin="t.txt", suffix=".txt", outlet="Wire").meta.outlet == "Wire"


def test_a_wire_dateline_with_the_agency_in_brackets_gives_the_place():
    text = ("Senate panel advances infrastructure bill\n\nBy Marcus Hale\nJune 4, 2025\n"
            "WASHINGTON (AP) — A Senate committee on Tuesday voted 15-7 to advance a $1.2 trillion package, "
            "setting up a floor vote.\n")
    assert parse_article(text.encode(), origin="t.txt", suffix=".txt").meta.dateline == "WASHINGTON"


@pytest.mark.parametrize("first_line", [
    "Mayor scraps bus lane plan after traders protest.",
    "Harbour tunnel to close for repairs until spring.",
    "Why the harbour tunnel is closing?",
])
def test_a_short_first_line_above_a_blank_line_is_the_headline_even_with_a_full_stop(first_line):
    text = (f"{first_line}\n\nThe city's mayor said on Tuesday that the plan, which would have cost "
            "£4 million, was dropped after 300 traders signed a letter against it.\n")
    meta, body = parse_plain_text(text)
    assert meta.headline == first_line
    assert body.startswith("The city's mayor")


def test_a_headline_broken_by_a_semicolon_keeps_its_deck_out_of_the_headline():
    text = ("Ferry fares rise for a third year; \nOperators blame fuel costs and a shortage of crew.\n\n"
            "ABSTRACT.\n\nFerry operators on the northern routes will raise fares by 6 per cent from "
            "April, the third rise in as many years, the operators' association said on Monday.\n")
    meta, body = parse_plain_text(text)
    assert meta.headline.rstrip(";") == "Ferry fares rise for a third year"
    assert "ABSTRACT" not in body
    assert "6 per cent" in body


def test_a_lead_paragraph_of_two_sentences_is_no_headline():
    text = ("LONDON: Fares will rise. The operators said so on Monday.\n\n"
            "The rise of 6 per cent takes effect in April, when the new timetable starts for 40 routes.\n")
    meta, body = parse_plain_text(text)
    assert meta.headline is None
    assert body.startswith("LONDON: Fares will rise.")


def test_a_page_dated_only_by_its_copyright_line_has_no_date():
    """trafilatura read "© 2024" in the footer as 2024-01-01, and "on Monday" was resolved against it."""
    page = ("<html><head><title>Mayor pledges 500 homes</title></head><body><nav><a href='/'>Home</a></nav>"
            "<article><h1>Mayor pledges 500 homes</h1>"
            "<p>The mayor said on Monday that 500 homes would be built by 2027, costing £40m, and that the first "
            "120 would be ready within two years of the council's vote.</p>"
            "<p>Opposition leader Jane Roe said the plan was \"a fantasy\" and that only 120 homes had been built "
            "last year, against a target of 400.</p></article>"
            "<footer>© 2024 Example News. All rights reserved.</footer></body></html>")
    assert parse_article(page.encode(), origin="page.html", suffix=".html").meta.published is None
    dated = page.replace("<head>", '<head><meta property="article:published_time" content="2024-01-01T08:00:00Z">')
    assert parse_article(dated.encode(), origin="page.html", suffix=".html").meta.published == "2024-01-01"
