"""The Textual app: wires the screens together and holds the database and the reviewer's name."""
from __future__ import annotations

import asyncio
import gc
import threading
import weakref

from textual import events, work
from textual.app import App
from textual.binding import Binding
from textual.notifications import Notify
from textual.screen import ModalScreen
from textual.widgets import Input

from .. import store
from ..errors import Conflict, WorkbenchError
from ..headline import shown_headline
from ..preferences import load_keymap, load_preferences, set_preference
from .drafts import Drafts
from .library import LibraryScreen

# key bindings that move the focus, to another field or back to the screen below: such a key is run
# before the keys typed after it are handed out (keys that open a screen are not: see on_event)
FOCUS_ACTIONS = frozenset({"focus_next", "focus_previous", "app.focus_next", "app.focus_previous",
                           "switch_pane", "focus_filter", "focus_query", "clear_filter",
                           "back", "quit_or_back", "close", "dismiss_none", "cancel"})
# keys that open a screen: the keys typed after them belong to that screen ("v1": the 1 is the rating)
SCREEN_ACTIONS = frozenset({"verdict", "note", "source", "add_claim", "edit_span", "history", "summary",
                            "filter", "checked_elsewhere"})


SETTLE_AGAIN_AFTER_S = 3.0  # see library_shown


class WorkbenchApp(App):
    CSS_PATH = "workbench.tcss"
    TITLE = "Claim Workbench"
    BINDINGS = [
        Binding("slash", "search", "Search", id="app.search"),
        Binding("ctrl+e", "export", "Export", id="app.export"),
        Binding("question_mark", "keys", "Keys", id="app.keys"),
        # Esc with the keys shown closes them, and only them: it went on to the screen's back, and the
        # reviewer who read the keys lost the article (enabled only then: check_action)
        Binding("escape", "hide_keys", "Close keys", id="app.hide_keys", show=False, priority=True),
        Binding("ctrl+z", "undo", "Undo", id="app.undo", show=False),
        Binding("q", "quit_or_back", "Quit/back", id="app.quit"),
    ]

    def __init__(self, db, reviewer: str, article_id: int | None = None, claim_id: int | None = None):
        super().__init__()
        self.db = db
        self.reviewer = reviewer
        self.start_article = article_id
        self.start_claim = claim_id
        self.drafts = Drafts()  # unsaved notes and source forms: outlive the review screen, not the app
        # the claim list's order (o) the reviewer last chose: the next article opens in it, so that a triage
        # pass across articles does not start each one with o (until quit, as the drafts)
        self.claim_order = "position"
        self._warned = None  # what a first press warned about: (key, screen, drafts.changes)
        self._warmed = False
        self._past_batch = False  # Textual's start-up batch is over (on_ready): frames reach the terminal
        self._warm_up_due = False  # the library has its rows, and the warm-up waits for on_ready
        self._settled = False  # gc.freeze() done (settle_memory)
        # No cycle collection until the first screen has its rows: a full collection of everything the
        # imports made (20-60 ms) fell inside the launch, just before the first frame. Off from here (from
        # the command's start with `workbench`: cli._open_tui) until settle_memory, which collects once
        # that frame is painted and turns the collector on, as does closing an app that never got there.
        self._collector_paused = True
        gc.disable()
        self._frozen_screens: list[weakref.ref] = []  # the screens above the library when it was done
        self._freezing = threading.Lock()
        self._closed_down = False
        self.config_problems: list[str] = []  # a broken preferences.toml or keymap.toml: said once mounted
        try:
            self.preferences = load_preferences()
        except WorkbenchError as exc:
            self.preferences = {}
            self.config_problems.append(str(exc))
        try:
            self.keymap = load_keymap()
        except WorkbenchError as exc:
            self.keymap = {}
            self.config_problems.append(str(exc))
        if self.keymap:
            self.set_keymap(self.keymap)

    def notify(self, message: str, *, title: str = "", severity="information", timeout: float | None = None,
               markup: bool = True) -> None:
        """Every toast shows its text literally, whatever the caller asked: toasts carry claim text, URLs,
        paths and error messages quoting what was typed, and a "[/foo]" in any of them closed the workbench
        (MarkupError in the toast's render) with the reviewer's form in it. No toast of ours uses markup."""
        super().notify(message, title=title, severity=severity, timeout=timeout, markup=False)

    def on_notify(self, event: Notify) -> None:
        """A routine toast ("True: 9%", "Note saved: …") takes the place of the one before, rather than
        stacking on it: in a pass at a verdict a second, five of them (5 s each) covered the detail pane
        at 160x48 and half the source form at 80x24. Warnings and errors stay until they time out.
        (Runs before App._on_notify adds the new one; Textual has no public way to drop one toast.)"""
        if event.notification.severity != "information":
            return
        for shown in [n for n in self._notifications if n.severity == "information"]:
            self._unnotify(shown, refresh=False)

    def on_mount(self) -> None:
        # writes from this thread wait for another process's write lock briefly, then say so, rather than
        # freeze the screen for the busy timeout (store/database.py: UI_WAIT_MS); workers wait as before
        self.db.workbench_ui_thread = threading.get_ident()
        self.sub_title = f"reviewer: {self.reviewer}"
        for problem in self.config_problems:  # the defaults are used meanwhile
            self.notify(problem, severity="error", title="Settings file not read", markup=False, timeout=15)
        self.push_screen(LibraryScreen())
        if self.start_article is not None:
            self.open_article(self.start_article, self.start_claim)

    def library_shown(self) -> None:
        """The first screen has its rows: now load what the next steps need, while the reviewer reads."""
        if not self._warmed:
            self._warmed = True
            if self._past_batch:
                self.call_after_refresh(self.warm_up)  # after the rows are painted: its imports hold the GIL
            else:
                self._warm_up_due = True  # (on_ready: the rows' frame before then is never painted)
        elif self._frozen_screens and not all(ref() in self.screen_stack for ref in self._frozen_screens):
            # an article frozen at start-up (`workbench review ID`) is closed: let it be collected, and settle
            # again a little later, once Textual has let go of it (a finished worker still held it here)
            with self._freezing:
                gc.unfreeze()
                self._settled, self._frozen_screens = False, []
            self.set_timer(SETTLE_AGAIN_AFTER_S, self._settle_again)

    def on_ready(self) -> None:
        """Textual lays out and paints the first screen while its start-up batch still holds every frame
        back, and that frame never reaches the terminal: the library then came in pieces, the whole of it
        only with a full repaint ~100 ms later (traced in tmux), and the warm-up, started after the frame
        that went nowhere, held the GIL through the ones that came. The whole screen now, in the next
        frame, and the warm-up once that frame is painted."""
        self._past_batch = True
        self.screen.refresh()
        if self._warm_up_due:
            self._warm_up_due = False
            self.call_after_refresh(self.warm_up)

    @work(thread=True, exclusive=True, group="warm-up")
    def warm_up(self) -> None:
        """The review screen's modules (~0.1 s of imports, kept out of start-up) and the database's
        integrity check (0.7-1.7 s on a 180 MB database, which the first verdict of a session used to pay)."""
        from ..store.database import check_before_writes
        from . import review  # noqa: F401

        self.settle_memory()
        check_before_writes(self.db)

    def settle_memory(self) -> None:
        """Put what is alive now (every module, Textual's and ours; the library) out of the cycle
        collector's sight, so that a full collection scans only what came later. It scanned all of it:
        50-100 ms on a 300-claim article, which landed in the middle of a verdict's repaint every few
        verdicts. A collection first, so that no garbage is frozen (20-40 ms, once, after a paint).

        Frozen objects in cycles are never collected: a screen above the library (an article opened
        at start-up) is noted; once it is closed, library_shown thaws and settles again a little later."""
        with self._freezing:  # the warm-up thread, or the UI thread; never once the app has closed
            if self._settled or self._closed_down:
                return
            self._settled = True
            gc.collect()
            gc.freeze()
            self._resume_collector()
            self._frozen_screens = [weakref.ref(screen) for screen in self.screen_stack[1:]  # [0]: Textual's
                                    if not isinstance(screen, LibraryScreen)]

    def _resume_collector(self) -> None:
        if self._collector_paused:
            self._collector_paused = False
            gc.enable()

    def _settle_again(self) -> None:
        self.let_closed_screens_go()  # what Textual still holds of the closed article: not to be frozen
        self.settle_memory()

    def on_unmount(self) -> None:
        """The app's objects are garbage once it has run (a test run holds hundreds of apps)."""
        if getattr(self.db, "workbench_ui_thread", None) == threading.get_ident():
            self.db.workbench_ui_thread = None  # the database may outlive the app (a test, `workbench serve`)
        with self._freezing:
            self._closed_down = True
            self._resume_collector()  # (an app closed before its first screen was shown)
            if self._settled:
                gc.unfreeze()
                self._settled = False

    async def on_event(self, event: events.Event) -> None:
        """Keys that move the focus (Tab, ctrl+f) are run here, in turn, before the next key is handed out.

        Textual queues a key at the focused widget and runs a binding only once the key has bubbled back up
        to the app; keys typed meanwhile (a paste, a fast typist: Tab then the title) were already queued at
        the old widget, so the title landed in the URL field. A key the focused widget takes itself (Tab in
        a TextArea that indents) is left to it. Not covered: keys typed before a screen that a key opens is
        mounted: a key that opens a screen (SCREEN_ACTIONS: `v1` in one burst) is run the same way, and the
        keys after it wait until that screen is mounted, so the 1 is the picker's rating.

        A screen's open `key_layer` (the verdict picker, a layer that does not take the focus) gets every key
        but the priority bindings (ctrl+q), and nothing else does."""
        if isinstance(event, events.Key) and not event.is_forwarded:
            layer = getattr(self.screen, "key_layer", None)  # the verdict picker, open: it takes every key
            if layer is not None:
                if not await self._check_bindings(event.key, priority=True):  # ctrl+q still quits
                    await layer.take_key(event)
                return
        if isinstance(event, events.Key) and not event.is_forwarded and self._moves_focus(event.key):
            await self._typed_so_far()
            before = self.screen
            if await self._check_bindings(event.key, priority=True) or await self._check_bindings(event.key):
                if self.screen is not before:
                    await self._mounted(self.screen)
                return
        await super().on_event(event)

    @staticmethod
    async def _mounted(screen) -> None:
        """Wait (a second at most) until a screen just pushed is mounted and can take keys."""
        try:
            await asyncio.wait_for(screen._mounted_event.wait(), timeout=1.0)
        except TimeoutError:
            pass

    async def _typed_so_far(self) -> None:
        """Wait until the focused widget has handled the keys already handed to it: "Homs" then Esc at once
        must type Homs before Esc clears the box. A callback queued behind those keys says when."""
        focused = self.focused
        if focused is None:
            return
        handled = asyncio.Event()
        focused.call_later(handled.set)
        try:
            await asyncio.wait_for(handled.wait(), timeout=1.0)
        except TimeoutError:  # a widget stuck in a long handler: go on rather than hold every key
            pass

    def _moves_focus(self, key: str) -> bool:
        """Whether the binding this key would run (from the focused widget up) moves the focus or opens a
        screen. Never for a key typed into a text field, which the field takes itself."""
        # a TextArea that edits (read_only False; not imported here: the review screen loads it on first use)
        typing = isinstance(self.focused, Input) or getattr(self.focused, "read_only", True) is False
        for _node, bindings in self.screen._modal_binding_chain:  # without the keys a widget consumes
            for binding in bindings.key_to_bindings.get(key, ()):
                action = binding.action.split("(")[0]
                return action in FOCUS_ACTIONS or action in SCREEN_ACTIONS and not typing
        return False

    def get_system_commands(self, screen):
        """Textual's commands, and those a screen offers in the palette (`palette_commands`)."""
        from textual.app import SystemCommand

        yield from super().get_system_commands(screen)
        yield from getattr(screen, "palette_commands", tuple)()
        yield from self.desk_commands()
        yield SystemCommand("Key ids for keymap.toml", "Every key of this screen with the id that rebinds it",
                            self.action_key_ids)

    def action_key_ids(self) -> None:
        from .key_ids import key_ids_text
        from .modals import TextViewer

        self.push_screen(TextViewer("Keys and their ids", key_ids_text(self, self.screen)))

    def toggle_auto_advance(self) -> None:
        """From the palette: kept in preferences.toml, as `workbench settings set auto_advance` does."""
        on = not self.preferences.get("auto_advance", True)
        try:
            set_preference("auto_advance", on)
        except (WorkbenchError, OSError) as exc:
            self.notify(f"Not saved for next time: {exc}", severity="warning", markup=False)
        self.preferences["auto_advance"] = on
        self.notify("After a verdict or a reject: " + ("on to the next claim" if on else "the cursor stays"))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """ctrl+z undoes from a screen, not from inside a dialog: there it would open an article over it."""
        if action == "undo" and isinstance(self.screen, ModalScreen):
            return False
        if action == "hide_keys":
            return bool(self.screen.query("KeyPanel"))
        return super().check_action(action, parameters)

    def action_undo(self) -> None:
        """ctrl+z: undo the reviewer's last action, say which claim it changed, and go to that claim,
        in whichever article it is (the review screen on show is replaced by that article's)."""
        from .modals import TextViewer, conflict_text
        from .review import ReviewScreen
        from .triage import claim_name

        try:
            result = store.undo_last(self.db, self.reviewer)
        except Conflict as exc:
            self.notify(str(exc), severity="error", title="Not undone: changed by someone else", markup=False)
            self.push_screen(TextViewer("Conflict", conflict_text(exc.current, exc.attempted)))
            return
        except WorkbenchError as exc:
            self.notify(str(exc), severity="warning", markup=False)
            return
        claim_id, article_id = result["claim_id"], result["article_id"]
        named = claim_name(claim_id, result["text"])
        here = isinstance(self.screen, ReviewScreen) and self.screen.article_id == article_id
        if result["claim"] is None:  # an added claim, removed: nothing to select
            self.notify(f"Undone: add of {named} — the claim is removed", markup=False)
            if here:
                self.screen.reload()
            return
        self.notify(f"Undone: {result['undone']} on {named}", markup=False)
        if here:
            self.screen.select_claim(claim_id)
        elif isinstance(self.screen, ReviewScreen):
            self.let_closed_screens_go()
            # switched, not pushed: q still goes back to the library
            self.switch_screen(ReviewScreen(article_id, claim_id, sort=self.claim_order))
        else:
            self.open_article(article_id, claim_id)

    def open_article(self, article_id: int, claim_id: int | None = None) -> None:
        from .review import ReviewScreen  # with its modals and the text pane: not needed for the library

        self.push_screen(ReviewScreen(article_id, claim_id, sort=self.claim_order))

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

    def action_hide_keys(self) -> None:
        self.action_hide_help_panel()

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
        where = "; ".join(shown_headline(store.get_article(self.db, a)) for a in articles[:3])
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
