"""`workbench` with no subcommand opens the TUI without click (launch.py); everything else, and every error,
is cli.py's, with the same output and exit status as `python -m workbench.cli` gives."""
from __future__ import annotations

import os
import pty
import select
import subprocess
import sys
import time
from pathlib import Path

import pytest

from workbench.launch import tui_options

ROOT = Path(__file__).resolve().parents[1]
LAUNCH = [sys.executable, "-c", "from workbench.launch import main; main()"]
CLI = [sys.executable, "-m", "workbench.cli"]


@pytest.mark.parametrize("args, env, expected", [
    ([], {}, {}),
    (["--db", "a.db"], {}, {"--db": "a.db"}),
    (["--db=a.db", "--reviewer", "ann"], {}, {"--db": "a.db", "--reviewer": "ann"}),
    (["--reviewer=ann b"], {"WORKBENCH_DB": "env.db"}, {"--reviewer": "ann b", "--db": "env.db"}),
    (["--db", "a.db"], {"WORKBENCH_DB": "env.db"}, {"--db": "a.db"}),  # the option wins, as in click
    (["--db"], {}, None),  # no value: click's message
    (["--db", "a.db", "--db", "b.db"], {}, None),  # twice
    (["--db", "--reviewer", "ann"], {}, None),  # a value that looks like an option
    (["--reviewer", ""], {}, None),
    (["search", "x"], {}, None),
    (["--db", "a.db", "review", "3"], {}, None),
    (["--help"], {}, None),
    (["--version"], {}, None),
    (["--d", "a.db"], {}, None),  # click takes no abbreviations, nor does this
    ([], {"WORKBENCH_DB": ""}, None),
    ([], {"_WORKBENCH_COMPLETE": "bash_complete"}, None),
])
def test_only_the_bare_command_with_its_two_options_is_read_without_click(args, env, expected):
    assert tui_options(args, env) == expected


def test_a_folder_as_the_database_is_left_to_click(tmp_path):
    assert tui_options(["--db", str(tmp_path)], {}) is None
    assert tui_options(["--db", str(tmp_path / "new.db")], {}) == {"--db": str(tmp_path / "new.db")}


def _run(command: list[str], *args: str, env: dict | None = None) -> tuple[int, str, str]:
    done = subprocess.run([*command, *args], capture_output=True, text=True, cwd=ROOT, timeout=60,
                          env={**os.environ, **(env or {})}, stdin=subprocess.DEVNULL)
    return done.returncode, done.stdout, done.stderr


@pytest.mark.parametrize("case", ["folder", "damaged", "reviewer", "help", "version", "unknown", "twice"])
def test_what_the_command_says_and_returns_is_cli_s(tmp_path, case):
    damaged = tmp_path / "damaged.db"
    damaged.write_bytes(b"this is no SQLite database, though its name says so" * 100)
    args = {"folder": ["--db", str(tmp_path)],
            "damaged": ["--db", str(damaged), "--reviewer", "ann"],
            "reviewer": ["--db", str(tmp_path / "new.db"), "--reviewer", "\x1b]52;c;\x07"],
            "help": ["--help"], "version": ["--version"], "unknown": ["--dbx", "a.db"],
            "twice": ["--db", "a.db", "--db"]}[case]
    launched = _run(LAUNCH, *args)
    assert launched == _run(CLI, *args)
    assert launched[0] == (0 if case in ("help", "version") else 1 if case in ("damaged", "reviewer") else 2)
    if case == "damaged":
        assert "is not a SQLite database" in launched[2]
        assert damaged.read_bytes().startswith(b"this is no SQLite")


def _library_db(tmp_path: Path) -> Path:
    path = tmp_path / "lib.db"
    text = tmp_path / "story.txt"
    text.write_text("Harbour levy vote\n\nThe council said the harbour levy rose 12 per cent in 2024, "
                    "and the mayor said 300 jobs were at stake.\n", encoding="utf-8")
    assert _run(CLI, "--db", str(path), "--reviewer", "ann", "import", str(text))[0] == 0
    return path


def _in_a_terminal(args: list[str], steps: list[tuple[bytes, bytes]], env: dict) -> tuple[int, bytes]:
    """The command in a pseudo-terminal of its own; each step's keys typed, then its bytes awaited on the
    screen (the first step's keys are typed at once, before the command has started); then the exit."""
    pid, fd = pty.fork()
    if pid == 0:  # the child: the command, in the terminal
        os.chdir(ROOT)
        os.execve(args[0], args, {**os.environ, "TERM": "xterm-256color", "COLUMNS": "100", "LINES": "30",
                                  **env})
    seen, deadline, status, step = b"", time.monotonic() + 30, None, 0
    os.write(fd, steps[0][0])
    while time.monotonic() < deadline:
        ready, _, _ = select.select([fd], [], [], 0.05)
        if ready:
            try:
                seen += os.read(fd, 65536)
            except OSError:  # the terminal closed: the command ended
                pass
        if step < len(steps) and steps[step][1] in seen:
            step += 1
            if step < len(steps):
                os.write(fd, steps[step][0])
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            break
    else:
        os.kill(pid, 9)
        os.waitpid(pid, 0)
        raise AssertionError(f"no exit in 30 s (step {step}); saw {seen[-2000:]!r}")
    os.close(fd)
    assert step == len(steps), f"exited at step {step}; saw {seen[-2000:]!r}"
    return os.waitstatus_to_exitcode(status), seen


def test_the_bare_command_opens_the_library_without_click_and_keeps_keys_typed_at_once(tmp_path):
    """The TUI through launch.py, in a terminal: "levy" typed before the app has started filters the library
    (keys typed at once are not lost), ctrl+q quits, and neither click, cli.py nor model.py was imported on the way
    (-X importtime's list, written to the same terminal)."""
    db = _library_db(tmp_path)
    env = {"WORKBENCH_CONFIG_DIR": str(tmp_path / "config"), "PYTHONPROFILEIMPORTTIME": "1"}
    code, seen = _in_a_terminal([sys.executable, "-c", "from workbench.launch import main; main()",
                                 "--db", str(db), "--reviewer", "ann"],
                                [(b"levy", b"1 article matching 'levy'"), (b"\x11", b"")], env)
    assert code == 0
    assert b"Harbour levy vote" in seen
    imported = seen.decode("utf-8", "replace")
    assert "workbench.tui.library" in imported  # (the import list did reach the screen)
    assert " click" not in imported and "workbench.cli" not in imported
    assert "workbench.model" not in imported  # the store opens without the extractor's dataclasses
