"""GET /favicon.ico: browsers ask for it on every page whatever the page links, so it is answered
(a small icon in static/, cached for a day) rather than logged as a 404 each time."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import FileResponse

from .common import HERE


async def favicon(request: Request) -> FileResponse:
    return FileResponse(HERE / "static" / "favicon.ico", media_type="image/x-icon",
                        headers={"Cache-Control": "public, max-age=86400"})
