"""Tag automakers (brand -> group) and campaign topics, each with the sentence that proves it.

Pure: text in, ``Tags`` out; the registry and taxonomy are read once when the ``Tagger`` is
built. spaCy's blank English pipeline gives tokens and sentences; two PhraseMatchers (one on
lower-cased text, one on exact case for names that are also common words) find every cue in
one pass, and plain Python decides what the cues prove, sentence by sentence.

Texts of any length are tagged (a 200-page PDF report is 2,000,000 characters, twice spaCy's
``max_length``): a text longer than ``CHUNK_CHARS`` is read a piece at a time, each piece
ending at a paragraph break (or a sentence end) so that its tokens and sentences are exactly
the whole text's, and what the pieces found is decided on together, as one text: mentions,
evidence, salience, context and the topic rules see every piece. A piece's Doc is dropped before
the next is made, so memory stays that of one piece plus what the matchers found.
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from dataclasses import dataclass

import numpy
import spacy
from spacy.attrs import IDX, SENT_START
from spacy.matcher import PhraseMatcher

from . import sentences  # noqa: F401  (registers the chargewatch_sentences component)
from .cues import Cues, TopicRules, sort_cues
from .registry import Registry, SurfaceForm, first_names, load_registry
from .tags import AutomakerTag, Tags, TopicTag
from .taxonomy import Topic, load_taxonomy
from .tokenize import TOKEN, FastTokenizer

TITLE_WEIGHT, LEAD_WEIGHT, BODY_WEIGHT = 3.0, 2.0, 1.0
SALIENCE_HALF = 4.0  # weighted mentions at which salience reaches 0.5
MAX_EVIDENCE = 400
LEAD_CHARS = 1200  # a first paragraph longer than this is no lead: the first two sentences are
# Texts longer than this are tagged a piece at a time (spaCy refuses texts over nlp.max_length,
# 1,000,000 characters, to protect models this pipeline does not have; a piece keeps memory low)
CHUNK_CHARS = 100_000


@dataclass
class _Sentences:
    """A text's sentences: first token, (start, end) characters and weight, as parallel lists;
    and each token's character offset in the text."""

    starts: list[int]
    chars: list[tuple[int, int]]
    weights: list[float]
    offsets: list[int]


class _Layout:
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


class Tagger:
    """Build once (about a second), then call ``tag`` for each text."""

    def __init__(self, registry: Registry | None = None, topics: tuple[Topic, ...] | None = None,
                 chunk_chars: int = CHUNK_CHARS):
        self.chunk_chars = max(100, min(chunk_chars, 500_000))  # a piece always fits nlp.max_length
        self.registry = registry or load_registry()
        self.topics = topics or load_taxonomy()
        self.nlp = spacy.blank("en")
        self.nlp.tokenizer = FastTokenizer(self.nlp.vocab)
        self.nlp.add_pipe("chargewatch_sentences")
        vocab = self.nlp.vocab
        self.lower = PhraseMatcher(vocab, attr="LOWER")
        self.orth = PhraseMatcher(vocab, attr="ORTH")
        self.forms: list[SurfaceForm] = list(self.registry.forms)
        self._form_rank = {id(form): n for n, form in enumerate(self.forms)}  # ties between forms
        self.automakers = {a.id: a for a in self.registry.automakers}
        self._phrases: dict[tuple, tuple] = {}  # (matcher, words) -> (phrase, what a match proves)
        self._vocabulary: set[str] = set()  # every token of every pattern, lower-cased
        self.given_names = first_names() if any(f.surname for f in self.forms) else frozenset()
        self._vocabulary.update(name.lower() for name in self.given_names)
        for i, form in enumerate(self.forms):
            self._add(self.orth if form.exact_case else self.lower, ("form", i), [form.text])
            self._vocabulary.update(form.not_before | form.not_after)
        self._add(self.lower, ("context",), self.registry.context_words)
        self._add(self.lower, ("strict",), self.registry.strict_context_words)
        self._add(self.lower, ("blocked",), self.registry.blocked)
        for ti, topic in enumerate(self.topics):
            self._add(self.lower, ("term", ti), topic.terms)
            self._add(self.lower, ("generic", ti), topic.generic)
            for pi, (a, b) in enumerate(topic.pairs):
                self._add(self.lower, ("a", ti, pi), a)
                self._add(self.lower, ("b", ti, pi), b)
            self._add(self.lower, ("not", ti), topic.not_phrases)
            self._add(self.lower, ("veto", ti), topic.veto)
            self._add(self.lower, ("near", ti), topic.near)
        self.topic_rules = TopicRules(self.topics)  # checks the dependencies once
        self._plans = self._compile()
        self.nlp.tokenizer.keep = frozenset(self._vocabulary)  # from now on, texts are shrunk

    def _add(self, matcher: PhraseMatcher, role: tuple, phrases) -> None:
        """Give each phrase the role (what a match of it can prove); ``_compile`` adds them."""
        if role[0] in ("term", "generic", "veto", "near", "a", "b"):  # topic cues: (kind, topic, pair, bucket)
            bucket = role[0] if len(role) == 2 else f"{role[0]}{role[2]}"
            role = (role[0], role[1], role[2] if len(role) > 2 else None, bucket)
        attr = "orth" if matcher is self.orth else "lower"
        for phrase in phrases:
            if not phrase:
                continue
            doc = self.nlp.make_doc(phrase)
            self._vocabulary.update(t.lower_ for t in doc)
            words = tuple(t.lower_ if attr == "lower" else t.text for t in doc)
            _, roles = self._phrases.setdefault((attr, words), (phrase, []))
            if role not in roles:
                roles.append(role)

    def _compile(self) -> dict[int, tuple]:
        """Add each phrase to its matcher once, however many roles it has, under a key shared by
        the phrases with the same roles. "mine" is a pair word of six topics: one match handed
        to six roles is far cheaper than six matches (pair words were most of the matches in a
        typical article). Returns, per match key, its roles, and apart its pair words as (topic,
        a bucket, b bucket)."""
        groups: dict[tuple, list] = {}
        for (attr, _), (phrase, roles) in self._phrases.items():
            groups.setdefault((attr, tuple(roles)), []).append(phrase)
        plans: dict[int, tuple] = {}
        for n, ((attr, roles), phrases) in enumerate(groups.items()):
            name = f"{attr}:{n}"
            # Docs made again here rather than kept since _add: all alive at once, they cost
            # the process 25 MB that it never gave back
            (self.orth if attr == "orth" else self.lower).add(name, [self.nlp.make_doc(p) for p in phrases])
            plans[self.nlp.vocab.strings.add(name)] = (
                tuple(r for r in roles if r[0] != "b"),
                tuple((r[1], f"a{r[2]}", r[3]) for r in roles if r[0] == "b"))
        del self._phrases  # only needed while building
        return plans

    # -- public ------------------------------------------------------------------------------

    def tag(self, text: str, title: str | None = None) -> Tags:
        joined = self._join(text, title)
        title_len = len(title.strip()) if title and title.strip() else 0
        if len(joined) > self.chunk_chars:
            return self._tag_long(joined, title_len)
        doc = self.nlp(joined)
        self._mark_title(doc, title_len, joined)
        return self._tag_doc(doc)

    def pipe(self, items, batch_size: int = 64):
        """Tag many (text, title) pairs, streaming; one process (see ``tag_many`` for both cores)."""
        def prepared():
            for text, title in items:
                joined = self._join(text, title)
                title_len = len(title.strip()) if title and title.strip() else 0
                if len(joined) > self.chunk_chars:  # tagged a piece at a time, below, in its turn
                    yield "", (title_len, joined)
                else:
                    yield joined, (title_len, joined)

        for doc, (title_len, joined) in self.nlp.pipe(prepared(), as_tuples=True, batch_size=batch_size):
            if len(joined) > self.chunk_chars:
                yield self._tag_long(joined, title_len)
                continue
            self._mark_title(doc, title_len, joined)
            yield self._tag_doc(doc)

    # -- internals -----------------------------------------------------------------------------

    @staticmethod
    def _join(text: str, title: str | None) -> str:
        text = text or ""
        return f"{title.strip()}\n\n{text}" if title and title.strip() else text

    def _doc(self, text: str, title: str | None):
        joined = self._join(text, title)
        doc = self.nlp(joined)
        self._mark_title(doc, len(title.strip()) if title and title.strip() else 0, joined)
        return doc

    @staticmethod
    def _mark_title(doc, title_len: int, text: str) -> None:
        doc.user_data["title_end"] = title_len
        doc.user_data["text"] = text

    def _sentences(self, doc, text: str, layout: _Layout | None = None) -> _Sentences:
        """Sentences with their weight (title, lead paragraph, body), as plain lists: no Spans.
        With ``layout``, ``doc`` is a piece of a longer text starting at ``layout.base``: the
        characters are given in the whole text."""
        if len(doc) == 0:
            return _Sentences([], [], [], [])
        if layout is None:
            layout = _Layout(text, doc.user_data.get("title_end", 0))
        title_end, lead_end, base = layout.title_end, layout.lead_end, layout.base
        offsets = doc.user_data.get("offsets") or doc.to_array(IDX).astype("int64").tolist()
        sents = _Sentences([], [], [], offsets)
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

    def _tag_doc(self, doc) -> Tags:
        text = doc.user_data.get("text") or doc.text  # doc.text rebuilds the string from tokens
        sents = self._sentences(doc, text)
        if not sents.starts:
            return Tags()
        cues = self._cues(doc, sents)
        if cues is None:
            return Tags()
        candidates, people = self._candidates(doc, cues)
        offsets = sents.offsets
        return self._decide(text, sents.weights, sents.chars, cues, candidates, people,
                            lambda s, e: _span_text(text, offsets, s, e))

    def _tag_long(self, text: str, title_end: int) -> Tags:
        """A text longer than ``chunk_chars``, a piece at a time (see ``_pieces``). Each piece's
        matches are numbered as the whole text's tokens and sentences would be, and the checks
        that need a piece's Doc (the words around a name) are made while it exists; then the
        whole text's matches are decided on at once, exactly as for a short text."""
        layout = _Layout(text, title_end)
        weights: list[float] = []
        chars: list[tuple[int, int]] = []
        cues = Cues()
        candidates: list[tuple] = []
        people: set[str] = set()
        pieces: list[tuple[int, numpy.ndarray, int]] = []  # (first token, offsets in text, end)
        tokens = 0
        bounds = list(_pieces(text, self.chunk_chars))
        for k, (start, end) in enumerate(bounds):
            piece = text[start:end]
            doc = self.nlp(piece)
            layout.base = start
            sents = self._sentences(doc, piece, layout)
            if sents.starts:
                local = self._cues(doc, sents)
                if local is not None:
                    after = _first_word(text, end) if k + 1 < len(bounds) else ""
                    found, persons = self._candidates(doc, local, after)
                    people |= persons
                    _shift_into(cues, candidates, local, found, tokens, len(weights))
                    pieces.append((tokens, numpy.asarray(sents.offsets, dtype=numpy.int64) + start, end))
                weights.extend(sents.weights)
                chars.extend(sents.chars)
            tokens += len(doc)
            del doc
        if not pieces:
            return Tags()
        firsts = [p[0] for p in pieces]

        def span_text(s: int, e: int) -> str:
            first, offsets, end = pieces[bisect.bisect_right(firsts, s) - 1]
            s, e = s - first, e - first
            return " ".join(text[int(offsets[s]): int(offsets[e]) if e < len(offsets) else end].split())

        return self._decide(text, weights, chars, cues, candidates, people, span_text)

    def _cues(self, doc, sents: _Sentences) -> Cues | None:
        """Both matchers over the Doc, each match numbered with its sentence, sorted by what it
        can prove; None when nothing matched."""
        raw = self.lower(doc) + self.orth(doc)
        if not raw:
            return None
        sent_idx = numpy.searchsorted(sents.starts, [m[1] for m in raw], side="right") - 1
        by_key: dict[int, list] = {}
        for (match_id, s, e), i in zip(raw, sent_idx.tolist()):  # sentence 0 starts at token 0
            found = by_key.get(match_id)
            if found is None:
                by_key[match_id] = [(s, e, i)]
            else:
                found.append((s, e, i))
        return sort_cues(by_key, self._plans, self.forms)

    def _decide(self, text: str, weights: list[float], chars: list[tuple[int, int]], cues: Cues,
                candidates: list, people: set[str], span_text) -> Tags:
        """What the cues prove: the automaker and topic tags, with evidence and salience."""
        topic_hits, topic_spans = self.topic_rules.prove(cues, len(weights))
        mentions = self._mentions(candidates, people, cues)

        topic_sents: dict[int, int] = defaultdict(int)  # sentence -> topics it proves
        for hits in topic_hits.values():
            for i in hits:
                topic_sents[i] += 1
        automakers = []
        for aid, found in mentions.items():
            best = max(found, key=lambda f: (topic_sents.get(f[0], 0), weights[f[0]], -f[0]))[0]
            a = self.automakers[aid]
            automakers.append(AutomakerTag(
                id=aid, name=a.name, brands=tuple(dict.fromkeys(form.brand for _, form in found)),
                evidence=_clip(text, chars[best]), mentions=len(found),
                salience=_salience(weights[i] for i, _ in found), ranked=a.ranked))
        topics = []
        for ti, hits in topic_hits.items():
            if not hits:
                continue
            topic = self.topics[ti]
            best = max(hits, key=lambda i: (hits[i], weights[i], -i))
            terms = sorted({span_text(s, e).lower() for s, e in topic_spans[ti][:24]})[:12]
            topics.append(TopicTag(id=topic.id, name=topic.name, evidence=_clip(text, chars[best]),
                                   mentions=sum(hits.values()),
                                   salience=_salience(weights[i] * n for i, n in hits.items()),
                                   terms=tuple(terms)))
        automakers.sort(key=lambda t: (-t.salience, -t.mentions, t.id))
        topics.sort(key=lambda t: (-t.salience, -t.mentions, t.id))
        return Tags(tuple(automakers), tuple(topics))

    def _candidates(self, doc, cues: Cues, after: str = "") -> tuple[list, set[str]]:
        """The automaker forms found, less those the words around them refuse (blocked
        look-alikes, not_before, not_after, a given name before a surname: these need the
        Doc); and the automakers the text names a person after. ``after`` is the first word
        after the Doc when it is a piece of a longer text."""
        candidates = []
        blocked = cues.blocked
        people: set[str] = set()  # automakers whose name the text also gives a person (Eleanor Ford)
        for s, e, form, i in cues.forms:
            if blocked and any(bs < e and s < be for bs, be in blocked):
                continue
            if form.not_before and s > 0 and doc[s - 1].lower_ in form.not_before:
                continue
            if form.surname and s > 0 and doc[s - 1].text in self.given_names:
                people.add(form.automaker)
                continue
            if form.not_after and self._next_word(doc, e, after) in form.not_after:
                continue
            candidates.append((s, e, form, i))
        return candidates, people

    def _mentions(self, candidates: list, people: set[str], cues: Cues) -> dict[str, list]:
        """Each automaker's mentions (sentence, form), decided on the whole text's candidates."""
        # the longest form wins where forms of one automaker overlap: in order of start, a form
        # overlaps one kept before it if it starts before the furthest end kept so far (on a
        # tie, the form listed first in the registry)
        rank = self._form_rank
        candidates.sort(key=lambda c: (c[0], c[0] - c[1], rank[id(c[2])]))
        kept: list[tuple[int, int, SurfaceForm, int]] = []
        reach: dict[str, int] = {}
        for c in candidates:
            if c[0] < reach.get(c[2].automaker, -1):
                continue
            kept.append(c)
            reach[c[2].automaker] = max(c[1], reach.get(c[2].automaker, -1))
        strong_ids = {f.automaker for _, _, f, _ in kept if not f.needs_context}
        strong_sents: dict[int, set[str]] = defaultdict(set)
        for _, _, f, i in kept:
            if not f.needs_context:
                strong_sents[i].add(f.automaker)
        # Once a text names a person "Eleanor Ford", a later bare "Ford" ("Ford estimates that...")
        # is most likely her again: it counts only beside another automaker, or when the text also
        # names the automaker unmistakably (Ford Motor, F-150 Lightning).
        anchored = {f.automaker for _, _, f, _ in kept if not f.needs_context and not f.surname}
        found: dict[str, list] = defaultdict(list)
        for s, e, form, i in kept:
            others = strong_sents.get(i, set()) - {form.automaker}
            if form.surname and form.automaker in people and not (form.automaker in anchored or others):
                continue
            context = cues.strict if form.strict_context else cues.context
            if form.needs_context and not (i in context or form.automaker in strong_ids or others):
                continue
            found[form.automaker].append((i, form))
        return found

    @staticmethod
    def _next_word(doc, end: int, after: str = "") -> str:
        """The next token after a match, stepping over one punctuation mark (Lincoln, Nebraska);
        past the Doc's end, ``after`` (the next piece's first word, for a long text)."""
        if end < len(doc) and doc[end].is_punct and doc[end].text not in ("-", "'s"):
            end += 1
        return doc[end].lower_ if end < len(doc) else after


def _shift_into(cues: Cues, candidates: list, local: Cues, found: list, first_token: int, first_sentence: int) -> None:
    """Add a piece's cues and automaker candidates to the whole text's, numbered as the whole
    text's tokens and sentences (the piece starts at token ``first_token``, sentence ``first_sentence``)."""
    candidates.extend([(s + first_token, e + first_token, form, i + first_sentence) for s, e, form, i in found])
    cues.context.update([i + first_sentence for i in local.context])
    cues.strict.update([i + first_sentence for i in local.strict])
    cues.voided.update([t + first_token for t in local.voided])
    for ti, buckets in local.topic.items():
        into = cues.topic[ti]
        for bucket, matches in buckets.items():
            into[bucket].extend([(s + first_token, e + first_token, i + first_sentence) for s, e, i in matches])


# Where a long text may be cut so that each piece has exactly the whole text's tokens and
# sentences: after a run of whitespace holding a line break (every line starts a sentence), else
# between sentences: ". " after a word of four lower-case letters or more (never one of the
# tokenizer's abbreviations: Mr. Prof. St.) and before a capital; else at a space; else anywhere.
_SENTENCE_BREAK = re.compile(r"(?<=[a-z]{4}[.!?] )(?=[A-Z])")
_SPACE_BREAK = re.compile(r"\s(?=\S)")
_FIRST_TOKEN = re.compile(TOKEN)


def _pieces(text: str, limit: int):
    """(start, end) of each piece of ``text``, none longer than ``limit``: cut at its last
    paragraph break, else sentence break, in the second half of the piece, else in the whole
    piece; only a text with neither is cut at a space (or, with no space, anywhere)."""
    start, n = 0, len(text)
    while n - start > limit:
        hi = start + limit
        cut = None
        for lo in (start + limit // 2, start + 1):  # a shorter piece rather than a cut sentence
            cut = _paragraph_break(text, lo, hi) or _last_break(_SENTENCE_BREAK, text, lo, hi)
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


def _first_word(text: str, pos: int) -> str:
    """The first token of text[pos:], lower-cased (what a Doc of the whole text would have there)."""
    m = _FIRST_TOKEN.match(text, pos)
    return m.group(0).lower() if m else ""


def _span_text(text: str, idx: list[int], start: int, end: int) -> str:
    """The matched words as written, with any run of whitespace between them as one space
    (shrinking drops spaces, so "lithium  deal" matches the pattern "lithium deal")."""
    return " ".join(text[idx[start]: idx[end] if end < len(idx) else len(text)].split())


def _clip(text: str, chars: tuple[int, int]) -> str:
    out = " ".join(text[chars[0]:chars[1]].split())
    return out if len(out) <= MAX_EVIDENCE else out[: MAX_EVIDENCE - 1].rsplit(" ", 1)[0] + "…"


def _salience(weights) -> float:
    """0..1: about 0.2 for one mention in passing, over 0.7 for a subject of the title and lead."""
    w = float(sum(weights))
    return round(w / (w + SALIENCE_HALF), 3)
