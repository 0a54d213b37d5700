"""Tag automakers (brand -> group), their suppliers and campaign topics, each with the sentence
that proves it.

Pure: text in, ``Tags`` out; the registry and taxonomy are read once when the ``Tagger`` is
built. spaCy's blank English pipeline gives tokens and sentences; one PhraseMatcher on
lower-cased text finds every cue in one pass (names that are also common words, matched on exact
case, are checked against their case afterwards), and plain Python decides what the cues prove,
sentence by sentence.

This module is the flow: build the matchers, run them, hand the matches to the modules that
decide, and assemble the tags. Each decision lives with its rules:
- ``nlp.layout``: the sentences and their weight (title, lead, body);
- ``nlp.cues``: the matches sorted by what they can prove, and the topic rules;
- ``nlp.mentions``: which automaker names are the automakers, not their namesakes;
- ``nlp.supplier_mentions``: the same for suppliers (nlp/data/suppliers.yaml), whose names are
  matched in the same pass; ``nlp.supply_links`` says which automakers each one supplies;
- ``nlp.aboutness``: whether the text is about each tag or names it in passing;
- ``nlp.evidence``: the evidence sentence as written, and salience;
- ``nlp.pieces``: texts of any length (a 200-page PDF report is 2,000,000 characters, twice
  spaCy's ``max_length``), read a piece at a time and decided on together, as one text:
  mentions, evidence, salience, context and the topic rules see every piece. A piece's Doc is
  dropped before the next is made, so memory stays that of one piece plus what the matchers found.
"""

from __future__ import annotations

import bisect
from collections import defaultdict

import numpy
import spacy
from spacy.matcher import PhraseMatcher

# importing sentences registers the chargewatch_sentences component
from . import aboutness, sentences
from .cues import TOPIC_CUE_KINDS, Cues, TopicRules, sort_cues
from .evidence import BodySentences, clip, salience, span_text
from .layout import LEAD_WEIGHT, TITLE_WEIGHT, Layout, Sentences, weigh_sentences
from .mentions import Names, first_namesake
from .pieces import CHUNK_CHARS, first_word, piece_bounds, shift_into
from .registry import Registry, SurfaceForm, load_registry
from .supplier_mentions import SupplierCues, SupplierNames, context_roles, supplier_tags
from .suppliers import SupplierRegistry, load_supplier_registry
from .tags import Tag, Tags
from .taxonomy import Topic, load_taxonomy
from .tokenize import FastTokenizer
from .topic_roles import topic_roles


_SUPPLIER_ROLES = frozenset(("sform", "scontext", "sblocked"))


def _apostrophes(phrases):
    """Each phrase as written and with the other apostrophe: published text writes "workers’ rights"
    and "workers' rights" alike, and the matchers compare characters."""
    for phrase in phrases:
        if not phrase:
            continue
        yield phrase
        other = phrase.replace("'", "’") if "'" in phrase else phrase.replace("’", "'")
        if other != phrase:
            yield other


_ADD_CHUNK = 256  # phrase Docs alive at once while the matchers are built


class Tagger:
    """Build once (about a second), then call ``tag`` for each text."""

    def __init__(self, registry: Registry | None = None, topics: tuple[Topic, ...] | None = None,
                 chunk_chars: int = CHUNK_CHARS, suppliers: SupplierRegistry | None = None):
        self.chunk_chars = max(100, min(chunk_chars, 500_000))  # a piece always fits nlp.max_length
        self.registry = registry or load_registry()
        self.topics = topics or load_taxonomy()
        self.nlp = spacy.blank("en")
        self.nlp.tokenizer = FastTokenizer(self.nlp.vocab)
        self.nlp.add_pipe("chargewatch_sentences")
        vocab = self.nlp.vocab
        self.lower = PhraseMatcher(vocab, attr="LOWER")
        # Names matched on exact case ("Smart", not "smart") go into the same matcher, under keys
        # of their own, and a match of one is kept only if its words are written as the name's
        # (``_exact``: key -> the allowed spellings, as tuples of word ids): one pass over the Doc
        # instead of a second matcher's, which cost as much as the first for its 170 phrases.
        self._exact: dict[int, frozenset] = {}
        self.forms: list[SurfaceForm] = list(self.registry.forms)
        self.automakers = {a.id: a for a in self.registry.automakers}
        self.names = Names(self.registry, self.forms, self.nlp.make_doc)  # automakers, not namesakes
        self.given_names = self.names.given_names
        self._phrases: dict[tuple, tuple] = {}  # (matcher, its words joined) -> (phrase, what a match proves)
        self._vocabulary: set[str] = set()  # every token of every pattern, lower-cased
        self._vocabulary.update(name.lower() for name in self.given_names)
        for i, form in enumerate(self.forms):
            self._add(("form", i), [form.text], exact=form.exact_case)
            self._vocabulary.update(form.not_before | form.not_after)
            self._vocabulary.update(w.lower() for w in form.doubt_before | form.doubt_after)
        self._add(("context",), self.registry.context_words)
        self._add(("strict",), self.registry.strict_context_words)
        self._add(("blocked",), self.registry.blocked)
        for name, words in self.registry.other_context:
            self._add(("other", name), words)
        self._add(("car",), self.registry.car_words)
        self.supplier_registry = suppliers or load_supplier_registry()
        self.supplier_names = SupplierNames(self.supplier_registry, self.nlp.make_doc)
        self.suppliers = {s.id: s for s in self.supplier_registry.suppliers}
        for j, sform in enumerate(self.supplier_names.forms):
            self._add(("sform", j), [sform.text], exact=sform.exact_case)
        for role, words in context_roles(self.supplier_registry):
            self._add(role, words)
        # A company's name is not its subject: "Zhejiang Huayou Cobalt", "Ganfeng Lithium", "Norsk
        # Hydro" and "Tata Steel" prove no cobalt, lithium, renewable or steel topic by their
        # words (the words of a name of two or more words count for no topic, as a taxonomy's
        # ``not`` phrase would). The name still tags the supplier. A name the taxonomy itself
        # lists as a topic's proof ("The Metals Company", "Redwood Materials"), as a generic or a
        # weak word ("Syrah Resources", "Vulcan Energy") or as a word of a pair ("China Hongqiao
        # Group" beside "hydropower") keeps proving it.
        proofs = {" ".join(term.lower().split()) for topic in self.topics
                  for term in (*topic.terms, *topic.generic, *topic.weak,
                               *(w for p in topic.pairs if p.kind == "pair" for words in p for w in words))}
        self._add(("not", None), [f.text for f in self.supplier_names.forms
                                              if len(self.nlp.make_doc(f.text)) > 1
                                              and " ".join(f.text.lower().split()) not in proofs])
        self._vocabulary.update(self.supplier_names.words_around())
        for ti, topic in enumerate(self.topics):
            self._add(("term", ti), topic.terms)
            self._add(("generic", ti), topic.generic)
            for pi, pair in enumerate(topic.pairs):
                self._add(("a", ti, pi), pair[0])
                self._add(("b", ti, pi), pair[1])
                self._add(("u", ti, pi), pair.unless)
            self._add(("not", ti), topic.not_phrases)
            self._add(("veto", ti), topic.veto)
            self._add(("dveto", ti), topic.veto_in_document)
            self._add(("near", ti), topic.near)
            self._add(("unless", ti), topic.near_unless)
        self.topic_rules = TopicRules(self.topics)  # checks the dependencies once
        self._plans = self._compile()
        self.nlp.tokenizer.keep = frozenset(self._vocabulary)  # from now on, texts are shrunk

    def _add(self, role: tuple, phrases, exact: bool = False) -> None:
        """Give each phrase the role (what a match of it can prove); ``_compile`` adds them to the
        matcher. ``exact``: a match counts only where the words are written with the phrase's case."""
        if role[0] in TOPIC_CUE_KINDS:  # topic cues: (kind, topic, pair, bucket)
            bucket = role[0] if len(role) == 2 else f"{role[0]}{role[2]}"
            role = (role[0], role[1], role[2] if len(role) > 2 else None, bucket)
        attr = "orth" if exact else "lower"
        for phrase in _apostrophes(phrases):
            doc = self.nlp.make_doc(phrase)
            self._vocabulary.update(t.lower_ for t in doc)
            # one string a phrase, not a tuple of word strings: 60,000 phrases' 330,000 words
            # would stay in the process's heap, freed but never given back
            words = "\x1f".join(t.lower_ if attr == "lower" else t.text for t in doc)
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
        self._supplier_plans: dict[int, tuple] = {}  # match key -> its supplier roles (nlp.supplier_mentions)
        for n, ((attr, roles), phrases) in enumerate(groups.items()):
            name = f"{attr}:{n}"
            # Docs made again here rather than kept since _add, and a few hundred at a time:
            # all alive at once (17,000 for one group), they cost the process tens of MB that
            # it never gave back
            for k in range(0, len(phrases), _ADD_CHUNK):
                self.lower.add(name, [self.nlp.make_doc(p) for p in phrases[k:k + _ADD_CHUNK]])
            key = self.nlp.vocab.strings.add(name)
            if attr == "orth":
                # a one-word name as its word's id, a longer one as the tuple of its words' ids
                self._exact[key] = frozenset(o[0] if len(o) == 1 else o for o in (
                    tuple(t.orth for t in self.nlp.make_doc(p)) for p in phrases))
            # a pair's second words and its own cancelling words matter only where its first were seen
            plans[key] = (tuple(r for r in roles if r[0] not in ("b", "u") and r[0] not in _SUPPLIER_ROLES),
                          tuple((r[1], f"a{r[2]}", r[3]) for r in roles if r[0] in ("b", "u")))
            supplier_roles = tuple(r for r in roles if r[0] in _SUPPLIER_ROLES)
            if supplier_roles:
                self._supplier_plans[key] = supplier_roles
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

    def _tag_doc(self, doc) -> Tags:
        text = doc.user_data.get("text") or doc.text  # doc.text rebuilds the string from tokens
        sents = weigh_sentences(doc, text)
        if not sents.starts:
            return Tags()
        found = self._cues(doc, sents)
        if found is None:
            return Tags()
        cues, scues = found
        offsets = sents.offsets
        candidates, namesakes = self.names.candidates(doc, cues, text, offsets, sents.chars)
        supplied = self.supplier_names.candidates(doc, scues, offsets) if scues else []
        return self._decide(text, sents.weights, sents.chars, cues, candidates, namesakes,
                            lambda s, e: span_text(text, offsets, s, e), (supplied, scues.context))

    def _tag_long(self, text: str, title_end: int) -> Tags:
        """A text longer than ``chunk_chars``, a piece at a time (see ``nlp.pieces``). Each piece's
        matches are numbered as the whole text's tokens and sentences would be, and the checks
        that need a piece's Doc (the words around a name) are made while it exists; then the
        whole text's matches are decided on at once, exactly as for a short text."""
        layout = Layout(text, title_end)
        weights: list[float] = []
        chars: list[tuple[int, int]] = []
        cues = Cues()
        candidates: list[tuple] = []
        namesakes: dict[tuple[str, str], tuple[int, bool]] = {}
        supplied: list[tuple] = []  # supplier candidates, numbered in the whole text
        supplier_context: dict[str, set[int]] = defaultdict(set)
        pieces: list[tuple[int, numpy.ndarray, int]] = []  # (first token, offsets in text, end)
        tokens = 0
        bounds = list(piece_bounds(text, self.chunk_chars))
        for k, (start, end) in enumerate(bounds):
            piece = text[start:end]
            doc = self.nlp(piece)
            layout.base = start
            sents = weigh_sentences(doc, piece, layout)
            if sents.starts:
                matched = self._cues(doc, sents, every_pair_word=True)
                if matched is not None:
                    local, scues = matched
                    after = first_word(text, end) if k + 1 < len(bounds) else ""
                    offsets = [start + o for o in sents.offsets]  # in the whole text
                    found, names = self.names.candidates(doc, local, text, offsets, sents.chars, after)
                    first = len(weights)
                    for c in self.supplier_names.candidates(doc, scues, offsets, after) if scues else ():
                        supplied.append((c[0] + tokens, c[1] + tokens, c[2], c[3] + first, c[4], c[5]))
                    for name, sent_ids in scues.context.items():
                        supplier_context[name].update(i + first for i in sent_ids)
                    for key, (first, person) in names.items():
                        first_namesake(namesakes, key, first + tokens, person)  # numbered in the whole text
                    shift_into(cues, candidates, local, found, tokens, len(weights))
                    pieces.append((tokens, numpy.asarray(sents.offsets, dtype=numpy.int64) + start, end))
                weights.extend(sents.weights)
                chars.extend(sents.chars)
            tokens += len(doc)
            del doc
        if not pieces:
            return Tags()
        firsts = [p[0] for p in pieces]

        def piece_text(s: int, e: int) -> str:
            first, offsets, end = pieces[bisect.bisect_right(firsts, s) - 1]
            s, e = s - first, e - first
            return span_text(text, offsets, s, e, end)

        return self._decide(text, weights, chars, cues, candidates, namesakes, piece_text,
                            (supplied, supplier_context))

    def _cues(self, doc, sents: Sentences, every_pair_word: bool = False) -> tuple[Cues, SupplierCues] | None:
        """The matcher over the Doc, each match numbered with its sentence, sorted by what it
        can prove (automaker and topic cues; supplier cues apart); None when nothing matched."""
        raw = self.lower(doc)
        if self._exact:
            exact, kept = self._exact, []
            for m in raw:
                written = exact.get(m[0])
                if written is None or (doc[m[1]].orth if m[2] - m[1] == 1
                                       else tuple(t.orth for t in doc[m[1]:m[2]])) in written:
                    kept.append(m)
            raw = kept
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
        return (sort_cues(by_key, self._plans, self.forms, every_pair_word),
                self.supplier_names.sort(by_key, self._supplier_plans))

    def _decide(self, text: str, weights: list[float], chars: list[tuple[int, int]], cues: Cues,
                candidates: list, namesakes: dict[tuple[str, str], tuple[int, bool]], span_text,
                supplied: tuple[list, dict[str, set[int]]] = ([], {})) -> Tags:
        """What the cues prove: the automaker and topic tags, with evidence, salience and role
        (``aboutness``: whether the text is about the automaker or topic, or names it in passing)."""
        topic_hits, topic_spans = self.topic_rules.prove(cues, len(weights))
        mentions = self.names.mentions(candidates, namesakes, cues, weights, text)
        # the suppliers named, decided once for their tags and for the automakers' roles (a miner's
        # deal "to supply Toyota" is the miner's story, not Toyota's)
        named = {f[0] for found in mentions.values() for f in found}  # sentences naming an automaker
        decided = self.supplier_names.decide(supplied[0], supplied[1], named) if supplied[0] else {}
        others = [(m[0], m[2], m[3]) for ms in decided.values() for m in ms] if mentions else []
        roles = aboutness.automaker_roles(text, chars, weights, {aid: [(f[0], f[2], f[3]) for f in found]
                                                                 for aid, found in mentions.items()},
                                          title_weight=TITLE_WEIGHT, lead_weight=LEAD_WEIGHT, others=others)
        topic_role = topic_roles(weights, {ti: hits for ti, hits in topic_hits.items() if hits},
                                 title_weight=TITLE_WEIGHT, lead_weight=LEAD_WEIGHT)

        topic_sents: dict[int, int] = defaultdict(int)  # sentence -> topics it proves
        for hits in topic_hits.values():
            for i in hits:
                topic_sents[i] += 1
        headings = sentences.Headings(text, chars)  # a subheading is evidence only if nothing else is
        # A body sentence proves a tag, the headline only when the body has none; nor a "sentence"
        # that carries the headline again (a PDF's cover: "REPORT | NOVEMBER 2026 <title> <authors>
        # EXECUTIVE SUMMARY ...", a page whose text repeats its title)
        body = BodySentences(text, chars, weights)
        automakers = []
        for aid, found in mentions.items():
            # and the lead's sentence before a later one (the lede says what the company did; a
            # later sentence proving more topics is often background: "Ford is one of the leaders
            # in the leaderboard's human rights section"), then the sentence proving most topics
            best = headings.best(found, lambda f: (body(f[0]), weights[f[0]], topic_sents.get(f[0], 0), -f[0]),
                                 lambda f: f[0])[0]
            a = self.automakers[aid]
            automakers.append(Tag(
                "automaker", id=aid, name=a.name, matched=tuple(dict.fromkeys(f[1].brand for f in found)),
                evidence=clip(text, chars[best]), mentions=len(found),
                salience=salience(weights[f[0]] for f in found), ranked=a.ranked, role=roles[aid]))
        topics = []
        for ti, hits in topic_hits.items():
            if not hits:
                continue
            topic = self.topics[ti]
            # a sentence with two cues or more before one with a single cue (a dateline and a
            # place name), then the lead's before a later one, then the most cues
            best = headings.best(hits, lambda i: (body(i), min(hits[i], 2), weights[i], hits[i], -i))
            terms = sorted({span_text(s, e).lower() for s, e in topic_spans[ti][:24]})[:12]
            topics.append(Tag("topic", id=topic.id, name=topic.name, evidence=clip(text, chars[best]),
                              mentions=sum(hits.values()),
                              salience=salience(weights[i] * n for i, n in hits.items()),
                              matched=tuple(terms), role=topic_role[ti]))
        automakers.sort(key=lambda t: (-t.salience, -t.mentions, t.id))
        topics.sort(key=lambda t: (-t.salience, -t.mentions, t.id))
        suppliers, chain = supplier_tags(self.suppliers, text, weights, chars, decided,
                                         headings, body, lambda i: topic_sents.get(i, 0), {a.id for a in automakers})
        return Tags(tuple(automakers), tuple(topics), suppliers=suppliers, supply_chain=chain)
