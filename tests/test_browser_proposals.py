"""Reviewing proposed supply links in a real browser (Playwright and Debian's chromium, as in
tests/test_browser.py): a proposal confirmed on /supply-chain/proposals leaves the list and the
map on /supply-chain then draws its link, solid (verified), with the change logged by who made it.
Screenshots go to test-output/screenshots/ to be looked at."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from monitor.web.app import create_app
from storage import open_db
from storage import supply as review
from tests.test_browser import browser, page, shot  # noqa: F401  (fixtures)
from tests.test_supply_pages import FIXTURE
from tests.test_supply_review import Proposed, article
from tests.webserver import LiveServer


@pytest.fixture
def site(tmp_path):
    path = tmp_path / "t.db"
    db = open_db(path)
    a = article(db, "https://example.org/tesla-huayou", "Tesla signs cobalt offtake with Huayou")
    review.add_proposals(db, a, [
        Proposed("tesla", "huayou", "offtake", "cobalt",
                 "Tesla signed a three-year offtake agreement with Huayou Cobalt for cobalt hydroxide."),
        Proposed("ford", "pt-vale-indonesia", "supply", "nickel",
                 "Ford signed a supply agreement with PT Vale Indonesia for nickel from Sorowako.")])
    db.close()
    app = create_app(path, local_user="tester")
    app.state.supply = FIXTURE
    with LiveServer(app) as url:
        yield url


def test_confirming_a_proposal_draws_its_link_on_the_map(site, page):  # noqa: F811
    page.goto(site + "/supply-chain")
    expect(page.locator(".proposals-waiting")).to_have_text("2 proposed links to review")
    assert page.locator('path.link[data-supplier="huayou"][data-automaker="tesla"]').count() == 0
    page.locator(".proposals-waiting a").click()
    item = page.locator("li.proposal", has_text="three-year offtake")
    expect(item.locator("mark")).to_have_text(["Tesla", "Huayou Cobalt"])
    shot(page, "proposals-list")
    item.locator("button.confirm").click()
    expect(page.locator("li.proposal", has_text="three-year offtake")).to_have_count(0)
    expect(page.locator("nav.proposal-tabs a.current .count")).to_have_text("1")

    page.goto(site + "/supply-chain")
    line = page.locator('path.link[data-supplier="huayou"][data-automaker="tesla"]')
    expect(line).to_have_count(1)
    assert line.evaluate("p => getComputedStyle(p).strokeDasharray") in ("none", "")  # verified: solid
    change = page.locator("ol.changes li").first
    expect(change).to_contain_text("added")
    expect(change).to_contain_text("Huayou Cobalt")
    expect(change.locator(".change-by")).to_have_text("tester")
    expect(page.locator(".proposals-waiting")).to_have_text("1 proposed link to review")
    shot(page, "proposals-map-after-confirm")
    page.locator("section.link-changes").screenshot(path=str(shot_path("proposals-changes")))
    page.locator("table.supply-links").screenshot(path=str(shot_path("supply-links-actions")))
    page.locator("section.link-edit").screenshot(path=str(shot_path("supply-add-link")))


def shot_path(name: str):
    from tests.test_browser import SHOTS

    SHOTS.mkdir(parents=True, exist_ok=True)
    return SHOTS / f"{name}.png"
