"""The bundled sample site end to end: every article and report stored exactly once; a second
pass costs one 304 per feed, sitemap and listing and requests no article again."""

from __future__ import annotations

import json

import pytest

from monitor.demo import demo_settings
from monitor.demo.sitesrv import SAMPLE_SITE, SiteServer
from monitor.pipeline import run_pass
from storage.sources import list_sources

EXPECTED = json.loads((SAMPLE_SITE / "expected.json").read_text(encoding="utf-8"))
DOCUMENTS = {"electrive": 1, "mongabay": 1, "reuters": 3, "icct": 1, "greenwire": 1}


@pytest.fixture(scope="module")
def fetched(tmp_path_factory, extractor):
    from storage import open_db

    with SiteServer() as site:
        db = open_db(tmp_path_factory.mktemp("sample") / "sample.db")
        settings = demo_settings(site.base)
        first = {r.name: r for r in run_pass(settings, db, extractor=extractor)}
        requests_first = list(site.requests)
        site.requests.clear()
        second = {r.name: r for r in run_pass(settings, db, extractor=extractor)}
        requests_second = list(site.requests)
        before = {r[0]: r[1:] for r in db.execute("SELECT url, content_hash, story_id, version FROM articles")}
        site.version = 2  # the site updates one Mongabay article and its Atom entry's <updated>
        site.requests.clear()
        third = {r.name: r for r in run_pass(settings, db, extractor=extractor)}
        site.update_check = (before, third, list(site.requests))
        yield site, db, first, second, requests_first, requests_second


def test_the_syndicated_copy_is_one_story_with_two_sources(fetched):
    site, db, *_ = fetched
    from storage.stories import list_stories

    multi = [s for s in list_stories(db) if s.sources > 1]
    assert len(multi) == 1
    [story] = multi
    assert story.sources == 2 and story.representative.source == "mongabay"
    assert [c.source for c in story.copies] == ["greenwire"]
    # and each ICCT report is one story with the publication page that links it
    assert db.execute("SELECT count(DISTINCT story_id) FROM articles").fetchone()[0] == len(EXPECTED) - 3


def test_a_report_and_the_page_that_publishes_it_are_one_story_shown_as_the_report(fetched):
    site, db, *_ = fetched
    from storage.stories import list_stories

    reports = [e for e in EXPECTED if e["kind"] == "report"]
    assert len(reports) == 2
    by_url = {s.representative.url: s for s in list_stories(db)}
    for report in reports:
        story = by_url[site.base + report["url"]]  # the report stands for the story
        assert story.representative.kind == "report" and story.articles == 2
        [page] = story.copies
        assert page.kind == "article" and page.source == "icct" and "/publication/" in page.url
        assert page.title == story.title
    titles = [s.title for s in list_stories(db)]
    assert len(titles) == len(set(titles))  # no story shown twice under one title
    # the report's own text is searchable and tagged: a sentence only the PDF has finds it
    from storage.review import search

    hits = search(db, '"fleet of electric cars passed 12 million"').hits
    assert [h.url for h in hits] == [site.base + reports[1]["url"]]
    tagged = {r[0] for r in db.execute("SELECT t.tag_id FROM tags t JOIN articles a ON a.id = t.article_id "
                                       "WHERE a.url = ?", [site.base + reports[1]["url"]])}
    # the recycling report with the EU's recovery targets and recycled-content mandates; lithium
    # recovered by recycling is not the lithium topic (mining, refining, supply)
    assert {"battery-recycling", "ev-policy"} <= tagged and "lithium" not in tagged


def test_a_database_made_before_gets_each_report_into_its_page_story(demo_db):
    """Migration m012 on a database where reports still have stories of their own."""
    import sqlite3

    from sqlite_utils import Database

    from storage import open_db
    from storage.stories import refresh

    conn = sqlite3.connect(demo_db)
    pairs = conn.execute("SELECT r.id, r.story_id FROM articles r WHERE r.kind = 'report'").fetchall()
    for report_id, story_id in pairs:  # as before: each report alone in a story
        new = conn.execute("INSERT INTO stories (representative, title, first_seen, last_seen, stored) "
                           "SELECT id, title, published, published, fetched FROM articles WHERE id = ?",
                           [report_id]).lastrowid
        conn.execute("UPDATE articles SET story_id = ? WHERE id = ?", [new, report_id])
    for _, story_id in pairs:  # the page's story as it was: the page alone
        refresh(Database(conn), story_id)
    conn.execute("DELETE FROM _sqlite_migrations WHERE name = 'm012_reports_join_their_page'")
    conn.commit()
    before = conn.execute("SELECT count(*) FROM stories").fetchone()[0]
    conn.close()
    db = open_db(demo_db)  # the migration runs again
    assert db.execute("SELECT count(*) FROM stories").fetchone()[0] == before - len(pairs)
    for report_id, story_id in pairs:
        [(sid, rep)] = db.execute("SELECT a.story_id, s.representative FROM articles a JOIN stories s "
                                  "ON s.id = a.story_id WHERE a.id = ?", [report_id]).fetchall()
        assert rep == report_id and db.execute("SELECT count(*) FROM articles WHERE story_id = ?",
                                               [sid]).fetchone()[0] == 2


def test_an_updated_article_is_updated_in_place_and_stays_in_its_story(fetched):
    site, db, *_ = fetched
    before, third, requests = site.update_check
    assert third["mongabay"].updated == 1 and third["mongabay"].new == 0
    assert sum(r.new for r in third.values()) == 0
    changed = [(r[0], r[1:]) for r in db.execute(
        "SELECT url, content_hash, story_id, version, previous_hash FROM articles WHERE version > 1")]
    [(url, (new_hash, story_id, version, previous_hash))] = changed
    assert "kolwezi" in url and version == 2
    assert previous_hash == before[url][0] != new_hash and story_id == before[url][1]
    text = db.execute("SELECT text FROM articles WHERE url = ?", [url]).fetchone()[0]
    assert "Update, 25 November 2026" in text
    assert db.execute("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'inquiry'").fetchone()[0] == 1
    pages = [p for p, status in requests if status == 200 and p.startswith("/mongabay/2026/")]
    assert pages == ["/mongabay/2026/11/kolwezi-artisanal-cobalt-miners-face-evictions/"]


def test_every_expected_article_is_stored_exactly_once(fetched):
    site, db, first, *_ = fetched
    rows = db.execute("SELECT url, source, kind, title, published FROM articles").fetchall()
    stored = {(url.removeprefix(site.base), source, kind) for url, source, kind, _, _ in rows}
    assert len(rows) == len(stored) == len(EXPECTED)
    assert stored == {(e["url"], e["source"], e["kind"]) for e in EXPECTED}
    by_url = {url.removeprefix(site.base): (title, published) for url, _, _, title, published in rows}
    for e in EXPECTED:
        title, published = by_url[e["url"]]
        assert title == e["title"], e["url"]
        assert published and published[:10] == e["published"], e["url"]
    assert sum(r.new for r in first.values()) == len(EXPECTED)


def test_the_text_is_clean(fetched):
    _, db, *_ = fetched
    for url, text in db.execute("SELECT url, text FROM articles WHERE kind = 'article'"):
        assert len(text) > 400, url
        for boilerplate in ("cookie", "Subscribe", "newsletter", "All rights reserved"):
            assert boilerplate.lower() not in text.lower()[-300:], (url, boilerplate)


def test_teasers_and_newsletter_prompts_in_the_body_are_dropped_and_tag_nothing(fetched):
    """electrive's "Also read:" lines and Reuters' inline newsletter sign-up sit inside the
    article body; a teaser's names tagged the article (an EU CO2 story tagged Hyundai)."""
    _, db, *_ = fetched
    for url, text in db.execute("SELECT url, text FROM articles WHERE kind = 'article'"):
        for line in text.split("\n"):
            assert not line.startswith(("Also read:", "See related:")), (url, line)
            assert not ("newsletter" in line and "Sign up" in line), (url, line)

    def automakers(url_part: str) -> set[str]:
        rows = db.execute("SELECT t.tag_id FROM tags t JOIN articles a ON a.id = t.article_id "
                          "WHERE t.kind = 'automaker' AND a.url LIKE ?", (f"%{url_part}%",)).fetchall()
        return {r[0] for r in rows}

    assert automakers("eu-compromise-2030-co2-targets-cars-stellantis") >= {"bmw", "mercedes-benz", "stellantis"}
    assert "hyundai" not in automakers("eu-compromise-2030-co2-targets-cars-stellantis")
    assert "volkswagen" not in automakers("ford-low-carbon-aluminium-quebec-f-150")
    # "said Eleanor Ford, a battery analyst": a person, not the automaker
    assert automakers("byd-opens-battery-recycling-plant-in-hungary") == {"byd"}


def test_reports_keep_the_page_they_came_from(fetched):
    site, db, *_ = fetched
    reports = db.execute("SELECT url, via, text FROM articles WHERE kind = 'report'").fetchall()
    assert len(reports) == sum(e["kind"] == "report" for e in EXPECTED) == 2
    for url, via, text in reports:
        assert url.endswith(".pdf") and via and "/icct/publication/" in via and len(text) > 1000


def test_tracking_parameters_and_amp_copies_do_not_duplicate(fetched):
    site, db, *_ = fetched
    aliases = [r[0] for r in db.execute("SELECT url FROM urls")]
    assert not [a for a in db.execute("SELECT url FROM articles") if "utm_" in a[0] or "/amp/" in a[0]]
    assert any("/amp/" in a for a in aliases)


def test_the_broken_feed_is_recorded_and_everything_else_succeeds(fetched):
    site, db, first, *_ = fetched
    # feedparser recovers one item from the broken feed: kept (it 404s), and the damage is recorded
    broken = first["broken"]
    assert broken.status == "partial" and "malformed feed" in broken.warning
    assert f"{site.base}/broken/feed.xml" in broken.warning
    assert broken.failed == 1 and "HTTP 404" in broken.errors[0]
    assert all(r.status == "ok" and not r.failed for n, r in first.items() if n != "broken"), first
    health = {s.name: s for s in list_sources(db)}
    assert "malformed feed" in health["broken"].last_error and health["broken"].error_count == 1
    assert health["electrive"].last_error is None


def test_second_pass_gets_304s_and_requests_no_article(fetched):
    site, db, first, second, requests_first, requests_second = fetched
    assert second["broken"].status == "unchanged"  # 304 too: its damage was recorded on the first pass
    for name, documents in DOCUMENTS.items():
        assert second[name].status == "unchanged", second[name]
        assert (second[name].unchanged, second[name].documents) == (documents, documents), name
        assert second[name].new == 0
    assert all(status == 304 for path, status in requests_second
               if path not in ("/robots.txt", "/broken/feed.xml")), requests_second
    assert len(requests_second) == sum(DOCUMENTS.values()) + 2  # + robots.txt and the broken feed
    total_first = sum(r.bytes for r in first.values())
    total_second = sum(r.bytes for r in second.values())
    assert total_second < total_first / 20
    print(f"bytes: first pass {total_first:,}, second pass {total_second:,}")
