"""Users of the review page and their sessions (only a hash of each session token is stored)."""

from __future__ import annotations

from datetime import timedelta

from sqlite_utils import Database

from . import clock
from .clock import now_iso

SESSION_DAYS = 14


def add_user(db: Database, name: str, password_hash: str) -> bool:
    """Create the user, or set a new password if it exists. True when created."""
    with db.atomic():
        existed = db.execute("SELECT 1 FROM users WHERE name = ?", [name]).fetchone() is not None
        db.execute("INSERT INTO users (name, password_hash, created) VALUES (?, ?, ?) "
                   "ON CONFLICT(name) DO UPDATE SET password_hash = excluded.password_hash",
                   [name, password_hash, now_iso()])
        if existed:
            db.execute("DELETE FROM sessions WHERE user = ?", [name])
    return not existed


def remove_user(db: Database, name: str) -> bool:
    with db.atomic():
        db.execute("DELETE FROM sessions WHERE user = ?", [name])
        return db.execute("DELETE FROM users WHERE name = ?", [name]).rowcount > 0


def list_users(db: Database) -> list[tuple[str, str]]:
    return [tuple(r) for r in db.execute("SELECT name, created FROM users ORDER BY name")]


def count_users(db: Database) -> int:
    return db.execute("SELECT count(*) FROM users").fetchone()[0]


def password_hash(db: Database, name: str) -> str | None:
    row = db.execute("SELECT password_hash FROM users WHERE name = ?", [name]).fetchone()
    return row[0] if row else None


def create_session(db: Database, token_hash: str, user: str) -> None:
    expires = clock.to_iso(clock.now() + timedelta(days=SESSION_DAYS))
    with db.atomic():
        db.execute("DELETE FROM sessions WHERE expires < ?", [now_iso()])
        db.execute("INSERT INTO sessions (token_hash, user, created, expires) VALUES (?, ?, ?, ?)",
                   [token_hash, user, now_iso(), expires])


def session_user(db: Database, token_hash: str) -> str | None:
    row = db.execute("SELECT user FROM sessions WHERE token_hash = ? AND expires >= ?",
                     [token_hash, now_iso()]).fetchone()
    return row[0] if row else None


def delete_session(db: Database, token_hash: str) -> None:
    db.execute("DELETE FROM sessions WHERE token_hash = ?", [token_hash])


def set_feed_token(db: Database, name: str, token_hash: str) -> bool:
    """Replace the user's feed token. False if there is no such user."""
    with db.atomic():
        if db.execute("SELECT 1 FROM users WHERE name = ?", [name]).fetchone() is None:
            return False
        db.execute("DELETE FROM feed_tokens WHERE user = ?", [name])
        db.execute("INSERT INTO feed_tokens (token_hash, user, created) VALUES (?, ?, ?)", [token_hash, name, now_iso()])
    return True


def feed_token_user(db: Database, token_hash: str) -> str | None:
    row = db.execute("SELECT user FROM feed_tokens WHERE token_hash = ?", [token_hash]).fetchone()
    return row[0] if row else None
