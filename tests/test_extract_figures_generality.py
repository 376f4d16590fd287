"""Figures as news outside our sets writes them: scales, units, currencies, approximations written
after the figure, possessives, and the names made of digits that are no figure.

Every sentence here is our own.
"""
from __future__ import annotations

from datetime import date

import pytest

from workbench.extract import extract

PUBLISHED = date(2024, 3, 12)


def claims_of(text: str):
    return [c for c in extract(text, PUBLISHED).claims if c.kind != "date"]


def only_claim(text: str):
    found = claims_of(text)
    assert len(found) == 1, [(c.kind, c.text, c.value) for c in found]
    return found[0]


# --- a numeral, its scale, its unit ---------------------------------------------------------------

@pytest.mark.parametrize(
    "sentence, span, kind, number",
    [
        ("Roughly 4 hundred thousand homes lost power.", "Roughly 4 hundred thousand homes", "count", 400_000),
        ("Three hundred thousand fans lined the route.", "Three hundred thousand fans", "count", 300_000),
        ("The port handled 7 hundred million tonnes.", "7 hundred million tonnes", "quantity", 700_000_000),
        ("The platform now has 2 B monthly users.", "2 B monthly users", "count", 2_000_000_000),
        ("Exports rose 12pc in the quarter.", "12pc", "percent", 12),
        ("The new modem runs at 6GHz.", "6GHz", "quantity", 6),
        ("The tractor's engine gives 240 hp.", "240 hp", "quantity", 240),
        ("Overnight the valley fell to minus 31.", "minus 31", "count", -31),
    ],
)
def test_scale_unit_and_sign(sentence, span, kind, number):
    c = only_claim(sentence)
    assert (c.text, c.kind, c.value["number"]) == (span, kind, number)


def test_a_unit_word_is_kept_with_its_figure():
    assert only_claim("The engine makes 240 hp.").value["unit"] == "hp"
    assert only_claim("The new modem runs at 6GHz.").value["unit"] == "GHz"


# --- scale letters: what follows decides ---------------------------------------------------------

def test_m_before_a_counted_noun_is_million():
    c = only_claim("The streaming service passed 14m subscribers.")
    assert c.value["number"] == 14_000_000 and c.kind == "count"


def test_m_before_a_measure_word_is_metres():
    c = only_claim("The well is 14m deep.")
    assert (c.kind, c.value["number"], c.value["unit"]) == ("distance", 14, "m")


@pytest.mark.parametrize("sentence", [
    "She took gold in the 400m at the trials.",
    "He finished last in the men's 1500m on Sunday.",
    "The 110m hurdles were run in the rain.",
])
def test_a_race_named_by_its_distance_is_no_figure(sentence):
    assert claims_of(sentence) == []


def test_a_race_distance_that_measures_stays_a_figure():
    assert only_claim("The 200m-long pier was closed.").value["number"] == 200
    assert only_claim("The channel reached the 100m viewers it wanted.").value["number"] == 100_000_000


# --- currencies of other countries and lost pound signs -------------------------------------------

@pytest.mark.parametrize(
    "sentence, span, currency, number",
    [
        ("The Kuala Lumpur tower cost RM 750 million.", "RM 750 million", "MYR", 750_000_000),
        ("The rail link will cost RM1.2bn.", "RM1.2bn", "MYR", 1_200_000_000),
        ("The Cape Town mine was sold for R450 million.", "R450 million", "ZAR", 450_000_000),
        ("Tickets cost R2,400 each.", "R2,400", "ZAR", 2400),
        ("The ministry set aside Y=800 billion.", "Y=800 billion", "JPY", 800_000_000_000),
        ("The club paid PS45 million for the striker.", "PS45 million", "GBP", 45_000_000),
    ],
)
def test_currency_prefixes(sentence, span, currency, number):
    c = only_claim(sentence)
    assert (c.text, c.kind, c.value["currency"], c.value["number"]) == (span, "money", currency, number)


def test_prefix_letters_without_a_scale_are_names():
    # a console, a droid and a road: the letters make money only before a scale or a thousands group
    assert claims_of("He swapped his PS5 for an R2 figure on the R62.") == []


# --- "or so", possessives, models -----------------------------------------------------------------

def test_or_so_after_the_figure_is_an_approximation_with_its_noun():
    c = only_claim("Only 200 or so undecided voters remain.")
    assert c.text == "200 or so undecided voters"
    assert c.value["approx"] is True and c.value["number"] == 200


def test_or_so_after_money_keeps_the_period():
    c = only_claim("Parking costs £60 or so a month.")
    assert c.text == "£60 or so a month" and c.value["period"] == "month"


def test_a_figure_after_a_possessive_is_no_label():
    c = only_claim("The mayor courted Jenkins' 40 thousand supporters.")
    assert c.text == "40 thousand supporters" and c.value["number"] == 40_000


def test_each_figure_of_a_list_without_its_noun():
    text = "The nurses' union has 80,000 members, the GMB's 7,000 and Unison's 3,200."
    numbers = [c.value["number"] for c in claims_of(text)]
    assert numbers == [80_000, 7_000, 3_200]


@pytest.mark.parametrize("sentence", [
    "The pilot flew a 747 over the bay.",
    "He drove a 911 to the hearing.",
])
def test_a_model_named_by_digits_is_no_count(sentence):
    assert claims_of(sentence) == []


# --- two figures that are one claim: a change, a range, a tally ------------------------------------

@pytest.mark.parametrize(
    "sentence, span, kind, old, new",
    [
        ("Hospital admissions fell from 31,400 to 29,050 in a year.", "from 31,400 to 29,050", "count", 31_400, 29_050),
        ("The jobless rate rose from 5.2% to 5.9% over the winter.", "from 5.2% to 5.9%", "percent", 5.2, 5.9),
        ("The levy was raised from 3 to 8 per cent.", "from 3 to 8 per cent", "percent", 3, 8),
        ("The bus fare went up from £2 to £2.80.", "from £2 to £2.80", "money", 2, 2.8),
        ("Her term was cut from 12 to 9 years.", "from 12 to 9 years", "duration", 12, 9),
    ],
)
def test_a_change_is_one_claim_with_both_ends(sentence, span, kind, old, new):
    c = only_claim(sentence)
    assert (c.text, c.kind) == (span, kind)
    assert (c.value["from"], c.value["to"], c.value["number"]) == (old, new, new)


def test_from_to_without_a_change_stays_a_range():
    c = only_claim("Sentences range from 4 to 6 years.")
    assert c.kind == "range" and (c.value["low"], c.value["high"]) == (4, 6)


@pytest.mark.parametrize(
    "sentence, span, kind, low, high",
    [
        ("Rents climbed 6%-8% in the suburbs.", "6%-8%", "range", 6, 8),
        ("Tickets cost $40 to $65 each.", "$40 to $65", "range", 40, 65),
        ("Wages grew by 2 to 4 percent.", "2 to 4 percent", "range", 2, 4),
    ],
)
def test_two_figures_that_ascend_are_a_range(sentence, span, kind, low, high):
    c = only_claim(sentence)
    assert (c.text, c.kind, c.value["low"], c.value["high"]) == (span, kind, low, high)


@pytest.mark.parametrize(
    "sentence, span, tally",
    [
        ("Harris edges Moreno 44-41 in the latest survey.", "44-41", [44, 41]),
        ("The two candidates are level at 38-38.", "38-38", [38, 38]),
        ("Ortiz leads 1,212 to 1,090 in pledged delegates.", "1,212 to 1,090", [1212, 1090]),
        ("Members backed the deal by 5 to 1.", "5 to 1", [5, 1]),
        ("The panel was split 3 to 3 on the appeal.", "split 3 to 3", [3, 3]),
        ("United won, 2-0, at home.", "2-0", [2, 0]),
        ("She won the district by 14 points (51 to 37).", "51 to 37", [51, 37]),
    ],
)
def test_scores_votes_and_match_ups_are_tallies(sentence, span, tally):
    c = claim_holding(sentence, span)
    assert c.kind == "count" and c.value["tally"] == tally


@pytest.mark.parametrize(
    "sentence, span, tally",
    [
        ("Harris leads 48 percent to 39 percent among women.", "48 percent to 39 percent", [48, 39]),
        ("Among young voters she is ahead 61 to 30 percent.", "61 to 30 percent", [61, 30]),
        ("His 58%-36% lead among men held.", "58%-36%", [58, 36]),
    ],
)
def test_a_poll_match_up_in_percent_is_one_tally(sentence, span, tally):
    c = only_claim(sentence)
    assert (c.text, c.kind, c.value["tally"], c.value["unit"]) == (span, "percent", tally, "percent")


def test_a_rise_to_a_level_stays_two_claims():
    assert [c.text for c in claims_of("Turnout rose 4% to 61%.")] == ["4%", "61%"]


def test_three_figures_in_a_row_are_no_tally():
    assert claims_of("The coach swore by a 4-3-3 shape.") == []


def claim_holding(text: str, fragment: str):
    found = [c for c in claims_of(text) if fragment in c.text]
    assert found, [(c.kind, c.text, c.value) for c in claims_of(text)]
    return found[0]


def test_a_falling_pair_after_a_name_is_a_label_unless_a_contest_verb_comes_first():
    assert claims_of("He took a night class called Statistics 4-2 at the college.") == []
    c = claim_holding("Rovers beat unbeaten Athletic 3-2 on Saturday.", "3-2")
    assert c.value["tally"] == [3, 2]


def test_an_amount_after_a_is_no_model():
    assert only_claim("Nobody has confirmed a 150,000 estimate.").value["number"] == 150_000


# --- names each with a figure ---------------------------------------------------------------------

def test_a_series_of_names_with_figures_is_a_count_each():
    text = "With most votes counted it is Maria Ortiz 412, Gov. Alan Price 390, Webb 85, and Lund 12."
    assert [c.value["number"] for c in claims_of(text)] == [412, 390, 85, 12]


def test_one_name_with_a_number_stays_a_label():
    assert claims_of("Under Clause 28 and Schedule 7 the council must act.") == []
    assert claims_of("The band topped the Hot 100 again.") == []


def test_a_loss_written_lower_first_is_still_a_tally():
    c = only_claim("The governor lost the county 41 percent to 55 percent.")
    assert c.value["tally"] == [41, 55] and c.kind == "percent"


def test_a_hyphened_to_is_a_tally():
    c = claim_holding("The justices' 6-to-3 ruling stands.", "6-to-3")
    assert c.value["tally"] == [6, 3]


def test_capital_hp_is_a_company_not_horsepower():
    assert all(c.value.get("unit") != "hp" for c in claims_of("She phoned 9 HP engineers."))


def test_a_possessive_before_a_name_with_a_number_stays_a_label():
    assert claims_of("The show opens at Chicago's 22 Arcade next week.") == []


# --- odds, and what a figure after a name counts ---------------------------------------------------

@pytest.mark.parametrize(
    "sentence, span, odds, number",
    [
        ("The grey was sent off the 7/2 second favourite.", "7/2", [7, 2], 3.5),
        ("Nobody backed the 50-1 outsider.", "50-1", [50, 1], 50),
        ("Bookmakers offered odds of 12 to 1 on a draw.", "odds of 12 to 1", [12, 1], 12),
    ],
)
def test_betting_odds(sentence, span, odds, number):
    c = only_claim(sentence)
    assert (c.text, c.value["unit"], c.value["odds"], c.value["number"]) == (span, "odds", odds, number)


def test_a_date_written_with_a_slash_is_no_odds():
    assert all(c.value.get("unit") != "odds" for c in extract("They met on 4/7 at noon.", PUBLISHED).claims)


def test_a_figure_after_a_name_that_counts_times_or_votes():
    assert only_claim("She rang Mrs Patel 6 times that night.").text == "6 times"
    assert only_claim("The county handed Ortiz 31 delegates.").value["number"] == 31


# --- amounts that no label is written like; multiples; a minus sign before a counted noun ---------

def test_a_thousands_group_is_an_amount_even_after_a_capital_or_the():
    assert only_claim("Boasting 215,000 members, the guild is the largest.").text == "215,000 members"
    assert only_claim("She is short of the 1,991 required.").value["number"] == 1991
    assert only_claim("It ignores the 4 million still waiting.").value["number"] == 4_000_000


@pytest.mark.parametrize("sentence, span, factor", [
    ("Output grew about 20 fold in a decade.", "about 20 fold", 20),
    ("It was a 3-fold rise.", "3-fold", 3),
])
def test_a_fold_is_a_multiple(sentence, span, factor):
    c = claim_holding(sentence, span)
    assert c.kind == "comparison" and c.value["factor"] == factor


def test_a_minus_sign_before_a_counted_noun_is_a_figure_but_not_in_a_code():
    assert only_claim("The senator fell -4 points overnight.").value["number"] == -4
    assert claims_of("Dial extension K-118 today.") == []


@pytest.mark.parametrize("sentence", ["Staff work from 8 to 4 on weekdays.", "The helpline is staffed 24-7."])
def test_hours_and_idioms_are_no_change_and_no_tally(sentence):
    assert claims_of(sentence) == []


def test_a_fall_in_points_from_twelve_is_a_change_not_hours():
    c = only_claim("Her lead has narrowed slightly, from 11 points to 7 points.")
    assert (c.value["from"], c.value["to"]) == (11, 7)


@pytest.mark.parametrize("sentence, span", [
    ("The survey's margin of error is +/-4 percentage points.", "+/-4 percentage points"),
    ("The margin of error is ±3 points.", "±3 points"),
])
def test_a_margin_written_with_plus_minus_is_a_positive_figure(sentence, span):
    c = claim_holding(sentence, span)
    assert c.value["number"] > 0


def test_an_article_before_a_level_pair_is_no_name():
    c = claim_holding("(A 2-to-2 tie would have sent it back.)", "2-to-2")
    assert c.value["tally"] == [2, 2]


def test_the_before_or_so_is_no_model_name():
    assert only_claim("She courted the 80 or so undecided members.").value["approx"] is True


def test_a_name_with_a_number_in_quote_marks_or_a_named_group_is_no_claim():
    assert claims_of("She took a seminar, “Rhetoric 210,” in her first year.") == []
    assert claims_of("Leaders met at the Group of 8 summit.") == []


def test_a_pronoun_and_its_verb_before_a_figure_is_no_label():
    assert only_claim("“I’m 81, and I still run,” she said.").value["number"] == 81
