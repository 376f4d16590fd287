"""The extractor's patterns built from stored code are the patterns re.compile makes.

A compiled pattern compares equal to another only when its pattern, flags and engine code are the same,
so equality here means the stored code runs exactly as freshly compiled code would.
"""
from __future__ import annotations

import marshal
import re
import subprocess
import sys
from pathlib import Path

from workbench.extract import re_cached, speakers
from workbench.extract.quantities import FIGURE

ROOT = Path(__file__).resolve().parents[1]


def test_every_stored_pattern_is_what_re_compile_makes(tmp_path):
    path = tmp_path / "codes.marshal"
    written = re_cached.build(path)
    codes = re_cached.read_codes(path)
    assert written == len(codes) > 200  # the patterns compiled at import and on first use
    for (pattern, flags), stored in codes.items():
        assert re_cached._from_stored(pattern, stored) == re.compile(pattern, flags), pattern[:80]
    assert (speakers.REPORTED_SPEAKER.pattern, 0) in codes  # (pattern, the flags compile was given)
    assert (FIGURE.pattern, int(FIGURE.flags & ~re.IGNORECASE)) in codes  # its case-sensitive form
    # the per-title patterns of the titles speakers.py knows, which no sample may call for
    for word in ("mayor", "spokeswoman", "ministry"):
        assert all((p.pattern, 0) in codes for p in speakers._role_anchors(word))
        assert (speakers._unnamed_pattern(word).pattern, 0) in codes
    assert (speakers._organisation_pattern("ministry").pattern, 0) in codes


def test_a_stored_pattern_matches_as_the_compiled_one(tmp_path):
    path = tmp_path / "codes.marshal"
    re_cached.build(path)
    key = (speakers.NAME_THEN_PRONOUN.pattern, 0)
    stored = re_cached.read_codes(path)[key]
    built = re_cached._from_stored(*key[:1], stored)
    text = "Ana Ruiz (D-Ore.) said that she would. Pike and his wife left."
    assert [(m.span(), m.groupdict()) for m in built.finditer(text)] == \
        [(m.span(), m.groupdict()) for m in re.compile(key[0]).finditer(text)]
    assert built.groupindex == {"name": 1, "pron": 2}


def test_a_file_from_another_python_or_a_broken_file_is_not_read(tmp_path):
    path = tmp_path / "codes.marshal"
    re_cached.build(path)
    build, codes = marshal.loads(path.read_bytes())
    path.write_bytes(marshal.dumps((("another python", *build[1:]), codes)))
    assert re_cached.read_codes(path) == {}
    path.write_bytes(b"not marshal at all")
    assert re_cached.read_codes(path) == {}
    assert re_cached.read_codes(tmp_path / "missing.marshal") == {}


def test_compile_and_the_module_functions_are_re_s(tmp_path):
    fresh = r"(?P<word>z[a-y]+)\s+q(?# a pattern in no stored file)"
    assert re_cached.compile(fresh) == re.compile(fresh)
    assert re_cached.compile(fresh, re.IGNORECASE) == re.compile(fresh, re.IGNORECASE)
    assert re_cached.compile(re.compile("a")) == re.compile("a")
    assert re_cached.sub(r"(\d+)", r"<\1>", "3 and 44") == "<3> and <44>"
    assert re_cached.match(r"\w+", "abc def").group() == "abc"
    assert re_cached.search(r"d\w+", "abc def").group() == "def"
    assert re_cached.findall(r"\d", "a1b2") == ["1", "2"]
    assert [m.span() for m in re_cached.finditer(r"b", "abcb")] == [(1, 2), (3, 4)]
    assert re_cached.IGNORECASE is re.IGNORECASE and re_cached.escape("a.b") == re.escape("a.b")


def test_the_build_command_writes_the_file(tmp_path):
    # what make install runs: it writes beside the module, where the running tree reads it
    done = subprocess.run([sys.executable, "-m", "workbench.extract.re_cached", "--build"], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "compiled patterns written to" in done.stdout
    assert len(re_cached.read_codes(re_cached.CODES_PATH)) > 200
    wrong = subprocess.run([sys.executable, "-m", "workbench.extract.re_cached"], cwd=ROOT,
                           capture_output=True, text=True, timeout=60)
    assert wrong.returncode != 0 and "usage" in wrong.stderr
