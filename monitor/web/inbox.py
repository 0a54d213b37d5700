"""The inbox: stories to review, newest first, by filter (GET /)."""

from __future__ import annotations

from urllib.parse import urlencode

from starlette.requests import Request

from storage import review

from . import common
from .common import call, error_page, filters_of, render


async def inbox_page(request: Request):
    params = request.query_params

    def load(db):
        filters = filters_of(params)
        page = review.inbox(db, filters, before=params.get("before"), limit=common.PER_PAGE)
        return filters, page, review.source_names(db)

    try:
        filters, page, sources = await call(request, load)
    except ValueError as exc:
        return error_page(request, 400, str(exc))
    next_url = None
    if page.next_cursor:
        next_url = "/?" + urlencode({**{k: v for k, v in params.items() if k != "before"}, "before": page.next_cursor})
    with_mentions = None  # the same filters with the stories that only mention the tag
    if filters.tag and not filters.mentions:
        with_mentions = "/?" + urlencode({**{k: v for k, v in params.items() if k not in ("before", "token")},
                                          "mentions": "1"})
    return render(request, "inbox.html", page=page, filters=filters, status=params.get("status", "inbox"),
                  sources=sources, next_url=next_url, with_mentions=with_mentions, here=str(request.url.path) +
                  (f"?{request.url.query}" if request.url.query else ""))
