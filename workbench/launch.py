"""The `workbench` command's entry point. Bare `workbench` (with --db and --reviewer at most) opens the TUI on
the library, the command a reviewer runs most; that case is read here, and the TUI opened without importing
click and the definitions of every other command (cli.py), which were ~60 M of the ~1,220 M instructions
from the command to the library's first frame.

Everything else goes to cli.main, as before: a subcommand, --help, --version, an option this does not
know, an option given twice or without a value, a value that starts with "-", an empty $WORKBENCH_DB, a
--db that click's path check would refuse, shell completion. So does any error: cli.main is then run on
the same arguments, and opening the TUI raises the error there (cli._launch_failure), which reports it as
it reports every command's (one line and exit 1, the crash log and exit 70, ^C and exit 130).
"""
from __future__ import annotations

import gc
import os
import stat
import sys

OPTIONS = ("--db", "--reviewer")


def main() -> None:
    options = tui_options(sys.argv[1:], os.environ)
    if options is None:
        return _cli()
    try:
        from .options import Settings

        settings = Settings(options.get("--db"), options.get("--reviewer"))
        # as cli._open_tui: no cycle collections in Textual's imports (WorkbenchApp.settle_memory turns the
        # collector back on), and the start's regex codes seeded first (start_codes.py)
        gc.disable()
        from .start_codes import seed

        seed()
        try:
            from .tui.app import run_app
        except ImportError:  # no Textual: cli lists the articles instead, as it does
            gc.enable()
            return _cli()
        run_app(settings.db, settings.reviewer)
    except SystemExit:
        raise
    except BaseException as exc:  # noqa: BLE001 -- every failure is cli's to report, as its own
        return _cli(exc)
    sys.exit(0)


def tui_options(args: list[str], env) -> dict[str, str] | None:
    """{"--db": path, "--reviewer": name} (either may be missing) when `args` open the TUI as click would
    read them, with the path click's check would take; None when click is to read them."""
    if env.get("_WORKBENCH_COMPLETE"):
        return None
    found: dict[str, str] = {}
    rest = iter(args)
    for arg in rest:
        name, equals, value = arg.partition("=")
        if name not in OPTIONS or name in found:
            return None
        if not equals:
            value = next(rest, "")
        if not value or value.startswith("-"):
            return None
        found[name] = value
    if "--db" not in found and "WORKBENCH_DB" in env:
        if not env["WORKBENCH_DB"]:
            return None
        found["--db"] = env["WORKBENCH_DB"]
    if "--db" in found and not _a_file_path_click_takes(found["--db"]):
        return None
    return found


def _a_file_path_click_takes(path: str) -> bool:
    """cli's FilePath (click.Path, dir_okay=False, readable): a path that does not exist yet, or a readable
    file that is not a folder."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return True
    except ValueError:  # a NUL: cli's own message
        return False
    return not stat.S_ISDIR(mode) and os.access(path, os.R_OK)


def _cli(failure: BaseException | None = None) -> None:
    from . import cli

    cli._launch_failure = failure
    cli.main()
