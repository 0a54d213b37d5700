"""SIGKILL `chargewatch fetch` at random moments: the database stays consistent, no article is
half-written, and the next run completes the set."""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time


from monitor.demo.sitesrv import SAMPLE_SITE, SiteServer
from tests.helpers import ROOT

EXPECTED = json.loads((SAMPLE_SITE / "expected.json").read_text(encoding="utf-8"))
KILLS = 20


def feeds_file(tmp_path, base: str):
    text = (SAMPLE_SITE / "feeds.yaml").read_text().replace("{BASE}", base).replace("{HOSTPORT}", base[7:])
    path = tmp_path / "feeds.yaml"
    path.write_text(text)
    return path


def start_fetch(feeds, db) -> subprocess.Popen:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.Popen([sys.executable, "-m", "monitor.cli", "fetch", "--feeds", str(feeds), "--db", str(db)],
                            cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            start_new_session=True)


def kill_group(proc: subprocess.Popen) -> None:
    try:
        os.killpg(proc.pid, signal.SIGKILL)  # the command and its extraction workers
    except ProcessLookupError:
        pass
    proc.wait()


def count_articles(db) -> int:
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5) as conn:
            return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    except sqlite3.OperationalError:  # not created yet
        return 0


def check_consistent(db) -> int:
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        if not conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'articles'").fetchone():
            return 0  # killed before the schema was committed: nothing written
        conn.execute("INSERT INTO articles_fts(articles_fts, rank) VALUES ('integrity-check', 1)")
        half = conn.execute(
            "SELECT url FROM articles WHERE title IS NULL OR text IS NULL OR content_hash IS NULL "
            "OR fetched IS NULL OR url NOT IN (SELECT url FROM urls)").fetchall()
        assert half == [], f"half-written articles: {half}"
        orphans = conn.execute("SELECT url FROM items WHERE state = 'done' AND url NOT IN (SELECT url FROM urls)").fetchall()
        assert orphans == [], f"queue items marked done without an article: {orphans}"
        dupes = conn.execute("SELECT url, count(*) FROM articles GROUP BY url HAVING count(*) > 1").fetchall()
        assert dupes == []
        n = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        assert conn.execute("SELECT count(*) FROM articles_fts_docsize").fetchone()[0] == n
        # each article is in a story, signed and indexed, in the same transaction as itself
        assert conn.execute("SELECT count(*) FROM articles WHERE story_id IS NULL").fetchone()[0] == 0
        assert conn.execute("SELECT count(*) FROM signatures").fetchone()[0] == n
        assert conn.execute("SELECT count(*) FROM stories WHERE id NOT IN (SELECT story_id FROM articles)").fetchone()[0] == 0
        return n
    finally:
        conn.close()


def test_sigkill_at_random_moments_never_corrupts_and_the_next_run_completes(tmp_path):
    rng = random.Random(int(os.environ.get("CHARGEWATCH_KILL_SEED", time.time())))
    with SiteServer() as site:
        feeds = feeds_file(tmp_path, site.base)
        # How long does a whole run take here? Half the kill moments are drawn over that span.
        started = time.monotonic()
        full = start_fetch(feeds, tmp_path / "timing.db")
        assert full.wait(120) == 0, full.stderr.read().decode()
        span = time.monotonic() - started
        kills = []  # (articles stored at the kill) for each kill that landed mid-run
        trial = 0
        while len(kills) < KILLS and trial < KILLS * 3:
            db = tmp_path / f"trial{trial}.db"
            proc = start_fetch(feeds, db)
            if trial % 2 == 0:  # a random moment of the run
                try:
                    proc.wait(timeout=rng.uniform(0.0, span * 0.9))
                except subprocess.TimeoutExpired:
                    pass
            else:  # while articles are being stored: when the count reaches a random target
                target = rng.randint(1, len(EXPECTED) - 1)
                while proc.poll() is None and count_articles(db) < target:
                    try:
                        proc.wait(timeout=0.005)
                    except subprocess.TimeoutExpired:
                        pass
            trial += 1
            finished = proc.poll() is not None
            kill_group(proc)
            stored = check_consistent(db)
            if not finished:
                kills.append(stored)
            # the next run completes the set, each article once
            proc = start_fetch(feeds, db)
            assert proc.wait(120) == 0, proc.stderr.read().decode()
            assert check_consistent(db) == len(EXPECTED)
            conn = sqlite3.connect(db)
            urls = sorted(r[0].removeprefix(site.base) for r in conn.execute("SELECT url FROM articles"))
            conn.close()
            assert urls == sorted(e["url"] for e in EXPECTED)
    print(f"{len(kills)} kills mid-run in {trial} trials; articles stored at each kill: {kills}")
    assert len(kills) >= KILLS  # every one landed while the run was going
    assert sum(0 < n < len(EXPECTED) for n in kills) >= 8  # many while articles were being stored
