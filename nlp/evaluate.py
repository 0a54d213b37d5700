"""Micro precision and recall of the tagger on a labelled set: the project's own
(tests/data/tagging/passages.jsonl, ``evaluate``), the real passages of
../shared/data/real-passages (``evaluate_real``, with the dev/held-out split ``real_split``) and
the 181 general news pages of ../shared/data/article-extraction-benchmark labelled in
tests/data/general_news_labels.jsonl (``general_pages``, split by ``general_split``)."""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Callable
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


def _count(label: Score, total: Score, got: bool, want: bool) -> None:
    """One label of one passage, counted on its own score and on its kind's total."""
    for score in (label, total):
        if got and want:
            score.tp += 1
        elif got:
            score.fp += 1
        else:
            score.fn += 1


def _json_lines(path: str | Path, text: str):
    """(line number, value) of each non-blank line of a JSON-lines file's text; bad JSON raises
    ``ValueError`` naming the file and the line."""
    for n, line in enumerate(text.splitlines(), start=1):
        if line.strip():
            try:
                yield n, json.loads(line)
            except ValueError as exc:
                raise ValueError(f"{path}:{n}: invalid JSON: {exc}") from None


def load_passages(path: str | Path) -> list[dict]:
    """A bundled labelled set, as written (``read_labelled`` checks every field of a set given on the command line)."""
    return [entry for _, entry in _json_lines(path, Path(path).read_text(encoding="utf-8"))]


LIST_FIELDS = ("brands", "optional_brands", "automakers", "optional_automakers", "topics", "optional_topics", "about")


def read_labelled(path: str | Path, topic_ids: set[str], group_ids: set[str]) -> list[dict]:
    """A labelled set in the real passages' format (../shared/data/real-passages/README.md), each
    object checked: an ``id`` (unique) and a ``text``; list fields that are lists of strings;
    topic and ``about`` ids the taxonomy and registry know. Any problem raises ``ValueError``
    naming the file, the line and the field, so a typo in a label is never scored as a miss."""
    out: list[dict] = []
    seen: dict[str, int] = {}
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ValueError(f"{path}: cannot read: {getattr(exc, 'strerror', None) or exc}") from None
    for n, entry in _json_lines(path, text):
        where = f"{path}:{n}"
        if not isinstance(entry, dict):
            raise ValueError(f"{where}: expected a JSON object, got {type(entry).__name__}")
        if "id" not in entry or not isinstance(entry["id"], (str, int)) or str(entry["id"]).strip() == "":
            raise ValueError(f"{where}: missing \"id\" (a string)")
        pid = str(entry["id"])
        if pid in seen:
            raise ValueError(f"{where}: id {pid!r} already used on line {seen[pid]}")
        seen[pid] = n
        if not isinstance(entry.get("text"), str) or not entry["text"].strip():
            raise ValueError(f"{where}: {pid}: missing \"text\" (the passage)")
        for key in LIST_FIELDS:
            value = entry.get(key)
            if value is not None and (not isinstance(value, list) or not all(isinstance(v, str) for v in value)):
                raise ValueError(f"{where}: {pid}: \"{key}\" must be a list of strings")
        for key, known, what in (("topics", topic_ids, "topic"), ("optional_topics", topic_ids, "topic"),
                                 ("about", group_ids, "automaker group"),
                                 ("automakers", group_ids, "automaker group"),
                                 ("optional_automakers", group_ids, "automaker group")):
            unknown = [v for v in entry.get(key) or () if v not in known]
            if unknown:
                raise ValueError(f"{where}: {pid}: \"{key}\" names no {what}: {', '.join(map(repr, unknown))} "
                                 f"(known: {', '.join(sorted(known))})")
        out.append(entry)
    if not out:
        raise ValueError(f"{path}: no passages (one JSON object per line)")
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
                _count(report.per_label.setdefault(f"{kind}:{label}", Score()), total, label in got, label in want)
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


# -- real passages (../shared/data/real-passages/passages.jsonl) -------------------------------
#
# 300 passages of published text labelled by hand (see that folder's README.md). Their `brands`
# are surface forms as written; they name groups through the registry, lower-cased and without a
# trailing 's. Optional labels are neither a hit nor a false positive when predicted, and not a
# miss when absent. A third of the set is held out (``real_split``): nothing is tuned on it, and
# its errors are never printed, only its figures.

DEV, HELDOUT = "dev", "heldout"
ROLE_SUBJECT = "subject"


def real_split(passage_id: str) -> str:
    """``"heldout"`` when sha256(id) mod 3 == 0 (about a third of the ids), else ``"dev"``.

    Decided by the id alone, so adding passages never moves an old one between the parts."""
    import hashlib

    digest = hashlib.sha256(str(passage_id).encode("utf-8")).digest()
    return HELDOUT if int.from_bytes(digest, "big") % 3 == 0 else DEV


def real_part(passages: list[dict], part: str | None) -> list[dict]:
    """The passages of one part (``"dev"``, ``"heldout"``), or all of them for ``None``."""
    if part not in (None, DEV, HELDOUT):
        raise ValueError(f"unknown part {part!r} (dev, heldout or None)")
    return [p for p in passages if part is None or real_split(p["id"]) == part]


def brand_key(surface: str) -> str:
    """How a written brand label is looked up: lower-cased, a trailing 's (or ’s, or the ' of a
    plural's possessive: "Stellantis'") dropped."""
    key = " ".join(str(surface).split()).lower()
    for suffix in ("'s", "\u2019s", "'", "\u2019"):
        if key.endswith(suffix):
            return key[: -len(suffix)].rstrip()
    return key


_LEGAL_SUFFIX = re.compile(r"(?:,?\s+(?:ag|inc\.?|corp\.?|corporation|co\.?|company|ltd\.?|limited|plc|n\.?v\.?|se|s\.?a\.?|llc))+$")


def lookup_brand(table: dict[str, str], surface: str) -> str | None:
    """A brand label's group (None if unknown): as written, else less a legal ending ("Kia Corp.")."""
    key = brand_key(surface)
    return table.get(key) or table.get(_LEGAL_SUFFIX.sub("", key))


def brand_table(registry=None) -> dict[str, str]:
    """Lower-cased names -> group id: every surface form of the registry, each brand's name
    (Haval, Tank, Jaguar Land Rover) and each group's name. A name claimed by two groups is an
    error in the registry and raises ``ValueError``."""
    if registry is None:
        from .registry import load_registry

        registry = load_registry()
    table: dict[str, str] = {}
    clashes: list[str] = []

    def add(name: str, group: str) -> None:
        key = brand_key(name)
        if table.setdefault(key, group) != group:
            clashes.append(f"{name!r} ({table[key]}, {group})")

    for form in registry.forms:
        add(form.text, form.automaker)
    for automaker in registry.automakers:
        for brand in automaker.brands:
            add(brand, automaker.id)
        add(automaker.name, automaker.id)
    if clashes:
        raise ValueError("the registry gives one name to two groups: " + ", ".join(sorted(set(clashes))))
    return table


@dataclass
class RealLabels:
    automakers: set[str]
    optional_automakers: set[str]  # only those not also required
    topics: set[str]
    optional_topics: set[str]
    about: set[str]
    unknown: list[str]  # brand labels that name no group of the registry


def real_labels(passage: dict, table: dict[str, str]) -> RealLabels:
    """A passage's labels as group ids: its ``brands`` as written, looked up in ``table``; or, for a
    set labelled by group id (the general news pages), its ``automakers`` as they are. A name or id
    that no group of the registry answers to goes to ``unknown`` (and is not scored)."""
    unknown: list[str] = []
    by_id = "automakers" in passage
    known = set(table.values()) if by_id else set()

    def groups(names) -> set[str]:
        out = set()
        for name in names or ():
            group = (name if name in known else None) if by_id else lookup_brand(table, name)
            if group is None:
                unknown.append(name)
            else:
                out.add(group)
        return out

    automakers = groups(passage.get("automakers" if by_id else "brands"))
    optional = groups(passage.get("optional_automakers" if by_id else "optional_brands")) - automakers
    topics = set(passage.get("topics") or ())
    return RealLabels(automakers, optional, topics, set(passage.get("optional_topics") or ()) - topics,
                      set(passage.get("about") or ()), unknown)


def unmapped_brands(passages: list[dict], table: dict[str, str] | None = None) -> list[tuple[str, str]]:
    """(passage id, written name) for every brand label (required or optional) the registry does
    not know: such a label cannot be scored (it is left out of the counts)."""
    table = brand_table() if table is None else table
    return [(p["id"], name) for p in passages for name in real_labels(p, table).unknown]


@dataclass
class RoleScore:
    """``about`` roles: for every labelled automaker of a passage (its required brand groups and
    its ``about`` groups), is the tag's role "subject" exactly when the group is in ``about``?
    A labelled automaker the tagger did not find has no role, so it is right only when it is not
    in ``about``; ``untagged`` counts those."""

    correct: int = 0
    total: int = 0
    untagged: int = 0
    subject: Score = field(default_factory=Score)  # "subject" against `about`, over labelled groups

    @property
    def accuracy(self) -> float:
        return self.correct / self.total if self.total else 1.0


@dataclass
class RealReport(Report):
    part: str = "all"
    role: RoleScore = field(default_factory=RoleScore)  # the automaker tags' roles against `about`
    role_errors: list[dict] = field(default_factory=list)
    unmapped: list[tuple[str, str]] = field(default_factory=list)


def tag_passages(tagger, passages: list[dict]) -> list:
    """The tagger's Tags for each passage, in order (the passages have no title)."""
    return list(tagger.pipe((p["text"], p.get("title")) for p in passages))


def score_real(passages: list[dict], tags_list: list, part: str | None = None,
               table: dict[str, str] | None = None, split: Callable[[str], str] | None = None) -> RealReport:
    """Score ``tags_list`` (one Tags per passage, as from ``tag_passages``) on one part; ``split``
    says each id's part (``real_split`` unless given: ``general_split`` for the news pages)."""
    split = split or real_split
    if len(tags_list) != len(passages):
        raise ValueError(f"{len(passages)} passages but {len(tags_list)} tags")
    table = brand_table() if table is None else table
    report = RealReport(part=part or "all")
    for p, tags in zip(passages, tags_list):
        if part is not None and split(p["id"]) != part:
            continue
        report.passages += 1
        labels = real_labels(p, table)
        report.unmapped.extend((p["id"], name) for name in labels.unknown)
        found = {a.id: a for a in tags.automakers}
        topics = {t.id: t for t in tags.topics}
        for kind, tagged, want, optional in (("automaker", found, labels.automakers, labels.optional_automakers),
                                             ("topic", topics, labels.topics, labels.optional_topics)):
            got = set(tagged)
            total = report.automakers if kind == "automaker" else report.topics
            extra, missing = [], []
            for label in sorted(got | want):
                if label in optional:  # neither a hit nor a false positive, nor a miss
                    continue
                _count(report.per_label.setdefault(f"{kind}:{label}", Score()), total, label in got, label in want)
                if label not in want:
                    extra.append(label)
                elif label not in got:
                    missing.append(label)
            if extra or missing:
                report.errors.append({"id": p["id"], "kind": kind, "extra": extra, "missing": missing,
                                      "evidence": {label: tagged[label].evidence for label in extra},
                                      "cues": {label: _cues(tagged[label]) for label in extra},
                                      "text": p["text"]})
        if "about" not in p:  # a set labelled without `about` (the project's own) says nothing of roles
            continue
        role = report.role
        for group in sorted(labels.automakers | labels.about):
            tag = found.get(group)
            said = tag.role if tag is not None else None
            subject, truth = said == ROLE_SUBJECT, group in labels.about
            role.total += 1
            role.untagged += tag is None
            role.correct += subject == truth
            if subject and truth:
                role.subject.tp += 1
            elif subject:
                role.subject.fp += 1
            elif truth:
                role.subject.fn += 1
            if subject != truth:
                report.role_errors.append({"id": p["id"], "automaker": group, "role": said,
                                           "about": sorted(labels.about), "text": p["text"]})
    return report


def _cues(tag) -> list[str]:
    """What a tag was found by: a topic's terms, an automaker's brands."""
    return [str(x) for x in tag.matched]


def evaluate_real(tagger, passages: list[dict], part: str | None = None,
                  table: dict[str, str] | None = None) -> RealReport:
    """Tag and score one part of the real passages (``None``: all of them)."""
    chosen = real_part(passages, part)
    return score_real(chosen, tag_passages(tagger, chosen), part, table)


# -- general news (../shared/data/article-extraction-benchmark, labels in tests/data) ------------
#
# 181 real news pages (sport, politics, games, health, tech, a few car launches) labelled by hand
# with the real passages' conventions, by group id: {"id", "automakers", "optional_automakers",
# "about", "topics", "optional_topics", "note"}; the page texts stay in ../shared and are read in
# place. Most pages carry no campaign topic: the set measures false alarms on ordinary news. The
# split was fixed before the tagger's output on the pages was scored (``general_split``).

GENERAL_LABELS = Path(__file__).resolve().parents[1] / "tests" / "data" / "general_news_labels.jsonl"


def general_split(page_id: str) -> str:
    """``"heldout"`` when sha256(page id) is even (about half the pages), else ``"dev"``.

    The id alone decides (the 64-hex-digit page id of ground-truth.json), so the parts never
    change; 79 pages are dev and 102 held out."""
    import hashlib

    digest = hashlib.sha256(str(page_id).encode("utf-8")).digest()
    return HELDOUT if int.from_bytes(digest, "big") % 2 == 0 else DEV


def load_general_labels(path: str | Path = GENERAL_LABELS) -> list[dict]:
    """The labels, one object a line; objects without an ``id`` (the file's header) are skipped."""
    return [entry for entry in load_passages(path) if "id" in entry]


def general_pages(labels: list[dict], ground_truth: str | Path) -> list[dict]:
    """Each label with its page's text (``articleBody`` of ground-truth.json), in the labels'
    order; a label whose page is not there raises ``KeyError``."""
    pages = json.loads(Path(ground_truth).read_text(encoding="utf-8"))
    out = []
    for entry in labels:
        if entry["id"] not in pages:
            raise KeyError(f"general news label {entry['id']!r} names no page of {ground_truth}")
        out.append(dict(entry, text=pages[entry["id"]]["articleBody"]))
    return out
