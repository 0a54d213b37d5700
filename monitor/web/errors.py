"""The app's exception handlers: an HTTPException as the error page (or JSON), anything else as
a plain 500 (503 when the database itself cannot be used)."""

from __future__ import annotations

import html

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse

from storage.db import unusable

from .common import error_page, wants_json


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
    if request.url.path.startswith("/api/") or wants_json(request):
        return JSONResponse({"error": message}, status_code=status)
    return HTMLResponse(f"<!doctype html><meta charset=utf-8><title>Error {status} · chargewatch</title>"
                        f"<h1>Error</h1><p>{html.escape(message)}.</p><p><a href=\"/\">Back to the inbox</a></p>",
                        status_code=status)
