"""What the review page reads and writes: the inbox of stories, search, an article with its tags,
review actions and tag corrections, coverage of one automaker or topic.

Every function takes the Database and returns dataclasses; the web handlers only render them.
"""

from __future__ import annotations

import json
import re
import sqlite3
import time
from dataclasses import asdict, dataclass
from datetime import date, datetime

from sqlite_utils import Database

from .dates import bounds_sql
from .rows import dicts, one
from .search_query import QueryError, TooBroad, to_fts5
from .stories import story_members
from .tags import TAG_ORDER, StoryTag, story_evidence, story_tags

STATUSES = ("new", "starred", "reviewed", "dismissed")
# what the status filter takes: a status, or "inbox" (new and starred: not yet dealt with)
STATUS_FILTERS = ("inbox", *STATUSES)
KINDS = ("article", "report")
TAG_KINDS = ("automaker", "topic")
MAX_ID = 2 ** 63 - 1  # SQLite's largest integer: a larger id names nothing (and cannot be bound)
_ID = re.compile(r"[0-9]{1,18}")  # ASCII digits of an id that fits (isdigit() also takes '²' and '١')


def parse_id(value: str | None, name: str = "id") -> int:
    """A row id given as text (a path, a query parameter, a form field, a cursor): ValueError
    saying so when it is not a whole number SQLite can hold, never OverflowError later."""
    if value is None or not _ID.fullmatch(str(value)):
        raise ValueError(f"{name} must be a whole number of at most 18 digits")
    return int(value)


@dataclass(frozen=True)
class Filters:
    """The inbox's and the search's filters; empty fields filter nothing."""

    automaker: str | None = None
    topic: str | None = None
    source: str | None = None
    kind: str | None = None
    since: str | None = None  # YYYY-MM-DD or an ISO UTC date and time, inclusive (storage.dates)
    until: str | None = None  # the same; a day is inclusive to its end
    status: str | None = "inbox"  # None: every status
    # the automaker and topic filters take the stories about the tag; with mentions, also those
    # that name it in passing
    mentions: bool = False

    def __post_init__(self):
        if self.kind is not None and self.kind not in KINDS:
            raise ValueError(f"kind must be one of {', '.join(KINDS)}")
        if self.status is not None and self.status not in STATUS_FILTERS:
            raise ValueError(f"status must be one of {', '.join(STATUS_FILTERS)} or all")
        for name in ("since", "until"):
            value = getattr(self, name)
            if value is not None:
                try:
                    (date.fromisoformat if len(value) == 10 else datetime.fromisoformat)(value.replace("Z", "+00:00"))
                except ValueError:
                    raise ValueError(f"{name} must be a date like 2026-11-25, not {value!r}") from None

    def as_dict(self) -> dict:
        return {k: v for k, v in asdict(self).items() if v is not None and v is not False}

    @property
    def tag(self) -> tuple[str, str] | None:
        """The (kind, id) the stories are filtered by, the automaker first: the tag whose
        evidence a row shows."""
        if self.automaker:
            return ("automaker", self.automaker)
        return ("topic", self.topic) if self.topic else None


@dataclass(frozen=True)
class InboxStory:
    id: int
    title: str | None
    first_seen: str | None
    article_id: int
    url: str
    source: str
    kind: str
    also_in: tuple[str, ...]
    articles: int
    automakers: tuple[StoryTag, ...]  # subjects first (storage.tags.story_tags)
    topics: tuple[StoryTag, ...]
    evidence: str | None  # the filtered tag's evidence sentence, else the strongest tag's
    evidence_tag: str | None
    status: str
    note: str | None

    def as_dict(self) -> dict:
        d = asdict(self)
        d["also_in"] = list(self.also_in)
        d["automakers"] = [c.as_dict() for c in self.automakers]
        d["topics"] = [c.as_dict() for c in self.topics]
        return d


@dataclass(frozen=True)
class InboxPage:
    stories: list[InboxStory]
    next_cursor: str | None  # pass as ``before`` for the next page


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


@dataclass(frozen=True)
class TagView:
    kind: str
    tag_id: str
    name: str
    evidence: str | None
    mentions: int
    salience: float
    matched: tuple[str, ...]
    origin: str  # tagger | staff
    role: str = "mention"  # subject | mention


@dataclass(frozen=True)
class Correction:
    article_id: int
    kind: str
    tag_id: str
    action: str  # add | remove | role
    by: str | None
    at: str
    role: str | None = None  # the role an added tag was given, or the role set


@dataclass(frozen=True)
class CopyView:
    id: int
    url: str
    title: str | None
    source: str
    published: str | None


@dataclass(frozen=True)
class ArticleView:
    id: int
    url: str
    title: str | None
    text: str
    author: str | None
    published: str | None
    fetched: str
    source: str
    kind: str
    language: str | None
    via: str | None
    story_id: int | None
    version: int
    tags: tuple[TagView, ...]
    corrections: tuple[Correction, ...]
    copies: tuple[CopyView, ...]
    status: str
    note: str | None
    # its story's tags (storage.tags.story_tags): what the inbox, the digest and posts show
    story_tags: tuple[StoryTag, ...] = ()

    def as_dict(self) -> dict:
        d = asdict(self)
        d["story_tags"] = [t.as_dict() for t in self.story_tags]
        for key in ("tags", "corrections", "copies"):
            d[key] = [asdict(x) for x in getattr(self, key)]
        for t in d["tags"]:
            t["matched"] = list(t["matched"])
        return d


# -- the inbox -------------------------------------------------------------------------------------

RARE_TAG = 2000  # a tag on fewer articles is filtered by its list of stories, a commoner one row by row


def _filter_sql(db: Database, f: Filters, story: str = "s.id") -> tuple[list[str], list]:
    """WHERE clauses on a story id expression, for every filter but the dates.

    Pages are read newest first along an index, so a filter that most stories pass is cheapest
    as a check on each row (EXISTS: two index lookups) until the page is full, while a rare one
    is cheapest as the short list of its stories (IN). Which one a tag is, an index count
    capped at RARE_TAG tells in well under a millisecond."""
    where, params = [], []
    role = "" if f.mentions else " AND t.role = 'subject'"
    for kind, value in (("automaker", f.automaker), ("topic", f.topic)):
        if not value:
            continue
        common = db.execute(f"SELECT count(*) FROM (SELECT 1 FROM tags t WHERE t.tag_id = ? AND t.kind = ?{role} "
                            "LIMIT ?)", [value, kind, RARE_TAG]).fetchone()[0] >= RARE_TAG
        if common:
            where.append(f"EXISTS (SELECT 1 FROM articles a2 JOIN tags t ON t.article_id = a2.id "
                         f"WHERE a2.story_id = {story} AND t.tag_id = ? AND t.kind = ?{role})")
        else:
            where.append(f"{story} IN (SELECT a2.story_id FROM tags t JOIN articles a2 ON a2.id = t.article_id "
                         f"WHERE t.tag_id = ? AND t.kind = ?{role})")
        params += [value, kind]
    if f.source:
        where.append(f"EXISTS (SELECT 1 FROM articles a2 WHERE a2.story_id = {story} AND a2.source = ?)")
        params.append(f.source)
    if f.kind:
        where.append(f"EXISTS (SELECT 1 FROM articles a2 WHERE a2.story_id = {story} AND a2.kind = ?)")
        params.append(f.kind)
    if f.status == "inbox":
        where.append(f"{story} NOT IN (SELECT story_id FROM story_reviews WHERE status IN ('reviewed', 'dismissed'))")
    elif f.status == "new":
        where.append(f"{story} NOT IN (SELECT story_id FROM story_reviews WHERE status != 'new')")
    elif f.status:
        where.append(f"{story} IN (SELECT story_id FROM story_reviews WHERE status = ?)")
        params.append(f.status)
    return where, params


def article_filter_sql(db: Database, f: Filters) -> tuple[list[str], list]:
    """The filters on an article ``a``: its story's tags, sources, kinds and status, its date, as
    (WHERE clauses, parameters). The search uses it, and so does the export (storage.export)."""
    where, params = _filter_sql(db, f, story="a.story_id")
    dates, date_params = bounds_sql("coalesce(a.published, a.fetched)", f.since, f.until)
    return where + dates, params + date_params


def inbox(db: Database, filters: Filters = Filters(), *, before: str | None = None, limit: int = 50) -> InboxPage:
    """Stories newest first (by when they were first published), one row each, a page at a time.
    Keyset pagination (``before`` is the cursor of the previous page) keeps every page as fast as
    the first on a large archive."""
    where, params = _filter_sql(db, filters)
    dates, date_params = bounds_sql("s.first_seen", filters.since, filters.until)
    where, params = where + dates, params + date_params
    if before:
        first_seen, _, sid = before.rpartition("|")
        if not _ID.fullmatch(sid) or len(first_seen) > 40:
            raise ValueError("before must be a cursor given by the previous page")
        where.append("(s.first_seen < ? OR (s.first_seen = ? AND s.id < ?))")
        params += [first_seen, first_seen, int(sid)]
    sql = ("SELECT s.id, s.first_seen FROM stories s" + (" WHERE " + " AND ".join(where) if where else "")
           + " ORDER BY s.first_seen DESC, s.id DESC LIMIT ?")
    rows = db.execute(sql, [*params, limit + 1]).fetchall()
    more = len(rows) > limit
    rows = rows[:limit]
    stories = story_rows(db, [r[0] for r in rows], prefer=filters.tag)
    cursor = f"{rows[-1][1]}|{rows[-1][0]}" if more and rows else None
    return InboxPage(stories, cursor)


def story_rows(db: Database, story_ids: list[int], prefer: tuple[str, str] | None = None) -> list[InboxStory]:
    """The inbox rows of these stories, in the order given: a few batched queries for a page.
    A row's evidence is ``prefer``'s (the tag the page is filtered by) when it has one."""
    if not story_ids:
        return []
    stories = {r["id"]: r for r in dicts(
        db, "SELECT s.id, s.title, s.first_seen, s.articles, r.status, r.note FROM stories s "
        "LEFT JOIN story_reviews r ON r.story_id = s.id WHERE s.id IN (SELECT value FROM json_each(?))",
        [json.dumps([int(i) for i in story_ids])])}
    members = story_members(db, story_ids)
    tags = story_tags(db, story_ids)
    out = []
    for sid in story_ids:
        s = stories.get(sid)
        story = members.get(sid)
        if s is None or story is None:
            continue
        rep = story.representative
        mine = tags.get(sid, ())
        title = s["title"] or rep.title
        shown = story_evidence(mine, title, prefer)
        out.append(InboxStory(
            id=sid, title=title, first_seen=s["first_seen"], article_id=rep.id, url=rep.url, source=rep.source,
            kind=rep.kind, also_in=story.also_in(), articles=s["articles"],
            automakers=tuple(t for t in mine if t.kind == "automaker"),
            topics=tuple(t for t in mine if t.kind == "topic"),
            evidence=shown.evidence if shown else None, evidence_tag=shown.name if shown else None,
            status=s["status"] or "new", note=s["note"]))
    return out


# -- search ----------------------------------------------------------------------------------------

SEARCH_WINDOW = 5000  # a query matching more is ranked among its newest SEARCH_WINDOW matches
COUNT_CAP = 10_000  # with filters, counting stops here ("10,000 or more")
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
        if where:
            total = db.execute(f"SELECT count(*) FROM (SELECT 1 {base} LIMIT ?)",
                               [match, *params, COUNT_CAP]).fetchone()[0]
        else:
            total = db.execute("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?", [match]).fetchone()[0]
        window = ""
        window_params: list = []
        if total > SEARCH_WINDOW:
            floor = db.execute(f"SELECT f.rowid {base} ORDER BY f.rowid DESC LIMIT 1 OFFSET ?",
                               [match, *params, SEARCH_WINDOW - 1]).fetchone()
            if floor:
                window, window_params = " AND f.rowid >= ?", [floor[0]]
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
                      capped=bool(where) and total >= COUNT_CAP, ranked_among=SEARCH_WINDOW if window else None)


def _explain_query_error(query: str, message: str) -> str:
    """What FTS5 said, should a translated query still fail (storage.search_query avoids that)."""
    message = message.removeprefix("fts5: ")
    return (f"cannot search for {_shown(query)}: {message}. Use words, \"a phrase\", OR / NOT between "
            "terms, word* for a prefix and balanced parentheses.")


def _shown(query: str, limit: int = 80) -> str:
    """The query quoted for a message, shortened if long."""
    return repr(query if len(query) <= limit else query[:limit] + "…")


# -- one article -------------------------------------------------------------------------------------

def article_view(db: Database, article_id: int) -> ArticleView | None:
    if not 0 <= article_id <= MAX_ID:
        return None
    row = one(
        db, "SELECT a.id, a.url, a.title, coalesce(a.text, '') AS text, a.author, a.published, a.fetched, a.source, "
        "a.kind, a.language, a.via, a.story_id, a.version, r.status, r.note FROM articles a "
        "LEFT JOIN story_reviews r ON r.story_id = a.story_id WHERE a.id = ?", [article_id])
    if row is None:
        return None
    tags = tuple(TagView(**{**r, "name": r["name"] or r["tag_id"], "matched": tuple(json.loads(r["matched"] or "[]"))})
                 for r in dicts(db, "SELECT kind, tag_id, name, evidence, mentions, salience, matched, origin, role "
                                    f"FROM tags WHERE article_id = ? ORDER BY kind, {TAG_ORDER}", [article_id]))
    corrections = tuple(Correction(**r) for r in dicts(
        db, "SELECT article_id, kind, tag_id, action, by, at, role FROM tag_corrections WHERE article_id = ? "
        "ORDER BY at", [article_id]))
    story_id = row["story_id"]
    copies = ()
    if story_id is not None:
        story = story_members(db, [story_id]).get(story_id)
        copies = tuple(CopyView(id=c.id, url=c.url, title=c.title, source=c.source, published=c.published)
                       for c in (story.others(article_id) if story else ()))
    shared = story_tags(db, [story_id]).get(story_id, ()) if story_id is not None else ()
    if not shared:  # not in a story (yet): its own tags are its story's
        shared = tuple(StoryTag(t.kind, t.tag_id, t.name, t.evidence, t.salience, t.origin, t.role) for t in tags)
    status, note = row.pop("status"), row.pop("note")
    return ArticleView(**row, tags=tags, corrections=corrections, copies=copies, status=status or "new", note=note,
                       story_tags=shared)


def source_names(db: Database) -> list[str]:
    return [r[0] for r in db.execute("SELECT name FROM sources ORDER BY name")]
