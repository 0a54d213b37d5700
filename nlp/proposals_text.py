"""Supply links proposed from a whole text and its tags: the sentences and the spans that
nlp/proposals.py decides on.

The tagger has already decided which automakers and suppliers a text names (with their
namesakes refused); this module only finds where, sentence by sentence, so that a name the
tagger refused never becomes a party here: a sentence is read only for the companies of its
``Tags``, and only by the names the tagger saw (a supplier's names as written, an automaker's
forms of the brands it matched). Sentences are split by the tagger's own rules
(nlp/sentences.py) so that the evidence shown to staff reads as it does elsewhere.

Pure (no files read): pass ``registry`` (nlp.registry.Registry, already loaded) to find an
automaker by every form of its matched brands ("Scania" for Volkswagen); without it, by its
brand names and display name only.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from functools import lru_cache

import spacy

from . import sentences  # noqa: F401  (registers the "chargewatch_sentences" pipe)
from .pieces import piece_bounds
from .proposals import Mention, ProposedLink, propose
from .registry import Registry
from .tags import Tag, Tags
from .tokenize import FastTokenizer


@lru_cache(maxsize=1)
def _splitter():
    nlp = spacy.blank("en")
    nlp.tokenizer = FastTokenizer(nlp.vocab)  # keep=None: every token, the rules see every word
    nlp.add_pipe("chargewatch_sentences")
    return nlp


PIECE_CHARS = 100_000  # a long text (a 200-page report) is split a piece at a time, as the tagger
# reads it (nlp/pieces.py): one Doc of it would pass spaCy's max_length (1,000,000 characters)


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) characters of each sentence of ``text``, blank ones left out; a long text a
    piece at a time, cut at paragraph or sentence breaks."""
    starts = []
    for lo, hi in piece_bounds(text, PIECE_CHARS):
        doc = _splitter()(text[lo:hi])
        starts += [lo + t.idx for t in doc if t.is_sent_start and not t.is_space]
    bounds = [*starts, len(text)]
    out = []
    for a, b in itertools.pairwise(bounds):
        chunk = text[a:b]
        if chunk.strip():
            out.append((a, a + len(chunk.rstrip())))
    return out


def proposals_for(text: str, tags: Tags, registry: Registry | None = None) -> tuple[ProposedLink, ...]:
    """The links the sentences of ``text`` state between the automakers and suppliers of
    ``tags``: one per automaker-supplier pair, the first sentence that states it (text order)."""
    found: dict[tuple[str, str], ProposedLink] = {}
    for start, end, automakers, suppliers in candidate_sentences(text, tags, registry):
        for link in propose(text[start:end], automakers, suppliers):
            key = (link.automaker, link.supplier)
            # a later sentence may say more than a headline: "signs steel deal" then "offtake"
            if key not in found or found[key].kind == "supply" != link.kind:
                found[key] = link
    return tuple(found.values())


def candidate_sentences(text: str, tags: Tags, registry: Registry | None = None
                        ) -> Iterator[tuple[int, int, list[Mention], list[Mention]]]:
    """(start, end, automaker mentions, supplier mentions) of each sentence of ``text`` that names
    both an automaker and a supplier of ``tags`` (spans relative to the sentence): the sentences a
    proposal can come from, also listed whole by benchmarks/proposals_real.py to be labelled."""
    if not tags.automakers or not tags.suppliers:
        return
    automaker_names = [(tag.id, _pattern(_automaker_forms(tag, registry))) for tag in tags.automakers]
    supplier_names = [(tag.id, _pattern((name, True) for name in (*tag.matched, tag.name)))
                      for tag in tags.suppliers]
    for start, end in sentence_spans(text):
        sentence = text[start:end]
        automakers = _mentions(sentence, automaker_names)
        suppliers = _mentions(sentence, supplier_names) if automakers else []
        # "Hyundai" inside "Hyundai Steel" names the steelmaker, not the carmaker
        automakers = [a for a in automakers if not any(a.start < s.end and s.start < a.end for s in suppliers)]
        if suppliers and automakers:
            yield start, end, automakers, suppliers


def _automaker_forms(tag: Tag, registry: Registry | None):
    """(form, exact case) for the brands the tagger matched in the text."""
    yield tag.name, True
    for brand in tag.matched:
        yield brand, True
    if registry is not None:
        for form in registry.forms:
            if form.automaker == tag.id and form.brand in tag.matched:
                yield form.text, form.exact_case


def _pattern(forms) -> re.Pattern | None:
    """One pattern for a company's names, longest first, whole words; names written in a fixed
    case ("GM", "MINI") only in that case."""
    exact, loose = set(), set()
    for text, exact_case in forms:
        if text:
            (exact if exact_case or text.isupper() else loose).add(text)
    parts = [re.escape(t) for t in sorted(exact, key=len, reverse=True)]
    parts += [f"(?i:{re.escape(t)})" for t in sorted(loose, key=len, reverse=True)]
    if not parts:
        return None
    return re.compile(r"(?<![\w-])(?:" + "|".join(parts) + r")(?!\w|-[a-z])")


def _mentions(sentence: str, names: list[tuple[str, re.Pattern | None]]) -> list[Mention]:
    return [Mention(company, m.start(), m.end()) for company, pattern in names if pattern is not None
            for m in pattern.finditer(sentence)]
