"""What one pass did for one source (the summary table's row), and how an unexpected error is
written on a source's or an item's row. monitor.pipeline fills these in; ``SourceReport`` is
re-exported there.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .fetch.charset import scrub


@dataclass
class SourceReport:
    """What one pass did for one source (the summary table's row)."""

    name: str
    new: int = 0
    updated: int = 0  # stored articles whose text changed (updated in place)
    unchanged: int = 0  # documents (feed, sitemap, listing) answered with 304
    documents: int = 0
    failed: int = 0
    bytes: int = 0
    seconds: float = 0.0
    error: str | None = None
    error_kind: str | None = None  # the error's kind (monitor.errors), recorded with it
    warning: str | None = None
    errors: list[str] = field(default_factory=list)
    busy: str | None = None  # another process held the source's lease: left alone this time

    @property
    def status(self) -> str:
        if self.busy:
            return "busy"
        if self.error:
            return "failed"
        if self.warning:
            return "partial"
        if self.documents and self.unchanged == self.documents and not self.new:
            return "unchanged"
        return "ok"


def internal_error(exc: BaseException, url: str | None = None) -> str:
    """An unexpected error as recorded on the source or item row: its type, its message (which
    may quote the web, so scrubbed), and the URL it happened on."""
    where = f" ({url})" if url else ""
    return scrub(f"internal error: {type(exc).__name__}: {exc}"[:1000]) + where
