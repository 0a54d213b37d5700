"""``make bench`` (``python -m benchmarks [ingest|extraction|trafilatura ...]``): measured figures.

Each benchmark is a module with a ``run() -> dict``; ``__main__`` runs them, prints their figures
and merges what they return into ``benchmarks/out/results.json``. All traffic stays on 127.0.0.1.
"""
