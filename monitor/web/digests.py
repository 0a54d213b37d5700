"""The digests made, and one digest, shown or downloaded (GET /digests, /digests/{id},
/digests/{id}.{html,md,text}).

A digest's page shows it as it was made (``digests.data``, kept with it), laid out with the
page's own stylesheet: the e-mail's HTML has inline styles, which the page's CSP refuses. Every
story links to its article page here (a relative link: this *is* the review site, whatever name
it is opened by) and to its original. A digest made before the data was kept shows its text.
"""

from __future__ import annotations

import json

from starlette.requests import Request
from starlette.responses import Response

from storage import digests as digest_store

from .common import call, error_page, render

EXTENSIONS = {"html": "html", "md": "md", "text": "txt"}


async def digests_page(request: Request):
    listed, chats = await call(request, lambda db: (digest_store.list_digests(db), digest_store.chat_counts(db)))
    return render(request, "digests.html", digests=listed, chats=chats)


async def digest_page(request: Request):
    def load(db):
        found = digest_store.get_digest(db, request.path_params["digest_id"])
        return found, (digest_store.chat_deliveries(db, found[0].id) if found else [])

    found, chats = await call(request, load)
    if found is None:
        return error_page(request, 404, "no such digest")
    record, bodies = found
    fmt = request.path_params.get("fmt")
    if fmt:  # a download: never rendered here (the HTML e-mail has inline styles)
        if fmt not in EXTENSIONS:
            return error_page(request, 404, "no such format")
        return Response(bodies[fmt], media_type="text/plain; charset=utf-8" if fmt != "html" else "text/html; charset=utf-8",
                        headers={"Content-Disposition": f'attachment; filename="digest-{record.id}.{EXTENSIONS[fmt]}"'})
    data = json.loads(bodies["data"]) if bodies.get("data") else None
    return render(request, "digest.html", record=record, d=data, text=bodies["text"], chats=chats)
