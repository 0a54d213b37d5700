"""Query rows by column name, so a dataclass is filled by name (``Row(**row)``), never by position."""

from __future__ import annotations

from sqlite_utils import Database


def dicts(db: Database, sql: str, params=()) -> list[dict]:
    """Every row of the query, each a dict keyed by column name (name a computed column with AS)."""
    cur = db.execute(sql, params)
    keys = [d[0] for d in cur.description]
    return [dict(zip(keys, r)) for r in cur.fetchall()]


def one(db: Database, sql: str, params=()) -> dict | None:
    """The query's first row as a dict keyed by column name, or None."""
    cur = db.execute(sql, params)
    row = cur.fetchone()
    return dict(zip((d[0] for d in cur.description), row)) if row is not None else None
