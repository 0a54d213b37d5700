"""The review page and its JSON API (Starlette, Jinja2 templates rendered on the server).

Handlers are thin: parse the request, call one function of ``storage.review``, render. The
database is used from the event loop's thread only (handlers are ``async`` and SQLite answers a
page in milliseconds), so one connection serves every request without locks.
"""

from __future__ import annotations

import hmac
from pathlib import Path
from urllib.parse import urlencode

from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.templating import Jinja2Templates

from nlp.registry import load_registry
from nlp.taxonomy import load_taxonomy
from storage import open_db
from storage import actions, review
from storage.articles import resolve_item
from storage.coverage import coverage
from storage.export import corrections_export
from storage import digests as digest_store
from storage import users as user_store
from storage.sources import last_runs, list_sources
from storage.sources import resume as resume_source

from ..links import safe_url
from .auth import new_token, os_user, token_hash, verify_password
from .security import Guard, local_path
from .charts import weekly_bars
from .highlight import Evidence, highlight

HERE = Path(__file__).parent
PER_PAGE = 50


def snippet_parts(snippet: str | None) -> list[tuple[str, bool]]:
    """FTS5's snippet with \x02 and \x03 around matches, as (text, is_match) pieces to escape."""
    parts = (snippet or "").split("\x02")
    out = [(parts[0], False)]
    for part in parts[1:]:
        hit, _, rest = part.partition("\x03")
        out += [(hit, True), (rest, False)]
    return [p for p in out if p[0]]


def _filters(params, default_status: str | None = "inbox") -> review.Filters:
    status = params.get("status", default_status or "all") or "all"
    values = {k: (params.get(k) or None) for k in ("automaker", "topic", "source", "kind", "since", "until")}
    return review.Filters(status=None if status == "all" else status, **values)


def create_app(db_path: str | Path, *, require_login: bool = False, local_user: str | None = None,
               schedule_settings=None) -> Starlette:
    """The app over one database. With require_login every page but /login needs a session."""
    db = open_db(db_path)
    registry = load_registry()
    automakers = sorted(((a.id, a.name, a.ranked) for a in registry.automakers), key=lambda a: (not a[2], a[1]))
    taxonomy = load_taxonomy()
    topics = [(t.id, t.name) for t in taxonomy]
    names = {("automaker", a[0]): a[1] for a in automakers} | {("topic", t[0]): t[1] for t in topics}
    local_user = local_user or os_user()

    env = Environment(loader=FileSystemLoader(str(HERE / "templates")), autoescape=select_autoescape(default=True),
                      trim_blocks=True, lstrip_blocks=True)
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

    async def checked_form(request: Request):
        """The form of a POST, after the CSRF checks (token = cookie; Origin, if sent, is us)."""
        form = await request.form()
        token = form.get("csrf") or request.headers.get("x-csrf-token") or ""
        cookie = request.cookies.get("csrf") or ""
        if not cookie or not hmac.compare_digest(cookie.encode(), str(token).encode()):
            raise HTTPException(403, "the form's security token is missing or stale: reload the page and try again")
        origin = request.headers.get("origin")
        if origin and origin != f"{request.url.scheme}://{request.headers.get('host', '')}":
            raise HTTPException(403, f"a form from {origin} cannot act on this site")
        return form

    def done(request: Request, form, payload: dict):
        if "application/json" in request.headers.get("accept", ""):
            return JSONResponse({"ok": True, **payload})
        return RedirectResponse(local_path(form.get("next")), status_code=303)

    # -- pages ---------------------------------------------------------------------------------

    async def inbox_page(request: Request):
        params = request.query_params
        try:
            filters = _filters(params)
            page = review.inbox(db, filters, before=params.get("before"), limit=PER_PAGE)
        except ValueError as exc:
            return error_page(request, 400, str(exc))
        next_url = None
        if page.next_cursor:
            next_url = "/?" + urlencode({**{k: v for k, v in params.items() if k != "before"}, "before": page.next_cursor})
        return render(request, "inbox.html", page=page, filters=filters, status=params.get("status", "inbox"),
                      sources=review.source_names(db), next_url=next_url, here=str(request.url.path) +
                      (f"?{request.url.query}" if request.url.query else ""))

    async def search_page(request: Request):
        params = request.query_params
        query = params.get("q", "")
        try:
            page_no = max(int(params.get("page", "1")), 1)
        except ValueError:
            page_no = 1
        result, message = None, None
        try:
            filters = _filters(params, default_status=None)
            if query.strip():
                result = review.search(db, query, filters, page=page_no)
        except (review.QueryError, ValueError) as exc:
            message = str(exc)
            filters = review.Filters(status=None)
        pages = {}
        if result:
            keep = {k: v for k, v in params.items() if k != "page"}
            if page_no > 1:
                pages["previous"] = "/search?" + urlencode({**keep, "page": page_no - 1})
            if page_no * result.per_page < result.total:
                pages["next"] = "/search?" + urlencode({**keep, "page": page_no + 1})
        return render(request, "search.html", status_code=400 if message else 200, query=query, result=result,
                      message=message, filters=filters, status=params.get("status", "all"),
                      sources=review.source_names(db), pages=pages)

    async def article_page(request: Request):
        view = review.article_view(db, request.path_params["article_id"])
        if view is None:
            return error_page(request, 404, "no such article")
        evidence = [Evidence(t.name, t.evidence) for t in view.tags if t.evidence]
        paras, found = highlight(view.text, evidence)
        title, _ = highlight(view.title or "", evidence)  # the title is often a tag's best evidence
        return render(request, "article.html", a=view, paragraphs=paras, found=found, title=title[0] if title else [],
                      drafts=digest_store.drafts_for(db, view.id),
                      here=str(request.url.path))

    async def facet_page(request: Request):
        kind = request.path_params["kind"]
        tag_id = request.path_params["tag_id"]
        if (kind, tag_id) not in names:
            return error_page(request, 404, f"no {kind} {tag_id!r}")
        cov = coverage(db, kind, tag_id)
        name = names[(kind, tag_id)]
        chart = weekly_bars(f"{name}: stories per week, last 12 months", cov.weeks)
        info = registry.get(tag_id) if kind == "automaker" else next(t for t in taxonomy if t.id == tag_id)
        return render(request, "facet.html", kind=kind, tag_id=tag_id, name=name, cov=cov, chart=chart, info=info)

    async def facet_index(request: Request):
        kind = request.path_params["kind"]
        return render(request, "facets.html", kind=kind, items=automakers if kind == "automaker" else topics)

    async def post_page(request: Request):
        """GET: a new draft for a platform (or a saved one, ?draft=ID); POST: save the edited text."""
        from ..posts import PLATFORMS, draft_for, length

        article_id = request.path_params["article_id"]
        view = review.article_view(db, article_id)
        if view is None:
            return error_page(request, 404, "no such article")
        if request.method == "POST":
            form = await checked_form(request)
            platform = str(form.get("platform", ""))
            if platform not in PLATFORMS:
                return error_page(request, 400, f"unknown platform {platform!r}")
            draft_id = form.get("draft")
            saved = digest_store.save_draft(db, article_id, platform, str(form.get("text", ""))[:10_000],
                                            request.state.user, int(draft_id) if str(draft_id or "").isdigit() else None)
            return RedirectResponse(f"/articles/{article_id}/post?platform={platform}&draft={saved}", status_code=303)
        params = request.query_params
        platform = params.get("platform", "x")
        if platform not in PLATFORMS:
            return error_page(request, 400, f"unknown platform {platform!r}")
        drafts = digest_store.drafts_for(db, article_id)
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
        base = f"{request.url.scheme}://{request.headers.get('host', 'localhost')}"
        if kind is None:
            page = review.inbox(db, review.Filters(status="starred"), limit=100)
            title, path = "chargewatch: starred stories", "/feeds/starred.atom"
        else:
            if (kind, tag_id) not in names:
                return error_page(request, 404, f"no {kind} {tag_id!r}")
            page = review.inbox(db, review.Filters(status=None, **{kind: tag_id}), limit=100)
            title, path = f"chargewatch: {names[(kind, tag_id)]}", f"/feeds/{kind}s/{tag_id}.atom"
        return Response(atom(title, base, path, page.stories), media_type="application/atom+xml; charset=utf-8")

    async def digests_page(request: Request):
        return render(request, "digests.html", digests=digest_store.list_digests(db))

    async def digest_page(request: Request):
        found = digest_store.get_digest(db, request.path_params["digest_id"])
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

        rows = list_sources(db)
        settings = schedule_settings or ScheduleSettings()
        return render(request, "sources.html", sources=rows, states={r.name: health(r, settings) for r in rows},
                      runs=last_runs(db))

    async def source_resume(request: Request):
        await checked_form(request)
        name = request.path_params["name"]
        if resume_source(db, name) == "unknown":
            return error_page(request, 404, f"no source {name!r}")
        actions.log_action(db, request.state.user, "resume", name)
        return RedirectResponse("/sources", status_code=303)

    # -- actions -------------------------------------------------------------------------------

    async def story_status(request: Request):
        form = await checked_form(request)
        story_id = request.path_params["story_id"]
        if not actions.story_exists(db, story_id):
            return error_page(request, 404, "no such story")
        try:
            actions.set_status(db, story_id, str(form.get("status", "")), request.state.user)
        except ValueError as exc:
            return error_page(request, 400, str(exc))
        return done(request, form, {"story": story_id, "status": form.get("status")})

    async def story_note(request: Request):
        form = await checked_form(request)
        story_id = request.path_params["story_id"]
        if not actions.story_exists(db, story_id):
            return error_page(request, 404, "no such story")
        actions.set_note(db, story_id, str(form.get("note", "")), request.state.user)
        return done(request, form, {"story": story_id})

    async def article_tags(request: Request):
        form = await checked_form(request)
        article_id = request.path_params["article_id"]
        if resolve_item(db, f"article:{article_id}") is None:
            return error_page(request, 404, "no such article")
        kind, _, tag_id = str(form.get("tag", "")).partition(":")
        if (kind, tag_id) not in names:
            return error_page(request, 400, f"unknown tag {form.get('tag')!r}")
        try:
            actions.correct_tag(db, article_id, kind, tag_id, str(form.get("action", "")), request.state.user,
                               names[(kind, tag_id)])
        except ValueError as exc:
            return error_page(request, 400, str(exc))
        form_next = form.get("next") or f"/articles/{article_id}"
        if "application/json" in request.headers.get("accept", ""):
            return JSONResponse({"ok": True})
        return RedirectResponse(local_path(str(form_next)), status_code=303)

    # -- login -----------------------------------------------------------------------------------

    async def login_page(request: Request):
        if request.method == "GET":
            return render(request, "login.html", next=local_path(request.query_params.get("next")), message=None)
        form = await checked_form(request)
        name, password = str(form.get("name", "")), str(form.get("password", ""))
        stored = user_store.password_hash(db, name)
        if stored is None or not verify_password(password, stored):
            return render(request, "login.html", status_code=401, next=local_path(form.get("next")),
                          message="wrong name or password")
        token = new_token()
        user_store.create_session(db, token_hash(token), name)
        response = RedirectResponse(local_path(form.get("next")), status_code=303)
        response.set_cookie("session", token, httponly=True, samesite="strict", max_age=14 * 86400,
                            secure=request.url.scheme == "https")
        return response

    async def logout(request: Request):
        await checked_form(request)
        token = request.cookies.get("session")
        if token:
            user_store.delete_session(db, token_hash(token))
        response = RedirectResponse("/login" if require_login else "/", status_code=303)
        response.delete_cookie("session")
        return response

    # -- JSON API --------------------------------------------------------------------------------

    async def api_stories(request: Request):
        params = request.query_params
        try:
            limit = min(max(int(params.get("limit", PER_PAGE)), 1), 500)
            filters = _filters(params)
            page = review.inbox(db, filters, before=params.get("before"), limit=limit)
        except ValueError as exc:
            return JSONResponse({"error": str(exc)}, status_code=400)
        return JSONResponse({"filters": filters.as_dict(), "stories": [s.as_dict() for s in page.stories],
                             "next": page.next_cursor})

    async def api_article(request: Request):
        view = review.article_view(db, request.path_params["article_id"])
        if view is None:
            return JSONResponse({"error": "no such article"}, status_code=404)
        return JSONResponse(view.as_dict())

    async def api_search(request: Request):
        params = request.query_params
        try:
            page_no = max(int(params.get("page", "1")), 1)
            result = review.search(db, params.get("q", ""), _filters(params, default_status=None), page=page_no)
        except (review.QueryError, ValueError) as exc:
            return JSONResponse({"error": str(exc)}, status_code=400)
        return JSONResponse({"query": result.query, "total": result.total, "total_capped": result.capped,
                             "ranked_among_newest": result.ranked_among, "page": result.page,
                             "per_page": result.per_page, "hits": [h.as_dict() for h in result.hits]})

    async def api_corrections(request: Request):
        return JSONResponse(corrections_export(db))

    async def http_error(request: Request, exc: HTTPException):
        return error_page(request, exc.status_code, exc.detail)

    routes = [
        Route("/", inbox_page),
        Route("/search", search_page),
        Route("/articles/{article_id:int}", article_page),
        Route("/articles/{article_id:int}/tags", article_tags, methods=["POST"]),
        Route("/articles/{article_id:int}/post", post_page, methods=["GET", "POST"]),
        Route("/stories/{story_id:int}/status", story_status, methods=["POST"]),
        Route("/stories/{story_id:int}/note", story_note, methods=["POST"]),
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
        Route("/digests/{digest_id:int}", digest_page),
        Route("/digests/{digest_id:int}.{fmt}", digest_page),
        Route("/login", login_page, methods=["GET", "POST"]),
        Route("/logout", logout, methods=["POST"]),
        Route("/api/stories", api_stories),
        Route("/api/articles/{article_id:int}", api_article),
        Route("/api/search", api_search),
        Route("/api/corrections", api_corrections),
        Mount("/static", StaticFiles(directory=str(HERE / "static")), name="static"),
    ]
    app = Starlette(routes=routes, middleware=[Middleware(Guard, db=db, require_login=require_login,
                                                          local_user=local_user)],
                    exception_handlers={HTTPException: http_error})
    app.state.db = db
    return app


def _bind_kind(endpoint, kind: str):
    """/automakers/... and /topics/... share their handlers: tell them which kind they serve."""
    async def handler(request: Request):
        request.path_params["kind"] = kind
        return await endpoint(request)
    return handler
