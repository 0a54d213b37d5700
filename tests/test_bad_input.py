"""Bad input end to end: each case runs beside a good source; the run goes on, nothing is lost,
and the error is recorded against the source (or the article) with its URL."""

from __future__ import annotations

import gzip
import threading

import pytest
from click.testing import CliRunner

from monitor.demo.sitesrv import SiteServer
from monitor.fetch.netguard import system_resolver
from monitor.pipeline import run_pass
from storage.sources import list_sources
from tests.helpers import check_destination, closed_port, make_settings, respond

BODY = ("<p>Hyundai and Kia said their suppliers in Georgia would switch to renewable electricity "
        "under new power purchase agreements, cutting the embodied emissions of their batteries.</p>")


def article(title: str, extra: str = "", charset: str = "utf-8") -> str:
    return (f"<!doctype html><html lang='en'><head><meta charset='{charset}'><title>{title}</title></head>"
            f"<body><nav>Home | News</nav><article><h1>{title}</h1>{BODY * 5}{extra}</article>"
            "<footer>Footer links</footer></body></html>")


def rss(*links: str) -> bytes:
    items = "".join(f"<item><title>Item {i}</title><link>{link}</link></item>" for i, link in enumerate(links))
    return f"<?xml version='1.0'?><rss version='2.0'><channel><title>x</title>{items}</channel></rss>".encode()


BILLION_LAUGHS = b"""<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaaaaaaaa">
<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>http://x/&c;</loc></url></urlset>"""


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    release = threading.Event()
    bomb = gzip.compress(b"<rss>" + b" " * 30_000_000, compresslevel=9)
    pages = {
        "/good/feed.xml": ("application/rss+xml", rss("{BASE}/good/article.html")),
        "/good/article.html": ("text/html; charset=utf-8", article("A good article").encode()),
        "/malformed.xml": ("application/rss+xml", b"<?xml version='1.0'?><rss><channel><item><title>x</ti"),
        "/big.xml": ("application/rss+xml", b"<rss>" + b" " * 2_000_000 + b"</rss>"),
        "/laughs.xml": ("application/xml", BILLION_LAUGHS),
        "/private/feed.xml": ("application/rss+xml", rss("{BASE}/good/article.html")),
        "/charset/feed.xml": ("application/rss+xml", rss("{BASE}/charset/mislabelled.html", "{BASE}/charset/invalid.html")),
        "/charset/mislabelled.html": ("text/html; charset=iso-8859-1",
                                      article("Citroën and Škoda in São Paulo", charset="iso-8859-1").encode("utf-8")),
        "/charset/invalid.html": ("text/html; charset=utf-8",
                                  article("Invalid bytes", "<p>caf\xe9 \xff\xfe</p>").encode("utf-8").replace(
                                      "caf\xe9 \xff\xfe".encode(), b"caf\xe9 \xff\xfe")),
        "/fake.pdf": ("application/pdf", article("Please log in").encode()),
        "/pdf/feed.xml": ("application/rss+xml", rss("{BASE}/fake.pdf")),
        "/walled/sitemap.xml": ("application/xml", b"""<?xml version="1.0"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
<url><loc>{BASE}/walled/tesla-lithium-2026-11-20/</loc><news:news><news:publication_date>2026-11-20T10:00:00Z</news:publication_date>
<news:title>Tesla starts lithium refinery in Texas</news:title></news:news></url></urlset>"""),
        # links the guard must refuse before any connection: a literal private address, and names
        # whose faked DNS answer (fake_dns) is one; conftest's autouse fixture fails the test
        # should anything try to connect outside 127.0.0.0/8
        "/items/feed.xml": ("application/rss+xml", rss("http://10.0.0.1/admin", "http://metadata.test/latest",
                                                        "{BASE}/private/page.html")),
    }
    routes = {
        "/robots.txt": lambda h: respond(h, 200, b"User-agent: *\nDisallow: /private/\n", "text/plain"),
        "/404.xml": lambda h: respond(h, 404, b"gone"),
        "/walled/tesla-lithium-2026-11-20/": lambda h: respond(h, 401, b"are you a robot?"),
        "/500.xml": lambda h: respond(h, 500, b"oops"),
        "/slow.xml": lambda h: (release.wait(30), respond(h, 200, b"late")),
        "/bomb.xml": lambda h: respond(h, 200, bomb, "application/rss+xml", Content_Encoding="gzip"),
        "/loop.xml": lambda h: respond(h, 302, b"", Location="/loop.xml?again"),
        "/loop.xml?again": None,
        "/other-loopback.xml": None,
        "/to-metadata.xml": lambda h: respond(h, 302, b"", Location="http://metadata.test/latest/meta-data"),
        "/to-intranet.xml": lambda h: respond(h, 301, b"", Location="http://intranet.test/feed"),
    }
    server = SiteServer(tmp_path_factory.mktemp("hostile"), routes={k: v for k, v in routes.items() if v})
    server.pages = {k: (t, b.replace(b"{BASE}", server.base.encode())) for k, (t, b) in pages.items()}
    server.routes["/loop.xml"] = lambda h: respond(
        h, 302, b"", Location="/loop-2.xml" if h.path == "/loop.xml" else "/loop.xml")
    server.routes["/loop-2.xml"] = lambda h: respond(h, 302, b"", Location="/loop.xml")
    server.routes["/other-loopback.xml"] = lambda h: respond(
        h, 302, b"", Location=f"http://127.0.0.2:{server.port}/feed.xml")
    server.start()
    yield server
    release.set()
    server.stop()


def fake_dns(host, port):
    return {"metadata.test": ["169.254.169.254"], "intranet.test": ["10.0.0.1"]}.get(host) or \
        system_resolver(host, port)


def run_case(hostile, db, extractor, url: str, kind: str = "feed", **network):
    settings = make_settings(hostile.base, f"""
  - name: good
    kind: feed
    url: {{BASE}}/good/feed.xml
  - name: bad
    kind: {kind}
    url: {url}
""", **network)
    reports = {r.name: r for r in run_pass(settings, db, resolver=fake_dns, extractor=extractor)}
    assert reports["good"].status != "failed"
    assert db.execute("SELECT count(*) FROM articles WHERE source = 'good'").fetchone()[0] == 1
    return reports["bad"], {s.name: s for s in list_sources(db)}["bad"]


@pytest.mark.parametrize("path, kind, network, needle", [
    ("/malformed.xml", "feed", {}, "malformed feed"),
    ("/404.xml", "feed", {}, "HTTP 404"),
    ("/500.xml", "feed", {}, "HTTP 500"),
    ("/slow.xml", "feed", {"read_timeout": "0.3s"}, "timed out"),
    ("/big.xml", "feed", {"max_bytes": "1MB"}, "over the cap"),
    ("/bomb.xml", "feed", {"max_bytes": "5MB"}, "decompressed"),
    ("/loop.xml", "feed", {}, "redirect loop"),
    ("/other-loopback.xml", "feed", {}, "127.0.0.2"),
    ("/to-metadata.xml", "feed", {}, "169.254.169.254"),
    ("/to-intranet.xml", "feed", {}, "10.0.0.1"),
    ("/laughs.xml", "sitemap", {}, "declares entities"),
    ("/private/feed.xml", "feed", {}, "robots.txt"),
])
def test_a_broken_source_is_recorded_and_the_run_goes_on(hostile, db, extractor, path, kind, network, needle):
    report, row = run_case(hostile, db, extractor, "{BASE}" + path, kind, **network)
    assert report.status == "failed" and needle in report.error
    assert hostile.base + path in report.error  # the URL is named
    assert row.consecutive_failures == 1 and needle in row.last_error


def test_connection_refused_is_recorded(hostile, db, extractor):
    port = closed_port()
    report, row = run_case(hostile, db, extractor, f"http://127.0.0.1:{port}/feed.xml",
                           allow_private=[hostile.base[7:], f"127.0.0.1:{port}"])
    assert "connection refused" in report.error and f"127.0.0.1:{port}/feed.xml" in row.last_error


def test_feed_items_linking_to_private_or_disallowed_addresses(hostile, db, extractor):
    report, row = run_case(hostile, db, extractor, "{BASE}/items/feed.xml")
    assert report.status == "ok" and report.failed == 3 and row.consecutive_failures == 0
    errors = "\n".join(report.errors)
    assert "http://10.0.0.1/admin" in errors and "10.0.0.1" in errors
    assert "http://metadata.test/latest" in errors and "169.254.169.254" in errors
    assert f"{hostile.base}/private/page.html" in errors and "robots.txt" in errors
    states = dict(db.execute("SELECT url, state FROM items WHERE source = 'bad'").fetchall())
    assert states["http://10.0.0.1/admin"] == "failed"  # permanent: never tried again
    assert "/private/page.html" not in hostile.paths_requested()


def test_mislabelled_charset_and_invalid_utf8_are_stored_readably(hostile, db, extractor):
    report, _ = run_case(hostile, db, extractor, "{BASE}/charset/feed.xml")
    assert report.new == 2 and report.failed == 0
    titles = {r[0] for r in db.execute("SELECT title FROM articles WHERE source = 'bad'")}
    assert titles == {"Citroën and Škoda in São Paulo", "Invalid bytes"}
    text = db.execute("SELECT text FROM articles WHERE title = 'Invalid bytes'").fetchone()[0]
    assert "Hyundai and Kia" in text


def test_a_pdf_that_is_html_is_an_item_error(hostile, db, extractor):
    report, _ = run_case(hostile, db, extractor, "{BASE}/pdf/feed.xml")
    assert report.failed == 1 and "expected a PDF report but got an HTML page" in report.errors[0]
    assert f"{hostile.base}/fake.pdf" in report.errors[0]


def test_the_cli_prints_each_error_with_its_url(hostile, tmp_path):
    from monitor.cli import main

    feeds = tmp_path / "feeds.yaml"
    feeds.write_text(f"""network:
  allow_private: ["{hostile.base[7:]}"]
  host_delay: 0s
  retries: 0
sources:
  - name: good
    kind: feed
    url: {hostile.base}/good/feed.xml
  - name: missing
    kind: feed
    url: {hostile.base}/404.xml
  - name: items
    kind: feed
    url: {hostile.base}/pdf/feed.xml
""")
    result = CliRunner().invoke(main, ["fetch", "--feeds", str(feeds), "--db", str(tmp_path / "c.db")])
    assert result.exit_code == 0, result.output
    assert f"missing: HTTP 404 ({hostile.base}/404.xml)" in result.output
    assert f"{hostile.base}/fake.pdf" in result.output
    assert "good" in result.output and "failed" in result.output


def test_a_page_behind_a_bot_wall_keeps_the_headline_from_the_sitemap(hostile, db, extractor):
    report, _ = run_case(hostile, db, extractor, "{BASE}/walled/sitemap.xml", "sitemap")
    assert report.new == 1 and "HTTP 401" in report.errors[0] and "headline" in report.errors[0]
    row = db.execute("SELECT title, published, text_from FROM articles WHERE source = 'bad'").fetchone()
    assert row == ("Tesla starts lithium refinery in Texas", "2026-11-20T10:00:00Z", "listing")


def test_the_loopback_guard_stops_private_and_metadata_addresses_before_any_connection():
    """The addresses these tests name (10.0.0.1, 169.254.169.254 as faked DNS answers and as links)
    never receive traffic: conftest's autouse guard checks every socket's destination before the
    real connect and fails the test on anything outside 127.0.0.0/8. Checked here on the guard
    itself, without opening a socket."""
    for host in ("10.0.0.1", "169.254.169.254", "172.16.0.1", "192.168.1.1", "8.8.8.8", "metadata.test"):
        refused: list = []
        with pytest.raises(AssertionError):
            check_destination((host, 80), refused)
        assert refused == [host]
    refused = []
    for host in ("127.0.0.1", "127.0.0.2", "::1"):
        check_destination((host, 80), refused)
    assert refused == []
