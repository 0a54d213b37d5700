"""Micro precision and recall on the project's labelled set (tests/data/tagging/passages.jsonl).

The tagger's data files were tuned on the "tune" split only; "heldout" is the honest check.
Both are printed; the issue's thresholds are asserted on the whole set and on each split with a
little slack for the small held-out part.
"""

from __future__ import annotations

from nlp import default_tagger
from nlp.evaluate import evaluate, label_counts, load_passages
from tests.helpers import ROOT

PASSAGES = load_passages(ROOT / "tests" / "data" / "tagging" / "passages.jsonl")


def test_the_labelled_set_is_big_and_covers_every_label():
    assert len(PASSAGES) >= 250
    assert sum(p["kind"] == "trap" for p in PASSAGES) >= 80
    assert sum(p["kind"] == "multi" for p in PASSAGES) >= 50
    counts = label_counts(PASSAGES)
    tagger = default_tagger()
    for a in tagger.registry.automakers:
        assert counts[f"automaker:{a.id}"] >= 8, a.id
    for t in tagger.topics:
        assert counts[f"topic:{t.id}"] >= 8, t.id
    assert all(("lithium" in p["topics"]) for p in PASSAGES if "lithium-water" in p["topics"])


def test_precision_and_recall_meet_the_targets():
    tagger = default_tagger()
    reports = {split: evaluate(tagger, PASSAGES, split) for split in ("tune", "heldout")}
    whole = evaluate(tagger, PASSAGES)
    for name, r in [("all", whole), *reports.items()]:
        print(f"\n[{name}: {r.passages} passages]\n" + "\n".join(r.table().splitlines()[-2:]))
    print("\n" + whole.table())
    assert whole.automakers.precision >= 0.97 and whole.automakers.recall >= 0.95
    assert whole.topics.precision >= 0.92 and whole.topics.recall >= 0.88
    held = reports["heldout"]
    assert held.automakers.precision >= 0.95 and held.automakers.recall >= 0.93
    assert held.topics.precision >= 0.88 and held.topics.recall >= 0.82
