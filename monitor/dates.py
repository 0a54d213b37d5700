"""One reading of the dates people type: every --since and --until of every command.

A plain date (2026-11-12) stays a date: as a lower bound it means from the start of that day, as
an upper bound to its end, and it compares as a day with stored dates that have no time. An ISO
date and time (2026-11-12T08:00, with or without a zone; UTC if none), a duration back from now
(30m, 24h, 7d, 2w), ``today`` and ``yesterday`` (UTC days) are the other forms. "Now" is
chargewatch's one clock (storage.clock).
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

from storage import clock

FORMS = "a date (2026-11-12), a date and time (2026-11-12T08:00Z), a duration back from now (24h, 7d) " \
        "or today / yesterday"
_DURATION = re.compile(r"^(\d+)\s*(m|min|h|d|w)$", re.IGNORECASE)
_UNIT = {"m": 60, "min": 60, "h": 3600, "d": 86400, "w": 7 * 86400}


def parse_when(value: str, option: str = "--since", now: datetime | None = None) -> str:
    """The bound as stored dates compare with it: ``YYYY-MM-DD`` for a day, else an ISO UTC
    date and time ``YYYY-MM-DDTHH:MM:SSZ``. Raises ValueError naming the option and the forms."""
    now = now or clock.now()
    text = value.strip()
    word = text.lower()
    if word in ("today", "yesterday"):
        return (now.date() - timedelta(days=1 if word == "yesterday" else 0)).isoformat()
    found = _DURATION.match(text)
    if found:
        seconds = int(found.group(1)) * _UNIT[found.group(2).lower()]
        return clock.to_iso(now - timedelta(seconds=seconds))
    try:
        return date.fromisoformat(text).isoformat()
    except ValueError:
        pass
    when = clock.from_iso(text)
    if when is None:
        raise ValueError(f"{option} {value!r}: use {FORMS}")
    return clock.to_iso(when)


def as_datetime(bound: str) -> str:
    """A bound as a full ISO date and time (a day becomes its start), for columns that always
    hold a time, such as when chargewatch stored a story."""
    return bound if "T" in bound else f"{bound}T00:00:00Z"
