"""What the review page reads and writes: the inbox of stories, an article with its tags,
review actions and tag corrections, coverage of one automaker or topic.

Every function takes the Database and returns dataclasses; the web handlers only render them.
The filters live in storage.filters and the full-text search in storage.search; both are
re-exported here, so ``from storage.review import Filters, search, SearchPage, ...`` keeps working.
"""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass

from sqlite_utils import Database

from .filters import KINDS, RARE_TAG, STATUS_FILTERS, STATUSES, Filters, article_filter_sql
from .rows import dicts, one
from .search import (COUNT_CAP, MAX_PAGE, PROGRESS_STEPS, SEARCH_BUDGET, SEARCH_WINDOW, SearchHit, SearchPage,
                     search)
from .search_query import QueryError, TooBroad
from .lists import ORDERS, page_ids
from .stories import Copy, story_members
from .tags import StoryTag, TagRow, story_evidence, story_tags, tags_for

__all__ = [
    "KINDS", "RARE_TAG", "STATUS_FILTERS", "STATUSES", "Filters", "article_filter_sql",
    "COUNT_CAP", "MAX_PAGE", "PROGRESS_STEPS", "SEARCH_BUDGET", "SEARCH_WINDOW", "SearchHit", "SearchPage", "search",
    "QueryError", "TooBroad",
    "TAG_KINDS", "MAX_ID", "parse_id", "InboxStory", "InboxPage", "Correction", "ArticleView",
    "inbox", "story_rows", "article_view", "source_names", "ORDERS", "UnreadCounts", "unread_counts", "inbox_version",
]

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
    stored: str | None = None  # when it arrived: its first article stored
    # the suppliers it names (kind "supplier"): the web layer and the digest compute from them
    # the automakers the story reaches through its supply chain (nlp.supply_links.reach)
    suppliers: tuple[StoryTag, ...] = ()

    def as_dict(self) -> dict:
        d = asdict(self)
        d["also_in"] = list(self.also_in)
        for key in ("automakers", "topics", "suppliers"):
            d[key] = [c.as_dict() for c in getattr(self, key)]
        return d


@dataclass(frozen=True)
class InboxPage:
    stories: list[InboxStory]
    next_cursor: str | None  # pass as ``before`` for the next page



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
    tags: tuple[TagRow, ...]
    corrections: tuple[Correction, ...]
    copies: tuple[Copy, ...]
    status: str
    note: str | None
    # its story's tags (storage.tags.story_tags): what the inbox, the digest and posts show
    story_tags: tuple[StoryTag, ...] = ()

    def as_dict(self) -> dict:
        d = asdict(self)
        d["story_tags"] = [t.as_dict() for t in self.story_tags]
        for key in ("tags", "corrections"):
            d[key] = [asdict(x) for x in getattr(self, key)]
        d["copies"] = [c.as_dict() for c in self.copies]
        for t in d["tags"]:
            t["matched"] = list(t["matched"])
        return d


# -- the inbox -------------------------------------------------------------------------------------

def inbox(db: Database, filters: Filters = Filters(), *, before: str | None = None, limit: int = 50,
          order: str = "published") -> InboxPage:
    """Stories newest first, one row each, a page at a time: by when they were first published
    (``order="published"``), or by when they arrived, their first article stored (``"arrival"``:
    a story published last week but fetched this morning comes first). Keyset pagination
    (``before`` is the cursor of the previous page) along idx_stories_first_seen or
    idx_stories_stored keeps every page as fast as the first on a large archive."""
    ids, cursor = page_ids(db, filters, before, limit, order)
    stories = story_rows(db, ids, prefer=filters.tag)
    return InboxPage(stories, cursor)


def story_rows(db: Database, story_ids: list[int], prefer: tuple[str, str] | None = None) -> list[InboxStory]:
    """The inbox rows of these stories, in the order given: a few batched queries for a page.
    A row's evidence is ``prefer``'s (the tag the page is filtered by) when it has one."""
    if not story_ids:
        return []
    stories = {r["id"]: r for r in dicts(
        db, "SELECT s.id, s.title, s.first_seen, s.stored, s.articles, r.status, r.note FROM stories s "
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
            suppliers=tuple(t for t in mine if t.kind == "supplier"),
            evidence=shown.evidence if shown else None, evidence_tag=shown.name if shown else None,
            status=s["status"] or "new", note=s["note"], stored=s["stored"]))
    return out



@dataclass(frozen=True)
class UnreadCounts:
    """Unread (new: nobody starred, reviewed or dismissed them) stories per automaker and per
    topic they are about, among the stories that arrived since ``since``."""

    since: str
    automakers: dict[str, int]
    topics: dict[str, int]


# CROSS JOIN fixes the order (SQLite never reorders it): from the window of recent stories out,
# never a scan of every tag in the archive, which the planner may prefer on a small or unanalysed
# database because that index is already grouped by tag.
UNREAD_SQL = (
    "SELECT t.kind, t.tag_id, count(DISTINCT s.id) FROM stories s CROSS JOIN articles a ON a.story_id = s.id "
    "CROSS JOIN tags t ON t.article_id = a.id WHERE s.stored >= ? AND t.role = 'subject' "
    "AND t.kind IN ('automaker', 'topic') AND NOT EXISTS "
    "(SELECT 1 FROM story_reviews r WHERE r.story_id = s.id AND r.status != 'new') GROUP BY t.kind, t.tag_id")


def unread_counts(db: Database, since: str) -> UnreadCounts:
    """One grouped query: the stories stored since ``since`` (idx_stories_stored), their
    articles (idx_articles_story_source_kind), their subject tags (the tags' primary key), less
    those with a status other than new (story_reviews' key, per story). The window keeps it quick on
    any archive: a reader's unread pile is recent; counts over every story ever stored and never
    reviewed would be both slow and meaningless."""
    rows = db.execute(UNREAD_SQL, [since]).fetchall()
    counts: dict[str, dict[str, int]] = {"automaker": {}, "topic": {}}
    for kind, tag_id, n in rows:
        counts[kind][tag_id] = n
    return UnreadCounts(since, counts["automaker"], counts["topic"])


def inbox_version(db: Database) -> tuple[int, int]:
    """What changes when a story arrives or staff act (status, note, tag): the newest story's id
    and the newest review_log row's, two lookups at the end of their rowid trees. A cache of
    unread counts keyed by it is stale only after a retag, until the next arrival or action."""
    return (db.execute("SELECT coalesce(max(id), 0) FROM stories").fetchone()[0],
            db.execute("SELECT coalesce(max(id), 0) FROM review_log").fetchone()[0])


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
    tags = tuple(tags_for(db, article_id))
    corrections = tuple(Correction(**r) for r in dicts(
        db, "SELECT article_id, kind, tag_id, action, by, at, role FROM tag_corrections WHERE article_id = ? "
        "ORDER BY at", [article_id]))
    story_id = row["story_id"]
    copies = ()
    if story_id is not None:
        story = story_members(db, [story_id]).get(story_id)
        copies = story.others(article_id) if story else ()
    shared = story_tags(db, [story_id]).get(story_id, ()) if story_id is not None else ()
    if not shared:  # not in a story (yet): its own tags are its story's
        shared = tuple(StoryTag(t.kind, t.tag_id, t.name, t.evidence, t.salience, t.origin, t.role) for t in tags)
    status, note = row.pop("status"), row.pop("note")
    return ArticleView(**row, tags=tags, corrections=corrections, copies=copies, status=status or "new", note=note,
                       story_tags=shared)


def source_names(db: Database) -> list[str]:
    return [r[0] for r in db.execute("SELECT name FROM sources ORDER BY name")]
