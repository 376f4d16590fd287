"""Figure check: each comparison rule, on claim values read by the real extractor from our own sentences."""
from __future__ import annotations

import pytest

from workbench.checks import check_figure, numbers_in, parse_figure
from workbench.extract import extract


def claim(sentence: str) -> tuple[dict, str]:
    found = [c for c in extract(sentence).claims if c.value and c.value.get("number") is not None]
    assert found, sentence
    return found[0].value, found[0].text


def test_equal_figures_match():
    assert check_figure(*claim("The crash left 47 passengers injured."), 47).hint == "matches"


def test_about_130_against_129_is_rounded():
    check = check_figure(*claim("Officials counted about 130 victims."), 129)
    assert check.hint == "rounded"
    assert check.absolute_difference == pytest.approx(1)


def test_nearly_two_months_against_55_days_is_rounded():
    check = check_figure(*claim("The siege lasted nearly two months."), 55, "days")
    assert check.hint == "rounded"
    assert check.source_number == pytest.approx(55 / 30.436875)


def test_nearly_two_months_against_75_days_is_understated():
    assert check_figure(*claim("The siege lasted nearly two months."), 75, "days").hint.startswith("understated")


def test_miles_are_converted_to_kilometres():
    check = check_figure(*claim("The town is 15 kilometres from the border."), 9.3, "miles")
    assert check.hint == "rounded"
    assert check.source_number == pytest.approx(14.967, abs=0.01)


def test_pounds_weight_are_converted_to_kilograms():
    check = check_figure(*claim("The boy lost 20 kg over the summer."), 44.1, "lb")
    assert check.hint == "rounded"


def test_billion_written_as_12bn_matches():
    assert check_figure(*claim("The plan costs £12 billion."), "£12bn").hint == "matches"


def test_million_against_billion_scale():
    check = check_figure(*claim("The plan costs £12 billion."), 9600, "£m")
    assert check.hint == "overstated by 25%"
    assert check.relative_difference == pytest.approx(25)


def test_bare_number_is_read_in_the_claims_scale():
    check = check_figure(*claim("The plan costs £12 billion."), 12)
    assert check.hint == "matches" and "scale" in check.explanation


def test_different_currencies_are_a_different_measure():
    assert check_figure(*claim("The plan costs £12 billion."), 15, "$bn").hint == "different measure"


def test_percentage_points_are_not_percent():
    check = check_figure(*claim("Unemployment rose by 2 percentage points."), 2, "%")
    assert check.hint == "different measure"
    assert "percentage points" in check.explanation


def test_percent_against_percent_compares():
    assert check_figure(*claim("Prices rose 8% last year."), 6.4, "%").hint == "overstated by 25%"


def test_source_inside_claim_range_matches():
    assert check_figure(*claim("Between 40 and 60 homes were flooded."), 52).hint == "matches"


def test_source_outside_claim_range_is_understated():
    assert check_figure(*claim("Between 40 and 60 homes were flooded."), 80).hint == "understated by 25%"


def test_claim_inside_source_range_matches():
    value, text = claim("The survey found 300 nests.")
    assert check_figure(value, text, 300.5, source_low=250, source_high=400).hint == "matches"


def test_more_than_is_a_bound():
    value, text = claim("More than 100 people were evacuated.")
    assert check_figure(value, text, 140).hint == "matches"
    assert check_figure(value, text, 90).hint == "overstated by 11%"


def test_exact_figure_far_off_is_understated():
    assert check_figure(*claim("The fire destroyed 120 homes."), 160).hint == "understated by 25%"


def test_vague_hundreds_against_a_count():
    value, text = claim("Hundreds of people marched.")
    assert check_figure(value, text, 450).hint == "matches"
    assert check_figure(value, text, 40).hint.startswith("overstated")


def test_date_claim_is_a_different_measure():
    assert check_figure({"date": "2015-11-24"}, "November 24, 2015", 24).hint == "different measure"


def test_unreadable_figure_is_refused_with_a_reason():
    with pytest.raises(ValueError, match="cannot read a figure"):
        check_figure(*claim("The crash left 47 passengers injured."), "lots")


def test_parse_figure_reads_typed_figures():
    assert parse_figure("12bn") == {"number": 12_000_000_000}
    assert parse_figure("£12.4 billion")["currency"] == "GBP"
    assert parse_figure("3.2%") == {"number": 3.2, "unit": "percent"}


def test_numbers_in_offsets_index_the_source_text():
    text = "Deaths rose to 129, up 4% on the year, with 2,300 injured."
    figures = numbers_in(text)
    assert [f["value"]["number"] for f in figures] == [129, 4, 2300]
    assert all(text[f["start"]:f["end"]] == f["text"] for f in figures)


def test_picked_figure_from_numbers_in_compares_with_its_unit():
    picked = numbers_in("The review found the siege lasted 55 days.")[0]["value"]
    assert check_figure(*claim("The siege lasted nearly two months."), picked).hint == "rounded"


def test_basis_points_are_hundredths_of_a_percentage_point():
    value, text = claim("The central bank raised its rate by 25 basis points.")
    assert value["unit"] == "basis point"
    assert check_figure(value, text, 0.25, "percentage points").hint == "matches"
    assert check_figure(value, text, 25, "bps").hint == "matches"
    assert check_figure(value, text, 0.5, "pp").hint != "matches"
