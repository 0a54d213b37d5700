"""Full-text search over the stories, a page of hits at a time (GET /search).

A hit is shown as the inbox shows a story: its chips, its evidence sentence and the review
actions (the same markup, so static/app.js gives it the inbox's keys and fetch() actions). The
page's stories' tags, evidence and statuses come from one query each (storage.tags.story_tags,
storage.tags.story_evidence, storage.lists.story_statuses), in the same database call as the
search, so search stays as fast as before on a large archive. Its links carry the results
page as the article's list (``?from=``), for j / k / u on the article page.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlencode

from starlette.requests import Request

from storage import review
from storage.lists import story_statuses
from storage.saved import saved_searches
from storage.tags import StoryTag, story_evidence, story_tags

from .common import call, chain_links, filters_of, page_number, render
from .listplace import article_href


@dataclass(frozen=True)
class HitStory:
    """What a hit shows of its story: tags (subjects first), the evidence, the review status."""

    tags: tuple[StoryTag, ...]
    evidence: StoryTag | None
    status: str


def hit_stories(db, hits, prefer: tuple[str, str] | None) -> dict[int, HitStory]:
    """Each hit's story as HitStory, keyed by story id: two queries for the page."""
    ids = list(dict.fromkeys(h.story_id for h in hits if h.story_id is not None))
    if not ids:
        return {}
    tags, statuses = story_tags(db, ids), story_statuses(db, ids)
    titles = {h.story_id: h.title for h in hits}
    return {sid: HitStory(tags.get(sid, ()), story_evidence(tags.get(sid, ()), titles.get(sid), prefer), statuses[sid])
            for sid in ids}


async def search_page(request: Request):
    params = request.query_params
    query = params.get("q", "")
    result, message, page_no, stories = None, None, 1, {}
    try:
        page_no = page_number(params)
        filters = filters_of(params, default_status=None, links=await chain_links(request, params))
        if query.strip():
            def load(db):
                found = review.search(db, query, filters, page=page_no)
                return found, hit_stories(db, found.hits, filters.tag)

            result, stories = await call(request, load)
    except (review.QueryError, ValueError) as exc:
        message = str(exc)
        filters = review.Filters(status=None)
    pages = {}
    if result:
        keep = {k: v for k, v in params.items() if k != "page"}
        if page_no > 1:
            pages["previous"] = "/search?" + urlencode({**keep, "page": page_no - 1})
        if page_no * result.per_page < result.total and page_no < review.MAX_PAGE:
            pages["next"] = "/search?" + urlencode({**keep, "page": page_no + 1})
    here = "/search" + (f"?{request.url.query}" if request.url.query else "")
    mine = await call(request, saved_searches, request.state.user, count=False) if request.state.user else []
    saved = next((s for s in mine if s.query == query.strip() and s.filters == filters.as_dict()), None)
    return render(request, "search.html", status_code=400 if message else 200, query=query, result=result,
                  message=message, filters=filters, status=params.get("status", "all"),
                  sources=await call(request, review.source_names), pages=pages, stories=stories, here=here,
                  href=lambda article_id: article_href(article_id, here), saved=saved)
