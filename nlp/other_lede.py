"""Another company's story: a supplier, a miner or a recycler that leads the text its customer is named in.

"BHP has inked a deal to supply nickel ... to Toyota" is BHP's news, not Toyota's: the automaker
is the buyer. ``nlp.aboutness`` asks this module which sentences of the lede another company leads
(it is the doer of the title or of the first body sentence) and whether an automaker's mention
follows a word of supplying there. The other companies are those the tagger found (the suppliers'
registry) and, here, those the registries do not know, by their names' endings ("Talon Metals ...
said Monday it has made a major supply deal with Tesla") or by what the lede calls them ("The
Switzerland-based miner, which struck a deal to supply Tesla"). Only the lede is read for them: a
company named later does not make the story its own.
"""

from __future__ import annotations

import re

from .features import SUBJECT_NP, mention_features, mention_weight

# what a supplier does for its customer: "to supply Toyota", "supplying cells to BMW"
_SUPPLYING = r"(?:suppl(?:y|ies|ying|ied)|provid(?:e|es|ing)|deliver(?:s|ing|ies)?|sell(?:s|ing)?|offtake|off-take|shipments?|ship(?:s|ping)?)"
_SUPPLY = re.compile(r"\b" + _SUPPLYING + r"\b", re.IGNORECASE)
# a supplier the lede names by what it is: "The Switzerland-based miner, which struck a deal to supply Tesla"
_SUPPLIER_NOUN = re.compile(r"\s*The\s+(?:[\w-]+\s+){0,3}?((?:miner|refiner|smelter|supplier|recycler|steelmaker|"
                            r"(?:battery|cell|cathode|chemicals?|materials|mining) (?:maker|producer|company|giant|firm)))\b")
# a company by its name's ending (another than the automakers the text names)
_COMPANY = re.compile(r"(?<![\w&.'’-])((?:[A-Z][\w&.'’-]*\s+){1,3}(?:Resources|Metals|Mining|Minerals|Materials|Lithium|"
                      r"Corp\.?|Corporation|Inc\.?|Ltd\.?|Limited|plc|PLC|AG|SE|NV|Holdings|Industries|Group))\b")

Mention = tuple[int, int, int]  # (sentence, first character, end character)


def _companies(text: str, sentence: tuple[int, int], i: int, spans: list[list]) -> list[Mention]:
    """Company names in the first words of a sentence, by their endings ("Talon Metals", "Liontown
    Resources Ltd"), that are not an automaker's name, or a supplier it opens with, named by what it
    is ("The Switzerland-based miner"): (sentence, start, end) as ``others``."""
    start, end = sentence
    found = [(i, m.start(1), m.end(1)) for m in _COMPANY.finditer(text, start, min(end, start + 160))
             if not any(s < m.end(1) and m.start(1) < e for s, e, j, _ in spans if j == i)]
    m = _SUPPLIER_NOUN.match(text, start, min(end, start + 80))
    return found + [(i, m.start(1), m.end(1))] if m else found


def other_companies(text: str, chars: list[tuple[int, int]], weights: list[float], first_body: int,
                    spans: list[list], others, title_weight: float) -> tuple[list[Mention], set[int]]:
    """The other companies' mentions (``others``, the suppliers the tagger found, and those the
    first body sentence names by a company's ending or as "The ... miner"), and the sentences of
    the lede one of them is the doer of (its title or first body sentence; ``spans``: the
    automakers' names, which are no other company)."""
    if first_body < len(chars):
        others = [*others, *_companies(text, chars[first_body], first_body, spans)]
    led = {i for i, start, end in others if (weights[i] == title_weight or i == first_body)
           and mention_weight(mention_features(text, chars[i], start, end)) >= SUBJECT_NP}
    return others, led


# what comes right before the buyer, a few words after the word of supplying or "to" ("to supply the German
# carmaker BMW", "nickel ... to Japanese automaker Toyota", "offtake agreement with electric vehicle manufacturer
# Tesla"); not a speaker's company ("to monitor cobalt supplies from the DRC, an executive at Ford said")
_BUYER_BEFORE = re.compile(r"(?:\b(?:to|for|with)\s+(?:[\w.&'’-]+\s+){0,4}|\b" + _SUPPLYING + r"\s+(?:[\w.&'’-]+\s+){0,5})$",
                           re.IGNORECASE)
# ... or the deal made with the buyer, and what it supplies said right after it ("signed a long-term deal with Tesla
# Inc to supply the U.S.-based electric vehicle maker with nickel")
_DEAL_WITH = re.compile(r"\b(?:deals?|agreements?|contracts?|pacts?|partnerships?|understanding|MoU|memorandum)\s+with\s+(?:[\w.&'’-]+\s+){0,5}$", re.IGNORECASE)
_TO_SUPPLY_AFTER = re.compile(r"(?:\s+[A-Z][\w.&'’-]*){0,3}\s+(?:to\s+" + _SUPPLYING + r"|for\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?"
                              r"(?:supply|supplies|delivery|deliveries|purchase|sale)\s+of)\b", re.IGNORECASE)


def supplies(text: str, sentence_start: int, start: int, end: int) -> bool:
    """Whether the name at text[start:end] is what is supplied to, in its sentence: a word of
    supplying before it ("to supply Toyota", "will deliver cathode materials to Ford"), or a deal
    with it to supply it after ("a deal with Tesla Inc to supply ...")."""
    if _SUPPLY.search(text, sentence_start, start) is not None:
        return _BUYER_BEFORE.search(text, max(sentence_start, start - 60), start) is not None
    return _TO_SUPPLY_AFTER.match(text, end) is not None and _DEAL_WITH.search(text, max(sentence_start, start - 60), start) is not None


def others_score(text: str, chars: list[tuple[int, int]], weights: list[float], first_body: int, others: list[Mention],
                 title_weight: float, lead_weight: float, places: tuple[float, float, float]) -> float:
    """The other companies' mentions (``others``) weighed as an automaker's are (``places``: the weights of the
    title or first body sentence, of the lead, of the body): what an automaker's score is held against in
    another company's story."""
    first, lead, body = places
    return sum((first if weights[i] == title_weight or i == first_body else lead if weights[i] == lead_weight
                else body) * mention_weight(mention_features(text, chars[i], start, end)) for i, start, end in others)
