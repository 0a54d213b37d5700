"""Tag automakers (brand -> group) and campaign topics, each with the sentence that proves it.

Pure: text in, ``Tags`` out; the registry and taxonomy are read once when the ``Tagger`` is
built. spaCy's blank English pipeline gives tokens and sentences; two PhraseMatchers (one on
lower-cased text, one on exact case for names that are also common words) find every cue in
one pass, and plain Python decides what the cues prove, sentence by sentence.
"""

from __future__ import annotations

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
from .tokenize import FastTokenizer

TITLE_WEIGHT, LEAD_WEIGHT, BODY_WEIGHT = 3.0, 2.0, 1.0
SALIENCE_HALF = 4.0  # weighted mentions at which salience reaches 0.5
MAX_EVIDENCE = 400


@dataclass
class _Sentences:
    """A text's sentences: first token, (start, end) characters and weight, as parallel lists;
    and each token's character offset in the text."""

    starts: list[int]
    chars: list[tuple[int, int]]
    weights: list[float]
    offsets: list[int]


class Tagger:
    """Build once (about a second), then call ``tag`` for each text."""

    def __init__(self, registry: Registry | None = None, topics: tuple[Topic, ...] | None = None):
        self.registry = registry or load_registry()
        self.topics = topics or load_taxonomy()
        self.nlp = spacy.blank("en")
        self.nlp.tokenizer = FastTokenizer(self.nlp.vocab)
        self.nlp.add_pipe("chargewatch_sentences")
        vocab = self.nlp.vocab
        self.lower = PhraseMatcher(vocab, attr="LOWER")
        self.orth = PhraseMatcher(vocab, attr="ORTH")
        self.forms: list[SurfaceForm] = list(self.registry.forms)
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
        return self._tag_doc(self._doc(text, title))

    def pipe(self, items, batch_size: int = 64):
        """Tag many (text, title) pairs, streaming; one process (see ``tag_many`` for both cores)."""
        def prepared():
            for text, title in items:
                joined = self._join(text, title)
                yield joined, (len(title.strip()) if title and title.strip() else 0, joined)

        for doc, (title_len, joined) in self.nlp.pipe(prepared(), as_tuples=True, batch_size=batch_size):
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

    def _sentences(self, doc, text: str) -> _Sentences:
        """Sentences with their weight (title, lead paragraph, body), as plain lists: no Spans."""
        if len(doc) == 0:
            return _Sentences([], [], [], [])
        title_end = doc.user_data.get("title_end", 0)
        body_start = title_end + 2 if title_end else 0
        para = text.find("\n", body_start + 1)
        lead_end = para if 0 < para - body_start <= 1200 else None
        offsets = doc.user_data.get("offsets") or doc.to_array(IDX).astype("int64").tolist()
        sents = _Sentences([], [], [], offsets)
        starts = doc.user_data.get("sent_starts")
        if starts is None:
            starts = numpy.flatnonzero(doc.to_array(SENT_START).astype("int64") == 1).tolist()
        if not starts or starts[0] != 0:
            starts = [0, *starts]
        ends = [offsets[k] for k in starts[1:]]
        ends.append(len(text))
        body_sentences = 0
        add_start, add_char, add_weight = sents.starts.append, sents.chars.append, sents.weights.append
        for start, end_char in zip(starts, ends):
            start_char = offsets[start]
            if text[start_char].isspace() and text[start_char:end_char].isspace():
                continue
            if start_char < title_end:
                weight = TITLE_WEIGHT
            else:
                in_lead = start_char < lead_end if lead_end is not None else body_sentences < 2
                weight = LEAD_WEIGHT if in_lead else BODY_WEIGHT
                body_sentences += 1
            add_start(start)
            add_char((start_char, end_char))
            add_weight(weight)
        return sents

    def _tag_doc(self, doc) -> Tags:
        text = doc.user_data.get("text") or doc.text  # doc.text rebuilds the string from tokens
        sents = self._sentences(doc, text)
        if not sents.starts:
            return Tags()
        raw = self.lower(doc) + self.orth(doc)
        if not raw:
            return Tags()
        sent_idx = numpy.searchsorted(sents.starts, [m[1] for m in raw], side="right") - 1
        by_key: dict[int, list] = {}
        for (match_id, s, e), i in zip(raw, sent_idx.tolist()):  # sentence 0 starts at token 0
            found = by_key.get(match_id)
            if found is None:
                by_key[match_id] = [(s, e, i)]
            else:
                found.append((s, e, i))
        cues = sort_cues(by_key, self._plans, self.forms)
        topic_hits, topic_spans = self.topic_rules.prove(cues, len(sents.starts))
        mentions = self._automakers(doc, cues)

        topic_sents: dict[int, int] = defaultdict(int)  # sentence -> topics it proves
        for hits in topic_hits.values():
            for i in hits:
                topic_sents[i] += 1
        weights, chars = sents.weights, sents.chars
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
            terms = sorted({_span_text(text, sents.offsets, s, e).lower() for s, e in topic_spans[ti][:24]})[:12]
            topics.append(TopicTag(id=topic.id, name=topic.name, evidence=_clip(text, chars[best]),
                                   mentions=sum(hits.values()),
                                   salience=_salience(weights[i] * n for i, n in hits.items()),
                                   terms=tuple(terms)))
        automakers.sort(key=lambda t: (-t.salience, -t.mentions, t.id))
        topics.sort(key=lambda t: (-t.salience, -t.mentions, t.id))
        return Tags(tuple(automakers), tuple(topics))

    def _automakers(self, doc, cues: Cues) -> dict[str, list]:
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
            if form.not_after and self._next_word(doc, e) in form.not_after:
                continue
            candidates.append((s, e, form, i))
        # the longest form wins where forms of one automaker overlap: in order of start, a form
        # overlaps one kept before it if it starts before the furthest end kept so far
        candidates.sort(key=lambda c: (c[0], c[0] - c[1]))
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
    def _next_word(doc, end: int) -> str:
        """The next token after a match, stepping over one punctuation mark (Lincoln, Nebraska)."""
        if end < len(doc) and doc[end].is_punct and doc[end].text not in ("-", "'s"):
            end += 1
        return doc[end].lower_ if end < len(doc) else ""


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
