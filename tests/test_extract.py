"""Extraction: clean text from HTML, text from PDF reports, and honest errors for impostors."""

from __future__ import annotations

import pytest

from monitor.charset import decode_text
from monitor.errors import ExtractError
from monitor.extract import drop_inline_furniture, extract_page, sniff_kind
from tests.conftest import ROOT

PARAGRAPH = ("Volkswagen said on Monday that it would buy low-carbon steel made with hydrogen from a "
             "Swedish supplier for the platform of its next electric cars, a first for the group. ")


def page(body_html: str, head: str = "", charset_meta: str = "utf-8") -> str:
    return (f"<!doctype html><html lang='en'><head><meta charset='{charset_meta}'><title>Site | T</title>{head}"
            "</head><body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav>"
            f"<article><h1>Škoda and VW buy green steel</h1>{body_html}</article>"
            "<aside>Subscribe to our newsletter for more news every day!</aside>"
            "<footer>© 2026 Example Media. All rights reserved. Privacy. Cookies.</footer></body></html>")


def test_html_main_text_without_boilerplate():
    html = page("".join(f"<p>{PARAGRAPH}Paragraph {i}.</p>" for i in range(6)),
                head="<link rel='canonical' href='/2026/11/vw-steel/'>"
                     "<meta property='article:published_time' content='2026-11-03T09:00:00+00:00'>")
    p = extract_page(html.encode(), "https://www.example.org/2026/11/vw-steel/amp/")
    assert p.kind == "article" and p.title == "Škoda and VW buy green steel"
    assert "low-carbon steel" in p.text and "Paragraph 5" in p.text
    assert "newsletter" not in p.text and "All rights reserved" not in p.text
    assert p.canonical == "/2026/11/vw-steel/" and p.published == "2026-11-03" and p.language == "en"


def test_mislabelled_charset_and_invalid_utf8():
    html = page(f"<p>{PARAGRAPH} Citroën, São Paulo, 5 €.</p>" * 4, charset_meta="iso-8859-1")
    # Declared latin-1 (meta and header) but really UTF-8: decoded as UTF-8.
    assert "Citroën" in decode_text(html.encode("utf-8"), "iso-8859-1")
    p = extract_page(html.encode("utf-8"), "https://example.org/a", charset="iso-8859-1")
    assert "Citroën, São Paulo" in p.text and "Ã" not in p.text
    # Really latin-1 and labelled so: decoded as latin-1.
    assert "Citroën" in decode_text("<p>Citroën</p>".encode("latin-1"), "iso-8859-1")
    # Invalid UTF-8 with no label: replacement characters, no crash.
    broken = html.encode("utf-8").replace("São".encode(), b"S\xff\xfeo")
    assert "Paulo" in extract_page(broken, "https://example.org/b").text


def test_sample_pdf_report():
    pdfs = sorted((ROOT / "monitor" / "sample_site").rglob("*.pdf"))
    assert len(pdfs) == 2
    for path in pdfs:
        p = extract_page(path.read_bytes(), "https://example.org/r.pdf", expect_pdf=True)
        assert p.kind == "report" and p.title and len(p.text) > 500
        assert p.published and p.published.startswith("2026-11")
        assert "\n\n" not in p.text[:20] and "  " not in p.text


def test_a_pdf_that_is_html_is_an_error():
    with pytest.raises(ExtractError, match="expected a PDF report but got an HTML page"):
        extract_page(page("<p>Please log in</p>").encode(), "https://example.org/r.pdf", expect_pdf=True)


def test_broken_pdf_and_empty_page_are_errors():
    with pytest.raises(ExtractError, match="unreadable PDF"):
        extract_page(b"%PDF-1.7\n garbage garbage", "https://example.org/r.pdf")
    with pytest.raises(ExtractError, match="no main text"):
        extract_page(b"<html><body><script>var x;</script></body></html>", "https://example.org/")


def test_sniff_kind():
    assert sniff_kind(b"%PDF-1.4 ...") == "pdf"
    assert sniff_kind(b"  <!DOCTYPE html><html>") == "html"
    assert sniff_kind(b"\x00\x01binary") == "other"


def test_inline_teasers_and_newsletter_prompts_are_dropped_and_prose_is_kept():
    text = "\n".join([
        "Ford will buy low-carbon aluminium from Quebec.",
        "Also read: Volkswagen Group secures low-carbon steel for Wolfsburg from 2028",
        "READ MORE: China plague outbreak confirmed",
        "Related: The 15 Weirdest Galaxies in Our Universe",
        "Baca juga: Demam nikel menggerus hutan terakhir",
        "Lesen Sie auch – BYD eröffnet Recyclingwerk",
        "The Reuters Sustainable Business newsletter brings you the latest news. Sign up here.",
        "Related to this, the company said it would publish its supplier list.",
        "Readers can subscribe to the company's newsletter, which covers recycling, every month.",
        "See also the coalition's ranking, published in May.",
        "Also read: " + "a teaser this long is prose, not a teaser " * 8,
    ])
    kept = drop_inline_furniture(text).split("\n")
    assert kept == [
        "Ford will buy low-carbon aluminium from Quebec.",
        "Related to this, the company said it would publish its supplier list.",
        "Readers can subscribe to the company's newsletter, which covers recycling, every month.",
        "See also the coalition's ranking, published in May.",
        "Also read: " + "a teaser this long is prose, not a teaser " * 8,
    ]
    assert drop_inline_furniture("") == ""


def test_a_page_of_teasers_only_has_no_main_text():
    page = (b"<html><body><article><p>Also read: <a href='/a'>Tesla opens a plant</a></p>"
            b"<p>Read more: <a href='/b'>BYD cuts prices</a></p></article></body></html>")
    with pytest.raises(ExtractError, match="no main text"):
        extract_page(page, "https://example.org/teasers")
