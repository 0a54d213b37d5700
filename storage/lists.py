"""Lists of stories: a page of them under filters in either order (``page_ids``: the inbox's
keyset query), and one story seen from the list: the story just newer and just older under the
same filters and order, and the review status of a page's stories. The article page uses them so that j / k step through the list it was opened
from, across the list's page boundaries too (storage.review.inbox pages by the same keyset).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

from sqlite_utils import Database

from .dates import bounds_sql
from .filters import Filters, story_filter_sql
from .stories import story_members


ORDERS = ("published", "arrival")  # a list of stories: by first publication, or by arrival (stored)
_ID = re.compile(r"[0-9]{1,18}")


def order_key(order: str) -> str:
    """The column a list of stories is ordered by (newest first), along its own index."""
    if order not in ORDERS:
        raise ValueError(f"order must be one of {', '.join(ORDERS)}")
    return "s.stored" if order == "arrival" else "s.first_seen"


def _list_where(db: Database, filters: Filters, order: str) -> tuple[list[str], list]:
    where, params = story_filter_sql(db, filters)
    dates, date_params = bounds_sql("s.first_seen", filters.since, filters.until)
    where, params = where + dates, params + date_params
    if order == "arrival":
        where.append("s.stored IS NOT NULL")  # stored before the column existed: not in this order
    return where, params


@dataclass(frozen=True)
class Adjacent:
    """A story next to another in a list: its id, its representative article (what the list
    links to), its title and its place in the order (``cursor``: the ``before`` of a page that
    starts with it)."""

    story_id: int
    article_id: int
    title: str | None
    key: str  # its first_seen (published order) or stored (arrival order)

    @property
    def cursor(self) -> str:
        return f"{self.key}|{self.story_id + 1}"


def adjacent_stories(db: Database, filters: Filters, story_id: int,
                     order: str = "published") -> tuple[Adjacent | None, Adjacent | None]:
    """(the story just newer, the story just older) than ``story_id`` among the stories passing
    ``filters``, in the list's ``order``; None at either end. The story itself need not pass the
    filters (one just dismissed still has neighbours in the inbox). Two indexed lookups."""
    col = order_key(order)
    row = db.execute(f"SELECT {col} FROM stories s WHERE s.id = ?", [story_id]).fetchone()
    if row is None or row[0] is None:
        return None, None
    key = row[0]
    where, params = _list_where(db, filters, order)
    found = []
    for compare, direction in ((">", "ASC"), ("<", "DESC")):
        # a row value, so SQLite walks the order's index from the story on and stops at the
        # first that passes (the same test spelt with OR sorts every newer story first)
        clause = f"({col}, s.id) {compare} (?, ?)"
        sql = (f"SELECT s.id, s.title, {col} FROM stories s WHERE {' AND '.join([*where, clause])} "
               f"ORDER BY {col} {direction}, s.id {direction} LIMIT 1")
        found.append(db.execute(sql, [*params, key, story_id]).fetchone())
    members = story_members(db, [r[0] for r in found if r])
    out = []
    for r in found:
        story = members.get(r[0]) if r else None
        out.append(Adjacent(r[0], story.representative.id, r[1] or story.representative.title, r[2])
                   if story else None)
    return out[0], out[1]


def page_ids(db: Database, filters: Filters, before: str | None, limit: int,
             order: str = "published") -> tuple[list[int], str | None]:
    """The story ids of the list's page that starts after ``before`` (the cursor a page gives
    for the next) and the next page's cursor: the one keyset query of every list of stories
    (the inbox builds its rows from these ids; the article page only needs to know where a story
    sits). Along idx_stories_first_seen or idx_stories_stored, so every page is as fast as the
    first on a large archive. ValueError for a malformed cursor."""
    col = order_key(order)
    where, params = _list_where(db, filters, order)
    if before:
        key, _, sid = before.rpartition("|")
        if not _ID.fullmatch(sid) or len(key) > 40:
            raise ValueError("before must be a cursor given by the previous page")
        where.append(f"({col}, s.id) < (?, ?)")
        params += [key, int(sid)]
    sql = (f"SELECT s.id, {col} FROM stories s" + (" WHERE " + " AND ".join(where) if where else "")
           + f" ORDER BY {col} DESC, s.id DESC LIMIT ?")
    rows = db.execute(sql, [*params, limit + 1]).fetchall()
    more = len(rows) > limit
    rows = rows[:limit]
    return [r[0] for r in rows], (f"{rows[-1][1]}|{rows[-1][0]}" if more and rows else None)


def story_statuses(db: Database, story_ids) -> dict[int, str]:
    """Each story's review status ("new" when it has none yet), in one query."""
    ids = [int(i) for i in story_ids]
    found = dict(db.execute("SELECT story_id, status FROM story_reviews WHERE story_id IN "
                            "(SELECT value FROM json_each(?))", [json.dumps(ids)]).fetchall())
    return {i: found.get(i) or "new" for i in ids}
