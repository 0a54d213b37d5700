"""The CSRF check of every form POST, in one place.

A handler that takes a form is declared with ``@form_post``: on a POST its form is checked
before the handler runs (the ``csrf`` field or X-CSRF-Token header equals the ``csrf`` cookie,
double submit; an Origin, if the browser sends one, is this very site) and handed to it as
``request.state.form``; a GET passes straight through. ``create_app`` refuses to route a POST
to a handler not so declared, so no form can slip past the check.
"""

from __future__ import annotations

import functools
import hmac

from starlette.exceptions import HTTPException
from starlette.requests import Request

from .security import same_origin


async def checked_form(request: Request):
    """The form of a POST, after the CSRF checks (token = cookie; Origin, if sent, is us:
    the scheme, and the host and port that Frontier allowed). HTTPException 403 otherwise."""
    form = await request.form()
    token = form.get("csrf") or request.headers.get("x-csrf-token") or ""
    cookie = request.cookies.get("csrf") or ""
    if not cookie or not hmac.compare_digest(cookie.encode(), str(token).encode()):
        raise HTTPException(403, "the form's security token is missing or stale: reload the page and try again")
    origin = request.headers.get("origin")
    if origin and not same_origin(origin, request):
        raise HTTPException(403, f"a form from {origin[:100]} cannot act on this site")
    return form


def form_post(handler):
    """The handler of a form: on POST, runs only after checked_form, with the form in
    ``request.state.form``."""
    @functools.wraps(handler)
    async def checked(request: Request):
        if request.method == "POST":
            request.state.form = await checked_form(request)
        return await handler(request)
    checked.csrf_checked = True
    return checked


def is_checked(endpoint) -> bool:
    return getattr(endpoint, "csrf_checked", False)
