"""Open (and create or migrate) a chargewatch database."""

from __future__ import annotations

import contextlib
import sqlite3
from datetime import datetime, timezone
from pathlib import Path

from sqlite_utils import Database

from monitor.errors import DatabaseError

from .migrations import migrations


def now_iso() -> str:
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


class ChargewatchDatabase(Database):
    """sqlite-utils' Database whose transactions take the write lock when they begin.

    A plain (deferred) BEGIN reads first and asks for the write lock at its first write; if
    another connection committed in between (`chargewatch run` fetches several sources at once,
    each on its own connection, while the review page writes too), SQLite answers "database is
    locked" at once, without waiting. BEGIN IMMEDIATE waits its turn (busy_timeout) instead."""

    @contextlib.contextmanager
    def atomic(self):
        if self.conn.in_transaction:
            with super().atomic():
                yield self
            return
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self
        except BaseException:
            self.conn.rollback()
            raise
        else:
            self.conn.commit()


def open_db(path: str | Path, *, migrate: bool = True) -> Database:
    """A Database in WAL mode with the schema up to date. Shareable between threads under a lock.

    Raises DatabaseError (naming the file) when the file is not a usable SQLite database.
    """
    path = Path(path)
    if path.is_dir():
        raise DatabaseError(f"{path}: is a directory, not a database file")
    try:
        conn = sqlite3.connect(str(path), check_same_thread=False, timeout=30)
        conn.isolation_level = None  # explicit transactions only (Database.atomic)
        db = ChargewatchDatabase(conn)
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA synchronous=NORMAL")
        db.execute("PRAGMA foreign_keys=ON")
        db.execute("PRAGMA busy_timeout=30000")
        db.execute("PRAGMA cache_size=-16384")  # 16 MB: the hot part of the LSH index stays in memory
        if migrate:
            migrations.apply(db)
    except sqlite3.DatabaseError as exc:
        raise DatabaseError(f"{path}: not a usable chargewatch database: {exc}") from None
    except OSError as exc:
        raise DatabaseError(f"{path}: cannot open: {exc}") from None
    return db
