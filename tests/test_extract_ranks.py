"""Ranks, firsts, medals, superlatives and records: what fixes a rank word makes it a claim."""
from __future__ import annotations

from datetime import date

import pytest

from workbench.extract import extract

PUBLISHED = date(2025, 6, 12)


def claims_of(text: str, kind: str | None = None):
    return [(c.text, c.value) for c in extract(text, PUBLISHED).claims if kind is None or c.kind == kind]


@pytest.mark.parametrize(("text", "claim", "number"), [
    ("Her fourth novel sold well, the publisher said.", "Her fourth novel", 4),
    ("The mayor won her third term on Thursday.", "her third term", 3),
    ("It is the fifth such cut in as many years.", "the fifth such cut", 5),
    ("Harlow lost for the third time this month.", "the third time", 3),
    ("She became the first woman to lead the union.", "the first woman", 1),
    ("Labour's second defeat in the seat came in May.", "Labour's second defeat", 2),
    ("He was the first to publish the figures.", "the first to publish", 1),
    ("We are now on our fourth finance minister in two years.", "our fourth finance minister", 4),
    ("It was my second marathon this spring, she said.", "my second marathon", 2),
    ("Kerr scored her 70th international goal on Sunday.", "her 70th international goal", 70),
    ("He was sworn in as the 45th president in January.", "the 45th president", 45),
])
def test_an_ordinal_with_a_determiner_and_the_noun_it_ranks_is_a_claim(text, claim, number):
    assert (claim, {"rank": number}) in claims_of(text, "ordinal")


@pytest.mark.parametrize(("text", "claim", "number"), [
    ("The Greens finished second, behind the Liberals.", "finished second", 2),
    ("The senator is polling a distant third in the state.", "polling a distant third", 3),
    ("After the count she was in first, with 41 per cent.", "was in first", 1),
    ("Okafor took bronze in the 400 metres.", "took bronze", 3),
    ("Dunmore is second behind Harlow in the table.", "is second", 2),
    ("She moved from third to second in the latest poll.", "from third", 3),
])
def test_a_place_standing_alone_in_a_ranking_is_a_claim(text, claim, number):
    assert claim in [t for t, v in claims_of(text, "ordinal") if v.get("rank", v.get("number")) == number]


@pytest.mark.parametrize("text", [
    "The Second Amendment was debated again.",
    "The first lady opened the ward.",
    "She gave the plan a second look.",
    "He first described the scheme in March.",
    "First, the council must agree.",
    "Safety comes first, the inspector said.",
    "They took the first steps of their careers.",
    "The 20th century ended badly.",
    "The case went to the 3rd Circuit on appeal.",
])
def test_names_idioms_and_adverbs_are_no_ranks(text):
    assert claims_of(text, "ordinal") == []


@pytest.mark.parametrize(("text", "claim", "value"), [
    ("Halberd is Europe's largest grocer by sales.", "Europe's largest grocer", {"superlative": "largest"}),
    ("It is one of the biggest lenders in the country.", "one of the biggest lenders in the country",
     {"superlative": "biggest", "within": "in the country"}),
    ("It was the largest filing in the commission's history.", "the largest filing in the commission's history",
     {"superlative": "largest", "within": "in the commission's history"}),
    ("Turnout fell to its lowest level in decades.", "its lowest level in decades",
     {"superlative": "lowest", "within": "in decades"}),
    ("Ministers blamed the deadliest storm since 1987.", "the deadliest storm since 1987",
     {"superlative": "deadliest", "since": 1987}),
])
def test_a_superlative_keeps_what_it_is_measured_against(text, claim, value):
    assert (claim, value) in claims_of(text, "comparison")


@pytest.mark.parametrize(("text", "claim", "value"), [
    ("She is one of the most liberal judges since 1937, the study found.", "one of the most liberal judges since 1937",
     {"superlative": "most liberal", "since": 1937}),
    ("It was the least productive session in decades.", "the least productive session in decades",
     {"superlative": "least productive", "within": "in decades"}),
    ("Critics called it the most costly programme since the New Deal. Others disagreed.",
     "the most costly programme since the New Deal", {"superlative": "most costly", "since": "the New Deal"}),
    ("He won the most votes since 1980.", "the most votes since 1980", {"superlative": "most votes", "since": 1980}),
])
def test_most_and_least_measured_against_a_time_are_claims(text, claim, value):
    assert (claim, value) in claims_of(text, "comparison")
    assert claims_of(text, "date") == []  # the year is what the superlative is measured against


@pytest.mark.parametrize("text", ["This is the most important thing in the world.", "Most voters agree.",
                                  "It was the most beautiful day of my life.", "At most 10 people came."])
def test_most_without_a_time_to_measure_against_is_no_claim(text):
    assert [t for t, v in claims_of(text, "comparison") if v.get("superlative", "").startswith("most")] == []


def test_a_superlative_idiom_is_no_claim():
    assert claims_of("She holds the judge in the highest esteem.", "comparison") == []


@pytest.mark.parametrize(("text", "claim"), [
    ("Officials reported record turnout in the north.", "record turnout"),
    ("The relay team set a new world record.", "set a new world record"),
    ("Jobs were added at a record rate in the spring.", "record rate"),
    ("The city saw a record reduction in burglaries.", "record reduction"),
    ("Donations arrived at a record clip after the debate.", "record clip"),
])
def test_a_record_of_size_is_a_claim(text, claim):
    assert claim in [t for t, v in claims_of(text, "comparison") if v == {"superlative": "record"}]


@pytest.mark.parametrize("text", ["Voters will judge his record on housing.",
                                  "She spoke off the record to reporters.",
                                  "For the record, the vote was lost.",
                                  "The band signed to a record label."])
def test_a_track_record_is_no_record(text):
    assert claims_of(text, "comparison") == []


@pytest.mark.parametrize(("text", "claim"), [
    ("The county has been more accurate than any other county since 1960.", "more accurate than any other county"),
    ("Rents rose faster than any other city in 2024.", "faster than any other city"),
])
def test_than_any_other_is_a_superlative_said_as_a_comparison(text, claim):
    assert claim in [t for t, v in claims_of(text, "comparison") if v == {"superlative": "than any other"}]


@pytest.mark.parametrize("text", ["The striker has scored twice this season.", "She has met him twice, both in May."])
def test_how_often_is_a_count(text):
    assert ("twice", {"number": 2, "unit": "times"}) in claims_of(text, "count")


def test_twice_as_many_stays_a_comparison():
    assert claims_of("Twice as many voters turned out.", "count") == []


@pytest.mark.parametrize(("text", "claim"), [("Okafor is leading the Labour field in the polls.", "leading the Labour field"),
                                             ("The single tops the charts for a third week.", "tops the charts")])
def test_leading_a_field_is_first_place(text, claim):
    assert (claim, {"rank": 1}) in claims_of(text, "ordinal")


def test_trailing_only_named_rivals_is_a_place():
    assert ("trails only Halberd and Norrow", {"superlative": "only behind"}) in claims_of(
        "The chain trails only Halberd and Norrow in sales.", "comparison")


def test_a_place_before_a_figure_joins_the_figure():
    [claim] = [c for c in extract("Reforms will come in the first 100 days.", PUBLISHED).claims]
    assert (claim.text, claim.kind, claim.value["number"], claim.value["rank"]) == ("the first 100 days", "duration", 100, 1)


def test_a_rank_before_a_date_keeps_its_words_and_the_date_its_day():
    claims = claims_of("She voted at her first caucus Saturday.")
    assert [t for t, _ in claims] == ["her first caucus", "Saturday"]


def test_offsets_hold_after_a_letter_that_lower_cases_to_two():
    # "İ" lower-cases to two characters: a rank found in the lower-cased text must index the body
    text = "İstanbul voted. The mayor is leading the pack and won her third term."
    for c in extract(text, PUBLISHED).claims:
        assert text[c.start:c.end] == c.text and c.text in ("leading the pack", "her third term")


def test_a_record_before_a_figure_joins_the_figure():
    [claim] = [c for c in extract("Exports hit a record €228.6 billion.", PUBLISHED).claims]
    assert claim.text == "record €228.6 billion" and claim.kind == "money"
    assert claim.value["number"] == 228.6e9 and claim.value["superlative"] == "record"


@pytest.mark.parametrize("text, claim, basis", [
    ("Our jobless rate is the lowest it's been in so many decades.", "the lowest it's been in so many decades",
     {"within": "in so many decades"}),
    ("Petrol prices are the highest they have been since 2008.", "the highest they have been since 2008",
     {"since": 2008}),
    ("Crime in the city is the highest in many years.", "the highest in many years", {"within": "in many years"}),
    ("It has the weakest army in several decades.", "the weakest army in several decades",
     {"within": "in several decades"}),
])
def test_a_superlative_measured_against_a_span_of_years(text, claim, basis):
    found = [c for c in extract(text).claims if c.kind == "comparison"]
    assert [c.text for c in found] == [claim]
    assert {k: found[0].value[k] for k in basis} == basis


def test_the_lowest_it_has_been_with_no_span_is_no_claim():
    assert not [c for c in extract("It is the lowest it has been.").claims if c.kind == "comparison"]


@pytest.mark.parametrize("text, claim", [
    ("They have let in nine goals, the fewest in the league.", "the fewest in the league"),
    ("It is the highest score by any team this season.", "the highest score by any team"),
    ("It was the largest loss of any British bank.", "the largest loss of any British bank"),
])
def test_fewest_and_a_superlative_against_any_other(text, claim):
    assert [c.text for c in extract(text).claims if c.kind == "comparison"] == [claim]


@pytest.mark.parametrize("text, claim", [
    ("There are more people at work today than at any time in our history.",
     "more people at work today than at any time in our history"),
    ("Crime is lower than at any point since 1970.", "lower than at any point"),
    ("She planted more trees than any other mayor.", "more trees than any other mayor"),
])
def test_a_comparison_with_every_other_time_or_rival(text, claim):
    assert claim in [c.text for c in extract(text).claims if c.kind == "comparison"]


@pytest.mark.parametrize("text, claim, rank", [
    ("The admiral was the first in the history of the Royal Navy.", "the first in the history of the Royal Navy", 1),
    ("She is the first in her family to go to university.", "the first in her family to go", 1),
    ("Our pupils are number one in reading.", "number one", 1),
    ("Heart disease is the No. 1 cause of death.", "No. 1", 1),
    ("He is now No. 2 in the polls.", "No. 2", 2),
])
def test_a_first_in_history_and_a_place_said_as_a_number(text, claim, rank):
    found = [c for c in extract(text).claims if c.kind == "ordinal"]
    assert [(c.text, c.value["rank"]) for c in found] == [(claim, rank)]


@pytest.mark.parametrize("text", ["The number one thing is jobs.", "A number of people came.", "He was the first."])
def test_number_one_as_an_idiom_is_no_rank(text):
    assert not [c for c in extract(text).claims if c.kind == "ordinal"]


@pytest.mark.parametrize("text, claim", [
    ("The slump was the briefest since the Second World War.", "the briefest since the Second World War"),
    ("It was the earliest start since 1990.", "the earliest start since 1990"),
    ("Fares are the cheapest in decades.", "the cheapest in decades"),
    ("It is the most populous state in the Union.", "the most populous state in the Union"),
])
def test_any_superlative_measured_against_a_time_and_a_measured_most_in_a_place(text, claim):
    assert [c.text for c in extract(text).claims if c.kind == "comparison"] == [claim]


@pytest.mark.parametrize("text", [
    "He has the dumbest lawyer ever.",
    "It is the most important thing in the world.",
    "It is the most powerful job in the world.",
    "The protest since 2019 has grown.",
])
def test_an_opinion_or_a_word_ending_in_est_is_no_superlative(text):
    assert not [c for c in extract(text).claims if c.kind == "comparison"]


@pytest.mark.parametrize("text, claim", [
    ("He deployed more troops than any president in history.", "more troops than any president in history"),
    ("It is bigger than any car on sale.", "bigger than any car"),
])
def test_than_any_rival_with_other_left_out(text, claim):
    assert [c.text for c in extract(text).claims if c.kind == "comparison"] == [claim]


@pytest.mark.parametrize("text", ["They paid more than any of us.", "It cost more than anyone expected."])
def test_than_any_of_us_is_no_rank(text):
    assert not [c for c in extract(text).claims if c.kind == "comparison"]


@pytest.mark.parametrize("text, claim", [
    ("It was the worst attack on British soil since 9/11.", "the worst attack on British soil since 9/11"),
    ("It was the largest drop in sales since 2009.", "the largest drop in sales since 2009"),
])
def test_a_superlative_with_its_scope_before_its_time(text, claim):
    assert [c.text for c in extract(text).claims if c.kind == "comparison"] == [claim]


@pytest.mark.parametrize("text, claim, rank", [
    ("Lee and Cole tied for fifth at 5% in the poll.", "tied for fifth", 5),
    ("The two sides tied for first.", "tied for first", 1),
])
def test_tied_for_a_place(text, claim, rank):
    found = [c for c in extract(text).claims if c.kind == "ordinal"]
    assert [(c.text, c.value["rank"]) for c in found] == [(claim, rank)]


@pytest.mark.parametrize(("text", "claim", "value"), [
    ("The new tower was the city's tallest yet, the council said.", "city's tallest yet", {"superlative": "tallest", "within": "yet"}),
    ("It was the party's biggest win to date in the north.", "party's biggest win to date",
     {"superlative": "biggest", "within": "to date"}),
    ("Wednesday saw the hottest day so far this year in Leeds.", "the hottest day so far this year",
     {"superlative": "hottest", "within": "so far this year"}),
    ("At 31 per cent the levy is the highest in the developed world.", "the highest in the developed world",
     {"superlative": "highest", "within": "in the developed world"}),
    ("Ms Obi is the youngest member in the United States Senate.", "the youngest member in the United States Senate",
     {"superlative": "youngest", "within": "in the United States Senate"}),
])
def test_a_superlative_up_to_now_or_in_a_described_place(text, claim, value):
    assert (claim, value) in claims_of(text, "comparison")


@pytest.mark.parametrize(("text", "claim", "number"), [
    ("Ms Adebayo became the second-ever woman to chair the board.", "the second-ever woman", 2),
    ("Pell is the 12th-ever captain of the club from Devon.", "the 12th-ever captain", 12),
    ("The ferry sank on Monday, the region's third this year.", "region's third this year", 3),
    ("The closure was its fourth so far this season.", "its fourth so far this season", 4),
    ("He was the ninth person injured at the crossing since May.", "the ninth person", 9),
    ("She was the first person to swim the loch in winter.", "the first person", 1),
])
def test_an_ordinal_ever_up_to_now_or_of_people(text, claim, number):
    assert (claim, {"rank": number}) in claims_of(text, "ordinal")


@pytest.mark.parametrize("text", [
    "The memoir is written in the first person throughout.",
    "He sold us a second-hand van and left.",
    "The biggest, yet least loved, of the parks is Hale Green.",
])
def test_a_voice_a_compound_and_a_concessive_yet_are_no_ranks(text):
    assert not [c for c in claims_of(text) if c[1].get("rank") or c[1].get("superlative")]
