"""Atom feeds: the starred stories, and the stories about an automaker or a topic
(GET /feeds/starred.atom, /feeds/automakers/{id}.atom, /feeds/topics/{id}.atom)."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response

from storage import review

from .common import call, error_page, flag


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
        except ValueError as exc:
            return error_page(request, 400, str(exc))
        # the stories about the tag; with ?mentions=1 also those naming it in passing
        page = await call(request, review.inbox, review.Filters(status=None, mentions=mentions, **{kind: tag_id}),
                          limit=100)
        name = names[(kind, tag_id)]
        title = f"chargewatch: {name}" + (" (mentions included)" if mentions else "")
        path = f"/feeds/{kind}s/{tag_id}.atom" + ("?mentions=1" if mentions else "")
        subtitle = f"Stories about {name}" + (" and stories that mention it in passing" if mentions else "")
    return Response(atom(title, base, path, page.stories, subtitle),
                    media_type="application/atom+xml; charset=utf-8")
