"""Saved searches: a person's named searches with their filters, how many new matches each has
since it was last opened, and each as an Atom feed (GET/POST /saved, GET /saved/{id},
POST /saved/{id}/delete, GET /feeds/saved/{id}.atom).

Each user sees and changes only their own (storage.saved takes the owner everywhere): someone
else's saved search is "no such saved search" (404), in the feed too, whose token names its user.
Opening one resets its count of new matches and shows its results on the search page.
"""

from __future__ import annotations

from urllib.parse import urlencode

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from storage import review
from storage import saved as store

from .common import call, error_page, filters_of, render
from .csrf import form_post

FEED_SIZE = 50  # stories in a saved search's feed


def search_url(saved: store.SavedSearch) -> str:
    """The search page of a saved search: its query and filters as the page's parameters."""
    filters = saved.search_filters()
    params = {"q": saved.query, **{k: v for k, v in filters.as_dict().items()
                                   if k not in ("status", "mentions", "chain_suppliers")}}
    params["status"] = filters.status or "all"
    if filters.mentions:
        params["mentions"] = "1"
    if filters.chain_suppliers:  # the page reads the automaker's suppliers again (monitor.web.reach)
        params["chain"] = "1"
    return "/search?" + urlencode(params)


@form_post
async def saved_page(request: Request):
    """GET: the user's saved searches. POST: save one (name, q and the search page's filter
    fields; a name the user already has is replaced), then show the list."""
    user = request.state.user
    message = None
    if request.method == "POST":
        form = request.state.form
        try:
            filters = filters_of(form, default_status=None)
            made = await call(request, store.save_search, user, str(form.get("name") or ""), str(form.get("q") or ""),
                              filters)
        except (ValueError, review.QueryError) as exc:
            message = str(exc)
        else:
            return RedirectResponse(f"/saved#saved-{made.id}", status_code=303)
    searches = await call(request, store.saved_searches, user)
    return render(request, "saved.html", status_code=400 if message else 200, searches=searches, message=message,
                  search_url=search_url, names=request.app.state.names)


async def open_saved(request: Request):
    """Open a saved search: its new matches are seen from now on; its results on the search page."""
    found = await call(request, store.open_saved, request.state.user, request.path_params["saved_id"])
    if found is None:
        return error_page(request, 404, "no such saved search")
    return RedirectResponse(search_url(found), status_code=303)


@form_post
async def delete_saved(request: Request):
    if not await call(request, store.delete_saved, request.state.user, request.path_params["saved_id"]):
        return error_page(request, 404, "no such saved search")
    return RedirectResponse("/saved", status_code=303)


async def saved_feed(request: Request):
    """The saved search's newest matching stories as Atom, for a feed reader (with the user's
    feed token where a login is required)."""
    from ..outputs.atom import atom

    saved_id = request.path_params["saved_id"]

    def load(db):
        found = store.saved_search(db, request.state.user, saved_id)
        if found is None:
            return None, []
        ids = store.newest_matches(db, found, FEED_SIZE)
        return found, review.story_rows(db, ids, prefer=found.search_filters().tag)

    found, stories = await call(request, load)
    if found is None:
        return error_page(request, 404, "no such saved search")
    base = f"{request.url.scheme}://{request.headers.get('host', 'localhost')}"  # a Host Frontier allowed
    body = atom(f"chargewatch: {found.name}", base, f"/feeds/saved/{saved_id}.atom", stories,
                f"The newest stories matching the saved search {found.query!r}")
    return Response(body, media_type="application/atom+xml; charset=utf-8")
