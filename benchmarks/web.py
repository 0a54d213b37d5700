"""Review page latency on a large archive: the inbox, a filtered inbox, a search and an article page.

Fills a database with CHARGEWATCH_BENCH_WEB_ARTICLES articles (default 100,000: 1,000 distinct
generated articles of about 800 words, each stored 100 times under its own URL and date over the
last year, one in ten a copy in another article's story, tagged by the real tagger), then times
CHARGEWATCH_BENCH_WEB_REQUESTS requests of each kind (default 200; a quarter as many chart pages)
to a real ``chargewatch serve`` on loopback (HTTP included), whose resident memory is sampled.
``python -m benchmarks web --articles 1000000`` is the scale check (about a few years of the
coalition's sources); CHARGEWATCH_BENCH_WEB_DB=FILE keeps the filled database for the next run.
Targets: p95 < 100 ms for the inbox, a filtered inbox, a search and an article page; the serve
process under 300 MB resident.
"""

from __future__ import annotations

import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from datetime import datetime, timedelta, timezone
from pathlib import Path

from .common import TreeSampler, env_int, header, mark

TARGET_P95_MS = 100
TARGET_SERVE_MB = 300  # the serve process's resident memory (issue 17: at 1,000,000 articles)
SOURCES = ["electrive", "mongabay", "icct", "reuters", "climatehome", "insideevs", "miningcom", "benchmark",
           "transportenvironment", "influencemap", "globalwitness", "carbonbrief"]
QUERIES = ['"green steel"', "lithium AND water", "cobalt OR nickel", "recycl*", '"deep-sea mining" NOT Norway',
           "Tesla lithium refinery", '"free, prior and informed consent"', "tariffs", "aluminium smelter coal",
           '"battery passport"']


def fill(path: Path, n: int) -> dict:
    from storage.tags import rows_of
    from nlp import Tagger
    from storage import open_db

    from .sitegen import make_article

    started = time.perf_counter()
    db = open_db(path)
    for trigger in ("articles_ai", "articles_ad", "articles_au"):  # the index is rebuilt once at the end
        db.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    distinct = [make_article(13, i) for i in range(min(n, 1000))]
    tagger = Tagger()
    tag_rows = [rows_of(tagger.tag(a.body_text, a.title)) for a in distinct]
    now = datetime.now(timezone.utc)
    step = timedelta(days=365) / n

    def articles():
        for i in range(n):
            a = distinct[i % len(distinct)]
            when = (now - step * i).strftime("%Y-%m-%dT%H:%M:%SZ")
            story = i + 1 if i % 10 or i == 0 else i  # every tenth joins the previous article's story
            yield (i + 1, f"https://{SOURCES[i % len(SOURCES)]}.example/{i}/{a.path.strip('/')}", a.title, a.body_text,
                   a.author, when, when, SOURCES[i % len(SOURCES)], "report" if i % 25 == 0 else "article", "en",
                   f"h{i}", story, int(story != i + 1))

    with db.atomic():
        db.conn.executemany(
            "INSERT INTO articles (id, url, title, text, author, published, fetched, source, kind, language, "
            "content_hash, story_id, is_copy) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", articles())
        db.execute("INSERT INTO stories (id, representative, title, first_seen, last_seen, articles, sources, stored) "
                   "SELECT story_id, min(id), max(title), min(published), max(published), count(*), "
                   "count(DISTINCT source), min(fetched) FROM articles GROUP BY story_id")
        db.conn.executemany(
            "INSERT INTO tags (article_id, kind, tag_id, name, evidence, mentions, salience, matched) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, '[]')",
            ((i + 1, t.kind, t.tag_id, t.name, t.evidence, t.mentions, t.salience)
             for i in range(n) for t in tag_rows[i % len(tag_rows)]))
        db.execute("INSERT INTO story_reviews (story_id, status, updated, by) SELECT id, CASE id % 3 WHEN 0 THEN "
                   "'reviewed' WHEN 1 THEN 'dismissed' ELSE 'starred' END, ?, 'bench' FROM stories WHERE id % 20 = 2",
                   [now.strftime("%Y-%m-%dT%H:%M:%SZ")])
    db.execute("INSERT INTO articles_fts (articles_fts) VALUES ('rebuild')")
    db.execute("ANALYZE")
    counts = {"articles": db.execute("SELECT count(*) FROM articles").fetchone()[0],
              "stories": db.execute("SELECT count(*) FROM stories").fetchone()[0],
              "tags": db.execute("SELECT count(*) FROM tags").fetchone()[0]}
    db.close()
    counts["fill_seconds"] = round(time.perf_counter() - started, 1)
    counts["db_mb"] = round(sum(p.stat().st_size for p in path.parent.glob(path.name + "*")) / 1e6, 1)
    return counts


def _time(client, urls: list[str]) -> dict:
    times = []
    for url in urls:
        started = time.perf_counter()
        response = client.get(url)
        times.append((time.perf_counter() - started) * 1000)
        if response.status_code != 200:
            raise RuntimeError(f"{url}: HTTP {response.status_code}")
    q = statistics.quantiles(times, n=100)
    return {"requests": len(times), "p50_ms": round(statistics.median(times), 1), "p95_ms": round(q[94], 1),
            "max_ms": round(max(times), 1)}


@contextmanager
def serving(path: Path):
    """``chargewatch serve`` on the database, on a free loopback port, as staff run it: the
    latency is a real request's (HTTP over loopback included) and the memory is that process's."""
    import socket

    import httpx

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    script = Path(sys.executable).parent / "chargewatch"
    proc = subprocess.Popen([str(script), "serve", "--db", str(path), "--host", "127.0.0.1", "--port", str(port)],
                            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    try:
        # TCP_NODELAY as browsers and curl set it: without it httpx's second small write of a
        # request waits for the server's delayed ACK, and every request on a kept-alive
        # connection costs 40 ms that no browser pays
        transport = httpx.HTTPTransport(socket_options=[(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)])
        with httpx.Client(base_url=base, timeout=120, trust_env=False, transport=transport) as client:
            deadline = time.monotonic() + 120
            while True:  # the server answers once it has opened the database and built its state
                if proc.poll() is not None:
                    raise RuntimeError(f"chargewatch serve exited: {proc.stderr.read().decode(errors='replace')[-500:]}")
                try:
                    client.get("/")
                    break
                except httpx.TransportError:
                    if time.monotonic() > deadline:
                        raise RuntimeError("chargewatch serve did not answer within 120 s") from None
                    time.sleep(0.1)
            yield client, proc
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()


def _filled(n: int, keep: str | None, tmp: str) -> tuple[Path, dict]:
    """The database to time: ``keep`` (CHARGEWATCH_BENCH_WEB_DB) is filled once and reused while it
    holds ``n`` articles (a million takes minutes to fill); else a new one in ``tmp``."""
    from storage import open_db

    if keep:
        path = Path(keep)
        if path.exists():
            db = open_db(path)
            try:
                have = db.execute("SELECT count(*) FROM articles").fetchone()[0]
                counts = {"articles": have, "stories": db.execute("SELECT count(*) FROM stories").fetchone()[0],
                          "tags": db.execute("SELECT count(*) FROM tags").fetchone()[0], "fill_seconds": 0.0,
                          "db_mb": round(sum(p.stat().st_size for p in path.parent.glob(path.name + "*")) / 1e6, 1),
                          "reused": True}
            finally:
                db.close()
            if have == n:
                return path, counts
            for old in path.parent.glob(path.name + "*"):
                old.unlink()
        return path, fill(path, n)
    path = Path(tmp) / "web.db"
    return path, fill(path, n)


def run(articles: int | None = None) -> dict:
    import psutil

    from nlp.registry import load_registry
    from nlp.taxonomy import load_taxonomy

    n = articles or env_int("CHARGEWATCH_BENCH_WEB_ARTICLES", 100_000)
    k = env_int("CHARGEWATCH_BENCH_WEB_REQUESTS", 200)
    header(f"review page: latency on {n:,} articles, {k} requests of each kind")
    r = random.Random(7)
    with tempfile.TemporaryDirectory(prefix="chargewatch-bench-web-") as tmp:
        path, filled = _filled(n, os.environ.get("CHARGEWATCH_BENCH_WEB_DB"), tmp)
        print(f"  {'reused' if filled.get('reused') else 'filled'} {filled['articles']:,} articles, "
              f"{filled['stories']:,} stories, {filled['tags']:,} tags in {filled['fill_seconds']:.0f} s "
              f"({filled['db_mb']:.0f} MB)")
        with TreeSampler() as rss, serving(path) as (client, proc):
            client.get("/")  # the first request builds the templates
            # inbox pages: the first and pages reached by following "older stories" links
            cursors = [None]
            page = client.get("/api/stories?limit=50").json()
            while page["next"] and len(cursors) < 40:
                cursors.append(page["next"])
                page = client.get(f"/api/stories?limit=50&before={page['next']}").json()
            inbox = [("/" if c is None else f"/?before={c}") for c in (r.choice(cursors) for _ in range(k))]
            ranked = [a.id for a in load_registry().automakers if a.ranked]
            topics = [t.id for t in load_taxonomy()]
            filtered = [r.choice([f"/?automaker={r.choice(ranked)}", f"/?topic={r.choice(topics)}",
                                  f"/?automaker={r.choice(ranked)}&topic={r.choice(topics)}&status=all",
                                  f"/?source={r.choice(SOURCES)}&kind=report", "/?order=arrival",
                                  "/?arrived=new", "/?arrived=today"]) for _ in range(k)]
            search = [f"/search?q={r.choice(QUERIES)}" for _ in range(k)]
            article_urls = [f"/articles/{r.randint(1, n)}" for _ in range(k)]
            charts = [r.choice([f"/automakers/{r.choice(ranked)}", f"/topics/{r.choice(topics)}"])
                      for _ in range(max(k // 4, 20))]
            results = {"inbox": _time(client, inbox), "filtered_inbox": _time(client, filtered),
                       "search": _time(client, search), "article": _time(client, article_urls),
                       "chart_page": _time(client, charts)}
            rss.sample()
            results["serve_rss_mb"] = round(psutil.Process(proc.pid).memory_info().rss / 1e6, 1)
        results["serve_peak_rss_mb"] = round(rss.max_children_rss / 1e6, 1)
    results["articles"] = n
    for name in ("inbox", "filtered_inbox", "search", "article", "chart_page"):
        v = results[name]
        print(f"  {name:15} p50 {v['p50_ms']:6.1f} ms  p95 {v['p95_ms']:6.1f} ms  max {v['max_ms']:6.1f} ms "
              f"({v['requests']} requests)")
    results["met"] = all(results[x]["p95_ms"] < TARGET_P95_MS for x in ("inbox", "filtered_inbox", "search", "article"))
    results["rss_met"] = results["serve_peak_rss_mb"] < TARGET_SERVE_MB
    print(f"  target: p95 < {TARGET_P95_MS} ms for the inbox, a filtered inbox, a search and an article: "
          f"{mark(results['met'])} (the chart page has no target)")
    print(f"  chargewatch serve: peak RSS {results['serve_peak_rss_mb']:.0f} MB ({results['serve_rss_mb']:.0f} MB "
          f"at the end); target < {TARGET_SERVE_MB} MB: {mark(results['rss_met'])}")
    results["fill"] = filled
    return {"web": results}


if __name__ == "__main__":
    run()
