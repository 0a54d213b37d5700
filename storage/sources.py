"""Sources and their health (Miniflux-style: an error counter on the source's own row)."""

from __future__ import annotations

import os
import socket
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlite_utils import Database

from . import clock
from .clock import now_iso
from .rows import dicts, one


@dataclass(frozen=True)
class SourceRow:
    name: str
    kind: str
    url: str
    enabled: bool
    last_run: str | None
    last_success: str | None
    last_error: str | None
    last_error_at: str | None
    consecutive_failures: int
    error_count: int
    articles: int
    articles_7d: int
    paused: bool = False
    next_run: str | None = None
    last_new: str | None = None
    created: str | None = None
    error_kind: str | None = None  # last_error's kind (monitor.errors: timeout, http...); a clean run clears it


def sync_sources(db: Database, specs) -> None:
    """Make the sources table match the configuration (rows are kept for removed sources)."""
    with db.atomic():
        for s in specs:
            db.execute(
                "INSERT INTO sources (name, kind, url, enabled, created) VALUES (?, ?, ?, ?, ?) "
                "ON CONFLICT(name) DO UPDATE SET kind = excluded.kind, url = excluded.url, "
                "enabled = excluded.enabled",
                [s.name, s.kind, s.url, int(s.enabled), now_iso()])


def with_configured(rows: list[SourceRow], specs) -> list[SourceRow]:
    """The stored rows seen through the configuration, without writing it: each configured
    source with its kind, URL and enabled flag from the file, and a row of its own (never run)
    when the database has none yet. Listing sources never changes the database."""
    from dataclasses import replace

    by_name = {r.name: r for r in rows}
    for s in specs:
        row = by_name.get(s.name)
        by_name[s.name] = replace(row, kind=s.kind, url=s.url, enabled=s.enabled) if row else \
            SourceRow(name=s.name, kind=s.kind, url=s.url, enabled=s.enabled, last_run=None, last_success=None,
                      last_error=None, last_error_at=None, consecutive_failures=0, error_count=0, articles=0,
                      articles_7d=0)
    return [by_name[name] for name in sorted(by_name)]


def source_names(db: Database) -> list[str]:
    """Every source the database knows: configured ones and any that stored an article."""
    return [r[0] for r in db.execute("SELECT name FROM sources UNION SELECT DISTINCT source FROM articles")]


def storable_text(value: str | None, limit: int = 2000) -> str | None:
    """An error message as SQLite can store it: one quoting the web may hold a lone surrogate,
    which UTF-8 cannot encode (it is written as its escape instead)."""
    if value is None:
        return None
    value = str(value)[:limit]
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        value = value.encode("utf-8", "backslashreplace").decode("utf-8")
    return value


def record_success(db: Database, name: str, at: str | None = None) -> None:
    """The source ran cleanly: its failure (count and kind) is over; the last error's message
    and time stay on the row, as history."""
    at = at or now_iso()
    db.execute("UPDATE sources SET last_run = ?, last_success = ?, consecutive_failures = 0, error_kind = NULL "
               "WHERE name = ?", [at, at, name])


def record_partial(db: Database, name: str, error: str, at: str | None = None, *, kind: str | None = None) -> None:
    """The source answered but was damaged (a malformed feed we recovered items from): the error
    (and its ``kind``) is shown on its row, yet it does not count towards consecutive failures."""
    at = at or now_iso()
    db.execute("UPDATE sources SET last_run = ?, last_success = ?, last_error = ?, error_kind = ?, "
               "last_error_at = ?, consecutive_failures = 0, error_count = error_count + 1 WHERE name = ?",
               [at, at, storable_text(error), kind, at, name])


def record_failure(db: Database, name: str, error: str, at: str | None = None, *, kind: str | None = None) -> None:
    """The source failed; ``kind`` is the error's (timeout, http, parse...: monitor.errors), kept
    beside its message so failing sources can be grouped by it."""
    at = at or now_iso()
    db.execute(
        "UPDATE sources SET last_run = ?, last_error = ?, error_kind = ?, last_error_at = ?, "
        "consecutive_failures = consecutive_failures + 1, error_count = error_count + 1 WHERE name = ?",
        [at, storable_text(error), kind, at, name])


def list_sources(db: Database, now: datetime | None = None) -> list[SourceRow]:
    now = now or clock.now()
    week_ago = clock.to_iso(now - timedelta(days=7))
    rows = dicts(
        db, "SELECT s.name, s.kind, s.url, s.enabled, s.last_run, s.last_success, s.last_error, "
        "s.last_error_at, s.consecutive_failures, s.error_count, "
        "(SELECT count(*) FROM articles a WHERE a.source = s.name) AS articles, "
        "(SELECT count(*) FROM articles a WHERE a.source = s.name AND a.fetched >= ?) AS articles_7d, "
        "s.paused, s.next_run, s.last_new, s.created, s.error_kind "
        "FROM sources s ORDER BY s.name", [week_ago])
    return [SourceRow(**{**r, "enabled": bool(r["enabled"]), "paused": bool(r["paused"]),
                         "consecutive_failures": r["consecutive_failures"] or 0, "error_count": r["error_count"] or 0})
            for r in rows]


def get_validators(db: Database, url: str) -> tuple[str | None, str | None]:
    row = db.execute("SELECT etag, last_modified FROM validators WHERE url = ?", [url]).fetchone()
    return (row[0], row[1]) if row else (None, None)


def save_validators(db: Database, url: str, source: str, etag: str | None, last_modified: str | None) -> None:
    """Remember ETag/Last-Modified for the next conditional GET (a 304 may bring a new one)."""
    if not etag and not last_modified:
        db.execute("DELETE FROM validators WHERE url = ?", [url])
        return
    db.execute(
        "INSERT INTO validators (url, source, etag, last_modified, checked) VALUES (?, ?, ?, ?, ?) "
        "ON CONFLICT(url) DO UPDATE SET etag = coalesce(excluded.etag, etag), "
        "last_modified = coalesce(excluded.last_modified, last_modified), checked = excluded.checked",
        [url, source, etag, last_modified, now_iso()])


def known_documents(db: Database, source: str, exclude: str) -> list[str]:
    """Child documents (sitemaps) of a source seen before, for re-checking when the index is a 304."""
    rows = db.execute("SELECT url FROM validators WHERE source = ? AND url != ? ORDER BY url",
                      [source, exclude]).fetchall()
    return [r[0] for r in rows]


def forget_documents(db: Database, source: str, keep) -> None:
    """Drop validators of documents the source no longer lists."""
    keep = list(keep)
    placeholders = ",".join("?" * len(keep)) or "''"
    db.execute(f"DELETE FROM validators WHERE source = ? AND url NOT IN ({placeholders})", [source, *keep])


# -- the schedule (chargewatch run) -----------------------------------------------------------------

@dataclass(frozen=True)
class ScheduleRow:
    name: str
    last_run: str | None
    next_run: str | None
    consecutive_failures: int
    paused: bool
    last_new: str | None
    created: str | None


def schedule_rows(db: Database) -> dict[str, ScheduleRow]:
    rows = dicts(db, "SELECT name, last_run, next_run, consecutive_failures, paused, last_new, created FROM sources")
    return {r["name"]: ScheduleRow(**{**r, "consecutive_failures": r["consecutive_failures"] or 0,
                                      "paused": bool(r["paused"])}) for r in rows}


def set_next_run(db: Database, name: str, when: str | None) -> None:
    db.execute("UPDATE sources SET next_run = ? WHERE name = ?", [when, name])


def pause(db: Database, name: str, at: str | None = None) -> None:
    db.execute("UPDATE sources SET paused = 1, paused_at = ?, next_run = NULL WHERE name = ?", [at or now_iso(), name])


def resume(db: Database, name: str) -> str:
    """Unpause a source and clear its failure count; it runs again soon. Returns "resumed",
    "not paused" (nothing changed) or "unknown"."""
    cur = db.execute("UPDATE sources SET paused = 0, paused_at = NULL, consecutive_failures = 0, next_run = NULL "
                     "WHERE name = ? AND paused = 1", [name])
    if cur.rowcount:
        return "resumed"
    known = db.execute("SELECT 1 FROM sources WHERE name = ?", [name]).fetchone()
    return "not paused" if known else "unknown"


INTERRUPTED = "interrupted: the process running it ended first (killed or crashed); ended is its last request"


def _close_interrupted(db: Database, name: str, at: str) -> int:
    """Close the source's earlier runs that never ended: their process was killed or crashed
    (the caller holds the source's lease, so no live process is running it). Their end is
    the last request they made (the fetch log), or their start when they made none."""
    return db.execute(
        "UPDATE runs SET status = 'interrupted', error = ?, ended = coalesce("
        "(SELECT max(f.at) FROM fetches f WHERE f.source = runs.source AND f.at >= runs.started AND f.at <= ?), "
        "runs.started) WHERE source = ? AND ended IS NULL",
        [INTERRUPTED, at, name]).rowcount


def record_run_start(db: Database, name: str) -> int:
    """Record that a run of the source starts; earlier runs of it left unfinished by a killed
    process are closed as 'interrupted' first, so the sources page never shows them running."""
    at = now_iso()
    with db.atomic():
        _close_interrupted(db, name, at)
        return db.execute("INSERT INTO runs (source, started) VALUES (?, ?)", [name, at]).lastrowid


def record_run_end(db: Database, run_id: int, *, status: str, new: int, updated: int, unchanged: int, failed: int,
                   bytes_: int, error: str | None) -> None:
    db.execute("UPDATE runs SET ended = ?, status = ?, new = ?, updated = ?, unchanged = ?, failed = ?, bytes = ?, "
               "error = ? WHERE id = ?", [now_iso(), status, new, updated, unchanged, failed, bytes_,
                                          storable_text(error or "") or None, run_id])
    if new:
        db.execute("UPDATE sources SET last_new = ? WHERE name = (SELECT source FROM runs WHERE id = ?)",
                   [now_iso(), run_id])


def last_runs(db: Database) -> dict[str, dict]:
    """Each source's latest run. One that never ended while no live process holds the source's
    lease was interrupted (its process was killed): it is shown so, not as running."""
    cols = ("started", "ended", "status", "new", "updated", "unchanged", "failed", "bytes", "error")
    rows = db.execute(f"SELECT source, {', '.join(cols)} FROM runs WHERE id IN (SELECT max(id) FROM runs GROUP BY source)")
    out = {r[0]: dict(zip(cols, r[1:])) for r in rows}
    unfinished = [name for name, run in out.items() if run["ended"] is None]
    if unfinished:
        held = {name for name, lease in leases(db).items() if lease.alive()}
        for name in unfinished:
            if name not in held:
                run = out[name]
                last = db.execute("SELECT max(at) FROM fetches WHERE source = ? AND at >= ?",
                                  [name, run["started"]]).fetchone()[0]
                run.update(ended=last or run["started"], status="interrupted", error=INTERRUPTED)
    return out


# -- leases: one process fetches a source at a time ---------------------------------------------

LEASE_MAX = timedelta(hours=6)  # a lease older than this is stale whatever its process looks like


def _start_time(pid: int) -> str | None:
    """When a process started (clock ticks since boot, from /proc), to tell it from a later
    process that got the same pid; None where /proc is not there."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as f:
            stat = f.read()
        return stat[stat.rindex(b")") + 2:].split()[19].decode()
    except (OSError, ValueError, IndexError):
        return None


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True
    return True


@dataclass(frozen=True)
class Lease:
    source: str
    owner: str
    host: str
    pid: int
    proc_start: str | None
    taken: str

    def alive(self, now: datetime | None = None) -> bool:
        """The process that took it still runs (same machine: same pid and start time), and it
        is younger than LEASE_MAX (another machine: only the age can tell)."""
        taken = _parse(self.taken)
        if taken is None or (now or clock.now()) - taken > LEASE_MAX:
            return False
        if self.host != socket.gethostname():
            return True
        if not _pid_alive(self.pid):
            return False
        return self.proc_start is None or _start_time(self.pid) in (None, self.proc_start)


def _parse(value: str | None) -> datetime | None:
    return clock.from_iso(value)


def new_lease_owner() -> str:
    """An owner id for one pipeline (one process may run several, one after the other)."""
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:12]}"


def leases(db: Database) -> dict[str, Lease]:
    rows = dicts(db, "SELECT source, owner, host, pid, proc_start, taken FROM source_leases")
    return {r["source"]: Lease(**r) for r in rows}


def take_lease(db: Database, name: str, owner: str) -> Lease | None:
    """Take the source's lease for ``owner`` (in one write transaction, so two processes
    cannot both get it). Returns None when taken, or the live lease of another owner, in which
    case the caller leaves the source alone: another process is fetching it now."""
    pid = os.getpid()
    with db.atomic():
        row = one(db, "SELECT source, owner, host, pid, proc_start, taken FROM source_leases WHERE source = ?",
                  [name])
        if row is not None:
            held = Lease(**row)
            if held.owner != owner and held.alive():
                return held
        db.execute(
            "INSERT INTO source_leases (source, owner, host, pid, proc_start, taken) VALUES (?, ?, ?, ?, ?, ?) "
            "ON CONFLICT(source) DO UPDATE SET owner = excluded.owner, host = excluded.host, pid = excluded.pid, "
            "proc_start = excluded.proc_start, taken = excluded.taken",
            [name, owner, socket.gethostname(), pid, _start_time(pid), now_iso()])
    return None


def release_lease(db: Database, name: str, owner: str) -> None:
    db.execute("DELETE FROM source_leases WHERE source = ? AND owner = ?", [name, owner])


# -- health at a glance (the banner on every page, the inbox's empty state) -------------------------

@dataclass(frozen=True)
class SourceHealth:
    """How the enabled sources stand, counted in one query (cheap enough for every page):
    ``failing`` excludes the paused ones (they failed too often and wait for a person)."""

    sources: int  # enabled sources
    never_run: int
    failing: int
    paused: int
    has_articles: bool  # any article stored at all (from any source, enabled or not)

    @property
    def troubled(self) -> int:
        """Sources failing or paused: the banner shows when there is any."""
        return self.failing + self.paused

    @property
    def all_failing(self) -> bool:
        """Every enabled source failed its last run (or is paused after failing)."""
        return self.sources > 0 and self.troubled == self.sources


def source_health(db: Database) -> SourceHealth:
    row = db.execute(
        "SELECT count(*), coalesce(sum(last_run IS NULL), 0), "
        "coalesce(sum(consecutive_failures > 0 AND NOT paused), 0), coalesce(sum(paused), 0), "
        "EXISTS (SELECT 1 FROM articles) FROM sources WHERE enabled").fetchone()
    return SourceHealth(int(row[0]), int(row[1]), int(row[2]), int(row[3]), bool(row[4]))
