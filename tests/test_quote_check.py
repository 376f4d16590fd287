"""Quote check against transcripts written for these tests (and the Cameron sample transcript)."""
from __future__ import annotations

from pathlib import Path

from workbench.checks import check_quote

TRANSCRIPT = (
    "MAYOR: Good evening. The harbour wall will not be finished before the winter storms, and I want to be "
    "honest with you about that. The council has set aside 4.5 million pounds for the repairs, and the work "
    "starts on the 3rd of March. Councillor Ellis Marwick will chair the oversight panel.\n"
    "QUESTION: Will the ferry keep running?\n"
    "MAYOR: The ferry will keep running through the winter. We have never closed it in forty years and we are "
    "not going to close it now. Families in Tollbay depend on it every single day.\n"
)
CAMERON = Path(__file__).resolve().parents[1] / "sample_sources" / "cameron-raf-northolt-transcript.txt"


def test_verbatim_quote_is_found_with_offsets_into_the_original_text():
    quote = "“The ferry will keep running through the winter.”"
    check = check_quote(quote, TRANSCRIPT)
    assert check.verdict == "verbatim"
    assert check.score == 100.0
    assert TRANSCRIPT[check.start:check.end] == "The ferry will keep running through the winter"
    assert check.passage in check.context and check.warnings == ()


def test_case_punctuation_and_curly_quotes_do_not_count_as_changes():
    check = check_quote('"we have NEVER closed it in forty years, and we are not going to close it now"',
                        TRANSCRIPT.replace("'", "’"))
    assert check.verdict == "verbatim"


def test_dropped_not_is_a_material_change():
    check = check_quote('"The harbour wall will be finished before the winter storms"', TRANSCRIPT)
    assert check.verdict == "materially altered"
    assert [w.kind for w in check.warnings] == ["negation"]
    assert "not" in check.warnings[0].message
    assert any(op.op == "omitted" and op.source_words == ("not",) for op in check.ops)


def test_added_never_is_a_material_change():
    check = check_quote('"The ferry will never keep running through the winter"', TRANSCRIPT)
    assert check.verdict == "materially altered"
    assert any(w.kind == "negation" and "never" in w.message for w in check.warnings)


def test_contraction_of_not_is_only_minor_wording():
    check = check_quote('"we aren’t going to close it now"', TRANSCRIPT)
    assert check.verdict == "minor wording"
    assert not check.warnings


def test_changed_number_inside_a_quote_is_flagged():
    check = check_quote('"The council has set aside 5.5 million pounds for the repairs"', TRANSCRIPT)
    assert check.verdict == "materially altered"
    assert any(w.kind == "number" and "4.5" in w.message and "5.5" in w.message for w in check.warnings)


def test_changed_name_inside_a_quote_is_flagged():
    check = check_quote('"Councillor Ellis Harwood will chair the oversight panel"', TRANSCRIPT)
    assert any(w.kind == "name" and "Marwick" in w.message for w in check.warnings)


def test_quote_stitched_from_two_places_without_ellipsis_is_flagged():
    quote = ('"The harbour wall will not be finished before the winter storms, '
             'families in Tollbay depend on it every single day"')
    check = check_quote(quote, TRANSCRIPT)
    assert check.verdict == "materially altered"
    assert len(check.segments) == 2
    assert any(w.kind == "stitched" for w in check.warnings)
    first, second = check.segments
    assert TRANSCRIPT[first[0]:first[1]].startswith("The harbour wall")
    assert TRANSCRIPT[second[0]:second[1]].endswith("every single day")


def test_stitched_quote_with_an_ellipsis_is_honest():
    quote = '"The harbour wall will not be finished before the winter storms ... Families in Tollbay depend on it"'
    check = check_quote(quote, TRANSCRIPT)
    assert not any(w.kind in ("stitched", "cut") for w in check.warnings)
    assert check.verdict == "verbatim"


def test_words_cut_from_the_middle_without_ellipsis_are_flagged():
    check = check_quote('"The ferry will keep running. We have never closed it in forty years"', TRANSCRIPT)
    assert [w.kind for w in check.warnings] == ["cut"]
    assert check.verdict == "materially altered"
    assert any(op.op == "omitted" and op.source_words == ("through", "the", "winter") for op in check.ops)


def test_paraphrase_is_not_found():
    check = check_quote('"Our town cannot survive another season without a working boat service"', TRANSCRIPT)
    assert check.verdict == "not found"


def test_loose_echo_of_a_passage_is_not_found_and_warns_of_nothing():
    check = check_quote('"We have never closed it now"', TRANSCRIPT)
    assert check.verdict == "not found"
    assert check.warnings == ()


def test_empty_source_is_not_found():
    assert check_quote('"anything at all"', "").verdict == "not found"


def test_small_wording_change_is_minor():
    check = check_quote('"The ferry will keep running through this winter"', TRANSCRIPT)
    assert check.verdict == "minor wording"
    assert any(op.op == "changed" and op.source_words == ("the",) and op.quote_words == ("this",)
               for op in check.ops)


def test_best_match_wins_over_a_later_restatement():
    text = CAMERON.read_text(encoding="utf-8")
    quote = ("\"As the murders on the streets of Paris reminded us so starkly, Islamic State is not some remote "
             "problem thousands of miles away; it is a direct threat to our security.\"")
    check = check_quote(quote, text)
    assert check.verdict == "verbatim"
    assert text[check.start:check.end].endswith("a direct threat to our security")
    restated = check_quote('"Islamic State is not a distant problem thousands of miles away"', text)
    assert restated.verdict in ("minor wording", "materially altered")


def test_result_serialises_to_plain_json_types():
    import json
    check = check_quote('"The ferry will keep running"', TRANSCRIPT)
    data = json.loads(json.dumps(check.to_dict()))
    assert data["verdict"] == "verbatim" and data["ops"][0]["op"] == "equal"
