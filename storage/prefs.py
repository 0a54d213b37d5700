"""What the review page remembers per user: their last visit to the inbox, their view (cards or
a compact list), and their last status action, so that it can be undone.

**Last visit.** "New since my last visit" must not change under a reader's feet: paging through
the inbox, acting on stories and reloading all load the inbox again, and if each load were a
"visit" the new stories would vanish at the first click. So loads are grouped into *reading
sessions*: a load less than ``VISIT_GAP`` after the previous one belongs to the same session.
``last_visit`` is the time of the last load of the *previous* session (when the reader last
looked, before they came back); it moves only when a new session begins. A user who never loaded
the inbox has no last visit: everything is new to them.

``seen_at`` (the last load) is written at most once a ``SEEN_EVERY``, so a busy reader's page
loads are reads, not writes.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import timedelta

from sqlite_utils import Database

from . import clock

VIEWS = ("card", "compact")
VISIT_GAP = timedelta(minutes=30)  # a load this long after the previous one starts a new visit
SEEN_EVERY = timedelta(minutes=1)  # seen_at is refreshed no more often than this


@dataclass(frozen=True)
class Prefs:
    """A user's state: ``last_visit`` (None: no earlier visit), ``seen_at`` (their last load of
    the inbox) and ``view`` (card or compact)."""

    user: str
    last_visit: str | None
    seen_at: str | None
    view: str = "card"


@dataclass(frozen=True)
class StatusChange:
    """One story's status before and after an action."""

    story_id: int
    before: str
    after: str


@dataclass(frozen=True)
class LastAction:
    """A user's last status action (``action``: star, unstar, review, dismiss, new, review-page)
    with every status it changed, and a title to name it by."""

    user: str
    at: str
    action: str
    changes: tuple[StatusChange, ...]


def prefs(db: Database, user: str) -> Prefs:
    """The user's state (defaults when they have none yet)."""
    row = db.execute("SELECT last_visit, seen_at, view FROM user_state WHERE user = ?", [user]).fetchone()
    return Prefs(user, row[0], row[1], row[2]) if row else Prefs(user, None, None)


def record_visit(db: Database, user: str) -> Prefs:
    """The user loaded the inbox now: their state with ``last_visit`` as the page should use it
    (see the module's docstring). Writes only when a new visit begins or seen_at is stale."""
    now = clock.now()
    old = prefs(db, user)  # most loads stop here: a read, no write lock
    seen = clock.from_iso(old.seen_at)
    if seen is not None and now - seen < SEEN_EVERY:
        return old
    with db.atomic():
        old = prefs(db, user)  # again, under the write lock: another tab may have just written
        seen = clock.from_iso(old.seen_at)
        if seen is not None and now - seen < SEEN_EVERY:
            return old
        last_visit = old.last_visit
        if seen is not None and now - seen >= VISIT_GAP:
            last_visit = old.seen_at  # a new session: the previous one ended with its last load
        db.execute("INSERT INTO user_state (user, seen_at, last_visit) VALUES (?, ?, ?) ON CONFLICT(user) "
                   "DO UPDATE SET seen_at = excluded.seen_at, last_visit = excluded.last_visit",
                   [user, clock.to_iso(now), last_visit])
    return Prefs(user, last_visit, clock.to_iso(now), old.view)


def set_view(db: Database, user: str, view: str) -> None:
    """Remember the user's view of the inbox (ValueError: not card or compact)."""
    if view not in VIEWS:
        raise ValueError(f"view must be one of {', '.join(VIEWS)}")
    db.execute("INSERT INTO user_state (user, view) VALUES (?, ?) ON CONFLICT(user) DO UPDATE SET view = excluded.view",
               [user, view])


def remember_action(db: Database, user: str, action: str, changes: list[StatusChange]) -> None:
    """Keep this as the user's last action (replacing the one before: one step of undo). Called
    inside the action's transaction."""
    if not changes:
        return
    data = json.dumps([[c.story_id, c.before, c.after] for c in changes])
    db.execute("INSERT INTO user_undo (user, at, action, changes) VALUES (?, ?, ?, ?) ON CONFLICT(user) DO UPDATE "
               "SET at = excluded.at, action = excluded.action, changes = excluded.changes",
               [user, clock.now_iso(), action, data])


def last_action(db: Database, user: str) -> LastAction | None:
    """The user's last status action that can still be undone, or None."""
    row = db.execute("SELECT at, action, changes FROM user_undo WHERE user = ?", [user]).fetchone()
    if row is None:
        return None
    changes = tuple(StatusChange(int(s), b, a) for s, b, a in json.loads(row[2]))
    return LastAction(user, row[0], row[1], changes)


def forget_action(db: Database, user: str) -> None:
    db.execute("DELETE FROM user_undo WHERE user = ?", [user])
