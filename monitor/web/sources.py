"""The sources: their health and last runs, and resuming a paused one (GET /sources,
POST /sources/{name}/resume)."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import RedirectResponse

from storage import actions
from storage.sources import last_runs, list_sources
from storage.sources import resume as resume_source

from ..errors import failure_summary, group_failures, kind_label
from .common import call, error_page, render
from .csrf import form_post


async def sources_page(request: Request):
    from ..config import ScheduleSettings
    from ..schedule import health

    rows, runs = await call(request, lambda db: (list_sources(db), last_runs(db)))
    settings = request.app.state.schedule_settings or ScheduleSettings()
    groups = group_failures(rows)  # failing sources by their error's kind, as Miniflux groups feed errors
    return render(request, "sources.html", sources=rows, states={r.name: health(r, settings) for r in rows},
                  runs=runs, failure_groups=groups, failure_summary=failure_summary(groups), kind_label=kind_label)


@form_post
async def source_resume(request: Request):
    name = request.path_params["name"]
    user = request.state.user

    def resume(db):
        if resume_source(db, name) == "unknown":
            return False
        actions.log_action(db, user, "resume", name)
        return True

    if not await call(request, resume):
        return error_page(request, 404, f"no source {name!r}")
    return RedirectResponse("/sources", status_code=303)
