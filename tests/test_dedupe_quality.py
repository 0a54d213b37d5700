"""Pair precision and recall of story grouping on the project's labelled pairs (tests/data/dedupe)."""

from __future__ import annotations

import json
from collections import Counter

from monitor.dedupe import content_hash, exact_similarity, same_story, signature
from monitor.config import StoriesSettings
from tests.helpers import ROOT

PAIRS = [json.loads(line) for line in
         (ROOT / "tests" / "data" / "dedupe" / "pairs.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]


def decide(a: str, b: str, settings: StoriesSettings = StoriesSettings()) -> bool:
    """The pipeline's decision for two texts: identical normalised text, or signatures (with the
    exact check near the threshold)."""
    if content_hash(a) == content_hash(b):
        return True
    return same_story(signature(a), signature(b), settings.threshold,
                      settings.containment, lambda: exact_similarity(a, b))


def test_the_labelled_pairs_cover_every_kind():
    kinds = Counter(p["kind"] for p in PAIRS)
    assert len(PAIRS) >= 150
    for kind in ("syndicated", "paragraph-edit", "update", "translation", "same-topic", "short"):
        assert kinds[kind] >= 10, kind
    assert sum(p["same_story"] for p in PAIRS if p["kind"] == "short") >= 5
    assert sum(not p["same_story"] for p in PAIRS if p["kind"] == "short") >= 5


def test_pair_precision_and_recall():
    tp = fp = fn = 0
    wrong = Counter()
    for p in PAIRS:
        same = decide(p["a"]["text"], p["b"]["text"])
        tp += same and p["same_story"]
        fp += same and not p["same_story"]
        fn += (not same) and p["same_story"]
        if same != p["same_story"]:
            wrong[p["kind"]] += 1
    precision, recall = tp / (tp + fp), tp / (tp + fn)
    print(f"\nstory pairs: {len(PAIRS)}; precision {precision:.3f}, recall {recall:.3f} (tp {tp}, fp {fp}, fn {fn}); "
          f"wrong by kind: {dict(wrong)}")
    assert precision >= 0.98 and recall >= 0.92
