"""What every handler of the review page shares: the database call, rendering, errors and the
parsing of query parameters.

Handlers are module-level functions of one request; all they need of the app (the connection
pool, the registry and taxonomy, the templates, the settings) is on ``request.app.state``, put
there by ``create_app``.
"""

from __future__ import annotations

from pathlib import Path

from jinja2 import Environment, FileSystemLoader, pass_context, select_autoescape
from markupsafe import Markup
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, RedirectResponse
from starlette.templating import Jinja2Templates

from storage import review
from storage.articles import clean_text

from ..links import safe_url
from .health import banner as health_banner
from .reach import chain_suppliers
from .security import local_path
from .timefmt import when as when_of

HERE = Path(__file__).parent
PER_PAGE = 50  # stories on a page of the inbox (and by default in /api/stories)

_YES, _NO = ("1", "true", "on", "yes"), ("", "0", "false", "off", "no")


# -- the database ----------------------------------------------------------------------------

async def run_db(pool, fn, *args, **kwargs):
    """fn(db, *args, **kwargs) in a worker thread, on a connection of the pool."""
    def work():
        with pool.connection() as db:
            return fn(db, *args, **kwargs)
    return await run_in_threadpool(work)


async def chain_links(request: Request, params):
    """The supply links in force (the file's with the staff's changes) when ``params`` asks for
    chain reach (``chain=1``), for ``filters_of``; else None (no query)."""
    if (params.get("chain") or "").strip().lower() not in _YES:  # a bad value: filters_of says so
        return None
    from ..supply_state import effective_links

    return await call(request, effective_links)


async def call(request: Request, fn, *args, **kwargs):
    """fn(db, *args, **kwargs) on a connection of the app's pool, off the event loop."""
    return await run_db(request.app.state.pool, fn, *args, **kwargs)


# -- responses -------------------------------------------------------------------------------

def make_templates() -> Jinja2Templates:
    env = Environment(loader=FileSystemLoader(str(HERE / "templates")), autoescape=select_autoescape(default=True),
                      trim_blocks=True, lstrip_blocks=True, finalize=printable)
    env.filters["safe_url"] = safe_url
    env.filters["day"] = lambda v: (v or "")[:10]
    env.filters["snippet_parts"] = snippet_parts
    env.filters["when"] = when_filter
    env.globals["health_banner"] = health_banner
    return Jinja2Templates(env=env)


def render(request: Request, template: str, status_code: int = 200, **context) -> HTMLResponse:
    state = request.app.state
    base = {"user": request.state.user, "csrf": request.state.csrf, "automakers": state.automakers,
            "topics": state.topics, "require_login": state.require_login, "names": state.names,
            "source_health": getattr(request.state, "source_health", None), "timezone": state.timezone}
    return state.templates.TemplateResponse(request, template, {**base, **context}, status_code=status_code)


@pass_context
def when_filter(context, value: str | None, default: str = "never") -> Markup:
    """``{{ s.last_run | when }}``: a stored time as "3 hours ago" or "yesterday 08:12" in the
    configured zone (the page's ``timezone``), the exact local time and ISO form on hover."""
    shown = when_of(value, context.get("timezone"))
    if shown is None:
        return Markup('<span class="when never">{}</span>').format(default)
    return Markup('<time datetime="{}" title="{}">{}</time>').format(shown.iso, shown.title, shown.text)


def wants_json(request: Request) -> bool:
    return "application/json" in request.headers.get("accept", "")


def error_page(request: Request, status: int, message: str):
    if request.url.path.startswith("/api/") or wants_json(request):
        return JSONResponse({"error": message}, status_code=status)
    return render(request, "error.html", status_code=status, status=status, message=message)


def done(request: Request, form, payload: dict):
    """The answer to a form's action: JSON to a script, else back to the form's ``next``."""
    if wants_json(request):
        return JSONResponse({"ok": True, **payload})
    return RedirectResponse(local_path(form.get("next")), status_code=303)


# -- parameters and values -------------------------------------------------------------------

def page_number(params) -> int:
    """?page=: 1 when absent; ValueError (400) when it is not a page number."""
    value = params.get("page") or "1"
    if not (value.isascii() and value.isdigit() and len(value) <= 6 and 1 <= int(value) <= review.MAX_PAGE):
        raise ValueError(f"page must be a whole number from 1 to {review.MAX_PAGE:,}")
    return int(value)


def flag(params, name: str) -> bool:
    """A yes/no query parameter (a checkbox sends "on"): 1, true, on, yes or 0, false, off, no,
    or absent (no); anything else a ValueError (400)."""
    value = (params.get(name) or "").strip().lower()
    if value in _YES:
        return True
    if value in _NO:
        return False
    raise ValueError(f"{name} must be 1 or 0, not {value[:20]!r}")


def filters_of(params, default_status: str | None = "inbox", links=None) -> review.Filters:
    """The filters of a page, the API or a feed. ``mentions``: the automaker, topic and supplier
    filters take the stories that only mention the tag too (else only the stories about it)."""
    status = params.get("status", default_status or "all") or "all"
    values = {k: (params.get(k) or None) for k in ("automaker", "topic", "source", "kind", "since", "until")}
    # chain=1: the automaker filter also takes the stories naming one of its suppliers (monitor.web.reach)
    chain = chain_suppliers(values["automaker"], links) if flag(params, "chain") else ()
    return review.Filters(status=None if status == "all" else status, mentions=flag(params, "mentions"),
                          chain_suppliers=chain, supplier=supplier_param(params), **values)


def supplier_param(params) -> str | None:
    """?supplier=: the stories naming a supplier of the registry (nlp/data/suppliers.yaml), by
    its id; absent or empty: None. An id the registry does not have is a ValueError (400) naming
    the parameter, not an empty list that looks like a quiet news week."""
    value = (params.get("supplier") or "").strip()
    if not value:
        return None
    try:  # imported when asked for: the other filters work while the registry is missing or broken
        from nlp.suppliers import supplier_names

        known = supplier_names()
    except (ImportError, ValueError) as exc:  # SupplierRegistryError is a ValueError
        raise ValueError(f"supplier: the supplier registry could not be read ({exc})") from None
    if value not in known:
        raise ValueError(f"supplier must be the id of a supplier (see /supply-chain?all=1), not {value[:60]!r}")
    return value


def snippet_parts(snippet: str | None) -> list[tuple[str, bool]]:
    """FTS5's snippet with \x02 and \x03 around matches, as (text, is_match) pieces to escape."""
    parts = (snippet or "").split("\x02")
    out = [(parts[0], False)]
    for part in parts[1:]:
        hit, _, rest = part.partition("\x03")
        out += [(hit, True), (rest, False)]
    return [p for p in out if p[0]]


def role_label(role: str | None) -> str:
    return "the subject" if role == "subject" else "a mention"


def printable(value):
    """Every value a page prints loses what HTML and XML cannot carry (a NUL or ESC in a row
    stored before storage cleaned titles); escaping stays Jinja's."""
    if isinstance(value, Markup):
        return Markup(clean_text(str(value)))
    return clean_text(value) if isinstance(value, str) else value
