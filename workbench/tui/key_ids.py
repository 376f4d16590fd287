"""The keys of a screen with the ids that rebind them, for writing keymap.toml (ctrl+p → Key ids)."""
from __future__ import annotations

from rich.text import Text

from ..preferences import KEYMAP_FILE, config_dir


def key_ids_text(app, screen) -> Text:
    """Every binding with an id that works here (focused widget up to the app), its keys now, and where
    the keymap lives."""
    out = Text(end="")
    out.append(f"Rebind any key in {config_dir() / KEYMAP_FILE}, one line per id, e.g.\n", style="bold")
    out.append('    "review.down" = "j,down"\n    "review.next_unreviewed" = "n"\n\n')
    seen: set[str] = set()
    for _node, bindings_map in screen._binding_chain:  # the focused widget, its parents, the screen, the app
        bindings = [b for key in bindings_map.key_to_bindings.values() for b in key]  # keymap applied
        for binding in bindings:
            if binding.id and binding.id not in seen:
                seen.add(binding.id)
                keys = ", ".join(app.get_key_display(b) for b in bindings if b.id == binding.id)
                out.append(f"{binding.id:<28}", style="bold")
                out.append(f"{keys:<16} {binding.description or binding.action}\n")
    return out
