"""Tag automakers (brand -> group), their suppliers and campaign topics, each with the sentence
that proves it.

Pure: text in, tags out; no network, no database. The registries (data/automakers.yaml,
data/suppliers.yaml), the taxonomy (data/topics.yaml) and the supply links
(data/supply_links.yaml) are read once, when first needed.

    >>> from nlp import tag
    >>> tag("Volvo Cars will buy fossil-free steel from SSAB.").topic_ids()
    ['green-steel']
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from . import compiled

compiled.install()  # the hot modules' compiled copies, where built and still their sources' (nlp.compiled)

if TYPE_CHECKING:
    from .tagger import Tag, Tagger, Tags

__all__ = ["Tag", "Tagger", "Tags", "default_tagger", "tag"]


def __getattr__(name: str):
    # spaCy is imported on first use, so that reading the registry or the taxonomy (the review
    # page does) costs neither its import time nor its memory
    if name in ("Tag", "Tagger", "Tags"):
        from . import tagger
        return getattr(tagger, name)
    raise AttributeError(f"module 'nlp' has no attribute {name!r}")


@lru_cache(maxsize=1)
def default_tagger() -> "Tagger":
    from .tagger import Tagger

    return Tagger()


def tag(text: str, title: str | None = None) -> "Tags":
    """Tag one text with the default registry and taxonomy."""
    return default_tagger().tag(text, title)
