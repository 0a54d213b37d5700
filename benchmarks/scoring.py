"""Main-text scoring as the article-extraction-benchmark publishes it (shingles of 4 tokens).

Written from the rules in the benchmark's README and the behaviour of the public
scrapinghub/article-extraction-benchmark ``evaluate.py``, including its edge cases:

- tokens are ``\\w+`` matches (Unicode, case kept);
- a text of 1 to 3 tokens is one shingle of all its tokens; an empty text has none;
- true/false positives and false negatives are counted over the multisets of shingles and then
  divided by their sum, so every document weighs the same;
- precision is averaged over the documents with a non-empty prediction only (tp + fp > 0), and
  recall over the documents with a non-empty truth (tp + fn > 0). So an empty prediction
  (extraction failed) costs recall (0 for that document) but is left out of precision; the
  number of empty predictions is reported beside the figures;
- F1 is the harmonic mean of the two averages (not an average of per-document F1s);
- accuracy is the share of documents whose token list equals the truth's exactly.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from statistics import mean

TOKEN = re.compile(r"\w+")
N = 4


def tokenize(text: str | None) -> list[str]:
    return TOKEN.findall(text or "")


def shingles(tokens: list[str], n: int = N) -> Counter:
    if not tokens:
        return Counter()
    if len(tokens) < n:
        return Counter([tuple(tokens)])
    return Counter(tuple(tokens[i:i + n]) for i in range(len(tokens) - n + 1))


@dataclass(frozen=True)
class DocScore:
    tp: float
    fp: float
    fn: float
    exact: bool
    empty_prediction: bool

    @property
    def precision(self) -> float:
        return _precision(self.tp, self.fp, self.fn)

    @property
    def recall(self) -> float:
        return _recall(self.tp, self.fp, self.fn)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def _precision(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    if tp == fp == 0:
        return 0.0
    return tp / (tp + fp)


def _recall(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    if tp == fn == 0:
        return 0.0
    return tp / (tp + fn)


def score_document(truth: str, prediction: str) -> DocScore:
    t_tokens, p_tokens = tokenize(truth), tokenize(prediction)
    t, p = shingles(t_tokens), shingles(p_tokens)
    tp = sum((t & p).values())
    fp = sum((p - t).values())
    fn = sum((t - p).values())
    total = tp + fp + fn
    if total:
        tp, fp, fn = tp / total, fp / total, fn / total
    return DocScore(float(tp), float(fp), float(fn), exact=t_tokens == p_tokens,
                    empty_prediction=not p_tokens)


@dataclass(frozen=True)
class Summary:
    documents: int
    precision: float
    recall: float
    f1: float
    accuracy: float
    empty_predictions: int

    def as_dict(self) -> dict:
        return {k: (round(v, 4) if isinstance(v, float) else v) for k, v in self.__dict__.items()}


def summarize(scores: list[DocScore]) -> Summary:
    precisions = [s.precision for s in scores if s.tp + s.fp > 0]
    recalls = [s.recall for s in scores if s.tp + s.fn > 0]
    p = mean(precisions) if precisions else 0.0
    r = mean(recalls) if recalls else 0.0
    return Summary(documents=len(scores), precision=p, recall=r,
                   f1=2 * p * r / (p + r) if p + r else 0.0,
                   accuracy=mean(float(s.exact) for s in scores) if scores else 0.0,
                   empty_predictions=sum(s.empty_prediction for s in scores))
