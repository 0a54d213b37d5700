"""The supply-chain pages over HTTP (Starlette's test client, a real SQLite file): the map and its
filters, a supplier's page (its coverage from its stored tags: the chart, the counts by role, the
topics and automakers on its stories, the latest), the panel on an automaker's page (each
supplier's latest coverage and topics), sources through safe_url, hostile names escaped; and the
map's geometry (monitor/web/supplymap.py, pure).

The pages read the registries of nlp/ unless ``app.state.supply`` is set: most tests hand them a
small registry of their own (FIXTURE), one reads the real data files."""

from __future__ import annotations

import re
import sqlite3
import sys

from monitor.web.app import create_app
from monitor.web.supply import SupplyData, unconditional_forms
from monitor.web.supplymap import MATERIALS, MapSupplier, supply_map
from nlp.suppliers import Supplier
from nlp.supply_links import SupplyLink
from tests.test_reach import supplier_only_story

HOSTILE = '<script>alert("x")</script> Mining'


FIXTURE = SupplyData(
    suppliers=(
        Supplier("huayou", "Huayou Cobalt", "China", ("cobalt", "nickel")),
        Supplier("pt-vale-indonesia", "PT Vale Indonesia", "Indonesia", ("nickel",), parent="vale"),
        Supplier("vale", "Vale", "Brazil", ("nickel", "copper")),
        Supplier("ssab", "SSAB", "Sweden", ("steel",)),
        Supplier("catl", "CATL", "China", ("battery-cells",)),
        Supplier("alcoa", "Alcoa", "United States", ("aluminium",)),  # no link
        Supplier("evil", HOSTILE, '"><img src=x onerror=alert(1)>', ("cobalt",)),
    ),
    links=(
        SupplyLink("huayou", "ford", "nickel", "offtake", "https://example.org/huayou-ford", "2023-03-30", True),
        SupplyLink("pt-vale-indonesia", "ford", "nickel", "joint-venture", "javascript:alert(1)", "2023-03-30", False),
        SupplyLink("ssab", "volvo-cars", "steel", "supply", "https://example.org/ssab-volvo", "2021-06-16", True),
        SupplyLink("catl", "tesla", "battery-cells", "supply", "shared/data/reports/catl.md", "2024-01-05", True),
        SupplyLink("catl", "ford", "battery-cells", "supply", "https://example.org/catl-ford", "2023-02-13", False),
        SupplyLink("evil", "tesla", "cobalt", "stake", 'https://example.org/"><b>x</b>', "2025-05-05", False),
    ),
)


def client(db_path, supply: SupplyData | None = FIXTURE):
    from starlette.testclient import TestClient

    app = create_app(db_path)
    if supply is not None:
        app.state.supply = supply
    return TestClient(app, base_url="http://127.0.0.1:8000")


def svg_of(html: str) -> str:
    return re.search(r'<svg class="supply-map".*?</svg>', html, re.DOTALL).group(0)


def link_paths(html: str) -> list[str]:
    return re.findall(r'<path class="link[^"]*"[^>]*>', svg_of(html))


def table_rows(html: str) -> list[str]:
    body = re.search(r'<table class="supply-links">.*?</table>', html, re.DOTALL).group(0)
    return re.findall(r"<tr class=\"(?:verified|unverified)\">.*?</tr>", body, re.DOTALL)


def test_the_map_draws_every_link_with_the_unverified_ones_dashed(tmp_path):
    r = client(tmp_path / "t.db").get("/supply-chain")
    assert r.status_code == 200
    paths = link_paths(r.text)
    assert len(paths) == len(FIXTURE.links)
    dashed = [p for p in paths if 'stroke-dasharray="6 4"' in p]
    assert len(dashed) == sum(1 for k in FIXTURE.links if not k.verified)
    assert all("unverified" in p for p in dashed) and not any("unverified" in p for p in paths if p not in dashed)
    svg = svg_of(r.text)
    for name in ("Huayou Cobalt", "PT Vale Indonesia", "SSAB", "CATL", "Ford", "Tesla", "Volvo Cars"):
        assert f">{name}<" in svg, name
    assert ">Alcoa<" not in svg  # no link: left off the map by default
    assert len(table_rows(r.text)) == len(FIXTURE.links)
    assert "6 links between 5 suppliers" in r.text


def test_a_supplier_is_drawn_once_under_its_first_material_with_the_others_beside_it(tmp_path):
    svg = svg_of(client(tmp_path / "t.db").get("/supply-chain").text)
    assert svg.count(">Huayou Cobalt<") == 1
    headings = re.findall(r'class="map-label heading"[^>]*>([^<]+)<', svg)
    assert headings == ["Steel (1)", "Nickel (1)", "Cobalt (2)", "Battery cells (1)"]  # vocabulary order
    assert re.search(r">Huayou Cobalt<tspan class=\"also\"> · also nickel</tspan>", svg)


def test_the_material_filter_redraws_the_map_for_its_links(tmp_path):
    r = client(tmp_path / "t.db").get("/supply-chain?material=nickel")
    assert r.status_code == 200
    assert len(link_paths(r.text)) == 2 and len(table_rows(r.text)) == 2
    svg = svg_of(r.text)
    assert re.findall(r'class="map-label heading"[^>]*>([^<]+)<', svg) == ["Nickel (2)"]  # Huayou under nickel now
    assert "SSAB" not in svg and "CATL" not in svg
    assert '<option value="nickel" selected>' in r.text


def test_the_automaker_filter_and_both_filters_together(tmp_path):
    c = client(tmp_path / "t.db")
    r = c.get("/supply-chain?automaker=ford")
    assert len(link_paths(r.text)) == 3
    assert re.findall(r'class="map-label automaker[^"]*"[^>]*><title>[^<]*</title>([^<]+)<', svg_of(r.text)) == ["Ford"]
    r = c.get("/supply-chain?automaker=ford&material=battery-cells")
    paths = link_paths(r.text)
    assert len(paths) == 1 and 'data-supplier="catl"' in paths[0] and 'data-automaker="ford"' in paths[0]
    r = c.get("/supply-chain?automaker=bmw")
    assert r.status_code == 200 and "No supply links match these filters" in r.text


def test_unknown_filters_are_refused_with_what_is_allowed(tmp_path):
    c = client(tmp_path / "t.db")
    r = c.get("/supply-chain?material=unobtainium")
    assert r.status_code == 400 and "unobtainium" in r.text and "nickel" in r.text
    r = c.get("/supply-chain?automaker=nobody")
    assert r.status_code == 400 and "no automaker" in r.text
    assert c.get("/supply-chain?all=maybe").status_code == 400


def test_all_draws_the_suppliers_without_a_link_muted(tmp_path):
    svg = svg_of(client(tmp_path / "t.db").get("/supply-chain?all=1").text)
    assert re.search(r'class="map-label supplier muted"[^>]*><title>[^<]*</title>Alcoa<', svg)
    assert re.search(r'class="map-label supplier"[^>]*><title>[^<]*</title>SSAB<', svg)  # linked: not muted


def test_sources_become_links_only_through_safe_url(tmp_path):
    html = client(tmp_path / "t.db").get("/supply-chain").text
    assert '<a href="https://example.org/huayou-ford" rel="noopener noreferrer nofollow"' in html
    assert 'href="javascript:' not in html and "javascript:alert(1)" in html  # shown as text
    assert ">shared/data/reports/catl.md<" in html  # a repository path: text, no link
    assert "<b>x</b>" not in html


def test_hostile_names_are_escaped_on_every_page(tmp_path):
    c = client(tmp_path / "t.db")
    for path in ("/supply-chain", "/supply-chain?all=1", "/suppliers/evil", "/automakers/tesla"):
        r = c.get(path)
        assert r.status_code == 200, path
        assert "<script>alert" not in r.text and "<img src=x" not in r.text, path
        assert "&lt;script&gt;alert" in r.text, path


def test_the_pages_keep_the_strict_csp_no_inline_style_or_script(tmp_path):
    c = client(tmp_path / "t.db")
    for path in ("/supply-chain?all=1", "/suppliers/huayou", "/automakers/ford"):
        r = c.get(path)
        assert "unsafe-inline" not in r.headers["content-security-policy"], path
        assert not re.search(r"\sstyle=|<style|<script(?! src=\"/static/)", r.text), path


def test_a_supplier_page_shows_its_facts_and_the_automakers_it_supplies(tmp_path):
    r = client(tmp_path / "t.db").get("/suppliers/huayou")
    assert r.status_code == 200
    assert "<h1>Huayou Cobalt <small>supplier</small></h1>" in r.text
    assert "Country: China." in r.text
    assert re.search(r'href="/supply-chain\?material=cobalt">Cobalt</a>, <a [^>]*>Nickel</a>', r.text)
    rows = table_rows(r.text)
    assert len(rows) == 1 and "Ford" in rows[0] and "offtake" in rows[0] and ">yes<" in rows[0]
    assert 'href="https://example.org/huayou-ford"' in rows[0]
    r = client(tmp_path / "t.db").get("/suppliers/pt-vale-indonesia")
    assert 'Part of <a href="/suppliers/vale">Vale</a>' in r.text and "unverified-mark" in r.text


def test_an_unknown_supplier_is_404(tmp_path):
    r = client(tmp_path / "t.db").get("/suppliers/no-such-company")
    assert r.status_code == 404 and "no supplier" in r.text


def stories_in(html: str) -> list[str]:
    return re.findall(r'<li class="story" data-story="(\d+)"', html)


def test_a_supplier_page_shows_its_coverage_from_its_stored_tags(demo_db, clock):
    story = supplier_only_story(demo_db)  # about Huayou and PT Vale Indonesia; the quota story mentions PT Vale
    c = client(demo_db)
    html = c.get("/suppliers/pt-vale-indonesia").text
    assert re.search(r'<p class="role-counts"><strong>PT Vale Indonesia:</strong> <span class="about">the subject of '
                     r'1 story</span>, <span class="mentioning">mentioned in 1 more</span>', html)
    chart = re.search(r'<figure class="chart-box">(.*?)</figure>', html, re.DOTALL).group(1)
    assert "PT Vale Indonesia: stories per week" in chart and len(re.findall(r'<rect class="bar"', chart)) >= 8
    assert re.findall(r'<title>week of [^<]*: 1 story</title>', chart) == ["<title>week of 2026-11-02: 1 story</title>"]
    assert stories_in(html) == [str(story)]  # about it: the stored tags, not a text search
    assert 'href="/articles/' in html and "from=/%3Fsupplier%3Dpt-vale-indonesia%26status%3Dall" in html
    assert '<a class="inbox-link" href="/?supplier=pt-vale-indonesia&amp;status=all">' in html
    assert 'href="/suppliers/pt-vale-indonesia?mentions=1">Show the mentions too' in html
    related = re.search(r'<section class="supplier-related">.*?</section>', html, re.DOTALL).group(0)
    assert '<a href="/topics/nickel">Nickel</a> · 1 story' in related
    assert "Automakers named with it" not in related  # the story about it names no automaker

    html = c.get("/suppliers/pt-vale-indonesia?mentions=1").text
    assert len(stories_in(html)) == 2 and stories_in(html)[-1] == str(story)  # the quota story first: newer
    assert "stories per week" in html and "(about or mentioning PT Vale Indonesia)" in html
    assert 'href="/suppliers/pt-vale-indonesia?mentions=0">Only the stories about it' in html
    related = re.search(r'<section class="supplier-related">.*?</section>', html, re.DOTALL).group(0)
    assert '<a href="/automakers/ford">Ford</a> · 1 story' in related  # named on the quota story
    assert '<a class="inbox-link" href="/?supplier=pt-vale-indonesia&amp;status=all&amp;mentions=1">' in html
    assert c.get("/suppliers/pt-vale-indonesia?mentions=maybe").status_code == 400


def test_a_supplier_only_mentioned_points_to_its_mentions_and_one_never_named_says_so(demo_db, clock):
    c = client(demo_db)
    html = c.get("/suppliers/catl").text  # the demo names CATL in passing, three times
    assert "the subject of 0 stories</span>, <span class=\"mentioning\">mentioned in 3</span>" in html
    # about no story: the page shows the three naming it rather than nothing, and says so
    assert len(stories_in(html)) == 3 and "Below: the stories about or mentioning CATL" in html
    assert '<a class="toggle" href="/suppliers/catl?mentions=0">Only the stories about it</a>' in html
    html = c.get("/suppliers/catl?mentions=0").text  # asked for: only those about it (none)
    assert stories_in(html) == []
    assert 'No story is about CATL yet; 3 mention it: <a href="/suppliers/catl?mentions=1">show them</a>' in html
    assert len(stories_in(c.get("/suppliers/catl?mentions=1").text)) == 3
    html = c.get("/suppliers/ssab").text
    assert "No stories name SSAB yet." in html and "the subject of 0 stories" in html
    assert "search?q=" not in html  # the full-text stand-in is gone


def test_the_automaker_panel_shows_each_suppliers_latest_coverage_and_topics(demo_db, clock):
    story = supplier_only_story(demo_db)
    html = client(demo_db).get("/automakers/ford").text
    panel = re.search(r'<section class="supply-panel">.*?</section>', html, re.DOTALL).group(0)
    entries = {m.group(1): m.group(0) for m in re.finditer(  # the first entry of each (Huayou is in two materials)
        r'<li class="supplier-entry[^"]*"><a href="/suppliers/([^"]+)">.*?</li>', panel, re.DOTALL)
        if m.group(1) not in panel[:m.start()]}
    huayou = entries["huayou"]
    assert '<a class="recent" href="/?supplier=huayou&amp;status=all&amp;mentions=1"' in huayou
    assert ">1 story in 90 days</a>" in huayou
    latest = re.search(r'<a class="latest" href="([^"]+)">([^<]+)</a> <time>([^<]+)</time>', huayou)
    assert latest.group(1).startswith("/articles/") and "from=/%3Fsupplier%3Dhuayou" in latest.group(1)
    assert latest.group(3) == "2026-11-02"
    conn = sqlite3.connect(demo_db)
    assert latest.group(2) == conn.execute("SELECT title FROM stories WHERE id = ?", [story]).fetchone()[0]
    conn.close()
    assert '<a class="chip topic mini" href="/topics/nickel"' in huayou
    vale = entries["pt-vale-indonesia"]
    assert ">2 stories in 90 days</a>" in vale and "Indonesia cuts nickel ore quotas" in vale  # its latest: a mention
    assert re.search(r'<a href="/suppliers/catl">CATL</a>.*?supplier-news"><a class="recent"[^>]*>3 stories in 90 days',
                     entries["catl"], re.DOTALL)
    html = client(demo_db).get("/automakers/volvo-cars").text  # SSAB: nothing about it in the demo
    panel = re.search(r'<section class="supply-panel">.*?</section>', html, re.DOTALL).group(0)
    assert re.search(r'SSAB</a> <small>supply</small><div class="supplier-news quiet">no coverage yet</div>', panel)


def test_an_automaker_page_lists_its_suppliers_by_material(tmp_path):
    c = client(tmp_path / "t.db")
    html = c.get("/automakers/ford").text
    panel = re.search(r'<section class="supply-panel">.*?</section>', html, re.DOTALL).group(0)
    groups = re.findall(r"<dt><a [^>]*>([^<]+)</a></dt>\s*<dd>(.*?)</dd>", panel, re.DOTALL)
    assert [g for g, _ in groups] == ["Nickel", "Battery cells"]
    nickel = groups[0][1]
    assert '<a href="/suppliers/huayou">Huayou Cobalt</a>' in nickel
    assert re.search(r'PT Vale Indonesia</a> <small>joint-venture</small> <span class="unverified-mark"', nickel)
    assert '<li class="supplier-entry"><a href="/suppliers/huayou">' in nickel  # verified: no mark
    assert nickel.count('<div class="supplier-news quiet">no coverage yet</div>') == 2  # an empty archive
    assert 'href="/supply-chain?automaker=ford"' in panel
    assert "No supplier is linked to BMW Group yet." in c.get("/automakers/bmw").text
    assert "supply-panel" not in c.get("/topics/nickel").text  # topics have no chain


def test_the_pages_say_so_when_the_registry_is_missing(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "nlp.supply_links", None)  # the import fails
    c = client(tmp_path / "t.db", supply=None)
    r = c.get("/supply-chain")
    assert r.status_code == 503 and "not installed" in r.text
    assert c.get("/suppliers/huayou").status_code == 503
    r = c.get("/automakers/ford")
    assert r.status_code == 200 and "supply-chain registry is not installed" in r.text


def test_the_pages_read_the_real_registry(tmp_path):
    from nlp.suppliers import load_suppliers
    from nlp.supply_links import load_links

    suppliers, links = load_suppliers(), load_links()
    c = client(tmp_path / "t.db", supply=None)
    r = c.get("/supply-chain")
    assert r.status_code == 200
    assert len(link_paths(r.text)) == len(links) and len(table_rows(r.text)) == len(links)
    assert c.get(f"/suppliers/{links[0].supplier}").status_code == 200
    assert c.get(f"/suppliers/{suppliers[-1].id}").status_code == 200
    r = c.get(f"/automakers/{links[0].automaker}")
    assert f'href="/suppliers/{links[0].supplier}"' in r.text


def test_the_names_the_tagger_takes_without_conditions(demo_db, clock):
    """What the proposals page marks in a sentence (SupplyData.forms)."""
    from nlp.suppliers import load_supplier_registry

    forms = unconditional_forms(load_supplier_registry())
    assert "Huayou" in forms["huayou"]
    assert "Vale" not in forms["vale"] and "Vale SA" in forms["vale"]  # "Vale" only beside mining words
    html = client(demo_db, supply=None).get("/suppliers/catl?mentions=1").text  # the real registry
    assert len(stories_in(html)) == 3


# -- the geometry -----------------------------------------------------------------------------

NAME_PARTS = ("Nordic Steel", "Huayou Cobalt", "PT Vale Indonesia", "Emirates Global Aluminium", "SQM",
              "Zhejiang New Energy Materials Co.", "LG Energy Solution", "Redwood Materials", "Lynas Rare Earths",
              "Very Long Name Mining and Refining Corporation International")


def synthetic(n_suppliers: int = 120, n_links: int = 80):
    """A registry of n suppliers over every material (a third with two materials; names short and
    long) and n links to the 18 ranked automakers, each in a material of its supplier, every third
    unverified, some suppliers with several links."""
    from nlp.registry import load_registry

    makers = [(a.id, a.name) for a in load_registry().automakers if a.ranked]
    suppliers = [Supplier(f"s{i}", f"{NAME_PARTS[i % len(NAME_PARTS)]} {i}", "Nowhere",
                              (MATERIALS[i % len(MATERIALS)],) + ((MATERIALS[(i + 3) % len(MATERIALS)],) if i % 3 == 0
                                                                   else ()))
                 for i in range(n_suppliers)]
    links = []
    for i in range(n_links):
        s = suppliers[(i * 7) % 50]  # 50 suppliers linked, some more than once
        links.append(SupplyLink(s.id, makers[(i * 5) % len(makers)][0], s.materials[i % len(s.materials)], "supply",
                              f"https://example.org/{i}", "2025-01-01", i % 3 != 0))
    return makers, suppliers, links


def overlaps(a, b) -> bool:
    ha = 14.0  # text of 13 to 15 px: its box spans about 14 px above the baseline
    return not (a.box_left + a.width <= b.box_left or b.box_left + b.width <= a.box_left
                or a.y <= b.y - ha or b.y <= a.y - ha)


def test_the_layout_has_no_overlapping_labels_and_grows_with_its_rows():
    makers, suppliers, links = synthetic()
    m = supply_map(makers, suppliers, links)
    labels = m.labels
    assert len(m.suppliers) == 120 and len(m.automakers) == 18 and len(m.lines) == 80
    assert not [(a.text, b.text) for i, a in enumerate(labels) for b in labels[i + 1:] if overlaps(a, b)]
    assert all(0 <= lb.box_left and lb.box_left + lb.width <= m.width for lb in labels)
    assert all(lb.y > max(i.y for i in m.legend) + 10 for lb in labels)  # below the legend
    assert m.height >= 120 * 20 and m.height > max(lb.y for lb in labels)
    small = supply_map(makers, suppliers[:10], links)
    assert small.height < m.height


def test_long_names_are_shortened_and_keep_their_whole_name_in_the_tooltip():
    makers, suppliers, links = synthetic()
    label = next(s for s in supply_map(makers, suppliers, links).suppliers if s.title.startswith("Very Long"))
    assert label.text.endswith("…") and NAME_PARTS[-1] in label.title and len(label.text) < len(NAME_PARTS[-1])


def test_automakers_follow_their_suppliers_to_reduce_crossings():
    makers = [("a", "A"), ("b", "B")]
    suppliers = [MapSupplier("top", "Top", ("steel",)), MapSupplier("bottom", "Bottom", ("seabed-minerals",))]
    links = [SupplyLink("top", "b", "steel", "supply", "", "", True), SupplyLink("bottom", "a", "seabed-minerals",
                                                                            "supply", "", "", True)]
    m = supply_map(makers, suppliers, links)
    assert [lb.text for lb in m.automakers] == ["B", "A"]


def test_an_unknown_material_gets_the_neutral_colour_and_no_class_of_its_own():
    m = supply_map([("a", "A")], [MapSupplier("x", "X", ('"><b>',))],
                   [SupplyLink("x", "a", '"><b>', "supply", "", "", False)])
    assert m.lines[0].css == "link m-other unverified" and m.lines[0].dash == "6 4"
