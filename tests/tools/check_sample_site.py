"""Check the fixture site in monitor/demo/sample_site/ (run after build_sample_site.py).

    .venv/bin/python tests/tools/check_sample_site.py

Checks: XML well-formed (all but broken/feed.xml), JSON Feed valid, feedparser
reads the RSS and Atom feeds without bozo (and the JSON Feed
is checked against its spec), every URL a feed, sitemap,
listing page, robots.txt or publication page points to exists as a file,
expected.json agrees with the pages and PDFs, the syndicated copy carries the
original's paragraphs word for word, the broken feed is really broken, and no
page links outside {BASE}. Prints a summary; exits 1 on any failure.
"""

from __future__ import annotations

import io
import json
import re
import sys
from collections import Counter
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit

import feedparser
import lxml.etree as ET
import lxml.html
import pypdf

SITE = Path(__file__).resolve().parent.parent.parent / "monitor" / "demo" / "sample_site"
BASE = "http://127.0.0.1:1"
# Absolute URLs that are identifiers, not links: XML namespaces, JSON-LD context, JSON Feed version.
IDENTIFIERS = ("http://purl.org/", "http://www.w3.org/", "http://www.sitemaps.org/schemas/",
               "http://www.google.com/schemas/sitemap-news/", "https://schema.org", "https://jsonfeed.org/version/")
FAILURES: list[str] = []


def fail(msg: str) -> None:
    FAILURES.append(msg)
    print("FAIL", msg)


def text(rel: str) -> str:
    return (SITE / rel).read_text(encoding="utf-8").replace("{BASE}", BASE)


def file_for(url: str) -> Path | None:
    """Map a URL to the file the sample server would serve (None if it would 404)."""
    parts = urlsplit(url)
    if parts.scheme and f"{parts.scheme}://{parts.netloc}" != BASE:
        return None
    rel = parts.path.lstrip("/")
    if rel == "" or rel.endswith("/"):
        rel += "index.html"
    path = SITE / rel
    if not path.is_file() and rel.endswith(".gz"):
        path = path.with_suffix("")
    return path if path.is_file() else None


def must_exist(url: str | None, where: str) -> None:
    if not url or file_for(url) is None:
        fail(f"{where}: {url} does not exist")


def main() -> int:
    xml_files = sorted(p.relative_to(SITE).as_posix() for p in SITE.rglob("*.xml"))
    for rel in xml_files:
        if rel == "broken/feed.xml":
            continue
        try:
            ET.fromstring(text(rel).encode())
        except ET.XMLSyntaxError as exc:
            fail(f"{rel} is not well-formed: {exc}")

    # Feeds. feedparser 6.0.x reads RSS and Atom; it has no JSON Feed support (that came after
    # 6.0), so the JSON Feed is checked against the 1.1 spec here instead.
    feeds = {"electrive/feed.xml": ("rss20", 9), "mongabay/feed/atom.xml": ("atom10", 7)}
    referenced: list[tuple[str, str]] = []  # every URL a discovery document points to
    items: list[str] = []  # the article and report URLs among them
    for rel, (version, n) in feeds.items():
        parsed = feedparser.parse(text(rel).encode(), response_headers={"content-type": "application/xml"})
        if parsed.bozo:
            fail(f"{rel}: feedparser bozo: {parsed.bozo_exception!r}")
        if parsed.version != version or len(parsed.entries) != n:
            fail(f"{rel}: version {parsed.version!r}, {len(parsed.entries)} entries (want {version}, {n})")
        for e in parsed.entries:
            referenced.append((e.link, rel))
            items.append(e.link)
            if not e.get("published_parsed") or not e.get("author") or not e.get("summary"):
                fail(f"{rel}: entry without date, author or summary: {e.link}")
        referenced.append((parsed.feed.link, rel))
    jf = json.loads(text("greenwire/feed.json"))
    if jf.get("version") != "https://jsonfeed.org/version/1.1" or not jf.get("title") or len(jf.get("items", [])) != 3:
        fail("greenwire/feed.json: not a JSON Feed 1.1 with 3 items")
    for item in jf.get("items", []):
        ok = (isinstance(item.get("id"), str) and item.get("url") and item.get("title")
              and (item.get("content_html") or item.get("content_text"))
              and re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d([+-]\d\d:\d\d|Z)", item.get("date_published", "")))
        if not ok:
            fail(f"greenwire/feed.json: bad item {item.get('id')}")
        referenced.append((item.get("url"), "greenwire/feed.json"))
        items.append(item.get("url"))
    referenced.append((jf.get("home_page_url"), "greenwire/feed.json"))
    referenced.append((jf.get("feed_url"), "greenwire/feed.json"))
    broken = feedparser.parse(text("broken/feed.xml").encode())
    if not broken.bozo:
        fail("broken/feed.xml parses without bozo")
    try:
        ET.fromstring(text("broken/feed.xml").encode())
        fail("broken/feed.xml is well-formed XML")
    except ET.XMLSyntaxError:
        pass

    # Sitemaps, via robots.txt.
    robots = text("robots.txt")
    sitemap_urls = re.findall(r"(?im)^sitemap:\s*(\S+)", robots)
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "n": "http://www.google.com/schemas/sitemap-news/0.9"}
    for index_url in sitemap_urls:
        must_exist(index_url, "robots.txt")
        index = ET.fromstring(file_for(index_url).read_text(encoding="utf-8").replace("{BASE}", BASE).encode())
        for loc in index.xpath("//s:sitemap/s:loc/text()", namespaces=ns):
            must_exist(loc, index_url)
            child = ET.fromstring(file_for(loc).read_text(encoding="utf-8").replace("{BASE}", BASE).encode())
            for url in child.xpath("//s:url", namespaces=ns):
                referenced.append((url.findtext("s:loc", namespaces=ns), loc))
                items.append(url.findtext("s:loc", namespaces=ns))
                if url.find("n:news", namespaces=ns) is not None:
                    for field in ("n:news/n:publication/n:name", "n:news/n:publication_date", "n:news/n:title"):
                        if not url.findtext(field, namespaces=ns):
                            fail(f"{loc}: missing {field}")

    # The ICCT listing: relative links, filtered by the include pattern; publication pages link PDFs.
    listing = lxml.html.fromstring(text("icct/publications/index.html"))
    hrefs = listing.xpath("//a/@href")
    pubs = [h for h in hrefs if "/publication/" in h]
    selected = listing.xpath("//a[contains(concat(' ', @class, ' '), ' publication-link ')]/@href")
    if sorted(set(pubs)) != sorted(selected) or len(selected) != 3 or not all(h.startswith("/icct/publication/") for h in selected):
        fail(f"icct listing: selector {selected} vs include pattern {sorted(set(pubs))}")
    excluded = [h for h in hrefs if "/publication/" not in h and h.startswith("/icct/")]
    for h in selected:
        must_exist(BASE + h, "icct listing")
        items.append(BASE + h)
        page = lxml.html.fromstring(text(file_for(BASE + h).relative_to(SITE).as_posix()))
        for pdf in set(page.xpath("//a[contains(@href, '.pdf')]/@href")):
            referenced.append((pdf, h))
            items.append(pdf)

    for url, where in referenced:
        must_exist(url, where)

    # expected.json against the pages and PDFs.
    expected = json.loads((SITE / "expected.json").read_text(encoding="utf-8"))
    urls = [e["url"] for e in expected]
    if len(urls) != len(set(urls)):
        fail("expected.json has duplicate urls")
    # What a pipeline should store: drop query and fragment, map the AMP copy to its canonical.
    discovered = {urlsplit(u).path for u in items}
    discovered = {u[:-4] if u.endswith("/amp/") else u for u in discovered}
    if discovered != set(urls):
        fail(f"discovered vs expected: extra {sorted(discovered - set(urls))}, missing {sorted(set(urls) - discovered)}")
    for e in expected:
        path = file_for(BASE + e["url"])
        if path is None:
            fail(f"expected.json: {e['url']} does not exist")
            continue
        if not date(2026, 11, 2) <= date.fromisoformat(e["published"]) <= date(2026, 11, 24):
            fail(f"{e['url']}: date {e['published']} out of range")
        if e["kind"] == "report":
            reader = pypdf.PdfReader(io.BytesIO(path.read_bytes()), strict=True)
            created = reader.metadata.creation_date
            body = " ".join(pg.extract_text() for pg in reader.pages)
            if reader.metadata.title != e["title"] or created.date().isoformat() != e["published"]:
                fail(f"{e['url']}: PDF title/date {reader.metadata.title!r} {created}")
            if not 2 <= len(reader.pages) <= 4 or len(body.split()) < 500:
                fail(f"{e['url']}: {len(reader.pages)} pages, {len(body.split())} words")
            continue
        doc = lxml.html.fromstring(path.read_text(encoding="utf-8").replace("{BASE}", BASE))
        h1 = doc.xpath("//h1")
        canonical = doc.xpath("//link[@rel='canonical']/@href")
        published = doc.xpath("//meta[@property='article:published_time']/@content")
        if len(h1) != 1 or h1[0].text_content().strip() != e["title"]:
            fail(f"{e['url']}: h1 {[h.text_content() for h in h1]} != {e['title']!r}")
        if canonical != [BASE + e["url"]]:
            fail(f"{e['url']}: canonical {canonical}")
        if not published or published[0][:10] != e["published"]:
            fail(f"{e['url']}: published {published}")
        if not doc.xpath("//meta[@name='author']/@content") or not doc.xpath("//time[@datetime]"):
            fail(f"{e['url']}: no author meta or <time datetime>")

    # The AMP copy points to its canonical; the syndicated copy repeats the paragraphs.
    for amp in SITE.rglob("amp/index.html"):
        doc = lxml.html.fromstring(amp.read_text(encoding="utf-8").replace("{BASE}", BASE))
        canonical = doc.xpath("//link[@rel='canonical']/@href")[0]
        if canonical.replace(BASE, "") + "amp/index.html" != "/" + amp.relative_to(SITE).as_posix():
            fail(f"{amp}: canonical {canonical}")

    def paragraphs(rel: str, container: str) -> list[str]:
        doc = lxml.html.fromstring(text(rel))
        return [p.text_content() for p in doc.xpath(f"//*[@class='{container}']/p")]

    original = paragraphs("mongabay/2026/11/nickel-boom-leaves-halmahera-villagers-short-of-clean-water/index.html",
                          "single-article-content")
    original = [p for p in original if not p.startswith("See related:")]
    copy = paragraphs("greenwire/nickel-boom-halmahera-villagers-clean-water.html", "gw-story__body")
    if original != copy or len(copy) < 5:
        fail("syndicated copy differs from the Mongabay original")

    # No links outside {BASE}.
    for path in sorted(SITE.rglob("*")):
        if path.suffix not in (".html", ".xml", ".json", ".txt"):
            continue
        for url in re.findall(r"https?://[^\s\"'<>)]+", path.read_text(encoding="utf-8")):
            if not url.startswith(IDENTIFIERS):
                fail(f"{path.relative_to(SITE)}: external URL {url}")

    counts = Counter((e["source"], e["kind"]) for e in expected)
    print(f"{len(expected)} expected items:", ", ".join(f"{s}/{k}={n}" for (s, k), n in sorted(counts.items())))
    print(f"{len(referenced)} URLs referenced by feeds, sitemaps and listing ({len(items)} items, "
          f"{len(set(items))} distinct links, {len(discovered)} after canonicalisation); "
          f"{len(excluded)} non-publication ICCT links excluded by the include pattern")
    print("OK" if not FAILURES else f"{len(FAILURES)} failures")
    return 1 if FAILURES else 0


if __name__ == "__main__":
    sys.exit(main())
