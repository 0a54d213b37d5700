"""Stored times as people read them: "3 hours ago", "yesterday 08:12", "12 Oct 2026", in the
configured time zone (the digest's ``timezone`` in feeds.yaml), with the exact time one hover
away. Pure: the caller passes "now" (storage.clock) and the zone, so tests need no waiting."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta, tzinfo
from functools import lru_cache
from zoneinfo import ZoneInfo

from storage import clock


@dataclass(frozen=True)
class When:
    """A time as shown (``text``), its exact local time for the tooltip (``title``) and the stored
    ISO form for the ``datetime`` attribute (``iso``)."""

    text: str
    title: str
    iso: str


@lru_cache(maxsize=32)
def zone(name: str | None) -> tzinfo:
    """The IANA zone (validated where feeds.yaml is read); UTC without one."""
    return ZoneInfo(name or "UTC")


def _plural(n: int, unit: str) -> str:
    return f"{n} {unit}" if n == 1 else f"{n} {unit}s"


def relative(at: datetime, now: datetime, tz: tzinfo) -> str:
    """``at`` said relative to ``now`` the way a person would, in zone ``tz``: "just now",
    "12 minutes ago", "3 hours ago" (same local day), "yesterday 08:12", "Mon 14:05" within a
    week, else the date ("12 Oct 2026"). Future times (the next run) read "in 20 minutes",
    "today 18:00", "tomorrow 06:30"."""
    local, today = at.astimezone(tz), now.astimezone(tz)
    days = (local.date() - today.date()).days
    seconds = (at - now).total_seconds()
    clock_time = local.strftime("%H:%M")
    if abs(seconds) < 60:
        return "just now" if seconds <= 0 else "in a minute"
    if abs(seconds) < 3600:
        minutes = _plural(round(abs(seconds) / 60) or 1, "minute")
        return f"{minutes} ago" if seconds < 0 else f"in {minutes}"
    if days == 0:
        if seconds < 0:
            return f"{_plural(int(-seconds // 3600), 'hour')} ago"
        return f"today {clock_time}"
    if days == -1:
        return f"yesterday {clock_time}"
    if days == 1:
        return f"tomorrow {clock_time}"
    if -7 < days < 0:
        return local.strftime("%a ") + clock_time
    return f"{local.day} {local.strftime('%b %Y')}"


def when(value: str | None, tz_name: str | None, now: datetime | None = None) -> When | None:
    """A stored time (clock.to_iso's form) for a page; None for no time or one that cannot be read."""
    at = clock.from_iso(value) if value else None
    if at is None:
        return None
    tz = zone(tz_name)
    local = at.astimezone(tz)
    title = f"{local.strftime('%Y-%m-%d %H:%M')} {local.tzname()} ({value})"
    return When(relative(at, now or clock.now(), tz), title, value)
