"""The Textual app: wires the screens together and holds the database and the reviewer's name."""
from __future__ import annotations

import weakref

from textual import work
from textual.app import App
from textual.binding import Binding

from .. import store
from .drafts import Drafts
from .library import LibraryScreen


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
        self.drafts = Drafts()  # unsaved notes and source forms: outlive the review screen, not the app
        self._warned = None  # what a first press warned about: (key, screen, drafts.changes)
        self._warmed = False

    def on_mount(self) -> None:
        self.sub_title = f"reviewer: {self.reviewer}"
        self.push_screen(LibraryScreen())
        if self.start_article is not None:
            self.open_article(self.start_article, self.start_claim)

    def library_shown(self) -> None:
        """The first screen has its rows: now load what the next steps need, while the reviewer reads."""
        if not self._warmed:
            self._warmed = True
            self.call_after_refresh(self.warm_up)  # after the rows are painted: its imports hold the GIL

    @work(thread=True, exclusive=True, group="warm-up")
    def warm_up(self) -> None:
        """The review screen's modules (~0.1 s of imports, kept out of start-up) and the database's
        integrity check (0.7-1.7 s on a 180 MB database, which the first verdict of a session used to pay)."""
        from ..store.database import check_before_writes
        from . import review  # noqa: F401

        check_before_writes(self.db)

    def get_system_commands(self, screen):
        """Textual's commands, and those a screen offers in the palette (`palette_commands`)."""
        yield from super().get_system_commands(screen)
        yield from getattr(screen, "palette_commands", tuple)()
        yield from self.desk_commands()

    def open_article(self, article_id: int, claim_id: int | None = None) -> None:
        from .review import ReviewScreen  # with its modals and the text pane: not needed for the library

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

    def desk_commands(self):
        from textual.app import SystemCommand

        yield SystemCommand("Desk settings", "Organisation, review URL pattern and rating scale that ClaimReview "
                            "publishes", self.action_desk_settings)

    def action_desk_settings(self) -> None:
        from .modals import TextViewer
        from .publishing import settings_text

        self.push_screen(TextViewer("Desk settings", settings_text(store.get_settings(self.db),
                                                                   store.list_verdicts(self.db))))

    def action_keys(self) -> None:
        if self.screen.query("KeyPanel"):
            self.action_hide_help_panel()
        else:
            self.action_show_help_panel()

    def first_warning(self, key: str, message: str) -> bool:
        """Warn about unsaved text on the first press of `key`; True means the caller stops there.

        A second press of the same key on the same screen, with no draft changed since, goes through:
        one stray key must not throw away a reviewer's writing, and a deliberate one must not be blocked."""
        # a weak reference: holding the screen would keep a closed article in memory (see let_closed_screens_go)
        about = (key, weakref.ref(self.screen), self.drafts.changes)
        if self._warned == about:
            self._warned = None
            return False
        self._warned = about
        self.notify(message, severity="warning", title="Not saved", markup=False)  # headlines are data
        return True

    def drafts_warning(self, again: str) -> str:
        """How many drafts quitting would lose, where they are, and how to save them."""
        count = self.drafts.count()
        articles = self.drafts.article_ids()
        where = "; ".join(store.get_article(self.db, a)["headline"] or "(no headline)" for a in articles[:3])
        if len(articles) > 3:
            where += f" and {len(articles) - 3} more articles"
        them = "them" if count != 1 else "it"
        return (f"{count} unsaved draft{'s' if count != 1 else ''} in {where} (✎ in the claim list): open the "
                f"article, n or s on the claim and ctrl+s saves {them}; {again} again quits without {them}")

    async def action_quit(self) -> None:
        """ctrl+q. With a note or source typed and not saved, or drafts kept anywhere, the first press
        says so and the second quits."""
        unsaved = getattr(self.screen, "unsaved", None)
        if unsaved is not None and unsaved():
            if self.first_warning("ctrl+q", "What you typed is not saved: ctrl+s saves it, Esc keeps it as a "
                                            "draft, ctrl+q again quits without it"):
                return
        elif self.drafts.count() and self.first_warning("ctrl+q", self.drafts_warning("ctrl+q")):
            return
        self.exit()

    def action_quit_or_back(self) -> None:
        if len(self.screen_stack) > 2:
            self.pop_screen()
        elif not (self.drafts.count() and self.first_warning("q", self.drafts_warning("q"))):
            self.exit()


def run_app(db, reviewer: str, article_id: int | None = None) -> None:
    WorkbenchApp(db, reviewer, article_id).run()
