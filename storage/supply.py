"""Supply links under review (issue 18, items 2 and 3): the links proposed from coverage, and
every change staff make to the links, with who and when.

The links themselves live in a data file (nlp/data/supply_links.yaml); staff never edit it from
the page. Their changes are appended to ``link_changes`` (add, confirm, retire) and replayed in
order by ``staff_links``: the effective links are the file's with that replay applied
(monitor/supply_state.py). An append-only log is what lets the page show who changed what, and
what a link looked like before. Confirming a proposal is one such change: an ``add`` whose
source is the article the sentence came from (storage/proposal_review.py decides proposals a pair
at a time). A change taken back with Undo stays in the log, marked undone, and the replay skips it.

Nothing here knows the registries: the callers check that ids name a real supplier and automaker.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace

from sqlite_utils import Database

from .clock import now_iso
from .rows import dicts, one

STATUSES = ("proposed", "confirmed", "rejected")
ACTIONS = ("add", "confirm", "retire")
DECISIONS = {"confirm": "confirmed", "reject": "rejected", "known": "confirmed"}
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
    change_id: int | None = None  # the link change its confirmation made (m021), if any


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
    verified: bool = True  # an add: the source states the deal (m021; older rows: verified)
    undone_by: str | None = None  # taken back with Undo: the replay skips it
    undone_at: str | None = None

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


PROPOSAL_SQL = ("SELECT p.id, p.article_id, p.automaker, p.supplier, p.kind, p.material, p.sentence, p.status, "
                 "p.created, p.decided_by, p.decided_at, a.title, a.url, p.change_id FROM link_proposals p "
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
    rows = dicts(db, f"{PROPOSAL_SQL} WHERE {where} ORDER BY p.id DESC LIMIT ?", [*params, limit])
    return [Proposal(**r) for r in rows]


def proposal(db: Database, proposal_id: int) -> Proposal | None:
    row = one(db, f"{PROPOSAL_SQL} WHERE p.id = ?", [proposal_id])
    return Proposal(**row) if row else None


# A row of the review list: the proposals waiting, one per pair and kind; a decision, one per
# pair, kind, person, time and change (every proposal of a pair is decided at once).
ROW_COLUMNS = {"proposed": "supplier, automaker, kind"}
DECIDED_COLUMNS = "supplier, automaker, kind, decided_by, decided_at, change_id"


def row_columns(status: str) -> str:
    if status not in STATUSES:
        raise ValueError(f"a proposal's status is one of {', '.join(STATUSES)}, not {status!r}")
    return ROW_COLUMNS.get(status, DECIDED_COLUMNS)


def proposal_count(db: Database, status: str = "proposed") -> int:
    """How many rows the review list has for ``status``: the links waiting for review (a pair and
    kind, however many articles proposed it), or the decisions made. ``proposals_stored`` counts
    the proposals themselves."""
    cols = row_columns(status)
    return db.execute(f"SELECT count(*) FROM (SELECT 1 FROM link_proposals WHERE status = ? GROUP BY {cols})",
                      [status]).fetchone()[0]


def proposals_stored(db: Database, status: str = "proposed") -> int:
    return db.execute("SELECT count(*) FROM link_proposals WHERE status = ?", [status]).fetchone()[0]


def decide_proposal(db: Database, proposal_id: int, decision: str, by: str,
                    material: str | None = None) -> Proposal | None:
    """Confirm or reject a proposal with every older one of its pair and kind still waiting
    (storage.proposal_review.decide, which says how); the proposal as decided, its ``material``
    the link's, or None when there is no such proposal."""
    from .proposal_review import decide

    decision_made = decide(db, proposal_id, decision, by, material)
    if decision_made is None:
        return None
    found = proposal(db, proposal_id)
    return replace(found, material=decision_made.material or found.material)


def add_change(db: Database, supplier: str, automaker: str, material: str, kind: str, action: str, by: str,
               source: str = "", note: str = "", verified: bool = True) -> LinkChange:
    """Log one change to the links (``verified``: for an add, whether its source states the deal).
    ValueError naming the field that is missing or wrong."""
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
    cur = db.execute('INSERT INTO link_changes (supplier, automaker, material, kind, action, source, note, "by", at, '
                     "verified) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                     [fields["supplier"], fields["automaker"], fields["material"], fields["kind"], action, source,
                      note, fields["by"], stamp, int(bool(verified))])
    return LinkChange(cur.lastrowid, fields["supplier"], fields["automaker"], fields["material"], fields["kind"],
                      action, source, note, fields["by"], stamp, bool(verified))


_CHANGE_SQL = ('SELECT id, supplier, automaker, material, kind, action, source, note, "by", at, verified, undone_by, '
               "undone_at FROM link_changes")


def _change(row: dict) -> LinkChange:
    return LinkChange(**{**row, "verified": bool(row["verified"])})


def link_changes(db: Database, limit: int | None = None) -> list[LinkChange]:
    """The changes, newest first (every one without ``limit``), those undone included (marked)."""
    rows = dicts(db, _CHANGE_SQL + " ORDER BY id DESC" + (" LIMIT ?" if limit else ""), [limit] if limit else [])
    return [_change(r) for r in rows]


def link_change(db: Database, change_id: int) -> LinkChange | None:
    row = one(db, _CHANGE_SQL + " WHERE id = ?", [change_id])
    return _change(row) if row else None


def staff_links(db: Database) -> StaffLinks:
    """Replay every change not undone, oldest first: an add puts a link in force (verified or not,
    as it says; a confirm before it no longer counts), a confirm marks a key verified, a retire
    takes the key out (until a later add or confirm brings it back)."""
    added: dict[tuple, LinkChange] = {}
    confirmed: set[tuple] = set()
    retired: set[tuple] = set()
    for change in reversed(link_changes(db)):
        if change.undone_at:
            continue
        key = change.key
        if change.action == "retire":
            added.pop(key, None)
            confirmed.discard(key)
            retired.add(key)
        else:
            retired.discard(key)
            if change.action == "add":
                added[key] = change
                confirmed.discard(key)
            else:
                confirmed.add(key)
    return StaffLinks(tuple(added.values()), frozenset(confirmed), frozenset(retired))
