"""Digests made (the window each covers, how it went out) and the stories a digest is made of."""

from __future__ import annotations

import json
from dataclasses import dataclass

from sqlite_utils import Database

from .clock import now_iso
from .rows import dicts, one
from .stories import story_members
from .tags import StoryTag, story_tags


@dataclass(frozen=True)
class DigestRecord:
    id: int
    created: str
    since: str
    until: str
    ad_hoc: bool
    stories: int
    subject: str
    delivery: str
    sent_at: str | None
    attempts: int
    last_error: str | None

    @property
    def pending(self) -> bool:
        """A mailed digest not yet delivered: the next ``digest --send`` retries it."""
        return self.delivery == "mail" and self.sent_at is None


@dataclass(frozen=True)
class DigestStory:
    id: int
    title: str | None
    first_seen: str
    article_id: int
    url: str
    source: str
    kind: str
    also_in: tuple[str, ...]
    sources: int
    tags: tuple[StoryTag, ...]


_COLUMNS = "id, created, since, until, ad_hoc, stories, subject, delivery, sent_at, attempts, last_error"


def _record(row: dict) -> DigestRecord:
    return DigestRecord(**{**row, "ad_hoc": bool(row["ad_hoc"])})


def last_until(db: Database) -> str | None:
    """Where the last regular digest ended (ad hoc ones, made with --since, do not count)."""
    row = db.execute("SELECT max(until) FROM digests WHERE ad_hoc = 0").fetchone()
    return row[0] if row else None


def undigested(db: Database) -> list[tuple[int, bool]]:
    """(story id, dismissed) of every story no regular digest has considered yet."""
    return [(r[0], bool(r[1])) for r in db.execute(
        "SELECT s.id, EXISTS (SELECT 1 FROM story_reviews r WHERE r.story_id = s.id AND r.status = 'dismissed') "
        "FROM stories s WHERE s.digest_id IS NULL ORDER BY s.id")]


def stored_between(db: Database, since: str, until: str) -> list[int]:
    """Ids of the stories chargewatch first stored in [since, until), not dismissed (--since)."""
    return [r[0] for r in db.execute(
        "SELECT s.id FROM stories s WHERE s.stored >= ? AND s.stored < ? AND s.id NOT IN "
        "(SELECT story_id FROM story_reviews WHERE status = 'dismissed') ORDER BY s.id", [since, until])]


def stored_before(db: Database, story_ids: list[int], before: str) -> set[int]:
    """Those of story_ids stored before ``before``."""
    return {r[0] for r in db.execute(
        "SELECT id FROM stories WHERE id IN (SELECT value FROM json_each(?)) AND stored < ?",
        [json.dumps([int(i) for i in story_ids]), before])}


def digest_stories(db: Database, story_ids: list[int]) -> list[DigestStory]:
    """The stories, with their copies' sources and their articles' tags, ordered by publication."""
    rows = dicts(db, "SELECT id, title, first_seen FROM stories WHERE id IN (SELECT value FROM json_each(?))",
                 [json.dumps([int(i) for i in story_ids])])
    rows.sort(key=lambda r: (r["first_seen"] or "", r["id"]))
    if not rows:
        return []
    ids = [r["id"] for r in rows]
    members = story_members(db, ids)
    tags = story_tags(db, ids)
    out = []
    for r in rows:
        story = members.get(r["id"])
        if story is None:
            continue
        rep, also = story.representative, story.also_in()
        out.append(DigestStory(id=r["id"], title=r["title"], first_seen=r["first_seen"], article_id=rep.id,
                               url=rep.url, source=rep.source, kind=rep.kind, also_in=also, sources=1 + len(also),
                               tags=tags.get(r["id"], ())))
    return out


def save_digest(db: Database, *, since: str, until: str, ad_hoc: bool, stories: int, subject: str, text: str,
                html: str, markdown: str, delivery: str, carried: list[int] = (), archived: list[int] = (),
                data: str | None = None, channels: list[str] = ()) -> int:
    """Record a digest and, in the same transaction, mark the stories it considered (``carried``,
    dismissed ones included) and those left to the archive (``archived``: stored before the first
    digest's window), so the next regular digest takes exactly the stories stored after them.
    ``data``: the digest as made (JSON), for the review page; ``channels``: the chat channels it
    is to be posted to, each recorded as a pending delivery in the same transaction."""
    with db.atomic():
        cur = db.execute(
            "INSERT INTO digests (created, since, until, ad_hoc, stories, subject, text, html, markdown, delivery, data) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [now_iso(), since, until, int(ad_hoc), stories, subject, text, html, markdown, delivery, data])
        db.conn.executemany("INSERT INTO chat_deliveries (digest_id, channel, created) VALUES (?, ?, ?)",
                            [(cur.lastrowid, channel, now_iso()) for channel in channels])
        for mark, ids in ((cur.lastrowid, carried), (0, archived)):
            db.conn.executemany("UPDATE stories SET digest_id = ? WHERE id = ? AND digest_id IS NULL",
                                [(mark, i) for i in ids])
    return cur.lastrowid


def record_sent(db: Database, digest_id: int) -> None:
    db.execute("UPDATE digests SET sent_at = ?, attempts = attempts + 1, last_error = NULL WHERE id = ?",
               [now_iso(), digest_id])


def record_failure(db: Database, digest_id: int, error: str) -> None:
    db.execute("UPDATE digests SET attempts = attempts + 1, last_error = ? WHERE id = ?", [error[:2000], digest_id])


def pending(db: Database) -> list[DigestRecord]:
    return [_record(r) for r in dicts(
        db, f"SELECT {_COLUMNS} FROM digests WHERE delivery = 'mail' AND sent_at IS NULL ORDER BY id")]


def list_digests(db: Database, limit: int = 100) -> list[DigestRecord]:
    return [_record(r) for r in dicts(db, f"SELECT {_COLUMNS} FROM digests ORDER BY id DESC LIMIT ?", [limit])]


def get_digest(db: Database, digest_id: int) -> tuple[DigestRecord, dict[str, str]] | None:
    row = one(db, f"SELECT {_COLUMNS}, text, html, markdown, data FROM digests WHERE id = ?", [digest_id])
    if row is None:
        return None
    # "data": the digest as made, JSON (None for a digest made before it was kept)
    bodies = {"text": row.pop("text"), "html": row.pop("html"), "md": row.pop("markdown"), "data": row.pop("data")}
    return _record(row), bodies


# -- chat deliveries: one row per digest and channel ------------------------------------------

@dataclass(frozen=True)
class ChatDelivery:
    digest_id: int
    channel: str  # the channel's label (never its secret URL)
    created: str
    sent_at: str | None
    attempts: int
    last_error: str | None


_CHAT_COLUMNS = "digest_id, channel, created, sent_at, attempts, last_error"


def chat_deliveries(db: Database, digest_id: int) -> list[ChatDelivery]:
    """The digest's chat deliveries, in the order its channels were configured."""
    return [ChatDelivery(**r) for r in dicts(
        db, f"SELECT {_CHAT_COLUMNS} FROM chat_deliveries WHERE digest_id = ? ORDER BY id", [digest_id])]


def chat_counts(db: Database) -> dict[int, tuple[int, int]]:
    """digest id -> (chat channels posted to, channels it was to be posted to)."""
    return {r[0]: (r[1], r[2]) for r in db.execute(
        "SELECT digest_id, count(sent_at), count(*) FROM chat_deliveries GROUP BY digest_id")}


def pending_chats(db: Database) -> list[ChatDelivery]:
    """Chat deliveries not made yet, oldest digest first: the next digest run retries them."""
    return [ChatDelivery(**r) for r in dicts(
        db, f"SELECT {_CHAT_COLUMNS} FROM chat_deliveries WHERE sent_at IS NULL ORDER BY digest_id, id")]


def record_chat_sent(db: Database, digest_id: int, channel: str) -> None:
    db.execute("UPDATE chat_deliveries SET sent_at = ?, attempts = attempts + 1, last_error = NULL "
               "WHERE digest_id = ? AND channel = ?", [now_iso(), digest_id, channel])


def record_chat_failure(db: Database, digest_id: int, channel: str, error: str) -> None:
    db.execute("UPDATE chat_deliveries SET attempts = attempts + 1, last_error = ? WHERE digest_id = ? AND channel = ?",
               [error[:2000], digest_id, channel])


# -- source health, for the digest's opening line ---------------------------------------------

@dataclass(frozen=True)
class FailingSource:
    name: str
    since: str  # when its current run of failures began: its first failed run after its last success
    failures: int
    paused: bool
    error_kind: str | None


def failing_sources(db: Database) -> list[FailingSource]:
    """Enabled sources whose last runs failed, and those paused after failing too often (they are
    not fetched at all), the longest failing first (the banner on every page counts the same).
    A source's failures began with its first run started after its last success (its last
    error's time when no run was logged)."""
    rows = dicts(db, "SELECT s.name, s.consecutive_failures AS failures, s.paused, s.error_kind, coalesce("
                     "(SELECT min(r.started) FROM runs r WHERE r.source = s.name AND r.started > "
                     "coalesce(s.last_success, '')), s.last_error_at, s.last_run) AS since "
                     "FROM sources s WHERE s.enabled = 1 AND (s.consecutive_failures > 0 OR s.paused = 1)")
    out = [FailingSource(r["name"], r["since"] or "", r["failures"], bool(r["paused"]), r["error_kind"]) for r in rows]
    return sorted(out, key=lambda f: (f.since, f.name))


def save_draft(db: Database, article_id: int, platform: str, text: str, by: str | None,
               draft_id: int | None = None) -> int:
    now = now_iso()
    with db.atomic():
        if draft_id is not None:
            db.execute("UPDATE post_drafts SET text = ?, updated = ?, by = ? WHERE id = ? AND article_id = ?",
                       [text, now, by, draft_id, article_id])
            return draft_id
        cur = db.execute("INSERT INTO post_drafts (article_id, platform, text, created, updated, by) "
                         "VALUES (?, ?, ?, ?, ?, ?)", [article_id, platform, text, now, now, by])
        return cur.lastrowid


def drafts_for(db: Database, article_id: int) -> list[dict]:
    cols = ("id", "platform", "text", "created", "updated", "by")
    return [dict(zip(cols, r)) for r in db.execute(
        f"SELECT {', '.join(cols)} FROM post_drafts WHERE article_id = ? ORDER BY updated DESC", [article_id])]
