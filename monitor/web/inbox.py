"""The inbox: stories to review, newest first, by filter (GET /); the reader's view of it (POST
/inbox/view: cards or a compact list, remembered per user).

Besides the filters, the inbox is read by arrival: ``?order=arrival`` (newest stored first,
beside ``published``), ``?arrived=new`` (new since my last visit, storage.prefs says what a
visit is) and ``?arrived=today`` (fetched today in the configured time zone). Every load of the
page is a visit (storage.prefs.record_visit); a side panel counts the unread stories per
automaker and topic (monitor.web.unread).
"""

from __future__ import annotations

from dataclasses import replace
from urllib.parse import urlencode

from starlette.requests import Request

from storage import prefs, review

from ..supply_state import effective_links
from . import common
from .common import call, done, error_page, filters_of, render
from .csrf import form_post
from .health import empty_state
from .reach import page_reach
from .unread import ARRIVED, arrival_since, count_cache, count_window

UNDO_LABELS = {"star": "star", "unstar": "unstar", "review": "mark reviewed", "dismiss": "dismiss",
               "new": "mark new", "review-page": "mark page reviewed"}


async def inbox_page(request: Request):
    params = request.query_params
    user, state = request.state.user, request.app.state
    arrived = params.get("arrived") or "all"
    order = params.get("order") or ("published" if arrived == "all" else "arrival")

    def load(db):
        me = prefs.record_visit(db, user) if user else prefs.Prefs("", None, None)
        since = arrival_since(arrived, me.last_visit, state.timezone)
        links = effective_links(db)  # the supply links in force: the file's with the staff's changes
        filters = replace(filters_of(params, links=links), arrived_since=since)
        page = review.inbox(db, filters, before=params.get("before"), limit=common.PER_PAGE, order=order)
        counts = count_cache(state).get(db, count_window(since))
        last = prefs.last_action(db, user) if user else None
        return me, filters, page, review.source_names(db), counts, last, links

    try:
        me, filters, page, sources, counts, last, links = await call(request, load)
    except ValueError as exc:
        return error_page(request, 400, str(exc))
    kept = {k: v for k, v in params.items() if k not in ("before", "token")}
    next_url = "/?" + urlencode({**kept, "before": page.next_cursor}) if page.next_cursor else None
    with_mentions = None  # the same filters with the stories that only mention the tag
    if filters.tag and not filters.mentions:
        with_mentions = "/?" + urlencode({**kept, "mentions": "1"})
    filtered = any((filters.automaker, filters.topic, filters.supplier, filters.source, filters.kind, filters.since, filters.until,
                    arrived != "all"))
    empty = None if page.stories else empty_state(getattr(request.state, "source_health", None), filtered=filtered,
                                                  status=params.get("status", "inbox"))
    here = str(request.url.path) + (f"?{request.url.query}" if request.url.query else "")
    return render(request, "inbox.html", empty=empty, page=page, filters=filters, status=params.get("status", "inbox"),
                  sources=sources, next_url=next_url, with_mentions=with_mentions, here=here, me=me,
                  arrived=arrived, order=order, scopes=scope_links(kept, arrived, order), counts=counts,
                  counts_link=lambda kind, tag_id: "/?" + urlencode({**{k: v for k, v in kept.items()
                                                                        if k not in ("automaker", "topic")},
                                                                     kind: tag_id}),
                  undo=undo_label(last), new_since=filters.arrived_since if arrived == "new" else None,
                  new_mark=me.last_visit, on_page=[s.id for s in page.stories if s.status == "new"],
                  reach=page_reach(page.stories, state.names, links))


def scope_links(kept: dict, arrived: str, order: str) -> dict:
    """The links of the arrival and order switches, keeping the other filters (page 1)."""
    def link(**change) -> str:
        merged = {**kept, **change}
        return "/?" + urlencode({k: v for k, v in merged.items() if v})
    return {
        "arrived": [(a, link(arrived=None if a == "all" else a, order=None), a == arrived) for a in ARRIVED],
        "order": [(o, link(order=o), o == order) for o in review.ORDERS],
    }


def undo_label(last: prefs.LastAction | None) -> str | None:
    """What the Undo button says it undoes ("Undo dismiss", "Undo mark page reviewed (12)")."""
    if last is None:
        return None
    n = len(last.changes)
    return f"Undo {UNDO_LABELS.get(last.action, last.action)}" + (f" ({n} stories)" if n > 1 else "")


@form_post
async def inbox_view(request: Request):
    """POST /inbox/view: view=card or compact, remembered for this user."""
    form = request.state.form
    view = str(form.get("view", ""))
    try:
        await call(request, prefs.set_view, request.state.user, view)
    except ValueError as exc:
        return error_page(request, 400, str(exc))
    return done(request, form, {"view": view})
