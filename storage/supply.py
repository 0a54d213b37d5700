"""Supply links under review (issue 18, items 2 and 3): the links proposed from coverage, and
every change staff make to the links, with who and when.

The links themselves live in a data file (nlp/data/supply_links.yaml); staff never edit it from
the page. Their changes are appended to ``link_changes`` (add, confirm, retire) and replayed in
order by ``staff_links``: the effective links are the file's with that replay applied
(monitor/supply_state.py). An append-only log is what lets the page show who changed what, and
what a link looked like before. Confirming a proposal is one such change: an ``add`` whose
source is the article the sentence came from.

Nothing here knows the registries: the callers check that ids name a real supplier and automaker.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlite_utils import Database

from .clock import now_iso
from .rows import dicts, one

STATUSES = ("proposed", "confirmed", "rejected")
ACTIONS = ("add", "confirm", "retire")
DECISIONS = {"confirm": "confirmed", "reject": "rejected"}
NOTE_MAX = 500  # characters of a change's note
SOURCE_MAX = 2000


class ProposalDecided(ValueError):
    """The proposal was confirmed or rejected already (by someone else, in another tab)."""


@dataclass(frozen=True)
class Proposal:
    """A link the tagger proposed from one sentence of an article, with that article."""

    id: int
    article_id: int
    automaker: str
    supplier: str
    kind: str
    material: str | None
    sentence: str
    status: str
    created: str
    decided_by: str | None
    decided_at: str | None
    title: str | None
    url: str


@dataclass(frozen=True)
class LinkChange:
    """One change staff made to the links: who, when, what and why."""

    id: int
    supplier: str
    automaker: str
    material: str
    kind: str
    action: str  # one of ACTIONS
    source: str
    note: str
    by: str
    at: str

    @property
    def key(self) -> tuple[str, str, str, str]:
        return (self.supplier, self.automaker, self.material, self.kind)


@dataclass(frozen=True)
class StaffLinks:
    """The links' state after replaying every change: the links staff added (the last add of each
    key still in force), the keys they confirmed, and the keys they retired. A key is
    (supplier, automaker, material, kind)."""

    added: tuple[LinkChange, ...] = ()
    confirmed: frozenset[tuple[str, str, str, str]] = frozenset()
    retired: frozenset[tuple[str, str, str, str]] = frozenset()


_PROPOSAL_SQL = ("SELECT p.id, p.article_id, p.automaker, p.supplier, p.kind, p.material, p.sentence, p.status, "
                 "p.created, p.decided_by, p.decided_at, a.title, a.url FROM link_proposals p "
                 "JOIN articles a ON a.id = p.article_id")


def add_proposals(db: Database, article_id: int, proposals: Iterable) -> int:
    """Store the proposals of an article (anything with automaker, supplier, kind, material and
    sentence: nlp.proposals.ProposedLink). One already stored for the article, pair and kind is
    left as it is, decided or not. Returns how many were new."""
    stamp, added = now_iso(), 0
    for p in proposals:
        cur = db.execute("INSERT OR IGNORE INTO link_proposals (article_id, automaker, supplier, kind, material, "
                         "sentence, created) VALUES (?, ?, ?, ?, ?, ?, ?)",
                         [article_id, p.automaker, p.supplier, p.kind, p.material or None, p.sentence, stamp])
        added += cur.rowcount
    return added


def proposals(db: Database, status: str = "proposed", limit: int = 50, before: int | None = None) -> list[Proposal]:
    """Proposals of one status, newest first (by id); ``before``: only those older than that id
    (the next page)."""
    if status not in STATUSES:
        raise ValueError(f"a proposal's status is one of {', '.join(STATUSES)}, not {status!r}")
    where, params = "p.status = ?", [status]
    if before is not None:
        where += " AND p.id < ?"
        params.append(before)
    rows = dicts(db, f"{_PROPOSAL_SQL} WHERE {where} ORDER BY p.id DESC LIMIT ?", [*params, limit])
    return [Proposal(**r) for r in rows]


def proposal(db: Database, proposal_id: int) -> Proposal | None:
    row = one(db, f"{_PROPOSAL_SQL} WHERE p.id = ?", [proposal_id])
    return Proposal(**row) if row else None


def proposal_count(db: Database, status: str = "proposed") -> int:
    return db.execute("SELECT count(*) FROM link_proposals WHERE status = ?", [status]).fetchone()[0]


def decide_proposal(db: Database, proposal_id: int, decision: str, by: str,
                    material: str | None = None) -> Proposal | None:
    """Confirm or reject a proposal (None when there is no such proposal). Confirming adds the
    link (a change 'add', source: the article's URL, note: the sentence); ``material`` is the one
    staff chose when the sentence named none. ValueError for another decision, a confirmation
    without a material; ProposalDecided when it was decided already."""
    if decision not in DECISIONS:
        raise ValueError(f"a proposal is confirmed or rejected ('confirm' or 'reject'), not {decision!r}")
    with db.atomic():
        found = proposal(db, proposal_id)
        if found is None:
            return None
        if found.status != "proposed":
            raise ProposalDecided(f"this proposal was {found.status} already by {found.decided_by or 'someone'}")
        chosen = (material or "").strip() or found.material
        if decision == "confirm":
            if not chosen:
                raise ValueError("the sentence names no material: choose the one the link is for")
            add_change(db, found.supplier, found.automaker, chosen, found.kind, "add", by, source=found.url,
                       note=f"confirmed from proposal {found.id}: {found.sentence}")
        db.execute("UPDATE link_proposals SET status = ?, decided_by = ?, decided_at = ?, material = ? WHERE id = ?",
                   [DECISIONS[decision], by, now_iso(), chosen, proposal_id])
        return proposal(db, proposal_id)


def add_change(db: Database, supplier: str, automaker: str, material: str, kind: str, action: str, by: str,
               source: str = "", note: str = "") -> LinkChange:
    """Log one change to the links. ValueError naming the field that is missing or wrong."""
    fields = {"supplier": supplier, "automaker": automaker, "material": material, "kind": kind, "by": by}
    fields = {k: " ".join(str(v or "").split()) for k, v in fields.items()}
    missing = [k for k, v in fields.items() if not v]
    if missing:
        raise ValueError(f"a link change needs its {', '.join(missing)}")
    if action not in ACTIONS:
        raise ValueError(f"a link change is one of {', '.join(ACTIONS)}, not {action!r}")
    source, note = (source or "").strip(), " ".join((note or "").split())
    if len(source) > SOURCE_MAX:
        raise ValueError(f"a source has at most {SOURCE_MAX} characters")
    if len(note) > NOTE_MAX:
        raise ValueError(f"a note has at most {NOTE_MAX} characters")
    stamp = now_iso()
    cur = db.execute('INSERT INTO link_changes (supplier, automaker, material, kind, action, source, note, "by", at) '
                     "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                     [fields["supplier"], fields["automaker"], fields["material"], fields["kind"], action, source,
                      note, fields["by"], stamp])
    return LinkChange(cur.lastrowid, fields["supplier"], fields["automaker"], fields["material"], fields["kind"],
                      action, source, note, fields["by"], stamp)


def link_changes(db: Database, limit: int | None = None) -> list[LinkChange]:
    """The changes, newest first (every one without ``limit``)."""
    sql = 'SELECT id, supplier, automaker, material, kind, action, source, note, "by", at FROM link_changes ' \
          "ORDER BY id DESC"
    rows = dicts(db, sql + (" LIMIT ?" if limit else ""), [limit] if limit else [])
    return [LinkChange(**r) for r in rows]


def staff_links(db: Database) -> StaffLinks:
    """Replay every change, oldest first: an add puts a link in force, a confirm marks a key
    verified, a retire takes the key out (until a later add or confirm brings it back)."""
    added: dict[tuple, LinkChange] = {}
    confirmed: set[tuple] = set()
    retired: set[tuple] = set()
    for change in reversed(link_changes(db)):
        key = change.key
        if change.action == "retire":
            added.pop(key, None)
            confirmed.discard(key)
            retired.add(key)
        else:
            retired.discard(key)
            if change.action == "add":
                added[key] = change
            else:
                confirmed.add(key)
    return StaffLinks(tuple(added.values()), frozenset(confirmed), frozenset(retired))
