"""The review screen: article text beside its claims and quotes, a detail pane, and every
reviewer action on one key. Each action calls the store, saves at once, and is refused
(with both versions shown and the reviewer's input kept) if someone else got there first."""
from __future__ import annotations

from dataclasses import replace
from typing import Any

from rich.text import Text
from textual import events, on, work
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.css.query import NoMatches
from textual.screen import Screen
from textual.widgets import Header, Static, TextArea

from .. import store
from ..speaker_names import named_speaker
from ..errors import Conflict, WorkbenchError
from .article_view import ArticleView, legend_text
from .drafts import Drafts
from .modals import NoteEditor, SourceForm, SourceInput, TextViewer, conflict_text, history_text
from .key_bar import KeyBar
from .row_list import Column, RowList
from .text_pane import TextPane
from .text import plain, value_summary
from ..headline import shown_headline
from .triage import (
    SORT_NAMES, SORTS, FilterChoice, FilterPicker, TriageView, advance_after_action, apply_choice,
    claim_name, next_unreviewed,
)
from .verdict_layer import VerdictLayer


# The claim and the speaker wrap (up to 3 lines) rather than being cut; narrower than FOLD_BELOW, kind,
# value, check-worthiness and speaker go on a line under the claim: the claim keeps the width, and
# nothing is dropped.
CLAIM_COLUMNS = [Column("kind", 8, fold=""), Column("claim"), Column("value", 16, fold=""),
                 Column("cw", 4, fold="cw "), Column("speaker", 14, fold="said by "), Column("verdict", 12)]
CLAIM_LINES = 3
FOLD_BELOW = 110
TOAST_AFTER_S = 0.05  # a verdict's toast waits this long: the rated row's frame goes first
SIMILAR_AFTER_S = 0.12  # the cursor rests this long on a claim before its similar claims are searched

def verdict_shown(c: dict[str, Any], labels: dict[str, str]) -> str:
    if c["verdict"]:
        return labels.get(c["verdict"], c["verdict"])
    return "rejected" if c["status"] == "rejected" else ""


def speaker_shown(speaker: str | None) -> str:
    """The speaker as the list shows it: a name, or an unresolved pronoun with a question mark ("he?"), so
    the reviewer never takes "he" for someone found."""
    if not speaker:
        return ""
    return named_speaker(speaker) or f"{' '.join(speaker.split())}?"


def claim_cells(c: dict[str, Any], labels: dict[str, str], drafted: bool = False) -> list[str]:
    """claim_row's cells as plain text: what the list measures its rows' heights on."""
    verdict = verdict_shown(c, labels)
    return [c["kind"], c["text"], value_summary(c["value"]), f"{c['checkworthiness']:.2f}",
            speaker_shown(c["speaker"]), f"✎ {verdict or 'draft'}" if drafted else verdict]


def claim_row(c: dict[str, Any], labels: dict[str, str], drafted: bool = False) -> tuple[str, list[Text]]:
    """One line of the claim list; the verdict as the newsroom's scale names it ("Mostly true").

    A claim with an unsaved note or source shows ✎ in the verdict column, where the reviewer looks for
    what is still to do, so a draft left on this article can be found again."""
    verdict = verdict_shown(c, labels)
    cell = plain(verdict, style="bold" if c["verdict"] else "dim")
    if drafted:
        cell = Text.assemble(("✎ ", "bold yellow"), cell if verdict else plain("draft", style="yellow"), end="")
    return str(c["id"]), [
        plain(c["kind"]), plain(c["text"]), plain(value_summary(c["value"])), plain(f"{c['checkworthiness']:.2f}"),
        plain(speaker_shown(c["speaker"])), cell]


class ReviewScreen(Screen):
    BINDINGS = [
        Binding("j", "move(1)", "Down", id="review.down"),
        Binding("k", "move(-1)", "Up", id="review.up"),
        Binding("v", "verdict", "Verdict", id="review.verdict"),
        Binding("n", "note", "Note", id="review.note"),
        Binding("s", "source", "Source", id="review.source"),
        Binding("a", "add_claim", "Add claim", id="review.add"),
        Binding("x", "reject", "Reject", id="review.reject"),
        Binding("e", "edit_span", "Edit span", id="review.edit"),
        Binding("h", "history", "History", id="review.history"),
        Binding("m", "summary", "Summary", id="review.summary"),
        Binding("c", "copy_past", "Copy past verdict", id="review.copy_past"),
        Binding("t", "quote_check", "Check quote", id="review.quote_check"),
        Binding("f", "figure_check", "Check figure", id="review.figure_check"),
        Binding("o", "sort", "Sort", id="review.sort"),
        Binding("F", "filter", "Filter", id="review.filter"),
        Binding("U", "unreviewed_only", "Unreviewed only", id="review.unreviewed_only"),
        Binding("u", "next_unreviewed", "Next unreviewed", id="review.next_unreviewed"),
        Binding("w", "checked_elsewhere", "Checked elsewhere", id="review.checked_elsewhere"),
        Binding("l", "legend", "Legend", id="review.legend"),
        Binding("tab", "switch_pane", "Next pane", id="review.switch"),
        Binding("ctrl+z", "undo", "Undo", id="review.undo"),
        Binding("q,escape", "back", "Back", id="review.back"),
    ]

    def __init__(self, article_id: int, claim_id: int | None = None, sort: str = "position"):
        super().__init__()
        self.article_id = article_id
        self.start_claim = claim_id
        self.claims: list[dict[str, Any]] = []  # the rows listed: in the view's order, through its filters
        self.all_claims: list[dict[str, Any]] = []  # every claim of the article, for the spans in the text
        self.similar: dict[int, list[dict[str, Any]]] = {}
        self._syncing = False
        self._span_to_show: tuple[int, int] | None = None  # painted in the text after the list and detail
        self._placed_selection = None  # the text selection _show_span made, not the reviewer
        self._text_placed = False
        self._detail_of: int | None = None  # the claim whose detail is shown
        self._similar_timer = None  # the similar-claims search waiting for the cursor to rest
        self._detail_waits = False  # a verdict's row goes to the screen first; the detail a frame after it
        self.view = TriageView(sort=sort)  # order and filters of the list (o, F, U)

    @property
    def order(self) -> str:
        return self.view.sort

    @property
    def db(self):
        return self.app.db

    @property
    def reviewer(self) -> str:
        return self.app.reviewer

    @property
    def drafts(self) -> Drafts:
        """Kept on the app: this screen is thrown away when the reviewer goes back to the library."""
        return self.app.drafts

    def compose(self) -> ComposeResult:
        article = store.get_article(self.db, self.article_id)
        self.article = article
        self.verdict_labels = {v["key"]: v["label"] for v in store.list_verdicts(self.db)}
        yield Header()
        with Horizontal(id="review"):
            yield ArticleView(article["body"], id="article")
            with Vertical(id="side"):
                yield RowList(CLAIM_COLUMNS, min_flexible=16, max_lines=CLAIM_LINES, fold_below=FOLD_BELOW,
                              on_move=self._cursor_moved, id="claims")
                yield TextPane(id="detail")
        yield Static(id="legend")  # hidden until l
        yield KeyBar()

    def on_mount(self) -> None:
        self.title = "Claim Workbench"
        self.reload(select=self.start_claim)
        self.query_one("#claims", RowList).focus()
        self.call_after_refresh(self._verdict_picker)  # once the article is on screen: not in its first frame

    async def _verdict_picker(self) -> VerdictLayer:
        """The verdict picker, mounted on first need: after the screen's first paint, or by v if that
        comes sooner (~10 ms of the first open, OptionList's styles included, went into the open's frame).

        On a layer of its own (workbench.tcss), hidden until v, and the screen's first child: Textual
        orders what it paints by the place among a container's children counted from the last, and a later
        child that hides or shows renumbers every widget before it, which repaints the whole screen."""
        try:
            picker = self.query_one(VerdictLayer)
        except NoMatches:
            picker = VerdictLayer(id="verdict-picker")
            await self.mount(picker, before=0)
            picker.set_scale(store.list_verdicts(self.db))
        await picker._mounted_event.wait()  # v while the after-paint mount is still under way
        return picker

    # ------------------------------------------------------------- data

    def reload(self, select: int | None = None) -> None:
        """Re-read the claims (cheap: one indexed query) and repaint the list and the text.

        The list paints only the rows on screen (RowList), so a 300-claim article costs what a 30-claim one does."""
        table = self.query_one("#claims", RowList)
        keep = select if select is not None else self.current_id()
        self.all_claims = store.list_claims(self.db, self.article_id, order=self.view.sort)
        self.claims = [c for c in self.all_claims if self.view.shows(c)]
        cursor = next((i for i, c in enumerate(self.claims) if c["id"] == keep), None) if keep is not None else None
        table.set_source(len(self.claims), self._claim_rows, cursor=cursor,
                         measure=lambda i: claim_cells(self.claims[i], self.verdict_labels,
                                                       self.drafts.has(self.claims[i]["id"])))
        self._paint_spans()
        self._show_view()
        self.show_detail()

    def _paint_spans(self, changed: tuple[int, int] | None = None) -> None:
        """Every claim's span in the text, listed or filtered out: the text is the article, whole.
        `changed`: only the span at these offsets looks different (a verdict), so only its lines repaint."""
        self.query_one(ArticleView).set_spans([(c["start"], c["end"], c["kind"], c["status"])
                                               for c in self.all_claims], changed=changed)

    def _show_view(self) -> None:
        """The title bar says how the list is ordered and filtered, and how many claims it hides."""
        hidden = len(self.all_claims) - len(self.claims)
        shown = self.view.describe(self.verdict_labels) + (f" ({hidden} hidden)" if hidden else "")
        # the view first: at 80 columns the header cuts the end of the line, and the headline is on screen
        headline = shown_headline(self.article)
        self.sub_title = f"{shown} — {headline} — reviewer: {self.reviewer}"

    def _claim_rows(self, offset: int, limit: int) -> list:
        return [claim_row(c, self.verdict_labels, self.drafts.has(c["id"])) for c in self.claims[offset:offset + limit]]

    def draft_changed(self, claim_id: int) -> None:
        """Repaint the ✎ of one claim's row and its detail (the store is not read: nothing was saved)."""
        index = next((i for i, c in enumerate(self.claims) if c["id"] == claim_id), None)
        if index is not None:
            self.query_one("#claims", RowList).update_row(index)
        self.show_detail()

    def refresh_claim(self, claim_id: int, detail: bool = True) -> None:
        """After an action on one claim, repaint its row and spans only (a full reload redraws 300 rows);
        `detail=False` when the cursor moves on at once and the next claim's detail replaces it."""
        index = next((i for i, c in enumerate(self.claims) if c["id"] == claim_id), None)
        if index is None:
            self.reload()
            return
        claim = store.get_claim(self.db, claim_id)
        self.claims[index] = claim
        self.all_claims = [claim if c["id"] == claim_id else c for c in self.all_claims]
        # the row stays where it is even if the view would now hide or move it: the list never jumps under
        # the reviewer; o, F or U re-reads it
        self.query_one("#claims", RowList).update_row(index)
        self._paint_spans(changed=(claim["start"], claim["end"]))
        if detail:
            self.show_detail()

    @property
    def key_layer(self) -> VerdictLayer | None:
        """The verdict picker while it is open: the app hands it every key (WorkbenchApp.on_event). None
        before the screen is composed too: keys typed right after Enter in the library arrive before that."""
        try:
            picker = self.query_one(VerdictLayer)
        except NoMatches:
            return None
        return picker if picker.is_open else None

    def on_mouse_down(self, event: events.MouseDown) -> None:
        """A click outside the open picker cancels it, as clicking past a menu does."""
        picker = self.key_layer
        if picker is not None and not picker.region.contains(event.screen_x, event.screen_y):
            picker.close(None)

    def current(self) -> dict[str, Any] | None:
        table = self.query_one("#claims", RowList)
        if not self.claims or table.cursor_row >= len(self.claims):
            return None
        return self.claims[table.cursor_row]

    def current_id(self) -> int | None:
        claim = self.current() if self.claims else None
        return claim["id"] if claim else None

    # ------------------------------------------------------------- showing

    def _cursor_moved(self, row: int) -> None:
        """The list's cursor moved (j, k, u, a click, auto-advance): the claim's detail goes into the same
        frame as the cursor. Through RowHighlighted alone it came a frame later, 15-25 ms after j."""
        if self.claims and not self._detail_waits:
            self.show_detail()

    @on(RowList.RowHighlighted, "#claims")
    def row_moved(self, event: RowList.RowHighlighted) -> None:
        claim = self.current()
        if claim is None:
            return
        if not self._syncing:
            # the text a frame later: scrolling the soft-wrapped article repaints all of it, and the list and
            # the detail should not wait for that (j held down paints only the last claim's span)
            self._span_to_show = (claim["start"], claim["end"])
            if self._text_placed:
                self.call_after_refresh(self._show_span)
            else:  # the first paint of the screen: the text at its claim at once, not painted twice
                self._text_placed = True
                self._show_span()
        if self._detail_of != claim["id"] and not self._detail_waits:  # (_cursor_moved has shown it)
            self.show_detail()

    def _show_span(self) -> None:
        span, self._span_to_show = self._span_to_show, None
        if span is not None:
            self._syncing = True
            view = self.query_one(ArticleView)
            view.show_span(*span)
            self._placed_selection = view.selection
            self._syncing = False

    @on(TextArea.SelectionChanged, "#article")
    def text_cursor_moved(self, event: TextArea.SelectionChanged) -> None:
        """Moving in the text selects the claim under the cursor."""
        view = self.query_one(ArticleView)
        if self._syncing or view.selection == self._placed_selection:
            # the selection this screen placed (its message comes later): a key may have moved the list on
            # since, and the list must not be sent back to the claim whose span that was
            return
        at = view.offset(view.selection.end)
        selecting = not view.selection.is_empty

        def holds(c: dict[str, Any]) -> bool:
            return c["start"] <= at < c["end"] or (selecting and c["start"] <= at <= c["end"])

        # This event also arrives (later, as a message) after j/k selected a claim's span. A figure inside
        # a quote is held by the quote too, and jumping to the first claim that holds the cursor sent j
        # straight back to the quote: keep the claim on show when it holds the cursor, else the innermost.
        current = self.current()
        if current is not None and holds(current):
            return
        inside = [i for i, c in enumerate(self.claims) if holds(c)]
        if inside:
            i = min(inside, key=lambda i: self.claims[i]["end"] - self.claims[i]["start"])
            table = self.query_one("#claims", RowList)
            if table.cursor_row != i:
                self._syncing = True
                table.move_cursor(row=i)
                self._syncing = False

    def show_detail(self) -> None:
        claim = self.current()
        detail = self.query_one("#detail", TextPane)
        self._detail_of = claim["id"] if claim is not None else None
        if claim is None:
            detail.update(plain("No claim listed matches the filter: F or U changes it."
                                if self.view.filtered and self.all_claims
                                else "No claims in this article. Select text and press a to add one."))
            return
        out = Text(end="")
        out.append(f"{claim['kind']}  ", style="bold")
        out.append(f"#{claim['id']}  v{claim['version']}  {claim['origin']}  {claim['status']}\n", style="dim")
        # the reviewer's own work first: on a small terminal it is what must show without scrolling
        out.append("Verdict: ", style="bold")
        out.append(f"{self.verdict_labels.get(claim['verdict'], claim['verdict']) if claim['verdict'] else '—'}\n")
        if claim["value"]:
            out.append("Value: ", style="bold")
            out.append(f"{value_summary(claim['value'])}\n")
        if claim["speaker"]:
            out.append("Speaker: ", style="bold")
            out.append(f"{claim['speaker']}" + (f" ({claim['cue']})" if claim["cue"] else ""))
            if not named_speaker(claim["speaker"]):
                out.append("  — nobody named before it: read the article", style="yellow")
            out.append("\n")
        for hint in claim["hints"]:
            out.append("⚠ ", style="yellow bold")
            out.append(f"{hint}\n", style="yellow")
        if claim["note"]:
            out.append("Note: ", style="bold")
            out.append(f"{claim['note']}\n")
        draft_note = self.drafts.notes.get(claim["id"])
        if draft_note is not None:
            out.append("✎ draft note, not saved (n, then ctrl+s): ", style="bold yellow")
            out.append(f"{draft_note}\n")
        form = self.drafts.sources.get(claim["id"])
        if form is not None:
            out.append("✎ draft source, not saved (s, then ctrl+s): ", style="bold yellow")
            out.append(" — ".join(filter(None, (form.url, form.title, form.publisher, form.published, form.excerpt)))
                       + "\n")
        sources = store.list_sources(self.db, claim["id"])
        if sources:
            out.append("Sources:\n", style="bold")
            for s in sources:
                out.append(f"  {s['stance']}: ", style="bold")
                out.append(f"{s['title'] or ''} {s['url']}")
                if s["publisher"]:
                    out.append(f" — {s['publisher']}")
                if s["published"]:
                    out.append(f", {s['published']}")
                if s["excerpt"]:
                    out.append(f"\n    “{s['excerpt']}”", style="italic")
                out.append("\n")
        out.append(self._checked_elsewhere_section(claim["id"]))
        out.append("Sentence: ", style="bold")
        out.append(f"{claim['sentence'] or claim['text']}\n")
        past = self.similar.get(claim["id"])
        if past is None:  # a search over every claim: once the cursor rests, off the UI thread
            self._search_similar_soon(claim["id"])
        elif past:
            # the c hint only when there is a verdict to copy: beside unreviewed claims it promised nothing
            reviewed = any(p["verdict"] for p in past)
            out.append("Similar past claims" + (" (c copies the first verdict and its sources)" if reviewed
                                                else " (none reviewed yet)") + ":\n", style="bold")
            for p in past:
                out.append(f"  [{self.verdict_labels.get(p['verdict'], p['verdict']) or 'not reviewed'}] ",
                           style="bold" if p["verdict"] else "dim")
                out.append(f"{p['text'][:70]} — {p['headline'] or ''} {p['published'] or ''} ({p['score']:.0f})\n")
        detail.update(out)

    def _search_similar_soon(self, claim_id: int) -> None:
        """Search for the claim's similar past claims once the cursor has rested on it SIMILAR_AFTER_S.
        Started at once, the search (10-30 ms, holding the GIL in its thread) ran between j and the
        frames that show its detail and its place in the text, and j held down started one per claim."""
        if self._similar_timer is not None:
            self._similar_timer.stop()
        self._similar_timer = self.set_timer(SIMILAR_AFTER_S, lambda: self._similar_due(claim_id))

    def _similar_due(self, claim_id: int) -> None:
        self._similar_timer = None
        if self.current_id() == claim_id and claim_id not in self.similar:
            self.load_similar(claim_id)

    @work(thread=True, exclusive=True, group="similar")
    def load_similar(self, claim_id: int) -> None:
        try:
            from ..search import seen_before, similar_claims

            # the reviewed claims it was linked to at import first: the live search can miss them (a copy
            # of the new story outranked "14%" [Unproven] for "14 per cent", and the detail said "none
            # reviewed yet" of a claim the import had just called seen before)
            linked = seen_before(self.db, claim_id)
            shown = {p["id"] for p in linked}
            found = (linked + [p for p in similar_claims(self.db, claim_id, limit=4) if p["id"] not in shown])[:4]
        except Exception:  # search is an aid: the review goes on without it
            found = []
        self.app.call_from_thread(self._similar_loaded, claim_id, found)

    def _similar_loaded(self, claim_id: int, found: list[dict[str, Any]]) -> None:
        self.similar[claim_id] = found
        if self.current_id() == claim_id:
            self.show_detail()

    # ------------------------------------------------------------- actions

    def _apply(self, action, *args, **kwargs) -> dict | None:
        """Run a store action; a refusal becomes a notification, a conflict also shows both versions."""
        try:
            return action(*args, **kwargs)
        except Conflict as exc:
            self.notify(str(exc), severity="error", title="Not saved: changed by someone else")
            self.app.push_screen(TextViewer("Conflict", conflict_text(exc.current, exc.attempted)))
            if exc.current and exc.current.get("id") is not None:
                # show theirs, and let the retry the message offers start from their version: the screen
                # kept the stale one, so pressing the key again was refused again, for ever
                self.refresh_claim(exc.current["id"])
        except WorkbenchError as exc:
            self.notify(str(exc), severity="error")
        return None

    def action_move(self, step: int) -> None:
        table = self.query_one("#claims", RowList)
        if self.claims:
            table.move_cursor(row=max(0, min(len(self.claims) - 1, table.cursor_row + step)))

    # ------------------------------------------------------------- triage: order, filters, next

    def set_view(self, view: TriageView) -> None:
        """List the claims another way; the cursor keeps its claim when it is still listed."""
        self.view = view
        self.app.claim_order = view.sort
        self.reload()
        self.notify(f"Claims {view.describe(self.verdict_labels)}", markup=False)

    def action_sort(self, sort: str | None = None) -> None:
        """o: article order → check-worthiness → kind → verdict → article order."""
        self.set_view(self.view.next_sort() if sort is None else replace(self.view, sort=sort))

    def action_filter(self) -> None:
        """F: one kind or one verdict (each pick adds to the other), or all claims again."""
        def picked(choice: FilterChoice | None) -> None:
            if choice is not None:
                self.set_view(apply_choice(self.view, choice))
        self.app.push_screen(FilterPicker(self.all_claims, store.list_verdicts(self.db), self.view), picked)

    def action_unreviewed_only(self) -> None:
        """U: only the claims with no verdict and not rejected, or every claim again."""
        self.set_view(replace(self.view, unreviewed_only=not self.view.unreviewed_only))

    def action_next_unreviewed(self) -> None:
        """u: the next claim still to do below the cursor, in the list's order, wrapping to the top."""
        table = self.query_one("#claims", RowList)
        found = next_unreviewed(self.claims, table.cursor_row) if self.claims else None
        if found is None:
            self.notify("Every claim listed has a verdict or is rejected", severity="information")
        else:
            table.move_cursor(row=found)

    def judged(self, claim_id: int) -> None:
        """After a verdict or a reject: the claim's row repainted (not the list), then on to the next claim
        in the list's order when the reviewer's auto_advance is on, whose detail is the one shown.

        The detail (this claim's new verdict, or the next claim's) waits for the frame with the row: built
        and painted, it was ~10 ms of CPU and half the cells of that frame, which the terminal then had to
        take in before the row showed."""
        table = self.query_one("#claims", RowList)
        found = None
        if self.app.preferences.get("auto_advance", True):
            found = advance_after_action(self.claims, table.cursor_row, self.view)
            if found is None:
                still = " still to review" if self.view.unreviewed_only else ""
                # a warning: it stays beside the verdict's toast, and the next v would rate this claim again
                self.notify(f"That was the last claim listed{still}", severity="warning")
        self._detail_waits = True
        self.refresh_claim(claim_id, detail=False)
        if found is not None:
            table.move_cursor(row=found)
        table.after_paint(self._detail_after_row)

    def _detail_after_row(self) -> None:
        self._detail_waits = False
        self.show_detail()

    def palette_commands(self):
        """Every triage key in the command palette too (ctrl+p)."""
        for sort in SORTS:
            if sort != self.view.sort:
                yield SystemCommand(f"Sort claims by {SORT_NAMES[sort]}", "o cycles the orders",
                                    lambda sort=sort: self.action_sort(sort))
        yield SystemCommand("Filter claims by kind or verdict", "F", self.action_filter)
        yield SystemCommand("Show all claims" if self.view.unreviewed_only else "Show only unreviewed claims",
                            "U", self.action_unreviewed_only)
        yield SystemCommand("Next unreviewed claim", "u", self.action_next_unreviewed)
        on = self.app.preferences.get("auto_advance", True)
        yield SystemCommand(f"Auto-advance after a verdict: turn {'off' if on else 'on'}",
                            "kept in preferences.toml (workbench settings set auto_advance yes|no)",
                            self.app.toggle_auto_advance)

    def action_legend(self) -> None:
        """l: show or hide what the colours in the article text mean."""
        legend = self.query_one("#legend", Static)
        if not legend.display:
            view = self.query_one(ArticleView)
            legend.update(legend_text(view.get_component_rich_style("text-area--selection")))
        legend.display = not legend.display

    def action_switch_pane(self) -> None:
        """Tab: list → text → detail → list. The detail pane scrolls with the arrows once it has focus,
        which on a small terminal is how its sources and similar claims are reached."""
        panes = [self.query_one("#claims", RowList), self.query_one(ArticleView),
                 self.query_one("#detail", TextPane)]
        at = next((i for i, pane in enumerate(panes) if pane.has_focus), -1)
        self.set_focus(panes[(at + 1) % len(panes)])  # at once, not after the keys already queued

    async def action_verdict(self) -> None:
        claim = self.current()
        if claim is None:
            return

        def picked(key: str | None) -> None:
            if key and self._apply(store.set_verdict, self.db, claim["id"], key, self.reviewer,
                                   expected_version=claim["version"]):
                # the toast after the row's frame: mounting it (~2 ms) and laying it out are not the news.
                # After a refresh was not late enough: the picker's hiding is painted on the screen's next
                # update tick, and the toast was mounted before it
                said = f"{self.verdict_labels.get(key, key)}: {claim['text'][:40]}"
                self.set_timer(TOAST_AFTER_S, lambda: self.notify(said, markup=False))
                self.judged(claim["id"])
        # a layer of this screen, not a modal screen: closing a screen repainted every cell of this one.
        # Awaited here, the app runs the next key (the 1 of "v1") only once the picker is there
        picker = await self._verdict_picker()
        picker.open(store.list_verdicts(self.db), claim["verdict"], picked)

    def action_note(self) -> None:
        claim = self.current()
        if claim is None:
            return
        text = self.drafts.notes.get(claim["id"], claim["note"] or "")

        def saved(new: str | None) -> None:
            if new is None:
                return
            self.drafts.keep_note(self.article_id, claim["id"], new)
            if self._apply(store.set_note, self.db, claim["id"], new, self.reviewer, claim["version"]):
                self.drafts.drop_note(claim["id"])
                self.notify(f"Note saved: {claim['text'][:40]}", markup=False)  # which claim, as a verdict's toast
                self.refresh_claim(claim["id"])
                return
            theirs = next((c["note"] for c in self.claims if c["id"] == claim["id"]), None)
            if theirs and theirs != (claim["note"] or "") and theirs not in new:
                # a note replaces the note: the retry shows theirs above what was typed, so that saving
                # again cannot drop the other reviewer's note unseen
                self.drafts.keep_note(self.article_id, claim["id"], f"{theirs}\n\n{new}")
            self.draft_changed(claim["id"])
        def keep(typed: str) -> None:  # Esc: what was typed waits for the next n on this claim
            if typed != (claim["note"] or ""):
                self.drafts.keep_note(self.article_id, claim["id"], typed)
            else:
                self.drafts.drop_note(claim["id"])
            self.draft_changed(claim["id"])
        self.app.push_screen(NoteEditor(text, claim["text"][:40], keep=keep, stored=claim["note"] or ""), saved)

    def action_source(self) -> None:
        claim = self.current()
        if claim is None:
            return

        def saved(form: SourceInput | None) -> None:
            if form is None:
                return
            self.drafts.keep_source(self.article_id, claim["id"], form)
            link = self._apply(store.add_source, self.db, claim["id"], form.url, self.reviewer, title=form.title,
                               publisher=form.publisher, published=form.published, excerpt=form.excerpt,
                               stance=form.stance)
            if link:
                self.drafts.drop_source(claim["id"])
                self.notify(f"Source linked: {claim['text'][:40]}", markup=False)
                for field, stored in link["kept"].items():
                    self.notify(f"This URL is already stored with {field} {stored!r}, shared by every claim "
                                f"citing it; that {field} was kept", severity="warning", markup=False)
                self.refresh_claim(claim["id"])
            else:
                self.draft_changed(claim["id"])
        def keep(typed: SourceInput) -> None:  # Esc: the form comes back filled in on the next s
            if any((typed.url, typed.title, typed.publisher, typed.published, typed.excerpt)):
                self.drafts.keep_source(self.article_id, claim["id"], typed)
            else:
                self.drafts.drop_source(claim["id"])
            self.draft_changed(claim["id"])
        self.app.push_screen(SourceForm(self.drafts.sources.get(claim["id"]), keep=keep, claim=claim["text"][:40]),
                             saved)

    def action_add_claim(self) -> None:
        span = self.query_one(ArticleView).selected_span()
        if span is None:
            self.notify("Select the words of the claim in the text first (Tab to the text, shift+arrows)",
                        severity="warning")
            return
        # the text shows the selected claim's span selected: a without selecting anything added that claim
        # again, as a hand-added copy
        same = next((c for c in self.all_claims if (c["start"], c["end"]) == span), None)
        if same is not None:
            self.notify(f"The selected text is already {claim_name(same['id'], same['text'], 40)}; select other "
                        "words in the text (Tab to the text, shift+arrows)", severity="warning", markup=False)
            return
        added = self._apply(store.add_manual_claim, self.db, self.article_id, span[0], span[1], self.reviewer)
        if added:
            self.notify(f"Claim added: {added['text'][:40]}", markup=False)
            self.reload(select=added["id"])

    def action_reject(self) -> None:
        claim = self.current()
        if claim and self._apply(store.reject_claim, self.db, claim["id"], self.reviewer,
                                 expected_version=claim["version"]):
            # named: with auto-advance the cursor is already on the next claim when the toast is read
            self.notify(f"Rejected {claim_name(claim['id'], claim['text'], 40)} as not check-worthy "
                        "(ctrl+z undoes)", markup=False)
            self.judged(claim["id"])

    def action_edit_span(self) -> None:
        claim = self.current()
        span = self.query_one(ArticleView).selected_span()
        if claim is None or span is None or span == (claim["start"], claim["end"]):
            self.notify("Select the new span in the text, then press e", severity="warning")
            return
        if self._apply(store.edit_claim_span, self.db, claim["id"], span[0], span[1], self.reviewer,
                       expected_version=claim["version"]):
            self.notify("Span changed")
            self.reload(select=claim["id"])

    def action_history(self) -> None:
        claim = self.current()
        if claim:
            events = store.claim_history(self.db, claim["id"])
            self.app.push_screen(TextViewer(f"History of claim {claim['id']}", history_text(events)))

    def action_summary(self) -> None:
        """The claim's published summary (ClaimReview's claimReviewed), checked against Google's 75 characters."""
        from .publishing import SummaryEditor

        claim = self.current()
        if claim is None:
            return

        def saved(text: str | None) -> None:
            if text is not None and self._apply(store.set_summary, self.db, claim["id"], text, self.reviewer,
                                                expected_version=claim["version"]):
                self.notify("Summary saved" if text else "Summary back to the default")
                self.refresh_claim(claim["id"])

        self.app.push_screen(SummaryEditor(claim), saved)

    def action_undo(self) -> None:
        self.app.action_undo()

    def select_claim(self, claim_id: int) -> bool:
        """Re-read the list and put the cursor on this claim; when the filters hide it, they are cleared.
        False when the claim is gone (an undone add)."""
        self.reload(select=claim_id)
        if self.current_id() != claim_id and self.view.filtered:
            self.view = TriageView(sort=self.view.sort)
            self.reload(select=claim_id)
        return self.current_id() == claim_id

    def action_copy_past(self) -> None:
        claim = self.current()
        past = [p for p in self.similar.get(claim["id"], []) if p["verdict"]] if claim else []
        if not past:
            self.notify("No reviewed similar claim to copy from", severity="warning")
            return
        source = past[0]
        if self._apply(store.set_verdict, self.db, claim["id"], source["verdict"], self.reviewer,
                       note=f"Verdict copied from claim #{source['id']} ({source['headline'] or ''})",
                       expected_version=claim["version"]):
            for s in store.list_sources(self.db, source["id"]):
                self._apply(store.add_source, self.db, claim["id"], s["url"], self.reviewer, title=s["title"],
                            publisher=s["publisher"], published=s["published"], excerpt=s["excerpt"],
                            stance=s["stance"])
            self.notify(f"Copied {source['verdict']} from #{source['id']}")
            self.reload()

    def action_quote_check(self) -> None:
        from .checks import QuoteCheckScreen

        claim = self.current()
        if claim is None or claim["kind"] != "quote":
            self.notify("t checks a quote against its source; select a quote", severity="warning")
            return
        self.app.push_screen(QuoteCheckScreen(claim), lambda saved: saved and self.reload())

    def action_figure_check(self) -> None:
        from .checks import FigureCheckScreen

        claim = self.current()
        if claim is None or not (claim["value"] or {}).get("number") and not (claim["value"] or {}).get("low"):
            self.notify("f checks a figure; select a claim with a number", severity="warning")
            return
        self.app.push_screen(FigureCheckScreen(claim), lambda saved: saved and self.reload())

    def _checked_elsewhere_section(self, claim_id: int) -> Text:
        from ..store.factchecks import checked_elsewhere
        from .checked_elsewhere import detail_section

        return detail_section(checked_elsewhere(self.db, claim_id))

    def action_checked_elsewhere(self) -> None:
        """w: the outside fact-checks of this claim; s/r/c there attaches one as a source with that stance."""
        from ..store.factchecks import attach_factcheck, checked_elsewhere
        from .checked_elsewhere import CheckedElsewhereList

        claim = self.current()
        checks = checked_elsewhere(self.db, claim["id"]) if claim else []
        if not checks:
            self.notify("No other outlet's fact-check matches this claim (workbench factchecks import adds them)",
                        severity="warning")
            return

        def chosen(attach) -> None:
            if attach and self._apply(attach_factcheck, self.db, claim["id"], attach.factcheck_id, attach.stance,
                                      self.reviewer, expected_version=claim["version"]):
                self.notify(f"Fact-check attached as a source ({attach.stance})")
                self.refresh_claim(claim["id"])
        self.app.push_screen(CheckedElsewhereList(claim["text"], checks), chosen)

    def action_back(self) -> None:
        """q / Esc. Drafts are kept on the app, but only until it quits: the first press says how many wait
        here and how to save them, the second goes back."""
        waiting = self.drafts.count(self.article_id)
        if waiting and self.app.first_warning(
                "back", f"{waiting} unsaved draft{'s' if waiting != 1 else ''} on this article (✎ in the claim list): "
                        f"n or s on the claim and ctrl+s saves {'them' if waiting != 1 else 'it'}; q again goes back, "
                        f"and drafts are kept until you quit"):
            return
        self.app.pop_screen()
