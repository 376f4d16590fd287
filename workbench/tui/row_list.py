"""A table that paints only the rows on screen: the line API over a row source read a page at a time.

DataTable builds and measures every row before its first paint (1.6 s at 30k rows; 110 ms for a
300-claim article here); this list asks its source for the page under the viewport (an LRU of
pages), so paint time does not grow with the number of rows. Columns have fixed widths except one
that takes the rest. Cells are rich Text built by the caller, so untrusted text stays literal.
The cursor API is DataTable's (cursor_row, move_cursor(row=), row_count, RowHighlighted,
RowSelected) so screens and tests read the same."""
from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

Row = tuple[str, Sequence[Text]]  # (key, one Text per column)
Fetch = Callable[[int, int], list[Row]]  # (offset, limit) -> rows


@dataclass(frozen=True)
class Column:
    label: str
    width: int | None = None  # None: takes the width the fixed columns leave (at least MIN_FLEXIBLE)
    drop: int = 0  # when narrow, hidden in this order (1 first); 0: always shown


class RowList(ScrollView, can_focus=True):
    PAGE = 100
    PAGES_KEPT = 8
    BINDINGS = [
        Binding("enter", "select_cursor", "Select", show=False, id="list.select"),
        Binding("up", "cursor_up", "Up", show=False, id="list.up"),
        Binding("down", "cursor_down", "Down", show=False, id="list.down"),
        Binding("pageup", "page_up", "Page up", show=False, id="list.page_up"),
        Binding("pagedown", "page_down", "Page down", show=False, id="list.page_down"),
        Binding("home", "first", "First", show=False, id="list.first"),
        Binding("end", "last", "Last", show=False, id="list.last"),
    ]
    COMPONENT_CLASSES = {"row-list--header", "row-list--cursor", "row-list--even-row"}
    DEFAULT_CSS = """
    RowList {
        background: $surface;
        color: $foreground;
        &:focus {
            background-tint: $foreground 5%;
            & > .row-list--cursor { background: $block-cursor-background; color: $block-cursor-foreground;
                                    text-style: $block-cursor-text-style; }
            & > .row-list--header { background-tint: $foreground 5%; }
        }
        & > .row-list--header { text-style: bold; background: $panel; color: $foreground; }
        & > .row-list--even-row { background: $surface-lighten-1 50%; }
        &:dark > .row-list--even-row { background: $surface-darken-1 40%; }
        & > .row-list--cursor { background: $block-cursor-blurred-background;
                                color: $block-cursor-blurred-foreground;
                                text-style: $block-cursor-blurred-text-style; }
    }
    """

    cursor_row: reactive[int] = reactive(0, init=False)

    class RowHighlighted(Message):
        def __init__(self, row_list: RowList, cursor_row: int, key: str | None) -> None:
            super().__init__()
            self.row_list, self.cursor_row, self.row_key = row_list, cursor_row, key

        @property
        def control(self) -> RowList:
            return self.row_list

    class RowSelected(RowHighlighted):
        pass

    def __init__(self, columns: Sequence[Column], *, min_flexible: int = 24, zebra_stripes: bool = True,
                 **kwargs) -> None:
        super().__init__(**kwargs)
        self.columns = list(columns)
        self.min_flexible = min_flexible
        self.zebra_stripes = zebra_stripes
        self._fetch: Fetch = lambda offset, limit: []
        self._count = 0
        self._pages: OrderedDict[int, list[Row]] = OrderedDict()

    # ------------------------------------------------------------- the source

    @property
    def row_count(self) -> int:
        return self._count

    def set_source(self, count: int, fetch: Fetch, cursor: int | None = None) -> None:
        """Show `count` rows read through `fetch`; the cursor stays where it was (or at `cursor`)."""
        self._fetch, self._count = fetch, count
        self._pages.clear()
        self.virtual_size = Size(0, count + 1)  # no sideways scrolling: the flexible column fits
        row = max(0, min(self.cursor_row if cursor is None else cursor, count - 1))
        if row == self.cursor_row:  # new rows under the same cursor: still a new highlighted row
            self._scroll_to_cursor()
            if count:
                self.post_message(self.RowHighlighted(self, row, self.key_at(row)))
        self.move_cursor(row=row)
        self.refresh()

    def refresh_rows(self) -> None:
        """Read every row again (after the data changed under the same count)."""
        self._pages.clear()
        self.refresh()

    def update_row(self, index: int) -> None:
        """Read one row again and repaint its line only."""
        page = self._pages.get(index // self.PAGE)
        if page is not None and index % self.PAGE < len(page):
            fresh = self._fetch(index, 1)
            if fresh:
                page[index % self.PAGE] = fresh[0]
        self._refresh_index(index)

    def row(self, index: int) -> Row | None:
        if not 0 <= index < self._count:
            return None
        number = index // self.PAGE
        page = self._pages.get(number)
        if page is None:
            page = self._fetch(number * self.PAGE, self.PAGE)
            self._pages[number] = page
            while len(self._pages) > self.PAGES_KEPT:
                self._pages.popitem(last=False)
        else:
            self._pages.move_to_end(number)
        offset = index % self.PAGE
        return page[offset] if offset < len(page) else None

    def key_at(self, index: int) -> str | None:
        row = self.row(index)
        return row[0] if row else None

    # ------------------------------------------------------------- the cursor

    def move_cursor(self, *, row: int) -> None:
        if self._count:
            self.cursor_row = max(0, min(row, self._count - 1))

    def validate_cursor_row(self, row: int) -> int:
        return max(0, min(row, self._count - 1)) if self._count else 0

    def watch_cursor_row(self, old: int, new: int) -> None:
        self._refresh_index(old)
        self._refresh_index(new)
        self._scroll_to_cursor()
        if self._count:
            self.post_message(self.RowHighlighted(self, new, self.key_at(new)))

    def _scroll_to_cursor(self) -> None:
        visible = max(1, self.scrollable_content_region.height - 1)  # less the header line
        top = round(self.scroll_y)
        if self.cursor_row < top:
            self.scroll_to(y=self.cursor_row, animate=False, immediate=True)
        elif self.cursor_row >= top + visible:
            self.scroll_to(y=self.cursor_row - visible + 1, animate=False, immediate=True)

    def _refresh_index(self, index: int) -> None:
        y = index - round(self.scroll_y) + 1
        if 1 <= y < self.size.height:
            self.refresh(Region(0, y, self.size.width, 1))  # y on screen, not in the virtual space

    def on_resize(self) -> None:
        self.virtual_size = Size(0, self._count + 1)
        self.call_after_refresh(self._scroll_to_cursor)

    def action_cursor_up(self) -> None:
        self.move_cursor(row=self.cursor_row - 1)

    def action_cursor_down(self) -> None:
        self.move_cursor(row=self.cursor_row + 1)

    def action_page_up(self) -> None:
        self._page(-1)

    def action_page_down(self) -> None:
        self._page(1)

    def _page(self, direction: int) -> None:
        """The view turns a page and the cursor moves with it (the rows under the cursor are new)."""
        page = max(1, self.scrollable_content_region.height - 2)
        self.scroll_to(y=self.scroll_y + direction * page, animate=False, immediate=True)
        self.move_cursor(row=self.cursor_row + direction * page)

    def action_first(self) -> None:
        self.move_cursor(row=0)

    def action_last(self) -> None:
        self.move_cursor(row=self._count - 1)

    def action_select_cursor(self) -> None:
        if self._count:
            self.post_message(self.RowSelected(self, self.cursor_row, self.key_at(self.cursor_row)))

    def on_click(self, event: events.Click) -> None:
        """A click moves the cursor; a click on the row under the cursor selects it (as DataTable)."""
        if event.y < 1:
            return
        index = round(self.scroll_y) + event.y - 1
        if 0 <= index < self._count:
            if index == self.cursor_row:
                self.action_select_cursor()
            else:
                self.move_cursor(row=index)

    # ------------------------------------------------------------- painting

    def _widths(self, width: int) -> list[int]:
        """Each column's width; 0 hides it. Droppable columns go, in their `drop` order, until the
        flexible column has `min_flexible` cells (at 80 columns the text matters more than the speaker)."""
        shown = list(self.columns)
        for column in sorted((c for c in self.columns if c.drop), key=lambda c: c.drop):
            fixed = sum(c.width or 0 for c in shown) + len(shown) + 1
            if width - fixed >= self.min_flexible * sum(1 for c in shown if not c.width):
                break
            shown.remove(column)
        fixed = sum(c.width or 0 for c in shown) + len(shown) + 1
        rest = max(8, (width - fixed) // max(1, sum(1 for c in shown if not c.width)))
        return [(c.width or rest) if c in shown else 0 for c in self.columns]

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        if y == 0:
            cells = [Text(c.label, end="") for c in self.columns]
            style = self.get_component_rich_style("row-list--header")
        else:
            index = round(self.scroll_y) + y - 1
            row = self.row(index)
            if row is None:
                return Strip.blank(width, self.rich_style)
            cells = row[1]
            if index == self.cursor_row:
                style = self.get_component_rich_style("row-list--cursor")
            elif self.zebra_stripes and index % 2:
                style = self.get_component_rich_style("row-list--even-row")
            else:
                style = Style()
        line = Text(end="", no_wrap=True)
        for cell, cell_width in zip(cells, self._widths(width)):
            if not cell_width:
                continue
            cell = cell.copy()
            cell.truncate(cell_width, overflow="ellipsis", pad=True)
            line.append(" ")
            line.append_text(cell)
        line.append(" ")
        line.stylize_before(style)
        segments = list(line.render(self.app.console))
        strip = Strip(segments, line.cell_len).adjust_cell_length(width, self.rich_style + style)
        return strip.apply_style(self.rich_style)
