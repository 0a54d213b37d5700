"""The tagger on real text: 300 hand-labelled passages of ../shared/data/real-passages.

The set is split by nlp.evaluate.real_split (sha256 of the id mod 3): a third is held out and
nothing is tuned on it. These tests check the split, that every brand label names a group of
the registry, and that precision and recall do not fall below floors measured on the tagger as
it was when this file was written (`python -m benchmarks realtext` prints the figures and the dev
part's errors). The floors are regression floors, not the issue's targets.
"""

from __future__ import annotations

from collections import Counter

import pytest

from nlp import default_tagger
from nlp.tags import Tag, Tags
from nlp.evaluate import (
    DEV,
    HELDOUT,
    brand_key,
    brand_table,
    load_passages,
    real_labels,
    real_part,
    real_split,
    score_real,
    tag_passages,
)
from tests.helpers import shared_data

# FLOORS, NOT TARGETS: the figures measured minus about 0.03, rounded down. Raise them as the
# tagger improves; the targets (held-out automakers P >= 0.98, R >= 0.97; topics P >= 0.93,
# R >= 0.90) are printed by `python -m benchmarks realtext`.
#   measured on HEAD 570cea2 (before issue 15's tagger work):
#              dev (200):     automakers P 0.921 R 0.994   topics P 0.894 R 0.909
#              heldout (100): automakers P 0.930 R 0.976   topics P 0.893 R 0.848
#   measured after the general news pages were labelled (issue 15, tests/test_general_news.py):
#              dev (200):     automakers P 0.982 R 0.994   topics P 1.000 R 1.000
#              heldout (100): automakers P 0.988 R 0.976   topics P 0.909 R 0.886
#              all (300):     automakers P 0.984 R 0.988   topics P 0.972 R 0.965
FLOORS = {
    DEV: {"automakers": (0.95, 0.96), "topics": (0.97, 0.97)},
    HELDOUT: {"automakers": (0.95, 0.94), "topics": (0.87, 0.85)},
    None: {"automakers": (0.95, 0.95), "topics": (0.94, 0.93)},
}


@pytest.fixture(scope="module")
def passages() -> list[dict]:
    return load_passages(shared_data("real-passages") / "passages.jsonl")


@pytest.fixture(scope="module")
def tagged(passages) -> list:
    return tag_passages(default_tagger(), passages)


@pytest.mark.shared
def test_the_split_is_fixed_by_the_id_and_holds_out_about_a_third(passages):
    ids = [p["id"] for p in passages]
    assert len(ids) == len(set(ids)) == 300
    parts = [real_split(i) for i in ids]
    assert parts == [real_split(i) for i in reversed(ids)][::-1]  # the id alone decides
    assert set(parts) == {DEV, HELDOUT}
    assert 0.28 <= parts.count(HELDOUT) / len(ids) <= 0.39, Counter(parts)
    # fixed for good: a change here would let tuned-on passages into the held-out part
    assert [real_split(f"d{n:03}") for n in range(1, 13)] == [
        DEV, HELDOUT, DEV, DEV, DEV, HELDOUT, DEV, HELDOUT, HELDOUT, DEV, HELDOUT, DEV]
    assert parts.count(HELDOUT) == 100
    dev, held = real_part(passages, DEV), real_part(passages, HELDOUT)
    assert len(dev) + len(held) == len(passages) and not {p["id"] for p in dev} & {p["id"] for p in held}
    # both parts have traps and labels of each kind
    for part in (dev, held):
        assert sum(not p["brands"] and not p["topics"] for p in part) >= 15
        assert sum(bool(p["brands"]) for p in part) >= 40 and sum(bool(p["topics"]) for p in part) >= 40


@pytest.mark.shared
def test_every_brand_label_names_a_group_of_the_registry(passages):
    table = brand_table()
    unknown = [f"{p['id']}: {name!r}" for p in passages for name in real_labels(p, table).unknown]
    assert not unknown, ("brand labels that no registry name gives (lower-cased, trailing 's dropped); add the "
                         "name to nlp/data/automakers.yaml or fix the label in ../shared: " + "; ".join(unknown))


@pytest.mark.shared
def test_about_and_topic_labels_name_known_groups_and_topics(passages):
    table = brand_table()
    ids = {a.id for a in default_tagger().registry.automakers}
    topics = {t.id for t in default_tagger().topics}
    for p in passages:
        labels = real_labels(p, table)
        assert labels.about <= labels.automakers | labels.optional_automakers, p["id"]
        assert labels.about <= ids, p["id"]
        assert labels.topics | labels.optional_topics <= topics, p["id"]


@pytest.mark.shared
@pytest.mark.parametrize("part", [DEV, HELDOUT, None], ids=["dev", "heldout", "all"])
def test_precision_and_recall_stay_above_the_floors(passages, tagged, part):
    r = score_real(passages, tagged, part)
    got = {"automakers": (r.automakers.precision, r.automakers.recall),
           "topics": (r.topics.precision, r.topics.recall)}
    print(f"\n[{r.part}: {r.passages} passages]\n" + "\n".join(r.table().splitlines()[-2:]))
    low = [f"{kind} {what} {value:.3f} < floor {floor}"
           for kind, (p_floor, r_floor) in FLOORS[part].items()
           for what, value, floor in (("P", got[kind][0], p_floor), ("R", got[kind][1], r_floor))
           if value < floor]
    assert not low, f"{r.part}: " + "; ".join(low) + " (run `python -m benchmarks realtext` for the dev errors)"


def test_brand_keys_drop_case_and_a_trailing_possessive():
    assert brand_key("Toyota's") == brand_key("TOYOTA\u2019s") == brand_key(" toyota ") == "toyota"
    assert brand_key("Stellantis'") == brand_key("Stellantis\u2019") == "stellantis"
    assert brand_key("Mercedes") == "mercedes"  # only 's, not a plain trailing s
    table = brand_table()
    assert table[brand_key("Kia Corp")] == "kia" and table[brand_key("Tank")] == "great-wall"
    assert table[brand_key("Jeep")] == "stellantis" and table[brand_key("GWM")] == "great-wall"


def _tags(automakers=(), topics=(), roles=None):
    """Tags as the tagger returns them: ids and evidence, and a role for the automakers named in
    ``roles`` (the others: mentions)."""
    roles = roles or {}
    return Tags(tuple(Tag("automaker", a, a, f"<{a}>", 1, 0.5, role=roles.get(a, "mention")) for a in automakers),
                tuple(Tag("topic", t, t, f"<{t}>", 1, 0.5) for t in topics))


def test_optional_labels_are_neither_hits_nor_false_positives_nor_misses():
    p = {"id": "x1", "text": "...", "brands": ["Kia"], "optional_brands": ["Jeep"], "topics": ["lithium"],
         "optional_topics": ["nickel", "cobalt"], "about": ["kia"]}
    r = score_real([p], [_tags(["kia", "stellantis", "ford"], ["lithium", "nickel"])])
    assert (r.automakers.tp, r.automakers.fp, r.automakers.fn) == (1, 1, 0)  # Jeep optional: not counted
    assert (r.topics.tp, r.topics.fp, r.topics.fn) == (1, 0, 0)  # nickel found, cobalt not: neither counts
    assert "automaker:stellantis" not in r.per_label and "topic:cobalt" not in r.per_label
    assert [(e["kind"], e["extra"], e["missing"]) for e in r.errors] == [("automaker", ["ford"], [])]
    assert r.errors[0]["evidence"] == {"ford": "<ford>"}
    # a label both required and optional is required
    p2 = dict(p, id="x2", optional_brands=["Kia Corp"], optional_topics=["lithium"])
    r2 = score_real([p2], [_tags([], [])])
    assert (r2.automakers.fn, r2.topics.fn) == (1, 1)


def test_roles_are_scored_against_about_when_the_tags_carry_them():
    p = {"id": "x1", "text": "...", "brands": ["Kia", "Toyota", "Ford"], "optional_brands": ["Jeep"],
         "topics": [], "optional_topics": [], "about": ["kia", "stellantis"]}
    tags = _tags(["kia", "toyota", "stellantis"],
                 roles={"kia": "subject", "toyota": "subject", "stellantis": "subject"})
    r = score_real([p], [tags])
    assert r.role is not None
    # labelled: kia (subject, right), toyota (subject, wrong), ford (not tagged, not about: right),
    # stellantis (optional but in about: subject, right)
    assert (r.role.correct, r.role.total, r.role.untagged) == (3, 4, 1)
    assert [(e["automaker"], e["role"]) for e in r.role_errors] == [("toyota", "subject")]
    assert (r.role.subject.tp, r.role.subject.fp, r.role.subject.fn) == (2, 1, 0)
