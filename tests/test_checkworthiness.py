"""Check-worthiness ranks checkable statements above opinion, questions and chit-chat."""
from __future__ import annotations

import pytest

from workbench.extract import extract
from workbench.extract.checkworthiness import score_sentences, sentence_score
from workbench.extract.sentences import split_sentences

CHECKABLE = [
    "Unemployment fell to 4.2 per cent last year, the lowest rate since 1975.",
    "The council spent £3 million on consultants while cutting library budgets.",
    "Crime rose by a third after the police lost 2,000 officers, according to the statistics office.",
    "The senator voted against the bill twice and sponsored a law that raised taxes.",
    "Floods killed 40 people and destroyed hundreds of homes in the region.",
    "Exports to China have doubled because the tariff was cut.",
]
NOT_CHECKABLE = [
    "Thank you very much.",
    "Good evening, everyone.",
    "What would you do about it?",
    "I think we can do better.",
    "I want to say how proud I am of this wonderful team.",
    "The room was quiet as the rain came down.",
    "Well, maybe, you know, it is sort of a lot of things.",
]


@pytest.mark.parametrize("checkable", CHECKABLE)
@pytest.mark.parametrize("chatter", NOT_CHECKABLE)
def test_checkable_statement_outranks_chatter(checkable, chatter):
    assert sentence_score(checkable) > sentence_score(chatter)


def test_a_figure_raises_the_score_of_the_same_sentence():
    assert sentence_score("Prices rose 12% in May.") > sentence_score("Prices rose in May.")


def test_a_question_scores_lower_than_the_statement():
    assert sentence_score("Taxes rose by 5 percent.") > sentence_score("Did taxes rise by 5 percent?")


def test_opinion_scores_lower_than_the_record():
    assert sentence_score("She voted for the war in 2003.") > sentence_score("I think she will be great.")


def test_transcript_speaker_label_is_not_a_figure():
    assert sentence_score("SPEAKER 2: Thank you all.") == sentence_score("Thank you all.")


def test_scores_are_between_zero_and_one_and_blank_scores_zero():
    assert sentence_score("") == 0.0
    assert sentence_score("   ") == 0.0
    for text in CHECKABLE + NOT_CHECKABLE:
        assert 0.0 <= sentence_score(text) <= 1.0


def test_score_sentences_keeps_offsets_and_order():
    body = "MODERATOR: Welcome back.\n\nSMITH: We cut the deficit by $200 billion. I love this town."
    sentences = split_sentences(body)
    scored = score_sentences(body, sentences)
    assert [(s.start, s.end) for s in scored] == [(s.start, s.end) for s in sentences]
    assert scored[1].checkworthiness > scored[0].checkworthiness
    assert scored[1].checkworthiness > scored[2].checkworthiness


def test_extract_puts_the_sentence_score_on_each_sentence():
    result = extract("It was a sunny day. The city borrowed $40 million in 2014, twice its budget.")
    assert result.sentences[1].checkworthiness > result.sentences[0].checkworthiness


INTERVIEW = (
    "HOST: Welcome to the debate. Governor, your state lost 40,000 jobs last year. Why?\n\n"
    "MORALES: We created 40,000 jobs last year, and unemployment fell to 4 percent.\n\n"
    "HOST: What do you say to that? Is that true?\n\n"
    "MORALES: It is. Our budget is balanced for the first time since 1998.\n\n"
    "HOST: Will you raise taxes? Senator, your plan costs $2 billion. How will you pay for it?\n\n"
    "REYES: My plan costs $2 billion and the tax cut paid for half of it. Governor, your plan costs $2 billion.\n\n"
)


def _score_of(body: str, text: str) -> float:
    at = body.index(text)
    sentences = score_sentences(body, split_sentences(body))
    return next(s.checkworthiness for s in sentences if s.start <= at < s.end)


def test_the_interviewers_figures_rank_below_the_same_figures_from_those_questioned():
    host = _score_of(INTERVIEW, "your state lost 40,000 jobs last year")
    candidate = _score_of(INTERVIEW, "We created 40,000 jobs last year")
    assert candidate > host
    # the same words scored alone: only the turn's label pulls the host's sentence down
    assert sentence_score("Governor, your state lost 40,000 jobs last year.") > host


def test_a_label_continues_over_the_sentences_of_its_turn():
    # the host's sentence is the second of its turn: the label still counts
    host_plan = _score_of(INTERVIEW, "Senator, your plan costs $2 billion.")
    candidate_plan = _score_of(INTERVIEW, "Governor, your plan costs $2 billion.")
    assert candidate_plan > host_plan


def test_speakers_who_rarely_ask_keep_their_scores():
    # one question in ten sentences: a speaker making a case, not an interviewer
    turn = " ".join(["Our budget is balanced for the first time since 1998."] * 9 + ["Why not?"])
    body = f"MORALES: {turn}\n"
    scored = score_sentences(body, split_sentences(body))
    assert scored[0].checkworthiness == sentence_score("Our budget is balanced for the first time since 1998.")


def test_news_text_without_labels_is_scored_sentence_by_sentence():
    body = "Is the bridge safe? Nobody knows. Repairs cost $3 million in 2019. Why did it take so long?"
    scored = score_sentences(body, split_sentences(body))
    assert [s.checkworthiness for s in scored] == [
        sentence_score(body[s.start:s.end]) for s in split_sentences(body)]
