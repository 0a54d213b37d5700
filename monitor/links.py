"""Which URLs may become links in what we render (pages, digests, feeds): http(s) only."""

from __future__ import annotations

from urllib.parse import urlsplit


def safe_url(url: str | None) -> str | None:
    """The URL if it is http(s), else None: ``javascript:``, ``data:`` and the like stay text."""
    if not url:
        return None
    try:
        scheme = urlsplit(url.strip()).scheme.lower()
    except ValueError:
        return None
    return url.strip() if scheme in ("http", "https") else None
