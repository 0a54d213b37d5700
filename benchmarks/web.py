"""Review page latency on a large archive: the inbox, a filtered inbox, a search and an article page.

Fills a database with CHARGEWATCH_BENCH_WEB_ARTICLES articles (default 100,000: 1,000 distinct
generated articles of about 800 words, each stored 100 times under its own URL and date over the
last year, one in ten a copy in another article's story, tagged by the real tagger), then times
CHARGEWATCH_BENCH_WEB_REQUESTS requests of each kind (default 200; a quarter as many chart pages)
through the ASGI app in this process: server-side latency, templates included, no network.
Target: p95 < 100 ms for the inbox, a filtered inbox, a search and an article page.
"""

from __future__ import annotations

import random
import statistics
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

from .common import TreeSampler, env_int, header, mark

TARGET_P95_MS = 100
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
    rows_of = [rows_of(tagger.tag(a.body_text, a.title)) for a in distinct]
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
        db.execute("INSERT INTO stories (id, representative, title, first_seen, last_seen, articles, sources) "
                   "SELECT story_id, min(id), max(title), min(published), max(published), count(*), "
                   "count(DISTINCT source) FROM articles GROUP BY story_id")
        db.conn.executemany(
            "INSERT INTO tags (article_id, kind, tag_id, name, evidence, mentions, salience, matched) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, '[]')",
            ((i + 1, t.kind, t.tag_id, t.name, t.evidence, t.mentions, t.salience)
             for i in range(n) for t in rows_of[i % len(rows_of)]))
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


def run() -> dict:
    from starlette.testclient import TestClient

    from monitor.web.app import create_app
    from nlp.registry import load_registry
    from nlp.taxonomy import load_taxonomy

    n = env_int("CHARGEWATCH_BENCH_WEB_ARTICLES", 100_000)
    k = env_int("CHARGEWATCH_BENCH_WEB_REQUESTS", 200)
    header(f"review page: latency on {n:,} articles, {k} requests of each kind")
    r = random.Random(7)
    with tempfile.TemporaryDirectory(prefix="chargewatch-bench-web-") as tmp:
        path = Path(tmp) / "web.db"
        filled = fill(path, n)
        print(f"  filled {filled['articles']:,} articles, {filled['stories']:,} stories, {filled['tags']:,} tags "
              f"in {filled['fill_seconds']:.0f} s ({filled['db_mb']:.0f} MB)")
        with TreeSampler() as rss:
            client = TestClient(create_app(path), base_url="http://127.0.0.1")
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
                                  f"/?source={r.choice(SOURCES)}&kind=report"]) for _ in range(k)]
            search = [f"/search?q={r.choice(QUERIES)}" for _ in range(k)]
            articles = [f"/articles/{r.randint(1, n)}" for _ in range(k)]
            charts = [r.choice([f"/automakers/{r.choice(ranked)}", f"/topics/{r.choice(topics)}"])
                      for _ in range(max(k // 4, 20))]
            results = {"inbox": _time(client, inbox), "filtered_inbox": _time(client, filtered),
                       "search": _time(client, search), "article": _time(client, articles),
                       "chart_page": _time(client, charts)}
        results["peak_rss_mb"] = round(rss.max_total / 1e6, 1)
    for name in ("inbox", "filtered_inbox", "search", "article", "chart_page"):
        v = results[name]
        print(f"  {name:15} p50 {v['p50_ms']:6.1f} ms  p95 {v['p95_ms']:6.1f} ms  max {v['max_ms']:6.1f} ms "
              f"({v['requests']} requests)")
    results["met"] = all(results[x]["p95_ms"] < TARGET_P95_MS for x in ("inbox", "filtered_inbox", "search", "article"))
    print(f"  target: p95 < {TARGET_P95_MS} ms for the inbox, a filtered inbox, a search and an article: "
          f"{mark(results['met'])} (the chart page has no target; peak RSS {results['peak_rss_mb']:.0f} MB)")
    results["fill"] = filled
    return {"web": results}


if __name__ == "__main__":
    run()
