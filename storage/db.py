"""Open (and create or migrate) a chargewatch database."""

from __future__ import annotations

import contextlib
import sqlite3
from pathlib import Path

from sqlite_utils import Database

from monitor.errors import DatabaseError

from .migrations import migrations


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


def open_db(path: str | Path, *, migrate: bool = True, readonly: bool = False) -> Database:
    """A Database in WAL mode with the schema up to date. Shareable between threads under a lock.

    ``readonly`` is for the commands that only list (sources, articles, stories, export...): the
    file must exist and SQLite itself refuses any write, so a listing can never change the
    archive. (A database whose schema is older is upgraded first: that is the one write.)
    Raises DatabaseError (naming the file) when the file is not a usable SQLite database.
    """
    path = Path(path)
    if path.is_dir():
        raise DatabaseError(f"{path}: is a directory, not a database file")
    if readonly:
        if not path.exists():
            raise DatabaseError(f"{path}: no such database (run 'chargewatch fetch' first)")
        try:
            conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, check_same_thread=False,
                                   timeout=30)
            conn.isolation_level = None
            db = ChargewatchDatabase(conn)
            db.execute("PRAGMA busy_timeout=30000")
            if not migrations.pending(db):
                return db
            conn.close()
        except sqlite3.DatabaseError as exc:
            raise DatabaseError(f"{path}: not a usable chargewatch database: {exc}") from None
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


def in_use(path: str | Path) -> bool:
    """True when another process has the database open (a `serve` or `run`), so it must not be
    deleted or replaced under it: its actions would go on into a file nobody sees.

    A database leaves WAL mode only when no other connection has it open; SQLite answers
    "database is locked" at once otherwise. Asked only of a file about to be deleted, since
    the question leaves it in rollback-journal mode."""
    path = Path(path)
    if not path.exists():
        return False
    try:
        conn = sqlite3.connect(str(path), timeout=0)
    except sqlite3.Error:
        return False
    try:
        mode = conn.execute("PRAGMA journal_mode=DELETE").fetchone()[0]
        return mode.lower() == "wal"
    except sqlite3.OperationalError as exc:
        return "locked" in str(exc) or "busy" in str(exc)
    except sqlite3.DatabaseError:
        return False  # not a database: nothing of ours has it open
    finally:
        conn.close()
