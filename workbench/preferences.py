"""One reviewer's own preferences and key bindings, kept in TOML files in the platform's config folder
(not in the database: a desk shares the database, and one reviewer's keys are not another's).

preferences.toml holds `auto_advance = true` and the folder of the last export; keymap.toml maps
binding ids to keys, e.g. `"review.down" = "j,down"`. $WORKBENCH_CONFIG_DIR moves the folder (tests,
several profiles)."""
from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

from .errors import BadInput

PREFERENCES_FILE = "preferences.toml"
KEYMAP_FILE = "keymap.toml"
_YES, _NO = ("yes", "true", "on", "1"), ("no", "false", "off", "0")


@dataclass(frozen=True)
class Preference:
    key: str
    meaning: str
    default: bool


PREFERENCES = (
    Preference("auto_advance", "yes: after a verdict or a reject the list moves to the next claim", True),
)
KEYS = tuple(p.key for p in PREFERENCES)


def config_dir() -> Path:
    """$WORKBENCH_CONFIG_DIR, else the platform's user config folder (~/.config/claim-workbench on Linux)."""
    env = os.environ.get("WORKBENCH_CONFIG_DIR")
    if env:
        return Path(env).expanduser()
    from platformdirs import user_config_dir

    return Path(user_config_dir("claim-workbench", appauthor=False))


def _read(path: Path) -> dict:
    """A TOML file's table; a missing file is empty, a broken one is BadInput naming the file and the line."""
    try:
        f = path.open("rb")
    except FileNotFoundError:
        return {}
    except OSError as exc:
        raise BadInput(f"{path}: cannot be read ({exc.strerror})") from None
    import tomllib  # here: most start-ups have no such file to parse

    with f:
        try:
            return tomllib.load(f)
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise BadInput(f"{path}: {exc}; fix or delete the file") from None
        except OSError as exc:
            raise BadInput(f"{path}: cannot be read ({exc.strerror})") from None


def load_preferences() -> dict[str, bool]:
    """Every preference, the file's value or the default."""
    stored = _read(config_dir() / PREFERENCES_FILE)
    return {p.key: bool(stored.get(p.key, p.default)) for p in PREFERENCES}


def set_preference(key: str, value: str | bool) -> bool:
    """Store one preference ("yes"/"no" as typed on the command line, or a bool); returns the value stored."""
    if key not in KEYS:
        raise BadInput(f"no preference {key!r}; use one of: {', '.join(KEYS)}")
    if isinstance(value, str):
        if value.strip().lower() not in _YES + _NO:
            raise BadInput(f"{key} is yes or no, not {value!r}")
        value = value.strip().lower() in _YES
    _write({key: value})
    return value


def _write(changes: dict[str, bool | str]) -> None:
    """preferences.toml with `changes` over what it holds; unknown keys are kept as they were."""
    path = config_dir() / PREFERENCES_FILE
    values = {**_read(path), **changes}
    path.parent.mkdir(parents=True, exist_ok=True)
    lines = [f"{k} = {('true' if v else 'false') if isinstance(v, bool) else json.dumps(str(v))}\n"
             for k, v in values.items() if isinstance(v, (bool, str))]  # a JSON string is a TOML basic string
    spare = path.with_suffix(".toml.tmp")  # written whole, then renamed: a crash never leaves half a file
    spare.write_text("".join(lines), encoding="utf-8")
    spare.replace(path)


def default_export_folder() -> Path:
    """Where an export is offered: the folder last written to, else Documents, else Downloads, else home;
    never the current folder (a git clone, in the trial of issue 17)."""
    try:
        last = _read(config_dir() / PREFERENCES_FILE).get("export_folder")
    except BadInput:
        last = None
    from platformdirs import user_documents_dir, user_downloads_dir

    home = Path.home()
    for folder in (last, user_documents_dir(), home / "Documents", user_downloads_dir(), home / "Downloads"):
        if folder and Path(folder).is_dir():
            return Path(folder)
    return home


def remember_export_folder(folder: Path) -> None:
    """The next export (in this session or the next) is offered this folder; not saved is not an error."""
    try:
        _write({"export_folder": str(folder)})
    except (BadInput, OSError):
        pass


def load_keymap() -> dict[str, str]:
    """Binding id → keys ("j,down"), from keymap.toml; Textual's App.set_keymap takes it as it is."""
    keymap = _read(config_dir() / KEYMAP_FILE)
    bad = [k for k, v in keymap.items() if not isinstance(v, str) or not v.strip()]
    if bad:
        raise BadInput(f"{config_dir() / KEYMAP_FILE}: {bad[0]!r} needs keys as a string, e.g. \"j,down\"")
    return {k: v.strip() for k, v in keymap.items()}
