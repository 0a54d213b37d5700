"""Feeds, sitemaps and listings -> FeedItems; hostile XML; feedparser's own odd corpus."""

from __future__ import annotations

import json
import signal
import time

import pytest

from monitor.errors import ParseError
from monitor.extract import pdf_links
from monitor.parse import filter_items, parse_date, parse_feed, parse_listing, parse_sitemap
from tests.helpers import shared_data

BASE = "https://news.example.org"

RSS = f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>T</title>
<item><title>Ford  cuts  steel emissions</title><link>{BASE}/2026/11/ford-steel/</link>
<pubDate>Mon, 02 Nov 2026 10:00:00 +0100</pubDate><dc:creator>A. Writer</dc:creator>
<description>&lt;p&gt;Summary &lt;b&gt;bold&lt;/b&gt;&lt;/p&gt;</description>
<enclosure url="{BASE}/files/report.pdf" type="application/pdf" length="1"/></item>
<item><title>No link</title></item>
<item><title>Bad scheme</title><link>javascript:alert(1)</link></item>
<item><title>Relative</title><link>/2026/11/relative/</link></item>
</channel></rss>""".encode()

ATOM = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>M</title><id>x</id><updated>2026-11-03T00:00:00Z</updated>
<entry><title>Nickel in Halmahera</title><id>urn:1</id><link rel="alternate" href="{BASE}/nickel/"/>
<published>2026-11-03T08:30:00Z</published><updated>2026-11-04T08:30:00Z</updated>
<author><name>Jane Doe</name></author><summary>Short.</summary></entry></feed>""".encode()


def test_rss_items_with_dates_authors_and_pdf_enclosures():
    found = parse_feed(RSS, BASE + "/feed/", "application/rss+xml")
    urls = [i.url for i in found.items]
    assert urls == [f"{BASE}/2026/11/ford-steel/", f"{BASE}/files/report.pdf", f"{BASE}/2026/11/relative/"]
    first = found.items[0]
    assert first.title == "Ford cuts steel emissions" and first.author == "A. Writer"
    assert first.published == "2026-11-02T09:00:00Z" and first.summary == "Summary bold"
    assert found.items[1].kind == "report" and found.items[1].via == first.url
    assert found.warning is None


def test_atom_entries():
    [item] = parse_feed(ATOM, BASE + "/atom.xml").items
    assert (item.url, item.title, item.author, item.published) == \
        (f"{BASE}/nickel/", "Nickel in Halmahera", "Jane Doe", "2026-11-03T08:30:00Z")


def test_json_feed():
    doc = {"version": "https://jsonfeed.org/version/1.1", "title": "G", "items": [
        {"id": "1", "url": f"{BASE}/a.html", "title": "A", "date_published": "2026-11-05T10:00:00-05:00",
         "authors": [{"name": "Kim"}], "content_html": "<p>Body</p>"},
        {"id": "2", "title": "no url"}, "junk"]}
    [item] = parse_feed(json.dumps(doc).encode(), BASE + "/feed.json").items
    assert (item.url, item.title, item.author, item.published, item.summary) == \
        (f"{BASE}/a.html", "A", "Kim", "2026-11-05T15:00:00Z", "Body")
    with pytest.raises(ParseError, match="not a JSON Feed"):
        parse_feed(b'{"items": []}', BASE + "/x.json")
    with pytest.raises(ParseError, match="malformed JSON feed"):
        parse_feed(b'{"version": ', BASE + "/x.json")


def test_malformed_feed_is_a_parse_error_naming_the_url():
    with pytest.raises(ParseError) as err:
        parse_feed(b"<rss><channel><title>broken</ti", BASE + "/broken.xml")
    assert "malformed feed" in str(err.value) and BASE + "/broken.xml" in str(err.value)


def test_html_is_not_a_feed():
    with pytest.raises(ParseError):
        parse_feed(b"<!doctype html><html><body><p>hello</p></body></html>", BASE + "/")


def test_malformed_feed_with_recoverable_items_keeps_them_and_warns():
    body = RSS.replace(b"</channel></rss>", b"<item><title>x &nbsp; y</title><link>" +
                       BASE.encode() + b"/late/</link></item></channel></rss>")
    found = parse_feed(body, BASE + "/feed/")
    assert BASE + "/late/" in [i.url for i in found.items]
    assert found.warning and "malformed feed" in found.warning


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
<!ENTITY lol9 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>https://x.org/&lol9;</loc></url></urlset>"""

EXTERNAL_ENTITY = b"""<?xml version="1.0"?>
<!DOCTYPE r [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<rss version="2.0"><channel><item><title>&xxe;</title><link>https://x.org/a</link></item></channel></rss>"""


@pytest.mark.parametrize("parse", [parse_sitemap, parse_feed])
@pytest.mark.parametrize("doc", [BILLION_LAUGHS, EXTERNAL_ENTITY])
def test_entity_declarations_are_refused(parse, doc):
    started = time.monotonic()
    with pytest.raises(ParseError, match="entit"):
        parse(doc, BASE + "/sitemap.xml")
    assert time.monotonic() - started < 1.0


NEWS_SITEMAP = f"""<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
        xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
<url><loc>{BASE}/business/autos/tesla-lithium-2026-11-20/</loc>
<news:news><news:publication><news:name>Reuters</news:name><news:language>en</news:language></news:publication>
<news:publication_date>2026-11-20T14:05:00Z</news:publication_date>
<news:title>Tesla opens lithium refinery in Texas</news:title></news:news></url>
<url><loc>{BASE}/old/</loc><lastmod>2026-10-01</lastmod></url>
<url><loc>ftp://x/</loc></url>
</urlset>""".encode()


def test_google_news_sitemap():
    items = parse_sitemap(NEWS_SITEMAP, BASE + "/news-sitemap.xml").items
    assert [(i.url, i.title, i.published) for i in items] == [
        (f"{BASE}/business/autos/tesla-lithium-2026-11-20/", "Tesla opens lithium refinery in Texas",
         "2026-11-20T14:05:00Z"),
        (f"{BASE}/old/", None, "2026-10-01T00:00:00Z")]


def test_sitemap_index_lists_children_newest_first():
    index = f"""<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
    <sitemap><loc>{BASE}/a.xml</loc><lastmod>2026-01-01</lastmod></sitemap>
    <sitemap><loc>{BASE}/b.xml.gz</loc><lastmod>2026-11-01</lastmod></sitemap></sitemapindex>""".encode()
    found = parse_sitemap(index, BASE + "/index.xml")
    assert found.children == (f"{BASE}/b.xml.gz", f"{BASE}/a.xml") and not found.items


def test_not_a_sitemap():
    with pytest.raises(ParseError, match="root element <html>"):
        parse_sitemap(b"<html><body/></html>", BASE + "/s.xml")
    with pytest.raises(ParseError, match="malformed sitemap"):
        parse_sitemap(b"<urlset><url>", BASE + "/s.xml")


LISTING = """<html><head><base href="https://reports.example.org/en/"></head><body>
<nav><a href="/about/">About</a><a href="https://twitter.com/x">Twitter</a></nav>
<div class="card"><a class="report-link" href="report/steel-2026/">Steel  report</a></div>
<div class="card"><a class="report-link" href="/en/report/lithium.pdf#page=2">Lithium (PDF)</a></div>
<div class="card"><a class="report-link" href="https://elsewhere.org/report/x/">Offsite</a></div>
<div class="card"><a class="report-link" href="mailto:x@y.org">Mail</a></div>
<a href="/en/report/unselected/">not selected</a></body></html>""".encode()


def test_listing_by_selector_resolves_relative_links_and_stays_on_site():
    items = parse_listing(LISTING, "https://reports.example.org/en/reports", "a.report-link")
    assert [(i.url, i.title, i.kind) for i in items.items] == [
        ("https://reports.example.org/en/report/steel-2026/", "Steel report", "article"),
        ("https://reports.example.org/en/report/lithium.pdf#page=2", "Lithium (PDF)", "report")]


def test_listing_without_selector_and_include_exclude():
    items = parse_listing(LISTING, "https://reports.example.org/en/reports").items
    kept = [i.url for i in filter_items(items, ("/report/",), (r"\.pdf",))]
    assert kept == ["https://reports.example.org/en/report/steel-2026/",
                    "https://reports.example.org/en/report/unselected/"]


def test_pdf_links_on_an_article_page():
    links = pdf_links(["/files/a.PDF", "https://other.org/b.pdf", "c.pdf#x", "/page/", "/files/a.PDF"],
                      "https://www.example.org/pub/x/")
    assert links == ["https://www.example.org/files/a.PDF", "https://www.example.org/pub/x/c.pdf"]


@pytest.mark.parametrize("text, iso", [
    ("Mon, 02 Nov 2026 10:00:00 GMT", "2026-11-02T10:00:00Z"), ("2026-11-02", "2026-11-02T00:00:00Z"),
    ("2026-11-02T10:00:00+02:00", "2026-11-02T08:00:00Z"), ("yesterday-ish", None), ("", None)])
def test_parse_date(text, iso):
    assert parse_date(text) == iso


class _Alarm(Exception):
    pass


@pytest.mark.shared
def test_feedparser_corpus_never_crashes_or_hangs_the_parse_stage():
    """Every file of feedparser's odd-feed corpus through every parser: items or a ParseError."""
    root = shared_data("feedparser-tests")
    files = sorted(p for p in root.rglob("*") if p.is_file() and p.name != "LICENSE")
    assert len(files) > 1000

    def alarm(signum, frame):
        raise _Alarm()

    previous = signal.signal(signal.SIGALRM, alarm)
    outcomes = {"items": 0, "error": 0}
    try:
        for path in files:
            body = path.read_bytes()
            url = "http://127.0.0.1:9/" + path.name
            for parse in (lambda b: parse_feed(b, url), lambda b: parse_sitemap(b, url),
                          lambda b: parse_listing(b, url)):
                signal.setitimer(signal.ITIMER_REAL, 5.0)
                try:
                    found = parse(body)
                    outcomes["items"] += bool(found.items)
                except ParseError:
                    outcomes["error"] += 1
                except _Alarm:
                    pytest.fail(f"parsing {path} took more than 5 s")
                finally:
                    signal.setitimer(signal.ITIMER_REAL, 0)
    finally:
        signal.signal(signal.SIGALRM, previous)
    print(f"feedparser corpus: {len(files)} files, {outcomes}")
    assert outcomes["items"] > 100


# -- hostile fields and charsets (issue 14) ------------------------------------------------------

def test_json_feed_fields_with_lone_surrogates_control_characters_or_the_wrong_type_are_cleaned():
    body = ('{"version": "https://jsonfeed.org/version/1.1", "title": "J", "items": ['
            '{"id": "1", "url": "' + BASE + '/tesla-\\ud800lithium.html", "title": "Tesla \\ud800 buys\\u0007 lithium",'
            ' "summary": "Sum\\udfffmary", "authors": [{"name": "Ann \\ud800Lee"}, {"name": {"first": "Bo"}}]},'
            '{"id": "2", "url": "' + BASE + '/kia.html", "title": {"text": "an object"}, "author": {"name": ["x"]},'
            ' "authors": {"name": "not a list"}, "date_published": {"y": 2026}, "summary": 7},'
            '{"id": "3", "url": {"href": "' + BASE + '/x"}, "external_url": "' + BASE + '/ext.html", "authors": "me"}'
            ']}').encode()
    items = parse_feed(body, BASE + "/feed.json").items
    assert [(i.url, i.title, i.author, i.summary, i.published) for i in items] == [
        (f"{BASE}/tesla-lithium.html", "Tesla buys lithium", "Ann Lee", "Summary", None),
        (f"{BASE}/kia.html", None, "not a list", None, None),
        (f"{BASE}/ext.html", None, None, None, None)]
    for item in items:  # every field can be stored as UTF-8
        for value in (item.url, item.title, item.author, item.summary):
            (value or "").encode("utf-8")


def test_character_references_to_no_character_do_not_cost_the_feed():
    body = RSS.replace(b"Ford  cuts  steel emissions", b"Ford &#55296;cuts &#xDFFF;steel &#1114112;emissions&#0;")
    found = parse_feed(body, BASE + "/feed/", "application/rss+xml")
    assert found.items[0].title == "Ford \ufffdcuts \ufffdsteel \ufffdemissions\ufffd"
    assert found.items[0].url == f"{BASE}/2026/11/ford-steel/"


BOGUS_CHARSETS = ["punycode", "undefined", "unicode_escape", "raw_unicode_escape", "idna", "utf-7", "base64"]


@pytest.mark.parametrize("charset", BOGUS_CHARSETS)
def test_a_charset_that_is_no_text_encoding_falls_back_to_detection(charset):
    from monitor.fetch.charset import decode_text, text_codec

    assert text_codec(charset) is None and text_codec("windows-1252") == "cp1252"
    page = (b"<html><head><meta charset='" + charset.encode() + b"'></head><body>"
            b"<a href='/a'>Citro\xebn \\ud800 plant</a> <a href='/b\\ud800c'>B</a></body></html>")
    for body in (page, page.replace(b"\xeb", b"e")):  # not UTF-8, and plain ASCII
        text = decode_text(body, charset)
        text.encode("utf-8")  # no lone surrogate came out of it
        assert "\\ud800" in text
        items = parse_listing(body, BASE + "/list", charset=charset).items
        assert [i.url for i in items] == [f"{BASE}/a", f"{BASE}/b\\ud800c"]
    title = parse_listing(page, BASE + "/list", charset=charset).items[0].title
    assert title.startswith("Citro") and title.endswith("n \\ud800 plant")  # the letter as detected
    rss = RSS.replace(b'encoding="utf-8"', f'encoding="{charset}"'.encode())
    for content_type in (f"application/rss+xml; charset={charset}", "application/rss+xml"):
        found = parse_feed(rss, BASE + "/feed/", content_type)
        assert found.items[0].title == "Ford cuts steel emissions"


def _entities_in(encoding: str) -> bytes:
    doc = BILLION_LAUGHS.decode().replace('<?xml version="1.0"?>', f'<?xml version="1.0" encoding="{encoding}"?>')
    if encoding == "UTF-7":
        return doc.replace("<!ENTITY", "+ADw-!ENTITY").encode("ascii")
    return doc.encode({"UTF-16LE": "utf-16-le", "UTF-16BE": "utf-16-be"}.get(encoding, encoding))


@pytest.mark.parametrize("encoding", ["UTF-16", "UTF-16LE", "UTF-16BE", "UTF-32", "UTF-7", "cp037"])
@pytest.mark.parametrize("parse", [parse_sitemap, parse_feed])
def test_entity_declarations_are_refused_in_every_encoding(parse, encoding):
    """The <!ENTITY pre-check reads the document as a parser would: UTF-16 and UTF-32 (with or
    without a BOM), UTF-7, EBCDIC."""
    with pytest.raises(ParseError, match="declares entities"):
        parse(_entities_in(encoding), BASE + "/sitemap.xml")
