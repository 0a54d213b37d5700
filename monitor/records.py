"""The records each stage hands to the next, in the order an article travels:

fetch (``FetchRecord`` per attempt, ``FetchResult`` per URL) -> parse (``FeedItem``s in a
``Discovery``) -> extract (``Page``) -> the worker's one trip (``Extracted``: the page, its tags,
its story signature and content hash) -> storage.

All frozen: a stage never changes what an earlier one found, it makes a new record. They are
here together, not each beside the code that makes it, so a reader sees the whole flow at once;
the stage modules import them from here (``from monitor.parse import FeedItem`` and the like
keep working).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .fetch.charset import scrub

if TYPE_CHECKING:
    from nlp.tags import Tags

    from .dedupe import Signature


# -- fetch -----------------------------------------------------------------------------------------

@dataclass(frozen=True)
class FetchResult:
    """What one URL gave us, after redirects and content decoding (a gzipped file is unwrapped:
    ``body`` is the document, ready to parse)."""

    url: str
    final_url: str
    status: int
    content_type: str = ""
    charset: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    body: bytes = b""
    attempts: tuple[FetchRecord, ...] = field(default=(), repr=False, compare=False)

    @property
    def not_modified(self) -> bool:
        return self.status == 304


@dataclass(frozen=True)
class FetchRecord:
    """One HTTP attempt, for the ``fetches`` table."""

    url: str
    status: int | None
    bytes: int
    duration_ms: int
    error: str | None


# -- parse -----------------------------------------------------------------------------------------

@dataclass(frozen=True)
class FeedItem:
    """A link found in a feed, sitemap or listing, with whatever metadata came with it."""

    url: str
    title: str | None = None
    published: str | None = None  # ISO 8601, UTC
    author: str | None = None
    summary: str | None = None
    kind: str = "article"  # "report" for PDFs
    via: str | None = None  # the page a PDF was linked from
    updated: str | None = None  # when the source says the item last changed (refetch if later)

    def __post_init__(self) -> None:
        # Every field comes from the web: whatever a parser took from a document, a FeedItem
        # holds only text that can be stored and printed (no lone surrogate, no control
        # character, no object where a string belongs).
        for name in ("url", "title", "published", "author", "summary", "via", "updated"):
            value = getattr(self, name)
            clean = scrub(value)
            if clean is not value:
                object.__setattr__(self, name, clean)
        if not self.url:
            raise ValueError("a FeedItem needs a URL")
        if self.kind not in ("article", "report"):
            object.__setattr__(self, "kind", "article")


@dataclass(frozen=True)
class Discovery:
    """What a source document gave: items, child sitemaps to read, and any recovered-from warning."""

    items: tuple[FeedItem, ...] = ()
    children: tuple[str, ...] = ()
    warning: str | None = None


# -- extract ---------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Page:
    """The extracted article or report."""

    url: str
    title: str | None
    text: str
    author: str | None
    published: str | None
    language: str | None
    kind: str  # article | report
    canonical: str | None = None
    pdf_links: tuple[str, ...] = ()


@dataclass(frozen=True)
class Extracted:
    """What a worker hands back for one page: every CPU-bound result at once."""

    page: Page
    tags: Tags
    signature: Signature
    content_hash: str
    # supply links its sentences state (nlp.proposals.ProposedLink), stored for staff to review;
    # only sought when the tags hold both an automaker and a supplier
    proposals: tuple = ()
