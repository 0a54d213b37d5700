"""The rows of the proposals page as it shows them (monitor/web/proposals.py): one per supplier,
automaker and kind (storage.proposal_review), both companies' names marked in each sentence,
whether the pair is a link in force already, and the last time staff rejected it.

A pair proposed again after staff rejected it is still listed (a new article may report a real
new deal), marked "Rejected before by ana on 3 Dec 2026" so nobody takes it for a new one. A
pair whose link is in force and verified is listed as "already linked", with "Mark as known"
(confirmed, nothing added); one in force but unverified keeps Confirm, which verifies it with
the newest article as its source.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from storage import proposal_review as rows_store
from storage.clock import from_iso

from .timefmt import zone

MORE_SHOWN = 20  # the other articles listed under a row


@dataclass(frozen=True)
class Sentence:
    """A proposal with its sentence in parts (text, marked)."""

    proposal: object  # storage.supply.Proposal
    parts: tuple[tuple[str, bool], ...]


@dataclass(frozen=True)
class RowView:
    """A row of the review list as the page shows it."""

    row: rows_store.ProposalRow
    supplier_name: str
    automaker_name: str
    newest: Sentence
    others: tuple[Sentence, ...]  # at most MORE_SHOWN
    linked: str | None  # "verified" or "unverified": a link in force for this pair, kind and material
    known_material: str | None  # the verified link's material ("Mark as known" confirms that one)
    rejected_on: str | None  # the day of the last rejection ("3 Dec 2026")

    @property
    def proposal(self):
        return self.row.newest

    @property
    def not_shown(self) -> int:
        return self.row.more - len(self.others)

    @property
    def choose_material(self) -> bool:
        """Confirm asks for the material when the sentences name none, or several."""
        return len(self.row.materials) != 1


def _names_pattern(names) -> re.Pattern | None:
    forms = sorted({n.strip() for n in names if n and len(n.strip()) >= 2}, key=len, reverse=True)
    if not forms:
        return None
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(f) for f in forms) + r")(?!\w)", re.IGNORECASE)


def marked(sentence: str, *names: tuple[str, ...]) -> tuple[tuple[str, bool], ...]:
    """The sentence in parts, the names of either company marked (longest form first): the
    proposal does not keep the spans, so they are found again by name."""
    pattern = _names_pattern([n for group in names for n in group])
    if pattern is None:
        return ((sentence, False),)
    parts, at = [], 0
    for m in pattern.finditer(sentence):
        if m.start() > at:
            parts.append((sentence[at:m.start()], False))
        parts.append((m.group(0), True))
        at = m.end()
    if at < len(sentence):
        parts.append((sentence[at:], False))
    return tuple(parts)


def automaker_forms(name: str) -> tuple[str, ...]:
    first = name.split()[0] if name.split() else ""
    return (name, first) if len(first) >= 3 else (name,)


def day(value: str | None, tz_name: str | None) -> str | None:
    """A stored time as its day in the configured zone: "3 Dec 2026"."""
    at = from_iso(value) if value else None
    if at is None:
        return None
    local = at.astimezone(zone(tz_name))
    return f"{local.day} {local.strftime('%b %Y')}"


def link_state(links, row: rows_store.ProposalRow) -> tuple[str | None, str | None]:
    """("verified" or "unverified" or None, the verified link's material) for the row's pair and
    kind among the links in force: of the row's material, or of any when its sentences name none."""
    material = row.materials[0] if row.materials else None
    same = [k for k in links if (k.supplier, k.automaker, k.kind) == (row.supplier, row.automaker, row.kind)
            and (material is None or k.material == material)]
    verified = sorted(k.material for k in same if k.verified)
    if verified:
        return "verified", verified[0]
    return ("unverified" if same else None), None


def row_views(rows, links, suppliers: dict[str, str], names: dict, forms: dict, tz_name: str | None) -> list[RowView]:
    """The page's rows: ``links`` the links in force, ``suppliers`` id -> name, ``names`` the app's
    (kind, id) -> name, ``forms`` supplier id -> the names to mark."""
    out = []
    for r in rows:
        supplier_name = suppliers.get(r.supplier, r.supplier)
        automaker_name = names.get(("automaker", r.automaker), r.automaker)
        marks = ((supplier_name, *forms.get(r.supplier, ())), automaker_forms(automaker_name))
        sentences = tuple(Sentence(p, marked(p.sentence, *marks)) for p in r.proposals[:MORE_SHOWN + 1])
        linked, known = link_state(links, r) if r.status == "proposed" else (None, None)
        rejected = r.rejected_before
        out.append(RowView(r, supplier_name, automaker_name, sentences[0], sentences[1:], linked, known,
                           day(rejected.decided_at, tz_name) if rejected else None))
    return out
