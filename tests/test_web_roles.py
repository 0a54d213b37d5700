"""Tag roles on the review page (issue 15), over HTTP on a real SQLite file: the automaker and
topic filters take the stories about the tag unless ``mentions`` is asked for (pages, API, feeds);
chips tell a subject from a mention; the facet pages count both and follow the toggle; the
evidence line follows the filter; staff switch a tag's role and add a tag with a role and an
evidence sentence picked from the article."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest

from monitor.dedupe import content_hash
from monitor.stories import assign_story
from monitor.web import common as web_common
from monitor.web.highlight import MAX_EVIDENCE, sentences
from storage import open_db
from storage.tags import TagRow, replace_tags
from tests.test_web import client, csrf_of

TESLA = "Tesla signed a lithium supply deal with a refiner in Texas on Monday."
LITHIUM = "The refiner will process spodumene into lithium hydroxide for cathodes."
FORD_IN_PASSING = "Ford and Toyota buy from the same refiner."
FORD = "Ford opened a battery recycling plant in Kentucky that employs four hundred workers."
TESLA_IN_PASSING = "Tesla was not part of the recycling venture."
RECYCLING = "The plant recovers nickel and cobalt from scrap battery packs."
MINE = "A new spodumene mine in Nevada won its water permit after a long fight."
TESLA_BUYER = "Tesla is named as one possible buyer of its concentrate."
LITHIUM_MINE = "The lithium mine will draw groundwater from a basin already short of it."
ATOM = "{http://www.w3.org/2005/Atom}"


def add(db, n: int, title: str, text: str, tags: list[TagRow], published: str) -> tuple[int, int]:
    """An article in a story of its own, with its tags; (article id, story id)."""
    cur = db.execute("INSERT INTO articles (url, title, text, fetched, published, source, kind, content_hash) "
                     "VALUES (?, ?, ?, '2026-11-25T00:00:00Z', ?, 'wire', 'article', ?)",
                     [f"https://wire.example/{n}", title, text, published, content_hash(text + title)])
    article_id = cur.lastrowid
    assign_story(db, article_id, text, content_hash(text + title))
    replace_tags(db, article_id, tags)
    return article_id, db.execute("SELECT story_id FROM articles WHERE id = ?", [article_id]).fetchone()[0]


@pytest.fixture
def roles_db(tmp_path, clock):
    """Three stories: one about Tesla (Ford in passing, about lithium), one about Ford (Tesla in
    passing), one about a mine (Tesla and lithium in passing). Tesla: 1 about, 2 mentioning."""
    path = tmp_path / "roles.db"
    db = open_db(path)
    with db.atomic():
        tesla = add(db, 1, "Tesla's lithium deal", f"{TESLA} {LITHIUM}\n\n{FORD_IN_PASSING} Prices were not given.", [
            TagRow("automaker", "tesla", "Tesla", TESLA, 3, 0.7, ("Tesla",), role="subject"),
            TagRow("automaker", "ford", "Ford", FORD_IN_PASSING, 1, 0.2, ("Ford",), role="mention"),
            TagRow("topic", "lithium", "Lithium", LITHIUM, 2, 0.5, ("lithium",), role="subject")], "2026-11-20")
        ford = add(db, 2, "Ford opens a recycling plant", f"{FORD} {RECYCLING}\n\n{TESLA_IN_PASSING}", [
            TagRow("automaker", "ford", "Ford", FORD, 3, 0.8, ("Ford",), role="subject"),
            TagRow("automaker", "tesla", "Tesla", TESLA_IN_PASSING, 1, 0.1, ("Tesla",), role="mention"),
            TagRow("topic", "battery-recycling", "Battery recycling", RECYCLING, 2, 0.4, ("recycling",),
                   role="mention")], "2026-11-21")
        mine = add(db, 3, "Nevada mine wins water permit", f"{MINE} {TESLA_BUYER} {LITHIUM_MINE}", [
            TagRow("automaker", "tesla", "Tesla", TESLA_BUYER, 1, 0.1, ("Tesla",), role="mention"),
            TagRow("topic", "lithium", "Lithium", LITHIUM_MINE, 2, 0.3, ("lithium",), role="mention")], "2026-11-22")
    db.close()
    return path, {"tesla": tesla, "ford": ford, "mine": mine}


def story_rows(html: str) -> dict[int, str]:
    """Each inbox (or facet) row's HTML by story id, in page order."""
    parts = re.split(r'(?=<li class="story" data-story=")', html)
    return {int(re.match(r'<li class="story" data-story="(\d+)"', p).group(1)): p for p in parts[1:]}


def chips_of(row: str) -> list[tuple[str, str]]:
    """(classes, text) of each chip in a row, in order."""
    return re.findall(r'<a class="(chip [^"]*)"[^>]*>([^<]*)</a>', row)


def ids(response) -> list[int]:
    assert response.status_code == 200, response.text
    return [s["id"] for s in response.json()["stories"]]


# -- filters ------------------------------------------------------------------------------------

def test_filters_take_stories_about_the_tag_and_mentions_on_request(roles_db, monkeypatch):
    path, s = roles_db
    c = client(path)
    tesla, ford, mine = s["tesla"][1], s["ford"][1], s["mine"][1]
    # the inbox page
    assert list(story_rows(c.get("/?automaker=tesla").text)) == [tesla]
    page = c.get("/?automaker=tesla&mentions=1")
    assert list(story_rows(page.text)) == [mine, ford, tesla]
    assert re.search(r'<input type="checkbox" name="mentions" value="1" checked>', page.text)
    assert not re.search(r'name="mentions" value="1" checked', c.get("/?automaker=tesla").text)
    assert list(story_rows(c.get("/?topic=lithium").text)) == [tesla]
    assert list(story_rows(c.get("/?topic=lithium&mentions=on").text)) == [mine, tesla]  # a checkbox's "on"
    empty = c.get("/?topic=battery-recycling&status=all").text  # only mentioned: nothing about it
    assert not story_rows(empty) and "Nothing here about Battery recycling" in empty
    link = re.search(r'<a class="with-mentions" href="([^"]+)"', empty).group(1).replace("&amp;", "&")
    assert list(story_rows(c.get(link).text)) == [ford] and "status=all" in link
    # the API
    assert ids(c.get("/api/stories?automaker=tesla")) == [tesla]
    both = c.get("/api/stories?automaker=tesla&mentions=1")
    assert ids(both) == [mine, ford, tesla] and both.json()["filters"]["mentions"] is True
    assert "mentions" not in c.get("/api/stories?automaker=tesla").json()["filters"]
    assert ids(c.get("/api/stories?automaker=tesla&mentions=true&topic=lithium")) == [mine, tesla]
    assert ids(c.get("/api/stories?automaker=tesla&mentions=0")) == [tesla]
    assert len(ids(c.get("/api/stories?mentions=1"))) == 3  # no tag filter: nothing to widen
    for bad in ("/api/stories?mentions=maybe", "/?mentions=2", "/feeds/automakers/tesla.atom?mentions=x",
                "/automakers/tesla?mentions=x"):
        r = c.get(bad)
        assert r.status_code == 400 and "mentions must be 1 or 0" in r.text, bad
    # search
    found = c.get("/api/search?q=refiner&automaker=tesla").json()
    assert [h["story_id"] for h in found["hits"]] == [tesla]
    found = c.get("/api/search?q=tesla&automaker=tesla&mentions=1").json()
    assert {h["story_id"] for h in found["hits"]} == {tesla, ford, mine}
    page = c.get("/search?q=tesla&automaker=tesla&mentions=1")
    assert page.text.count('<li class="hit') == 3 and 'name="mentions" value="1" checked' in page.text
    # links keep the toggle: the next page, the chips
    monkeypatch.setattr(web_common, "PER_PAGE", 1)
    page = c.get("/?automaker=tesla&mentions=1")
    older = re.search(r'<a rel="next" href="([^"]+)"', page.text).group(1).replace("&amp;", "&")
    assert "mentions=1" in older and "automaker=tesla" in older
    assert list(story_rows(c.get(older).text)) == [ford]
    assert 'href="/automakers/tesla?mentions=1"' in page.text
    assert 'href="/automakers/tesla?mentions=1"' not in c.get("/?automaker=tesla").text


# -- chips --------------------------------------------------------------------------------------

def test_chips_tell_a_subject_from_a_mention_subjects_first(roles_db):
    path, s = roles_db
    c = client(path)
    rows = story_rows(c.get("/").text)
    assert chips_of(rows[s["tesla"][1]]) == [
        ("chip automaker subject", "Tesla"), ("chip topic subject", "Lithium"), ("chip automaker mention", "Ford")]
    assert chips_of(rows[s["ford"][1]]) == [
        ("chip automaker subject", "Ford"), ("chip automaker mention", "Tesla"),
        ("chip topic mention", "Battery recycling")]
    row = rows[s["tesla"][1]]
    assert 'title="the story is about Tesla"' in row and 'title="Ford is mentioned in passing"' in row
    # search results, the article page, a facet page
    search = c.get("/search?q=spodumene").text
    assert '<a class="chip automaker mention" href="/automakers/tesla" title="Tesla is mentioned in passing">' in search
    article = c.get(f"/articles/{s['tesla'][0]}").text
    story_line = article.split('class="meta story-tags"')[1].split("</p>")[0]
    assert [text for _, text in chips_of(story_line)] == ["Tesla", "Lithium", "Ford"]
    assert 'class="chip automaker subject" href="/automakers/tesla" title="the article is about Tesla"' in article
    facet = story_rows(c.get("/topics/lithium").text)
    assert chips_of(facet[s["tesla"][1]])[0] == ("chip automaker subject", "Tesla")


# -- counts, chart and related list -------------------------------------------------------------------

def chart_total(html: str) -> int:
    return int(re.search(r"\((\d+) stories in all\)", html).group(1))


def test_facet_pages_count_about_and_mentioning_and_follow_the_toggle(roles_db):
    path, s = roles_db
    c = client(path)
    page = c.get("/automakers/tesla").text
    assert re.search(r'<span class="about">1 story about</span>, <span class="mentioning">2 mentioning</span>', page)
    assert '<a class="toggle" href="/automakers/tesla?mentions=1">Show the mentions too</a>' in page
    assert chart_total(page) == 1 and "(about Tesla)" in page
    assert list(story_rows(page)) == [s["tesla"][1]]
    assert re.findall(r'<ol class="related">(.*?)</ol>', page, re.DOTALL)[0].count("<li>") == 1  # lithium
    assert 'href="/feeds/automakers/tesla.atom"' in page and 'href="/?automaker=tesla&amp;status=all"' in page

    both = c.get("/automakers/tesla?mentions=1").text
    assert "1 story about" in both and "2 mentioning" in both  # the counts are all time, either way
    assert chart_total(both) == 3 and "(about or mentioning Tesla)" in both
    assert list(story_rows(both)) == [s["mine"][1], s["ford"][1], s["tesla"][1]]
    related = re.findall(r'<ol class="related">(.*?)</ol>', both, re.DOTALL)[0]
    assert 'href="/topics/lithium?mentions=1"' in related and 'href="/topics/battery-recycling?mentions=1"' in related
    assert 'href="/feeds/automakers/tesla.atom?mentions=1"' in both
    assert 'href="/?automaker=tesla&amp;status=all&amp;mentions=1"' in both
    assert '<a class="toggle" href="/automakers/tesla">' in both

    lithium = c.get("/topics/lithium").text
    assert "1 story about" in lithium and "1 mentioning" in lithium and chart_total(lithium) == 1

    index = c.get("/automakers").text
    tesla_row = re.search(r'<li data-tag="automaker:tesla">(.*?)</li>', index, re.DOTALL).group(1)
    assert ">1 about</a>" in tesla_row and ">2 mentioning</a>" in tesla_row
    assert 'href="/?automaker=tesla&amp;status=all&amp;mentions=1"' in tesla_row
    ford_row = re.search(r'<li data-tag="automaker:ford">(.*?)</li>', index, re.DOTALL).group(1)
    assert ">1 about</a>" in ford_row and ">1 mentioning</a>" in ford_row
    kia_row = re.search(r'<li data-tag="automaker:kia">(.*?)</li>', index, re.DOTALL).group(1)
    assert ">0 about</a>" in kia_row and ">0 mentioning</a>" in kia_row
    topics = c.get("/topics").text
    assert ">1 about</a> · <a class=\"mentioning\"" in re.search(
        r'<li data-tag="topic:lithium">(.*?)</li>', topics, re.DOTALL).group(1)


# -- evidence -----------------------------------------------------------------------------------

def evidence_line(row: str) -> str:
    found = re.search(r'<p class="evidence"><span class="why">([^<]*):</span> ([^<]*)</p>', row)
    return f"{found.group(1)}: {found.group(2)}" if found else ""


def test_the_evidence_line_is_the_filtered_tags(roles_db):
    path, s = roles_db
    c = client(path)
    tesla_story = s["tesla"][1]
    assert evidence_line(story_rows(c.get("/").text)[tesla_story]) == f"Tesla: {TESLA}"
    assert evidence_line(story_rows(c.get("/?automaker=ford&mentions=1").text)[tesla_story]) == \
        f"Ford: {FORD_IN_PASSING}"
    assert evidence_line(story_rows(c.get("/?topic=lithium").text)[tesla_story]) == f"Lithium: {LITHIUM}"
    rows = story_rows(c.get("/?automaker=tesla&mentions=1").text)
    assert evidence_line(rows[s["ford"][1]]) == f"Tesla: {TESLA_IN_PASSING}"
    assert evidence_line(rows[s["mine"][1]]) == f"Tesla: {TESLA_BUYER}"
    api = c.get("/api/stories?automaker=tesla&mentions=1").json()["stories"]
    assert {x["evidence_tag"] for x in api} == {"Tesla"}


# -- the article page: roles and added tags ----------------------------------------------------------

def tag_row(html: str, tag: str) -> str:
    return re.search(rf'<tr class="tag-row" data-tag="{tag}"[^>]*>.*?</tr>', html, re.DOTALL).group(0)


def test_switching_a_role_on_the_article_page_persists_and_shows(roles_db):
    path, s = roles_db
    c = client(path, local_user="maria")
    article_id, story_id = s["ford"]
    page = c.get(f"/articles/{article_id}").text
    row = tag_row(page, "automaker:tesla")
    assert 'data-role="mention"' in row and '<span class="role-name">mention</span>' in row
    assert '<input type="hidden" name="role" value="subject">' in row and 'value="role"' in row
    token = csrf_of(page)
    form = {"tag": "automaker:tesla", "action": "role", "role": "subject"}
    assert c.post(f"/articles/{article_id}/tags", data=form).status_code == 403  # no token
    r = c.post(f"/articles/{article_id}/tags", data={**form, "csrf": token},
               headers={"Origin": "http://evil.example"})
    assert r.status_code == 403
    r = c.post(f"/articles/{article_id}/tags", data={**form, "csrf": token}, follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == f"/articles/{article_id}"
    page = c.get(f"/articles/{article_id}").text
    row = tag_row(page, "automaker:tesla")
    assert 'data-role="subject"' in row and "Make it a mention" in row
    assert "marked Tesla as the subject · maria" in page
    assert story_id in ids(c.get("/api/stories?automaker=tesla"))
    assert chips_of(story_rows(c.get("/").text)[story_id])[:2] == [
        ("chip automaker subject", "Ford"), ("chip automaker subject", "Tesla")]
    db = open_db(path)
    assert db.execute("SELECT by, action, value FROM review_log ORDER BY id DESC LIMIT 1").fetchone() == \
        ("maria", "tag-role", "automaker:tesla:subject")
    # a retag (the tagger says "mention" again) keeps the staff's role
    replace_tags(db, article_id, [TagRow("automaker", "tesla", "Tesla", TESLA_IN_PASSING, 1, 0.1, ("Tesla",))])
    assert 'data-role="subject"' in tag_row(c.get(f"/articles/{article_id}").text, "automaker:tesla")
    # and back, as JSON
    r = c.post(f"/articles/{article_id}/tags", data={**form, "role": "mention", "csrf": token},
               headers={"Accept": "application/json"})
    assert r.json() == {"ok": True}
    assert story_id not in ids(c.get("/api/stories?automaker=tesla"))
    corrections = c.get("/api/corrections").json()
    assert corrections[0]["corrections"][0]["role"] == "mention"
    # refused: a role that is none, a tag the article lacks, an unknown tag
    for data, message in (({**form, "role": "boss"}, "role must be subject or mention"),
                          ({**form, "role": ""}, "role must be subject or mention"),
                          ({**form, "tag": "automaker:kia"}, "Kia is not a tag of this article"),
                          ({**form, "tag": "automaker:nope"}, "unknown tag")):
        r = c.post(f"/articles/{article_id}/tags", data={**data, "csrf": token})
        assert r.status_code == 400 and message in r.text, data


def options(html: str, name: str) -> list[list[str]]:
    """The option values of each select named ``name`` in the add-tag form."""
    form = html.split('<form class="add-tag"')[1].split("</form>")[0]
    return [re.findall(r'<option value="([^"]*)"', sel)
            for sel in re.findall(rf'<select name="{name}"[^>]*>(.*?)</select>', form, re.DOTALL)]


def test_adding_a_tag_with_a_role_and_a_picked_sentence_or_none(roles_db):
    import html as htmllib

    path, s = roles_db
    c = client(path, local_user="maria")
    article_id, story_id = s["tesla"]
    page = c.get(f"/articles/{article_id}").text
    automakers, topics = options(page, "tag")
    assert automakers[0] == "" and topics[0] == ""  # nothing chosen by default
    assert "automaker:kia" in automakers and "automaker:tesla" not in automakers and "automaker:ford" not in automakers
    assert "topic:cobalt" in topics and "topic:lithium" not in topics
    assert not any(v.startswith("automaker:") for v in topics)
    [evidence] = options(page, "evidence")
    evidence = [htmllib.unescape(v) for v in evidence]
    assert evidence[0] == "" and 'value="" selected>no evidence' in page
    assert evidence[1:] == ["Tesla's lithium deal", TESLA, LITHIUM, FORD_IN_PASSING, "Prices were not given."]
    assert '<input type="radio" name="role" value="mention" checked>' in page
    token = csrf_of(page)

    # a mention with no evidence: the row's evidence line and first chip stay the tagger's
    r = c.post(f"/articles/{article_id}/tags", data={"csrf": token, "action": "add", "tag": ["automaker:kia", ""],
                                                      "role": "mention", "evidence": ""}, follow_redirects=False)
    assert r.status_code == 303
    db = open_db(path)
    assert db.execute("SELECT role, evidence, origin, salience FROM tags WHERE article_id = ? AND tag_id = 'kia'",
                      [article_id]).fetchone() == ("mention", None, "staff", 0.0)
    row = story_rows(c.get("/").text)[story_id]
    assert evidence_line(row) == f"Tesla: {TESLA}"
    chips = chips_of(row)
    assert chips[0] == ("chip automaker subject", "Tesla") and chips[-1] == ("chip automaker mention staff", "Kia")

    # a subject topic with a sentence picked from the list: stored, and highlighted on the page
    r = c.post(f"/articles/{article_id}/tags", data={"csrf": token, "action": "add", "tag": ["", "topic:cobalt"],
                                                      "role": "subject", "evidence": FORD_IN_PASSING})
    assert r.status_code == 200
    assert db.execute("SELECT role, evidence FROM tags WHERE article_id = ? AND tag_id = 'cobalt'",
                      [article_id]).fetchone() == ("subject", FORD_IN_PASSING)
    page = c.get(f"/articles/{article_id}").text
    assert re.search(r'<mark class="evidence" title="evidence for [^"]*Cobalt[^"]*">' + re.escape(FORD_IN_PASSING),
                     page)
    assert "added Cobalt as the subject · maria" in page and "added Kia as a mention · maria" in page
    automakers, topics = options(page, "tag")
    assert "automaker:kia" not in automakers and "topic:cobalt" not in topics  # present now
    assert evidence_line(story_rows(c.get("/?topic=cobalt").text)[story_id]) == f"Cobalt: {FORD_IN_PASSING}"

    # the headline is a sentence to pick too; one automaker and one topic at once
    r = c.post(f"/articles/{article_id}/tags", data={"csrf": token, "action": "add", "evidence": "Tesla's lithium deal",
                                                      "tag": ["automaker:byd", "topic:nickel"]})
    assert r.status_code == 200
    assert db.execute("SELECT count(*) FROM tags WHERE article_id = ? AND tag_id IN ('byd', 'nickel') "
                      "AND role = 'mention' AND evidence = ?", [article_id, "Tesla's lithium deal"]).fetchone()[0] == 2

    # refused with a clear message, nothing written
    before = db.execute("SELECT count(*) FROM tags").fetchone()[0]
    for data, message in (
            ({"tag": "automaker:gm", "evidence": "GM is not in this article at all."},
             "the evidence must be a sentence of the article"),
            ({"tag": "automaker:ford"}, "Ford is already a tag of this article"),
            ({"tag": ["", ""]}, "choose an automaker or a topic to add"),
            ({"tag": "automaker:gm", "role": "owner"}, "role must be subject or mention")):
        r = c.post(f"/articles/{article_id}/tags", data={"csrf": token, "action": "add", **data})
        assert r.status_code == 400 and message in r.text, data
        assert c.post(f"/articles/{article_id}/tags", data={"csrf": token, "action": "add", **data},
                      headers={"Accept": "application/json"}).json()["error"].startswith(message[:20])
    assert db.execute("SELECT count(*) FROM tags").fetchone()[0] == before


# -- API and feeds ------------------------------------------------------------------------------

def test_api_carries_roles_and_keeps_its_keys(roles_db):
    path, s = roles_db
    c = client(path)
    story = c.get("/api/stories?automaker=tesla").json()["stories"][0]
    assert {"id", "title", "first_seen", "article_id", "url", "source", "kind", "also_in", "articles", "automakers",
            "topics", "evidence", "evidence_tag", "status", "note"} <= set(story)
    assert story["automakers"][0] == {"kind": "automaker", "id": "tesla", "name": "Tesla", "role": "subject",
                                      "salience": 0.7, "origin": "tagger", "evidence": TESLA}
    assert story["automakers"][1]["role"] == "mention" and story["evidence"] == TESLA
    article = c.get(f"/api/articles/{s['tesla'][0]}").json()
    assert {"id", "url", "title", "text", "tags", "copies", "corrections", "status", "story_tags"} <= set(article)
    assert {(t["tag_id"], t["role"]) for t in article["tags"]} == {
        ("tesla", "subject"), ("ford", "mention"), ("lithium", "subject")}
    assert [(t["id"], t["role"]) for t in article["story_tags"]] == [
        ("tesla", "subject"), ("lithium", "subject"), ("ford", "mention")]


def feed(c, url: str) -> ET.Element:
    r = c.get(url)
    assert r.status_code == 200 and r.headers["content-type"].startswith("application/atom+xml")
    return ET.fromstring(r.content)


def test_feeds_carry_stories_about_the_tag_and_mentions_on_request(roles_db):
    path, _ = roles_db
    c = client(path)
    about = feed(c, "/feeds/automakers/tesla.atom")
    entries = about.findall(f"{ATOM}entry")
    assert [e.find(f"{ATOM}title").text for e in entries] == ["Tesla's lithium deal"]
    [entry] = entries
    assert entry.find(f"{ATOM}summary").text == TESLA
    assert [(x.get("term"), x.get("label")) for x in entry.findall(f"{ATOM}category")] == [
        ("automaker:tesla", "Tesla"), ("topic:lithium", "Lithium"), ("automaker:ford", "Ford (mentioned)")]

    both = feed(c, "/feeds/automakers/tesla.atom?mentions=1")
    entries = {e.find(f"{ATOM}title").text: e for e in both.findall(f"{ATOM}entry")}
    assert set(entries) == {"Tesla's lithium deal", "Ford opens a recycling plant", "Nevada mine wins water permit"}
    ford = entries["Ford opens a recycling plant"]
    assert ford.find(f"{ATOM}summary").text == TESLA_IN_PASSING  # the filtered tag's evidence
    assert [(x.get("term"), x.get("label")) for x in ford.findall(f"{ATOM}category")] == [
        ("automaker:ford", "Ford"), ("automaker:tesla", "Tesla (mentioned)"),
        ("topic:battery-recycling", "Battery recycling (mentioned)")]
    self_link = next(x.get("href") for x in both.findall(f"{ATOM}link") if x.get("rel") == "self")
    assert self_link.endswith("/feeds/automakers/tesla.atom?mentions=1")
    assert both.find(f"{ATOM}id").text != about.find(f"{ATOM}id").text
    topic = feed(c, "/feeds/topics/lithium.atom?mentions=on")
    assert len(topic.findall(f"{ATOM}entry")) == 2
    assert len(feed(c, "/feeds/topics/lithium.atom").findall(f"{ATOM}entry")) == 1


# -- sentences to pick evidence from -----------------------------------------------------------------

def test_sentences_are_substrings_cut_and_capped():
    text = ("Mr. Musk said the U.S. plant opens in May. It will make cathodes!  Why?\n\n"
            "\"We are ready.\" The firm, Redwood Materials Inc. of Nevada, agreed.\nTiny. " + "word " * 200 + "end.")
    found = sentences(text, "A headline  with  spaces")
    assert [x.text for x in found][:5] == [
        "A headline with spaces", "Mr. Musk said the U.S. plant opens in May.", "It will make cathodes!",
        "\"We are ready.\"", "The firm, Redwood Materials Inc. of Nevada, agreed."]
    flat = " ".join(text.split())
    assert all(x.text in flat or x.text == "A headline with spaces" for x in found)
    assert all(len(x.text) <= MAX_EVIDENCE and len(x.label) <= 140 for x in found)
    assert found[-1].label.endswith("…") and "Why?" not in [x.text for x in found]  # too short to show
    many = sentences(" ".join(f"Sentence number {i} is here." for i in range(1000)))
    assert len(many) == 300 and many[0].text == "Sentence number 0 is here."
