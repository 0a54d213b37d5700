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


@migrations()
def m019_supplier_tags(db: Database) -> None:
    # Issue 18: the tagger also finds suppliers (nlp/suppliers.py: "Huayou", "PT Vale Indonesia"),
    # stored as tags of kind 'supplier' beside automakers and topics, so a story reaches an
    # automaker through its supply chain (nlp/supply_links.py) wherever staff look. SQLite cannot
    # alter a CHECK: the table is rebuilt (as m014 rebuilt tag_corrections), every row kept, and
    # every index it had made again from its own SQL (so none is lost, whichever migration made it).
    indexes = [r[0] for r in db.execute(
        "SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'tags' AND sql IS NOT NULL")]
    db.execute("""
        CREATE TABLE tags_new (
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            kind TEXT NOT NULL CHECK (kind IN ('automaker', 'topic', 'supplier')),
            tag_id TEXT NOT NULL,
            name TEXT,
            evidence TEXT,
            mentions INTEGER NOT NULL DEFAULT 0,
            salience REAL NOT NULL DEFAULT 0,
            matched TEXT,
            origin TEXT NOT NULL DEFAULT 'tagger',
            role TEXT NOT NULL DEFAULT 'mention' CHECK (role IN ('subject', 'mention')),
            PRIMARY KEY (article_id, kind, tag_id)
        )""")
    columns = "article_id, kind, tag_id, name, evidence, mentions, salience, matched, origin, role"
    db.execute(f"INSERT INTO tags_new ({columns}) SELECT {columns} FROM tags")
    db.execute("DROP TABLE tags")
    db.execute("ALTER TABLE tags_new RENAME TO tags")
    for sql in indexes:
        db.execute(sql)


@migrations()
def m020_supply_review(db: Database) -> None:
    # Issue 18, items 2 and 3 (storage/supply.py). ``link_proposals``: the supply links the tagger
    # proposed from a sentence of an article, for staff to confirm or reject (one per article,
    # pair and kind, so a re-fetched article proposes nothing twice). ``link_changes``: every
    # change staff made to the links (add, confirm, retire) with who and when; the effective
    # links are the data file's with these changes replayed in order, so nothing is ever edited
    # in place and the log is the history.
    db.execute("""
        CREATE TABLE link_proposals (
            id INTEGER PRIMARY KEY,
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            automaker TEXT NOT NULL,
            supplier TEXT NOT NULL,
            kind TEXT NOT NULL,
            material TEXT,
            sentence TEXT NOT NULL,
            status TEXT NOT NULL DEFAULT 'proposed' CHECK (status IN ('proposed', 'confirmed', 'rejected')),
            created TEXT NOT NULL,
            decided_by TEXT,
            decided_at TEXT,
            UNIQUE (article_id, automaker, supplier, kind)
        )""")
    db.execute("CREATE INDEX idx_link_proposals_status ON link_proposals (status, id)")
    db.execute("""
        CREATE TABLE link_changes (
            id INTEGER PRIMARY KEY,
            supplier TEXT NOT NULL,
            automaker TEXT NOT NULL,
            material TEXT NOT NULL,
            kind TEXT NOT NULL,
            action TEXT NOT NULL CHECK (action IN ('add', 'confirm', 'retire')),
            source TEXT NOT NULL DEFAULT '',
            note TEXT NOT NULL DEFAULT '',
            "by" TEXT NOT NULL,
            at TEXT NOT NULL
        )""")


@migrations()
def m021_link_change_verified(db: Database) -> None:
    # Issue 18, items 2 and 3 (storage/supply.py, storage/proposal_review.py). ``verified``: staff
    # may add a link their source does not state outright (drawn dashed, as the file's unverified
    # ones); 1 by default, so every change logged before keeps meaning what it meant (verified).
    # ``undone_by`` / ``undone_at``: a change taken back with the review page's Undo stays in the
    # log, marked, and is skipped when the links are replayed (nothing is deleted).
    # ``link_proposals.change_id``: the change a confirmation made (NULL when it made none: a
    # rejection, or a proposal marked known because its link was in force already), so the log
    # and the Confirmed tab say which proposals a link came from. The pair index serves the review
    # list, one row per (supplier, automaker, kind), and its "rejected before" mark.
    db.execute("ALTER TABLE link_changes ADD COLUMN verified INTEGER NOT NULL DEFAULT 1")
    db.execute("ALTER TABLE link_changes ADD COLUMN undone_by TEXT")
    db.execute("ALTER TABLE link_changes ADD COLUMN undone_at TEXT")
    db.execute("ALTER TABLE link_proposals ADD COLUMN change_id INTEGER REFERENCES link_changes(id)")
    # a proposal confirmed before this migration: its change's note began "confirmed from proposal N:"
    db.execute("UPDATE link_proposals SET change_id = (SELECT max(c.id) FROM link_changes c WHERE c.action = 'add' "
               "AND c.note LIKE 'confirmed from proposal ' || link_proposals.id || ':%') WHERE status = 'confirmed'")
    db.execute("CREATE INDEX idx_link_proposals_pair ON link_proposals (status, supplier, automaker, kind, id)")
