"""Supply links under review (issue 18, items 2 and 3): the links proposed from coverage, for
staff to confirm or reject (GET /supply-chain/proposals, POST /supply-chain/proposals/{id}),
and staff adding, confirming or retiring a link on /supply-chain (POST /supply-chain/links).

Every change is stored in storage.supply's log with the person who made it; the pages read the
links in force through monitor.supply_state (the data file's with the log replayed).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from starlette.requests import Request

from nlp.proposals import KINDS
from storage import supply as review

from ..supply_state import apply_staff
from .common import call, done, error_page, render
from .csrf import form_post
from .supplymap import MATERIALS, material_name
from .supply import SupplyUnavailable, supply_data

PAGE = 50  # proposals on one page
STATUS_TABS = (("proposed", "To review"), ("confirmed", "Confirmed"), ("rejected", "Rejected"))


@dataclass(frozen=True)
class ProposalRow:
    """A proposal as the page shows it: both names, and its sentence in parts (text, marked)."""

    proposal: review.Proposal
    supplier_name: str
    automaker_name: str
    parts: tuple[tuple[str, bool], ...]
    linked: bool  # the pair is already linked for this material and kind


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


def _automaker_forms(name: str) -> tuple[str, ...]:
    first = name.split()[0] if name.split() else ""
    return (name, first) if len(first) >= 3 else (name,)


async def proposals_page(request: Request):
    state, params = request.app.state, request.query_params
    status = params.get("status") or "proposed"
    if status not in review.STATUSES:
        return error_page(request, 400, f"no status {status[:30]!r}: one of {', '.join(review.STATUSES)}")
    before = params.get("before")
    if before is not None and not before.isdigit():
        return error_page(request, 400, "?before= is a proposal number")
    try:
        data = supply_data(state)
    except SupplyUnavailable as exc:
        return error_page(request, 503, str(exc))

    def read(db):
        return (review.proposals(db, status, PAGE + 1, int(before) if before else None),
                {s: review.proposal_count(db, s) for s in review.STATUSES}, review.staff_links(db))

    found, counts, staff = await call(request, read)
    links = {(k.supplier, k.automaker, k.material, k.kind) for k in apply_staff(data.links, staff)}
    suppliers = {s.id: s.name for s in data.suppliers}
    rows = []
    for p in found[:PAGE]:
        supplier_name = suppliers.get(p.supplier, p.supplier)
        automaker_name = state.names.get(("automaker", p.automaker), p.automaker)
        rows.append(ProposalRow(p, supplier_name, automaker_name,
                                marked(p.sentence, (supplier_name, *data.forms.get(p.supplier, ())),
                                       _automaker_forms(automaker_name)),
                                (p.supplier, p.automaker, p.material, p.kind) in links))
    return render(request, "proposals.html", rows=rows, status=status, tabs=STATUS_TABS, counts=counts,
                  older=found[PAGE - 1].id if len(found) > PAGE else None,
                  materials=[(m, material_name(m)) for m in MATERIALS], next=request.url.path +
                  (f"?{request.url.query}" if request.url.query else ""))


@form_post
async def decide(request: Request):
    """Confirm (the link joins the links in force) or reject a proposal; 409 if decided already."""
    form, proposal_id = request.state.form, request.path_params["proposal_id"]
    decision = str(form.get("decision", ""))
    material = str(form.get("material", "")).strip() or None
    if material and material not in MATERIALS:
        return error_page(request, 400, f"no material {material[:40]!r}: one of {', '.join(MATERIALS)}")
    try:
        found = await call(request, review.decide_proposal, proposal_id, decision, request.state.user, material)
    except review.ProposalDecided as exc:
        return error_page(request, 409, str(exc))
    except ValueError as exc:
        return error_page(request, 400, str(exc))
    if found is None:
        return error_page(request, 404, f"no proposal {proposal_id}")
    return done(request, form, {"proposal": found.id, "status": found.status})


LINK_ACTIONS = {"add": "add", "confirm": "confirm", "retire": "retire"}


@form_post
async def link_change(request: Request):
    """Add a link (supplier, automaker, material, kind, source, note), or confirm or retire one in
    force; every change logged with who made it. 400 naming the field that is wrong."""
    state, form = request.app.state, request.state.form
    try:
        data = supply_data(state)
    except SupplyUnavailable as exc:
        return error_page(request, 503, str(exc))
    action = str(form.get("action", ""))
    key = tuple(str(form.get(k, "")).strip() for k in ("supplier", "automaker", "material", "kind"))
    supplier, automaker, material, kind = key
    source, note = str(form.get("source", "")).strip(), str(form.get("note", ""))
    problem = None
    if action not in LINK_ACTIONS:
        problem = f"no action {action[:20]!r}: add, confirm or retire"
    elif supplier not in {s.id for s in data.suppliers}:
        problem = f"no supplier {supplier[:60]!r} in the supplier registry"
    elif ("automaker", automaker) not in state.names:
        problem = f"no automaker {automaker[:60]!r}: see /automakers for their ids"
    elif material not in MATERIALS:
        problem = f"no material {material[:40]!r}: one of {', '.join(MATERIALS)}"
    elif kind not in KINDS:
        problem = f"no kind {kind[:30]!r}: one of {', '.join(KINDS)}"
    elif action == "add" and not source.startswith(("http://", "https://")):
        problem = "a link added by hand needs its source: the URL of the article or report that states it"
    if problem:
        return error_page(request, 400, problem)

    def change(db):
        current = {(k.supplier, k.automaker, k.material, k.kind): k
                   for k in apply_staff(data.links, review.staff_links(db))}
        if action != "add" and key not in current:
            return f"there is no link {' / '.join(key)} to {action}"
        if action == "confirm" and current[key].verified:
            return "this link is verified already"
        review.add_change(db, supplier, automaker, material, kind, action, request.state.user, source, note)
        return None

    try:
        refused = await call(request, change)
    except ValueError as exc:
        return error_page(request, 400, str(exc))
    if refused:
        return error_page(request, 409, refused)
    return done(request, form, {"action": action})
