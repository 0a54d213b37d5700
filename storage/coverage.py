"""Coverage of one automaker, topic or supplier: stories per week, tags on the same stories, the
latest. A supplier's coverage is read from its stored tags (kind ``supplier``, m019) exactly as an
automaker's is; its related tags are the topics on its stories, and, apart, the automakers named
on them."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlite_utils import Database

from . import clock
from .review import Filters, InboxStory, inbox
from .tags import role_counts


@dataclass(frozen=True)
class Coverage:
    kind: str
    tag_id: str
    weeks: list[tuple[str, int]]  # (Monday, stories that week), oldest first
    related: list[tuple[str, str, int]]  # (tag_id, name, stories) of the other kind (a supplier's: topics)
    latest: list[InboxStory] = field(default_factory=list)
    about: int = 0  # stories about the tag (its subject in at least one copy), all time
    mentioning: int = 0  # stories that only mention it
    mentions: bool = False  # whether weeks, related and latest count the mentions too
    # a supplier's: the automakers named on its stories (tag_id, name, stories), as ``related``
    automakers: list[tuple[str, str, int]] = field(default_factory=list)


MIN_WEEKS = 8  # the chart spans at least this many weeks, however recent the first story
RELATED_SAMPLE = 2000  # co-occurring tags are counted over this many of the newest tagged articles
RELATED_SHOWN = 8  # related tags of each kind listed
# the kinds of the related tags of each kind: a supplier's stories are read for their topics
# (what is said about it) and the automakers they name (whom it is written about with)
RELATED_KINDS = {"automaker": ("topic",), "topic": ("automaker",), "supplier": ("topic", "automaker")}


def coverage(db: Database, kind: str, tag_id: str, *, weeks: int = 52, now: datetime | None = None,
             latest: int = 15, mentions: bool = False) -> Coverage:
    """Of an automaker, a topic or a supplier (``kind``): stories per week (Mondays, oldest
    first) from the week of the tag's first story, at most ``weeks`` weeks back and at least
    MIN_WEEKS (a tag first seen a month ago shows two months, not eleven empty ones), the most
    frequent tags of the other kind on the same articles (RELATED_KINDS: a supplier's topics,
    and its automakers apart; among the newest RELATED_SAMPLE, so the page stays fast on a
    large archive), and the latest stories: those about the tag, or with
    ``mentions`` those that name it in passing too; and how many stories are about it and how
    many only mention it ("Tesla: 2 stories about, 13 mentioning")."""
    now = now or clock.now()
    role = "" if mentions else " AND t.role = 'subject'"
    this_monday = now.date() - timedelta(days=now.weekday())
    first = this_monday - timedelta(weeks=weeks - 1)
    counts = dict(db.execute(  # week -1: any story before the window (the chart then spans all of it)
        "SELECT CASE WHEN coalesce(a.published, a.fetched) < ? THEN -1 ELSE "
        "CAST((julianday(substr(coalesce(a.published, a.fetched), 1, 10)) - julianday(?)) / 7 AS INTEGER) END "
        "AS week, count(DISTINCT a.story_id) FROM tags t JOIN articles a ON a.id = t.article_id "
        f"WHERE t.tag_id = ? AND t.kind = ?{role} GROUP BY week",
        [first.isoformat(), first.isoformat(), tag_id, kind]).fetchall())
    start = max(min([i for i in counts if i is not None and i < weeks] + [weeks - MIN_WEEKS]), 0)
    series = [((first + timedelta(weeks=i)).isoformat(), counts.get(i, 0)) for i in range(start, weeks)]
    others = RELATED_KINDS[kind]
    found: dict[str, list[tuple[str, str, int]]] = {k: [] for k in others}
    for other, tag, name, n in db.execute(  # one pass over the sample for every related kind
        "SELECT o.kind, o.tag_id, max(o.name), count(DISTINCT x.story_id) AS n FROM "
        "(SELECT a.id, a.story_id FROM tags t JOIN articles a ON a.id = t.article_id "
        f" WHERE t.tag_id = ? AND t.kind = ?{role} ORDER BY t.article_id DESC LIMIT ?) AS x "
        f"JOIN tags o ON o.article_id = x.id AND o.kind IN ({', '.join('?' * len(others))}) "
        "GROUP BY o.kind, o.tag_id ORDER BY n DESC, o.tag_id",
        [tag_id, kind, RELATED_SAMPLE, *others]):
        if len(found[other]) < RELATED_SHOWN:
            found[other].append((tag, name, n))
    page = inbox(db, Filters(status=None, mentions=mentions, **{kind: tag_id}), limit=latest)
    about, mentioning = role_counts(db, kind, tag_id=tag_id).get(tag_id, (0, 0))
    return Coverage(kind, tag_id, series, found[others[0]], page.stories, about, mentioning, mentions,
                    found.get("automaker", []) if kind == "supplier" else [])
