"""The article page's keyboard in a real browser (Playwright and Debian's chromium, set up as in
tests/test_browser.py): j / k step through the list the article was opened from (the inbox, a
search), u goes back to that list at the story, s / r / d change the story's status without a
reload, keys typed in the note field stay there; search results carry chips, evidence and the
inbox's actions. Screenshots go to test-output/screenshots/."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from monitor.web.app import create_app
from storage import open_db
from tests.test_browser import browser, page, shot  # noqa: F401  (fixtures)
from tests.webserver import LiveServer


@pytest.fixture
def site(demo_db):
    with LiveServer(create_app(demo_db, local_user="tester")) as url:
        yield url, demo_db


def titles(page) -> list[str]:  # noqa: F811
    return page.locator("ol.stories li a.title").evaluate_all("links => links.map(a => a.getAttribute('href'))")


def article_id_of(page) -> str:  # noqa: F811
    return re.search(r"/articles/(\d+)", page.url).group(1)


def status_of(db_path, story_id: str) -> str | None:
    row = open_db(db_path).execute("SELECT status FROM story_reviews WHERE story_id = ?", [int(story_id)]).fetchone()
    return row[0] if row else None


def test_j_and_k_follow_the_inbox_and_u_returns_to_the_story(site, page):  # noqa: F811
    url, _ = site
    page.goto(url + "/?status=all")
    links = titles(page)
    stories = page.locator("ol.stories li.story").evaluate_all("rows => rows.map(r => r.dataset.story)")
    assert len(links) > 6
    page.locator("ol.stories li a.title").nth(3).click()
    page.wait_for_url(re.compile(r"/articles/\d+\?from="))
    expect(page.locator("nav.list-nav .where")).to_have_text(f"4 of {len(links)} on this page")
    shot(page, "article-list-nav")

    page.keyboard.press("j")
    page.wait_for_url(url + links[4])
    page.keyboard.press("j")
    page.wait_for_url(url + links[5])
    page.keyboard.press("k")
    page.wait_for_url(url + links[4])
    page.keyboard.press("u")
    page.wait_for_url(f"{url}/?status=all#story-{stories[4]}")
    row = page.locator(f"#story-{stories[4]}")
    expect(row).to_be_in_viewport()
    assert page.evaluate("window.scrollY") > 0  # back at the story, not at the top of the list
    expect(row).to_have_class(re.compile(r"\bcurrent\b"))  # and j goes on from it, not from the top
    page.keyboard.press("j")
    expect(page.locator(f"#story-{stories[5]}")).to_have_class(re.compile(r"\bcurrent\b"))


def test_j_and_k_follow_a_search(site, page):  # noqa: F811
    url, _ = site
    page.goto(url + "/search?q=lithium")
    links = titles(page)
    assert len(links) >= 3 and all("from=/search%3Fq%3Dlithium" in link for link in links)
    page.locator("ol.results li a.title").first.click()
    page.wait_for_url(url + links[0])
    expect(page.locator("#list-up")).to_have_text("← Search: lithium")
    page.keyboard.press("k")  # nothing before the first hit: said so, and the page stays
    expect(page.locator("#flash")).to_have_text("This is the first story of the list")
    assert page.url == url + links[0]
    page.keyboard.press("j")
    page.wait_for_url(url + links[1])
    page.keyboard.press("j")
    page.wait_for_url(url + links[2])
    page.keyboard.press("k")
    page.wait_for_url(url + links[1])
    hit = re.search(r"/articles/(\d+)", links[1]).group(1)
    page.keyboard.press("u")
    page.wait_for_url(f"{url}/search?q=lithium#hit-{hit}")


def test_s_r_d_change_the_status_without_a_reload_and_keep_the_place(site, page):  # noqa: F811
    url, db_path = site
    page.goto(url + "/?status=all")
    page.locator("ol.stories li a.title").nth(1).click()
    page.wait_for_url(re.compile(r"/articles/\d+\?from="))
    story = page.locator("#review").get_attribute("data-story")
    page.evaluate("window.notReloaded = true; window.scrollTo(0, 400)")
    assert page.evaluate("window.scrollY") == 400
    badge = page.locator("#story-status")
    expect(badge).to_have_text("new")

    page.keyboard.press("s")
    expect(badge).to_have_text("starred")
    expect(page.locator("#review button.star")).to_have_class(re.compile(r"\bon\b"))
    assert status_of(db_path, story) == "starred"
    page.keyboard.press("s")  # again: unstarred
    expect(badge).to_have_text("new")
    assert status_of(db_path, story) == "new"
    page.keyboard.press("r")
    expect(badge).to_have_text("reviewed")
    assert status_of(db_path, story) == "reviewed"
    page.keyboard.press("d")
    expect(badge).to_have_class("badge status-dismissed")
    assert status_of(db_path, story) == "dismissed"
    assert page.evaluate("window.scrollY") == 400  # never thrown back to the top
    page.locator("#review button[value=reviewed]").click()  # the buttons too, by fetch()
    expect(badge).to_have_text("reviewed")
    assert status_of(db_path, story) == "reviewed"
    assert page.evaluate("window.notReloaded") is True  # the same page all along
    expect(page.locator("#flash")).to_have_text("Marked reviewed")
    shot(page, "article-status-keys")


def test_keys_typed_in_the_note_field_stay_there(site, page):  # noqa: F811
    url, db_path = site
    page.goto(url + "/?status=all")
    page.locator("ol.stories li a.title").nth(1).click()
    page.wait_for_url(re.compile(r"/articles/\d+\?from="))
    here, story = page.url, page.locator("#review").get_attribute("data-story")
    page.keyboard.press("n")  # n: to the note field
    note = page.locator("#review input[name=note]")
    expect(note).to_be_focused()
    page.keyboard.type("just sdr ku")
    expect(note).to_have_value("just sdr ku")
    assert page.url == here and status_of(db_path, story) is None
    expect(page.locator("#story-status")).to_have_text("new")
    page.keyboard.press("Escape")  # out of the field, the keys are the page's again
    page.keyboard.press("s")
    expect(page.locator("#story-status")).to_have_text("starred")


def test_search_results_show_chips_evidence_and_their_actions_work(site, page):  # noqa: F811
    url, db_path = site
    page.goto(url + "/search?q=cobalt")
    first = page.locator("ol.results li.hit.story").first
    expect(first.locator(".chip").first).to_be_visible()
    expect(first.locator("p.evidence .why")).to_be_visible()
    story = first.get_attribute("data-story")
    page.evaluate("window.notReloaded = true")
    first.locator("button[value=reviewed]").click()
    expect(first).to_have_attribute("data-status", "reviewed")
    expect(first.locator(".badge.status-reviewed")).to_have_text("reviewed")  # shown, not only stored
    assert status_of(db_path, story) == "reviewed"
    first.locator("button.star").click()
    expect(first.locator("button.star")).to_have_class(re.compile(r"\bon\b"))
    expect(first.locator(".badge.status-starred")).to_have_text("starred")
    assert status_of(db_path, story) == "starred"
    assert page.evaluate("window.notReloaded") is True
    shot(page, "search-results-actions")


def test_save_a_search_and_open_it(site, page):  # noqa: F811
    url, _ = site
    page.goto(url + "/search?q=nickel&status=all")
    page.fill("form.save-search input[name=name]", "Nickel watch")
    page.click("form.save-search button")
    page.wait_for_url(re.compile(r"/saved#saved-\d+"))
    row = page.locator("tr.saved-search", has_text="Nickel watch")
    expect(row.locator("td.new")).to_have_text("none")
    shot(page, "saved-searches")
    row.locator("a.open").click()
    page.wait_for_url(re.compile(r"/search\?q=nickel&status=all"))
    expect(page.locator("p.saved-note")).to_contain_text("Saved as Nickel watch")
    assert page.locator("ol.results li.hit").count() > 0
