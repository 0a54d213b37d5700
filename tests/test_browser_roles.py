"""Tag roles on the review page in a real browser (Playwright and Debian's chromium, set up as in
tests/test_browser.py): subject and mention chips look different, the filter's mentions checkbox,
switching a role and adding a tag with a role and a picked evidence sentence."""

from __future__ import annotations

import re

import pytest

from monitor.web.app import create_app
from storage import open_db
from tests.test_browser import browser, page, shot  # noqa: F401  (fixtures)
from tests.test_web_roles import FORD_IN_PASSING, RECYCLING, roles_db  # noqa: F401  (fixture)
from tests.webserver import LiveServer


@pytest.fixture
def site(roles_db):  # noqa: F811
    path, articles = roles_db
    with LiveServer(create_app(path, local_user="tester")) as url:
        yield url, path, articles


def test_chips_and_the_mentions_checkbox(site, page):  # noqa: F811
    url, _, articles = site
    page.goto(url + "/")
    subject = page.locator(f'li.story[data-story="{articles["tesla"][1]}"] .chip.automaker.subject').first
    mention = page.locator(f'li.story[data-story="{articles["tesla"][1]}"] .chip.automaker.mention').first
    assert subject.inner_text() == "Tesla" and subject.get_attribute("title") == "the story is about Tesla"
    assert mention.inner_text() == "Ford" and mention.get_attribute("title") == "Ford is mentioned in passing"
    style = "e => [getComputedStyle(e).backgroundColor, getComputedStyle(e).color]"
    assert subject.evaluate(style) != mention.evaluate(style)  # solid, outlined
    shot(page, "inbox-roles")

    page.select_option("form.filters select[name=automaker]", "tesla")
    page.click("form.filters button")
    page.wait_for_url(re.compile("automaker=tesla"))
    assert page.locator("li.story").count() == 1
    page.check("form.filters input[name=mentions]")
    page.click("form.filters button")
    page.wait_for_url(re.compile("mentions=1"))
    assert page.locator("li.story").count() == 3
    assert page.locator("form.filters input[name=mentions]").is_checked()
    assert page.locator("form.filters select[name=automaker]").input_value() == "tesla"  # the other filters kept


def test_switch_a_role_and_add_a_tag_with_evidence(site, page):  # noqa: F811
    url, path, articles = site
    article_id = articles["ford"][0]
    page.goto(f"{url}/articles/{article_id}")
    row = 'tr.tag-row[data-tag="automaker:tesla"]'
    assert page.locator(row).get_attribute("data-role") == "mention"
    page.locator(f"{row} button[value=role]").click()
    page.wait_for_selector(f'{row}[data-role="subject"]')
    assert "marked Tesla as the subject" in page.locator("ul.corrections").inner_text()

    topics = 'form.add-tag select[aria-label="Topic to add"]'
    assert page.locator(f'{topics} option[value="topic:battery-recycling"]').count() == 0  # present already
    page.select_option(topics, "topic:cobalt")
    page.check('form.add-tag input[name=role][value=subject]')
    page.select_option("form.add-tag select[name=evidence]", label=RECYCLING)
    shot(page, "article-add-tag")
    page.click("form.add-tag button")
    page.wait_for_selector('tr.tag-row[data-tag="topic:cobalt"][data-role="subject"]')
    marks = page.locator("mark.evidence").all_inner_texts()
    assert RECYCLING in marks
    db = open_db(path)
    assert db.execute("SELECT role, evidence, origin FROM tags WHERE article_id = ? AND tag_id = 'cobalt'",
                      [article_id]).fetchone() == ("subject", RECYCLING, "staff")
    assert FORD_IN_PASSING not in marks  # another article's sentence


def test_a_facet_page_counts_both_and_its_chart_follows_the_toggle(site, page):  # noqa: F811
    url, _, _ = site
    page.goto(url + "/automakers/tesla")
    assert page.locator("p.role-counts").inner_text().startswith("Tesla: 1 story about, 2 mentioning.")
    label = "svg.chart text.axis-label >> nth=0"
    assert "(1 stories in all)" in page.locator(label).text_content()
    page.click("p.role-counts a.toggle")
    page.wait_for_url(re.compile(r"/automakers/tesla\?mentions=1$"))
    assert "(3 stories in all)" in page.locator(label).text_content()
    assert page.locator("li.story").count() == 3
    shot(page, "facet-roles")
    page.goto(url + "/automakers")
    assert page.locator('li[data-tag="automaker:tesla"] .role-counts').inner_text() == "1 about · 2 mentioning"
    shot(page, "facets-roles")
