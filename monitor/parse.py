"""Feeds, sitemaps and listing pages -> ``FeedItem``s. Parsers never fetch.

XML is hostile: documents that declare entities are refused before any parser sees them, and
lxml runs with entity resolution, DTD loading and network access off.
"""

from __future__ import annotations

import re

from .links import is_pdf_url
from .parse_feeds import parse_feed, parse_json_feed
from .parse_html import parse_listing
from .parse_items import MAX_ITEMS, parse_date
from .parse_sitemaps import parse_sitemap
from .parse_xml import refuse_entities
from .records import Discovery, FeedItem

__all__ = ["MAX_ITEMS", "Discovery", "FeedItem", "filter_items", "is_pdf_url", "parse_date", "parse_feed",
           "parse_json_feed", "parse_listing", "parse_sitemap", "refuse_entities"]


def filter_items(items, include: tuple[str, ...], exclude: tuple[str, ...]):
    """Keep items whose URL matches any include pattern (all when none) and no exclude pattern."""
    inc = [re.compile(p) for p in include]
    exc = [re.compile(p) for p in exclude]
    for item in items:
        if inc and not any(p.search(item.url) for p in inc):
            continue
        if any(p.search(item.url) for p in exc):
            continue
        yield item
