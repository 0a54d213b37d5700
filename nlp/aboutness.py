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
- part: how the name is used in its sentence, read off the words around it (``nlp.features``,
  whose docstring lists the parts): the doer 2 (1.4 with "also"), in the sentence's subject 1.5,
  an object 0.6, otherwise 1; times 0.5 in a list of three names or more, 0.25 after a
  comparison, an example or a past ("rivals such as", "a former Nissan plant"), or alone in
  brackets as an annotation ("tariffs from 17% (BYD) to 35.3% (SAIC)"), 0.5 inside a
  quotation.
  A name written right after another is one mention: "Tesla's Model Y" counts once, and
  "GAC Mitsubishi", "SAIC-GM-Wuling" are one mention of both automakers (a joint company). A
  "sentence" with more than ``TABLE_NAMES`` names is a table or a long list (a report's annex):
  each of its names counts as listed, without reading the words around it.

An automaker's score is the sum of its mentions' weights, a sentence counting once for each automaker
(its best mention there: "Stellantis (Chrysler and Dodge)" is one mention of Stellantis). Then:

- it may be a subject only if it is named in the title or the first sentence (not as a
  comparison, nor in a list unless the list does something), or in the lead as more than an
  object, or if its score reaches ``MIN_SUBJECT`` (several mentions): a name that appears once,
  late and as an object is a customer, a rival or an example whatever the others' scores (the
  supplier story "...a smelter to supply Hyundai" names no other automaker, and is about none);
  the one automaker a text names qualifies too when it acts ("BYD also integrates AI..."), is
  what an action is aimed at ("workers unite against Tesla") or is named three times ("...the
  strike against Tesla... new Tesla chargers"); so does the one automaker named as more than a
  comparison when it acts and is named twice ("to compete with Tesla, Nissan is figuring out");
- a supplier's story is not its customer's (``nlp.other_lede``): when another company (a supplier
  the tagger found, passed in as ``others``, or one named by its name's ending) is the doer of the
  title or the first sentence, no automaker acts there,
  and the automaker follows a word of supplying there ("BHP has inked a deal to supply nickel ...
  to Toyota", "Syrah will supply Tesla with graphite"), that mention counts as the body's, does
  not qualify it, and its score qualifies it only if it beats the supplier's. A partner ("a
  partnership with GAC Aion", "an agreement with Ford") is not a buyer: the rule leaves it be;
- it is a subject if its score is at least ``SHARE`` of the best score: the top automaker,
  and any other with almost as much weight;
- or, with at least ``SHARE_LINKED`` of the best, if it is linked to such a subject: named in
  one mention with it ("GAC Mitsubishi"), in the same list of names, or in the same sentence
  as a joint venture or partnership, or as a doer of the same sentence (not a rival the first
  sentence compares it with: "BYD surpassed its rival Tesla ... BYD delivered 1.76 million, slightly
  trailing Tesla, which delivered 1.79 million" is BYD's story) ("Honda Motor's joint
  venture with GAC Group will invest", "Kia signed ..., and Hyundai Motor formed"): two
  partners are both the subject, a rival in the next paragraph is not;
- the carmakers as a group: when the first sentence's doer is a plural of carmakers ("Five of the
  world's major carmakers aren't mapping...", "Chinese automakers BYD, Geely and SAIC have lodged
  complaints", "Some of the biggest car makers including BMW and VW are launching
  investigations"; ``nlp.together.group_doer``; not "are among", nor an object), the automakers it
  names are the subjects, and only they; if it names none, the automakers named together later
  (in a sentence naming two or more: "It accused car makers including GM, Renault-Nissan, ...")
  are, provided no automaker is a subject of its own (named in the lead, or often: "In Europe,
  automakers can pool ... that's where Tesla comes in"). Not when one of the group stands out
  (three times the next one's score: "Several automakers, including GM, Ford and Toyota, idled
  plants. GM cancelled shifts..." is GM's story). The same when the first sentence's action is
  aimed at the two or more carmakers it lists ("filed a complaint against Volkswagen, BMW and
  Mercedes-Benz", "sought information from Ford, GM, Honda and Toyota", a strike at, an inquiry
  into, a suit against: ``GROUP_TARGET``); a list of sales figures or a recall's makes is no
  target. When that action is aimed at the carmakers as a group without names ("will vote on
  strikes against the Detroit 3 automakers"), the automakers a later sentence names together are
  the subjects, as for a group doer (``GROUP_TARGET_PLURAL``);
- a crowd is about none: with ``CROWD`` automakers or more, when the best has less than half of
  all the weight and less than three times the runner-up's (export rankings, sales roundups);
  two partners at the top (linked, both with ``SHARE`` of the best, both named in the title or
  the first sentence, "Hyundai Motor and its smaller affiliate Kia" too) count as one, against the
  runner-up outside the pair ("Honda and Nissan are in talks to merge ... rivals like Tesla");
  names that act together in the first sentence ("Stellantis, Toyota and Subaru have not signed
  up to the pool led by Tesla", fewer than ``GROUP_MAX``) are a group, as a plural doer is;
- but an automaker the title names as more than an object, a comparison or one of a list
  ("Kia and Nissan join call for a moratorium", "... – Stellantis still warns of fines") is a
  subject however many others the text names: the headline says what the story is about.

Measured on the real passages (``python -m benchmarks realtext``): role accuracy 0.970 on the dev
part, 0.927 held out (0.42 if all are mentions); blind sets 0.79 to 0.93 (``benchmarks/blind_sets.md``).

Topics: ``nlp.topic_roles``.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

from .features import AGENT, AGENT_ALSO, LIST_ITEMS, LISTED, SUBJECT_NP, WORD, is_verb, mention_features, mention_weight
from .other_lede import other_companies, others_score, supplies
from .layout import lede_index
from .together import (CARMAKER_NOUN, GROUP_TARGET, JOINT, LINK_GAP, aimed_at, and_others, group_doer, group_named_later,
                       jv_partner, lede_referent, market_movers, name_spans, owns_site, the_two)

SUBJECT, MENTION = "subject", "mention"

# where a mention stands (see the module's docstring)
FIRST = 3.0  # the title or the first body sentence
LEAD = 2.0  # the rest of the lead paragraph
BODY = 1.0
TABLE_NAMES = 12  # a "sentence" naming more automakers than this is a table or a list: all listed
MIN_SUBJECT = 2.5  # (the decision) a score that makes an automaker a possible subject wherever it is named
SHARE = 0.8  # of the best score: a subject
SHARE_LINKED = 0.3  # of the best score: a subject when linked to a subject
CROWD = 4  # this many automakers or more, none standing out: about none
CROWD_SHARE = 0.5
CROWD_LEAD = 3.0  # the best standing out: this many times the runner-up's score
OVERSHADOWED = 3.0  # the one automaker named is not the story when the other companies weigh this many times as much
GROUP_MAX = 6  # carmakers named as one group (a lede's doer or target): this many or more, a roundup

# a name alone in brackets (not right after another name: "Great Wall Motor (GWM)" is one mention)
_BRACKET_OPEN = re.compile(r"\(\s*$")
_BRACKET_CLOSE = re.compile(r"\s*\)")
# a name with its figure, as a table's entry: "BYD: 17.4%;" (not a title's "Ford: 2024 sales up 5%")
_VALUE = re.compile(r"\s*:\s*[-+]?[$€£¥]?\d[\d.,]*\s*(?:%|per\s?cent\b|[mb]n?\b|[;,)]|$)", re.IGNORECASE)
# the writer's own company: "our Mercedes-Benz Human Rights Respect System", "Volvo Recharge, our new line",
# or its parent: "As a Mercedes-Benz Group AG company, we perfectly align"
_OUR_BEFORE = re.compile(r"\b[Oo]ur\s+$")
_OUR_BUSINESS = re.compile(r"\b[Oo]ur\s+(?:[\w-]+\s+)?(?:suppliers?|products|customers|employees|plants|factories|operations|"
                           r"supply\s+chains?|business|partners|sites)\b")  # a company's, not a family's "our"
_OUR_AFTER = re.compile(r"(?:\s+[A-Z][\w-]*){0,3}\s*,\s+our\b"
                        r"|(?:\s+[A-Z][\w-]*){0,3}\s+(?:company|subsidiary|brand|member|affiliate)\s*,\s+(?:we|our)\b")
# the one automaker named, called by what it is: "The upstart electric car company", "the automaker said"
_CARMAKER_AGAIN = re.compile(r"\b[Tt]he\s+(?:[\w-]+\s+){0,3}?" + CARMAKER_NOUN)


@dataclass
class AutomakerScores:
    """What ``automaker_roles`` decides on: each automaker's score, those that may be subjects
    (named where a subject is named, or often enough), and the pairs linked as partners."""

    scores: dict[str, float] = field(default_factory=dict)
    qualified: set[str] = field(default_factory=set)
    links: set[tuple[str, str]] = field(default_factory=set)
    headline: set[str] = field(default_factory=set)  # named in the title as what acts or is acted on
    lede: set[str] = field(default_factory=set)  # named in the title or first sentence, not as an object or example
    group: set[str] = field(default_factory=set)  # the carmakers the lede's plural doer stands for
    targeted: bool = False  # the group is what the lede's action is aimed at, listed there (a complaint against them)
    # two automakers the lede names together, as a pair ("EVs made by Hyundai Motor and Kia Motors
    # were left off the list"): partners of one story, whatever part they play in the sentence
    together: set[str] = field(default_factory=set)
    jv: set[str] = field(default_factory=set)  # named as another's joint-venture partner: a subject beside it
    first: set[str] = field(default_factory=set)  # named in the title or first sentence, not as an example
    rivals: set[str] = field(default_factory=set)  # named there as a comparison: "BYD surpassed its rival Tesla"


def score_automakers(text: str, chars: list[tuple[int, int]], weights: list[float],
                     mentions: dict[str, list[tuple[int, int, int]]], *, title_weight: float = 3.0,
                     lead_weight: float = 2.0, others=()) -> AutomakerScores:
    """Score each automaker's mentions (``mentions``: automaker -> [(sentence, first character,
    end character)], characters in ``text``; ``chars``: each sentence's characters; ``weights``:
    each sentence's weight, ``title_weight`` for the title's, ``lead_weight`` for the lead's;
    ``others``: the other companies' mentions, [(sentence, first character, end character)]: the
    suppliers the tagger found)."""
    first_body = lede_index(weights, title_weight, lead_weight)
    out = AutomakerScores(scores=dict.fromkeys(mentions, 0.0))
    scores, qualified, links = out.scores, out.qualified, out.links
    parts: dict[int, list] = {}  # sentence -> [(start, end, automakers, factor)]
    spans = name_spans(text, mentions)
    per_sentence: dict[int, int] = {}
    acts: set[str] = set()  # automakers with a mention as the doer of its sentence
    for span in spans:
        per_sentence[span[2]] = per_sentence.get(span[2], 0) + 1
    # another company (a supplier, a miner) the doer of the title or the first sentence: its story
    movers = market_movers(text, spans)
    # a page its company writes as "we" from its lede on ("We work closely with our suppliers ... the Volvo Cars' Code")
    first_person = (len(mentions) == 1 and first_body < len(chars) and text.startswith(("We ", "Our "), chars[first_body][0])
                    and _OUR_BUSINESS.search(text) is not None)
    others, led_by_other = other_companies(text, chars, weights, first_body, spans, others, title_weight)
    for start, end, i, aids in spans:
        if i in led_by_other:
            f = mention_features(text, chars[i], start, end)  # (kept for the loop below: nlp.features caches it)
            if mention_weight(f) >= SUBJECT_NP:
                led_by_other.discard(i)  # an automaker acts there too: "MP Materials and GM announced"
    buyers: set[str] = set()  # automakers the other company's lede supplies
    early: set[str] = set()  # automakers named in the title or the first sentence
    pairs_first: dict[int, set[str]] = {}  # the first sentence's names in a list of two: start -> automakers
    sentence_best: dict[tuple[str, int], float] = {}
    plain: set[str] = set()  # automakers named once at least as more than a comparison
    aside: set[str] = set()  # first named after the subject was said not to be the only one: its examples
    aside_from: int | None = None
    for start, end, i, aids in spans:
        buyer = i in led_by_other and supplies(text, chars[i][0], start, end)
        if buyer:  # "BHP has inked a deal to supply nickel ... to Toyota": the lede is not its own
            place = BODY
            buyers.update(aids)
        elif weights[i] == title_weight or i == first_body:
            place = FIRST
            early.update(aids)
        elif weights[i] == lead_weight:
            place = LEAD
        else:
            place = BODY
        if per_sentence[i] > TABLE_NAMES:  # a table or a long list: not worth reading name by name
            for aid in aids:  # (once per automaker: "Stellantis brands (like Fiat, Chrysler, Dodge and Jeep)")
                if (aid, i) not in sentence_best:
                    scores[aid] += place * LISTED
                    sentence_best[aid, i] = place * LISTED
            continue
        f = mention_features(text, chars[i], start, end)
        if f.example and len(mentions) > 1:  # one of the examples ("Volvo, for instance, ... Mercedes has ...")
            f = f._replace(compared=True)
        elif f.compared and owns_site(text, chars[i][0], start):  # "the plant, owned by Mercedes-Benz, began"
            f = f._replace(compared=False)
        if len(mentions) == 1 and (_OUR_BEFORE.search(text, max(0, start - 5), start) or _OUR_AFTER.match(text, end)
                                   or (first_person and f.possessive)):  # (its own code: not "Our customers include")
            qualified.update(aids)  # a company's own page, in the first person, naming itself: its news
        if (_BRACKET_OPEN.search(text, max(0, start - 3), start) and _BRACKET_CLOSE.match(text, end)) or _VALUE.match(text, end) \
                or start in movers:
            # a name alone in brackets annotates: "tariffs from 17% (BYD)"; so does one that labels a
            # figure, an entry of a table: "the individual duties are: BYD: 17.4%; Geely: 19.9%"; and a
            # market report's movers (``market_movers``)
            f = f._replace(compared=True)
        elif f.not_only and all(scores[aid] for aid in aids):
            # the story's subject said not to be the only one ("... a step for Stellantis. Stellantis
            # is not the only automaker eyeing Indonesia's nickel. Tesla has..."): the others are the aside
            f = f._replace(compared=False)
            aside_from = i if aside_from is None else aside_from
        elif aside_from is not None and i > aside_from and all(aid in aside or not scores[aid] for aid in aids):
            aside.update(aids)
            f = f._replace(compared=True)
        factor = mention_weight(f)
        if place == FIRST and f.items == 2 and not f.compared and weights[i] != title_weight:
            pairs_first.setdefault(start, set()).update(aids)
        if place == FIRST and f.compared:
            out.rivals.update(aids)
        if not f.compared:
            plain.update(aids)
        if (place == FIRST and not f.compared and (f.items < LIST_ITEMS or factor >= 1.0)) or (
                place == LEAD and factor >= 1.0 and not led_by_other):
            qualified.update(aids)
            if place == FIRST:
                out.first.update(aids)
            if weights[i] == title_weight and factor >= 1.0:
                out.headline.update(aids)
            if place == FIRST and factor >= 1.0:
                out.lede.update(aids)
        for aid in aids:  # a sentence counts once for each automaker: its best mention there
            best_in = sentence_best.get((aid, i), 0.0)
            if place * factor > best_in:
                scores[aid] += place * factor - best_in
                sentence_best[aid, i] = place * factor
        if factor >= AGENT or (f.also and f.verb and f.before == "start" and not others):
            acts.update(aids)
        if len(aids) > 1:  # one name of two automakers: a joint company
            links.update((a, b) for a in aids for b in aids if a != b)
        if jv_partner(text, chars[i][0], start, end) or (  # ... or what the lede's action is aimed at: "filed a
                place == FIRST and not f.compared and factor < AGENT and aimed_at(text, chars[i][0], start)):  # report against BYD"
            out.jv.update(aids)
            qualified.update(aids if place != BODY else ())  # "a joint venture between Vale, Huayou, and Ford" in the lead
        parts.setdefault(i, []).append((start, end, aids, factor))
    # named often enough, and, in another company's story, more than that company (an automaker it names only after
    # its lede, a partner or a customer: "Ford and Volvo are the first automakers to support it", counts as a buyer does)
    late = {aid for aid in scores if aid not in early} if led_by_other else set()
    doubted = [aid for aid in buyers | late if scores[aid] >= MIN_SUBJECT]  # (the other company's score is read for them only)
    other_score = others_score(text, chars, weights, first_body, others, title_weight, lead_weight, (FIRST, LEAD, BODY)) if doubted else 0.0
    qualified.update(aid for aid, s in scores.items()
                     if s >= MIN_SUBJECT and not (aid in doubted and s <= other_score))
    # "Five of the world's major carmakers aren't mapping...", "Chinese automakers BYD, Geely and
    # SAIC have lodged complaints": the lede's doer is the carmakers, as a group
    lede_spans = [span for span in spans if span[2] == first_body]
    in_lede = {aid for span in lede_spans for aid in span[3]}
    for aid in lede_referent(text, chars[first_body], first_body, spans) if first_body < len(chars) else ():
        qualified.add(aid)  # "The Korean automaker said ...": the one named after the lede is its doer, there
        scores[aid] += FIRST
    doer = first_body < len(chars) and group_doer(text, chars[first_body])
    # (or at them as the plural that follows them: "joined by their counterparts at Kia, staged strikes against the automakers")
    targeted = len(in_lede) >= 2 and not doer and (GROUP_TARGET.search(text, chars[first_body][0], lede_spans[0][0])
                                                   or group_named_later(text, *chars[first_body]))
    n_others = bool(in_lede) and and_others(text, *chars[first_body])  # "Toyota and four other automakers", named later
    named_together = {aid for _, _, i, aids in spans if per_sentence[i] >= 2 for aid in aids}  # (with another name)
    if (len(in_lede) >= 2 and (doer or targeted)) or n_others:
        # ... or the lede's action is aimed at the carmakers it lists, together: "filed a complaint against Volkswagen, BMW and
        # Mercedes-Benz", "the strike is targeting plants of Ford, General Motors and Stellantis": theirs, even when one is named again
        out.group = in_lede | (named_together if n_others else set())
        out.targeted = bool(targeted or n_others)
    elif first_body < len(chars) and ((not in_lede and doer) or (len(in_lede) <= 1 and group_named_later(text, *chars[first_body]))):
        # the group named later, together: "accused car makers including GM, ...", "strikes against the Detroit 3 automakers"
        # a lede naming one of them is aimed at them all ("Stellantis ... as a strike against the Detroit Three enters")
        out.targeted = bool(in_lede) and (in_lede <= named_together or len(named_together) >= 2)
        out.group = named_together | (in_lede if out.targeted else set())
    elif first_body < len(chars) and not in_lede and (pair := the_two(text, chars[first_body], first_body, spans)):
        out.group, out.targeted = pair, True  # "the two brands saw ...": the two named later ("Hyundais and Kias")
    together = set().union(*pairs_first.values()) if pairs_first else set()
    if len(pairs_first) == 2 and len(together) == 2 and not together & buyers:
        a, b = sorted(together)
        links.update(((a, b), (b, a)))
        out.together = together
    own = [aid for aid in scores if aid in plain]
    times = sum(own[0] in span[3] for span in spans) if len(own) == 1 else 0
    if times and len(scores) == 1:
        # each later "the carmaker" names it again; before a verb, there or as the lede's doer, it acts
        # ("the Japanese automaker is building", "The auto-maker has announced")
        again = list(_CARMAKER_AGAIN.finditer(text, spans[0][1]))
        times += len(again)
        if first_body < len(chars) and (lede := _CARMAKER_AGAIN.match(text, chars[first_body][0])):
            again.append(lede)
        if any((verb := WORD.match(text, m.end())) and is_verb(verb.group(1)) for m in again):
            acts.update(scores)
    if len(own) == 1 and not buyers and not late and (
            (own[0] in acts or times >= 3 or any(aimed_at(text, chars[i][0], start) for start, _, i, aids in spans
                                                 if own[0] in aids))  # (even after "other workers unite against")
            if len(scores) == 1 else (own[0] in acts and times >= 2)) and not (
            # ... not when another company weighs far more (a miner "that partners with firms contracted by Tesla")
            others and others_score(text, chars, weights, first_body, others, title_weight, lead_weight, (FIRST, LEAD, BODY))
            > OVERSHADOWED * scores[own[0]]):
        # the one automaker named, and it acts, is what an action is aimed at ("workers unite
        # against Tesla"), or is named three times: its news, however late; when the others are
        # only comparisons, it has to act and be named twice ("It's an interesting choice for
        # Nissan ... to compete with Tesla, Nissan is just figuring out new things")
        qualified.update(own)
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
        for aid in best.keys() & out.jv:  # a joint-venture partner and the automakers beside it
            links.update(link for b in best if b != aid for link in ((aid, b), (b, aid)))
        joint = JOINT.search(text, *chars[i]) is not None
        named = sorted(aid for aid, factor in best.items() if factor >= 1.0)
        doers = sorted(aid for aid, factor in best.items() if factor >= AGENT_ALSO)
        for group in (named if joint else (), doers):
            links.update((a, b) for a in group for b in group if a != b)
        for (_, e1, a1, f1), (s2, _, a2, f2) in itertools.pairwise(found):
            if a1 != a2 and min(f1, f2) >= 1.0 and s2 - e1 <= 120 and LINK_GAP.fullmatch(text, e1, s2):
                links.update((a, b) for a in a1 | a2 for b in a1 | a2 if a != b)
    if not out.group and first_body < len(chars):
        # two names or more that act together in the lede ("Stellantis, Toyota and Subaru have not
        # signed up to the pool led by Tesla"): the group is named, not described
        doers = {aid for _, _, aids, factor in parts.get(first_body, ()) if factor >= AGENT_ALSO * LISTED
                 for aid in aids if aid in out.lede}
        if 2 <= len(doers) < GROUP_MAX and all(any((a, b) in links for b in doers) for a in doers):
            out.group = doers
    return out


def decide_automakers(scored: AutomakerScores) -> dict[str, str]:
    """Roles from scores (see the module's docstring)."""
    scores = scored.scores
    if not scores:
        return {}
    ranked = sorted(scores.values(), reverse=True)
    top = ranked[0]
    # two partners well ahead of the rest stand out together ("Honda and Nissan are in talks to
    # merge ... rivals like Tesla, BYD"): the pair's score against the runner-up outside it
    first = max(scores, key=scores.get)
    pair = {first} | {aid for aid, s in scores.items() if s >= SHARE * top and (first, aid) in scored.links}
    if not (pair <= scored.lede | scored.first or pair <= scored.together):  # partners the lede names, not two of a roundup's body
        pair = {first}
    standing = sum(scores[aid] for aid in pair) if len(pair) == 2 else top
    runner_up = max((s for aid, s in scores.items() if aid not in pair), default=0.0) if len(pair) == 2 else (
        ranked[1] if len(ranked) > 1 else 0.0)
    group = sorted((scores[aid] for aid in scored.group), reverse=True)
    if len(group) >= GROUP_MAX:
        # six carmakers or more as one group are a roundup ("Automakers including Stellantis,
        # Toyota, Ford, Mazda and Subaru will pool with Tesla, while Mercedes, Polestar...")
        return dict.fromkeys(scores, MENTION)
    if len(group) >= 2 and (scored.targeted or group[0] < CROWD_LEAD * group[1] and (
            scored.lede & scored.group or not scored.qualified - scored.group)):
        # the carmakers as a group are the doer of the lede, none of them standing out ("Several
        # automakers, including GM, Ford and Toyota, idled production. GM canceled ... GM's plant
        # makes ..." is GM's story), and, when the lede names none of them, no other automaker
        # is a subject (named in the lead, or often): the group names only examples. A group the
        # lede lists as the target of its action all face it, however often one is named later
        return {aid: SUBJECT if aid in scored.group else MENTION for aid in scores}
    if (not scored.headline and len(ranked) >= CROWD and standing < CROWD_SHARE * sum(ranked)
            and standing < CROWD_LEAD * runner_up):
        return dict.fromkeys(scores, MENTION)
    leaders = {aid for aid, s in scores.items() if aid in scored.qualified and s >= SHARE * top}
    leaders |= scored.headline
    roles = {}
    for aid, s in scores.items():
        linked = any((aid, other) in scored.links for other in leaders)
        # a joint-venture partner: a subject beside the leader it is linked to, or beside the
        # story's leaders when its sentence names no other automaker ("SAIC, its joint venture partner")
        # (not a rival the lede compares the subject with, however often its figures are given)
        partner = (aid in scored.qualified and aid not in scored.rivals and s >= SHARE_LINKED * top and linked) or (
            aid in scored.jv and leaders and (linked or not any(link[0] == aid for link in scored.links)))
        roles[aid] = SUBJECT if aid in leaders or partner else MENTION
    return roles


def automaker_roles(text: str, chars: list[tuple[int, int]], weights: list[float],
                    mentions: dict[str, list[tuple[int, int, int]]], *, title_weight: float = 3.0,
                    lead_weight: float = 2.0, others=()) -> dict[str, str]:
    """Each automaker's role, "subject" or "mention" (arguments as for ``score_automakers``)."""
    return decide_automakers(score_automakers(text, chars, weights, mentions, title_weight=title_weight,
                                              lead_weight=lead_weight, others=others))
