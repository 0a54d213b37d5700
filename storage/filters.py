"""The filters of the inbox, the search and the export: which stories (by tag, source, kind,
review status and date) a page shows, as a dataclass and as SQL WHERE clauses.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass

from sqlite_utils import Database

from . import clock
from .dates import bounds_sql

STATUSES = ("new", "starred", "reviewed", "dismissed")
# what the status filter takes: a status, or "inbox" (new and starred: not yet dealt with)
STATUS_FILTERS = ("inbox", *STATUSES)
KINDS = ("article", "report")


@dataclass(frozen=True)
class Filters:
    """The inbox's and the search's filters; empty fields filter nothing."""

    automaker: str | None = None
    topic: str | None = None
    source: str | None = None
    kind: str | None = None
    since: str | None = None  # YYYY-MM-DD or an ISO UTC date and time, inclusive (storage.dates)
    until: str | None = None  # the same; a day is inclusive to its end
    status: str | None = "inbox"  # None: every status
    # the automaker, topic and supplier filters take the stories about the tag; with mentions,
    # also those that name it in passing
    mentions: bool = False
    # the stories that arrived (were first stored: stories.stored) at or after this ISO UTC time:
    # "new since my last visit", "fetched today" (storage.prefs, monitor.web.inbox)
    arrived_since: str | None = None
    # chain reach (issue 18): the suppliers linked to the filtered automaker (the web layer reads
    # them from nlp.supply_links; storage knows no links). A story naming any of them, in any
    # role, passes the automaker filter too: it reaches the automaker through its supply chain.
    chain_suppliers: tuple[str, ...] = ()
    # the stories that name this supplier (its stored tags, kind "supplier"): about it, or with
    # ``mentions`` naming it in passing too, as the automaker and topic filters. Storage does not
    # check the id against the registry (nlp/); the web layer does (monitor.web.common.filters_of).
    supplier: str | None = None

    def __post_init__(self):
        if not isinstance(self.chain_suppliers, tuple):  # a list, read back from JSON (saved searches)
            object.__setattr__(self, "chain_suppliers", tuple(self.chain_suppliers or ()))
        if self.kind is not None and self.kind not in KINDS:
            raise ValueError(f"kind must be one of {', '.join(KINDS)}")
        if self.status is not None and self.status not in STATUS_FILTERS:
            raise ValueError(f"status must be one of {', '.join(STATUS_FILTERS)} or all")
        if self.arrived_since is not None and clock.from_iso(self.arrived_since) is None:
            raise ValueError(f"arrived_since must be an ISO time, not {self.arrived_since!r}")
        for name in ("since", "until"):
            value = getattr(self, name)
            if value is not None:
                if clock.from_iso(value) is None:
                    raise ValueError(f"{name} must be a date like 2026-11-25, not {value!r}")

    def as_dict(self) -> dict:
        return {k: v for k, v in asdict(self).items() if v is not None and v is not False and v != ()}

    @property
    def tag(self) -> tuple[str, str] | None:
        """The (kind, id) the stories are filtered by, the automaker first, then the topic, then
        the supplier: the tag whose evidence a row shows."""
        if self.automaker:
            return ("automaker", self.automaker)
        if self.topic:
            return ("topic", self.topic)
        return ("supplier", self.supplier) if self.supplier else None


RARE_TAG = 2000  # a tag on fewer articles is filtered by its list of stories, a commoner one row by row


def story_filter_sql(db: Database, f: Filters, story: str = "s.id") -> tuple[list[str], list]:
    """WHERE clauses on a story id expression, for every filter but the dates.

    Pages are read newest first along an index, so a filter that most stories pass is cheapest
    as a check on each row (EXISTS: two index lookups) until the page is full, while a rare one
    is cheapest as the short list of its stories (IN). Which one a tag is, an index count
    capped at RARE_TAG tells in well under a millisecond."""
    where, params = [], []
    role = "" if f.mentions else " AND t.role = 'subject'"
    # a supplier reads its tags along idx_tags_kind_tag_role as an automaker or a topic does
    for kind, value in (("automaker", f.automaker), ("topic", f.topic), ("supplier", f.supplier)):
        if not value:
            continue
        common = db.execute(f"SELECT count(*) FROM (SELECT 1 FROM tags t WHERE t.tag_id = ? AND t.kind = ?{role} "
                            "LIMIT ?)", [value, kind, RARE_TAG]).fetchone()[0] >= RARE_TAG
        if common:
            clause = (f"EXISTS (SELECT 1 FROM articles a2 JOIN tags t ON t.article_id = a2.id "
                      f"WHERE a2.story_id = {story} AND t.tag_id = ? AND t.kind = ?{role})")
        else:
            clause = (f"{story} IN (SELECT a2.story_id FROM tags t JOIN articles a2 ON a2.id = t.article_id "
                      f"WHERE t.tag_id = ? AND t.kind = ?{role})")
        params += [value, kind]
        if kind == "automaker" and f.chain_suppliers:  # or one of its suppliers named (idx_tags_kind_tag_role)
            # Common suppliers are checked row by row (EXISTS), rare ones as their list of stories,
            # as for a tag above: the list of a common supplier's stories made SQLite read every
            # article (1.3 s for Ford at a million articles; the check, under a millisecond).
            chain_common = db.execute(
                "SELECT count(*) FROM (SELECT 1 FROM tags t WHERE t.kind = 'supplier' AND t.tag_id IN "
                "(SELECT value FROM json_each(?)) LIMIT ?)",
                [json.dumps(list(f.chain_suppliers)), RARE_TAG]).fetchone()[0] >= RARE_TAG
            if chain_common:
                chain = (f"EXISTS (SELECT 1 FROM articles a3 JOIN tags t3 ON t3.article_id = a3.id "
                         f"WHERE a3.story_id = {story} AND t3.kind = 'supplier' AND t3.tag_id IN "
                         "(SELECT value FROM json_each(?)))")
            else:
                chain = (f"{story} IN (SELECT a2.story_id FROM tags t JOIN articles a2 "
                         "ON a2.id = t.article_id WHERE t.kind = 'supplier' AND t.tag_id IN "
                         "(SELECT value FROM json_each(?)))")
            clause = f"({clause} OR {chain})"
            params.append(json.dumps(list(f.chain_suppliers)))
        where.append(clause)
    if f.source:
        where.append(f"EXISTS (SELECT 1 FROM articles a2 WHERE a2.story_id = {story} AND a2.source = ?)")
        params.append(f.source)
    if f.kind:
        where.append(f"EXISTS (SELECT 1 FROM articles a2 WHERE a2.story_id = {story} AND a2.kind = ?)")
        params.append(f.kind)
    if f.arrived_since:  # along idx_stories_stored
        stamp = clock.to_iso(clock.from_iso(f.arrived_since))
        where.append("s.stored >= ?" if story == "s.id" else f"{story} IN (SELECT id FROM stories WHERE stored >= ?)")
        params.append(stamp)
    if f.status == "inbox":
        where.append(f"{story} NOT IN (SELECT story_id FROM story_reviews WHERE status IN ('reviewed', 'dismissed'))")
    elif f.status == "new":
        where.append(f"{story} NOT IN (SELECT story_id FROM story_reviews WHERE status != 'new')")
    elif f.status:
        where.append(f"{story} IN (SELECT story_id FROM story_reviews WHERE status = ?)")
        params.append(f.status)
    return where, params


def article_filter_sql(db: Database, f: Filters) -> tuple[list[str], list]:
    """The filters on an article ``a``: its story's tags, sources, kinds and status, its date, as
    (WHERE clauses, parameters). The search uses it, and so does the export (storage.export)."""
    where, params = story_filter_sql(db, f, story="a.story_id")
    dates, date_params = bounds_sql("coalesce(a.published, a.fetched)", f.since, f.until)
    return where + dates, params + date_params
