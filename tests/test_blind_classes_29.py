"""Classes of error found on blind sets 29 to 32 of real passages (issue 15: 90 passages each,
collected and labelled by two helpers who never ran the tagger, each scored once before anything was
changed for it; the passages stay outside the repository). Each case is a sentence written for these
tests, with its counter-case. Rules: nlp/data/topics.yaml, nlp/data/automakers.yaml,
nlp/name_lists.py, nlp/features.py, nlp/mentions.py, nlp/people.py."""

from __future__ import annotations

import pytest

from tests.helpers import assert_topics

# (class, text, topics that must be tagged, topics that must not be)
TOPICS = [
    # a people's sacred place or their law, said with "tribal" or "Indigenous" before it
    ("indigenous-rights: a mine that would destroy a sacred tribal area",
     "Opponents say the open-pit mine will destroy a sacred tribal area in the desert.",
     ["indigenous-rights"], []),
    ("indigenous-rights: Indigenous law changing mineral claims",
     "Mining companies must now follow Indigenous law before a new mineral claim is granted in the province.",
     ["indigenous-rights"], []),
    ("indigenous-rights: a sacred cow is not",
     "Cutting the fuel subsidy, long a sacred cow of national politics, angered voters.",
     [], ["indigenous-rights"]),
    # an EV programme by its name beside a plan's conditions; a policy with its acronym in brackets;
    # a government's white paper on EVs
    ("ev-policy: Thailand's EV 3.0 plan and its conditions",
     "Under the EV 3.0 plan, importers must build as many cars locally as they ship in by 2026.",
     ["ev-policy"], []),
    ("ev-policy: New Energy Vehicle (NEV) policies",
     "Dealers said the government was too slow in adopting New Energy Vehicle (NEV) policies.",
     ["ev-policy"], []),
    ("ev-policy: a ministry's white paper on EVs",
     "The ministry released its white paper on electric vehicles in December.",
     ["ev-policy"], []),
    ("ev-policy: a white paper on something else is not",
     "The ministry released its white paper on water tariffs in December.",
     [], ["ev-policy"]),
    # a supply chain's CO2e, written with the equivalent's "e"
    ("supply-chain-emissions: CO2e cut in the supply chain",
     "In the supply chain, green power is the biggest lever for CO2e-reducing measures.",
     ["supply-chain-emissions"], []),
    ("supply-chain-emissions: a plant's own CO2e is not",
     "The plant in Leipzig cut its CO2e output by a tenth last year.",
     [], ["supply-chain-emissions"]),
    # "RMI" is also the Rocky Mountain Institute: the minerals initiative only beside what it audits
    ("human-rights-due-diligence: RMI the energy think tank is not",
     "Each direct reduction plant needs about 4 gigawatts of wind and solar power, according to RMI.",
     [], ["human-rights-due-diligence"]),
    ("human-rights-due-diligence: RMI auditing smelters still is",
     "Only smelters that pass the RMI audit can sell cobalt to the carmaker.",
     ["human-rights-due-diligence"], []),
    # set 30: a people's right to be consulted by its Latin American name, in a list of legal standards
    ("indigenous-rights: prior consultation of indigenous communities",
     "The legal framework sets human rights standards, such as prior consultation of indigenous communities "
     "before operations start.",
     ["indigenous-rights"], []),
    # what e-fuels are made from is not power a company buys; steel made by methods that emit less is green steel
    ("renewable-energy: e-fuels made from renewable electricity are not",
     "Automakers could also use e-fuels made from renewable electricity and captured carbon dioxide.",
     [], ["renewable-energy"]),
    ("renewable-energy: a plant run on renewable electricity still is",
     "The plant will run on renewable electricity from a wind farm next year.",
     ["renewable-energy"], []),
    ("green-steel: steel produced by methods that emit less carbon",
     "Automakers would have to use European steel produced by methods that emit less carbon.",
     ["green-steel"], []),
    ("green-steel: ovens that emit less carbon are not",
     "The new ovens emit less carbon, the bakery said.",
     [], ["green-steel"]),
    # set 31: a company's own production quota is no policy; a country's EV quota is
    ("ev-policy: a carmaker's EV production quota is not",
     "Lithium Americas will help secure a reliable lithium source for GM's future electric vehicle production quota.",
     ["lithium"], ["ev-policy"]),
    ("ev-policy: a country's EV quota still is",
     "China's electric vehicle quota forces carmakers to sell more EVs.",
     ["ev-policy"], []),
    # set 32: one metal put on a list of critical materials; public money for a battery plant; a child who worked
    ("transition-minerals: a metal added to the EU's list of critical raw materials is not",
     "Nickel is mined for electric car batteries and was recently added to the EU's list of critical raw materials.",
     [], ["transition-minerals"]),
    ("transition-minerals: a list of critical raw materials of its own still is",
     "The ministry published a list of critical raw materials for the energy transition.",
     ["transition-minerals"], []),
    ("ev-policy: a government-backed funding deal for an EV battery plant",
     "The battery maker has announced a government-backed funding deal to build an EV battery plant near the car "
     "factory.",
     ["ev-policy"], []),
    ("workers-rights: a 13-year-old child who worked on an assembly line",
     "Investigators found that a 13-year-old child worked between 50 and 60 hours a week on an assembly line.",
     ["workers-rights"], []),
    ("workers-rights: a child's school project is not",
     "The child worked on a school project about batteries.",
     [], ["workers-rights"]),
]


@pytest.mark.parametrize("name, text, present, absent", TOPICS, ids=[c[0] for c in TOPICS])
def test_set29_topic_classes(tagger, name, text, present, absent):
    assert_topics(tagger, name, text, present, absent)


@pytest.mark.parametrize("text, automakers", [
    # set 30: Toyota's trading house counts only where it is tied to cars (the real passages' guide, rule 5)
    ("Toyota Tsusho said it finished building a lithium hydroxide plant in Fukushima.", []),
    ("Toyota Tsusho will supply the lithium for battery packs in the group's electric vehicles.", ["toyota"]),
    # the carmaker a truck maker was spun off from is the carmaker, and so is its later bare name
    ("Daimler Truck was spun off from Mercedes-Benz in 2021. Workers at a Mercedes-Benz plant in Alabama will "
     "vote next week.", ["mercedes-benz"]),
    ("Daimler Truck said its Mercedes-Benz Actros trucks sold well in Europe.", []),
    # a name that needs context, which the next sentence gives by calling it the automaker
    ("The split fits Ford's shift in strategy. The automaker has been cutting its near-term electric plans.",
     ["ford"]),
    ("The split fits Ford's shift in strategy. The company has been cutting its budget.", []),
    # "his government": a premier, not the carmaker
    ("Ford said his government would hold Honda and other carmakers accountable for the subsidies.", ["honda"]),
    ("Ford said its truck plant in Kentucky would reopen next month.", ["ford"]),
    # set 31: the Maori greeting in capitals; a footballer named Honda; general managers among contending teams
    ("KIA ORA, tena koutou, haere mai are everyday phrases heard often.", []),
    ("Kia and GWM ORA both sold more cars in Thailand this year.", ["great-wall", "kia"]),
    ("Honda was a member of the U20 Japanese national team in 2005 and joined the U23 side the following year.", []),
    ("Honda won the Japanese Grand Prix with its new car in 2005.", ["honda"]),
    ("At the deadline, contending teams and seller teams look for deals. A GM on a title contender may prefer to "
     "wait.", []),
])
def test_set30_automaker_names(tagger, text, automakers):
    assert sorted(a.id for a in tagger.tag(text).automakers) == automakers


@pytest.mark.parametrize("text, about", [
    # a day or a month before the lede's comma is its time, not the first item of a list of names
    ("On Friday, Chery and Ebro signed the agreement to build 50,000 cars a year in the former "
     "Nissan plant. Production in the plant stopped when Nissan left in 2021.", ["chery"]),
    ("In March, Chery and Ebro signed the agreement to build 50,000 cars a year in the former "
     "Nissan plant. Production in the plant stopped when Nissan left in 2021.", ["chery"]),
    # a party of a deal just made or announced is the news; a deal that is background is not
    ("Carmakers such as BMW, Ford, Toyota and Nissan keep investing in the country. The minister attended "
     "the announcement of a new partnership between Toyota South Africa Motors and a local parts maker.",
     ["toyota"]),
    ("Ford will build the car in Cologne. The shared platform is part of a strategic alliance between Ford "
     "and Volkswagen. Ford will invest EUR1bn in the factory, and Ford said production starts in 2023.",
     ["ford"]),
    # set 30: the doer of a clause "as" opens; the owner in "the Geely-owned firm" describes the firm
    ("A court suspended the lithium contract on Friday. The ministry awarded BYD the contract last week as BYD "
     "offered $61 million for the rights.", ["byd"]),
    ("Toyota won the race after Porsche and Audi pulled out of the class. Toyota's two cars led from the start, "
     "and Toyota said the win was its fifth.", ["toyota"]),
    ("Rowan will leave Volvo in March. At the helm of the Geely-owned firm, he oversaw three launches.",
     ["volvo-cars"]),
    # set 31: a customer named to describe a supplier in apposition; a ticker in brackets is the name again,
    # and "such as" opens no clause
    ("Panasonic Energy, a supplier for Tesla's electric vehicles, signed a graphite deal with Novonix on Friday.",
     []),
    ("Four suppliers for Hyundai and Kia have used child labour at their Alabama plants, an investigation found.",
     ["hyundai", "kia"]),
    ("Tesla and its rivals such as General Motors Co (NYSE: GM) are rushing to secure nickel. Last year Tesla "
     "signed a nickel deal with BHP.", ["tesla"]),
])
def test_set29_role_classes(tagger, text, about):
    assert sorted(a.id for a in tagger.tag(text).automakers if a.role == "subject") == about
