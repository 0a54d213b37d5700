"""Which of the supplier names the matchers found are the suppliers, not their namesakes.

Suppliers are found in the tagger's one pass (their forms, supply-chain words and look-alikes are
phrases of the same two PhraseMatchers as the automakers'), then decided here, on the whole
text's matches at once, so a long text read a piece at a time is decided exactly as a short one.

The rules are fewer than the automakers' (nlp/mentions.py): supplier names are rarely people's
names, but many are also words, places or other companies' names:
- a form inside a look-alike (``blocked``) is refused: "Hydro One", "LG Electronics", "SK Telecom";
- a word right before or after a form can refuse it: "the Rio Tinto", "Vale of Glamorgan",
  "Albemarle County", "in Salzgitter" (the town where Volkswagen makes cells);
- where names overlap, the longest wins: "PT Vale Indonesia" is not also "Vale", "LG Energy
  Solution" not "LG", "EcoPro BM" not "EcoPro";
- a form that is also a word or another company ("Panasonic", "Hydro", "Vale", "LG") counts only
  with its context words in its sentence (battery words for Panasonic, aluminium words for
  Hydro, mining words for Vale), an automaker or another supplier named plainly in that sentence
  ("Tianqi, which owns a fifth of SQM"), or when the text names the same supplier elsewhere in a
  way that counts ("Vale Base Metals ... Vale said").
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from . import aboutness
from .evidence import clip, salience
from .layout import LEAD_WEIGHT, TITLE_WEIGHT
from .suppliers import ANY_CONTEXT, Supplier, SupplierForm, SupplierRegistry
from .tags import Tag


@dataclass
class SupplierCues:
    """What the matchers found for suppliers in one text (or one piece of a long text)."""

    forms: list = field(default_factory=list)  # (first token, end token, form index, sentence)
    context: dict[str, set[int]] = field(default_factory=lambda: defaultdict(set))  # list -> sentences
    blocked: list[tuple[int, int]] = field(default_factory=list)  # token spans of look-alikes

    def __bool__(self) -> bool:
        return bool(self.forms)


class SupplierNames:
    """The supplier forms of a registry and how to tell them from their namesakes; built once with
    the ``Tagger`` (``make_doc`` tokenizes as the tagger does)."""

    def __init__(self, registry: SupplierRegistry, make_doc):
        self.registry = registry
        self.forms: tuple[SupplierForm, ...] = registry.forms
        # each form's last token's length: where a match ends in the text, without asking the Doc
        self._last_len = [len(make_doc(f.text)[-1].text) for f in self.forms]

    def words_around(self) -> set[str]:
        """The words the rules look at around a name: the tokenizer must keep them."""
        out: set[str] = set()
        for f in self.forms:
            out.update(f.not_before | f.not_after)
        return out

    def sort(self, by_key: dict[int, list], plans: dict[int, tuple]) -> SupplierCues:
        """The supplier matches of one Doc, grouped by match key as the tagger found them;
        ``plans`` gives each key's supplier roles."""
        cues = SupplierCues()
        for key, found in by_key.items():
            for role in plans.get(key, ()):
                kind = role[0]
                if kind == "sform":
                    cues.forms.extend((s, e, role[1], i) for s, e, i in found)
                elif kind == "scontext":
                    cues.context[role[1]].update(i for _, _, i in found)
                elif kind == "sblocked":
                    cues.blocked.extend((s, e) for s, e, _ in found)
        return cues

    def candidates(self, doc, cues: SupplierCues, offsets: list[int], after: str = "") -> list[tuple]:
        """The forms found, less those inside a look-alike or refused by the word before or after
        them, as (first token, end token, form index, sentence, first character, end character);
        ``offsets`` are the Doc's tokens' characters in the whole text, ``after`` the first word
        after the Doc when it is a piece of a longer text."""
        out = []
        n = len(doc)
        forms, last_len, blocked = self.forms, self._last_len, cues.blocked
        for s, e, fi, i in cues.forms:
            if blocked and any(bs < e and s < be for bs, be in blocked):
                continue
            form = forms[fi]
            if form.not_before and s > 0 and doc[s - 1].lower_ in form.not_before:
                continue
            if form.not_after:
                k = e + 1 if e < n and doc[e].is_punct and doc[e].text not in ("-", "'s", "’s") else e
                if (doc[k].lower_ if k < n else after) in form.not_after:
                    continue
            out.append((s, e, fi, i, offsets[s], offsets[e - 1] + last_len[fi]))
        return out

    def decide(self, candidates: list, context: dict[str, set[int]], automaker_sents: set[int]) -> dict[str, list]:
        """Each supplier's mentions as (sentence, form, first character, end character), decided
        on the whole text's candidates; ``context``: context list -> sentences with its words
        (``ANY_CONTEXT``: the general list), ``automaker_sents``: sentences naming an automaker."""
        forms = self.forms
        candidates.sort(key=lambda c: (c[0], c[0] - c[1], c[2]))  # in order, the longest first
        kept, reach = [], -1
        for c in candidates:
            if c[0] < reach:  # inside a longer name kept before it ("PT Vale Indonesia" holds "Vale")
                continue
            kept.append(c)
            reach = max(reach, c[1])
        found: dict[str, list] = defaultdict(list)
        waiting = []
        plain: dict[int, set[str]] = defaultdict(set)  # sentence -> suppliers named there unmistakably
        for _, _, fi, i, _, _ in kept:
            if not forms[fi].context:
                plain[i].add(forms[fi].supplier)
        for s, e, fi, i, start, end in kept:
            form = forms[fi]
            if (not form.context or i in automaker_sents or i in context.get(form.context, ())
                    or plain.get(i, set()) - {form.supplier}):
                found[form.supplier].append((i, form, start, end))
            else:
                waiting.append((i, form, start, end))
        for mention in waiting:  # named elsewhere in a way that counts: this one counts too
            if mention[1].supplier in found:
                found[mention[1].supplier].append(mention)
        for mentions in found.values():
            mentions.sort(key=lambda m: m[2])
        return found


def context_roles(registry: SupplierRegistry) -> list[tuple[tuple, tuple[str, ...]]]:
    """The phrases the tagger adds to its lower-case matcher for suppliers, with their roles:
    the general context words, each narrower list, and the look-alikes."""
    out = [(("scontext", ANY_CONTEXT), registry.context_words)]
    out.extend((("scontext", name), words) for name, words in registry.context_lists)
    out.append((("sblocked",), registry.blocked))
    return out


def supplier_tags(suppliers: dict[str, Supplier], text: str, weights: list[float], chars: list[tuple[int, int]],
                  found: dict[str, list], headings, body, topic_count,
                  direct: set[str]) -> tuple[tuple[Tag, ...], tuple[tuple[str, tuple[str, ...]], ...]]:
    """The supplier tags of a text (``found``: the mentions ``SupplierNames.decide`` kept, decided
    once by the tagger for these tags and for the automakers' roles), chosen and written as the automakers' are (evidence: a body
    sentence, the lead's first, then the one proving most topics; salience from the mentions'
    weights; role by ``nlp.aboutness``), each with the automakers it is linked to; and the supply
    chain: the automakers the text reaches only through those suppliers (``direct``: the
    automakers it names), as (automaker, supplier ids), those reached through most first."""
    if not found:
        return (), ()
    roles = aboutness.automaker_roles(text, chars, weights, {sid: [(m[0], m[2], m[3]) for m in ms]
                                                             for sid, ms in found.items()},
                                      title_weight=TITLE_WEIGHT, lead_weight=LEAD_WEIGHT)
    reach = linked_automakers(list(found))
    linked: dict[str, list[str]] = defaultdict(list)
    for automaker, via in reach.items():
        for sid in via:
            linked[sid].append(automaker)
    tags = []
    for sid, ms in found.items():
        best = headings.best(ms, lambda m: (body(m[0]), weights[m[0]], topic_count(m[0]), -m[0]),
                             lambda m: m[0])[0]
        written = tuple(dict.fromkeys(" ".join(text[m[2]:m[3]].split()) for m in ms))
        tags.append(Tag("supplier", id=sid, name=suppliers[sid].name, evidence=clip(text, chars[best]),
                        mentions=len(ms), salience=salience(weights[m[0]] for m in ms), matched=written,
                        role=roles[sid], linked=tuple(sorted(linked.get(sid, ())))))
    tags.sort(key=lambda t: (-t.salience, -t.mentions, t.id))
    rank = {t.id: n for n, t in enumerate(tags)}
    chain = sorted(((a, tuple(sorted(via, key=rank.__getitem__))) for a, via in reach.items() if a not in direct),
                   key=lambda c: (-len(c[1]), rank[c[1][0]], c[0]))
    return tuple(tags), tuple(chain)


def linked_automakers(supplier_ids: list[str]) -> dict[str, tuple[str, ...]]:
    """Automaker id -> the given suppliers linked to it (``nlp.supply_links.reach``); no links when
    the links file is not there (a registry without one still tags suppliers)."""
    from . import supply_links  # imported on first use: it reads the links file once, when asked

    try:
        return supply_links.reach(supplier_ids)
    except FileNotFoundError:
        return {}
