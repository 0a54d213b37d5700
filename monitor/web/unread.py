"""What is new in the inbox: the arrival scopes ("new since my last visit", "fetched today") as
times, and the unread counts per automaker and topic, cached between page loads.

The counts are one grouped query (storage.review.unread_counts), but the inbox is loaded far
more often than stories arrive or staff act, so each answer is kept until either happens
(storage.review.inbox_version: two index lookups) or ``COUNT_TTL`` passes (a retag changes
tags without either).
"""

from __future__ import annotations

import threading
import time
from datetime import datetime, timedelta

from storage import clock, review

from .timefmt import zone

ARRIVED = ("all", "new", "today")  # ?arrived=: every story, new since my last visit, fetched today
UNREAD_DAYS = 14  # without an arrival scope, the counts are of the stories of the last two weeks
COUNT_TTL = 60.0  # seconds an unchanged answer is trusted
CACHE_SIZE = 32


def day_start(now: datetime, tz_name: str | None) -> datetime:
    """Midnight of ``now``'s day in the configured time zone (the digest's; UTC without one)."""
    local = now.astimezone(zone(tz_name))
    return local.replace(hour=0, minute=0, second=0, microsecond=0)


def arrival_since(arrived: str, last_visit: str | None, tz_name: str | None) -> str | None:
    """The arrival time an inbox scope starts at, as stored (None: no bound). ``new`` without an
    earlier visit is every story: all of it is new to a first-time reader."""
    if arrived not in ARRIVED:
        raise ValueError(f"arrived must be one of {', '.join(ARRIVED)}")
    if arrived == "today":
        return clock.to_iso(day_start(clock.now(), tz_name))
    if arrived == "new":
        return last_visit
    return None


def count_window(since: str | None) -> str:
    """Where the unread counts start: the scope's own start, else ``UNREAD_DAYS`` ago rounded
    down to the hour (so that successive loads share a cached answer)."""
    if since:
        return since
    start = clock.now() - timedelta(days=UNREAD_DAYS)
    return clock.to_iso(start.replace(minute=0, second=0, microsecond=0))


class CountCache:
    """Unread counts by window, each valid while storage.review.inbox_version is unchanged and
    for at most COUNT_TTL seconds. Shared by the worker threads that serve requests."""

    def __init__(self):
        self.lock = threading.Lock()
        self.entries: dict[str, tuple[tuple[int, int], float, review.UnreadCounts]] = {}

    def get(self, db, since: str) -> review.UnreadCounts:
        version = review.inbox_version(db)
        with self.lock:
            hit = self.entries.get(since)
        if hit and hit[0] == version and time.monotonic() - hit[1] < COUNT_TTL:
            return hit[2]
        counts = review.unread_counts(db, since)
        with self.lock:
            if len(self.entries) >= CACHE_SIZE:
                self.entries.clear()
            self.entries[since] = (version, time.monotonic(), counts)
        return counts


def count_cache(state) -> CountCache:
    """The app's cache, made on first use."""
    cache = getattr(state, "unread_cache", None)
    if cache is None:
        cache = state.unread_cache = CountCache()
    return cache
