"""Mark each tag's evidence sentence in an article's text, for the article page.

Pure: text and tags in, paragraphs of segments out. The template escapes every segment; nothing
from the page is ever marked safe. Evidence sentences were stored with their whitespace collapsed
(and clipped at 400 characters with "…"), so paragraphs are compared the same way.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Segment:
    text: str
    labels: tuple[str, ...] = ()  # the tags whose evidence this is; empty for plain text
    last: bool = False  # the end of an evidence sentence: the labels are shown after it


@dataclass(frozen=True)
class Evidence:
    label: str
    sentence: str


def paragraphs(text: str) -> list[str]:
    """Non-empty paragraphs (blank lines or single line breaks), whitespace collapsed."""
    out = []
    for block in text.replace("\r\n", "\n").split("\n"):
        block = " ".join(block.split())
        if block:
            out.append(block)
    return out


def highlight(text: str, evidence: list[Evidence]) -> tuple[list[list[Segment]], set[str]]:
    """Paragraphs as segments with the evidence marked; and the labels that were found."""
    paras = paragraphs(text)
    found: set[str] = set()
    out = []
    for para in paras:
        spans: list[tuple[int, int, str]] = []
        for ev in evidence:
            sentence = ev.sentence.strip()
            if sentence.endswith("…"):
                sentence = sentence[:-1].rstrip()
            if len(sentence) < 8:
                continue
            at = para.find(sentence)
            if at >= 0:
                spans.append((at, at + len(sentence), ev.label))
                found.add(ev.label)
        out.append(_segments(para, spans))
    return out, found


def _segments(para: str, spans: list[tuple[int, int, str]]) -> list[Segment]:
    if not spans:
        return [Segment(para)]
    cuts = sorted({0, len(para), *(s for s, _, _ in spans), *(e for _, e, _ in spans)})
    segs = []
    for a, b in zip(cuts, cuts[1:]):
        labels = tuple(dict.fromkeys(label for s, e, label in spans if s <= a and b <= e))
        last = bool(labels) and any(e == b for s, e, _ in spans)
        if segs and segs[-1].labels == labels and not segs[-1].last:
            segs[-1] = Segment(segs[-1].text + para[a:b], labels, last)
        else:
            segs.append(Segment(para[a:b], labels, last))
    return segs


# -- sentences to pick evidence from (the article page's "Add a missing tag") ---------------------

# a sentence ends at . ! ? or … (perhaps followed by a closing quote or bracket) and whitespace,
# before what looks like the start of the next one (a capital letter or digit, perhaps after an
# opening quote or bracket). Cheap and good enough to offer sentences to choose from: the web
# process never loads spaCy.
_BOUNDARY = re.compile(r"(?:(?<=[.!?…])|(?<=[.!?…][\"'”’)\]]))\s+(?=[\"'“‘(\[]?[A-Z0-9À-ÖØ-Þ])")
# a period after these is no sentence's end ("Mr. Musk", "U.S. Steel", "No. 2")
_ABBREVIATIONS = frozenset({"mr", "mrs", "ms", "dr", "prof", "st", "jr", "sr", "inc", "co", "corp", "ltd", "no",
                            "vs", "etc", "e.g", "i.e", "u.s", "u.k", "u.n", "jan", "feb", "mar", "apr", "jun",
                            "jul", "aug", "sep", "sept", "oct", "nov", "dec"})
MAX_SENTENCES = 300
MAX_EVIDENCE = 400  # evidence sentences are stored at most this long (the tagger's clip)
LABEL_LENGTH = 140


@dataclass(frozen=True)
class Sentence:
    text: str  # what is stored as the evidence: occurs in the article's text as it is (whitespace collapsed)
    label: str  # the text clipped for a list


def sentences(text: str, title: str | None = None, *, limit: int = MAX_SENTENCES) -> list[Sentence]:
    """The headline and the text's sentences, in order, each once, at most ``limit``; each is a
    substring of the title or a paragraph with its whitespace collapsed (what storage checks an
    evidence sentence against). A sentence longer than MAX_EVIDENCE is cut at a word (still a
    substring). Fragments under 8 characters are left out: they highlight nothing."""
    out: list[Sentence] = []
    seen: set[str] = set()
    for block in ([" ".join(title.split())] if title else []) + paragraphs(text or ""):
        for sentence in _split(block):
            if len(sentence) > MAX_EVIDENCE:
                cut = sentence.rfind(" ", 0, MAX_EVIDENCE)
                sentence = sentence[:cut if cut > MAX_EVIDENCE // 2 else MAX_EVIDENCE].rstrip()
            if len(sentence) < 8 or sentence in seen:
                continue
            seen.add(sentence)
            label = sentence if len(sentence) <= LABEL_LENGTH else sentence[:LABEL_LENGTH - 1].rstrip() + "…"
            out.append(Sentence(sentence, label))
            if len(out) >= limit:
                return out
    return out


def _split(paragraph: str) -> list[str]:
    parts = _BOUNDARY.split(paragraph)
    merged: list[str] = []
    for part in parts:
        if merged and _ends_with_abbreviation(merged[-1]):
            merged[-1] += " " + part
        else:
            merged.append(part)
    return [p.strip() for p in merged if p.strip()]


def _ends_with_abbreviation(piece: str) -> bool:
    if not piece.endswith("."):
        return False
    word = piece[:-1].rsplit(" ", 1)[-1].lstrip("\"'“‘([").lower()
    return word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha())  # "J. Smith"
