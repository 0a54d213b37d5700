"""A name's tie to another company's story, said in the words around it (``nlp.features``).

An automaker named as the owner or backer of another company, as a person's past employer, as a
supplier's customer or through its dealers is not what the sentence is about: the other company,
or the person, is. Such a name weighs as a comparison does (``features.COMPARED``)."""

from __future__ import annotations

import re

# the name as the owner of what it describes: "the Geely-owned firm", "a Tesla-backed startup"
_OWNER_OF = re.compile(r"-(?:owned|backed|controlled|funded|financed|affiliated)\b", re.IGNORECASE)
# a person's past tie to the company, said after its name: "founded by Tesla co-founder JB Straubel", "a Ford veteran":
# the story is the person's new company's; so is a company that works for it or sells its cars ("A Hyundai supplier has been
# fined", "the Kia dealership"), or it or its possessive describes: "Hyundai affiliate Kia", "Hyundai Motor Group's affiliate Kia said"
_PAST_TIE = re.compile(r"\s+(?:co-?founders?|alumn(?:us|i|ae?)|alums?|veterans?|suppliers?|contractors?|subcontractors?|"
                       r"vendors?|dealers?|dealerships?|franchisees?)\b|\s+(?:affiliate|subsidiary|unit|sister company|sister brand)\s+(?=(?-i:[A-Z]))|"
                       r"['’]s?\s+(?:[\w-]+\s+){0,2}?(?:affiliate|unit|"
                       r"subsidiary|arm|division|sister company|supplier|partner|spin-?off)\s+(?=(?-i:[A-Z]))", re.IGNORECASE)
# ... or the parent named in another company's description: "Hyundai Steel Co., a unit under South Korean auto giant
# Hyundai Motor Group", "Kia, part of Hyundai Motor Group" (the story is the unit's)
_PARENT_OF = re.compile(r",\s+(?:(?:a|an|the)\s+(?:[\w-]+\s+){0,2}?(?:unit|subsidiary|affiliate|arm|division|sister company|member)"
                        r"|(?:(?:a|an)\s+)?part)\s+(?:of|under|within)\s+(?:the\s+)?(?:[\w’'-]+\s+){0,4}$", re.IGNORECASE)
# ... or one of the name's own ties, said of another company: "CATL, ... one of Tesla's main battery suppliers"
_ONE_OF = re.compile(r"\bone of\s*$", re.IGNORECASE)
_TIE_OF = re.compile(r"['’]s?\s+(?:[\w-]+\s+){0,2}?(?:suppliers|customers|clients|partners|vendors|contractors|"
                     r"shareholders|investors|backers)\b", re.IGNORECASE)
# ... or a person's former employer, or the one another company hires from: "Ousted Nissan Motor CEO Carlos Ghosn's
# close ally ... has been hired by Hyundai", "Aston Martin has poached a Nissan executive" (not the company's own
# people: "Ford CEO Jim Farley said", "outgoing Renault chief")
_FORMER = re.compile(r"\b(?:former|ex-|ousted|onetime|one-time|erstwhile)\s*$|"
                     # ... or the post a person left: "José Muñoz, who resigned as Nissan’s chief performance officer"
                     r"\b(?:resign(?:s|ed|ing)?|quit|quits|quitting|left|leaves|leaving|step(?:s|ped|ping)?\s+down)\s+as\s*$|"
                     r"\b(?:poach\w*|hir(?:e|es|ed|ing)|recruit\w*|lur(?:e|es|ed|ing))\s+(?:a|an)\s+(?:former\s+|senior\s+|top\s+)?$",
                     re.IGNORECASE)
_POST = re.compile(r"(?:\s+(?:Motor|Motors|Group|Co\.?|Corp\.?|AG|SE|Inc\.?|Ltd\.?|plc|Company|Corporation))?(?:['’]s)?\s+(?:chief|CEO|COO|CFO|CTO|executive|boss|head|"
                   r"president|chairman|chairwoman|engineer|designer|manager|director|official)\b", re.IGNORECASE)

# ... or the sponsor in the name of a sports event, league or team ("three Land Rover U.S. Alpine Ski Team athletes",
# "the Hyundai A-League season"): the event's story (not its own racing team: "Toyota Gazoo Racing")
_SPONSORED = re.compile(r"(?-i:(?:[\s-]+[A-Z][\w.&’']*){0,4})[\s-]+(?-i:Team|League|Cup|Championship|Championships|Open|Classic|Trophy|"
                        r"Masters|Marathon|Invitational|Fashion Week|Ocean Race|Tournament of Champions)\b(?<!Racing Team)")


_FORMER_HINTS = ("former", "ex-", "ousted", "onetime", "one-time", "erstwhile", "poach", "hir", "recruit", "lur",
                 "resign", "quit", "left", "leav", "step")
_SPONSORED_HINTS = ("Team", "League", "Cup", "Championship", "Open", "Classic", "Trophy", "Masters", "Marathon",
                    "Invitational", "Fashion Week", "Ocean Race", "Tournament")


def tied(window: str, rest: str) -> bool:
    """Whether the words before a name's noun phrase (``window``) and after the name or its list
    (``rest``) tie it to another's story: see the module's docstring. (The former employer's and the
    sponsor's patterns are tried only where a word of theirs is: most names have none.)"""
    if (_PAST_TIE.match(rest) is not None or _OWNER_OF.match(rest) is not None
            or (_TIE_OF.match(rest) is not None and _ONE_OF.search(window) is not None)
            or ((" of " in window or " under " in window or " within " in window) and _PARENT_OF.search(window) is not None)):
        return True
    low = window[-40:].lower()
    if any(w in low for w in _FORMER_HINTS) and _POST.match(rest) is not None and _FORMER.search(window) is not None:
        return True
    head = rest[:120]
    return rest[:1] == " " and any(w in head for w in _SPONSORED_HINTS) and _SPONSORED.match(rest) is not None
