"""Supply links under review (issue 18, items 2 and 3): the links proposed from coverage, for
staff to confirm, reject or mark known (GET /supply-chain/proposals, POST
/supply-chain/proposals/{id}, and .../undo to take a decision back), and staff adding,
confirming or retiring a link on /supply-chain (POST /supply-chain/links).

The list has one row per supplier, automaker and kind (monitor/web/proposal_rows.py); deciding a
row decides every proposal of it (storage.proposal_review). Every change is stored in
storage.supply's log with the person who made it; the pages read the links in force through
monitor.supply_state (the data file's with the log replayed). Each POST answers JSON when asked
(Accept: application/json: what monitor/web/static/proposals.js sends, to decide a row without
a page reload) and redirects back to the form's page otherwise.
"""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import JSONResponse

from nlp.proposals import KINDS
from storage import proposal_review as rows_store
from storage import supply as review

from ..supply_state import apply_staff
from .common import call, done, error_page, render, wants_json
from .csrf import form_post
from .proposal_rows import row_views
from .supply import SupplyUnavailable, supply_data
from .supplymap import MATERIALS, material_name

PAGE = 50  # rows on a page
STATUS_TABS = (("proposed", "To review"), ("confirmed", "Confirmed"), ("rejected", "Rejected"))
NOTICES = {"added": "Confirmed — link added", "known": "Marked as known — the link was in force already",
           "rejected": "Rejected", "undone": "Back to review"}


def _counts(db) -> dict[str, int]:
    return {s: review.proposal_count(db, s) for s in review.STATUSES}


async def proposals_page(request: Request):
    state, params = request.app.state, request.query_params
    status = params.get("status") or "proposed"
    if status not in review.STATUSES:
        return error_page(request, 400, f"no status {status[:30]!r}: one of {', '.join(review.STATUSES)}")
    before = params.get("before")
    if before is not None and not (before.isascii() and before.isdigit() and len(before) <= 18):
        return error_page(request, 400, "?before= is a proposal number")
    try:
        data = supply_data(state)
    except SupplyUnavailable as exc:
        return error_page(request, 503, str(exc))

    def read(db):
        return (rows_store.proposal_rows(db, status, PAGE + 1, int(before) if before else None), _counts(db),
                review.staff_links(db))

    found, counts, staff = await call(request, read)
    views = row_views(found[:PAGE], apply_staff(data.links, staff), {s.id: s.name for s in data.suppliers},
                      state.names, data.forms, state.timezone)
    return render(request, "proposals.html", rows=views, status=status, tabs=STATUS_TABS, counts=counts,
                  older=found[PAGE - 1].newest.id if len(found) > PAGE else None,
                  materials=[(m, material_name(m)) for m in MATERIALS], next=request.url.path +
                  (f"?{request.url.query}" if request.url.query else ""))


def _answer(request: Request, form, made: rows_store.Decision, counts: dict[str, int]):
    """JSON for the script (what was decided, the notice to show, the tabs' new counts), else the
    redirect back."""
    if not wants_json(request):
        return done(request, form, {})
    n = len(made.ids)
    notice = NOTICES[made.outcome] + (f" ({n} proposals)" if n > 1 else "")
    return JSONResponse({"ok": True, "proposal": made.ids[0], "status": made.status, "outcome": made.outcome,
                         "ids": list(made.ids), "material": made.material,
                         "change": made.change.id if made.change else None, "counts": counts, "notice": notice})


@form_post
async def decide(request: Request):
    """Confirm (the link joins the links in force), reject, or mark known (its link is in force
    already) a row: the proposal and every older one of its pair and kind still waiting. 409 if
    decided already, or marked known while not linked; 400 for a wrong decision or material."""
    form, proposal_id = request.state.form, request.path_params["proposal_id"]
    decision = str(form.get("decision", ""))
    material = str(form.get("material", "")).strip() or None
    if material and material not in MATERIALS:
        return error_page(request, 400, f"no material {material[:40]!r}: one of {', '.join(MATERIALS)}")
    try:
        data = supply_data(request.app.state)
    except SupplyUnavailable as exc:
        return error_page(request, 503, str(exc))

    def run(db):
        verified = {(k.supplier, k.automaker, k.material, k.kind)
                    for k in apply_staff(data.links, review.staff_links(db)) if k.verified}
        made = rows_store.decide(db, proposal_id, decision, request.state.user, material, verified)
        return made, _counts(db)

    try:
        made, counts = await call(request, run)
    except (review.ProposalDecided, rows_store.NotLinked) as exc:
        return error_page(request, 409, str(exc))
    except ValueError as exc:
        return error_page(request, 400, str(exc))
    if made is None:
        return error_page(request, 404, f"no proposal {proposal_id}")
    return _answer(request, form, made, counts)


@form_post
async def undo(request: Request):
    """Take a decision back: its proposals wait for review again and the link it added is marked
    undone (kept in the log). 409 when there is nothing to undo or the link changed since."""
    form, proposal_id = request.state.form, request.path_params["proposal_id"]

    def run(db):
        return rows_store.undo(db, proposal_id, request.state.user), _counts(db)

    try:
        made, counts = await call(request, run)
    except rows_store.NothingToUndo as exc:
        return error_page(request, 409, str(exc))
    if made is None:
        return error_page(request, 404, f"no proposal {proposal_id}")
    return _answer(request, form, made, counts)


LINK_ACTIONS = {"add": "add", "confirm": "confirm", "retire": "retire"}
_YES = ("1", "on", "true", "yes")


def verified_choice(form) -> bool:
    """The add form's "the source states this deal" box: a hidden 0 before the box's 1, so an
    unticked box still says so; a client that sends no ``verified`` at all adds a verified link
    (as before the box)."""
    values = [str(v).strip().lower() for v in form.getlist("verified")]
    return not values or any(v in _YES for v in values)


@form_post
async def link_change(request: Request):
    """Add a link (supplier, automaker, material, kind, source, note, verified), or confirm or
    retire one in force; every change logged with who made it. 400 naming the field that is wrong."""
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
    verified = verified_choice(form) if action == "add" else True

    def change(db):
        current = {(k.supplier, k.automaker, k.material, k.kind): k
                   for k in apply_staff(data.links, review.staff_links(db))}
        if action != "add" and key not in current:
            return f"there is no link {' / '.join(key)} to {action}"
        if action == "confirm" and current[key].verified:
            return "this link is verified already"
        review.add_change(db, supplier, automaker, material, kind, action, request.state.user, source, note,
                          verified=verified)
        return None

    try:
        refused = await call(request, change)
    except ValueError as exc:
        return error_page(request, 400, str(exc))
    if refused:
        return error_page(request, 409, refused)
    return done(request, form, {"action": action, "verified": verified})
