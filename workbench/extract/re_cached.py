"""The `re` module for the extraction modules, with each pattern's compiled code read from a file.

Python compiles a regular expression in Python code (parse, then code generation for the C engine): the
~550 patterns the extractor uses cost 0.25-0.35 s of every `workbench extract`, a twentieth of a run over
840 articles. What that work makes, the list of codes the engine runs, depends only on the pattern, its
flags and the Python build. `make install` writes it once for every pattern the extractor compiles
(`python -m workbench.extract.re_cached --build`, into re_codes.marshal beside this file), and compile()
hands a stored list straight to the engine, as re._compiler.compile does after its own work.

A pattern not in the file, a file written by another Python, or no file at all: re.compile, as before.
tests/test_re_cached.py holds every stored pattern equal to what re.compile makes (a compiled pattern
compares equal when its code is the same).
"""
from __future__ import annotations

import marshal
import re as _re
import sys
from array import array
from pathlib import Path
from re import *  # noqa: F403 - everything but compile() and the functions below is re's own
from re import Match, Pattern, RegexFlag  # noqa: F401 - named for readers and type checkers

import _sre

CODES_PATH = Path(__file__).with_name("re_codes.marshal")
# the file is read only if written by this very build of Python, with this engine
_BUILD = (sys.version, _sre.MAGIC, _sre.CODESIZE, 1)
# codes are stored as bytes, an array of unsigned ints the engine's code size: read in a few milliseconds,
# where a marshalled list of 250,000 ints took 20 ms
_CODE_TYPE = "I"
_MAX_KEPT = 2048  # compiled patterns kept in this process, as re keeps 512

_codes: dict[tuple[str, int], tuple] | None = None
_kept: dict[tuple[str, int], Pattern[str]] = {}  # also what --build writes: every pattern compiled


def compile(pattern: str | Pattern[str], flags: int = 0) -> Pattern[str]:  # noqa: A001 - stands in for re's
    """re.compile(pattern, flags), with the code from the stored file when it has this pattern."""
    if isinstance(pattern, Pattern):
        return _re.compile(pattern, flags)  # re's own checks (no flags with a compiled pattern)
    key = (pattern, int(flags))
    found = _kept.get(key)
    if found is None:
        stored = _stored_codes().get(key)
        found = _from_stored(pattern, stored) if stored is not None else _re.compile(pattern, flags)
        if len(_kept) >= _MAX_KEPT:
            _kept.clear()
        _kept[key] = found
    return found


def _from_stored(pattern: str, stored: tuple) -> Pattern[str]:
    final_flags, code, groups, groupindex, indexgroup = stored
    code = array(_CODE_TYPE, code).tolist()
    return _sre.compile(pattern, final_flags, code, groups, groupindex, indexgroup)


def match(pattern, string, flags=0):
    return compile(pattern, flags).match(string)


def search(pattern, string, flags=0):
    return compile(pattern, flags).search(string)


def sub(pattern, repl, string, count=0, flags=0):
    return compile(pattern, flags).sub(repl, string, count)


def findall(pattern, string, flags=0):
    return compile(pattern, flags).findall(string)


def finditer(pattern, string, flags=0):
    return compile(pattern, flags).finditer(string)


def _stored_codes() -> dict[tuple[str, int], tuple]:
    global _codes
    if _codes is None:
        _codes = read_codes(CODES_PATH)
    return _codes


def read_codes(path: Path) -> dict[tuple[str, int], tuple]:
    """(pattern, flags) → the rest of _sre.compile's arguments; empty when the file is missing, unreadable
    or from another build."""
    try:
        build, codes = marshal.loads(path.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        return {}
    if build != _BUILD or not isinstance(codes, dict) or array(_CODE_TYPE).itemsize != _sre.CODESIZE:
        return {}
    return codes


def codes_of(pattern: str, flags: int) -> tuple:
    """What re._compiler.compile passes to _sre.compile after the pattern: its own work, done here once."""
    from re import _compiler, _parser

    parsed = _parser.parse(pattern, flags)
    code = array(_CODE_TYPE, _compiler._code(parsed, flags)).tobytes()
    groupindex = dict(parsed.state.groupdict)
    indexgroup = [None] * parsed.state.groups
    for name, i in groupindex.items():
        indexgroup[i] = name
    return int(flags | parsed.state.flags), code, parsed.state.groups - 1, groupindex, tuple(indexgroup)


def build(path: Path = CODES_PATH) -> int:
    """Write the code of every pattern the extractor compiles: at import, on extracting the texts below and
    the samples (the patterns compiled at first use), and per title for the titles speakers.py knows.
    Returns how many were written; each is checked against re.compile first."""
    from . import extract
    from . import speakers
    from .checkworthiness import sentence_score

    for text in _BUILD_TEXTS:
        extract(text, None)
        sentence_score(text)
    speakers.compile_title_patterns()
    samples = Path(__file__).resolve().parents[2] / "sample_articles"
    if samples.is_dir():
        from ..errors import WorkbenchError
        from ..ingest import read_article

        for sample in sorted(samples.iterdir()):
            try:
                extract(read_article(sample).body, None)
            except WorkbenchError:  # a sample that cannot be read adds no patterns; the others still do
                continue
    codes = {}
    for pattern, flags in sorted(_kept):
        stored = codes_of(pattern, flags)
        if _from_stored(pattern, stored) != _re.compile(pattern, flags):
            continue  # never seen; but a pattern the engine would run differently is left to re.compile
        codes[(pattern, flags)] = stored
    tmp = path.with_suffix(".tmp")
    tmp.write_bytes(marshal.dumps((_BUILD, codes)))
    tmp.replace(path)
    return len(codes)


_BUILD_TEXTS = (
    'Warm up: 5 per cent on 3 May. "Hi," he said. Mr. Pike, the mayor, said 3 people died.',
    "Prime Minister Ana Ruiz said the minister, a spokesman for the party, told the Department of Health "
    "that the 61-year-old spokesman had won gold, the highest since 1990, up 3.5% from £4bn.",
)


if __name__ == "__main__":
    if sys.argv[1:] != ["--build"]:
        sys.exit("usage: python -m workbench.extract.re_cached --build")
    from workbench.extract import re_cached  # the module the extractor uses, not this __main__ copy

    print(f"{re_cached.build()} compiled patterns written to {re_cached.CODES_PATH}")
