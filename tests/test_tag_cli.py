"""`chargewatch tag` and `chargewatch retag`, and tags stored with new articles."""

from __future__ import annotations

import json
import subprocess
import sys

from click.testing import CliRunner

from monitor.cli import main
from monitor.demo.sitesrv import SiteServer
from monitor.pipeline import run_pass
from monitor.retag import retag
from storage.tags import tags_for
from tests.helpers import ROOT, make_settings


def test_tag_prints_one_json_object_per_input(tmp_path):
    a = tmp_path / "a.txt"
    a.write_text("BMW will buy low-carbon aluminium for the iX3 from a smelter in Norway.", encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    result = CliRunner().invoke(main, ["tag", str(a), str(empty)])
    assert result.exit_code == 0
    first, second = [json.loads(line) for line in result.output.splitlines()]
    [bmw] = first["automakers"]
    assert {"id", "name", "brands", "evidence", "mentions", "salience"} <= set(bmw)
    assert bmw["id"] == "bmw" and bmw["brands"] == ["BMW"] and bmw["role"] == "subject"
    assert [t["id"] for t in first["topics"]] == ["aluminium"]
    assert {"id", "name", "evidence", "mentions", "salience", "role"} <= set(first["topics"][0])
    assert first["topics"][0]["role"] == "subject"
    assert second == {"automakers": [], "topics": [], "suppliers": [], "supply_chain": []}


def test_tag_reads_a_headline_line_as_the_title_so_evidence_comes_from_the_body(tmp_path):
    """A text file that starts with its headline (a short line of its own, no final full stop,
    then a blank line) is tagged as an article with that title: before, the headline was the
    lead's first sentence and the evidence of every tag it named."""
    article = tmp_path / "article.txt"
    article.write_text("Honda and Nissan end merger talks\n\nHonda Motor Co. and Nissan Motor Co. decided on "
                       "Thursday to end their merger talks. Mitsubishi Motors will keep its independence.\n",
                       encoding="utf-8")
    plain = tmp_path / "plain.txt"  # a first line that ends a sentence is the body's
    plain.write_text("Honda and Nissan ended their merger talks.\n\nMitsubishi Motors will keep its "
                     "independence.\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["tag", str(article), str(plain)])
    assert result.exit_code == 0, result.output
    titled, untitled = [json.loads(line) for line in result.output.splitlines()]
    roles = {a["id"]: a["role"] for a in titled["automakers"]}
    assert roles == {"honda": "subject", "nissan": "subject", "mitsubishi": "mention"}
    honda = next(a for a in titled["automakers"] if a["id"] == "honda")
    assert honda["evidence"].startswith("Honda Motor Co. and Nissan Motor Co. decided")
    honda = next(a for a in untitled["automakers"] if a["id"] == "honda")
    assert honda["evidence"] == "Honda and Nissan ended their merger talks."


def test_leading_title_takes_only_a_headline_line():
    from nlp.sentences import leading_title

    assert leading_title("Tesla recalls Model Y\n\nTesla said on Monday.") == ("Tesla recalls Model Y",
                                                                          "Tesla said on Monday.")
    assert leading_title("  “Ford to cut jobs”\r\n \r\nFord said.") == ("“Ford to cut jobs”", "Ford said.")
    for text in ("Tesla recalls Model Y", "Tesla recalls Model Y\nTesla said.", "Tesla recalled cars.\n\nIt said.",
                 "tesla recalls\n\nIt said.", "Tesla recalls Model Y\n\n  ", "Who: Tesla;\n\nIt said.",
                 " ".join(["Word"] * 26) + "\n\nBody."):
        assert leading_title(text) is None, text


def test_tag_reads_standard_input_and_refuses_binary_without_a_traceback(tmp_path):
    proc = subprocess.run([sys.executable, "-m", "monitor.cli", "tag"], input="Kia cuts cobalt from its batteries.",
                          capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 0 and json.loads(proc.stdout)["automakers"][0]["id"] == "kia"
    binary = tmp_path / "x.bin"
    binary.write_bytes(bytes(range(256)) * 40)
    proc = subprocess.run([sys.executable, "-m", "monitor.cli", "tag", str(binary)], capture_output=True,
                          text=True, cwd=ROOT)
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    assert "x.bin: binary input" in proc.stderr
    assert json.loads(proc.stdout)["automakers"] == []


def test_articles_are_tagged_when_stored_and_retag_keeps_corrections(tmp_path, db, extractor):
    page = ("<html><head><title>t</title></head><body><article><h1>Volvo Cars buys fossil-free steel</h1>"
            + "<p>Volvo Cars will buy fossil-free steel made with hydrogen from SSAB for the EX30 and EX90, "
              "the Swedish carmaker said on Tuesday, cutting emissions from its supply chain.</p>" * 4
            + "</article></body></html>").encode()
    feed = b"<rss version='2.0'><channel><item><title>V</title><link>/a.html</link></item></channel></rss>"
    with SiteServer(tmp_path, pages={"/feed.xml": ("application/rss+xml", feed),
                                     "/a.html": ("text/html", page)}) as site:
        run_pass(make_settings(site.base, "  - {name: s, kind: feed, url: '{BASE}/feed.xml'}\n"), db,
                 extractor=extractor)
    [article_id] = [r[0] for r in db.execute("SELECT id FROM articles")]
    tags = {(t.kind, t.tag_id): t for t in tags_for(db, article_id)}
    assert ("automaker", "volvo-cars") in tags and ("topic", "green-steel") in tags
    assert "fossil-free steel" in tags[("topic", "green-steel")].evidence
    # a correction by staff (issue 6) survives retag; the tagger's own tags are rewritten
    db.execute("INSERT INTO tags (article_id, kind, tag_id, name, origin) VALUES (?, 'topic', 'cobalt', 'Cobalt', 'staff')",
               [article_id])
    db.execute("UPDATE tags SET evidence = 'stale' WHERE origin = 'tagger'")
    assert retag(db, processes=1) == 1
    after = {(t.kind, t.tag_id): t for t in tags_for(db, article_id)}
    assert after[("topic", "cobalt")].origin == "staff"
    assert "stale" not in {t.evidence for t in after.values()}
    assert set(after) == set(tags) | {("topic", "cobalt")}


def test_retag_command(tmp_path):
    from storage import open_db
    from storage.articles import NewArticle, save_article

    path = tmp_path / "r.db"
    db = open_db(path)
    for i in range(5):
        save_article(db, NewArticle(url=f"https://e.org/{i}", title="Nissan to recycle EV batteries",
                                    text="Nissan will recycle end-of-life EV batteries in Sunderland.",
                                    author=None, published=None, source="s", kind="article",
                                    language="en", content_hash=str(i)))
    result = CliRunner().invoke(main, ["retag", "--db", str(path), "--processes", "2"])
    assert result.exit_code == 0 and "retagged 5 articles" in result.output
    assert db.execute("SELECT count(*) FROM tags WHERE tag_id = 'battery-recycling'").fetchone()[0] == 5
