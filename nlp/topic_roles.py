"""Whether a text is about each topic it proves: its role, "subject" or "mention".

There are no labels for topics to measure against, so the rule is the plain
one a reader would apply. A topic is the subject when the text is about it:

- it is proven in the title or the first sentence (the lede states what the news is), or
- it is proven elsewhere in the lead paragraph and has at least two cues in all (one more
  word for it, in that sentence or later), or
- it is the text's main topic: it holds at least a third of all the topics' weight (cues
  weighted by their sentence's place, as for salience) and has two cues or more, in two
  sentences or more, or in one sentence of a short text (``TOPIC_SHORT`` sentences at most: a
  four-sentence report on a nickel refinery may name its metal in one sentence only), or
- it is proven in at least a quarter of the sentences (and two at least): a theme of a long
  text, however many other topics it has.

Otherwise it is a mention: proven only in passing, e.g. in one sentence late in a long text.
"""

from __future__ import annotations

from .aboutness import MENTION, SUBJECT
from .layout import lede_index

TOPIC_LEAD_CUES = 2
TOPIC_SHARE = 1 / 3
TOPIC_SPREAD = 0.25
TOPIC_SHORT = 8


def topic_roles(weights: list[float], hits: dict, *, title_weight: float = 3.0,
                lead_weight: float = 2.0) -> dict:
    """Each proven topic's role (``hits``: topic -> {sentence: cues}; ``weights``: each sentence's
    weight, the title's ``title_weight``, the lead's ``lead_weight``): see the module's docstring."""
    if not hits:
        return {}
    first_body = lede_index(weights, title_weight, lead_weight)
    weighted = {t: sum(weights[i] * n for i, n in found.items()) for t, found in hits.items()}
    total = sum(weighted.values())
    spread = max(2, TOPIC_SPREAD * len(weights))
    roles = {}
    for t, found in hits.items():
        cues = sum(found.values())
        sentences = len(found)
        first = min(found)
        subject = (first <= first_body  # the title or the first sentence
                   or (weights[first] >= lead_weight and cues >= TOPIC_LEAD_CUES)
                   or (weighted[t] >= TOPIC_SHARE * total and cues >= 2
                       and (sentences >= 2 or len(weights) <= TOPIC_SHORT))
                   or sentences >= spread)
        roles[t] = SUBJECT if subject else MENTION
    return roles
