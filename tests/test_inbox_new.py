"""What is new in the inbox (issue 17), on real SQLite files and over HTTP: the order by arrival
beside the order by publication, "new since my last visit" per user, "fetched today" in the
configured time zone, unread counts per automaker and topic, the view remembered per user, "mark
page reviewed", undo of one's own last action, and the plain-HTML answers that come back to the
row (#story-<id>)."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest

from monitor.dedupe import content_hash
from monitor.stories import assign_story
from monitor.web.unread import arrival_since, day_start
from storage import actions, open_db, prefs, review
from storage.filters import Filters
from storage.tags import TagRow, replace_tags
from tests.test_web import client, csrf_of

TESLA = TagRow("automaker", "tesla", "Tesla", "Tesla bought lithium.", 2, 0.7, ("Tesla",), role="subject")
FORD = TagRow("automaker", "ford", "Ford", "Ford opened a plant.", 2, 0.7, ("Ford",), role="subject")
FORD_PASSING = TagRow("automaker", "ford", "Ford", "Ford too.", 1, 0.1, ("Ford",), role="mention")
LITHIUM = TagRow("topic", "lithium", "Lithium", "Lithium from Chile.", 2, 0.5, ("lithium",), role="subject")


def add(db, n: int, *, published: str, fetched: str, tags=(), title: str | None = None) -> int:
    """A story of its own (distinct words, so no dedupe joins two); its story id."""
    text = " ".join(f"w{n}x{i}" for i in range(60))
    title = title or f"Story {n}"
    cur = db.execute("INSERT INTO articles (url, title, text, fetched, published, source, kind, content_hash) "
                     "VALUES (?, ?, ?, ?, ?, 'wire', 'article', ?)",
                     [f"https://wire.example/{n}", title, text, fetched, published, content_hash(text)])
    assign_story(db, cur.lastrowid, text, content_hash(text))
    replace_tags(db, cur.lastrowid, list(tags))
    return db.execute("SELECT story_id FROM articles WHERE id = ?", [cur.lastrowid]).fetchone()[0]


@pytest.fixture
def four(tmp_path, clock):
    """Four stories: published and fetched in different orders (clock: 2026-11-25 08:00 UTC).
    a: published first, fetched last (this morning); d: published last, fetched first."""
    path = tmp_path / "inbox.db"
    db = open_db(path)
    with db.atomic():
        ids = {
            "a": add(db, 1, published="2026-11-20T10:00:00Z", fetched="2026-11-25T07:30:00Z", tags=[TESLA, LITHIUM]),
            "b": add(db, 2, published="2026-11-21T10:00:00Z", fetched="2026-11-24T12:00:00Z", tags=[FORD, LITHIUM]),
            "c": add(db, 3, published="2026-11-22T10:00:00Z", fetched="2026-11-24T09:00:00Z",
                     tags=[TESLA, FORD_PASSING]),
            "d": add(db, 4, published="2026-11-23T10:00:00Z", fetched="2026-11-23T11:00:00Z", tags=[TESLA]),
        }
    yield db, path, ids
    db.close()


def order_of(page, ids) -> list[str]:
    names = {v: k for k, v in ids.items()}
    return [names[s.id] for s in page.stories]


def rows(html: str) -> list[int]:
    return [int(i) for i in re.findall(r'<li class="story" data-story="(\d+)"', html)]


# -- storage ---------------------------------------------------------------------------------------

def test_order_by_arrival_differs_from_publication_and_pages_by_its_own_cursor(four):
    db, _, ids = four
    assert order_of(review.inbox(db), ids) == ["d", "c", "b", "a"]
    assert order_of(review.inbox(db, order="arrival"), ids) == ["a", "b", "c", "d"]
    first = review.inbox(db, order="arrival", limit=2)
    assert order_of(first, ids) == ["a", "b"] and first.next_cursor.startswith("2026-11-24T12:00:00Z|")
    assert order_of(review.inbox(db, order="arrival", limit=2, before=first.next_cursor), ids) == ["c", "d"]
    with pytest.raises(ValueError, match="order must be one of"):
        review.inbox(db, order="random")


def test_new_since_last_visit_is_per_user_and_stable_within_a_reading_session(four, clock):
    db, _, ids = four
    assert prefs.record_visit(db, "maria").last_visit is None  # a first visit: everything is new
    clock.advance(hours=2)  # a new session: the previous one ended at 08:00
    maria = prefs.record_visit(db, "maria")
    assert maria.last_visit == "2026-11-25T08:00:00Z"
    clock.advance(minutes=10)  # paging, acting, reloading within the session keeps it
    assert prefs.record_visit(db, "maria").last_visit == "2026-11-25T08:00:00Z"
    with db.atomic():
        e = add(db, 5, published="2026-11-19T00:00:00Z", fetched="2026-11-25T10:10:00Z")
    new = review.inbox(db, Filters(arrived_since=maria.last_visit), order="arrival")
    assert [s.id for s in new.stories] == [e]  # published long ago, but new to her
    # another user, whose last visit was yesterday, has more that is new
    db.execute("INSERT INTO user_state (user, seen_at, last_visit) VALUES ('omar', '2026-11-24T10:00:00Z', NULL)")
    omar = prefs.record_visit(db, "omar")
    assert omar.last_visit == "2026-11-24T10:00:00Z"
    theirs = review.inbox(db, Filters(arrived_since=omar.last_visit), order="arrival")
    assert [s.id for s in theirs.stories] == [e, ids["a"], ids["b"]]
    clock.advance(minutes=45)  # maria comes back after a break: her last visit is her last load
    assert prefs.record_visit(db, "maria").last_visit == "2026-11-25T10:10:00Z"


def test_fetched_today_under_a_set_clock_in_the_configured_zone(four, clock):
    db, _, ids = four
    today_utc = arrival_since("today", None, "UTC")
    assert today_utc == "2026-11-25T00:00:00Z"
    assert order_of(review.inbox(db, Filters(arrived_since=today_utc), order="arrival"), ids) == ["a"]
    # at 08:00 UTC it is still the 24th in Los Angeles (00:00 PST): "today" began at 08:00 UTC
    assert arrival_since("today", None, "America/Los_Angeles") == "2026-11-25T08:00:00Z"
    clock.now = clock.now - timedelta(minutes=1)
    la = arrival_since("today", None, "America/Los_Angeles")
    assert la == "2026-11-24T08:00:00Z"
    assert order_of(review.inbox(db, Filters(arrived_since=la), order="arrival"), ids) == ["a", "b", "c"]
    assert day_start(clock(), "Asia/Tokyo").utcoffset() == timedelta(hours=9)


def test_unread_counts_per_automaker_and_topic_count_subjects_of_new_stories(four):
    db, _, ids = four
    counts = review.unread_counts(db, "2026-11-01T00:00:00Z")
    assert counts.automakers == {"tesla": 3, "ford": 1}  # c only mentions Ford
    assert counts.topics == {"lithium": 2}
    actions.set_status(db, ids["a"], "dismissed", "maria")
    actions.set_status(db, ids["c"], "new", "maria")  # a review row saying new is still unread
    counts = review.unread_counts(db, "2026-11-01T00:00:00Z")
    assert counts.automakers == {"tesla": 2, "ford": 1} and counts.topics == {"lithium": 1}
    assert review.unread_counts(db, "2026-11-24T10:00:00Z").automakers == {"ford": 1}  # the window


def test_unread_counts_are_one_grouped_query_along_indexes(four):
    db, _, _ = four
    plan = " | ".join(r[3] for r in db.execute("EXPLAIN QUERY PLAN " + review.UNREAD_SQL, ["2026-11-01T00:00:00Z"]))
    assert "idx_stories_stored" in plan and "idx_articles_story" in plan, plan
    assert "SCAN t" not in plan and "SCAN a" not in plan, plan


def test_mark_page_reviewed_takes_only_the_given_new_stories_and_one_undo_restores_them(four):
    db, _, ids = four
    actions.set_status(db, ids["b"], "starred", "maria")
    changed = actions.review_stories(db, [ids["a"], ids["b"], ids["c"]], "maria")
    assert sorted(changed) == sorted([ids["a"], ids["c"]])  # b keeps its star
    status = {s.id: s.status for s in review.inbox(db, Filters(status=None)).stories}
    assert status == {ids["a"]: "reviewed", ids["b"]: "starred", ids["c"]: "reviewed", ids["d"]: "new"}
    undone = actions.undo_last(db, "maria")
    assert undone.action == "review-page" and len(undone.changes) == 2
    status = {s.id: s.status for s in review.inbox(db, Filters(status=None)).stories}
    assert status == {ids["a"]: "new", ids["b"]: "starred", ids["c"]: "new", ids["d"]: "new"}
    assert actions.undo_last(db, "maria") is None  # one step: nothing left


@pytest.mark.parametrize("before, status", [("new", "dismissed"), ("new", "reviewed"), ("new", "starred"),
                                            ("starred", "dismissed"), ("starred", "new"), ("reviewed", "starred")])
def test_undo_restores_the_previous_status(four, before, status):
    db, _, ids = four
    if before != "new":
        actions.set_status(db, ids["a"], before, "omar")
    actions.set_status(db, ids["a"], status, "maria")
    assert actions.undo_last(db, "maria").changes[0].before == before
    assert review.article_view(db, review.story_rows(db, [ids["a"]])[0].article_id).status == before


def test_undo_takes_only_the_users_own_last_action_and_spares_a_later_change(four):
    db, _, ids = four
    actions.set_status(db, ids["a"], "dismissed", "maria")
    actions.set_status(db, ids["b"], "starred", "omar")
    assert actions.undo_last(db, "omar").changes[0].story_id == ids["b"]  # his, not hers
    assert review.story_rows(db, [ids["a"]])[0].status == "dismissed"
    actions.set_status(db, ids["c"], "reviewed", "maria")
    actions.set_status(db, ids["c"], "starred", "omar")  # someone changed it since
    assert actions.undo_last(db, "maria").changes == ()  # his change stands
    assert review.story_rows(db, [ids["c"]])[0].status == "starred"


# -- HTTP ------------------------------------------------------------------------------------------

def test_inbox_page_order_and_arrival_links(four, clock):
    _, path, ids = four
    c = client(path, local_user="maria")
    assert rows(c.get("/").text) == [ids["d"], ids["c"], ids["b"], ids["a"]]
    page = c.get("/?order=arrival")
    assert rows(page.text) == [ids["a"], ids["b"], ids["c"], ids["d"]] and "latest arrivals first" in page.text
    assert rows(c.get("/?arrived=today").text) == [ids["a"]]  # arrival order by default
    assert 'data-arrived="today" class="on"' in c.get("/?arrived=today").text
    assert c.get("/?order=nope").status_code == 400 and c.get("/?arrived=yesterday").status_code == 400


def test_new_since_last_visit_over_http_for_two_users(tmp_path, four, clock):
    db, path, ids = four
    maria, omar = client(path, local_user="maria"), client(path, local_user="omar")
    assert "First visit" in maria.get("/").text
    assert len(rows(maria.get("/?arrived=new").text)) == 4  # all new to a first-time reader
    clock.advance(hours=3)
    omar.get("/")  # omar's first visit is now, 11:00
    with db.atomic():
        e = add(db, 5, published="2026-11-25T10:30:00Z", fetched="2026-11-25T10:59:00Z")
    page = maria.get("/?arrived=new")  # maria's last visit: 08:00
    assert rows(page.text) == [e] and "Your last visit" in page.text
    assert maria.get("/?arrived=new&before=x").status_code == 400
    clock.advance(hours=1)
    assert rows(omar.get("/?arrived=new").text) == []  # e arrived before omar's last load


def test_unread_counts_panel_links_to_the_filtered_inbox(four):
    _, path, _ = four
    html = client(path, local_user="maria").get("/").text
    aside = html[html.index('<aside class="unread"'):html.index("</aside>")]
    assert re.search(r'href="/\?automaker=tesla">Tesla</a> <span class="count" data-tag="tesla">3</span>', aside)
    assert 'data-tag="lithium">2</span>' in aside and 'data-tag="ford">1</span>' in aside


def test_view_is_remembered_per_user(four):
    _, path, _ = four
    maria, omar = client(path, local_user="maria"), client(path, local_user="omar")
    token = csrf_of(maria.get("/").text)
    r = maria.post("/inbox/view", data={"view": "compact", "csrf": token, "next": "/"}, follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == "/"
    assert '<ol class="stories compact"' in maria.get("/").text
    assert '<ol class="stories"' in omar.get("/").text
    assert maria.post("/inbox/view", data={"view": "tiles", "csrf": token}).status_code == 400


def test_status_without_script_comes_back_to_the_next_row(four):
    _, path, ids = four
    c = client(path, local_user="maria")
    html = c.get("/").text
    token = csrf_of(html)
    form = {"csrf": token, "next": "/", "anchor": f"story-{ids['c']}", "then": f"story-{ids['b']}"}
    r = c.post(f"/stories/{ids['c']}/status", data={**form, "status": "dismissed"}, follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == f"/#story-{ids['b']}"
    r = c.post(f"/stories/{ids['b']}/status", data={**form, "status": "starred"}, follow_redirects=False)
    assert r.headers["location"] == f"/#story-{ids['c']}"  # a star stays: back to the row itself
    r = c.post(f"/stories/{ids['b']}/status", data={**form, "status": "starred", "anchor": "x\" onload"},
               follow_redirects=False)
    assert r.headers["location"] == "/"


def test_mark_page_reviewed_and_undo_over_http(four):
    _, path, ids = four
    maria, omar = client(path, local_user="maria"), client(path, local_user="omar")
    html = maria.get("/").text
    token = csrf_of(html)
    listed = re.findall(r'<input type="hidden" name="story" value="(\d+)">', html)
    assert sorted(int(i) for i in listed) == sorted(ids.values())
    r = maria.post("/stories/review", data={"csrf": token, "story": [ids["a"], ids["b"]]},
                   headers={"Accept": "application/json"})
    assert r.json() == {"ok": True, "stories": [ids["a"], ids["b"]], "status": "reviewed",
                        "undo": "Undo mark page reviewed"}
    assert rows(maria.get("/").text) == [ids["d"], ids["c"]]
    assert "Undo mark page reviewed (2 stories)" in maria.get("/").text
    assert omar.post("/stories/undo", data={"csrf": csrf_of(omar.get("/").text)},
                     headers={"Accept": "application/json"}).status_code == 409  # not his to undo
    r = maria.post("/stories/undo", data={"csrf": token, "next": "/"}, follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"].startswith("/#story-")
    assert sorted(rows(maria.get("/").text)) == sorted(ids.values())
    assert maria.post("/stories/review", data={"csrf": token, "story": ["1x"]}).status_code == 400
    assert maria.post("/stories/review", data={"story": [ids["a"]]}).status_code == 403  # CSRF
