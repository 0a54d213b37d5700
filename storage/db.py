"""Open (and create or migrate) a chargewatch database."""

from __future__ import annotations

import contextlib
import sqlite3
from pathlib import Path

from sqlite_utils import Database

from .errors import DatabaseError
from .migrations import migrations

# SQLite's primary result codes that say the file itself cannot be used, whatever the statement:
# going on would only repeat the error for every article, so a pass stops instead.
_UNUSABLE = {
    8: "the database cannot be written (read-only file or file system)",  # SQLITE_READONLY
    10: "the disk failed to read or write the database (disk I/O error)",  # SQLITE_IOERR
    11: "the database file is damaged: restore it from a backup (or try `sqlite3 FILE .recover`)",  # SQLITE_CORRUPT
    13: "the disk is full: free some space and run again",  # SQLITE_FULL
    14: "the database file cannot be opened",  # SQLITE_CANTOPEN
    26: "not an SQLite database (or an encrypted one)",  # SQLITE_NOTADB
}
_UNUSABLE_TEXT = {  # the same, by SQLite's message, for an error raised without its code
    "attempt to write a readonly database": 8, "disk i/o error": 10, "database disk image is malformed": 11,
    "database or disk is full": 13, "unable to open database file": 14, "file is not a database": 26,
}


def unusable(exc: BaseException) -> str | None:
    """Why this error means the database cannot be used at all (disk full, I/O error, a damaged
    file, not a database), in words for the person at the terminal; None for an error that is
    about one statement (a constraint, a lock...)."""
    if not isinstance(exc, sqlite3.DatabaseError):
        return None
    code = getattr(exc, "sqlite_errorcode", None)
    primary = code & 0xFF if isinstance(code, int) else None
    if primary not in _UNUSABLE:
        text = str(exc).lower()
        primary = next((c for needle, c in _UNUSABLE_TEXT.items() if needle in text), None)
    if primary is None:
        return None
    return f"{_UNUSABLE[primary]} (SQLite: {exc})"


class _Cursor(sqlite3.Cursor):
    """Statements and fetches: an error saying the file is unusable is noted on the connection."""

    def execute(self, *args):
        return _noting(self.connection, super().execute, *args)

    def executemany(self, *args):
        return _noting(self.connection, super().executemany, *args)

    def fetchone(self):
        return _noting(self.connection, super().fetchone)

    def fetchmany(self, *args):
        return _noting(self.connection, super().fetchmany, *args)

    def fetchall(self):
        return _noting(self.connection, super().fetchall)

    # (iterating stays the C loop, at full speed: an error there still propagates, it is just not noted)


class _Connection(sqlite3.Connection):
    """A connection that remembers the first error saying the file is unusable (``unusable``),
    even when the code that met it caught it and went on: a pass over many articles (monitor's
    pipeline records each article's failure and carries on) can then be stopped by its caller."""

    unusable: sqlite3.DatabaseError | None = None

    def cursor(self, factory=_Cursor):
        return super().cursor(factory)

    def execute(self, *args):  # the C method would make a plain cursor: make ours
        return self.cursor().execute(*args)

    def executemany(self, *args):
        return self.cursor().executemany(*args)

    def executescript(self, *args):
        return _noting(self, super().executescript, *args)

    def commit(self):
        return _noting(self, super().commit)


def _noting(conn, call, *args):
    try:
        return call(*args)
    except sqlite3.DatabaseError as exc:
        if isinstance(conn, _Connection) and conn.unusable is None and unusable(exc):
            conn.unusable = exc
        raise


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

    @property
    def unusable(self) -> str | None:
        """Why this database cannot be used, if SQLite has said so on this connection (the disk
        is full, the file is damaged...), whoever caught the error; else None."""
        exc = getattr(self.conn, "unusable", None)
        return unusable(exc) if exc is not None else None


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
                                   timeout=30, factory=_Connection)
            conn.isolation_level = None
            db = ChargewatchDatabase(conn)
            db.execute("PRAGMA busy_timeout=30000")
            if not migrations.pending(db):
                return db
            conn.close()
        except sqlite3.DatabaseError as exc:
            raise DatabaseError(f"{path}: not a usable chargewatch database: {unusable(exc) or exc}") from None
    try:
        conn = sqlite3.connect(str(path), check_same_thread=False, timeout=30, factory=_Connection)
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
        raise DatabaseError(f"{path}: not a usable chargewatch database: {unusable(exc) or exc}") from None
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
