"""Which URLs may become links: an href read from a web document (``http_url``: resolved, http(s)
with a host, or nothing) and a URL in what we render (``safe_url``: pages, digests, feeds)."""

from __future__ import annotations

import re
from urllib.parse import urljoin, urlsplit

from .fetch.charset import scrub

_PDF_PATH = re.compile(r"\.pdf$", re.I)


def safe_url(url: str | None) -> str | None:
    """The URL if it is http(s), else None: ``javascript:``, ``data:`` and the like stay text."""
    if not url:
        return None
    try:
        scheme = urlsplit(url.strip()).scheme.lower()
    except ValueError:
        return None
    return url.strip() if scheme in ("http", "https") else None


def is_pdf_url(url: str) -> bool:
    return bool(_PDF_PATH.search(urlsplit(url).path))


def http_url(href, base: str) -> str | None:
    href = scrub(href)
    if not href:
        return None
    href = href.strip()
    if not href or href.startswith("#"):
        return None
    try:
        url = urljoin(base, href)
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            return None
    except ValueError:  # e.g. a malformed IPv6 host
        return None
    return url
