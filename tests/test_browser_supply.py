"""The supply-chain map in a real browser (Playwright and Debian's chromium, set up as in
tests/test_browser.py), with a synthetic registry of 120 suppliers and 80 links handed to the app:
the labels' real boxes (getBBox) never overlap, unverified links are drawn dashed, the text is of
a readable size at 1280 px; screenshots go to test-output/screenshots/ to be looked at."""

from __future__ import annotations

import re

import pytest

from monitor.web.app import create_app
from monitor.web.supply import SupplyData
from tests.test_browser import SHOTS, browser, page, shot  # noqa: F401  (fixtures)
from tests.test_supply_pages import FIXTURE, synthetic
from tests.webserver import LiveServer

BOXES = """svg => [...svg.querySelectorAll('text.map-label, text.legend-text')].map(t => {
  const b = t.getBBox();
  return {text: t.textContent, x: b.x, y: b.y, w: b.width, h: b.height,
          size: parseFloat(getComputedStyle(t).fontSize)};
})"""


@pytest.fixture
def big_site(tmp_path):
    _, suppliers, links = synthetic(120, 80)
    app = create_app(tmp_path / "t.db", local_user="tester")
    app.state.supply = SupplyData(tuple(suppliers), tuple(links))
    with LiveServer(app) as url:
        yield url, links


@pytest.fixture
def small_site(tmp_path):
    app = create_app(tmp_path / "t.db", local_user="tester")
    app.state.supply = FIXTURE
    with LiveServer(app) as url:
        yield url


def overlapping(boxes: list[dict]) -> list[tuple[str, str]]:
    found = []
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            if a["x"] + a["w"] <= b["x"] + .5 or b["x"] + b["w"] <= a["x"] + .5 \
                    or a["y"] + a["h"] <= b["y"] + .5 or b["y"] + b["h"] <= a["y"] + .5:
                continue
            found.append((a["text"], b["text"]))
    return found


def full_shot(pg, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    pg.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def test_the_map_of_120_suppliers_and_80_links_is_readable(big_site, page):  # noqa: F811
    url, links = big_site
    page.goto(url + "/supply-chain?all=1")
    svg = page.locator("svg.supply-map")
    svg.wait_for()
    boxes = svg.evaluate(BOXES)
    assert page.locator("svg.supply-map text.supplier").count() == 120
    assert page.locator("svg.supply-map text.automaker").count() == 18
    assert not overlapping(boxes)
    width = float(svg.get_attribute("width"))
    assert all(b["x"] >= 0 and b["x"] + b["w"] <= width for b in boxes), \
        [b["text"] for b in boxes if b["x"] < 0 or b["x"] + b["w"] > width]
    drawn = svg.evaluate("s => s.getBoundingClientRect().width")
    assert drawn >= width * .97  # drawn (about) 1:1 at 1280 px: 13 px text stays 13 px
    assert min(b["size"] for b in boxes) >= 12

    paths = page.locator("svg.supply-map path.link")
    assert paths.count() == 80
    dashes = paths.evaluate_all("ps => ps.map(p => [p.classList.contains('unverified'), "
                                "getComputedStyle(p).strokeDasharray])")
    assert sum(1 for unverified, _ in dashes if unverified) == sum(1 for k in links if not k.verified)
    assert all((dash not in ("none", "")) == unverified for unverified, dash in dashes)
    shot(page, "supply-map-120")
    full_shot(page, "supply-map-120-full")


def test_the_filter_form_redraws_the_map(big_site, page):  # noqa: F811
    url, links = big_site
    page.goto(url + "/supply-chain")
    page.select_option("form.supply-filters select[name=material]", "nickel")
    page.click("form.supply-filters button")
    page.wait_for_url(re.compile(r"material=nickel"))
    expected = sum(1 for k in links if k.material == "nickel")
    assert page.locator("svg.supply-map path.link").count() == expected
    suppliers = len({k.supplier for k in links if k.material == "nickel"})
    assert page.locator("svg.supply-map text.heading").all_text_contents() == [f"Nickel ({suppliers})"]
    assert not overlapping(page.locator("svg.supply-map").evaluate(BOXES))
    shot(page, "supply-map-nickel")
    page.goto(url + "/supply-chain")
    assert not overlapping(page.locator("svg.supply-map").evaluate(BOXES))
    full_shot(page, "supply-map-linked")


def test_the_automaker_panel_the_supplier_page_and_the_header_at_800px(small_site, page):  # noqa: F811
    url = small_site
    page.goto(url + "/automakers/ford")
    panel = page.locator("section.supply-panel")
    assert "Huayou Cobalt" in panel.inner_text() and panel.locator(".unverified-mark").count() == 2
    panel.scroll_into_view_if_needed()
    shot(page, "supply-automaker-panel")
    panel.locator("a", has_text="Huayou Cobalt").click()
    page.wait_for_url(re.compile(r"/suppliers/huayou$"))
    assert page.locator("h1").inner_text().startswith("Huayou Cobalt")
    shot(page, "supply-supplier-page")

    page.set_viewport_size({"width": 800, "height": 700})
    page.goto(url + "/supply-chain")
    link = page.locator("header.top nav a", has_text="Supply chain")
    assert link.is_visible()
    header = page.locator("header.top").bounding_box()
    for a in page.locator("header.top nav a").all():
        box = a.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 800 and box["y"] + box["height"] <= header["y"] + header["height"]
    assert page.locator("header.top input[type=search]").bounding_box()["width"] >= 150  # wrapped, not squeezed
    svg = page.locator("svg.supply-map").bounding_box()
    assert svg["x"] >= 0 and svg["x"] + svg["width"] <= 800  # the whole map, drawn smaller
    shot(page, "supply-map-800")


def test_the_map_of_the_real_registry(tmp_path, page):  # noqa: F811
    from nlp.supply_links import load_links

    with LiveServer(create_app(tmp_path / "t.db", local_user="tester")) as url:
        page.goto(url + "/supply-chain")
        svg = page.locator("svg.supply-map")
        svg.wait_for()
        assert page.locator("svg.supply-map path.link").count() == len(load_links())
        assert not overlapping(svg.evaluate(BOXES))
        full_shot(page, "supply-map-real")
        page.goto(url + "/automakers/volkswagen")
        page.locator("section.supply-panel").scroll_into_view_if_needed()
        shot(page, "supply-panel-real")
