"""Supply-chain reach of automakers in SQL (issue 18): the stories that reach an automaker through
the suppliers linked to it, told apart from those that name it.

A story reaches an automaker directly when it names it (an automaker tag, in any role) and
through its chain when it names one of the suppliers linked to it (a supplier tag, in any role).
Storage knows no links: callers pass the supplier ids (monitor.web.reach.chain_suppliers over
monitor.supply_state.effective_links, the links in force). A story that names the automaker is
never counted as reached through its chain.

Every query reads the suppliers' tags and the automaker's along idx_tags_kind_tag_role (kind,
tag_id, role, article_id), each range once, and compares the two sets of stories: its cost grows
with how often those suppliers and the automaker are named, not with the archive (measured in
the README: a chain page on 100,000 and 1,000,000 articles).
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlite_utils import Database

from .dates import bounds_sql
from .review import Filters, InboxStory, inbox
from .rows import dicts
from .tags import StoryTag, story_tags

# The queries below join tags to articles with CROSS JOIN (tags first, then each article by its
# id) and never say "story_id IS NOT NULL" there: with that condition SQLite builds a Bloom
# filter over every article first (twice the time on 100,000 articles, growing with the archive),
# and with a plain JOIN it may scan the articles. A story id is never 0, so a NULL read as 0
# can neither match nor void a NOT IN.
# the stories naming any of the suppliers given as a JSON list (one index range per supplier)
_REACHED = ("SELECT DISTINCT a.story_id FROM tags t CROSS JOIN articles a ON a.id = t.article_id "
            "WHERE t.kind = 'supplier' AND t.tag_id IN (SELECT value FROM json_each(?))")
# the stories naming the automaker ``?`` (in any role; ``role`` narrows it): one index range, read
# once into a set by NOT IN
_NAMED = ("SELECT ifnull(a2.story_id, 0) FROM tags t2 CROSS JOIN articles a2 ON a2.id = t2.article_id "
          "WHERE t2.kind = 'automaker' AND t2.tag_id = ?{role}")


COUNT_CAP = 10_000  # chain-only stories are counted up to this many ("10,000 or more"), as search counts


@dataclass(frozen=True)
class ChainCount:
    """How many stories reach an automaker only through its chain: ``n`` exactly, or at least
    ``n`` (COUNT_CAP) when ``more``. Printed as a page shows it: "1,234", "10,000 or more"."""

    n: int
    more: bool = False

    def __str__(self) -> str:
        return f"{self.n:,}" + (" or more" if self.more else "")


@dataclass(frozen=True)
class ChainCoverage:
    """An automaker's chain reach as its page shows it."""

    automaker: str
    suppliers: tuple[str, ...]  # the suppliers linked to it, in the links' order
    chain_only: ChainCount  # stories that name a linked supplier and not the automaker, all time
    # (Monday, direct stories, stories reached only through the chain), oldest first; empty
    # unless asked for (the page with chain=1)
    weeks: list[tuple[str, int, int]] = field(default_factory=list)
    latest: list[InboxStory] = field(default_factory=list)  # newest first, direct and chain ones
    mentions: bool = False  # whether "direct" takes the stories that only mention it too


def chain_only_count(db: Database, automaker: str, suppliers: Sequence[str], cap: int = COUNT_CAP) -> ChainCount:
    """Stories that reach ``automaker`` only through its chain, all time, counted up to ``cap``:
    the suppliers' stories, each once, less the automaker's (its stories read once into a set:
    three times faster than asking of each story whether it names the automaker). The cap
    bounds the page on a large archive: on the benchmark's million articles (384,000 such
    stories for Ford) the exact count took 570 ms, the capped one 77 ms, most of it the
    automaker's own stories, which storage.coverage reads too."""
    wanted = list(dict.fromkeys(suppliers))
    if not wanted:
        return ChainCount(0)
    n = db.execute(f"SELECT count(*) FROM (SELECT story_id FROM ({_REACHED}) WHERE story_id NOT IN "
                   f"({_NAMED.format(role='')}) LIMIT ?)", [json.dumps(wanted), automaker, cap + 1]).fetchone()[0]
    return ChainCount(min(n, cap), n > cap)


def chain_only_counts(db: Database, suppliers_of: Mapping[str, Sequence[str]],
                      cap: int = COUNT_CAP) -> dict[str, ChainCount]:
    """chain_only_count of each automaker (``suppliers_of``: automaker -> its suppliers), for the
    automakers' list. One capped query per automaker, not one grouped query: grouped (every
    supplier's and automaker's stories as sets, EXCEPT) it took 0.7 s on the benchmark's 100,000
    articles and 12 s on a million, the capped ones 1.1 s there for the 13 automakers with links."""
    return {automaker: chain_only_count(db, automaker, suppliers, cap) for automaker, suppliers in suppliers_of.items()}


def chain_weeks(db: Database, automaker: str, suppliers: Sequence[str], direct: list[tuple[str, int]], *,
                weeks: int = 52, mentions: bool = False) -> list[tuple[str, int, int]]:
    """The automaker's weekly chart with the chain beside the direct stories: ``direct`` is its
    series as storage.coverage counts it (Mondays up to this week, stories about it, or naming
    it with ``mentions``), and each week gets the stories that reach it through ``suppliers``
    and are not counted in ``direct`` (not about it; with ``mentions``, not naming it at all):
    the two add up to what the page's list shows (storage.filters' chain filter). As in
    coverage, a story counts in the weeks of its copies' dates; the chart starts at the first
    week with a story of either kind (at most ``weeks`` back; ``direct`` already spans
    storage.coverage.MIN_WEEKS at least)."""
    if not direct:
        return []
    last = date.fromisoformat(direct[-1][0])  # this week's Monday, as coverage computed it
    first = last - timedelta(weeks=weeks - 1)
    chain: dict[int, int] = {}
    wanted = list(dict.fromkeys(suppliers))
    if wanted:
        role = "" if mentions else " AND t2.role = 'subject'"
        # (week, story) pairs first, the automaker's stories taken out after: a condition on the
        # articles inside the join makes SQLite build a Bloom filter over all of them (60 ms
        # against 94 on 100,000 articles); week -1: before the window
        chain = dict(db.execute(
            "SELECT week, count(story_id) FROM (SELECT DISTINCT CASE WHEN coalesce(a.published, a.fetched) < ? "
            "THEN -1 ELSE CAST((julianday(substr(coalesce(a.published, a.fetched), 1, 10)) - julianday(?)) / 7 "
            "AS INTEGER) END AS week, a.story_id FROM tags t CROSS JOIN articles a ON a.id = t.article_id "
            "WHERE t.kind = 'supplier' AND t.tag_id IN (SELECT value FROM json_each(?))) "
            f"WHERE story_id NOT IN ({_NAMED.format(role=role)}) GROUP BY week",
            [first.isoformat(), first.isoformat(), json.dumps(wanted), automaker]).fetchall())
    direct_start = weeks - len(direct)
    start = max(min([i for i in chain if i is not None and i < weeks] + [direct_start]), 0)
    by_monday = dict(direct)
    out = []
    for i in range(start, weeks):
        monday = (first + timedelta(weeks=i)).isoformat()
        out.append((monday, by_monday.get(monday, 0), chain.get(i, 0)))
    return out


def chain_coverage(db: Database, automaker: str, suppliers: Sequence[str], *,
                   direct: list[tuple[str, int]] | None = None, mentions: bool = False, weeks: int = 52,
                   latest: int = 15) -> ChainCoverage:
    """An automaker page's chain reach: how many stories reach it only through ``suppliers``
    (always: the page's counts line says it), and, when ``direct`` (storage.coverage's weekly
    series) is given, the chart split into direct and chain stories (chain_weeks) and the latest
    stories of both (the inbox's chain filter, any status)."""
    suppliers = tuple(dict.fromkeys(suppliers))
    only = chain_only_count(db, automaker, suppliers)
    if direct is None:
        return ChainCoverage(automaker, suppliers, only, mentions=mentions)
    series = chain_weeks(db, automaker, suppliers, direct, weeks=weeks, mentions=mentions)
    page = inbox(db, Filters(automaker=automaker, chain_suppliers=suppliers, status=None, mentions=mentions),
                 limit=latest)
    return ChainCoverage(automaker, suppliers, only, series, page.stories, mentions)


# -- the export (chargewatch export --chain) ----------------------------------------------------------


@dataclass(frozen=True)
class ReachedStory:
    """A story that names at least one of the suppliers asked about, with what the export needs
    to tie it to automakers (monitor side, where the links are)."""

    id: int
    title: str | None
    url: str
    source: str
    published: str | None  # the story's first publication (stories.first_seen)
    suppliers: tuple[StoryTag, ...]  # the suppliers it names, subjects first, then by salience
    automakers: dict[str, str]  # the automakers it names: id -> role (subject or mention)
    topics: tuple[str, ...]  # topic ids, subjects first


def reached_stories(db: Database, suppliers: Sequence[str], *, since: str | None = None,
                    until: str | None = None, batch: int = 500) -> Iterator[ReachedStory]:
    """Every story naming one of ``suppliers`` (any role), first published between ``since``
    and ``until`` (inclusive, storage.dates), newest first, one at a time: the ids are read at
    once, their representatives and tags a ``batch`` of stories at a time (a few queries each,
    as a page of the inbox is), so an export of a large archive holds one batch, not all."""
    wanted = list(dict.fromkeys(suppliers))
    if not wanted:
        return
    dates, params = bounds_sql("s.first_seen", since, until)
    ids = [r[0] for r in db.execute(
        f"SELECT s.id FROM stories s WHERE s.id IN ({_REACHED})" + "".join(f" AND {d}" for d in dates)
        + " ORDER BY s.first_seen DESC, s.id DESC", [json.dumps(wanted), *params])]
    for i in range(0, len(ids), batch):
        chunk = ids[i:i + batch]
        rows = {r["id"]: r for r in dicts(
            db, "SELECT s.id, coalesce(s.title, a.title) AS title, a.url, a.source, s.first_seen FROM stories s "
            "JOIN articles a ON a.id = s.representative WHERE s.id IN (SELECT value FROM json_each(?))",
            [json.dumps(chunk)])}
        tags = story_tags(db, chunk)
        for sid in chunk:
            r = rows.get(sid)
            if r is None:
                continue
            mine = tags.get(sid, ())
            yield ReachedStory(
                sid, r["title"], r["url"], r["source"], r["first_seen"],
                tuple(t for t in mine if t.kind == "supplier"),
                {t.tag_id: t.role for t in mine if t.kind == "automaker"},
                tuple(t.tag_id for t in mine if t.kind == "topic"))


def named_counts(db: Database, *, since: str | None = None, until: str | None = None) -> dict[str, tuple[int, int]]:
    """Automaker id -> (stories about it, stories that only mention it) among the stories first
    published between ``since`` and ``until``: the direct side of ``export --chain --summary``."""
    dates, params = bounds_sql("s.first_seen", since, until)
    rows = db.execute(
        "SELECT tag_id, sum(subject), sum(1 - subject) FROM (SELECT t.tag_id, a.story_id, "
        "max(t.role = 'subject') AS subject FROM tags t CROSS JOIN articles a ON a.id = t.article_id "
        "WHERE t.kind = 'automaker' AND a.story_id IS NOT NULL"
        + (" AND a.story_id IN (SELECT s.id FROM stories s WHERE " + " AND ".join(dates) + ")" if dates else "")
        + " GROUP BY t.tag_id, a.story_id) GROUP BY tag_id", params).fetchall()
    return {r[0]: (r[1], r[2]) for r in rows}
