"""The regular expressions that opening the TUI compiles (Textual's, Rich's, click's, the terminal driver's),
handed to `re`'s own cache from a file instead of compiled at every launch.

Textual's CSS tokenizer, Rich's markup and the terminal driver compile ~70 patterns while `workbench` starts:
~90 M of the ~1,280 M instructions from the command to the library's first frame (callgrind), ~7 % of the
launch. What the compiling makes depends only on the pattern, its flags and the Python build (as for the
extractor's patterns, extract/re_cached.py, whose stored form this file shares). `make install` runs the
TUI's start once, headless, and stores the code of every pattern then in `re`'s cache
(`python -m workbench.start_codes --build`, into start_codes.marshal beside this file). At launch, seed()
puts each stored pattern into `re`'s cache, where re.compile, re.match and the rest look first: the same
pattern object they would have made and cached themselves.

A file written by another Python, a Python whose `re` keeps its cache otherwise, or no file: nothing is
seeded, and every pattern is compiled as before. build() stores a pattern only when the code built from the
file equals re's own compile of it, the compile warned of nothing, and a seeded pattern is what
re.compile then returns (tests/test_start_codes.py).
"""
from __future__ import annotations

import marshal
import os
import re
import sys

import _sre

CODES_PATH = os.path.join(os.path.dirname(os.path.abspath(__file__)), "start_codes.marshal")
_BUILD = (sys.version, _sre.MAGIC, _sre.CODESIZE, 1)  # as re_cached's: read only by this very build
_CODE_TYPE = "I"


def seed(path: str = CODES_PATH) -> int:
    """Put the stored patterns into re's cache (those not there yet, while it has room); how many."""
    cache, room = getattr(re, "_cache", None), getattr(re, "_MAXCACHE", 0)
    if not isinstance(cache, dict) or not isinstance(room, int):
        return 0
    try:
        with open(path, "rb") as f:
            build, codes = marshal.loads(f.read())
    except (OSError, EOFError, ValueError, TypeError):
        return 0
    if build != _BUILD or not isinstance(codes, dict):
        return 0
    from array import array

    if array(_CODE_TYPE).itemsize != _sre.CODESIZE:
        return 0
    seeded = 0
    for (pattern, flags), (final_flags, code, groups, groupindex, indexgroup) in codes.items():
        key = (type(pattern), pattern, flags)
        if key in cache:
            continue
        if len(cache) >= room:
            break
        cache[key] = _sre.compile(pattern, final_flags, array(_CODE_TYPE, code).tolist(), groups, groupindex,
                                  indexgroup)
        seeded += 1
    return seeded


def build(path: str = CODES_PATH) -> int:
    """Run the TUI's start headless (on an empty database in a temporary folder) and store every pattern
    then in re's cache that passes the checks above. Returns how many were written."""
    import asyncio
    import tempfile
    import warnings

    from re import _compiler

    with tempfile.TemporaryDirectory() as folder:
        asyncio.run(_start_once(os.path.join(folder, "start.db")))
    compiled = list(re._cache)  # before the extractor's module below adds its own
    from .extract.re_cached import codes_of

    codes = {}
    for kind, pattern, flags in compiled:
        if kind not in (str, bytes) or flags & re.DEBUG:
            continue
        with warnings.catch_warnings(record=True) as warned:
            warnings.simplefilter("always")
            fresh = _compiler.compile(pattern, flags)
        stored = codes_of(pattern, flags)
        if warned or _from_stored(pattern, stored) != fresh:
            continue  # a compile that warns keeps warning; a pattern the engine would run otherwise is re's
        codes[(pattern, flags)] = stored
    if not _seeding_works(codes):
        codes = {}
    tmp = path + ".tmp"
    with open(tmp, "wb") as f:
        f.write(marshal.dumps((_BUILD, codes)))
    os.replace(tmp, path)
    return len(codes)


async def _start_once(db_path: str) -> None:
    """What `workbench` compiles before the library's first frame: the command's imports, the terminal
    driver's (a headless run does not load it), and the app up to its first screen with rows."""
    import textual._xterm_parser  # noqa: F401
    import textual.drivers.linux_driver  # noqa: F401

    from . import cli  # noqa: F401
    from .store import open_db
    from .tui.app import WorkbenchApp

    app = WorkbenchApp(open_db(db_path), "start-codes")
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()


def _from_stored(pattern, stored: tuple):
    from array import array

    final_flags, code, groups, groupindex, indexgroup = stored
    return _sre.compile(pattern, final_flags, array(_CODE_TYPE, code).tolist(), groups, groupindex, indexgroup)


def _seeding_works(codes: dict) -> bool:
    """Whether this Python's re.compile returns what seed() put in its cache (its cache is a private detail,
    kept as a dict keyed (type, pattern, flags) in the Pythons this was written for)."""
    if not codes:
        return False
    probe = r"(?P<start_codes_probe>q)\1 (?# a pattern nothing else compiles)"
    key = (str, probe, 0)
    cache = getattr(re, "_cache", None)
    if not isinstance(cache, dict):
        return False
    made = _from_stored(probe, _codes_of(probe))
    cache.pop(key, None)
    cache[key] = made
    try:
        return re.compile(probe) is made
    finally:
        cache.pop(key, None)


def _codes_of(pattern: str) -> tuple:
    from .extract.re_cached import codes_of

    return codes_of(pattern, 0)


if __name__ == "__main__":
    if sys.argv[1:] != ["--build"]:
        sys.exit("usage: python -m workbench.start_codes --build")
    from workbench import start_codes  # the module the command uses, not this __main__ copy

    print(f"{start_codes.build()} compiled patterns written to {start_codes.CODES_PATH}")
