"""A text's sentences and their weight: the title, the lead paragraph, the body.

Where a name or a cue stands weighs what it proves: the title and the lead paragraph say what a
news text is about, the body adds detail. The weights feed salience (``nlp.evidence``), the
choice of evidence (``Tagger._decide``), the namesake rules (``nlp.mentions``: the title sets no
sense) and the roles (``nlp.aboutness``). A ``Layout`` carries where the title and the lead end
from one piece of a long text to the next (``nlp.pieces``), so each sentence weighs the same
whether the text was read whole or a piece at a time.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy
from spacy.attrs import IDX, SENT_START

TITLE_WEIGHT, LEAD_WEIGHT, BODY_WEIGHT = 3.0, 2.0, 1.0
LEAD_CHARS = 1200  # a first paragraph longer than this is no lead: the first two sentences are
FURNITURE_CHARS = 100  # a first line this short with no end mark is no lead (see lead_start)
FURNITURE_LINES = 3
_ENDS = ".!?…:;\"”’'"


@dataclass
class Sentences:
    """A text's sentences: first token, (start, end) characters and weight, as parallel lists;
    and each token's character offset in the text."""

    starts: list[int]
    chars: list[tuple[int, int]]
    weights: list[float]
    offsets: list[int]


class Layout:
    """Where the title and the lead paragraph end in the whole text, and how many body
    sentences came before: what weighs a sentence, carried from one piece of a text to the next.
    ``base`` is where the current piece starts in the whole text."""

    __slots__ = ("base", "body_sentences", "lead_end", "lead_start", "title_end")

    def __init__(self, text: str, title_end: int):
        self.title_end = title_end
        self.lead_start = body_start = lead_start(text, title_end + 2 if title_end else 0)
        para = text.find("\n", body_start + 1)
        self.lead_end = para if 0 < para - body_start <= LEAD_CHARS else None
        self.body_sentences = 0
        self.base = 0


def lead_start(text: str, start: int) -> int:
    """Where the lead paragraph starts: past the lines before it that are not prose. Pages put
    a byline ("By David Shepardson"), a dateline, a reading time ("3 min read"), a label or the
    headline again at the top of the body; taken as the lead, they pushed the real lede into the
    body's weight and lost its subject. A line counts as furniture when it is short and has no end
    mark, and prose follows within a few lines (not rows of a table)."""
    at, skipped = start, 0
    while True:
        end = text.find("\n", at)
        line = text[at:end if end >= 0 else len(text)].strip()
        if line:
            if len(line) > FURNITURE_CHARS or line[-1] in _ENDS:
                return at  # prose
            skipped += 1
        if end < 0 or skipped > FURNITURE_LINES:
            return start  # no prose after a few short lines: a table or a list, read as it stands
        at = end + 1


def lede_index(weights: list[float], title_weight: float, lead_weight: float) -> int:
    """The lede's sentence: the lead's first (past any furniture lines before it), else the first
    after the title; ``len(weights)`` when there is none."""
    first = next((i for i, w in enumerate(weights) if w != title_weight), len(weights))
    return next((i for i in range(first, len(weights)) if weights[i] == lead_weight), first)


def weigh_sentences(doc, text: str, layout: Layout | None = None) -> Sentences:
    """Sentences with their weight (title, lead paragraph, body), as plain lists: no Spans.
    With ``layout``, ``doc`` is a piece of a longer text starting at ``layout.base``: the
    characters are given in the whole text."""
    if len(doc) == 0:
        return Sentences([], [], [], [])
    if layout is None:
        layout = Layout(text, doc.user_data.get("title_end", 0))
    title_end, lead_end, lead_from, base = layout.title_end, layout.lead_end, layout.lead_start, layout.base
    offsets = doc.user_data.get("offsets") or doc.to_array(IDX).astype("int64").tolist()
    sents = Sentences([], [], [], offsets)
    starts = doc.user_data.get("sent_starts")
    if starts is None:
        starts = numpy.flatnonzero(doc.to_array(SENT_START).astype("int64") == 1).tolist()
    if not starts or starts[0] != 0:
        starts = [0, *starts]
    ends = [offsets[k] for k in starts[1:]]
    ends.append(len(text))
    body_sentences = layout.body_sentences
    add_start, add_char, add_weight = sents.starts.append, sents.chars.append, sents.weights.append
    for start, end_char in zip(starts, ends):
        start_char = offsets[start]
        if text[start_char].isspace() and text[start_char:end_char].isspace():
            continue
        if start_char + base < title_end:
            weight = TITLE_WEIGHT
        elif start_char + base < lead_from:  # furniture above the lead weighs as the body
            weight = BODY_WEIGHT
        else:
            in_lead = start_char + base < lead_end if lead_end is not None else body_sentences < 2
            weight = LEAD_WEIGHT if in_lead else BODY_WEIGHT
            body_sentences += 1
        add_start(start)
        add_char((start_char + base, end_char + base) if base else (start_char, end_char))
        add_weight(weight)
    layout.body_sentences = body_sentences
    return sents
