"""A reviewer's actions on a story: its status and its note (POST /stories/{id}/status, /note)."""

from __future__ import annotations

from starlette.requests import Request

from storage import actions

from .common import call, done, error_page
from .csrf import form_post


@form_post
async def story_status(request: Request):
    form = request.state.form
    story_id = request.path_params["story_id"]
    status, user = str(form.get("status", "")), request.state.user

    def act(db):
        if not actions.story_exists(db, story_id):
            return False
        actions.set_status(db, story_id, status, user)
        return True

    try:
        if not await call(request, act):
            return error_page(request, 404, "no such story")
    except ValueError as exc:
        return error_page(request, 400, str(exc))
    return done(request, form, {"story": story_id, "status": form.get("status")})


@form_post
async def story_note(request: Request):
    form = request.state.form
    story_id = request.path_params["story_id"]
    note, user = str(form.get("note", "")), request.state.user

    def act(db):
        if not actions.story_exists(db, story_id):
            return False
        actions.set_note(db, story_id, note, user)
        return True

    if not await call(request, act):
        return error_page(request, 404, "no such story")
    return done(request, form, {"story": story_id})
