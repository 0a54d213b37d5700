"""Where an article sits in the list it was opened from (the inbox, a facet page, a search), so
that its page can step to the next and previous story (j / k) and go back to the list at the
story (u).

The list travels in the article's URL as ``?from=<the list's path and query>``: only a path of
this site naming one of those lists is taken (anything else, or none, means the inbox). The
neighbours are found with the list's own order and filters (the inbox's keyset and cursor, in
storage.lists; review.search with its page), so they are the very stories the list shows; only
ids are read, never the list's rows, so the article page stays fast. Stepping past the
last story of a page goes on to the next page's first (its ``from`` then names that page).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from urllib.parse import parse_qsl, quote, urlencode

from storage import prefs, review
from storage.lists import Adjacent, adjacent_stories, page_ids
from storage.search import SearchHit

from . import common
from .common import filters_of, page_number
from .security import local_path, without_token
from .unread import arrival_since

FACET = re.compile(r"/(automakers|topics)/([^/?#]{1,100})")
FACET_LATEST = 15  # the stories a facet page lists (storage.coverage's ``latest``)


@dataclass(frozen=True)
class Step:
    """A neighbour: the article page to go to (with its own ``from``) and its title."""

    href: str
    title: str | None


@dataclass(frozen=True)
class ListPlace:
    label: str  # what the list is called ("Inbox", "Search: lithium", "Tesla")
    up: str  # the list page, at the story's anchor
    previous: Step | None = None
    next: Step | None = None
    position: int | None = None  # 1-based place on the list's page, when the story is on it
    size: int = 0  # stories (hits) on that page


def article_href(article_id: int, list_url: str) -> str:
    """An article's page opened from the list at ``list_url`` (a path with its query)."""
    return f"/articles/{article_id}?from={quote(list_url, safe='/')}"


def parse_from(value: str | None) -> tuple[str, dict[str, str]]:
    """The list's path and query parameters from ``?from=``: a path on this site naming the
    inbox, the search or a facet page, without any feed token; else the inbox ("/", {})."""
    target = without_token(local_path(value))
    path, _, query = target.partition("?")
    if path in ("/", "/search") or FACET.fullmatch(path):
        return path, dict(parse_qsl(query, keep_blank_values=True))
    return "/", {}


def list_url(path: str, params: dict[str, str]) -> str:
    return path + (f"?{urlencode(params)}" if params else "")


def place_of(db, names: dict, from_value: str | None, article_id: int, story_id: int | None,
             user: str | None = None, tz_name: str | None = None) -> ListPlace:
    """The article's place in the list named by ``from_value`` (see the module's docstring);
    runs in a database thread. ``user`` and ``tz_name`` read an inbox by arrival as the inbox
    does ("new since my last visit" is the user's; "fetched today" in the configured zone). A
    list that cannot be read (bad filters) gives only the way back."""
    path, params = parse_from(from_value)
    try:
        if path == "/search":
            return _in_search(db, params, article_id, story_id)
        return _in_stories(db, names, path, params, story_id, user, tz_name)
    except (ValueError, review.QueryError):
        return ListPlace("the list", list_url(path, params))


def _in_stories(db, names: dict, path: str, params: dict, story_id: int | None, user: str | None,
                tz_name: str | None) -> ListPlace:
    """The inbox or a facet page: stories newest first, a page at a time by a cursor."""
    facet = FACET.fullmatch(path)
    order = "published"
    if facet:
        kind = facet.group(1)[:-1]
        tag_id = facet.group(2)
        if (kind, tag_id) not in names:
            raise ValueError(f"no {kind} {tag_id!r}")
        chain = kind == "automaker" and params.get("chain") == "1"  # the page's chain reach (facets.py)
        filters = review.Filters(status=None, mentions=params.get("mentions") == "1", **{kind: tag_id},
                                 chain_suppliers=_chain(db, tag_id) if chain else ())
        before, limit, label = None, FACET_LATEST, names[(kind, tag_id)]
        more = {kind: tag_id, "status": "all", **({"mentions": "1"} if filters.mentions else {}),
                **({"chain": "1"} if chain else {})}
    else:
        arrived = params.get("arrived") or "all"  # the inbox's arrival scopes (monitor/web/inbox.py)
        order = params.get("order") or ("published" if arrived == "all" else "arrival")
        last_visit = prefs.prefs(db, user).last_visit if user and arrived == "new" else None
        filters = replace(filters_of(params), arrived_since=arrival_since(arrived, last_visit, tz_name))
        before, limit, more = params.get("before"), common.PER_PAGE, {k: v for k, v in params.items() if k != "before"}
        label = "Inbox" if filters.status == "inbox" else f"{filters.status or 'All'} stories".capitalize()
    here = list_url(path, params)
    if story_id is None:
        return ListPlace(label, here)

    def page_url(cursor: str | None) -> str:  # the list's page that starts after ``cursor``
        return list_url("/", {**more, "before": cursor}) if cursor else list_url(path, params)

    ids, next_cursor = page_ids(db, filters, before, limit, order)  # the list's page, as review.inbox pages it
    newer, older = adjacent_stories(db, filters, story_id, order)

    def step(story: Adjacent | None) -> Step | None:
        if story is None:
            return None
        if story.story_id in ids:
            return Step(article_href(story.article_id, here), story.title)
        last = bool(ids) and story_id == ids[-1] and next_cursor
        return Step(article_href(story.article_id, page_url(next_cursor if last else story.cursor)), story.title)

    if story_id in ids:
        return ListPlace(label, f"{here}#story-{story_id}", step(newer), step(older), ids.index(story_id) + 1, len(ids))
    return ListPlace(label, here, step(newer), step(older), None, len(ids))


def _in_search(db, params: dict, article_id: int, story_id: int | None) -> ListPlace:
    """A search: hits best first, a page at a time by number."""
    query = params.get("q", "")
    here = list_url("/search", params)
    label = f"Search: {query.strip()}" if len(query.strip()) <= 60 else f"Search: {query.strip()[:59]}…"
    if not query.strip():
        return ListPlace("Search", here)
    page_no = page_number(params)
    filters = filters_of(params, default_status=None)
    result = review.search(db, query, filters, page=page_no)
    hits = result.hits
    at = next((i for i, h in enumerate(hits) if h.article_id == article_id), None)
    if at is None and story_id is not None:
        at = next((i for i, h in enumerate(hits) if h.story_id == story_id), None)
    if at is None:
        return ListPlace(label, here, size=len(hits))

    def on_page(number: int) -> str:
        return list_url("/search", {**params, "page": str(number)} if number > 1 else
                        {k: v for k, v in params.items() if k != "page"})

    def step(hit: SearchHit, number: int) -> Step:
        return Step(article_href(hit.article_id, on_page(number) if number != page_no else here), hit.title)

    previous = nxt = None
    if at > 0:
        previous = step(hits[at - 1], page_no)
    elif page_no > 1:
        before = review.search(db, query, filters, page=page_no - 1).hits
        previous = step(before[-1], page_no - 1) if before else None
    if at + 1 < len(hits):
        nxt = step(hits[at + 1], page_no)
    elif page_no * result.per_page < result.total and page_no < review.MAX_PAGE and (
            not result.ranked_among or page_no * result.per_page < result.ranked_among):
        after = review.search(db, query, filters, page=page_no + 1).hits
        nxt = step(after[0], page_no + 1) if after else None
    return ListPlace(label, f"{here}#hit-{hits[at].article_id}", previous, nxt, at + 1, len(hits))


def _chain(db, automaker: str) -> tuple[str, ...]:
    """The suppliers linked to ``automaker`` in the links in force: the chain list's j/k walks
    the stories that reach it through them too, as the page listed them."""
    from ..supply_state import effective_links
    from .reach import chain_suppliers

    return chain_suppliers(automaker, effective_links(db))
