"""End-to-end ingest: one feed of N generated article pages through ``run_pass``.

The site (about 50 KB of WordPress-style HTML per page, about 800 words of prose each, and an
RSS 2.0 feed listing them all) is served by ``monitor.demo.sitesrv.SiteServer`` in its own process.
Measured here: the wall time of the whole pass (pool start-up included), articles stored per
second, and the peak RSS of the pipeline process plus its extraction workers (sampled every
50 ms). A sample of the stored texts is scored against the generated article bodies as a sanity
check of what was stored. Pages: CHARGEWATCH_BENCH_PAGES (default 2000); passes (each into a
fresh database, the median reported): CHARGEWATCH_BENCH_REPEAT (default 1).
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from urllib.parse import urlsplit

from .common import env_int, header, mark, print_pass, run_pipeline_pass
from .scoring import score_document, summarize
from .siteserver import SEED, SiteProcess

TARGET_RATE = 70.0  # articles per second
TARGET_RSS_MB = 400.0
QUALITY_SAMPLE = 200


def stored_text_quality(db_path: Path, seed: int, sample: int = QUALITY_SAMPLE) -> dict:
    """Score a sample of stored article texts against the generated bodies (synthetic truth)."""
    from storage import open_db
    from storage.articles import list_articles
    from storage.stories import article_text

    from .sitegen import index_from_path, make_article

    db = open_db(db_path)
    try:
        rows = list_articles(db)
        step = max(1, len(rows) // sample)
        scores = []
        titles_ok = 0
        for row in rows[::step][:sample]:
            index = index_from_path(urlsplit(row.url).path)
            if index is None:
                continue
            article = make_article(seed, index)
            scores.append(score_document(article.body_text, article_text(db, row.id) or ""))
            titles_ok += row.title == article.title
    finally:
        db.close()
    summary = summarize(scores).as_dict()
    summary["titles_exact"] = titles_ok
    return summary


def run() -> dict:
    pages = env_int("CHARGEWATCH_BENCH_PAGES", 2000)
    repeat = env_int("CHARGEWATCH_BENCH_REPEAT", 1)
    header(f"ingest: {pages} generated pages through run_pass" + (f", {repeat} passes" if repeat > 1 else ""))
    with tempfile.TemporaryDirectory(prefix="chargewatch-bench-") as tmp, SiteProcess(pages, SEED) as site:
        info = site.info
        print(f"  site: {info['pages']} pages, {info['bytes'] / info['pages'] / 1024:.1f} KB each on average "
              f"({info['min_bytes'] // 1024}-{info['max_bytes'] // 1024} KB), generated in "
              f"{info['generate_seconds']:.1f} s in the server process, served at {site.base} "
              f"({'TCP_NODELAY set' if info['nodelay'] else 'stock sockets, Nagle on'})")
        passes = []
        for i in range(repeat):  # each pass into a fresh database
            db_path = Path(tmp) / f"ingest-{i}.db"
            passes.append(run_pipeline_pass(site, db_path))
            print_pass("pipeline" if repeat == 1 else f"pass {i + 1}", passes[-1])
        result = sorted(passes, key=lambda r: r.rate)[len(passes) // 2]  # the median pass
        quality = stored_text_quality(Path(tmp) / f"ingest-{passes.index(result)}.db", SEED)
    print(f"    stored text vs generated body ({quality['documents']} sampled): F1 {quality['f1']:.3f} "
          f"(P {quality['precision']:.3f} R {quality['recall']:.3f}), exact {quality['accuracy']:.0%}, "
          f"titles exact {quality['titles_exact']}/{quality['documents']}")
    if site.stats:
        print(f"    site answered {site.stats['requests']} requests: {site.stats['statuses']}")
    rate_ok = result.rate >= TARGET_RATE and result.articles == result.pages
    rss_ok = max(p.peak_rss_mb for p in passes) < TARGET_RSS_MB
    print(f"ingest: {result.articles} articles in {result.seconds:.1f} s = {result.rate:.1f} articles/s; "
          f"peak RSS {result.peak_rss_mb:.0f} MB (parent {result.peak_parent_rss_mb:.0f} MB)"
          + (f"  [median of {repeat}: rates {', '.join(f'{p.rate:.1f}' for p in passes)}]" if repeat > 1 else ""))
    print(f"  target >= {TARGET_RATE:.0f} articles/s (all pages stored): {mark(rate_ok)}; "
          f"target peak RSS < {TARGET_RSS_MB:.0f} MB: {mark(rss_ok)}")
    return {"ingest": {**result.as_dict(), "passes": [p.as_dict() for p in passes],
                       "site": {k: v for k, v in info.items() if k != "paths"},
                       "site_requests": site.stats, "stored_text_quality": quality,
                       "targets": {"articles_per_second": TARGET_RATE, "peak_rss_mb": TARGET_RSS_MB},
                       "met": {"rate": rate_ok, "rss": rss_ok}}}


if __name__ == "__main__":
    run()
