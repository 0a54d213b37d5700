"""Tag automakers (brand -> group) and campaign topics, each with the sentence that proves it.

Pure: text in, tags out; no network, no database. The registry (data/automakers.yaml) and the
taxonomy (data/topics.yaml) are read once, when the first ``Tagger`` is built.

    >>> from nlp import tag
    >>> tag("Volvo Cars will buy fossil-free steel from SSAB.").topic_ids()
    ['green-steel']
"""

from __future__ import annotations

from functools import lru_cache

from .tagger import AutomakerTag, Tagger, Tags, TopicTag

__all__ = ["AutomakerTag", "Tagger", "Tags", "TopicTag", "default_tagger", "tag"]


@lru_cache(maxsize=1)
def default_tagger() -> Tagger:
    return Tagger()


def tag(text: str, title: str | None = None) -> Tags:
    """Tag one text with the default registry and taxonomy."""
    return default_tagger().tag(text, title)
