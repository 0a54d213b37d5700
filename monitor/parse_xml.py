"""XML is hostile: documents that declare entities are refused before any parser sees them, in
whatever encoding they are written."""

from __future__ import annotations

import codecs
import re

from .errors import ParseError

_ENTITY_DECL = re.compile(rb"<!ENTITY", re.I)
_ENTITY_DECL_TEXT = re.compile(r"<!ENTITY", re.I)

# The first bytes of an XML document without a BOM tell its encoding family (XML 1.0, appendix F)
_XML_SNIFF = ((b"\x00\x00\x00<", "utf-32-be"), (b"<\x00\x00\x00", "utf-32-le"),
              (b"\x00<\x00?", "utf-16-be"), (b"<\x00?\x00", "utf-16-le"), (b"Lo\xa7\x94", "cp037"))
_BOMS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
         (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))
_DECL_ENCODING = re.compile(r"""^\s*<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9._:-]+)""", re.I)


def xml_declaration(body: bytes) -> tuple[str | None, str | None]:
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
    family, declared = xml_declaration(body)
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

