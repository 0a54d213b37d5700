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


# -- a pair at a time, without a page reload (issue 18, item 2) ------------------------------------

@pytest.fixture
def review_site(tmp_path, clock):
    """bmw <- huayou cobalt offtake proposed by three articles, a pair staff rejected on 3 Dec 2026;
    ford <- huayou nickel offtake, a verified link already; volvo-cars <- alcoa supply, named once."""
    from datetime import datetime, timezone

    from storage import proposal_review as rows_store

    path = tmp_path / "r.db"
    db = open_db(path)
    clock.now = datetime(2026, 12, 3, 15, 0, tzinfo=timezone.utc)

    def propose(automaker, supplier, kind, material, sentence, n=1):
        for i in range(n):
            a = article(db, f"https://example.org/{supplier}-{automaker}-{clock.now:%d}-{i}",
                        f"{automaker.upper()} and {supplier} ({i + 1})")
            review.add_proposals(db, a, [Proposed(automaker, supplier, kind, material, sentence.format(i + 1))])
        return db.execute("SELECT max(id) FROM link_proposals").fetchone()[0]

    rows_store.decide(db, propose("bmw", "huayou", "offtake", "cobalt",
                                  "BMW is said to be in talks with Huayou Cobalt over cobalt."), "reject", "ana")
    clock.advance(days=2)
    propose("bmw", "huayou", "offtake", "cobalt",
            "BMW signed a cobalt offtake agreement with Huayou Cobalt, report {} says.", n=3)
    propose("ford", "huayou", "offtake", "nickel", "Ford buys nickel from Huayou under its offtake deal.")
    propose("volvo-cars", "alcoa", "supply", "aluminium", "Volvo Cars signed a supply agreement with Alcoa for "
            "low-carbon aluminium.")
    db.close()
    app = create_app(path, local_user="tester")
    app.state.supply = FIXTURE
    with LiveServer(app) as url:
        yield url, path


def test_deciding_a_row_needs_no_reload_and_undo_brings_it_back(review_site, page):  # noqa: F811
    url, path = review_site
    page.goto(url + "/supply-chain/proposals")
    page.evaluate("window.stillHere = 'yes'")  # a page load would lose it
    counts = page.locator("nav.proposal-tabs .count")
    expect(counts).to_have_text(["3", "0", "1"])
    bmw = page.locator("li.proposal", has_text="cobalt offtake agreement")
    expect(bmw.locator("p.rejected-before")).to_contain_text("Rejected before by ana on 3 Dec 2026")
    expect(bmw.locator("details.more-articles summary")).to_have_text("+2 more articles")
    bmw.locator("details.more-articles summary").click()
    expect(bmw.locator("details.more-articles li")).to_have_count(2)
    known = page.locator("li.proposal.known")
    expect(known.locator(".badge.linked")).to_have_text("already linked")
    expect(known.locator("button.known")).to_have_text("Mark as known")
    shot(page, "proposals-grouped")

    bmw.locator("button.confirm").click()
    notice = page.locator("li.proposal-notice")
    expect(notice).to_contain_text("Confirmed — link added (3 proposals)")
    expect(counts).to_have_text(["2", "1", "1"])
    expect(page.locator("li.proposal", has_text="cobalt offtake agreement")).to_have_count(0)
    assert page.evaluate("window.stillHere") == "yes" and page.url == url + "/supply-chain/proposals"
    shot(page, "proposals-confirmed-notice")
    assert [c.action for c in review.link_changes(open_db(path))] == ["add"]

    notice.locator("button.undo").click()  # the row comes back, as it was
    expect(page.locator("li.proposal", has_text="cobalt offtake agreement")).to_have_count(1)
    expect(counts).to_have_text(["3", "0", "1"])
    assert review.link_changes(open_db(path))[0].undone_by == "tester"

    known.locator("button.known").click()
    expect(page.locator("li.proposal-notice")).to_contain_text("Marked as known")
    expect(counts).to_have_text(["2", "1", "1"])
    assert page.evaluate("window.stillHere") == "yes"

    page.locator('nav.proposal-tabs a[data-status="confirmed"]').click()
    decided = page.locator("li.proposal")
    expect(decided.locator("p.decision")).to_contain_text("Marked as known by tester")
    expect(decided.locator("button.undo")).to_have_text("Back to review")
    shot(page, "proposals-confirmed-tab")
    page.goto(url + "/supply-chain")
    undone = page.locator("ol.changes li.undone")
    expect(undone.locator(".undone-mark")).to_contain_text("undone by tester")
    page.locator("section.link-changes").screenshot(path=str(shot_path("proposals-changes-undone")))


def test_a_row_decided_elsewhere_shows_the_error_in_the_row(review_site, page):  # noqa: F811
    from storage import proposal_review as rows_store

    url, path = review_site
    page.goto(url + "/supply-chain/proposals")
    row = page.locator("li.proposal", has_text="low-carbon aluminium")
    db = open_db(path)  # another member of staff, in another tab, rejects it meanwhile
    rows_store.decide(db, int(row.get_attribute("data-proposal")), "reject", "ben")
    db.close()
    row.locator("button.confirm").click()
    expect(row.locator("p.row-error")).to_have_text("this proposal was rejected already by ben")
    expect(row.locator("button.confirm")).to_be_enabled()
    row.screenshot(path=str(shot_path("proposals-row-error")))


def test_without_javascript_the_forms_still_decide(review_site, browser):  # noqa: F811
    url, _ = review_site
    context = browser.new_context(java_script_enabled=False)
    plain = context.new_page()
    plain.goto(url + "/supply-chain/proposals")
    plain.locator("li.proposal", has_text="low-carbon aluminium").locator("button.reject").click()
    plain.wait_for_url(url + "/supply-chain/proposals")
    expect(plain.locator("li.proposal", has_text="low-carbon aluminium")).to_have_count(0)
    expect(plain.locator("nav.proposal-tabs .count")).to_have_text(["2", "0", "2"])
    context.close()


def test_a_link_added_unverified_is_drawn_dashed_with_who_added_it(review_site, page):  # noqa: F811
    url, _ = review_site
    page.goto(url + "/supply-chain")
    form = page.locator("form.add-link")
    form.locator("select[name=supplier]").select_option("alcoa")
    form.locator("select[name=automaker]").select_option("ford")
    form.locator("select[name=material]").select_option("aluminium")
    form.locator("input[name=source]").fill("https://example.org/alcoa-ford-report")
    form.locator("input[name=note]").fill("one trade paper says so")
    box = form.locator("input[type=checkbox][name=verified]")
    expect(box).to_be_checked()
    box.uncheck()
    form.locator("button", has_text="Add link").click()
    page.wait_for_load_state()
    line = page.locator('path.link[data-supplier="alcoa"][data-automaker="ford"]')
    expect(line).to_have_count(1)
    assert line.evaluate("p => getComputedStyle(p).strokeDasharray") not in ("none", "")  # unverified: dashed
    expect(page.locator("ol.changes li").first.locator(".badge.action")).to_have_text("added (unverified)")
    row = page.locator("table.supply-links tr", has_text="alcoa-ford-report")
    expect(row).to_have_class("unverified")
    expect(row.locator(".link-note")).to_have_text("added by tester: one trade paper says so")
    page.locator("section.link-edit").screenshot(path=str(shot_path("supply-add-link-unverified")))
    row.screenshot(path=str(shot_path("supply-link-added-by")))
