"""Notes and source forms a reviewer typed and did not save (Esc, or a save that was refused), by claim.

They live on the app, not on a review screen, so leaving an article and coming back finds them. They are
not written anywhere (a draft is not the reviewer's word yet), so quitting loses them: the app warns first."""
from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the form's widgets load with the first review screen, not at start-up
    from .modals import SourceInput


class Drafts:
    def __init__(self) -> None:
        self.notes: dict[int, str] = {}
        self.sources: dict[int, SourceInput] = {}
        self._article: dict[int, int] = {}  # claim id -> its article: the warnings say where drafts wait
        # bumped on every change, so a "press again" warning given about some drafts does not wave through
        # a press made after more were typed
        self.changes = 0

    def keep_note(self, article_id: int, claim_id: int, text: str) -> None:
        self.notes[claim_id] = text
        self._kept(article_id, claim_id)

    def drop_note(self, claim_id: int) -> None:
        if self.notes.pop(claim_id, None) is not None:
            self.changes += 1

    def keep_source(self, article_id: int, claim_id: int, form: SourceInput) -> None:
        self.sources[claim_id] = form
        self._kept(article_id, claim_id)

    def drop_source(self, claim_id: int) -> None:
        if self.sources.pop(claim_id, None) is not None:
            self.changes += 1

    def _kept(self, article_id: int, claim_id: int) -> None:
        self._article[claim_id] = article_id
        self.changes += 1

    def has(self, claim_id: int) -> bool:
        return claim_id in self.notes or claim_id in self.sources

    def count(self, article_id: int | None = None) -> int:
        """Unsaved drafts in one article, or in all; a claim's note and its source form count as two."""
        return sum(1 for claim_id in [*self.notes, *self.sources]
                   if article_id is None or self._article[claim_id] == article_id)

    def article_ids(self) -> list[int]:
        """The articles holding drafts, in the order their first draft was kept."""
        return list(dict.fromkeys(self._article[claim_id] for claim_id in self._article if self.has(claim_id)))
