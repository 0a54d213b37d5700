"""What the tagger returns: plain frozen dataclasses, cheap to pickle between processes.

One record for a tag found in a text, automaker or topic alike (``kind``); storage keeps the
same fields on its row (``storage.tags.TagRow``, plus who added it)."""

from __future__ import annotations

from dataclasses import dataclass

ROLES = ("subject", "mention")
KINDS = ("automaker", "topic")


@dataclass(frozen=True)
class Tag:
    kind: str  # automaker | topic
    id: str
    name: str
    evidence: str
    mentions: int
    salience: float
    matched: tuple[str, ...] = ()  # the brands named (automakers) or the terms matched (topics)
    role: str = "mention"  # subject: the story is about it; mention: named in passing (see nlp.aboutness)
    ranked: bool = False  # an automaker the coalition ranks (topics: always False)

    @property
    def brands(self) -> tuple[str, ...]:
        return self.matched

    @property
    def terms(self) -> tuple[str, ...]:
        return self.matched

    def to_dict(self) -> dict:
        """The CLI contract's object: ``brands`` (automakers) or ``terms`` (topics) name what matched."""
        out = {"id": self.id, "name": self.name}
        if self.kind == "automaker":
            out["brands"] = list(self.matched)
        out.update(evidence=self.evidence, mentions=self.mentions, salience=self.salience)
        if self.kind == "automaker":
            out["ranked"] = self.ranked
        else:
            out["terms"] = list(self.matched)
        out["role"] = self.role
        return out


@dataclass(frozen=True)
class Tags:
    automakers: tuple[Tag, ...] = ()
    topics: tuple[Tag, ...] = ()

    def to_dict(self) -> dict:
        """The CLI contract: lists of plain objects (ranked and terms are extras)."""
        return {"automakers": [a.to_dict() for a in self.automakers],
                "topics": [t.to_dict() for t in self.topics]}

    def automaker_ids(self) -> list[str]:
        return [a.id for a in self.automakers]

    def topic_ids(self) -> list[str]:
        return [t.id for t in self.topics]
