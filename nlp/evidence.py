"""Choosing and writing a tag's evidence, and its salience.

A tag carries the sentence that proves it, as written (whitespace runs as one space, clipped to
``MAX_EVIDENCE`` characters), and a salience from its mentions' weights. Which sentence is chosen
is the tagger's decision (``Tagger._decide``); what counts as the body rather than the title, and
how the evidence and the matched terms are written, is here, with the limits they keep to.
"""

from __future__ import annotations

from .layout import TITLE_WEIGHT
from .quotes import without_marks

SALIENCE_HALF = 4.0  # weighted mentions at which salience reaches 0.5
MAX_EVIDENCE = 400


class BodySentences:
    """Whether sentence ``i`` is of the body proper: neither the title nor a sentence that
    repeats it (only a title of 20 characters or more is looked for), worked out once per
    sentence asked about."""

    __slots__ = ("chars", "known", "text", "title", "weights")

    def __init__(self, text: str, chars: list[tuple[int, int]], weights: list[float]):
        self.text, self.chars, self.weights, self.known = text, chars, weights, {}
        title = [c for c, w in zip(chars, weights) if w == TITLE_WEIGHT]
        heading = " ".join(text[title[0][0]:title[-1][1]].split()).lower() if title else ""
        self.title = heading if len(heading) >= 20 else ""

    def __call__(self, i: int) -> bool:
        if self.weights[i] == TITLE_WEIGHT:
            return False
        if not self.title:
            return True
        found = self.known.get(i)
        if found is None:
            start, end = self.chars[i]
            found = self.known[i] = self.title not in " ".join(self.text[start:end].split()).lower()
        return found


def span_text(text: str, idx: list[int], start: int, end: int, stop: int | None = None) -> str:
    """The matched words as written, with any run of whitespace between them as one space
    (shrinking drops spaces, so "lithium  deal" matches the pattern "lithium deal"), and without
    the closing mark of a word in scare quotes ('green" steel': the tokenizer folds it into the
    word so that the phrase matches) or an opening mark inside the phrase (forced “labour camps:
    the tokenizer skips it). ``stop``: where the text of the last token's piece ends."""
    return without_marks(" ".join(
        text[idx[start]: idx[end] if end < len(idx) else len(text) if stop is None else stop].split()))


def clip(text: str, chars: tuple[int, int]) -> str:
    out = " ".join(text[chars[0]:chars[1]].split())
    return out if len(out) <= MAX_EVIDENCE else out[: MAX_EVIDENCE - 1].rsplit(" ", 1)[0] + "…"


def salience(weights) -> float:
    """0..1: about 0.2 for one mention in passing, over 0.7 for a subject of the title and lead."""
    w = float(sum(weights))
    return round(w / (w + SALIENCE_HALF), 3)

