"""Long texts a piece at a time: where to cut them, and how a piece's matches join the whole text's.

A 200-page PDF report is 2,000,000 characters, twice spaCy's ``max_length``: a text longer than
the tagger's ``chunk_chars`` (``CHUNK_CHARS`` by default) is read a piece at a time, each piece
ending at a paragraph break (or a sentence end) so that its tokens and sentences are exactly the
whole text's, and what the pieces found is decided on together, as one text (``Tagger._tag_long``).
Kept apart from the tagger's flow because the cutting rules must match the tokenizer's and the
sentence splitter's exactly (tests/test_evidence.py checks them against their tables).
"""

from __future__ import annotations

import re

from .cues import Cues
from .tokenize import TOKEN

# Texts longer than this are tagged a piece at a time (spaCy refuses texts over nlp.max_length,
# 1,000,000 characters, to protect models this pipeline does not have; a piece keeps memory low)
CHUNK_CHARS = 100_000


def shift_into(cues: Cues, candidates: list, local: Cues, found: list, first_token: int, first_sentence: int) -> None:
    """Add a piece's cues and automaker candidates to the whole text's, numbered as the whole
    text's tokens and sentences (the piece starts at token ``first_token``, sentence ``first_sentence``);
    the candidates' characters are the whole text's already."""
    candidates.extend([(s + first_token, e + first_token, form, i + first_sentence, doubtful, start, end)
                       for s, e, form, i, doubtful, start, end in found])
    cues.context.update([i + first_sentence for i in local.context])
    cues.strict.update([i + first_sentence for i in local.strict])
    cues.car.update([i + first_sentence for i in local.car])
    for name, sents in local.other.items():
        cues.other.setdefault(name, set()).update([i + first_sentence for i in sents])
    cues.voided.update([t + first_token for t in local.voided])
    for ti, buckets in local.topic.items():
        into = cues.topic[ti]
        for bucket, matches in buckets.items():
            into[bucket].extend([(s + first_token, e + first_token, i + first_sentence) for s, e, i in matches])


# Where a long text may be cut so that each piece has exactly the whole text's tokens and
# sentences: after a run of whitespace holding a line break (every line starts a sentence), else
# between sentences: ". " after a word of four lower-case letters or more (never one of the
# tokenizer's abbreviations: Mr. Prof. St.) and before a capital; else at a space; else anywhere.
SENTENCE_BREAK = re.compile(r"(?<=[a-z]{4}[.!?] )(?=[A-Z])")
_SPACE_BREAK = re.compile(r"\s(?=\S)")
_FIRST_TOKEN = re.compile(TOKEN)


def piece_bounds(text: str, limit: int):
    """(start, end) of each piece of ``text``, none longer than ``limit``: cut at its last
    paragraph break, else sentence break, in the second half of the piece, else in the whole
    piece; only a text with neither is cut at a space (or, with no space, anywhere)."""
    start, n = 0, len(text)
    while n - start > limit:
        hi = start + limit
        cut = None
        for lo in (start + limit // 2, start + 1):  # a shorter piece rather than a cut sentence
            cut = _paragraph_break(text, lo, hi) or _last_break(SENTENCE_BREAK, text, lo, hi)
            if cut is not None:
                break
        cut = cut or _last_break(_SPACE_BREAK, text, start + limit // 2, hi)
        if cut is None or not start < cut <= hi:
            cut = hi
        yield start, cut
        start = cut
    yield start, n


def _last_break(pattern: re.Pattern, text: str, lo: int, hi: int) -> int | None:
    last = None
    for last in pattern.finditer(text, lo, hi):
        pass
    return last.end() if last is not None else None


def _paragraph_break(text: str, lo: int, hi: int) -> int | None:
    """The last position in (lo, hi) where a non-space character follows a whitespace run that
    holds a line break. Scans backwards (a regular expression over a long whitespace run would
    backtrack for every line break in it)."""
    p = text.rfind("\n", lo, hi)
    while p >= lo:
        run_end = p + 1
        while run_end < hi and text[run_end].isspace():
            run_end += 1
        if run_end < hi:
            return run_end
        run_start = lo + len(text[lo:p].rstrip())  # the run reaches hi: look before it
        p = text.rfind("\n", lo, run_start)
    return None


def first_word(text: str, pos: int) -> str:
    """The first token of text[pos:], lower-cased (what a Doc of the whole text would have there)."""
    m = _FIRST_TOKEN.match(text, pos)
    return m.group(0).lower() if m else ""

