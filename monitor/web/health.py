"""The sources' health on every page: a banner when any source is failing or paused, and what
the inbox says when it is empty (nothing fetched yet, every source failing, all reviewed).

A page is rendered synchronously (``common.render``) while the database is read in a worker
thread, so the health is read before the handler runs, by ``HealthProbe``: one query on the
sources table (storage.sources.source_health), only for requests that render a page.
"""

from __future__ import annotations

from starlette.types import ASGIApp, Receive, Scope, Send

from storage.sources import SourceHealth, source_health

# Requests that never render a page: no health is read for them.
_NO_PAGE = ("/static/", "/api/", "/feeds/")
_NO_PAGE_PATHS = ("/favicon.ico",)


class HealthProbe:
    """Puts the sources' health on ``request.state.source_health`` for GET requests of pages
    (under the login check, so a visitor who is not logged in never triggers it)."""

    def __init__(self, app: ASGIApp, *, call) -> None:
        self.app, self.call = app, call

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope.get("method") in ("GET", "HEAD"):
            path = scope.get("path", "")
            if not path.startswith(_NO_PAGE) and path not in _NO_PAGE_PATHS:
                scope.setdefault("state", {})["source_health"] = await self.call(source_health)
        await self.app(scope, receive, send)


def banner(health: SourceHealth | None) -> str:
    """The banner's sentence, or "" when every source is healthy: "3 of 18 sources failing, 1
    paused" (every page links it to /sources)."""
    if health is None or not health.troubled:
        return ""
    if health.all_failing:
        lead = f"Every source is failing ({health.sources} of {health.sources})"
        return lead + (f", {health.paused} paused" if health.paused else "")
    parts = []
    if health.failing:
        parts.append(f"{health.failing} of {health.sources} {'source' if health.sources == 1 else 'sources'} failing")
    if health.paused:
        parts.append(f"{health.paused} paused after repeated failures")
    return ", ".join(parts)


def empty_state(health: SourceHealth | None, *, filtered: bool, status: str) -> str:
    """Why the inbox shows no story, as one word the template turns into a sentence:

    ``filtered``: filters are set (or a status other than the inbox's) and nothing matches;
    ``no sources``: nothing is configured; ``nothing fetched``: sources are configured but none
    ever ran; ``all failing``: every source failed its last run, so nothing new can arrive;
    ``no articles``: sources ran but stored nothing yet; ``all reviewed``: the usual quiet morning.
    """
    if filtered or status != "inbox":
        return "filtered"
    if health is None:
        return "all reviewed"
    if health.sources == 0 and not health.has_articles:
        return "no sources"
    if health.all_failing:
        return "all failing"
    if health.never_run == health.sources and not health.has_articles:
        return "nothing fetched"
    if not health.has_articles:
        return "no articles"
    return "all reviewed"
