"""Turn fetched bytes into text when the declared charset may be missing or wrong.

Order: a BOM; then strict UTF-8 when the bytes are valid UTF-8 with non-ASCII in them (valid
UTF-8 by accident is very unlikely, while pages labelled latin-1 that are really UTF-8 are
common); then the declared charset (header, then <meta>); then detection; then UTF-8 with
replacement characters, so invalid bytes never stop a page.
"""

from __future__ import annotations

import codecs
import re

_META = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.I)
_XML_DECL = re.compile(rb"""^\s*<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9._:-]+)""", re.I)


def declared_charset(body: bytes) -> str | None:
    head = body[:4096]
    m = _XML_DECL.search(head) or _META.search(head)
    return m.group(1).decode("ascii").lower() if m else None


def _codec(name: str | None) -> str | None:
    if not name:
        return None
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def decode_text(body: bytes, header_charset: str | None = None) -> str:
    for bom, enc in ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16"),
                     (codecs.BOM_UTF16_BE, "utf-16")):
        if body.startswith(bom):
            return body.decode(enc, errors="replace").lstrip("\ufeff")
    if not body.isascii():
        try:
            return body.decode("utf-8")
        except UnicodeDecodeError:
            pass
    for name in (header_charset, declared_charset(body)):
        codec = _codec(name)
        if codec and codec not in ("utf-8",):
            try:
                return body.decode(codec)
            except (UnicodeDecodeError, LookupError):
                continue
    if not body.isascii():
        try:
            from charset_normalizer import from_bytes

            best = from_bytes(body[:200_000]).best()
            if best is not None and best.encoding:
                return body.decode(best.encoding, errors="replace")
        except Exception:  # detection is best effort
            pass
    return body.decode("utf-8", errors="replace")
