"""Write small, valid text PDFs without third-party dependencies.

Used to (re)generate the ICCT sample reports of the fixture site:

    .venv/bin/python tests/tools/make_pdf.py          # rewrites both PDFs
    .venv/bin/python tests/tools/make_pdf.py --check  # regenerate in memory, compare

The text of each report lives in tests/tools/sample_pdfs/<name>.txt: a few
"Key: value" header lines (Title, Author, Subject, Keywords, CreationDate as ISO
8601, Output relative to monitor/demo/sample_site/), a blank line, then the body.
Body lines are paragraphs (wrapped at ~90 characters); a blank line is kept as a
blank line; a line starting with "# " is set in bold; a line "=== page ===" starts
a new page. Pages that overflow continue on a new page.

Output is deterministic (no current time, a fixed /ID derived from the content),
so regenerating gives byte-identical files.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
import textwrap
import unicodedata
from datetime import datetime
from pathlib import Path

PAGE_WIDTH, PAGE_HEIGHT = 595, 842  # A4 in points
MARGIN_X, MARGIN_TOP, MARGIN_BOTTOM = 60, 64, 72
FONT_SIZE, HEADING_SIZE, LEADING = 10, 11, 13
WRAP = 90
PAGE_BREAK = "=== page ==="

HERE = Path(__file__).resolve().parent
SOURCE_DIR = HERE / "sample_pdfs"
SITE_DIR = HERE.parent.parent / "monitor" / "demo" / "sample_site"


# --- strings -----------------------------------------------------------------

def _winansi(text: str) -> bytes:
    """Encode for /WinAnsiEncoding (cp1252); transliterate what it lacks."""
    out = bytearray()
    for ch in text:
        try:
            out += ch.encode("cp1252")
        except UnicodeEncodeError:
            base = unicodedata.normalize("NFKD", ch)
            base = "".join(c for c in base if not unicodedata.combining(c))
            out += base.encode("cp1252", errors="replace") or b"?"
    return bytes(out)


def _literal(data: bytes) -> bytes:
    """A PDF literal string: escape ( ) \\ and write other non-printables in octal."""
    out = bytearray(b"(")
    for b in data:
        if b in b"()\\":
            out += b"\\" + bytes([b])
        elif 32 <= b < 127:
            out.append(b)
        else:
            out += b"\\%03o" % b
    out += b")"
    return bytes(out)


def _text_string(text: str) -> bytes:
    """A PDF text string for the info dictionary (UTF-16BE with BOM if not ASCII)."""
    if text.isascii():
        return _literal(text.encode("ascii"))
    return b"<FEFF" + text.encode("utf-16-be").hex().upper().encode() + b">"


def pdf_date(value: str) -> str:
    """'2026-11-05T08:30:00+01:00' -> "D:20261105083000+01'00'" (PDF dates pass through)."""
    if value.startswith("D:"):
        return value
    dt = datetime.fromisoformat(value.replace("Z", "+00:00"))
    stamp = dt.strftime("D:%Y%m%d%H%M%S")
    offset = dt.utcoffset()
    if offset is None:
        return stamp
    minutes = int(offset.total_seconds() // 60)
    if minutes == 0:
        return stamp + "Z"
    sign = "+" if minutes > 0 else "-"
    hours, mins = divmod(abs(minutes), 60)
    return f"{stamp}{sign}{hours:02d}'{mins:02d}'"


# --- layout ------------------------------------------------------------------

def _layout(pages: list[list[str]]) -> list[list[tuple[bool, str]]]:
    """Wrap paragraphs and split overflowing pages: -> pages of (bold, line)."""
    per_page = (PAGE_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM) // LEADING
    laid_out: list[list[tuple[bool, str]]] = []
    for page in pages:
        lines: list[tuple[bool, str]] = []
        for para in page:
            bold = para.startswith("# ")
            text = para[2:] if bold else para
            wrapped = textwrap.wrap(text, WRAP) or [""]
            lines.extend((bold, w) for w in wrapped)
        while lines and lines[-1][1] == "":
            lines.pop()
        chunks = [lines[i:i + per_page] for i in range(0, len(lines), per_page)] or [[]]
        laid_out.extend(chunks)
    return laid_out


def _content_stream(lines: list[tuple[bool, str]], footer: str) -> bytes:
    y = PAGE_HEIGHT - MARGIN_TOP
    ops = [b"BT", b"%d TL" % LEADING, b"%d %d Td" % (MARGIN_X, y)]
    current = None
    for bold, line in lines:
        font = (b"/F2", HEADING_SIZE) if bold else (b"/F1", FONT_SIZE)
        if font != current:
            ops.append(b"%s %d Tf" % font)
            current = font
        ops.append(_literal(_winansi(line)) + b" Tj T*")
    ops.append(b"ET")
    if footer:
        ops += [b"BT", b"/F1 8 Tf", b"%d %d Td" % (MARGIN_X, MARGIN_BOTTOM - 30),
                _literal(_winansi(footer)) + b" Tj", b"ET"]
    return b"\n".join(ops) + b"\n"


# --- document ----------------------------------------------------------------

def make_pdf(title: str, pages: list[list[str]], creation_date: str, *,
             author: str = "", subject: str = "", keywords: str = "",
             footer: str | None = None) -> bytes:
    """Return the bytes of a PDF 1.4 file with one Helvetica text block per page.

    `pages` is a list of pages, each a list of paragraphs (wrapped at ~90
    characters; "" is a blank line; "# " marks a bold line). `creation_date` is
    ISO 8601 or a PDF date string. `footer` defaults to "<title> | Page i of n".
    """
    laid_out = _layout(pages)
    n_pages = len(laid_out)
    objects: list[bytes] = []  # object i+1 is objects[i]

    def add(body: bytes) -> int:
        objects.append(body)
        return len(objects)

    catalog = add(b"")  # filled below, once the page tree number is known
    page_tree = add(b"")
    font_regular = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica "
                       b"/Encoding /WinAnsiEncoding >>")
    font_bold = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold "
                    b"/Encoding /WinAnsiEncoding >>")
    kids = []
    for i, lines in enumerate(laid_out, start=1):
        foot = footer if footer is not None else f"{title} | Page {i} of {n_pages}"
        stream = _content_stream(lines, foot.replace("{page}", str(i)).replace("{pages}", str(n_pages)))
        contents = add(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"endstream")
        kids.append(add(
            b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 %d %d] "
            b"/Resources << /Font << /F1 %d 0 R /F2 %d 0 R >> >> /Contents %d 0 R >>"
            % (page_tree, PAGE_WIDTH, PAGE_HEIGHT, font_regular, font_bold, contents)))
    objects[catalog - 1] = b"<< /Type /Catalog /Pages %d 0 R >>" % page_tree
    objects[page_tree - 1] = (b"<< /Type /Pages /Kids [" + b" ".join(b"%d 0 R" % k for k in kids)
                              + b"] /Count %d >>" % n_pages)

    date = pdf_date(creation_date).encode("ascii")
    info_items = [(b"Title", title), (b"Author", author), (b"Subject", subject),
                  (b"Keywords", keywords)]
    info = b"<< " + b" ".join(b"/%s %s" % (k, _text_string(v)) for k, v in info_items if v)
    info += (b" /Creator (chargewatch tests/tools/make_pdf.py) /Producer (make_pdf.py)"
             b" /CreationDate (%s) /ModDate (%s) >>" % (date, date))
    info_num = add(info)

    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for num, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % num + body + b"\nendobj\n"
    xref_at = len(out)
    out += b"xref\n0 %d\n" % (len(objects) + 1)
    out += b"0000000000 65535 f \n"
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    doc_id = hashlib.md5(bytes(out)).hexdigest().upper().encode()
    out += (b"trailer\n<< /Size %d /Root %d 0 R /Info %d 0 R /ID [<%s> <%s>] >>\n"
            % (len(objects) + 1, catalog, info_num, doc_id, doc_id))
    out += b"startxref\n%d\n%%%%EOF\n" % xref_at
    return bytes(out)


# --- the sample reports ------------------------------------------------------

def read_source(path: Path) -> tuple[dict[str, str], list[list[str]]]:
    """Parse a tests/tools/sample_pdfs/*.txt file into (headers, pages)."""
    text = path.read_text(encoding="utf-8")
    head, _, body = text.partition("\n\n")
    headers = {}
    for line in head.splitlines():
        key, _, value = line.partition(":")
        headers[key.strip()] = value.strip()
    pages: list[list[str]] = [[]]
    for line in body.strip("\n").splitlines():
        if line.strip() == PAGE_BREAK:
            pages.append([])
        else:
            pages[-1].append(line.rstrip())
    return headers, pages


def build(path: Path) -> tuple[Path, bytes]:
    headers, pages = read_source(path)
    data = make_pdf(headers["Title"], pages, headers["CreationDate"],
                    author=headers.get("Author", ""), subject=headers.get("Subject", ""),
                    keywords=headers.get("Keywords", ""))
    return SITE_DIR / headers["Output"], data


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true",
                        help="do not write; fail if a stored PDF differs from a fresh build")
    args = parser.parse_args(argv)
    stale = 0
    for source in sorted(SOURCE_DIR.glob("*.txt")):
        target, data = build(source)
        if args.check:
            if not target.exists() or target.read_bytes() != data:
                print(f"stale: {target}")
                stale += 1
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        print(f"wrote {target.relative_to(SITE_DIR)} ({len(data)} bytes)")
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main())
