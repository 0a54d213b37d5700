"""The values every parser takes from web documents (its records, ``FeedItem`` and ``Discovery``, are in monitor/records.py):
links, dates and lines of text, each made safe or dropped (never an error: they come from the web)."""

from __future__ import annotations

import calendar
from datetime import datetime, timezone

from bs4 import BeautifulSoup
from feedparser.datetimes import _parse_date as _parse_feed_date

from storage import clock

from .fetch.charset import scrub
from .links import is_pdf_url

MAX_ITEMS = 5000


def struct_iso(value) -> str | None:
    try:
        return _iso(datetime.fromtimestamp(calendar.timegm(value), tz=timezone.utc)) if value else None
    except (TypeError, ValueError, OverflowError):
        return None


def _iso(value: datetime | None) -> str | None:
    return None if value is None else clock.to_iso(value)


def parse_date(text: str | None) -> str | None:
    """Any common date string -> ISO 8601 UTC, or None (never an error: dates come from the web)."""
    text = scrub(text)
    if not text or not text.strip():
        return None
    text = text.strip()[:100]
    try:
        when = clock.from_iso(text)
        if when is not None:
            return clock.to_iso(when)
    except (ValueError, OverflowError):  # year 1 or 9999 moved across a day boundary
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
