"""RSS 0.9x/1.0/2.0 and Atom (through feedparser) and JSON Feed -> ``FeedItem``s."""

from __future__ import annotations

import json
import re

import feedparser

from .errors import ParseError
from .fetch.charset import decode_text, text_codec
from .links import http_url, is_pdf_url
from .parse_items import (
    MAX_ITEMS,
    as_str,
    clean,
    error_text,
    item_kind,
    join_warnings,
    parse_date,
    skipped_warning,
    strip_html,
    struct_iso,
)
from .parse_xml import refuse_entities, xml_declaration
from .records import Discovery, FeedItem

# A numeric character reference to no character (a lone surrogate, beyond U+10FFFF, NUL):
# feedparser's loose parser turns it into chr(n).encode() and raises on the whole feed.
_CHAR_REF = re.compile(rb"&#(?:[xX]([0-9a-fA-F]{1,8})|([0-9]{1,10}));")


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
        raise ParseError(f"feed could not be parsed: {type(exc).__name__}: {error_text(exc)}", url) from None
    items: list[FeedItem] = []
    skipped: list[str] = []
    for entry in parsed.entries[:MAX_ITEMS]:
        try:
            items.extend(_feed_entry(entry, url))
        except Exception as exc:  # one odd entry never costs the others
            skipped.append(f"{type(exc).__name__}: {error_text(exc)}")
    warning = None
    if parsed.get("bozo"):
        exc = parsed.get("bozo_exception")
        message = f"malformed feed: {type(exc).__name__}: {error_text(exc)}" if exc else "malformed feed"
        if not items:
            raise ParseError(message, url)
        warning = message + f" (recovered {len(items)} items)"
    elif not parsed.get("version") and not items:
        raise ParseError("not a feed (no RSS, Atom or JSON Feed found)", url)
    return Discovery(items=tuple(items), warning=join_warnings(warning, note, skipped_warning(skipped)))


def _feed_entry(entry, url: str) -> list[FeedItem]:
    link = as_str(entry.get("link"))
    if not link:
        for candidate in entry.get("links", None) or []:
            if isinstance(candidate, dict) and as_str(candidate.get("href")):
                link = candidate["href"]
                break
    if not link and (as_str(entry.get("id")) or "").startswith("http"):
        link = entry.get("id")
    link = http_url(link, url)
    if not link:
        return []
    published = entry.get("published_parsed") or dict.get(entry, "updated_parsed")
    updated = dict.get(entry, "updated_parsed")
    title = clean(as_str(entry.get("title")))
    out = [FeedItem(url=link, title=title, published=struct_iso(published),
                    author=clean(as_str(entry.get("author"))), summary=strip_html(as_str(entry.get("summary"))),
                    kind=item_kind(link), updated=struct_iso(updated))]
    for enc in entry.get("enclosures", None) or []:
        if not isinstance(enc, dict):
            continue
        href = http_url(enc.get("href"), url)
        if href and (is_pdf_url(href) or "pdf" in str(as_str(enc.get("type")) or "")):
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
    family, declared = xml_declaration(body)
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
            skipped.append(f"{type(exc).__name__}: {error_text(exc)}")
            continue
        if item is not None:
            items.append(item)
    return Discovery(items=tuple(items), warning=skipped_warning(skipped))


def _json_entry(entry: dict, url: str) -> FeedItem | None:
    """One JSON Feed item; every field checked for its type (a name may be an object...)."""
    link = http_url(as_str(entry.get("url")) or as_str(entry.get("external_url")), url)
    if not link:
        return None
    authors = entry.get("authors")
    if not isinstance(authors, list):
        authors = [authors] if isinstance(authors, dict) else []
    if not authors and isinstance(entry.get("author"), dict):  # JSON Feed 1.0
        authors = [entry["author"]]
    names = [clean(as_str(a.get("name"))) for a in authors[:20] if isinstance(a, dict)]
    author = ", ".join(n for n in names if n) or None
    return FeedItem(
        url=link, title=clean(as_str(entry.get("title"))),
        published=parse_date(as_str(entry.get("date_published")) or as_str(entry.get("date_modified"))),
        author=clean(author),
        summary=clean(as_str(entry.get("summary"))) or strip_html(as_str(entry.get("content_html"))),
        kind=item_kind(link), updated=parse_date(as_str(entry.get("date_modified"))))

