"""What the news says of many suppliers at once, for the automaker page's supply-chain panel: per
supplier, its stories in the last RECENT_DAYS days and in all, its latest story and the topics
its stories are most about.

Read from the stored supplier tags (kind ``supplier``, either role: a panel entry asks "is
anyone writing about this company?", and a supplier is mostly named in passing). Two queries for
any number of suppliers (up to CHUNK; more take two each per CHUNK), each bounded: a supplier's
figures are read from its newest ACTIVITY_SAMPLE articles about it and its newest ACTIVITY_SAMPLE
naming it in passing, its topics from the newest TOPIC_SAMPLE of each; each is one backwards range
of idx_tags_kind_tag_role stopped by a LIMIT, never a walk over a common supplier's every tag, so
the panel costs about the same on a large archive as on a small one. A supplier whose sample is
full says so (``sampled``): its counts are then the least it has.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlite_utils import Database

from . import clock

RECENT_DAYS = 90  # "stories in the last 90 days"
ACTIVITY_SAMPLE = 500  # per supplier and role, the newest tagged articles counted (see the docstring)
TOPIC_SAMPLE = 100  # per supplier and role, the newest tagged articles whose topics are counted
TOP_TOPICS = 3  # topics listed per supplier
CHUNK = 100  # suppliers per query: two SELECTs each in one compound (SQLite allows 500)


@dataclass(frozen=True)
class LatestStory:
    story_id: int
    article_id: int  # its representative copy: the article page a panel links to
    title: str | None
    published: str | None  # the story's first_seen (its earliest copy's date)


@dataclass(frozen=True)
class TopicShare:
    """A topic on a supplier's stories, and on how many of them (in its topic sample)."""

    topic: str
    name: str
    stories: int


@dataclass(frozen=True)
class SupplierActivity:
    supplier: str
    recent: int = 0  # stories of the last RECENT_DAYS days that name it (either role; see _FIGURES)
    total: int = 0  # stories that name it, all time
    latest: LatestStory | None = None  # the one first seen last
    topics: tuple[TopicShare, ...] = ()  # the most frequent on its stories, most stories first
    # True when a role's sample is full (ACTIVITY_SAMPLE articles: it may have more): ``total``
    # then counts the newest only, the least it has; so may ``recent`` (``recent_at_least``)
    sampled: bool = False

    @property
    def recent_at_least(self) -> bool:
        """Whether ``recent`` may be short: sampled, and every sampled story recent."""
        return self.sampled and self.recent == self.total


def _sample(count: int) -> str:
    """A CTE ``sample(supplier, role, article_id)``: for each of ``count`` suppliers and each role,
    its newest tagged articles, read backwards along idx_tags_kind_tag_role (kind, tag_id, role,
    article_id) and stopped by a LIMIT (``_params``: id, id, limit for each arm). The roles are
    read apart because the index orders each role's articles alone."""
    one = ("SELECT ? AS supplier, '{role}' AS role, article_id FROM (SELECT article_id FROM tags "
           "WHERE kind = 'supplier' AND tag_id = ? AND role = '{role}' ORDER BY article_id DESC LIMIT ?)")
    arms = " UNION ALL ".join(one.format(role=role) for _ in range(count) for role in ("subject", "mention"))
    return f"WITH sample(supplier, role, article_id) AS ({arms}) "


def _params(ids: list[str], limit: int) -> list:
    return [v for sid in ids for _ in range(2) for v in (sid, sid, limit)]


# a row per supplier: its stories, the recent ones, its latest story (SQLite takes a group's bare
# column from the row of its one max()), and the most articles sampled in one role. A story's date
# is its sampled copies' earliest (published, else fetched), read from idx_articles_facts as the
# coverage chart reads it: only the latest story's row is looked up in stories and articles.
_FIGURES = (
    ", fullest AS (SELECT supplier, max(n) AS n FROM (SELECT supplier, count(*) AS n FROM sample "
    "GROUP BY supplier, role) GROUP BY supplier), "
    "stories_of AS (SELECT x.supplier, a.story_id, min(coalesce(a.published, a.fetched)) AS seen FROM sample x "
    "JOIN articles a ON a.id = x.article_id WHERE a.story_id IS NOT NULL GROUP BY x.supplier, a.story_id), "
    "figures AS (SELECT supplier, count(*) AS total, sum(seen >= ?) AS recent, max(seen) AS seen, story_id "
    "FROM stories_of GROUP BY supplier) "
    "SELECT f.supplier, f.total, f.recent, coalesce(s.first_seen, f.seen), f.story_id, "
    "coalesce(s.representative, (SELECT min(id) FROM articles WHERE story_id = f.story_id)), "
    "coalesce(s.title, r.title), z.n FROM figures f JOIN fullest z ON z.supplier = f.supplier "
    "LEFT JOIN stories s ON s.id = f.story_id LEFT JOIN articles r ON r.id = s.representative")
_TOPICS = (
    "SELECT x.supplier, o.tag_id, max(o.name), count(DISTINCT a.story_id) AS n FROM sample x "
    "JOIN articles a ON a.id = x.article_id JOIN tags o ON o.article_id = x.article_id AND o.kind = 'topic' "
    "WHERE a.story_id IS NOT NULL GROUP BY x.supplier, o.tag_id ORDER BY x.supplier, n DESC, o.tag_id")


def supplier_activity(db: Database, supplier_ids, *, now: datetime | None = None, days: int = RECENT_DAYS,
                      sample: int = ACTIVITY_SAMPLE, topic_sample: int = TOPIC_SAMPLE,
                      topics: int = TOP_TOPICS) -> dict[str, SupplierActivity]:
    """Supplier id -> its SupplierActivity, for every id given, in the order given (one with no
    stories: zeros and no latest). ``now``: the clock's by default; the samples: see the module."""
    ids = list(dict.fromkeys(str(s) for s in supplier_ids))
    out: dict[str, SupplierActivity] = {sid: SupplierActivity(sid) for sid in ids}
    cutoff = clock.to_iso((now or clock.now()) - timedelta(days=days))
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start:start + CHUNK]
        shares: dict[str, list[TopicShare]] = {}
        for supplier, topic, name, n in db.execute(_sample(len(chunk)) + _TOPICS, _params(chunk, topic_sample)):
            mine = shares.setdefault(supplier, [])
            if len(mine) < topics:
                mine.append(TopicShare(topic, name or topic, n))
        for supplier, total, recent, first_seen, story_id, article_id, title, fullest in db.execute(
                _sample(len(chunk)) + _FIGURES, _params(chunk, sample) + [cutoff]):
            out[supplier] = SupplierActivity(supplier, recent, total,
                                             LatestStory(story_id, article_id, title, first_seen or None),
                                             tuple(shares.get(supplier, ())), fullest >= sample)
    return out
