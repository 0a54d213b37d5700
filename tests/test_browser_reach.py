"""Supply-chain reach in a real browser (Playwright and Debian's chromium, set up as in
tests/test_browser.py): a story naming only suppliers (Huayou, PT Vale Indonesia) shows dashed
"Ford via ..." chips in the inbox after its own tags, is under ``?automaker=ford&chain=1`` (the
filter form's checkbox) and not without it, and `chargewatch digest` puts it in the section "In
your automakers' supply chains" of the /digests/N page. Screenshots go to
test-output/screenshots/reach-*.png, to be looked at."""

from __future__ import annotations

import re

import pytest
from click.testing import CliRunner

from monitor.cli import main
from monitor.web.app import create_app
from tests.test_browser import browser, page, shot  # noqa: F401  (the chromium and page fixtures)
from tests.test_reach import supplier_only_story
from tests.webserver import LiveServer

REACH = "Ford via Zhejiang Huayou Cobalt, PT Vale Indonesia"


@pytest.fixture
def reach_site(demo_db):
    story = supplier_only_story(demo_db)
    with LiveServer(create_app(demo_db, local_user="tester")) as url:
        yield url, demo_db, story


def test_a_supplier_only_story_reaches_ford_in_inbox_filter_and_digest(reach_site, page):  # noqa: F811
    expect = pytest.importorskip("playwright.sync_api").expect
    url, path, story = reach_site
    page.goto(f"{url}/?status=all")
    row = page.locator(f'li.story[data-story="{story}"]')
    reach = row.locator("a.chip.reach", has_text=REACH)
    expect(reach).to_be_visible()
    assert reach.evaluate("e => getComputedStyle(e).borderTopStyle") == "dashed"
    expect(row.locator('a.chip.supplier[href="/suppliers/pt-vale-indonesia"]')).to_be_visible()
    # after the story's own tags (its topics), before its suppliers
    classes = row.locator("a.chip").evaluate_all("cs => cs.map(c => c.className)")
    first_reach = next(i for i, c in enumerate(classes) if "reach" in c)
    assert all("reach" not in c and "supplier" not in c for c in classes[:first_reach])
    assert all("supplier" in c for c in classes[first_reach + 1:] if "reach" not in c)
    row.scroll_into_view_if_needed()
    shot(page, "reach-inbox")

    # its article page: the same chips beside the story's tags; no correction buttons on suppliers
    row.locator("a.title").click()
    expect(page.locator(".story-tags a.chip.reach", has_text=REACH)).to_be_visible()
    supplier_row = page.locator('tr.tag-row[data-tag="supplier:huayou"]')
    expect(supplier_row).to_be_visible()
    expect(supplier_row.locator("button")).to_have_count(0)
    shot(page, "reach-article")

    # the automaker filter: not there without the checkbox, there with it
    page.goto(f"{url}/?automaker=ford&status=all")
    expect(page.locator("li.story").first).to_be_visible()
    expect(page.locator(f'li.story[data-story="{story}"]')).to_have_count(0)
    box = page.locator('form.filters input[name="chain"]')
    expect(box).not_to_be_checked()
    box.check()
    page.locator("form.filters button, form.filters input[type=submit]").first.click()
    page.wait_for_url(re.compile(r"chain=1"))
    expect(page.locator(f'li.story[data-story="{story}"]')).to_be_visible()
    expect(page.locator('form.filters input[name="chain"]')).to_be_checked()
    shot(page, "reach-inbox-chain")

    # the digest, made by the command staff run, read on the review site
    out = CliRunner().invoke(main, ["digest", "--db", str(path), "--since", "2000-01-01"])
    assert out.exit_code == 0, out.output
    assert "IN YOUR AUTOMAKERS' SUPPLY CHAINS" in out.output
    page.goto(f"{url}/digests")
    page.locator('a[href^="/digests/"]').first.click()
    section = page.locator('section.digest-section[data-key="supply-chain"]')
    expect(section.locator("h2")).to_contain_text("In your automakers' supply chains")
    item = section.locator("li", has=page.locator(".reaches"))
    expect(section.locator(".reaches", has_text="reaches " + REACH)).to_be_visible()
    assert item.count() >= 1
    section.scroll_into_view_if_needed()
    shot(page, "reach-digest")
