"""The Textual app: wires the screens together and holds the database and the reviewer's name."""
from __future__ import annotations

from textual.app import App
from textual.binding import Binding

from .library import LibraryScreen
from .review import ReviewScreen


class WorkbenchApp(App):
    CSS_PATH = "workbench.tcss"
    TITLE = "Claim Workbench"
    BINDINGS = [
        Binding("slash", "search", "Search", id="app.search"),
        Binding("ctrl+e", "export", "Export", id="app.export"),
        Binding("question_mark", "keys", "Keys", id="app.keys"),
        Binding("q", "quit_or_back", "Quit/back", id="app.quit"),
    ]

    def __init__(self, db, reviewer: str, article_id: int | None = None, claim_id: int | None = None):
        super().__init__()
        self.db = db
        self.reviewer = reviewer
        self.start_article = article_id
        self.start_claim = claim_id
        self._quit_warned = None  # the form whose unsaved text a first ctrl+q warned about

    def on_mount(self) -> None:
        self.sub_title = f"reviewer: {self.reviewer}"
        self.push_screen(LibraryScreen())
        if self.start_article is not None:
            self.open_article(self.start_article, self.start_claim)

    def open_article(self, article_id: int, claim_id: int | None = None) -> None:
        self.push_screen(ReviewScreen(article_id, claim_id))

    def push_screen(self, *args, **kwargs):
        self.let_closed_screens_go()  # the screens closed before this one, modals included
        return super().push_screen(*args, **kwargs)

    def let_closed_screens_go(self) -> None:
        """Drop what Textual 8.2 keeps of closed screens, or every article opened stays in memory with
        its painted lines (16k objects each; after 25 articles a full garbage collection paused the UI
        for 300 ms, and grew). Two holders: Header and TextArea watch the app's title and theme, and a
        closed widget's watcher goes only when that attribute next changes (we use Textual's own test
        for closed); and StylesCache.get_inner_outer is an lru_cache(1024) keyed on the widget's cache.
        """
        for watchers in getattr(self, "__watchers", {}).values():
            watchers[:] = [(node, callback) for node, callback in watchers
                           if not (node._closing or node._closed)]
        from textual._styles_cache import StylesCache

        clear = getattr(StylesCache.get_inner_outer, "cache_clear", None)
        if clear is not None:
            clear()  # two Styles per widget, rebuilt on the next paint

    def action_search(self) -> None:
        from .search_screen import SearchScreen

        if not isinstance(self.screen, SearchScreen):
            self.push_screen(SearchScreen())

    def action_export(self) -> None:
        from .export_screen import ExportScreen

        article_id = getattr(self.screen, "article_id", None)
        self.push_screen(ExportScreen(article_id))

    def action_keys(self) -> None:
        if self.screen.query("KeyPanel"):
            self.action_hide_help_panel()
        else:
            self.action_show_help_panel()

    async def action_quit(self) -> None:
        """ctrl+q. With a note or source typed and not saved, the first press says so and the second quits:
        one stray key must not throw away minutes of a reviewer's writing."""
        unsaved = getattr(self.screen, "unsaved", None)
        if unsaved is not None and unsaved() and self._quit_warned is not self.screen:
            self._quit_warned = self.screen
            self.notify("What you typed is not saved: ctrl+s saves it, Esc keeps it as a draft, "
                        "ctrl+q again quits without it", severity="warning", title="Not saved")
            return
        self.exit()

    def action_quit_or_back(self) -> None:
        if len(self.screen_stack) > 2:
            self.pop_screen()
        else:
            self.exit()


def run_app(db, reviewer: str, article_id: int | None = None) -> None:
    WorkbenchApp(db, reviewer, article_id).run()
