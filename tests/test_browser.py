"""The review page in a real browser: Playwright for Python driving Debian's chromium package.

Screenshots of the inbox, an article and a chart go to test-output/screenshots/ (or
$CHARGEWATCH_TEST_OUTPUT/screenshots), to be looked at.
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest

from monitor.web.app import create_app
from storage import open_db
from tests.webserver import LiveServer

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = os.environ.get("CHARGEWATCH_CHROMIUM", "/usr/bin/chromium")
SHOTS = Path(os.environ.get("CHARGEWATCH_TEST_OUTPUT", ROOT / "test-output")) / "screenshots"
ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="module")
def browser():
    if not shutil.which(CHROMIUM) and not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: install Debian's chromium package (as root: apt-get install -y chromium), "
                    "or point CHARGEWATCH_CHROMIUM at a Chromium binary. `playwright install` is not needed.")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


@pytest.fixture
def site(demo_db):
    with LiveServer(create_app(demo_db, local_user="tester")) as url:
        yield url, demo_db


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda exc: errors.append(str(exc)))
    pg.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    pg.errors = errors
    yield pg
    context.close()
    assert not [e for e in errors if "Content Security Policy" in e or "Refused" in e], errors


def shot(page, name: str) -> Path:
    SHOTS.mkdir(parents=True, exist_ok=True)
    path = SHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=False)
    assert path.stat().st_size > 10_000
    return path


def story_ids(page) -> list[str]:
    return page.locator("li.story").evaluate_all("rows => rows.map(r => r.dataset.story)")


def test_inbox_loads_and_filters_by_automaker_and_topic(site, page):
    url, db_path = site
    page.goto(url + "/")
    assert page.title() == "Inbox · chargewatch"
    total = page.locator("li.story").count()
    db = open_db(db_path)
    stories = db.execute("SELECT count(*) FROM stories").fetchone()[0]
    assert total == stories  # every story is new, one row each
    assert page.locator("li.story .chip.automaker").count() > 0
    shot(page, "inbox")

    _filter_and_check(page, "automaker", "tesla", "Tesla", total)
    page.select_option("form.filters select[name=automaker]", "")
    _filter_and_check(page, "topic", "deep-sea-mining", "Deep-sea mining", total)


def _filter_and_check(page, field: str, value: str, chip: str, total: int) -> None:
    """Filter the inbox by one field: fewer stories than in all, each with the chip shown."""
    page.select_option(f"form.filters select[name={field}]", value)
    page.click("form.filters button")
    page.wait_for_url(re.compile(f"{field}={value}"))
    rows = page.locator("li.story")
    assert 0 < rows.count() < total
    for i in range(rows.count()):
        assert chip in rows.nth(i).locator(".chips").inner_text()


def test_search_a_phrase_shows_count_and_highlighted_snippet(site, page):
    url, _ = site
    page.goto(url + "/")
    page.keyboard.press("/")
    page.keyboard.type('"deep-sea mining"')
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/search\?q="))
    assert re.match(r"\d+ results? for", page.locator("p.count").inner_text())
    first = page.locator("li.hit").first
    marks = first.locator(".snippet mark").all_inner_texts()
    assert marks and all(re.fullmatch(r"deep.sea.mining", m.lower()) for m in marks)  # the phrase, marked

    page.goto(url + '/search?q=steel%20AND%20(')  # a broken advanced query says what to change
    message = page.locator("p.error").inner_text()
    assert "cannot search for" in message and "add a ')'" in message


def test_article_shows_text_with_evidence_highlighted(site, page):
    url, db_path = site
    db = open_db(db_path)
    article_id, evidence = db.execute(
        "SELECT article_id, evidence FROM tags WHERE kind = 'automaker' AND evidence IS NOT NULL "
        "ORDER BY salience DESC LIMIT 1").fetchone()
    page.goto(f"{url}/articles/{article_id}")
    marks = page.locator("mark.evidence")
    assert marks.count() >= 1
    assert any(" ".join(evidence.split())[:60] in t for t in marks.all_inner_texts())
    assert page.locator("span.label").count() >= 1
    assert page.locator("a#original").get_attribute("href").startswith("http://127.0.0.1")
    shot(page, "article")


def test_reviewing_and_dismissing_take_stories_out_of_the_inbox(site, page):
    url, db_path = site
    page.goto(url + "/")
    first, second = story_ids(page)[:2]
    page.locator(f'li.story[data-story="{first}"] button[value=reviewed]').click()
    # the row is hidden in place (not removed), so that undo can bring it back
    page.wait_for_selector(f'li.story[data-story="{first}"]', state="hidden")
    # keyboard: the selection moved to the next row; d dismisses it
    page.keyboard.press("j")
    page.keyboard.press("k")
    current = page.locator("li.story.current").get_attribute("data-story")
    page.keyboard.press("d")
    page.wait_for_selector(f'li.story[data-story="{current}"]', state="hidden")
    page.reload()
    ids = story_ids(page)
    assert first not in ids and current not in ids
    db = open_db(db_path)
    statuses = dict(db.execute("SELECT story_id, status FROM story_reviews").fetchall())
    assert statuses == {int(first): "reviewed", int(current): "dismissed"}
    assert {r[0] for r in db.execute("SELECT by FROM review_log")} == {"tester"}
    page.goto(url + "/?status=reviewed")
    assert story_ids(page) == [first]


def test_tag_corrections_survive_retag(site, page):
    from monitor.retag import retag

    url, db_path = site
    db = open_db(db_path)
    article_id, tag = db.execute(
        "SELECT article_id, kind || ':' || tag_id FROM tags WHERE kind = 'topic' LIMIT 1").fetchone()
    page.goto(f"{url}/articles/{article_id}")
    page.locator(f'tr.tag-row[data-tag="{tag}"] button[value=remove]').click()
    page.wait_for_load_state()
    assert page.locator(f'tr.tag-row[data-tag="{tag}"]').count() == 0
    page.select_option("form.add-tag select[name=tag]", "automaker:kia")
    page.click("form.add-tag button")
    page.wait_for_selector('tr.tag-row[data-tag="automaker:kia"]')
    assert "removed" in page.locator("ul.corrections").inner_text()

    assert retag(db, processes=1) > 0
    page.reload()
    assert page.locator(f'tr.tag-row[data-tag="{tag}"]').count() == 0
    assert page.locator('tr.tag-row[data-tag="automaker:kia"]').count() == 1
    kind, tag_id = tag.split(":")
    assert db.execute("SELECT count(*) FROM tags WHERE article_id = ? AND kind = ? AND tag_id = ?",
                      [article_id, kind, tag_id]).fetchone()[0] == 0


def test_keyboard_shortcuts(site, page):
    url, db_path = site
    page.goto(url + "/")
    ids = story_ids(page)
    page.keyboard.press("j")
    assert page.locator("li.story.current").get_attribute("data-story") == ids[0]
    page.keyboard.press("j")
    page.keyboard.press("j")
    page.keyboard.press("k")
    assert page.locator("li.story.current").get_attribute("data-story") == ids[1]
    page.keyboard.press("s")
    page.wait_for_selector(f'li.story[data-story="{ids[1]}"] button.star.on')
    assert open_db(db_path).execute("SELECT status FROM story_reviews WHERE story_id = ?",
                                    [ids[1]]).fetchone()[0] == "starred"
    page.keyboard.press("?")
    assert page.locator("#help").is_visible()
    assert "mark reviewed" in page.locator("#help").inner_text()
    page.keyboard.press("Escape")
    assert not page.locator("#help").is_visible()
    page.keyboard.press("/")
    assert page.evaluate("document.activeElement.id") == "search-box"
    page.keyboard.press("Escape")
    page.keyboard.press("o")
    page.wait_for_url(re.compile(r"/articles/\d+(\?from=[^#]*)?$"))  # the inbox rides along (?from=)


def test_a_chart_page_draws_weekly_coverage(site, page, clock):  # from the first story (2026-11-06), 8 weeks at least
    url, _ = site
    page.goto(url + "/topics/lithium")
    svg = page.locator("svg.chart")
    assert "stories per week, last 8 weeks" in svg.locator("title").first.text_content()
    assert svg.locator("rect.bar").count() == 8
    heights = svg.locator("rect.bar").evaluate_all("bars => bars.map(b => parseFloat(b.getAttribute('height')))")
    assert max(heights) > 0
    assert svg.locator("text.tick").count() >= 4  # y ticks 0 and 1, month labels Oct 2026 and Nov
    assert page.locator("ol.related li").count() > 0
    shot(page, "chart-lithium")


def test_hostile_title_and_link_render_inert(site, page):
    from storage.articles import NewArticle, save_article
    from storage.stories import place

    url, db_path = site
    db = open_db(db_path)
    article_id, _ = save_article(db, NewArticle(
        url="javascript:alert(2)", title="<script>alert(1)</script><img src=x onerror=alert(3)>",
        text="Tesla said <b onmouseover=alert(4)>hi</b>.\n\n<script>alert(5)</script> Lithium from a mine.",
        author="<i>x</i>", published="2099-01-01T00:00:00Z", source="evil", kind="article", language="en",
        content_hash="evil"))
    db.execute("INSERT INTO tags (article_id, kind, tag_id, name, evidence, mentions, salience) VALUES "
               "(?, 'automaker', 'tesla', 'Tesla', 'Tesla said <b onmouseover=alert(4)>hi</b>.', 1, 0.9)", [article_id])
    place(db, article_id, None, False)
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(url + "/")
    row = page.locator("li.story").first
    assert row.locator("a.title").inner_text() == "<script>alert(1)</script><img src=x onerror=alert(3)>"
    page.goto(f"{url}/articles/{article_id}")
    assert page.locator("h1").inner_text().startswith("<script>")
    assert page.locator("a[href^='javascript']").count() == 0
    assert page.locator("img").count() == 0 and page.locator("b").count() == 0
    page.hover("mark.evidence")
    page.goto(url + "/search?q=lithium")
    assert dialogs == []


def test_post_draft_counter_counts_like_the_server_and_saves(site, page):
    from monitor.outputs.posts import length

    url, db_path = site
    db = open_db(db_path)
    article_id = db.execute("SELECT article_id FROM tags WHERE kind = 'automaker' ORDER BY salience DESC").fetchone()[0]
    page.goto(f"{url}/articles/{article_id}")
    page.select_option("form.draft-post select[name=platform]", "x")
    page.click("form.draft-post button")
    page.wait_for_url(re.compile(r"/post\?"))
    box = page.locator("#post-text")
    text = box.input_value()
    assert int(page.locator("#post-count").inner_text()) == length(text, "x") <= 280
    extra = " 日本 👨‍👩‍👧‍👦 e\u0301 https://example.org/" + "x" * 60
    box.press("End")
    box.type(extra)
    assert int(page.locator("#post-count").inner_text()) == length(text + extra, "x")
    box.fill("y" * 300)
    assert "over" in page.locator("#post-count").get_attribute("class")
    box.fill("Edited draft #GreenSteel")
    page.click("form.post-form button:not(#copy-post)")
    page.wait_for_url(re.compile(r"draft=\d+"))
    assert page.locator("#post-text").input_value() == "Edited draft #GreenSteel"
    assert db.execute("SELECT text FROM post_drafts").fetchall() == [("Edited draft #GreenSteel",)]
