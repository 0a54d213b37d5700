"""Full-text search over the articles (FTS5), with the inbox's filters and a time budget.

The query language is storage.search_query's; the filters are storage.filters'. storage.review
re-exports everything here, so ``from storage.review import search, SearchPage, ...`` works.
"""

from __future__ import annotations

import sqlite3
import time
from dataclasses import asdict, dataclass

from sqlite_utils import Database

from .filters import Filters, article_filter_sql
from .rows import dicts
from .search_query import QueryError, TooBroad, to_fts5


@dataclass(frozen=True)
class SearchHit:
    article_id: int
    story_id: int | None
    title: str | None
    url: str
    source: str
    published: str | None
    kind: str
    snippet: str  # with \x02 ... \x03 around matched terms (the page turns them into <mark>)

    def as_dict(self) -> dict:
        d = asdict(self)
        d["snippet"] = self.snippet.replace("\x02", "[").replace("\x03", "]")
        return d


@dataclass(frozen=True)
class SearchPage:
    query: str
    total: int
    hits: list[SearchHit]
    page: int
    per_page: int
    capped: bool = False  # total is COUNT_CAP: there are at least that many
    ranked_among: int | None = None  # ranked among the newest this many matches


SEARCH_WINDOW = 2000  # a query matching more is ranked among its newest SEARCH_WINDOW matches (ranking
# 5,000 took 40 to 60 ms on a million articles, 2,000 about a third of it; news: the newest matter most)
COUNT_CAP = 10_000  # counting stops here ("10,000 or more")
MAX_PAGE = 10_000  # pages of results; past the matches a page is empty anyway
# What one search may take. Searches answer in milliseconds (a quarter of a second at worst for a
# common word on a large archive: see the ranking window); one that runs longer than this is
# stopped by SQLite's progress handler, so no query can hold a connection (and a thread) for long.
SEARCH_BUDGET = 2.0  # seconds
PROGRESS_STEPS = 1000  # SQLite virtual machine steps between two looks at the clock
_monotonic = time.monotonic  # durations only (never "now"); a test may replace it


def search(db: Database, query: str, filters: Filters = Filters(status=None), *, page: int = 1,
           per_page: int = 20) -> SearchPage:
    """Full text over title and text, best first, with the inbox's filters applied to each
    article's story. The query is what a person types (see storage.search_query: words, "phrases",
    OR / NOT / AND, prefix*, parentheses); a broken use of the operators raises QueryError.

    Ranking every match of a common word on a large archive costs a quarter of a second, so a
    query with more than SEARCH_WINDOW matches is ranked among the newest SEARCH_WINDOW of them
    (news: the newest matter most), and the page says so.

    The cost is bounded twice: storage.search_query refuses prefixes that are too short or too
    many, and whatever runs longer than SEARCH_BUDGET seconds is interrupted by SQLite's progress
    handler; both raise TooBroad ("this search is too broad: ...", a QueryError). A page number
    outside 1..MAX_PAGE is a ValueError."""
    query = query.strip()
    if not query:
        raise QueryError("type something to search for")
    if not 1 <= page <= MAX_PAGE:
        raise ValueError(f"page must be a whole number from 1 to {MAX_PAGE:,}")
    try:
        match = to_fts5(query)
    except TooBroad as exc:
        raise TooBroad(f"this search is too broad: {exc}.") from None
    except QueryError as exc:
        raise QueryError(f"cannot search for {_shown(query)}. {exc}.") from None
    if not match:  # only punctuation: nothing can match
        return SearchPage(query, 0, [], max(page, 1), per_page)
    where, params = article_filter_sql(db, filters)
    extra = "".join(f" AND {w}" for w in where)
    base = f"FROM articles_fts f JOIN articles a ON a.id = f.rowid WHERE articles_fts MATCH ?{extra}"
    deadline = _monotonic() + SEARCH_BUDGET
    stopped = []

    def over_budget() -> bool:
        if _monotonic() > deadline:
            stopped.append(True)
            return True
        return False

    db.conn.set_progress_handler(over_budget, PROGRESS_STEPS)
    try:
        # One walk down the matches, newest first, gives both the count (it stops at COUNT_CAP:
        # "10,000 or more"; an exact count of a phrase found in 300,000 of a million articles
        # costs 150 ms, more than finding and ranking the page) and the ranking window's floor
        newest = [r[0] for r in db.execute(f"SELECT f.rowid {base} ORDER BY f.rowid DESC LIMIT ?",
                                           [match, *params, COUNT_CAP])]
        total = len(newest)
        window = ""
        window_params: list = []
        if total > SEARCH_WINDOW:
            window, window_params = " AND f.rowid >= ?", [newest[SEARCH_WINDOW - 1]]
        rows = dicts(
            db, f"SELECT a.id AS article_id, a.story_id, a.title, a.url, a.source, a.published, a.kind, "
            f"snippet(articles_fts, -1, char(2), char(3), '…', 24) AS snippet {base}{window} ORDER BY f.rank "
            "LIMIT ? OFFSET ?", [match, *params, *window_params, per_page, (max(page, 1) - 1) * per_page])
    except sqlite3.OperationalError as exc:
        if stopped:
            raise TooBroad(f"this search is too broad: it was stopped after {SEARCH_BUDGET:g} seconds. Narrow it "
                           "with more words, a \"phrase\" or a filter, or use fewer or longer words ending in *") from None
        raise QueryError(_explain_query_error(query, str(exc))) from None
    finally:
        db.conn.set_progress_handler(None, 0)
    return SearchPage(query, total, [SearchHit(**r) for r in rows], max(page, 1), per_page,
                      capped=total >= COUNT_CAP, ranked_among=SEARCH_WINDOW if window else None)


def _explain_query_error(query: str, message: str) -> str:
    """What FTS5 said, should a translated query still fail (storage.search_query avoids that)."""
    message = message.removeprefix("fts5: ")
    return (f"cannot search for {_shown(query)}: {message}. Use words, \"a phrase\", OR / NOT between "
            "terms, word* for a prefix and balanced parentheses.")


def _shown(query: str, limit: int = 80) -> str:
    """The query quoted for a message, shortened if long."""
    return repr(query if len(query) <= limit else query[:limit] + "…")
