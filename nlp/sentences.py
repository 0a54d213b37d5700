"""Sentence boundaries for the tagger's Docs.

The tokenizer's shrinking pass already knows where sentences start (it walks every token
anyway), so for its Docs this component only sets them; for Docs made without shrinking (the
patterns, the tests' full-text tokenizer) it applies the same rules to token arrays. A test
checks that both give the same starts.
"""

from __future__ import annotations

import numpy
from spacy.attrs import IS_LOWER, IS_SPACE, ORTH, SENT_START
from spacy.language import Language

from .tokenize import CLOSERS, ENDS

_ENDS, _CLOSERS = sorted(ENDS), sorted(CLOSERS)


@Language.component("chargewatch_sentences")
def _sentences_component(doc):
    """Sentence boundaries from token arrays (spaCy's sentencizer walks Python Token objects and
    cost as much as the rest of the tagger): a sentence ends at . ! ? (after closing quotes and
    brackets) unless the next word is lower-case, and at every line break, since headlines and
    list items have no full stop."""
    n = len(doc)
    if n == 0:
        return doc
    starts = doc.user_data.get("sent_starts")
    if starts is not None:  # found by the tokenizer's pass, by these same rules
        values = numpy.full(n, -1, dtype="int64")
        values[starts] = 1
        doc.from_array([SENT_START], values.astype("uint64").reshape(-1, 1))
        return doc
    strings = doc.vocab.strings
    arr = doc.to_array([ORTH, IS_SPACE, IS_LOWER]).astype("uint64")
    orth, space, lower = arr[:, 0], arr[:, 1].astype(bool), arr[:, 2].astype(bool)
    ends = numpy.isin(orth, [strings.add(e) for e in _ENDS])
    closers = numpy.isin(orth, [strings.add(c) for c in _CLOSERS])
    newline = numpy.zeros(n, dtype=bool)
    for h in numpy.unique(orth[space]):
        if "\n" in strings[int(h)]:
            newline |= orth == h
    # an end mark carries over closing quotes and brackets
    carry = ends.copy()
    for _ in range(2):
        carry[1:] |= carry[:-1] & closers[1:]
    start = numpy.zeros(n, dtype=bool)
    start[0] = True
    start[1:] |= carry[:-1] & ~closers[1:] & ~lower[1:] & ~space[1:]
    start[1:] |= newline[:-1]
    # whitespace after an end mark: the next word starts the sentence
    start[2:] |= carry[:-2] & space[1:-1] & ~newline[1:-1] & ~lower[2:] & ~space[2:]
    values = numpy.where(start, 1, -1).astype("int64").astype("uint64").reshape(-1, 1)
    doc.from_array([SENT_START], values)
    return doc
