"""Supply links proposed from REAL published text (issue 18, item 3): the labels of
tests/data/supply/real_labels.jsonl against the texts of ../shared/data, read in place.

The labels hold no third-party text: each names a document (corpus and id), the sentence's
offsets and the sha1 of its text, the automaker and supplier named in it, whether the sentence
states a deal between them (and its kind) and a reason in our own words. These tests check that
every label still points at the sentence it was written for, that the split (a document is held
out when sha256("<corpus>/<id>") is even) is the one fixed before any result was read, and that
precision and recall on the dev part do not fall below what the rules reached when this file was
written: computed here from the labels, as `python -m benchmarks proposals-real` prints them.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter

import pytest

from benchmarks.proposals_real import (
    DEV,
    HELDOUT,
    LABELS,
    candidates,
    documents,
    load_labels,
    part,
    score,
)
from nlp import default_tagger
from nlp.proposals import KINDS
from tests.helpers import shared_data

# Measured on the dev part (26 scored candidates, 6 with a deal; 1 optional) after the rules'
# round on real text: P 1.000 (6 of 6) R 1.000. Too few for a fine figure: one wrong proposal
# would show as P 0.857, so the floor is what was reached, and recall may lose one of six.
DEV_PRECISION_FLOOR = 1.0
DEV_RECALL_FLOOR = 0.83
HELD_OUT_PRECISION_FLOOR = 0.90  # the target; nothing is tuned on this part
FIELDS = {"corpus", "doc", "start", "end", "sha1", "automaker", "supplier", "part", "deal", "kind", "kinds_ok",
          "reason", "optional"}


@pytest.fixture(scope="module")
def labels() -> dict:
    return load_labels(LABELS)


@pytest.fixture(scope="module")
def texts() -> dict[tuple[str, str], str]:
    shared_data("real-passages")
    shared_data("article-extraction-benchmark")
    return {(corpus, doc): text for corpus, doc, text in documents()}


@pytest.fixture(scope="module")
def found(texts) -> list:
    cands, _ = candidates(default_tagger(), ((c, d, t) for (c, d), t in texts.items()))
    return cands


def test_the_labels_are_well_formed_and_hold_no_third_party_text(labels):
    assert len(labels) >= 40
    for key, row in labels.items():
        assert set(row) <= FIELDS, key
        assert row["corpus"] in ("passages", "articles"), key
        assert row["part"] == part(row["corpus"], row["doc"]), key
        assert isinstance(row["deal"], bool), key
        if row["deal"]:
            assert row["kind"] in KINDS and set(row["kinds_ok"]) <= set(KINDS), key
        else:
            assert row["kind"] is None and not row["kinds_ok"], key
        assert 10 <= len(row["reason"]) <= 240, key
        assert re.fullmatch(r"[0-9a-f]{40}", row["sha1"]), key


@pytest.mark.shared
def test_every_label_points_at_its_sentence_in_the_shared_texts(labels, texts):
    for key, row in labels.items():
        text = texts.get((row["corpus"], row["doc"]))
        assert text is not None, f"{key}: no such document in ../shared/data"
        sentence = text[row["start"]:row["end"]]
        assert hashlib.sha1(sentence.encode()).hexdigest() == row["sha1"], f"{key}: the text at the offsets changed"
        # the reason is ours: no run of six words of the sentence is copied into it
        words = sentence.split()
        runs = {" ".join(words[i:i + 6]) for i in range(len(words) - 5)}
        assert not any(run in row["reason"] for run in runs), key


@pytest.mark.shared
def test_the_split_is_fixed_by_the_document_and_holds_out_about_half(texts):
    parts = Counter(part(c, d) for c, d in texts)
    assert set(parts) == {DEV, HELDOUT}
    assert 0.40 <= parts[HELDOUT] / len(texts) <= 0.60, parts
    # fixed for good: a change here would let tuned-on documents into the held-out part
    assert [part("passages", f"d{n:03}") for n in range(1, 13)] == [
        DEV, DEV, DEV, HELDOUT, DEV, DEV, DEV, DEV, HELDOUT, HELDOUT, DEV, DEV]
    assert (part("passages", "d016"), part("passages", "d017"), part("passages", "d018")) == (HELDOUT, DEV, HELDOUT)
    assert part("articles", "042bb7b5fedab6eac7db576522b89b93904c237d344bcbe14a6a5ab7f7335856") == HELDOUT


@pytest.mark.shared
def test_every_proposal_and_nearly_every_candidate_is_labelled(found, labels):
    unlabelled = [c for c in found if c.key not in labels]
    hint = ("label them in tests/data/supply/real_labels.jsonl (list: python -m benchmarks.proposals_real "
            "--unlabelled): " + "; ".join(f"{c.corpus}/{c.doc} {c.start}:{c.end} {c.automaker}~{c.supplier}"
                                          for c in unlabelled))
    assert not [c for c in unlabelled if c.kind is not None], hint  # a proposal nobody judged: no precision
    assert len(unlabelled) <= 0.1 * len(found), hint


@pytest.mark.shared
def test_precision_and_recall_on_the_dev_part_stay_above_what_was_reached(found, labels):
    s = score(found, labels, DEV)
    errors = "; ".join(f"{what} {c.doc} {c.automaker}~{c.supplier} ({c.kind})" for what, c, _ in s.errors)
    assert s.candidates >= 20 and s.deals >= 5
    assert s.precision >= DEV_PRECISION_FLOOR, errors
    assert s.recall >= DEV_RECALL_FLOOR, errors


@pytest.mark.shared
def test_precision_on_the_held_out_part_meets_the_target(found, labels):
    s = score(found, labels, HELDOUT)  # its errors are not printed: nothing may be tuned on them
    assert s.candidates >= 10
    assert s.precision >= HELD_OUT_PRECISION_FLOOR, f"held-out P {s.precision:.3f} (TP {s.tp} FP {s.fp})"


def test_optional_labels_count_neither_way():
    from benchmarks.proposals_real import Candidate

    c = Candidate("passages", "dX", 0, 5, "0" * 40, "bmw", "stegra", "supply")
    row = {"deal": False, "kind": None, "kinds_ok": [], "optional": True, "reason": "either way"}
    s = score([c], {c.key: row}, None)
    assert (s.tp, s.fp, s.fn, s.optional) == (0, 0, 0, 1)
    s = score([c], {c.key: {**row, "optional": False, "deal": True, "kind": "offtake", "kinds_ok": ["supply"]}}, None)
    assert (s.tp, s.fp, s.fn) == (1, 0, 0)
    s = score([c], {c.key: {**row, "optional": False, "deal": True, "kind": "stake", "kinds_ok": []}}, None)
    assert (s.tp, s.fp, s.fn) == (0, 1, 1)  # a wrong kind is a false positive and a miss


def test_the_labels_file_is_json_lines():
    lines = [line for line in LABELS.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert all(isinstance(json.loads(line), dict) for line in lines)
