"""Micro precision and recall of the tagger on a labelled set (tests/data/tagging/passages.jsonl)."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0


@dataclass
class Report:
    passages: int = 0
    automakers: Score = field(default_factory=Score)
    topics: Score = field(default_factory=Score)
    per_label: dict[str, Score] = field(default_factory=dict)
    errors: list[dict] = field(default_factory=list)

    def table(self) -> str:
        lines = [f"{'label':30} {'kind':9} {'P':>6} {'R':>6} {'tp':>4} {'fp':>4} {'fn':>4}"]
        for label in sorted(self.per_label, key=lambda x: (x.split(":")[0], x)):
            kind, name = label.split(":", 1)
            s = self.per_label[label]
            lines.append(f"{name:30} {kind:9} {s.precision:6.3f} {s.recall:6.3f} {s.tp:4} {s.fp:4} {s.fn:4}")
        for kind, s in (("automakers", self.automakers), ("topics", self.topics)):
            lines.append(f"{'ALL ' + kind:30} {'micro':9} {s.precision:6.3f} {s.recall:6.3f} {s.tp:4} {s.fp:4} {s.fn:4}")
        return "\n".join(lines)


def load_passages(path: str | Path) -> list[dict]:
    out = []
    for n, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), start=1):
        if line.strip():
            try:
                out.append(json.loads(line))
            except ValueError as exc:
                raise ValueError(f"{path}:{n}: invalid JSON: {exc}") from None
    return out


def evaluate(tagger, passages: list[dict], split: str | None = None) -> Report:
    report = Report()
    chosen = [p for p in passages if split is None or p.get("split") == split]
    for p, tags in zip(chosen, tagger.pipe((p["text"], p.get("title")) for p in chosen)):
        report.passages += 1
        for kind, got, want in (("automaker", set(tags.automaker_ids()), set(p["automakers"])),
                                ("topic", set(tags.topic_ids()), set(p["topics"]))):
            total = report.automakers if kind == "automaker" else report.topics
            for label in got | want:
                s = report.per_label.setdefault(f"{kind}:{label}", Score())
                if label in got and label in want:
                    s.tp += 1
                    total.tp += 1
                elif label in got:
                    s.fp += 1
                    total.fp += 1
                else:
                    s.fn += 1
                    total.fn += 1
            if got != want:
                report.errors.append({"id": p["id"], "kind": kind, "extra": sorted(got - want),
                                      "missing": sorted(want - got), "text": p["text"][:300]})
    return report


def label_counts(passages: list[dict]) -> Counter:
    c: Counter = Counter()
    for p in passages:
        c.update(f"automaker:{a}" for a in p["automakers"])
        c.update(f"topic:{t}" for t in p["topics"])
    return c
