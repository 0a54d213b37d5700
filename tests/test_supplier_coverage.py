"""A supplier's coverage from its stored tags (issue 18, item 6), on real SQLite files: the supplier
filter of the inbox, the search, the API and saved searches (subject only unless ``mentions``, an
unknown id refused with a 400 naming the parameter), ``storage.coverage`` for kind ``supplier``,
``storage.supplier_activity`` (counts, latest story and topics per supplier in two bounded
queries), and the supplier page and the automaker panel in a real browser.

The storage tests build their stories with storage's own functions (articles placed in stories
by monitor.stories, tags by storage.tags.replace_tags), so each count is known; the page tests use
the demo database with its Halmahera story turned into one that names Huayou and PT Vale
Indonesia (tests/test_reach.py's ``supplier_only_story``) and retagged by the real tagger."""

from __future__ import annotations

import json
import random
import re
from datetime import UTC, datetime

import pytest

from monitor.dedupe import content_hash
from monitor.stories import assign_story
from monitor.web.app import create_app
from storage.coverage import coverage
from storage.filters import Filters
from storage.review import inbox, search
from storage.saved import filters_from, save_search
from storage.supplier_activity import supplier_activity
from storage.tags import TagRow, replace_tags
from tests.test_browser import SHOTS, browser, page, shot  # noqa: F401  (fixtures)
from tests.test_reach import supplier_only_story
from tests.webserver import LiveServer

NOW = datetime(2026, 11, 25, 8, 0, tzinfo=UTC)  # the clock fixture's time

SYLLABLES = ("ka", "lo", "mi", "ne", "tu", "ra", "si", "po", "de", "ga", "vu", "bi", "zo", "fe", "hu", "ja", "wi", "ce")


def add(db, n: int, title: str, published: str, tags: list[TagRow], *, copy_of: int | None = None,
        source: str = "wire") -> int:
    """An article (its own story, or with ``copy_of`` the same text as article ``copy_of``: a copy
    in its story) with these tags; its id."""
    if copy_of is not None:
        text, title = db.execute("SELECT text, title FROM articles WHERE id = ?", [copy_of]).fetchone()
    else:  # words of its own, so that no two stories are taken for copies of each other
        pick = random.Random(n).choice
        text = title + ". " + " ".join(pick(SYLLABLES) + pick(SYLLABLES) + pick(SYLLABLES) for _ in range(80)) + "."
    cur = db.execute("INSERT INTO articles (url, title, text, fetched, published, source, kind, content_hash) "
                     "VALUES (?, ?, ?, '2026-11-25T00:00:00Z', ?, ?, 'article', ?)",
                     [f"https://{source}.example/{n}", title, text, published, source, content_hash(text + title)])
    assign_story(db, cur.lastrowid, text, content_hash(text + title))
    replace_tags(db, cur.lastrowid, tags)
    return cur.lastrowid


def supplier(tag_id: str, role: str) -> TagRow:
    name = {"huayou": "Zhejiang Huayou Cobalt", "catl": "CATL"}.get(tag_id, tag_id)
    return TagRow("supplier", tag_id, name, f"{name} said so.", 1, 0.5, (name,), role=role)


def topic(tag_id: str, role: str = "subject") -> TagRow:
    return TagRow("topic", tag_id, tag_id.replace("-", " ").capitalize(), f"About {tag_id}.", 1, 0.4, (tag_id,),
                  role=role)


def automaker(tag_id: str, role: str = "mention") -> TagRow:
    return TagRow("automaker", tag_id, tag_id.capitalize(), f"{tag_id} too.", 1, 0.3, (tag_id,), role=role)


def story_of(db, article_id: int) -> int:
    return db.execute("SELECT story_id FROM articles WHERE id = ?", [article_id]).fetchone()[0]


@pytest.fixture
def archive(db):
    """Huayou: the subject of a recent story (nickel, Ford named) and of a copy's of an older one
    whose first copy only mentions it (nickel, water), mentioned in a story of March (human
    rights); CATL: the subject of one story (batteries); SSAB: nothing. Returns the stories."""
    s = {}
    s["recent"] = story_of(db, add(db, 1, "Huayou nickel plant approved", "2026-11-20T09:00:00Z",
                                   [supplier("huayou", "subject"), topic("nickel"), automaker("ford")]))
    older = add(db, 2, "Sulawesi smelters strain water supplies", "2026-10-01T09:00:00Z",
                [supplier("huayou", "mention"), topic("nickel"), topic("water", "mention")])
    add(db, 3, "", "2026-10-02T09:00:00Z", [supplier("huayou", "subject"), topic("nickel")], copy_of=older,
        source="other")
    s["older"] = story_of(db, older)
    s["march"] = story_of(db, add(db, 4, "Cobalt audit finds child labour risk", "2026-03-01T09:00:00Z",
                                  [supplier("huayou", "mention"), topic("human-rights")]))
    s["catl"] = story_of(db, add(db, 5, "CATL opens a cell plant in Hungary", "2026-11-22T09:00:00Z",
                                 [supplier("catl", "subject"), topic("batteries")]))
    s["none"] = story_of(db, add(db, 6, "Tariffs on steel imports rise", "2026-11-23T09:00:00Z",
                                 [topic("trade")]))
    assert len(set(s.values())) == 5  # five stories: the copy joined its own
    return s


def ids(found) -> list[int]:
    return [story.id for story in found.stories]


# -- the filter ----------------------------------------------------------------------------------------


def test_the_supplier_filter_takes_its_subjects_unless_mentions_are_asked_for(db, archive):
    about = ids(inbox(db, Filters(supplier="huayou", status=None)))
    assert about == [archive["recent"], archive["older"]]  # about it in one copy: about it
    named = ids(inbox(db, Filters(supplier="huayou", status=None, mentions=True)))
    assert named == [archive["recent"], archive["older"], archive["march"]]
    assert ids(inbox(db, Filters(supplier="catl", status=None))) == [archive["catl"]]
    assert ids(inbox(db, Filters(supplier="ssab", status=None, mentions=True))) == []
    both = Filters(supplier="huayou", topic="water", status=None, mentions=True)  # filters combine
    assert ids(inbox(db, both)) == [archive["older"]]
    # the search takes it too (the FTS index is built by the articles' triggers)
    assert {h.story_id for h in search(db, "plant", Filters(status=None)).hits} == {archive["recent"], archive["catl"]}
    hits = search(db, "plant", Filters(supplier="huayou", status=None, mentions=True)).hits
    assert [h.story_id for h in hits] == [archive["recent"]]


def test_the_filtered_tag_is_the_automaker_then_the_topic_then_the_supplier(db, archive):
    assert Filters(supplier="huayou").tag == ("supplier", "huayou")
    assert Filters(supplier="huayou", topic="nickel").tag == ("topic", "nickel")
    assert Filters(supplier="huayou", topic="nickel", automaker="ford").tag == ("automaker", "ford")
    [row] = inbox(db, Filters(supplier="catl", status=None)).stories
    assert row.evidence == "CATL said so." and row.evidence_tag == "CATL"  # the supplier's evidence shown


def test_a_saved_search_keeps_its_supplier(db, archive):
    f = Filters(supplier="huayou", mentions=True, status=None)
    saved = save_search(db, "ana", "Huayou nickel", "nickel", f)
    stored = json.loads(db.execute("SELECT filters FROM saved_searches WHERE id = ?", [saved.id]).fetchone()[0])
    assert stored == {"supplier": "huayou", "mentions": True}
    assert filters_from(stored) == f and saved.search_filters() == f


# -- coverage -------------------------------------------------------------------------------------------


def test_coverage_of_a_supplier_from_its_stored_tags(db, archive):
    cov = coverage(db, "supplier", "huayou", now=NOW)
    assert (cov.about, cov.mentioning) == (2, 1)
    assert sum(n for _, n in cov.weeks) == 2 and len(cov.weeks) >= 8
    week = dict(cov.weeks)
    assert week["2026-11-16"] == 1 and week["2026-09-28"] == 1  # the weeks of the recent and the older story
    assert [s.id for s in cov.latest] == [archive["recent"], archive["older"]]
    assert cov.related == [("nickel", "Nickel", 2)]  # the topics on the copies about it
    assert cov.automakers == [("ford", "Ford", 1)]  # and, apart, the automakers named on them

    wide = coverage(db, "supplier", "huayou", now=NOW, mentions=True)
    assert [s.id for s in wide.latest] == [archive["recent"], archive["older"], archive["march"]]
    assert sum(n for _, n in wide.weeks) == 3 and wide.weeks[0][0] <= "2026-02-23"  # back to March
    assert wide.related == [("nickel", "Nickel", 2), ("human-rights", "Human rights", 1), ("water", "Water", 1)]

    nothing = coverage(db, "supplier", "ssab", now=NOW, mentions=True)
    assert (nothing.about, nothing.mentioning, nothing.latest, nothing.related) == (0, 0, [], [])
    assert len(nothing.weeks) == 8 and not any(n for _, n in nothing.weeks)


def test_an_automakers_coverage_is_as_before(db, archive):
    cov = coverage(db, "automaker", "ford", now=NOW, mentions=True)
    assert cov.related == [("nickel", "Nickel", 1)] and cov.automakers == []
    cov = coverage(db, "topic", "nickel", now=NOW, mentions=True)
    assert cov.related == [("ford", "Ford", 1)]  # a topic's related tags stay the automakers


# -- the panel's figures --------------------------------------------------------------------------------


def test_activity_of_many_suppliers_at_once(db, archive):
    found = supplier_activity(db, ["huayou", "catl", "ssab", "huayou"], now=NOW)
    assert list(found) == ["huayou", "catl", "ssab"]  # every id asked for, once, in order
    huayou = found["huayou"]
    assert (huayou.recent, huayou.total, huayou.sampled) == (2, 3, False)  # either role; March is not recent
    assert huayou.latest.story_id == archive["recent"] and huayou.latest.title == "Huayou nickel plant approved"
    assert huayou.latest.published == "2026-11-20T09:00:00Z"
    assert db.execute("SELECT story_id FROM articles WHERE id = ?", [huayou.latest.article_id]).fetchone()[0] \
        == archive["recent"]
    assert [(t.topic, t.stories) for t in huayou.topics] == [("nickel", 2), ("human-rights", 1), ("water", 1)]
    assert [t.name for t in huayou.topics] == ["Nickel", "Human rights", "Water"]
    catl = found["catl"]
    assert (catl.recent, catl.total, catl.latest.story_id) == (1, 1, archive["catl"])
    ssab = found["ssab"]
    assert (ssab.recent, ssab.total, ssab.latest, ssab.topics, ssab.sampled) == (0, 0, None, (), False)
    assert supplier_activity(db, [], now=NOW) == {}
    later = supplier_activity(db, ["huayou"], now=datetime(2027, 6, 1, tzinfo=UTC))["huayou"]
    assert (later.recent, later.total) == (0, 3)  # nothing in the last 90 days, the latest still shown
    assert later.latest.story_id == archive["recent"]


def test_activity_reads_a_bounded_sample_and_says_so(db, archive):
    for n in range(10, 16):  # six more recent stories naming Huayou in passing
        add(db, n, f"Nickel market note number {n}", f"2026-11-{n}T09:00:00Z", [supplier("huayou", "mention")])
    full = supplier_activity(db, ["huayou"], now=NOW)["huayou"]
    assert (full.total, full.recent, full.sampled) == (9, 8, False)
    small = supplier_activity(db, ["huayou"], now=NOW, sample=3, topic_sample=1)["huayou"]
    # the newest three articles of each role: the two subjects (one story, its copy: the older one,
    # and the recent one) and the three newest mentions
    assert small.sampled and small.total == 5 and small.recent == 5 and small.recent_at_least
    assert small.latest.story_id == archive["recent"]
    assert [t.topic for t in small.topics] == ["nickel"]  # from the newest article of each role


def test_activity_stays_two_queries_for_many_suppliers(db, archive):
    statements = []
    db.conn.set_trace_callback(statements.append)
    try:
        found = supplier_activity(db, ["huayou", "catl"] + [f"nobody-{i}" for i in range(40)], now=NOW)
    finally:
        db.conn.set_trace_callback(None)
    assert len([s for s in statements if s.lstrip().upper().startswith("WITH")]) == 2
    assert found["huayou"].total == 3 and found["nobody-7"].total == 0
    many = supplier_activity(db, [f"nobody-{i}" for i in range(250)] + ["catl"], now=NOW)  # more than a chunk
    assert many["catl"].total == 1 and len(many) == 251


# -- over HTTP --------------------------------------------------------------------------------------------


@pytest.fixture
def supplier_db(demo_db):
    return demo_db, supplier_only_story(demo_db)


def http(path):
    from starlette.testclient import TestClient

    return TestClient(create_app(path), base_url="http://127.0.0.1:8000")


def test_the_inbox_search_and_api_take_a_supplier(supplier_db, clock):
    path, story = supplier_db
    c = http(path)
    r = c.get("/api/stories?supplier=huayou&status=all")
    assert r.status_code == 200 and r.json()["filters"] == {"supplier": "huayou"}
    assert [s["id"] for s in r.json()["stories"]] == [story]
    r = c.get("/api/stories?supplier=pt-vale-indonesia&status=all&mentions=1")
    named = [s["id"] for s in r.json()["stories"]]
    assert story in named and len(named) == 2  # and the Indonesian quota story, which mentions it
    html = c.get("/?supplier=huayou&status=all").text
    assert re.findall(r'<li class="story[^"]*" data-story="(\d+)"', html) == [str(story)]
    # the filter form keeps the supplier when it is sent again, and says it is on
    assert '<input type="hidden" name="supplier" value="huayou">' in html and "Supplier: huayou" in html
    r = c.get("/search?q=nickel&supplier=huayou")
    assert r.status_code == 200 and f'data-story="{story}"' in r.text
    assert c.get("/api/search?q=nickel&supplier=huayou").json()["total"] >= 1


def test_an_unknown_supplier_is_a_400_naming_the_parameter(demo_db):
    c = http(demo_db)
    for path in ("/?supplier=no-such-co", "/search?q=nickel&supplier=no-such-co", "/api/stories?supplier=no-such-co",
                 "/api/search?q=nickel&supplier=no-such-co"):
        r = c.get(path)
        assert r.status_code == 400, path
        assert "supplier must be the id of a supplier" in r.text and "no-such-co" in r.text, path
    assert c.get("/?supplier=").status_code == 200  # empty: no filter


# -- in a real browser ----------------------------------------------------------------------------------


def test_the_supplier_page_and_the_automaker_panel_in_a_browser(supplier_db, clock, page):  # noqa: F811
    path, _ = supplier_db
    with LiveServer(create_app(path, local_user="tester")) as url:
        for width in (1280, 800):
            page.set_viewport_size({"width": width, "height": 900})
            page.goto(url + "/suppliers/pt-vale-indonesia")
            chart = page.locator("figure.chart-box svg")
            assert chart.count() == 1 and chart.bounding_box()["x"] + chart.bounding_box()["width"] <= width
            assert page.locator("p.role-counts").inner_text().startswith(
                "PT Vale Indonesia: the subject of 1 story, mentioned in 1 more.")
            assert page.locator("li.story").count() == 1
            shot(page, f"supplier-page-{width}")
            page.locator("a.toggle", has_text="Show the mentions too").click()
            page.wait_for_url(re.compile(r"mentions=1$"))
            assert page.locator("li.story").count() == 2
            page.locator("li.story").first.scroll_into_view_if_needed()
            shot(page, f"supplier-page-latest-{width}")

            page.goto(url + "/automakers/ford")
            panel = page.locator("section.supply-panel")
            panel.scroll_into_view_if_needed()
            huayou = panel.locator("li.supplier-entry", has=page.locator("a[href='/suppliers/huayou']")).first
            assert "1 story in 90 days" in huayou.inner_text()
            assert huayou.locator("a.latest").inner_text().startswith("Nickel boom leaves Halmahera")
            assert huayou.locator(".chip.topic").count() >= 1
            box = panel.bounding_box()
            assert box["x"] >= 0 and box["x"] + box["width"] <= width
            assert page.evaluate("document.documentElement.scrollWidth") <= width  # nothing sticks out
            shot(page, f"supply-panel-coverage-{width}")
        huayou.locator("a.latest").click()  # the article page, listed in the inbox filtered on Huayou
        page.wait_for_url(re.compile(r"/articles/\d+\?from="))
        assert "supplier%3Dhuayou" in page.url
    assert SHOTS.exists()


def test_the_chain_filter_finds_the_same_stories_checked_row_by_row(supplier_db, monkeypatch):
    """A common supplier is checked per story (EXISTS), a rare one as its list of stories: same result."""
    import storage.filters as filters_module
    from storage.db import open_db

    path, story = supplier_db
    db = open_db(path)
    f = Filters(automaker="ford", chain_suppliers=("huayou", "pt-vale-indonesia"), status=None)
    rare = [s.id for s in inbox(db, f, limit=100).stories]
    monkeypatch.setattr(filters_module, "RARE_TAG", 1)  # every tag and supplier counts as common
    common = [s.id for s in inbox(db, f, limit=100).stories]
    assert story in rare and rare == common
