"""What is new in the inbox (issue 17) in a real browser: the compact view (about 25 stories to a
900 px screen, remembered), actions that keep the page where it is, "mark page reviewed" on the
page's stories only, undo from the notice and with z, the notice going away by itself.

Screenshots (test-output/screenshots/inbox-cards.png, inbox-compact.png, inbox-undo.png) are
there to be looked at.
"""

from __future__ import annotations

import pytest

from monitor.web.app import create_app
from storage import open_db, review
from tests.test_browser import browser, page, shot  # noqa: F401  (fixtures)
from tests.test_inbox_new import FORD, LITHIUM, TESLA, add
from tests.webserver import LiveServer

playwright_api = pytest.importorskip("playwright.sync_api")
expect = playwright_api.expect

TITLES = ["Tesla signs a lithium supply deal with a Chilean refiner", "Ford opens a battery recycling plant in Kentucky",
          "Audit finds forced labour risk in aluminium supply chains", "Cobalt miners in Katanga sue over water",
          "EU battery passport rules: what automakers must disclose"]
STORIES = 60  # more than a page (50)


@pytest.fixture
def long_inbox(tmp_path, clock):
    path = tmp_path / "long.db"
    db = open_db(path)
    with db.atomic():
        for n in range(STORIES):
            day, hour = 1 + n // 3, (n % 3) * 6
            tags = [[TESLA, LITHIUM], [FORD], [TESLA], [FORD, LITHIUM], [LITHIUM]][n % 5]
            add(db, n, published=f"2026-11-{day:02d}T{hour:02d}:00:00Z",
                fetched=f"2026-11-{day:02d}T{hour + 1:02d}:00:00Z", tags=tags, title=f"{TITLES[n % 5]} ({n})")
    db.close()
    with LiveServer(create_app(path, local_user="tester")) as url:
        yield url, path


def statuses(path) -> dict[int, str]:
    db = open_db(path)
    try:
        return dict(db.execute("SELECT story_id, status FROM story_reviews").fetchall())
    finally:
        db.close()


def test_compact_view_fits_about_25_stories_and_is_remembered(long_inbox, page):
    url, path = long_inbox
    page.goto(url + "/")
    expect(page.locator("ol.stories")).not_to_have_class("stories compact")
    db = open_db(path)
    tesla = review.unread_counts(db, "2026-11-11T08:00:00Z").automakers["tesla"]  # 14 days before the clock
    db.close()
    assert 0 < tesla < 24 and page.locator("aside.unread .count[data-tag=tesla]").inner_text() == str(tesla)
    shot(page, "inbox-cards")
    page.get_by_role("button", name="Compact").click()
    expect(page.locator("ol.stories")).to_have_class("stories compact")
    heights = page.locator("li.story").evaluate_all("rows => rows.map(r => r.getBoundingClientRect().height)")
    assert max(heights) <= 900 / 25, heights  # one line each
    page.locator("li.story").first.evaluate("r => r.scrollIntoView({block: 'start'})")
    fits = page.locator("li.story").evaluate_all(
        "rows => rows.filter(r => { const b = r.getBoundingClientRect(); return b.top >= 0 && b.bottom <= innerHeight; })"
        ".length")
    assert fits >= 25
    assert page.locator("li.story .chip.mention:visible").count() == 0  # subjects only
    page.evaluate("window.scrollTo(0, 0)")
    shot(page, "inbox-compact")
    page.reload()
    expect(page.locator("ol.stories")).to_have_class("stories compact")  # remembered
    page.get_by_role("button", name="Cards").click()
    expect(page.locator("ol.stories")).to_have_class("stories")


def test_an_action_in_the_middle_keeps_the_place_and_undo_brings_the_row_back(long_inbox, page):
    url, path = long_inbox
    page.goto(url + "/")
    rows = page.locator("li.story")
    row, after = rows.nth(20), rows.nth(21)
    row.scroll_into_view_if_needed()
    page.evaluate("window.scrollBy(0, -200)")
    before = page.evaluate("window.scrollY")
    assert before > 1000
    story = int(row.get_attribute("data-story"))
    row.get_by_role("button", name="Dismiss").click()
    expect(row).to_be_hidden()
    notice = page.locator("#flash")
    expect(notice).to_contain_text("Dismissed")
    assert page.evaluate("window.scrollY") == before
    expect(after).to_be_in_viewport()
    assert statuses(path)[story] == "dismissed"
    shot(page, "inbox-undo")
    notice.get_by_role("button", name="Undo").click()
    expect(row).to_be_visible()
    expect(notice).to_contain_text("Undone")
    assert statuses(path)[story] == "new"
    assert page.evaluate("window.scrollY") == before
    expect(notice).to_be_hidden(timeout=10_000)  # goes away by itself


def test_star_then_undo_with_z_and_the_notice_goes_away(long_inbox, page):
    url, path = long_inbox
    page.goto(url + "/")
    row = page.locator("li.story").nth(3)
    story = int(row.get_attribute("data-story"))
    row.locator("button.star").click()
    expect(row.locator("button.star")).to_have_class("star on")
    expect(row.locator(".badge.status-starred")).to_be_visible()
    expect(page.locator("#flash")).to_contain_text("Starred")
    expect(page.locator("form.undo button")).to_have_text("Undo star")
    expect(page.locator("#flash")).to_be_hidden(timeout=10_000)
    page.keyboard.press("z")
    expect(row.locator("button.star")).to_have_class("star")
    assert statuses(path)[story] == "new"


def test_mark_page_reviewed_takes_only_this_pages_new_stories(long_inbox, page):
    url, path = long_inbox
    page.goto(url + "/")
    starred = page.locator("li.story").nth(1)
    starred.locator("button.star").click()
    expect(starred.locator("button.star")).to_have_class("star on")
    page.get_by_role("button", name="Mark page reviewed").click()
    expect(page.locator("#flash")).to_contain_text("Marked 49 stories reviewed")
    expect(page.locator("li.story:visible")).to_have_count(1)  # the starred one stays
    done = statuses(path)
    assert sum(1 for s in done.values() if s == "reviewed") == 49 and list(done.values()).count("starred") == 1
    page.goto(url + "/")
    assert page.locator("li.story").count() == STORIES - 49  # the next page's ten, untouched, and the star
    page.get_by_role("button", name="Undo mark page reviewed (49 stories)").click()
    expect(page.locator("#flash")).to_contain_text("Undone")
    assert list(statuses(path).values()).count("reviewed") == 0
