"""A digest on the review site in a real browser (Debian's chromium through Playwright): laid out
as HTML under the page's CSP, its stories linking to their article pages, the health line on top.
The screenshot goes to test-output/screenshots/digest.png, to be looked at."""

from __future__ import annotations

import re

import pytest

from monitor.config import settings_from_yaml
from monitor.outputs.digest import Presentation, make_digest
from monitor.web.app import create_app
from storage import open_db
from storage import sources as source_store
from tests.test_browser import browser, page, shot  # noqa: F401  (the chromium and page fixtures)
from tests.webserver import LiveServer

pytestmark = pytest.mark.clock


def test_a_digest_page_reads_as_html_and_its_stories_open_their_article_pages(demo_db, clock, page):  # noqa: F811
    expect = pytest.importorskip("playwright.sync_api").expect
    settings = settings_from_yaml("base_url: https://review.example.org\ndigest:\n  timezone: Europe/Brussels\n"
                                  "sources: []\n")
    db = open_db(demo_db)
    db.execute("UPDATE sources SET consecutive_failures = 0, paused = 0")
    source_store.record_failure(db, "mongabay", "timed out after 60 s", kind="timeout")
    digest_id, digest, _ = make_digest(db, look=Presentation.of(settings))
    db.close()
    with LiveServer(create_app(demo_db, local_user="tester", settings=settings)) as url:
        page.goto(f"{url}/digests/{digest_id}")
        expect(page.locator("h1")).to_have_text(digest.subject)
        expect(page.locator(".digest-health")).to_contain_text("1 source failing since")
        expect(page.locator(".digest-intro")).to_contain_text("CET")
        assert page.locator("section.digest-section").count() == len(digest.sections)
        titles = page.locator("ol.digest-items a.title")
        assert titles.count() == digest.total
        original = page.locator("ol.digest-items a.original").first
        assert original.get_attribute("href").startswith("http://127.0.0.1")
        # the page is styled by the stylesheet (the e-mail's inline styles would be refused by the CSP)
        assert page.locator("ol.digest-items li").first.evaluate("e => getComputedStyle(e).borderTopStyle") == "solid"
        shot(page, "digest")
        first = digest.sections[0].items[0]
        titles.first.click()
        page.wait_for_url(re.compile(rf"/articles/{first.story.article_id}$"))
        expect(page.locator("h1")).to_contain_text((first.story.title or "")[:30])
