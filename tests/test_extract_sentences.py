"""Sentence splitting on news copy: abbreviations, initials, decimals, quotes, headings."""
from __future__ import annotations

import pytest

from workbench.extract.sentences import split_sentences


def texts(body: str) -> list[str]:
    return [body[s.start:s.end] for s in split_sentences(body)]


def test_titles_and_dotted_abbreviations_do_not_end_a_sentence():
    body = "Mr. Okafor met Dr. Lind in the U.S. capital at 3 p.m. on Tuesday. The meeting was short."
    assert texts(body) == [
        "Mr. Okafor met Dr. Lind in the U.S. capital at 3 p.m. on Tuesday.",
        "The meeting was short.",
    ]


def test_dotted_abbreviation_ends_a_sentence_before_a_usual_starter():
    body = "The money went to the U.S. The rest stayed in Ghana."
    assert texts(body) == ["The money went to the U.S.", "The rest stayed in Ghana."]


def test_month_and_number_abbreviations_before_figures():
    body = "The vote is on Jan. 12 at No. 10 Downing Street. It was moved from Feb. 3."
    assert texts(body) == ["The vote is on Jan. 12 at No. 10 Downing Street.", "It was moved from Feb. 3."]


def test_initials_and_decimals_stay_inside_the_sentence():
    body = "George W. Bush cut rates by 0.25 points. J. R. Hartley wrote 3.5 books."
    assert texts(body) == ["George W. Bush cut rates by 0.25 points.", "J. R. Hartley wrote 3.5 books."]


def test_closing_quote_belongs_to_the_sentence_it_closes():
    body = '"Prices will rise," she said. "We warned them." He disagreed.'
    assert texts(body) == ['"Prices will rise," she said.', '"We warned them."', "He disagreed."]


def test_curly_quotes_and_question_marks():
    body = "“Who pays?” asked the mayor. ‘Nobody,’ came the reply!"
    assert texts(body) == ["“Who pays?” asked the mayor.", "‘Nobody,’ came the reply!"]


def test_ellipsis_ends_a_sentence_only_before_a_capital():
    body = "He paused... and then went on. The rest… Nobody knows."
    assert texts(body) == ["He paused... and then went on.", "The rest…", "Nobody knows."]


def test_heading_without_full_stop_is_its_own_sentence():
    body = "Floods Close Ten Schools\n\nRain fell for nine days. Roads shut."
    assert texts(body) == ["Floods Close Ten Schools", "Rain fell for nine days.", "Roads shut."]


def test_transcript_turns_split_at_each_speaker():
    body = "MODERATOR: Welcome back\n\nSMITH: We cut taxes by 5 percent. That is a fact.\n\nJONES: No"
    assert texts(body) == ["MODERATOR: Welcome back", "SMITH: We cut taxes by 5 percent.", "That is a fact.",
                           "JONES: No"]


def test_wrapped_line_running_on_in_lower_case_is_joined():
    body = "The council said the new budget\nwould be published in May."
    assert texts(body) == ["The council said the new budget\nwould be published in May."]


def test_example_abbreviation_never_ends_a_sentence():
    body = "Food, e.g. Bread, costs more. Fuel too."
    assert texts(body) == ["Food, e.g. Bread, costs more.", "Fuel too."]


@pytest.mark.parametrize("body", ["", "   \n\n  ", "\n", "."])
def test_empty_or_blank_bodies(body):
    assert all(body[s.start:s.end].strip() for s in split_sentences(body))


def test_one_megabyte_line_of_stops_and_quotes_finishes():
    body = '."' * 300_000 + "." * 300_000 + '"' * 100_000
    sentences = split_sentences(body)
    assert len(sentences) == 1 and sentences[0].start == 0
