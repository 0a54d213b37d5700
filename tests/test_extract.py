"""Extraction: clean text from HTML, text from PDF reports, and honest errors for impostors."""

from __future__ import annotations

import pytest

from monitor.errors import ExtractError
from monitor.extract import drop_inline_furniture, extract_html, extract_page, sniff_kind
from monitor.fetch.charset import decode_text
from tests.helpers import ROOT

PARAGRAPH = ("Volkswagen said on Monday that it would buy low-carbon steel made with hydrogen from a "
             "Swedish supplier for the platform of its next electric cars, a first for the group. ")


def page(body_html: str, head: str = "", charset_meta: str = "utf-8", h1: str = "Škoda and VW buy green steel") -> str:
    return (f"<!doctype html><html lang='en'><head><meta charset='{charset_meta}'><title>Site | T</title>{head}"
            "</head><body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav>"
            f"<article><h1>{h1}</h1>{body_html}</article>"
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
    pdfs = sorted((ROOT / "monitor" / "demo" / "sample_site").rglob("*.pdf"))
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


LIVE_SUMMARY = [
    ("The regional council votes today on the battery cell plant that a carmaker wants to build on farmland "
     "north of the city."),
    ("The plant would employ about 2,400 people once its three production halls run, the company says, and "
     "make cells for 300,000 cars a year."),
    ("Farmers upstream say the river it would draw cooling water from already runs low in August, and want "
     "the permit capped."),
    ("The mayor backs the project; the opposition wants a second hearing on traffic and on the water permit "
     "before any vote."),
    ("Two of the three halls would stand on land the city bought from a seed company in 2019; the third needs "
     "a change to the zoning plan, which the council would vote on next spring."),
    ("The carmaker has said it would build the plant across the border if the permit is not granted by the "
     "end of the year, a threat the opposition calls a bluff."),
    "A decision on the river permit itself is not expected before the regional water board meets in March.",
    ("We follow the session as it happens below, with the votes on each amendment and what the councillors "
     "said."),
]
COUNCILLORS = ["Ahlberg", "Brandt", "Castell", "Dimitrova", "Eklund", "Farouk", "Gruber", "Holm", "Ivanova",
               "Jansen", "Kowalski", "Lindqvist", "Moreau", "Nyberg", "Okafor", "Petrov", "Quist", "Rossi",
               "Santos", "Tanaka", "Ulrich", "Varga", "Weber", "Young"]


def live_blog() -> str:
    """A live blog: a summary, then timestamped updates that each sit in a div with a coloured
    left border in its inline style, which trafilatura's precision mode drops as a box."""
    updates = "".join(
        f"<div class='live-update' style='border-left: 3px solid #c8102e; padding-left: 12px'>"
        f"<time datetime='2026-11-18T{10 + i // 4:02d}:{i * 13 % 60:02d}'>{10 + i // 4:02d}:{i * 13 % 60:02d}</time>"
        f"<p>Councillor {name} asked for the water permit to be capped at {800 + 50 * i} cubic metres a day, "
        f"with a yearly review by the river authority.</p>"
        f"<p>The amendment in {name}'s name was put to a vote and {'passed' if i % 3 else 'failed'} by {20 + i} "
        f"votes to {19 - i // 2}.</p></div>"
        for i, name in enumerate(COUNCILLORS))
    summary = "".join(f"<p>{sentence}</p>" for sentence in LIVE_SUMMARY)
    teaser = "<p>Also read: <a href='/2026/11/cell-plant-south/'>The carmaker's first cell plant opens in May</a></p>"
    return page(f"{summary}<div class='live-feed'>{updates}{teaser}</div>", h1="Battery plant vote: live")


def test_a_live_blog_keeps_its_updates_where_the_precise_pass_keeps_only_the_summary():
    html = live_blog().encode()
    text = extract_page(html, "https://example.org/live").text
    assert text.startswith("Battery plant vote: live\nThe regional council votes today")
    assert all(f"Councillor {name} asked" in text for name in COUNCILLORS)
    assert "The amendment in Young's name was put to a vote and passed by 43 votes to 8." in text
    assert "newsletter" not in text and "All rights reserved" not in text and "Home" not in text
    assert "Also read" not in text  # the post-processing applies to the default pass's text too
    # the precise pass alone keeps the summary only: about a sixth of the words
    precise = extract_html(html, "https://example.org/live", precise_only=True).text
    assert text.startswith(precise) and "Councillor Ahlberg" not in precise
    assert len(precise.split()) < 0.2 * len(text.split())


def test_a_normal_article_keeps_the_precise_text_and_runs_one_pass(monkeypatch):
    """The default mode would keep the bordered "more from us" box inside the article; the precise
    text is most of the page's paragraphs, so the default pass does not even run, and had it run,
    the precise text (nine tenths of the default one) would still be kept."""
    import trafilatura

    import monitor.extract

    box = ("<div class='more' style='border-top: 1px solid #ddd'><p>More from Example Media: our weekly "
           "briefing on charging networks, battery prices and the carmakers' supply deals.</p></div>")
    html = page("".join(f"<p>{PARAGRAPH}Paragraph {i}.</p>" for i in range(6)) + box).encode()
    precise = extract_html(html, "https://example.org/a", precise_only=True).text
    calls = []
    real = trafilatura.bare_extraction
    monkeypatch.setattr(trafilatura, "bare_extraction", lambda *a, **kw: calls.append(kw) or real(*a, **kw))
    text = extract_page(html, "https://example.org/a").text
    assert text == precise and "Paragraph 5" in text
    assert "More from Example Media" not in text and "newsletter" not in text
    assert [kw["favor_precision"] for kw in calls] == [True]
    monkeypatch.setattr(monitor.extract, "RECALL_CHECK_SHARE", 10.0)  # the second pass always runs
    calls.clear()
    assert extract_page(html, "https://example.org/a").text == precise
    assert [kw["favor_precision"] for kw in calls] == [True, False]
