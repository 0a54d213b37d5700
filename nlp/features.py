"""How a name is used in its sentence, read off the words around it: the part of each mention
that ``nlp.aboutness`` weighs to decide which automakers a text is about.

No parser: a parser costs far more than the whole tagger, and these few patterns carry most of
the signal. ``mention_features`` reads what comes before the name's noun phrase, whether a verb
follows, whether it is one of a list, after a comparison or inside a quotation;
``mention_weight`` turns that into the mention's part, a factor (times its place, in
``nlp.aboutness``):

- the doer, 2: the name starts its clause (after at most a describing phrase, "German
  carmaker", "China's", and a comma, a conjunction or "of") and a verb follows it ("BMW
  signed", "Kia Corp., South Korea's second-largest automaker, said", "Tata Motors, Mahindra
  & Mahindra and Ola Electric are set to"); or its possessive heads the sentence ("Hyundai
  Motor's union launched...");
  1.4 when the verb comes with "also" ("GAC, with its Aion brand, has also entrusted"): the
  text turns to a second company (any lower-case word after "also" is a verb: "BYD also
  integrates"); a company speaks through its people: "Dane Parker, chief sustainability officer
  at General Motors, said" makes General Motors the doer;
- in the sentence's subject, 1.5: before any verb, with no comma before it ("Workers at Kia Motors Slovakia have");
- after a preposition or a verb, 0.6: an object ("to supply Hyundai", "batteries from Tesla
  cars", "rival to Toyota's RAV4"); so is the doer of a relative clause, which describes a noun
  ("the site where Hyundai has been assembling vehicles");
- otherwise 1.
- times 0.5 in a list of three names or more ("Ford, GM, Toyota and Tesla"; the list is read
  past a company's suffix, "Hyundai Motor Co. and Kia Corp.", and two names a bare comma parts
  are none: "to compete with Tesla, Nissan is figuring out"), 0.25 when the name (or its list)
  follows a comparison, an example or a past ("rivals such as", "including", "cheaper than", "the
  likes of", "in the same way Tesla did", "carmakers ranging from Mercedes to Toyota", "a former
  Nissan plant") or is said to be not the only one ("Mercedes and Tesla aren't the only carmakers
  ...", "is one of several") or is a person's past tie or another company's ("founded by Tesla
  co-founder JB Straubel", "a Ford veteran", "A Hyundai supplier has been fined"), 0.5 inside a
  quotation (someone else's words: the speaker's company is the subject, not the names in the quote).

A describing phrase may hold nouns before its describing word ("Chinese battery giant CATL said",
"lithium producer Ganfeng"). Names a sentence ties together (the carmakers as a group doing
something, joint-venture partners) are read in ``nlp.together``.

Kept apart from the role decision (``nlp.aboutness``): the word lists and patterns here change
when a class of sentence is misread, the decision's thresholds when the roles are.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from .name_lists import NAME_REST, name_list
from .ties import tied

# what it is in its sentence
AGENT = 2.0
AGENT_ALSO = 1.4
SUBJECT_NP = 1.5
OBJECT = 0.6
LISTED = 0.5  # times, in a list of LIST_ITEMS names or more
LIST_ITEMS = 3
COMPARED = 0.25  # times, after "such as", "including", "than"...
QUOTED = 0.5  # times, inside a quotation

PREPOSITIONS = frozenset((
    "from", "to", "with", "by", "for", "than", "like", "as", "at", "on", "in", "into", "against", "between",
    "among", "via", "under", "over", "about", "behind", "including", "unlike", "versus", "vs", "vs.", "beside",
    "besides", "after", "before", "without", "toward", "towards", "through", "within", "onto", "per", "near",
    "across", "around", "beyond", "inside", "outside", "alongside", "amid", "despite", "upon"))
# words after which a name starts a clause: it can be the clause's doer
_OPENERS = frozenset((
    "that", "and", "but", "while", "when", "because", "so", "then", "whereas", "where", "if", "though",
    "although", "said", "says", "here", "now", "also", "meanwhile", "even", "yet", "why", "how", "unless",
    "whether", "once", "since", "until", "whilst", "or", "nor", "comes", "come"))
# prepositions that also open a clause: a name after one and before a verb is the clause's doer
_ALSO_CONJUNCTIONS = frozenset(("as", "after", "before", "since", "until", "till"))
# ... but not "as" after these: "such as", "as well as", "known as" name examples or other names
_AS_AFTER = frozenset(("such", "well", "same", "known", "as", "so", "described", "regarded", "seen", "named"))
# verbs of a source: "as Reuters reported" (the clause's doer is where the story comes from)
_REPORTING = frozenset(("reported", "reports", "said", "says", "noted", "notes", "wrote", "writes", "told", "tells",
                        "announced", "explained", "stated", "revealed", "confirmed", "first"))
# after a noun, these open a relative clause: a name after them is not the sentence's doer
_RELATIVE = frozenset(("where", "whereby"))
# a sentence opening with one of these opens with an adverbial phrase, not with its subject
_INTRO = PREPOSITIONS | {"together", "along", "apart", "aside", "thanks", "due", "according", "following",
                         "compared", "if", "when", "while", "although", "though", "because", "since", "unless",
                         # a phrase before the subject: "Fresh off victories at Ford's plant, the union is targeting"
                         "fresh", "hot", "buoyed", "emboldened", "bolstered", "spurred", "riding", "coming",
                         "building", "having", "backed", "armed", "days", "weeks", "months", "hours", "moments", "shortly"}
_DETERMINERS = frozenset(("the", "a", "an", "its", "their", "his", "her", "this", "these", "those", "our",
                          "which", "whose", "every", "each", "both", "another"))
# lower-case words that describe a company before its name ("China's leading electric car maker BYD")
_DESCRIBING = frozenset((
    "carmaker", "automaker", "car-maker", "auto-maker", "maker", "makers", "carmakers", "automakers",
    "manufacturer", "manufacturers", "giant", "firm", "company", "companies", "group", "brand", "brands",
    "startup", "start-up", "producer", "owner", "parent", "unit", "subsidiary", "rival", "partner", "car",
    "auto", "automobile", "motor", "vehicle", "electric", "ev", "luxury", "premium", "private", "domestic",
    "local", "largest", "biggest", "leading", "top", "premier", "major", "new", "former", "fellow",
    "compatriot", "sister", "global", "own", "best-selling", "troubled", "struggling", "embattled", "listed"))
# finite verbs (and "-ed" words, below): what makes the name before them a doer
VERBS = frozenset((
    "is", "are", "was", "were", "has", "have", "had", "will", "would", "could", "can", "may", "might", "must",
    "should", "shall", "does", "did", "do", "says", "said", "plans", "aims", "wants", "expects", "intends",
    "hopes", "seeks", "makes", "sells", "builds", "buys", "uses", "faces", "needs", "gets", "takes", "leads",
    "owns", "runs", "operates", "employs", "produces", "offers", "continues", "remains", "becomes", "joins",
    "signs", "agrees", "announces", "reports", "posts", "confirms", "claims", "argues", "insists", "denies",
    "declines", "tells", "told", "sold", "made", "built", "bought", "took", "began", "begins", "became", "won",
    "got", "kept", "paid", "set", "sees", "saw", "led", "ran", "went", "goes", "came", "comes", "gave", "gives",
    "struck", "spent", "grew", "rose", "fell", "cuts", "put", "puts", "brought", "brings", "holds", "held",
    "lost", "loses", "scores", "ranks", "lags", "tops", "trails", "isn't", "wasn't", "hasn't", "haven't",
    "won't", "can't", "doesn't", "didn't", "wouldn't", "couldn't", "aren't", "means", "moves", "turns",
    "tries", "unveils", "launches", "opens", "invests", "files", "asks", "urges", "calls", "pledges",
    "commits", "recalls", "supplies", "sources", "secures", "acquires", "delivers", "exports", "imports",
    "targets", "pushes", "starts", "stops", "halts", "shuts", "closes", "wins", "develops", "designs",
    "tests", "prepares", "considers", "explores", "partners", "teams", "ships", "manufactures", "assembles",
    "belong", "belongs", "lag", "show", "shows", "sell", "make", "need", "want", "plan", "say", "continue",
    "remain", "join", "sign", "agree", "aim", "hope", "expect", "intend", "seek", "build", "buy", "use",
    "face", "hold", "knows", "know", "thinks", "believes", "promises",
    # irregular pasts (the "-ed" rule finds the rest) and news verbs in "-s" that are no plural noun
    # after a company's name ("Kia heard the feedback", "Ford warns of a loss")
    # (not those that are as often participles or nouns: met, left, found, sent, hit, cut, bid, forecast)
    "heard", "sought", "felt", "chose", "drew", "drove", "fought", "meant", "overtook", "stood", "taught",
    "withdrew", "wrote", "understood", "upheld", "broke", "knew", "spoke", "outsold", "undercut", "dealt",
    "lent", "sank", "shrank", "slid", "swung", "spun", "quit", "rebuilt", "withheld", "overcame", "forgave",
    "adds", "warns", "hires", "raises", "expands", "reveals", "increases", "reduces", "lowers", "boosts",
    "slashes", "trims", "doubles", "triples", "extends", "delays", "postpones", "resumes", "restarts", "ends",
    "scraps", "axes", "settles", "sues", "appeals", "beats", "misses", "overtakes", "outsells", "bets", "eyes",
    "mulls", "debuts", "introduces", "reaches", "returns", "rejects", "accepts", "approves", "welcomes",
    "admits", "apologises", "apologizes", "pays", "hopes", "wins", "faces", "receives", "restructures"))
ADVERBS = frozenset(("also", "already", "now", "recently", "officially", "reportedly", "still", "then",
                     "itself", "too", "currently", "previously", "first", "later", "meanwhile", "alone",
                     "instead", "just", "finally", "again", "never", "quickly", "jointly", "together",
                     "formally", "publicly", "initially", "originally", "today", "yesterday", "both", "all",
                     "each"))
_DATE_OPENER = re.compile(r"\s*(?:On|In|By|Last|This|Earlier|Late)\s+(?:[A-Z][a-z]+\.?\s+\d{1,2}(?:,\s+\d{4})?|\d{4}|"
                          r"[A-Z][a-z]+day|(?:week|month|year)|[A-Z][a-z]+(?:\s+\d{4})?)\s*,\s+")
_TIME = re.compile(r"\s*(?:on|last|this|next|earlier|late|early)\s+\w+(?:\s+(?:year|week|month))?\b")
_TOKEN = re.compile(r"[\w][\w’'&.\-]*[\w’']|\w|[^\w\s]")
WORD = re.compile(r"\s*([A-Za-z][\w’'-]*)")
# ", South Korea's second-largest automaker," ", which has started building a plant,"
_APPOSITIVE = re.compile(
    r"\s*,\s*(?!and\b|or\b)(?:[a-z(]|[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)?['’]s\b|(?:The|A|An|Its|One|Which|Who)\b)"
    r"[^,;:]{0,120},")
_POSSESSIVE = re.compile(r"['’]s?\b|['’](?=\s)")
_ALSO_AFTER = re.compile(r"\s+(?:\w+\s+)?also\b")
_COMPARISON = re.compile(
    r"\b(?:such as|like|likes of|including|includes|included|than(?!\s+[$€£¥]?\d)|rivals?|competitors?|versus|vs\.?|"
    r"compared (?:with|to)|similar to|unlike|namely|as well as|same as|others?|among them|e\.g\.|"
    r"compete(?:s|d)? (?:with|against)|competing (?:with|against)|take on|takes on|rivall?ing|also named|"
    r"former|formerly|previously owned|one-?time|ex-|(?<![\w-])old|ahead of|followed by|trailed by|overtook|overtaking|"
    r"outsold|outselling|undercut(?:s|ting)?|catch(?:es|ing)? up (?:with|to)|caught up (?:with|to)|"
    r"(?:in )?the same way(?: that| as)?|"
    # a range of examples: "carmakers ranging from Mercedes to Suzuki", "everything from Apple gadgets to
    # Tesla cars", "The world's top automakers, from Tesla to Volkswagen to Toyota"
    r"(?:(?:ranging|ranges?|varying|spanning|everything|anything|all|companies|firms|businesses|corporations|carmakers|"
    r"automakers)\s+|,\s*)from(?:\s+[^,;]{1,60}?\s+to)?|"
    # the parent of the company the sentence is about ("Hyundai Engineering, a construction arm of Hyundai Motor Group, said")
    r"arm of|unit of|subsidiary of|affiliate of|division of|partners? of|owned by|affiliated with|spun off from|spun out of|"
    # the customer that describes a supplier in apposition: "Panasonic Energy, a supplier for Tesla's electric
    # vehicles" (not "suppliers for Hyundai Motor and Kia have been using child labor": their supply chain's news)
    r",\s*(?:an?|the|one)\s+(?:[\w-]+\s+){0,2}?(?:supplier|vendor)\s+(?:for|to|of)|"
    # what a place is said to host ("South Korea, home to Hyundai and Kia"): the place's news, not the carmakers'
    r"home to|home of|birthplace of)"
    r"(?:\s+[\w’'-]+(?:[.,]\d+)*){0,3}\s*[,:]?\s*$", re.IGNORECASE)  # (a number's comma: "including 1,100 Porsches")
# the one a verb of beating has beaten, right after it: "the SU7 surpassed the Model 3", "overtook Tesla"
_BEATEN = re.compile(r"\b(?:surpass(?:es|ed|ing)?|outperform(?:s|ed|ing)?|outsell(?:s|ing)?|outsold|beat(?:s|ing)?|"
                     r"overtak(?:e|es|en|ing)|overtook)\s+(?:the\s+|its\s+|rival\s+|former\s+)?$", re.IGNORECASE)
# the name (or its list) said not to be the only one: what follows is about someone else
_NOT_THE_ONLY = re.compile(r"\s+(?:(?:are|is|were|was)(?:\s+not|n[’']t)|aren[’']t|isn[’']t|weren[’']t|"
                           r"wasn[’']t)\s+the\s+only\b", re.IGNORECASE)
_OWNED_BY = re.compile(r"\b(?:jointly\s+)?owned\s+by\s*$", re.IGNORECASE)  # ... two names: a joint venture's owners
# a rival named in a compound with a verb of beating it: "its first Porsche-beating electric saloon"
_BEATEN_COMPOUND = re.compile(r"-(?:beating|besting|rivall?ing|killers?|challenging|baiting)\b", re.IGNORECASE)
# the name given as an example: "For instance, Volvo joined", "Volvo, for instance, is using", "Mercedes and VW are good examples"
_EXAMPLE_BEFORE = re.compile(r"\bfor (?:instance|example)\s*,?\s*$", re.IGNORECASE)
_EXAMPLE_AFTER = re.compile(r"\s*,\s*(?:for (?:instance|example)|e\.g\.)\s*,|\s+(?:is|are|was|were)\s+(?:(?:a|an|good|prime|notable|two)\s+)"
                            r"{0,2}examples?\b", re.IGNORECASE)
# one of many doing the same: "Honda and others have delayed their plans", "Ford and other automakers", "Great Wall
# Motor (GWM) is one of several Chinese EV makers to make headway"
_AND_OTHERS = re.compile(r"\s*,?\s*(?:and|&)\s+(?:many\s+|several\s+|some\s+|a\s+few\s+)?(?:others\b|other\s+"
                         r"(?:car\s?makers|automakers|manufacturers|companies|firms|brands|producers)\b)|(?:\s*\([^()]{1,12}\))?\s+"
                         r"(?:is|was|are|were)\s+(?:just\s+)?(?:one|among)\s+(?:of\s+)?(?:several|many|a\s+number\s+of|dozens\s+of)\b",
                         re.IGNORECASE)
_CLAUSE_MARKS = frozenset((",", ";", ":", "(", "–", "—", "-", '"', "“", "‘"))
_WINDOW = 400  # characters of a sentence read before a name (a "sentence" of a PDF table can be huge)

# a person's post at a company, in an appositive before its name: ", chief executive of"
_SPEAKER = re.compile(
    r",\s*(?:[\w’'-]+\s+){0,5}?(?:officer|chief|ceo|president|executive|director|head|spokesperson|spokesman|"
    r"spokeswoman|manager|chair|chairman|chairwoman|founder|engineer|analyst|vice[- ]president|cfo|cto)"
    r"(?:\s+[\w’'-]+){0,3}\s+(?:at|of|for|with)\s+(?:the\s+)?$", re.IGNORECASE)
# the rest of the company's name, the appositive's closing comma, and the person's verb
_SAID = re.compile(r"(?:\s+[A-Z][\w&.’'-]*)*(?:['’]s\s+[\w\s-]{0,40}?)?\s*,\s*(?:said|says|told|added|explained|"
                   r"noted|stated|wrote|commented|announced|emphasi[sz]ed)\b")


class MentionFeatures(NamedTuple):
    """How one name is used in its sentence (see ``mention_features``)."""

    before: str  # what its noun phrase follows: start, clause (a comma...), opener (and, that...), relative
    # ("the site where"), of, prep, party (after "a deal between"), subclause (after "as", "after", "since"...
    # and before a verb; both weigh as a plain name), object
    verb: bool  # a verb follows the name (after its appositive, "on Monday", "also"...)
    also: bool  # ... with "also"
    possessive: bool  # "Toyota's"
    verb_before: bool  # a verb comes before it in its sentence
    verb_after: bool  # a verb comes after it in its sentence
    head: bool  # in the sentence's opening noun phrase: no comma before, no adverbial opening
    items: int  # names in its list (1: no list)
    compared: bool  # aside: after "such as", "including", "than", "former"...
    quoted: bool  # inside a quotation
    not_only: bool = False  # said not to be the only one: an aside when it opens the story, not after it
    # given as an example ("For instance, Volvo joined..."): one of the examples when the text names
    # other automakers too, the story itself when it names no other (nlp.aboutness decides)
    example: bool = False


def is_verb(word: str) -> bool:
    low = word.lower()
    return word[:1].islower() and (low in VERBS or (low.endswith("ed") and len(low) > 4 and "-" not in low))


def _trie(words) -> str:
    """A regular expression matching any of ``words``, as a letter tree: three times faster to
    search than their plain alternation (one branch per first letter, not one per word)."""
    tree: dict = {}
    for word in words:
        node = tree
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def pattern(node: dict) -> str:
        branches = [re.escape(ch) + pattern(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return pattern(tree)


# any verb in a stretch of text, in one search (a word of VERBS, or of five letters or more in "-ed")
_ANY_VERB = re.compile(r"(?<![\w’'&-])(?:" + _trie(VERBS) + r"|[a-z]\w{2,}ed)(?![\w’'&-])")
_COMPARISON_HINT = re.compile(_trie(("such as", "like", "includ", "than", "rival", "compet", "versus", "vs",
                                     "compar", "similar", "unlike", "namely", "as well as", "same as", "other",
                                     "among", "e.g.", "take", "also named", "former", "previously", "time",
                                     "ex-", " old ", "ahead of", "followed by", "trailed by", "overt", "outs",
                                     "arm of", "unit of", "subsidiary of", "affiliate", "partner of", "partners of", "division of", "owned by", "spun", "supplier", "vendor",
                                     "same way", "ranging", "ranges from", "range from", "varying", "spanning", "thing from", "home ", "birthplace",
                                     "all from", ", from", "companies from", "firms from", "businesses from", "corporations from", "carmakers from",
                                     "automakers from", "undercut", "catch", "caught", "surpass", "beat")))
_FIRST_WORD = re.compile(r"\W*(\w+)")
# a deal made or announced, and "between" before a name: the name is one of its parties, the news
# ("presided over the announcement of a R1.175 billion partnership between Toyota South Africa Motors
# and Ogihara"), weighing as a plain name; not a deal that is background ("part of a strategic
# alliance between Ford and VW Group", "set up as a joint venture between Volvo and Geely")
_PARTIES = re.compile(r"\b(?:announc\w*|sign\w*|inked|inks?|struck|strikes?|seal\w*|clinch\w*|unveil\w*|forged?|forging|"
                      r"entered|enters?|reached|reach(?:es)?|launch\w*)\s+(?:[\w.,-]+\s+){0,5}?"
                      r"(?:partnerships?|agreements?|deals?|joint[- ]ventures?|alliances?|collaborations?|"
                      r"contracts?|memorand(?:um|a)|MoUs?|pacts?|mergers?|tie-ups?)"
                      r"(?:\s+[\w-]+){0,2}?\s+between\s+[\w\s’'-]{0,40}$", re.IGNORECASE)


# The same mention is read up to three times for one text (as an automaker, as the other company
# beside an automaker, as a supplier: a fifth of the calls): the last few texts' readings are kept (256: a long
# text's suppliers and automakers together; 64 let a news article's first readings go before its supplier roles
# asked again, and the one text each key holds is shared, not copied).
@lru_cache(maxsize=256)
def mention_features(text: str, sentence: tuple[int, int], start: int, end: int) -> MentionFeatures:
    """Read how the name at text[start:end] is used in its sentence (its characters in ``text``)
    from the words around it: what comes before its noun phrase, whether a verb follows, whether
    it is one of a list of names, after a comparison, inside a quotation."""
    sent_start, sent_end = sentence
    before = text[max(sent_start, start - _WINDOW):start]
    clipped = start - _WINDOW > sent_start
    prefix = before[-200:]
    suffix = text[end:min(sent_end, end + 240)]
    quoted = before.count("“") > before.count("”") or before.count('"') % 2 == 1
    # a list of names around it (nlp.name_lists)
    items, list_start, after_list, first_after, parted = name_list(prefix, suffix, len(before) == start - sent_start <= 200)
    head_text = prefix[:list_start]
    window = head_text[-70:]
    low = window.lower()  # a quick look for the words before the full pattern
    # (not when a bare comma parts it from the name before: the comparison is that name's)
    compared = not parted and _COMPARISON_HINT.search(low) is not None and (
        _COMPARISON.search(window) is not None or _BEATEN.search(window) is not None)
    if compared and items == 2 and _OWNED_BY.search(window):  # a joint venture's owners ("owned by GM and LG")
        compared = False
    # what the noun phrase holding the name (or its list) follows: back over its describing words
    tokens = _TOKEN.findall(head_text[-120:])
    j = len(tokens) - 1
    while j >= 0:
        t = tokens[j]
        low = t.lower()
        if low in PREPOSITIONS or low == "of" or low in _OPENERS:
            break
        if (t[:1].isupper() or t[:1].isdigit() or low in _DESCRIBING or low in _DETERMINERS
                or ("-" in t and t[:1].isalpha()) or low.endswith(("'s", "’s"))
                # a noun describing the next describing word: "battery giant CATL", "lithium producer"
                or (t.isalpha() and j + 1 < len(tokens) and tokens[j + 1].lower() in _DESCRIBING
                    and not is_verb(t) and low not in _DESCRIBING)):
            j -= 1
            continue
        break
    clause_word = False  # the word before is a preposition that also opens a clause: "as", "after"
    if j < 0:
        kind = "clause" if clipped or len(head_text) > 120 else "start"
    else:
        t = tokens[j]
        low = t.lower()
        if t in _CLAUSE_MARKS or not t[:1].isalpha():
            kind = "clause"
        elif low == "of":
            kind = "of"
        elif low in PREPOSITIONS:
            # a party of the deal it names: "a partnership between Toyota South Africa Motors and Ogihara"
            kind = "party" if low == "between" and _PARTIES.search(head_text[-90:]) else "prep"
            clause_word = low in _ALSO_CONJUNCTIONS and not (low == "as" and j and tokens[j - 1].lower() in _AS_AFTER)
        elif low in _RELATIVE and j > 0 and (noun := tokens[j - 2 if j > 1 and tokens[j - 1] == "," else j - 1]).isalpha() \
                and noun.islower() and not is_verb(noun):  # (a comma between: "In a segment, where Tata Motors holds")
            kind = "relative"  # the doer of a clause about a noun: "the site where Hyundai has been assembling"
        elif low in _OPENERS:
            kind = "opener"
        else:
            kind = "object"
    verb_before = _ANY_VERB.search(text, max(sent_start, start - _WINDOW), start) is not None
    dated = _DATE_OPENER.match(before)  # (the subject after a date: "On May 17, workers at the Mercedes-Benz plant voted")
    opening = _FIRST_WORD.match(before, dated.end() if dated else 0)
    head = (not clipped and opening is not None and "," not in before[opening.start():]
            and opening.group(1).lower() not in _INTRO)
    # what follows the name (or its list)
    rest = suffix[after_list:]
    not_only = _NOT_THE_ONLY.match(rest) is not None
    compared = (compared or not_only or tied(window, rest) or _BEATEN_COMPOUND.match(rest) is not None
                or _AND_OTHERS.match(rest) is not None)
    example = (_EXAMPLE_AFTER.match(rest) is not None
               or _EXAMPLE_BEFORE.search(window, max(0, len(window) - 16)) is not None)
    possessive = _POSSESSIVE.match(rest) is not None
    verb = also = reports = False
    if not possessive:
        rest = rest[first_after:] if not after_list else rest[NAME_REST.match(rest).end():]
        m = _APPOSITIVE.match(rest)
        if m:
            rest = rest[m.end():]
        for _ in range(4):
            m = _TIME.match(rest)
            if m:
                rest = rest[m.end():]
                continue
            w = WORD.match(rest)
            if w and w.group(1).lower() in ADVERBS:
                also = also or w.group(1).lower() == "also"
                rest = rest[w.end():]
                continue
            break
        w = WORD.match(rest)
        # a verb, or any lower-case word after "also" ("BYD also integrates AI technology")
        if w and (is_verb(w.group(1)) or (also and w.group(1).isalpha() and w.group(1).islower())):
            verb = True
            reports = w.group(1).lower() in _REPORTING
            also = also or _ALSO_AFTER.match(rest, w.end()) is not None
    if kind == "prep" and not verb and _SPEAKER.search(head_text[-80:]) and _SAID.match(suffix):
        # "Dane Parker, chief sustainability officer at General Motors, said": the company speaks
        kind, verb = "clause", True
    elif kind == "prep" and verb and clause_word and not reports:
        # the doer of a clause that word opens: "the ministry awarded it the contract as BYD offered $61
        # million" (weighs as a plain name: "after Porsche and Audi pulled out of racing" is background;
        # "As Ford Authority previously reported" a source)
        kind = "subclause"
    verb_after = _ANY_VERB.search(text, end, min(sent_end, end + 240)) is not None
    return MentionFeatures(kind, verb, also, possessive, verb_before, verb_after, head, items, compared, quoted, not_only,
                           example)


def mention_weight(f: MentionFeatures) -> float:
    """The part a name plays in its sentence, as a factor (see the module's docstring)."""
    opens = f.before in ("start", "clause", "opener", "of")
    if f.before == "relative":  # it describes a noun: "the site where Hyundai has been assembling cars"
        w = OBJECT
    elif f.verb and opens:
        w = AGENT_ALSO if f.also else AGENT
    elif f.possessive and not f.verb_before and f.verb_after and (opens or f.head):
        w = AGENT
    elif not f.verb_before and f.verb_after and (opens or f.head):
        w = SUBJECT_NP
    elif f.before in ("prep", "object"):
        w = OBJECT
    else:
        w = 1.0
    if f.items >= LIST_ITEMS:
        w *= LISTED
    if f.compared:
        w *= COMPARED
    if f.quoted:
        w *= QUOTED
    return w
