"""Tags on articles: automakers and topics, each with its evidence sentence and its role
(``subject``: the article is about it; ``mention``: named in passing); and the one view of a
story's tags that every page, the digest, the API, the export and the posts read (``story_tags``,
``story_evidence``), so a story shows the same tags, roles and evidence wherever staff look."""

from __future__ import annotations

import json
from dataclasses import dataclass

from sqlite_utils import Database

from .rows import dicts


@dataclass(frozen=True)
class TagRow:
    """A tag stored on an article: the tagger's finding (``nlp.tags.Tag``'s fields) and who added it."""

    kind: str  # automaker | topic | supplier
    tag_id: str
    name: str
    evidence: str | None  # None: staff added the tag without picking a sentence
    mentions: int
    salience: float
    matched: tuple[str, ...] = ()  # brands named (automakers) or terms matched (topics)
    origin: str = "tagger"  # tagger | staff
    role: str = "mention"  # subject | mention (nlp.tags.ROLES)

    @classmethod
    def of(cls, tag) -> "TagRow":
        """The row of one of the tagger's tags (``nlp.tags.Tag``; storage does not import nlp)."""
        return cls(tag.kind, tag.id, tag.name, tag.evidence, tag.mentions, tag.salience, tuple(tag.matched),
                   role=tag.role)


def rows_of(tags) -> list[TagRow]:
    """The rows of everything the tagger found in one text (``nlp.tags.Tags``): automakers,
    topics, then the suppliers it names (kind ``supplier``), from which the web layer and the
    digest compute the automakers a story reaches through its supply chain."""
    return [TagRow.of(t) for t in _found(tags)]


def _found(tags) -> tuple:
    """Everything the tagger found in one text: automakers, topics, then the suppliers it names."""
    return (*tags.automakers, *tags.topics, *getattr(tags, "suppliers", ()))


ROLES = ("subject", "mention")
# Every kind a stored tag may have. Staff correct automakers and topics (storage.review.TAG_KINDS);
# suppliers are the tagger's alone, read for supply-chain reach, never counted as an automaker's
# or a topic's coverage.
STORED_KINDS = ("automaker", "topic", "supplier")


# The tagger's row for an article that staff never corrected: a plain insert.
_INSERT = ("INSERT OR IGNORE INTO tags (article_id, kind, tag_id, name, evidence, mentions, salience, matched, "
           "origin, role) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'tagger', ?)")
# ... and for one they corrected: a tag they removed is not put back, a role they set is kept.
_INSERT_CORRECTED = (
    "INSERT OR IGNORE INTO tags (article_id, kind, tag_id, name, evidence, mentions, salience, matched, origin, "
    "role) SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 'tagger', coalesce((SELECT c.role FROM tag_corrections c "
    "WHERE c.article_id = ?1 AND c.kind = ?2 AND c.tag_id = ?3 AND c.action = 'role'), ?9) "
    "WHERE NOT EXISTS (SELECT 1 FROM tag_corrections c "
    "WHERE c.article_id = ?1 AND c.kind = ?2 AND c.tag_id = ?3 AND c.action = 'remove')")
_encode_matched = json.JSONEncoder(ensure_ascii=False).encode  # one encoder, not one per row


def _stored(kind: str, tag_id: str, name, evidence, mentions: int, salience: float, matched, role: str) -> tuple:
    """A tag row's values after its article id, as stored: matched as JSON, an unknown role a mention."""
    return (kind, tag_id, name, evidence, mentions, salience, _encode_matched(list(matched)),
            role if role in ROLES else "mention")


def _values(article_id: int, rows) -> list[tuple]:
    return [(article_id, *_stored(r.kind, r.tag_id, r.name, r.evidence, r.mentions, r.salience, r.matched, r.role))
            for r in rows]


def stored_values(tags) -> list[tuple]:
    """What ``rows_of(tags)`` stores, as plain values: retag's workers make them where they tag,
    so the process that writes 100,000 articles' tags neither unpickles dataclasses nor encodes
    JSON while the two workers wait for the cores."""
    return [_stored(t.kind, t.id, t.name, t.evidence, t.mentions, t.salience, t.matched, t.role) for t in _found(tags)]


def replace_tags(db: Database, article_id: int, rows) -> None:
    """Replace the tagger's tags on an article. Staff corrections win: a tag they added stays (its
    row is not the tagger's), a tag they removed is not put back, and a role they set is kept."""
    replace_many(db, [(article_id, rows)], atomic=False)


def replace_many(db: Database, tagged, *, atomic: bool = True, prepared: bool = False) -> None:
    """[(article_id, rows)], in one transaction: what ``replace_tags`` does for each, with one
    statement for the articles staff never corrected (most of them; retag writes 100,000
    articles' tags while two workers tag, so the writer's time is the workers' time).
    ``prepared``: the rows are ``stored_values`` already."""
    tagged = list(tagged)
    if not tagged:
        return
    ids = [article_id for article_id, _ in tagged]
    corrected = {row[0] for row in db.execute(
        "SELECT DISTINCT article_id FROM tag_corrections WHERE article_id IN (SELECT value FROM json_each(?))",
        [json.dumps(ids)]).fetchall()}
    plain, checked = [], []
    for article_id, rows in tagged:
        values = [(article_id, *v) for v in rows] if prepared else _values(article_id, rows)
        (checked if article_id in corrected else plain).extend(values)

    def write() -> None:
        db.conn.executemany("DELETE FROM tags WHERE article_id = ? AND origin = 'tagger'", [(i,) for i in ids])
        db.conn.executemany(_INSERT, plain)
        db.conn.executemany(_INSERT_CORRECTED, checked)

    if atomic:
        with db.atomic():
            write()
    else:
        write()


def tags_for(db: Database, article_id: int) -> list[TagRow]:
    rows = dicts(db, "SELECT kind, tag_id, name, evidence, mentions, salience, matched, origin, role FROM tags "
                     f"WHERE article_id = ? ORDER BY kind, {TAG_ORDER}", [article_id])
    return [TagRow(**{**r, "name": r["name"] or r["tag_id"], "matched": tuple(json.loads(r["matched"] or "[]"))})
            for r in rows]


# How a story's or an article's tags are ordered everywhere: subjects first, then by salience.
TAG_ORDER = "(role = 'subject') DESC, salience DESC, tag_id"


@dataclass(frozen=True)
class StoryTag:
    """A tag on a story: one per story and tag, whichever of its copies carry it.

    Its role is ``subject`` when any copy is about it; its evidence is the representative
    copy's sentence when that copy has one, else that of the copy where the tag is most salient
    (copies of one story say the same thing; the representative is the one staff read)."""

    kind: str  # automaker | topic | supplier
    tag_id: str
    name: str
    evidence: str | None
    salience: float
    origin: str = "tagger"  # tagger | staff
    role: str = "mention"  # subject | mention

    @property
    def id(self) -> str:
        return self.tag_id

    @property
    def subject(self) -> bool:
        return self.role == "subject"

    def as_dict(self) -> dict:
        """The API's and the export's shape of a tag on a story (``id``, as on the inbox's chips)."""
        return {"kind": self.kind, "id": self.tag_id, "name": self.name, "role": self.role,
                "salience": self.salience, "origin": self.origin, "evidence": self.evidence}


def story_tags(db: Database, story_ids) -> dict[int, tuple[StoryTag, ...]]:
    """Each story's tags (see ``StoryTag``), subjects first, then by salience: one query for any
    number of stories (the ids go in as one JSON parameter)."""
    ids = json.dumps([int(i) for i in story_ids])
    found: dict[int, dict[tuple[str, str], list]] = {}
    for sid, kind, tag_id, name, evidence, salience, origin, role, rep in db.execute(
            "SELECT a.story_id, t.kind, t.tag_id, t.name, t.evidence, t.salience, t.origin, t.role, "
            "a.id = s.representative FROM tags t JOIN articles a ON a.id = t.article_id "
            "JOIN stories s ON s.id = a.story_id WHERE a.story_id IN (SELECT value FROM json_each(?)) "
            "ORDER BY a.story_id, t.kind, t.tag_id, t.evidence IS NULL, a.id = s.representative DESC, "
            "t.salience DESC, a.id", [ids]):
        per = found.setdefault(sid, {})
        got = per.get((kind, tag_id))
        if got is None:  # the best row of this tag: with evidence, on the representative, most salient
            per[(kind, tag_id)] = [kind, tag_id, name or tag_id, evidence, salience or 0.0, origin, role]
        else:  # the story's salience and role: the strongest of its copies'
            got[4] = max(got[4], salience or 0.0)
            if role == "subject":
                got[6] = "subject"
    out = {}
    for sid, per in found.items():
        tags = [StoryTag(*row) for row in per.values()]
        tags.sort(key=lambda t: (not t.subject, -t.salience, t.kind, t.tag_id))
        out[sid] = tuple(tags)
    return out


def story_evidence(tags, title: str | None = None, prefer: tuple[str, str] | None = None) -> StoryTag | None:
    """The tag whose evidence a story's row shows: the tag ``prefer`` ((kind, id): the one the
    page is filtered by) when it has evidence; else a tag whose evidence is more than the
    headline again; else the first with any evidence. A tag with
    no evidence (one staff added without picking a sentence) never empties the line. Among the
    tags, the sentence the most subjects share wins (first in tag order on a tie)."""
    with_evidence = [t for t in tags if t.evidence]
    if prefer is not None:
        chosen = next((t for t in with_evidence if (t.kind, t.tag_id) == prefer), None)
        if chosen is not None:
            return chosen
    headline = " ".join((title or "").split())
    body = [t for t in with_evidence if " ".join(t.evidence.split()) != headline]
    if not body:
        return with_evidence[0] if with_evidence else None
    # the sentence that proves most of what the story is about ("Kia and Nissan have joined the
    # call for a moratorium on deep-sea mining" proves three subjects), else the first tag's
    shared: dict[str, int] = {}
    for t in body:
        if t.subject:
            shared[t.evidence] = shared.get(t.evidence, 0) + 1
    most = max(shared.values(), default=0)
    return next((t for t in body if shared.get(t.evidence, 0) == most), body[0])


def role_counts(db: Database, kind: str, *, since: str | None = None, tag_id: str | None = None,
                story_ids=None) -> dict[str, tuple[int, int]]:
    """For each tag of ``kind`` (or just ``tag_id``): (stories about it, stories that only
    mention it), a story counted once, about it when any copy is; among the stories first seen
    at or after ``since``, or among ``story_ids``, when given."""
    where, params = ["t.kind = ?"], [kind]
    if tag_id is not None:
        where.append("t.tag_id = ?")
        params.append(tag_id)
    if since:
        where.append("a.story_id IN (SELECT id FROM stories WHERE first_seen >= ?)")
        params.append(since)
    if story_ids is not None:
        where.append("a.story_id IN (SELECT value FROM json_each(?))")
        params.append(json.dumps([int(i) for i in story_ids]))
    rows = db.execute(
        "SELECT tag_id, sum(subject), sum(1 - subject) FROM (SELECT t.tag_id, a.story_id, "
        "max(t.role = 'subject') AS subject FROM tags t JOIN articles a ON a.id = t.article_id "
        "WHERE " + " AND ".join(where) + " AND a.story_id IS NOT NULL GROUP BY t.tag_id, a.story_id) "
        "GROUP BY tag_id", params).fetchall()
    return {r[0]: (r[1], r[2]) for r in rows}


def articles_to_tag(db: Database, after_id: int = 0, limit: int = 1000) -> list[tuple[int, str, str | None]]:
    """(id, text, title) in id order after after_id: keyset pages for retag."""
    return db.execute("SELECT id, coalesce(text, ''), title FROM articles WHERE id > ? ORDER BY id LIMIT ?",
                      [after_id, limit]).fetchall()

