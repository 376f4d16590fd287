"""The patterns the TUI's start seeds into re's cache are the patterns re.compile makes.

A compiled pattern compares equal to another only when its pattern, flags and engine code are the same,
so equality here means a seeded pattern runs exactly as a freshly compiled one would. Each test runs in a
fresh interpreter: seeding changes that process's re cache, and the build runs the app.
"""
from __future__ import annotations

import json
import marshal
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def run(code: str) -> dict:
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_the_start_s_patterns_are_stored_and_each_is_what_re_compile_makes(tmp_path):
    path = tmp_path / "codes.marshal"
    got = run(f"""
import json, re
from re import _compiler
from workbench import start_codes
written = start_codes.build({str(path)!r})
build, codes = __import__("marshal").loads(open({str(path)!r}, "rb").read())
same = all(start_codes._from_stored(p, stored) == _compiler.compile(p, f) for (p, f), stored in codes.items())
print(json.dumps({{"written": written, "stored": len(codes), "same": same,
                   "patterns": [p for p, f in codes if isinstance(p, str)]}}))
""")
    assert got["written"] == got["stored"] > 40
    assert got["same"]
    # Textual's CSS tokenizer and its terminal driver's input parser are among them
    assert any("comment_start" in p for p in got["patterns"])
    assert any(p.startswith("\\x1b\\[<") for p in got["patterns"])


def test_seeded_patterns_are_what_re_compile_returns_and_they_match_alike(tmp_path):
    path = tmp_path / "codes.marshal"
    got = run(f"""
import json, re
from workbench import start_codes
start_codes.build({str(path)!r})
re.purge()
seeded = start_codes.seed({str(path)!r})
build, codes = __import__("marshal").loads(open({str(path)!r}, "rb").read())
(pattern, flags) = next((p, f) for (p, f) in codes if isinstance(p, str) and "comment_start" in p)
from_cache = re._cache[(str, pattern, flags)]
returned = re.compile(pattern, flags)
text = "Screen {{ color: red; }} /* a comment */ #id .class"
fresh = re._compiler.compile(pattern, flags)
print(json.dumps({{"seeded": seeded, "stored": len(codes), "is_cached": returned is from_cache,
                   "same": [m.span() for m in returned.finditer(text)] == [m.span() for m in fresh.finditer(text)],
                   "groups": returned.groupindex == fresh.groupindex, "again": start_codes.seed({str(path)!r})}}))
""")
    assert got["seeded"] == got["stored"]
    assert got["is_cached"] and got["same"] and got["groups"]
    assert got["again"] == 0  # already in the cache: nothing is replaced


def test_a_file_from_another_python_a_broken_or_missing_file_seeds_nothing(tmp_path):
    path = tmp_path / "codes.marshal"
    build = run(f"""
import json
from workbench import start_codes
start_codes.build({str(path)!r})
print(json.dumps({{"ok": True}}))
""")
    assert build["ok"]
    stamp, codes = marshal.loads(path.read_bytes())
    other = tmp_path / "other.marshal"
    other.write_bytes(marshal.dumps((("another python", *stamp[1:]), codes)))
    broken = tmp_path / "broken.marshal"
    broken.write_bytes(b"not marshal at all")
    got = run(f"""
import json, re
from workbench import start_codes
re.purge()
print(json.dumps([start_codes.seed(p) for p in ({str(other)!r}, {str(broken)!r}, {str(tmp_path / 'missing')!r})]
                 + [len(re._cache)]))
""")
    assert got == [0, 0, 0, 0]
