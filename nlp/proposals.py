"""Supply links proposed from coverage: does a sentence state a deal between an automaker and a
supplier it names? (issue 18, item 3)

Pure: the caller passes a sentence and the automaker and supplier mentions found in it (ids with
character spans); nothing is read from disk, so the rules are tested on sentences alone. A
proposal is only a candidate: staff confirm or reject it on the review page, which is why the
rules favour precision (a wrong link shown to staff costs trust) over recall.

How a sentence is read (rules on token windows, no parser):
1. A denial anywhere ("denied", "dismissed reports", "rejected a newspaper report", "groundless",
   "inaccurate") refuses the whole sentence.
2. The sentence becomes tokens, each mention one token. Clauses end at ";" and at "but",
   "while", "whereas", "although", "however", "meanwhile": a pair must share a clause.
3. Asides are set apart: from a comma followed by "which", "who", "a", "the", "formerly",
   "like"... to the next comma, and brackets. A pair reads across an aside as if it were not
   there ("Stegra, which supplies Volvo, also signed with Scania": Stegra-Scania), and a mention
   inside an aside pairs only with the mention the aside hangs on (Stegra-Volvo). An aside opened
   by "not" sets its company apart: "Rivian, not Lucid, signed ..." pairs Rivian only, and
   "GM said Ultium Cells, not GM itself, buys ..." refuses GM wherever else it is named.
4. A mention right after "like", "unlike", "than", "similar to", "compared with", "as with",
   "rather than", "instead of" (or in "as X did") is a comparison, never a party, except with
   what its own aside says of it ("Unlike GM, which buys cathode material from POSCO Future M,
   Honda ...": GM-POSCO Future M, and nothing for Honda).
5. Between the two mentions of a pair other mentions may stand only as lists on either side
   ("Volvo Cars and Mercedes-Benz signed ... with Stegra"; "buys cells from CATL and steel from
   SSAB"): first the ones of the left mention's kind, each joined by "and", "," and the like,
   then the right one's. Another order means another deal's parties ("Ford buys from PT Vale,
   and BMW buys from Ganfeng" gives no Ford-Ganfeng).
6. What stands between the lists (the core) must hold a deal word: a supply verb ("supplies",
   "buys", "will source", "sells", "delivers", "uses", "signed with"), a deal noun ("offtake",
   "agreement", "memorandum of understanding", "joint venture", "stake", "partnership"), or a
   passive ("will be bought by"). Two mentions joined by a bare "and" or a hyphen pair when a
   deal noun follows ("BMW and Ganfeng signed a supply deal", "the GM-LG joint venture") or
   "between" and a deal noun come before ("the joint venture of GM and LG"); a company they
   founded together is a venture ("set up a company", "established two companies"), and so is
   a headline's "GM, POSCO Future M to build cathode plant". A shared verb carries over to the
   next pair with the same preposition: "Hyundai sources lithium from Ganfeng and Kia from
   Tianqi" gives Kia-Tianqi too. An object relative reads its verb after the name: "Syrah,
   whose anode material Tesla has agreed to buy". A deal word whose object lies near the
   company is no deal with it ("uses electricity from a landfill near an Alcoa smelter").
   "SSAB is Volvo Cars' steel supplier" pairs through the possessive, "names Norsk Hydro as a
   supplier" through "as", "supplied by LG to GM" through the passive before the pair, and a
   quotation's "we" is its speaker's company ('"We supply Volvo Cars," said a Hydro
   executive'; '"Our partnership with Tesla ...," a Panasonic executive said'). A deal made by
   an automaker's suppliers or partners is not its own ("bought by Toyota's parts suppliers").
   "Customers include ..." lists, shared conferences, joint criticism: no deal word, no link.
7. Around the pair (the core plus five words on each side up to a comma) a negation ("not",
   "no plans", "never"), an end ("scrapped", "pulled out of", "ended", "no longer") or talk
   ("in talks", "is said to", "considering", "could", "close to", "analysts expect") refuses
   it; so does a pause ("put on hold", "paused", "shelved", "froze"). When a deal noun after
   "A and S" ties them, the words up to it are read too ("are understood to be close to a
   deal"). "rather than" or "instead of" after the pair refuses what follows it, not the pair
   ("from EcoPro BM rather than from BASF"). Talks do not count: a deal that may never happen
   is not a link, and staff would wade through rumours; a signed memorandum of understanding
   does count, as kind "mou" ("signed" overrides talk words, but not hearsay: "is said to have
   agreed", "understood to", "rumoured").
8. Kind: mou (also a term sheet) > joint-venture > stake (also "a minority interest", "owns
   about a third of") > offtake > supply, from the words of the pair's window.
   Status "planned" when the deal is in the future ("will", "from 2027", "to supply", "plans
   to"), else "signed" (made or in force). Material: the contract's vocabulary, from the words
   right before the supplier when they end in "from" or "by" ("steel from SSAB"), then the
   core, then the clause after the pair, then before; products (cells, cathode materials,
   recycling) before raw materials in one stretch, but "recycled aluminium" is aluminium and
   "battery plants" or a "battery unit" are no cells.
Out of scope: pronouns and descriptions ("the carmaker", "it") are no mentions, so a sentence
naming only one side proposes nothing; deals spread over two sentences; who buys from whom
(the pair is typed, the direction is not checked).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from .proposal_words import (
    TOKEN, BARRIERS, ASIDE_OPENERS, COMPARE_BEFORE, LIST_WORDS, LIST_MAX, BUILD_TOGETHER, DEAL, NOT_DEAL,
    JOINT, PASSIVE_BEFORE, AGENTS, NEAR, CONTRAST, RELATIVE_ONLY, BETWEEN, POSSESSIVE_SUPPLIER, AS_SUPPLIER,
    SPEAKERS, QUOTES, LINKING, DENIAL, NEGATION, NOT_NEGATION, ENDED, TALKS, RUMOUR, CONCLUDED, FUTURE,
    INFINITIVE, KIND_WORDS, MATERIALS, WINDOW, JOINT_WINDOW,
)

KINDS = ("offtake", "supply", "joint-venture", "stake", "mou")


@dataclass(frozen=True)
class Mention:
    """A company named in a sentence: its registry id and its characters in the sentence."""

    id: str
    start: int
    end: int


@dataclass(frozen=True)
class ProposedLink:
    """A candidate supply link for staff to confirm or reject, with the sentence that states it."""

    automaker: str
    supplier: str
    kind: str  # one of KINDS
    material: str | None  # one of the contract's materials, from the words near the deal
    sentence: str
    status: str  # "signed" (made or in force) | "planned" (to begin in the future)




@dataclass(frozen=True)
class _Token:
    text: str  # lower-cased; a mention's token is "<a>" or "<s>"
    raw: str  # as written
    party: int  # index into the mentions (automakers first), or -1


def propose(sentence: str, automakers: Sequence[Mention], suppliers: Sequence[Mention]) -> tuple[ProposedLink, ...]:
    """The links ``sentence`` states between the automakers and suppliers named in it (by the
    rules in the module's docstring), one per automaker-supplier pair, in sentence order."""
    if not automakers or not suppliers or DENIAL.search(sentence):
        return ()
    parties = [(m, "a") for m in automakers] + [(m, "s") for m in suppliers]
    tokens = _tokens(sentence, parties)
    clause = _clauses(tokens)
    aside, head = _asides(tokens)
    compared = {i for i, t in enumerate(tokens) if t.party >= 0 and _is_compared(tokens, i)}
    where = [i for i, t in enumerate(tokens) if t.party >= 0 and i not in compared]
    # "GM said Ultium Cells, not GM itself, buys ...": a company set apart by ", not" is refused
    # wherever else the sentence names it
    denied = " ".join(t.raw.lower() for i, t in enumerate(tokens)
                      if aside[i] is not None and tokens[aside[i] + 1].text == "not")
    found: dict[tuple[str, str], ProposedLink] = {}
    for x in sorted((*where, *compared)):
        for y in where:
            if y <= x or tokens[x].text == tokens[y].text or clause[x] != clause[y]:
                continue
            hangs = aside[x] is None and head.get(aside[y]) == x
            # a company named as a comparison is no party, but what its own aside says of it is:
            # "Unlike General Motors, which buys cathode material from POSCO Future M, Honda ..."
            if (aside[x] != aside[y] and not hangs) or (x in compared and not hangs):
                continue
            a, s = (x, y) if tokens[x].text == "<a>" else (y, x)
            if denied and aside[x] == aside[y] and any(
                    re.search(rf"(?<!\w){re.escape(tokens[k].raw.lower())}(?!\w)", denied) for k in (x, y)):
                continue
            link = _read_pair(tokens, x, y, aside, clause, head)
            if link is None:
                continue
            key = (parties[tokens[a].party][0].id, parties[tokens[s].party][0].id)
            if key not in found:
                kind, material, status = link
                found[key] = ProposedLink(key[0], key[1], kind, material, sentence, status)
    return tuple(found.values())


def _tokens(sentence: str, parties: list[tuple[Mention, str]]) -> list[_Token]:
    """Words and marks, each mention one token; overlapping mentions keep the first, longest."""
    order = sorted(range(len(parties)), key=lambda i: (parties[i][0].start, -parties[i][0].end))
    spans: list[tuple[int, int, int]] = []
    for i in order:
        m = parties[i][0]
        if m.end > m.start and (not spans or m.start >= spans[-1][1]):
            spans.append((m.start, m.end, i))
    out: list[_Token] = []
    pos = 0
    for start, end, i in spans + [(len(sentence), len(sentence), -1)]:
        out.extend(_Token(w.group().lower(), w.group(), -1) for w in TOKEN.finditer(sentence, pos, start))
        if i >= 0:
            out.append(_Token(f"<{parties[i][1]}>", sentence[start:end], i))
        pos = end
    return out


def _clauses(tokens: list[_Token]) -> list[int]:
    number, out = 0, []
    for t in tokens:
        number += t.text in BARRIERS
        out.append(number)
    return out


def _asides(tokens: list[_Token]) -> tuple[list[int | None], dict[int, int]]:
    """Which aside each token is in (None: the main line) and the mention each aside hangs on."""
    aside: list[int | None] = [None] * len(tokens)
    head: dict[int, int] = {}
    i, n = 0, len(tokens)
    while i < n:
        t = tokens[i]
        opens = (t.text == "," and i + 1 < n and tokens[i + 1].text in ASIDE_OPENERS) or t.text == "("
        if not opens:
            i += 1
            continue
        close = ")" if t.text == "(" else ","
        j = i + 1
        while j < n and tokens[j].text != close and tokens[j].text not in BARRIERS:
            j += 1
        for k in range(i, j):
            aside[k] = i
        if i > 0 and tokens[i - 1].party >= 0:
            head[i] = i - 1
        i = j
    return aside, head


def _is_compared(tokens: list[_Token], i: int) -> bool:
    before = " ".join(t.text for t in tokens[max(0, i - 3): i])
    if COMPARE_BEFORE.search(before):
        return True
    return i > 0 and tokens[i - 1].text == "as" and i + 1 < len(tokens) and tokens[i + 1].text in ("did", "does", "has")


def _text(tokens: list[_Token], idx: list[int]) -> str:
    return " ".join(tokens[k].text for k in idx).replace(" 's", "'s").replace(" ’s", "’s")


def _read_pair(tokens: list[_Token], x: int, y: int, aside: list, clause: list,
               head: dict[int, int]) -> tuple[str, str | None, str] | None:
    """(kind, material, status) when the pair at tokens x < y is tied by a deal, else None."""
    home = aside[y]  # the aside the pair reads in (the main line, or the aside holding both)
    between = [k for k in range(x + 1, y) if aside[k] == home or (aside[x] is None and aside[k] == aside[y])]
    core = _core(tokens, x, y, between)
    if core is None:
        return None
    left = _window(tokens, range(x - 1, -1, -1), clause[x], aside, home)[::-1]
    right = _window(tokens, range(y + 1, len(tokens)), clause[y], aside, home)
    core_text, left_text, right_text = _text(tokens, core), _text(tokens, left), _text(tokens, right)
    # "uses electricity from a landfill near an old Alcoa smelter": the deal is with something else
    tied = bool(DEAL.search(NOT_DEAL.sub(" ", core_text))) and not NEAR.search(core_text)
    if tied and _acts_for(tokens, x, y, core_text, right):
        return None
    # the deal's noun may come later in the clause: "... to Ford from its mine under a long-term offtake"
    far_right = [k for k in range(y + 1, min(len(tokens), y + 1 + 2 * JOINT_WINDOW)) if clause[k] == clause[y]]
    joint_text = _text(tokens, far_right)
    kind = gapped = None
    if not tied and core_text in ("to", "from", "for"):  # "supplied by LG to General Motors"
        tied = bool(PASSIVE_BEFORE.search(left_text))
    if not tied and core_text in ("to", "from"):  # "... from Ganfeng and Kia from Tianqi"
        gapped = _gapped(tokens, x, y, aside, clause, head)
        tied = gapped is not None
    if not tied and core_text in ("and", "-", "/", "and its partner"):
        # the deal noun may follow in an aside: "formed Ultium Cells, a joint venture"; the words up
        # to it are read for talk and negation ("are understood to be close to a cell deal")
        upto = next((n for n in range(1, JOINT_WINDOW + 1) if JOINT.search(_text(tokens, far_right[:n]))), 0)
        if upto > len(right):
            right = far_right[:upto]
            right_text = _text(tokens, right)
        tied = bool(upto) or (bool(BETWEEN.search(left_text)) and bool(JOINT.search(left_text)))
    if not tied and core_text in (",", "and") and BUILD_TOGETHER.search(joint_text):  # a headline's "A, S to build"
        tied, kind = True, "joint-venture"
    if not tied and len(core) <= 3 and AS_SUPPLIER.search(right_text):  # "names Norsk Hydro as a supplier"
        tied = True
    if not tied and core_text in LINKING:
        raw_right = " ".join(tokens[k].raw for k in right)
        tied = bool(POSSESSIVE_SUPPLIER.search(raw_right.replace(" ’", "’").replace(" '", "'")))
    if not tied and (quoted := _quoted_by(tokens, x, y)):  # '"We supply Volvo Cars," said a Hydro executive'
        left, left_text, tied = quoted, _text(tokens, quoted), True
    if not tied and head.get(aside[y]) == x and RELATIVE_ONLY.search(core_text):
        # "Syrah, whose anode material Tesla has agreed to buy, ...": the verb follows the name
        rest = [k for k in range(y + 1, len(tokens)) if aside[k] == aside[y]]
        tied = bool(DEAL.search(NOT_DEAL.sub(" ", _text(tokens, rest))))
    if not tied:
        return None
    scope = " ".join((left_text, _text(tokens, [k for k in range(x, y + 1) if k == x or k == y or k in between]),
                      right_text))
    # "from EcoPro BM rather than from BASF": what follows "rather than" is refused, not the pair
    negated = " ".join((left_text, _text(tokens, [k for k in range(x, y + 1) if k == x or k == y or k in between]),
                        CONTRAST.split(right_text)[0]))
    if NEGATION.search(NOT_NEGATION.sub(" ", negated)) or ENDED.search(scope):
        return None
    raw_scope = " ".join(tokens[k].raw for k in left + between + right)
    if RUMOUR.search(raw_scope) or (TALKS.search(raw_scope) and not CONCLUDED.search(core_text)):
        return None
    if kind is None:
        kind = next((name for name, words in KIND_WORDS if words.search(scope + " " + joint_text)), "supply")
    after_x = _text(tokens, list(range(x + 1, min(y, x + 4))))
    status = "planned" if (FUTURE.search(scope) or INFINITIVE.search(after_x)
                           or (core_text in (",", "and") and BUILD_TOGETHER.search(joint_text))) else "signed"
    # "nickel from PT Vale will be bought by Ford for its battery plants": the words before the
    # supplier name the material when they end in "from" (or, in a passive, its subject)
    supplier = x if tokens[x].text == "<s>" else y
    before = [k for k in (left if supplier == x else between) if k < supplier][-4:]  # "steel from SSAB"
    near = _text(tokens, before)
    if near.endswith(" by"):  # a passive: the material is its subject ("lithium for VW's cells is refined by")
        order = (left, core, far_right)
    else:
        first = before if near.endswith(" from") else []
        order = (first, core, left, far_right) if left_text.endswith(" from") else (first, core, far_right, left)
    material = _material(tokens, *order)
    if gapped is not None:  # the shared verb's deal: its kind, status and (unless named here) material
        kind, status = (gapped[0] if kind == "supply" else kind), gapped[2]
        material = _material(tokens, core) or gapped[1]
    return kind, material, status


def _gapped(tokens: list[_Token], x: int, y: int, aside: list, clause: list,
            head: dict[int, int]) -> tuple[str, str | None, str] | None:
    """The deal of the pair before ``x y`` when they share its verb: "Hyundai sources lithium from
    Ganfeng and Kia from Tianqi", "BMW will buy cells from CATL, Ford from SK On", "Albemarle
    supplies lithium to Ford and Livent to BMW" (the same preposition, a joiner, the same kinds)."""
    k = x - 1
    if k >= 0 and tokens[k].text in ("and", "while"):
        k -= 1
    if k >= 0 and tokens[k].text == ",":
        k -= 1
    z = k
    if z == x - 1 or z < 1 or tokens[z].text != tokens[y].text or tokens[z - 1].text != tokens[x + 1].text:
        return None
    w = next((k for k in range(z - 2, -1, -1) if tokens[k].text == tokens[x].text), None)
    if w is None or clause[w] != clause[x] or aside[w] != aside[x] or aside[z] != aside[x]:
        return None
    return _read_pair(tokens, w, z, aside, clause, head)


def _acts_for(tokens: list[_Token], x: int, y: int, core_text: str, right: list[int]) -> bool:
    """Whether the deal is made by a company's suppliers, partners or people, not by it: "bought
    by Toyota's parts suppliers", "Toyota's suppliers buy from Lynas", "The Metals Company's
    chief executive once sold cars for Toyota" (but "BMW's supplier CATL" names the supplier)."""
    if AGENTS.search(_text(tokens, right)):
        return True
    found = AGENTS.search(core_text)
    return bool(found and DEAL.search(NOT_DEAL.sub(" ", core_text[found.end():])))


def _quoted_by(tokens: list[_Token], x: int, y: int) -> list[int] | None:
    """The quoted words before ``x`` when ``x`` is named in a quotation whose speaker ``y`` names
    (within eight words after it, with "said", "says", "told" or "according" before or right
    after the name: '"...," Albemarle said'), and in which
    "we" or "our" make a deal: the speaker's company is the "we"."""
    opening = next((k for k in range(x - 1, -1, -1) if tokens[k].text in QUOTES), None)
    closing = next((k for k in range(x + 1, y) if tokens[k].text in QUOTES), None)
    if opening is None or closing is None or y - closing > 5:
        return None
    speaks = ("said", "says", "told", "according")
    gap = [tokens[k].text for k in range(closing + 1, y)]
    after = [tokens[k].text for k in range(y + 1, min(len(tokens), y + 3))] + ["", ""]
    # '..., a Panasonic executive said': the company's person speaks for it
    said = after[0] in speaks or (after[0] in SPEAKERS and after[1] in speaks)
    if "," in gap or not (any(w in speaks for w in gap) or said):
        return None
    words = list(range(opening + 1, x))
    we = re.search(r"\b(?:we|our)\b", _text(tokens, words))
    return words if we and DEAL.search(NOT_DEAL.sub(" ", _text(tokens, words)[we.end():])) else None


def _core(tokens: list[_Token], x: int, y: int, between: list[int]) -> list[int] | None:
    """The words between the left mention's list and the right mention's list (rule 5), or None
    when the mentions between are not two such lists."""
    inner = [k for k in between if tokens[k].party >= 0]
    kinds = [tokens[k].text for k in inner]
    left_kind, right_kind = tokens[x].text, tokens[y].text
    n_left = 0
    while n_left < len(kinds) and kinds[n_left] == left_kind:
        n_left += 1
    if any(k != right_kind for k in kinds[n_left:]):
        return None
    chain_left = [x] + inner[:n_left]
    chain_right = inner[n_left:] + [y]
    for chain in (chain_left, chain_right):
        for p, q in itertools.pairwise(chain):
            gap = [k for k in between if p < k < q]
            if len(gap) > LIST_MAX or any(tokens[k].text not in LIST_WORDS for k in gap):
                return None
    return [k for k in between if chain_left[-1] < k < chain_right[0]]


def _window(tokens: list[_Token], steps: range, clause_no: int, aside: list, home, size: int = WINDOW) -> list[int]:
    """Up to ``size`` words from the pair outwards, in its clause, stopping at a comma or aside."""
    out: list[int] = []
    for k in steps:
        t = tokens[k]
        if len(out) >= size or t.text in (",", "(", ")") or aside[k] != home or t.text in BARRIERS:
            break
        out.append(k)
    return out


def _material(tokens: list[_Token], *stretches: list[int]) -> str | None:
    """The first material of the contract's vocabulary named in the stretches, in order; in a
    stretch a product (cells, cathode materials) wins over a raw material."""
    for stretch in stretches:
        text = " ".join(tokens[k].text for k in stretch if tokens[k].party < 0)
        for name, pattern in MATERIALS:
            if pattern.search(text):
                return name
    return None
