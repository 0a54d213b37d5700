"""A social-media post about an article: a draft per platform, edited and saved
(GET and POST /articles/{id}/post)."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import RedirectResponse

from storage import digests as digest_store
from storage import review

from .common import call, error_page, render
from .csrf import form_post


@form_post
async def post_page(request: Request):
    """GET: a new draft for a platform (or a saved one, ?draft=ID); POST: save the edited text."""
    from nlp.handles import PLATFORM_NAMES

    from ..outputs.posts import PLATFORMS, draft_for, length

    article_id = request.path_params["article_id"]
    view = await call(request, review.article_view, article_id)
    if view is None:
        return error_page(request, 404, "no such article")
    if request.method == "POST":
        form = request.state.form
        platform = str(form.get("platform", ""))
        if platform not in PLATFORMS:
            return error_page(request, 400, f"unknown platform {platform!r}")
        draft = str(form.get("draft") or "")
        try:
            draft_id = review.parse_id(draft, "draft") if draft else None
        except ValueError as exc:
            return error_page(request, 400, str(exc))
        saved = await call(request, digest_store.save_draft, article_id, platform, str(form.get("text", ""))[:10_000],
                           request.state.user, draft_id)
        return RedirectResponse(f"/articles/{article_id}/post?platform={platform}&draft={saved}", status_code=303)
    params = request.query_params
    platform = params.get("platform", "x")
    if platform not in PLATFORMS:
        return error_page(request, 400, f"unknown platform {platform!r}")
    drafts = await call(request, digest_store.drafts_for, article_id)
    chosen = next((d for d in drafts if str(d["id"]) == params.get("draft")), None)
    if chosen:
        platform = chosen["platform"]
    state = request.app.state
    # a fresh draft even beside a saved one: its notes (no handle known, a mention left out) and the
    # handles' sources still hold for the story on this platform
    fresh = draft_for(view, platform, registry=state.registry, topics=state.taxonomy,
                      use="evidence" if params.get("use") == "evidence" else "headline")
    text = chosen["text"] if chosen else fresh.text
    limit, link_length, weighted = PLATFORMS[platform]
    return render(request, "post.html", a=view, platform=platform, platforms=list(PLATFORMS), text=text,
                  length=length(text, platform), limit=limit, link_length=link_length or 0, weighted=weighted,
                  draft=chosen, drafts=drafts, use=params.get("use", "headline"), notes=fresh.notes,
                  handles=fresh.handles, platform_name=PLATFORM_NAMES[platform], platform_names=PLATFORM_NAMES)
