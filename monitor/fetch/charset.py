"""Turn fetched bytes into text when the declared charset may be missing or wrong.

Order: a BOM; then strict UTF-8 when the bytes are valid UTF-8 with non-ASCII in them (valid
UTF-8 by accident is very unlikely, while pages labelled latin-1 that are really UTF-8 are
common); then the declared charset (header, then <meta>); then detection; then UTF-8 with
replacement characters, so invalid bytes never stop a page.

A declared charset is only a hint from the web: it is used only when it names a real text
encoding (``text_codec``). Python's codec registry also holds codecs that are not character
sets at all (``punycode``, ``idna``, ``unicode_escape`` turns ``\\ud800`` in the bytes into a
lone surrogate, ``undefined`` always fails, ``base64``...); a page naming one of them is
decoded as if it had named nothing.

``scrub`` is applied to every text field taken from the web (titles, URLs, authors, summaries,
error messages quoting them): lone surrogates cannot be stored (SQLite wants UTF-8) nor printed,
and control characters have no business in a one-line field.
"""

from __future__ import annotations

import codecs
import re

_META = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.I)
_XML_DECL = re.compile(rb"""^\s*<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9._:-]+)""", re.I)

# Codecs whose CodecInfo says "text encoding" but that are no character set of any document:
# IDN transforms, Python string-literal escapes, the codec that always fails, and UTF-7 (which
# no browser accepts, since it hides markup from filters). Names as codecs.lookup() gives them.
NOT_CHARSETS = frozenset({"punycode", "idna", "unicode-escape", "raw-unicode-escape", "undefined",
                          "unicode-internal", "utf-7", "uu", "base64", "hex", "quopri", "zlib", "bz2",
                          "rot-13"})

# lone surrogates, C0 controls other than tab/line feed/carriage return, DEL and C1 controls
_UNWANTED = re.compile("[\ud800-\udfff\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def scrub(text):
    """A text field from the web made safe to store and print: lone surrogates and control
    characters (except tab and line breaks) removed. Anything but a str gives None."""
    if not isinstance(text, str):
        return None
    return _UNWANTED.sub("", text) if _UNWANTED.search(text) else text


def declared_charset(body: bytes) -> str | None:
    head = body[:4096]
    m = _XML_DECL.search(head) or _META.search(head)
    return m.group(1).decode("ascii").lower() if m else None


def text_codec(name: str | None) -> str | None:
    """The codec's canonical name when ``name`` is a real text encoding, else None."""
    if not name or not isinstance(name, str):
        return None
    try:
        info = codecs.lookup(name.strip())
    except (LookupError, ValueError, TypeError):
        return None
    if not getattr(info, "_is_text_encoding", True) or info.name in NOT_CHARSETS:
        return None
    return info.name


_codec = text_codec  # the old private name


def _decode(body: bytes, codec: str, errors: str = "strict") -> str | None:
    """Decode with a codec, or None: a codec may fail in more ways than UnicodeDecodeError."""
    try:
        return body.decode(codec, errors=errors)
    except Exception:  # UnicodeError, LookupError, and whatever a rarely used codec raises
        return None


def decode_text(body: bytes, header_charset: str | None = None) -> str:
    for bom, enc in ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
                     (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if body.startswith(bom):
            return scrub(body.decode(enc, errors="replace").lstrip("\ufeff"))
    if not body.isascii():
        try:
            return body.decode("utf-8")
        except UnicodeDecodeError:
            pass
    for name in (header_charset, declared_charset(body)):
        codec = text_codec(name)
        if codec and codec not in ("utf-8",):
            text = _decode(body, codec)
            if text is not None:
                return scrub(text)
    if not body.isascii():
        try:
            from charset_normalizer import from_bytes

            best = from_bytes(body[:200_000]).best()
            codec = text_codec(best.encoding) if best is not None else None
            text = _decode(body, codec, "replace") if codec else None
            if text is not None:
                return scrub(text)
        except Exception:  # detection is best effort
            pass
    return body.decode("utf-8", errors="replace")
