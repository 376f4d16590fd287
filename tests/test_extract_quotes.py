"""Quotes and speakers, from sentences we wrote; and the extractor never breaks on any text."""
from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from workbench.extract import extract
from workbench.ingest import read_article

SAMPLES = Path(__file__).resolve().parents[1] / "sample_articles"


def quotes_of(text: str):
    return extract(text).quotes


def speaker_of(text: str, fragment: str) -> str | None:
    for q in quotes_of(text):
        if fragment in q.text:
            return q.speaker
    raise AssertionError(f"no quote containing {fragment!r}: {[q.text for q in quotes_of(text)]}")


def test_name_after_the_quote():
    assert speaker_of('"We cannot keep bailing out the high street," said council leader Martin Okafor.',
                      "bailing") == "Martin Okafor"


def test_name_then_verb_after_the_quote():
    assert speaker_of("“Nobody raises rents for fun,” Geoff Pratt said on Monday.", "rents") == "Geoff Pratt"


def test_colon_introduced_quote():
    text = "Lloyd told reporters: \"We will announce new dates within days.\""
    assert speaker_of(text, "new dates") == "Lloyd"


def test_said_name_before_the_quote():
    text = 'Said Gareth Lloyd, general secretary of the union, "This offer is a pay cut in real terms."'
    assert speaker_of(text, "pay cut") == "Gareth Lloyd"


def test_he_said_resolves_to_last_named_speaker():
    text = ("“It moved faster than any fire I have seen,” said Fire Chief Dolores Navarro.\n\n"
            "Residents were told to leave.\n\n“We lost the line within an hour,” she said.")
    assert speaker_of(text, "lost the line") == "Dolores Navarro"


def test_surname_resolves_to_the_full_name_given_earlier():
    text = ("British Prime Minister David Cameron visited Paris on Monday.\n\n"
            "“We should be helping to shape it,” Cameron said.")
    assert speaker_of(text, "helping") == "David Cameron"


def test_title_resolves_to_the_person_given_it_earlier():
    text = ("Transport Secretary Helen Marchetti rejected the offer on Sunday.\n\n"
            "Asked about talks, the transport secretary said: “My door is open.”")
    quote = next(q for q in quotes_of(text) if "door" in q.text)
    assert quote.speaker == "Helen Marchetti"
    assert text[quote.speaker_start:quote.speaker_end] == "the transport secretary"


def test_organisation_is_a_speaker():
    text = '"The army took control of the town," state television said.'
    quote = quotes_of(text)[0]
    assert quote.speaker == "state television"
    assert quote.cue == "said"


def test_quote_running_over_two_paragraphs_is_one_quote():
    text = ("“Passengers have been extraordinarily patient,” said Sarah Kimani. “But patience is not infinite.\n\n"
            "“What they want now is a date, any date.”\n\nThe dispute goes on.")
    last = quotes_of(text)[-1]
    assert "patience is not infinite" in last.text and "any date" in last.text
    assert last.speaker == "Sarah Kimani"


def test_scare_quote_is_partial_and_attributed_to_the_sentence_speaker():
    text = 'Moscow says its air strikes target IS and other "terrorists," but rebels disagree.'
    quote = quotes_of(text)[0]
    assert quote.partial is True
    assert quote.speaker == "Moscow"


def test_apostrophes_never_open_quotes():
    text = "The council’s plan isn’t new, and Cameron’s team didn't say otherwise in the ’90s."
    assert quotes_of(text) == []


def test_guillemets_are_quotes():
    text = "«Nous ne céderons pas», a déclaré le ministre, said Le Monde."
    assert quotes_of(text)[0].text == "«Nous ne céderons pas»"


def test_claims_in_reported_speech_carry_the_speaker():
    text = "The Observatory said government forces were advancing 15 kilometres from the city."
    claim = next(c for c in extract(text).claims if "15 kilometres" in c.text)
    assert claim.speaker == "Observatory"


def test_claims_inside_a_quote_carry_its_speaker():
    text = '"We have 1,200 new council homes in the pipeline," said Councillor Zoë Whitfield.'
    claim = next(c for c in extract(text).claims if "1,200" in c.text)
    assert claim.speaker == "Zoë Whitfield"


def test_rail_strike_sample_gives_every_quote_a_speaker():
    article = read_article(SAMPLES / "ministers-quotes-rail-strike.txt")
    quotes = [q for q in extract(article.body).quotes if not q.partial]
    assert len(quotes) >= 6
    assert all(q.speaker for q in quotes), [(q.text[:30], q.speaker) for q in quotes]
    by_text = {q.text[:25]: q.speaker for q in quotes}
    assert any(s == "Helen Marchetti" for s in by_text.values())
    assert any(s == "Gareth Lloyd" for s in by_text.values())


def test_many_quote_marks_do_not_hang_and_stay_in_bounds():
    body = '"' * 100_000 + " tail"
    result = extract(body)
    assert all(0 <= q.start < q.end <= len(body) for q in result.quotes)


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=400))
def test_extract_never_crashes_and_spans_index_the_body(body):
    result = extract(body)
    for item in result.claims + result.quotes:
        assert 0 <= item.start < item.end <= len(body)
        assert body[item.start:item.end] == item.text
    previous_end = 0
    for s in result.sentences:
        assert previous_end <= s.start <= s.end <= len(body)
        previous_end = s.end


@settings(max_examples=80, deadline=None)
@given(st.lists(st.sampled_from(['"', "“", "”", "«", "»", "’", " said ", "he ", "Mr. Smith", "£12bn", " 40% ",
                                 "on Monday", "\n\n", ".", ",", "between 3 and 4", "x"]), max_size=60))
def test_extract_on_adversarial_fragments_keeps_offsets(parts):
    body = "".join(parts)
    result = extract(body)
    for item in result.claims + result.quotes:
        assert body[item.start:item.end] == item.text


def mention_of(text: str, fragment: str) -> str | None:
    for q in quotes_of(text):
        if fragment in q.text:
            return None if q.speaker_start is None else text[q.speaker_start:q.speaker_end]
    raise AssertionError(f"no quote containing {fragment!r}")


def test_title_with_full_stop_after_the_quote_is_the_speaker():
    text = '"Are the pumps ready? Not yet," Ms. Adebayo said. "They will be by Friday."'
    assert speaker_of(text, "pumps") == "Adebayo"
    assert mention_of(text, "pumps") == "Ms. Adebayo"


def test_party_and_state_after_a_name_does_not_end_the_clause():
    text = '"The levy is a tax on renters," Rep. Tomas Reyes (D-Ore.) said Friday.'
    assert speaker_of(text, "levy") == "Tomas Reyes"


def test_appositive_between_name_and_cue_after_the_quote():
    text = '"We are not going to stop," Ida Marsh, 31, said as the march went on.'
    assert speaker_of(text, "stop") == "Ida Marsh"


def test_appositive_between_name_and_cue_before_the_quote():
    text = 'Owen Pike, who runs the allotment society, said, "The plots have waited ten years."'
    assert speaker_of(text, "plots") == "Owen Pike"
    assert mention_of(text, "plots") == "Owen Pike"


def test_dash_credit_after_a_quote_names_the_speaker():
    text = "Readers wrote in.\n\n“Fix the buses before the bridges.” ― Nell Grady\n\n“Lower the fares.” ― Sami Voss."
    assert speaker_of(text, "buses") == "Nell Grady"
    assert speaker_of(text, "fares") == "Sami Voss"


def test_speaker_mention_never_starts_inside_a_word():
    text = "Asked again, Harbour spokesman Lev Tamm told the paper that “the dredging starts in June.”"
    mention = mention_of(text, "dredging")
    assert mention is not None and mention.endswith("Lev Tamm") and not mention.startswith("arbour")
