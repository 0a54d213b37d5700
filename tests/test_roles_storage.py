"""Tag roles and story evidence in storage/ (issue 15), on real SQLite files: one view of a story's
tags everywhere, filters and counts by subject, staff corrections that never outrank the tagger
or empty a row's evidence, and databases made before roles existed."""

from __future__ import annotations

import sqlite3

import pytest

from monitor.dedupe import content_hash
from monitor.stories import assign_story
from storage import open_db
from storage.actions import correct_tag
from storage.coverage import coverage
from storage.digests import digest_stories
from storage.export import export_articles, export_stories
from storage.review import Filters, article_view, inbox
from storage.tags import (
    StoryTag,
    TagRow,
    replace_many,
    replace_tags,
    role_counts,
    rows_of,
    stored_values,
    story_evidence,
    story_tags,
    tags_for,
)

TESLA_SENTENCE = "Tesla signed a lithium supply deal with a refiner in Texas on Monday."
FORD_SENTENCE = "Ford, GM and Toyota buy from the same refiner."
LITHIUM_SENTENCE = "The refiner will process spodumene into lithium hydroxide."


def add(db, n: int, text: str, title: str, source: str = "s", published: str = "2026-11-20") -> int:
    cur = db.execute("INSERT INTO articles (url, title, text, fetched, published, source, kind, content_hash) "
                     "VALUES (?, ?, ?, '2026-11-25T00:00:00Z', ?, ?, 'article', ?)",
                     [f"https://{source}.example/{n}", title, text, published, source, content_hash(text + title)])
    assign_story(db, cur.lastrowid, text, content_hash(text + title))
    return cur.lastrowid


def tagged(db, n: int, title: str = "Tesla's lithium deal", *, source: str = "s", text: str | None = None) -> int:
    """An article about Tesla that mentions Ford in passing, with a lithium topic."""
    text = text or f"{TESLA_SENTENCE} {LITHIUM_SENTENCE} {FORD_SENTENCE} Story number {n} of the test."
    article_id = add(db, n, text, title, source)
    replace_tags(db, article_id, [
        TagRow("automaker", "tesla", "Tesla", TESLA_SENTENCE, 3, 0.7, ("Tesla",), role="subject"),
        TagRow("automaker", "ford", "Ford", FORD_SENTENCE, 1, 0.2, ("Ford",), role="mention"),
        TagRow("topic", "lithium", "Lithium", LITHIUM_SENTENCE, 2, 0.5, ("lithium",), role="subject")])
    return article_id


def story(db, article_id: int) -> int:
    return db.execute("SELECT story_id FROM articles WHERE id = ?", [article_id]).fetchone()[0]


def test_roles_are_stored_and_subjects_come_first(db):
    article_id = tagged(db, 1)
    rows = tags_for(db, article_id)
    assert [(t.tag_id, t.role) for t in rows if t.kind == "automaker"] == [("tesla", "subject"), ("ford", "mention")]
    tags = story_tags(db, [story(db, article_id)])[story(db, article_id)]
    assert [t.tag_id for t in tags] == ["tesla", "lithium", "ford"]
    assert tags[0].as_dict()["role"] == "subject" and tags[-1].as_dict()["id"] == "ford"


def test_automaker_filter_takes_subjects_unless_mentions_are_asked_for(db):
    tagged(db, 1)
    about_ford = tagged(db, 2, "Ford's lithium deal", text="Ford signed a deal. " + LITHIUM_SENTENCE)
    correct_tag(db, about_ford, "automaker", "ford", "role", "maria", role="subject")
    correct_tag(db, about_ford, "automaker", "tesla", "remove", "maria")
    ford = inbox(db, Filters(automaker="ford", status=None)).stories
    assert [s.article_id for s in ford] == [about_ford]
    both = inbox(db, Filters(automaker="ford", status=None, mentions=True)).stories
    assert len(both) == 2
    assert role_counts(db, "automaker")["ford"] == (1, 1)
    assert role_counts(db, "automaker")["tesla"] == (1, 0)
    cov = coverage(db, "automaker", "ford")
    assert (cov.about, cov.mentioning) == (1, 1) and len(cov.latest) == 1
    assert len(coverage(db, "automaker", "ford", mentions=True).latest) == 2


def test_the_row_shows_the_filtered_tags_evidence(db):
    tagged(db, 1)
    plain = inbox(db, Filters(status=None)).stories[0]
    assert plain.evidence == TESLA_SENTENCE and plain.evidence_tag == "Tesla"
    ford = inbox(db, Filters(status=None, automaker="ford", mentions=True)).stories[0]
    assert ford.evidence == FORD_SENTENCE and ford.evidence_tag == "Ford"
    lithium = inbox(db, Filters(status=None, topic="lithium")).stories[0]
    assert lithium.evidence == LITHIUM_SENTENCE


def test_evidence_is_never_the_headline_again_when_the_body_proves_a_tag():
    tags = (StoryTag("automaker", "tesla", "Tesla", "Tesla's lithium deal", 0.9, role="subject"),
            StoryTag("topic", "lithium", "Lithium", LITHIUM_SENTENCE, 0.4))
    assert story_evidence(tags, "Tesla's  lithium deal").evidence == LITHIUM_SENTENCE
    assert story_evidence(tags[:1], "Tesla's lithium deal").evidence == "Tesla's lithium deal"  # all there is
    assert story_evidence((), "x") is None


def test_the_row_shows_the_sentence_that_proves_most_of_what_the_story_is_about():
    lead = "Kia and Nissan have joined the call for a moratorium on deep-sea mining."
    tags = (StoryTag("topic", "deep-sea-mining", "Deep-sea mining", "The pressure from miners is growing.", 0.8,
                     role="subject"),
            StoryTag("automaker", "kia", "Kia", lead, 0.6, role="subject"),
            StoryTag("automaker", "nissan", "Nissan", lead, 0.6, role="subject"),
            StoryTag("automaker", "bmw", "BMW", "BMW signed earlier.", 0.2))
    assert story_evidence(tags, "Kia and Nissan join call").evidence == lead
    assert story_evidence(tags, "t", prefer=("automaker", "bmw")).evidence == "BMW signed earlier."


def test_one_evidence_per_story_and_tag_whichever_copy_carries_it(db):
    first = tagged(db, 1, source="a")
    copy = tagged(db, 1, source="b")  # the same text: a copy in the same story
    assert story(db, first) == story(db, copy)
    db.execute("UPDATE tags SET evidence = 'A different sentence of the copy.' WHERE article_id = ?", [copy])
    rep = db.execute("SELECT representative FROM stories WHERE id = ?", [story(db, first)]).fetchone()[0]
    rep_evidence = db.execute("SELECT evidence FROM tags WHERE article_id = ? AND tag_id = 'tesla'", [rep]).fetchone()[0]
    row = inbox(db, Filters(status=None)).stories[0]
    digest_story = digest_stories(db, [story(db, first)])[0]
    assert row.evidence == rep_evidence
    assert story_evidence(digest_story.tags, digest_story.title).evidence == row.evidence
    for article_id in (first, copy):
        view = article_view(db, article_id)
        assert story_evidence(view.story_tags, view.title).evidence == row.evidence
    exported = export_stories(db, Filters(status=None))[0]
    assert exported["evidence"] == row.evidence and exported["subjects"] == ["tesla", "lithium"]


def test_a_tag_staff_add_is_a_mention_without_evidence_and_never_empties_the_line(db):
    article_id = tagged(db, 1)
    correct_tag(db, article_id, "automaker", "bmw", "add", "maria", "BMW")
    row = inbox(db, Filters(status=None)).stories[0]
    assert row.evidence == TESLA_SENTENCE
    assert [c.id for c in row.automakers] == ["tesla", "ford", "bmw"]
    bmw = next(c for c in row.automakers if c.id == "bmw")
    assert (bmw.role, bmw.salience, bmw.evidence, bmw.origin) == ("mention", 0.0, None, "staff")
    # under its own filter, with no sentence of its own, the row keeps another tag's evidence
    under = inbox(db, Filters(status=None, automaker="bmw", mentions=True)).stories[0]
    assert under.evidence == TESLA_SENTENCE
    # removing the tag whose evidence was shown moves the line to the next tag, never empties it
    correct_tag(db, article_id, "automaker", "tesla", "remove", "maria")
    assert inbox(db, Filters(status=None)).stories[0].evidence == LITHIUM_SENTENCE


def test_a_tag_staff_add_as_subject_with_a_picked_sentence(db):
    article_id = tagged(db, 1)
    correct_tag(db, article_id, "automaker", "gm", "add", "maria", "General Motors", role="subject",
                evidence="Ford, GM and  Toyota buy from the same refiner.")
    row = inbox(db, Filters(status=None, automaker="gm")).stories[0]
    gm = next(c for c in row.automakers if c.id == "gm")
    assert gm.role == "subject" and gm.evidence == FORD_SENTENCE and row.evidence == FORD_SENTENCE
    with pytest.raises(ValueError, match="sentence of the article"):
        correct_tag(db, article_id, "automaker", "kia", "add", "maria", "Kia", evidence="Kia made this up.")
    assert not [t for t in tags_for(db, article_id) if t.tag_id == "kia"]  # nothing half-done
    with pytest.raises(ValueError, match="role"):
        correct_tag(db, article_id, "automaker", "kia", "add", "maria", role="owner")


def test_a_role_staff_set_survives_retagging(db):
    article_id = tagged(db, 1)
    correct_tag(db, article_id, "automaker", "tesla", "role", "maria", role="mention")
    replace_tags(db, article_id, [TagRow("automaker", "tesla", "Tesla", TESLA_SENTENCE, 3, 0.7, role="subject")])
    assert [(t.tag_id, t.role) for t in tags_for(db, article_id)] == [("tesla", "mention")]
    view = article_view(db, article_id)
    assert [(c.action, c.role) for c in view.corrections] == [("role", "mention")]
    with pytest.raises(ValueError, match="no automaker tag"):
        correct_tag(db, article_id, "automaker", "nio", "role", "maria", role="subject")


def test_retag_writes_a_batch_with_corrected_and_uncorrected_articles_alike(db):
    """replace_many writes the articles staff never touched with a plain insert and the corrected
    ones through their corrections: in one batch, each gets what replace_tags would give it."""
    plain, corrected = tagged(db, 1), tagged(db, 2)
    correct_tag(db, corrected, "automaker", "ford", "remove", "maria")
    correct_tag(db, corrected, "automaker", "tesla", "role", "maria", role="mention")
    correct_tag(db, corrected, "automaker", "kia", "add", "maria", "Kia", evidence=FORD_SENTENCE)
    rows = [TagRow("automaker", "tesla", "Tesla", TESLA_SENTENCE, 3, 0.7, ("Tesla", "Tesla's"), role="subject"),
            TagRow("automaker", "ford", "Ford", FORD_SENTENCE, 1, 0.2, ("Ford",), role="mention"),
            TagRow("topic", "lithium", "Lithium", LITHIUM_SENTENCE, 2, 0.5, ("lithium hydroxide",), role="subject")]
    replace_many(db, [(plain, rows), (corrected, rows)])
    assert [(t.tag_id, t.role, t.origin, t.matched) for t in tags_for(db, plain)] == [
        ("tesla", "subject", "tagger", ("Tesla", "Tesla's")), ("ford", "mention", "tagger", ("Ford",)),
        ("lithium", "subject", "tagger", ("lithium hydroxide",))]
    assert {(t.tag_id, t.role, t.origin) for t in tags_for(db, corrected)} == {
        ("tesla", "mention", "tagger"), ("kia", "mention", "staff"), ("lithium", "subject", "tagger")}
    replace_many(db, [])  # nothing to write is no error


def test_retags_stored_values_are_the_rows_replace_tags_writes(db, tagger):
    """What retag's workers send back (stored_values) is stored exactly as the tagger's rows are."""
    tags = tagger.tag("Tesla signed a lithium supply deal with Albemarle; Ford’s plant in Cologne runs on "
                      "wind power, and CATL supplies its cells.", "Tesla’s lithium deal")
    assert tags.automakers and tags.topics
    by_values, by_rows = add(db, 1, "a", "a"), add(db, 2, "b", "b")
    replace_many(db, [(by_values, stored_values(tags))], prepared=True)
    replace_tags(db, by_rows, rows_of(tags))
    assert tags_for(db, by_values) == tags_for(db, by_rows) != []


def test_export_articles_carries_roles_and_the_same_evidence_rule(db):
    tagged(db, 1)
    row = export_articles(db, Filters(status=None, automaker="ford", mentions=True))[0]
    assert row["subjects"] == ["tesla", "lithium"]
    assert {t["id"]: t["role"] for t in row["tags"]} == {"tesla": "subject", "lithium": "subject", "ford": "mention"}
    assert row["evidence"] == FORD_SENTENCE  # the filtered tag's, as on the inbox


def test_a_database_from_before_roles_gets_provisional_ones(tmp_path):
    """Migration m014 on a database whose tags have no role: each article's most salient tagger
    tag of each kind becomes its subject; a tag staff added stops outranking the tagger."""
    from storage.migrations import migrations

    path = tmp_path / "old.db"
    db = open_db(path)
    article_id = add(db, 1, "Tesla and Ford. " + LITHIUM_SENTENCE, "t")
    db.close()
    raw = sqlite3.connect(path)
    raw.executescript("""
        DROP INDEX idx_tags_kind_tag_role;
        ALTER TABLE tags DROP COLUMN role;
        DROP TABLE tag_corrections;
        CREATE TABLE tag_corrections (article_id INTEGER NOT NULL, kind TEXT NOT NULL, tag_id TEXT NOT NULL,
            action TEXT NOT NULL CHECK (action IN ('add', 'remove')), by TEXT, at TEXT NOT NULL,
            PRIMARY KEY (article_id, kind, tag_id));
        DELETE FROM _sqlite_migrations WHERE name = 'm014_tag_roles';
    """)
    raw.executemany("INSERT INTO tags (article_id, kind, tag_id, name, evidence, mentions, salience, matched, origin) "
                    "VALUES (?, ?, ?, ?, ?, 1, ?, '[]', ?)",
                    [(article_id, "automaker", "tesla", "Tesla", "Tesla and Ford.", 0.6, "tagger"),
                     (article_id, "automaker", "ford", "Ford", "Tesla and Ford.", 0.2, "tagger"),
                     (article_id, "automaker", "bmw", "BMW", None, 1.0, "staff"),
                     (article_id, "topic", "lithium", "Lithium", LITHIUM_SENTENCE, 0.2, "tagger")])
    raw.execute("INSERT INTO tag_corrections VALUES (?, 'automaker', 'bmw', 'add', 'maria', '2026-11-01T00:00:00Z')",
                [article_id])
    raw.commit()
    raw.close()
    db = open_db(path)
    assert migrations.pending(db) == []
    roles = {t.tag_id: (t.role, t.salience) for t in tags_for(db, article_id)}
    assert roles == {"tesla": ("subject", 0.6), "ford": ("mention", 0.2), "bmw": ("mention", 0.0),
                     "lithium": ("mention", 0.2)}  # 0.2: one passing mention is no subject
    assert [(c.action, c.role) for c in article_view(db, article_id).corrections] == [("add", "mention")]
    db.close()
