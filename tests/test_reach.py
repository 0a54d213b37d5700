"""Supply-chain reach (issue 18, item 5) over storage and HTTP: supplier tags stored by the pipeline
and by retag (m019 lets the tags table hold them, an old database keeping its rows), the chain
filter's SQL, the inbox's and the article page's "Ford via ..." chips, the API and the Atom feed
with ``chain=1``, and the digest's "In your automakers' supply chains" section.

The supplier-only story is one of the demo's stories whose text changes (storage's own
``update_article``, as when a page is edited) to name Huayou and PT Vale Indonesia and no
automaker; `retag` then stores its new tags, as it does for every article."""

from __future__ import annotations

import json
import sqlite3

import pytest

from monitor.outputs.digest import make_digest
from monitor.retag import retag
from monitor.web.reach import chain_suppliers
from nlp.registry import load_registry
from storage import review
from storage.articles import NewArticle, list_articles, update_article
from storage.db import open_db
from storage.migrations import migrations
from storage.tags import story_tags
from tests.test_web import client

SUPPLIER_TEXT = (
    "Huayou and PT Vale Indonesia break ground on a nickel plant in Sulawesi. Zhejiang Huayou Cobalt and "
    "PT Vale Indonesia said the high-pressure acid leach plant in Pomalaa will process laterite nickel ore "
    "for battery materials. Residents near the site fear for their water and their fishing grounds.")
SUPPLIER_TITLE = "Huayou and PT Vale Indonesia break ground on Pomalaa nickel plant"


def supplier_only_story(path) -> int:
    """Turn the demo's Halmahera story into one that names suppliers and no automaker; its story id."""
    db = open_db(path)
    story = next(a for a in list_articles(db) if "halmahera" in a.url).story_id
    for row in [a for a in list_articles(db, per_story=False) if a.story_id == story]:  # every copy of it
        changed = NewArticle(url=row.url, title=SUPPLIER_TITLE, text=SUPPLIER_TEXT, author=None,
                             published=row.published, source=row.source, kind=row.kind, language="en",
                             content_hash=f"supplier-only-{row.id}")
        assert update_article(db, row.id, changed, tags=[])
    retag(db, processes=1)
    db.close()
    return story


@pytest.fixture
def supplier_db(demo_db):
    return demo_db, supplier_only_story(demo_db)


def kinds(path) -> dict[str, int]:
    conn = sqlite3.connect(path)
    try:
        return dict(conn.execute("SELECT kind, count(*) FROM tags GROUP BY kind").fetchall())
    finally:
        conn.close()


# -- storing ------------------------------------------------------------------------------------------


def test_m019_rebuilds_tags_on_an_old_database_keeping_rows_and_indexes(tmp_path):
    path = tmp_path / "old.db"
    db = open_db(path, migrate=False)
    migrations.apply(db, stop_before="m019_supplier_tags")
    db.execute("INSERT INTO articles (id, url, source, kind, fetched, text) VALUES "
               "(1, 'https://e.org/1', 's', 'article', '2026-11-20T08:00:00Z', 'Ford')")
    db.execute("INSERT INTO tags (article_id, kind, tag_id, name, evidence, mentions, salience, matched, origin, role) "
               "VALUES (1, 'automaker', 'ford', 'Ford', 'Ford said so.', 2, 0.8, '[\"Ford\"]', 'staff', 'subject')")
    with pytest.raises(sqlite3.IntegrityError):  # the old CHECK: no supplier
        db.execute("INSERT INTO tags (article_id, kind, tag_id) VALUES (1, 'supplier', 'huayou')")
    before = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE tbl_name = 'tags' AND type = 'index'")}
    db.close()

    db = open_db(path)  # applies m019
    assert migrations.pending(db) == []
    assert db.execute("SELECT kind, tag_id, name, evidence, mentions, salience, matched, origin, role FROM tags"
                      ).fetchall() == [("automaker", "ford", "Ford", "Ford said so.", 2, 0.8, '["Ford"]', "staff",
                                        "subject")]
    after = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE tbl_name = 'tags' AND type = 'index'")}
    assert after == before and "idx_tags_kind_tag_role" in after
    db.execute("INSERT INTO tags (article_id, kind, tag_id) VALUES (1, 'supplier', 'huayou')")
    with pytest.raises(sqlite3.IntegrityError):
        db.execute("INSERT INTO tags (article_id, kind, tag_id) VALUES (1, 'sponsor', 'x')")
    db.execute("DELETE FROM articles WHERE id = 1")  # the foreign key still cascades
    assert db.execute("SELECT count(*) FROM tags").fetchone()[0] == 0
    db.close()


def test_the_pipeline_stores_supplier_tags_on_the_demo(demo_db):
    assert kinds(demo_db).get("supplier", 0) > 0
    conn = sqlite3.connect(demo_db)
    named = {r[0] for r in conn.execute("SELECT tag_id FROM tags WHERE kind = 'supplier'")}
    conn.close()
    assert "pt-vale-indonesia" in named  # the Indonesia nickel quota story names it


def test_retag_stores_supplier_tags_and_counts_ignore_them(supplier_db):
    path, story = supplier_db
    db = open_db(path)
    tags = story_tags(db, [story])[story]
    assert {t.tag_id for t in tags if t.kind == "supplier"} == {"huayou", "pt-vale-indonesia"}
    assert not [t for t in tags if t.kind == "automaker"]
    [row] = review.story_rows(db, [story])
    assert {t.tag_id for t in row.suppliers} == {"huayou", "pt-vale-indonesia"}
    assert all(t.kind == "topic" for t in row.topics) and not row.automakers
    unread = review.unread_counts(db, "2000-01-01T00:00:00Z")  # a supplier never counts as a topic
    assert "huayou" not in unread.topics and "huayou" not in unread.automakers
    db.close()


# -- the filter -----------------------------------------------------------------------------------------


def test_the_chain_filter_adds_stories_naming_a_linked_supplier(supplier_db):
    path, story = supplier_db
    linked = chain_suppliers("ford")
    assert {"huayou", "pt-vale-indonesia"} <= set(linked)
    db = open_db(path)
    plain = [s.id for s in review.inbox(db, review.Filters(automaker="ford", status=None), limit=100).stories]
    chained = [s.id for s in review.inbox(db, review.Filters(automaker="ford", status=None, chain_suppliers=linked),
                                          limit=100).stories]
    assert story not in plain and story in chained
    assert set(plain) < set(chained)
    # a supplier linked to another automaker does not bring the story in
    other = [s.id for s in review.inbox(db, review.Filters(automaker="ford", status=None,
                                                           chain_suppliers=("ssab",)), limit=100).stories]
    assert story not in other
    db.close()
    assert review.Filters(chain_suppliers=["huayou"]).chain_suppliers == ("huayou",)  # from saved JSON
    assert "chain_suppliers" not in review.Filters().as_dict()


# -- the pages, the API, the feed ---------------------------------------------------------------------------


def test_inbox_shows_chain_reach_chips_and_chain_1_filters(supplier_db):
    path, story = supplier_db
    c = client(path, local_user="maria")
    page = c.get("/?status=all").text
    row = page[page.index(f'data-story="{story}"'):]
    row = row[:row.index("</li>")]
    assert 'class="chip reach"' in row and "Ford via Zhejiang Huayou Cobalt, PT Vale Indonesia" in row
    assert 'href="/suppliers/huayou"' in row and 'href="/suppliers/pt-vale-indonesia"' in row
    assert f'data-story="{story}"' not in c.get("/?automaker=ford&status=all").text
    chained = c.get("/?automaker=ford&status=all&chain=1").text
    assert f'data-story="{story}"' in chained
    assert 'name="chain" value="1" checked' in chained


def test_article_page_shows_reach_and_suppliers_without_correction_buttons(supplier_db):
    path, story = supplier_db
    db = open_db(path)
    [row] = review.story_rows(db, [story])
    db.close()
    html = client(path, local_user="maria").get(f"/articles/{row.article_id}").text
    assert "Ford via Zhejiang Huayou Cobalt, PT Vale Indonesia" in html
    supplier_row = html[html.index('data-tag="supplier:huayou"'):]
    supplier_row = supplier_row[:supplier_row.index("</tr>")]
    assert "Remove" not in supplier_row and "Make it" not in supplier_row


def test_api_and_atom_feed_take_chain_1(supplier_db):
    path, story = supplier_db
    c = client(path, local_user="maria")
    plain = c.get("/api/stories?automaker=ford&status=all&limit=500").json()
    chained = c.get("/api/stories?automaker=ford&status=all&limit=500&chain=1").json()
    assert story not in [s["id"] for s in plain["stories"]]
    found = next(s for s in chained["stories"] if s["id"] == story)
    assert {t["id"] for t in found["suppliers"]} == {"huayou", "pt-vale-indonesia"}
    assert "huayou" in chained["filters"]["chain_suppliers"]
    title = found["title"]  # the story keeps its first title
    assert title not in c.get("/feeds/automakers/ford.atom").text
    feed = c.get("/feeds/automakers/ford.atom?chain=1").text
    assert title in feed and "supply chain included" in feed
    assert c.get("/feeds/automakers/ford.atom?chain=maybe").status_code == 400


# -- the digest ------------------------------------------------------------------------------------------------


def test_digest_has_a_supply_chain_section_for_supplier_only_stories(supplier_db):
    path, story = supplier_db
    db = open_db(path)
    _, digest, out = make_digest(db, since="2000-01-01T00:00:00Z")
    db.close()
    sections = {sec.key: sec for sec in digest.sections}
    chain = sections["supply-chain"]
    assert chain.title == "In your automakers' supply chains"
    [item] = [i for i in chain.items if i.story.id == story]
    assert item.reaches.startswith("reaches Ford via Zhejiang Huayou Cobalt, PT Vale Indonesia")
    assert all(i.story.id != story for key, sec in sections.items() if key != "supply-chain" for i in sec.items)
    # a story naming a ranked automaker stays in its automaker's section
    ranked = {a.id for a in load_registry().automakers if a.ranked}
    assert not [i for i in chain.items if any(t.kind == "automaker" and t.tag_id in ranked for t in i.story.tags)]
    keys = [sec.key for sec in digest.sections]
    assert keys.index("supply-chain") > max(i for i, k in enumerate(keys) if k.startswith("automaker:"))
    for fmt in ("text", "md", "html"):
        assert "reaches Ford via Zhejiang Huayou Cobalt, PT Vale Indonesia" in out[fmt]
    assert "IN YOUR AUTOMAKERS' SUPPLY CHAINS" in out["text"] and "In your automakers&#39; supply chains" in out["html"]


def test_a_saved_search_with_chain_reach_opens_with_chain_1():
    from monitor.web.saved import search_url
    from storage.saved import SavedSearch

    saved = SavedSearch(1, "maria", "Ford's nickel", "nickel", {"automaker": "ford", "chain_suppliers": ["huayou"]})
    url = search_url(saved)
    assert "chain=1" in url and "chain_suppliers" not in url and "automaker=ford" in url
