"""A table that paints only the rows on screen: the line API over a row source read a page at a time.

DataTable builds and measures every row before its first paint (1.6 s at 30k rows; 110 ms for a
300-claim article here); this list asks its source for the page under the viewport (an LRU of
pages), so paint time does not grow with the number of rows. Columns have fixed widths except one
that takes the rest. Cells are rich Text built by the caller, so untrusted text stays literal.
The cursor API is DataTable's (cursor_row, move_cursor(row=), row_count, RowHighlighted,
RowSelected) so screens and tests read the same."""
from __future__ import annotations

import bisect
from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from rich._wrap import divide_line  # what Text.wrap uses: heights counted as painted
from rich.cells import cell_len
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.strip import Strip

from .painted_view import PaintedView

FOLD_LINES = 2  # the folded columns' line under a row wraps onto at most this many lines
Row = tuple[str, Sequence[Text]]  # (key, one Text per column)
Fetch = Callable[[int, int], list[Row]]  # (offset, limit) -> rows


@dataclass(frozen=True)
class Column:
    label: str
    width: int | None = None  # None: takes the width the fixed columns leave (at least MIN_FLEXIBLE)
    drop: int = 0  # when narrow, hidden in this order (1 first); 0: always shown
    fold: str | None = None  # narrower than fold_below: shown under the row after this prefix, not dropped


class RowList(PaintedView, can_focus=True):
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

    # repaint=False: the watcher repaints the two rows; a reactive repaints the whole list by default
    cursor_row: reactive[int] = reactive(0, init=False, repaint=False)

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
                 max_lines: int = 1, fold_below: int = 0, on_move: Callable[[int], None] | None = None,
                 **kwargs) -> None:
        """`max_lines` > 1: a cell longer than its column wraps onto up to that many lines (the row grows);
        `fold_below`: narrower than this, the columns with a `fold` prefix go on a line under the row;
        `on_move(row)`: called as the cursor moves, so that what follows it is painted in the same frame
        (RowHighlighted, a message, arrives after that frame is painted)."""
        super().__init__(**kwargs)
        self.on_move = on_move
        self.columns = list(columns)
        self.min_flexible = min_flexible
        self.zebra_stripes = zebra_stripes
        self.max_lines = max_lines
        self.fold_below = fold_below
        self._fetch: Fetch = lambda offset, limit: []
        self._measure_source: Callable[[int], Sequence[str]] | None = None
        self._count = 0
        self._pages: OrderedDict[int, list[Row]] = OrderedDict()
        # Rows of many lines: each row's painted lines at _layout_width, and the first screen line of each
        # row (one more entry for the end). None while every row is one line (the library's 10,000 rows).
        self._lines: dict[int, list[Text]] = {}
        self._tops: list[int] | None = None
        self._layout_width = 0

    @property
    def _wraps(self) -> bool:
        return self.max_lines > 1 or any(c.fold is not None for c in self.columns)

    # ------------------------------------------------------------- the source

    @property
    def row_count(self) -> int:
        return self._count

    def set_source(self, count: int, fetch: Fetch, cursor: int | None = None,
                   measure: Callable[[int], Sequence[str]] | None = None) -> None:
        """Show `count` rows read through `fetch`; the cursor stays where it was (or at `cursor`).
        `measure(index)`: the row's cells as plain text, for rows that wrap (else they are fetched)."""
        self._fetch, self._count, self._measure_source = fetch, count, measure
        self._pages.clear()
        self._forget_layout()
        self._lay_out()
        row = max(0, min(self.cursor_row if cursor is None else cursor, count - 1))
        if row == self.cursor_row:  # new rows under the same cursor: still a new highlighted row
            self._scroll_to_cursor()
            if count:
                self._moved(row)
        self.move_cursor(row=row)
        self.refresh()

    def refresh_rows(self) -> None:
        """Read every row again (after the data changed under the same count)."""
        self._pages.clear()
        self._forget_layout()
        self._lay_out()
        self.refresh()

    def update_row(self, index: int) -> None:
        """Read one row again and repaint its lines only (all rows below it too if its height changed)."""
        page = self._pages.get(index // self.PAGE)
        if page is not None and index % self.PAGE < len(page):
            fresh = self._fetch(index, 1)
            if fresh:
                page[index % self.PAGE] = fresh[0]
        if self._tops is not None and 0 <= index < self._count:
            height = self._height(index)
            self._lines.pop(index, None)
            if len(self._row_lines(index, self._layout_width)) != height:
                self._fix_height(index)  # a verdict of two lines ("✎ Mostly / true"): the rows below move
                return
        self._refresh_index(index)

    def row(self, index: int) -> Row | None:
        if not 0 <= index < self._count:
            return None
        number = index // self.PAGE
        page = self._pages.get(number)
        if page is not None and index % self.PAGE >= len(page) and number * self.PAGE + len(page) < self._count:
            page = None  # a short first page (set_source's fetch gave only the rows a screen shows): the rest now
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

    # ------------------------------------------------------------- rows of several lines

    def _forget_layout(self) -> None:
        self._lines.clear()
        self._tops = None
        self._layout_width = 0

    def _lay_out(self) -> None:
        """Measure every row's height at the current width (rows that wrap only: the count is then an
        article's claims, a few hundred) and size the scrollable space in screen lines. Heights are counted
        on the plain text (_line_count); the rows' lines are built only when they come on screen."""
        width = self.scrollable_content_region.width
        if self._wraps and width > 0 and (self._tops is None or width != self._layout_width):
            if width != self._layout_width:
                self._lines.clear()
            self._layout_width = width
            widths = self._widths(width)
            tops = [0]
            for index in range(self._count):
                tops.append(tops[-1] + self._measure(index, width, widths))
            self._tops = tops
        lines = self._count if self._tops is None else self._tops[-1]
        self.virtual_size = Size(0, lines + 1)  # no sideways scrolling: the flexible column fits

    def _measure(self, index: int, width: int, widths: list[int]) -> int:
        """The row's height in lines, as _row_lines will paint it, counted on the cells' plain text (from
        the source's `measure` when it has one: building 300 rows of rich Text cost more than wrapping)."""
        lines = self._lines.get(index)
        if lines is not None:
            return len(lines)
        if self._measure_source is not None:
            cells = self._measure_source(index)
        else:
            row = self.row(index)
            if row is None:
                return 1
            cells = [cell.plain for cell in row[1]]
        height = 1
        for cell, cell_width in zip(cells, widths):
            wraps = self.max_lines > 1 and len(cell) > cell_width // 2  # (wide characters: cell_len decides)
            if cell_width and wraps and cell_len(cell) > cell_width:
                height = max(height, min(self.max_lines, _line_count(cell, cell_width)))
        if self.folding(width):  # the plain text of _folded's line, without building it
            folded = " · ".join(c.fold + cell for c, cell in zip(self.columns, cells)
                                if c.fold is not None and cell.strip())
            if folded:
                height += min(FOLD_LINES, _line_count(folded, self._fold_width(widths, width)[1]))
        return height

    def _fix_height(self, index: int) -> None:
        """A row painted taller or shorter than measured (a case _line_count missed, or new data): move the
        rows below it."""
        lines = self._lines.get(index)
        if self._tops is None or lines is None or not 0 <= index < self._count:
            return
        shift = len(lines) - self._height(index)
        if not shift:
            return
        self._tops[index + 1:] = [top + shift for top in self._tops[index + 1:]]
        self.virtual_size = Size(0, self._tops[-1] + 1)
        self.refresh()

    def _top(self, index: int) -> int:
        """The row's first line in the scrollable space (the header line not counted)."""
        return index if self._tops is None else self._tops[index]

    def _height(self, index: int) -> int:
        return 1 if self._tops is None else self._tops[index + 1] - self._tops[index]

    def _index_at(self, line: int) -> int:
        return line if self._tops is None else bisect.bisect_right(self._tops, line) - 1

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
            self._moved(new)

    def _moved(self, row: int) -> None:
        if self.on_move is not None:
            self.on_move(row)
        self.post_message(self.RowHighlighted(self, row, self.key_at(row)))

    def _scroll_to_cursor(self) -> None:
        """Bring every line of the cursor's row on screen (its first line if the row is taller than the
        view)."""
        if not self._count:
            return
        visible = max(1, self.scrollable_content_region.height - 1)  # less the header line
        first = round(self.scroll_y)
        top, height = self._top(self.cursor_row), self._height(self.cursor_row)
        if top < first:
            self.scroll_to(y=top, animate=False, immediate=True)
        elif top + height > first + visible:
            self.scroll_to(y=min(top, top + height - visible), animate=False, immediate=True)

    def _refresh_index(self, index: int) -> None:
        if not 0 <= index < self._count:
            return
        y = self._top(index) - round(self.scroll_y) + 1  # on screen, not in the virtual space
        bottom = min(y + self._height(index), self.size.height)
        y = max(y, 1)
        if y < bottom:
            self.refresh(Region(0, y, self.size.width, bottom - y))

    def on_resize(self) -> None:
        self._lay_out()
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
        if self._tops is None:
            self.move_cursor(row=self.cursor_row + direction * page)
        else:  # a page of lines, not of rows
            line = max(0, min(self._tops[-1] - 1, self._top(self.cursor_row) + direction * page))
            self.move_cursor(row=self._index_at(line))

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
        line = round(self.scroll_y) + event.y - 1
        index = self._index_at(line) if line >= 0 else -1
        if 0 <= index < self._count and line < self.virtual_size.height - 1:
            if index == self.cursor_row:
                self.action_select_cursor()
            else:
                self.move_cursor(row=index)

    # ------------------------------------------------------------- painting

    def folding(self, width: int) -> bool:
        return bool(self.fold_below) and width < self.fold_below

    def _widths(self, width: int) -> list[int]:
        """Each column's width; 0 hides it. Folded columns go first (they are shown under the row); then
        droppable ones, in their `drop` order, until the flexible column has `min_flexible` cells."""
        folding = self.folding(width)
        shown = [c for c in self.columns if not (folding and c.fold is not None)]
        for column in sorted((c for c in shown if c.drop), key=lambda c: c.drop):
            fixed = sum(c.width or 0 for c in shown) + len(shown) + 1
            if width - fixed >= self.min_flexible * sum(1 for c in shown if not c.width):
                break
            shown.remove(column)
        fixed = sum(c.width or 0 for c in shown) + len(shown) + 1
        rest = max(8, (width - fixed) // max(1, sum(1 for c in shown if not c.width)))
        return [(c.width or rest) if c in shown else 0 for c in self.columns]

    def _wrap(self, cell: Text, width: int, max_lines: int) -> list[Text]:
        """The cell cut into lines of `width` cells, at most `max_lines`; the last ends in … if text is
        left."""
        if cell.cell_len <= width or max_lines <= 1:
            return [cell]
        lines = list(cell.wrap(self.app.console, width, overflow="fold"))
        if len(lines) > max_lines:
            last = lines[max_lines - 1]
            last.rstrip()
            if last.cell_len > width - 1:  # (right_crop(0) would empty it)
                last.right_crop(last.cell_len - (width - 1))
            last.append("…")
            lines = lines[:max_lines]
        return lines

    def _row_lines(self, index: int, width: int) -> list[Text]:
        """The row as painted, one Text per screen line, without the cursor or stripe style (cached)."""
        lines = self._lines.get(index)
        if lines is not None:
            return lines
        row = self.row(index)
        if row is None:
            return [Text(" " * width, end="")]
        widths = self._widths(width)
        cells = [self._wrap(cell, w, self.max_lines) if w else [] for cell, w in zip(row[1], widths)]
        lines = []
        for i in range(max(len(c) for c in cells)):
            line = Text(end="", no_wrap=True)
            for cell_lines, cell_width in zip(cells, widths):
                if cell_width:
                    piece = cell_lines[i].copy() if i < len(cell_lines) else Text(end="")
                    piece.truncate(cell_width, overflow="ellipsis", pad=True)
                    line.append(" ")
                    line.append_text(piece)
            line.append(" ")
            lines.append(line)
        if self.folding(width):
            lines.extend(self._fold_lines(row[1], widths, width))
        if self._wraps:
            self._lines[index] = lines
        return lines

    def _folded(self, cells: Sequence[Text]) -> Text | None:
        """The folded columns' cells in one text ("£12 bn · cw 0.83 · said by David Cameron"), None if all
        are empty."""
        parts = [Text.assemble((c.fold or "", "dim"), cell, end="") for c, cell in zip(self.columns, cells)
                 if c.fold is not None and cell.plain.strip()]
        return Text(" · ", style="dim", end="").join(parts) if parts else None

    def _fold_width(self, widths: list[int], width: int) -> tuple[int, int]:
        """Where the folded line starts (under the flexible column) and how wide it may wrap."""
        flexible = next((i for i, c in enumerate(self.columns) if not c.width and widths[i]), 0)
        indent = 1 + sum(w + 1 for w in widths[:flexible] if w)
        return indent, max(8, width - indent - 1)

    def _fold_lines(self, cells: Sequence[Text], widths: list[int], width: int) -> list[Text]:
        folded = self._folded(cells)
        if folded is None:
            return []
        indent, wrap_width = self._fold_width(widths, width)
        lines = []
        for piece in self._wrap(folded, wrap_width, FOLD_LINES):
            piece.truncate(width - indent, overflow="ellipsis", pad=True)
            lines.append(Text.assemble(" " * indent, piece, end="", no_wrap=True))
        return lines

    def screen_lines(self, index: int) -> range:
        """The widget's lines (y, the header being 0) where the row is painted now; empty if scrolled away."""
        top = self._top(index) - round(self.scroll_y) + 1
        return range(max(1, top), min(self.size.height, top + self._height(index)))

    def row_text(self, index: int) -> str:
        """What the row paints, its lines joined by a space (for tests and for reading it out)."""
        width = self.scrollable_content_region.width or 80
        return " ".join(" ".join(line.plain.split()) for line in self._row_lines(index, width))

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        if y == 0:
            cells = [Text(c.label, end="") for c in self.columns]
            style = self.get_component_rich_style("row-list--header")
            line = Text(end="", no_wrap=True)
            for cell, cell_width in zip(cells, self._widths(width)):
                if cell_width:
                    cell.truncate(cell_width, overflow="ellipsis", pad=True)
                    line.append(" ")
                    line.append_text(cell)
            line.append(" ")
        else:
            if self._wraps and width != self._layout_width:
                self.call_later(self._lay_out)  # resized: measure the rows again, after this paint
            at = round(self.scroll_y) + y - 1
            index = self._index_at(at)
            row = self.row(index) if at < self.virtual_size.height - 1 else None
            if row is None:
                return Strip.blank(width, self._base_style)
            lines = self._row_lines(index, width)
            if self._tops is not None and width == self._layout_width and len(lines) != self._height(index):
                self.call_later(self._fix_height, index)
            sub = at - self._top(index)
            if sub >= len(lines):  # measured at another width: the layout catches up after this paint
                return Strip.blank(width, self._base_style)
            line = lines[sub].copy()
            if index == self.cursor_row:
                style = self.get_component_rich_style("row-list--cursor")
            elif self.zebra_stripes and index % 2:
                style = self.get_component_rich_style("row-list--even-row")
            else:
                style = Style()
        line.stylize_before(style)
        segments = list(line.render(self.app.console))
        strip = Strip(segments, line.cell_len).adjust_cell_length(width, self._base_style + style)
        return strip.apply_style(self._base_style)


def _line_count(text: str, width: int) -> int:
    """How many lines rich's Text.wrap(width, overflow="fold") makes of `text`, without building them."""
    return sum(len(divide_line(line, width, fold=True)) + 1 for line in text.split("\n"))
