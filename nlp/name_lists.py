"""The list of names a name sits in: "Hyundai Motor Co. and Kia Motors Corp. have voted", "the
2019 Nissan Altima, 2020 Honda Accord and 2018 Toyota Camry", "BMW and larger rival Volkswagen
announced". ``nlp.features`` reads the rest of a name's sentence around the list: a list's items
weigh as one of many, and what the list follows (a verb, "such as") is what each item follows.
Pure functions of the text before and after the name, no I/O."""

from __future__ import annotations

import re
from typing import NamedTuple

# after a name: more of the company's name ("Motor Co.", "Europe Corp.", "(TMNA)", "Motor Co., Ltd.", "Tesla,
# Inc."), or the dot of its "Co."
_SUFFIX = r",\s*(?:Ltd|Inc|LLC|Corp|Co|AG|SE|SA|S\.A|plc|PLC|NV|N\.V|GmbH|S\.p\.A|Limited)\b\.?"  # ", Ltd."
NAME_REST = re.compile(r"\.?(?:\s+(?:[A-Z][\w&.\-’']*|&|de)|\s*\([^()]{1,40}\)|\s+[A-Z]\.|" + _SUFFIX + ")*")
# what may come between a list's separator and the name of an item: a count or a model year
# ("including 1,100 Porsches and 189 Bentleys", "the 2017 Honda Clarity and 2017 Toyota Mirai"),
# or the item called a rival or a sister of the one before ("German carmaker BMW and larger rival Volkswagen
# announced": a pair of doers, not a comparison; "suppliers for Hyundai Motor Co and sister company Kia Corp had")
_COUNT_LEAD = r"(?:(?:the|a|an)\s+)?\d[\d,.]*(?:[-–/]\d+)?\s+"
_RIVAL_LEAD = r"(?:(?!and\s|or\s)[A-Za-z]+\s+){0,2}(?:rival|competitor|peer|counterpart|sister\s+(?:company|brand|firm)|affiliate)s?\s+"
_ITEM_LEAD = f"(?:{_COUNT_LEAD}|{_RIVAL_LEAD})"
_RIVAL_ENDS = ("rival ", "rivals ", "competitor ", "competitors ", "peer ", "peers ", "counterpart ", "counterparts ",
               "sister company ", "sister brand ", "sister firm ", "affiliate ", "affiliates ")
_COUNT_BEFORE = re.compile(r"(?<![\w.,])" + _COUNT_LEAD + "$")
_RIVAL_BEFORE = re.compile(r"(?<![\w-])" + _RIVAL_LEAD + "$")
# an item before the name (capitalised, maybe "Google parent Alphabet") and its separator (not an
# opener: "For example, Volvo is using..."; no "partner of": "the Chinese partner of Volkswagen and GM"); an item after it
_NOT_IN_ITEM = r"(?!(?:with|from|to|for|by|at|in|on|as|than|like|and|or|said|says|partners?|units?|arm|subsidiary|affiliates?|division)\b)"
# a day, a month or an opening word before the comma is the sentence's time or link, not an item:
# "On Friday, Chery and Ebro signed", "In March, Tesla and BYD"
_NO_ITEM = (r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|"
            r"May|June|July|August|September|October|November|December|Today|Yesterday|Tomorrow|Meanwhile|"
            r"However|Separately|Additionally|Earlier|Later|Now|Then|Also|Still|Instead|Overall)\s*,")
_ITEM_BEFORE = re.compile(
    r"(?=[A-Z])(?!(?:For|By|In|On|At|As|With|From|Like|Unlike)\s|" + _NO_ITEM + r")[A-Z][\w&.’'-]*(?:\s+(?:[A-Z][\w&.’'-]*|" + _NOT_IN_ITEM
    + r"[a-z][\w-]*)){0,3}?(?:" + _SUFFIX + r")?\s*(?:\([^()]{1,30}\)\s*)?"
    r"(?P<sep>,\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+|\s*&\s*|\s*/\s*)$")
_ITEM_AFTER = re.compile(
    r"(?:\s*\([^()]{1,30}\))?(?P<sep>\s*,\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+|\s*&\s*|\s*/\s*)"
    r"(?:" + _ITEM_LEAD + r")?[A-Z][\w&.’'-]*(?!['’]s)(?:\s+[A-Z][\w&.’'-]*)*")
_SEPARATORS = (",", "&", "/", " and", " or")
_LAST_SEP = re.compile(r"\b(?:and|or)\b")
# a comma before the "and" of two items joins two clauses, not two names: "at Toyota's plant in Kentucky,
# and Toyota said it had raised pay" (a list's comma before "and" comes after three items or more)
_CLAUSE_SEP = re.compile(r"\s*,\s*(?:and|or)\s")


class NameList(NamedTuple):
    """Where a name's list is: its items (1: no list), where it starts in the text before the name,
    where it ends in the text after it (0: at the name), where the name itself ends there, and
    whether a name before it, parted from it by a bare comma, was read as no list."""

    items: int
    start: int
    end: int
    name_end: int
    parted: bool


# a sentence's opening phrase, closed by the comma before the name: "According to reports in Chinese local media, Toyota
# and BYD has formally established a joint venture" (its last words are no item of the list)
_OPENING = re.compile(r"\s*(?:According\s+to|In|On|At|After|Before|During|Under|Despite|Following|Amid|Citing)\b[^,;:]*$")


def name_list(prefix: str, suffix: str, whole: bool = False) -> NameList:
    """The list around a name, from the text before it (``prefix``) and after it (``suffix``) in
    its sentence (``whole``: the prefix starts where the sentence does): walk back and forward over the items."""
    items, list_start, closed = 1, len(prefix), False  # closed: the list's "and" is behind
    sep = ""  # the last separator walked over
    for n in range(8):
        cut = list_start  # the item's start, before its count, model year or "rival" if it has one
        if prefix[cut - 2:cut - 1].isdigit():
            lead = _COUNT_BEFORE.search(prefix, max(0, cut - 24), cut)
            cut = lead.start() if lead else cut
        elif prefix.endswith(_RIVAL_ENDS, 0, cut):
            lead = _RIVAL_BEFORE.search(prefix, max(0, cut - 40), cut)
            cut = lead.start() if lead else cut
        if not prefix[:cut].rstrip().endswith(_SEPARATORS):
            break
        list_start = cut
        m = _ITEM_BEFORE.search(prefix, max(0, list_start - 80), list_start)
        if m is None:
            break
        sep = m.group("sep")
        if whole and sep.startswith(",") and _OPENING.match(prefix, 0, m.start()):
            break
        if n and "&" in sep:  # "by Mahindra & Mahindra and Tata Motors": an "&" before the list's last item is in a name
            break
        if _LAST_SEP.search(sep):
            if n:  # "Together with Volkswagen, Tesla and Geely, Kia achieved": Kia is in no list
                items, list_start, closed = 1, len(prefix), False
                break
            closed = True
        items += 1
        list_start = m.start()
    # the forward walk starts after the rest of the name: "Hyundai Motor Co. and Kia Motors Corp. have voted"
    after_list = first_after = NAME_REST.match(suffix).end()
    for _ in range(0 if closed else 8):
        m = _ITEM_AFTER.match(suffix, after_list)
        if m is None:
            break
        items += 1
        after_list = m.end()
        sep = m.group("sep")
        if _LAST_SEP.search(sep):
            closed = True
            break
    parted = False
    if after_list == first_after:
        after_list = 0
    if items == 2 and ((not closed and list_start < len(prefix) and "&" not in prefix[list_start:])
                       or _CLAUSE_SEP.match(sep)):
        # two names a bare comma parts are no list: a clause's end and the next one's doer ("to
        # compete with Tesla, Nissan is just figuring out"), or a name and its apposition; nor are
        # two a comma and "and" part
        parted = list_start < len(prefix)  # (when the other name comes first, what it follows is its own)
        items, list_start, after_list = 1, len(prefix), 0
    return NameList(items, list_start, after_list, first_after, parted)
