"""Errors a user can cause. The CLI turns each into one line on stderr and exit 1;
the TUI into a notification. The message says what was wrong and what to do next."""
from __future__ import annotations

from typing import Any


class WorkbenchError(Exception):
    """A refusal the user can act on; str(error) is the whole message."""


class BadInput(WorkbenchError):
    """A file or text that cannot be imported (binary, empty, too big, missing)."""


class NotFound(WorkbenchError):
    """An article, claim or verdict id that is not in the database."""


class SchemaTooNew(WorkbenchError):
    """The database was written by a newer Claim Workbench."""


class Conflict(WorkbenchError):
    """Another reviewer changed the row since this reviewer read it.

    `current` is the row as it is now, `attempted` what this reviewer tried to
    write, so a UI can show both and keep the reviewer's input for a retry.
    """

    def __init__(self, message: str, current: dict[str, Any], attempted: dict[str, Any]):
        super().__init__(message)
        self.current = current
        self.attempted = attempted


class MissingReviewUrls(WorkbenchError):
    """A ClaimReview export refused before writing: these claims would have no `url`. str() says what to do
    on the command line; `claims` lets the TUI say it its own way (the Draft box, not --draft)."""

    def __init__(self, claims: list[int]):
        self.claims = claims
        super().__init__(f"no review page URL for {self.named()}: set the desk's with "
                         "`workbench settings set review_url 'https://…/{claim}'` or pass --review-url "
                         "(or --draft to export them marked as drafts)")

    def named(self) -> str:
        shown = ", ".join(map(str, self.claims[:20])) + (
            f" and {len(self.claims) - 20} more" if len(self.claims) > 20 else "")
        return f"claim{'s' if len(self.claims) > 1 else ''} {shown}"
