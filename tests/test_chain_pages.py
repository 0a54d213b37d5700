"""Chain reach on the automaker pages (issue 18, item 5), on real SQLite files: storage.chain's
figures (a story naming only a linked supplier is chain-only, a story naming the automaker too is
direct, a retired link drops out, a link staff added counts), the weekly chart split into the
direct and the chain stories (monitor.web.charts), the automaker page's counts line, ``chain=1``
list with its "Ford via ..." chips, and the chain column of ``/automakers?chain=1``.

Stories are stored as the pipeline stores them (an article, its story, its tags with roles);
the links are the data file's (nlp/data/supply_links.yaml) with staff changes logged through
storage.supply, as the review page logs them."""

from __future__ import annotations

import re

import pytest

from monitor.supply_state import effective_links
from monitor.web.charts import weekly_bars
from monitor.web.reach import chain_suppliers
from storage import open_db
from storage.chain import (ChainCount, chain_coverage, chain_only_count, chain_only_counts, chain_weeks,
                           reached_stories)
from storage.coverage import coverage
from storage.supply import add_change
from storage.tags import TagRow
from tests.test_browser import browser, page, shot  # noqa: F401  (the chromium and page fixtures)
from tests.test_web import client
from tests.test_web_roles import add, story_rows

HUAYOU = TagRow("supplier", "huayou", "Zhejiang Huayou Cobalt", "Huayou will build a nickel plant.", 2, 0.6,
                ("Huayou",), role="subject")
VALE = TagRow("supplier", "pt-vale-indonesia", "PT Vale Indonesia", "PT Vale Indonesia supplies the ore.", 1, 0.3,
              ("PT Vale Indonesia",), role="mention")
SQM = TagRow("supplier", "sqm", "SQM", "SQM raised its lithium output.", 2, 0.6, ("SQM",), role="subject")
SSAB = TagRow("supplier", "ssab", "SSAB", "SSAB will sell fossil-free steel.", 2, 0.6, ("SSAB",), role="subject")
FORD = TagRow("automaker", "ford", "Ford", "Ford will buy the nickel.", 2, 0.7, ("Ford",), role="subject")
FORD_IN_PASSING = TagRow("automaker", "ford", "Ford", "Ford is one of its buyers.", 1, 0.1, ("Ford",), role="mention")
NICKEL = TagRow("topic", "nickel", "Nickel", "Huayou will build a nickel plant.", 2, 0.5, ("nickel",), role="subject")


@pytest.fixture
def chain_db(tmp_path, clock):
    """Five stories (the clock: Wednesday 2026-11-25):
    - ``pomalaa``: names Huayou and PT Vale Indonesia, no automaker (2026-11-20): reaches Ford only
      through its chain;
    - ``both``: about Ford and naming Huayou (2026-11-24): direct;
    - ``sqm``: SQM's lithium, Ford in passing (2026-11-18): direct with the mentions, else a chain
      story not about Ford (but never "chain-only": it names Ford);
    - ``ford``: about Ford, no supplier (2026-10-07);
    - ``ssab``: SSAB's steel (a Volvo Cars supplier; not Ford's until staff add a link) (2026-11-23)."""
    path = tmp_path / "chain.db"
    db = open_db(path)
    with db.atomic():
        stories = {
            "pomalaa": add(db, 1, "Huayou and PT Vale Indonesia break ground in Pomalaa",
                           "Huayou will build a nickel plant. PT Vale Indonesia supplies the ore.",
                           [HUAYOU, VALE, NICKEL], "2026-11-20"),
            "both": add(db, 2, "Ford and Huayou sign a nickel deal", "Ford will buy the nickel. Huayou will build "
                        "a nickel plant.", [FORD, HUAYOU, NICKEL], "2026-11-24"),
            "sqm": add(db, 3, "SQM raises lithium output", "SQM raised its lithium output. Ford is one of its "
                       "buyers.", [SQM, FORD_IN_PASSING], "2026-11-18"),
            "ford": add(db, 4, "Ford cuts a shift in Kentucky", "Ford will buy the nickel. The plant cuts a shift.",
                        [FORD], "2026-10-07"),
            "ssab": add(db, 5, "SSAB opens a hydrogen steel plant", "SSAB will sell fossil-free steel.",
                        [SSAB], "2026-11-23"),
        }
    db.close()
    return path, {k: story for k, (_, story) in stories.items()}


def ford_suppliers(db) -> tuple[str, ...]:
    return chain_suppliers("ford", effective_links(db))


# -- storage ---------------------------------------------------------------------------------------------


def test_a_supplier_only_story_is_chain_only_and_one_naming_ford_is_direct(chain_db):
    path, s = chain_db
    db = open_db(path)
    suppliers = ford_suppliers(db)
    assert {"huayou", "pt-vale-indonesia", "sqm"} <= set(suppliers) and "ssab" not in suppliers
    assert chain_only_count(db, "ford", suppliers) == ChainCount(1)  # pomalaa: both and sqm name Ford
    assert chain_only_count(db, "ford", ()) == ChainCount(0)
    # Huayou is Volkswagen's too: pomalaa and both reach it, neither names it
    vw = chain_suppliers("volkswagen", effective_links(db))
    assert chain_only_counts(db, {"ford": suppliers, "volkswagen": vw, "tesla": ()}) == {
        "ford": ChainCount(1), "volkswagen": ChainCount(2), "tesla": ChainCount(0)}
    # counted up to a cap (the page stays fast on a large archive), and said so
    assert chain_only_count(db, "volkswagen", vw, cap=1) == ChainCount(1, more=True)
    assert str(ChainCount(1, more=True)) == "1 or more" and str(ChainCount(12345)) == "12,345"
    assert chain_only_count(db, "volkswagen", vw, cap=2) == ChainCount(2)

    about = chain_coverage(db, "ford", suppliers, direct=coverage(db, "automaker", "ford").weeks)
    assert about.chain_only == ChainCount(1)
    assert {st.id for st in about.latest} == {s["pomalaa"], s["both"], s["sqm"], s["ford"]}
    weeks = {monday: (direct, chain) for monday, direct, chain in about.weeks}
    assert weeks["2026-11-23"] == (1, 0)  # both: direct, never chain
    assert weeks["2026-11-16"] == (0, 2)  # pomalaa, and sqm (Ford only in passing: not about it)
    assert weeks["2026-10-05"] == (1, 0)
    assert sum(d + c for d, c in weeks.values()) == 4  # what the list shows

    both = chain_coverage(db, "ford", suppliers, direct=coverage(db, "automaker", "ford", mentions=True).weeks,
                          mentions=True)
    weeks = {monday: (direct, chain) for monday, direct, chain in both.weeks}
    assert weeks["2026-11-16"] == (1, 1)  # with the mentions sqm is direct: it names Ford
    assert both.chain_only == about.chain_only == ChainCount(1)  # the count is all time, either way
    db.close()


def test_the_chart_starts_at_the_first_story_of_either_kind(chain_db, clock):
    path, _ = chain_db
    db = open_db(path)
    direct = [("2026-11-23", 2)]  # as if the automaker's first story were this week
    series = chain_weeks(db, "ford", ("huayou", "pt-vale-indonesia", "sqm"), direct, weeks=3)
    assert series == [("2026-11-16", 0, 2), ("2026-11-23", 2, 0)]  # the chain's first week comes first
    assert chain_weeks(db, "ford", ("huayou",), direct, weeks=1) == [("2026-11-23", 2, 0)]  # never beyond weeks
    assert chain_weeks(db, "ford", ("huayou",), []) == []
    # no supplier linked: the direct series alone, a zero beside every week
    assert chain_weeks(db, "ford", (), direct, weeks=3) == [("2026-11-23", 2, 0)]
    db.close()


def test_a_retired_link_drops_out_and_a_staff_link_counts(chain_db):
    path, s = chain_db
    db = open_db(path)
    with db.atomic():  # the Pomalaa links retired: huayou (nickel, cathode) and PT Vale Indonesia
        for supplier, material, kind in (("huayou", "nickel", "joint-venture"),
                                         ("huayou", "cathode-materials", "supply"),
                                         ("pt-vale-indonesia", "nickel", "joint-venture")):
            add_change(db, supplier, "ford", material, kind, "retire", "maria")
    suppliers = ford_suppliers(db)
    assert "huayou" not in suppliers and "pt-vale-indonesia" not in suppliers
    assert chain_only_count(db, "ford", suppliers) == ChainCount(0)
    assert s["pomalaa"] not in {st.id for st in chain_coverage(db, "ford", suppliers, direct=[("2026-11-23", 0)]
                                                               ).latest}
    with db.atomic():  # staff found a steel deal: SSAB now supplies Ford
        add_change(db, "ssab", "ford", "steel", "supply", "add", "maria", source="https://example.org/ford-ssab")
    suppliers = ford_suppliers(db)
    assert "ssab" in suppliers
    assert chain_only_count(db, "ford", suppliers) == ChainCount(1)  # the SSAB story
    assert chain_only_counts(db, {"ford": suppliers})["ford"] == ChainCount(1)
    db.close()


def test_the_chain_queries_read_the_tags_index_and_no_whole_table(chain_db):
    """Every query of storage.chain reads tags along idx_tags_kind_tag_role and articles by id:
    never a scan of either table, nor the Bloom filter SQLite builds over every article when
    the join has a condition on them (see storage/chain.py)."""
    path, _ = chain_db
    db = open_db(path)
    suppliers = ford_suppliers(db)
    traced: list[str] = []
    db.conn.set_trace_callback(traced.append)  # each statement with its parameters filled in
    chain_coverage(db, "ford", suppliers, direct=coverage(db, "automaker", "ford").weeks)
    chain_only_counts(db, {"ford": suppliers, "volkswagen": ("huayou",)})
    list(reached_stories(db, suppliers))
    db.conn.set_trace_callback(None)
    # storage.chain's own (the list's query is the inbox's: storage.filters)
    mine = [sql for sql in traced if "kind = 'supplier'" in sql and "CROSS JOIN" in sql]
    assert len(mine) == 5  # the count, the weeks, Ford's and Volkswagen's counts, the stories
    for sql in mine:
        plan = [r[-1] for r in db.execute("EXPLAIN QUERY PLAN " + sql)]
        assert any("idx_tags_kind_tag_role" in step for step in plan), plan
        assert not [step for step in plan if step.startswith(("SCAN t", "SCAN a", "SCAN s")) or "BLOOM" in step], plan
    db.close()


# -- the chart -------------------------------------------------------------------------------------------


def test_weekly_bars_stacks_a_second_series_with_a_legend():
    weeks = [("2026-11-02", 1), ("2026-11-09", 0), ("2026-11-16", 2)]
    plain = weekly_bars("Ford", weeks)
    assert plain.legend == () and all(b.series == "" for b in plain.bars) and plain.top == 36  # as before
    chart = weekly_bars("Ford", weeks, stacked=[3, 3, 0], legend=("about Ford", "through its suppliers"))
    direct, chain = chart.bars[:3], chart.bars[3:]
    assert [b.series for b in chain] == ["chain"] * 3 and chart.total == 9
    assert chain[0].y + chain[0].height == pytest.approx(direct[0].y, abs=0.11)  # on top of the direct bar
    assert chain[1].y + chain[1].height == pytest.approx(chart.top + chart.plot_height, abs=0.11)
    assert chain[2].height == 0
    assert chain[1].label == "week of 2026-11-09: 3 stories through its suppliers"
    assert direct[0].label == "week of 2026-11-02: 1 story about Ford"
    assert [t.text for t in chart.y_ticks][-1] == "4"  # the peak is a week's sum: 1 + 3
    assert [(k.text, k.series) for k in chart.legend] == [("about Ford", ""), ("through its suppliers", "chain")]
    assert chart.legend[1].x > chart.legend[0].text_x and chart.top > chart.legend[0].y + chart.legend[0].size
    with pytest.raises(ValueError):
        weekly_bars("Ford", weeks, stacked=[1])


# -- the pages ------------------------------------------------------------------------------------------


def test_the_counts_line_links_to_the_chain_and_chain_1_lists_it(chain_db):
    path, s = chain_db
    c = client(path)
    html = c.get("/automakers/ford").text
    assert re.search(r'<span class="about">2 stories about</span>, <span class="mentioning">1 mentioning</span>\.',
                     html)
    assert re.search(r'<a class="chain" href="/automakers/ford\?chain=1"[^>]*>1 more story reaches it only through '
                     r'its suppliers</a>', html)
    assert s["pomalaa"] not in story_rows(html) and "swatch" not in html  # one series, no legend
    assert c.get("/automakers/ford?mentions=1").text.count('href="/automakers/ford?mentions=1&amp;chain=1"') == 1

    chained = c.get("/automakers/ford?chain=1")
    assert chained.status_code == 200
    html = chained.text
    rows = story_rows(html)
    assert list(rows) == [s["both"], s["pomalaa"], s["sqm"], s["ford"]]  # newest first
    assert ('<a class="chip reach" data-reach="ford" href="/automakers/ford" title="reaches Ford through its supply '
            'chain: Zhejiang Huayou Cobalt, PT Vale Indonesia supplies it">Ford via Zhejiang Huayou Cobalt, PT Vale '
            'Indonesia</a>') in rows[s["pomalaa"]]
    assert 'class="chip reach" data-reach="ford"' not in rows[s["both"]]  # it names Ford
    assert 'href="/suppliers/huayou"' in rows[s["pomalaa"]]
    assert '<span class="chain">1 more story reaches it only through its suppliers</span>' in html
    assert '<a class="toggle chain-off" href="/automakers/ford">Leave out the supply chain</a>' in html
    assert '<a class="toggle" href="/automakers/ford?mentions=1&amp;chain=1">Show the mentions too</a>' in html
    assert 'href="/?automaker=ford&amp;status=all&amp;chain=1"' in html
    assert 'href="/feeds/automakers/ford.atom?chain=1"' in html
    assert "from=/automakers/ford%3Fchain%3D1" in html  # j / k / u come back to this list

    # the chart: the direct bars, the chain bars stacked on them, and the legend naming both
    svg = re.search(r"<svg class=\"chart\".*?</svg>", html, re.DOTALL).group(0)
    assert "(about Ford, and through its suppliers, not about it)" in svg
    assert "(4 stories in all)" in svg
    assert len(re.findall(r'<rect class="bar chain"', svg)) == len(re.findall(r'<rect class="bar" ', svg)) >= 8
    assert re.search(r'<title>week of 2026-11-16: 2 stories through its suppliers, not about it</title>', svg)
    assert '<rect class="swatch chain"' in svg and '<text class="legend"' in svg
    assert ">about Ford</text>" in svg and ">through its suppliers, not about it</text>" in svg

    both = c.get("/automakers/ford?chain=1&mentions=1").text
    assert list(story_rows(both)) == [s["both"], s["pomalaa"], s["sqm"], s["ford"]]
    assert "(about or mentioning Ford, and only through its suppliers)" in both
    assert '<a class="toggle" href="/automakers/ford?chain=1">Without the mentions</a>' in both
    assert c.get("/automakers/ford?chain=maybe").status_code == 400
    assert c.get("/topics/nickel?chain=1").status_code == 200  # a topic has no chain: ignored


def test_the_automakers_index_has_a_chain_column_with_chain_1(chain_db):
    path, _ = chain_db
    c = client(path)
    plain = c.get("/automakers").text
    assert '<table class="facets chain-counts">' not in plain
    assert 'href="/automakers?chain=1"' in plain
    html = c.get("/automakers?chain=1").text
    ford = re.search(r'<tr data-tag="automaker:ford">(.*?)</tr>', html, re.DOTALL).group(1)
    assert re.search(r'<td class="num about"><a [^>]*>2</a>', ford)
    assert re.search(r'<td class="num mentioning"><a [^>]*>1</a>', ford)
    assert re.search(r'<td class="num chain"><a href="/automakers/ford\?chain=1"[^>]*>1</a>', ford)
    vw = re.search(r'<tr data-tag="automaker:volkswagen">(.*?)</tr>', html, re.DOTALL).group(1)
    assert re.search(r'<td class="num chain"><a [^>]*>2</a>', vw)
    tesla = re.search(r'<tr data-tag="automaker:tesla">(.*?)</tr>', html, re.DOTALL).group(1)
    assert re.search(r'<td class="num chain"><a [^>]*>0</a>', tesla)
    assert 'href="/automakers?mentions=1&amp;chain=1"' not in html  # the switch off: /automakers
    assert '<a class="toggle chain-off" href="/automakers">' in html
    assert c.get("/automakers?chain=2").status_code == 400


def test_the_demo_supplier_only_story_on_fords_page(demo_db):
    from tests.test_reach import supplier_only_story

    story = supplier_only_story(demo_db)
    c = client(demo_db)
    html = c.get("/automakers/ford").text
    count = int(re.search(r'>(\d+) more stories reach it only through its suppliers</a>', html).group(1))
    assert count >= 1 and story not in story_rows(html)
    rows = story_rows(c.get("/automakers/ford?chain=1").text)
    assert "Ford via Zhejiang Huayou Cobalt, PT Vale Indonesia" in rows[story]


# -- in a browser -----------------------------------------------------------------------------------------


def test_fords_page_with_its_supply_chain_in_chromium(demo_db, page):  # noqa: F811
    from playwright.sync_api import expect

    from monitor.web.app import create_app
    from tests.test_reach import supplier_only_story
    from tests.webserver import LiveServer

    story = supplier_only_story(demo_db)
    with LiveServer(create_app(demo_db, local_user="tester")) as url:
        page.goto(f"{url}/automakers/ford")
        expect(page.locator(f'li.story[data-story="{story}"]')).to_have_count(0)
        expect(page.locator("svg.chart rect.bar.chain")).to_have_count(0)
        page.locator("p.role-counts a.chain").click()  # "N more reach it only through its suppliers"
        page.wait_for_url(re.compile(r"/automakers/ford\?chain=1$"))
        row = page.locator(f'li.story[data-story="{story}"]')
        reach = row.locator("a.chip.reach", has_text="Ford via Zhejiang Huayou Cobalt, PT Vale Indonesia")
        expect(reach).to_be_visible()
        assert reach.evaluate("e => getComputedStyle(e).borderTopStyle") == "dashed"
        svg = page.locator("svg.chart")
        chain_bars = svg.locator("rect.bar.chain")
        assert chain_bars.count() == svg.locator("rect.bar:not(.chain)").count() >= 8
        heights = chain_bars.evaluate_all("bs => bs.map(b => parseFloat(b.getAttribute('height')))")
        assert max(heights) > 0
        drawn = chain_bars.nth(heights.index(max(heights)))  # pale and dashed, as the reach chips
        assert drawn.evaluate("e => getComputedStyle(e).strokeDasharray") not in ("", "none")
        assert drawn.evaluate("e => getComputedStyle(e).fill") != svg.locator("rect.bar:not(.chain)").first.evaluate(
            "e => getComputedStyle(e).fill")
        expect(svg.locator("text.legend")).to_have_count(2)
        expect(svg.locator("text.legend").nth(1)).to_have_text("through its suppliers, not about it")
        shot(page, "chain-ford-chart")
        row.scroll_into_view_if_needed()
        shot(page, "chain-ford-list")
        page.locator("a.toggle.chain-off").click()
        page.wait_for_url(re.compile(r"/automakers/ford$"))
        page.goto(f"{url}/automakers?chain=1")
        expect(page.locator('tr[data-tag="automaker:ford"] td.chain a')).to_have_text(re.compile(r"^[1-9]\d*$"))
        shot(page, "chain-automakers")


def test_the_article_page_walks_the_chain_list_it_was_opened_from(demo_db):
    """j/k on an article opened from /automakers/ford?chain=1 step through that list, chain
    stories included (monitor/web/listplace.py), and "u" goes back to it with chain=1."""
    from monitor.web.listplace import place_of
    from storage.db import open_db
    from tests.test_reach import supplier_only_story

    story = supplier_only_story(demo_db)
    db = open_db(demo_db)
    article = db.execute("SELECT id FROM articles WHERE story_id = ?", [story]).fetchone()[0]
    names = {("automaker", "ford"): "Ford"}
    with_chain = place_of(db, names, "/automakers/ford?chain=1", article, story)
    without = place_of(db, names, "/automakers/ford", article, story)
    assert with_chain.position is not None and without.position is None
    assert "chain=1" in with_chain.up
