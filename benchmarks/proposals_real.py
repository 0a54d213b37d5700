"""Supply links proposed from REAL published text (issue 18, item 3): precision and recall of
nlp/proposals.py on the sentences of ../shared/data that name both an automaker and a supplier.

The texts: the 300 passages of ../shared/data/real-passages and the 181 article bodies of
../shared/data/article-extraction-benchmark/ground-truth.json, read in place (never copied).
Each is tagged as the pipeline tags a page, and every sentence that names an automaker and a
supplier of its tags is a *candidate*, one per (automaker, supplier) pair, proposed or not.

The labels (tests/data/supply/real_labels.jsonl) say for each candidate whether the sentence
states a deal between that automaker and that supplier, and which kind; they hold no
third-party text, only the document's id, the sentence's offsets and the sha1 of its text, the
pair and a reason. A proposal is right when its pair has a deal and its kind is the label's (or
one of the label's ``kinds_ok``, for deals that are defensibly two kinds); a wrong kind counts as
a false positive and a miss, as in tests/test_proposals.py.

The split, fixed before any result was looked at: a document is held out when
sha256("<corpus>/<id>") is even (about half of the documents); nothing is tuned on the held-out
part, so only its figures are printed, never its errors.

Also printed, so that one command gives every figure: the project's own sentences
(tests/data/supply/sentences.jsonl, dev and held-out), a second dev batch written for tuning
on the classes the brief names (tests/data/supply/sentences_dev2.jsonl) and the fresh batch
written and scored before any tuning (tests/data/supply/sentences_fresh.jsonl, all held out).

    python -m benchmarks proposals-real             # the figures (dev errors listed)
    python -m benchmarks.proposals_real --list      # the candidates to label, without proposals
    python -m benchmarks.proposals_real --unlabelled
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import textwrap
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from nlp import evaluate

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data"
PASSAGES = SHARED / "real-passages" / "passages.jsonl"
ARTICLES = SHARED / "article-extraction-benchmark" / "ground-truth.json"
LABELS = ROOT / "tests" / "data" / "supply" / "real_labels.jsonl"
OWN = ROOT / "tests" / "data" / "supply" / "sentences.jsonl"
FRESH = ROOT / "tests" / "data" / "supply" / "sentences_fresh.jsonl"
DEV2 = ROOT / "tests" / "data" / "supply" / "sentences_dev2.jsonl"
DEV, HELDOUT = "dev", "heldout"
TARGET_PRECISION = 0.90


def part(corpus: str, doc: str) -> str:
    """``"heldout"`` when sha256("<corpus>/<doc>") is even, else ``"dev"``: the id alone decides,
    so adding documents never moves one between the parts."""
    digest = hashlib.sha256(f"{corpus}/{doc}".encode()).digest()
    return HELDOUT if digest[-1] % 2 == 0 else DEV


def sha1(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def documents() -> Iterator[tuple[str, str, str]]:
    """(corpus, id, text) of every real text, read in place."""
    with PASSAGES.open(encoding="utf-8") as f:
        for line in f:
            if line.strip():
                row = json.loads(line)
                yield "passages", row["id"], row["text"]
    for key, page in sorted(json.loads(ARTICLES.read_text(encoding="utf-8")).items()):
        yield "articles", key, page["articleBody"]


@dataclass(frozen=True)
class Candidate:
    """A sentence naming an automaker and a supplier, and what nlp/proposals.py made of the pair."""

    corpus: str
    doc: str
    start: int
    end: int
    sha1: str
    automaker: str
    supplier: str
    kind: str | None  # the proposal's kind; None when nothing was proposed
    material: str | None = None
    status: str | None = None

    @property
    def key(self) -> tuple[str, str, str, str, str]:
        return (self.corpus, self.doc, self.sha1, self.automaker, self.supplier)

    @property
    def part(self) -> str:
        return part(self.corpus, self.doc)


def candidates(tagger, docs) -> tuple[list[Candidate], dict[tuple[str, str], str]]:
    """Every candidate of the texts, in text order, and the texts by (corpus, id)."""
    from nlp.proposals import propose
    from nlp.proposals_text import candidate_sentences

    out: list[Candidate] = []
    texts: dict[tuple[str, str], str] = {}
    for corpus, doc, text in docs:
        texts[corpus, doc] = text
        tags = tagger.tag(text)
        for start, end, automakers, suppliers in candidate_sentences(text, tags, tagger.registry):
            sentence = text[start:end]
            links = {(link.automaker, link.supplier): link for link in propose(sentence, automakers, suppliers)}
            pairs = dict.fromkeys((a.id, s.id) for a in automakers for s in suppliers)
            for a, s in pairs:
                link = links.get((a, s))
                out.append(Candidate(corpus, doc, start, end, sha1(sentence), a, s,
                                     link and link.kind, link and link.material, link and link.status))
    return out, texts


def load_labels(path: Path = LABELS) -> dict[tuple[str, str, str, str, str], dict]:
    labels: dict[tuple[str, str, str, str, str], dict] = {}
    with path.open(encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if line.strip():
                row = json.loads(line)
                key = (row["corpus"], row["doc"], row["sha1"], row["automaker"], row["supplier"])
                if key in labels:
                    raise ValueError(f"{path}:{n}: a second label for {key}")
                labels[key] = row
    return labels


@dataclass
class Score(evaluate.Score):
    """nlp.evaluate's counts (tp, fp, fn, precision, recall) with what a proposal adds."""

    pair_tp: int = 0  # kind not checked
    pair_fp: int = 0
    candidates: int = 0
    deals: int = 0
    optional: int = 0
    unlabelled: list[Candidate] = field(default_factory=list)
    errors: list[tuple[str, Candidate, dict]] = field(default_factory=list)

    @property
    def pair_precision(self) -> float:
        return self.pair_tp / (self.pair_tp + self.pair_fp) if self.pair_tp + self.pair_fp else 1.0

    def line(self) -> str:
        return (f"P {self.precision:.3f} R {self.recall:.3f} (TP {self.tp} FP {self.fp} FN {self.fn}; "
                f"{self.candidates} candidates scored, {self.deals} with a deal, {self.optional} optional; pair only, kind not checked: "
                f"P {self.pair_precision:.3f}, {self.pair_tp}/{self.pair_tp + self.pair_fp})")


def score(cands: list[Candidate], labels: dict, which: str | None = None) -> Score:
    """Precision and recall over the labelled candidates of one part (None: both)."""
    s = Score()
    for c in cands:
        if which is not None and c.part != which:
            continue
        label = labels.get(c.key)
        if label is None:
            s.unlabelled.append(c)
            continue
        if label.get("optional"):  # defensible either way: neither a hit nor a false positive nor a miss
            s.optional += 1
            continue
        s.candidates += 1
        deal = bool(label["deal"])
        s.deals += deal
        ok_kinds = {label.get("kind"), *label.get("kinds_ok", ())} if deal else set()
        if c.kind is not None:
            s.pair_tp += deal
            s.pair_fp += not deal
        if c.kind is not None and c.kind in ok_kinds:
            s.tp += 1
        elif c.kind is not None:
            s.fp += 1
            if deal:
                s.fn += 1
            s.errors.append(("wrong kind" if deal else "no deal", c, label))
        elif deal:
            s.fn += 1
            s.errors.append(("missed", c, label))
    return s


# -- The project's own sentences ----------------------------------------------------------------

def own_sentences() -> dict[str, tuple[float, float, int, int, int]]:
    """(P, R, right, proposed, expected) on the project's sentence sets, scored by
    tests/test_proposals.py's own rules."""
    from tests.test_proposals import held_out, rows
    from tests.test_proposals import score as score_rows

    out = {}
    own = rows(OWN)
    parts = {"own dev": [r for r in own if not held_out(r["id"])],
             "own held-out": [r for r in own if held_out(r["id"])],
             "own dev batch 2": rows(DEV2),
             "fresh (all held out)": rows(FRESH)}
    for name, selected in parts.items():
        result, _ = score_rows(selected)
        out[name] = (result.precision, result.recall, result.right, result.proposed, result.expected)
    return out


def _quote(text: str, indent: str = "        ") -> str:
    return textwrap.fill(" ".join(text.split()), width=110, initial_indent=indent, subsequent_indent=indent)


def _show(c: Candidate, texts: dict, extra: str = "") -> None:
    print(f"  {c.corpus}/{c.doc} [{c.start}:{c.end}] {c.sha1[:10]} {c.automaker} ~ {c.supplier} ({c.part}){extra}")
    print(_quote(texts[c.corpus, c.doc][c.start:c.end]))


def run() -> dict:
    from nlp import Tagger

    from .common import header, mark

    header("proposals-real: supply links proposed from real text (dev / held-out)")
    if not PASSAGES.is_file() or not ARTICLES.is_file():
        note = f"skipped: {PASSAGES} or {ARTICLES} not found (expected ../shared/data beside the project)"
        print(f"  {note}")
        return {"proposals_real": {"skipped": note}}
    tagger = Tagger()
    started = time.perf_counter()
    docs = list(documents())
    cands, texts = candidates(tagger, docs)
    seconds = time.perf_counter() - started
    labels = load_labels()
    n_docs = {p: sum(part(c, d) == p for c, d, _ in docs) for p in (DEV, HELDOUT)}
    sentences = {(c.corpus, c.doc, c.start) for c in cands}
    print(f"  {len(docs)} texts ({n_docs[DEV]} dev, {n_docs[HELDOUT]} held out) tagged and read in {seconds:.1f} s: "
          f"{len(sentences)} sentences name an automaker and a supplier, {len(cands)} candidate pairs, "
          f"{sum(c.kind is not None for c in cands)} proposed")
    scores = {p: score(cands, labels, p) for p in (DEV, HELDOUT)}
    for p, s in scores.items():
        print(f"  real {p:8} {s.line()}")
        if s.unlabelled:
            print(f"  WARNING: {len(s.unlabelled)} {p} candidates have no label and are not scored "
                  "(python -m benchmarks.proposals_real --unlabelled)")
    both = score(cands, labels)
    print(f"  real all      {both.line()}")
    print(f"  target: real held-out P >= {TARGET_PRECISION}: {mark(scores[HELDOUT].precision >= TARGET_PRECISION)}")
    own = own_sentences()
    for name, (p, r, right, proposed, expected) in own.items():
        print(f"  {name:21} P {p:.3f} R {r:.3f} ({right} right of {proposed} proposed, {expected} expected)")

    print(f"\n  dev errors ({len(scores[DEV].errors)}; never the held-out part's):")
    for what, c, label in scores[DEV].errors:
        _show(c, texts, f": {what}; proposed {c.kind}, label {label.get('kind') if label['deal'] else 'no deal'}"
                        f" ({label['reason']})")

    figures = {p: {"precision": round(s.precision, 3), "recall": round(s.recall, 3), "tp": s.tp, "fp": s.fp,
                   "fn": s.fn, "candidates": s.candidates, "deals": s.deals, "unlabelled": len(s.unlabelled),
                   "pair_precision": round(s.pair_precision, 3)} for p, s in scores.items()}
    figures["own"] = {name: {"precision": round(v[0], 3), "recall": round(v[1], 3), "right": v[2], "proposed": v[3],
                             "expected": v[4]} for name, v in own.items()}
    figures["seconds"] = round(seconds, 2)
    figures["met"] = scores[HELDOUT].precision >= TARGET_PRECISION
    return {"proposals_real": figures}


def main(argv: list[str] | None = None) -> int:
    """Listing for labelling: the candidates without what was proposed, so labels are not led."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.proposals_real")
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--list", action="store_true", help="every candidate, with no proposals shown")
    group.add_argument("--unlabelled", action="store_true", help="the candidates with no label yet")
    group.add_argument("--json", action="store_true", help="every candidate as a JSON line (no text, no proposal)")
    args = parser.parse_args(argv)
    from nlp import Tagger

    cands, texts = candidates(Tagger(), documents())
    labels = load_labels() if LABELS.is_file() else {}
    for c in cands:
        if args.unlabelled and c.key in labels:
            continue
        if args.json:
            print(json.dumps({"corpus": c.corpus, "doc": c.doc, "start": c.start, "end": c.end, "sha1": c.sha1,
                              "automaker": c.automaker, "supplier": c.supplier, "part": c.part}))
        else:
            _show(c, texts)
    return 0


if __name__ == "__main__":
    sys.exit(main())
