"""Feeds, sitemaps and listing pages -> ``FeedItem``s. Parsers never fetch.

XML is hostile: documents that declare entities are refused before any parser sees them, and
lxml runs with entity resolution, DTD loading and network access off.
"""

from __future__ import annotations

import calendar
import json
import re
import warnings
from dataclasses import dataclass
from datetime import datetime, timezone
from urllib.parse import urljoin, urlsplit

import feedparser
from feedparser.datetimes import _parse_date as _parse_feed_date
from bs4 import BeautifulSoup, XMLParsedAsHTMLWarning
from lxml import etree

from .charset import decode_text
from .dedupe import same_site
from .errors import ParseError

MAX_ITEMS = 5000
_ENTITY_DECL = re.compile(rb"<!ENTITY", re.I)
_PDF_PATH = re.compile(r"\.pdf$", re.I)


@dataclass(frozen=True)
class FeedItem:
    """A link found in a feed, sitemap or listing, with whatever metadata came with it."""

    url: str
    title: str | None = None
    published: str | None = None  # ISO 8601, UTC
    author: str | None = None
    summary: str | None = None
    kind: str = "article"  # "report" for PDFs
    via: str | None = None  # the page a PDF was linked from
    updated: str | None = None  # when the source says the item last changed (refetch if later)


@dataclass(frozen=True)
class Discovery:
    """What a source document gave: items, child sitemaps to read, and any recovered-from warning."""

    items: tuple[FeedItem, ...] = ()
    children: tuple[str, ...] = ()
    warning: str | None = None


def is_pdf_url(url: str) -> bool:
    return bool(_PDF_PATH.search(urlsplit(url).path))


def _http_url(href: str | None, base: str) -> str | None:
    if not href:
        return None
    href = href.strip()
    if not href or href.startswith("#"):
        return None
    try:
        url = urljoin(base, href)
    except ValueError:
        return None
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return None
    return url


def _struct_iso(value) -> str | None:
    try:
        return _iso(datetime.fromtimestamp(calendar.timegm(value), tz=timezone.utc)) if value else None
    except (TypeError, ValueError, OverflowError):
        return None


def _iso(value: datetime | None) -> str | None:
    if value is None:
        return None
    if value.tzinfo is None:
        value = value.replace(tzinfo=timezone.utc)
    return value.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def parse_date(text: str | None) -> str | None:
    """Any common date string -> ISO 8601 UTC, or None."""
    if not text:
        return None
    text = text.strip()
    try:
        return _iso(datetime.fromisoformat(text.replace("Z", "+00:00")))
    except ValueError:
        pass
    parsed = _parse_feed_date(text)  # RFC 822, W3CDTF and the odd formats feeds use
    if parsed:
        return _iso(datetime.fromtimestamp(calendar.timegm(parsed), tz=timezone.utc))
    return None


def refuse_entities(body: bytes, url: str) -> None:
    """Refuse XML that declares entities (billion laughs, external entities)."""
    if _ENTITY_DECL.search(body):
        raise ParseError("XML declares entities; refused (entity expansion is never allowed)", url)


def _kind(url: str) -> str:
    return "report" if is_pdf_url(url) else "article"


# -- feeds --------------------------------------------------------------------------------------

def parse_feed(body: bytes, url: str, content_type: str | None = None) -> Discovery:
    """RSS 0.9x/1.0/2.0 and Atom through feedparser; JSON Feed through json."""
    stripped = body.lstrip(b"\xef\xbb\xbf \t\r\n")
    if stripped.startswith(b"{"):
        return parse_json_feed(body, url)
    refuse_entities(body, url)
    try:
        headers = {"content-location": url, "content-type": content_type or "application/xml"}
        parsed = feedparser.parse(body, response_headers=headers,
                                  sanitize_html=False, resolve_relative_uris=False)
    except Exception as exc:  # feedparser is defensive, but odd input must never stop a run
        raise ParseError(f"feed could not be parsed: {type(exc).__name__}: {exc}", url) from None
    items = []
    for entry in parsed.entries[:MAX_ITEMS]:
        link = entry.get("link")
        if not link:
            for candidate in entry.get("links", []):
                if candidate.get("href"):
                    link = candidate["href"]
                    break
        if not link and str(entry.get("id", "")).startswith("http"):
            link = entry.get("id")
        link = _http_url(link, url)
        if not link:
            continue
        published = entry.get("published_parsed") or dict.get(entry, "updated_parsed")
        updated = dict.get(entry, "updated_parsed")
        items.append(FeedItem(
            url=link, title=_clean(entry.get("title")), published=_struct_iso(published),
            author=_clean(entry.get("author")), summary=_strip_html(entry.get("summary")),
            kind=_kind(link), updated=_struct_iso(updated)))
        for enc in entry.get("enclosures", []) or []:
            href = _http_url(enc.get("href"), url)
            if href and (is_pdf_url(href) or "pdf" in str(enc.get("type", ""))):
                items.append(FeedItem(url=href, title=_clean(entry.get("title")), kind="report", via=link))
    warning = None
    if parsed.get("bozo"):
        exc = parsed.get("bozo_exception")
        message = f"malformed feed: {type(exc).__name__}: {exc}" if exc else "malformed feed"
        if not items:
            raise ParseError(message, url)
        warning = message + f" (recovered {len(items)} items)"
    elif not parsed.get("version") and not items:
        raise ParseError("not a feed (no RSS, Atom or JSON Feed found)", url)
    return Discovery(items=tuple(items), warning=warning)


def parse_json_feed(body: bytes, url: str) -> Discovery:
    try:
        data = json.loads(decode_text(body, "utf-8"))
    except (ValueError, RecursionError) as exc:
        raise ParseError(f"malformed JSON feed: {exc}", url) from None
    if not isinstance(data, dict) or not str(data.get("version", "")).startswith("https://jsonfeed.org/version/"):
        raise ParseError("not a JSON Feed (no jsonfeed.org version)", url)
    raw_items = data.get("items")
    if not isinstance(raw_items, list):
        raise ParseError("malformed JSON feed: 'items' is not a list", url)
    items = []
    for entry in raw_items[:MAX_ITEMS]:
        if not isinstance(entry, dict):
            continue
        link = _http_url(_str(entry.get("url")) or _str(entry.get("external_url")), url)
        if not link:
            continue
        authors = entry.get("authors") or ([entry["author"]] if isinstance(entry.get("author"), dict) else [])
        author = ", ".join(_str(a.get("name")) for a in authors if isinstance(a, dict) and a.get("name")) or None
        items.append(FeedItem(
            url=link, title=_clean(_str(entry.get("title"))),
            published=parse_date(_str(entry.get("date_published")) or _str(entry.get("date_modified"))),
            author=_clean(author),
            summary=_clean(_str(entry.get("summary"))) or _strip_html(_str(entry.get("content_html"))),
            kind=_kind(link), updated=parse_date(_str(entry.get("date_modified")))))
    return Discovery(items=tuple(items))


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
            loc = _http_url(_child_text(sm, "loc"), url)
            if loc:
                children.append((parse_date(_child_text(sm, "lastmod")) or "", loc))
        children.sort(reverse=True)  # newest first when lastmod is given
        return Discovery(children=tuple(loc for _, loc in children[:MAX_ITEMS]))
    if tag != "urlset":
        raise ParseError(f"not a sitemap (root element <{tag}>)", url)
    items = []
    for entry in root:
        if not isinstance(entry.tag, str) or etree.QName(entry).localname != "url":
            continue
        loc = _http_url(_child_text(entry, "loc"), url)
        if not loc:
            continue
        news = _child(entry, "news")
        title = published = None
        if news is not None:
            title = _clean(_child_text(news, "title"))
            published = parse_date(_child_text(news, "publication_date"))
        lastmod = parse_date(_child_text(entry, "lastmod"))
        items.append(FeedItem(url=loc, title=title, published=published or lastmod, kind=_kind(loc),
                              updated=lastmod))
        if len(items) >= MAX_ITEMS * 10:
            break
    return Discovery(items=tuple(items))


def _child(el, name: str):
    for c in el:
        if isinstance(c.tag, str) and etree.QName(c).localname == name:
            return c
    return None


def _child_text(el, name: str) -> str | None:
    c = _child(el, name)
    return c.text.strip() if c is not None and c.text else None


# -- listing pages ------------------------------------------------------------------------------

def parse_listing(body: bytes, url: str, selector: str | None = None, charset: str | None = None) -> Discovery:
    """Links on an HTML page: those matching selector (or every link), on the same site."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", XMLParsedAsHTMLWarning)
        soup = BeautifulSoup(decode_text(body, charset), "lxml")
    base_tag = soup.find("base", href=True)
    base = _http_url(base_tag["href"], url) if base_tag else None
    base = base or url
    elements = soup.select(selector) if selector else soup.find_all("a", href=True)
    items, seen = [], set()
    for el in elements[: MAX_ITEMS * 2]:
        a = el if el.name == "a" and el.get("href") else el.find("a", href=True)
        if a is None:
            continue
        link = _http_url(a.get("href"), base)
        if not link or link in seen or not same_site(link, url):
            continue
        seen.add(link)
        items.append(FeedItem(url=link, title=_clean(a.get_text(" ", strip=True)), kind=_kind(link)))
    return Discovery(items=tuple(items))


def pdf_links(html_links: list[str], page_url: str) -> list[str]:
    """PDF links found on an article page, on the same site, resolved."""
    out = []
    for href in html_links:
        link = _http_url(href, page_url)
        if link and is_pdf_url(link) and same_site(link, page_url) and link not in out:
            out.append(link.split("#", 1)[0])
    return out[:20]


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


# -- helpers ------------------------------------------------------------------------------------

def _str(value) -> str | None:
    return value if isinstance(value, str) else None


def _clean(text: str | None) -> str | None:
    if not text:
        return None
    text = " ".join(str(text).split())
    return text[:1000] or None


def _strip_html(text: str | None) -> str | None:
    if not text:
        return None
    if "<" in text:
        text = BeautifulSoup(text, "lxml").get_text(" ", strip=True)
    return _clean(text[:20000])
