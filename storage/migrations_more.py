"""Migrations after m015, registered on the same ``migrations`` object as storage/migrations.py
(which imports this module at its end, so these apply after the earlier ones, in file order).

A second file only because one module stays under 400 lines (tests/test_boundaries.py)."""

from __future__ import annotations

from sqlite_utils import Database

from .migrations import migrations


@migrations()
def m018_chat_deliveries(db: Database) -> None:
    # Issue 17: the digest's summary goes to chat channels (Apprise), each delivery recorded per
    # channel (like mail on the digest's row: attempts, last error, when it went), so a failed
    # channel is retried by the next digest run without posting again to those that got it. The
    # channel is named by its label (the feeds file's ${VARIABLE} or Apprise's redacted URL),
    # never by the secret URL. ``digests.data`` keeps the digest as made (JSON: sections, links,
    # source health), so the review page shows it as HTML and a retried summary is the same one.
    db.execute("ALTER TABLE digests ADD COLUMN data TEXT")
    db.execute("""
        CREATE TABLE chat_deliveries (
            id INTEGER PRIMARY KEY,
            digest_id INTEGER NOT NULL REFERENCES digests(id),
            channel TEXT NOT NULL,
            created TEXT NOT NULL,
            sent_at TEXT,
            attempts INTEGER NOT NULL DEFAULT 0,
            last_error TEXT,
            UNIQUE (digest_id, channel)
        )""")
    db.execute("CREATE INDEX idx_chat_deliveries_pending ON chat_deliveries (sent_at, digest_id)")


@migrations()
def m017_saved_searches(db: Database) -> None:
    # A person's saved searches (storage/saved.py): a name (one per user), the query as typed,
    # the filters as JSON (Filters.as_dict()), and when it was last opened: the articles stored
    # since then are its "new matches".
    db.execute("CREATE TABLE saved_searches (id INTEGER PRIMARY KEY, user TEXT NOT NULL, name TEXT NOT NULL, "
               "query TEXT NOT NULL, filters TEXT NOT NULL DEFAULT '{}', created TEXT NOT NULL, "
               "last_opened TEXT NOT NULL, UNIQUE (user, name))")


@migrations()
def m016_user_state(db: Database) -> None:
    # Issue 17, what is new in the inbox (storage/prefs.py): per user, when they last loaded the
    # inbox (``seen_at``) and the "last visit" their "new since my last visit" reads from (the
    # previous reading session's last load), their view (cards or compact), and their last
    # status action with the statuses it replaced, so that it can be undone.
    db.execute("""
        CREATE TABLE user_state (
            user TEXT PRIMARY KEY,
            seen_at TEXT,
            last_visit TEXT,
            view TEXT NOT NULL DEFAULT 'card' CHECK (view IN ('card', 'compact'))
        )""")
    db.execute("""
        CREATE TABLE user_undo (
            user TEXT PRIMARY KEY,
            at TEXT NOT NULL,
            action TEXT NOT NULL,
            changes TEXT NOT NULL
        )""")
