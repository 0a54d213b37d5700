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

from . import aboutness, sentences  # sentences registers the chargewatch_sentences component
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
        self._names_of: dict[str, tuple[str, ...]] = {}  # automaker -> its forms' texts, lower-cased
        for form in self.forms:
            self._names_of[form.automaker] = (*self._names_of.get(form.automaker, ()), form.text.lower())
        self._phrases: dict[tuple, tuple] = {}  # (matcher, words) -> (phrase, what a match proves)
        self._vocabulary: set[str] = set()  # every token of every pattern, lower-cased
        self.given_names = first_names() if any(f.surname for f in self.forms) else frozenset()
        self._vocabulary.update(name.lower() for name in self.given_names)
        # each form's last token's length: where a match ends in the text, without asking the Doc
        self._last_len = {id(f): len(self.nlp.make_doc(f.text)[-1].text) for f in self.forms}
        for i, form in enumerate(self.forms):
            self._add(self.orth if form.exact_case else self.lower, ("form", i), [form.text])
            self._vocabulary.update(form.not_before | form.not_after)
            self._vocabulary.update(w.lower() for w in form.doubt_before | form.doubt_after)
        self._add(self.lower, ("context",), self.registry.context_words)
        self._add(self.lower, ("strict",), self.registry.strict_context_words)
        self._add(self.lower, ("blocked",), self.registry.blocked)
        for name, words in self.registry.other_context:
            self._add(self.lower, ("other", name), words)
        self._add(self.lower, ("car",), self.registry.car_words)
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
        offsets = sents.offsets
        candidates, namesakes = self._candidates(doc, cues, text, offsets, sents.chars)
        return self._decide(text, sents.weights, sents.chars, cues, candidates, namesakes,
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
        namesakes: dict[tuple[str, str], tuple[int, bool]] = {}
        pieces: list[tuple[int, numpy.ndarray, int]] = []  # (first token, offsets in text, end)
        tokens = 0
        bounds = list(_pieces(text, self.chunk_chars))
        for k, (start, end) in enumerate(bounds):
            piece = text[start:end]
            doc = self.nlp(piece)
            layout.base = start
            sents = self._sentences(doc, piece, layout)
            if sents.starts:
                local = self._cues(doc, sents, every_pair_word=True)
                if local is not None:
                    after = _first_word(text, end) if k + 1 < len(bounds) else ""
                    offsets = [start + o for o in sents.offsets]  # in the whole text
                    found, names = self._candidates(doc, local, text, offsets, sents.chars, after)
                    for key, (first, person) in names.items():
                        _first(namesakes, key, first + tokens, person)  # numbered in the whole text
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

        return self._decide(text, weights, chars, cues, candidates, namesakes, span_text)

    def _cues(self, doc, sents: _Sentences, every_pair_word: bool = False) -> Cues | None:
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
        return sort_cues(by_key, self._plans, self.forms, every_pair_word)

    def _decide(self, text: str, weights: list[float], chars: list[tuple[int, int]], cues: Cues,
                candidates: list, namesakes: dict[tuple[str, str], tuple[int, bool]], span_text) -> Tags:
        """What the cues prove: the automaker and topic tags, with evidence, salience and role
        (``aboutness``: whether the text is about the automaker or topic, or names it in passing)."""
        topic_hits, topic_spans = self.topic_rules.prove(cues, len(weights))
        mentions = self._mentions(candidates, namesakes, cues, weights)
        roles = aboutness.automaker_roles(text, chars, weights, {aid: [(f[0], f[2], f[3]) for f in found]
                                                                 for aid, found in mentions.items()},
                                          title_weight=TITLE_WEIGHT, lead_weight=LEAD_WEIGHT)
        topic_roles = aboutness.topic_roles(weights, {ti: hits for ti, hits in topic_hits.items() if hits},
                                            title_weight=TITLE_WEIGHT, lead_weight=LEAD_WEIGHT)

        topic_sents: dict[int, int] = defaultdict(int)  # sentence -> topics it proves
        for hits in topic_hits.values():
            for i in hits:
                topic_sents[i] += 1
        headings = sentences.Headings(text, chars)  # a subheading is evidence only if nothing else is
        # A body sentence proves a tag, the headline only when the body has none; nor a "sentence"
        # that carries the headline again (a PDF's cover: "REPORT | NOVEMBER 2026 <title> <authors>
        # EXECUTIVE SUMMARY ...", a page whose text repeats its title)
        body = _BodySentences(text, chars, weights)
        automakers = []
        for aid, found in mentions.items():
            # and the lead's sentence before a later one (the lede says what the company did; a
            # later sentence proving more topics is often background: "Ford is one of the leaders
            # in the leaderboard's human rights section"), then the sentence proving most topics
            best = headings.best(found, lambda f: (body(f[0]), weights[f[0]], topic_sents.get(f[0], 0), -f[0]),
                                 lambda f: f[0])[0]
            a = self.automakers[aid]
            automakers.append(AutomakerTag(
                id=aid, name=a.name, brands=tuple(dict.fromkeys(f[1].brand for f in found)),
                evidence=_clip(text, chars[best]), mentions=len(found),
                salience=_salience(weights[f[0]] for f in found), ranked=a.ranked, role=roles[aid]))
        topics = []
        for ti, hits in topic_hits.items():
            if not hits:
                continue
            topic = self.topics[ti]
            # a sentence with two cues or more before one with a single cue (a dateline and a
            # place name), then the lead's before a later one, then the most cues
            best = headings.best(hits, lambda i: (body(i), min(hits[i], 2), weights[i], hits[i], -i))
            terms = sorted({span_text(s, e).lower() for s, e in topic_spans[ti][:24]})[:12]
            topics.append(TopicTag(id=topic.id, name=topic.name, evidence=_clip(text, chars[best]),
                                   mentions=sum(hits.values()),
                                   salience=_salience(weights[i] * n for i, n in hits.items()),
                                   terms=tuple(terms), role=topic_roles[ti]))
        automakers.sort(key=lambda t: (-t.salience, -t.mentions, t.id))
        topics.sort(key=lambda t: (-t.salience, -t.mentions, t.id))
        return Tags(tuple(automakers), tuple(topics))

    def _candidates(self, doc, cues: Cues, text: str, offsets: list[int], chars: list[tuple[int, int]],
                    after: str = "") -> tuple[list, dict[tuple[str, str], tuple[int, bool]]]:
        """The automaker forms found, less those the words around them refuse, each as (first
        token, end token, form, sentence, doubtful (see ``_mentions``), first character, end
        character; the characters in the whole text, for ``aboutness``); and the namesakes: the
        names (form keys) the text also gives to someone or something else, a person, a place or
        another company, each with the first token where it does so and whether it is a person.

        ``text`` is the whole text, ``offsets`` the Doc's tokens' characters in it, ``chars`` its
        sentences', and ``after`` the first word after the Doc when it is a piece of a longer
        text. Refused, and a namesake from there on:
        - a form inside a blocked name: "Nikola Tesla", "Volvo Group", "Tata Steel";
        - a surname form right after a given name or a title, or named as a person otherwise
          (``_person``): "Eleanor Ford", "COO Ford", 'Marcus "Chevy" Reyes', "Honda, 32,";
        - a word of not_before or not_after that is itself a name: "Harrison Ford" (surname forms),
          "Ford Foundation", "Lincoln, Nebraska" (other such words refuse that mention only: "in
          Lincoln", "GM crops");
        - an exact-case form followed by a comma and a state: "Lincoln, Neb.", "Cadillac, Mich.";
        - a conglomerate's name before a sister company's word: "Hyundai Samho Heavy Industries";
        - an acronym in brackets after another name it stands for: "Kachin Independence Army (KIA)".
        Refused for that mention only: a form in a sentence of another industry (``not_in``) with
        no car word in it ("the Volvo brands delivered 1,442 electric trucks"), and a form with a
        founding year in a sentence dated only before it ("In 1887 Tesla designed...").
        Doubtful: a form after or before one of its doubt words ("as GM") or, for a unit, after
        a number ("a 1.5 Tesla magnet")."""
        candidates = []
        blocked = cues.blocked
        namesakes: dict[tuple[str, str], tuple[int, bool]] = {}
        given = self.given_names
        last_len = self._last_len
        n = len(doc)
        historic: dict[int, int] = {}  # sentence -> its latest year (0: none), for founded forms
        for s, e, form, i in cues.forms:
            if blocked:
                inside = next((bs for bs, be in blocked if bs < e and s < be), None)
                if inside is not None:  # "Nikola Tesla" is a person, "Volvo Group" a company
                    _first(namesakes, form.key, s, form.surname and inside < s)
                    continue
            start = offsets[s]
            end = offsets[e - 1] + last_len[id(form)]
            if ((form.exact_case and self._place(text, end))  # "in Lincoln, Neb." is the town
                    or (form.conglomerate and self._sibling(text, end))
                    or (form.acronym and self._acronym_of_another(text, start, end, form))):
                _first(namesakes, form.key, s, False)
                continue
            prev = doc[s - 1] if s > 0 and (form.not_before or form.surname or form.doubt_before) else None
            if form.not_before and prev is not None and prev.lower_ in form.not_before:
                if form.surname and _is_name(prev.text):
                    _first(namesakes, form.key, s, True)
                continue
            if form.surname and ((prev is not None and prev.text in given) or self._person(text, start, end)):
                _first(namesakes, form.key, s, True)
                continue
            if form.not_after:
                k = _next_index(doc, e)
                if (doc[k].lower_ if k < n else after) in form.not_after:
                    if k < n and _is_name(doc[k].text):
                        _first(namesakes, form.key, s, False)
                    continue
            if form.not_in and i not in cues.car and any(i in cues.other.get(w, ()) for w in form.not_in):
                continue
            if form.founded:
                latest = historic.get(i)
                if latest is None:
                    latest = historic[i] = max(map(int, _YEAR.findall(text, *chars[i])), default=0)
                if 0 < latest < form.founded:
                    continue
            doubtful = ((prev is not None and prev.text in form.doubt_before)
                        or (form.doubt_after and e < n and doc[e].text in form.doubt_after)
                        or (form.unit and _after_number(text, start)))
            candidates.append((s, e, form, i, doubtful, start, end))
        return candidates, namesakes

    def _person(self, text: str, start: int, end: int) -> bool:
        """Whether a surname form at text[start:end] is written as a person's name: after a title
        ("COO Ford", "Mr. Honda"), a given name and initials ("Renee J. Ford"), as a quoted
        nickname ('Marcus "Chevy" Reyes'), or with an age ("Honda, 32, has played...")."""
        before = text[max(0, start - 40):start].rstrip()
        words = before.rsplit(None, 1)
        if words:
            word = words[-1]
            if word.endswith("."):  # with a full stop, only an abbreviation: "Mr." but not "coach."
                if word[:-1].lower() in _ABBREVIATED_TITLES:
                    return True
                m = _INITIALS_BEFORE.search(before)
                if m and m.group(1) in self.given_names:
                    return True
            elif word.lower() in self.registry.titles:
                return True
            elif word[-1] in _QUOTES:
                m = _QUOTE_BEFORE.search(before)
                if m and _is_name(m.group(1)) and _QUOTE_AFTER.match(text, end):  # not 'The "Tesla" Model Y'
                    return True
        return text.startswith(",", end) and _AGE_AFTER.match(text, end) is not None

    def _acronym_of_another(self, text: str, start: int, end: int, form: SurfaceForm) -> bool:
        """Whether an acronym is written in brackets right after the name it stands for, and
        that name is not the automaker's: "Kachin Independence Army (KIA)", "Science
        Applications International Corp (SAIC)", "killed in action (KIA)"; but not "General
        Motors (GM)" or "Fiat Chrysler Automobiles (FCA)"."""
        if not (text.startswith(")", end) and text[max(0, start - 3):start].rstrip().endswith("(")):
            return False
        m = _WORDS_BEFORE.search(text, max(0, start - 120), start)
        if m is None:
            return False
        words = m.group(1).split()
        letters = form.text.replace("&", "").upper()
        for j in range(len(words)):
            tail = words[j:]
            if _initials(tail) == letters or _initials([w for w in tail if w.lower() not in _MINOR]) == letters:
                expansion = " ".join(tail).lower()
                return not any(name in expansion for name in self._names_of[form.automaker])
        return False

    @staticmethod
    def _first_sense(kept: list, namesakes: dict, cues: Cues, weights: list[float]) -> dict:
        """The namesakes less the companies' and places' names that the text first used, in its
        body, for the carmaker: a mention before the namesake, not doubtful, with the context it
        needs."""
        first_plain: dict[tuple[str, str], int] = {}
        for s, _, f, i, doubtful, _, _ in kept:
            named = namesakes.get(f.key)
            if (named is None or named[1] or doubtful or s >= named[0] or weights[i] == TITLE_WEIGHT
                    or f.key in first_plain):
                continue
            if f.needs_context and i not in (cues.strict if f.strict_context else cues.context):
                continue
            first_plain[f.key] = s
        return {k: v for k, v in namesakes.items() if k not in first_plain} if first_plain else namesakes

    def _place(self, text: str, end: int) -> bool:
        """Whether the name ending at ``end`` is followed by a comma and a state or county: a
        town ("Lincoln, Neb.", "Cadillac, Michigan"; not "Ford, Michigan's largest employer")."""
        m = _PLACE_AFTER.match(text, end) if text.startswith(",", end) else None
        if m is None:
            return False
        places = self.registry.places
        one = m.group(1).lower()
        if m.group(3) and f"{one} {m.group(3).lower()}" in places:  # "New York", "North Carolina"
            return True
        return one in places and m.group(2) is None  # "Michigan's largest employer" is no address

    def _sibling(self, text: str, end: int) -> bool:
        """Whether a conglomerate's name ending at ``end`` names a sister company: a sibling
        word right after it (Hyundai Steel, Tata Power, Volvo Penta) or after one more name
        (Hyundai Samho Heavy Industries, Hyundai Mipo Dockyard)."""
        m = _NAMES_AFTER.match(text, end) if text[end + 1:end + 2].isupper() else None
        if m is None:
            return False
        reg = self.registry
        return m.group(1).lower() in reg.siblings_next or (
            m.group(2) is not None and m.group(2).lower() in reg.siblings_far)

    def _mentions(self, candidates: list, namesakes: dict[tuple[str, str], tuple[int, bool]], cues: Cues,
                  weights: list[float]) -> dict[str, list]:
        """Each automaker's mentions (sentence, form, first character, end character; the
        characters in the whole text), decided on the whole text's candidates."""
        # the longest form wins where forms of one automaker overlap: in order of start, a form
        # overlaps one kept before it if it starts before the furthest end kept so far (on a
        # tie, the form listed first in the registry)
        rank = self._form_rank
        candidates.sort(key=lambda c: (c[0], c[0] - c[1], rank[id(c[2])]))
        kept: list[tuple[int, int, SurfaceForm, int, bool, int, int]] = []
        reach: dict[str, int] = {}
        for c in candidates:
            if c[0] < reach.get(c[2].automaker, -1):
                continue
            kept.append(c)
            reach[c[2].automaker] = max(c[1], reach.get(c[2].automaker, -1))
        # A name the text also gives to someone or something else is that one again from where the
        # text first does so, and in the title (written knowing the story): "Volvo ... its sister
        # company Volvo Penta" and "Tesla, named after Nikola Tesla" are still the carmakers,
        # "Volvo Buses ... Volvo said" is not.
        # A car word in its sentence makes it the carmaker again, unless the namesake is a person
        # ("Hyundai Steel ... Hyundai's new SUV plant"; but "Eleanor Ford ... Ford estimates that
        # scrap will come from cell plants, not cars").
        # And the first sense wins: a text that used the bare name for the carmaker before naming a
        # sister company or a place ("Hyundai's chief executive said... Hyundai Steel will supply
        # ... Hyundai said") goes on meaning the carmaker (not for a person: "Ford said...
        # Eleanor Ford, an analyst... Ford estimates" is her). The title sets no sense.
        car = cues.car
        if namesakes:
            namesakes = self._first_sense(kept, namesakes, cues, weights)

        def namesake(f: SurfaceForm, s: int, i: int) -> bool:
            named = namesakes.get(f.key)
            if named is None or not (s >= named[0] or weights[i] == TITLE_WEIGHT):
                return False
            return named[1] or i not in car

        # plain mentions: need no context, neither doubtful nor a namesake; and the automakers
        # named unmistakably, by a name the text gives to nobody else (Ford Motor, Volvo Cars)
        strong_ids: set[str] = set()
        strong_sents: dict[int, set[str]] = defaultdict(set)
        anchored: set[tuple[str, str]] = set()  # (automaker, brand) named unmistakably
        for s, _, f, i, doubtful, _, _ in kept:
            if not f.needs_context and not doubtful and not (namesakes and namesake(f, s, i)):
                strong_ids.add(f.automaker)
                strong_sents[i].add(f.automaker)
                if not f.surname and f.key not in namesakes:
                    anchored.add((f.automaker, f.brand))
        # Once a text names a person "Eleanor Ford", a place "Lincoln, Nebraska" or a sister
        # company "Volvo Group", "Tata Steel", a bare "Ford", "Lincoln", "Volvo" or "Tata" after
        # that is most likely that one again: it counts only beside another automaker, or when
        # the text also names that brand unmistakably (Ford Motor, Volvo Cars, Tata Motors; the
        # city "Lincoln, Nebraska" stays the city in a text that names Ford, another brand);
        # after a person, only with plainly automotive words too, since "Ford Motor will buy her
        # cells ... Ford added that..." is most likely her quote again.
        # A doubtful mention ("as GM", "1.5 Tesla") counts only with plainly automotive words or
        # another automaker in its sentence.
        found: dict[str, list] = defaultdict(list)
        strict = cues.strict
        for s, _, form, i, doubtful, start, end in kept:
            others = strong_sents.get(i, set()) - {form.automaker}
            if namesakes and namesake(form, s, i) and not (
                    others or ((form.automaker, form.brand) in anchored
                               and (i in strict or not namesakes[form.key][1]))):
                continue
            if doubtful and not (i in strict or others):
                continue
            context = strict if form.strict_context else cues.context
            if form.needs_context and not (i in context or form.automaker in strong_ids or others):
                continue
            found[form.automaker].append((i, form, start, end))
        return found


class _BodySentences:
    """Whether sentence ``i`` is of the body proper: neither the title nor a sentence that
    repeats it (only a title of 20 characters or more is looked for), worked out once per
    sentence asked about."""

    __slots__ = ("chars", "known", "text", "title", "weights")

    def __init__(self, text: str, chars: list[tuple[int, int]], weights: list[float]):
        self.text, self.chars, self.weights, self.known = text, chars, weights, {}
        title = [c for c, w in zip(chars, weights) if w == TITLE_WEIGHT]
        heading = " ".join(text[title[0][0]:title[-1][1]].split()).lower() if title else ""
        self.title = heading if len(heading) >= 20 else ""

    def __call__(self, i: int) -> bool:
        if self.weights[i] == TITLE_WEIGHT:
            return False
        if not self.title:
            return True
        found = self.known.get(i)
        if found is None:
            start, end = self.chars[i]
            found = self.known[i] = self.title not in " ".join(self.text[start:end].split()).lower()
        return found


def _first(namesakes: dict, key: tuple[str, str], token: int, person: bool) -> None:
    """Keep the first token where the text names ``key`` as someone or something else (the
    matches come grouped by pattern, not in text order), and whether it was ever a person."""
    first, was_person = namesakes.get(key, (token, False))
    namesakes[key] = (min(first, token), was_person or person)


_MINOR = frozenset(("of", "and", "for", "the", "de", "&", "in", "on", "at"))
_WORDS_BEFORE = re.compile(r"(?<![\w&.'’-])((?:[\w&][\w&.'’-]*\s+){1,8})\(\s*$")  # up to 8 words and "("


def _initials(words: list[str]) -> str:
    return "".join(w[0] for w in words if w[0] != "&").upper()


def _next_index(doc, end: int) -> int:
    """The next token after a match, stepping over one punctuation mark (Lincoln, Nebraska);
    ``len(doc)`` past the Doc's end."""
    if end < len(doc) and doc[end].is_punct and doc[end].text not in ("-", "'s"):
        end += 1
    return end


# a word that names something ("Foundation", "Nebraska", "Harrison"), not one that starts a sentence
_NOT_NAMES = frozenset(("the", "a", "an", "in", "of", "on", "at", "near", "for", "from", "by", "to", "with", "and",
                        "or", "as"))


def _is_name(word: str) -> bool:
    return word[:1].isupper() and word.lower() not in _NOT_NAMES


# Around a name, in the original text (the Doc holds placeholders for words no pattern uses):
# the titles that can be written with a full stop ("Mr. Honda"; but "his coach. Ford said")
_ABBREVIATED_TITLES = frozenset(("mr", "mrs", "ms", "mx", "dr", "prof", "sen", "rep", "gov", "capt", "sgt", "pfc",
                                 "cpl", "lt", "col", "maj", "rev"))
_INITIALS_BEFORE = re.compile(r"\b([A-Z][a-z]+)\s+(?:[A-Z]\.\s*){1,3}$")  # "Renee J."
_QUOTES = frozenset("\"“‘'")
_QUOTE_BEFORE = re.compile(r"\b([A-Z][\w.]*)\s+[\"“‘']$")  # 'Marcus "'
_QUOTE_AFTER = re.compile(r"[\"”’']\s+[A-Z]")  # '" Reyes'
_AGE_AFTER = re.compile(r",\s*\d{1,3},")  # ", 32,"
_PLACE_AFTER = re.compile(r",\s+([A-Z][A-Za-z]*)\.?(?:(['’]s\b)|\s+([A-Z][a-z]+))?")
_NAMES_AFTER = re.compile(r"\s+([A-Z][\w&]*)(?:\s+([A-Z][\w&]*))?")  # "Samho Heavy"
# a year as dates are written: "in 1887", "since 1956", "May 1901" (not "by 1500 cars")
_YEAR = re.compile(r"(?:\b(?:[Ii]n|[Ss]ince|[Ff]rom|[Uu]ntil|[Bb]efore|[Aa]fter|[Aa]round|[Cc]irca|"
                   r"[Ee]arly|[Ll]ate|mid-|January|February|March|April|May|June|July|August|"
                   r"September|October|November|December)\s*)(1[5-9]\d\d|20\d\d)\b")
# a number right before a name that is also a unit ("1.5 Tesla", "3-Tesla"), but not a year
_NUMBER_BEFORE = re.compile(r"(?:(?<![\w.,])(\d+(?:[.,]\d+)*)|\b(?:one|two|three|four|five|six|seven|eight|"
                            r"nine|ten|half))\s*-?\s*$", re.IGNORECASE)


def _after_number(text: str, start: int) -> bool:
    m = _NUMBER_BEFORE.search(text, max(0, start - 24), start)
    if m is None:
        return False
    number = m.group(1)
    return not (number and len(number) == 4 and number[:2] in ("19", "20"))


def _shift_into(cues: Cues, candidates: list, local: Cues, found: list, first_token: int, first_sentence: int) -> None:
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
