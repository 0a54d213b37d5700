"""The words nlp.proposals reads a sentence by: the deal, kind, denial, talks, future and
material vocabularies, as compiled patterns. Kept apart from the reading so that each file does
one job: this one says which words count, proposals.py how a sentence is read with them."""

from __future__ import annotations

import re

TOKEN = re.compile(r"[’']s\b|\w+(?:-\w+)*|[^\w\s]")
BARRIERS = frozenset((";", "but", "while", "whereas", "although", "though", "however", "meanwhile"))
ASIDE_OPENERS = frozenset(("which", "who", "whose", "a", "an", "the", "formerly", "previously", "itself",
                            "once", "based", "owned", "headquartered", "part", "one", "like", "unlike", "not"))
COMPARE_BEFORE = re.compile(r"(?:\blike|\bunlike|\bthan|similar to|compared (?:with|to)|as with|as did|"
                             r"rather than|instead of|just as)\s*$")
# what may stand between two mentions of one list: "Volvo Cars, Mercedes-Benz and Scania",
# "cells from CATL and steel from SSAB"
LIST_WORDS = frozenset((",", "and", "or", "&", "/", "as", "well", "plus", "also", "both", "its", "their",
                         "rival", "rivals", "compatriot", "sister", "from", "with", "to", "by", "the", "'s",
                         "’s", "'", "’", "steel", "aluminium", "aluminum", "lithium", "nickel", "cobalt",
                         "graphite", "cells", "batteries", "materials", "cathode", "anode", "copper"))
LIST_MAX = 6
# a share of a company: "a minority interest in", "owns about a third of", "a 10 percent holding"
_HOLDING = (r"\b(?:minority|majority|controlling) (?:interest|holding|share)s?\b"
            r"|\bown(?:s|ed)? (?:\S+ ){0,3}(?:(?:third|quarter|half|fifth|tenth)s?|percent|per cent|%|majority|minority|shares?)(?!\w)")
# "set up a company", "established two companies", "formed a new company": a venture of its founders
_FOUNDED = (r"\b(?:set(?:s|ting)? up|form(?:s|ed|ing)?|establish\w*|creat(?:e|es|ed|ing)|launch(?:es|ed|ing)?) "
            r"(?:\S+ ){0,3}?compan(?:y|ies)\b")
# a headline's "GM, POSCO Future M to build cathode plant": the two build it together
BUILD_TOGETHER = re.compile(r"^to (?:jointly )?(?:build|set up|form|establish|create) (?:\S+ ){0,3}?"
                             r"(?:plants?|factor(?:y|ies)|gigafactor(?:y|ies)|refiner(?:y|ies)|compan(?:y|ies)|ventures?)\b")
# words that tie two companies in a deal, sought in the core between them
DEAL = re.compile(
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
    r"|\bselected\b|\bchose\b|\bchosen\b|\bpicked\b|\btapped\b|\bgets?\b|\bgot\b|\bobtain\w*|\breceiv\w*"
    r"|\b(?:picks|selects|chooses)\b|\bterm sheets?\b|\bheads of agreement\b|" + _HOLDING)
NOT_DEAL = re.compile(r"supply[- ]chains?|\bsold by\b|in order to|investors?|\bused to\b")
# after "A and S" (or "A-S"): only a deal noun or a reciprocal verb makes them partners
JOINT = re.compile(r"\b(?:agreements?|deals?|contracts?|pacts?|off-?takes?|memorand\w*|mous?|letters? of intent"
                    r"|joint[- ]ventures?|jvs?|venture|partnership|partnered|team(?:s|ed)? up|joined forces"
                    r"|term sheets?)\b|" + _FOUNDED)
PASSIVE_BEFORE = re.compile(r"\b(?:suppl|sold|deliver|provid|ship|bought|purchas|sourc|procur|made)\w*(?: \S+)? by\s*$")
AGENTS = re.compile(r"^'s (?:\S+ ){0,2}(?:suppliers?|partners?|rivals?|customers?|contractors?|subcontractors?"
                     r"|chief|executives?|ceo|chair\w*|founders?|head|boss|engineers?|employees?|staff|workers?"
                     r"|unions?|shareholders?|investors?|lawyers?|spokes\w+)\b")
NEAR = re.compile(r"\b(?:near|next to|beside|opposite)(?: (?!from\b|by\b|to\b|with\b|for\b)\S+){0,3}$")
CONTRAST = re.compile(r"\brather than\b|\binstead of\b")
RELATIVE_ONLY = re.compile(r"^, (?:whose|which|that)(?: \S+){0,3}$")
BETWEEN = re.compile(r"\bbetween\s*$|\b(?:joint[- ]ventures?|jvs?|venture|partnership) of\s*$")
POSSESSIVE_SUPPLIER = re.compile(r"^[’']s?\s*(?:\S+\s+){0,3}(?:supplier|partner|source)s?\b")
AS_SUPPLIER = re.compile(r"^as (?:a|an|its|their|the|one of its) (?:\S+ ){0,2}(?:suppliers?|partners?|sources?)\b")
SPEAKERS = frozenset(("executive", "executives", "spokesperson", "spokesman", "spokeswoman", "official", "officials",
                       "manager", "director", "chief", "ceo", "boss", "representative"))
QUOTES = frozenset(('"', "“", "”"))
LINKING = frozenset(("", ",", "is", "was", "remains", "became", "has become", "has been", "is now"))
DENIAL = re.compile(r"\bden(?:y|ies|ied|ying|ial)\b|\brefut\w*|\b(?:dismiss|reject)\w* (?:\S+ ){0,3}(?:reports?|claims?|speculation)"
                     r"|\buntrue\b|\bno truth\b|\bgroundless\b|\bbaseless\b|\bunfounded\b|\binaccurate\b",
                     re.IGNORECASE)
NEGATION = re.compile(r"\bnot\b|n[’']t\b|\bno\b|\bnever\b|\bnor\b|\bneither\b|\bnone\b|\bwithout\b"
                       r"|\brather than\b|\binstead of\b")
NOT_NEGATION = re.compile(r"\bnot (?:disclose|say|reveal|comment|give|specify|name|only)\w*|\bno\. ?\d")
ENDED = re.compile(r"\bscrap\w*|\bcancel\w*|\bterminat\w*|\bpull(?:ed|s|ing)? out\b|\bended\b|\bends\b(?! up)|\blapsed\b"
                    r"|\bending\b|\bwalk(?:ed|s)? away|\babandon\w*|\bwithdr[ae]w\w*|\bbacked out|\btore up"
                    r"|\bdropped\b|\bditch\w*|\bsuspend\w*|\bhalted\b|\bstopped\b|\bceased?\b|\bformer\b"
                    r"|\bexpired?\b|\bunwound\b|\bsold (?:its|their|the|a) (?:\S+ )?(?:stake|holding|shares|interest)|\bexit\w*|\bno longer\b"
                    r"|\bcollapsed\b|\bfell through|\bused to\b|\bdivest\w*|\bcut ties\b"
                    # paused: a deal on hold may never resume, and is not in force
                    r"|\bon hold\b|\bpaus(?:e|es|ed|ing)\b|\bshelv\w*|\bfr[oe]z(?:e|es|en)\b|\bmothball\w*")
TALKS = re.compile(r"\btalks?\b|\bnegotiat\w*|\bdiscuss\w*|\bconsider\w*|\bexplor\w*|\bweigh\w*|\beye(?:s|ing)\b"
                    r"|\bmull\w*|\bsaid to\b|\breported(?:ly)?\b|\brumou?r\w*|\bcould\b|(?-i:\bmay\b)|\bmight\b"
                    r"|\bpossibl\w*|\bpotential\w*|\bapproach\w*|\bcourt(?:s|ing)\b|\bseek\w*|\blooking to\b"
                    r"|\bhop(?:e|es|ing) to\b|\bwants? to\b|\bin the running\b|\bshortlist\w*|\bspeculat\w*"
                    r"|\bunconfirmed\b|\bclose to\b|\bexpect(?:s|ed|ing)?\b|\bif\b|\bwhether\b", re.IGNORECASE)
# hearsay: "is said to have agreed" is still hearsay, whatever the verb after it
RUMOUR = re.compile(r"\bsaid to\b|\bunderstood to\b|\bbelieved to\b|\brumou?r\w*|\bspeculat\w*|\bunconfirmed\b",
                     re.IGNORECASE)
CONCLUDED = re.compile(r"\b(?:signed|signs|agreed|inked|struck|sealed|finali[sz]ed|concluded)\b")
FUTURE = re.compile(r"\bwill\b|[’']ll\b|\bshall\b|\bwould\b|\b(?:is|are) to\b|\bto be\b|\bgoing to\b"
                     r"|\b(?:set|due|expected|scheduled|slated|plans?|planned|planning|aims?|intends?) to\b"
                     r"|\b(?:from|starting|beginning|starts?|begins?)(?: in| from)? (?:20\d\d|next)\b|\bby 20\d\d\b")
INFINITIVE = re.compile(r"^to (?:\S+ )?(?:suppl|buy|sourc|sell|deliver|provid|purchas|procur|ship|invest|take|build|form)")
# kinds by precedence: a memorandum for an offtake is a memorandum; a stake in a venture a venture
KIND_WORDS = (
    ("mou", re.compile(r"\bmemorand\w*|\bmous?\b|\bletters? of intent\b|\bterm sheets?\b|\bheads of agreement\b")),
    ("joint-venture", re.compile(r"\bjoint[- ]ventures?\b|\bjvs?\b|\bventure\b|" + _FOUNDED)),
    ("stake", re.compile(r"\bstakes?\b|\binvest(?:s|ed|ing|ment|ments)?\b|\bshareholding\b|\bequity\b|" + _HOLDING)),
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
MATERIALS = tuple((name, re.compile(rf"\b(?:{pattern})\b", re.IGNORECASE)) for name, pattern in _PRODUCTS + _RAW)
WINDOW = 5
JOINT_WINDOW = 10
