"""The footer: every active key on one line, painted by one widget.

Textual's Footer builds one widget per key and rebuilds them all whenever focus or the screen
changes; on the review screen (20 keys) that cost ~200 ms of every open. This bar keeps the same
look and the same click-to-press, but renders one line of text and repaints on change."""
from __future__ import annotations

from rich.style import Style
from rich.text import Text
from textual import events
from textual.widget import Widget


class KeyBar(Widget, can_focus=False):
    ALLOW_SELECT = False
    COMPONENT_CLASSES = {"key-bar--key", "key-bar--description"}
    DEFAULT_CSS = """
    KeyBar {
        dock: bottom;
        height: 1;
        width: 1fr;
        color: $footer-foreground;
        background: $footer-background;
        text-wrap: nowrap;
        text-overflow: ellipsis;
        & > .key-bar--key { color: $footer-key-foreground; background: $footer-key-background; text-style: bold; }
        & > .key-bar--description { color: $footer-description-foreground;
                                    background: $footer-description-background; }
    }
    """

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self._hits: list[tuple[int, int, str, bool]] = []  # (x0, x1, key, enabled) of each shown key

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, lambda _screen: self.refresh())

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def render(self) -> Text:
        key_style = self.get_component_rich_style("key-bar--key")
        description_style = self.get_component_rich_style("key-bar--description")
        line = Text(end="", no_wrap=True, overflow="ellipsis")
        self._hits = []
        seen: set[str] = set()
        palette = None
        for _node, binding, enabled, _tooltip in self.screen.active_bindings.values():
            if binding.action == "app.command_palette" or binding.key == self.app.COMMAND_PALETTE_BINDING:
                palette = binding
                continue
            if not binding.show or binding.action in seen:
                continue  # one entry per action, as the Footer does ("q,escape" shows once)
            seen.add(binding.action)
            self._append(line, binding, enabled, key_style, description_style)
        if palette is not None and self.app.ENABLE_COMMAND_PALETTE:
            line.append("▏", style=description_style)
            self._append(line, palette, True, key_style, description_style)
        line.stylize_before(self.rich_style)
        return line

    def _append(self, line: Text, binding, enabled: bool, key_style, description_style) -> None:
        start = line.cell_len
        dim = Style(dim=not enabled)
        line.append(f" {self.app.get_key_display(binding)} ", style=key_style + dim)
        if binding.description:
            line.append(f"{binding.description} ", style=description_style + dim)
        self._hits.append((start, line.cell_len, binding.key, enabled))

    def on_click(self, event: events.Click) -> None:
        for x0, x1, key, enabled in self._hits:
            if x0 <= event.x < x1:
                if enabled:
                    self.app.simulate_key(key.split(",")[0])
                else:
                    self.app.bell()
                return
