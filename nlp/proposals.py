"""Supply links proposed from coverage: does a sentence state a deal between an automaker and a
supplier it names? (issue 18, item 3)

Pure: the caller passes a sentence and the automaker and supplier mentions found in it (ids with
character spans); nothing is read from disk, so the rules are tested on sentences alone. A
proposal is only a candidate: staff confirm or reject it on the review page, which is why the
rules favour precision (a wrong link shown to staff costs trust) over recall.

How a sentence is read (rules on token windows, no parser):
1. A denial anywhere ("denied", "dismissed reports") refuses the whole sentence.
2. The sentence becomes tokens, each mention one token. Clauses end at ";" and at "but",
   "while", "whereas", "although", "however", "meanwhile": a pair must share a clause.
3. Asides are set apart: from a comma followed by "which", "who", "a", "the", "formerly",
   "like"... to the next comma, and brackets. A pair reads across an aside as if it were not
   there ("Stegra, which supplies Volvo, also signed with Scania": Stegra-Scania), and a mention
   inside an aside pairs only with the mention the aside hangs on (Stegra-Volvo).
4. A mention right after "like", "unlike", "than", "similar to", "compared with", "as with",
   "rather than", "instead of" (or in "as X did") is a comparison, never a party.
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
   "between" and a deal noun come before. "SSAB is Volvo Cars' steel supplier" pairs through
   the possessive, "names Norsk Hydro as a supplier" through "as", "supplied by LG to GM"
   through the passive before the pair, and a quotation's "we" is its speaker's company
   ('"We supply Volvo Cars," said a Hydro executive'). A deal made by an automaker's suppliers
   or partners is not its own ("bought by Toyota's parts suppliers"). "Customers include ..."
   lists, shared conferences, joint criticism: no deal word, no link.
7. Around the pair (the core plus five words on each side up to a comma) a negation ("not",
   "no plans", "never"), an end ("scrapped", "pulled out of", "ended", "no longer") or talk
   ("in talks", "is said to", "considering", "could", "close to", "analysts expect") refuses
   it. Talks do not count: a deal
   that may never happen is not a link, and staff would wade through rumours; a signed
   memorandum of understanding does count, as kind "mou" ("signed" overrides talk words).
8. Kind: mou > joint-venture > stake > offtake > supply, from the words of the pair's window.
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


# -- Words -------------------------------------------------------------------------------------
_TOKEN = re.compile(r"[’']s\b|\w+(?:-\w+)*|[^\w\s]")
_BARRIERS = frozenset((";", "but", "while", "whereas", "although", "though", "however", "meanwhile"))
_ASIDE_OPENERS = frozenset(("which", "who", "whose", "a", "an", "the", "formerly", "previously", "itself",
                            "once", "based", "owned", "headquartered", "part", "one", "like", "unlike"))
_COMPARE_BEFORE = re.compile(r"(?:\blike|\bunlike|\bthan|similar to|compared (?:with|to)|as with|as did|"
                             r"rather than|instead of|just as)\s*$")
# what may stand between two mentions of one list: "Volvo Cars, Mercedes-Benz and Scania",
# "cells from CATL and steel from SSAB"
_LIST_WORDS = frozenset((",", "and", "or", "&", "/", "as", "well", "plus", "also", "both", "its", "their",
                         "rival", "rivals", "compatriot", "sister", "from", "with", "to", "by", "the", "'s",
                         "’s", "'", "’", "steel", "aluminium", "aluminum", "lithium", "nickel", "cobalt",
                         "graphite", "cells", "batteries", "materials", "cathode", "anode", "copper"))
_LIST_MAX = 6
# words that tie two companies in a deal, sought in the core between them
_DEAL = re.compile(
    r"\bsuppl(?:y|ies|ied|ying|ier|iers)\b|\bsel(?:l|ls|ling)\b|\bsold\b|\bdeliver\w*|\bprovid(?:e|es|ed|ing)\b"
    r"|\bship(?:s|ped|ping)?\b|\bbuy(?:s|ing)?\b|\bbought\b|\bpurchas\w*|\bsourc(?:e|es|ed|ing)\b|\bprocur\w*"
    r"|\bimport(?:s|ed|ing)?\b|\bus(?:e|es|ed|ing)\b|\bpower(?:s|ed)\b|\bequip\w*|\bgo(?:es)? into\b|\bwent into\b"
    r"|\bfeeds?\b|\bcustomers? (?:of|for)\b|\bclients? of\b|\bsign(?:s|ed|ing)? (?:up )?with\b|\bsigned up\b"
    r"|\bcontracts?\b|\bcontracted\b|\bdeals?\b|\bagreements?\b|\bpacts?\b|\borders?\b|\bordered\b"
    r"|\bpartner\w*|\bteam(?:s|ed)? up\b|\bjoined forces\b|\balliance\b|\boff-?takes?\b|\bofftakers?\b"
    r"|\bmemorand\w*|\bmous?\b|\bletters? of intent\b|\bjoint[- ]ventures?\b|\bjvs?\b|\bventure\b"
    r"|\bstakes?\b|\binvest(?:s|ed|ing|ment|ments)?\b|\bshareholding\b|\bequity\b|\bawarded\b"
    r"|\b(?:built|made) with\b|\bcontain(?:s|ed|ing)?\b|\b(?:cells|steel|aluminium|aluminum|lithium|nickel|cobalt|graphite"
    r"|materials?|magnets) from$"
    r"|\b(?:produced|made|manufactured|refined|processed) by\b|\bc(?:omes?|ame|oming) from\b|\bend(?:s|ed)? up in\b"
    r"|\bselected\b|\bchose\b|\bchosen\b|\bpicked\b|\btapped\b|\bgets?\b|\bgot\b|\bobtain\w*|\breceiv\w*")
_NOT_DEAL = re.compile(r"supply[- ]chains?|\bsold by\b|in order to|investors?|\bused to\b")
# after "A and S" (or "A-S"): only a deal noun or a reciprocal verb makes them partners
_JOINT = re.compile(r"\b(?:agreements?|deals?|contracts?|pacts?|off-?takes?|memorand\w*|mous?|letters? of intent"
                    r"|joint[- ]ventures?|jvs?|venture|partnership|partnered|team(?:s|ed)? up|joined forces)\b")
_PASSIVE_BEFORE = re.compile(r"\b(?:suppl|sold|deliver|provid|ship|bought|purchas|sourc|procur|made)\w*(?: \S+)? by\s*$")
_AGENTS = re.compile(r"^'s (?:\S+ ){0,2}(?:suppliers?|partners?|rivals?|customers?|contractors?|subcontractors?"
                     r"|chief|executives?|ceo|chair\w*|founders?|head|boss|engineers?|employees?|staff|workers?"
                     r"|unions?|shareholders?|investors?|lawyers?|spokes\w+)\b")
_BETWEEN = re.compile(r"\bbetween\s*$")
_POSSESSIVE_SUPPLIER = re.compile(r"^[’']s?\s*(?:\S+\s+){0,3}(?:supplier|partner|source)s?\b")
_AS_SUPPLIER = re.compile(r"^as (?:a|an|its|their|the|one of its) (?:\S+ ){0,2}(?:suppliers?|partners?|sources?)\b")
_QUOTES = frozenset(('"', "“", "”"))
_LINKING = frozenset(("", ",", "is", "was", "remains", "became", "has become", "has been", "is now"))
_DENIAL = re.compile(r"\bden(?:y|ies|ied|ying|ial)\b|\brefut\w*|\bdismiss\w* (?:the )?(?:reports?|claims?|speculation)"
                     r"|\brejected (?:the )?(?:reports?|claims?)|\buntrue\b|\bno truth\b", re.IGNORECASE)
_NEGATION = re.compile(r"\bnot\b|n[’']t\b|\bno\b|\bnever\b|\bnor\b|\bneither\b|\bnone\b|\bwithout\b"
                       r"|\brather than\b|\binstead of\b")
_NOT_NEGATION = re.compile(r"\bnot (?:disclose|say|reveal|comment|give|specify|name|only)\w*|\bno\. ?\d")
_ENDED = re.compile(r"\bscrap\w*|\bcancel\w*|\bterminat\w*|\bpull(?:ed|s|ing)? out\b|\bended\b|\bends\b(?! up)|\blapsed\b"
                    r"|\bending\b|\bwalk(?:ed|s)? away|\babandon\w*|\bwithdr[ae]w\w*|\bbacked out|\btore up"
                    r"|\bdropped\b|\bditch\w*|\bsuspend\w*|\bhalted\b|\bstopped\b|\bceased?\b|\bformer\b"
                    r"|\bexpired?\b|\bunwound\b|\bsold (?:its|their|the|a) (?:\S+ )?(?:stake|holding|shares|interest)|\bexit\w*|\bno longer\b"
                    r"|\bcollapsed\b|\bfell through|\bused to\b|\bdivest\w*|\bcut ties\b")
_TALKS = re.compile(r"\btalks?\b|\bnegotiat\w*|\bdiscuss\w*|\bconsider\w*|\bexplor\w*|\bweigh\w*|\beye(?:s|ing)\b"
                    r"|\bmull\w*|\bsaid to\b|\breported(?:ly)?\b|\brumou?r\w*|\bcould\b|(?-i:\bmay\b)|\bmight\b"
                    r"|\bpossibl\w*|\bpotential\w*|\bapproach\w*|\bcourt(?:s|ing)\b|\bseek\w*|\blooking to\b"
                    r"|\bhop(?:e|es|ing) to\b|\bwants? to\b|\bin the running\b|\bshortlist\w*|\bspeculat\w*"
                    r"|\bunconfirmed\b|\bclose to\b|\bexpect(?:s|ed|ing)?\b|\bif\b|\bwhether\b", re.IGNORECASE)
_CONCLUDED = re.compile(r"\b(?:signed|signs|agreed|inked|struck|sealed|finali[sz]ed|concluded)\b")
_FUTURE = re.compile(r"\bwill\b|[’']ll\b|\bshall\b|\bwould\b|\b(?:is|are) to\b|\bto be\b|\bgoing to\b"
                     r"|\b(?:set|due|expected|scheduled|slated|plans?|planned|planning|aims?|intends?) to\b"
                     r"|\b(?:from|starting|beginning|starts?|begins?)(?: in| from)? (?:20\d\d|next)\b|\bby 20\d\d\b")
_INFINITIVE = re.compile(r"^to (?:\S+ )?(?:suppl|buy|sourc|sell|deliver|provid|purchas|procur|ship|invest|take|build|form)")
# kinds by precedence: a memorandum for an offtake is a memorandum; a stake in a venture a venture
_KIND_WORDS = (
    ("mou", re.compile(r"\bmemorand\w*|\bmous?\b|\bletters? of intent\b")),
    ("joint-venture", re.compile(r"\bjoint[- ]ventures?\b|\bjvs?\b|\bventure\b")),
    ("stake", re.compile(r"\bstakes?\b|\binvest(?:s|ed|ing|ment|ments)?\b|\bshareholding\b|\bequity\b")),
    ("offtake", re.compile(r"\boff-?takes?\b|\bofftakers?\b")),
)
# the contract's materials; products before raw materials ("lithium-ion cells" are cells)
_PRODUCTS = (
    ("recycling", r"recycl\w*(?! (?:steel|alumin\w+|nickel|lithium|cobalt|copper))|black mass|closed[- ]loop"),
    ("battery-cells", (r"lithium[- ]ion (?:battery |batteries|cells?)|battery cells?|battery packs?|cells?"
                      r"|batter(?:y|ies)(?![- ](?:grade|plants?|factor\w+|gigafactor\w+|hubs?|sites?|projects?|makers?|units?"
                      r"|business\w*|divisions?|arms?|subsidiar\w+|compan\w+|startups?))")),
    ("cathode-materials", r"cathode(?: active)? materials?|cathodes?|precursors?|p?cam\b"),
    ("anode-materials", r"anode materials?|anodes?"),
    ("seabed-minerals", r"polymetallic nodules|nodules|seabed minerals|deep[- ]sea minerals|seabed"),
)
_RAW = (
    ("steel", r"steel"), ("aluminium", r"alumin(?:i)?um|alumina"), ("graphite", r"graphite"),
    ("lithium", r"lithium|spodumene"), ("nickel", r"nickel|mhp|mixed hydroxide"), ("cobalt", r"cobalt"),
    ("rare-earths", r"rare[- ]earths?|magnets?|neodymium"), ("manganese", r"manganese"), ("copper", r"copper"),
)
_MATERIALS = tuple((name, re.compile(rf"\b(?:{pattern})\b", re.IGNORECASE)) for name, pattern in _PRODUCTS + _RAW)
_WINDOW = 5
_JOINT_WINDOW = 10


@dataclass(frozen=True)
class _Token:
    text: str  # lower-cased; a mention's token is "<a>" or "<s>"
    raw: str  # as written
    party: int  # index into the mentions (automakers first), or -1


def propose(sentence: str, automakers: Sequence[Mention], suppliers: Sequence[Mention]) -> tuple[ProposedLink, ...]:
    """The links ``sentence`` states between the automakers and suppliers named in it (by the
    rules in the module's docstring), one per automaker-supplier pair, in sentence order."""
    if not automakers or not suppliers or _DENIAL.search(sentence):
        return ()
    parties = [(m, "a") for m in automakers] + [(m, "s") for m in suppliers]
    tokens = _tokens(sentence, parties)
    clause = _clauses(tokens)
    aside, head = _asides(tokens)
    compared = {i for i, t in enumerate(tokens) if t.party >= 0 and _is_compared(tokens, i)}
    where = [i for i, t in enumerate(tokens) if t.party >= 0 and i not in compared]
    found: dict[tuple[str, str], ProposedLink] = {}
    for x in where:
        for y in where:
            if y <= x or tokens[x].text == tokens[y].text or clause[x] != clause[y]:
                continue
            if aside[x] != aside[y] and not (aside[x] is None and head.get(aside[y]) == x):
                continue
            a, s = (x, y) if tokens[x].text == "<a>" else (y, x)
            link = _read_pair(tokens, x, y, aside, clause)
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
        out.extend(_Token(w.group().lower(), w.group(), -1) for w in _TOKEN.finditer(sentence, pos, start))
        if i >= 0:
            out.append(_Token(f"<{parties[i][1]}>", sentence[start:end], i))
        pos = end
    return out


def _clauses(tokens: list[_Token]) -> list[int]:
    number, out = 0, []
    for t in tokens:
        number += t.text in _BARRIERS
        out.append(number)
    return out


def _asides(tokens: list[_Token]) -> tuple[list[int | None], dict[int, int]]:
    """Which aside each token is in (None: the main line) and the mention each aside hangs on."""
    aside: list[int | None] = [None] * len(tokens)
    head: dict[int, int] = {}
    i, n = 0, len(tokens)
    while i < n:
        t = tokens[i]
        opens = (t.text == "," and i + 1 < n and tokens[i + 1].text in _ASIDE_OPENERS) or t.text == "("
        if not opens:
            i += 1
            continue
        close = ")" if t.text == "(" else ","
        j = i + 1
        while j < n and tokens[j].text != close and tokens[j].text not in _BARRIERS:
            j += 1
        for k in range(i, j):
            aside[k] = i
        if i > 0 and tokens[i - 1].party >= 0:
            head[i] = i - 1
        i = j
    return aside, head


def _is_compared(tokens: list[_Token], i: int) -> bool:
    before = " ".join(t.text for t in tokens[max(0, i - 3): i])
    if _COMPARE_BEFORE.search(before):
        return True
    return i > 0 and tokens[i - 1].text == "as" and i + 1 < len(tokens) and tokens[i + 1].text in ("did", "does", "has")


def _text(tokens: list[_Token], idx: list[int]) -> str:
    return " ".join(tokens[k].text for k in idx).replace(" 's", "'s").replace(" ’s", "’s")


def _read_pair(tokens: list[_Token], x: int, y: int, aside: list, clause: list) -> tuple[str, str | None, str] | None:
    """(kind, material, status) when the pair at tokens x < y is tied by a deal, else None."""
    home = aside[y]  # the aside the pair reads in (the main line, or the aside holding both)
    between = [k for k in range(x + 1, y) if aside[k] == home or (aside[x] is None and aside[k] == aside[y])]
    core = _core(tokens, x, y, between)
    if core is None:
        return None
    left = _window(tokens, range(x - 1, -1, -1), clause[x], aside, home)[::-1]
    right = _window(tokens, range(y + 1, len(tokens)), clause[y], aside, home)
    core_text, left_text, right_text = _text(tokens, core), _text(tokens, left), _text(tokens, right)
    tied = bool(_DEAL.search(_NOT_DEAL.sub(" ", core_text)))
    if tied and _acts_for(tokens, x, y, core_text, right):
        return None
    # the deal's noun may come later in the clause: "... to Ford from its mine under a long-term offtake"
    far_right = [k for k in range(y + 1, min(len(tokens), y + 1 + 2 * _JOINT_WINDOW)) if clause[k] == clause[y]]
    joint_text = _text(tokens, far_right)
    if not tied and core_text in ("to", "from", "for"):  # "supplied by LG to General Motors"
        tied = bool(_PASSIVE_BEFORE.search(left_text))
    if not tied and core_text in ("and", "-", "/", "and its partner"):
        # the deal noun may follow in an aside: "formed Ultium Cells, a joint venture"
        tied = bool(_JOINT.search(_text(tokens, far_right[:_JOINT_WINDOW]))) or (
            bool(_BETWEEN.search(left_text)) and bool(_JOINT.search(left_text)))
    if not tied and len(core) <= 3 and _AS_SUPPLIER.search(right_text):  # "names Norsk Hydro as a supplier"
        tied = True
    if not tied and core_text in _LINKING:
        raw_right = " ".join(tokens[k].raw for k in right)
        tied = bool(_POSSESSIVE_SUPPLIER.search(raw_right.replace(" ’", "’").replace(" '", "'")))
    if not tied and (quoted := _quoted_by(tokens, x, y)):  # '"We supply Volvo Cars," said a Hydro executive'
        left, left_text, tied = quoted, _text(tokens, quoted), True
    if not tied:
        return None
    scope = " ".join((left_text, _text(tokens, [k for k in range(x, y + 1) if k == x or k == y or k in between]),
                      right_text))
    if _NEGATION.search(_NOT_NEGATION.sub(" ", scope)) or _ENDED.search(scope):
        return None
    raw_scope = " ".join(tokens[k].raw for k in left + between + right)
    if _TALKS.search(raw_scope) and not _CONCLUDED.search(core_text):
        return None
    kind = next((name for name, words in _KIND_WORDS if words.search(scope + " " + joint_text)), "supply")
    after_x = _text(tokens, list(range(x + 1, min(y, x + 4))))
    status = "planned" if _FUTURE.search(scope) or _INFINITIVE.search(after_x) else "signed"
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
    return kind, _material(tokens, *order), status


def _acts_for(tokens: list[_Token], x: int, y: int, core_text: str, right: list[int]) -> bool:
    """Whether the deal is made by a company's suppliers, partners or people, not by it: "bought
    by Toyota's parts suppliers", "Toyota's suppliers buy from Lynas", "The Metals Company's
    chief executive once sold cars for Toyota" (but "BMW's supplier CATL" names the supplier)."""
    if _AGENTS.search(_text(tokens, right)):
        return True
    found = _AGENTS.search(core_text)
    return bool(found and _DEAL.search(_NOT_DEAL.sub(" ", core_text[found.end():])))


def _quoted_by(tokens: list[_Token], x: int, y: int) -> list[int] | None:
    """The quoted words before ``x`` when ``x`` is named in a quotation whose speaker ``y`` names
    (within eight words after it, with "said", "says", "told" or "according" before or right
    after the name: '"...," Albemarle said'), and in which
    "we" or "our" make a deal: the speaker's company is the "we"."""
    opening = next((k for k in range(x - 1, -1, -1) if tokens[k].text in _QUOTES), None)
    closing = next((k for k in range(x + 1, y) if tokens[k].text in _QUOTES), None)
    if opening is None or closing is None or y - closing > 5:
        return None
    speaks = ("said", "says", "told", "according")
    gap = [tokens[k].text for k in range(closing + 1, y)]
    after = tokens[y + 1].text if y + 1 < len(tokens) else ""
    if "," in gap or not (any(w in speaks for w in gap) or after in speaks):
        return None
    words = list(range(opening + 1, x))
    we = re.search(r"\b(?:we|our)\b", _text(tokens, words))
    return words if we and _DEAL.search(_NOT_DEAL.sub(" ", _text(tokens, words)[we.end():])) else None


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
            if len(gap) > _LIST_MAX or any(tokens[k].text not in _LIST_WORDS for k in gap):
                return None
    return [k for k in between if chain_left[-1] < k < chain_right[0]]


def _window(tokens: list[_Token], steps: range, clause_no: int, aside: list, home, size: int = _WINDOW) -> list[int]:
    """Up to ``size`` words from the pair outwards, in its clause, stopping at a comma or aside."""
    out: list[int] = []
    for k in steps:
        t = tokens[k]
        if len(out) >= size or t.text in (",", "(", ")") or aside[k] != home or t.text in _BARRIERS:
            break
        out.append(k)
    return out


def _material(tokens: list[_Token], *stretches: list[int]) -> str | None:
    """The first material of the contract's vocabulary named in the stretches, in order; in a
    stretch a product (cells, cathode materials) wins over a raw material."""
    for stretch in stretches:
        text = " ".join(tokens[k].text for k in stretch if tokens[k].party < 0)
        for name, pattern in _MATERIALS:
            if pattern.search(text):
                return name
    return None
