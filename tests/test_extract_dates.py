"""Dates: resolved against the article's published date, atomic, and never scene-setting.

Sentences here are our own. The published date is Tuesday 24 November 2015, as in the seed.
"""
from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workbench.extract import extract
from workbench.extract.dates import find_dates
from workbench.extract.sentences import split_sentences

PUBLISHED = date(2015, 11, 24)  # a Tuesday


def claims_of_kind(text: str, kind: str):
    return [c for c in extract(text, PUBLISHED).claims if c.kind == kind]


def dates_of(text: str, published: date | None = PUBLISHED):
    return [c for c in extract(text, published).claims if c.kind == "date"]


@pytest.mark.parametrize(
    "sentence, span, iso",
    [
        ("The mayor resigned on Monday after the vote.", "on Monday", "2015-11-23"),
        ("On Friday, the court adjourned.", "On Friday", "2015-11-20"),
        ("The depot was overrun on November 1.", "on November 1", "2015-11-01"),
        ("The rebels, who took the fort in May, retreated.", "in May", "2015-05"),
        ("Rebels captured in June the northern road.", "captured in June", "2015-06"),
        ("The fleet will be ready by 2025, officials said.", "by 2025", "2025"),
        ("The floods of November 13 cut the line.", "November 13", "2015-11-13"),
        ("The hearing is set for 3 December 2015.", "3 December 2015", "2015-12-03"),
        ("The treaty was signed on 4 July 1990 in Bonn.", "4 July 1990", "1990-07-04"),
        ("The audit began in March 2012.", "March 2012", "2012-03"),
        ("The law took effect on 2016-01-01.", "2016-01-01", "2016-01-01"),
        ("The minister visited the site yesterday.", "yesterday", "2015-11-23"),
        ("Turnout was higher last year.", "last year", "2014"),
        ("Sales were up 20% on last year.", "last year", "2014"),  # "on" compares here; it is no date word
        ("The plant closed last month.", "last month", "2015-10"),
        ("The plant closed last Friday.", "last Friday", "2015-11-20"),
        ("The board meets next Monday.", "next Monday", "2015-11-30"),
        ("Writing in Monday’s edition, she disagreed.", "Monday’s", "2015-11-23"),
        ("The town fell earlier this year.", "earlier this year", "2015"),
        ("Prices have risen since 1990.", "since 1990", "1990"),
        # a clause that looks ahead names the next such month or day, not the last one
        ("The new bridge will open in March.", "in March", "2016-03"),
        ("Ministers are due to decide by February 10.", "February 10", "2016-02-10"),
        ("The ward would open by March, the minister said.", "by March", "2016-03"),
        ("The vote will be held on December 3.", "December 3", "2015-12-03"),
        ("He said he would resign, after the town fell in May.", "in May", "2015-05"),  # the clause is past
        ("The talks, which ended in March, will resume.", "in March", "2015-03"),
    ],
)
def test_dates_resolve_against_the_published_date(sentence, span, iso):
    found = [c for c in dates_of(sentence) if span in c.text]
    assert found, [c.text for c in dates_of(sentence)]
    assert found[0].value["date"] == iso
    assert len(found[0].text) <= len(span) + 12, "a date claim is the date phrase, not the sentence"


def test_a_weekday_on_the_publication_day_is_that_day():
    [monday] = dates_of("The talks resumed on Tuesday.")
    assert monday.value["date"] == "2015-11-24"


def test_without_a_published_date_dates_stay_unresolved_but_found():
    [d] = dates_of("The depot was overrun on November 1.", published=None)
    assert d.value["date"] == "--11-01"
    [w] = dates_of("The army advanced on Monday.", published=None)
    assert w.value["date"] is None and w.value["relative"] == "monday"


def test_a_decade_is_marked():
    [d] = dates_of("The mills closed in the 1980s.")
    assert d.value == {"date": "1980", "decade": True}


@pytest.mark.parametrize(
    "text",
    [
        "Article 1989 of the code was published.",
        "The Harbour Act of 1921 still applies.",
        "About 2000 people marched to the square.",
        "Theresa May spoke to reporters.",
        "Cameron is to make his case this week.",
        "We may see more rain.",
        "Monday is a holiday for schools.",
    ],
)
def test_years_in_names_counts_names_and_scene_setting_are_not_dates(text):
    assert dates_of(text) == []


def test_a_calendar_date_is_not_also_a_count():
    claims = extract("The bridge reopened on 24 November after repairs.", PUBLISHED).claims
    assert [(c.kind, c.text) for c in claims] == [("date", "on 24 November")]


def test_date_claims_sit_in_their_sentence_and_are_scored():
    text = "Prices were stable. The army recaptured the town on Monday, the ministry said."
    [d] = dates_of(text)
    sentence = text[d.sentence_start:d.sentence_end]
    assert sentence.startswith("The army") and "on Monday" in sentence
    assert 0 < d.checkworthiness <= 1


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("0123456789 ,.-’'sMayonJunFridTuesNovemberlastinby\n")) | st.characters(),
               max_size=120))
def test_date_spans_always_index_their_text(body):
    for c in find_dates(body, split_sentences(body), PUBLISHED):
        assert 0 <= c.start < c.end <= len(body)
        assert body[c.start:c.end] == c.text


@pytest.mark.parametrize("sentence, span, iso", [
    ("Output fell by 1.5% in the third quarter.", "in the third quarter", "2015-Q3"),
    ("Sales in Q3 2013 beat the year before.", "in Q3 2013", "2013-Q3"),
    ("Growth slowed to 0.2% in the final quarter of 2012.", "in the final quarter of 2012", "2012-Q4"),
    ("Profits rose last quarter.", "last quarter", "2015-Q3"),
    ("Spending in the fourth quarter will be cut.", "in the fourth quarter", "2015-Q4"),
])
def test_a_quarter_is_a_date(sentence, span, iso):
    found = [(d.text, d.value["date"]) for d in dates_of(sentence)]
    assert (span, iso) in found and len(found) == 1


def test_a_quarter_of_something_is_no_date():
    assert dates_of("A quarter of adults smoke, and three quarters drink.") == []


@pytest.mark.parametrize("sentence, span, iso", [
    ("Sugar in soft drinks fell 46% between 2009 and 2014.", "between 2009 and 2014", "2009/2014"),
    ("Admissions rose to 1.2 million in 2014-15.", "in 2014-15", "2014/2015"),
    ("Prices rose every year from 2009 to 2014.", "from 2009 to 2014", "2009/2014"),
    ("The levy was first charged in 2013/14.", "in 2013/14", "2013/2014"),
])
def test_a_span_of_years_is_one_date(sentence, span, iso):
    assert [(d.text, d.value["date"]) for d in dates_of(sentence)] == [(span, iso)]
    assert not [c for c in claims_of_kind(sentence, "range")]


def test_between_a_year_and_no_second_year_is_no_date():
    assert dates_of("The choice was between 2015, a good year, and nothing.") == []


@pytest.mark.parametrize(
    "sentence, span, iso",
    [
        # published Tuesday 24 November 2015
        ("Its deficit stood at £42 million last March.", "last March", "2015-03"),
        ("Its deficit stood at £42 million last December.", "last December", "2014-12"),
        ("Last November the fund was in surplus.", "Last November", "2014-11"),
        ("The hearing is set for next February.", "next February", "2016-02"),
        ("The plant reopens next December.", "next December", "2015-12"),
        ("Last week the council voted to close it.", "Last week", "2015-11-17"),
    ],
)
def test_last_or_next_with_a_month_is_the_one_before_or_after_this_month(sentence, span, iso):
    found = [c for c in dates_of(sentence) if c.text == span]
    assert found and found[0].value["date"] == iso


def test_a_weekday_in_a_clause_that_looks_ahead_is_the_coming_one():
    # published Tuesday 24 November 2015
    found = {c.text: c.value["date"] for c in dates_of(
        "Tenby will take charge for Friday's trip to Millbrook. The club lost on Friday.")}
    assert found == {"Friday's": "2015-11-27", "on Friday": "2015-11-20"}


@pytest.mark.parametrize("sentence, span, season", [
    ("The works will last until the spring of 2027.", "until the spring of 2027", "spring"),
    ("It will open in summer 2016.", "in summer 2016", "summer"),
])
def test_a_season_of_a_year_is_a_date_with_its_season(sentence, span, season):
    found = [c for c in dates_of(sentence) if c.text == span]
    assert found and found[0].value["season"] == season and found[0].value["date"] == span[-4:]


@pytest.mark.parametrize(("text", "claim", "year"), [
    ("The 1997 landslide changed the party.", "1997 landslide", "1997"),
    ("She criticised the mayor's 2019 budget on Monday.", "2019 budget", "2019"),
    ("Profits will be lower at the end of 2011 than now.", "at the end of 2011", "2011"),
    ("The targets for 2024 were missed.", "2024", "2024"),
    ("Sales fell in the early months of 2019.", "2019", "2019"),
    ("The line should open by the close of 2030.", "by the close of 2030", "2030"),
    ("It was 2015, not 2014.", "2015", "2015"),
])
def test_a_year_standing_alone_as_a_time_is_a_date(text, claim, year):
    found = [d for d in dates_of(text) if d.value.get("date") == year]
    assert [d.text for d in found] == [claim]


@pytest.mark.parametrize(("text", "claim", "time"), [
    ("The first call came at 1:48 a.m. from the harbour.", "1:48 a.m.", "01:48"),
    ("Polls close at 8pm and counting starts at 10.30 p.m.", "8pm", "20:00"),
    ("The ferry left at 14:30 with 80 passengers.", "14:30", "14:30"),
    ("11:05AMThe minister arrives in the chamber.", "11:05AM", "11:05"),
])
def test_a_time_of_day_is_a_date_claim_with_its_clock_time(text, claim, time):
    found = [d for d in dates_of(text) if d.value.get("time") == time]
    assert [d.text for d in found] == [claim]


@pytest.mark.parametrize("text", ["Psalms 23:4 was read at the service.",
                                  "Skip to the 12:40 mark of the video."])
def test_verse_references_and_video_marks_are_no_times(text):
    assert [d for d in dates_of(text) if "time" in d.value] == []


def test_a_weekday_after_the_verb_it_dates_is_a_date():
    [d] = dates_of("The council voted Thursday to close the library.", date(2025, 3, 14))
    assert (d.text, d.value["date"]) == ("Thursday", "2025-03-13")


@pytest.mark.parametrize("text", ["Turnout on Super Tuesday was high.", "He told the Sunday Times so.",
                                  "She teaches every Sunday.", "They met at Sunday school."])
def test_weekdays_in_names_and_habits_are_no_dates(text):
    assert [d.text for d in dates_of(text) if "Sunday" in d.text or "Tuesday" in d.text] == []


@pytest.mark.parametrize(("text", "claim", "iso"), [
    ("The plant closed two years ago.", "two years ago", "2022"),
    ("She resigned a year ago.", "a year ago", "2023"),
    ("The boy went missing 3 days ago.", "3 days ago", "2024-06-09"),
])
def test_units_ago_are_dates_counted_back_from_publication(text, claim, iso):
    [d] = dates_of(text, date(2024, 6, 12))
    assert (d.text, d.value["date"]) == (claim, iso)


def test_the_edge_of_a_month_is_part_of_its_date():
    [d] = dates_of("Repairs must finish by the end of June.", date(2024, 3, 12))
    assert d.text == "by the end of June" and d.value["date"] == "2024-06"


@pytest.mark.parametrize("text, claim, year", [
    ("The plant struggled in the mid-'80s.", "in the mid-'80s", "1980"),
    ("Industry boomed in the early ’60s.", "in the early ’60s", "1960"),
    ("Prices have risen since the '00s.", "since the '00s", "2000"),
])
def test_a_decade_written_with_its_century_left_out(text, claim, year):
    found = [c for c in extract(text).claims if c.kind == "date"]
    assert [(c.text, c.value) for c in found] == [(claim, {"date": year, "decade": True})]


def test_the_twenties_written_short_are_left_alone():
    assert not [c for c in extract("Jazz defined the Roaring '20s.").claims if c.kind == "date"]


@pytest.mark.parametrize("text, claim, time", [
    ("The company said at 0900 GMT that it had stopped pumping.", "0900 GMT", "09:00"),
    ("The 2300 EST deadline passed without a deal.", "2300 EST", "23:00"),
])
def test_a_24_hour_time_with_its_zone_is_a_time(text, claim, time):
    from workbench.extract import extract
    assert (claim, {"time": time}) in [(c.text, c.value) for c in extract(text).claims]


@pytest.mark.parametrize("body", [
    "LONDON, May 3 — The council approved the depot on May 14, officials said.",
    "PARIS, March 12, 2024 (Reuters) - The council approved the depot on May 14, officials said.",
])
def test_the_date_of_a_dateline_is_when_the_story_was_filed_not_a_claim(body):
    dates = [c.text for c in extract(body).claims if c.kind == "date"]
    assert dates == ["on May 14"]
