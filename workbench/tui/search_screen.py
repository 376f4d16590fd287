"""Search every claim in the database as you type; Enter jumps to the claim in its article."""
from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Input, Label, Select

from .. import store
from .text import plain

KINDS = ["count", "money", "percent", "quantity", "distance", "date", "duration", "ordinal", "range",
         "comparison", "quote", "manual"]


class SearchScreen(Screen):
    BINDINGS = [
        Binding("escape", "back", "Back", id="search.back"),
        Binding("ctrl+f", "focus_query", "Query", id="search.query"),
    ]

    def compose(self) -> ComposeResult:
        yield Header()
        yield Input(placeholder="Search every claim: words, figures, a quote… (typos are fine)", id="query")
        with Horizontal(id="search-filters"):
            verdicts = [(v["label"], v["key"]) for v in store.list_verdicts(self.app.db)]
            yield Select(verdicts, prompt="any verdict", id="filter-verdict")
            yield Select([(k, k) for k in KINDS], prompt="any kind", id="filter-kind")
            yield Input(placeholder="outlet", id="filter-outlet")
        yield DataTable(id="results", cursor_type="row", zebra_stripes=True)
        yield Label("", id="search-status")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = f"Search — reviewer: {self.app.reviewer}"
        self.query_one("#results", DataTable).add_columns("score", "claim", "kind", "verdict", "published", "article")
        self.query_one("#query", Input).focus()
        self._timer = None
        self.results: list[dict] = []

    @on(Input.Changed)
    @on(Select.Changed)
    def changed(self) -> None:
        # debounce: search 150 ms after the last keystroke
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.set_timer(0.15, self.run_search)

    def run_search(self) -> None:
        query = self.query_one("#query", Input).value
        verdict = self.query_one("#filter-verdict", Select).value
        kind = self.query_one("#filter-kind", Select).value
        outlet = self.query_one("#filter-outlet", Input).value.strip() or None
        # an unset Select holds a sentinel object, not a string
        self.search(query, verdict if isinstance(verdict, str) else None, kind if isinstance(kind, str) else None,
                    outlet)

    @work(thread=True, exclusive=True, group="search")
    def search(self, query: str, verdict, kind, outlet) -> None:
        from ..search import search_claims

        found = search_claims(self.app.db, query, limit=100, verdict=verdict, kind=kind, outlet=outlet) \
            if query.strip() else []
        self.app.call_from_thread(self._show, found)

    def _show(self, found: list[dict]) -> None:
        self.results = found
        table = self.query_one("#results", DataTable)
        table.clear()
        for r in found:
            table.add_row(plain(f"{r['score']:.0f}"), plain(r["text"][:60]), plain(r["kind"]),
                          plain(r["verdict"] or ""), plain(r["published"] or ""),
                          plain((r["headline"] or "")[:40]), key=str(r["id"]))
        self.query_one("#search-status", Label).update(plain(f"{len(found)} claims — Enter opens"))

    @on(Input.Submitted, "#query")
    def to_results(self) -> None:
        self.query_one("#results", DataTable).focus()

    @on(DataTable.RowSelected, "#results")
    def open_claim(self, event: DataTable.RowSelected) -> None:
        claim = next(r for r in self.results if str(r["id"]) == event.row_key.value)
        self.app.open_article(claim["article_id"], claim_id=claim["id"])

    def action_focus_query(self) -> None:
        self.query_one("#query", Input).focus()

    def action_back(self) -> None:
        self.app.pop_screen()
