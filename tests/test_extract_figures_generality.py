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
