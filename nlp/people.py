"""Whether a name that is also a family name (Ford, Honda, Renault, Tesla) is written as a person's.

The automaker registry marks such forms ``surname``; ``mentions.Names`` asks these functions
about the words around each one, in the original text (the Doc holds placeholders for words no
pattern uses)."""

from __future__ import annotations

import re

# a word that names something ("Foundation", "Nebraska", "Harrison"), not one that starts a sentence
_NOT_NAMES = frozenset(("the", "a", "an", "in", "of", "on", "at", "near", "for", "from", "by", "to", "with", "and",
                        "or", "as"))


def is_name(word: str) -> bool:
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
_OFFICE_BEFORE = re.compile(r"\b(?:taking|took|assuming|assumed|leaving|left|entering|since|before|after)\s+office\s*,?$", re.IGNORECASE)
_TENURE_BEFORE = frozenset(("of", "at", "for", "with", "by", "from", "joined", "left", "led", "ran"))
_LIFE_AFTER = re.compile(r"\s*\((?:(?:born|b\.)\s*(?:in\s+)?\d{4}|(?:c\.\s*)?\d{4}\s*[-–—]\s*(?:\d{2,4})?)\)")
# a person's pronoun right after a name: "Ford says he", "Ford said that she", "Ford said his
# government", "Ford, who" (a company is "it", "its", "which")
_PRONOUN_AFTER = re.compile(r"\s+(?:says|said|told\s+\w+|tells\s+\w+|added|adds|explained|argued|insisted|"
                            r"noted|believes|thinks|wrote|writes|decided|realised|realized|felt|knew|hoped|"
                            r"admitted)(?:\s+that)?\s+(?:he|she|his|her)\b")
_WHO_AFTER = re.compile(r"\s*,?\s+who\b")
# ... but "who" after a list of companies or an example is said of them all: "automakers such as
# General Motors and Tesla who are striving to secure battery metals"
# (a conjunction after another name, or an example's words: not a bare comma, "In Detroit, Ford, who")
# (or a company's noun: "Japanese carmaker Honda who will purchase 200MW")
_LISTED_BEFORE = re.compile(r"(?:[A-Z][\w&.'’-]*\s*(?:,\s*)?(?:and|or|&)|\b(?:such as|like|including|car-?maker|auto-?maker|"
                            r"manufacturer|company|firm))\s*$")
# what people do and companies do not: tell their own memories, grow up, get born
_PERSON_VERB_AFTER = re.compile(r"\s+(?:recounted|recounts|reminisced|reminisces|remembered|remembers|grew\s+up|"
                                r"was\s+born|was\s+raised|(?:recalled|recalls)\s+(?:how|that|when|being|his|her|growing)|"
                                # a life: school, a degree, a marriage, a death
                                r"attended\s+(?:\w+\s+)?(?:school|college|university)|graduated\s+from|married|"
                                r"died\s+(?:in|at|on|aged)|"
                                # said to be one: "Honda was a Japanese director", "Renault is a British novelist"
                                r"(?:was|is)\s+an?\s+(?:[\w-]+\s+){0,3}?(?:director|filmmaker|film-maker|novelist|writer|"
                                r"author|poet|actor|actress|singer|musician|composer|painter|artist|politician|"
                                r"footballer|journalist|historian|scientist|inventor|entrepreneur))\b|"
                                # a person's own doing: "Honda made a name for himself at Nagoya Grampus"
                                r"\s+(?:[a-z][\w-]*\s+){1,5}?(?:himself|herself)\b|"
                                # a politician's: "Ford's government", "Ford's cabinet"
                                r"['’]s\s+(?:government|cabinet|administration|premiership|re-election|party)\b")


def named_as_person_after(text: str, start: int, end: int) -> bool:
    """Whether what follows the name at text[start:end] is said of a person: "Ford says he", "Ford,
    who" (not in a list: "General Motors and Tesla who are"), "Honda recounted how", "Renault
    attended boarding school", "Honda was a Japanese director", "Ford's government"."""
    return (_PRONOUN_AFTER.match(text, end) is not None or _PERSON_VERB_AFTER.match(text, end) is not None
            or (_WHO_AFTER.match(text, end) is not None
                and _LISTED_BEFORE.search(text, max(0, start - 24), start) is None))


def written_as_person(text: str, start: int, end: int, given_names: frozenset[str], titles: frozenset[str]) -> bool:
    """Whether a surname form at text[start:end] is written as a person's name: after a title
    ("COO Ford", "Mr. Honda"), a given name and initials ("Renee J. Ford"), a title and a given
    name ``given_names`` lacks ("Director Ishiro Honda"), as a quoted nickname ('Marcus "Chevy"
    Reyes'), or with an age or the years of a life ("Honda, 32, has played...", "Renault
    (1905-1983)")."""
    before = text[max(0, start - 40):start].rstrip()
    words = before.rsplit(None, 1)
    if words:
        word = words[-1]
        if word.endswith("."):  # with a full stop, only an abbreviation: "Mr." but not "coach."
            if word[:-1].lower() in _ABBREVIATED_TITLES:
                return True
            m = _INITIALS_BEFORE.search(before)
            if m and m.group(1) in given_names:
                return True
        elif word.lower() in titles:
            return True
        elif len(words) == 2 and is_name(word) and word.isalpha():
            # a title, then a given name the list lacks: "Director Ishiro Honda", "novelist Mary Renault"
            title = words[0].rsplit(None, 1)[-1].rstrip(".")
            if title.lower() in titles:
                return True
        elif word[-1] in _QUOTES:
            m = _QUOTE_BEFORE.search(before)
            if m and is_name(m.group(1)) and _QUOTE_AFTER.match(text, end):  # not 'The "Tesla" Model Y'
                return True
    # an office taken or left right before: "Shortly after taking office, Ford scrapped buyer incentives"
    if _OFFICE_BEFORE.search(before):
        return True
    # an age ("Honda, 32,") or the years of a life ("Renault (1905-1983)", "Ford (born 1950)"), not those of a post
    # held at the company ("served as a CEO of Renault (2011-2013)": after "of", and too few years for a life)
    if text.startswith(",", end) and _AGE_AFTER.match(text, end) is not None:
        return True
    life = _LIFE_AFTER.match(text, end)
    if life is None:
        return False
    years = [int(y) for y in re.findall(r"\d{4}", life.group())]
    return not (words and words[-1].lower() in _TENURE_BEFORE and len(years) == 2 and years[1] - years[0] < 25)
