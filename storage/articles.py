"""Articles and their URL aliases. One article, one transaction."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, replace

from sqlite_utils import Database

from .clock import now_iso
from .dates import bounds_sql
from .items import insert_items, mark_done
from .rows import dicts
from .stories import story_members
from .tags import replace_tags


@dataclass(frozen=True)
class NewArticle:
    url: str
    title: str | None
    text: str
    author: str | None
    published: str | None
    source: str
    kind: str
    language: str | None
    content_hash: str
    via: str | None = None
    text_from: str = "page"


@dataclass(frozen=True)
class ArticleRow:
    id: int
    url: str
    title: str | None
    source: str
    published: str | None
    kind: str
    fetched: str
    author: str | None
    language: str | None
    content_hash: str | None
    via: str | None
    story_id: int | None = None
    version: int = 1
    also_in: tuple[str, ...] = ()  # sources of the story's other copies

    def as_dict(self) -> dict:
        d = asdict(self)
        d["also_in"] = list(self.also_in)
        return d


# What XML 1.0 cannot carry, so no Atom feed, OPML file, HTML mail or spreadsheet may get it: the C0
# control characters but tab, newline and carriage return (NUL, ESC...), lone surrogates (half of a
# UTF-16 pair: JSON feeds can give them, and they cannot even be encoded as UTF-8) and the
# non-characters U+FFFE and U+FFFF.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def clean_text(value: str | None) -> str | None:
    """Text from the web as chargewatch keeps and writes it: what XML cannot carry is dropped.

    Applied when an article is stored (title, text, author, evidence) and again by every output
    (Atom, OPML, CSV, JSON Lines, the digest, the mail), so a row stored before this rule existed
    cannot break them either."""
    if value is None:
        return None
    return _NOT_XML.sub("", value)


def _clean_article(article: NewArticle) -> NewArticle:
    return replace(article, title=clean_text(article.title), text=clean_text(article.text) or "",
                   author=clean_text(article.author))


def _clean_tags(tags):
    if tags is None:
        return None
    return [replace(t, evidence=clean_text(t.evidence), name=clean_text(t.name)) for t in tags]


def article_for_url(db: Database, url: str) -> int | None:
    row = db.execute("SELECT article_id FROM urls WHERE url = ?", [url]).fetchone()
    return row[0] if row else None


def save_article(db: Database, article: NewArticle, *, aliases=(), item_url: str | None = None,
                 new_items=(), new_items_source: str | None = None, tags=None) -> tuple[int, bool]:
    """Store an article with its tags and URL aliases, close its queue item and queue the links it
    gave (PDFs), all in one transaction. Returns (id, created); an existing URL is not duplicated.
    Title, text, author and the tags' evidence are stored without what XML cannot carry
    (``clean_text``)."""
    article, tags = _clean_article(article), _clean_tags(tags)
    with db.atomic():
        existing = article_for_url(db, article.url)
        created = existing is None
        if created:
            cur = db.execute(
                "INSERT INTO articles (url, title, text, author, published, fetched, source, kind, "
                "language, content_hash, via, text_from) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [article.url, article.title, article.text, article.author, article.published, now_iso(),
                 article.source, article.kind, article.language, article.content_hash, article.via,
                 article.text_from])
            article_id = cur.lastrowid
            if tags is not None:
                replace_tags(db, article_id, tags)
        else:
            article_id = existing
        for url in {article.url, *aliases}:
            db.execute("INSERT OR IGNORE INTO urls (url, article_id) VALUES (?, ?)", [url, article_id])
        if item_url:
            mark_done(db, item_url)
        if new_items:
            insert_items(db, new_items_source or article.source, new_items)
    return article_id, created


def add_aliases(db: Database, url: str, aliases, *, item_url: str | None = None) -> bool:
    """If url is stored, point the aliases at it and close the queue item. False if not stored."""
    with db.atomic():
        article_id = article_for_url(db, url)
        if article_id is None:
            return False
        for alias in set(aliases) - {None}:
            db.execute("INSERT OR IGNORE INTO urls (url, article_id) VALUES (?, ?)", [alias, article_id])
        if item_url:
            mark_done(db, item_url)
    return True


def update_article(db: Database, article_id: int, article: NewArticle, *, tags=None) -> bool:
    """The page changed under the same URL: update the row in place (version + 1, the previous
    content hash kept) and re-tag it. Returns False when the text is unchanged."""
    article, tags = _clean_article(article), _clean_tags(tags)
    row = db.execute("SELECT content_hash FROM articles WHERE id = ?", [article_id]).fetchone()
    if row is None or row[0] == article.content_hash:
        return False
    db.execute(
        "UPDATE articles SET title = coalesce(?, title), text = ?, author = coalesce(?, author), "
        "language = coalesce(?, language), previous_hash = content_hash, content_hash = ?, "
        "version = version + 1, updated = ? WHERE id = ?",
        [article.title, article.text, article.author, article.language, article.content_hash, now_iso(),
         article_id])
    if tags is not None:
        replace_tags(db, article_id, tags)
    return True


_COLUMNS = "id, url, title, source, published, kind, fetched, author, language, content_hash, via, story_id, version"


def list_articles(db: Database, *, source: str | None = None, since: str | None = None,
                  limit: int | None = None, per_story: bool = True) -> list[ArticleRow]:
    """Newest first (by publication date, then fetch time). With per_story, one row per story:
    its representative (or, with a source filter, that source's copy) and the other sources."""
    rows = _select_articles(db, source=source, since=since, limit=None if per_story else limit,
                            date=STORY_DATE if per_story else ARTICLE_DATE)
    if not per_story:
        return rows
    members = story_members(db, {r.story_id for r in rows if r.story_id is not None})
    chosen: dict[object, ArticleRow] = {}
    for r in rows:
        key = r.story_id if r.story_id is not None else ("article", r.id)
        best = chosen.get(key)
        if best is None or (r.story_id in members and members[r.story_id].representative_id == r.id):
            chosen[key] = r
    out = []
    for key, r in chosen.items():
        story = members.get(r.story_id)
        out.append(replace(r, also_in=story.also_in(r.source) if story else ()))
    out.sort(key=lambda r: (r.published or r.fetched, r.id), reverse=True)
    return out[:limit] if limit else out


# What --since filters on: an article's own publication date (fetch time if it has none), or,
# one row per story, the story's first publication, as `stories` and the inbox do.
ARTICLE_DATE = "coalesce(published, fetched)"
STORY_DATE = f"coalesce((SELECT s.first_seen FROM stories s WHERE s.id = articles.story_id), {ARTICLE_DATE})"


def _select_articles(db: Database, *, source: str | None, since: str | None, limit: int | None,
                     date: str = ARTICLE_DATE) -> list[ArticleRow]:
    where, params = bounds_sql(date, since, None)
    if source:
        where.append("source = ?")
        params.append(source)
    sql = f"SELECT {_COLUMNS} FROM articles"
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " ORDER BY coalesce(published, fetched) DESC, id DESC"
    if limit:
        sql += f" LIMIT {int(limit)}"
    return [ArticleRow(**r) for r in dicts(db, sql, params)]




def count_articles(db: Database, source: str | None = None) -> int:
    if source:
        return db.execute("SELECT count(*) FROM articles WHERE source = ?", [source]).fetchone()[0]
    return db.execute("SELECT count(*) FROM articles").fetchone()[0]


MAX_ID = 2**63 - 1  # SQLite's largest integer: no row has a larger id


def parse_item(item: str) -> tuple[str, int] | None:
    """("", 42) from "42", ("article", 42) from "article:42", ("story", 42) from "story:42"; None
    for anything else, a number beyond any row id (99999999999999999999999) included."""
    kind, _, number = item.strip().rpartition(":")
    if not (number.isascii() and number.isdigit()) or kind not in ("", "article", "story"):
        return None
    n = int(number)
    if not 0 < n <= MAX_ID:
        return None
    return kind, n


def resolve_item(db: Database, item: str) -> int | None:
    """An article id from "42" (an article, or else a story), "article:42" or "story:42"."""
    parsed = parse_item(item)
    if parsed is None:
        return None
    kind, n = parsed
    if kind in ("", "article") and db.execute("SELECT 1 FROM articles WHERE id = ?", [n]).fetchone():
        return n
    if kind in ("", "story"):
        row = db.execute("SELECT representative FROM stories WHERE id = ?", [n]).fetchone()
        return row[0] if row else None
    return None
