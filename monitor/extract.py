"""HTML and PDF -> ``Page``: main text, title, author, date, language, canonical URL.

Runs in worker processes (see ``workers.py``), so everything here is a plain function of bytes
and returns a picklable frozen dataclass. trafilatura does the HTML; pypdf does the PDFs.
"""

from __future__ import annotations

import io
import logging
import re
from dataclasses import dataclass
from functools import lru_cache

from .charset import decode_text
from .errors import ExtractError

MAX_TEXT_CHARS = 2_000_000
_HTML_SNIFF = re.compile(rb"^\s*(<!doctype\s+html|<html|<head|<body|<!--)", re.I)


@dataclass(frozen=True)
class Page:
    """The extracted article or report."""

    url: str
    title: str | None
    text: str
    author: str | None
    published: str | None
    language: str | None
    kind: str  # article | report
    canonical: str | None = None
    pdf_links: tuple[str, ...] = ()


def sniff_kind(body: bytes) -> str:
    """'pdf', 'html' or 'other', from the bytes themselves (the Content-Type may lie)."""
    if b"%PDF-" in body[:1024]:
        return "pdf"
    if _HTML_SNIFF.match(body[:2048]) or b"<html" in body[:4096].lower():
        return "html"
    return "other"


def extract_page(body: bytes, url: str, *, charset: str | None = None, expect_pdf: bool = False,
                 max_pdf_pages: int = 200) -> Page:
    kind = sniff_kind(body)
    if kind == "pdf":
        return extract_pdf(body, url, max_pages=max_pdf_pages)
    if expect_pdf:
        what = "an HTML page" if kind == "html" else "not a PDF"
        raise ExtractError(f"expected a PDF report but got {what}", url)
    return extract_html(body, url, charset=charset)


@lru_cache(maxsize=1)
def _trafilatura_config():
    from trafilatura.settings import use_config

    config = use_config()
    config.set("DEFAULT", "EXTRACTION_TIMEOUT", "0")  # no signals in worker processes
    return config


def extract_html(body: bytes, url: str, *, charset: str | None = None) -> Page:
    from trafilatura import bare_extraction
    from trafilatura.utils import load_html

    text = decode_text(body, charset)
    tree = load_html(text)
    if tree is None:
        raise ExtractError("page is not parseable HTML", url)
    canonical = None
    for href in tree.xpath('//link[@rel="canonical"]/@href')[:1]:
        canonical = str(href).strip() or None
    links = tuple(str(h) for h in tree.xpath("//a/@href[contains(translate(., 'PDF', 'pdf'), '.pdf')]")[:200])
    lang = (tree.get("lang") or "").split("-")[0].lower() or None
    doc = bare_extraction(tree, url=url, favor_precision=True, include_comments=False,
                          include_tables=True, with_metadata=True, deduplicate=False,
                          config=_trafilatura_config())
    if doc is None or not (doc.text or "").strip():
        raise ExtractError("no main text found on the page", url)
    return Page(url=url, title=_one_line(doc.title), text=doc.text[:MAX_TEXT_CHARS],
                author=_one_line(doc.author), published=_date(doc.date),
                language=(doc.language or lang), kind="article", canonical=canonical,
                pdf_links=links)


def extract_pdf(body: bytes, url: str, *, max_pages: int = 200) -> Page:
    import pypdf

    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = pypdf.PdfReader(io.BytesIO(body), strict=False)
        if reader.is_encrypted:
            reader.decrypt("")
        parts, total = [], 0
        for page in reader.pages[:max_pages]:
            piece = page.extract_text() or ""
            parts.append(piece)
            total += len(piece)
            if total > MAX_TEXT_CHARS:
                break
        meta = reader.metadata
    except Exception as exc:  # pypdf raises many kinds on broken files
        raise ExtractError(f"unreadable PDF: {type(exc).__name__}: {exc}", url) from None
    text = _pdf_text("\n\n".join(parts))[:MAX_TEXT_CHARS]
    if not text.strip():
        raise ExtractError("PDF has no extractable text (scanned?)", url)
    title = _one_line(getattr(meta, "title", None)) if meta else None
    if not title:
        title = next((line.strip() for line in text.splitlines() if len(line.strip()) > 8), None)
        title = _one_line(title)
    published = None
    if meta is not None:
        try:
            created = meta.creation_date
            published = created.strftime("%Y-%m-%d") if created else None
        except Exception:  # malformed date strings in PDF metadata are common
            published = None
    author = _one_line(getattr(meta, "author", None)) if meta else None
    return Page(url=url, title=title, text=text, author=author, published=published,
                language=None, kind="report")


def _pdf_text(text: str) -> str:
    """Join the lines pypdf breaks mid-sentence; keep blank-line paragraph breaks."""
    paragraphs = re.split(r"\n\s*\n", text)
    return "\n\n".join(" ".join(p.split()) for p in paragraphs if p.strip())


def _one_line(text) -> str | None:
    if not text:
        return None
    text = " ".join(str(text).split())
    return text[:500] or None


def _date(value: str | None) -> str | None:
    if not value:
        return None
    return str(value)[:10] if re.match(r"\d{4}-\d{2}-\d{2}", str(value)) else None
