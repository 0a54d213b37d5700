"""What staff do on the review page: a story's status and note, tag corrections; each action is
logged with who did it."""

from __future__ import annotations

import json

from sqlite_utils import Database

from .clock import now_iso
from .prefs import LastAction, StatusChange, forget_action, last_action, remember_action
from .review import STATUSES, TAG_KINDS
from .tags import ROLES

MAX_BULK = 500  # stories one bulk action takes (a page of the inbox is 50)


def set_status(db: Database, story_id: int, status: str, by: str | None) -> bool:
    """Set a story's review status; False when there is no such story (ValueError: no such status).
    The change becomes ``by``'s last action, which undo_last puts back."""
    if status not in STATUSES:
        raise ValueError(f"status must be one of {', '.join(STATUSES)}")
    with db.atomic():
        before = _statuses(db, [story_id]).get(story_id, "new")
        if not _review(db, story_id, "status", status, by):
            return False
        if by is not None and before != status:
            action = {"starred": "star", "reviewed": "review", "dismissed": "dismiss"}.get(status, "unstar"
                                                                                        if before == "starred" else "new")
            remember_action(db, by, action, [StatusChange(story_id, before, status)])
    return True


def review_stories(db: Database, story_ids: list[int], by: str | None) -> list[int]:
    """Mark these stories reviewed (the stories of one page of the inbox): only those still new;
    a starred story stays starred, a dismissed one dismissed. Returns the ids it changed, in one
    transaction, remembered as ``by``'s last action (one undo puts them all back)."""
    ids = list(dict.fromkeys(int(i) for i in story_ids))[:MAX_BULK]
    with db.atomic():
        statuses = _statuses(db, ids)
        existing = {r[0] for r in db.execute("SELECT id FROM stories WHERE id IN (SELECT value FROM json_each(?))",
                                            [json.dumps(ids)])}
        changed = [i for i in ids if i in existing and statuses.get(i, "new") == "new"]
        for story_id in changed:
            _review(db, story_id, "status", "reviewed", by)
        if by is not None:
            remember_action(db, by, "review-page", [StatusChange(i, "new", "reviewed") for i in changed])
    return changed


def undo_last(db: Database, by: str) -> LastAction | None:
    """Undo ``by``'s last status action: each story it changed gets its status back, unless
    someone changed it again since (their change stands). None when there is nothing to undo;
    else the action, whose ``changes`` are the stories put back. Only the user's own last action
    is undone, once."""
    with db.atomic():
        last = last_action(db, by)
        if last is None:
            return None
        forget_action(db, by)
        now = _statuses(db, [c.story_id for c in last.changes])
        restored = tuple(c for c in last.changes if now.get(c.story_id, "new") == c.after)
        for c in restored:
            _review(db, c.story_id, "status", c.before, by)
        log_action(db, by, "undo", last.action, story_id=restored[0].story_id if len(restored) == 1 else None)
    return LastAction(last.user, last.at, last.action, restored)


def _statuses(db: Database, story_ids: list[int]) -> dict[int, str]:
    """The review status of these stories that have a review row (the others are new)."""
    return {r[0]: r[1] for r in db.execute("SELECT story_id, status FROM story_reviews WHERE story_id IN "
                                            "(SELECT value FROM json_each(?))", [json.dumps(story_ids)])}


def set_note(db: Database, story_id: int, note: str, by: str | None) -> bool:
    """Set (or, with nothing but spaces, clear) a story's note; False when there is no such story."""
    return _review(db, story_id, "note", note.strip()[:4000] or None, by)


def _review(db: Database, story_id: int, column: str, value: str | None, by: str | None) -> bool:
    """One field of a story's review row, with who set it and when, and the action logged."""
    assert column in ("status", "note")
    with db.atomic():
        if db.execute("SELECT 1 FROM stories WHERE id = ?", [story_id]).fetchone() is None:
            return False
        db.execute(f"INSERT INTO story_reviews (story_id, {column}, updated, by) VALUES (?, ?, ?, ?) "
                   f"ON CONFLICT(story_id) DO UPDATE SET {column} = excluded.{column}, updated = excluded.updated, "
                   "by = excluded.by", [story_id, value, now_iso(), by])
        log_action(db, by, column, value, story_id=story_id)
    return True


def correct_tag(db: Database, article_id: int, kind: str, tag_id: str, action: str, by: str | None,
                name: str | None = None, *, role: str = "mention", evidence: str | None = None) -> None:
    """Remove a wrong tag, add a missing one, or set whether the article is about a tag
    (``action="role"``, ``role`` subject or mention). The correction is kept in its own table,
    so ``retag`` never puts a removed tag back, drops an added one or undoes a role.

    An added tag is a mention at salience 0 unless staff make it the subject: it never outranks
    what the tagger found otherwise. Its evidence is a sentence staff picked from the article
    (``evidence``, which must occur in its title or text; ValueError if not) or none."""
    if kind not in TAG_KINDS or action not in ("add", "remove", "role"):
        raise ValueError("kind must be automaker or topic, action add, remove or role")
    if role not in ROLES:
        raise ValueError(f"role must be one of {', '.join(ROLES)}")
    evidence = " ".join((evidence or "").split()) or None
    with db.atomic():
        if action == "role":
            cur = db.execute("UPDATE tags SET role = ? WHERE article_id = ? AND kind = ? AND tag_id = ?",
                             [role, article_id, kind, tag_id])
            if not cur.rowcount:
                raise ValueError(f"article {article_id} has no {kind} tag {tag_id!r}")
            staff = db.execute("SELECT 1 FROM tag_corrections WHERE article_id = ? AND kind = ? AND tag_id = ? "
                               "AND action = 'add'", [article_id, kind, tag_id]).fetchone()
            if staff:  # an added tag keeps being the staff's, with its new role
                db.execute("UPDATE tag_corrections SET role = ?, by = ?, at = ? WHERE article_id = ? AND kind = ? "
                           "AND tag_id = ?", [role, by, now_iso(), article_id, kind, tag_id])
                db.execute("UPDATE tags SET salience = ? WHERE article_id = ? AND kind = ? AND tag_id = ?",
                           [1.0 if role == "subject" else 0.0, article_id, kind, tag_id])
        else:
            if action == "add" and evidence is not None:
                found = db.execute("SELECT coalesce(title, '') || ' ' || coalesce(text, '') FROM articles "
                                   "WHERE id = ?", [article_id]).fetchone()
                if found is None or evidence not in " ".join(found[0].split()):
                    raise ValueError("the evidence must be a sentence of the article's text")
            staff = None
        if action != "role" or not staff:
            db.execute("INSERT INTO tag_corrections (article_id, kind, tag_id, action, by, at, role) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(article_id, kind, tag_id) DO UPDATE SET "
                       "action = excluded.action, by = excluded.by, at = excluded.at, role = excluded.role",
                       [article_id, kind, tag_id, action, by, now_iso(), None if action == "remove" else role])
        if action != "role":
            db.execute("DELETE FROM tags WHERE article_id = ? AND kind = ? AND tag_id = ?", [article_id, kind, tag_id])
        if action == "add":  # a staff row, which the tagger's replace_tags leaves alone
            db.execute("INSERT INTO tags (article_id, kind, tag_id, name, evidence, mentions, salience, matched, origin, "
                       "role) VALUES (?, ?, ?, ?, ?, 0, ?, '[]', 'staff', ?)",
                       [article_id, kind, tag_id, name or tag_id, evidence, 1.0 if role == "subject" else 0.0, role])
        story = db.execute("SELECT story_id FROM articles WHERE id = ?", [article_id]).fetchone()
        log_action(db, by, f"tag-{action}", f"{kind}:{tag_id}" + (f":{role}" if action == "role" else ""),
                   story_id=story[0] if story else None, article_id=article_id)


def log_action(db: Database, by: str | None, action: str, value: str | None, *, story_id: int | None = None,
         article_id: int | None = None) -> None:
    db.execute("INSERT INTO review_log (at, by, story_id, article_id, action, value) VALUES (?, ?, ?, ?, ?, ?)",
               [now_iso(), by, story_id, article_id, action, value])
