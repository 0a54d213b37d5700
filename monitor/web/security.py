"""Every request of the review page passes here: the login (when required), the CSRF cookie, and
the security headers on every response."""

from __future__ import annotations

from urllib.parse import quote

from starlette.middleware.base import BaseHTTPMiddleware
from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response

from storage import users as user_store

from .auth import new_token, token_hash

CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
       "form-action 'self'; base-uri 'none'; frame-ancestors 'none'")


def local_path(target: str | None, default: str = "/") -> str:
    """Only a path on this site is a redirect target (never //host or a scheme)."""
    if not target or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return default
    return target


class Guard(BaseHTTPMiddleware):
    """Sets ``request.state.user`` (the session's user; on loopback, the local user) and
    ``request.state.csrf``; without a login where one is required, answers 401 (API) or sends
    the browser to /login. A feed URL may carry a user's feed token instead of a session."""

    def __init__(self, app, *, db, require_login: bool, local_user: str):
        super().__init__(app)
        self.db, self.require_login, self.local_user = db, require_login, local_user

    async def dispatch(self, request: Request, call_next) -> Response:
        request.state.csrf = request.cookies.get("csrf") or new_token()
        request.state.user = self.local_user
        path = request.url.path
        if self.require_login:
            request.state.user = self._user(request, path)
            if request.state.user is None and path != "/login" and not path.startswith("/static/"):
                if path.startswith("/api/"):
                    return secure(JSONResponse({"error": "login required"}, status_code=401), request)
                here = path + (f"?{request.url.query}" if request.url.query else "")
                return secure(RedirectResponse("/login?next=" + quote(local_path(here)), status_code=303), request)
        return secure(await call_next(request), request)

    def _user(self, request: Request, path: str) -> str | None:
        token = request.cookies.get("session")
        user = user_store.session_user(self.db, token_hash(token)) if token else None
        feed_token = request.query_params.get("token")
        if user is None and feed_token and path.startswith("/feeds/"):
            user = user_store.feed_token_user(self.db, token_hash(feed_token))
        return user


def secure(response: Response, request: Request) -> Response:
    if "csrf" not in request.cookies:
        response.set_cookie("csrf", request.state.csrf, httponly=True, samesite="strict",
                            secure=request.url.scheme == "https")
    response.headers["Content-Security-Policy"] = CSP
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Referrer-Policy"] = "same-origin"  # no-referrer would make form POSTs send "Origin: null"
    response.headers["X-Frame-Options"] = "DENY"
    if not request.url.path.startswith("/static/"):
        response.headers["Cache-Control"] = "no-store"
    return response
