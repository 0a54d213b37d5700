"""Quotation marks inside a phrase: the tokenizer's two folds, so that a phrase matches across them.

Writers put words of a campaign phrase in quotes: scare quotes around one word ('"green"
steel', “clean” energy, ‘fossil-free’ aluminium) and a quotation that opens in mid-sentence
(conditions “analogous to slavery”, so-called “carbon neutral” steel). As tokens, the marks
would sit inside the phrase and break it. Two rules, both decided by the text alone, so that the
tokenizer's fast path (chunks between spaces, cached), its whole-text path and the tests' plain
re-implementation agree:

- ``scare_close``: the closing mark of one quoted word is folded into the word (it takes the
  mark's characters and its space);
- ``mid_openers``: a double opening mark (or ‘) written after a word, a digit or , ; : across spaces
  on the same line, and right before a word is not a token at all: it is skipped like a space.
  After a word or a comma no sentence can start, so skipping it moves no sentence boundary; an
  opening mark after a full stop or at a line's start stays a token, as it may open a sentence
  and evidence starts there.

``without_marks`` takes those marks out of a matched phrase as it is shown ("forced labour").
"""

from __future__ import annotations

import re

# a quote mark and the one that closes it, for words in scare quotes ('"green" steel')
SCARE = {'"': '"', "'": "'", "“": "”", "‘": "’"}
MID_MARKS = ('"', "“", "‘", "„")


def scare_close(tokens: list[str], i: int) -> int | None:
    """How far after ``tokens[i]`` the mark is that closes a word in scare quotes opened there
    ('"green" steel', “clean” energy, 'fossil-free' aluminium: one word, hyphens allowed, in the
    chunk of text between two spaces that the quote opens), or None. The tokenizer folds that
    closing mark into the word, so that patterns match across it."""
    close = SCARE.get(tokens[i])
    if close is None:
        return None
    for k in range(1, min(len(tokens) - i, 6)):
        t = tokens[i + k]
        if k >= 2 and t.rstrip(" ") == close:
            return k
        if t != "-" and not t.isalnum():
            return None
    return None


def mid_openers(text: str) -> list[int]:
    """The characters of ``text`` that are opening marks in mid-sentence (see the module's
    docstring), in order."""
    found = []
    for mark in MID_MARKS:  # str.find, ten times faster than a pattern over the whole text
        i = text.find(mark)
        while i >= 0:
            if text[i + 1:i + 2].isalnum():  # right before a word
                before = i
                while before and text[before - 1] == " ":
                    before -= 1
                if before < i and before and (text[before - 1].isalnum() or text[before - 1] in ",;:"):
                    found.append(i)
            i = text.find(mark, i + 1)
    found.sort()
    return found


# in a matched phrase as written: a scare-quoted word's closing mark (not a plural's apostrophe,
# "workers' rights") and an opening mark in mid-sentence, the marks the tokenizer folds or skips
_FOLDED = re.compile(r"(?<=\w)[\"”](?=\s)|(?<=[^\Ws])['’](?=\s)|(?<=\s)[“\"‘„](?=[^\W_])")
_MARKS = frozenset("\"”'’“‘„")


def without_marks(phrase: str) -> str:
    """A matched phrase as shown: without the quote marks the tokenizer folded or skipped inside
    it ('green" steel' -> green steel, forced “labour camps -> forced labour camps)."""
    return _FOLDED.sub("", phrase) if _MARKS.intersection(phrase) else phrase

