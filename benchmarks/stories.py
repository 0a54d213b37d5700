"""Story index: add 100,000 articles of about 800 words (CHARGEWATCH_BENCH_STORIES).

As in the pipeline, two worker processes compute each article's content hash and MinHash
signature (the extraction workers do it there) while this process stores the article (without
the search triggers: they are the ingest's cost, measured there) and places it with
``monitor.stories.assign_story``: LSH lookups in SQLite, verification, placement. One in ten is a syndicated copy of an earlier one (new first line and
footer), so the matching path runs too. Commits every 500 articles, as a busy pipeline would.
Reports articles per second, peak RSS, and the time per article around the 1,000th and the
100,000th: the index is on disk, so the cost must not grow with the archive.
"""

from __future__ import annotations

import random
import tempfile
import time
from pathlib import Path

from .common import TreeSampler, env_int, header, mark

TARGET_RATE, TARGET_RSS_MB, TARGET_GROWTH = 1000, 600, 2.0


def _corpus(n_bases: int = 2000) -> tuple[list[str], list[str]]:
    from .sitegen import make_article

    bases = [make_article(11, i).body_text for i in range(n_bases)]
    vocab = sorted({w for text in bases[:200] for w in text.split()})
    return bases, vocab


def _text(i: int, bases: list[str], vocab: list[str]) -> str:
    """A distinct article: a base text with one word in three replaced, seeded by i (numpy, so
    making the texts costs the workers little next to the signatures)."""
    import numpy

    rng = numpy.random.default_rng(i)
    words = numpy.array(bases[i % len(bases)].split(), dtype=object)
    slots = numpy.arange(0, len(words) - 2, 3) + rng.integers(0, 3, size=len(range(0, len(words) - 2, 3)))
    words[slots] = numpy.asarray(vocab, dtype=object)[rng.integers(0, len(vocab), size=len(slots))]
    return " ".join(words.tolist())


_BASES: list[str] = []
_VOCAB: list[str] = []


def _init_worker() -> None:
    global _BASES, _VOCAB
    _BASES, _VOCAB = _corpus()


def _make(i: int):
    """In a worker: article i's text (a copy of a recent one every tenth), its hash and signature."""
    from monitor.dedupe import NUM_PERM, content_hash, signature, words_of

    if i % 10 == 0 and i > 10:
        original = _text(i - random.Random(i).randint(1, min(9, i - 1)), _BASES, _VOCAB)
        if (i - random.Random(i).randint(1, min(9, i - 1))) % 10 == 0:
            original = _text(i - 1, _BASES, _VOCAB)
        text = ("This article was originally published by Mongabay. " + original +
                "\n\nSubscribe to our newsletter for the week's news on EVs and mining.")
    else:
        text = _text(i, _BASES, _VOCAB)
    words = words_of(text)
    return i, text, content_hash(text, words), signature(text, NUM_PERM, words=words)


def run() -> dict:
    import multiprocessing

    from monitor.stories import assign_story
    from storage import open_db

    header("stories: adding articles to the story index")
    n = env_int("CHARGEWATCH_BENCH_STORIES", 100_000)
    window = max(100, n // 200)
    timings: dict[str, list[float]] = {"first": [], "last": []}
    placing = 0.0  # time spent in this process storing and placing articles
    ctx = multiprocessing.get_context("spawn")
    with tempfile.TemporaryDirectory(prefix="chargewatch-bench-stories-") as tmp, \
            ctx.Pool(2, initializer=_init_worker) as pool:
        db = open_db(Path(tmp) / "stories.db")
        for trigger in ("articles_ai", "articles_ad", "articles_au"):
            db.execute(f"DROP TRIGGER IF EXISTS {trigger}")
        copies = 0
        pool.map(int, range(2))  # workers up (their corpus built) before the clock starts
        with TreeSampler() as rss:
            started = time.perf_counter()
            db.execute("BEGIN")
            for i, text, chash, sig in pool.imap(_make, range(1, n + 1), chunksize=64):
                copies += text.startswith("This article was originally")
                t0 = time.perf_counter()
                cur = db.execute("INSERT INTO articles (url, title, text, fetched, source, kind, content_hash) "
                                 "VALUES (?, '', ?, '2026-11-25T00:00:00Z', ?, 'article', ?)",
                                 [f"https://bench.example/{i}", text, f"s{i % 7}", chash])
                assign_story(db, cur.lastrowid, text, chash, sig=sig)
                elapsed = time.perf_counter() - t0
                placing += elapsed
                if 1000 - window // 2 <= i < 1000 + window // 2:
                    timings["first"].append(elapsed)
                if i > n - window:
                    timings["last"].append(elapsed)
                if i % 500 == 0:
                    db.execute("COMMIT")
                    db.execute("BEGIN")
            db.execute("COMMIT")
            seconds = time.perf_counter() - started
        stories = db.execute("SELECT count(*) FROM stories").fetchone()[0]
        grouped = db.execute("SELECT count(*) FROM stories WHERE articles > 1").fetchone()[0]
        db_mb = (Path(tmp) / "stories.db").stat().st_size / 1e6
        db.close()
    first = sorted(timings["first"])[len(timings["first"]) // 2] * 1000
    last = sorted(timings["last"])[len(timings["last"]) // 2] * 1000
    rate = n / seconds
    place_rate = n / placing
    out = {"articles": n, "seconds": round(seconds, 1), "rate": round(rate, 1), "copies": copies,
           "placing_seconds": round(placing, 1), "placing_rate": round(place_rate, 1),
           "stories": stories, "stories_with_copies": grouped, "peak_rss_mb": round(rss.max_total / 1e6, 1),
           "db_mb": round(db_mb, 1), "median_ms_near_1000th": round(first, 3), "median_ms_last": round(last, 3),
           "growth": round(last / first, 2) if first else None}
    out["met"] = {"rate": rate >= TARGET_RATE, "rss": out["peak_rss_mb"] < TARGET_RSS_MB,
                  "growth": bool(first) and last / first <= TARGET_GROWTH}
    print(f"  storing and placing them in this process: {placing:.1f} s = {place_rate:.0f} articles/s "
          f"(texts and signatures made by two worker processes meanwhile, as the extraction workers do)")
    print(f"  {n:,} articles ({copies:,} syndicated copies) in {seconds:.1f} s = {rate:.0f} articles/s; "
          f"{stories:,} stories, {grouped:,} with copies; peak RSS {out['peak_rss_mb']:.0f} MB; database {db_mb:.0f} MB")
    print(f"  median time to add an article: {first:.2f} ms around the 1,000th, {last:.2f} ms at the end "
          f"({out['growth']}x)")
    print(f"stories: {rate:.0f} articles/s (target >= {TARGET_RATE}: {mark(out['met']['rate'])}); peak RSS "
          f"{out['peak_rss_mb']:.0f} MB (< {TARGET_RSS_MB}: {mark(out['met']['rss'])}); last vs 1,000th "
          f"{out['growth']}x (<= 2x: {mark(out['met']['growth'])})")
    return {"stories": out}


if __name__ == "__main__":
    run()
