"""Automakers and topics: the list of one kind with its story counts, and one tag's coverage
(GET /automakers, /topics, /automakers/{id}, /topics/{id}). The route tells the handler its
kind (``request.path_params["kind"]``)."""

from __future__ import annotations

from starlette.requests import Request

from storage.coverage import coverage
from storage.tags import role_counts

from ..errors import ChargewatchError
from ..supply_state import effective_links
from .charts import weekly_bars
from .common import call, error_page, flag, render
from .supply import SupplyUnavailable, supply_data, supply_panel


async def facet_page(request: Request):
    state = request.app.state
    kind = request.path_params["kind"]
    tag_id = request.path_params["tag_id"]
    if (kind, tag_id) not in state.names:
        return error_page(request, 404, f"no {kind} {tag_id!r}")
    try:
        mentions = flag(request.query_params, "mentions")
    except ValueError as exc:
        return error_page(request, 400, str(exc))
    cov = await call(request, coverage, kind, tag_id, mentions=mentions)
    name = state.names[(kind, tag_id)]
    which = f"about or mentioning {name}" if mentions else f"about {name}"
    span = "last 12 months" if len(cov.weeks) >= 52 else f"last {len(cov.weeks)} weeks"  # from the first story on
    chart = weekly_bars(f"{name}: stories per week, {span} ({which})", cov.weeks)
    info = state.registry.get(tag_id) if kind == "automaker" else next(t for t in state.taxonomy if t.id == tag_id)
    panel = None
    if kind == "automaker":  # its suppliers by material, as the staff's changes leave them
        try:
            base = supply_data(state).links  # the data the supply pages read (a test may give its own)
            links = await call(request, effective_links, base)
        except (SupplyUnavailable, ChargewatchError, ValueError):  # the panel says what is wrong
            links = None
        panel = supply_panel(state, tag_id, links)
    return render(request, "facet.html", kind=kind, tag_id=tag_id, name=name, cov=cov, chart=chart, info=info,
                  mentions=mentions, supply=panel)


async def facet_index(request: Request):
    state = request.app.state
    kind = request.path_params["kind"]
    try:
        mentions = flag(request.query_params, "mentions")
    except ValueError as exc:
        return error_page(request, 400, str(exc))
    counts = await call(request, role_counts, kind)
    return render(request, "facets.html", kind=kind, items=state.automakers if kind == "automaker" else state.topics,
                  counts=counts, mentions=mentions)
