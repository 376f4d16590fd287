"""The streamed feed reader (workbench.factchecks.feed, issue 19's import speed): each entry of a feed's list
decoded by json's C decoder from a buffer refilled chunk by chunk. Whatever the chunk size, and so wherever
an entry, a string, an escape or a UTF-8 character is cut, the entries read are those json.loads reads;
entries too deep or too long are read past by the bracket scanner and the feed goes on after them."""
from __future__ import annotations

import io
import json

import pytest

from workbench.factchecks import feed
from workbench.factchecks.read import FactCheck, Skipped, read_file

# Entries chosen to be cut in awkward places: brackets and quotes inside strings, escapes of every kind
# (a backslash before a quote, \uXXXX, a surrogate pair), multi-byte UTF-8, numbers that a cut would shorten,
# bare values, nesting within an entry, empty containers.
TRICKY = [
    {"@type": "ClaimReview", "claimReviewed": 'He said "[1, 2]" and {x} ]}', "url": "https://x.example/1"},
    {"s": 'a \\" b \\\\" c', "t": "back\\slash\\", "q": "\"", "e": "\u00e9\u20ac\U0001f600 \ud7ff"},
    {"n": [1234567890, -1.5e+10, 0.000123, 7, -0.0, 1e-7], "b": [True, False, None]},
    "a bare string, with [brackets] and \"quotes\"",
    1234567890123,
    -12.5e-3,
    True,
    None,
    [],
    {},
    json.loads("[" * 40 + '{"deep": "but within reason ]]]"}' + "]" * 40),
    {"unicode": "«Ça» — 北京 — \u2028 — ﬁ", "escaped": "\\u005d \\n \\t \\/ \\b"},
    {"last": "entry", "url": "https://x.example/last"},
]


def read_entries(text: str, read_bytes: int) -> list:
    """The entries of the list at the start of `text`, read `read_bytes` at a time."""
    source = feed.Text(io.BytesIO(text.encode("utf-8")), read_bytes=read_bytes)
    assert source.skip_space() == "["
    source.pos += 1
    return list(feed.entries(source))


@pytest.mark.parametrize("indent", [None, 2])
def test_entries_cut_at_every_chunk_size_read_as_json_reads_them(indent):
    text = json.dumps(TRICKY, indent=indent, ensure_ascii=False)
    escaped = json.dumps(TRICKY, indent=indent)  # \uXXXX escapes, surrogate pairs cut between their halves
    expected = json.loads(text)
    for read_bytes in [*range(1, 40), 97, 256, 4096, 1 << 20]:
        assert read_entries(text, read_bytes) == expected, read_bytes
        assert read_entries(escaped, read_bytes) == expected, read_bytes


def test_an_entry_nested_too_deep_is_read_past_wherever_the_chunks_cut_it():
    deep = "[" * 5000 + '"]]]", {"a": "\\"}}}"}' + "]" * 5000
    text = f'[{json.dumps(TRICKY[0])}, {deep}, {{"after": "the deep one ]"}}]'
    for read_bytes in (1, 7, 64, 1000, 1 << 20):
        assert read_entries(text, read_bytes) == [TRICKY[0], feed.TOO_DEEP, {"after": "the deep one ]"}]


def test_an_entry_too_long_is_read_past_and_the_next_one_read(monkeypatch):
    monkeypatch.setattr(feed, "MAX_ENTRY_CHARS", 1000)
    long_string = '"' + 'x \\" ] [ {' * 400 + '"'
    long_object = '{"claimReviewed": "' + "y" * 3000 + '", "more": [1, 2, {"z": "]"}]}'
    text = f'[{long_string}, {{"a": 1}}, {long_object}, {{"b": "]"}}]'
    for read_bytes in (3, 100, 999, 1 << 20):
        assert read_entries(text, read_bytes) == [feed.TOO_BIG, {"a": 1}, feed.TOO_BIG, {"b": "]"}]


def test_a_number_of_thousands_of_digits_is_read_past():
    text = '[{"ratingValue": ' + "9" * 10_000 + '}, {"a": "after"}]'
    assert read_entries(text, 4096) == [feed.BIG_NUMBER, {"a": "after"}]


@pytest.mark.parametrize("text, says", [
    ('[{"a": 1} {"b": 2}]', "expecting ',' or ']'"),
    ('[{"a": 1}, {"b" 2}]', "Expecting ':' delimiter"),
    ('[{"a": 1}, {"b": 2}', "the text ends inside the list"),
    ('[{"a": 1}, {"b": "never closed', "the text ends inside an entry"),
    ('[{"a": 1}, [[[[' + "[" * 5000, "the text ends inside an entry"),
    ('[{"a": 1},]', "Expecting value"),
])
def test_broken_json_is_said_after_the_entries_before_it(text, says):
    whole = [{"a": 1}, {"b": 2}] if text.startswith('[{"a": 1}, {"b": 2}') else [{"a": 1}]
    for read_bytes in (2, 1 << 20):
        source = feed.Text(io.BytesIO(text.encode()), read_bytes=read_bytes)
        source.skip_space()
        source.pos += 1
        read = []
        with pytest.raises(feed.Broken, match=says.replace("[", r"\[")):
            for entry in feed.entries(source):
                read.append(entry)
        assert read == whole


def test_list_start_finds_the_list_after_other_keys_and_refuses_what_is_no_feed():
    keys = ("dataFeedElement", "claims")
    head = ' {"@context": {"x": ["[", "dataFeedElement"]}, "claims": "no list", "dataFeedElement" : [ {'
    assert head[feed.list_start(head, keys):].startswith(" {")
    assert feed.list_start(' [{"a": 1}]', keys) == 2
    assert feed.list_start('{"@type": "ClaimReview", "url": "x"}', keys) is None  # one object
    assert feed.list_start('{"a": "cut in the mid', keys) is None  # the head ends first: read whole
    assert feed.list_start('{"a":' * 5000, keys) is None


def test_a_feed_not_utf8_keeps_the_entries_before_the_bad_bytes(tmp_path):
    """Latin-1 past the head: the entries before it are read, then one line says what to do."""
    good = [{"@type": "ClaimReview", "url": f"https://x.example/{i}", "claimReviewed": f"Claim {i} on rents"}
            for i in range(12000)]
    path = tmp_path / "latin1.json"
    path.write_bytes(json.dumps({"dataFeedElement": good})[:-2].encode() + b', {"@type": "ClaimReview", '
                     b'"url": "https://x.example/late", "claimReviewed": "Caf\xe9 prices rose"}]}')
    assert path.stat().st_size > 1 << 20  # past the head read to find the list
    results = list(read_file(str(path)))
    assert sum(isinstance(r, FactCheck) for r in results) == 12000
    assert results[-1] == Skipped(f"{path}: after entry 12000", "not UTF-8 text; re-save the feed as UTF-8")


def test_a_utf8_character_cut_between_chunks_and_a_byte_order_mark_read_whole():
    text = "\ufeff" + json.dumps([{"claim": "é" * 50 + "€" * 50 + "\U0001f600" * 50}], ensure_ascii=False)
    for read_bytes in range(1, 12):
        source = feed.Text(io.BytesIO(text.encode("utf-8")), read_bytes=read_bytes)
        assert source.skip_space() == "["
        source.pos += 1
        assert list(feed.entries(source)) == json.loads(text[1:])
