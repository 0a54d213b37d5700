"""Sitemaps (urlsets, with Google News extensions, and sitemap indexes) -> ``FeedItem``s.

lxml runs with entity resolution, DTD loading and network access off."""

from __future__ import annotations

from lxml import etree

from .errors import ParseError
from .links import http_url
from .parse_items import (
    MAX_ITEMS,
    clean,
    error_text,
    item_kind,
    parse_date,
    skipped_warning,
)
from .parse_xml import refuse_entities
from .records import Discovery, FeedItem

# -- sitemaps -----------------------------------------------------------------------------------

_PARSER_OPTS = dict(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False,
                    remove_comments=True, remove_pis=True)


def parse_sitemap(body: bytes, url: str) -> Discovery:
    """A urlset (with Google News extensions) or a sitemap index."""
    refuse_entities(body, url)
    try:
        root = etree.fromstring(body, etree.XMLParser(**_PARSER_OPTS))
    except etree.XMLSyntaxError as exc:
        raise ParseError(f"malformed sitemap XML: {exc}", url) from None
    if root is None:
        raise ParseError("empty sitemap", url)
    tag = etree.QName(root).localname
    if tag == "sitemapindex":
        children = []
        for sm in root:
            if not isinstance(sm.tag, str) or etree.QName(sm).localname != "sitemap":
                continue
            loc = http_url(_child_text(sm, "loc"), url)
            if loc:
                children.append((parse_date(_child_text(sm, "lastmod")) or "", loc))
        children.sort(reverse=True)  # newest first when lastmod is given
        return Discovery(children=tuple(loc for _, loc in children[:MAX_ITEMS]))
    if tag != "urlset":
        raise ParseError(f"not a sitemap (root element <{tag}>)", url)
    items = []
    skipped: list[str] = []
    for entry in root:
        if not isinstance(entry.tag, str) or etree.QName(entry).localname != "url":
            continue
        try:
            item = _sitemap_entry(entry, url)
        except Exception as exc:  # one odd entry never costs the others
            skipped.append(f"{type(exc).__name__}: {error_text(exc)}")
            continue
        if item is not None:
            items.append(item)
        if len(items) >= MAX_ITEMS * 10:
            break
    return Discovery(items=tuple(items), warning=skipped_warning(skipped))


def _sitemap_entry(entry, url: str) -> FeedItem | None:
    loc = http_url(_child_text(entry, "loc"), url)
    if not loc:
        return None
    news = _child(entry, "news")
    title = published = None
    if news is not None:
        title = clean(_child_text(news, "title"))
        published = parse_date(_child_text(news, "publication_date"))
    lastmod = parse_date(_child_text(entry, "lastmod"))
    return FeedItem(url=loc, title=title, published=published or lastmod, kind=item_kind(loc), updated=lastmod)


def _child(el, name: str):
    for c in el:
        if isinstance(c.tag, str) and etree.QName(c).localname == name:
            return c
    return None


def _child_text(el, name: str) -> str | None:
    c = _child(el, name)
    return c.text.strip() if c is not None and c.text else None

