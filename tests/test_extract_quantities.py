"""Figures: every kind of numeric claim, each normalisation rule, and what must not become a claim.

Sentences here are our own; the seed article is ours too.
"""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workbench.extract import extract
from workbench.extract.numbers import clean_number, digits_value, words_value
from workbench.extract.quantities import find_quantities
from workbench.extract.sentences import split_sentences

PUBLISHED = date(2015, 11, 24)  # a Tuesday
SEED = Path(__file__).resolve().parents[1] / "sample_articles" / "syria-homs-2015-11-24.txt"


def claims_of(text: str):
    return extract(text, PUBLISHED).claims


def claim(text: str, fragment: str):
    found = [c for c in claims_of(text) if fragment in c.text]
    assert found, f"no claim holding {fragment!r} in {[c.text for c in claims_of(text)]}"
    return found[0]


def numbers_in(text: str) -> list[float]:
    return [c.value["number"] for c in claims_of(text) if c.value and "number" in c.value]


# --- each kind, with the span that is the atomic claim -------------------------------------------

@pytest.mark.parametrize(
    "sentence, span, kind",
    [
        ("The flood forced 212 families from their homes.", "212 families", "count"),
        ("Of the 58 miners, 41 of them were rescued alive.", "41 of them were rescued", "count"),
        ("Two new 3,000-strong battalions will be formed.", "3,000-strong battalions", "count"),
        ("The bridge will cost £340 million to repair.", "£340 million", "money"),
        ("Inflation fell to 2.4% in March.", "2.4%", "percent"),
        ("The pipeline runs for 640 miles under the sea.", "640 miles", "distance"),
        ("The harvest was 3.2 million tonnes this year.", "3.2 million tonnes", "quantity"),
        ("The strike lasted nearly three weeks.", "nearly three weeks", "duration"),
        ("It was the club's 9th straight win.", "9th straight", "ordinal"),
        ("Norway came third in the medal table.", "came third", "ordinal"),
        ("The party came first in the regional poll.", "came first", "ordinal"),
        ("The city is ranked second in Europe for air quality.", "ranked second", "ordinal"),
        ("She finished joint fifth in the final.", "finished joint fifth", "ordinal"),
        ("Fares will rise by between 3% and 5% next year.", "between 3% and 5%", "range"),
        ("Waiting lists have tripled since the merger.", "tripled", "comparison"),
        ("Unemployment is the lowest since 1975, the agency said.", "lowest since 1975", "comparison"),
        ("Rural clinics saw three times as many patients.", "three times as many", "comparison"),
    ],
)
def test_each_kind_is_found_as_an_atomic_span(sentence, span, kind):
    found = claim(sentence, span.split()[0])
    assert found.kind == kind
    assert span in found.text
    assert len(found.text) < len(sentence) - 5, "the claim is the figure, not the sentence"


def test_seed_money_with_conversions_is_one_claim_listing_every_amount():
    from workbench.ingest import read_article

    article = read_article(SEED)
    [money] = [c for c in extract(article.body, PUBLISHED).claims if c.kind == "money"]
    assert money.text == "£12 billion ($18.2 billion, 17.1 billion euros)"
    assert money.value["number"] == 12_000_000_000
    assert money.value["amounts"] == [
        {"number": 12_000_000_000, "currency": "GBP"},
        {"number": 18_200_000_000, "currency": "USD"},
        {"number": 17_100_000_000, "currency": "EUR"},
    ]


# --- normalisation rules ---------------------------------------------------------------------------

@pytest.mark.parametrize(
    "sentence, fragment, number",
    [
        ("Officials counted 5,000 ballots.", "5,000", 5000),
        ("The scheme reached 1.2m pensioners.", "1.2m", 1_200_000),
        ("A third of the wards closed.", "third", 0.333),
        ("One in five drivers failed the test.", "One in five", 0.2),
        ("Twenty-five councillors voted against.", "Twenty-five", 25),
        ("A dozen ambulances were sent.", "dozen", 12),
        ("The ward lost two nurses.", "two nurses", 2),
        ("About half a million commuters were delayed.", "half a million", 500_000),
        ("It took 10 1/2 hours to clear the road.", "10 1/2", 10.5),
        ("Add ½ teaspoon of salt.", "½", 0.5),
        ("The loan was 12,34,567 rupees.", "12,34,567", 1_234_567),
        ("Overnight lows of -5C are forecast.", "-5C", -5),
        ("The rate moved by 0.0085 points.", "0.0085", 0.0085),
    ],
)
def test_numbers_are_normalised(sentence, fragment, number):
    assert claim(sentence, fragment).value["number"] == pytest.approx(number, rel=1e-3)


@pytest.mark.parametrize(
    "sentence, fragment, currency, number",
    [
        ("The fine was £48m.", "£48m", "GBP", 48_000_000),
        ("Sales reached $3.1bn.", "$3.1bn", "USD", 3_100_000_000),
        ("Tickets cost €35 each.", "€35", "EUR", 35),
        ("The studio spent ¥2 billion on the film.", "¥2 billion", "JPY", 2_000_000_000),
        ("The contract is worth 90 million euros.", "euros", "EUR", 90_000_000),
        ("Farmers were paid 4,000 rupees an acre.", "rupees", "INR", 4000),
        ("The fine was 50,000 Iraqi dinars.", "dinars", "IQD", 50000),
        ("The fine was 50,000 dinars.", "dinars", "dinar", 50000),  # eight countries: no guessed code
        ("Rent is 9,000 Danish kroner a month.", "kroner", "DKK", 9000),
        ("Rent is 9,000 kroner a month.", "kroner", "krone", 9000),
        ("The stake sold for 300 million yen.", "yen", "JPY", 300_000_000),
        ("The club paid 75 USD million for him.", "USD", "USD", 75_000_000),
        ("Revenue rose to 120 MEUR last year.", "MEUR", "EUR", 120_000_000),
        ("The fee was US$ 7,500.", "US$", "USD", 7500),
        ("A coffee costs 3 dollars 50 cents here.", "dollars", "USD", 3.5),
        ("Lunch was thirteen dollars and forty-five cents.", "dollars", "USD", 13.45),
        ("They raised half a million us dollars.", "half", "USD", 500_000),
    ],
)
def test_money_has_an_iso_currency_and_its_scale(sentence, fragment, currency, number):
    found = claim(sentence, fragment)
    assert found.kind == "money"
    assert found.value["currency"] == currency
    assert found.value["number"] == pytest.approx(number)


def test_a_one_letter_prefix_makes_a_dollar_only_when_glued():
    assert claim("The rebate is C$40.", "C$40").value["currency"] == "CAD"
    assert claim("He took out a $9 million loan.", "$9 million").value["currency"] == "USD"
    assert claim("The deficit was $438 billion.", "$438 billion").value["currency"] == "USD"


def test_pounds_after_weighs_are_a_weight_not_money():
    found = claim("The boxer weighs 236 pounds before the fight.", "236 pounds")
    assert found.kind == "quantity" and found.value["unit"] == "lb"
    assert claim("The bill came to 236 pounds.", "236 pounds").value["currency"] == "GBP"


@pytest.mark.parametrize(
    "sentence, fragment, low, high",
    [
        ("Between 10 and 20 pupils were sent home.", "Between 10 and 20", 10, 20),
        ("Prices rose 10-20% in a month.", "10-20%", 10, 20),
    ],
)
def test_ranges_carry_low_and_high(sentence, fragment, low, high):
    found = claim(sentence, fragment.split()[0])
    assert found.kind == "range"
    assert (found.value["low"], found.value["high"]) == (low, high)
    assert found.value["number"] == low


@pytest.mark.parametrize(
    "sentence, fragment",
    [
        ("Nearly 400 workers lost their jobs.", "Nearly 400 workers"),
        ("About 70 flights were cancelled.", "About 70 flights"),
        ("More than 1,000 homes lost power.", "More than 1,000 homes"),
        ("The storm felled almost 90 trees.", "almost 90 trees"),
        ("Some 300 volunteers turned up.", "Some 300 volunteers"),
        ("Dozens of shops were looted.", "Dozens of shops"),
        ("Hundreds of residents signed the petition.", "Hundreds of residents"),
    ],
)
def test_approximation_words_and_vague_plurals_are_approx(sentence, fragment):
    found = claim(sentence, fragment.split()[-1])
    assert found.text == fragment
    assert found.value["approx"] is True


def test_vague_plurals_are_normalised_to_the_unit_they_count_in():
    assert claim("Dozens of shops were looted.", "Dozens").value["number"] == 12
    assert claim("Thousands of fans marched.", "Thousands").value["number"] == 1000


@pytest.mark.parametrize(
    "sentence, fragment, factor",
    [
        ("Waiting lists have doubled.", "doubled", 2),
        ("Costs halved after the merger.", "halved", 0.5),
        ("Veterans die at three times the rate of civilians.", "three times the rate", 3),
        ("The suburb has 2.5 times as many cars.", "2.5 times as many", 2.5),
    ],
)
def test_comparisons_carry_their_factor_as_the_number(sentence, fragment, factor):
    found = claim(sentence, fragment)
    assert found.kind == "comparison" and found.text == fragment
    assert found.value["number"] == found.value["factor"] == factor


def test_a_frequency_is_a_count_not_a_comparison():
    assert claim("The two men debated five times.", "five").kind == "count"


def test_plus_or_minus_is_a_margin_not_a_negative_figure():
    assert claim("The margin of error is plus or minus 4 percentage points.", "4").value["number"] == 4


def test_units_are_normalised():
    assert claim("The road is 15 kilometres long.", "15").value["unit"] == "km"
    assert claim("He is 1.8m tall.", "1.8m").value["unit"] == "m"
    assert claim("The park covers 190 km2 of forest.", "190").value["unit"] == "sq km"
    assert claim("Rotate the dial 90°.", "90").value["unit"] == "degree"
    assert claim("The review is a five-year plan.", "five-year").value["days"] == pytest.approx(1826.25)


def test_every_numeric_claim_carries_a_number():
    text = ("The 40 firms paid £2m, 12% more than the 3.5 tonnes of waste and the 8 km road; "
            "between 4 and 6 staff worked for nine days, the 3rd year in a row.")
    for c in claims_of(text):
        if c.kind not in ("date", "comparison"):  # a place is valued by its rank ("the 3rd year": rank 3)
            assert isinstance(c.value["rank" if c.kind == "ordinal" else "number"], (int, float)), c


# --- what must not become a claim ---------------------------------------------------------------

@pytest.mark.parametrize(
    "text",
    [
        "They drove down Route 66 at dawn.",
        "Call 555-0134 for details.",
        "Residents of flat 11a complained.",
        "The meeting starts at 7 p.m. sharp.",
        "He flew a Boeing 737 to Lisbon.",
        "Take exit 436 for the town.",
        "The 2015 review was published.",
        "He is 6'3\" tall.",
        "She hosts The 411 on Sundays.",
        "Police said the Paris attacks changed everything.",
        "The 20th century ended badly.",
        "The report, dated nov. 6, was leaked.",
        "The crash happened outside 131 West 23rd Street.",
        "He invoked his 5th Amendment rights.",
        "The firm picked the 8088 chip for its computer.",
        "He came first to the scene and ranked first things first.",  # no ranking: "first to", "first things"
        "Safety comes first, she said.",
    ],
)
def test_names_codes_times_and_years_are_not_claims(text):
    assert [c.text for c in claims_of(text) if c.kind != "date"] == []


def test_the_seed_has_no_stray_digits_as_claims():
    from workbench.ingest import read_article

    article = read_article(SEED)
    texts = [c.text for c in extract(article.body, PUBLISHED).claims]
    assert len(texts) <= 20
    assert all(not t.isdigit() for t in texts)


# --- helpers and properties -----------------------------------------------------------------------

def test_number_helpers():
    assert digits_value("80, 000") == 80000
    assert digits_value("7 3/4") == 7.75
    assert words_value("two hundred and forty") == 240
    assert words_value("a dozen") == 12
    assert words_value("many") is None
    assert clean_number(17.1 * 1e9) == 17_100_000_000


def test_checkworthiness_ranks_money_above_dates_in_the_same_sentence():
    text = "On Monday the council spent £4m on 30 new buses."
    claims = {c.kind: c.checkworthiness for c in claims_of(text)}
    assert claims["money"] > claims["date"]
    assert all(0 <= v <= 1 for v in claims.values())


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("0123456789 ,.-–%$£€¥½/:'’()abcdmklnorstuyMBTP\n")) | st.characters(),
               max_size=120))
def test_spans_always_index_their_text(body):
    sentences = split_sentences(body)
    for c in find_quantities(body, sentences, PUBLISHED):
        assert 0 <= c.start < c.end <= len(body)
        assert body[c.start:c.end] == c.text
        assert c.sentence_start <= c.start and c.end <= c.sentence_end


def test_a_long_run_of_spaces_after_a_figure_is_read_in_one_pass():
    # "\s*-?\s*" before a scale word backtracked quadratically: 200k spaces took minutes;
    # and a scale word that far away is not the figure's
    body = "5" + " " * 200_000 + "million (" + " " * 50_000 + "x. It cost £5  million."
    claims = find_quantities(body, split_sentences(body), PUBLISHED)
    assert [c.text for c in claims] == ["5", "£5  million"]


def test_above_and_below_qualify_a_figure_like_over_and_under():
    c = claim("Survival is above 90% when the tumour is found early.", "90%")
    assert c.text == "above 90%" and c.value["qualifier"] == "above" and c.value["approx"]
    c = claim("The plan would bring the backlog below 6 million by 2027.", "6 million")
    assert c.text == "below 6 million" and c.value["qualifier"] == "below"


def test_consecutive_months_are_a_duration():
    c = claim("Output has fallen for four consecutive months.", "four")
    assert c.text == "four consecutive months" and c.kind == "duration"
    assert c.value["unit"] == "month"
    assert claim("Sales rose for 3 straight years.", "3").kind == "duration"


def test_earthquake_magnitude_is_a_measure_not_a_count():
    c = claim("A magnitude 6.8 earthquake struck at dawn.", "6.8")
    assert (c.text, c.kind, c.value["unit"]) == ("magnitude 6.8", "quantity", "magnitude")
    c = claim("The strongest aftershock, a 5.1-magnitude tremor, hit at noon.", "5.1")
    assert (c.text, c.value["unit"]) == ("5.1-magnitude", "magnitude")


def test_rate_per_population_is_one_claim():
    text = "The death rate was 21 per 100,000 people a year, compared with 40 per 100,000 in the older group."
    claims = claims_of(text)
    assert [c.text for c in claims] == ["21 per 100,000 people a year", "40 per 100,000"]
    assert claims[0].kind == "quantity" and claims[0].value["per"] == 100000
    c = claim("Infant mortality fell to 4.2 deaths per 1,000 live births.", "4.2")
    assert c.text == "4.2 deaths per 1,000 live births" and c.value["per"] == 1000


def test_measure_with_its_conversion_in_brackets_is_one_claim():
    claims = claims_of("The village lies about 40 miles (64 km) north of the capital.")
    assert [c.text for c in claims] == ["about 40 miles (64 km)"]
    assert claims[0].value["amounts"] == [{"number": 40, "unit": "mile"}, {"number": 64, "unit": "km"}]


def test_a_lone_singular_word_after_a_figure_is_not_what_it_counts():
    assert claim("Pupils who scored 16 to 24 out of 40 passed.", "16").text == "16 to 24"
    assert claim("The motion passed with 52 against the amendment.", "52").text == "52"
    assert claim("Only 1 abstention was recorded.", "1").text == "1 abstention"


def test_an_age_is_a_measure_not_a_count():
    c = claim("Screening from the age of 50 halved deaths.", "50")
    assert (c.text, c.kind, c.value["unit"]) == ("the age of 50", "quantity", "year of age")
    c = claim("The trial enrolled adults aged 50 to 74.", "74")
    assert (c.text, c.kind, c.value["low"], c.value["high"]) == ("aged 50 to 74", "range", 50, 74)
    assert claim("A man aged 34 was charged.", "34").value["unit"] == "year of age"


def test_pence_written_glued_are_money():
    claims = claims_of("Campaigners want the levy raised to 30p a litre from 24p.")
    assert [(c.text, c.kind, c.value["currency"]) for c in claims] == [("30p", "money", "GBX"), ("24p", "money", "GBX")]
    assert not [c for c in claims_of("The 1080p screen switched off at 9pm.") if c.kind == "money"]


def test_half_of_something_is_a_share_but_the_first_half_is_not():
    c = claim("People over 65 accounted for half of all new cases.", "half")
    assert (c.text, c.kind, c.value["number"]) == ("half", "percent", 0.5)
    assert claim("More than half the voters stayed at home.", "half").text == "More than half"
    assert not [c for c in claims_of("In the first half of the year, sales rose.") if c.kind == "percent"]


def test_people_over_or_under_a_bare_figure_is_an_age():
    c = claim("People over 65 accounted for most new cases.", "65")
    assert (c.text, c.kind, c.value["unit"], c.value["qualifier"]) == ("over 65", "quantity", "year of age", "over")
    c = claim("Only adults aged over 70 were invited.", "70")
    assert (c.text, c.value["unit"]) == ("aged over 70", "year of age")
    assert claim("There were over 65 people in the hall.", "65").kind == "count"


@pytest.mark.parametrize(
    "sentence, span, number, unit, qualifier",
    [
        ("She moved the money over nearly a decade.", "nearly a decade", 1, "decade", "nearly"),
        ("He was jailed for a year on Friday.", "a year", 1, "year", None),
        ("Talks lasted almost a week before they broke down.", "almost a week", 1, "week", "almost"),
        ("The bridge took more than a century to pay off.", "more than a century", 1, "century", "more than"),
        ("The striker was banned for a fortnight.", "a fortnight", 2, "week", None),
    ],
)
def test_one_period_written_with_a_is_a_duration(sentence, span, number, unit, qualifier):
    c = claim(sentence, span)
    assert (c.text, c.kind, c.value["number"], c.value["unit"]) == (span, "duration", number, unit)
    assert c.value.get("qualifier") == qualifier
    assert c.value.get("approx", False) is (qualifier is not None)


@pytest.mark.parametrize("sentence", ["He earns £5 a year from it.", "A year ago the town flooded.",
                                      "Prices rose 3% in a year."])
def test_a_bare_a_year_is_a_rate_or_an_idiom_not_a_duration(sentence):
    assert not [c for c in claims_of(sentence) if c.kind == "duration"]


@pytest.mark.parametrize(
    "sentence, span, low, high",
    [
        ("The cuts will be paid back in three to five years.", "three to five years", 3, 5),
        ("Two to three patients a day are turned away.", "Two to three patients", 2, 3),
        ("Between two and three people died in each town.", "Between two and three people", 2, 3),
    ],
)
def test_a_range_written_in_words_keeps_both_ends(sentence, span, low, high):
    c = claim(sentence, span)
    assert (c.text, c.kind, c.value["low"], c.value["high"]) == (span, "range", low, high)


def test_share_prices_in_pence_over_a_hundred_are_money_but_screen_lines_are_not():
    c = claim("Shares fell as much as 9p, or 6.4%, to 131p, their lowest level since 2013.", "131p")
    assert (c.kind, c.value["number"], c.value["currency"]) == ("money", 131, "GBX")
    assert not [c for c in claims_of("The set shows 1080p video.") if c.kind == "money"]


@pytest.mark.parametrize(
    "sentence, span, tally",
    [
        ("A Senate committee on Tuesday voted 15-7 to advance the bill.", "voted 15-7", [15, 7]),
        ("The measure passed 52-48.", "passed 52-48", [52, 48]),
        ("The court issued a 5-4 ruling on Friday.", "5-4 ruling", [5, 4]),
        ("It was approved by a 9–2 vote.", "9–2 vote", [9, 2]),
    ],
)
def test_a_vote_tally_is_one_count_keeping_both_sides(sentence, span, tally):
    c = claim(sentence, span)
    assert (c.text, c.kind, c.value["tally"], c.value["number"]) == (span, "count", tally, tally[0])


@pytest.mark.parametrize("sentence", ["People aged 16-24 were asked.", "Rates fell 2-3% in May.",
                                      "Growth was 52-48.5 points."])
def test_a_range_is_no_tally(sentence):
    assert not [c for c in claims_of(sentence) if c.value and "tally" in c.value]


def test_a_superlative_with_four_words_before_what_it_is_measured_against():
    c = claim('She called it "the largest investment in our roads in a generation."', "largest")
    assert (c.text, c.kind, c.value["superlative"]) == (
        "the largest investment in our roads in a generation", "comparison", "largest")


def test_within_a_period_is_a_duration_that_keeps_its_within():
    c = claim('The club hopes to appoint a successor "within a fortnight".', "fortnight")
    assert (c.text, c.kind, c.value["days"]) == ("within a fortnight", "duration", 14)


@pytest.mark.parametrize("sentence, span, tally", [
    ("A 4-0 home defeat left them second from bottom.", "4-0 home defeat", [4, 0]),
    ("The team trailed 3-0 at half-time.", "trailed 3-0", [3, 0]),
])
def test_a_score_is_a_tally_too(sentence, span, tally):
    c = claim(sentence, span)
    assert (c.text, c.value["tally"]) == (span, tally)


@pytest.mark.parametrize("sentence, span, number", [
    ("He won only five of his 28 league matches in charge.", "five", 5),
    ("Five of the 12 members voted against.", "Five", 5),
    ("Three of them died in hospital.", "Three of them died", 3),
])
def test_a_part_written_in_words_is_a_count(sentence, span, number):
    c = claim(sentence, span)
    assert (c.text, c.kind, c.value["number"]) == (span, "count", number)


def test_one_of_is_no_count():
    assert not [c for c in claims_of("One of them died. It was one of the best.") if c.kind == "count"]


@pytest.mark.parametrize("sentence", [
    "Residents can call 0300 123 5000 to complain.",
    "Call +44 20 7946 0958 or (020) 7946-0958 for help.",
    "The M25 between junctions 10 and 11 is closed, see pages 4 to 6.",
    "The 5G masts went up last year.",
])
def test_phone_numbers_labels_in_a_series_and_network_names_are_no_figures(sentence):
    assert [c.text for c in claims_of(sentence) if c.kind != "date"] == []


def test_figures_starting_with_zero_still_count():
    assert numbers_in("It cost 0.5 million. Turnout was 0.8 per cent lower. It weighed 5g.") == [500000, 0.8, 5]


@pytest.mark.parametrize("sentence, span, number", [
    ("Some 300 000 people left the region.", "300 000 people", 300000),
    ("It cost €1\u202f200\u202f000 in all.", "€1\u202f200\u202f000", 1200000),
])
def test_thousands_grouped_by_spaces_are_one_figure(sentence, span, number):
    c = claim(sentence, span)
    assert c.value["number"] == number
    assert not [x for x in claims_of(sentence) if x.value and x.value.get("number") == 0]


@pytest.mark.parametrize("sentence, span, period", [
    ("The condition costs the economy £42bn a year.", "£42bn a year", "year"),
    ("People who walked 30 minutes a day did better.", "30 minutes a day", "day"),
    ("It levels off at about 9,800 steps a day.", "about 9,800 steps a day", "day"),
])
def test_a_figure_per_period_keeps_its_period(sentence, span, period):
    c = claim(sentence, span)
    assert (c.text, c.value["period"]) == (span, period)


def test_a_year_ago_is_no_period():
    c = claim("Rents were £5 a year ago.", "£5")
    assert c.text == "£5" and "period" not in c.value


@pytest.mark.parametrize("sentence, span, low, high", [
    ("It will cost three to five million pounds.", "three to five million pounds", 3e6, 5e6),
    ("Between three and five million people voted.", "Between three and five million people", 3e6, 5e6),
    ("Between 3 and 5 million people voted.", "Between 3 and 5 million people", 3e6, 5e6),
    ("Between 500 and 2 million people voted.", "Between 500 and 2 million people", 500, 2e6),
])
def test_a_scale_after_a_range_is_both_ends(sentence, span, low, high):
    c = claim(sentence, span)
    assert (c.text, c.kind, c.value["low"], c.value["high"]) == (span, "range", low, high)


@pytest.mark.parametrize("text, claim, factor", [
    ("Output rose ten-fold after the new line opened.", "ten-fold", 10),
    ("Costs rose fourfold in a decade.", "fourfold", 4),
    ("Births outside marriage saw a threefold increase.", "threefold", 3),
    ("Wages there are roughly double the national average.", "roughly double the national average", 2),
    ("The plan would triple the annual cap on visas.", "triple the annual cap", 3),
    ("She called for tripling the number of inspectors.", "tripling", 3),
    ("The dinner raised about double what the organisers expected.", "about double what", 2),
])
def test_a_multiple_in_words_is_a_comparison(text, claim, factor):
    found = [c for c in extract(text).claims if c.kind == "comparison"]
    assert [(c.text, c.value["factor"]) for c in found] == [(claim, factor)]


@pytest.mark.parametrize("text", [
    "The minister is doubling down on his attacks.",
    "It was a double standard, critics said.",
    "The team scored double digits again.",
    "Events kept unfolding, and the problems were manifold.",
])
def test_idioms_of_double_and_fold_are_no_multiple(text):
    assert not [c for c in extract(text).claims if c.kind == "comparison"]


@pytest.mark.parametrize("text, claim", [
    ("About 3,200 of them have yet to be repaid.", "About 3,200 of them"),
    ("Ten of them are still missing.", "Ten of them"),
    ("More than 1,000 of them were arrested.", "More than 1,000 of them were arrested"),
])
def test_a_part_takes_its_verb_only_with_a_participle(text, claim):
    assert [c.text for c in extract(text).claims if c.kind == "count"] == [claim]


@pytest.mark.parametrize("text, age", [
    ("Richard Hale, 58, of Guildford, was convicted.", 58),
    ('"We lost everything," said Joan Price, 78, a retired nurse.', 78),
    ("Mary J. Blige, 45, sang the anthem.", 45),
])
def test_a_figure_between_commas_after_a_full_name_is_an_age(text, age):
    found = [c for c in extract(text).claims if c.value.get("unit") == "year of age"]
    assert [(c.text, c.value["number"]) for c in found] == [(str(age), age)]


@pytest.mark.parametrize("text", ["Scores: Leeds, 3, Hull, 1.", "Smith, 58, and Jones, 60, were charged.",
                                  "In May, 58 people died."])
def test_a_figure_after_a_single_word_is_no_age(text):
    assert not [c for c in extract(text).claims if c.value.get("unit") == "year of age"]


@pytest.mark.parametrize("text, claim, number, currency", [
    ("The budget is Rs 5.2 lakh crore.", "Rs 5.2 lakh crore", 5.2e12, "INR"),
    ("The deal was worth KSh 300m.", "KSh 300m", 3e8, "KES"),
    ("Fees rose to UGX 50,000.", "UGX 50,000", 50_000, "UGX"),
    ("Egypt raised EGP 20 billion.", "EGP 20 billion", 2e10, "EGP"),
])
def test_money_as_indian_and_african_papers_print_it(text, claim, number, currency):
    found = [c for c in extract(text).claims if c.kind == "money"]
    assert [(c.text, c.value["number"], c.value["currency"]) for c in found] == [(claim, number, currency)]


@pytest.mark.parametrize("text, claim, number", [
    ("The bank raised rates by 25 basis points.", "25 basis points", 25),
    ("Spreads widened by 40bps.", "40bps", 40),
])
def test_basis_points_are_a_percent_kind(text, claim, number):
    found = [c for c in extract(text).claims if c.kind == "percent"]
    assert [(c.text, c.value["number"], c.value["unit"]) for c in found] == [(claim, number, "basis point")]


def test_a_gene_name_in_capitals_is_no_money():
    assert not [c for c in extract("The SH2 domain binds the protein.").claims if c.kind == "money"]


@pytest.mark.parametrize("text, claim, number", [
    ("We added a million students to the scheme.", "a million students", 1_000_000),
    ("The ads cost nearly a billion dollars.", "nearly a billion dollars", 1e9),
    ("Students owe a quarter of a trillion dollars.", "a quarter of a trillion dollars", 2.5e11),
    ("Three quarters of a million people marched.", "Three quarters of a million people", 750_000),
])
def test_a_million_and_a_fraction_of_a_million(text, claim, number):
    found = [c for c in extract(text).claims if c.kind in ("count", "money")]
    assert [(c.text, c.value["number"]) for c in found] == [(claim, number)]


def test_one_in_a_million_is_no_count():
    assert not [c for c in extract("Such a win is one in a million.").claims if c.kind == "count"]


@pytest.mark.parametrize("text, claim", [
    ("He promised to cut the deficit in half.", "cut the deficit in half"),
    ("The welfare rolls were cut in half.", "cut in half"),
])
def test_cut_in_half_is_a_multiple(text, claim):
    found = [c for c in extract(text).claims if c.kind == "comparison"]
    assert [(c.text, c.value["factor"]) for c in found] == [(claim, 0.5)]


@pytest.mark.parametrize("text, claim, inches", [
    ("The 6-foot-3 forward scored twice.", "6-foot-3", 3),
    ("At 5-foot-11, she is the shortest player in the squad.", "5-foot-11", 11),
    ("The 6-foot-2-inch guard was traded on Monday.", "6-foot-2-inch", 2),
    ("The 5ft 11in winger signed for Leeds.", "5ft 11in", 11),  # as British papers write it
    ("Standing 6ft 2 inches, he towered over the bench.", "6ft 2 inches", 2),
])
def test_a_height_in_feet_and_inches_is_one_figure(text, claim, inches):
    found = [c for c in extract(text).claims if c.text == claim]
    assert found and found[0].value["unit"] == "ft" and found[0].value["inches"] == inches


def test_a_pound_figure_before_wont_is_pounds_not_korean_won():
    found = [(c.text, c.value) for c in extract("Families lost everything. £2,500 won't replace a sofa.").claims]
    assert ("£2,500", {"number": 2500, "currency": "GBP"}) in found
    assert not any(v.get("currency") == "KRW" for _, v in found)
    assert ("300 million won", {"number": 300_000_000, "currency": "KRW"}) in [
        (c.text, c.value) for c in extract("Seoul paid 300 million won for the site.").claims]


@pytest.mark.parametrize("text, age", [
    ("Karen O'Neill, 54, a cafe owner, watched the water rise.", "54"),
    ("Sean D’Arcy, 41, was charged on Friday.", "41"),
])
def test_an_age_after_a_surname_with_an_apostrophe(text, age):
    claim = next(c for c in extract(text).claims if c.text == age)
    assert claim.value["unit"] == "year of age"


@pytest.mark.parametrize("text, claim, value", [
    ("Vacancies dropped by 26,000 to 831,000 in the quarter.", "by 26,000 to 831,000",
     {"number": 831_000, "to": 831_000, "by": 26_000}),
    ("Membership grew by 1,200 to 9,400 last year.", "by 1,200 to 9,400", {"number": 9_400, "to": 9_400, "by": 1_200}),
])
def test_a_change_by_so_much_to_so_much_is_no_range(text, claim, value):
    assert (claim, value) in [(c.text, c.value) for c in extract(text).claims]


@pytest.mark.parametrize("text, claim, value", [
    ("Long-term sickness accounts for about 2.8m of them.", "about 2.8m of them",
     {"number": 2_800_000, "approx": True, "qualifier": "about"}),
    ("Some 1.4m of the workforce are on zero-hours contracts.", "Some 1.4m of the workforce",
     {"number": 1_400_000, "approx": True, "qualifier": "some"}),
])
def test_m_before_of_them_is_million_not_metres(text, claim, value):
    found = {c.text: (c.kind, c.value) for c in extract(text).claims}
    assert found[claim][0] == "count" and found[claim][1]["number"] == value["number"]


def test_a_wall_in_metres_stays_metres():
    assert [(c.kind, c.value["unit"]) for c in extract("The new wall is 2.8m high.").claims] == [("distance", "m")]


@pytest.mark.parametrize("text, claim, low, high", [
    ("Unemployment among 16- to 24-year-olds climbed to 14.8%.", "16- to 24-year-olds", 16, 24),
    ("Most 18-to-24-year-olds rent.", "18-to-24-year-olds", 18, 24),
])
def test_an_age_range_with_a_suspended_hyphen(text, claim, low, high):
    value = next(c.value for c in extract(text).claims if c.text == claim)
    assert (value["unit"], value["low"], value["high"]) == ("year of age", low, high)


@pytest.mark.parametrize("text, claim, number", [
    ("The bank cut rates by a quarter of a percentage point to 4.75%.", "a quarter of a percentage point", 0.25),
    ("Borrowing costs rose half a percentage point.", "half a percentage point", 0.5),
    ("The Fed made a quarter-point cut.", "a quarter-point", 0.25),
])
def test_a_fraction_of_a_point_is_points_not_a_share(text, claim, number):
    assert (claim, {"number": number, "unit": "percentage point"}) in [(c.text, c.value) for c in extract(text).claims]


def test_a_year_modifies_its_noun_not_the_clause_after_it():
    texts = [c.text for c in extract("Real pay is still below its 2008 peak once inflation is counted.").claims]
    assert "2008 peak" in texts


@pytest.mark.parametrize("text, claim, period", [
    ("The condition costs the health service an estimated £6.5bn annually.", "an estimated £6.5bn annually", "year"),
    ("Cleaners there earn £12 hourly, the union says.", "£12 hourly", "hour"),
    ("Pupils read for 30 minutes daily in class.", "30 minutes daily", "day"),
])
def test_an_adverb_of_period_after_a_figure_is_its_period(text, claim, period):
    assert (claim, period) in [(c.text, c.value.get("period")) for c in extract(text).claims]


def test_an_adjective_of_period_before_a_noun_is_no_period():
    assert [(c.text, c.value.get("period")) for c in extract("The firm made $40m yearly profits.").claims] == [("$40m", None)]


@pytest.mark.parametrize("text, claim, currency, number", [
    ("Petrol sells for N1,030 per litre in Lagos.", "N1,030", "NGN", 1030),
    ("The state lent N5bn to farmers.", "N5bn", "NGN", 5_000_000_000),
    ("The treasury will borrow Sh 300 billion this year.", "Sh 300 billion", "KES", 300_000_000_000),
    ("A bag of maize costs Sh1,200 in Kisumu.", "Sh1,200", "KES", 1200),
])
def test_naira_and_shillings_as_their_papers_print_them(text, claim, currency, number):
    assert (claim, {"number": number, "currency": currency}) in [(c.text, c.value) for c in extract(text).claims]


@pytest.mark.parametrize("text", ["Nurses wear N95 masks.", "The N1 road is shut.", "She said it with Sh 5 left."])
def test_masks_roads_and_small_sums_are_no_naira(text):
    assert not [c for c in extract(text).claims if c.value.get("currency") in ("NGN", "KES")]
