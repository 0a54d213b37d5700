"""The durable work queue: links found by a source, waiting to be fetched and stored.

Links are queued (and the source's validators saved) in one transaction before any article is
fetched, so a crash after a 304-worthy listing never loses the links it gave: the next run
finds them here, pending.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlite_utils import Database

from .clock import now_iso
from .rows import dicts
from .sources import save_validators, storable_text


@dataclass(frozen=True)
class ItemRow:
    url: str
    source: str
    attempts: int
    title: str | None
    published: str | None
    author: str | None
    summary: str | None
    kind: str
    via: str | None




def insert_items(db: Database, source: str, items) -> int:
    """Queue links not seen before; re-queue a stored one whose source says it changed since.
    Returns how many were queued or re-queued. Runs in the caller's transaction: ``enqueue``
    (a listing's links with its validators) and ``storage.articles.save_article`` (the links a
    stored page gave, such as its PDFs) call it inside theirs."""
    new = 0
    at = now_iso()
    for it in items:
        updated = getattr(it, "updated", None)
        if db.execute("SELECT 1 FROM urls WHERE url = ?", [it.url]).fetchone():
            if updated:
                cur = db.execute(
                    "UPDATE items SET state = 'pending', attempts = 0, source_updated = ?, updated = ? "
                    "WHERE url = ? AND state = 'done' AND coalesce(source_updated, '') < ?",
                    [updated, at, it.url, updated])
                new += cur.rowcount
            continue
        cur = db.execute(
            "INSERT OR IGNORE INTO items (url, source, state, attempts, title, published, author, "
            "summary, kind, via, discovered, updated, source_updated) "
            "VALUES (?, ?, 'pending', 0, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [it.url, source, storable_text(it.title, 10_000), it.published, storable_text(it.author, 10_000),
             storable_text(it.summary, 100_000), it.kind, it.via, at, at, updated])
        new += cur.rowcount
    return new


def enqueue(db: Database, source: str, items, validators: list[tuple[str, str | None, str | None]] = ()) -> int:
    """Queue new links and save the listing's validators together. Returns how many were new."""
    with db.atomic():
        new = insert_items(db, source, items)
        for url, etag, last_modified in validators:
            save_validators(db, url, source, etag, last_modified)
    return new


def pending(db: Database, source: str, limit: int = 10_000) -> list[ItemRow]:
    rows = dicts(db, "SELECT url, source, attempts, title, published, author, summary, kind, via FROM items "
                     "WHERE source = ? AND state = 'pending' ORDER BY kind = 'report', discovered, url LIMIT ?",
                     [source, limit])
    return [ItemRow(**r) for r in rows]


def mark_failed(db: Database, url: str, error: str, *, permanent: bool, max_attempts: int = 3,
                kind: str | None = None) -> str:
    """Count a failed attempt; give the item up when permanent or out of attempts. Returns the state.
    ``kind`` is the error's kind (timeout, http, parse...), kept beside its message."""
    with db.atomic():
        db.execute(
            "UPDATE items SET attempts = attempts + 1, last_error = ?, error_kind = ?, updated = ?, "
            "state = CASE WHEN ? OR attempts + 1 >= ? THEN 'failed' ELSE 'pending' END WHERE url = ?",
            [storable_text(error), kind, now_iso(), int(permanent), max_attempts, url])
        row = db.execute("SELECT state FROM items WHERE url = ?", [url]).fetchone()
    return row[0] if row else "failed"


def mark_done(db: Database, url: str) -> None:
    """Stored: an earlier attempt's error kind no longer applies (its message stays, as history)."""
    db.execute("UPDATE items SET state = 'done', error_kind = NULL, updated = ? WHERE url = ?", [now_iso(), url])
