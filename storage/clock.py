"""The one clock: every "now" chargewatch reads comes from here.

Rows are stamped with it (stored, fetched, runs, sessions, digests), and the monitor reads it for
the digest window, the schedule, source health, sessions, feed dates and Retry-After dates. Having
one source of "now" is what lets the tests set the date: a test that drives the product on
2026-11-25 sets this clock, and nothing underneath reads the wall clock behind its back (a digest
stamped with the real date once made a missed-digest check see a digest from the future).

It lives in ``storage`` because storage is the lowest layer that needs it (it stamps rows);
``monitor`` imports it from here, so data still flows one way.
"""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Callable

ISO = "%Y-%m-%dT%H:%M:%SZ"


def system_now() -> datetime:
    """The machine's time, in UTC."""
    return datetime.now(timezone.utc)


_source: Callable[[], datetime] = system_now


def now() -> datetime:
    """The current time, timezone-aware, in UTC."""
    when = _source()
    return when.replace(tzinfo=timezone.utc) if when.tzinfo is None else when.astimezone(timezone.utc)


def now_iso() -> str:
    """The current time as the database stores it: 2026-11-25T08:00:00Z."""
    return now().strftime(ISO)


def to_iso(when: datetime) -> str:
    """A time as the database stores it (UTC, seconds, ``Z``); a naive time is taken as UTC."""
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    return when.astimezone(timezone.utc).strftime(ISO)


def from_iso(value: str | None) -> datetime | None:
    """A stored (or ISO 8601) time as an aware UTC datetime; None for nothing or what is not one.

    Takes what the database holds (``2026-11-25T08:00:00Z``) and the other ISO forms that reach
    it (an offset, a lower-case ``z``, a bare date, no zone: UTC)."""
    if not value:
        return None
    try:
        when = datetime.fromisoformat(value.strip().replace("Z", "+00:00").replace("z", "+00:00"))
        return when.replace(tzinfo=timezone.utc) if when.tzinfo is None else when.astimezone(timezone.utc)
    except (ValueError, OverflowError):  # not a time, or one that leaves the calendar in UTC
        return None


def set_clock(source: Callable[[], datetime] | None) -> Callable[[], datetime]:
    """Make ``source`` the clock (None: the machine's again); returns the one it replaces, so a
    caller can put it back."""
    global _source
    previous, _source = _source, source or system_now
    return previous
