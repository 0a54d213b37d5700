"""A reviewer's actions on stories: a story's status and note (POST /stories/{id}/status, /note),
every new story of an inbox page marked reviewed at once (POST /stories/review), and undoing
one's own last status action (POST /stories/undo).

A script (static/app.js) sends these with fetch() and gets JSON, so the page stays where it is;
without it, the answer is a redirect to the form's ``next`` page at the row the reader was on
(``#story-<id>``: ``anchor`` for a row that stays, ``then`` for the row after one that leaves).
"""

from __future__ import annotations

import re

from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse

from storage import actions
from storage.review import parse_id

from .common import call, done, error_page, wants_json
from .csrf import form_post
from .inbox import undo_label
from .security import local_path

_ANCHOR = re.compile(r"story-[0-9]{1,18}")


def back(request: Request, form, payload: dict, anchor: str | None = None):
    """JSON to a script; else a redirect to ``next`` at ``#anchor`` (when it is a row's id)."""
    if wants_json(request):
        return JSONResponse({"ok": True, **payload})
    target = local_path(form.get("next"))
    if anchor and _ANCHOR.fullmatch(anchor) and "#" not in target:
        target += "#" + anchor
    return RedirectResponse(target, status_code=303)


@form_post
async def story_status(request: Request):
    form, story_id = request.state.form, request.path_params["story_id"]
    status = str(form.get("status", ""))
    try:
        found = await call(request, actions.set_status, story_id, status, request.state.user)
    except ValueError as exc:
        return error_page(request, 400, str(exc))
    if not found:
        return error_page(request, 404, "no such story")
    stays = status in ("starred", "new")
    anchor = form.get("anchor") if stays else (form.get("then") or form.get("anchor"))
    return back(request, form, {"story": story_id, "status": status}, str(anchor or ""))


@form_post
async def story_note(request: Request):
    form, story_id = request.state.form, request.path_params["story_id"]
    if not await call(request, actions.set_note, story_id, str(form.get("note", "")), request.state.user):
        return error_page(request, 404, "no such story")
    return done(request, form, {"story": story_id})


@form_post
async def review_page(request: Request):
    """Mark reviewed the stories of the page the form lists (``story`` fields): only those still
    new; starred ones keep their star."""
    form = request.state.form
    try:
        ids = [parse_id(str(v), "story") for v in form.getlist("story")]
    except ValueError as exc:
        return error_page(request, 400, str(exc))
    if len(ids) > actions.MAX_BULK:
        return error_page(request, 400, f"at most {actions.MAX_BULK} stories at once")
    changed = await call(request, actions.review_stories, ids, request.state.user)
    return back(request, form, {"stories": changed, "status": "reviewed",
                                "undo": "Undo mark page reviewed" if changed else None})


@form_post
async def undo(request: Request):
    """Undo the user's own last status action (one step). 409 when there is nothing to undo."""
    form = request.state.form
    last = await call(request, actions.undo_last, request.state.user)
    if last is None:
        return error_page(request, 409, "nothing to undo")
    restored = [{"story": c.story_id, "status": c.before} for c in last.changes]
    anchor = f"story-{last.changes[0].story_id}" if last.changes else None
    return back(request, form, {"action": last.action, "label": undo_label(last), "stories": restored}, anchor)
