"""Whether an automaker's acronym ("KIA", "SAIC", "GM") stands for another organisation's name in
the text: that name written out, in brackets right before the acronym ("Kachin Independence Army
(KIA)") or anywhere in the text with an organisation's ending ("a contract that went to Science
Applications International Corp. Now it's SAIC protesting"). ``nlp.mentions`` asks this for each
acronym form it matched; the automaker's own names spelled out ("General Motors (GM)", "Fiat
Chrysler Automobiles (FCA)", "Shanghai Automotive Industry Corp") are not another's.
"""

from __future__ import annotations

import re
from functools import lru_cache

_MINOR = frozenset(("of", "and", "for", "the", "de", "&", "in", "on", "at"))
_BRACKET_TICKER = re.compile(r"\(\s*(?:[A-Za-z]{2,8}\s*:\s*)?$")  # "(" or "(NYSE:" right before a name
_WORDS_BEFORE = re.compile(r"(?<![\w&.'’-])((?:[\w&][\w&.'’-]*\s+){1,8})\(\s*$")  # up to 8 words and "("
# the last word of an organisation's name: what makes capitalised words spelling an acronym a name
_ORGANISATION = ("Corp", "Corporation", "Company", "Co", "Inc", "Incorporated", "Ltd", "Limited", "Group", "Holdings",
                 "International", "Association", "Agency", "Authority", "Institute", "Council", "Commission",
                 "Organization", "Organisation", "Union", "Party", "Army", "Force", "Society", "Bank", "Fund",
                 "University", "Systems", "Services", "Technologies", "Industries", "Partners", "Foundation")
# ... or a company's ending the acronym leaves out ("Great Wall Motor Company")
_DROPPED = "Corp|Corporation|Company|Co|Inc|Ltd|Limited|Group|Holdings|plc|AG|SE"


def _initials(words: list[str]) -> str:
    return "".join(w[0] for w in words if w[0] != "&").upper()


def in_brackets_after_another(text: str, start: int, end: int, letters: str, automaker: str,
                              names_of: dict[str, tuple[str, ...]]) -> bool:
    """Whether the acronym at ``start``-``end`` (``letters``) is written in brackets right after the name it stands
    for, and that name is not the automaker's (``names_of``: each automaker's names, lower-cased):
    "Kachin Independence Army (KIA)", "killed in action (KIA)", "Grandmaster (GM)"; another automaker's ticker:
    "Honda (HMC)"; but not "General Motors (GM)" or "Fiat Chrysler Automobiles (FCA)"."""
    if not (text.startswith(")", end) and (opened := _BRACKET_TICKER.search(text, max(0, start - 14), start))):
        return False
    before = text[max(0, start - 40):opened.start()].rstrip().lower()
    if any(before.endswith(n) for aid, names in names_of.items() if aid != automaker for n in names):
        return True
    own = names_of[automaker]
    m = _WORDS_BEFORE.search(text, max(0, start - 120), start)
    if m is None:
        return False
    words = m.group(1).split()
    for j in range(len(words)):
        tail = words[j:]
        if _initials(tail) == letters or _initials([w for w in tail if w.lower() not in _MINOR]) == letters:
            expansion = " ".join(tail).lower()
            return not any(name in expansion for name in own)
    # one closed compound it abbreviates: "Grandmaster (GM)"
    word = words[-1].lower()
    rest = iter(word[1:])
    return (len(word) >= 3 * len(letters) and word[0] == letters[0].lower()
            and all(c in rest for c in letters[1:].lower())
            and not any(name in word for name in own))


@lru_cache(maxsize=64)
def _spelled(letters: str) -> re.Pattern:
    """Capitalised words whose initials are ``letters`` (minor words between them allowed), the last one
    an organisation's ending or followed by one. It starts with the first letter itself, so the search
    skips ahead to each capital (the start of a word is checked apart)."""
    words = [rf"{c}[\w’'-]*\.?" for c in letters]
    gap = r"\s+(?:(?:" + "|".join(map(re.escape, sorted(_MINOR))) + r")\s+)?"  # the minor words the bracket rule skips too
    ending = "|".join(_ORGANISATION)
    return re.compile(gap.join(words[:-1]) + gap + rf"(?:(?={letters[-1]})(?:{ending})\b\.?|"
                      + words[-1] + rf"\s+(?:{_DROPPED})\b)")


@lru_cache(maxsize=32)  # (asked again for each of the acronym's mentions in one text)
def spelled_out(text: str, letters: str) -> tuple[str, ...]:
    """The organisations' names the text writes out whose initials are the acronym ``letters``, lower-cased (three
    letters or more: two capitals in a row are too common); the caller drops the automaker's own."""
    if len(letters) < 3 or not letters.isalpha():
        return ()
    pattern, found, pos = _spelled(letters), [], 0
    while (m := pattern.search(text, pos)) is not None:
        if m.start() == 0 or not (text[m.start() - 1].isalnum() or text[m.start() - 1] in "_-"):
            found.append(m.group(0).lower())
            pos = m.end()
        else:  # inside a word ("CEOS"): look again from the next character
            pos = m.start() + 1
    return tuple(found)
