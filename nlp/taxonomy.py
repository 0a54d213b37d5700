"""The topic taxonomy (nlp/data/topics.yaml) as frozen dataclasses."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from . import yamlfile
from .patterns import expand_all

DATA = Path(__file__).with_name("data")


class Pair(tuple):
    """Two cue lists ``(a, b)`` of a topic: a word of each, in the same sentence or, with
    ``window``, up to that many sentences apart, proves the topic (in the sentence of its ``a``
    word); with ``unless`` words, those cancel it in their sentence instead of the topic's veto
    (coal power at a smelter is no less so in a sentence on "the aluminium maker" or "demand for
    nickel", words the veto holds for solar panels as products), or, with ``also_veto``, beside it
    (a coal-fired furnace is no worker fired, and bitcoin miners' hours are still no one's work
    hours); with ``suppressed_in_document:
    false``, a topic that suppresses it in the whole text does so only in its own sentences
    (copper's mines in a cobalt story are still copper's). A tuple of two, so that whoever reads
    ``topic.pairs`` as (a, b) needs nothing more.

    Two kinds use the lists otherwise, so that the tagger finds their words as it finds a pair's:
    ``weak`` words (``a``) prove the topic alone, unless the topic's veto words are in their
    sentence, or, for a group with ``unless`` words of its own, those instead (and, unlike
    ``generic`` words, whatever other topics say); a compound topic's ``context`` words (``a``)
    are what its sentences must show (see ``Topic.requires``)."""

    kind: str
    window: int
    unless: tuple[str, ...]
    in_document: bool  # False: suppressed only in the suppressing topic's sentences
    also_veto: bool  # its unless words cancel it as well as the topic's veto, not instead

    def __new__(cls, a, b=(), kind: str = "pair", window: int = 0, unless=(), in_document: bool = True,
                also_veto: bool = False):
        self = super().__new__(cls, (tuple(a), tuple(b)))
        self.kind = kind
        self.window = window
        self.unless = tuple(unless)
        self.in_document = in_document
        self.also_veto = also_veto
        return self

    def __reduce__(self):
        return (Pair, (self[0], self[1], self.kind, self.window, self.unless, self.in_document, self.also_veto))


@dataclass(frozen=True)
class Topic:
    id: str
    name: str
    description: str
    hashtags: tuple[str, ...]
    terms: tuple[str, ...] = ()
    generic: tuple[str, ...] = ()  # count like pairs: vetoed and suppressed like them
    pairs: tuple[Pair, ...] = ()  # also the weak words and a compound's context words (Pair.kind)
    not_phrases: tuple[str, ...] = ()
    veto: tuple[str, ...] = ()
    # words that cancel the topic's pairs, generic and weak words in every sentence of a text that has one of them
    # (lithium the medicine: "Brand names for lithium carbonate include Eskalith" two sentences after "bipolar disorder")
    veto_in_document: tuple[str, ...] = ()
    suppressed_by: tuple[str, ...] = ()
    suppressed_in_document: bool = False
    requires: str | None = None  # compound topics: the topic whose sentences they build on
    near: tuple[str, ...] = ()
    window: int = 1
    context_window: int = 0  # compound: how far a near word with a context word beside it may be
    near_unless: tuple[str, ...] = ()  # compound: phrases whose near words are not near words ("from seawater")

    @property
    def weak(self) -> tuple[str, ...]:
        return tuple(w for p in self.pairs if p.kind == "weak" for w in p[0])

    def unless(self, word: str) -> tuple[str, ...]:
        """The words that cancel a weak word in its sentence instead of the topic's veto (none:
        the veto does)."""
        return next((p.unless for p in self.pairs if p.kind == "weak" and word in p[0]), ())

    @property
    def context(self) -> tuple[str, ...]:
        return tuple(w for p in self.pairs if p.kind == "context" for w in p[0])


def _pair(spec, where: str) -> Pair:
    """``[[a...], [b...]]``, or ``[[a...], [b...], {window: n, unless: [...], also_veto: true,
    suppressed_in_document: false}]`` (any of them), or ``{a: [...], b: [...], window: n, ...}``."""
    known = {"window", "unless", "also_veto", "suppressed_in_document"}
    if isinstance(spec, dict):
        if set(spec) - {"a", "b"} - known:
            raise ValueError(f"topics.yaml: {where}: unknown pair keys {sorted(set(spec) - {'a', 'b'} - known)}")
        a, b, options = spec.get("a"), spec.get("b"), spec
    elif isinstance(spec, (list, tuple)) and len(spec) in (2, 3):
        a, b = spec[0], spec[1]
        options = spec[2] if len(spec) == 3 else {}
        if not isinstance(options, dict) or set(options) - known:
            raise ValueError(f"topics.yaml: {where}: a pair's third item is {{window: n, unless: [...], "
                             f"also_veto: true, suppressed_in_document: false}}")
    else:
        raise ValueError(f"topics.yaml: {where}: a pair is two lists of words")
    a, b = tuple(expand_all(a)), tuple(expand_all(b))
    if not a or not b:
        raise ValueError(f"topics.yaml: {where}: a pair needs words in both lists")
    if options.get("also_veto") and not options.get("unless"):
        raise ValueError(f"topics.yaml: {where}: also_veto is said of a pair's own unless words: give them")
    return Pair(a, b, window=int(options.get("window", 0)), unless=expand_all(options.get("unless")),
                in_document=bool(options.get("suppressed_in_document", True)), also_veto=bool(options.get("also_veto")))


def _weak_groups(spec, where) -> list[Pair]:
    """``weak:`` is a list of words (cancelled by the topic's veto), or of groups ``{words: [...],
    unless: [...]}`` cancelled by their own ``unless`` words instead; plain words and groups mix."""
    plain, groups = [], []
    for item in spec or ():
        if isinstance(item, dict):
            if set(item) - {"words", "unless"} or not item.get("words"):
                raise ValueError(f"topics.yaml: {where}: a weak group is {{words: [...], unless: [...]}}")
            groups.append(Pair(expand_all(item["words"]), kind="weak", unless=expand_all(item.get("unless"))))
        else:
            plain.append(item)
    return ([Pair(expand_all(plain), kind="weak")] if plain else []) + groups


@lru_cache(maxsize=4)
def load_taxonomy(path: Path = DATA / "topics.yaml") -> tuple[Topic, ...]:
    data = yamlfile.load(path)
    topics = []
    allowed = {"id", "name", "description", "hashtags", "terms", "generic", "weak", "pairs", "not", "veto",
               "veto_in_document", "suppressed_by", "suppressed_in_document", "compound"}
    for t in data["topics"]:
        if set(t) - allowed:
            raise ValueError(f"topics.yaml: {t.get('id')}: unknown keys {sorted(set(t) - allowed)}")
        compound = t.get("compound") or {}
        if set(compound) - {"requires", "near", "window", "context", "context_window", "unless"}:
            raise ValueError(f"topics.yaml: {t.get('id')}: unknown compound keys")
        pairs = [_pair(p, f"{t.get('id')} pair {n}") for n, p in enumerate(t.get("pairs") or ())]
        pairs.extend(_weak_groups(t.get("weak"), t.get("id")))
        if compound.get("context"):
            pairs.append(Pair(expand_all(compound["context"]), kind="context"))
        topics.append(Topic(
            id=t["id"], name=t["name"], description=t["description"], hashtags=tuple(t.get("hashtags", ())),
            terms=tuple(expand_all(t.get("terms"))), generic=tuple(expand_all(t.get("generic"))),
            pairs=tuple(pairs),
            not_phrases=tuple(expand_all(t.get("not"))), veto=tuple(expand_all(t.get("veto"))),
            veto_in_document=tuple(expand_all(t.get("veto_in_document"))),
            suppressed_by=tuple(t.get("suppressed_by", ())),
            suppressed_in_document=bool(t.get("suppressed_in_document")), requires=compound.get("requires"),
            near=tuple(expand_all(compound.get("near"))), window=int(compound.get("window", 1)),
            context_window=int(compound.get("context_window", 0)),
            near_unless=tuple(expand_all(compound.get("unless")))))
    ids = [t.id for t in topics]
    for t in topics:
        for ref in (*t.suppressed_by, *([t.requires] if t.requires else [])):
            if ref not in ids:
                raise ValueError(f"topics.yaml: {t.id} refers to unknown topic {ref!r}")
    return tuple(topics)
