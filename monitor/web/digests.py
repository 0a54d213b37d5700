"""The digests sent, and one digest, shown or downloaded (GET /digests, /digests/{id},
/digests/{id}.{html,md,text})."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response

from storage import digests as digest_store

from .common import call, error_page, render

EXTENSIONS = {"html": "html", "md": "md", "text": "txt"}


async def digests_page(request: Request):
    return render(request, "digests.html", digests=await call(request, digest_store.list_digests))


async def digest_page(request: Request):
    found = await call(request, digest_store.get_digest, request.path_params["digest_id"])
    if found is None:
        return error_page(request, 404, "no such digest")
    record, bodies = found
    fmt = request.path_params.get("fmt")
    if fmt:  # a download: never rendered here (the HTML e-mail has inline styles)
        if fmt not in EXTENSIONS:
            return error_page(request, 404, "no such format")
        return Response(bodies[fmt], media_type="text/plain; charset=utf-8" if fmt != "html" else "text/html; charset=utf-8",
                        headers={"Content-Disposition": f'attachment; filename="digest-{record.id}.{EXTENSIONS[fmt]}"'})
    return render(request, "digest.html", record=record, text=bodies["text"])
