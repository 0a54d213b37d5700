"""What every parser gives (``FeedItem``, ``Discovery``) and the values it takes from web documents:
links, dates and lines of text, each made safe or dropped (never an error: they come from the web)."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import datetime, timezone
from urllib.parse import urljoin, urlsplit

from feedparser.datetimes import _parse_date as _parse_feed_date
from bs4 import BeautifulSoup

from .fetch.charset import scrub

MAX_ITEMS = 5000
_PDF_PATH = re.compile(r"\.pdf$", re.I)


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


def is_pdf_url(url: str) -> bool:
    return bool(_PDF_PATH.search(urlsplit(url).path))


def http_url(href, base: str) -> str | None:
    href = scrub(href)
    if not href:
        return None
    href = href.strip()
    if not href or href.startswith("#"):
        return None
    try:
        url = urljoin(base, href)
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            return None
    except ValueError:  # e.g. a malformed IPv6 host
        return None
    return url


def struct_iso(value) -> str | None:
    try:
        return _iso(datetime.fromtimestamp(calendar.timegm(value), tz=timezone.utc)) if value else None
    except (TypeError, ValueError, OverflowError):
        return None


def _iso(value: datetime | None) -> str | None:
    if value is None:
        return None
    if value.tzinfo is None:
        value = value.replace(tzinfo=timezone.utc)
    return value.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def parse_date(text: str | None) -> str | None:
    """Any common date string -> ISO 8601 UTC, or None (never an error: dates come from the web)."""
    text = scrub(text)
    if not text or not text.strip():
        return None
    text = text.strip()[:100]
    try:
        return _iso(datetime.fromisoformat(text.replace("Z", "+00:00")))
    except (ValueError, OverflowError):
        pass
    try:
        parsed = _parse_feed_date(text)  # RFC 822, W3CDTF and the odd formats feeds use
        if parsed:
            return _iso(datetime.fromtimestamp(calendar.timegm(parsed), tz=timezone.utc))
    except (ValueError, OverflowError, OSError, TypeError):
        pass
    return None


def item_kind(url: str) -> str:
    return "report" if is_pdf_url(url) else "article"


def error_text(exc: BaseException) -> str:
    return scrub(str(exc)) or ""


def skipped_warning(errors: list[str]) -> str | None:
    if not errors:
        return None
    return f"skipped {len(errors)} malformed entr{'y' if len(errors) == 1 else 'ies'} ({errors[0]})"


def join_warnings(*warnings_: str | None) -> str | None:
    return "; ".join(w for w in warnings_ if w) or None

# -- helpers ------------------------------------------------------------------------------------

def as_str(value) -> str | None:
    return value if isinstance(value, str) else None


def clean(text: str | None) -> str | None:
    """One line of text from the web, at most 1,000 characters (None for anything but text)."""
    text = scrub(text)
    if not text:
        return None
    text = " ".join(text.split())
    return text[:1000] or None


def strip_html(text: str | None) -> str | None:
    text = scrub(text)
    if not text:
        return None
    if "<" in text:
        text = BeautifulSoup(text[:200_000], "lxml").get_text(" ", strip=True)
    return clean(text[:20000])
