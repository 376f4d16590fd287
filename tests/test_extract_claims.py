"""Claims: atomic spans, kinds and normalised values, from sentences we wrote."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from workbench.extract import extract

PUBLISHED = date(2015, 11, 24)  # a Tuesday
SEED = Path(__file__).resolve().parents[1] / "sample_articles" / "syria-homs-2015-11-24.txt"


def claims_of(text: str, published: date | None = PUBLISHED):
    return extract(text, published).claims


def one(text: str, fragment: str, published: date | None = PUBLISHED):
    found = [c for c in claims_of(text, published) if fragment in c.text]
    assert found, f"no claim containing {fragment!r} in {[c.text for c in claims_of(text, published)]}"
    return found[0]


@pytest.mark.parametrize(
    "sentence, fragment, kind, value",
    [
        ("The fire destroyed 41 homes and 310 businesses.", "41 homes", "count", {"number": 41}),
        ("Officials counted 5,000 ballots by noon.", "5,000 ballots", "count", {"number": 5000}),
        ("The campaign reached 1.3m children since January.", "1.3m children", "count", {"number": 1300000}),
        ("Rents rose by 9% in a year.", "9%", "percent", {"number": 9, "unit": "percent"}),
        ("Turnout fell 20 per cent, the council said.", "20 per cent", "percent", {"number": 20}),
        ("Orders were 4.1 percentage points higher.", "4.1 percentage points", "percent",
         {"number": 4.1, "unit": "percentage point"}),
        ("One in five children has not had both doses.", "One in five", "percent", {"number": 0.2}),
        ("A third of commuters changed jobs.", "A third", "percent", {"number": 0.333}),
        ("The town lies 15 kilometres from the border.", "15 kilometres", "distance", {"number": 15, "unit": "km"}),
        ("Gusts of up to 45 mph are expected.", "45 mph", "quantity", {"number": 45, "unit": "mph"}),
        ("Temperatures will reach 104F on Friday.", "104F", "quantity", {"number": 104, "unit": "°F"}),
        ("The fire has burned 18,500 acres so far.", "18,500 acres", "quantity", {"number": 18500, "unit": "acre"}),
        ("The review is a five-year plan for the army.", "five-year", "duration", {"number": 5, "unit": "year"}),
        ("It has been burning for nine days.", "nine days", "duration", {"number": 9, "unit": "day"}),
        ("Coverage is between 71% and 76% in three districts.", "71%", "range", {"low": 71, "high": 76}),
        ("Exports grew for the 11th consecutive month.", "11th consecutive month", "ordinal", {"rank": 11}),
        ("The surplus more than doubled last year.", "doubled", "comparison", {"factor": 2}),
        ("Order books were the fullest since 1990, the federation said.", "fullest since 1990", "comparison",
         {"since": 1990}),
        ("Deaths were the highest since records began in 1911.", "highest since records began", "comparison",
         {"since": "records began"}),
    ],
)
def test_claim_kind_and_normalised_value(sentence, fragment, kind, value):
    claim = one(sentence, fragment)
    assert claim.kind == kind
    for key, want in value.items():
        assert claim.value[key] == pytest.approx(want, rel=1e-3), (key, claim.value)


@pytest.mark.parametrize("sentence, claim_text, since", [
    ("Turnout was the highest since at least 1980, the clerk said.", "the highest since at least 1980",
     "at least 1980"),
    ("Troop numbers are the lowest since the end of the Second World War.",
     "the lowest since the end of the Second World War", "the end of the Second World War"),
    ("Growth was the fastest since just after World War II.", "the fastest since just after World War II",
     "just after World War II"),
    ("Bond yields are the highest since early 2019.", "the highest since early 2019", "early 2019"),
    ("It is the worst slump since the Great Depression.", "the worst slump since the Great Depression",
     "the Great Depression"),
    ("Unemployment is the lowest since March 2020, the bureau said.", "the lowest since March 2020", "March 2020"),
    ("Wages showed the largest yearly increase since Jan. 2009.", "the largest yearly increase since Jan. 2009",
     "Jan. 2009"),
    ("It was the deadliest storm since October 1987.", "the deadliest storm since October 1987", "October 1987"),
])
def test_a_superlative_is_one_claim_with_what_it_is_measured_against(sentence, claim_text, since):
    [claim] = [c for c in claims_of(sentence) if c.kind == "comparison"]
    assert claim.text == claim_text
    assert claim.value["since"] == since
    assert [c for c in claims_of(sentence) if c.kind == "date"] == []  # the year is part of the comparison


def test_money_with_conversions_in_brackets_is_one_claim_listing_each_amount():
    text = "Cameron will pledge an extra £12 billion ($18.2 billion, 17.1 billion euros) for the military."
    [claim] = [c for c in claims_of(text) if c.kind == "money"]
    assert claim.text == "£12 billion ($18.2 billion, 17.1 billion euros)"
    assert claim.value["currency"] == "GBP"
    assert [(a["number"], a["currency"]) for a in claim.value["amounts"]] == [
        (12_000_000_000, "GBP"), (18_200_000_000, "USD"), (17_100_000_000, "EUR")]


@pytest.mark.parametrize(
    "text, fragment, currency, number",
    [
        ("The council approved a £48m flood wall.", "£48m", "GBP", 48_000_000),
        ("Exports to the US grew to $48.2bn last year.", "$48.2bn", "USD", 48_200_000_000),
        ("Treating one case costs around €9,500.", "€9,500", "EUR", 9500),
        ("The deal was worth 528 million francs.", "528 million francs", "CHF", 528_000_000),
    ],
)
def test_money_currency_and_scale(text, fragment, currency, number):
    claim = one(text, fragment)
    assert claim.kind == "money"
    assert claim.value["currency"] == currency
    assert claim.value["number"] == number


@pytest.mark.parametrize(
    "text, fragment",
    [("The latest advances come nearly two months into the campaign.", "nearly two months"),
     ("About 2,400 homes sit inside the zone.", "About 2,400 homes"),
     ("More than 6,000 residents were ordered to leave.", "More than 6,000 residents"),
     ("Rebels kidnapped hundreds of civilians.", "hundreds of civilians"),
     ("Dozens of opposition Labour MPs could rebel.", "Dozens of opposition Labour MPs")],
)
def test_approximation_words_mark_the_value_approx(text, fragment):
    claim = one(text, fragment)
    assert claim.value["approx"] is True


@pytest.mark.parametrize(
    "text, fragment, iso",
    [
        ("The army recaptured the town on Monday.", "on Monday", "2015-11-23"),
        ("The town was overrun on November 1.", "on November 1", "2015-11-01"),
        ("Palmyra, which IS captured in May, fell again.", "captured in May", "2015-05"),
        ("The brigades will be ready by 2025.", "by 2025", "2025"),
        ("The attacks of November 13 killed 130 people.", "November 13", "2015-11-13"),
        ("The vote is due on 3 December 2015.", "3 December 2015", "2015-12-03"),
    ],
)
def test_dates_resolve_against_the_published_date(text, fragment, iso):
    claim = one(text, fragment)
    assert claim.kind == "date"
    assert claim.value["date"] == iso


def test_part_of_a_whole_is_one_count_claim():
    claim = one("They paid homage to the 130 victims, 90 of them died at the venue.", "90 of them")
    assert claim.text == "90 of them died"
    assert claim.value["number"] == 90


@pytest.mark.parametrize(
    "text",
    ["Article 50 was triggered.", "He flew a Boeing 737 home.", "The Harbour Act of 1921 applies.",
     "Cameron is to make his case this week."],
)
def test_labels_years_and_scene_setting_are_not_claims(text):
    assert claims_of(text) == []


def test_consistency_hint_when_a_part_exceeds_its_whole():
    claims = claims_of("Of the 90 victims, 130 of them died in the hall.")
    hinted = [c for c in claims if c.hints]
    assert hinted and "more than the whole" in hinted[0].hints[0]


def test_consistency_hint_for_a_share_over_one_hundred_percent():
    claims = claims_of("The party won 140% of the vote in the district.")
    assert any(c.hints for c in claims)


def test_consistency_hint_for_two_figures_of_the_same_thing():
    claims = claims_of("Police said 41 homes were destroyed. Later the mayor said 45 homes were destroyed.")
    assert sum(bool(c.hints) for c in claims) == 2


def test_no_consistency_hints_on_the_seed():
    from workbench.ingest import read_article

    article = read_article(SEED)
    assert [c.text for c in extract(article.body, PUBLISHED).claims if c.hints] == []


def test_every_claim_span_is_its_text_on_the_seed():
    from workbench.ingest import read_article

    body = read_article(SEED).body
    result = extract(body, PUBLISHED)
    for item in result.claims + result.quotes:
        assert body[item.start:item.end] == item.text
        assert 0 <= item.start < item.end <= len(body)


def test_replaced_builds_what_dataclasses_replace_builds():
    """model.replaced stands in for dataclasses.replace in the extractor: same fields, same key order in
    to_dict (and so in the JSON), the original left alone, an unknown field refused."""
    import dataclasses

    from workbench.model import Quote, Sentence, replaced

    extraction = extract(SEED.read_text(encoding="utf-8"), PUBLISHED)
    claim, quote = extraction.claims[0], extraction.quotes[0]
    for obj, changes in ((claim, {"speaker": "Ana Ruiz", "checkworthiness": 0.5}),
                         (claim, {"hints": ("differs",), "start": claim.start}),
                         (quote, {"text": "“x”", "end": quote.start + 3}),
                         (Sentence(0, 5, 0.2), {"checkworthiness": 0.9})):
        before = obj.to_dict()
        fast, plain = replaced(obj, **changes), dataclasses.replace(obj, **changes)
        assert fast == plain and type(fast) is type(plain)
        assert list(fast.to_dict().items()) == list(plain.to_dict().items())
        assert obj.to_dict() == before
    with pytest.raises(TypeError, match="no field 'speakr'"):
        replaced(claim, speakr="x")
    with pytest.raises(dataclasses.FrozenInstanceError):
        replaced(quote, text="y").text = "z"
    assert isinstance(quote, Quote)
