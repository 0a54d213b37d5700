"""When each source runs next, when a failing source is paused, when the digest is due.

Pure functions of the clock, the source's row and a random generator, so the tests drive them
with any clock they like. ``monitor.runner`` applies them with APScheduler.
"""

from __future__ import annotations

import random
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

from apscheduler.triggers.cron import CronTrigger

from storage import clock

from .config import DigestSettings, ScheduleSettings



def jittered(seconds: float, jitter: float, rng: random.Random) -> float:
    """``seconds`` varied by up to ``jitter`` (a fraction) either way, so sources drift apart."""
    return seconds * (1 + rng.uniform(-jitter, jitter))


def backoff(interval: float, failures: int, cap: float) -> float:
    """The wait after ``failures`` consecutive failures: the interval doubled each time, capped
    (but never below the interval itself)."""
    if failures <= 0:
        return interval
    return max(interval, min(interval * 2 ** (failures - 1), cap))


def next_run(now: datetime, interval: float, failures: int, settings: ScheduleSettings, rng: random.Random) -> datetime:
    """After a run: the interval (or the backoff, after failures), with jitter."""
    return now + timedelta(seconds=jittered(backoff(interval, failures, settings.max_backoff), settings.jitter, rng))


def first_run(now: datetime, *, next_run_at: str | None, last_run: str | None, interval: float,
              rng: random.Random, spread: float = 300.0) -> datetime:
    """When a source first runs after a start: at its stored next run if that is ahead (a restart
    continues the schedule); a source that is due (overdue, or never run) at a random moment in
    the next ``spread`` seconds (at most one interval), so they do not all fire at once."""
    planned = clock.from_iso(next_run_at)
    if planned is None and last_run:
        last = clock.from_iso(last_run)
        planned = last + timedelta(seconds=interval) if last else None
    if planned is not None and planned > now:
        return planned
    return now + timedelta(seconds=rng.uniform(0, min(spread, interval)))


def should_pause(consecutive_failures: int, settings: ScheduleSettings) -> bool:
    return consecutive_failures >= settings.pause_after


def is_stale(now: datetime, last_new: str | None, created: str | None, settings: ScheduleSettings) -> bool:
    """Nothing new for ``stale_after`` (counted from when the source was added, if it never gave
    anything): its feed may have moved."""
    since = clock.from_iso(last_new) or clock.from_iso(created)
    return since is not None and (now - since).total_seconds() > settings.stale_after


def digest_trigger(settings: DigestSettings) -> CronTrigger:
    hour, minute = (int(x) for x in settings.time.split(":"))
    return CronTrigger(hour=hour, minute=minute, timezone=ZoneInfo(settings.timezone))


def next_digest(now: datetime, settings: DigestSettings) -> datetime:
    """The next digest time after ``now``, in UTC; the local time holds across daylight-saving changes."""
    return digest_trigger(settings).get_next_fire_time(None, now).astimezone(timezone.utc)


def last_scheduled_digest(now: datetime, settings: DigestSettings) -> datetime:
    """The most recent digest time at or before ``now``."""
    zone = ZoneInfo(settings.timezone)
    local = now.astimezone(zone)
    hour, minute = (int(x) for x in settings.time.split(":"))
    for days in range(0, 3):
        day = (local - timedelta(days=days)).date()
        candidate = datetime(day.year, day.month, day.day, hour, minute, tzinfo=zone)
        # a time skipped by a daylight-saving jump is moved on, as the trigger does
        candidate = candidate.astimezone(timezone.utc).astimezone(zone)
        if candidate <= local:
            return candidate.astimezone(timezone.utc)
    return (local - timedelta(days=1)).astimezone(timezone.utc)


def digest_missed(now: datetime, last_digest_until: str | None, settings: DigestSettings) -> bool:
    """True when the most recent digest time has passed without a regular digest after it (the
    machine was off at that hour): the runner then makes it once, at start."""
    last = clock.from_iso(last_digest_until)
    if last is None:  # no digest ever: nothing was missed, the first comes at the next digest time
        return False
    return last < last_scheduled_digest(now, settings)


def health(row, settings: ScheduleSettings, now: datetime | None = None) -> str:
    """One word for a source's row (storage.sources.SourceRow): disabled, paused, failing,
    never fetched (configured but never run: not yet known to be healthy), possibly stale, or ok."""
    now = now or clock.now()
    if not row.enabled:
        return "disabled"
    if row.paused:
        return "paused"
    if row.consecutive_failures:
        return "failing"
    if row.last_run is None:
        return "never fetched"
    if is_stale(now, row.last_new, row.created, settings):
        return "possibly stale"
    return "ok"
