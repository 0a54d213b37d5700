"""Saved searches (storage/saved.py, monitor/web/saved.py), search results shown as stories, and
the article page's place in its list (monitor/web/listplace.py), over HTTP with Starlette's test
client on real SQLite files (the demo database)."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit
from xml.etree import ElementTree

import pytest

from monitor.web.app import create_app
from monitor.web.auth import new_token, token_hash
from monitor.web.listplace import parse_from
from storage import open_db
from storage import saved as store
from storage.articles import NewArticle, save_article
from storage.filters import Filters
from storage.search_query import QueryError
from storage.users import add_user, create_session, set_feed_token

ATOM = "{http://www.w3.org/2005/Atom}"


def client(db_path, **kwargs):
    from starlette.testclient import TestClient

    return TestClient(create_app(db_path, **kwargs), base_url="http://127.0.0.1:8000")


def csrf_of(html: str) -> str:
    return re.search(r'<meta name="csrf" content="([^"]+)"', html).group(1)


def logged_in(db_path, name: str):
    """A client with a session of ``name`` (a login is required, as beyond loopback)."""
    db = open_db(db_path)
    add_user(db, name, "scrypt$unused")
    token = new_token()
    create_session(db, token_hash(token), name)
    db.close()
    c = client(db_path, require_login=True)
    c.cookies.set("session", token)
    return c


def store_article(db_path, title: str, text: str) -> int:
    db = open_db(db_path)
    article_id, _ = save_article(db, NewArticle(url=f"https://example.org/{abs(hash(title))}", title=title, text=text,
                                                author=None, published=None, source="electrive", kind="article",
                                                language="en", content_hash=str(abs(hash(text)))))
    db.close()
    return article_id


def save(c, name: str, q: str, **filters) -> object:
    token = csrf_of(c.get("/saved").text)
    return c.post("/saved", data={"csrf": token, "name": name, "q": q, **filters}, follow_redirects=False)


# -- saved searches ------------------------------------------------------------------------------

@pytest.mark.clock
def test_saved_search_create_list_open_delete(demo_db, clock):
    c = client(demo_db, local_user="maria")
    made = save(c, "Deep-sea mining", '"deep-sea mining"', status="all", topic="deep-sea-mining")
    assert made.status_code == 303 and made.headers["location"].startswith("/saved#saved-")
    saved_id = int(made.headers["location"].rpartition("-")[2])

    listing = c.get("/saved")
    assert listing.status_code == 200
    row = re.search(rf'<tr class="saved-search" id="saved-{saved_id}".*?</tr>', listing.text, re.DOTALL).group(0)
    assert "Deep-sea mining" in row and "&#34;deep-sea mining&#34;" in row and "none" in row  # no new matches yet
    assert f'href="/feeds/saved/{saved_id}.atom"' in row

    opened = c.get(f"/saved/{saved_id}", follow_redirects=False)
    assert opened.status_code == 303
    target = urlsplit(opened.headers["location"])
    assert target.path == "/search"
    assert parse_qs(target.query) == {"q": ['"deep-sea mining"'], "topic": ["deep-sea-mining"], "status": ["all"]}
    results = c.get(opened.headers["location"])
    assert results.status_code == 200 and f'href="/saved/{saved_id}"' in results.text  # "Saved as ..."

    token = csrf_of(listing.text)
    assert c.post(f"/saved/{saved_id}/delete", data={"csrf": token}, follow_redirects=False).status_code == 303
    assert f"saved-{saved_id}" not in c.get("/saved").text
    assert c.get(f"/saved/{saved_id}", follow_redirects=False).status_code == 404
    assert c.post(f"/saved/{saved_id}/delete", data={"csrf": token}).status_code == 404
    assert c.post(f"/saved/{saved_id}/delete", data={}).status_code == 403  # CSRF checked


@pytest.mark.clock
def test_saving_the_same_name_replaces_and_bad_input_is_explained(demo_db, clock):
    c = client(demo_db, local_user="maria")
    first = save(c, "Lithium", "lithium")
    again = save(c, "Lithium", "lithium AND water")
    assert first.headers["location"] == again.headers["location"]  # one saved search of that name
    assert open_db(demo_db).execute("SELECT query FROM saved_searches").fetchall() == [("lithium AND water",)]
    assert "give the saved search a name" in save(c, "  ", "lithium").text
    broken = save(c, "Broken", "steel AND (")
    assert broken.status_code == 400 and "add a &#39;)&#39;" in broken.text
    assert "kind must be one of" in save(c, "Odd", "steel", kind="podcast").text
    with pytest.raises(QueryError):
        store.check("x", "", Filters())


@pytest.mark.clock
def test_new_matches_rise_when_an_article_is_stored_after_opening_and_reset_when_opened(demo_db, clock):
    c = client(demo_db, local_user="maria")
    saved_id = int(save(c, "Cobalt smelters", "cobalt smelter").headers["location"].rpartition("-")[2])
    db = open_db(demo_db)
    (saved,) = store.saved_searches(db, "maria")
    assert saved.new_matches == 0  # creating it counts as opening it

    clock.advance(hours=2)
    store_article(demo_db, "A cobalt smelter opens in Kolwezi", "The new cobalt smelter will refine ore.")
    store_article(demo_db, "Unrelated", "Nothing about the metal in question.")
    (saved,) = store.saved_searches(db, "maria")
    assert saved.new_matches == 1
    row = re.search(rf'id="saved-{saved_id}".*?</tr>', c.get("/saved").text, re.DOTALL).group(0)
    assert '<span class="new-count">1 new</span>' in row

    clock.advance(minutes=5)
    c.get(f"/saved/{saved_id}", follow_redirects=False)  # opened: seen from now on
    (saved,) = store.saved_searches(db, "maria")
    assert saved.new_matches == 0 and saved.last_opened == "2026-11-25T10:05:00Z"
    clock.advance(minutes=5)
    store_article(demo_db, "Another cobalt smelter", "A second cobalt smelter, in Zambia.")
    assert store.saved_searches(db, "maria")[0].new_matches == 1


@pytest.mark.clock
def test_saved_search_feed_lists_its_matches_with_the_feed_token_and_only_for_its_owner(demo_db, clock):
    maria, ole = logged_in(demo_db, "maria"), logged_in(demo_db, "ole")
    saved_id = int(save(maria, "Deep-sea", '"deep-sea mining"').headers["location"].rpartition("-")[2])
    db = open_db(demo_db)
    token = new_token()
    set_feed_token(db, "maria", token_hash(token))
    ole_token = new_token()
    set_feed_token(db, "ole", token_hash(ole_token))

    anonymous = client(demo_db, require_login=True)
    assert anonymous.get(f"/feeds/saved/{saved_id}.atom", follow_redirects=False).status_code == 303
    feed = anonymous.get(f"/feeds/saved/{saved_id}.atom?token={token}")
    assert feed.status_code == 200 and feed.headers["content-type"].startswith("application/atom+xml")
    root = ElementTree.fromstring(feed.content)
    assert root.find(f"{ATOM}title").text == "chargewatch: Deep-sea"
    titles = [e.find(f"{ATOM}title").text for e in root.findall(f"{ATOM}entry")]
    expected = db.execute("SELECT count(DISTINCT a.story_id) FROM articles_fts f JOIN articles a ON a.id = f.rowid "
                          "WHERE articles_fts MATCH '\"deep sea mining\"'").fetchone()[0]
    assert len(titles) == expected > 0
    assert all("deep-sea" in t.lower() or "mining" in t.lower() or "moratorium" in t.lower() for t in titles), titles
    assert token not in feed.text  # the token never travels into the feed's links

    # ole sees neither the saved search nor its feed, with a session or with his feed token
    assert f"saved-{saved_id}" not in ole.get("/saved").text
    assert ole.get(f"/saved/{saved_id}", follow_redirects=False).status_code == 404
    assert anonymous.get(f"/feeds/saved/{saved_id}.atom?token={ole_token}").status_code == 404
    assert ole.post(f"/saved/{saved_id}/delete", data={"csrf": csrf_of(ole.get("/saved").text)}).status_code == 404
    assert store.saved_search(db, "maria", saved_id) is not None


# -- search results as stories -------------------------------------------------------------------

def test_search_results_show_chips_evidence_and_the_inbox_actions(demo_db):
    c = client(demo_db, local_user="maria")
    page = c.get("/search?q=cobalt")
    assert page.status_code == 200
    hits = re.findall(r'<li class="hit story" id="hit-(\d+)" data-story="(\d+)" data-status="(\w+)".*?</li>',
                      page.text, re.DOTALL)
    assert hits
    first = re.search(r'<li class="hit story".*?</li>', page.text, re.DOTALL).group(0)
    assert 'class="chip' in first and '<p class="evidence"><span class="why">' in first
    assert f'action="/stories/{hits[0][1]}/status"' in first
    assert 'name="next" value="/search?q=cobalt#hit-' in first  # the form comes back to the hit
    assert f'href="/articles/{hits[0][0]}?from=/search%3Fq%3Dcobalt"' in first

    token = csrf_of(page.text)
    r = c.post(f"/stories/{hits[0][1]}/status", data={"status": "dismissed", "csrf": token,
                                                       "next": f"/search?q=cobalt#hit-{hits[0][0]}"},
               follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == f"/search?q=cobalt#hit-{hits[0][0]}"
    again = c.get("/search?q=cobalt").text
    assert f'id="hit-{hits[0][0]}" data-story="{hits[0][1]}" data-status="dismissed"' in again
    assert '<span class="badge status-dismissed">dismissed</span>' in again


# -- the article's place in its list ------------------------------------------------------------

def steps(html: str) -> dict[str, str]:
    return {m.group(1): m.group(2).replace("&amp;", "&")
            for m in re.finditer(r'<a id="list-(up|previous|next)" rel="\w+" href="([^"]+)"', html)}


def test_an_article_opened_from_the_inbox_links_its_neighbours_and_the_way_back(demo_db):
    c = client(demo_db)
    inbox = c.get("/?status=all").text
    links = re.findall(r'<a class="title" href="(/articles/\d+\?from=[^"]+)"', inbox)
    stories = re.findall(r'<li class="story" data-story="\d+" id="story-(\d+)"', inbox)
    assert len(links) == len(stories) > 3
    assert links[0].endswith("?from=/%3Fstatus%3Dall")
    article = c.get(links[1].replace("&amp;", "&")).text
    middle = steps(article)
    assert middle == {"up": f"/?status=all#story-{stories[1]}", "previous": links[0], "next": links[2]}
    # without the script, the review forms come back to this very place: the article, its list, #review
    nexts = re.findall(r'<form class="(?:actions|note)".*?name="next" value="([^"]+)"', article, re.DOTALL)
    assert nexts == [links[1] + "#review"] * 2
    first = steps(c.get(links[0]).text)
    assert "previous" not in first and first["next"] == links[1]
    last = steps(c.get(links[-1]).text)
    assert "next" not in last and last["previous"] == links[-2]


def test_j_and_k_cross_the_inbox_pages_boundary(demo_db, monkeypatch):
    from monitor.web import common

    monkeypatch.setattr(common, "PER_PAGE", 5)  # the demo's 26 stories on six pages
    c = client(demo_db)
    first_page = c.get("/?status=all").text
    links = [link.replace("&amp;", "&") for link in re.findall(r'<a class="title" href="([^"]+)"', first_page)]
    older = re.search(r'<a rel="next" href="([^"]+)"', first_page).group(1).replace("&amp;", "&")
    second_page = c.get(older).text
    second = [link.replace("&amp;", "&") for link in re.findall(r'<a class="title" href="([^"]+)"', second_page)]
    assert len(links) == len(second) == 5
    assert steps(c.get(links[-1]).text)["next"] == second[0]  # the next page's first, from that page
    back = steps(c.get(second[0]).text)
    story = re.search(r'id="story-(\d+)"', second_page).group(1)
    assert back["up"] == f"{older}#story-{story}"
    assert back["previous"].startswith(links[-1].partition("?")[0] + "?from=")  # the last of the page before
    before = steps(c.get(back["previous"]).text)
    assert before["next"].partition("?")[0] == second[0].partition("?")[0]
    assert before["up"].endswith("#story-" + re.findall(r'id="story-(\d+)"', first_page)[-1])
    assert "previous" in before


def test_an_article_opened_from_a_search_steps_across_its_pages(demo_db):
    c = client(demo_db)
    page1 = c.get("/search?q=the").text
    assert 'rel="next" href="/search?q=the&amp;page=2"' in page1  # more than one page of results
    page2 = c.get("/search?q=the&page=2").text
    last_of_1 = re.findall(r'<a class="title" href="([^"]+)"', page1)[-1].replace("&amp;", "&")
    first_of_2 = re.findall(r'<a class="title" href="([^"]+)"', page2)[0].replace("&amp;", "&")
    assert steps(c.get(last_of_1).text)["next"] == first_of_2
    back = steps(c.get(first_of_2).text)
    assert back["previous"] == last_of_1
    assert back["up"].startswith("/search?q=the&page=2#hit-")


def test_from_takes_only_a_list_of_this_site():
    assert parse_from("/search?q=lithium&page=2") == ("/search", {"q": "lithium", "page": "2"})
    assert parse_from("/automakers/tesla?mentions=1") == ("/automakers/tesla", {"mentions": "1"})
    assert parse_from("/?topic=nickel&token=secret") == ("/", {"topic": "nickel"})
    for bad in ("https://evil.example/", "//evil.example/", "/sources", "/\\evil", None, "", "/articles/3"):
        assert parse_from(bad) == ("/", {}), bad


def test_j_and_k_follow_the_inbox_read_by_arrival(demo_db):
    """Opened from the inbox read by arrival (?order=arrival, ?arrived=...), the neighbours are
    that list's, not the publication order's."""
    c = client(demo_db)

    def titles(url):
        return [link.replace("&amp;", "&") for link in re.findall(r'<a class="title" href="([^"]+)"', c.get(url).text)]

    by_arrival = titles("/?status=all&order=arrival")
    by_publication = titles("/?status=all")
    assert len(by_arrival) > 3
    assert [u.partition("?")[0] for u in by_arrival] != [u.partition("?")[0] for u in by_publication]
    for i in range(1, len(by_arrival) - 1):
        near = steps(c.get(by_arrival[i]).text)
        assert near["previous"] == by_arrival[i - 1] and near["next"] == by_arrival[i + 1], i
