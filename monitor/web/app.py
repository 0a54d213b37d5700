"""The review page and its JSON API (Starlette, Jinja2 templates rendered on the server).

Handlers are thin: parse the request, call functions of ``storage``, render. Handlers are
``async``, but SQLite is synchronous, so no handler calls it on the event loop: every database
call goes through ``call`` (a thread of the pool Starlette and anyio keep, with a connection of
its own from ConnectionPool), and so does the scrypt work of a login. A slow query then holds one
thread and one connection, never the loop: every other request, static files included, is
answered meanwhile (WAL lets readers work beside a writer; writes begin with BEGIN IMMEDIATE and
wait their turn).
"""

from __future__ import annotations

import contextlib
import html
import hmac
import queue
import threading
from collections.abc import Iterable
from pathlib import Path
from urllib.parse import urlencode

from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.convertors import Convertor, register_url_convertor
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.templating import Jinja2Templates

from nlp.registry import load_registry
from nlp.taxonomy import load_taxonomy
from storage import actions, open_db, review
from storage import digests as digest_store
from storage import users as user_store
from storage.db import unusable
from storage.articles import clean_text, resolve_item
from storage.coverage import coverage
from storage.export import corrections_export
from storage.sources import last_runs, list_sources
from storage.sources import resume as resume_source
from storage.tags import ROLES, role_counts, story_tags

from ..links import safe_url
from .auth import LoginThrottle, address_key, check_login, dummy_hash, new_token, os_user, token_hash
from .charts import weekly_bars
from .highlight import Evidence, highlight, sentences
from .security import (
    Frontier,
    Guard,
    HostPolicy,
    ProxyPolicy,
    local_path,
    same_origin,
    without_token,
)

HERE = Path(__file__).parent
PER_PAGE = 50
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


def page_number(params) -> int:
    """?page=: 1 when absent; ValueError (400) when it is not a page number."""
    value = params.get("page") or "1"
    if not (value.isascii() and value.isdigit() and len(value) <= 6 and 1 <= int(value) <= review.MAX_PAGE):
        raise ValueError(f"page must be a whole number from 1 to {review.MAX_PAGE:,}")
    return int(value)


def snippet_parts(snippet: str | None) -> list[tuple[str, bool]]:
    """FTS5's snippet with \x02 and \x03 around matches, as (text, is_match) pieces to escape."""
    parts = (snippet or "").split("\x02")
    out = [(parts[0], False)]
    for part in parts[1:]:
        hit, _, rest = part.partition("\x03")
        out += [(hit, True), (rest, False)]
    return [p for p in out if p[0]]


_YES, _NO = ("1", "true", "on", "yes"), ("", "0", "false", "off", "no")


def flag(params, name: str) -> bool:
    """A yes/no query parameter (a checkbox sends "on"): 1, true, on, yes or 0, false, off, no,
    or absent (no); anything else a ValueError (400)."""
    value = (params.get(name) or "").strip().lower()
    if value in _YES:
        return True
    if value in _NO:
        return False
    raise ValueError(f"{name} must be 1 or 0, not {value[:20]!r}")


def _filters(params, default_status: str | None = "inbox") -> review.Filters:
    """The filters of a page, the API or a feed. ``mentions``: the automaker and topic filters
    take the stories that only mention the tag too (else only the stories about it)."""
    status = params.get("status", default_status or "all") or "all"
    values = {k: (params.get(k) or None) for k in ("automaker", "topic", "source", "kind", "since", "until")}
    return review.Filters(status=None if status == "all" else status, mentions=flag(params, "mentions"), **values)


def role_label(role: str | None) -> str:
    return "the subject" if role == "subject" else "a mention"


def _printable(value):
    """Every value a page prints loses what HTML and XML cannot carry (a NUL or ESC in a row
    stored before storage cleaned titles); escaping stays Jinja's."""
    if isinstance(value, Markup):
        return Markup(clean_text(str(value)))
    return clean_text(value) if isinstance(value, str) else value


def create_app(db_path: str | Path, *, require_login: bool = False, local_user: str | None = None,
               schedule_settings=None, allowed_hosts: Iterable[str] = (), trusted_proxies: Iterable[str] = (),
               pool_size: int = POOL_SIZE) -> Starlette:
    """The app over one database. With require_login every page but /login needs a session.

    ``allowed_hosts``: the names (besides localhost and IP addresses) the page may be asked for
    by in the Host header: the --host it is bound to and any name it is served under; any other
    Host is refused (421), against DNS rebinding. ``trusted_proxies``: addresses or networks of
    reverse proxies whose X-Forwarded-Proto, -Host and -For are believed (run uvicorn with
    proxy_headers=False: this app does it). Raises ValueError for a malformed host or proxy."""
    hosts, proxies = HostPolicy(allowed_hosts), ProxyPolicy(trusted_proxies)
    pool = ConnectionPool(db_path, pool_size)
    throttle = LoginThrottle()
    if require_login:
        dummy_hash()  # made now, so that not even the first unknown name takes longer than a known one
    registry = load_registry()
    automakers = sorted(((a.id, a.name, a.ranked) for a in registry.automakers), key=lambda a: (not a[2], a[1]))
    taxonomy = load_taxonomy()
    topics = [(t.id, t.name) for t in taxonomy]
    names = {("automaker", a[0]): a[1] for a in automakers} | {("topic", t[0]): t[1] for t in topics}
    local_user = local_user or os_user()

    env = Environment(loader=FileSystemLoader(str(HERE / "templates")), autoescape=select_autoescape(default=True),
                      trim_blocks=True, lstrip_blocks=True, finalize=_printable)
    env.filters["safe_url"] = safe_url
    env.filters["day"] = lambda v: (v or "")[:10]
    env.filters["snippet_parts"] = snippet_parts
    templates = Jinja2Templates(env=env)

    def render(request: Request, template: str, status_code: int = 200, **context) -> HTMLResponse:
        base = {"user": request.state.user, "csrf": request.state.csrf, "automakers": automakers,
                "topics": topics, "require_login": require_login, "names": names}
        return templates.TemplateResponse(request, template, {**base, **context}, status_code=status_code)

    def error_page(request: Request, status: int, message: str):
        if request.url.path.startswith("/api/") or "application/json" in request.headers.get("accept", ""):
            return JSONResponse({"error": message}, status_code=status)
        return render(request, "error.html", status_code=status, status=status, message=message)

    async def call(fn, *args, **kwargs):
        """fn(db, *args, **kwargs) in a worker thread, on a connection of the pool."""
        def work():
            with pool.connection() as db:
                return fn(db, *args, **kwargs)
        return await run_in_threadpool(work)

    async def checked_form(request: Request):
        """The form of a POST, after the CSRF checks (token = cookie; Origin, if sent, is us:
        the scheme, and the host and port that Frontier allowed)."""
        form = await request.form()
        token = form.get("csrf") or request.headers.get("x-csrf-token") or ""
        cookie = request.cookies.get("csrf") or ""
        if not cookie or not hmac.compare_digest(cookie.encode(), str(token).encode()):
            raise HTTPException(403, "the form's security token is missing or stale: reload the page and try again")
        origin = request.headers.get("origin")
        if origin and not same_origin(origin, request):
            raise HTTPException(403, f"a form from {origin[:100]} cannot act on this site")
        return form

    def done(request: Request, form, payload: dict):
        if "application/json" in request.headers.get("accept", ""):
            return JSONResponse({"ok": True, **payload})
        return RedirectResponse(local_path(form.get("next")), status_code=303)

    # -- pages ---------------------------------------------------------------------------------

    async def inbox_page(request: Request):
        params = request.query_params

        def load(db):
            filters = _filters(params)
            page = review.inbox(db, filters, before=params.get("before"), limit=PER_PAGE)
            return filters, page, review.source_names(db)

        try:
            filters, page, sources = await call(load)
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

    async def search_page(request: Request):
        params = request.query_params
        query = params.get("q", "")
        result, message, page_no = None, None, 1
        try:
            page_no = page_number(params)
            filters = _filters(params, default_status=None)
            if query.strip():
                result = await call(review.search, query, filters, page=page_no)
        except (review.QueryError, ValueError) as exc:
            message = str(exc)
            filters = review.Filters(status=None)
        hit_tags = {}
        if result and result.hits:
            hit_tags = await call(story_tags, {h.story_id for h in result.hits if h.story_id is not None})
        pages = {}
        if result:
            keep = {k: v for k, v in params.items() if k != "page"}
            if page_no > 1:
                pages["previous"] = "/search?" + urlencode({**keep, "page": page_no - 1})
            if page_no * result.per_page < result.total and page_no < review.MAX_PAGE:
                pages["next"] = "/search?" + urlencode({**keep, "page": page_no + 1})
        return render(request, "search.html", status_code=400 if message else 200, query=query, result=result,
                      message=message, filters=filters, status=params.get("status", "all"),
                      sources=await call(review.source_names), pages=pages, hit_tags=hit_tags)

    async def article_page(request: Request):
        article_id = request.path_params["article_id"]

        def load(db):
            view = review.article_view(db, article_id)
            return view, digest_store.drafts_for(db, article_id) if view else []

        view, drafts = await call(load)
        if view is None:
            return error_page(request, 404, "no such article")
        evidence = [Evidence(t.name, t.evidence) for t in view.tags if t.evidence]
        paras, found = highlight(view.text, evidence)
        title, _ = highlight(view.title or "", evidence)  # the title is often a tag's best evidence
        present = {(t.kind, t.tag_id) for t in view.tags}
        return render(request, "article.html", a=view, paragraphs=paras, found=found, title=title[0] if title else [],
                      drafts=drafts, here=str(request.url.path), present=present,
                      sentences=sentences(view.text, view.title), role_label=role_label)

    async def facet_page(request: Request):
        kind = request.path_params["kind"]
        tag_id = request.path_params["tag_id"]
        if (kind, tag_id) not in names:
            return error_page(request, 404, f"no {kind} {tag_id!r}")
        try:
            mentions = flag(request.query_params, "mentions")
        except ValueError as exc:
            return error_page(request, 400, str(exc))
        cov = await call(coverage, kind, tag_id, mentions=mentions)
        name = names[(kind, tag_id)]
        which = f"about or mentioning {name}" if mentions else f"about {name}"
        chart = weekly_bars(f"{name}: stories per week, last 12 months ({which})", cov.weeks)
        info = registry.get(tag_id) if kind == "automaker" else next(t for t in taxonomy if t.id == tag_id)
        return render(request, "facet.html", kind=kind, tag_id=tag_id, name=name, cov=cov, chart=chart, info=info,
                      mentions=mentions)

    async def facet_index(request: Request):
        kind = request.path_params["kind"]
        try:
            mentions = flag(request.query_params, "mentions")
        except ValueError as exc:
            return error_page(request, 400, str(exc))
        counts = await call(role_counts, kind)
        return render(request, "facets.html", kind=kind, items=automakers if kind == "automaker" else topics,
                      counts=counts, mentions=mentions)

    async def post_page(request: Request):
        """GET: a new draft for a platform (or a saved one, ?draft=ID); POST: save the edited text."""
        from ..posts import PLATFORMS, draft_for, length

        article_id = request.path_params["article_id"]
        view = await call(review.article_view, article_id)
        if view is None:
            return error_page(request, 404, "no such article")
        if request.method == "POST":
            form = await checked_form(request)
            platform = str(form.get("platform", ""))
            if platform not in PLATFORMS:
                return error_page(request, 400, f"unknown platform {platform!r}")
            draft = str(form.get("draft") or "")
            try:
                draft_id = review.parse_id(draft, "draft") if draft else None
            except ValueError as exc:
                return error_page(request, 400, str(exc))
            saved = await call(digest_store.save_draft, article_id, platform, str(form.get("text", ""))[:10_000],
                               request.state.user, draft_id)
            return RedirectResponse(f"/articles/{article_id}/post?platform={platform}&draft={saved}", status_code=303)
        params = request.query_params
        platform = params.get("platform", "x")
        if platform not in PLATFORMS:
            return error_page(request, 400, f"unknown platform {platform!r}")
        drafts = await call(digest_store.drafts_for, article_id)
        chosen = next((d for d in drafts if str(d["id"]) == params.get("draft")), None)
        if chosen:
            text, platform = chosen["text"], chosen["platform"]
        else:
            text = draft_for(view, platform, registry=registry, topics=taxonomy,
                             use="evidence" if params.get("use") == "evidence" else "headline").text
        limit, link_length, weighted = PLATFORMS[platform]
        return render(request, "post.html", a=view, platform=platform, platforms=list(PLATFORMS), text=text,
                      length=length(text, platform), limit=limit, link_length=link_length or 0, weighted=weighted,
                      draft=chosen, drafts=drafts, use=params.get("use", "headline"))

    async def feed(request: Request):
        from ..feedsout import atom

        kind = request.path_params.get("kind")
        tag_id = request.path_params.get("tag_id")
        base = f"{request.url.scheme}://{request.headers.get('host', 'localhost')}"  # a Host Frontier allowed
        subtitle = None
        if kind is None:
            page = await call(review.inbox, review.Filters(status="starred"), limit=100)
            title, path = "chargewatch: starred stories", "/feeds/starred.atom"
        else:
            if (kind, tag_id) not in names:
                return error_page(request, 404, f"no {kind} {tag_id!r}")
            try:
                mentions = flag(request.query_params, "mentions")
            except ValueError as exc:
                return error_page(request, 400, str(exc))
            # the stories about the tag; with ?mentions=1 also those naming it in passing
            page = await call(review.inbox, review.Filters(status=None, mentions=mentions, **{kind: tag_id}),
                              limit=100)
            name = names[(kind, tag_id)]
            title = f"chargewatch: {name}" + (" (mentions included)" if mentions else "")
            path = f"/feeds/{kind}s/{tag_id}.atom" + ("?mentions=1" if mentions else "")
            subtitle = f"Stories about {name}" + (" and stories that mention it in passing" if mentions else "")
        return Response(atom(title, base, path, page.stories, subtitle),
                        media_type="application/atom+xml; charset=utf-8")

    async def digests_page(request: Request):
        return render(request, "digests.html", digests=await call(digest_store.list_digests))

    async def digest_page(request: Request):
        found = await call(digest_store.get_digest, request.path_params["digest_id"])
        if found is None:
            return error_page(request, 404, "no such digest")
        record, bodies = found
        fmt = request.path_params.get("fmt")
        if fmt:  # a download: never rendered here (the HTML e-mail has inline styles)
            if fmt not in ("html", "md", "text"):
                return error_page(request, 404, "no such format")
            ext = {"html": "html", "md": "md", "text": "txt"}[fmt]
            return Response(bodies[fmt], media_type="text/plain; charset=utf-8" if fmt != "html" else "text/html; charset=utf-8",
                            headers={"Content-Disposition": f'attachment; filename="digest-{record.id}.{ext}"'})
        return render(request, "digest.html", record=record, text=bodies["text"])

    async def sources_page(request: Request):
        from ..config import ScheduleSettings
        from ..schedule import health

        rows, runs = await call(lambda db: (list_sources(db), last_runs(db)))
        settings = schedule_settings or ScheduleSettings()
        return render(request, "sources.html", sources=rows, states={r.name: health(r, settings) for r in rows},
                      runs=runs)

    async def source_resume(request: Request):
        await checked_form(request)
        name = request.path_params["name"]
        user = request.state.user

        def resume(db):
            if resume_source(db, name) == "unknown":
                return False
            actions.log_action(db, user, "resume", name)
            return True

        if not await call(resume):
            return error_page(request, 404, f"no source {name!r}")
        return RedirectResponse("/sources", status_code=303)

    # -- actions -------------------------------------------------------------------------------

    async def story_status(request: Request):
        form = await checked_form(request)
        story_id = request.path_params["story_id"]
        status, user = str(form.get("status", "")), request.state.user

        def act(db):
            if not actions.story_exists(db, story_id):
                return False
            actions.set_status(db, story_id, status, user)
            return True

        try:
            if not await call(act):
                return error_page(request, 404, "no such story")
        except ValueError as exc:
            return error_page(request, 400, str(exc))
        return done(request, form, {"story": story_id, "status": form.get("status")})

    async def story_note(request: Request):
        form = await checked_form(request)
        story_id = request.path_params["story_id"]
        note, user = str(form.get("note", "")), request.state.user

        def act(db):
            if not actions.story_exists(db, story_id):
                return False
            actions.set_note(db, story_id, note, user)
            return True

        if not await call(act):
            return error_page(request, 404, "no such story")
        return done(request, form, {"story": story_id})

    async def article_tags(request: Request):
        """Correct an article's tags: action=remove (tag=kind:id), action=role (tag, role=subject
        or mention), or action=add: one or more tag fields (the page's automaker and topic lists;
        empty ones are ignored), role (mention unless subject) and evidence (a sentence of the
        article, or empty for none)."""
        form = await checked_form(request)
        article_id = request.path_params["article_id"]
        action, user = str(form.get("action", "")), request.state.user
        chosen = [str(v) for v in form.getlist("tag") if str(v)] if action == "add" else [str(form.get("tag", ""))]
        role = str(form.get("role") or ("mention" if action == "add" else ""))
        evidence = str(form.get("evidence") or "").strip() or None

        def act(db):
            if resolve_item(db, f"article:{article_id}") is None:
                return 404, "no such article"
            if not chosen:
                return 400, "choose an automaker or a topic to add"
            tags = [tuple(tag.partition(":")[::2]) for tag in chosen]
            for (kind, tag_id), tag in zip(tags, chosen):
                if (kind, tag_id) not in names:
                    return 400, f"unknown tag {tag[:100]!r}"
            if action in ("add", "role") and role not in ROLES:
                return 400, f"role must be {' or '.join(ROLES)}, not {role[:20]!r}"
            present = {(k, t) for k, t in db.execute("SELECT kind, tag_id FROM tags WHERE article_id = ?",
                                                     [article_id])}
            for kind, tag_id in tags:
                if action == "add" and (kind, tag_id) in present:
                    return 400, (f"{names[(kind, tag_id)]} is already a tag of this article: set its role "
                                 "or remove it instead")
                if action == "role" and (kind, tag_id) not in present:
                    return 400, f"{names[(kind, tag_id)]} is not a tag of this article: add it first"
            for kind, tag_id in dict.fromkeys(tags):
                if action == "add":
                    actions.correct_tag(db, article_id, kind, tag_id, action, user, names[(kind, tag_id)],
                                        role=role, evidence=evidence)
                elif action == "role":
                    actions.correct_tag(db, article_id, kind, tag_id, action, user, names[(kind, tag_id)], role=role)
                else:
                    actions.correct_tag(db, article_id, kind, tag_id, action, user, names[(kind, tag_id)])
            return None

        try:
            refused = await call(act)
        except ValueError as exc:
            return error_page(request, 400, str(exc))
        if refused:
            return error_page(request, *refused)
        form_next = form.get("next") or f"/articles/{article_id}"
        if "application/json" in request.headers.get("accept", ""):
            return JSONResponse({"ok": True})
        return RedirectResponse(local_path(str(form_next)), status_code=303)

    # -- login -----------------------------------------------------------------------------------

    async def login_page(request: Request):
        if request.method == "GET":
            return render(request, "login.html", next=local_path(without_token(request.query_params.get("next") or "")),
                          message=None)
        form = await checked_form(request)
        name, password = str(form.get("name", ""))[:200], str(form.get("password", ""))[:1000]
        next_path = local_path(without_token(str(form.get("next") or "")))
        keys = [("name", name.casefold()), ("address", address_key(request.client.host if request.client else None))]
        wait = throttle.begin(keys)
        if wait > 0:
            minutes = max(1, round(wait / 60))
            response = render(request, "login.html", status_code=429, next=next_path,
                              message=f"too many failed logins for this name or from this address: try again in "
                                      f"{minutes} minute{'s' if minutes > 1 else ''}")
            response.headers["Retry-After"] = str(int(wait) + 1)
            return response
        ok = False
        try:
            stored = await call(user_store.password_hash, name)
            # the same scrypt work for a name that does not exist (a dummy hash), off the event loop
            ok = await run_in_threadpool(check_login, password, stored)
        finally:
            throttle.end(keys, ok)
        if not ok:
            return render(request, "login.html", status_code=401, next=next_path, message="wrong name or password")
        token = new_token()
        await call(user_store.create_session, token_hash(token), name)
        response = RedirectResponse(next_path, status_code=303)
        response.set_cookie("session", token, httponly=True, samesite="strict", max_age=14 * 86400,
                            secure=request.url.scheme == "https")
        return response

    async def logout(request: Request):
        await checked_form(request)
        token = request.cookies.get("session")
        if token:
            await call(user_store.delete_session, token_hash(token))
        response = RedirectResponse("/login" if require_login else "/", status_code=303)
        response.delete_cookie("session", httponly=True, samesite="strict", secure=request.url.scheme == "https")
        return response

    # -- JSON API --------------------------------------------------------------------------------

    async def api_stories(request: Request):
        params = request.query_params
        try:
            limit = min(max(int(params.get("limit", PER_PAGE)), 1), 500)
            filters = _filters(params)
            page = await call(review.inbox, filters, before=params.get("before"), limit=limit)
        except ValueError as exc:
            return JSONResponse({"error": str(exc)}, status_code=400)
        return JSONResponse({"filters": filters.as_dict(), "stories": [s.as_dict() for s in page.stories],
                             "next": page.next_cursor})

    async def api_article(request: Request):
        view = await call(review.article_view, request.path_params["article_id"])
        if view is None:
            return JSONResponse({"error": "no such article"}, status_code=404)
        return JSONResponse(view.as_dict())

    async def api_search(request: Request):
        params = request.query_params
        try:
            page_no = page_number(params)
            result = await call(review.search, params.get("q", ""), _filters(params, default_status=None), page=page_no)
        except (review.QueryError, ValueError) as exc:
            return JSONResponse({"error": str(exc)}, status_code=400)
        return JSONResponse({"query": result.query, "total": result.total, "total_capped": result.capped,
                             "ranked_among_newest": result.ranked_among, "page": result.page,
                             "per_page": result.per_page, "hits": [h.as_dict() for h in result.hits]})

    async def api_corrections(request: Request):
        return JSONResponse(await call(corrections_export))

    async def http_error(request: Request, exc: HTTPException):
        response = error_page(request, exc.status_code, exc.detail)
        response.headers.update(exc.headers or {})  # 405's Allow
        return response

    async def server_error(request: Request, exc: Exception):
        """Any unhandled exception: a plain 500 (Frontier adds the security headers; the
        traceback goes to the log, never to the page)."""
        message, status = "something went wrong on the server; the error is in its log", 500
        reason = unusable(exc)
        if reason:  # the disk is full or the file damaged: every page would fail the same way
            message, status = f"the database cannot be used: {reason}", 503
        if request.url.path.startswith("/api/") or "application/json" in request.headers.get("accept", ""):
            return JSONResponse({"error": message}, status_code=status)
        return HTMLResponse(f"<!doctype html><meta charset=utf-8><title>Error {status} · chargewatch</title>"
                            f"<h1>Error</h1><p>{html.escape(message)}.</p><p><a href=\"/\">Back to the inbox</a></p>",
                            status_code=status)

    @contextlib.asynccontextmanager
    async def lifespan(app):
        yield
        pool.close()

    routes = [
        Route("/", inbox_page),
        Route("/search", search_page),
        Route("/articles/{article_id:rowid}", article_page),
        Route("/articles/{article_id:rowid}/tags", article_tags, methods=["POST"]),
        Route("/articles/{article_id:rowid}/post", post_page, methods=["GET", "POST"]),
        Route("/stories/{story_id:rowid}/status", story_status, methods=["POST"]),
        Route("/stories/{story_id:rowid}/note", story_note, methods=["POST"]),
        Route("/automakers", _bind_kind(facet_index, "automaker")),
        Route("/topics", _bind_kind(facet_index, "topic")),
        Route("/automakers/{tag_id}", _bind_kind(facet_page, "automaker")),
        Route("/topics/{tag_id}", _bind_kind(facet_page, "topic")),
        Route("/sources", sources_page),
        Route("/sources/{name}/resume", source_resume, methods=["POST"]),
        Route("/digests", digests_page),
        Route("/feeds/starred.atom", feed),
        Route("/feeds/automakers/{tag_id}.atom", _bind_kind(feed, "automaker")),
        Route("/feeds/topics/{tag_id}.atom", _bind_kind(feed, "topic")),
        Route("/digests/{digest_id:rowid}", digest_page),
        Route("/digests/{digest_id:rowid}.{fmt}", digest_page),
        Route("/login", login_page, methods=["GET", "POST"]),
        Route("/logout", logout, methods=["POST"]),
        Route("/api/stories", api_stories),
        Route("/api/articles/{article_id:rowid}", api_article),
        Route("/api/search", api_search),
        Route("/api/corrections", api_corrections),
        Mount("/static", StaticFiles(directory=str(HERE / "static")), name="static"),
    ]
    app = ReviewApp(routes=routes, hosts=hosts, proxies=proxies, lifespan=lifespan,
                    middleware=[Middleware(Guard, call=call, require_login=require_login, local_user=local_user)],
                    exception_handlers={HTTPException: http_error, Exception: server_error})
    app.state.pool = pool
    app.state.login_throttle = throttle
    return app


def _bind_kind(endpoint, kind: str):
    """/automakers/... and /topics/... share their handlers: tell them which kind they serve."""
    async def handler(request: Request):
        request.path_params["kind"] = kind
        return await endpoint(request)
    return handler
