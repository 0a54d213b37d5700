"""Classes of error found on blind sets 43 and 44 of real passages (issue 15: 180 passages from 180 new
pages, collected and labelled by four helpers who never ran the tagger, each set scored once before
anything was changed for it; the passages stay outside the repository), and on set 45 after it was
scored as the session's measurement. Each case is a sentence written for these tests, with its
counter-case. Rules: nlp/data/topics.yaml, nlp/data/automakers.yaml, nlp/features.py, nlp/people.py."""

from __future__ import annotations

import pytest

from tests.helpers import assert_topics

# (class, text, topics that must be tagged, topics that must not be)
TOPICS: list[tuple[str, str, list[str], list[str]]] = [
    # a ZEV mandate said by its sales targets
    ("ev-policy: carmakers earning credits toward their ZEV sales targets",
     "The government will let carmakers earn credits toward their ZEV sales targets until 2029.",
     ["ev-policy"], []),
    ("ev-policy: a carmaker's own sales targets are not",
     "The carmaker beat its own sales targets in the second quarter.",
     [], ["ev-policy"]),
    ("ev-policy: duties on vehicles manufactured in China",
     "The import duties on vehicles manufactured in China took effect in Canada.",
     ["ev-policy"], []),
    # hydrogen's production tax credit is not the cars'
    ("ev-policy: hydrogen production tax credits are not",
     "The company is not wavering even as debates over hydrogen production tax credits heat up in Congress.",
     [], ["ev-policy"]),
    ("ev-policy: EV tax credits still are",
     "Debates over EV tax credits heat up in Congress.",
     ["ev-policy"], []),
    # the steelworkers' unions by a short name
    ("workers-rights: the steel unions meeting the company to protect jobs",
     "The steel unions met senior managers of the steelmaker yesterday to protect jobs.",
     ["workers-rights"], []),
    ("workers-rights: steel output is not",
     "The mill's steel output rose by a tenth.",
     [], ["workers-rights"]),
    # trade unions as one of the voices on a law; a state's labour transfers; bitcoin's miners
    ("workers-rights: warnings from civil society and trade unions about a law are not",
     "Despite warnings from civil society and trade unions that the proposal would weaken protections, the "
     "Commission has persisted.",
     [], ["workers-rights"]),
    ("workers-rights: trade unions calling a strike still are",
     "Trade unions called a strike at the plant.",
     ["workers-rights"], []),
    ("workers-rights: workers in state-backed labour transfer programmes are due diligence's",
     "The aluminium industry relied on workers in state-backed labour transfer programmes, exposed to possible "
     "abuses.",
     [], ["workers-rights"]),
    ("workers-rights: abuses suffered by a smelter's workers still are",
     "Workers at the smelter suffered abuses, the union said.",
     ["workers-rights"], []),
    ("workers-rights: bitcoin miners running computers 24 hours a day are not",
     "Miners use computers 24 hours a day to validate transactions and earn Bitcoin in return.",
     [], ["workers-rights"]),
    ("workers-rights: miners working twelve hours a day still are",
     "Miners work twelve hours a day in the pits for low wages.",
     ["workers-rights"], []),
    # steel from scrap, or made a greener way
    ("green-steel: steel containing 70% scrap material",
     "Steel produced for the automaker will contain at least 70% scrap material.",
     ["green-steel"], []),
    ("green-steel: scrap material in plastic parts is not",
     "The plant's plastic parts contain scrap material from old bottles.",
     [], ["green-steel"]),
    ("green-steel: switching to a greener form of steel production",
     "The steelmaker is switching to a greener form of steel production which requires fewer staff.",
     ["green-steel"], []),
    ("green-steel: a steel bridge painted a greener shade is not",
     "The steel bridge was painted a greener shade.",
     [], ["green-steel"]),
    # the power that makes green steel is not power bought
    ("renewable-energy: steel made with electricity and hydrogen is not",
     "The company is exploring fossil-free steel, steel made with electricity and hydrogen energy instead of coal.",
     ["green-steel"], ["renewable-energy"]),
    ("renewable-energy: a plant run on renewable electricity still is",
     "The plant will run on renewable electricity from a wind farm.",
     ["renewable-energy"], []),
    # set 45 (after its measurement): water works at a mine site, or lithium's source, are no water use
    ("lithium-water: installing water lines and troughs at the mine site is not",
     "Early works construction is under way at the lithium mine site, which includes installing water lines and "
     "troughs.",
     ["lithium"], ["lithium-water"]),
    ("lithium-water: lithium extracted from thermal water is not",
     "Vulcan has signed supply agreements for lithium with two carmakers. Lithium extraction from thermal water is "
     "a new process.",
     ["lithium"], ["lithium-water"]),
    ("lithium-water: a mine pumping the aquifer till the wells run dry still is",
     "The lithium mine will pump water from the aquifer, and ranchers fear their wells will run dry.",
     ["lithium-water"], []),
    # set 45: aluminium smelted on solar power
    ("renewable-energy: solar aluminium",
     "The carmaker is the first customer for a blend of solar aluminium and recycled metal.",
     ["renewable-energy", "aluminium"], []),
    ("renewable-energy: recycled aluminium alone is not",
     "The carmaker is the first customer for a blend of primary aluminium and recycled metal.",
     [], ["renewable-energy"]),
    # critical minerals as a tax credit's eligibility rule; a company's conflict-minerals policy
    ("transition-minerals: the source of critical minerals as a key to eligibility is not",
     "Key to eligibility is the source of critical minerals used in their batteries.",
     [], ["transition-minerals"]),
    ("transition-minerals: a mine supplying critical minerals still is",
     "The mine will supply critical minerals to battery makers.",
     ["transition-minerals"], []),
    ("transition-minerals: a company's Conflict Minerals Policy is due diligence",
     "We also have a Human Rights and Conflict Minerals Policy that outlines our expectations to all suppliers.",
     ["human-rights-due-diligence"], ["transition-minerals"]),
    ("transition-minerals: conflict minerals that fund armed groups still are",
     "Conflict minerals from eastern Congo fund armed groups, the report said.",
     ["transition-minerals"], []),
]


@pytest.mark.parametrize("name, text, present, absent", TOPICS, ids=[c[0] for c in TOPICS])
def test_set43_topic_classes(tagger, name, text, present, absent):
    assert_topics(tagger, name, text, present, absent)


@pytest.mark.parametrize("text, automakers", [
    # the Maori greeting "Kia kaha" (be strong), like "Kia ora"
    ("This year's theme, \"Kia Kaha Te Reo Maori\", sets the tone for a week of festivities.", []),
    ("Kia sold more cars in New Zealand this year.", ["kia"]),
    # set 45: a chess grandmaster beside the title match
    ("Over 14 rounds, Indian GM Gukesh D won, securing a spot in the upcoming world championship match.", []),
    ("GM said it will build a battery plant, securing a spot in the race for EV supply.", ["gm"]),
    # the years of a post held at the company are no person's life ("the novels of Renault (1905-1983)" still are)
    ("He served as a CEO of Renault (2011-2013) before he ran PSA.", ["renault", "stellantis"]),
    ("The historical novels of Renault (1905-1983) are still read.", []),
    # Jaguar Land Rover written with a hyphen
    ("Over the weekend, Jaguar Land-Rover paused exports to the US.", ["tata"]),
    ("Over the weekend, a jaguar crossed the road near the river.", []),
])
def test_set43_automaker_names(tagger, text, automakers):
    assert sorted(a.id for a in tagger.tag(text).automakers) == automakers


@pytest.mark.parametrize("text, about", [
    # a plant's former owner, said as "the old facilities of"
    ("Chery is set to open a joint venture with a Spanish maker in the old facilities of Nissan in Barcelona.",
     ["chery"]),
    ("Chery is set to open a joint venture with Nissan in Barcelona.", ["chery", "nissan"]),
    # "the old Nissan plant": its former owner, as "a former Nissan plant" (not "the 100-year-old Ford plant")
    ("Construction of the old Nissan plant in Barcelona starts this Saturday. The plant closed in 2021, and a "
     "Chinese maker will reopen it.", []),
    ("The 100-year-old Ford plant in Dearborn was renovated and reopened on Monday.", ["ford"]),
    # a relative clause about a noun, with a comma between them, describes it: its doer is no subject
    ("Mahindra has lost its lead in the last two years. In a segment, where Tata Motors holds the lion's share, "
     "Mahindra has only one model.", ["mahindra"]),
    ("In the electric segment, Tata Motors holds the lion's share, and it is adding two models this year.", ["tata"]),
    # one of several doing the same
    ("Chinese EV makers have committed to invest in Thailand. Great Wall Motor (GWM) is one of several Chinese "
     "EV makers to make headway there.", []),
    ("Chinese EV makers have committed to invest in Thailand. Great Wall Motor (GWM) is opening a plant there.",
     ["great-wall"]),
])
def test_set43_role_classes(tagger, text, about):
    assert sorted(a.id for a in tagger.tag(text).automakers if a.role == "subject") == about
