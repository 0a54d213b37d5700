"""Automakers a sentence names together, as one party: the carmakers as a group doing
something ("Chinese automakers BYD, Geely and SAIC have lodged complaints"), and an automaker named
as another's joint-venture partner ("run by VW's joint venture partner SAIC").

``nlp.aboutness`` reads these beside each mention's own part (``nlp.features``): a group doer makes
the names it lists the story's subjects together, and a joint-venture partner is a subject beside
the partner the story is about. Also here: names written as one ("GAC Mitsubishi", "Tesla's Model Y"),
names of one list, and the actions a sentence aims at carmakers (a strike at, a complaint against).
Kept apart from ``nlp.features``, which reads one name at a time.
"""

from __future__ import annotations

import re

from .features import ADVERBS, PREPOSITIONS, VERBS, WORD, is_verb

# a plural of carmakers opening a sentence, as its subject: "Five of the world's major carmakers",
# "Some of the world's biggest car makers including ...", "By stark contrast, many Asian car makers"
# carmakers in the plural, as a group: "automakers", "car makers", "vehicle manufacturers"
CARMAKERS = (r"(?:car[- ]?makers|auto[- ]?makers|(?:car|auto|automobile|vehicle|EV|electric[- ](?:car|vehicle)|automotive)"
             r"[- ](?:makers|manufacturers|companies|producers))")
_GROUP = re.compile(
    r"\s*(?:[A-Z]?[a-z]+(?:\s+[a-z]+){0,3}\s*,\s*)?"  # an opening adverbial: "By stark contrast,"
    r"(?P<np>(?:[\w’'-]+\s+){0,7}?)" + CARMAKERS + r"\b", re.IGNORECASE)
# what may come before "of the carmakers" in a group doer: how many of them ("Five of", "Most of", "A group of")
_SHARE = frozenset(("a", "an", "the", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                    "eleven", "twelve", "dozen", "dozens", "hundreds", "some", "many", "most", "all", "several", "few",
                    "none", "both", "each", "half", "majority", "minority", "number", "handful", "group", "coalition",
                    "couple", "pair", "trio", "rest", "other", "others", "more", "fewer", "any", "of"))
_GROUP_NOT = frozenset(("among", "than", "by", "from", "to", "for", "with", "at", "in", "on", "like", "as"))
_GROUP_LIST = re.compile(
    r"(?:\s*,?\s*(?:including|such as|like|namely)?\s*"
    r"(?:[A-Z][\w&.’'-]*(?:\s+(?:[A-Z][\w&.’'-]*|&))*)(?:\s*\([^()]{1,30}\))?(?:\s*,\s*(?:and\s+)?|\s+and\s+)?)*")


def group_doer(text: str, sentence: tuple[int, int]) -> bool:
    """Whether the sentence's doer is a plural of carmakers (with or without their names): "Chinese
    automakers BYD, Geely and SAIC have lodged complaints", "Leading electric car makers might be
    using child labour". Not when the carmakers are among something else ("Vehicle manufacturers
    BMW and Scania are among the latest firms to sign"), nor an object ("used by a dozen carmakers")."""
    start, end = sentence
    m = _GROUP.match(text, start, min(end, start + 160))
    if m is None:
        return False
    words = [w.lower() for w in re.findall(r"[\w’'-]+", m.group("np"))]
    if any(w in PREPOSITIONS and w != "of" or is_verb(w) for w in words):
        return False
    if "of" in words and not all(w in _SHARE or w.isdigit() for w in words[:words.index("of")]):
        return False  # "Sales volumes of the 16 major carmakers were": the volumes are the doer, not the carmakers
    rest = text[m.end():end]
    rest = rest[_GROUP_LIST.match(rest).end():]
    for _ in range(3):
        w = WORD.match(rest)
        if w and w.group(1).lower() in ADVERBS | {"might", "may"} and w.group(1).lower() not in VERBS:
            rest = rest[w.end():]
            continue
        break
    w = WORD.match(rest)
    if w is None or not is_verb(w.group(1).replace("’", "'")):
        return False
    after = WORD.match(rest, w.end())
    return after is None or after.group(1).lower() not in _GROUP_NOT


# an automaker named as another's joint-venture partner or the other party of a merger: "run by VW's
# joint venture partner SAIC", "SAIC, its Chinese joint-venture partner", "its joint venture with Honda Motor",
# "the factory, which VW operates in partnership with SAIC", "through its local partner SAIC", "its joint-venture plant
# with Chinese state-owned company SAIC Motor Corp."
_JV_PARTNER_BEFORE = re.compile(r"(?:(?:joint[- ]venture|JV|(?:its|their)\s+(?:local|Chinese))\s+partners?\s*,?|"
                                r"(?:operate[sd]?|run|runs|owns?|owned)\s+(?:jointly\s+)?in\s+partnership\s+with|"
                                r"(?:(?:joint[- ])?venture|JV|merger|merger\s+(?:talks|discussions|negotiations)|collaboration|cooperation|tie-up|partnership)"
                                r"(?:\s+(?:plant|plants|factory|factories|company|facility|facilities))?\s+with(?:\s+[\w-]+){0,3}?|"
                                # "a joint battery facility with Hyundai Motor", "its joint manufacturing plant with"
                                r"\bjoint\s+(?:[\w-]+\s+){0,2}?(?:plant|plants|factory|factories|facility|facilities|company|project)\s+with(?:\s+[\w-]+){0,3}?|"
                                # "the failed merger talks between rivals Nissan and Honda", "made official by partners Stellantis,"
                                r"(?:joint[- ]venture|JV|merger|merger\s+(?:talks|discussions|negotiations)|tie-up)\s+"
                                r"(?:between|among)\s+(?:(?!the\b)[a-z][\w-]*\s+){0,2}?(?:[^.;:]{0,80}?(?:,|\band\b))?|"
                                r"\bby\s+(?:the\s+|its\s+)?(?:joint[- ]venture\s+)?partners\s+(?:[^.;:]{0,80}?(?:,|\band\b))?)\s*$", re.IGNORECASE)
# ... the other carmaker of a joint venture's hyphenated name: "the JLR-Chery venture", "the GM-LG joint venture" (both
# partners: the name before the hyphen and the one after it)
_JV_PAIR_BEFORE = re.compile(r"\b(?-i:[A-Z])[\w&]*[-–/]$")
_JV_PAIR_AFTER = re.compile(r"(?:[-–/](?-i:[A-Z])[\w&]*)?\s+(?:joint[- ])?(?:venture|JV)\b(?!\s+(?:into|capital|capitalist))",
                            re.IGNORECASE)
# ... or the carmaker another one teams up with to build something jointly: "BMW Group has partnered with Great Wall Motor
# to build a joint manufacturing facility"
_TEAMED_WITH = re.compile(r"\b(?:partner(?:ed|s|ing)?|team(?:ed|s|ing)?\s+up|join(?:ed|s|ing)?\s+(?:forces|hands))\s+with\s+$",
                          re.IGNORECASE)
_TO_BUILD_JOINTLY = re.compile(r"(?:\s+(?:Motor|Motors|Group|Co\.?|Corp\.?|AG|SE|Inc\.?|Ltd\.?))*\s+to\s+(?:build|form|create|set\s+up|"
                               r"establish|launch|open|develop|produce)\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,2}?(?:joint|venture|JV)\b",
                               re.IGNORECASE)
# (or, after another carmaker's possessive, its partner in the country: "GAC Motor, Toyota's Chinese partner")
_JV_PARTNER_AFTER = re.compile(r"\.?(?:\s+(?:Motor|Motors|Co|Corp|Inc|Ltd|AG|SE)\.?)*\s+(?:to\s+merge|(?:on|about|over)\s+(?:a\s+)?merger)\b|"
                               r"\s*,\s*(?:(?:its|their|the|[A-Z][\w&-]*['’]s?)\s+(?:[\w-]+\s+){0,2}?(?:joint[- ]venture|JV)|"
                               r"(?-i:[A-Z])[\w&-]*['’]s?\s+(?:(?-i:[A-Z])[\w-]*\s+)?(?:local|Chinese|Indian|Korean|Japanese|domestic))\s+partner\b",
                               re.IGNORECASE)


# the owner of a plant, a mine or a site, named after it: "The first battery recycling plant in Europe, owned by
# Germany's luxury automaker Mercedes-Benz, began operations" is the owner's news (not a parent describing a company,
# nor a former owner: "The plant was previously owned by Mercedes-Benz")
_SITE_OWNED_BY = re.compile(r"\b(?:plant|plants|factory|factories|facility|facilities|site|sites|mine|mines|refinery|smelter|works)\b"
                            r"(?:(?!\b(?:previously|formerly|once|was|were|had)\b)[^.;:]){0,40}?,?\s+(?:which\s+is\s+|that\s+is\s+)?"
                            r"(?:wholly\s+|fully\s+)?owned\s+by\s+(?:[\w’'-]+\s+){0,3}$",
                            re.IGNORECASE)


def owns_site(text: str, sentence_start: int, start: int) -> bool:
    """Whether the name at ``start`` is named as the owner of a plant, mine or site just before it."""
    return "owned by" in text[max(sentence_start, start - 60):start] and \
        _SITE_OWNED_BY.search(text, max(sentence_start, start - 120), start) is not None


# ... or the company a stake is taken in, the other party of an investment: "Volkswagen AG plans to invest $700 million
# in Xpeng", "has become the largest shareholder in Daimler AG", "bought a near 10-percent stake in Mercedes-Benz maker
# Daimler" (its shareholders changing is its news too; not a place: "to invest $1 billion in Kentucky" names no automaker)
_STAKE_IN = re.compile(r"\b(?:(?:stake|stakes|shareholder|shareholding|holding|invest|invests|invested|investing|investment)\b"
                       r"(?:[^.;:]|\.(?=\d)){0,50}?\bin|shareholders?\s+of)\s+(?:the\s+)?"  # (describing words between: "in Chinese EV maker XPeng")
                       r"(?:(?!(?:with|near|for|by|from|and|or|of|at|to|on|in|since|than|after|before|as|like|including|such)\b)"
                       r"[\w’'-]+\s+){0,4}?$", re.IGNORECASE)


# ... not a stake sold: "Daimler has sold part of its stake in Tesla" (the seller's news)
_STAKE_SOLD = re.compile(r"\b(?:sold|sell|sells|selling|divest\w*|offload\w*|unload\w*|dump\w*|exit\w*|reduc\w*|cut|cuts|cutting|"
                         r"trim\w*|pare[sd]?|paring)\b(?:\s+\S+){0,7}?\s+(?:stake|stakes|shareholding|holding)\s+in\b")


_BACKGROUND = re.compile(r"\b(?:(?:which|that)\s+(?:already\s+|also\s+)?(?:has|have|had|runs|operates|owns)\s+(?:a|an|two|several)|"
                         r"(?:in\s+addition\s+to|besides|apart\s+from|alongside)\s+(?:its|their))\s+"  # "In addition to its battery joint venture with Mercedes-Benz"
                         r"(?:[\w-]+\s+){0,2}?(?:joint[- ]ventures?|jvs?|partnerships?)\b")

# ... or its holdings: "Geely, which owns Volvo Cars and a 9.7% stake in Daimler, has turned to"
_HOLDING = re.compile(r"\b(?:which|that)\s+(?:already\s+|also\s+)?(?:owns|holds|has|had)\b(?:[^.;:]|\.(?=\d)){0,50}?\bstakes?\s+in\s+"
                      r"(?:[\w’'-]+\s+){0,3}?$")


def jv_partner(text: str, sentence_start: int, start: int, end: int) -> bool:
    """Whether the name at text[start:end] is named as another's joint-venture partner, or as the
    company another takes a stake in."""
    first = max(sentence_start, start - 70)
    before = text[first:start].lower()  # (a quick look for the words the pattern needs: most names have none)
    if ("which" in before or "that" in before or "its" in before or "their" in before) and (
            _BACKGROUND.search(before) or _HOLDING.search(before)):
        return False  # a clause that describes the story's company: "The company, which has a joint venture with BMW, said"
    return (("partner" in before or "venture" in before or "jv" in before or "merger" in before or "ollaborat" in before
             or "ooperat" in before or "tie-up" in before or "joint" in before)
            and _JV_PARTNER_BEFORE.search(text, first, start) is not None) or _JV_PARTNER_AFTER.match(text, end) is not None \
        or (("stake" in before or "invest" in before or "hold" in before or "sharehold" in before)
            and _STAKE_IN.search(text, first, start) is not None and _STAKE_SOLD.search(before) is None) \
        or (_JV_PAIR_AFTER.match(text, end) is not None and (  # (or both, as one name: "JLR-Chery")
            _JV_PAIR_BEFORE.search(before) is not None or text[end:end + 1] in ("-", "–", "/") or "-" in text[start:end])) \
        or (" with" in before[-6:] and _TEAMED_WITH.search(before) is not None and _TO_BUILD_JOINTLY.match(text, end) is not None)


# what a company was split from, right before a name: its parent, the carmaker ("Daimler Truck was spun off
# from Mercedes-Benz in 2021": nlp.mentions reads the brand as the carmaker, not as the truck maker's)
PARENT_BEFORE = re.compile(r"\b(?:spun|split|carved|separated|demerged)(?:\s+(?:off|out|away))?(?:\s+from)?"
                           r"(?:\s+what\s+is\s+now)?\s+$", re.IGNORECASE)
# the next sentence calls the name the carmaker: "The split also aligns with Ford's broader strategic
# shift. The automaker has been scaling back near-term EV plans", also after an opening phrase: "In
# addition to the plant project, the US carmaker says" (context for a name that needs it)
# what a text calls a carmaker it has named (here, and in nlp.aboutness for the one automaker a text names)
CARMAKER_NOUN = (r"(?:automaker|auto-maker|auto maker|carmaker|car-maker|car maker|automobile maker|automobile manufacturer|"
                 r"car manufacturer|car company|vehicle maker|EV maker|electric vehicle maker)\b")
CARMAKER_NEXT = re.compile(r"[^.!?]{0,300}?[.!?][\"”’)]*\s+(?:[A-Z][^.!?,]{0,100},\s+the|The)\s+(?:[\w.-]+\s+){0,2}?"
                           + CARMAKER_NOUN)

# a company's people or shares right after a name ("Ford executives too have said", "Mercedes shares
# fell"; a person, a place or a flower has none): context for a name that needs it, not for an acronym
COMPANY_NEXT = re.compile(r"(?:['’]s?)?\s+(?:top\s+|senior\s+)?(?:executives?|spokes(?:person|man|woman|people)|CEO|"
                          r"chief executive|chief [a-z]+ officer|chairman|shareholders|shares|stock|dealers|dealerships|employees|engineers|"
                          r"workers|managers|directors?\s+of|head\s+of|vice[- ]president|suppliers|board\s+of\s+directors)\b")
# between two names that are one mention: "Tesla's Model Y", "GAC Mitsubishi", "Great Wall Motor (GWM"
JOIN = re.compile(r"(?:['’]s?)?[\s-]{0,2}\(?")
# ... or a name and its ticker: "General Motors Co (NYSE: GM)"
TICKER = re.compile(r"\s?\(\s*(?:NYSE|NASDAQ|Nasdaq|TSX|TSXV|ASX|LSE|HKEX|HKG|SSE|SZSE|KRX|KOSPI|TYO|TSE|OTC|OTCQX|"
                    r"OTCMKTS|FWB|ETR|XETRA|BSE|NSE|JSE|Euronext|EPA|BIT|STO|NYSEARCA)\s*:\s*")
_CLOSE = re.compile(r"\s?\)")
# between two names of one list: other names, commas, "and", brackets
LINK_GAP = re.compile(r"(?:['’]s?)?(?:\s*\([^()]{0,30}\)|\s*(?:,|and|&|or)|\s+[A-Z][\w&.’'-]*)*\s*")

# what a lede does to the carmakers it then lists: a complaint, an inquiry, a strike, a fine, talks
TARGET = (
    r"\b(?:(?:complaint|complaints|lawsuit|lawsuits|suit|suits|case|cases|action|charges|petition)\s+against|"
    r"(?:sued|suing|sues|accused|accuses|accusing|fined|fines|summoned|subpoenaed|targeted|targets|targeting|urged|urges|"
    r"called on|calls on|wrote to|writes to|letters? to|sought information from|seeks information from|"
    r"questioned|questions|demanded (?:that|answers from)|asked|investigating|investigates|slapped)|"
    r"(?:issued|issues|gave|sent)\s+(?:\w+\s+){0,2}?(?:guidance|orders?|warnings?|notices?|improvement orders?)\s+to|"
    r"(?:investigation|investigations|inquiry|inquiries|probe|probes)\s+(?:into|of)|"
    r"(?:strike|strikes|striking|walkout|walkouts)\s+(?:at|against)|(?:call|calls|called|authori[sz]e|authori[sz]es|authori[sz]ed)\s+a\s+strike|"
    r"(?:will|would|to|could|may|might|threatens?\s+to|threatened\s+to|plans?\s+to|vows?\s+to|vowed\s+to)\s+strike|"
    r"(?:talks|negotiations|contract talks|wage talks|bargaining)\s+with)\b")
# (not through a place the names are said to be the home of: "talks with Mexico, Canada and South
# Korea, home to Hyundai and Kia" are the countries')
GROUP_TARGET = re.compile(TARGET + r"(?:(?!\bhome\s+(?:to|of)\b)[^.;:])*$", re.IGNORECASE)
# ... or at one automaker, named right after, or last of a list of companies: "workers unite against Tesla", "a strike at
# Kia", "a class action lawsuit against Alphabet, Apple, Dell, Microsoft and Tesla"
_NAMES_BEFORE = r"(?:(?-i:[A-Z])[\w&.’'-]*(?:\s+(?-i:[A-Z])[\w&.’'-]*){0,3}\s*(?:,\s*(?:and\s+)?|\s+and\s+)){0,6}"
AIMED = re.compile(r"(?:" + TARGET + r"|(?<!compete )(?<!competes )(?<!competing )(?<!up )(?<!pitted )(?<!stacks )"
                   r"(?<!stacked )(?<!race )(?<!racing )(?<!battle )\bagainst)\s+(?:(?:the|its)\s+)?" + _NAMES_BEFORE + "$",
                   re.IGNORECASE)


def aimed_at(text: str, sentence_start: int, start: int) -> bool:
    """Whether the name at ``start`` is what an action of its sentence is aimed at: "workers unite
    against Tesla", "a strike at Kia" (``AIMED``). Asked only of a text's one automaker, so the
    search runs on few texts."""
    return AIMED.search(text, max(sentence_start, start - 100), start) is not None


# ... and at the carmakers as a group, named later: "strikes against the Detroit 3 automakers", or their workers
# ("Workers at the three largest automakers in the United States have just voted to authorize a potential strike")
GROUP_TARGET_PLURAL = re.compile(
    r"(?:" + TARGET + r"|\b(?:workers|employees|autoworkers|union\s+members)\s+at)"
    r"\s+(?:the\s+)?(?:(?:[\w’'-]+|\([^()]{0,40}\))\s+){0,4}?(?:" + CARMAKERS + r"|Big Three|Detroit Three)\b", re.IGNORECASE)
# a share price's move right after a name (and the rest of it, "Motor", or "shares"): "Nissan Motor gained
# 3.9%", "Subaru closed 2.1% higher", "Tesla shares fell 3 per cent"
_MOVE = re.compile(r"(?:\s+[A-Z][\w.&-]*){0,2}?(?:['’]s)?(?:\s+(?:shares?|stocks?))?\s+(?:gained|rose|jumped|climbed|added|"
                   r"advanced|surged|soared|rallied|fell|dropped|slipped|slid|lost|declined|sank|tumbled|plunged|closed|ended|"
                   r"finished|(?:was|were)\s+(?:up|down)|up|down|"  # ... and as a participle: "with Toyota gaining 11 per cent"
                   r"gaining|rising|jumping|climbing|adding|advancing|surging|soaring|rallying|falling|dropping|slipping|sliding|"
                   r"losing|declining|sinking|tumbling|plunging|closing|ending|finishing|dipped|dipping|edged|edging|shed|shedding|"
                   r"retreated|retreating|(?:pulled|pulling|pulls)\s+back)\s+(?:[a-z]+\s+){0,2}?[-+]?\d[\d.,]*\s*(?:%|per\s?cent\b)")


def names_by_sentence(spans: list[list]) -> dict[int, set[str]]:
    """Sentence -> the automakers its names stand for (``spans``: as ``name_spans`` gives them)."""
    named: dict[int, set[str]] = {}
    for _, _, i, aids in spans:
        named.setdefault(i, set()).update(aids)
    return named


def market_movers(text: str, spans: list[list]) -> set[int]:
    """The starts of the names that only carry their shares' moves in a sentence that names two
    automakers or more that way, a market report's ("Nissan Motor gained 3.9%, Mazda Motor jumped
    4.9%, while Subaru closed 2.1% higher"): entries of a list, like a table's, not its subjects
    (``spans``: as ``name_spans`` gives them)."""
    if "%" not in text and "cent" not in text:  # (a move is said in per cent: most texts have none)
        return set()
    named = names_by_sentence(spans)
    moved: dict[int, list] = {}
    for start, end, i, aids in spans:
        if len(named[i]) >= 2 and _MOVE.match(text, end):
            moved.setdefault(i, []).append((start, aids))
    return {start for found in moved.values() if len(set().union(*(a for _, a in found))) >= 2 for start, _ in found}


# named carmakers "and N other" carmakers, the others named after: one group ("Toyota and four other automakers -
# Mazda, Honda and Suzuki - were falsifying tests", "Toyota, Nissan and two other Japanese auto makers are recalling")
_N_OTHERS = re.compile(r"\band\s+(?:two|three|four|five|six|seven|eight|nine|ten|\d+)\s+other\s+(?:[\w-]+\s+){0,2}?(?:" + CARMAKERS
                       + r"|companies|manufacturers|makers|firms|groups)\b", re.IGNORECASE)


# ... or counts the carmakers, then lists them: "it has selected three Chinese automakers: BYD, SAIC Motor, and Geely",
# "found three European automakers—Volkswagen, BMW, and Jaguar Land Rover—sold cars", "the duties for the three sampled
# Chinese producers are as follows: BYD at 17.4%, Geely at 20%" (each of them faces what the sentence says)
_COUNTED = re.compile(r"\b(?:two|three|four|five|six|seven|eight|nine|ten|both)\s+(?:[\w-]+\s+){0,3}?(?:" + CARMAKERS
                      + r"|producers|manufacturers|companies|firms|groups)\b(?:\s+(?:are|were)\s+as\s+follows)?\s*(?::|—|–|\s-\s)\s*"
                      r"(?-i:[A-Z])", re.IGNORECASE)


def and_others(text: str, start: int, end: int) -> bool:
    """Whether the sentence text[start:end] names carmakers "and N other" carmakers (``_N_OTHERS``),
    or counts them and lists them after a colon or a dash (``_COUNTED``)."""
    return (" other " in text[start:end] and _N_OTHERS.search(text, start, end) is not None) or \
        _COUNTED.search(text, start, end) is not None


# the lede's doer is "the two companies" (or brands, carmakers), named in a later sentence: "After videos emerged on
# TikTok, the two brands saw a rise in thefts. ... stolen Hyundais and Kias", "The two companies will use the capital
# base ... Toyota will invest ¥96 billion in Suzuki"
_THE_TWO = re.compile(r"(?:\s*|[^.;:]*?,\s+)(?:the|both)\s+(?:two\s+)?(?:companies|brands|automakers|carmakers|car\s?makers|firms|"
                      r"groups|partners|manufacturers)\s+(?!of\b|in\b|to\b|and\b|on\b)(?:[a-z]+\s+){0,2}?[a-z]+", re.IGNORECASE)


def the_two(text: str, sentence: tuple[int, int], index: int, spans: list[list]) -> set[str]:
    """When the sentence (number ``index``, at ``sentence`` in ``text``) has "the two companies" (brands, carmakers)
    as its doer (``_THE_TWO``), the two automakers the first later sentence naming two names; else none."""
    if " two " not in text[sentence[0]:sentence[1]] or _THE_TWO.match(text, *sentence) is None:  # (from the sentence's start)
        return set()
    named = names_by_sentence(spans)
    return next((found for i, found in sorted(named.items()) if i > index and len(found) == 2), set())


# the lede's carmaker, named only after it: "The Korean automaker said it will add 200 jobs", "The government will give
# the Japanese automaker $2.5 billion" (not a bare "the carmaker" inside a sentence on carmakers in general: "a miner
# commits to selling the carmaker a proportion of production")
_LEDE_CARMAKER_START = re.compile(r"\W*The\s+(?:[\w-]+\s+){0,3}?" + CARMAKER_NOUN)
_LEDE_CARMAKER = re.compile(r"\bthe\s+(?:(?:(?-i:[A-Z])[\w.-]*|[\w-]+-based)\s+){1,3}" + CARMAKER_NOUN)


def lede_referent(text: str, lede: tuple[int, int], index: int, spans: list[list]) -> set[str]:
    """The automaker a lede calls "the automaker" when neither it nor the title names one (sentence ``index``,
    at ``lede``): the first one named after it, alone in its name."""
    if any(span[2] <= index for span in spans) or not (
            _LEDE_CARMAKER_START.match(text, lede[0], lede[1]) or _LEDE_CARMAKER.search(text, *lede)):
        return set()  # (the title or the lede names one: "the EV maker" is that one)
    later = [span for span in spans if span[2] > index]
    return set(later[0][3]) if later and len(later[0][3]) == 1 else set()


_PLURAL_WORDS = ("makers", "manufacturers", "companies", "producers", "big three", "detroit three")


def group_named_later(text: str, start: int, end: int) -> bool:
    """Whether the sentence text[start:end] aims its action at the carmakers as a group
    (``GROUP_TARGET_PLURAL``); a quick look first for the plural the pattern ends with, which
    most ledes lack (searching the pattern itself from every word is dearer)."""
    low = text[start:end].lower()
    return any(w in low for w in _PLURAL_WORDS) and GROUP_TARGET_PLURAL.search(text, start, end) is not None


JOINT = re.compile(r"joint[- ]venture|partnership|alliance|jointly|\bpartners?\b|merger|tie-up|co-develop",
                   re.IGNORECASE)


def name_spans(text: str, mentions: dict) -> list[list]:
    """The mentions as [start, end, sentence, automakers]: a name written right after another
    ("Tesla's Model Y", "GAC Mitsubishi", "SAIC-GM-Wuling"), or its short form or ticker in brackets
    ("General Motors (GM)", "General Motors Co (NYSE: GM)"), is one span, of one or more automakers."""
    flat = sorted((start, end, i, aid) for aid, found in mentions.items() for i, start, end in found)
    spans: list[list] = []
    for start, end, i, aid in flat:
        if spans:
            last = spans[-1]
            if last[2] == i and (start <= last[1] or (start <= last[1] + 3 and JOIN.fullmatch(text, last[1], start))
                                 or TICKER.fullmatch(text, last[1], start)):
                if "(" in text[last[1]:start] and (close := _CLOSE.match(text, end)):
                    end = close.end()  # "General Motors (GM)": the verb after the bracket is the name's
                last[1] = max(last[1], end)
                last[3].add(aid)
                continue
        spans.append([start, end, i, {aid}])
    return spans

