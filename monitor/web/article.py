"""An article: its text with the tags' evidence marked, and the correction of its tags
(GET /articles/{id}, POST /articles/{id}/tags)."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse

from storage import actions, review
from storage import digests as digest_store
from storage.articles import resolve_item
from storage.tags import ROLES, tags_for

from ..supply_state import effective_links
from .common import call, error_page, render, role_label, wants_json
from .csrf import form_post
from .highlight import Evidence, highlight, sentences
from .listplace import article_href, place_of
from .reach import chain_reach
from .security import local_path


async def article_page(request: Request):
    """The article, and its place in the list it was opened from (``?from=``: see listplace),
    for the links and keys (static/keys.js) to the next and previous story and back to the list."""
    article_id = request.path_params["article_id"]
    names = request.app.state.names
    from_value = request.query_params.get("from")

    def load(db):
        view = review.article_view(db, article_id)
        if view is None:
            return None, [], None
        place = place_of(db, names, from_value, article_id, view.story_id, request.state.user,
                         request.app.state.timezone)
        return view, digest_store.drafts_for(db, article_id), (place, effective_links(db))

    view, drafts, found_place = await call(request, load)
    if view is None:
        return error_page(request, 404, "no such article")
    place, links = found_place
    evidence = [Evidence(t.name, t.evidence) for t in view.tags if t.evidence]
    paras, found = highlight(view.text, evidence)
    title, _ = highlight(view.title or "", evidence)  # the title is often a tag's best evidence
    present = {(t.kind, t.tag_id) for t in view.tags}
    list_url = place.up.partition("#")[0]
    # the page itself, with its list: where a form without the script comes back to
    here = article_href(article_id, list_url) if from_value else str(request.url.path)
    return render(request, "article.html", a=view, paragraphs=paras, found=found, title=title[0] if title else [],
                  drafts=drafts, here=here, present=present, place=place, list_url=list_url,
                  copy_href=lambda copy_id: article_href(copy_id, list_url) if from_value else f"/articles/{copy_id}",
                  sentences=sentences(view.text, view.title), role_label=role_label,
                  reach=chain_reach(view.story_tags, request.app.state.names, links))


@form_post
async def article_tags(request: Request):
    """Correct an article's tags: action=remove (tag=kind:id), action=role (tag, role=subject
    or mention), or action=add: one or more tag fields (the page's automaker and topic lists;
    empty ones are ignored), role (mention unless subject) and evidence (a sentence of the
    article, or empty for none)."""
    form = request.state.form
    names = request.app.state.names
    article_id = request.path_params["article_id"]
    action, user = str(form.get("action", "")), request.state.user
    chosen = [str(v) for v in form.getlist("tag") if str(v)] if action == "add" else [str(form.get("tag", ""))]
    role = str(form.get("role") or ("mention" if action == "add" else ""))
    evidence = str(form.get("evidence") or "").strip() or None

    def act(db):
        if resolve_item(db, f"article:{article_id}") is None:
            return 404, "no such article"
        if not chosen:
            return 400, "choose an automaker or a topic to add"
        tags = [tuple(tag.partition(":")[::2]) for tag in chosen]
        for (kind, tag_id), tag in zip(tags, chosen):
            if (kind, tag_id) not in names:
                return 400, f"unknown tag {tag[:100]!r}"
        if action in ("add", "role") and role not in ROLES:
            return 400, f"role must be {' or '.join(ROLES)}, not {role[:20]!r}"
        present = {(t.kind, t.tag_id) for t in tags_for(db, article_id)}
        for kind, tag_id in tags:
            if action == "add" and (kind, tag_id) in present:
                return 400, (f"{names[(kind, tag_id)]} is already a tag of this article: set its role "
                             "or remove it instead")
            if action == "role" and (kind, tag_id) not in present:
                return 400, f"{names[(kind, tag_id)]} is not a tag of this article: add it first"
        for kind, tag_id in dict.fromkeys(tags):
            if action == "add":
                actions.correct_tag(db, article_id, kind, tag_id, action, user, names[(kind, tag_id)],
                                    role=role, evidence=evidence)
            elif action == "role":
                actions.correct_tag(db, article_id, kind, tag_id, action, user, names[(kind, tag_id)], role=role)
            else:
                actions.correct_tag(db, article_id, kind, tag_id, action, user, names[(kind, tag_id)])
        return None

    try:
        refused = await call(request, act)
    except ValueError as exc:
        return error_page(request, 400, str(exc))
    if refused:
        return error_page(request, *refused)
    form_next = form.get("next") or f"/articles/{article_id}"
    if wants_json(request):
        return JSONResponse({"ok": True})
    return RedirectResponse(local_path(str(form_next)), status_code=303)
