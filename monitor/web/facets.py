"""Automakers and topics: the list of one kind with its story counts, and one tag's coverage
(GET /automakers, /topics, /automakers/{id}, /topics/{id}). The route tells the handler its
kind (``request.path_params["kind"]``)."""

from __future__ import annotations

from urllib.parse import quote

from starlette.requests import Request

from storage.chain import ChainCount, chain_coverage, chain_only_counts
from storage.coverage import coverage
from storage.tags import role_counts

from ..errors import ChargewatchError
from ..supply_state import effective_links
from .charts import coverage_bars
from .common import call, error_page, flag, render
from .reach import chain_suppliers, page_reach
from .supply import SupplyUnavailable, supply_data, supply_panel, with_activity


async def facet_page(request: Request):
    state = request.app.state
    kind = request.path_params["kind"]
    tag_id = request.path_params["tag_id"]
    if (kind, tag_id) not in state.names:
        return error_page(request, 404, f"no {kind} {tag_id!r}")
    try:
        mentions = flag(request.query_params, "mentions")
        chain = kind == "automaker" and flag(request.query_params, "chain")  # and its supply chain's stories
    except ValueError as exc:
        return error_page(request, 400, str(exc))
    cov, reached, reach_links = await call(request, facet_data, kind, tag_id, mentions, chain)
    name = state.names[(kind, tag_id)]
    chart = coverage_bars(name, cov, reached if chain else None)
    latest = reached.latest if chain else cov.latest
    chain_view = {"chain": chain, "reached": reached, "latest": latest, "link": facet_link(kind, tag_id),
                  "reach": page_reach(latest, state.names, reach_links)}
    info = state.registry.get(tag_id) if kind == "automaker" else next(t for t in state.taxonomy if t.id == tag_id)
    panel = None
    if kind == "automaker":  # its suppliers by material, as the staff's changes leave them
        try:
            base = supply_data(state).links  # the data the supply pages read (a test may give its own)
            links = await call(request, effective_links, base)
        except (SupplyUnavailable, ChargewatchError, ValueError):  # the panel says what is wrong
            links = None
        panel = await call(request, with_activity, supply_panel(state, tag_id, links))  # and each one's coverage
    return render(request, "facet.html", kind=kind, tag_id=tag_id, name=name, cov=cov, chart=chart, info=info,
                  mentions=mentions, supply=panel, **chain_view)


async def facet_index(request: Request):
    state = request.app.state
    kind = request.path_params["kind"]
    try:
        mentions = flag(request.query_params, "mentions")
        chain = kind == "automaker" and flag(request.query_params, "chain")  # a column of chain-only counts
    except ValueError as exc:
        return error_page(request, 400, str(exc))
    counts = await call(request, role_counts, kind)
    chained = await call(request, chain_index, [a[0] for a in state.automakers]) if chain else None
    return render(request, "facets.html", kind=kind, items=state.automakers if kind == "automaker" else state.topics,
                  counts=counts, mentions=mentions, chain=chain, chained=chained)


def facet_data(db, kind: str, tag_id: str, mentions: bool, chain: bool):
    """The page's data in one database call: the tag's coverage (storage.coverage), an
    automaker's chain reach (storage.chain: the all-time count always, the chart's split and the
    list with ``chain``) and the links in force they were read from (for the reach chips)."""
    cov = coverage(db, kind, tag_id, mentions=mentions)
    try:
        links = effective_links(db)  # the file's links with the staff's changes, as the inbox reads them
    except (ChargewatchError, ValueError):  # the supply panel says what is wrong; the page stays up
        return cov, None, ()
    reached = None
    if kind == "automaker":
        reached = chain_coverage(db, tag_id, chain_suppliers(tag_id, links), direct=cov.weeks if chain else None,
                                 mentions=mentions)
    return cov, reached, links


def chain_index(db, automakers: list[str]) -> dict[str, ChainCount] | None:
    """Automaker id -> the stories that reach it only through its suppliers (the links in
    force; counted up to storage.chain.COUNT_CAP each); None when the links cannot be read."""
    try:
        links = effective_links(db)
    except (ChargewatchError, ValueError):
        return None
    return chain_only_counts(db, {a: chain_suppliers(a, links) for a in automakers})


def facet_link(kind: str, tag_id: str):
    """The page's own URL with its two switches set: ``link(mentions, chain)``."""
    def link(mentions: bool = False, chain: bool = False) -> str:
        query = "&".join(q for on, q in ((mentions, "mentions=1"), (chain, "chain=1")) if on)
        return f"/{kind}s/{quote(tag_id, safe='')}" + (f"?{query}" if query else "")
    return link
