"""Which of its tags a text is about: each automaker and topic tag's role, "subject" or "mention".

A news text is about one company, rarely two (a joint venture, a merger, two partners
signing a deal). Any others are named in passing: a rival whose model the new car is compared
with, the customer of a supplier's mine, a member of a list, the former owner of a plant. A
ranking, or a roundup with a paragraph for each of many companies, is about none of them. The
tagger finds the names; this module decides their roles from where each name stands in the text
and in its sentence. The rules are plain, with a few weights, and pure: text, sentences and
mentions in, roles out. Nothing here is learned from the labelled passages (their text cannot go
into the repository, and no model is trained on it): the weights were set by hand while reading
the errors of the dev part of the real passages (never the held-out part's), and the rules are
written for classes of sentence, not for passages.

Automakers (``automaker_roles``). Every mention gets a weight, its place times its part:

- place: the title and the first body sentence (the lede, where a news story names its
  subject) 3; the rest of the lead paragraph 2; the body 1.
- part: how the name is used in its sentence, read off the words around it (no parser: a
  parser costs far more than the whole tagger, and these few patterns carry most of the signal):
  - the doer, 2: the name starts its clause (after at most a describing phrase, "German
    carmaker", "China's", and a comma, a conjunction or "of") and a verb follows it ("BMW
    signed", "Kia Corp., South Korea's second-largest automaker, said", "Tata Motors, Mahindra
    & Mahindra and Ola Electric are set to"); or its possessive heads the sentence ("Hyundai
    Motor's union launched...");
    1.4 when the verb comes with "also" ("GAC, with its Aion brand, has also entrusted"): the
    text turns to a second company;
  - in the sentence's subject, 1.5: before any verb, with no comma before it ("Workers at Kia
    Motors Slovakia have been on strike alert");
  - after a preposition or a verb, 0.6: an object ("to supply Hyundai", "batteries from Tesla
    cars", "rival to Toyota's RAV4");
  - otherwise 1.
  - times 0.5 in a list of three names or more ("Ford, GM, Toyota and Tesla"), 0.25 when the
    name (or its list) follows a comparison, an example or a past ("rivals such as",
    "including", "cheaper than", "the likes of", "a former Nissan plant"), 0.5 inside a
    quotation (someone else's words: the speaker's company is the subject, not the names in the
    quote).
  A name written right after another is one mention: "Tesla's Model Y" counts once, and
  "GAC Mitsubishi", "SAIC-GM-Wuling" are one mention of both automakers (a joint company). A
  "sentence" with more than ``TABLE_NAMES`` names is a table or a long list (a report's annex):
  each of its names counts as listed, without reading the words around it.

An automaker's score is the sum of its mentions' weights. Then:

- it may be a subject only if it is named in the title or the first sentence (not as a
  comparison, nor in a list unless the list does something), or in the lead as more than an
  object, or if its score reaches ``MIN_SUBJECT`` (several mentions): a name that appears once,
  late and as an object is a customer, a rival or an example whatever the others' scores (the
  supplier story "...a smelter to supply Hyundai" names no other automaker, and is about none);
- it is a subject if its score is at least ``SHARE`` of the best score: the top automaker,
  and any other with almost as much weight;
- or, with at least ``SHARE_LINKED`` of the best, if it is linked to such a subject: named in
  one mention with it ("GAC Mitsubishi"), in the same list of names, or in the same sentence
  as a joint venture or partnership, or as a doer of the same sentence ("Honda Motor's joint
  venture with GAC Group will invest", "Kia signed ..., and Hyundai Motor formed"): two
  partners are both the subject, a rival in the next paragraph is not;
- a crowd is about none: with ``CROWD`` automakers or more, when the best has less than half of
  all the weight and less than three times the runner-up's (export rankings, sales roundups);
- but an automaker the title names as more than an object, a comparison or one of a list
  ("Kia and Nissan join call for a moratorium", "... – Stellantis still warns of fines") is a
  subject however many others the text names: the headline says what the story is about.

Measured on the real passages of ../shared/data/real-passages (``python -m benchmarks
realtext``): role accuracy 0.94 on the dev part and on the held-out part, against 0.42 when
every automaker is a mention and about 0.8 for "the most salient automaker is the subject".

Topics (``topic_roles``): there are no labels to measure against, so the rule is the plain
one a reader would apply. A topic is the subject when the text is about it:

- it is proven in the title or the first sentence (the lede states what the news is), or
- it is proven elsewhere in the lead paragraph and has at least two cues in all (one more
  word for it, in that sentence or later), or
- it is the text's main topic: it holds at least a third of all the topics' weight (cues
  weighted by their sentence's place, as for salience) and has two cues or more, in two
  sentences or more, or in one sentence of a short text (``TOPIC_SHORT`` sentences at most: a
  four-sentence report on a nickel refinery may name its metal in one sentence only), or
- it is proven in at least a quarter of the sentences (and two at least): a theme of a long
  text, however many other topics it has.

Otherwise it is a mention: proven only in passing, e.g. in one sentence late in a long text.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from typing import NamedTuple

SUBJECT, MENTION = "subject", "mention"

# where a mention stands (see the module's docstring)
FIRST = 3.0  # the title or the first body sentence
LEAD = 2.0  # the rest of the lead paragraph
BODY = 1.0
# what it is in its sentence
AGENT = 2.0
AGENT_ALSO = 1.4
SUBJECT_NP = 1.5
OBJECT = 0.6
LISTED = 0.5  # times, in a list of LIST_ITEMS names or more
LIST_ITEMS = 3
TABLE_NAMES = 12  # a "sentence" naming more automakers than this is a table or a list: all listed
COMPARED = 0.25  # times, after "such as", "including", "than"...
QUOTED = 0.5  # times, inside a quotation
# the decision
MIN_SUBJECT = 2.5  # a score that makes an automaker a possible subject wherever it is named
SHARE = 0.8  # of the best score: a subject
SHARE_LINKED = 0.3  # of the best score: a subject when linked to a subject
CROWD = 4  # this many automakers or more, none standing out: about none
CROWD_SHARE = 0.5
CROWD_LEAD = 3.0  # the best standing out: this many times the runner-up's score
# topics
TOPIC_LEAD_CUES = 2
TOPIC_SHARE = 1 / 3
TOPIC_SPREAD = 0.25
TOPIC_SHORT = 8

_PREPOSITIONS = frozenset((
    "from", "to", "with", "by", "for", "than", "like", "as", "at", "on", "in", "into", "against", "between",
    "among", "via", "under", "over", "about", "behind", "including", "unlike", "versus", "vs", "vs.", "beside",
    "besides", "after", "before", "without", "toward", "towards", "through", "within", "onto", "per", "near",
    "across", "around", "beyond", "inside", "outside", "alongside", "amid", "despite", "upon"))
# words after which a name starts a clause: it can be the clause's doer
_OPENERS = frozenset((
    "that", "and", "but", "while", "when", "because", "so", "then", "whereas", "where", "if", "though",
    "although", "said", "says", "here", "now", "also", "meanwhile", "even", "yet", "why", "how", "unless",
    "whether", "once", "since", "until", "whilst", "or", "nor", "comes", "come"))
# a sentence opening with one of these opens with an adverbial phrase, not with its subject
_INTRO = _PREPOSITIONS | {"together", "along", "apart", "aside", "thanks", "due", "according", "following",
                          "compared", "if", "when", "while", "although", "though", "because", "since", "unless"}
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
_VERBS = frozenset((
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
    "face", "hold", "knows", "know", "thinks", "believes", "promises"))
_ADVERBS = frozenset(("also", "already", "now", "recently", "officially", "reportedly", "still", "then",
                      "itself", "too", "currently", "previously", "first", "later", "meanwhile", "alone",
                      "instead", "just", "finally", "again", "never", "quickly", "jointly", "together",
                      "formally", "publicly", "initially", "originally", "today", "yesterday", "both", "all",
                      "each"))
_TIME = re.compile(r"\s*(?:on|last|this|next|earlier|late|early)\s+\w+(?:\s+(?:year|week|month))?\b")
_TOKEN = re.compile(r"[\w][\w’'&.\-]*[\w’']|\w|[^\w\s]")
_WORD = re.compile(r"\s*([A-Za-z][\w’'-]*)")
# after a name: more of the company's name ("Motor Co.", "Europe Corp.", "(TMNA)")
_NAME_REST = re.compile(r"(?:\s+(?:[A-Z][\w&.\-’']*|&|de)|\s*\([^()]{1,40}\)|\s+[A-Z]\.)*")
# ", South Korea's second-largest automaker," ", which has started building a plant,"
_APPOSITIVE = re.compile(
    r"\s*,\s*(?!and\b|or\b)(?:[a-z(]|[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)?['’]s\b|(?:The|A|An|Its|One|Which|Who)\b)"
    r"[^,;:]{0,120},")
_POSSESSIVE = re.compile(r"['’]s?\b|['’](?=\s)")
_ALSO_AFTER = re.compile(r"\s+(?:\w+\s+)?also\b")
_COMPARISON = re.compile(
    r"\b(?:such as|like|likes of|including|includes|included|than|rivals?|competitors?|versus|vs\.?|"
    r"compared (?:with|to)|similar to|unlike|namely|as well as|same as|others?|among them|e\.g\.|"
    r"compete(?:s|d)? with|competing with|take on|takes on|rivall?ing|also named|"
    r"former|formerly|previously owned|one-?time|ex-|ahead of|followed by|trailed by|overtook|overtaking|"
    r"outsold|outselling)"
    r"(?:\s+[\w’'-]+){0,3}\s*[,:]?\s*$", re.IGNORECASE)
# lists of names: an item before the name (capitalised, maybe "Google parent Alphabet") and its
# separator; an item after it
_NOT_IN_ITEM = r"(?!(?:with|from|to|for|by|at|in|on|as|than|like|and|or|said|says)\b)"
_ITEM_BEFORE = re.compile(
    r"[A-Z][\w&.’'-]*(?:\s+(?:[A-Z][\w&.’'-]*|" + _NOT_IN_ITEM + r"[a-z][\w-]*)){0,3}?\s*(?:\([^()]{1,30}\)\s*)?"
    r"(?P<sep>,\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+|\s*&\s*|\s*/\s*)$")
_ITEM_AFTER = re.compile(
    r"(?:\s*\([^()]{1,30}\))?(?P<sep>\s*,\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+|\s*&\s*|\s*/\s*)"
    r"[A-Z][\w&.’'-]*(?!['’]s)(?:\s+[A-Z][\w&.’'-]*)*")
_SEPARATORS = (",", "&", "/", " and", " or")
_LAST_SEP = re.compile(r"\b(?:and|or)\b")
# between two names that are one mention: "Tesla's Model Y", "GAC Mitsubishi", "Great Wall Motor (GWM"
_JOIN = re.compile(r"(?:['’]s?)?[\s-]{0,2}\(?")
# between two names of one list: other names, commas, "and", brackets
_LINK_GAP = re.compile(r"(?:['’]s?)?(?:\s*\([^()]{0,30}\)|\s*(?:,|and|&|or)|\s+[A-Z][\w&.’'-]*)*\s*")
_JOINT = re.compile(r"joint[- ]venture|partnership|alliance|jointly|\bpartners?\b|merger|tie-up|co-develop",
                    re.IGNORECASE)
_CLAUSE_MARKS = frozenset((",", ";", ":", "(", "–", "—", "-", '"', "“", "‘"))
_WINDOW = 400  # characters of a sentence read before a name (a "sentence" of a PDF table can be huge)


class MentionFeatures(NamedTuple):
    """How one name is used in its sentence (see ``mention_features``)."""

    before: str  # what its noun phrase follows: start, clause (a comma...), opener (and, that...), of, prep, object
    verb: bool  # a verb follows the name (after its appositive, "on Monday", "also"...)
    also: bool  # ... with "also"
    possessive: bool  # "Toyota's"
    verb_before: bool  # a verb comes before it in its sentence
    verb_after: bool  # a verb comes after it in its sentence
    head: bool  # in the sentence's opening noun phrase: no comma before, no adverbial opening
    items: int  # names in its list (1: no list)
    compared: bool  # aside: after "such as", "including", "than", "former"...
    quoted: bool  # inside a quotation


def _is_verb(word: str) -> bool:
    low = word.lower()
    return word[:1].islower() and (low in _VERBS or (low.endswith("ed") and len(low) > 4 and "-" not in low))


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


# any verb in a stretch of text, in one search (a word of _VERBS, or of five letters or more in "-ed")
_ANY_VERB = re.compile(r"(?<![\w’'&-])(?:" + _trie(_VERBS) + r"|[a-z]\w{2,}ed)(?![\w’'&-])")
_COMPARISON_HINT = re.compile(_trie(("such as", "like", "includ", "than", "rival", "compet", "versus", "vs",
                                     "compar", "similar", "unlike", "namely", "as well as", "same as", "other",
                                     "among", "e.g.", "take", "also named", "former", "previously", "time",
                                     "ex-", "ahead of", "followed by", "trailed by", "overt", "outs")))
_FIRST_WORD = re.compile(r"\W*(\w+)")


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
    # a list of names around it: walk back and forward over the items
    items, list_start, closed = 1, len(prefix), False  # closed: the list's "and" is behind
    for n in range(8):
        if not prefix[:list_start].rstrip().endswith(_SEPARATORS):
            break
        m = _ITEM_BEFORE.search(prefix, max(0, list_start - 80), list_start)
        if m is None:
            break
        if _LAST_SEP.search(m.group("sep")):
            if n:  # "Together with Volkswagen, Tesla and Geely, Kia achieved": Kia is in no list
                items, list_start, closed = 1, len(prefix), False
                break
            closed = True
        items += 1
        list_start = m.start()
    after_list = 0
    for _ in range(0 if closed else 8):
        m = _ITEM_AFTER.match(suffix, after_list)
        if m is None:
            break
        items += 1
        after_list = m.end()
        if _LAST_SEP.search(m.group("sep")):
            break
    head_text = prefix[:list_start]
    window = head_text[-70:]
    low = window.lower()  # a quick look for the words before the full pattern
    compared = _COMPARISON_HINT.search(low) is not None and _COMPARISON.search(window) is not None
    # what the noun phrase holding the name (or its list) follows: back over its describing words
    tokens = _TOKEN.findall(head_text[-120:])
    j = len(tokens) - 1
    while j >= 0:
        t = tokens[j]
        low = t.lower()
        if low in _PREPOSITIONS or low == "of" or low in _OPENERS:
            break
        if (t[:1].isupper() or t[:1].isdigit() or low in _DESCRIBING or low in _DETERMINERS
                or ("-" in t and t[:1].isalpha()) or low.endswith(("'s", "’s"))):
            j -= 1
            continue
        break
    if j < 0:
        kind = "clause" if clipped or len(head_text) > 120 else "start"
    else:
        t = tokens[j]
        low = t.lower()
        if t in _CLAUSE_MARKS or not t[:1].isalpha():
            kind = "clause"
        elif low == "of":
            kind = "of"
        elif low in _PREPOSITIONS:
            kind = "prep"
        elif low in _OPENERS:
            kind = "opener"
        else:
            kind = "object"
    verb_before = _ANY_VERB.search(text, max(sent_start, start - _WINDOW), start) is not None
    opening = _FIRST_WORD.match(before)
    head = (not clipped and opening is not None and "," not in before
            and opening.group(1).lower() not in _INTRO)
    # what follows the name (or its list)
    rest = suffix[after_list:]
    possessive = _POSSESSIVE.match(rest) is not None
    verb = also = False
    if not possessive:
        rest = rest[_NAME_REST.match(rest).end():]
        m = _APPOSITIVE.match(rest)
        if m:
            rest = rest[m.end():]
        for _ in range(4):
            m = _TIME.match(rest)
            if m:
                rest = rest[m.end():]
                continue
            w = _WORD.match(rest)
            if w and w.group(1).lower() in _ADVERBS:
                also = also or w.group(1).lower() == "also"
                rest = rest[w.end():]
                continue
            break
        w = _WORD.match(rest)
        if w and _is_verb(w.group(1)):
            verb = True
            also = also or _ALSO_AFTER.match(rest, w.end()) is not None
    verb_after = _ANY_VERB.search(text, end, min(sent_end, end + 240)) is not None
    return MentionFeatures(kind, verb, also, possessive, verb_before, verb_after, head, items, compared, quoted)


def mention_weight(f: MentionFeatures) -> float:
    """The part a name plays in its sentence, as a factor (see the module's docstring)."""
    opens = f.before in ("start", "clause", "opener", "of")
    if f.verb and opens:
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


def _spans(text: str, mentions: dict) -> list[list]:
    """The mentions as [start, end, sentence, automakers]: a name written right after another
    ("Tesla's Model Y", "GAC Mitsubishi", "SAIC-GM-Wuling") is one span, of one or more automakers."""
    flat = sorted((start, end, i, aid) for aid, found in mentions.items() for i, start, end in found)
    spans: list[list] = []
    for start, end, i, aid in flat:
        if spans:
            last = spans[-1]
            if last[2] == i and start <= last[1] + 3 and (
                    start <= last[1] or _JOIN.fullmatch(text, last[1], start) is not None):
                last[1] = max(last[1], end)
                last[3].add(aid)
                continue
        spans.append([start, end, i, {aid}])
    return spans


@dataclass
class AutomakerScores:
    """What ``automaker_roles`` decides on: each automaker's score, those that may be subjects
    (named where a subject is named, or often enough), and the pairs linked as partners."""

    scores: dict[str, float] = field(default_factory=dict)
    qualified: set[str] = field(default_factory=set)
    links: set[tuple[str, str]] = field(default_factory=set)
    headline: set[str] = field(default_factory=set)  # named in the title as what acts or is acted on


def score_automakers(text: str, chars: list[tuple[int, int]], weights: list[float],
                     mentions: dict[str, list[tuple[int, int, int]]], *, title_weight: float = 3.0,
                     lead_weight: float = 2.0) -> AutomakerScores:
    """Score each automaker's mentions (``mentions``: automaker -> [(sentence, first character,
    end character)], characters in ``text``; ``chars``: each sentence's characters; ``weights``:
    each sentence's weight, ``title_weight`` for the title's, ``lead_weight`` for the lead's)."""
    first_body = next((i for i, w in enumerate(weights) if w != title_weight), len(weights))
    out = AutomakerScores(scores=dict.fromkeys(mentions, 0.0))
    scores, qualified, links = out.scores, out.qualified, out.links
    parts: dict[int, list] = {}  # sentence -> [(start, end, automakers, factor)]
    spans = _spans(text, mentions)
    per_sentence: dict[int, int] = {}
    for span in spans:
        per_sentence[span[2]] = per_sentence.get(span[2], 0) + 1
    for start, end, i, aids in spans:
        if weights[i] == title_weight or i == first_body:
            place = FIRST
        elif weights[i] == lead_weight:
            place = LEAD
        else:
            place = BODY
        if per_sentence[i] > TABLE_NAMES:  # a table or a long list: not worth reading name by name
            for aid in aids:
                scores[aid] += place * LISTED
            continue
        f = mention_features(text, chars[i], start, end)
        factor = mention_weight(f)
        if (place == FIRST and not f.compared and (f.items < LIST_ITEMS or factor >= 1.0)) or (
                place == LEAD and factor >= 1.0):
            qualified.update(aids)
            if weights[i] == title_weight and factor >= 1.0:
                out.headline.update(aids)
        for aid in aids:
            scores[aid] += place * factor
        if len(aids) > 1:  # one name of two automakers: a joint company
            links.update((a, b) for a in aids for b in aids if a != b)
        parts.setdefault(i, []).append((start, end, aids, factor))
    qualified.update(aid for aid, s in scores.items() if s >= MIN_SUBJECT)
    for i, found in parts.items():
        if len(found) < 2:
            continue
        # partners: in a sentence of a joint venture, both doers of the sentence, or one list
        best: dict[str, float] = {}
        for _, _, aids, factor in found:
            for aid in aids:
                best[aid] = max(best.get(aid, 0.0), factor)
        if len(best) < 2:
            continue
        joint = _JOINT.search(text, *chars[i]) is not None
        named = sorted(aid for aid, factor in best.items() if factor >= 1.0)
        doers = sorted(aid for aid, factor in best.items() if factor >= AGENT_ALSO)
        for group in (named if joint else (), doers):
            links.update((a, b) for a in group for b in group if a != b)
        for (_, e1, a1, f1), (s2, _, a2, f2) in itertools.pairwise(found):
            if a1 != a2 and min(f1, f2) >= 1.0 and s2 - e1 <= 120 and _LINK_GAP.fullmatch(text, e1, s2):
                links.update((a, b) for a in a1 | a2 for b in a1 | a2 if a != b)
    return out


def decide_automakers(scored: AutomakerScores) -> dict[str, str]:
    """Roles from scores (see the module's docstring)."""
    scores = scored.scores
    if not scores:
        return {}
    ranked = sorted(scores.values(), reverse=True)
    top = ranked[0]
    if (not scored.headline and len(ranked) >= CROWD and top < CROWD_SHARE * sum(ranked)
            and top < CROWD_LEAD * ranked[1]):
        return dict.fromkeys(scores, MENTION)
    leaders = {aid for aid, s in scores.items() if aid in scored.qualified and s >= SHARE * top}
    leaders |= scored.headline
    roles = {}
    for aid, s in scores.items():
        partner = aid in scored.qualified and s >= SHARE_LINKED * top and any(
            (aid, other) in scored.links for other in leaders)
        roles[aid] = SUBJECT if aid in leaders or partner else MENTION
    return roles


def automaker_roles(text: str, chars: list[tuple[int, int]], weights: list[float],
                    mentions: dict[str, list[tuple[int, int, int]]], *, title_weight: float = 3.0,
                    lead_weight: float = 2.0) -> dict[str, str]:
    """Each automaker's role, "subject" or "mention" (arguments as for ``score_automakers``)."""
    return decide_automakers(score_automakers(text, chars, weights, mentions, title_weight=title_weight,
                                              lead_weight=lead_weight))


def topic_roles(weights: list[float], hits: dict, *, title_weight: float = 3.0,
                lead_weight: float = 2.0) -> dict:
    """Each proven topic's role (``hits``: topic -> {sentence: cues}; ``weights``: each sentence's
    weight, the title's ``title_weight``, the lead's ``lead_weight``): see the module's docstring."""
    if not hits:
        return {}
    first_body = next((i for i, w in enumerate(weights) if w != title_weight), len(weights))
    weighted = {t: sum(weights[i] * n for i, n in found.items()) for t, found in hits.items()}
    total = sum(weighted.values())
    spread = max(2, TOPIC_SPREAD * len(weights))
    roles = {}
    for t, found in hits.items():
        cues = sum(found.values())
        sentences = len(found)
        first = min(found)
        subject = (first <= first_body  # the title or the first sentence
                   or (weights[first] >= lead_weight and cues >= TOPIC_LEAD_CUES)
                   or (weighted[t] >= TOPIC_SHARE * total and cues >= 2
                       and (sentences >= 2 or len(weights) <= TOPIC_SHORT))
                   or sentences >= spread)
        roles[t] = SUBJECT if subject else MENTION
    return roles
