"""Sentence boundaries for the tagger's Docs, and which sentences are subheadings.

The tokenizer's shrinking pass already knows where sentences start (it walks every token
anyway), so for its Docs this component only sets them; for Docs made without shrinking (the
patterns, the tests' full-text tokenizer) it applies the same rules to token arrays. A test
checks that both give the same starts, on the same texts.

The rules (tokenize.py has the word lists):
- a sentence ends at . ! ? … (with the closing quotes and brackets right after it, at most two)
  unless the next word is lower-case or , ; : and at every line break (headlines and list
  items have no full stop);
- a full stop right after an abbreviation is a weaker end: after a title, a month, "vs.",
  "e.g."-like words none ("Gov. Newsom", "on Sept. 30"; "Mr. ", "No. " and the like before a
  space are single tokens that end nothing, as before); after "U.S.", "Inc.",
  "Corp.", "Ltd.", "etc.", a state ("Mich.") only before a clear sentence starter ("in the U.S.
  The company said" ends, "U.S. President" and "Ford Motor Co. Chief Executive" do not); after an
  initial only before a clear starter of two letters or more ("J. D. Power", "J. A. Smith");
  after "approx." and "Calif." before a capitalised word, never before a number; glued between
  a word and a one- or two-letter capital code (the tickers "MIELY.PK", "7203.T"), none;
- a straight quote (" or ') after whitespace and right before a word opens a quotation: it starts
  the new sentence, and is no closing quote of the one before ('over." "We will' gives 'over."'
  and '"We will'); written right after a word, it closes.
"""

from __future__ import annotations

import numpy
from spacy.attrs import IS_SPACE, ORTH, SENT_START, SPACY
from spacy.language import Language

from .tokenize import (
    CAN_START,
    CLOSERS,
    HARD,
    QUOTES,
    end_level,
    is_code,
    period_after,
    start_level,
)


@Language.component("chargewatch_sentences")
def _sentences_component(doc):
    """Sentence boundaries from token arrays (spaCy's sentencizer walks Python Token objects and
    cost as much as the rest of the tagger), by the rules above; each distinct word is looked at
    once."""
    n = len(doc)
    if n == 0:
        return doc
    starts = doc.user_data.get("sent_starts")
    if starts is not None:  # found by the tokenizer's pass, by these same rules
        values = numpy.full(n, -1, dtype="int64")
        values[starts] = 1
        doc.from_array([SENT_START], values.astype("uint64").reshape(-1, 1))
        return doc
    start = numpy.zeros(n, dtype=bool)
    start[0] = True
    start[_starts(doc)] = True
    values = numpy.where(start, 1, -1).astype("int64").astype("uint64").reshape(-1, 1)
    doc.from_array([SENT_START], values)
    return doc


def _starts(doc) -> numpy.ndarray:
    """Indices of the tokens that start a sentence (but for token 0, which always does)."""
    strings = doc.vocab.strings
    arr = doc.to_array([ORTH, IS_SPACE, SPACY]).astype("uint64")
    orth, space, spacy_ = arr[:, 0], arr[:, 1].astype(bool), arr[:, 2].astype(bool)
    n = len(orth)
    distinct, which = numpy.unique(orth, return_inverse=True)
    words = [strings[int(h)] for h in distinct]

    def per_word(f, dtype):
        return numpy.array([f(w) for w in words], dtype=dtype)[which]

    level = per_word(start_level, "int64")
    end = per_word(end_level, "int64")
    closer = per_word(lambda w: w in CLOSERS, bool)
    quote = per_word(lambda w: w in QUOTES, bool)
    newline = per_word(lambda w: w.isspace() and "\n" in w, bool)
    # a full stop written right after a word: the end that word makes of it (period_after)
    after = per_word(period_after, "int64")
    period = per_word(lambda w: w == ".", bool)
    glued = numpy.zeros(n, dtype=bool)  # the token before has no whitespace after it
    glued[1:] = ~space[:-1] & ~spacy_[:-1]
    weak = numpy.zeros(n, dtype=bool)
    weak[1:] = period[1:] & glued[1:]
    end[1:] = numpy.where(weak[1:], after[:-1], end[1:])
    # ...and glued between a word and a code ("MIELY.PK"), none
    code = per_word(is_code, bool)
    end[1:-1][weak[1:-1] & glued[2:] & code[2:]] = 0
    # a straight quote after whitespace (or first) and right before a word opens a quotation
    before_word = numpy.zeros(n, dtype=bool)
    before_word[:-1] = ~spacy_[:-1] & ~space[1:]
    opener = quote & ~glued & before_word
    level[opener] = CAN_START
    closer &= ~opener
    # Spaces without a line break only separate tokens (the tokenizer's pass skips them): the
    # rules run on the other tokens.
    kept = numpy.flatnonzero(~space | newline)
    if len(kept) == 0:
        return kept
    level, end, closer, newline = level[kept], end[kept], closer[kept], newline[kept]
    m = len(kept)
    start = numpy.zeros(m, dtype=bool)
    start[0] = True  # the first token that is no space
    start[1:] |= newline[:-1]
    # an end mark, then up to two closing marks, then a word of at least the level it needs
    between = numpy.ones(m - 1, dtype=bool)  # [k]: the d - 1 tokens after token k are closers
    for d in (1, 2, 3):
        if m <= d:
            break
        if d > 1:
            between = between[:-1] & closer[d - 1: m - 1]
        start[d:] |= (end[:-d] >= HARD) & between & (level[d:] >= end[:-d])
    return kept[start]


# -- Subheadings -------------------------------------------------------------------------------
# A line with no final punctuation standing alone between paragraphs ("Tracking cobalt to the
# mine") is a subheading, no sentence: the tagger passes over it as evidence when another
# sentence proves the same tag (its matches still count).
HEADING_WORDS = 12
HEADING_CHARS = 100
_FINAL = frozenset(".!?…:;,")
_ENDS_SENTENCE = frozenset(".!?…")
_CLOSING = "".join(CLOSERS)
# a line ending in one of these was broken mid-sentence (a hard-wrapped paragraph), no heading
_TRAILING = frozenset(("the", "a", "an", "of", "and", "or", "to", "for", "with", "from", "in", "on", "at",
                       "by", "as", "that", "which", "is", "are", "was", "were", "its", "their", "has", "have"))
_LOOK_BACK = 1000  # characters of whitespace looked through for the line before


def is_heading(text: str, start: int, end: int) -> bool:
    """Whether the sentence ``text[start:end]`` is a subheading: a whole line of its own, after a
    blank line or after a line that ends a sentence, and before more text on a later line that
    does not start with a lower-case letter; short (at most 12 words and 100 characters),
    starting with a capital or a digit, with no final punctuation (closing quotes aside) and not
    ending in a word like "of" or "the". The first line of a text (the title, when there is one)
    is never a subheading. Pure and cheap: the tagger asks only about the sentence it picked."""
    # most sentences start mid-line, after a space: the quickest test first
    if start == 0 or text[start - 1] == " " and start > 1 and not text[start - 2].isspace():
        return False
    span = text[start:end]
    line = span.strip()
    if not line or len(line) > HEADING_CHARS or "\n" in line:
        return False
    core = line.rstrip(_CLOSING)
    if not core or core[-1] in _FINAL or not (line[0].isupper() or line[0].isdigit()):
        return False
    words = line.split()
    if len(words) > HEADING_WORDS or words[-1].lower().strip(_CLOSING) in _TRAILING:
        return False
    first = start + len(span) - len(span.lstrip())
    # a line break right before it...
    line_start = text.rfind("\n", 0, first)
    if line_start < 0 or text[line_start + 1: first].strip():
        return False
    # ...and after it, then more text that does not go on with a lower-case word
    last = first + len(line)
    line_end = text.find("\n", last)
    if line_end < 0 or text[last:line_end].strip():
        return False
    p, n = line_end, len(text)
    while p < n and text[p].isspace() and p - line_end < _LOOK_BACK:
        p += 1
    if p >= n or text[p].islower() or text[p].isspace():
        return False
    # and before it a blank line, or a line that ends a sentence
    p, blank = line_start - 1, False
    while p >= 0 and text[p].isspace() and line_start - p < _LOOK_BACK:
        blank = blank or text[p] == "\n"
        p -= 1
    if p < 0 or text[p].isspace():  # the first line of the text, or a wall of whitespace
        return False
    if blank:
        return True
    while p > 0 and text[p] in _CLOSING:
        p -= 1
    return text[p] in _ENDS_SENTENCE


class Headings:
    """Which of a text's sentences (``chars``: their characters in ``text``) are subheadings,
    worked out once per sentence asked about; ``best`` is ``max`` passing over them."""

    __slots__ = ("chars", "known", "text")

    def __init__(self, text: str, chars: list[tuple[int, int]]):
        self.text, self.chars, self.known = text, chars, {}

    def __call__(self, i: int) -> bool:
        found = self.known.get(i)
        if found is None:
            found = self.known[i] = is_heading(self.text, *self.chars[i])
        return found

    def best(self, items, key, sentence=None):
        """``max(items, key=key)``, but a subheading only when every item is one (``sentence``
        gives an item's sentence; by default the item is one). Only the winner is looked at
        unless it is a subheading."""
        top = max(items, key=key)
        i = top if sentence is None else sentence(top)
        found = self.known.get(i)
        if found is None:
            found = self.known[i] = is_heading(self.text, *self.chars[i])
        if not found:
            return top
        if sentence is None:
            body = [item for item in items if not self(item)]
        else:
            body = [item for item in items if not self(sentence(item))]
        return max(body, key=key) if body else top


TITLE_WORDS = 25
TITLE_CHARS = 200


def leading_title(text: str) -> tuple[str, str] | None:
    """A plain text's first line as its title, and the rest as its body: a line of its own before
    a blank line and more text, short (at most 25 words and 200 characters), starting with a
    capital or a digit, with no final punctuation (closing quotes aside), as headlines are
    written. None for any other text. A file given to ``chargewatch tag`` has no title apart, and
    its headline would otherwise be read as the lead's first sentence: the evidence, where a body
    sentence proves the tag, and the lede, for roles."""
    start = len(text) - len(text.lstrip())
    line_end = text.find("\n", start)
    if line_end < 0:
        return None
    line = text[start:line_end].strip()
    after = text[line_end + 1:].lstrip(" \t\r")  # a blank line, then the body
    if not line or not after.startswith("\n") or not after.strip():
        return None
    core = line.rstrip(_CLOSING)
    opening = core.lstrip("\"'“‘")[:1]  # a headline may open with a quotation
    if (not core or core[-1] in _FINAL or not (opening.isupper() or opening.isdigit())
            or len(line) > TITLE_CHARS or len(line.split()) > TITLE_WORDS):
        return None
    return line, after.lstrip("\n")
