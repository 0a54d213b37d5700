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


def set_clock(source: Callable[[], datetime] | None) -> Callable[[], datetime]:
    """Make ``source`` the clock (None: the machine's again); returns the one it replaces, so a
    caller can put it back."""
    global _source
    previous, _source = _source, source or system_now
    return previous
