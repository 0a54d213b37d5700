"""What the tagger returns: plain frozen dataclasses, cheap to pickle between processes."""

from __future__ import annotations

from dataclasses import asdict, dataclass

ROLES = ("subject", "mention")


@dataclass(frozen=True)
class AutomakerTag:
    id: str
    name: str
    brands: tuple[str, ...]
    evidence: str
    mentions: int
    salience: float
    ranked: bool = False
    role: str = "mention"  # subject: the story is about it; mention: named in passing (see nlp.aboutness)


@dataclass(frozen=True)
class TopicTag:
    id: str
    name: str
    evidence: str
    mentions: int
    salience: float
    terms: tuple[str, ...] = ()
    role: str = "mention"  # subject | mention, as for automakers


@dataclass(frozen=True)
class Tags:
    automakers: tuple[AutomakerTag, ...] = ()
    topics: tuple[TopicTag, ...] = ()

    def to_dict(self) -> dict:
        """The CLI contract: lists of plain objects (ranked and terms are extras)."""
        return {"automakers": [dict(asdict(a), brands=list(a.brands)) for a in self.automakers],
                "topics": [dict(asdict(t), terms=list(t.terms)) for t in self.topics]}

    def automaker_ids(self) -> list[str]:
        return [a.id for a in self.automakers]

    def topic_ids(self) -> list[str]:
        return [t.id for t in self.topics]
