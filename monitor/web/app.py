"""The review page and its JSON API (Starlette, Jinja2 templates rendered on the server).

``create_app`` builds the app's state, its routes and its middleware; the handlers are plain
functions of a request, one module per page (inbox, search, article, post, stories, facets,
feeds, digests, sources, login, api), reading what they share from ``request.app.state``.

Handlers are thin: parse the request, call functions of ``storage``, render. Handlers are
``async``, but SQLite is synchronous, so no handler calls it on the event loop: every database
call goes through ``common.call`` (a thread of the pool Starlette and anyio keep, with a
connection of its own from ConnectionPool), and so does the scrypt work of a login. A slow query
then holds one thread and one connection, never the loop: every other request, static files
included, is answered meanwhile (WAL lets readers work beside a writer; writes begin with BEGIN
IMMEDIATE and wait their turn). Every form POST is checked against CSRF by ``csrf.form_post``.
"""

from __future__ import annotations

import contextlib
import functools
import queue
import threading
from collections.abc import Iterable
from pathlib import Path

from starlette.applications import Starlette
from starlette.convertors import Convertor, register_url_convertor
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from nlp.registry import load_registry
from nlp.taxonomy import load_taxonomy
from storage import open_db

from ..links import safe_url  # noqa: F401  (re-exported: tests import it from here)
from . import (
    api,
    article,
    digests,
    facets,
    favicon,
    feeds,
    inbox,
    login,
    post,
    proposals,
    saved,
    search,
    sources,
    stories,
    supply,
)
from .auth import LoginThrottle, dummy_hash, os_user
from .common import PER_PAGE, make_templates, run_db, snippet_parts  # noqa: F401  (re-exported)
from .csrf import is_checked
from .errors import http_error, server_error
from .health import HealthProbe
from .security import Frontier, Guard, HostPolicy, ProxyPolicy

HERE = Path(__file__).parent
POOL_SIZE = 8  # database connections of the page: as many requests at once use the database


class RowIdConvertor(Convertor[int]):
    """``{id:rowid}`` in a route: 1 to 18 ASCII digits, so an id always fits SQLite's integer and
    a longer one is simply no such page (404), never an OverflowError (500)."""

    regex = "[0-9]{1,18}"

    def convert(self, value: str) -> int:
        return int(value)

    def to_string(self, value: int) -> str:
        return str(value)


register_url_convertor("rowid", RowIdConvertor())


class ConnectionPool:
    """Up to ``size`` connections to one database, each used by one thread at a time (SQLite
    connections are opened with check_same_thread=False; the pool makes sure no two threads
    share one at once). The first is opened (and the schema migrated) at once, the others when
    requests overlap. A thread wanting a connection when all are busy waits for one."""

    def __init__(self, path: str | Path, size: int = POOL_SIZE):
        self.path = path
        self._slots = threading.BoundedSemaphore(size)
        self._idle: queue.LifoQueue = queue.LifoQueue()
        self._opened: list = []
        self._lock = threading.Lock()
        self._put(open_db(path))

    def _put(self, db) -> None:
        with self._lock:
            self._opened.append(db)
        self._idle.put(db)

    @contextlib.contextmanager
    def connection(self):
        with self._slots:
            try:
                db = self._idle.get_nowait()
            except queue.Empty:
                db = open_db(self.path, migrate=False)
                with self._lock:
                    self._opened.append(db)
            try:
                yield db
            finally:
                if db.conn.in_transaction:  # never hand on a connection in the middle of one
                    db.conn.rollback()
                self._idle.put(db)

    def close(self) -> None:
        with self._lock:
            opened, self._opened = self._opened, []
        for db in opened:
            db.close()


class ReviewApp(Starlette):
    """Starlette with Frontier around its whole stack, its error handling included, so the
    proxy, Host and header rules apply to every response (a 500 too)."""

    def __init__(self, *args, hosts: HostPolicy, proxies: ProxyPolicy, **kwargs):
        self.hosts, self.proxies = hosts, proxies
        super().__init__(*args, **kwargs)

    def build_middleware_stack(self):
        return Frontier(super().build_middleware_stack(), hosts=self.hosts, proxies=self.proxies)


def _bind_kind(endpoint, kind: str):
    """/automakers/... and /topics/... share their handlers: tell them which kind they serve."""
    @functools.wraps(endpoint)
    async def handler(request: Request):
        request.path_params["kind"] = kind
        return await endpoint(request)
    return handler


ROUTES = [
    Route("/", inbox.inbox_page),
    Route("/favicon.ico", favicon.favicon),
    Route("/search", search.search_page),
    Route("/articles/{article_id:rowid}", article.article_page),
    Route("/articles/{article_id:rowid}/tags", article.article_tags, methods=["POST"]),
    Route("/articles/{article_id:rowid}/post", post.post_page, methods=["GET", "POST"]),
    Route("/stories/{story_id:rowid}/status", stories.story_status, methods=["POST"]),
    Route("/stories/{story_id:rowid}/note", stories.story_note, methods=["POST"]),
    Route("/stories/review", stories.review_page, methods=["POST"]),
    Route("/stories/undo", stories.undo, methods=["POST"]),
    Route("/inbox/view", inbox.inbox_view, methods=["POST"]),
    Route("/automakers", _bind_kind(facets.facet_index, "automaker")),
    Route("/topics", _bind_kind(facets.facet_index, "topic")),
    Route("/automakers/{tag_id}", _bind_kind(facets.facet_page, "automaker")),
    Route("/topics/{tag_id}", _bind_kind(facets.facet_page, "topic")),
    Route("/supply-chain", supply.supply_page),
    Route("/supply-chain/links", proposals.link_change, methods=["POST"]),
    Route("/supply-chain/proposals", proposals.proposals_page),
    Route("/supply-chain/proposals/{proposal_id:rowid}", proposals.decide, methods=["POST"]),
    Route("/supply-chain/proposals/{proposal_id:rowid}/undo", proposals.undo, methods=["POST"]),
    Route("/suppliers/{supplier_id}", supply.supplier_page),
    Route("/sources", sources.sources_page),
    Route("/sources/{name}/resume", sources.source_resume, methods=["POST"]),
    Route("/digests", digests.digests_page),
    Route("/saved", saved.saved_page, methods=["GET", "POST"]),
    Route("/saved/{saved_id:rowid}", saved.open_saved),
    Route("/saved/{saved_id:rowid}/delete", saved.delete_saved, methods=["POST"]),
    Route("/feeds/saved/{saved_id:rowid}.atom", saved.saved_feed),
    Route("/feeds/starred.atom", feeds.feed),
    Route("/feeds/automakers/{tag_id}.atom", _bind_kind(feeds.feed, "automaker")),
    Route("/feeds/topics/{tag_id}.atom", _bind_kind(feeds.feed, "topic")),
    Route("/digests/{digest_id:rowid}", digests.digest_page),
    Route("/digests/{digest_id:rowid}.{fmt}", digests.digest_page),
    Route("/login", login.login_page, methods=["GET", "POST"]),
    Route("/logout", login.logout, methods=["POST"]),
    Route("/api/stories", api.api_stories),
    Route("/api/articles/{article_id:rowid}", api.api_article),
    Route("/api/search", api.api_search),
    Route("/api/corrections", api.api_corrections),
]
for _route in ROUTES:  # no form reaches a handler past the CSRF check
    if "POST" in (_route.methods or ()) and not is_checked(_route.endpoint):
        raise RuntimeError(f"POST {_route.path} is not declared @form_post (no CSRF check)")


def create_app(db_path: str | Path, *, require_login: bool = False, local_user: str | None = None,
               schedule_settings=None, allowed_hosts: Iterable[str] = (), trusted_proxies: Iterable[str] = (),
               pool_size: int = POOL_SIZE, settings=None) -> Starlette:
    """The app over one database. With require_login every page but /login needs a session.

    ``allowed_hosts``: the names (besides localhost and IP addresses) the page may be asked for
    by in the Host header: the --host it is bound to and any name it is served under; any other
    Host is refused (421), against DNS rebinding. ``trusted_proxies``: addresses or networks of
    reverse proxies whose X-Forwarded-Proto, -Host and -For are believed (run uvicorn with
    proxy_headers=False: this app does it). Raises ValueError for a malformed host or proxy.

    ``settings``: feeds.yaml's (monitor.config.Settings) when the page is served with it: its
    sources are listed before they first run, its digest time zone is the one pages show times
    in, its schedule the sources page's (``schedule_settings`` alone, without the rest)."""
    hosts, proxies = HostPolicy(allowed_hosts), ProxyPolicy(trusted_proxies)
    pool = ConnectionPool(db_path, pool_size)
    if require_login:
        dummy_hash()  # made now, so that not even the first unknown name takes longer than a known one
    registry = load_registry()
    automakers = sorted(((a.id, a.name, a.ranked) for a in registry.automakers), key=lambda a: (not a[2], a[1]))
    taxonomy = load_taxonomy()
    topics = [(t.id, t.name) for t in taxonomy]

    @contextlib.asynccontextmanager
    async def lifespan(app):
        yield
        pool.close()

    routes = [*ROUTES, Mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")]
    guard = Middleware(Guard, call=functools.partial(run_db, pool), require_login=require_login,
                       local_user=local_user or os_user())
    probe = Middleware(HealthProbe, call=functools.partial(run_db, pool))  # the banner's data, after the login check
    app = ReviewApp(routes=routes, hosts=hosts, proxies=proxies, lifespan=lifespan, middleware=[guard, probe],
                    exception_handlers={HTTPException: http_error, Exception: server_error})
    state = app.state
    state.pool = pool
    state.login_throttle = LoginThrottle()
    state.require_login = require_login
    state.schedule_settings = schedule_settings or (settings.schedule if settings else None)
    state.configured_sources = settings.sources if settings else ()
    state.timezone = settings.digest.timezone if settings else "UTC"
    state.registry, state.taxonomy = registry, taxonomy
    state.automakers, state.topics = automakers, topics
    state.names = {("automaker", a[0]): a[1] for a in automakers} | {("topic", t[0]): t[1] for t in topics}
    state.templates = make_templates()
    return app
