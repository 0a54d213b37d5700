"""The schema, as registered migrations applied in order, each in its own transaction."""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

migrations = Migrations("chargewatch")


@migrations()
def m001_initial(db: Database) -> None:
    db["sources"].create({
        "name": str, "kind": str, "url": str, "enabled": int,
        "last_run": str, "last_success": str, "last_error": str, "last_error_at": str,
        "consecutive_failures": int, "error_count": int, "created": str,
    }, pk="name", defaults={"consecutive_failures": 0, "error_count": 0, "enabled": 1})
    db["validators"].create({
        "url": str, "source": str, "etag": str, "last_modified": str, "checked": str,
    }, pk="url")
    db["fetches"].create({
        "id": int, "at": str, "source": str, "url": str, "status": int, "bytes": int,
        "duration_ms": int, "error": str,
    }, pk="id")
    db["fetches"].create_index(["source", "at"])
    # The work queue: every link a source gave us, until it is stored (done) or given up (failed).
    db["items"].create({
        "url": str, "source": str, "state": str, "attempts": int, "last_error": str,
        "title": str, "published": str, "author": str, "summary": str, "kind": str, "via": str,
        "discovered": str, "updated": str,
    }, pk="url", defaults={"state": "pending", "attempts": 0, "kind": "article"},
        not_null={"source", "state"})
    db["items"].create_index(["source", "state"])
    db["articles"].create({
        "id": int, "url": str, "title": str, "text": str, "author": str, "published": str,
        "fetched": str, "source": str, "kind": str, "language": str, "content_hash": str,
        "via": str, "text_from": str,
    }, pk="id", not_null={"url", "source", "kind", "fetched"}, defaults={"kind": "article"})
    db["articles"].create_index(["url"], unique=True)
    db["articles"].create_index(["source", "published"])
    db["articles"].create_index(["published"])
    db["articles"].create_index(["content_hash"])
    db["articles"].enable_fts(["title", "text"], fts_version="FTS5", create_triggers=True,
                              tokenize="porter")
    # Every URL that led to an article (requested, after redirects, rel=canonical), so a link
    # seen again under another form is never fetched twice.
    db["urls"].create({"url": str, "article_id": int}, pk="url",
                      foreign_keys=[("article_id", "articles", "id")])
    db["urls"].create_index(["article_id"])


@migrations()
def m002_tags(db: Database) -> None:
    # One row per tag on an article. origin = 'tagger' rows are replaced by every (re)tagging;
    # other origins (corrections by staff, issue 6) are never touched by the tagger.
    db.execute("""
        CREATE TABLE tags (
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            kind TEXT NOT NULL CHECK (kind IN ('automaker', 'topic')),
            tag_id TEXT NOT NULL,
            name TEXT,
            evidence TEXT,
            mentions INTEGER NOT NULL DEFAULT 0,
            salience REAL NOT NULL DEFAULT 0,
            matched TEXT,
            origin TEXT NOT NULL DEFAULT 'tagger',
            PRIMARY KEY (article_id, kind, tag_id)
        )""")
    db.execute("CREATE INDEX idx_tags_kind_tag ON tags (kind, tag_id, article_id)")


@migrations()
def m003_stories(db: Database) -> None:
    # Stories: copies of one story (syndicated, republished, edited) grouped under one id.
    db.execute("ALTER TABLE articles ADD COLUMN story_id INTEGER")
    db.execute("ALTER TABLE articles ADD COLUMN version INTEGER NOT NULL DEFAULT 1")
    db.execute("ALTER TABLE articles ADD COLUMN previous_hash TEXT")
    db.execute("ALTER TABLE articles ADD COLUMN updated TEXT")
    db.execute("ALTER TABLE articles ADD COLUMN is_copy INTEGER NOT NULL DEFAULT 0")
    db.execute("ALTER TABLE items ADD COLUMN source_updated TEXT")
    db.execute("CREATE INDEX idx_articles_story ON articles (story_id)")
    db.execute("""
        CREATE TABLE stories (
            id INTEGER PRIMARY KEY,
            representative INTEGER REFERENCES articles(id),
            title TEXT,
            first_seen TEXT,
            last_seen TEXT,
            articles INTEGER NOT NULL DEFAULT 1,
            sources INTEGER NOT NULL DEFAULT 1
        )""")
    db.execute("CREATE INDEX idx_stories_last_seen ON stories (last_seen)")
    # The LSH index lives in SQLite: restarts keep it, memory stays bounded as the archive grows,
    # and a new article is placed by a few indexed lookups instead of rebuilding anything.
    db.execute("""
        CREATE TABLE signatures (
            article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
            minhash BLOB NOT NULL,
            shingles INTEGER NOT NULL
        )""")
    db.execute("""
        CREATE TABLE lsh (
            key INTEGER NOT NULL,
            article_id INTEGER NOT NULL,
            PRIMARY KEY (key, article_id)
        ) WITHOUT ROWID""")


@migrations()
def m004_fts_only_when_text_changes(db: Database) -> None:
    # sqlite-utils' update trigger re-indexed an article's whole text on any UPDATE of its row,
    # such as setting story_id (half the cost of placing an article). Only title and text matter.
    db.execute("DROP TRIGGER IF EXISTS articles_au")
    db.execute("""
        CREATE TRIGGER articles_au AFTER UPDATE OF title, text ON articles BEGIN
          INSERT INTO articles_fts (articles_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
          INSERT INTO articles_fts (rowid, title, text) VALUES (new.rowid, new.title, new.text);
        END""")


@migrations()
def m005_review(db: Database) -> None:
    # What staff did on the review page (issue 6): a status and a note per story, every action in
    # a log with who did it, tag corrections that retag never overwrites, users and sessions.
    db.execute("""
        CREATE TABLE story_reviews (
            story_id INTEGER PRIMARY KEY REFERENCES stories(id) ON DELETE CASCADE,
            status TEXT NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'starred', 'reviewed', 'dismissed')),
            note TEXT,
            updated TEXT NOT NULL,
            by TEXT
        )""")
    db.execute("CREATE INDEX idx_story_reviews_status ON story_reviews (status, story_id)")
    db.execute("""
        CREATE TABLE review_log (
            id INTEGER PRIMARY KEY,
            at TEXT NOT NULL,
            by TEXT,
            story_id INTEGER,
            article_id INTEGER,
            action TEXT NOT NULL,
            value TEXT
        )""")
    db.execute("""
        CREATE TABLE tag_corrections (
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            kind TEXT NOT NULL CHECK (kind IN ('automaker', 'topic')),
            tag_id TEXT NOT NULL,
            action TEXT NOT NULL CHECK (action IN ('add', 'remove')),
            by TEXT,
            at TEXT NOT NULL,
            PRIMARY KEY (article_id, kind, tag_id)
        )""")
    db.execute("""
        CREATE TABLE users (
            name TEXT PRIMARY KEY,
            password_hash TEXT NOT NULL,
            created TEXT NOT NULL
        )""")
    db.execute("""
        CREATE TABLE sessions (
            token_hash TEXT PRIMARY KEY,
            user TEXT NOT NULL REFERENCES users(name) ON DELETE CASCADE,
            created TEXT NOT NULL,
            expires TEXT NOT NULL
        )""")
    # the inbox pages through stories newest first, and filters articles by tag and source
    db.execute("CREATE INDEX idx_stories_first_seen ON stories (first_seen, id)")
    db.execute("CREATE INDEX idx_tags_tag_salience ON tags (tag_id, kind, article_id)")
    db.execute("CREATE INDEX idx_articles_source_story ON articles (source, story_id)")
    db.execute("CREATE INDEX idx_articles_kind_story ON articles (kind, story_id)")


@migrations()
def m006_article_facts_index(db: Database) -> None:
    # story_id, published and fetched sit after the text in each row (story_id was added by
    # m003), so reading them walks the text's overflow pages. This covering index answers the
    # coverage charts (tag -> articles -> dates and stories) without touching the rows.
    db.execute("CREATE INDEX IF NOT EXISTS idx_articles_facts ON articles (id, story_id, published, fetched, is_copy)")


@migrations()
def m007_digests_and_posts(db: Database) -> None:
    # Every digest made, with the window it covers and how it was delivered: the next digest
    # starts where the last one ended, and a digest whose mail failed stays pending until sent.
    db.execute("""
        CREATE TABLE digests (
            id INTEGER PRIMARY KEY,
            created TEXT NOT NULL,
            since TEXT NOT NULL,
            until TEXT NOT NULL,
            ad_hoc INTEGER NOT NULL DEFAULT 0,
            stories INTEGER NOT NULL,
            subject TEXT NOT NULL,
            text TEXT NOT NULL,
            html TEXT NOT NULL,
            markdown TEXT NOT NULL,
            delivery TEXT NOT NULL DEFAULT 'printed' CHECK (delivery IN ('printed', 'file', 'mail')),
            sent_at TEXT,
            attempts INTEGER NOT NULL DEFAULT 0,
            last_error TEXT
        )""")
    db.execute("CREATE INDEX idx_digests_until ON digests (ad_hoc, until)")
    db.execute("""
        CREATE TABLE post_drafts (
            id INTEGER PRIMARY KEY,
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            platform TEXT NOT NULL,
            text TEXT NOT NULL,
            created TEXT NOT NULL,
            updated TEXT NOT NULL,
            by TEXT
        )""")
    db.execute("CREATE INDEX idx_post_drafts_article ON post_drafts (article_id, platform)")


@migrations()
def m008_schedule(db: Database) -> None:
    # `chargewatch run`: each source's next run lives here, so a restart continues the schedule;
    # a source failing too often is paused until resumed; every run is recorded.
    db.execute("ALTER TABLE sources ADD COLUMN next_run TEXT")
    db.execute("ALTER TABLE sources ADD COLUMN paused INTEGER NOT NULL DEFAULT 0")
    db.execute("ALTER TABLE sources ADD COLUMN paused_at TEXT")
    db.execute("ALTER TABLE sources ADD COLUMN last_new TEXT")
    db.execute("""
        CREATE TABLE runs (
            id INTEGER PRIMARY KEY,
            source TEXT NOT NULL,
            started TEXT NOT NULL,
            ended TEXT,
            status TEXT,
            new INTEGER NOT NULL DEFAULT 0,
            updated INTEGER NOT NULL DEFAULT 0,
            unchanged INTEGER NOT NULL DEFAULT 0,
            failed INTEGER NOT NULL DEFAULT 0,
            bytes INTEGER NOT NULL DEFAULT 0,
            error TEXT
        )""")
    db.execute("CREATE INDEX idx_runs_source ON runs (source, id)")


@migrations()
def m009_feed_tokens(db: Database) -> None:
    # Feed readers cannot log in: beyond loopback, a feed URL carries a user's feed token instead
    # (only its hash is stored; `chargewatch users feed-token NAME` makes a new one).
    db.execute("""
        CREATE TABLE feed_tokens (
            token_hash TEXT PRIMARY KEY,
            user TEXT NOT NULL REFERENCES users(name) ON DELETE CASCADE,
            created TEXT NOT NULL
        )""")


@migrations()
def m010_fewer_indexes(db: Database) -> None:
    # Indexes m005 added that no query needs any more (the inbox filters by EXISTS on a story's
    # articles, and m002's (kind, tag_id, article_id) serves every tag lookup). Each one cost
    # time on every stored article, growing with the archive.
    db.execute("DROP INDEX IF EXISTS idx_tags_tag_salience")
    db.execute("DROP INDEX IF EXISTS idx_articles_source_story")
    db.execute("DROP INDEX IF EXISTS idx_articles_kind_story")
    # A story's articles by source or kind (the inbox's filters) read from the index alone: the
    # source and kind columns come after the text in each row, behind its overflow pages. It
    # starts with story_id, so it replaces the index on story_id alone.
    db.execute("CREATE INDEX IF NOT EXISTS idx_articles_story_source_kind ON articles (story_id, source, kind)")
    db.execute("DROP INDEX IF EXISTS idx_articles_story")


@migrations()
def m011_stories_stored_and_digested(db: Database) -> None:
    # A digest carries what chargewatch stored since the last one, whatever date the story bears
    # (a back-dated item, a late feed, a source that was down, a date-only report): `stored` is
    # when the story's first article was stored, `digest_id` the regular digest that carried it
    # (0: stored before the first digest, part of the archive). first_seen stays the earliest
    # publication date, which orders and labels stories.
    db.execute("ALTER TABLE stories ADD COLUMN stored TEXT")
    db.execute("ALTER TABLE stories ADD COLUMN digest_id INTEGER")
    db.execute("UPDATE stories SET stored = (SELECT min(fetched) FROM articles WHERE story_id = stories.id)")
    # stories stored before the last regular digest were that digest's business
    db.execute("UPDATE stories SET digest_id = 0 WHERE stored < (SELECT max(until) FROM digests WHERE ad_hoc = 0)")
    db.execute("CREATE INDEX idx_stories_stored ON stories (stored)")
    db.execute("CREATE INDEX idx_stories_undigested ON stories (id) WHERE digest_id IS NULL")


@migrations()
def m012_reports_join_their_page(db: Database) -> None:
    # A PDF report and the publication page that links it are one story (shown once, as the
    # report); databases made before that have them apart.
    from .stories import refresh

    moves = db.execute(
        "SELECT r.id, r.story_id, p.story_id FROM articles r JOIN urls u ON u.url = r.via "
        "JOIN articles p ON p.id = u.article_id WHERE r.kind = 'report' AND r.story_id IS NOT NULL "
        "AND p.story_id IS NOT NULL AND r.story_id != p.story_id").fetchall()
    for report_id, old, new in moves:
        db.execute("UPDATE articles SET story_id = ? WHERE id = ?", [new, report_id])
        refresh(db, old)
        refresh(db, new)


@migrations()
def m013_source_leases(db: Database) -> None:
    # One process fetches a source at a time: two `chargewatch fetch` (or a fetch beside
    # `chargewatch run`) on one database would otherwise both download everything. A lease
    # names its process (host, pid and the pid's start time, so a reused pid is not mistaken
    # for it); a lease whose process is gone, or older than storage.sources.LEASE_MAX, is stale.
    db.execute("""
        CREATE TABLE source_leases (
            source TEXT PRIMARY KEY,
            owner TEXT NOT NULL,
            host TEXT NOT NULL,
            pid INTEGER NOT NULL,
            proc_start TEXT,
            taken TEXT NOT NULL
        )""")


@migrations()
def m014_tag_roles(db: Database) -> None:
    # Issue 15: a tag says whether the article is about its automaker or topic ("subject") or
    # names it in passing ("mention"); filters, counts, the digest and posts go by subjects.
    # Rows tagged before roles existed get a provisional role: each article's most salient
    # tagger tag of each kind (salience of at least 0.3: more than one passing mention) is its
    # subject; `chargewatch retag` gives the tagger's own roles. A tag staff added had salience 1.0
    # and so outranked everything the tagger found: it becomes a mention at salience 0.
    db.execute("ALTER TABLE tags ADD COLUMN role TEXT NOT NULL DEFAULT 'mention' "
               "CHECK (role IN ('subject', 'mention'))")
    db.execute("""
        UPDATE tags SET role = 'subject' WHERE origin = 'tagger' AND salience >= 0.3 AND salience = (
            SELECT max(o.salience) FROM tags o WHERE o.article_id = tags.article_id AND o.kind = tags.kind
            AND o.origin = 'tagger')""")
    db.execute("UPDATE tags SET salience = 0 WHERE origin != 'tagger'")
    db.execute("DROP INDEX IF EXISTS idx_tags_kind_tag")
    db.execute("CREATE INDEX idx_tags_kind_tag_role ON tags (kind, tag_id, role, article_id)")
    # A correction can now also set the role of a tag the tagger found (action 'role'), and an
    # added tag keeps the role staff gave it.
    db.execute("""
        CREATE TABLE tag_corrections_new (
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            kind TEXT NOT NULL CHECK (kind IN ('automaker', 'topic')),
            tag_id TEXT NOT NULL,
            action TEXT NOT NULL CHECK (action IN ('add', 'remove', 'role')),
            by TEXT,
            at TEXT NOT NULL,
            role TEXT CHECK (role IN ('subject', 'mention')),
            PRIMARY KEY (article_id, kind, tag_id)
        )""")
    db.execute("INSERT INTO tag_corrections_new (article_id, kind, tag_id, action, by, at, role) "
               "SELECT article_id, kind, tag_id, action, by, at, CASE action WHEN 'add' THEN 'mention' END "
               "FROM tag_corrections")
    db.execute("DROP TABLE tag_corrections")
    db.execute("ALTER TABLE tag_corrections_new RENAME TO tag_corrections")


@migrations()
def m015_error_kinds(db: Database) -> None:
    # The kind of a source's or a queued link's last error (monitor.errors: timeout, http, parse,
    # ...), beside its message, so the sources page can group failing sources by it. Errors
    # stored before kinds get one only where their message's start says it unambiguously; the
    # rest stay NULL ("Other error") until the next run records its own. A source that recovered
    # (no consecutive failures) and a stored link get none: a clean run clears the kind.
    db.execute("ALTER TABLE sources ADD COLUMN error_kind TEXT")
    db.execute("ALTER TABLE items ADD COLUMN error_kind TEXT")
    guess = ("CASE WHEN last_error LIKE 'HTTP %' THEN 'http' WHEN last_error LIKE 'timed out%' THEN 'timeout' "
             "WHEN last_error LIKE 'network error:%' THEN 'network' WHEN last_error LIKE 'TLS error:%' THEN 'tls' "
             "WHEN last_error LIKE 'disallowed by robots.txt%' THEN 'robots' "
             "WHEN last_error LIKE 'internal error:%' THEN 'internal' END")
    db.execute(f"UPDATE sources SET error_kind = {guess} WHERE last_error IS NOT NULL AND consecutive_failures > 0")
    db.execute(f"UPDATE items SET error_kind = {guess} WHERE last_error IS NOT NULL AND state != 'done'")


# The later migrations (m016 on) are in storage/migrations_more.py: imported here, after every
# earlier one is registered, so they apply in order.
from . import migrations_more  # noqa: E402,F401
