"""Staff confirming a proposed link, and chain reach following it (issue 18, item 3): `chargewatch
tag --db` reaches an automaker through a supplier by the links in force (the data file's with the
staff's changes), and the inbox's chain chip of a stored story appears once the link is
confirmed on the review page, not before. Real registries, the real tagger, a loopback site."""

from __future__ import annotations

import json
import re

from click.testing import CliRunner

from monitor.cli import main
from monitor.pipeline import run_pass
from monitor.web.app import create_app
from storage import open_db
from storage import supply as review
from tests.helpers import make_settings, respond
from tests.test_supply_review import Proposed, article, csrf_of

# Tianqi Lithium has no link in nlp/data/supply_links.yaml: a story naming it reaches no automaker
TEXT = ("Tianqi Lithium said on Monday it would double the capacity of its lithium hydroxide refinery at Kwinana "
        "in Western Australia. The company said the second train of the plant would start next year, after delays "
        "caused by equipment faults and a shortage of skilled workers. Residents near the refinery have asked for "
        "independent monitoring of dust and of the water drawn from the aquifer.")
PAGE = f"""<html><head><title>Tianqi Lithium expands Kwinana refinery</title></head><body><article>
<h1>Tianqi Lithium expands Kwinana refinery</h1><p>{TEXT}</p></article></body></html>"""
CHIP = "Hyundai Motor via Tianqi Lithium"


def feed(base: str) -> bytes:
    return f"""<?xml version="1.0"?><rss version="2.0"><channel><title>Lithium news</title>
<link>{base}/</link><description>d</description>
<item><title>Tianqi Lithium expands Kwinana refinery</title><link>{base}/tianqi.html</link>
<pubDate>Tue, 01 Dec 2026 08:00:00 GMT</pubDate></item></channel></rss>""".encode()


def tag_json(*args: str) -> dict:
    result = CliRunner().invoke(main, ["tag", *args], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def reach_chips(html: str) -> list[str]:
    return re.findall(r'<a class="chip reach" data-reach="[^"]+"[^>]*>([^<]+)</a>', html)


def test_a_confirmed_proposal_reaches_its_automaker_on_the_next_tag_and_in_the_inbox(tmp_path, extractor):
    from starlette.testclient import TestClient

    from monitor.demo.sitesrv import SiteServer

    path = tmp_path / "chain.db"
    db = open_db(path)
    with SiteServer(tmp_path, pages={"/tianqi.html": ("text/html; charset=utf-8", PAGE.encode())}) as site:
        site.routes["/feed.xml"] = lambda h: respond(h, 200, feed(site.base), "application/rss+xml")
        run_pass(make_settings(site.base, "  - name: lithium\n    kind: feed\n    url: {BASE}/feed.xml\n"), db,
                 extractor=extractor)
    deal = article(db, "https://example.org/hyundai-tianqi", "Hyundai signs lithium deal with Tianqi")
    review.add_proposals(db, deal, [Proposed("hyundai", "tianqi", "supply", "lithium",
                                             "Hyundai Motor signed a lithium supply agreement with Tianqi Lithium.")])
    [proposal] = review.proposals(db)
    db.close()
    text = tmp_path / "tianqi.txt"
    text.write_text(TEXT, encoding="utf-8")

    c = TestClient(create_app(path, local_user="ana"), base_url="http://127.0.0.1:8000")
    inbox = c.get("/").text
    assert "Tianqi Lithium expands Kwinana refinery" in inbox and 'href="/suppliers/tianqi"' in inbox
    assert CHIP not in reach_chips(inbox)
    before = tag_json("--db", str(path), str(text))
    assert [s["id"] for s in before["suppliers"]] == ["tianqi"] and before["supply_chain"] == []

    token = csrf_of(c.get("/supply-chain/proposals").text)
    r = c.post(f"/supply-chain/proposals/{proposal.id}", data={"decision": "confirm", "csrf": token},
               headers={"Accept": "application/json"})
    assert r.json()["outcome"] == "added"

    after = tag_json("--db", str(path), str(text))
    assert after["supply_chain"] == [{"automaker": "hyundai", "via": ["tianqi"]}]
    assert after["suppliers"][0]["automakers"] == ["hyundai"]
    assert tag_json(str(text))["supply_chain"] == []  # without --db: the data file's links alone
    assert CHIP in reach_chips(c.get("/").text)


def test_tag_with_a_database_that_is_not_there_says_so(tmp_path):
    result = CliRunner().invoke(main, ["tag", "--db", str(tmp_path / "none.db"), "-"], input="Tianqi Lithium.")
    assert result.exit_code != 0 and "no such database" in result.output


def test_reach_worked_out_again_from_the_file_s_links_is_the_tagger_s_own():
    """with_links repeats the tagger's rules (nlp.supplier_mentions): over the data file's links it
    must give back exactly what the tagger gave, order included."""
    from monitor.supply_state import with_links
    from nlp import default_tagger
    from nlp.supply_links import load_links

    text = ("Zhejiang Huayou Cobalt, Ganfeng Lithium and Albemarle Corporation signed lithium and cobalt deals, "
            "Tesla said. Redwood Materials recycles the batteries, and CATL makes the cells.")
    tags = default_tagger().tag(text)
    assert len(tags.suppliers) >= 4 and len(tags.supply_chain) >= 3
    assert with_links(tags, load_links()) == tags
    assert with_links(tags, ()).supply_chain == () and all(not s.linked for s in with_links(tags, ()).suppliers)
