"""What staff do on the review page: a story's status and note, tag corrections; each action is
logged with who did it."""

from __future__ import annotations

from sqlite_utils import Database

from .clock import now_iso
from .review import STATUSES, TAG_KINDS


def story_exists(db: Database, story_id: int) -> bool:
    return db.execute("SELECT 1 FROM stories WHERE id = ?", [story_id]).fetchone() is not None


def set_status(db: Database, story_id: int, status: str, by: str | None) -> None:
    if status not in STATUSES:
        raise ValueError(f"status must be one of {', '.join(STATUSES)}")
    with db.atomic():
        db.execute("INSERT INTO story_reviews (story_id, status, updated, by) VALUES (?, ?, ?, ?) "
                   "ON CONFLICT(story_id) DO UPDATE SET status = excluded.status, updated = excluded.updated, "
                   "by = excluded.by", [story_id, status, now_iso(), by])
        log_action(db, by, "status", status, story_id=story_id)


def set_note(db: Database, story_id: int, note: str, by: str | None) -> None:
    note = note.strip()[:4000] or None
    with db.atomic():
        db.execute("INSERT INTO story_reviews (story_id, note, updated, by) VALUES (?, ?, ?, ?) "
                   "ON CONFLICT(story_id) DO UPDATE SET note = excluded.note, updated = excluded.updated, "
                   "by = excluded.by", [story_id, note, now_iso(), by])
        log_action(db, by, "note", note, story_id=story_id)


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
        db.execute("DELETE FROM tags WHERE article_id = ? AND kind = ? AND tag_id = ?", [article_id, kind, tag_id])
        if action == "add":  # a staff row, which the tagger's replace_tags leaves alone
            db.execute("INSERT INTO tags (article_id, kind, tag_id, name, evidence, mentions, salience, matched, origin) "
                       "VALUES (?, ?, ?, ?, NULL, 0, 1.0, '[]', 'staff')", [article_id, kind, tag_id, name or tag_id])
        story = db.execute("SELECT story_id FROM articles WHERE id = ?", [article_id]).fetchone()
        log_action(db, by, f"tag-{action}", f"{kind}:{tag_id}", story_id=story[0] if story else None, article_id=article_id)


def log_action(db: Database, by: str | None, action: str, value: str | None, *, story_id: int | None = None,
         article_id: int | None = None) -> None:
    db.execute("INSERT INTO review_log (at, by, story_id, article_id, action, value) VALUES (?, ?, ?, ?, ?, ?)",
               [now_iso(), by, story_id, article_id, action, value])
