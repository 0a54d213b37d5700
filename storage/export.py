"""Tagged coverage and staff corrections as plain dicts, for CSV, JSON Lines and the labelled set."""

from __future__ import annotations

import json
from dataclasses import asdict

from sqlite_utils import Database

from .review import Filters, article_filter_sql, article_view, inbox
from .rows import dicts
from .tags import TAG_ORDER, StoryTag, story_evidence


def corrections_export(db: Database) -> list[dict]:
    """Corrected articles in the labelled set's shape (title, text, automakers, topics after the
    corrections) with the corrections themselves, so the tagger's tests can learn from them."""
    ids = [r[0] for r in db.execute("SELECT DISTINCT article_id FROM tag_corrections ORDER BY article_id")]
    out = []
    for article_id in ids:
        view = article_view(db, article_id)
        if view is None:
            continue
        out.append({"id": f"correction-{article_id}", "article_id": article_id, "url": view.url,
                    "title": view.title, "text": view.text,
                    "automakers": sorted(t.tag_id for t in view.tags if t.kind == "automaker"),
                    "topics": sorted(t.tag_id for t in view.tags if t.kind == "topic"),
                    "about": sorted(t.tag_id for t in view.tags if t.kind == "automaker" and t.role == "subject"),
                    "corrections": [asdict(c) for c in view.corrections]})
    return out


def export_stories(db: Database, filters: Filters) -> list[dict]:
    """Every story the filters select (any status unless one is given), newest first, one dict
    each, for CSV or JSON Lines: ids, dates, title, link, sources, tags, strongest evidence."""
    out, before = [], None
    while True:
        page = inbox(db, filters, before=before, limit=500)
        for s in page.stories:
            out.append({"story_id": s.id, "article_id": s.article_id, "first_seen": s.first_seen, "title": s.title,
                        "url": s.url, "source": s.source, "also_in": list(s.also_in), "kind": s.kind,
                        "automakers": [c.id for c in s.automakers], "topics": [c.id for c in s.topics],
                        "evidence": s.evidence, "evidence_tag": s.evidence_tag, "status": s.status, "note": s.note,
                        "subjects": [c.id for c in (*s.automakers, *s.topics) if c.subject],
                        "suppliers": [c.id for c in s.suppliers],
                        "tags": [c.as_dict() for c in (*s.automakers, *s.topics)]})
        if not page.next_cursor:
            return out
        before = page.next_cursor


def export_articles(db: Database, filters: Filters) -> list[dict]:
    """Every article the filters select, newest first, with all its tags and their evidence."""
    where, params = article_filter_sql(db, filters)
    rows = dicts(
        db, "SELECT a.id AS article_id, a.story_id, a.published, a.fetched, a.title, a.url, a.source, a.kind, "
        "a.language FROM articles a" + (" WHERE " + " AND ".join(where) if where else "")
        + " ORDER BY coalesce(a.published, a.fetched) DESC, a.id DESC", params)
    tags: dict[int, list[dict]] = {}
    for t in dicts(db, "SELECT article_id, kind, tag_id, name, evidence, mentions, salience, origin, role FROM tags "
                       f"WHERE article_id IN (SELECT value FROM json_each(?)) ORDER BY {TAG_ORDER}",
                   [json.dumps([r["article_id"] for r in rows])]):
        tags.setdefault(t["article_id"], []).append(t)
    out = []
    for r in rows:
        mine = tags.get(r["article_id"], [])
        best = story_evidence([StoryTag(kind=t["kind"], tag_id=t["tag_id"], name=t["name"] or t["tag_id"],
                                        evidence=t["evidence"], salience=t["salience"], origin=t["origin"],
                                        role=t["role"]) for t in mine], r["title"], filters.tag)
        out.append({**r,
                    "automakers": [t["tag_id"] for t in mine if t["kind"] == "automaker"],
                    "topics": [t["tag_id"] for t in mine if t["kind"] == "topic"],
                    "subjects": [t["tag_id"] for t in mine if t["role"] == "subject" and t["kind"] != "supplier"],
                    "suppliers": [t["tag_id"] for t in mine if t["kind"] == "supplier"],
                    "evidence": best.evidence if best else None, "evidence_tag": best.name if best else None,
                    "tags": [{"kind": t["kind"], "id": t["tag_id"], "name": t["name"], "role": t["role"],
                              "evidence": t["evidence"], "mentions": t["mentions"], "salience": t["salience"],
                              "origin": t["origin"]} for t in mine]})
    return out
