"""Feeds, sitemaps and listing pages -> ``FeedItem``s. Parsers never fetch.

XML is hostile: documents that declare entities are refused before any parser sees them, and
lxml runs with entity resolution, DTD loading and network access off.
"""

from __future__ import annotations

import calendar
import codecs
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

from .dedupe import same_site
from .errors import ParseError
from .fetch.charset import decode_text, scrub, text_codec

MAX_ITEMS = 5000
_ENTITY_DECL = re.compile(rb"<!ENTITY", re.I)
_ENTITY_DECL_TEXT = re.compile(r"<!ENTITY", re.I)
# A numeric character reference to no character (a lone surrogate, beyond U+10FFFF, NUL):
# feedparser's loose parser turns it into chr(n).encode() and raises on the whole feed.
_CHAR_REF = re.compile(rb"&#(?:[xX]([0-9a-fA-F]{1,8})|([0-9]{1,10}));")
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

    def __post_init__(self) -> None:
        # Every field comes from the web: whatever a parser took from a document, a FeedItem
        # holds only text that can be stored and printed (no lone surrogate, no control
        # character, no object where a string belongs).
        for name in ("url", "title", "published", "author", "summary", "via", "updated"):
            value = getattr(self, name)
            clean = scrub(value)
            if clean is not value:
                object.__setattr__(self, name, clean)
        if not self.url:
            raise ValueError("a FeedItem needs a URL")
        if self.kind not in ("article", "report"):
            object.__setattr__(self, "kind", "article")


@dataclass(frozen=True)
class Discovery:
    """What a source document gave: items, child sitemaps to read, and any recovered-from warning."""

    items: tuple[FeedItem, ...] = ()
    children: tuple[str, ...] = ()
    warning: str | None = None


def is_pdf_url(url: str) -> bool:
    return bool(_PDF_PATH.search(urlsplit(url).path))


def _http_url(href, base: str) -> str | None:
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
    """Any common date string -> ISO 8601 UTC, or None (never an error: dates come from the web)."""
    text = scrub(text)
    if not text or not text.strip():
        return None
    text = text.strip()[:100]
    try:
        return _iso(datetime.fromisoformat(text.replace("Z", "+00:00")))
    except (ValueError, OverflowError):
        pass
    try:
        parsed = _parse_feed_date(text)  # RFC 822, W3CDTF and the odd formats feeds use
        if parsed:
            return _iso(datetime.fromtimestamp(calendar.timegm(parsed), tz=timezone.utc))
    except (ValueError, OverflowError, OSError, TypeError):
        pass
    return None


# The first bytes of an XML document without a BOM tell its encoding family (XML 1.0, appendix F)
_XML_SNIFF = ((b"\x00\x00\x00<", "utf-32-be"), (b"<\x00\x00\x00", "utf-32-le"),
              (b"\x00<\x00?", "utf-16-be"), (b"<\x00?\x00", "utf-16-le"), (b"Lo\xa7\x94", "cp037"))
_BOMS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
         (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))
_DECL_ENCODING = re.compile(r"""^\s*<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9._:-]+)""", re.I)


def _xml_declaration(body: bytes) -> tuple[str | None, str | None]:
    """(the encoding family that the BOM or the first bytes show: UTF-16, UTF-32, EBCDIC..., the
    encoding name the XML declaration gives, as written)."""
    family = next((enc for bom, enc in _BOMS if body.startswith(bom)), None) or \
        next((enc for sig, enc in _XML_SNIFF if body.startswith(sig)), None)
    head = body[:1024].decode(family or "latin-1", errors="replace").lstrip("\ufeff")
    m = _DECL_ENCODING.match(head)
    return family, (m.group(1) if m else None)


def _xml_encodings(body: bytes) -> list[str]:
    """The encodings an XML parser could read this document in: its BOM or the family its first
    bytes show, then any text codec its declaration names (UTF-7 too: libxml2 reads it, and
    here a false alarm costs less than a missed entity)."""
    family, declared = _xml_declaration(body)
    found = [family] if family else []
    try:
        info = codecs.lookup(declared) if declared else None
    except LookupError:
        info = None
    if info is not None and info._is_text_encoding and info.name not in found:
        found.append(info.name)
    return found


def refuse_entities(body: bytes, url: str) -> None:
    """Refuse XML that declares entities (billion laughs, external entities), in whatever
    encoding the document is written: the bytes as they are (every ASCII-compatible encoding),
    with the zero bytes of UTF-16 and UTF-32 taken out, and decoded in each encoding a parser
    could read it in (its BOM, its first bytes, its declaration: UTF-7, EBCDIC...)."""
    refused = ParseError("XML declares entities; refused (entity expansion is never allowed)", url)
    if _ENTITY_DECL.search(body):
        raise refused
    if b"\x00" in body[:4096] and _ENTITY_DECL.search(body.replace(b"\x00", b"")):
        raise refused
    for encoding in _xml_encodings(body):
        if encoding in ("utf-8", "ascii"):
            continue
        try:
            text = body.decode(encoding, errors="replace")
        except Exception:  # an odd codec: the checks above still hold
            continue
        if _ENTITY_DECL_TEXT.search(text):
            raise refused


def _kind(url: str) -> str:
    return "report" if is_pdf_url(url) else "article"


# -- feeds --------------------------------------------------------------------------------------

def parse_feed(body: bytes, url: str, content_type: str | None = None) -> Discovery:
    """RSS 0.9x/1.0/2.0 and Atom through feedparser; JSON Feed through json."""
    stripped = body.lstrip(b"\xef\xbb\xbf \t\r\n")
    if stripped.startswith(b"{"):
        return parse_json_feed(body, url)
    refuse_entities(body, url)
    body, content_type, note = _feed_input(body, content_type)
    try:
        headers = {"content-location": url, "content-type": content_type}
        parsed = feedparser.parse(body, response_headers=headers,
                                  sanitize_html=False, resolve_relative_uris=False)
    except Exception as exc:  # feedparser is defensive, but odd input must never stop a run
        raise ParseError(f"feed could not be parsed: {type(exc).__name__}: {_message(exc)}", url) from None
    items: list[FeedItem] = []
    skipped: list[str] = []
    for entry in parsed.entries[:MAX_ITEMS]:
        try:
            items.extend(_feed_entry(entry, url))
        except Exception as exc:  # one odd entry never costs the others
            skipped.append(f"{type(exc).__name__}: {_message(exc)}")
    warning = None
    if parsed.get("bozo"):
        exc = parsed.get("bozo_exception")
        message = f"malformed feed: {type(exc).__name__}: {_message(exc)}" if exc else "malformed feed"
        if not items:
            raise ParseError(message, url)
        warning = message + f" (recovered {len(items)} items)"
    elif not parsed.get("version") and not items:
        raise ParseError("not a feed (no RSS, Atom or JSON Feed found)", url)
    return Discovery(items=tuple(items), warning=_join_warnings(warning, note, _skipped(skipped)))


def _feed_entry(entry, url: str) -> list[FeedItem]:
    link = _str(entry.get("link"))
    if not link:
        for candidate in entry.get("links", None) or []:
            if isinstance(candidate, dict) and _str(candidate.get("href")):
                link = candidate["href"]
                break
    if not link and (_str(entry.get("id")) or "").startswith("http"):
        link = entry.get("id")
    link = _http_url(link, url)
    if not link:
        return []
    published = entry.get("published_parsed") or dict.get(entry, "updated_parsed")
    updated = dict.get(entry, "updated_parsed")
    title = _clean(_str(entry.get("title")))
    out = [FeedItem(url=link, title=title, published=_struct_iso(published),
                    author=_clean(_str(entry.get("author"))), summary=_strip_html(_str(entry.get("summary"))),
                    kind=_kind(link), updated=_struct_iso(updated))]
    for enc in entry.get("enclosures", None) or []:
        if not isinstance(enc, dict):
            continue
        href = _http_url(enc.get("href"), url)
        if href and (is_pdf_url(href) or "pdf" in str(_str(enc.get("type")) or "")):
            out.append(FeedItem(url=href, title=title, kind="report", via=link))
    return out


def _feed_input(body: bytes, content_type: str | None) -> tuple[bytes, str, str | None]:
    """What feedparser is given: a content type naming a real text encoding or none, character
    references to no character replaced, and a document whose declaration names no real
    encoding decoded honestly (fetch/charset.py) and handed over as UTF-8."""
    media, _, params = (content_type or "application/xml").partition(";")
    charset = None
    for param in params.split(";"):
        key, _, value = param.partition("=")
        if key.strip().lower() == "charset":
            charset = value.strip().strip("\"'")
    codec = text_codec(charset)
    content_type = media.strip() or "application/xml"
    if codec:
        content_type += f"; charset={codec}"
    note = None
    family, declared = _xml_declaration(body)
    if declared and not text_codec(declared):
        note = f"the feed declares {declared!r}, which is no text encoding: decoded as detected"
        text = body.decode(family, errors="replace").lstrip("\ufeff") if family else decode_text(body, codec)
        text = re.sub(r"""(^\s*<\?xml[^>]+encoding\s*=\s*["'])[A-Za-z0-9._:-]+""", r"\g<1>utf-8", text,
                      count=1, flags=re.I)
        body = text.encode("utf-8", errors="replace")
        content_type = (media.strip() or "application/xml") + "; charset=utf-8"
    if b"&#" in body:
        body = _CHAR_REF.sub(_char_ref, body)
    return body, content_type, note


def _char_ref(m: re.Match) -> bytes:
    try:
        n = int(m.group(1), 16) if m.group(1) else int(m.group(2))
    except ValueError:
        return b"&#xFFFD;"
    if n == 0 or 0xD800 <= n <= 0xDFFF or n > 0x10FFFF:
        return b"&#xFFFD;"
    return m.group(0)


def _message(exc: BaseException) -> str:
    return scrub(str(exc)) or ""


def _skipped(errors: list[str]) -> str | None:
    if not errors:
        return None
    return f"skipped {len(errors)} malformed entr{'y' if len(errors) == 1 else 'ies'} ({errors[0]})"


def _join_warnings(*warnings_: str | None) -> str | None:
    return "; ".join(w for w in warnings_ if w) or None


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
    skipped: list[str] = []
    for entry in raw_items[:MAX_ITEMS]:
        if not isinstance(entry, dict):
            continue
        try:
            item = _json_entry(entry, url)
        except Exception as exc:  # one odd entry never costs the others
            skipped.append(f"{type(exc).__name__}: {_message(exc)}")
            continue
        if item is not None:
            items.append(item)
    return Discovery(items=tuple(items), warning=_skipped(skipped))


def _json_entry(entry: dict, url: str) -> FeedItem | None:
    """One JSON Feed item; every field checked for its type (a name may be an object...)."""
    link = _http_url(_str(entry.get("url")) or _str(entry.get("external_url")), url)
    if not link:
        return None
    authors = entry.get("authors")
    if not isinstance(authors, list):
        authors = [authors] if isinstance(authors, dict) else []
    if not authors and isinstance(entry.get("author"), dict):  # JSON Feed 1.0
        authors = [entry["author"]]
    names = [_clean(_str(a.get("name"))) for a in authors[:20] if isinstance(a, dict)]
    author = ", ".join(n for n in names if n) or None
    return FeedItem(
        url=link, title=_clean(_str(entry.get("title"))),
        published=parse_date(_str(entry.get("date_published")) or _str(entry.get("date_modified"))),
        author=_clean(author),
        summary=_clean(_str(entry.get("summary"))) or _strip_html(_str(entry.get("content_html"))),
        kind=_kind(link), updated=parse_date(_str(entry.get("date_modified"))))


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
    skipped: list[str] = []
    for entry in root:
        if not isinstance(entry.tag, str) or etree.QName(entry).localname != "url":
            continue
        try:
            item = _sitemap_entry(entry, url)
        except Exception as exc:  # one odd entry never costs the others
            skipped.append(f"{type(exc).__name__}: {_message(exc)}")
            continue
        if item is not None:
            items.append(item)
        if len(items) >= MAX_ITEMS * 10:
            break
    return Discovery(items=tuple(items), warning=_skipped(skipped))


def _sitemap_entry(entry, url: str) -> FeedItem | None:
    loc = _http_url(_child_text(entry, "loc"), url)
    if not loc:
        return None
    news = _child(entry, "news")
    title = published = None
    if news is not None:
        title = _clean(_child_text(news, "title"))
        published = parse_date(_child_text(news, "publication_date"))
    lastmod = parse_date(_child_text(entry, "lastmod"))
    return FeedItem(url=loc, title=title, published=published or lastmod, kind=_kind(loc), updated=lastmod)


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
    skipped: list[str] = []
    for el in elements[: MAX_ITEMS * 2]:
        try:
            a = el if el.name == "a" and el.get("href") else el.find("a", href=True)
            if a is None:
                continue
            link = _http_url(a.get("href"), base)
            if not link or link in seen or not same_site(link, url):
                continue
            seen.add(link)
            items.append(FeedItem(url=link, title=_clean(a.get_text(" ", strip=True)), kind=_kind(link)))
        except Exception as exc:  # one odd link never costs the others
            skipped.append(f"{type(exc).__name__}: {_message(exc)}")
    return Discovery(items=tuple(items), warning=_skipped(skipped))


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
    """One line of text from the web, at most 1,000 characters (None for anything but text)."""
    text = scrub(text)
    if not text:
        return None
    text = " ".join(text.split())
    return text[:1000] or None


def _strip_html(text: str | None) -> str | None:
    text = scrub(text)
    if not text:
        return None
    if "<" in text:
        text = BeautifulSoup(text[:200_000], "lxml").get_text(" ", strip=True)
    return _clean(text[:20000])
