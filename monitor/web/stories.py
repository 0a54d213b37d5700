"""A reviewer's actions on a story: its status and its note (POST /stories/{id}/status, /note)."""

from __future__ import annotations

from starlette.requests import Request

from storage import actions

from .common import call, done, error_page
from .csrf import form_post


@form_post
async def story_status(request: Request):
    form, story_id = request.state.form, request.path_params["story_id"]
    try:
        found = await call(request, actions.set_status, story_id, str(form.get("status", "")), request.state.user)
    except ValueError as exc:
        return error_page(request, 400, str(exc))
    if not found:
        return error_page(request, 404, "no such story")
    return done(request, form, {"story": story_id, "status": form.get("status")})


@form_post
async def story_note(request: Request):
    form, story_id = request.state.form, request.path_params["story_id"]
    if not await call(request, actions.set_note, story_id, str(form.get("note", "")), request.state.user):
        return error_page(request, 404, "no such story")
    return done(request, form, {"story": story_id})
