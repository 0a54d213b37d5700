"""Stories (groups of copies of one story) and the LSH index that finds them."""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from sqlite_utils import Database

from .dates import bounds_sql
from .rows import dicts


@dataclass(frozen=True)
class Candidate:
    article_id: int
    story_id: int | None
    minhash: bytes
    shingles: int


@dataclass(frozen=True)
class Copy:
    """One article of a story, as the lists of stories, the article page and the API show it."""

    id: int
    url: str
    title: str | None
    source: str
    published: str | None
    kind: str
    fetched: str | None = None  # orders the members; not part of the API's shape

    def as_dict(self) -> dict:
        return {"id": self.id, "url": self.url, "title": self.title, "source": self.source,
                "published": self.published, "kind": self.kind}


@dataclass(frozen=True)
class StoryRow:
    id: int
    title: str | None
    first_seen: str | None
    last_seen: str | None
    articles: int
    sources: int
    representative: Copy
    copies: tuple[Copy, ...] = field(default=())

    def as_dict(self) -> dict:
        return {"id": self.id, "title": self.title, "first_seen": self.first_seen, "last_seen": self.last_seen,
                "articles": self.articles, "sources": self.sources,
                "representative": self.representative.as_dict(),
                "copies": [c.as_dict() for c in self.copies]}


@dataclass(frozen=True)
class StoryMembers:
    """A story's articles in REPRESENTATIVE_ORDER, with the one that stands for it."""

    story_id: int
    representative_id: int | None  # as stored on the story's row
    members: tuple[Copy, ...]  # never empty

    @property
    def representative(self) -> Copy:
        """The stored representative, or the first member should the row not name one of them."""
        return next((m for m in self.members if m.id == self.representative_id), self.members[0])

    def others(self, article_id: int | None = None) -> tuple[Copy, ...]:
        """The members but ``article_id`` (by default the representative), in order."""
        skip = self.representative.id if article_id is None else article_id
        return tuple(m for m in self.members if m.id != skip)

    def also_in(self, source: str | None = None) -> tuple[str, ...]:
        """The other sources of the story, each once, in order: every member's source but
        ``source`` (by default the representative's)."""
        skip = self.representative.source if source is None else source
        return tuple(dict.fromkeys(m.source for m in self.members if m.source != skip))


def story_members(db: Database, story_ids) -> dict[int, StoryMembers]:
    """Each story's members and representative: one query for any number of stories (the ids go
    in as one JSON parameter). A story with no articles is left out."""
    ids = json.dumps([int(i) for i in story_ids])
    grouped: dict[int, list[dict]] = {}
    for row in dicts(db, "SELECT story_id, (SELECT s.representative FROM stories s WHERE s.id = articles.story_id) "
                         "AS representative_id, id, url, title, source, published, kind, fetched FROM articles "
                         "WHERE story_id IN (SELECT value FROM json_each(?)) "
                         f"ORDER BY story_id, {REPRESENTATIVE_ORDER}", [ids]):
        grouped.setdefault(row["story_id"], []).append(row)
    return {sid: StoryMembers(sid, rows[0]["representative_id"],
                              tuple(Copy(**{k: v for k, v in r.items() if k not in ("story_id", "representative_id")})
                                    for r in rows))
            for sid, rows in grouped.items()}


def story_of_article(db: Database, article_id: int) -> int | None:
    """The story the article is in (None when it is in none yet, or is not stored)."""
    row = db.execute("SELECT story_id FROM articles WHERE id = ?", [article_id]).fetchone()
    return row[0] if row else None


def candidates(db: Database, keys: list[int], exclude: int | None = None) -> list[Candidate]:
    """Articles sharing at least one LSH band key, with their signatures."""
    if not keys:
        return []
    marks = ",".join("?" * len(keys))
    rows = dicts(
        db, f"SELECT a.id AS article_id, a.story_id, s.minhash, s.shingles FROM "
        f"(SELECT DISTINCT article_id FROM lsh WHERE key IN ({marks})) AS l "
        f"JOIN signatures s ON s.article_id = l.article_id JOIN articles a ON a.id = l.article_id "
        f"WHERE a.id != ?", [*keys, exclude if exclude is not None else -1])
    return [Candidate(**r) for r in rows]


def article_text(db: Database, article_id: int) -> str | None:
    row = db.execute("SELECT text FROM articles WHERE id = ?", [article_id]).fetchone()
    return row[0] if row else None


def story_of_url(db: Database, url: str) -> int | None:
    """The story of the article stored under ``url`` (any of its aliases)."""
    row = db.execute("SELECT a.story_id FROM urls u JOIN articles a ON a.id = u.article_id WHERE u.url = ?",
                     [url]).fetchone()
    return row[0] if row else None


def story_with_hash(db: Database, content_hash: str, exclude: int) -> int | None:
    row = db.execute("SELECT story_id FROM articles WHERE content_hash = ? AND id != ? AND story_id IS NOT NULL "
                     "ORDER BY id LIMIT 1", [content_hash, exclude]).fetchone()
    return row[0] if row else None


def signature_of(db: Database, article_id: int) -> tuple[bytes, int] | None:
    row = db.execute("SELECT minhash, shingles FROM signatures WHERE article_id = ?", [article_id]).fetchone()
    return (row[0], row[1]) if row else None


def index_signature(db: Database, article_id: int, minhash: bytes, shingles: int, keys: list[int],
                    old_keys: list[int] = ()) -> None:
    """Store the signature and its band keys (replacing an updated article's old keys)."""
    if old_keys:
        db.conn.executemany("DELETE FROM lsh WHERE key = ? AND article_id = ?", [(k, article_id) for k in old_keys])
    db.execute("INSERT OR REPLACE INTO signatures (article_id, minhash, shingles) VALUES (?, ?, ?)",
               [article_id, minhash, shingles])
    db.conn.executemany("INSERT OR IGNORE INTO lsh (key, article_id) VALUES (?, ?)",
                        [(k, article_id) for k in keys])


# which of a story's articles stands for it (also the order its copies are listed in)
REPRESENTATIVE_ORDER = "is_copy, kind != 'report', coalesce(published, fetched), id"


def place(db: Database, article_id: int, story_id: int | None, is_copy: bool) -> int:
    """Put the article in story_id, or in a new story of its own, and keep the story's row true."""
    if story_id is None:  # the common case: one statement fills the new story's row
        cur = db.execute(
            "INSERT INTO stories (representative, title, first_seen, last_seen, articles, sources, stored) "
            "SELECT id, title, coalesce(published, fetched), max(coalesce(published, fetched), fetched), 1, 1, "
            "fetched FROM articles WHERE id = ?", [article_id])
        db.execute("UPDATE articles SET story_id = ?, is_copy = ? WHERE id = ?",
                   [cur.lastrowid, int(is_copy), article_id])
        return cur.lastrowid
    db.execute("UPDATE articles SET story_id = ?, is_copy = ? WHERE id = ?", [story_id, int(is_copy), article_id])
    refresh(db, story_id)
    return story_id


def refresh(db: Database, story_id: int) -> None:
    """Recompute a story's row from its articles: the representative is the earliest published
    original (a copy that says it was first published elsewhere comes after any original); a
    report stands for the page that published it, so the story shows as the report."""
    rep = db.execute(
        f"SELECT id, title FROM articles WHERE story_id = ? ORDER BY {REPRESENTATIVE_ORDER} LIMIT 1",
        [story_id]).fetchone()
    if rep is None:
        db.execute("DELETE FROM stories WHERE id = ?", [story_id])
        return
    db.execute(
        "UPDATE stories SET representative = ?, title = ?, "
        "first_seen = (SELECT min(coalesce(published, fetched)) FROM articles WHERE story_id = ?), "
        "last_seen = (SELECT max(max(coalesce(published, fetched)), max(fetched)) FROM articles WHERE story_id = ?), "
        "articles = (SELECT count(*) FROM articles WHERE story_id = ?), "
        "sources = (SELECT count(DISTINCT source) FROM articles WHERE story_id = ?) WHERE id = ?",
        [rep[0], rep[1], story_id, story_id, story_id, story_id, story_id])


def list_stories(db: Database, *, since: str | None = None, limit: int | None = None,
                 source: str | None = None) -> list[StoryRow]:
    """Newest first, each with its representative and the other copies; ``since`` is on the
    story's first publication (storage.dates bounds)."""
    where, params = bounds_sql("s.first_seen", since, None)
    if source:
        where.append("s.id IN (SELECT story_id FROM articles WHERE source = ?)")
        params.append(source)
    sql = ("SELECT s.id, s.title, s.first_seen, s.last_seen, s.articles, s.sources "
           "FROM stories s" + (" WHERE " + " AND ".join(where) if where else "") +
           " ORDER BY s.first_seen DESC, s.id DESC" + (f" LIMIT {int(limit)}" if limit else ""))
    stories = dicts(db, sql, params)
    if not stories:
        return []
    members = story_members(db, [s["id"] for s in stories])
    out = []
    for s in stories:
        m = members.get(s["id"])
        if m is None:
            continue
        out.append(StoryRow(**s, representative=m.representative, copies=m.others()))
    return out

