"""Mark each tag's evidence sentence in an article's text, for the article page.

Pure: text and tags in, paragraphs of segments out. The template escapes every segment; nothing
from the page is ever marked safe. Evidence sentences were stored with their whitespace collapsed
(and clipped at 400 characters with "…"), so paragraphs are compared the same way.
"""

from __future__ import annotations

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
