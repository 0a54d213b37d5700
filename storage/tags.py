"""Tags on articles: automakers and topics, each with its evidence sentence."""

from __future__ import annotations

import json
from dataclasses import dataclass

from sqlite_utils import Database


@dataclass(frozen=True)
class TagRow:
    kind: str  # automaker | topic
    tag_id: str
    name: str
    evidence: str
    mentions: int
    salience: float
    matched: tuple[str, ...] = ()  # brands named (automakers) or terms matched (topics)
    origin: str = "tagger"


def replace_tags(db: Database, article_id: int, rows) -> None:
    """Replace the tagger's tags on an article. Staff corrections win: a tag they added stays (its
    row is not the tagger's), and a tag they removed is not put back."""
    db.execute("DELETE FROM tags WHERE article_id = ? AND origin = 'tagger'", [article_id])
    db.conn.executemany(
        "INSERT OR IGNORE INTO tags (article_id, kind, tag_id, name, evidence, mentions, salience, matched, origin) "
        "SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 'tagger' WHERE NOT EXISTS (SELECT 1 FROM tag_corrections c "
        "WHERE c.article_id = ?1 AND c.kind = ?2 AND c.tag_id = ?3 AND c.action = 'remove')",
        [(article_id, r.kind, r.tag_id, r.name, r.evidence, r.mentions, r.salience,
          json.dumps(list(r.matched), ensure_ascii=False)) for r in rows])


def tags_for(db: Database, article_id: int) -> list[TagRow]:
    rows = db.execute(
        "SELECT kind, tag_id, name, evidence, mentions, salience, matched, origin FROM tags "
        "WHERE article_id = ? ORDER BY kind, salience DESC, tag_id", [article_id]).fetchall()
    return [TagRow(r[0], r[1], r[2], r[3], r[4], r[5], tuple(json.loads(r[6] or "[]")), r[7]) for r in rows]


def articles_to_tag(db: Database, after_id: int = 0, limit: int = 1000) -> list[tuple[int, str, str | None]]:
    """(id, text, title) in id order after after_id: keyset pages for retag."""
    return db.execute("SELECT id, coalesce(text, ''), title FROM articles WHERE id > ? ORDER BY id LIMIT ?",
                      [after_id, limit]).fetchall()


def replace_many(db: Database, tagged) -> None:
    """[(article_id, rows)] in one transaction."""
    with db.atomic():
        for article_id, rows in tagged:
            replace_tags(db, article_id, rows)


def tag_counts(db: Database) -> dict[tuple[str, str], int]:
    rows = db.execute("SELECT kind, tag_id, count(*) FROM tags GROUP BY kind, tag_id").fetchall()
    return {(r[0], r[1]): r[2] for r in rows}
