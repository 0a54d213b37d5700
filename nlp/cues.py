"""What the matchers found in a text, sorted by what it can prove, and what the topic cues prove.

The tagger hands each match key's matches here; automakers are decided in the tagger (they need
the Doc's neighbouring words), topics here, from sentence numbers and token spans alone.
"""

from __future__ import annotations

from collections import defaultdict
from operator import itemgetter

from .taxonomy import Topic

# the kinds of topic cue, each kept in a bucket of its topic (a pair's "b" and "u" words only where its "a" was seen)
TOPIC_CUE_KINDS = frozenset(("term", "generic", "veto", "dveto", "near", "unless", "a", "b", "u"))
_TOPIC_CUES = TOPIC_CUE_KINDS - {"b", "u"}
_third = itemgetter(2)


class Cues:
    """Everything the matchers found in one text, sorted by what it can prove."""

    __slots__ = ("blocked", "car", "context", "forms", "other", "strict", "topic", "voided")

    def __init__(self):
        self.forms: list = []
        self.context: set[int] = set()
        self.strict: set[int] = set()
        self.other: dict[str, set[int]] = {}  # another industry's words (trucks, steelworks): sentences
        self.car: set[int] = set()  # sentences with a car word, which keeps a name among those
        self.blocked: list[tuple[int, int]] = []
        self.voided: set[int] = set()
        self.topic: dict[int, dict[str, list]] = defaultdict(lambda: defaultdict(list))


def sort_cues(by_key: dict[int, list], plans: dict[int, tuple], forms, every_pair_word: bool = False) -> Cues:
    """Sort the matches, grouped by match key, by what they can prove. ``plans`` gives each
    key's roles, and apart its pair words as (topic, a bucket, b or u bucket). A pair's second
    word, or its own cancelling word, is kept only where its first was seen, unless
    ``every_pair_word``: a piece of a longer
    text keeps them all, since the first word may be in another piece (a pair may span
    sentences, and so the cut between two pieces)."""
    cues = Cues()
    topic, pair_words = cues.topic, []
    for key, found in by_key.items():
        roles, pairs = plans[key]
        if pairs:  # only worth sorting out where the pair's other word was seen
            pair_words.append((pairs, found))
        for role in roles:
            kind = role[0]
            if kind in _TOPIC_CUES:
                topic[role[1]][role[3]].extend(found)
            elif kind == "form":
                form = forms[role[1]]
                cues.forms.extend([(s, e, form, i) for s, e, i in found])
            elif kind == "context":
                cues.context.update(map(_third, found))
            elif kind == "strict":
                cues.strict.update(map(_third, found))
                cues.context.update(map(_third, found))
            elif kind == "other":
                cues.other.setdefault(role[1], set()).update(map(_third, found))
            elif kind == "car":
                cues.car.update(map(_third, found))
            elif kind == "blocked":
                cues.blocked.extend([(s, e) for s, e, _ in found])
            elif kind == "not":
                for s, e, _ in found:
                    cues.voided.update(range(s, e))
    for pairs, found in pair_words:
        for ti, a_bucket, b_bucket in pairs:
            tc = topic.get(ti)
            if every_pair_word:
                topic[ti][b_bucket].extend(found)
            elif tc is not None and a_bucket in tc:
                tc[b_bucket].extend(found)
    for buckets in topic.values():  # in text order, as the matcher gave them
        for found in buckets.values():
            found.sort()
    return cues


class TopicRules:
    """The taxonomy, in the order its topics can be decided: a topic after those it requires
    or is suppressed by (worked out once, when the tagger is built)."""

    def __init__(self, topics: tuple[Topic, ...]):
        self.topics = topics
        self.index = {t.id: i for i, t in enumerate(topics)}
        self.order = dependency_order(topics)
        # each pair's bucket names, made once: formatting them for each pair of each text cost more
        # than most pairs' work (their first word is absent from most texts)
        self._keys = [tuple((f"a{pi}", f"b{pi}", f"u{pi}") for pi in range(len(t.pairs))) for t in topics]

    def prove(self, cues: Cues, n_sents: int):
        """Sentence -> number of proofs, for each topic; and the spans that proved them."""
        topics, topic_index = self.topics, self.index
        voided = cues.voided
        hits: dict[int, dict[int, int]] = {}
        spans: dict[int, list[tuple[int, int]]] = defaultdict(list)
        for ti in self.order:
            topic = topics[ti]
            keys = self._keys[ti]
            tc = cues.topic.get(ti)
            if tc is None and not topic.requires:  # no cue of this topic in the text
                hits[ti] = {}
                continue
            tc = tc or {}
            counts: dict[int, int] = {}
            if topic.requires:
                hits[ti] = _prove_compound(topic, tc, hits.get(topic_index[topic.requires], {}), spans[ti])
                continue
            found = spans[ti]
            for s, e, i in tc.get("term", ()):
                if _voided(s, e, voided):
                    continue
                counts[i] = counts.get(i, 0) + 1
                found.append((s, e))
            vetoed = None
            if topic.generic or any(p.kind == "pair" for p in topic.pairs):
                vetoed = _vetoed(tc, n_sents)
                here: set[int] = set()  # the suppressing topics' sentences
                for other in topic.suppressed_by:
                    here.update(hits.get(topic_index[other], {}))
                suppressed = set(range(n_sents)) if topic.suppressed_in_document and here else here
                blocked_sents = vetoed | suppressed
                for s, e, i in tc.get("generic", ()):
                    if i in blocked_sents or i in counts or _voided(s, e, voided):
                        continue
                    counts[i] = 1
                    found.append((s, e))
                for pi, pair in enumerate(topic.pairs):
                    if pair.kind == "pair":  # a pair with "unless" words of its own answers to those, not to the veto
                        a_key, b_key, u_key = keys[pi]
                        a_found, b_found = tc.get(a_key), tc.get(b_key)
                        if not a_found or not b_found:  # proves nothing
                            continue
                        blocked = blocked_sents
                        if pair.unless or not pair.in_document:
                            blocked = (suppressed if pair.in_document else here) | (
                                {i for _, _, i in tc.get(u_key, ())} | (vetoed if pair.also_veto else set()) if pair.unless else vetoed)
                        _prove_pair(a_found, b_found, voided, blocked, counts, found, pair.window)
            if vetoed is None:
                vetoed = _vetoed(tc, n_sents)
            for pi, pair in enumerate(topic.pairs):
                if pair.kind == "weak":  # alone, unless vetoed: whatever other topics say
                    # a group with its own "unless" words answers to those, not to the topic's veto
                    a_found = tc.get(keys[pi][0])
                    if not a_found:
                        continue
                    cancel = {i for _, _, i in tc.get(keys[pi][2], ())} if pair.unless else vetoed
                    for s, e, i in a_found:
                        if i in cancel or i in counts or _voided(s, e, voided):
                            continue
                        counts[i] = 1
                        found.append((s, e))
            hits[ti] = counts
        return hits, spans


def _vetoed(tc: dict[str, list], n_sents: int) -> set[int]:
    """The sentences a topic's veto holds in: those with a veto word, or all of them when the text has
    a word of its ``veto_in_document``."""
    if tc.get("dveto"):
        return set(range(n_sents))
    return {i for _, _, i in tc.get("veto", ())}


def _prove_pair(a_found, b_found, voided: set[int], blocked_sents: set[int], counts: dict[int, int],
                found: list[tuple[int, int]], window: int = 0) -> None:
    """A pair proves its topic in a sentence with a word of each list that do not overlap; one
    proof a sentence, in sentences no veto or other topic blocked. With a ``window``, the ``b``
    word may be up to that many sentences from the ``a`` word, and the proof is the ``a`` word's
    sentence (a veto in either sentence blocks it)."""
    if not a_found:
        return
    a_by_sent: dict[int, list] = {}
    for s, e, i in a_found:
        if not (voided and (s in voided or e - 1 in voided)):  # (_voided, inlined: this loop is hot)
            a_by_sent.setdefault(i, []).append((s, e))
    # the sentences the pair can still prove: once none is left, the rest of the b words can add nothing
    open_sents = a_by_sent.keys() - counts.keys() - blocked_sents
    if not open_sents:
        return
    for s, e, i in b_found:
        if i in blocked_sents or (voided and (s in voided or e - 1 in voided)):
            continue
        for j in (range(i - window, i + window + 1) if window else (i,)):
            if j not in open_sents:
                continue
            partner = next((a for a in a_by_sent[j] if not (a[0] < e and s < a[1])), None)
            if partner is not None:
                counts[j] = 1
                found += [partner, (s, e)]
                open_sents.discard(j)
                if not open_sents:
                    return


def _prove_compound(topic: Topic, tc: dict, required: dict[int, int], found: list[tuple[int, int]]) -> dict[int, int]:
    """A compound topic (lithium-water) in the sentences of the topic it requires that have one of
    its near words in them or ``window`` sentences away; with context words (extraction, for
    lithium-water), the required sentence or the near word's must have one too, and a near word
    with a context word in its sentence may be up to ``context_window`` sentences away. A near
    word inside one of the compound's ``unless`` phrases is none: water as the source of the
    metal ("lithium from seawater") or a town's water mains paid for by a mine is no water use."""
    near = tc.get("near", ())
    unless = tc.get("unless")
    if unless:
        near = [(s, e, j) for s, e, j in near if not any(us <= s and e <= ue for us, ue, _ in unless)]
    near_sents = {i for _, _, i in near}
    context = None
    for pi, pair in enumerate(topic.pairs):
        if pair.kind == "context":
            context = {i for _, _, i in tc.get(f"a{pi}", ())}
    counts: dict[int, int] = {}
    for i in required:
        for j in near_sents:
            d = abs(i - j)
            if context is None:
                ok = d <= topic.window
            else:
                ok = (d <= topic.window and (i in context or j in context)) or (
                    d <= topic.context_window and j in context)
            if ok:
                counts[i] = counts.get(i, 0) + 1
                break
    found += [(s, e) for s, e, j in near][:24]
    return counts


def _voided(start: int, end: int, voided: set[int]) -> bool:
    """A match whose first or last token is in a "not" phrase ("nerves of steel") proves nothing."""
    return bool(voided) and (start in voided or end - 1 in voided)


def dependency_order(topics: tuple[Topic, ...]) -> list[int]:
    """Topic indexes so that a topic comes after those it requires or is suppressed by."""
    index = {t.id: i for i, t in enumerate(topics)}
    order: list[int] = []
    visiting: set[int] = set()

    def visit(i: int) -> None:
        if i in order:
            return
        if i in visiting:
            raise ValueError(f"topics.yaml: dependency cycle at {topics[i].id}")
        visiting.add(i)
        for dep in (*topics[i].suppressed_by, *([topics[i].requires] if topics[i].requires else [])):
            visit(index[dep])
        visiting.discard(i)
        order.append(i)

    for i in range(len(topics)):
        visit(i)
    return order
