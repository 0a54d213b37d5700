"""The JSON API: stories, an article, search and the reviewers' corrections
(GET /api/stories, /api/articles/{id}, /api/search, /api/corrections)."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import JSONResponse

from storage import review
from storage.export import corrections_export

from . import common
from .common import call, chain_links, filters_of, page_number

MAX_LIMIT = 500


async def api_stories(request: Request):
    params = request.query_params
    try:
        limit = min(max(int(params.get("limit", common.PER_PAGE)), 1), MAX_LIMIT)
        filters = filters_of(params, links=await chain_links(request, params))
        page = await call(request, review.inbox, filters, before=params.get("before"), limit=limit)
    except ValueError as exc:
        return JSONResponse({"error": str(exc)}, status_code=400)
    return JSONResponse({"filters": filters.as_dict(), "stories": [s.as_dict() for s in page.stories],
                         "next": page.next_cursor})


async def api_article(request: Request):
    view = await call(request, review.article_view, request.path_params["article_id"])
    if view is None:
        return JSONResponse({"error": "no such article"}, status_code=404)
    return JSONResponse(view.as_dict())


async def api_search(request: Request):
    params = request.query_params
    try:
        page_no = page_number(params)
        filters = filters_of(params, default_status=None, links=await chain_links(request, params))
        result = await call(request, review.search, params.get("q", ""), filters, page=page_no)
    except (review.QueryError, ValueError) as exc:
        return JSONResponse({"error": str(exc)}, status_code=400)
    return JSONResponse({"query": result.query, "total": result.total, "total_capped": result.capped,
                         "ranked_among_newest": result.ranked_among, "page": result.page,
                         "per_page": result.per_page, "hits": [h.as_dict() for h in result.hits]})


async def api_corrections(request: Request):
    return JSONResponse(await call(request, corrections_export))
