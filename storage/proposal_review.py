"""The review list of proposed supply links, a pair at a time (issue 18, item 2).

Several articles report the same deal, and a deal staff rejected is reported again: one row per
(supplier, automaker, kind) shows the newest sentence with the others under it, and the last time
staff rejected that pair and kind, so a proposal never looks new when it is not. Deciding a row
decides every proposal of the pair still waiting (up to the newest one shown: one stored since is
left for review), stamped with the same person and time; that stamp is what makes the decided
rows of the Confirmed and Rejected tabs. A confirmation is logged as one change naming every
proposal it came from; Undo puts the proposals back and marks that change undone.

Storage does not read the links file: the caller says which links are in force and verified
(``verified_keys``), for a proposal whose link is known already.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, replace

from sqlite_utils import Database

from .clock import now_iso
from .rows import dicts, one
from .supply import (DECISIONS, NOTE_MAX, PROPOSAL_SQL, LinkChange, Proposal, ProposalDecided, add_change, link_change,
                     proposal, row_columns)

MEMBERS = 50  # proposals read per row (its "more articles"); the row's count is exact


class NotLinked(ValueError):
    """"Mark as known" on a pair and kind that is not a verified link in force."""


class NothingToUndo(ValueError):
    """The proposal waits for review, or its link was changed since the decision."""


@dataclass(frozen=True)
class ProposalRow:
    """One row of the review list: the proposals of a pair and kind (waiting, or decided at once)."""

    supplier: str
    automaker: str
    kind: str
    status: str
    proposals: tuple[Proposal, ...]  # newest first, at most MEMBERS
    count: int  # every proposal of the row
    rejected_before: Proposal | None = None  # waiting rows: the pair and kind's last rejection
    rejections: int = 0  # how many of its proposals staff rejected before
    change: LinkChange | None = None  # confirmed rows: the link change the decision made

    @property
    def newest(self) -> Proposal:
        return self.proposals[0]

    @property
    def others(self) -> tuple[Proposal, ...]:
        return self.proposals[1:]

    @property
    def more(self) -> int:
        return self.count - 1

    @property
    def materials(self) -> tuple[str, ...]:
        """The materials its sentences name, the newest's first."""
        return tuple(dict.fromkeys(p.material for p in self.proposals if p.material))

    @property
    def ids(self) -> tuple[int, ...]:
        return tuple(p.id for p in self.proposals)


@dataclass(frozen=True)
class Decision:
    """What deciding a row did: ``outcome`` is 'added' (a link change), 'known' (the link was in
    force already: confirmed, nothing logged) or 'rejected'."""

    supplier: str
    automaker: str
    kind: str
    material: str | None
    status: str
    outcome: str
    ids: tuple[int, ...]
    by: str
    at: str
    change: LinkChange | None = None


def proposal_rows(db: Database, status: str = "proposed", limit: int = 50,
                  before: int | None = None) -> list[ProposalRow]:
    """The rows of one status, the row with the newest proposal first; ``before``: the rows whose
    newest proposal is older than that id (the next page)."""
    cols = row_columns(status)
    having, params = ("HAVING max(id) < ?", [status, before]) if before is not None else ("", [status])
    groups = dicts(db, f"SELECT {cols}, count(*) AS n FROM link_proposals WHERE status = ? GROUP BY {cols} "
                       f"{having} ORDER BY max(id) DESC LIMIT ?", [*params, limit])
    return [_row(db, status, g) for g in groups]


def _row(db: Database, status: str, group: dict) -> ProposalRow:
    keys = [k for k in group if k != "n"]
    where = " AND ".join(f"p.{k} IS ?" for k in keys)
    members = dicts(db, f"{PROPOSAL_SQL} WHERE p.status = ? AND {where} ORDER BY p.id DESC LIMIT ?",
                    [status, *(group[k] for k in keys), MEMBERS])
    row = ProposalRow(group["supplier"], group["automaker"], group["kind"], status,
                      tuple(Proposal(**m) for m in members), group["n"])
    if status == "proposed":
        pair = [row.supplier, row.automaker, row.kind]
        last = one(db, f"{PROPOSAL_SQL} WHERE p.supplier = ? AND p.automaker = ? AND p.kind = ? AND "
                       "p.status = 'rejected' ORDER BY p.decided_at DESC, p.id DESC LIMIT 1", pair)
        if last:
            count = db.execute("SELECT count(*) FROM link_proposals WHERE supplier = ? AND automaker = ? AND "
                               "kind = ? AND status = 'rejected'", pair).fetchone()[0]
            return replace(row, rejected_before=Proposal(**last), rejections=count)
    elif group.get("change_id"):
        return replace(row, change=link_change(db, group["change_id"]))
    return row


def known_material(verified_keys: Collection[tuple[str, str, str, str]], supplier: str, automaker: str,
                   material: str | None, kind: str) -> str | None:
    """The material of a verified link in force for this pair and kind that the proposal fits (its
    own material, or any when the sentence named none); None when there is none."""
    if material:
        return material if (supplier, automaker, material, kind) in verified_keys else None
    found = sorted(k[2] for k in verified_keys if (k[0], k[1], k[3]) == (supplier, automaker, kind))
    return found[0] if found else None


def decide(db: Database, proposal_id: int, decision: str, by: str, material: str | None = None,
           verified_keys: Collection[tuple[str, str, str, str]] = ()) -> Decision | None:
    """Decide a proposal and every older one of its pair and kind still waiting (None when there is
    no such proposal). 'confirm' adds the link, verified, its source the newest article, its note
    naming the proposals; when that link is in force and verified already (``verified_keys``:
    (supplier, automaker, material, kind) of the links in force that are verified), nothing is
    logged and the proposals are marked known, as 'known' does (NotLinked when it is not).
    ``material``: staff's choice (the sentences' otherwise, the newest's first). ValueError for
    another decision or a confirmation without a material; ProposalDecided when decided already."""
    if decision not in DECISIONS:
        raise ValueError(f"a proposal is confirmed, rejected or marked known ('confirm', 'reject' or 'known'), "
                         f"not {decision!r}")
    with db.atomic():
        found = proposal(db, proposal_id)
        if found is None:
            return None
        if found.status != "proposed":
            raise ProposalDecided(f"this proposal was {found.status} already by {found.decided_by or 'someone'}")
        members = [Proposal(**m) for m in dicts(
            db, f"{PROPOSAL_SQL} WHERE p.supplier = ? AND p.automaker = ? AND p.kind = ? AND p.status = 'proposed' "
                "AND p.id <= ? ORDER BY p.id DESC", [found.supplier, found.automaker, found.kind, found.id])]
        named = [p.material for p in members if p.material]
        chosen = (material or "").strip() or found.material or (named[0] if named else None)
        known = known_material(verified_keys, found.supplier, found.automaker, chosen, found.kind)
        if decision == "known" and not known:
            raise NotLinked("this pair is not a verified link in force for this material and kind: confirm it "
                            "to add the link")
        outcome = "rejected" if decision == "reject" else "known" if known else "added"
        change = None
        if outcome == "added":
            if not chosen:
                raise ValueError("the sentence names no material: choose the one the link is for")
            change = add_change(db, found.supplier, found.automaker, chosen, found.kind, "add", by, source=found.url,
                                note=_note([p.id for p in members], found.sentence), verified=True)
        stamp, ids = now_iso(), [p.id for p in members]
        db.execute(f"UPDATE link_proposals SET status = ?, decided_by = ?, decided_at = ?, change_id = ? "
                   f"WHERE id IN ({', '.join('?' * len(ids))})",
                   [DECISIONS[decision], by, stamp, change.id if change else None, *ids])
        return Decision(found.supplier, found.automaker, found.kind, known or chosen, DECISIONS[decision], outcome,
                        tuple(ids), by, stamp, change)


NOTE_IDS = 10  # proposal ids a note names; link_proposals.change_id ties every one to the change


def _note(ids: list[int], sentence: str) -> str:
    """"from proposals 12, 9: <the newest sentence>", shortened to fit a note."""
    named = ", ".join(map(str, ids[:NOTE_IDS])) + (f" and {len(ids) - NOTE_IDS} more" if len(ids) > NOTE_IDS else "")
    head = f"from proposal{'s' if len(ids) > 1 else ''} {named}: "
    room = NOTE_MAX - len(head)
    text = " ".join(sentence.split())
    return head + (text if len(text) <= room else text[:room - 1] + "…")


def undo(db: Database, proposal_id: int, by: str) -> Decision | None:
    """Put a decision back: the proposals decided with this one wait for review again, and the
    link change the confirmation made is marked undone by ``by`` (kept in the log, skipped by the
    replay). None when there is no such proposal; NothingToUndo when it waits for review, or when
    its link was changed since (retire it on /supply-chain instead)."""
    with db.atomic():
        found = proposal(db, proposal_id)
        if found is None:
            return None
        if found.status == "proposed":
            raise NothingToUndo("this proposal is waiting for review: there is no decision to undo")
        change = link_change(db, found.change_id) if found.change_id else None
        if change is not None:
            later = one(db, 'SELECT "by", at FROM link_changes WHERE supplier = ? AND automaker = ? AND material = ? '
                            "AND kind = ? AND id > ? AND undone_at IS NULL ORDER BY id DESC LIMIT 1",
                        [*change.key, change.id])
            if later:
                raise NothingToUndo(f"this link was changed since (by {later['by']}, {later['at'][:10]}): "
                                    "retire it on the supply-chain page instead")
        ids = [r[0] for r in db.execute(
            "SELECT id FROM link_proposals WHERE supplier = ? AND automaker = ? AND kind = ? AND status = ? AND "
            "decided_by IS ? AND decided_at IS ? AND change_id IS ? ORDER BY id DESC",
            [found.supplier, found.automaker, found.kind, found.status, found.decided_by, found.decided_at,
             found.change_id])]
        stamp = now_iso()
        if change is not None:
            db.execute("UPDATE link_changes SET undone_by = ?, undone_at = ? WHERE id = ?", [by, stamp, change.id])
        db.execute(f"UPDATE link_proposals SET status = 'proposed', decided_by = NULL, decided_at = NULL, "
                   f"change_id = NULL WHERE id IN ({', '.join('?' * len(ids))})", ids)
        return Decision(found.supplier, found.automaker, found.kind, change.material if change else found.material,
                        "proposed", "undone", tuple(ids), by, stamp, change)
