"""Atom feeds: the starred stories, and the stories about an automaker or a topic
(GET /feeds/starred.atom, /feeds/automakers/{id}.atom, /feeds/topics/{id}.atom)."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response

from storage import review

from ..supply_state import effective_links
from .common import call, error_page, flag
from .reach import chain_suppliers


async def feed(request: Request):
    from ..outputs.atom import atom

    names = request.app.state.names
    kind = request.path_params.get("kind")
    tag_id = request.path_params.get("tag_id")
    base = f"{request.url.scheme}://{request.headers.get('host', 'localhost')}"  # a Host Frontier allowed
    subtitle = None
    if kind is None:
        page = await call(request, review.inbox, review.Filters(status="starred"), limit=100)
        title, path = "chargewatch: starred stories", "/feeds/starred.atom"
    else:
        if (kind, tag_id) not in names:
            return error_page(request, 404, f"no {kind} {tag_id!r}")
        try:
            mentions = flag(request.query_params, "mentions")
            chain = kind == "automaker" and flag(request.query_params, "chain")
        except ValueError as exc:
            return error_page(request, 400, str(exc))
        # the stories about the tag; with ?mentions=1 also those naming it in passing; with
        # ?chain=1 (automakers) also those naming one of its suppliers
        links = await call(request, effective_links) if chain else None  # the file's with the staff's changes
        page = await call(request, review.inbox, review.Filters(
            status=None, mentions=mentions, chain_suppliers=chain_suppliers(tag_id, links) if chain else (),
            **{kind: tag_id}), limit=100)
        name = names[(kind, tag_id)]
        extras = [label for on, label in ((mentions, "mentions"), (chain, "supply chain")) if on]
        title = f"chargewatch: {name}" + (f" ({' and '.join(extras)} included)" if extras else "")
        query = "&".join(q for on, q in ((mentions, "mentions=1"), (chain, "chain=1")) if on)
        path = f"/feeds/{kind}s/{tag_id}.atom" + (f"?{query}" if query else "")
        subtitle = (f"Stories about {name}" + (" and stories that mention it in passing" if mentions else "")
                    + (" and stories that reach it through its suppliers" if chain else ""))
    return Response(atom(title, base, path, page.stories, subtitle),
                    media_type="application/atom+xml; charset=utf-8")
