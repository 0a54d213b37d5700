"""Saved searches: a person's named query with its filters, how many new matches it has since
they last opened it, and its newest matches (for its Atom feed).

A saved search belongs to one user: every function takes the owner and never reads or changes
another user's. Its filters are stored as ``Filters.as_dict()`` (JSON); like the search page, a
saved search without a status filter covers every status. "New" means stored (the article's
``fetched`` time) after the search was last opened; creating it counts as opening it.
"""

from __future__ import annotations

import json
import sqlite3
import time
from dataclasses import dataclass, field

from sqlite_utils import Database

from .clock import now_iso
from .filters import Filters, article_filter_sql
from .rows import dicts, one
from .search_query import QueryError, to_fts5

NAME_MAX = 100  # characters of a saved search's name
NEW_CAP = 1000  # new matches are counted up to this many ("1,000 or more")
COUNT_BUDGET = 0.5  # seconds one count may take before it gives up (shown as "?")
_STEPS = 1000  # SQLite virtual machine steps between two looks at the clock


@dataclass(frozen=True)
class SavedSearch:
    id: int
    user: str
    name: str
    query: str
    filters: dict = field(default_factory=dict)  # Filters.as_dict() of the search
    created: str = ""
    last_opened: str = ""
    new_matches: int | None = None  # filled by saved_searches(); None: not counted (or too slow)

    def search_filters(self) -> Filters:
        """The stored filters as Filters; a saved search without a status covers every status."""
        return filters_from(self.filters)


def filters_from(stored: dict) -> Filters:
    """``Filters.as_dict()`` back into Filters (ValueError when a value is not a filter's)."""
    known = {k: v for k, v in stored.items() if k in Filters.__dataclass_fields__}
    return Filters(**{"status": None, **known})


def check(name: str, query: str, filters: Filters) -> tuple[str, str]:
    """The cleaned name and query; ValueError naming what is wrong (QueryError for the query)."""
    name, query = " ".join(name.split()), query.strip()
    if not name:
        raise ValueError("give the saved search a name")
    if len(name) > NAME_MAX:
        raise ValueError(f"a saved search's name has at most {NAME_MAX} characters")
    if not query:
        raise QueryError("a saved search needs something to search for")
    to_fts5(query)  # QueryError (or TooBroad) now rather than every time it is counted
    return name, query


def save_search(db: Database, user: str, name: str, query: str, filters: Filters) -> SavedSearch:
    """Save (or, when the user has one of that name, replace the query and filters of) a search.
    Raises ValueError or QueryError as ``check`` does."""
    name, query = check(name, query, filters)
    stamp = now_iso()
    with db.atomic():
        db.execute("INSERT INTO saved_searches (user, name, query, filters, created, last_opened) "
                   "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(user, name) DO UPDATE SET query = excluded.query, "
                   "filters = excluded.filters, last_opened = excluded.last_opened",
                   [user, name, query, json.dumps(filters.as_dict(), sort_keys=True), stamp, stamp])
        row = one(db, "SELECT * FROM saved_searches WHERE user = ? AND name = ?", [user, name])
    return _saved(row)


def saved_search(db: Database, user: str, saved_id: int) -> SavedSearch | None:
    """The user's saved search of that id; None when there is none (or it is someone else's)."""
    row = one(db, "SELECT * FROM saved_searches WHERE id = ? AND user = ?", [saved_id, user])
    return _saved(row) if row else None


def saved_searches(db: Database, user: str, *, count: bool = True) -> list[SavedSearch]:
    """The user's saved searches by name, each with its new matches counted (unless ``count``
    is false)."""
    out = []
    for row in dicts(db, "SELECT * FROM saved_searches WHERE user = ? ORDER BY name COLLATE NOCASE, id", [user]):
        saved = _saved(row)
        if count:
            saved = SavedSearch(**{**saved.__dict__, "new_matches": count_new(db, saved)})
        out.append(saved)
    return out


def open_saved(db: Database, user: str, saved_id: int) -> SavedSearch | None:
    """Mark the saved search opened now (its new matches start again from zero) and return it
    as it was before; None when the user has no such saved search."""
    with db.atomic():
        saved = saved_search(db, user, saved_id)
        if saved is not None:
            db.execute("UPDATE saved_searches SET last_opened = ? WHERE id = ?", [now_iso(), saved_id])
    return saved


def delete_saved(db: Database, user: str, saved_id: int) -> bool:
    """Delete the user's saved search; False when they have none of that id."""
    with db.atomic():
        return db.execute("DELETE FROM saved_searches WHERE id = ? AND user = ?", [saved_id, user]).rowcount > 0


def count_new(db: Database, saved: SavedSearch) -> int | None:
    """How many articles matching the search (with its filters) were stored after it was last
    opened, up to NEW_CAP; None when the query no longer parses or counting took longer than
    COUNT_BUDGET (a page listing many saved searches stays fast whatever they match)."""
    try:
        sql, params = _matches_sql(db, saved)
    except (QueryError, ValueError):
        return None
    if sql is None:
        return 0
    return _bounded(db, lambda: db.execute(
        f"SELECT count(*) FROM (SELECT 1 {sql} AND a.fetched > ? LIMIT ?)",
        [*params, saved.last_opened, NEW_CAP]).fetchone()[0])


def newest_matches(db: Database, saved: SavedSearch, limit: int = 50) -> list[int]:
    """The stories of the search's newest matching articles (newest stored first), at most
    ``limit``, each once: what its Atom feed lists. Empty when the query no longer parses."""
    try:
        sql, params = _matches_sql(db, saved)
    except (QueryError, ValueError):
        return []
    if sql is None:
        return []
    rows = _bounded(db, lambda: db.execute(
        f"SELECT a.story_id {sql} AND a.story_id IS NOT NULL ORDER BY f.rowid DESC LIMIT ?",
        [*params, limit * 4]).fetchall()) or []
    return list(dict.fromkeys(r[0] for r in rows))[:limit]


def _matches_sql(db: Database, saved: SavedSearch) -> tuple[str | None, list]:
    """The FROM ... WHERE of the search's matching articles ``a`` (None: nothing can match)."""
    match = to_fts5(saved.query)
    if not match:
        return None, []
    where, params = article_filter_sql(db, saved.search_filters())
    extra = "".join(f" AND {w}" for w in where)
    return (f"FROM articles_fts f JOIN articles a ON a.id = f.rowid WHERE articles_fts MATCH ?{extra}",
            [match, *params])


def _bounded(db: Database, run):
    """run() stopped by SQLite's progress handler after COUNT_BUDGET seconds (then None)."""
    deadline = time.monotonic() + COUNT_BUDGET
    db.conn.set_progress_handler(lambda: time.monotonic() > deadline, _STEPS)
    try:
        return run()
    except sqlite3.OperationalError:
        return None
    finally:
        db.conn.set_progress_handler(None, 0)


def _saved(row: dict) -> SavedSearch:
    try:
        filters = json.loads(row.pop("filters") or "{}")
    except ValueError:
        filters = {}
    return SavedSearch(**row, filters=filters if isinstance(filters, dict) else {})


__all__ = ["NAME_MAX", "NEW_CAP", "SavedSearch", "check", "count_new", "delete_saved",
           "filters_from", "newest_matches", "open_saved", "save_search", "saved_search", "saved_searches"]
