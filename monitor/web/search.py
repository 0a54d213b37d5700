"""Full-text search over the stories, a page of hits at a time (GET /search)."""

from __future__ import annotations

from urllib.parse import urlencode

from starlette.requests import Request

from storage import review
from storage.tags import story_tags

from .common import call, filters_of, page_number, render


async def search_page(request: Request):
    params = request.query_params
    query = params.get("q", "")
    result, message, page_no = None, None, 1
    try:
        page_no = page_number(params)
        filters = filters_of(params, default_status=None)
        if query.strip():
            result = await call(request, review.search, query, filters, page=page_no)
    except (review.QueryError, ValueError) as exc:
        message = str(exc)
        filters = review.Filters(status=None)
    hit_tags = {}
    if result and result.hits:
        hit_tags = await call(request, story_tags, {h.story_id for h in result.hits if h.story_id is not None})
    pages = {}
    if result:
        keep = {k: v for k, v in params.items() if k != "page"}
        if page_no > 1:
            pages["previous"] = "/search?" + urlencode({**keep, "page": page_no - 1})
        if page_no * result.per_page < result.total and page_no < review.MAX_PAGE:
            pages["next"] = "/search?" + urlencode({**keep, "page": page_no + 1})
    return render(request, "search.html", status_code=400 if message else 200, query=query, result=result,
                  message=message, filters=filters, status=params.get("status", "all"),
                  sources=await call(request, review.source_names), pages=pages, hit_tags=hit_tags)
