"""What the tagger returns: plain frozen dataclasses, cheap to pickle between processes.

One record for a tag found in a text, automaker, supplier or topic alike (``kind``); storage keeps
the same fields on its row (``storage.tags.TagRow``, plus who added it; suppliers are not stored
yet: ``storage.tags.rows_of`` reads the automakers and topics only)."""

from __future__ import annotations

from dataclasses import dataclass

ROLES = ("subject", "mention")
KINDS = ("automaker", "topic", "supplier")


@dataclass(frozen=True)
class Tag:
    kind: str  # automaker | topic | supplier
    id: str
    name: str
    evidence: str
    mentions: int
    salience: float
    matched: tuple[str, ...] = ()  # the brands named (automakers), the terms matched (topics), the names as
    # written (suppliers)
    role: str = "mention"  # subject: the story is about it; mention: named in passing (see nlp.aboutness)
    ranked: bool = False  # an automaker the coalition ranks (topics: always False)
    linked: tuple[str, ...] = ()  # suppliers: the automaker groups it supplies (nlp/data/supply_links.yaml)

    @property
    def brands(self) -> tuple[str, ...]:
        return self.matched

    @property
    def terms(self) -> tuple[str, ...]:
        return self.matched

    def to_dict(self) -> dict:
        """The CLI contract's object: ``brands`` (automakers) or ``terms`` (topics) name what matched;
        a supplier's lists the automakers it is linked to."""
        if self.kind == "supplier":
            return {"id": self.id, "name": self.name, "evidence": self.evidence, "salience": self.salience,
                    "role": self.role, "automakers": list(self.linked)}
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
    suppliers: tuple[Tag, ...] = ()
    # the automakers the text reaches only through suppliers it names: (automaker group, supplier ids)
    supply_chain: tuple[tuple[str, tuple[str, ...]], ...] = ()

    def to_dict(self) -> dict:
        """The CLI contract: lists of plain objects (ranked and terms are extras)."""
        return {"automakers": [a.to_dict() for a in self.automakers],
                "topics": [t.to_dict() for t in self.topics],
                "suppliers": [s.to_dict() for s in self.suppliers],
                "supply_chain": [{"automaker": a, "via": list(via)} for a, via in self.supply_chain]}

    def supplier_ids(self) -> list[str]:
        return [s.id for s in self.suppliers]

    def automaker_ids(self) -> list[str]:
        return [a.id for a in self.automakers]

    def topic_ids(self) -> list[str]:
        return [t.id for t in self.topics]
