"""The review list a pair at a time (issue 18, items 2 and 3): several articles proposing one
supplier, automaker and kind make one row; a pair rejected before says so; deciding a row decides
all of it (and only what was shown), with the proposal ids in the log; a link in force is "already
linked" and marked known without a change; Undo puts a decision back; staff add links verified or
not (m021). Storage first (storage/proposal_review.py), then the pages over HTTP, JSON and HTML."""

from __future__ import annotations

import re
import sqlite3
from datetime import datetime, timezone

import pytest

from monitor.supply_state import apply_staff
from monitor.web.app import create_app
from storage import open_db
from storage import proposal_review as rows_store
from storage import supply as review
from storage.migrations import migrations
from tests.test_supply_pages import FIXTURE
from tests.test_supply_review import Proposed, article, csrf_of

HUAYOU_FORD = ("huayou", "ford", "nickel", "offtake")  # verified in FIXTURE
CATL_FORD = ("catl", "ford", "battery-cells", "supply")  # unverified in FIXTURE


def propose(db, n: int, automaker="bmw", supplier="huayou", kind="offtake", material="cobalt", tag="") -> list[int]:
    """n articles, each proposing the same pair and kind; their proposal ids, oldest first."""
    ids = []
    for i in range(n):
        a = article(db, f"https://example.org/{supplier}-{automaker}-{tag}{i}", f"Story {tag}{i}")
        review.add_proposals(db, a, [Proposed(automaker, supplier, kind, material,
                                              f"{automaker} and {supplier} agreed deal {tag}{i}.")])
        ids.append(db.execute("SELECT max(id) FROM link_proposals").fetchone()[0])
    return ids


def verified_keys(db, links=FIXTURE.links):
    return {(k.supplier, k.automaker, k.material, k.kind) for k in apply_staff(links, review.staff_links(db))
            if k.verified}


# -- storage ----------------------------------------------------------------------------------------

def test_articles_proposing_one_pair_make_one_row_newest_sentence_first(db):
    first = propose(db, 3)
    other = propose(db, 1, automaker="tesla", kind="supply")
    later = propose(db, 1, tag="late")  # the bmw row again, now the newest of all
    rows = rows_store.proposal_rows(db)
    assert [(r.automaker, r.kind, r.count) for r in rows] == [("bmw", "offtake", 4), ("tesla", "supply", 1)]
    assert rows[0].newest.id == later[0] and rows[0].newest.sentence == "bmw and huayou agreed deal late0."
    assert rows[0].ids == (later[0], *reversed(first)) and rows[0].more == 3
    assert review.proposal_count(db) == 2 and review.proposals_stored(db) == 5
    [second] = rows_store.proposal_rows(db, before=rows[0].newest.id)  # the next page
    assert second.ids == tuple(other)


def test_confirming_a_row_decides_every_proposal_and_names_them_in_the_log(db, clock):
    ids = propose(db, 3)
    made = rows_store.decide(db, ids[-1], "confirm", "ana")
    assert (made.outcome, made.status, made.ids, made.material) == ("added", "confirmed", tuple(reversed(ids)),
                                                                      "cobalt")
    [change] = review.link_changes(db)
    assert change.note.startswith(f"from proposals {ids[2]}, {ids[1]}, {ids[0]}: bmw and huayou agreed deal 2")
    assert change.source == "https://example.org/huayou-bmw-2" and change.verified
    decided = [review.proposal(db, i) for i in ids]
    assert {(p.status, p.decided_by, p.decided_at, p.change_id) for p in decided} == \
        {("confirmed", "ana", "2026-11-25T08:00:00Z", change.id)}
    [row] = rows_store.proposal_rows(db, "confirmed")
    assert row.count == 3 and row.change == change
    assert review.proposal_count(db, "confirmed") == 1 and review.proposal_count(db) == 0
    with pytest.raises(review.ProposalDecided):
        rows_store.decide(db, ids[0], "reject", "ben")


def test_a_proposal_stored_after_the_page_was_shown_waits_for_review(db):
    shown = propose(db, 2)
    arrived = propose(db, 1, tag="new")  # while the row on the page still showed shown[-1] as its newest
    made = rows_store.decide(db, shown[-1], "reject", "ana")
    assert made.ids == tuple(reversed(shown))
    [row] = rows_store.proposal_rows(db)
    assert row.ids == tuple(arrived)


def test_a_pair_rejected_before_is_listed_again_marked(db, clock):
    ids = propose(db, 2)
    rows_store.decide(db, ids[-1], "reject", "ana")
    assert rows_store.proposal_rows(db) == []
    clock.advance(days=8)
    again = propose(db, 1, tag="again")
    [row] = rows_store.proposal_rows(db)
    assert row.ids == tuple(again) and row.count == 1
    assert (row.rejected_before.decided_by, row.rejected_before.decided_at, row.rejections) == \
        ("ana", "2026-11-25T08:00:00Z", 2)
    assert row.rejected_before.id == ids[-1]
    propose(db, 1, kind="stake", tag="stake")  # another kind of deal between them: not the same row
    stake = next(r for r in rows_store.proposal_rows(db) if r.kind == "stake")
    assert stake.rejected_before is None


def test_a_verified_link_in_force_is_marked_known_and_nothing_is_logged(db):
    ids = propose(db, 2, automaker="ford", material="nickel")
    with pytest.raises(rows_store.NotLinked):
        rows_store.decide(db, ids[-1], "known", "ana", verified_keys=set())
    made = rows_store.decide(db, ids[-1], "known", "ana", verified_keys=verified_keys(db))
    assert (made.outcome, made.status, made.change, made.material) == ("known", "confirmed", None, "nickel")
    assert review.link_changes(db) == []
    [row] = rows_store.proposal_rows(db, "confirmed")
    assert row.change is None and row.count == 2
    # Confirm on a row whose link became verified meanwhile (another tab): known too, nothing twice
    late = propose(db, 1, automaker="ford", material=None, tag="x")
    assert rows_store.decide(db, late[0], "confirm", "ben", verified_keys=verified_keys(db)).outcome == "known"
    assert review.link_changes(db) == []


def test_confirming_an_unverified_link_verifies_it_with_the_article(db):
    [pid] = propose(db, 1, automaker="ford", supplier="catl", kind="supply", material="battery-cells")
    made = rows_store.decide(db, pid, "confirm", "ana", verified_keys=verified_keys(db))
    assert made.outcome == "added"
    [link] = [k for k in apply_staff(FIXTURE.links, review.staff_links(db)) if (k.supplier, k.automaker) ==
              ("catl", "ford")]
    assert link.verified and link.source == "https://example.org/catl-ford-0"
    assert link.note.startswith(f"added by ana: from proposal {pid}: ")


def test_a_row_naming_no_material_needs_one_and_several_take_the_newest(db):
    [none] = propose(db, 1, material=None)
    with pytest.raises(ValueError, match="material"):
        rows_store.decide(db, none, "confirm", "ana")
    assert rows_store.decide(db, none, "confirm", "ana", material="nickel").material == "nickel"
    mixed = propose(db, 1, automaker="kia", material="nickel") + propose(db, 1, automaker="kia", material=None,
                                                                          tag="b")
    [row] = rows_store.proposal_rows(db)
    assert row.materials == ("nickel",)
    assert rows_store.decide(db, mixed[-1], "confirm", "ana").material == "nickel"  # the sentences' own


def test_undo_puts_the_row_back_and_marks_its_change_undone(db, clock):
    ids = propose(db, 2)
    rows_store.decide(db, ids[-1], "confirm", "ana")
    assert [k.supplier for k in apply_staff((), review.staff_links(db))] == ["huayou"]
    clock.advance(minutes=1)
    back = rows_store.undo(db, ids[0], "ben")  # any proposal of the decision
    assert (back.outcome, back.ids) == ("undone", tuple(reversed(ids)))
    [row] = rows_store.proposal_rows(db)
    assert row.ids == tuple(reversed(ids)) and all(p.decided_by is None and p.change_id is None
                                                    for p in row.proposals)
    [change] = review.link_changes(db)  # kept in the log, marked
    assert (change.undone_by, change.undone_at) == ("ben", "2026-11-25T08:01:00Z")
    assert apply_staff((), review.staff_links(db)) == ()
    with pytest.raises(rows_store.NothingToUndo, match="waiting"):
        rows_store.undo(db, ids[0], "ben")
    # decided again, then the link changed by hand: that decision is no longer undone here
    rows_store.decide(db, ids[-1], "confirm", "ana")
    review.add_change(db, "huayou", "bmw", "cobalt", "offtake", "retire", "cy")
    with pytest.raises(rows_store.NothingToUndo, match="changed since"):
        rows_store.undo(db, ids[-1], "ben")
    assert rows_store.undo(db, 999, "ben") is None


def test_a_rejection_is_undone_too(db):
    ids = propose(db, 1)
    rows_store.decide(db, ids[0], "reject", "ana")
    assert rows_store.undo(db, ids[0], "ana").ids == tuple(ids)
    assert review.proposal_count(db) == 1 and review.proposal_count(db, "rejected") == 0


def test_a_long_sentence_and_many_articles_fit_the_note(db):
    for i in range(60):
        a = article(db, f"https://example.org/long{i}")
        review.add_proposals(db, a, [Proposed("bmw", "huayou", "offtake", "cobalt", "word " * 200)])
    top = db.execute("SELECT max(id) FROM link_proposals").fetchone()[0]
    made = rows_store.decide(db, top, "confirm", "ana")
    assert len(made.ids) == 60 and len(made.change.note) <= review.NOTE_MAX
    assert made.change.note.startswith(f"from proposals {top}, {top - 1}")
    assert "and 50 more: word word" in made.change.note
    [row] = rows_store.proposal_rows(db, "confirmed")
    assert row.count == 60 and len(row.proposals) == rows_store.MEMBERS


def test_staff_add_a_link_unverified_and_confirm_it_later(db):
    review.add_change(db, "alcoa", "ford", "aluminium", "supply", "add", "ana", source="https://example.org/a",
                      note="reported by one trade paper", verified=False)
    [link] = apply_staff((), review.staff_links(db))
    assert not link.verified and link.note == "added by ana: reported by one trade paper"
    review.add_change(db, "alcoa", "ford", "aluminium", "supply", "confirm", "ben")
    assert apply_staff((), review.staff_links(db))[0].verified
    review.add_change(db, "alcoa", "ford", "aluminium", "supply", "add", "cy", source="https://example.org/b",
                      verified=False)  # a later add says again what its source states
    [link] = apply_staff((), review.staff_links(db))
    assert not link.verified and link.note == "added by cy"


def test_m021_keeps_old_changes_verified_and_ties_old_confirmations_to_their_change(tmp_path):
    path = tmp_path / "old.db"
    db = open_db(path, migrate=False)
    migrations.apply(db, stop_before="m021_link_change_verified")
    db.execute("INSERT INTO articles (id, url, source, kind, fetched, text) VALUES "
               "(1, 'https://e.org/1', 's', 'article', '2026-11-20T08:00:00Z', 't')")
    db.execute("INSERT INTO link_proposals (id, article_id, automaker, supplier, kind, material, sentence, status, "
               "created, decided_by, decided_at) VALUES (7, 1, 'ford', 'huayou', 'offtake', 'nickel', 's', "
               "'confirmed', 'x', 'ana', 'y'), (17, 1, 'bmw', 'huayou', 'offtake', 'nickel', 's', 'rejected', 'x', "
               "'ana', 'y')")
    db.execute('INSERT INTO link_changes (id, supplier, automaker, material, kind, action, source, note, "by", at) '
               "VALUES (3, 'huayou', 'ford', 'nickel', 'offtake', 'add', 'https://e.org/1', "
               "'confirmed from proposal 7: s', 'ana', 'y'), (4, 'ssab', 'bmw', 'steel', 'supply', 'add', "
               "'https://e.org/2', 'confirmed from proposal 17x', 'ben', 'y')")
    db.close()
    db = open_db(path)
    assert migrations.pending(db) == []
    assert [(c.id, c.verified, c.undone_at) for c in review.link_changes(db)] == [(4, True, None), (3, True, None)]
    assert review.proposal(db, 7).change_id == 3 and review.proposal(db, 17).change_id is None
    with pytest.raises(sqlite3.IntegrityError):
        db.execute("INSERT INTO link_changes (supplier, automaker, material, kind, action, \"by\", at, verified) "
                   "VALUES ('a', 'b', 'c', 'd', 'add', 'e', 'f', NULL)")
    db.close()


def row_chunks(html: str) -> list[str]:
    """The HTML of each row of the list, in order."""
    listed = html[html.index('<ol class="proposals"'):html.index('<script src="/static/proposals.js"')]
    return [c for c in re.split(r'(?=<li class="proposal)', listed) if c.startswith('<li class="proposal')]


# -- the pages ----------------------------------------------------------------------------------------

@pytest.fixture
def web(tmp_path, clock):
    """A review page over FIXTURE: bmw <- huayou offtake proposed by three articles, the last one
    a pair staff rejected on 3 Dec 2026; ford <- huayou offtake, linked and verified already."""
    from starlette.testclient import TestClient

    path = tmp_path / "web.db"
    db = open_db(path)
    clock.now = datetime(2026, 12, 3, 15, 0, tzinfo=timezone.utc)
    rejected = propose(db, 1, tag="old")
    rows_store.decide(db, rejected[0], "reject", "ana")
    clock.advance(days=2)
    propose(db, 3)
    propose(db, 1, automaker="ford", material="nickel", tag="known")
    db.close()
    app = create_app(path, local_user="tester")
    app.state.supply = FIXTURE
    c = TestClient(app, base_url="http://127.0.0.1:8000")
    return c, path, csrf_of(c.get("/supply-chain/proposals").text)


def test_the_list_shows_a_row_per_pair_with_its_other_articles_and_the_rejection(web):
    c, _, _ = web
    html = c.get("/supply-chain/proposals").text
    assert html.count('<li class="proposal') == 2
    assert re.search(r'<a href="/supply-chain/proposals" data-status="proposed" class="current" '
                     r'aria-current="page">To review <span class="count">2</span>', html)
    known, bmw = row_chunks(html)  # the newest row first
    assert "Rejected before by <strong>ana</strong> on 3 Dec 2026" in bmw
    assert re.search(r'<details class="more-articles">\s*<summary>\+2 more articles</summary>', bmw)
    assert "agreed deal 1" in bmw and "agreed deal 0" in bmw and "3 articles" in bmw
    assert bmw.index("agreed deal 2") < bmw.index("agreed deal 1")  # the newest sentence shows first
    assert 'data-decide="confirm"' in bmw and 'data-decide="known"' not in bmw
    assert '<script src="/static/proposals.js" defer></script>' in html
    assert known.startswith('<li class="proposal known"')
    assert "already linked" in known and 'data-decide="known"' in known and "Mark as known" in known
    assert "Rejected before" not in known and "more articles" not in known


def test_deciding_answers_json_with_the_notice_and_counts(web):
    c, path, token = web
    [row] = [r for r in rows_store.proposal_rows(open_db(path)) if r.automaker == "bmw"]
    r = c.post(f"/supply-chain/proposals/{row.newest.id}", data={"decision": "confirm", "csrf": token},
               headers={"Accept": "application/json"})
    assert r.status_code == 200
    body = r.json()
    assert body["ok"] and body["outcome"] == "added" and body["ids"] == list(row.ids)
    assert body["proposal"] == row.newest.id and body["status"] == "confirmed"
    assert body["notice"] == "Confirmed — link added (3 proposals)"
    assert body["counts"] == {"proposed": 1, "confirmed": 1, "rejected": 1}
    again = c.post(f"/supply-chain/proposals/{row.newest.id}", data={"decision": "reject", "csrf": token},
                   headers={"Accept": "application/json"})
    assert again.status_code == 409 and "confirmed already by tester" in again.json()["error"]
    confirmed = c.get("/supply-chain/proposals?status=confirmed").text
    ids = ", ".join(map(str, row.ids))
    assert f"proposals {ids}" in confirmed and "link added (cobalt, verified)" in confirmed
    back = c.post(f"/supply-chain/proposals/{row.newest.id}/undo", data={"csrf": token},
                  headers={"Accept": "application/json"})
    assert back.json()["outcome"] == "undone" and back.json()["counts"]["proposed"] == 2
    assert "undone by tester" in c.get("/supply-chain").text


def test_without_javascript_the_forms_redirect_back(web):
    c, path, token = web
    [row] = [r for r in rows_store.proposal_rows(open_db(path)) if r.automaker == "ford"]
    r = c.post(f"/supply-chain/proposals/{row.newest.id}", follow_redirects=False,
               data={"decision": "known", "csrf": token, "next": "/supply-chain/proposals"})
    assert r.status_code == 303 and r.headers["location"] == "/supply-chain/proposals"
    assert review.link_changes(open_db(path)) == []  # known: nothing added
    page = c.get("/supply-chain/proposals?status=confirmed").text
    assert "Marked as known" in page and "the link was in force already: nothing added" in page
    assert "Back to review" in page
    r = c.post(f"/supply-chain/proposals/{row.newest.id}/undo", follow_redirects=False,
               data={"csrf": token, "next": "/supply-chain/proposals?status=confirmed"})
    assert r.status_code == 303 and r.headers["location"] == "/supply-chain/proposals?status=confirmed"
    assert c.post(f"/supply-chain/proposals/{row.newest.id}/undo", data={"csrf": token}).status_code == 409


@pytest.mark.parametrize("form, status, needle", [
    ({"decision": "known"}, 409, "not a verified link"),  # bmw <- huayou is not linked
    ({"decision": "maybe"}, 400, "confirmed, rejected or marked known"),
    ({"decision": "confirm", "material": "gold"}, 400, "no material"),
])
def test_a_wrong_decision_is_refused_in_json(web, form, status, needle):
    c, path, token = web
    [row] = [r for r in rows_store.proposal_rows(open_db(path)) if r.automaker == "bmw"]
    r = c.post(f"/supply-chain/proposals/{row.newest.id}", data={**form, "csrf": token},
               headers={"Accept": "application/json"})
    assert r.status_code == status and needle in r.json()["error"]
    assert review.proposal_count(open_db(path)) == 2


def test_undo_needs_the_csrf_token(web):
    c, path, token = web
    [row] = [r for r in rows_store.proposal_rows(open_db(path)) if r.automaker == "bmw"]
    c.post(f"/supply-chain/proposals/{row.newest.id}", data={"decision": "reject", "csrf": token})
    assert c.post(f"/supply-chain/proposals/{row.newest.id}/undo", data={"csrf": "forged"}).status_code == 403
    assert review.proposal_count(open_db(path)) == 1


def test_staff_add_a_link_unverified_from_the_form(web):
    c, path, token = web
    add = {"action": "add", "supplier": "alcoa", "automaker": "ford", "material": "aluminium", "kind": "supply",
           "source": "https://example.org/alcoa-ford", "note": "one trade paper", "csrf": token}
    assert c.post("/supply-chain/links", data={**add, "verified": "0"}, follow_redirects=False).status_code == 303
    page = c.get("/supply-chain").text
    assert '<span class="badge action">added (unverified)</span>' in page
    row = re.search(r'<tr class="(\w+)">(?:(?!</tr>).)*example\.org/alcoa-ford(?:(?!</tr>).)*</tr>', page, re.DOTALL)
    assert row.group(1) == "unverified" and "added by tester: one trade paper" in row.group(0)
    assert 'name="verified" value="1" checked' in page  # the box is ticked by default
    # the box ticked (the hidden 0 and the box's 1 both sent), and a client sending no field: verified
    both = {**add, "automaker": "bmw", "verified": ["0", "1"]}
    assert c.post("/supply-chain/links", data=both, follow_redirects=False).status_code == 303
    older = {**add, "automaker": "tesla"}
    assert c.post("/supply-chain/links", data=older, follow_redirects=False).status_code == 303
    assert [(x.automaker, x.verified) for x in review.link_changes(open_db(path))] == \
        [("tesla", True), ("bmw", True), ("ford", False)]
