"""Supply links under review (issue 18, items 2 and 3): proposals stored by the pipeline from a
page on a loopback site, the storage of proposals and staff changes (storage/supply.py), the
links in force (monitor/supply_state.py), and the pages over HTTP: the review list, confirm and
reject, add / confirm / retire a link with who, the changes list, CSRF on every form."""

from __future__ import annotations

import re
from dataclasses import dataclass

import pytest

from monitor.pipeline import run_pass
from monitor.supply_state import apply_staff
from monitor.web.app import create_app
from storage import open_db
from storage import supply as review
from tests.helpers import make_settings
from tests.test_supply_pages import FIXTURE

DEAL = ("Ford signed a supply agreement with PT Vale Indonesia for nickel from its Sorowako mine, the "
        "carmaker said on Tuesday.")
PAGE = f"""<html><head><title>Ford signs nickel deal with PT Vale</title></head><body><article>
<h1>Ford signs nickel deal with PT Vale</h1>
<p>{DEAL}</p>
<p>The agreement covers the years to 2030 and follows months of negotiation over the environmental
standards of the mine, which sits on the shore of Lake Matano in South Sulawesi, Indonesia.</p>
<p>Campaigners said the deal must come with independent monitoring of the lake's water quality and
of the forests around the concession, which local communities depend on.</p>
</article></body></html>"""


def feed(base: str) -> bytes:
    return f"""<?xml version="1.0"?><rss version="2.0"><channel><title>Mining news</title>
<link>{base}/</link><description>d</description>
<item><title>Ford signs nickel deal with PT Vale</title><link>{base}/ford-vale.html</link>
<pubDate>Tue, 01 Dec 2026 08:00:00 GMT</pubDate></item></channel></rss>""".encode()


@dataclass(frozen=True)
class Proposed:  # the shape of nlp.proposals.ProposedLink
    automaker: str
    supplier: str
    kind: str
    material: str | None
    sentence: str


def article(db, url="https://example.org/deal", title="A deal") -> int:
    db["articles"].insert({"url": url, "title": title, "text": "t", "source": "s", "kind": "article",
                           "fetched": "2026-12-01T08:00:00Z"})
    return db.execute("SELECT id FROM articles WHERE url = ?", [url]).fetchone()[0]


# -- the pipeline --------------------------------------------------------------------------------

def test_the_pipeline_stores_the_proposals_a_page_states(tmp_path, db, extractor):
    from monitor.demo.sitesrv import SiteServer

    pages = {"/ford-vale.html": ("text/html; charset=utf-8", PAGE.encode())}
    with SiteServer(tmp_path, pages=pages) as site:
        site.routes["/feed.xml"] = lambda h: _send(h, feed(site.base))
        settings = make_settings(site.base, "  - name: mining\n    kind: feed\n    url: {BASE}/feed.xml\n")
        run_pass(settings, db, extractor=extractor)
        [p] = review.proposals(db)
        assert (p.automaker, p.supplier, p.kind, p.material) == ("ford", "pt-vale-indonesia", "supply", "nickel")
        assert "Ford" in p.sentence and "PT Vale" in p.sentence and p.url.endswith("/ford-vale.html")
        assert p.title == "Ford signs nickel deal with PT Vale"
        run_pass(settings, db, extractor=extractor)  # fetched again: nothing proposed twice
        assert review.proposal_count(db) == 1


def _send(h, body: bytes) -> None:
    from tests.helpers import respond

    respond(h, 200, body, "application/rss+xml")


def test_a_page_naming_no_supplier_runs_no_proposals():
    from monitor.workers import _proposals
    from nlp import Tagger

    text = "Ford signed a supply agreement with a nickel miner in Indonesia, the carmaker said."
    assert _proposals(text, Tagger().tag(text, "Ford deal")) == ()


# -- storage -------------------------------------------------------------------------------------

def test_proposals_are_stored_once_per_article_pair_and_kind(db):
    a = article(db)
    p = Proposed("ford", "huayou", "offtake", "nickel", "Ford agreed an offtake with Huayou.")
    assert review.add_proposals(db, a, [p, p]) == 1
    assert review.add_proposals(db, a, [Proposed("ford", "huayou", "stake", None, "s")]) == 1
    assert [x.kind for x in review.proposals(db)] == ["stake", "offtake"]  # newest first
    assert review.proposals(db, before=review.proposals(db)[0].id)[0].kind == "offtake"


def test_confirming_a_proposal_adds_a_link_logged_with_who(db, clock):
    a = article(db, "https://example.org/huayou-ford")
    review.add_proposals(db, a, [Proposed("ford", "huayou", "offtake", "nickel", "Ford agreed an offtake.")])
    [p] = review.proposals(db)
    decided = review.decide_proposal(db, p.id, "confirm", "ana")
    assert (decided.status, decided.decided_by) == ("confirmed", "ana") and decided.decided_at
    [change] = review.link_changes(db)
    assert (change.action, change.by, change.source, change.at) == ("add", "ana", "https://example.org/huayou-ford",
                                                                     decided.decided_at)
    links = apply_staff((), review.staff_links(db))
    assert [(k.supplier, k.automaker, k.material, k.verified) for k in links] == [("huayou", "ford", "nickel", True)]
    with pytest.raises(review.ProposalDecided):
        review.decide_proposal(db, p.id, "reject", "ben")


def test_rejecting_adds_no_link_and_a_confirmation_needs_a_material(db):
    a = article(db)
    review.add_proposals(db, a, [Proposed("ford", "huayou", "offtake", None, "s1"),
                                 Proposed("bmw", "huayou", "supply", None, "s2")])
    first, second = review.proposals(db)
    assert review.decide_proposal(db, first.id, "reject", "ben").status == "rejected"
    with pytest.raises(ValueError, match="material"):
        review.decide_proposal(db, second.id, "confirm", "ben")
    assert review.link_changes(db) == [] and review.proposal_count(db) == 1
    assert review.decide_proposal(db, second.id, "confirm", "ben", material="cobalt").material == "cobalt"
    assert review.decide_proposal(db, 999, "confirm", "ben") is None


def test_retire_then_add_again_and_confirm_replay_in_order(db):
    base = FIXTURE.links
    key = ("catl", "ford", "battery-cells", "supply")  # unverified in the fixture
    review.add_change(db, *key, "confirm", "ana")
    assert next(k for k in apply_staff(base, review.staff_links(db)) if k.supplier == "catl"
                and k.automaker == "ford").verified
    review.add_change(db, *key, "retire", "ben", note="contract ended")
    assert not [k for k in apply_staff(base, review.staff_links(db)) if (k.supplier, k.automaker) == ("catl", "ford")]
    review.add_change(db, *key, "add", "cy", source="https://example.org/new")
    [back] = [k for k in apply_staff(base, review.staff_links(db)) if (k.supplier, k.automaker) == ("catl", "ford")]
    assert back.source == "https://example.org/new" and back.verified
    assert [c.by for c in review.link_changes(db)] == ["cy", "ben", "ana"]
    with pytest.raises(ValueError, match="supplier"):
        review.add_change(db, "", "ford", "nickel", "supply", "add", "ana")


# -- the pages ------------------------------------------------------------------------------------

def csrf_of(html: str) -> str:
    return re.search(r'<meta name="csrf" content="([^"]+)"', html).group(1)


@pytest.fixture
def web(tmp_path):
    from starlette.testclient import TestClient

    path = tmp_path / "web.db"
    db = open_db(path)
    a = article(db, "https://example.org/vale-ford", "Ford and PT Vale sign")
    review.add_proposals(db, a, [Proposed("ford", "pt-vale-indonesia", "supply", "nickel",
                                          "Ford signed a supply agreement with PT Vale Indonesia for nickel."),
                                 Proposed("tesla", "huayou", "offtake", "cobalt", "Tesla agreed an offtake with Huayou.")])
    db.close()
    app = create_app(path)
    app.state.supply = FIXTURE
    c = TestClient(app, base_url="http://127.0.0.1:8000")
    c.get("/supply-chain")
    return c, path


def test_the_review_list_shows_sentences_with_both_names_marked(web):
    c, _ = web
    page = c.get("/supply-chain/proposals")
    assert page.status_code == 200
    html = page.text
    assert "<mark>Ford</mark> signed a supply agreement with <mark>PT Vale Indonesia</mark>" in html
    assert html.index("agreed an offtake") < html.index("signed a supply agreement")  # newest first
    assert 'href="https://example.org/vale-ford"' in html and "Confirm" in html and "Reject" in html
    assert "2 proposed links to review" in c.get("/supply-chain").text


def test_confirm_on_the_page_draws_the_link_and_logs_who(web):
    c, path = web
    token = csrf_of(c.get("/supply-chain/proposals").text)
    [p] = [x for x in review.proposals(open_db(path)) if x.supplier == "huayou"]
    r = c.post(f"/supply-chain/proposals/{p.id}", data={"decision": "confirm", "csrf": token,
                                                        "next": "/supply-chain/proposals"}, follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == "/supply-chain/proposals"
    assert "agreed an offtake" not in c.get("/supply-chain/proposals").text
    supply = c.get("/supply-chain?material=cobalt").text
    assert "example.org/vale-ford" in supply and "1 proposed link to review" in supply
    assert re.search(r"added</span>.*Huayou Cobalt.*Tesla.*by <strong class=\"change-by\">[^<]+</strong>", supply, re.S)
    again = c.post(f"/supply-chain/proposals/{p.id}", data={"decision": "reject", "csrf": token})
    assert again.status_code == 409


def test_add_confirm_and_retire_on_the_page_with_who(web):
    c, path = web
    token = csrf_of(c.get("/supply-chain").text)
    link = {"supplier": "catl", "automaker": "ford", "material": "battery-cells", "kind": "supply", "csrf": token}
    assert c.post("/supply-chain/links", data={**link, "action": "confirm"}, follow_redirects=False).status_code == 303
    assert c.post("/supply-chain/links", data={**link, "action": "confirm"}).status_code == 409  # verified now
    retired = {**link, "supplier": "ssab", "automaker": "volvo-cars", "material": "steel", "action": "retire"}
    assert c.post("/supply-chain/links", data=retired, follow_redirects=False).status_code == 303
    added = {**link, "supplier": "alcoa", "material": "aluminium", "action": "add",
             "source": "https://example.org/alcoa-ford", "note": "five-year contract"}
    assert c.post("/supply-chain/links", data=added, follow_redirects=False).status_code == 303
    page = c.get("/supply-chain").text
    assert "example.org/ssab-volvo" not in page and "example.org/alcoa-ford" in page
    assert [x.action for x in review.link_changes(open_db(path))] == ["add", "retire", "confirm"]
    assert page.count('class="change-by"') == 3


@pytest.mark.parametrize("change, needle", [
    ({"action": "add", "source": ""}, "needs its source"),
    ({"action": "add", "source": "javascript:alert(1)"}, "needs its source"),
    ({"supplier": "nobody"}, "no supplier"),
    ({"automaker": "nobody"}, "no automaker"),
    ({"material": "gold"}, "no material"),
    ({"kind": "rumour"}, "no kind"),
    ({"action": "explode"}, "no action"),
])
def test_a_wrong_link_change_is_refused_naming_the_field(web, change, needle):
    c, _ = web
    token = csrf_of(c.get("/supply-chain").text)
    link = {"supplier": "catl", "automaker": "ford", "material": "battery-cells", "kind": "supply",
            "action": "retire", "csrf": token, **change}
    r = c.post("/supply-chain/links", data=link)
    assert r.status_code == 400 and needle in r.text


def test_retiring_a_link_not_in_force_is_refused(web):
    c, _ = web
    token = csrf_of(c.get("/supply-chain").text)
    r = c.post("/supply-chain/links", data={"supplier": "alcoa", "automaker": "ford", "material": "aluminium",
                                            "kind": "supply", "action": "retire", "csrf": token})
    assert r.status_code == 409 and "no link" in r.text


def test_every_review_form_needs_the_csrf_token(web):
    c, path = web
    [p, *_] = review.proposals(open_db(path))
    forged = {"csrf": "forged", "decision": "confirm"}
    assert c.post(f"/supply-chain/proposals/{p.id}", data=forged).status_code == 403
    assert c.post("/supply-chain/links", data={**forged, "action": "retire", "supplier": "ssab",
                                               "automaker": "volvo-cars", "material": "steel",
                                               "kind": "supply"}).status_code == 403
    assert review.link_changes(open_db(path)) == [] and review.proposal_count(open_db(path)) == 2
