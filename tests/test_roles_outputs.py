"""Tag roles (issue 15) in what goes out of chargewatch: the digest's sections, items and counts,
post drafts and the CLI's filters, on real SQLite files. A story goes under what it is about,
never under an automaker it names in passing; a post @-mentions only the automakers a story is
about; a story shows the same evidence in the digest, a post and the inbox."""

from __future__ import annotations

import hashlib
import json

import pytest
from click.testing import CliRunner

from monitor.cli import main
from monitor.dedupe import content_hash
from monitor.outputs.digest import build_digest, make_digest, render
from monitor.outputs.posts import draft_for
from monitor.stories import assign_story
from nlp.registry import load_registry
from nlp.taxonomy import load_taxonomy
from storage import open_db
from storage.actions import correct_tag
from storage.articles import NewArticle, save_article
from storage.digests import DigestStory
from storage.review import Filters, article_view, inbox
from storage.tags import StoryTag, TagRow

pytestmark = pytest.mark.clock

SINCE = "2000-01-01T00:00:00Z"

TESLA = "Tesla signed a ten-year lithium supply deal with a refiner near Corpus Christi on Monday."
LITHIUM = "The refiner will turn spodumene concentrate into battery-grade lithium hydroxide."
FORD_IN_PASSING = "Ford, GM and Toyota already buy hydroxide from the same plant."
NICKEL = "Villagers near the Weda Bay industrial park say nickel tailings have fouled their river."
NICKEL_BUYERS = "The park's nickel ends up in batteries for Tesla, Ford, Volkswagen and Hyundai."
FORD = "Ford will recycle end-of-life EV battery packs at a new plant in Michigan from 2027."
RECYCLING = "The plant will recover cobalt, nickel and lithium from shredded battery cells."
SALES = "Honda and Toyota sold more hybrids than a year earlier, dealers said on Friday."

STORIES = {  # key: (title, source, published, sentences, tags)
    "tesla": ("Tesla signs lithium supply deal in Texas", "reuters", "2026-11-20", [TESLA, LITHIUM, FORD_IN_PASSING], [
        TagRow("automaker", "tesla", "Tesla", TESLA, 3, 0.7, ("Tesla",), role="subject"),
        TagRow("automaker", "ford", "Ford", FORD_IN_PASSING, 1, 0.2, ("Ford",), role="mention"),
        TagRow("topic", "lithium", "Lithium", LITHIUM, 2, 0.5, ("lithium",), role="subject")]),
    # four automakers named in passing, each more salient than the old 0.3 threshold and than
    # the topic the story is about: none of them may take the story, its evidence or a post
    "halmahera": ("Nickel boom leaves Halmahera villagers short of clean water", "mongabay", "2026-11-21",
                  [NICKEL, NICKEL_BUYERS], [
                      TagRow("automaker", "tesla", "Tesla", NICKEL_BUYERS, 1, 0.45, ("Tesla",)),
                      TagRow("automaker", "ford", "Ford", NICKEL_BUYERS, 1, 0.45, ("Ford",)),
                      TagRow("automaker", "volkswagen", "Volkswagen Group", NICKEL_BUYERS, 1, 0.45, ("Volkswagen",)),
                      TagRow("automaker", "hyundai", "Hyundai Motor", NICKEL_BUYERS, 1, 0.45, ("Hyundai",)),
                      TagRow("topic", "nickel", "Nickel", NICKEL, 3, 0.4, ("nickel",), role="subject")]),
    "ford": ("Ford to recycle EV batteries in Michigan", "electrive", "2026-11-22", [FORD, RECYCLING], [
        TagRow("automaker", "ford", "Ford", FORD, 2, 0.8, ("Ford",), role="subject"),
        TagRow("topic", "battery-recycling", "Battery recycling", RECYCLING, 2, 0.6, ("recycle",), role="subject")]),
    "sales": ("Hybrid sales rise again", "wire", "2026-11-23", [SALES], [
        TagRow("automaker", "honda", "Honda", SALES, 1, 0.4, ("Honda",)),
        TagRow("automaker", "toyota", "Toyota", SALES, 1, 0.4, ("Toyota",))]),
}


def store(db, key: str, n: int, *, source: str | None = None, tags=None) -> int:
    title, default_source, published, sentences, default_tags = STORIES[key]
    text = " ".join(sentences + [f"Paragraph {i} of the {key} story adds detail number {i * 13}." for i in range(8)])
    source = source or default_source
    article = NewArticle(url=f"https://{source}.example/{key}/{n}", title=title, text=text, author=None,
                         published=published, source=source, kind="article", language="en",
                         content_hash=content_hash(text))
    with db.atomic():
        article_id, _ = save_article(db, article, tags=default_tags if tags is None else tags)
        assign_story(db, article_id, text, article.content_hash)
    return article_id


@pytest.fixture
def roles_db(tmp_path, clock):
    """Four stories: about Tesla (Ford in passing), about nickel (four automakers in passing),
    about Ford, and one that only names Honda and Toyota. Returns (path, {key: article id})."""
    path = tmp_path / "roles.db"
    db = open_db(path)
    ids = {key: store(db, key, n) for n, key in enumerate(STORIES)}
    db.close()
    clock.advance(minutes=5)  # a digest takes what was stored before its "now"
    return path, ids


def story_of(db, article_id: int) -> int:
    return db.execute("SELECT story_id FROM articles WHERE id = ?", [article_id]).fetchone()[0]


def items_by_story(digest) -> dict[int, tuple[str, object]]:
    return {i.story.id: (sec.key, i) for sec in digest.sections for i in sec.items}


def test_digest_puts_each_story_under_what_it_is_about(roles_db):
    path, ids = roles_db
    db = open_db(path)
    stories = {key: story_of(db, article_id) for key, article_id in ids.items()}
    assert len(set(stories.values())) == 4
    _, digest, _ = make_digest(db, since=SINCE)
    placed = items_by_story(digest)
    assert placed[stories["tesla"]][0] == "automaker:tesla"
    assert placed[stories["ford"]][0] == "automaker:ford"
    ford = next(sec for sec in digest.sections if sec.key == "automaker:ford")
    assert [i.story.id for i in ford.items] == [stories["ford"]]  # not the Tesla story that mentions Ford
    assert placed[stories["halmahera"]][0] == "topic:nickel"  # four automakers in passing: none takes it
    assert placed[stories["sales"]][0] == "other"  # automakers in passing and no topic
    assert {sec.key for sec in digest.sections} == {"automaker:tesla", "automaker:ford", "topic:nickel", "other"}

    # a passing mention never lifts a story: the nickel story scores its topic alone
    halmahera = placed[stories["halmahera"]][1]
    assert halmahera.score == 0.4 and halmahera.score < placed[stories["tesla"]][1].score

    # staff say the nickel story is about Tesla after all: it moves to Tesla's section
    correct_tag(db, ids["halmahera"], "automaker", "tesla", "role", "maria", role="subject")
    _, again, _ = make_digest(db, since=SINCE)
    assert items_by_story(again)[stories["halmahera"]][0] == "automaker:tesla"


def test_digest_items_show_subjects_and_mentions_apart_in_every_format(roles_db):
    path, _ = roles_db
    _, digest, out = make_digest(open_db(path), since=SINCE)
    tesla = next(i for sec in digest.sections for i in sec.items if i.story.title.startswith("Tesla"))
    assert tesla.subjects == ("Tesla", "Lithium") and tesla.mentions == ("Ford",)
    nickel = next(i for sec in digest.sections for i in sec.items if i.story.title.startswith("Nickel"))
    assert nickel.subjects == ("Nickel",)
    assert set(nickel.mentions) == {"Tesla", "Ford", "Volkswagen Group", "Hyundai Motor"}
    assert "reuters | 2026-11-20 | Tesla, Lithium | also mentions: Ford\n" in out["text"]
    assert "reuters · 2026-11-20 · Tesla, Lithium · also mentions: Ford  \n" in out["md"]
    assert "reuters · 2026-11-20 · Tesla, Lithium · also mentions: Ford</span>" in out["html"]
    # no subject at all: what it names, without an "also"
    assert "wire | 2026-11-23 | mentions: Honda, Toyota\n" in out["text"]
    assert "wire · 2026-11-23 · mentions: Honda, Toyota  \n" in out["md"]
    assert "wire · 2026-11-23 · mentions: Honda, Toyota</span>" in out["html"]


def test_digest_counts_stories_about_each_tag_with_the_mentions_beside(roles_db):
    path, _ = roles_db
    _, digest, out = make_digest(open_db(path), since=SINCE)
    counts = {name: (about, passing) for name, about, passing in digest.automaker_counts}
    assert counts == {"Ford": (1, 2), "Tesla": (1, 1), "Volkswagen Group": (0, 1), "Hyundai Motor": (0, 1),
                      "Honda": (0, 1), "Toyota": (0, 1)}
    assert [c[0] for c in digest.automaker_counts][:2] == ["Ford", "Tesla"]  # most stories about it first
    topics = {name: (about, passing) for name, about, passing in digest.topic_counts}
    assert topics == {"Lithium": (1, 0), "Nickel": (1, 0), "Battery recycling": (1, 0)}
    for fmt in ("text", "md", "html"):
        assert "Ford: 1 about, 2 mentioning; Tesla: 1 about, 1 mentioning" in out[fmt], fmt
        assert "Volkswagen Group: 0 about, 1 mentioning" in out[fmt] and "Lithium: 1 about" in out[fmt], fmt
    # the subject line counts subjects only: Ford is the subject of one story, named in three
    assert digest.subject.endswith(": 4 stories (Ford 1, Tesla 1, Battery recycling 1, Lithium 1)")
    assert "Volkswagen" not in digest.subject and "Ford 3" not in digest.subject


def test_digest_evidence_is_the_inbox_rows(roles_db):
    path, _ = roles_db
    db = open_db(path)
    _, digest, _ = make_digest(db, since=SINCE)
    rows = {s.id: s for s in inbox(db, Filters(status=None)).stories}
    items = [i for sec in digest.sections for i in sec.items]
    assert len(items) == len(rows) == 4
    for item in items:
        row = rows[item.story.id]
        assert (item.evidence, item.evidence_tag) == (row.evidence, row.evidence_tag), item.story.title
    nickel = next(i for i in items if i.story.title.startswith("Nickel"))
    assert (nickel.evidence_tag, nickel.evidence) == ("Nickel", NICKEL)  # its subject's, not the stronger mention's


def test_digest_sections_take_a_ranked_subject_first_and_never_a_mention():
    def story(sid: int, *tags: StoryTag) -> DigestStory:
        return DigestStory(sid, f"story {sid}", "2026-11-20", sid, f"https://e.org/{sid}", "s", "article", (), 1,
                           tags)

    both = story(1, StoryTag("automaker", "rivian", "Rivian", "Rivian x.", 0.9, role="subject"),
                 StoryTag("automaker", "gm", "General Motors", "GM x.", 0.3, role="subject"))
    passing = story(2, StoryTag("automaker", "tesla", "Tesla", "Tesla x.", 0.9),
                    StoryTag("topic", "cobalt", "Cobalt", "Cobalt x.", 0.1),
                    StoryTag("topic", "nickel", "Nickel", "Nickel x.", 0.2))
    topic = story(3, StoryTag("topic", "cobalt", "Cobalt", "Cobalt y.", 0.1, role="subject"),
                  StoryTag("topic", "nickel", "Nickel", "Nickel y.", 0.9))
    digest = build_digest([both, passing, topic], since="2026-11-19T00:00:00Z", until="2026-11-20T00:00:00Z",
                          ranked={"gm", "tesla"})
    placed = {i.story.id: sec.key for sec in digest.sections for i in sec.items}
    assert placed == {1: "automaker:gm", 2: "topic:nickel", 3: "topic:cobalt"}
    for fmt in ("html", "md", "text"):
        assert "Rivian: 1 about" in render(digest, fmt)


def test_post_mentions_only_the_automakers_a_story_is_about(roles_db):
    path, ids = roles_db
    db = open_db(path)
    registry, topics = load_registry(), load_taxonomy()
    tesla = draft_for(article_view(db, ids["tesla"]), "x", registry=registry, topics=topics)
    assert tesla.mentions == ("@Tesla",) and "@Ford" not in tesla.text
    assert tesla.hashtags[0] == "#Lithium"  # the topic it is about first
    # Halmahera: four automakers in passing, none singled out
    nickel = draft_for(article_view(db, ids["halmahera"]), "x", registry=registry, topics=topics)
    assert nickel.mentions == () and "@" not in nickel.text and nickel.hashtags == ("#Nickel",)
    assert draft_for(article_view(db, ids["sales"]), "x", registry=registry, topics=topics).mentions == ()
    ford = draft_for(article_view(db, ids["ford"]), "x", registry=registry, topics=topics)
    assert ford.mentions == ("@Ford",)


def test_post_evidence_is_the_inbox_rows_and_a_copy_speaks_for_its_story(roles_db):
    path, ids = roles_db
    db = open_db(path)
    # a syndicated copy whose own tags only name Tesla in passing: its story is about Tesla
    copy = store(db, "tesla", 9, source="wire", tags=[TagRow("automaker", "tesla", "Tesla", TESLA, 1, 0.3)])
    assert story_of(db, copy) == story_of(db, ids["tesla"])
    rows = {s.id: s for s in inbox(db, Filters(status=None)).stories}
    registry, topics = load_registry(), load_taxonomy()
    for article_id in (*ids.values(), copy):
        view = article_view(db, article_id)
        draft = draft_for(view, "linkedin", registry=registry, topics=topics, use="evidence")
        assert draft.text.split("\n\n")[0] == rows[view.story_id].evidence, view.title
    drafted = draft_for(article_view(db, copy), "x", registry=registry, topics=topics)
    assert drafted.mentions == ("@Tesla",) and drafted.hashtags[0] == "#Lithium"


def _export_ids(path, *args) -> set[int]:
    result = CliRunner().invoke(main, ["export", "--db", str(path), "--format", "jsonl", *args])
    assert result.exit_code == 0, result.output
    return {json.loads(line)["story_id"] for line in result.output.splitlines()}


def test_cli_mentions_option_widens_a_filtered_listing(roles_db):
    path, ids = roles_db
    db = open_db(path)
    stories = {key: story_of(db, article_id) for key, article_id in ids.items()}
    db.close()
    assert _export_ids(path, "--automaker", "ford") == {stories["ford"]}
    assert _export_ids(path, "--automaker", "ford", "--mentions") == {stories[k] for k in ("tesla", "halmahera", "ford")}
    assert _export_ids(path, "--automaker", "volkswagen") == set()
    assert _export_ids(path, "--automaker", "volkswagen", "--mentions") == {stories["halmahera"]}
    assert _export_ids(path, "--topic", "nickel", "--mentions") == _export_ids(path, "--topic", "nickel") \
        == {stories["halmahera"]}
    result = CliRunner().invoke(main, ["export", "--db", str(path), "--format", "csv", "--automaker", "ford",
                                       "--mentions", "--per", "article"])
    assert result.exit_code == 0 and result.output.count("\n") == 4  # a header and three articles
    assert "--mentions" in CliRunner().invoke(main, ["export", "--help"]).output


def test_cli_tags_counts_about_and_mentioning_without_writing(roles_db):
    path, _ = roles_db
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    result = CliRunner().invoke(main, ["tags", "--counts", "--json", "--db", str(path)])
    assert result.exit_code == 0, result.output
    listed = json.loads(result.output)
    automakers = {a["id"]: (a["about"], a["mentioning"]) for a in listed["automakers"]}
    assert automakers["ford"] == (1, 2) and automakers["tesla"] == (1, 1) and automakers["volkswagen"] == (0, 1)
    assert automakers["bmw"] == (0, 0)
    assert {t["id"]: t["about"] for t in listed["topics"]}["nickel"] == 1
    table = CliRunner().invoke(main, ["tags", "--counts", "--db", str(path)])
    assert table.exit_code == 0 and "about" in table.output and "mentioning" in table.output
    later = CliRunner().invoke(main, ["tags", "--counts", "--json", "--since", "2026-11-22", "--db", str(path)])
    assert {a["id"]: a["about"] for a in json.loads(later.output)["automakers"]}["tesla"] == 0
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before
    plain = json.loads(CliRunner().invoke(main, ["tags", "--json"]).output)  # no database read: as before
    assert set(plain["automakers"][0]) == {"id", "name", "ranked"}
    wrong = CliRunner().invoke(main, ["tags", "--since", "7d"])
    assert wrong.exit_code == 2 and "--counts" in wrong.output


def test_cli_digest_and_tag_help_speak_of_roles(roles_db):
    path, _ = roles_db
    result = CliRunner().invoke(main, ["digest", "--db", str(path), "--since", "2000-01-01"])
    assert result.exit_code == 0 and "| Tesla, Lithium | also mentions: Ford" in result.output
    assert "Ford: 1 about, 2 mentioning" in result.output
    assert "role" in CliRunner().invoke(main, ["tag", "--help"]).output
