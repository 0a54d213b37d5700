"""Every request of the review page passes here.

Frontier (outermost, pure ASGI, around Starlette's own error handling): takes the scheme, host and
client address from X-Forwarded-* headers when, and only when, the connection comes from a
trusted proxy; refuses a Host the page is not served as (DNS rebinding); and puts the security
headers on every response, errors included (404, 405, 500 and its own refusals). Guard (inside):
the login (when required), the feed token and the CSRF cookie.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Iterable
from urllib.parse import parse_qsl, quote, urlencode, urlsplit

from starlette.datastructures import MutableHeaders
from starlette.middleware.base import BaseHTTPMiddleware
from starlette.requests import Request
from starlette.responses import (
    JSONResponse,
    PlainTextResponse,
    RedirectResponse,
    Response,
)

from storage import users as user_store

from .auth import new_token, token_hash

CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
       "form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
HSTS = "max-age=31536000"  # a year; sent only over HTTPS (a browser ignores it over HTTP anyway)
LOOPBACK_NAMES = frozenset({"localhost"})
DEFAULT_PORTS = {"http": 80, "https": 443}


def local_path(target: str | None, default: str = "/") -> str:
    """Only a path on this site is a redirect target (never //host or a scheme)."""
    if not target or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return default
    return target


def without_token(target: str) -> str:
    """A path with its query, less any ``token=`` (a feed token must not travel into another URL)."""
    path, sep, query = target.partition("?")
    if not sep:
        return target
    kept = [(k, v) for k, v in parse_qsl(query, keep_blank_values=True) if k != "token"]
    return path + (f"?{urlencode(kept)}" if kept else "")


def split_host(value: str) -> tuple[str, int | None] | None:
    """``name``, ``name:port``, ``1.2.3.4:port``, ``[::1]:port`` -> (lower-case host without
    brackets or trailing dot, port or None); None when it is not a host at all."""
    value = value.strip().lower()
    if not value or any(c in value for c in "/\\@?#% \t"):
        return None
    try:
        parts = urlsplit(f"//{value}")
        host, port = parts.hostname, parts.port
    except ValueError:
        return None
    if not host:
        return None
    return host.rstrip("."), port


def normal_host(value: str) -> str:
    """A configured host name or address as split_host gives it (port and brackets dropped)."""
    bare = value.strip().strip("[]")
    parsed = (bare.lower(), None) if _is_ip(bare) else split_host(value)
    if parsed is None:
        raise ValueError(f"not a host name or address: {value!r}")
    return parsed[0]


def _is_ip(host: str) -> bool:
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return False
    return True


class HostPolicy:
    """Which Host headers the page answers: localhost, any IP address (loopback ones included),
    and the names it was configured with (--host, --allowed-host).

    Why: a page that answers any Host can be read by any web site through DNS rebinding (the
    site's name is made to resolve to 127.0.0.1, and the browser then treats the page as that
    site's own). Such a request always carries the attacker's *name* in Host; an IP address in
    Host is the page's own origin in the browser (nobody else's page can be served from it), so
    addresses are accepted, names only when configured."""

    def __init__(self, names: Iterable[str] = ()):
        self.names = LOOPBACK_NAMES | {normal_host(n) for n in names if n and n.strip()}

    def allows(self, host: str) -> bool:
        return host in self.names or _is_ip(host)


class ProxyPolicy:
    """The proxies whose X-Forwarded-Proto, X-Forwarded-Host and X-Forwarded-For are believed:
    addresses or networks (``127.0.0.1``, ``10.0.0.0/8``). From any other client those headers
    are ignored, so nobody can claim HTTPS or another address by sending them."""

    def __init__(self, proxies: Iterable[str] = ()):
        self.networks = [parse_proxy(p) for p in proxies]

    def __bool__(self) -> bool:
        return bool(self.networks)

    def trusts(self, address: str | None) -> bool:
        if not address or not self.networks:
            return False
        try:
            ip = ipaddress.ip_address(address.split("%")[0])
        except ValueError:
            return False
        if ip.version == 6 and ip.ipv4_mapped:
            ip = ip.ipv4_mapped
        return any(ip in net for net in self.networks)


def parse_proxy(value: str):
    """A trusted proxy as written on the command line: an address or a network."""
    try:
        return ipaddress.ip_network(value.strip().strip("[]"), strict=False)
    except ValueError:
        raise ValueError(f"a proxy is an IP address or network (127.0.0.1, 10.0.0.0/8), not {value!r}") from None


class Frontier:
    """The outermost layer (see the module's docstring); wraps Starlette's whole stack."""

    def __init__(self, app, *, hosts: HostPolicy, proxies: ProxyPolicy):
        self.app, self.hosts, self.proxies = app, hosts, proxies

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        scope = self._through_proxy(scope)
        https = scope.get("scheme") == "https"
        static = scope.get("path", "").startswith("/static/")

        async def send_secured(message) -> None:
            if message["type"] == "http.response.start":
                add_security_headers(MutableHeaders(scope=message), https=https, static=static)
            await send(message)

        host = next((v.decode("latin-1") for k, v in scope["headers"] if k == b"host"), "")
        parsed = split_host(host)
        if parsed is None or not self.hosts.allows(parsed[0]):
            shown = host[:100] if host.isprintable() else "?"
            response = PlainTextResponse(
                f"This page is not served as {shown!r}. Open it by the address it is served on; to serve "
                "it under another name, start it with --allowed-host NAME.\n", status_code=421)
            await response(scope, receive, send_secured)
            return
        await self.app(scope, receive, send_secured)

    def _through_proxy(self, scope):
        client = scope.get("client")
        if not self.proxies or not self.proxies.trusts(client[0] if client else None):
            return scope
        headers = {}
        for k, v in scope["headers"]:
            if k in (b"x-forwarded-proto", b"x-forwarded-host", b"x-forwarded-for"):
                headers[k] = (headers[k] + b"," + v) if k in headers else v
        if not headers:
            return scope
        scope = dict(scope)
        proto = headers.get(b"x-forwarded-proto", b"").decode("latin-1").split(",")[-1].strip().lower()
        if proto in ("http", "https"):
            scope["scheme"] = proto
        fwd_host = headers.get(b"x-forwarded-host", b"").decode("latin-1").split(",")[-1].strip()
        if fwd_host:
            scope["headers"] = [(k, v) for k, v in scope["headers"] if k != b"host"] + \
                [(b"host", fwd_host.encode("latin-1"))]
        chain = [a.strip() for a in headers.get(b"x-forwarded-for", b"").decode("latin-1").split(",") if a.strip()]
        chain = [_address(a) for a in chain]
        for address in reversed(chain):  # each proxy appends: the first untrusted one is the client
            if not self.proxies.trusts(address):
                scope["client"] = (address, 0)
                break
        else:
            if chain:
                scope["client"] = (chain[0], 0)
        return scope


def _address(value: str) -> str:
    """An X-Forwarded-For entry without its port, if it has one (1.2.3.4:5678, [2001:db8::1]:80)."""
    if value.startswith("[") and "]" in value:
        return value[1:value.index("]")]
    if value.count(":") == 1:
        return value.split(":")[0]
    return value


def add_security_headers(headers: MutableHeaders, *, https: bool, static: bool) -> None:
    headers["Content-Security-Policy"] = CSP
    headers["X-Content-Type-Options"] = "nosniff"
    headers["Referrer-Policy"] = "same-origin"  # no-referrer would make form POSTs send "Origin: null"
    headers["X-Frame-Options"] = "DENY"
    if not static:
        headers["Cache-Control"] = "no-store"
    if https:
        headers["Strict-Transport-Security"] = HSTS


def same_origin(origin: str, request: Request) -> bool:
    """Whether an Origin header names this very page: the request's scheme, host and port (the
    host was already checked against the allowed ones by Frontier)."""
    try:
        parts = urlsplit(origin)
        port = parts.port
    except ValueError:
        return False
    here = split_host(request.headers.get("host", ""))
    scheme = request.url.scheme
    if parts.scheme != scheme or not parts.hostname or here is None or parts.path or parts.query:
        return False
    default = DEFAULT_PORTS.get(scheme)
    return (parts.hostname.rstrip(".").lower() == here[0]
            and (port or default) == (here[1] or default))


class Guard(BaseHTTPMiddleware):
    """Sets ``request.state.user`` (the session's user; on loopback, the local user) and
    ``request.state.csrf``; without a login where one is required, answers 401 (API) or sends
    the browser to /login. A feed URL may carry a user's feed token instead of a session.
    ``call(fn, *args)`` runs ``fn(db, *args)`` on a connection of the app's pool, off the event loop."""

    def __init__(self, app, *, call, require_login: bool, local_user: str):
        super().__init__(app)
        self.call, self.require_login, self.local_user = call, require_login, local_user

    async def dispatch(self, request: Request, call_next) -> Response:
        request.state.csrf = request.cookies.get("csrf") or new_token()
        request.state.user = self.local_user
        path = request.url.path
        if self.require_login:
            request.state.user = await self._user(request, path)
            public = path in ("/login", "/favicon.ico") or path.startswith("/static/")
            if request.state.user is None and not public:
                if path.startswith("/api/"):
                    return csrf_cookie(JSONResponse({"error": "login required"}, status_code=401), request)
                here = without_token(path + (f"?{request.url.query}" if request.url.query else ""))
                return csrf_cookie(RedirectResponse("/login?next=" + quote(local_path(here)), status_code=303),
                                   request)
        return csrf_cookie(await call_next(request), request)

    async def _user(self, request: Request, path: str) -> str | None:
        token = request.cookies.get("session")
        user = await self.call(user_store.session_user, token_hash(token)) if token else None
        feed_token = request.query_params.get("token")
        if user is None and feed_token and path.startswith("/feeds/"):
            user = await self.call(user_store.feed_token_user, token_hash(feed_token))
        return user


def csrf_cookie(response: Response, request: Request) -> Response:
    """The CSRF cookie, on the first response to a browser that has none."""
    if "csrf" not in request.cookies:
        response.set_cookie("csrf", request.state.csrf, httponly=True, samesite="strict",
                            secure=request.url.scheme == "https")
    return response
