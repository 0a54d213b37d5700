"""The log of every HTTP attempt."""

from __future__ import annotations

from sqlite_utils import Database

from .clock import now_iso


def record_fetch(db: Database, source: str | None, url: str, status: int | None, nbytes: int,
                 duration_ms: int, error: str | None) -> None:
    db.execute("INSERT INTO fetches (at, source, url, status, bytes, duration_ms, error) "
               "VALUES (?, ?, ?, ?, ?, ?, ?)",
               [now_iso(), source, url, status, nbytes, duration_ms, error[:2000] if error else None])

