"""Tagged coverage and staff corrections as plain dicts, for CSV, JSON Lines and the labelled set."""

from __future__ import annotations

from dataclasses import asdict

from sqlite_utils import Database

from .review import Filters, _article_filter_sql, article_view, inbox
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
                        "tags": [c.as_dict() for c in (*s.automakers, *s.topics)]})
        if not page.next_cursor:
            return out
        before = page.next_cursor


def export_articles(db: Database, filters: Filters) -> list[dict]:
    """Every article the filters select, newest first, with all its tags and their evidence."""
    where, params = _article_filter_sql(db, filters)
    rows = db.execute(
        "SELECT a.id, a.story_id, a.published, a.fetched, a.title, a.url, a.source, a.kind, a.language FROM articles a"
        + (" WHERE " + " AND ".join(where) if where else "") + " ORDER BY coalesce(a.published, a.fetched) DESC, a.id DESC",
        params).fetchall()
    tags: dict[int, list[tuple]] = {}
    ids = [r[0] for r in rows]
    for chunk in range(0, len(ids), 500):
        part = ids[chunk:chunk + 500]
        for row in db.execute(f"SELECT article_id, kind, tag_id, name, evidence, mentions, salience, origin, role "
                              f"FROM tags WHERE article_id IN ({','.join('?' * len(part))}) ORDER BY {TAG_ORDER}",
                              part):
            tags.setdefault(row[0], []).append(row[1:])
    out = []
    for r in rows:
        mine = tags.get(r[0], [])
        best = story_evidence([StoryTag(t[0], t[1], t[2] or t[1], t[3], t[5], t[6], t[7]) for t in mine], r[4],
                              filters.tag)
        out.append({"article_id": r[0], "story_id": r[1], "published": r[2], "fetched": r[3], "title": r[4],
                    "url": r[5], "source": r[6], "kind": r[7], "language": r[8],
                    "automakers": [t[1] for t in mine if t[0] == "automaker"],
                    "topics": [t[1] for t in mine if t[0] == "topic"],
                    "subjects": [t[1] for t in mine if t[7] == "subject"],
                    "evidence": best.evidence if best else None, "evidence_tag": best.name if best else None,
                    "tags": [{"kind": t[0], "id": t[1], "name": t[2], "role": t[7], "evidence": t[3], "mentions": t[4],
                              "salience": t[5], "origin": t[6]} for t in mine]})
    return out
