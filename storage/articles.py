"""Articles and their URL aliases. One article, one transaction."""

from __future__ import annotations

from dataclasses import asdict, dataclass

from sqlite_utils import Database

from .db import now_iso
from .items import _insert_items, mark_done
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

    def as_dict(self) -> dict:
        return asdict(self)


def article_for_url(db: Database, url: str) -> int | None:
    row = db.execute("SELECT article_id FROM urls WHERE url = ?", [url]).fetchone()
    return row[0] if row else None


def save_article(db: Database, article: NewArticle, *, aliases=(), item_url: str | None = None,
                 new_items=(), new_items_source: str | None = None, tags=None) -> tuple[int, bool]:
    """Store an article with its tags and URL aliases, close its queue item and queue the links it
    gave (PDFs), all in one transaction. Returns (id, created); an existing URL is not duplicated."""
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
            _insert_items(db, new_items_source or article.source, new_items)
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


_COLUMNS = "id, url, title, source, published, kind, fetched, author, language, content_hash, via"


def list_articles(db: Database, *, source: str | None = None, since: str | None = None,
                  limit: int | None = None) -> list[ArticleRow]:
    """Newest first (by publication date, then fetch time)."""
    where, params = [], []
    if source:
        where.append("source = ?")
        params.append(source)
    if since:
        where.append("coalesce(published, fetched) >= ?")
        params.append(since)
    sql = f"SELECT {_COLUMNS} FROM articles"
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " ORDER BY coalesce(published, fetched) DESC, id DESC"
    if limit:
        sql += f" LIMIT {int(limit)}"
    return [ArticleRow(*r) for r in db.execute(sql, params).fetchall()]


def get_article_text(db: Database, article_id: int) -> str | None:
    row = db.execute("SELECT text FROM articles WHERE id = ?", [article_id]).fetchone()
    return row[0] if row else None


def count_articles(db: Database, source: str | None = None) -> int:
    if source:
        return db.execute("SELECT count(*) FROM articles WHERE source = ?", [source]).fetchone()[0]
    return db.execute("SELECT count(*) FROM articles").fetchone()[0]
