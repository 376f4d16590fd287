"""Search every claim in the database as you type; Enter jumps to the claim in its article."""
from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import Header, Input, Label, Select

from .. import store
from .key_bar import KeyBar
from .row_list import Column, RowList
from .text import plain

KINDS = ["count", "money", "percent", "quantity", "distance", "date", "duration", "ordinal", "range",
         "comparison", "quote", "manual"]

ARTICLE_WIDTH = 36
RESULT_COLUMNS = [Column("score", 5), Column("claim"), Column("kind", 10, drop=2), Column("verdict", 12),
                  Column("published", 10, drop=3), Column("article", ARTICLE_WIDTH, drop=1)]


def result_row(r: dict, labels: dict[str, str]) -> tuple[str, list]:
    verdict = labels.get(r["verdict"], r["verdict"]) if r["verdict"] else ""
    article = r["headline"] or ""
    if r.get("also_in"):  # copies of the sentence in other articles, shown once (workbench.search_groups)
        # the headline is cut, not the count: a 36-cell column cut "(also in 17)" off every long headline
        also = f" (also in {r['also_in']})"
        room = ARTICLE_WIDTH - len(also)
        article = (article if len(article) <= room else article[:room - 1].rstrip() + "…") + also
    return str(r["id"]), [plain(f"{r['score']:.0f}"), plain(r["text"]), plain(r["kind"]), plain(verdict),
                          plain(r["published"] or ""), plain(article)]


class SearchScreen(Screen):
    BINDINGS = [
        Binding("escape", "back", "Back", id="search.back"),
        Binding("ctrl+f", "focus_query", "Query", id="search.query"),
        # from the query (or the outlet box): Tab goes to the filters first, so ↓ is the way into the list
        Binding("down", "into_list", "Into the list", id="search.into_list", show=False),
    ]

    def compose(self) -> ComposeResult:
        yield Header()
        yield Input(placeholder="Search every claim: words, figures, a quote… (typos are fine)", id="query")
        with Horizontal(id="search-filters"):
            verdicts = [(v["label"], v["key"]) for v in store.list_verdicts(self.app.db)]
            yield Select(verdicts, prompt="any verdict", id="filter-verdict")
            yield Select([(k, k) for k in KINDS], prompt="any kind", id="filter-kind")
            yield Input(placeholder="outlet", id="filter-outlet")
        yield RowList(RESULT_COLUMNS, min_flexible=36, id="results")
        yield Label("", id="search-status")
        yield KeyBar()

    def __init__(self) -> None:
        super().__init__()
        self.results: list[dict] = []
        self.wanted: tuple | None = None  # the query and filters on screen now
        self.shown: tuple | None = None  # the ones whose results are listed
        self.searching = False

    def on_mount(self) -> None:
        self.sub_title = f"Search — reviewer: {self.app.reviewer}"
        self.query_one("#query", Input).focus()

    @on(Input.Changed)
    @on(Select.Changed)
    def changed(self) -> None:
        self.run_search()

    def run_search(self) -> None:
        """Search for what is typed now. No fixed debounce: one search runs at a time, and when it ends
        the latest query (if the reviewer typed on meanwhile) runs next, so results follow the last
        keystroke by at most two searches and typing never queues a search per key."""
        verdict = self.query_one("#filter-verdict", Select).value
        kind = self.query_one("#filter-kind", Select).value
        # an unset Select holds a sentinel object, not a string
        self.wanted = (self.query_one("#query", Input).value, verdict if isinstance(verdict, str) else None,
                       kind if isinstance(kind, str) else None,
                       self.query_one("#filter-outlet", Input).value.strip() or None)
        if not self.searching:
            self.searching = True
            self.search(self.wanted)

    @work(thread=True, group="search")
    def search(self, wanted: tuple) -> None:
        from ..search import search_claims

        query, verdict, kind, outlet = wanted
        found = search_claims(self.app.db, query, limit=100, verdict=verdict, kind=kind, outlet=outlet) \
            if query.strip() else []
        self.app.call_from_thread(self._searched, wanted, found)

    def _searched(self, wanted: tuple, found: list[dict]) -> None:
        if self.wanted != wanted:  # typed on meanwhile: these results are for a query no longer in the box
            self.search(self.wanted)
        else:
            self._show(wanted, found)
            self.searching = False

    def _show(self, wanted: tuple, found: list[dict]) -> None:
        self.results, self.shown = found, wanted
        labels = {v["key"]: v["label"] for v in store.list_verdicts(self.app.db)}
        rows = [result_row(r, labels) for r in found]
        self.query_one("#results", RowList).set_source(len(rows), lambda offset, limit: rows[offset:offset + limit],
                                                      cursor=0)
        self.query_one("#search-status", Label).update(plain(f"{len(found)} claims — Enter opens the highlighted one, "
                                                                        "↓ moves into the list"))

    @on(Input.Submitted, "#query")
    def open_first(self) -> None:
        """Enter in the query opens the best match once the list shows this query's results;
        while a search is still running it moves into the list instead of opening a stale hit."""
        results = self.query_one("#results", RowList)
        if self.results and self.shown == self.wanted:
            self._open(self.results[results.cursor_row])
        else:
            results.focus()

    @on(RowList.RowSelected, "#results")
    def open_claim(self, event: RowList.RowSelected) -> None:
        self._open(next(r for r in self.results if str(r["id"]) == event.row_key))

    def _open(self, claim: dict) -> None:
        self.app.open_article(claim["article_id"], claim_id=claim["id"])

    def action_into_list(self) -> None:
        self.query_one("#results", RowList).focus()

    def action_focus_query(self) -> None:
        self.set_focus(self.query_one("#query", Input))  # at once: the next keys are the query's

    def action_back(self) -> None:
        self.app.pop_screen()
