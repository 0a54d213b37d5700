"""The sources: their health and last runs, grouped by state, and resuming a paused one
(GET /sources, POST /sources/{name}/resume)."""

from __future__ import annotations

from dataclasses import dataclass

from starlette.requests import Request
from starlette.responses import RedirectResponse

from storage import actions
from storage.sources import SourceRow, last_runs, list_sources, with_configured
from storage.sources import resume as resume_source

from ..errors import failure_summary, group_failures, kind_label
from .common import call, error_page, render
from .csrf import form_post

# The page's sections, in the order a person acts on them: what is broken first, the quiet rest last.
SECTIONS = (
    ("failing", "Failing", "Their last run failed; each is retried with a growing delay, and paused after too many "
                           "failures in a row."),
    ("paused", "Paused", "Failed too often in a row: no longer fetched until someone resumes them."),
    ("never fetched", "Never fetched", "Configured, but not run yet: their health is not known."),
    ("possibly stale", "Possibly stale", "They answer, but have given no new article for a long time."),
    ("ok", "Healthy", ""),
    ("disabled", "Disabled", "Turned off in feeds.yaml (enabled: false)."),
)


@dataclass(frozen=True)
class Section:
    state: str
    title: str
    note: str
    rows: tuple[SourceRow, ...]


def sections(rows: list[SourceRow], states: dict[str, str]) -> list[Section]:
    """The sources by state, in SECTIONS' order; a state with no source has no section."""
    out = []
    for state, title, note in SECTIONS:
        members = tuple(r for r in rows if states[r.name] == state)
        if members:
            out.append(Section(state, title, note, members))
    return out


async def sources_page(request: Request):
    from ..config import ScheduleSettings
    from ..schedule import health

    state = request.app.state
    stored, runs = await call(request, lambda db: (list_sources(db), last_runs(db)))
    rows = with_configured(stored, state.configured_sources)  # a configured source that never ran is shown too
    settings = state.schedule_settings or ScheduleSettings()
    states = {r.name: health(r, settings) for r in rows}
    groups = group_failures(rows)  # failing sources by their error's kind, as Miniflux groups feed errors
    return render(request, "sources.html", sources=rows, sections=sections(rows, states), states=states,
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
