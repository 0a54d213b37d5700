"""Stories: exact and near duplicates grouped, different articles kept apart, the index on disk."""

from __future__ import annotations

import json

from click.testing import CliRunner

from monitor.cli import main
from monitor.dedupe import content_hash, looks_like_copy, same_story, signature
from monitor.stories import assign_story
from storage import open_db
from storage.stories import list_stories

BODY = ("Tesla has started production at its lithium refinery near Corpus Christi, Texas, the first "
        "plant of its kind in North America, the company said on Monday. The refinery will turn "
        "spodumene concentrate into battery-grade lithium hydroxide for about one million vehicles a "
        "year. Environmental groups have raised concerns about the site's water use and waste, and "
        "local residents asked the state regulator for a public hearing on its permit. Tesla said the "
        "process uses fewer hazardous chemicals than conventional refining and produces sand and "
        "limestone as by-products that can be sold to the construction industry. Analysts expect the "
        "plant to reach full capacity within two years, depending on the supply of concentrate from "
        "mines in Australia and North Carolina.")
OTHER = ("Tesla's lithium plans in Texas drew a different response in Austin, where lawmakers debated "
         "a bill on water rights for new industrial users. The bill would require refiners and "
         "chemical plants to report their monthly groundwater use and to publish drought plans. "
         "Tesla did not testify. Ranchers from Nueces County told the committee that wells had "
         "dropped by several feet in two years and asked for limits on new permits during droughts.")


def add(db, n: int, text: str, source: str, published: str = "2026-11-02") -> int:
    cur = db.execute("INSERT INTO articles (url, title, text, fetched, published, source, kind, content_hash) "
                     "VALUES (?, ?, ?, '2026-11-25T00:00:00Z', ?, ?, 'article', ?)",
                     [f"https://{source}.example/{n}", f"title {n}", text, published, source, content_hash(text)])
    article_id = cur.lastrowid
    assign_story(db, article_id, text, content_hash(text))
    return article_id


def story_of(db, article_id: int) -> int:
    return db.execute("SELECT story_id FROM articles WHERE id = ?", [article_id]).fetchone()[0]


def test_exact_and_syndicated_copies_join_and_the_original_represents_them(db):
    original = add(db, 1, BODY, "electrive", "2026-11-02")
    copy = add(db, 2, "This article was originally published by electrive.\n\n" + BODY +
               "\n\nSubscribe to our newsletter.", "greenwire", "2026-11-01")  # dated earlier, still a copy
    same_text = add(db, 3, BODY.replace(" ", "  "), "mirror")  # same normalised text
    other = add(db, 4, OTHER, "texas-tribune")
    assert story_of(db, original) == story_of(db, copy) == story_of(db, same_text) != story_of(db, other)
    [story] = [s for s in list_stories(db) if s.articles > 1]
    assert story.representative.id == original and story.sources == 3
    assert {c.source for c in story.copies} == {"greenwire", "mirror"}
    assert story.first_seen.startswith("2026-11-01")


def test_short_texts_do_not_glue_unrelated_items(db):
    a = add(db, 1, "BMW said it would buy green steel. The company said in a statement.", "a")
    b = add(db, 2, "Kia said it would buy green steel. The company said in a statement.", "b")
    c = add(db, 3, "BMW said it would buy green steel. The company said in a statement.", "c")
    assert story_of(db, a) != story_of(db, b)
    assert story_of(db, a) == story_of(db, c)  # identical text: one story
    assert not same_story(signature("A short note on steel."), signature("A short note on steel prices."), 0.5)


def test_the_index_survives_a_restart(tmp_path):
    path = tmp_path / "s.db"
    db = open_db(path)
    first = add(db, 1, BODY, "electrive")
    db.close()
    db = open_db(path)  # a new process: nothing in memory
    later = add(db, 2, BODY + "\n\nUpdate: Tesla said the plant reached 20% of capacity.", "reuters")
    assert story_of(db, first) == story_of(db, later)


def test_copy_markers():
    assert looks_like_copy("This story was first published by Mongabay and is republished here.")
    assert not looks_like_copy(BODY)


def test_cli_stories_and_articles_one_row_per_story(tmp_path):
    path = tmp_path / "c.db"
    db = open_db(path)
    add(db, 1, BODY, "electrive")
    add(db, 2, "Republished from electrive. " + BODY, "greenwire", "2026-11-03")
    add(db, 3, OTHER, "texas-tribune")
    stories = json.loads(CliRunner().invoke(main, ["stories", "--db", str(path), "--json"]).output)
    assert len(stories) == 2
    grouped = next(s for s in stories if s["sources"] == 2)
    assert grouped["representative"]["source"] == "electrive" and grouped["copies"][0]["source"] == "greenwire"
    assert {"id", "title", "first_seen", "last_seen", "articles", "sources"} <= set(grouped)
    rows = json.loads(CliRunner().invoke(main, ["articles", "--db", str(path), "--json"]).output)
    assert len(rows) == 2
    assert next(r for r in rows if r["source"] == "electrive")["also_in"] == ["greenwire"]
    every = json.loads(CliRunner().invoke(main, ["articles", "--db", str(path), "--json", "--all"]).output)
    assert len(every) == 3
