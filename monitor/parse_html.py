"""Links on HTML pages: a listing page's items, an article page's PDFs -> ``FeedItem``s / URLs."""

from __future__ import annotations

import warnings

from bs4 import BeautifulSoup, XMLParsedAsHTMLWarning

from .dedupe import same_site
from .fetch.charset import decode_text
from .links import http_url
from .parse_items import MAX_ITEMS, clean, error_text, item_kind, skipped_warning
from .records import Discovery, FeedItem

# -- listing pages ------------------------------------------------------------------------------

def parse_listing(body: bytes, url: str, selector: str | None = None, charset: str | None = None) -> Discovery:
    """Links on an HTML page: those matching selector (or every link), on the same site."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", XMLParsedAsHTMLWarning)
        soup = BeautifulSoup(decode_text(body, charset), "lxml")
    base_tag = soup.find("base", href=True)
    base = http_url(base_tag["href"], url) if base_tag else None
    base = base or url
    elements = soup.select(selector) if selector else soup.find_all("a", href=True)
    items, seen = [], set()
    skipped: list[str] = []
    for el in elements[: MAX_ITEMS * 2]:
        try:
            a = el if el.name == "a" and el.get("href") else el.find("a", href=True)
            if a is None:
                continue
            link = http_url(a.get("href"), base)
            if not link or link in seen or not same_site(link, url):
                continue
            seen.add(link)
            items.append(FeedItem(url=link, title=clean(a.get_text(" ", strip=True)), kind=item_kind(link)))
        except Exception as exc:  # one odd link never costs the others
            skipped.append(f"{type(exc).__name__}: {error_text(exc)}")
    return Discovery(items=tuple(items), warning=skipped_warning(skipped))
