"""The topic taxonomy (nlp/data/topics.yaml) as frozen dataclasses."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from .patterns import expand_all

DATA = Path(__file__).with_name("data")


@dataclass(frozen=True)
class Topic:
    id: str
    name: str
    description: str
    hashtags: tuple[str, ...]
    terms: tuple[str, ...] = ()
    generic: tuple[str, ...] = ()  # count like pairs: vetoed and suppressed like them
    pairs: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...] = ()
    not_phrases: tuple[str, ...] = ()
    veto: tuple[str, ...] = ()
    suppressed_by: tuple[str, ...] = ()
    suppressed_in_document: bool = False
    requires: str | None = None  # compound topics: the topic whose sentences they build on
    near: tuple[str, ...] = ()
    window: int = 1


@lru_cache(maxsize=4)
def load_taxonomy(path: Path = DATA / "topics.yaml") -> tuple[Topic, ...]:
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    topics = []
    allowed = {"id", "name", "description", "hashtags", "terms", "generic", "pairs", "not", "veto",
               "suppressed_by", "suppressed_in_document", "compound"}
    for t in data["topics"]:
        if set(t) - allowed:
            raise ValueError(f"topics.yaml: {t.get('id')}: unknown keys {sorted(set(t) - allowed)}")
        compound = t.get("compound") or {}
        topics.append(Topic(
            id=t["id"], name=t["name"], description=t["description"], hashtags=tuple(t.get("hashtags", ())),
            terms=tuple(expand_all(t.get("terms"))), generic=tuple(expand_all(t.get("generic"))),
            pairs=tuple((tuple(expand_all(a)), tuple(expand_all(b))) for a, b in t.get("pairs", ())),
            not_phrases=tuple(expand_all(t.get("not"))), veto=tuple(expand_all(t.get("veto"))),
            suppressed_by=tuple(t.get("suppressed_by", ())),
            suppressed_in_document=bool(t.get("suppressed_in_document")), requires=compound.get("requires"),
            near=tuple(expand_all(compound.get("near"))), window=int(compound.get("window", 1))))
    ids = [t.id for t in topics]
    for t in topics:
        for ref in (*t.suppressed_by, *([t.requires] if t.requires else [])):
            if ref not in ids:
                raise ValueError(f"topics.yaml: {t.id} refers to unknown topic {ref!r}")
    return tuple(topics)
