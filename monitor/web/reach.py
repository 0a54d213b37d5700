"""Supply-chain reach (issue 18): the automakers a story reaches through the suppliers it names.

A story reaches an automaker directly when it names it (an automaker tag) and through its chain
when one of its supplier tags is linked to that automaker (nlp/data/supply_links.yaml, verified
or not). Storage knows no links, so reach is computed here, in the web layer, from the stored
supplier tags of a page's stories at once: no query beyond the one that reads their tags.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from nlp.supply_links import links_of, reach


@dataclass(frozen=True)
class Reach:
    """One automaker a story reaches only through its chain, and the named suppliers that link it."""

    automaker: str
    name: str
    via: tuple[str, ...]  # supplier ids, in the story's tag order
    via_names: tuple[str, ...]

    @property
    def label(self) -> str:
        """What the chip says: "Ford via Huayou, PT Vale Indonesia"."""
        return f"{self.name} via {', '.join(self.via_names)}"

    def as_dict(self) -> dict:
        return {"automaker": self.automaker, "name": self.name, "via": list(self.via)}


def chain_reach(tags, names: Mapping[tuple[str, str], str], links=None) -> tuple[Reach, ...]:
    """The automakers these tags (one story's ``StoryTag``s, any kinds) reach through their
    suppliers but do not name, in the order of their first link; ``names`` maps (kind, id) to a
    display name, as the review page's ``state.names`` does (a supplier's name is its tag's).
    ``links``: the links in force (monitor.supply_state.effective_links: the file's with the
    staff's changes); None reads the file's alone."""
    tags = list(tags)
    direct = {t.tag_id for t in tags if t.kind == "automaker"}
    suppliers = {t.tag_id: t.name for t in tags if t.kind == "supplier"}
    if not suppliers:
        return ()
    out = []
    for automaker, via in reach(suppliers, links).items():
        if automaker in direct:
            continue
        out.append(Reach(automaker, names.get(("automaker", automaker), automaker), via,
                         tuple(suppliers[s] for s in via)))
    return tuple(out)


def page_reach(stories: Iterable, names: Mapping[tuple[str, str], str], links=None) -> dict[int, tuple[Reach, ...]]:
    """Story id -> its chain reach, for a page of ``InboxStory`` rows (their ``automakers`` and
    ``suppliers`` are the stored tags already read for the page)."""
    return {s.id: chain_reach((*s.automakers, *s.suppliers), names, links) for s in stories}


def chain_suppliers(automaker: str | None, links=None) -> tuple[str, ...]:
    """The ids of the suppliers linked to ``automaker`` (what ``chain=1`` adds to its filter:
    storage.filters.Filters.chain_suppliers), each once, in the links file's order."""
    if not automaker:
        return ()
    return tuple(dict.fromkeys(link.supplier for link in links_of(automaker=automaker, links=links)))
