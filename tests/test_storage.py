"""storage/ on real SQLite files."""

from __future__ import annotations


import pytest

from monitor.errors import DatabaseError
from monitor.parse import FeedItem
from storage import open_db
from storage import articles, items, sources


def new_article(url="https://e.org/a", **kw):
    base = dict(url=url, title="Tesla lithium refinery", text="Tesla opened a lithium refinery in Texas.",
                author=None, published="2026-11-02T10:00:00Z", source="s", kind="article",
                language="en", content_hash="h")
    base.update(kw)
    return articles.NewArticle(**base)


def test_schema_is_created_once_and_in_wal_mode(tmp_path):
    path = tmp_path / "x.db"
    open_db(path).close()
    db = open_db(path)  # re-opening applies nothing twice
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert {"sources", "fetches", "articles", "items", "urls", "validators", "articles_fts"} <= set(db.table_names())
    from storage.migrations import migrations

    applied = db.execute("SELECT count(*) FROM _sqlite_migrations").fetchone()[0]
    assert applied == len(migrations.applied(db)) >= 2 and migrations.pending(db) == []


def test_unusable_database_is_a_clear_error(tmp_path):
    bad = tmp_path / "not-a-db.db"
    bad.write_text("hello, I am a text file" * 100)
    with pytest.raises(DatabaseError, match="not-a-db.db"):
        open_db(bad)
    with pytest.raises(DatabaseError, match="is a directory"):
        open_db(tmp_path)


def test_article_is_stored_once_with_aliases_and_fts(db):
    db.execute("INSERT INTO items (url, source, state) VALUES ('https://e.org/a?x', 's', 'pending')")
    first, created = articles.save_article(db, new_article(), aliases=["https://e.org/a?x"],
                                           item_url="https://e.org/a?x")
    again, created_again = articles.save_article(db, new_article(title="other"), aliases=["https://e.org/amp/a"])
    assert created and not created_again and first == again
    assert articles.count_articles(db) == 1
    assert articles.article_for_url(db, "https://e.org/amp/a") == first
    assert db.execute("SELECT state FROM items").fetchone()[0] == "done"
    hits = db.execute("SELECT rowid FROM articles_fts WHERE articles_fts MATCH 'refineries'").fetchall()
    assert hits == [(first,)]  # porter stemming: refineries ~ refinery


def test_enqueue_skips_known_urls_and_saves_validators_together(db):
    articles.save_article(db, new_article())
    new = items.enqueue(db, "s", [FeedItem("https://e.org/a"), FeedItem("https://e.org/b", title="B")],
                        [("https://e.org/feed", '"etag"', None)])
    assert new == 1
    assert [i.url for i in items.pending(db, "s")] == ["https://e.org/b"]
    assert sources.get_validators(db, "https://e.org/feed") == ('"etag"', None)
    assert items.enqueue(db, "s", [FeedItem("https://e.org/b")]) == 0


def test_failed_items_are_retried_then_given_up(db):
    items.enqueue(db, "s", [FeedItem("https://e.org/t"), FeedItem("https://e.org/p")])
    assert items.mark_failed(db, "https://e.org/t", "timeout", permanent=False, max_attempts=2) == "pending"
    assert items.mark_failed(db, "https://e.org/t", "timeout", permanent=False, max_attempts=2) == "failed"
    assert items.mark_failed(db, "https://e.org/p", "HTTP 404", permanent=True) == "failed"
    assert items.pending(db, "s") == []


def test_source_health_counts_consecutive_failures(db):
    from monitor.config import SourceSpec

    sources.sync_sources(db, [SourceSpec(name="s", kind="feed", url="https://e.org/feed")])
    sources.record_failure(db, "s", "HTTP 500 (https://e.org/feed)")
    sources.record_failure(db, "s", "timed out (https://e.org/feed)")
    [row] = sources.list_sources(db)
    assert row.consecutive_failures == 2 and row.error_count == 2 and "timed out" in row.last_error
    sources.record_success(db, "s")
    [row] = sources.list_sources(db)
    assert row.consecutive_failures == 0 and row.error_count == 2 and row.last_success


def test_a_failed_transaction_leaves_nothing_behind(db):
    class Boom(Exception):
        pass

    with pytest.raises(Boom):
        with db.atomic():
            articles.save_article(db, new_article())
            raise Boom()
    assert articles.count_articles(db) == 0
    assert db.execute("SELECT count(*) FROM urls").fetchone()[0] == 0
