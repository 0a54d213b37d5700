"""Issue 17 in a real browser (Debian's chromium through Playwright): the inbox's empty states,
the banner while sources fail, and the sources page grouped by state, at 1280 and 800 px wide
with no horizontal scroll. Screenshots go to test-output/screenshots/failing-*.png."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from monitor.config import settings_from_yaml
from monitor.web.app import create_app
from storage import open_db
from storage.sources import pause, record_failure, record_success, sync_sources
from tests.webserver import LiveServer

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = os.environ.get("CHARGEWATCH_CHROMIUM", "/usr/bin/chromium")
SHOTS = Path(os.environ.get("CHARGEWATCH_TEST_OUTPUT", ROOT / "test-output")) / "screenshots"
ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
WIDTHS = (1280, 800)
NAMES = ("electrive", "reuters-autos", "insideevs", "icct-publications", "just-auto", "benchmark-minerals")


@pytest.fixture(scope="module")
def browser():
    if not shutil.which(CHROMIUM) and not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: install Debian's chromium package, or set CHARGEWATCH_CHROMIUM")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


def open_page(browser, width: int):
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.errors = errors
    return context, page


def shot(page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"failing-{name}.png"), full_page=True)


def fits(page) -> None:
    width = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    assert width[0] <= width[1], f"horizontal scroll: {width}"


def settings():
    text = "digest:\n  timezone: Europe/Berlin\nsources:\n" + "".join(
        f"  - name: {n}\n    kind: feed\n    url: https://{n}.example.org/feed.xml\n" for n in NAMES)
    return settings_from_yaml(text, "feeds.yaml")


@pytest.fixture
def configured(tmp_path, clock):
    path = tmp_path / "cw.db"
    db = open_db(path)
    sync_sources(db, settings().sources)
    db.close()
    return path


def test_nothing_fetched_yet_then_every_source_failing(browser, configured, clock):
    with LiveServer(create_app(configured, local_user="tester", settings=settings())) as url:
        context, page = open_page(browser, 1280)
        page.goto(url + "/")
        page.locator('[data-empty="nothing-fetched"]').wait_for()
        assert page.locator(".health-banner").count() == 0
        shot(page, "inbox-nothing-fetched")

        db = open_db(configured)
        for i, name in enumerate(NAMES):
            record_failure(db, name, f"connection refused: [Errno 111] (https://{name}.example.org/feed.xml)",
                           kind="network" if i % 3 else "timeout")
        db.close()
        for width in WIDTHS:
            page.set_viewport_size({"width": width, "height": 900})
            page.goto(url + "/")
            page.locator('[data-empty="all-failing"]').wait_for()
            banner = page.locator(".health-banner")
            assert "Every source is failing (6 of 6)" in banner.inner_text()
            fits(page)
            shot(page, f"inbox-all-failing-{width}")
        banner.locator("a").click()
        page.wait_for_url(url + "/sources")
        context.close()
        assert not page.errors, page.errors


def test_the_sources_page_by_state_fits_the_width(browser, configured, clock):
    db = open_db(configured)
    record_failure(db, NAMES[0], "HTTP 503 Service Unavailable (https://electrive.example.org/a/very/long/path/"
                   "to/the/feed/that/goes/on/and/on/feed.xml?utm_source=chargewatch&utm_medium=rss)", kind="http")
    record_failure(db, NAMES[1], "timed out after 30 s (ReadTimeout)", kind="timeout")
    for _ in range(3):
        record_failure(db, NAMES[2], "TLS handshake failed: certificate has expired", kind="tls")
    pause(db, NAMES[2])
    clock.advance(hours=-26)
    record_success(db, NAMES[3])
    clock.advance(hours=23)
    record_success(db, NAMES[4])
    clock.advance(hours=3)
    db.close()
    with LiveServer(create_app(configured, local_user="tester", settings=settings())) as url:
        for width in WIDTHS:
            context, page = open_page(browser, width)
            page.goto(url + "/sources")
            groups = page.locator("section.source-group").evaluate_all("s => s.map(x => x.dataset.state)")
            assert groups == ["failing", "paused", "never fetched", "possibly stale"] or \
                groups[:3] == ["failing", "paused", "never fetched"], groups
            row = page.locator('tr[data-source="benchmark-minerals"]')
            assert "never fetched" in row.inner_text()
            assert page.locator(".health-banner").is_visible()
            fits(page)
            shot(page, f"sources-{width}")
            context.close()
            assert not page.errors, page.errors


def add_old_lithium_story(db) -> int:
    from monitor.dedupe import content_hash
    from monitor.stories import assign_story
    from storage.tags import TagRow, replace_tags

    text = "A lithium refinery opened in Nevada to supply cathode makers. " * 3
    cur = db.execute("INSERT INTO articles (url, title, text, fetched, published, source, kind, content_hash) "
                     "VALUES ('https://old.example.org/1', 'An old lithium story', ?, '2025-12-03T08:00:00Z', "
                     "'2025-12-03', 'old', 'article', ?)", [text, content_hash(text)])
    assign_story(db, cur.lastrowid, text, content_hash(text))
    replace_tags(db, cur.lastrowid, [TagRow("topic", "lithium", "Lithium", text[:60], 2, 0.6, ("lithium",),
                                            role="subject")])
    return cur.lastrowid


def test_the_banner_on_the_pages_of_a_filled_database(browser, demo_db, clock):
    db = open_db(demo_db)
    names = [r[0] for r in db.execute("SELECT name FROM sources ORDER BY name").fetchall()]
    record_failure(db, names[0], "connection refused", kind="network")
    old = add_old_lithium_story(db)  # the lithium chart then spans a year: 52 weeks, 12 month labels
    db.close()
    with LiveServer(create_app(demo_db, local_user="tester")) as url:
        context, page = open_page(browser, 800)
        for path in ("/", "/automakers", "/topics/lithium", "/digests"):
            page.goto(url + path)
            banner = page.locator(".health-banner")
            assert f"1 of {len(names)} sources failing" in banner.inner_text(), path
            assert banner.locator("a").get_attribute("href") == "/sources"
            fits(page)
        page.goto(url + "/topics/lithium")
        assert page.locator("svg.chart rect.bar").count() == 52, old
        boxes = page.locator('svg.chart text.tick[text-anchor="middle"]').evaluate_all(
            "ts => ts.map(t => { const b = t.getBoundingClientRect(); return [b.left, b.right]; })")
        assert len(boxes) >= 10
        for (_, right), (left, _) in zip(boxes, boxes[1:]):
            assert right < left, boxes  # drawn month labels never touch
        chart = page.locator("svg.chart").bounding_box()
        assert chart["x"] + chart["width"] <= 800  # the chart shrinks to the page
        shot(page, "banner-chart-800")
        icon = page.request.get(url + "/favicon.ico")
        assert icon.status == 200
        context.close()
