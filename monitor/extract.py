"""HTML and PDF -> ``Page``: main text, title, author, date, language, canonical URL.

Runs in worker processes (see ``workers.py``), so everything here is a plain function of bytes
and returns a picklable frozen dataclass. trafilatura does the HTML; pypdf does the PDFs.
"""

from __future__ import annotations

import io
import logging
import re
from functools import lru_cache

from .dedupe import same_site
from .errors import ExtractError
from .fetch.charset import decode_text
from .links import http_url, is_pdf_url
from .records import Page

MAX_TEXT_CHARS = 2_000_000
_HTML_SNIFF = re.compile(rb"^\s*(<!doctype\s+html|<html|<head|<body|<!--)", re.I)


def pdf_links(html_links: list[str], page_url: str) -> list[str]:
    """The PDF links of an article page: on the same site, resolved, without fragments, at most 20
    (what ``Page.pdf_links`` holds: the pipeline queues them as reports)."""
    out = []
    for href in html_links:
        link = http_url(href, page_url)
        if link and is_pdf_url(link) and same_site(link, page_url) and link not in out:
            out.append(link.split("#", 1)[0])
    return out[:20]


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


def extract_html(body: bytes, url: str, *, charset: str | None = None, precise_only: bool = False) -> Page:
    """Main text by trafilatura; metadata read from the page's own tags, which costs a fraction
    of trafilatura's metadata pass (about 3 ms a page, a sixth of the extraction).
    ``precise_only`` skips the check against trafilatura's default mode (``main_doc``), for the
    benchmark's before/after figures."""
    from trafilatura.utils import load_html

    text = decode_text(body, charset)
    tree = load_html(text)
    if tree is None:
        raise ExtractError("page is not parseable HTML", url)
    meta = page_metadata(tree)
    links = tuple(pdf_links([str(h) for h in tree.xpath("//a/@href[contains(translate(., 'PDF', 'pdf'), '.pdf')]")[:200]],
                            url))
    doc = main_doc(tree, url, precise_only=precise_only)
    main_text = drop_inline_furniture(doc.text or "")[:MAX_TEXT_CHARS] if doc is not None else ""
    if not main_text.strip():  # nothing, or only teasers and sign-ups
        raise ExtractError("no main text found on the page", url)
    return Page(url=url, title=meta["title"], text=main_text, author=meta["author"],
                published=meta["published"], language=meta["language"], kind="article",
                canonical=meta["canonical"], pdf_links=links)


# A teaser's label and its separator: "Also read: <another story's title>", in the sources' languages
_TEASER = re.compile(
    r"\s*(?:also read|read also|read more|see also|see related|related(?: articles?| stories| coverage)?"
    r"|recommended(?: reading)?|more on this(?: story| topic)?|lesen sie auch|auch interessant"
    r"|mehr zum thema|(?:à )?lire aussi|a lire aussi|lea también|leia também|leia mais|baca juga)"
    r"\s*[:：»>|\-–—]\s*\S", re.I)
# "The ... newsletter brings you ... Sign up here."
_PROMPT = re.compile(r"\bnewsletters?\b.*\b(?:sign up|subscribe)(?: here| now| today| for free)?\W*$", re.I)
MAX_FURNITURE_CHARS = 300


def drop_inline_furniture(text: str) -> str:
    """Remove lines that pages set inside the article body but are not the article: link
    teasers to other stories ("Also read: Hyundai's Georgia Metaplant...") and newsletter
    prompts ("The ... newsletter brings you ... Sign up here."). trafilatura keeps them as
    paragraphs, and the names in them then tagged the article (an EU CO2 story tagged Hyundai).
    Only short lines go: a teaser's label with its colon or dash, or a newsletter's call to sign
    up at the end. On the text, not the HTML tree: walking every linked paragraph of a page cost
    2 ms, this costs a few microseconds."""
    if "\n" not in text and len(text) > MAX_FURNITURE_CHARS:
        return text
    kept = [line for line in text.split("\n")
            if len(line) > MAX_FURNITURE_CHARS or not (_TEASER.match(line) or _PROMPT.search(line))]
    return "\n".join(kept)


def trafilatura_doc(tree, url: str, *, favor_precision: bool):
    """One trafilatura pass: the fast one, then its fallback when the text is short or thin."""
    from trafilatura import bare_extraction

    options = dict(url=url, favor_precision=favor_precision, include_comments=False, include_tables=True,
                   with_metadata=False, deduplicate=False, config=_trafilatura_config())
    doc = bare_extraction(tree, fast=True, **options)
    if not _long_enough(doc):
        doc = bare_extraction(tree, **options)
    return doc


# The default pass runs when the precise text has fewer words than RECALL_CHECK_SHARE of the
# words in the page's <p> elements; its text is kept when the precise text has fewer words than
# RECALL_KEEP_SHARE of its own. Chosen on the tuning part of the benchmark (see main_doc).
RECALL_CHECK_SHARE, RECALL_KEEP_SHARE = 0.5, 0.3


def main_doc(tree, url: str, *, precise_only: bool = False):
    """trafilatura with ``favor_precision``, unless that pass kept only a small part of the article.

    The precise pass has the best F1 on the extraction benchmark, but it deletes blocks the
    default mode keeps, with no check of how much text goes with them: every <header> element,
    any div, section, list or paragraph with "border" in its inline style or a class token
    "link" (or one starting or ending in "bottom"), and short blocks with links more eagerly.
    On a live blog, a politics site and some broadcaster pages it kept 2 to 15 % of the article;
    on a benchmark page, once it had deleted the article's <header>, it returned a 24-word
    reprint notice instead of the 486-word article. So when the precise text has fewer words
    than RECALL_CHECK_SHARE of the words in the page's <p> elements (a cheap signal, 0.15 ms),
    trafilatura runs again in its default mode, and that text is kept if the precise text has
    fewer than RECALL_KEEP_SHARE of its words. The caller's post-processing
    (drop_inline_furniture) applies to whichever text is kept.

    On the 181 benchmark pages (python -m benchmarks extraction) the second pass runs on 11; the
    rule changes that one page, of the 124 it was tuned on (F1 0.9593 -> 0.9663 on that part) and
    none of the 57 held out (0.9765 before and after). Every gate from 0.25 to 1 with a keep
    share from 0.1 to 0.7 gave that same tuning F1; running the default pass on every page did
    worse (it also swapped a correct short text for a whole-page dump). A keep share of 0.3 holds
    to the precise text unless it lost over two thirds: half the share (about 0.6) at which,
    ungated, tuning pages start to lose from the swap. A gate of 0.5, above the keep share,
    leaves room for pages whose article is not all in <p> elements. It costs about 0.7 ms a
    page (10.2 -> 10.9 ms, 7 %: the gate, and the second pass on one page in sixteen); the
    default pass on every page would add about 8 ms."""
    doc = trafilatura_doc(tree, url, favor_precision=True)
    if precise_only:
        return doc
    precise = doc_words(doc)
    if precise >= RECALL_CHECK_SHARE * paragraph_words(tree):
        return doc
    fuller = trafilatura_doc(tree, url, favor_precision=False)
    return fuller if precise < RECALL_KEEP_SHARE * doc_words(fuller) else doc


def doc_words(doc) -> int:
    return len(doc.text.split()) if doc is not None and doc.text else 0


@lru_cache(maxsize=1)
def _paragraph_text():
    from lxml.etree import XPath

    return XPath("//p//text()")


def paragraph_words(tree) -> int:
    """Words in the page's <p> elements, navigation and footers included: an upper bound of
    the article's length on most pages, in 0.15 ms (a 174 KB page)."""
    return sum(len(text.split()) for text in _paragraph_text()(tree))


FAST_MIN_CHARS, FAST_MIN_BREAKS = 1000, 3


def _long_enough(doc) -> bool:
    """trafilatura's fallback (readability, then a comparison of both texts) costs half of the
    extraction, and it only changes the result where trafilatura's own text is short or thin.
    A body of 1,000 characters in four or more paragraphs is kept as it is: on the 181 pages of
    the extraction benchmark that is 160 pages, with the same F1 as running the fallback on all
    of them (python -m benchmarks extraction), at about 1.5 times the speed."""
    text = (doc.text or "") if doc is not None else ""
    return len(text) >= FAST_MIN_CHARS and text.count("\n") >= FAST_MIN_BREAKS


_META_XPATH = {
    "title": ['//meta[@property="og:title"]/@content', '//meta[@name="twitter:title"]/@content',
              "//h1//text()", "//title/text()"],
    "author": ['//meta[@name="author"]/@content', '//meta[@property="article:author"]/@content',
               '//meta[@name="parsely-author"]/@content', '//*[@rel="author"]//text()',
               '//*[@itemprop="author"]//*[@itemprop="name"]/text()', '//*[@itemprop="author"]/text()'],
    "published": ['//meta[@property="article:published_time"]/@content',
                  '//meta[@itemprop="datePublished"]/@content', '//*[@itemprop="datePublished"]/@datetime',
                  '//meta[@name="date"]/@content', '//meta[@name="pubdate"]/@content',
                  '//meta[@name="dc.date"]/@content', '//meta[@name="DC.date.issued"]/@content',
                  '//meta[@name="parsely-pub-date"]/@content', "//time/@datetime"],
}
_LD_DATE = re.compile(r'"datePublished"\s*:\s*"([^"]+)"')
_LD_AUTHOR = re.compile(r'"author"\s*:\s*(?:\[\s*)?\{[^{}]*?"name"\s*:\s*"([^"]+)"')


def page_metadata(tree) -> dict:
    """Title, author, publication date, language and rel=canonical from the page's markup."""
    out: dict = {}
    for key, paths in _META_XPATH.items():
        out[key] = None
        for path in paths:
            values = [" ".join(str(v).split()) for v in tree.xpath(path)[:20]]
            value = " ".join(v for v in values if v) if path.endswith("//text()") else next((v for v in values if v), None)
            if value:
                out[key] = value
                break
    if not out["published"] or not out["author"]:
        for script in tree.xpath('//script[@type="application/ld+json"]/text()')[:5]:
            if not out["published"] and (m := _LD_DATE.search(script)):
                out["published"] = m.group(1)
            if not out["author"] and (m := _LD_AUTHOR.search(script)):
                out["author"] = m.group(1)
    out["title"] = _one_line(out["title"])
    out["author"] = _one_line(out["author"])
    out["published"] = _date(out["published"])
    out["language"] = (tree.get("lang") or "").split("-")[0].lower() or None
    canonical = tree.xpath('//link[@rel="canonical"]/@href')
    out["canonical"] = str(canonical[0]).strip() or None if canonical else None
    return out


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
    except Exception as exc:  # pypdf raises many kinds on broken files (the worker's alarm is a
        # BaseException: it passes through here and is reported as a timeout, not as a bad PDF)
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
