"""What the review page reads and writes: the inbox of stories, search, an article with its tags,
review actions and tag corrections, coverage of one automaker or topic.

Every function takes the Database and returns dataclasses; the web handlers only render them.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import asdict, dataclass, field
from datetime import date, datetime, timedelta, timezone

from sqlite_utils import Database

from .db import now_iso

STATUSES = ("new", "starred", "reviewed", "dismissed")
# what the status filter takes: a status, or "inbox" (new and starred: not yet dealt with)
STATUS_FILTERS = ("inbox", *STATUSES)
KINDS = ("article", "report")
TAG_KINDS = ("automaker", "topic")


class QueryError(ValueError):
    """A search query FTS5 cannot parse; the message says what to change."""


@dataclass(frozen=True)
class Filters:
    """The inbox's and the search's filters; empty fields filter nothing."""

    automaker: str | None = None
    topic: str | None = None
    source: str | None = None
    kind: str | None = None
    since: str | None = None  # YYYY-MM-DD, inclusive
    until: str | None = None  # YYYY-MM-DD, inclusive
    status: str | None = "inbox"  # None: every status

    def __post_init__(self):
        if self.kind is not None and self.kind not in KINDS:
            raise ValueError(f"kind must be one of {', '.join(KINDS)}")
        if self.status is not None and self.status not in STATUS_FILTERS:
            raise ValueError(f"status must be one of {', '.join(STATUS_FILTERS)} or all")
        for name in ("since", "until"):
            value = getattr(self, name)
            if value is not None:
                try:
                    date.fromisoformat(value)
                except ValueError:
                    raise ValueError(f"{name} must be a date like 2026-11-25, not {value!r}") from None

    def as_dict(self) -> dict:
        return {k: v for k, v in asdict(self).items() if v is not None}


@dataclass(frozen=True)
class Chip:
    kind: str  # automaker | topic
    id: str
    name: str
    salience: float = 0.0
    origin: str = "tagger"


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
    automakers: tuple[Chip, ...]
    topics: tuple[Chip, ...]
    evidence: str | None  # the evidence sentence of the strongest tag
    evidence_tag: str | None
    status: str
    note: str | None

    def as_dict(self) -> dict:
        d = asdict(self)
        d["also_in"] = list(self.also_in)
        d["automakers"] = [asdict(c) for c in self.automakers]
        d["topics"] = [asdict(c) for c in self.topics]
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


@dataclass(frozen=True)
class Correction:
    article_id: int
    kind: str
    tag_id: str
    action: str  # add | remove
    by: str | None
    at: str


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

    def as_dict(self) -> dict:
        d = asdict(self)
        for key in ("tags", "corrections", "copies"):
            d[key] = [asdict(x) for x in getattr(self, key)]
        for t in d["tags"]:
            t["matched"] = list(t["matched"])
        return d


@dataclass(frozen=True)
class Coverage:
    kind: str
    tag_id: str
    weeks: list[tuple[str, int]]  # (Monday, stories that week), oldest first
    related: list[tuple[str, str, int]]  # (tag_id, name, stories) of the other kind
    latest: list[InboxStory] = field(default_factory=list)


# -- the inbox -------------------------------------------------------------------------------------

RARE_TAG = 2000  # a tag on fewer articles is filtered by its list of stories, a commoner one row by row


def _filter_sql(db: Database, f: Filters, story: str = "s.id") -> tuple[list[str], list]:
    """WHERE clauses on a story id expression, for every filter but the dates.

    Pages are read newest first along an index, so a filter that most stories pass is cheapest
    as a check on each row (EXISTS: two index lookups) until the page is full, while a rare one
    is cheapest as the short list of its stories (IN). Which one a tag is, an index count
    capped at RARE_TAG tells in well under a millisecond."""
    where, params = [], []
    for kind, value in (("automaker", f.automaker), ("topic", f.topic)):
        if not value:
            continue
        common = db.execute("SELECT count(*) FROM (SELECT 1 FROM tags WHERE tag_id = ? AND kind = ? LIMIT ?)",
                            [value, kind, RARE_TAG]).fetchone()[0] >= RARE_TAG
        if common:
            where.append(f"EXISTS (SELECT 1 FROM articles a2 JOIN tags t ON t.article_id = a2.id "
                         f"WHERE a2.story_id = {story} AND t.tag_id = ? AND t.kind = ?)")
        else:
            where.append(f"{story} IN (SELECT a2.story_id FROM tags t JOIN articles a2 ON a2.id = t.article_id "
                         "WHERE t.tag_id = ? AND t.kind = ?)")
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


def _article_filter_sql(db: Database, f: Filters) -> tuple[list[str], list]:
    """The filters on an article ``a``: its story's tags, sources, kinds and status, its date."""
    where, params = _filter_sql(db, f, story="a.story_id")
    if f.since:
        where.append("coalesce(a.published, a.fetched) >= ?")
        params.append(f.since)
    if f.until:
        where.append("coalesce(a.published, a.fetched) < ?")
        params.append(_day_after(f.until))
    return where, params


def _day_after(day: str) -> str:
    return (date.fromisoformat(day) + timedelta(days=1)).isoformat()


def inbox(db: Database, filters: Filters = Filters(), *, before: str | None = None, limit: int = 50) -> InboxPage:
    """Stories newest first (by when they were first published), one row each, a page at a time.
    Keyset pagination (``before`` is the cursor of the previous page) keeps every page as fast as
    the first on a large archive."""
    where, params = _filter_sql(db, filters)
    if filters.since:
        where.append("s.first_seen >= ?")
        params.append(filters.since)
    if filters.until:
        where.append("s.first_seen < ?")
        params.append(_day_after(filters.until))
    if before:
        first_seen, _, sid = before.rpartition("|")
        if not sid.isdigit():
            raise ValueError("before must be a cursor given by the previous page")
        where.append("(s.first_seen < ? OR (s.first_seen = ? AND s.id < ?))")
        params += [first_seen, first_seen, int(sid)]
    sql = ("SELECT s.id, s.first_seen FROM stories s" + (" WHERE " + " AND ".join(where) if where else "")
           + " ORDER BY s.first_seen DESC, s.id DESC LIMIT ?")
    rows = db.execute(sql, [*params, limit + 1]).fetchall()
    more = len(rows) > limit
    rows = rows[:limit]
    stories = story_rows(db, [r[0] for r in rows])
    cursor = f"{rows[-1][1]}|{rows[-1][0]}" if more and rows else None
    return InboxPage(stories, cursor)


def story_rows(db: Database, story_ids: list[int]) -> list[InboxStory]:
    """The inbox rows of these stories, in the order given: a few batched queries for a page."""
    if not story_ids:
        return []
    marks = ",".join("?" * len(story_ids))
    stories = {r[0]: r for r in db.execute(
        f"SELECT s.id, s.title, s.first_seen, s.articles, s.representative, r.status, r.note FROM stories s "
        f"LEFT JOIN story_reviews r ON r.story_id = s.id WHERE s.id IN ({marks})", story_ids)}
    members: dict[int, list[tuple]] = {}
    for row in db.execute(f"SELECT story_id, id, url, source, kind, title FROM articles WHERE story_id IN ({marks}) "
                          "ORDER BY is_copy, coalesce(published, fetched), id", story_ids):
        members.setdefault(row[0], []).append(row[1:])
    tags: dict[int, dict[tuple[str, str], tuple]] = {}
    for sid, kind, tag_id, name, evidence, salience, origin in db.execute(
            f"SELECT a.story_id, t.kind, t.tag_id, t.name, t.evidence, t.salience, t.origin FROM tags t "
            f"JOIN articles a ON a.id = t.article_id WHERE a.story_id IN ({marks}) "
            "ORDER BY t.salience DESC, t.tag_id", story_ids):
        per = tags.setdefault(sid, {})
        per.setdefault((kind, tag_id), (name or tag_id, evidence, salience or 0.0, origin))
    out = []
    for sid in story_ids:
        s = stories.get(sid)
        copies = members.get(sid)
        if s is None or not copies:
            continue
        rep = next((c for c in copies if c[0] == s[4]), copies[0])
        per = tags.get(sid, {})
        chips = {k: tuple(Chip(k, tid, v[0], v[2], v[3]) for (kk, tid), v in per.items() if kk == k)
                 for k in TAG_KINDS}
        strongest = max(per.items(), key=lambda kv: kv[1][2], default=None)
        out.append(InboxStory(
            id=sid, title=s[1] or rep[4], first_seen=s[2], article_id=rep[0], url=rep[1], source=rep[2],
            kind=rep[3], also_in=tuple(dict.fromkeys(c[2] for c in copies if c[2] != rep[2])), articles=s[3],
            automakers=chips["automaker"], topics=chips["topic"],
            evidence=strongest[1][1] if strongest else None, evidence_tag=strongest[1][0] if strongest else None,
            status=s[5] or "new", note=s[6]))
    return out


# -- search ----------------------------------------------------------------------------------------

SEARCH_WINDOW = 5000  # a query matching more is ranked among its newest SEARCH_WINDOW matches
COUNT_CAP = 10_000  # with filters, counting stops here ("10,000 or more")


def search(db: Database, query: str, filters: Filters = Filters(status=None), *, page: int = 1,
           per_page: int = 20) -> SearchPage:
    """Full text over title and text (FTS5 syntax: "phrases", AND/OR/NOT, prefix*), best first,
    with the inbox's filters applied to each article's story.

    Ranking every match of a common word on a large archive costs a quarter of a second, so a
    query with more than SEARCH_WINDOW matches is ranked among the newest SEARCH_WINDOW of them
    (news: the newest matter most), and the page says so."""
    query = query.strip()
    if not query:
        raise QueryError("type something to search for")
    where, params = _article_filter_sql(db, filters)
    extra = "".join(f" AND {w}" for w in where)
    base = f"FROM articles_fts f JOIN articles a ON a.id = f.rowid WHERE articles_fts MATCH ?{extra}"
    try:
        if where:
            total = db.execute(f"SELECT count(*) FROM (SELECT 1 {base} LIMIT ?)",
                               [query, *params, COUNT_CAP]).fetchone()[0]
        else:
            total = db.execute("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?", [query]).fetchone()[0]
        window = ""
        window_params: list = []
        if total > SEARCH_WINDOW:
            floor = db.execute(f"SELECT f.rowid {base} ORDER BY f.rowid DESC LIMIT 1 OFFSET ?",
                               [query, *params, SEARCH_WINDOW - 1]).fetchone()
            if floor:
                window, window_params = " AND f.rowid >= ?", [floor[0]]
        rows = db.execute(
            f"SELECT a.id, a.story_id, a.title, a.url, a.source, a.published, a.kind, "
            f"snippet(articles_fts, -1, char(2), char(3), '…', 24) {base}{window} ORDER BY f.rank LIMIT ? OFFSET ?",
            [query, *params, *window_params, per_page, (max(page, 1) - 1) * per_page]).fetchall()
    except sqlite3.OperationalError as exc:
        raise QueryError(_explain_query_error(query, str(exc))) from None
    return SearchPage(query, total, [SearchHit(*r) for r in rows], max(page, 1), per_page,
                      capped=bool(where) and total >= COUNT_CAP, ranked_among=SEARCH_WINDOW if window else None)


def _explain_query_error(query: str, message: str) -> str:
    message = message.removeprefix("fts5: ")
    return (f"cannot search for {query!r}: {message}. Use words, \"a phrase\", AND / OR / NOT between "
            "terms, and word* for a prefix; put other punctuation inside quotes.")


# -- one article -------------------------------------------------------------------------------------

def article_view(db: Database, article_id: int) -> ArticleView | None:
    row = db.execute(
        "SELECT a.id, a.url, a.title, coalesce(a.text, ''), a.author, a.published, a.fetched, a.source, a.kind, "
        "a.language, a.via, a.story_id, a.version, r.status, r.note FROM articles a "
        "LEFT JOIN story_reviews r ON r.story_id = a.story_id WHERE a.id = ?", [article_id]).fetchone()
    if row is None:
        return None
    tags = tuple(TagView(r[0], r[1], r[2] or r[1], r[3], r[4], r[5], tuple(json.loads(r[6] or "[]")), r[7])
                 for r in db.execute("SELECT kind, tag_id, name, evidence, mentions, salience, matched, origin "
                                     "FROM tags WHERE article_id = ? ORDER BY kind, salience DESC, tag_id",
                                     [article_id]))
    corrections = tuple(Correction(*r) for r in db.execute(
        "SELECT article_id, kind, tag_id, action, by, at FROM tag_corrections WHERE article_id = ? ORDER BY at",
        [article_id]))
    copies = ()
    if row[11] is not None:
        copies = tuple(CopyView(*r) for r in db.execute(
            "SELECT id, url, title, source, published FROM articles WHERE story_id = ? AND id != ? "
            "ORDER BY is_copy, coalesce(published, fetched), id", [row[11], article_id]))
    return ArticleView(*row[:13], tags=tags, corrections=corrections, copies=copies,
                       status=row[13] or "new", note=row[14])


def resolve_item(db: Database, item: str) -> int | None:
    """An article id from "42" (an article, or else a story), "article:42" or "story:42"."""
    kind, _, number = item.strip().rpartition(":")
    if not number.isdigit() or kind not in ("", "article", "story"):
        return None
    n = int(number)
    if kind in ("", "article") and db.execute("SELECT 1 FROM articles WHERE id = ?", [n]).fetchone():
        return n
    if kind in ("", "story"):
        row = db.execute("SELECT representative FROM stories WHERE id = ?", [n]).fetchone()
        return row[0] if row else None
    return None


# -- review actions ----------------------------------------------------------------------------------

def story_exists(db: Database, story_id: int) -> bool:
    return db.execute("SELECT 1 FROM stories WHERE id = ?", [story_id]).fetchone() is not None


def set_status(db: Database, story_id: int, status: str, by: str | None) -> None:
    if status not in STATUSES:
        raise ValueError(f"status must be one of {', '.join(STATUSES)}")
    with db.atomic():
        db.execute("INSERT INTO story_reviews (story_id, status, updated, by) VALUES (?, ?, ?, ?) "
                   "ON CONFLICT(story_id) DO UPDATE SET status = excluded.status, updated = excluded.updated, "
                   "by = excluded.by", [story_id, status, now_iso(), by])
        _log(db, by, "status", status, story_id=story_id)


def set_note(db: Database, story_id: int, note: str, by: str | None) -> None:
    note = note.strip()[:4000] or None
    with db.atomic():
        db.execute("INSERT INTO story_reviews (story_id, note, updated, by) VALUES (?, ?, ?, ?) "
                   "ON CONFLICT(story_id) DO UPDATE SET note = excluded.note, updated = excluded.updated, "
                   "by = excluded.by", [story_id, note, now_iso(), by])
        _log(db, by, "note", note, story_id=story_id)


def correct_tag(db: Database, article_id: int, kind: str, tag_id: str, action: str, by: str | None,
                name: str | None = None) -> None:
    """Remove a wrong tag or add a missing one. The correction is kept in its own table, so
    ``retag`` never puts a removed tag back nor drops an added one."""
    if kind not in TAG_KINDS or action not in ("add", "remove"):
        raise ValueError("kind must be automaker or topic, action add or remove")
    with db.atomic():
        db.execute("INSERT INTO tag_corrections (article_id, kind, tag_id, action, by, at) VALUES (?, ?, ?, ?, ?, ?) "
                   "ON CONFLICT(article_id, kind, tag_id) DO UPDATE SET action = excluded.action, by = excluded.by, "
                   "at = excluded.at", [article_id, kind, tag_id, action, by, now_iso()])
        if action == "remove":
            db.execute("DELETE FROM tags WHERE article_id = ? AND kind = ? AND tag_id = ?", [article_id, kind, tag_id])
        else:
            db.execute("DELETE FROM tags WHERE article_id = ? AND kind = ? AND tag_id = ?", [article_id, kind, tag_id])
            db.execute("INSERT INTO tags (article_id, kind, tag_id, name, evidence, mentions, salience, matched, origin) "
                       "VALUES (?, ?, ?, ?, NULL, 0, 1.0, '[]', 'staff')", [article_id, kind, tag_id, name or tag_id])
        story = db.execute("SELECT story_id FROM articles WHERE id = ?", [article_id]).fetchone()
        _log(db, by, f"tag-{action}", f"{kind}:{tag_id}", story_id=story[0] if story else None, article_id=article_id)


def corrections_export(db: Database) -> list[dict]:
    """Corrected articles in the labelled set's shape (title, text, automakers, topics after the
    corrections) with the corrections themselves, so the tagger's tests can learn from them."""
    ids = [r[0] for r in db.execute("SELECT DISTINCT article_id FROM tag_corrections ORDER BY article_id")]
    out = []
    for article_id in ids:
        view = article_view(db, article_id)
        if view is None:
            continue
        out.append({"id": f"correction-{article_id}", "article_id": article_id, "url": view.url,
                    "title": view.title, "text": view.text,
                    "automakers": sorted(t.tag_id for t in view.tags if t.kind == "automaker"),
                    "topics": sorted(t.tag_id for t in view.tags if t.kind == "topic"),
                    "corrections": [asdict(c) for c in view.corrections]})
    return out


def _log(db: Database, by: str | None, action: str, value: str | None, *, story_id: int | None = None,
         article_id: int | None = None) -> None:
    db.execute("INSERT INTO review_log (at, by, story_id, article_id, action, value) VALUES (?, ?, ?, ?, ?, ?)",
               [now_iso(), by, story_id, article_id, action, value])


def review_log(db: Database, limit: int = 100) -> list[dict]:
    cols = ("at", "by", "story_id", "article_id", "action", "value")
    return [dict(zip(cols, r)) for r in db.execute(
        f"SELECT {', '.join(cols)} FROM review_log ORDER BY id DESC LIMIT ?", [limit])]


# -- coverage of one automaker or topic ---------------------------------------------------------------

RELATED_SAMPLE = 2000  # co-occurring tags are counted over this many of the newest tagged articles


def coverage(db: Database, kind: str, tag_id: str, *, weeks: int = 52, now: datetime | None = None,
             latest: int = 15) -> Coverage:
    """Stories per week over the last ``weeks`` weeks (Mondays, oldest first), the most frequent
    tags of the other kind on the same articles (among the newest RELATED_SAMPLE, so the page
    stays fast on a large archive), and the latest stories."""
    now = now or datetime.now(timezone.utc)
    this_monday = now.date() - timedelta(days=now.weekday())
    first = this_monday - timedelta(weeks=weeks - 1)
    counts = dict(db.execute(
        "SELECT CAST((julianday(substr(coalesce(a.published, a.fetched), 1, 10)) - julianday(?)) / 7 AS INTEGER) "
        "AS week, count(DISTINCT a.story_id) FROM tags t JOIN articles a ON a.id = t.article_id "
        "WHERE t.tag_id = ? AND t.kind = ? AND coalesce(a.published, a.fetched) >= ? GROUP BY week",
        [first.isoformat(), tag_id, kind, first.isoformat()]).fetchall())
    series = [((first + timedelta(weeks=i)).isoformat(), counts.get(i, 0)) for i in range(weeks)]
    other = "topic" if kind == "automaker" else "automaker"
    related = [tuple(r) for r in db.execute(
        "SELECT o.tag_id, max(o.name), count(DISTINCT x.story_id) AS n FROM "
        "(SELECT a.id, a.story_id FROM tags t JOIN articles a ON a.id = t.article_id "
        " WHERE t.tag_id = ? AND t.kind = ? ORDER BY t.article_id DESC LIMIT ?) AS x "
        "JOIN tags o ON o.article_id = x.id AND o.kind = ? GROUP BY o.tag_id ORDER BY n DESC, o.tag_id LIMIT 8",
        [tag_id, kind, RELATED_SAMPLE, other])]
    page = inbox(db, Filters(status=None, **{kind: tag_id}), limit=latest)
    return Coverage(kind, tag_id, series, related, page.stories)


def source_names(db: Database) -> list[str]:
    return [r[0] for r in db.execute("SELECT name FROM sources ORDER BY name")]


def tag_names(db: Database, kind: str) -> list[tuple[str, str, int]]:
    """(tag_id, name, articles) of one kind present in the archive, most frequent first."""
    return [tuple(r) for r in db.execute(
        "SELECT tag_id, max(name), count(*) AS n FROM tags WHERE kind = ? GROUP BY tag_id ORDER BY n DESC, tag_id",
        [kind])]


# -- export ------------------------------------------------------------------------------------------

def export_stories(db: Database, filters: Filters) -> list[dict]:
    """Every story the filters select (any status unless one is given), newest first, one dict
    each, for CSV or JSON Lines: ids, dates, title, link, sources, tags, strongest evidence."""
    out, before = [], None
    while True:
        page = inbox(db, filters, before=before, limit=500)
        for s in page.stories:
            out.append({"story_id": s.id, "article_id": s.article_id, "first_seen": s.first_seen, "title": s.title,
                        "url": s.url, "source": s.source, "also_in": list(s.also_in), "kind": s.kind,
                        "automakers": [c.id for c in s.automakers], "topics": [c.id for c in s.topics],
                        "evidence": s.evidence, "evidence_tag": s.evidence_tag, "status": s.status, "note": s.note,
                        "tags": [{"kind": c.kind, "id": c.id, "name": c.name, "salience": c.salience,
                                  "origin": c.origin} for c in (*s.automakers, *s.topics)]})
        if not page.next_cursor:
            return out
        before = page.next_cursor


def export_articles(db: Database, filters: Filters) -> list[dict]:
    """Every article the filters select, newest first, with all its tags and their evidence."""
    where, params = _article_filter_sql(db, filters)
    rows = db.execute(
        "SELECT a.id, a.story_id, a.published, a.fetched, a.title, a.url, a.source, a.kind, a.language FROM articles a"
        + (" WHERE " + " AND ".join(where) if where else "") + " ORDER BY coalesce(a.published, a.fetched) DESC, a.id DESC",
        params).fetchall()
    tags: dict[int, list[tuple]] = {}
    ids = [r[0] for r in rows]
    for chunk in range(0, len(ids), 500):
        part = ids[chunk:chunk + 500]
        for row in db.execute(f"SELECT article_id, kind, tag_id, name, evidence, mentions, salience, origin FROM tags "
                              f"WHERE article_id IN ({','.join('?' * len(part))}) ORDER BY salience DESC, tag_id", part):
            tags.setdefault(row[0], []).append(row[1:])
    out = []
    for r in rows:
        mine = tags.get(r[0], [])
        best = next((t for t in mine if t[3]), None)
        out.append({"article_id": r[0], "story_id": r[1], "published": r[2], "fetched": r[3], "title": r[4],
                    "url": r[5], "source": r[6], "kind": r[7], "language": r[8],
                    "automakers": [t[1] for t in mine if t[0] == "automaker"],
                    "topics": [t[1] for t in mine if t[0] == "topic"],
                    "evidence": best[3] if best else None, "evidence_tag": best[2] if best else None,
                    "tags": [{"kind": t[0], "id": t[1], "name": t[2], "evidence": t[3], "mentions": t[4],
                              "salience": t[5], "origin": t[6]} for t in mine]})
    return out
