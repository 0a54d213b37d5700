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

    __slots__ = ("base", "body_sentences", "lead_end", "title_end")

    def __init__(self, text: str, title_end: int):
        self.title_end = title_end
        body_start = title_end + 2 if title_end else 0
        para = text.find("\n", body_start + 1)
        self.lead_end = para if 0 < para - body_start <= LEAD_CHARS else None
        self.body_sentences = 0
        self.base = 0


def weigh_sentences(doc, text: str, layout: Layout | None = None) -> Sentences:
    """Sentences with their weight (title, lead paragraph, body), as plain lists: no Spans.
    With ``layout``, ``doc`` is a piece of a longer text starting at ``layout.base``: the
    characters are given in the whole text."""
    if len(doc) == 0:
        return Sentences([], [], [], [])
    if layout is None:
        layout = Layout(text, doc.user_data.get("title_end", 0))
    title_end, lead_end, base = layout.title_end, layout.lead_end, layout.base
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
        else:
            in_lead = start_char + base < lead_end if lead_end is not None else body_sentences < 2
            weight = LEAD_WEIGHT if in_lead else BODY_WEIGHT
            body_sentences += 1
        add_start(start)
        add_char((start_char + base, end_char + base) if base else (start_char, end_char))
        add_weight(weight)
    layout.body_sentences = body_sentences
    return sents
