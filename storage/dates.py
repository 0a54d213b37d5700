"""Date bounds on stored dates, some of which have no time.

Publication dates are stored as ISO UTC ("2026-11-12T07:30:00Z") or, when the source gave only
a day (ICCT pages, PDF reports, sitemaps), as the day ("2026-11-12"). Compared as text with a
date and time, a day sorts before every time of itself, so a report of 2026-11-12 would fall
out of "since 2026-11-12T07:30". Here a day is handled as a day: it matches a bound when any
part of it is inside.
"""

from __future__ import annotations

from datetime import date, timedelta


def bounds_sql(column: str, since: str | None, until: str | None) -> tuple[list[str], list]:
    """WHERE clauses for since (inclusive) and until (inclusive; a day: to its end) on
    ``column``. Each bound is ``YYYY-MM-DD`` or ``YYYY-MM-DDTHH:MM:SSZ`` (monitor.dates)."""
    where, params = [], []
    if since:
        if len(since) == 10:  # a day: every time of it, and the day itself, sort at or after it
            where.append(f"{column} >= ?")
            params.append(since)
        else:  # a time: a stored day that contains it counts too
            where.append(f"({column} >= ? OR {column} = ?)")
            params += [since, since[:10]]
    if until:
        if len(until) == 10:
            where.append(f"{column} < ?")
            params.append((date.fromisoformat(until) + timedelta(days=1)).isoformat())
        else:  # a stored day sorts before any time of itself: it is kept, as it should be
            where.append(f"{column} <= ?")
            params.append(until)
    return where, params
