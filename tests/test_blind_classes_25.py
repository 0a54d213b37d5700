"""Classes of error found on blind sets 25, 26 and 27 of real passages (issue 15: 90 passages each,
collected and labelled by two helpers who never ran the tagger, scored once before anything was
changed for them; the passages stay outside the repository). Each case is a sentence written for these tests,
with its counter-case so a class fix cannot swallow the topic or the name it sits next to. Rules:
nlp/data/topics.yaml, nlp/data/automakers.yaml, nlp/together.py, nlp/aboutness.py, nlp/features.py,
nlp/cues.py."""

from __future__ import annotations

import pytest

from tests.helpers import assert_topics

# (class, text, topics that must be tagged, topics that must not be)
TOPICS = [
    # renewable energy as what a metal or a battery chemistry is for, or a country's goal: no power bought
    ("renewable-energy: a metal required for a country's quest for renewable energy is not",
     "Villagers fear losing their land to the cobalt mines needed in the republic's quest for renewable "
     "energy.",
     ["cobalt"], ["renewable-energy"]),
    ("renewable-energy: a battery chemistry chosen for renewable energy projects is not",
     "Sodium-ion chemistries are cheaper, which makes them a fine choice for small cars and renewable energy "
     "projects.",
     [], ["renewable-energy"]),
    ("renewable-energy: a plant that runs on renewable energy still is",
     "The cathode plant will run on renewable energy from a nearby wind farm from next year.",
     ["renewable-energy"], []),
    # a metal got back at the end of a battery's life, said without "recycling"
    ("lithium: lithium taken out at the end of a pack's life is not",
     "Cheaper packs have lower recyclability, since only lithium can be extracted from them at the end of "
     "their life.",
     [], ["lithium"]),
    ("lithium: lithium extracted from a salt flat still is",
     "The company extracted lithium from the salt flat for the first time in March.",
     ["lithium"], []),
    # the footprint of what a company buys
    ("supply-chain-emissions: the carbon footprint of a carmaker's procurement",
     "The smelter's hydro-powered metal will shrink the carmaker's carbon footprint in its procurement of "
     "aluminium.",
     ["supply-chain-emissions"], []),
    ("supply-chain-emissions: procurement of office supplies without a footprint is not",
     "The council changed its procurement rules for office furniture.",
     [], ["supply-chain-emissions"]),
    # "energy transition minerals" in a story on one metal's mines: that metal's topic
    ("transition-minerals: energy transition minerals in a nickel story are the nickel's",
     "The nickel mines have pushed farmers off their land. Villages pay the price of the rush for energy "
     "transition minerals, the report says.",
     ["nickel"], ["transition-minerals"]),
    ("transition-minerals: energy transition minerals with no one metal named still are",
     "Villages pay the price of the rush for energy transition minerals, the report says.",
     ["transition-minerals"], []),
    # set 26: copper's mines are this topic's own, also in a cobalt story (outside the cobalt's sentences)
    ("transition-minerals: a cobalt story's copper producers in another sentence",
     "Congo's cobalt mines are expanding fast. Its copper producers raised output by a fifth this year.",
     ["cobalt", "transition-minerals"], []),
    ("transition-minerals: a regulator's name is not",
     "The government will set export quotas from March, the country's strategic minerals regulator said on "
     "Sunday.",
     [], ["transition-minerals"]),
    ("transition-minerals: mining as one of a list of land uses is not",
     "The basin faces rapid deforestation to make way for farming, mining and roads.",
     [], ["transition-minerals"]),
    ("transition-minerals: mining companies polluting rivers still are",
     "Mining companies have polluted rivers and cleared forest across the basin.",
     ["transition-minerals"], []),
    ("renewable-energy: the energy transition's move to renewable sources is not",
     "The world is accelerating an energy transition from coal to clean and renewable energy sources, the "
     "minister said.",
     [], ["renewable-energy"]),
    ("ev-policy: a plant's emission limits for heavy metals and its penalty are not",
     "The regional authority imposed a penalty on the plant for exceeding its emission limits for hydrogen "
     "fluoride and heavy metals.",
     [], ["ev-policy"]),
    ("ev-policy: carmakers' fleet emission limits and fines still are",
     "Carmakers that exceed the EU's fleet emission limits will pay fines from 2025.",
     ["ev-policy"], []),
    ("supply-chain-emissions: an integrated plant's stages 'from raw materials to finished products' are not",
     "The new plant will cover every step, from raw materials to finished products, and cut carbon emissions by "
     "half.",
     [], ["supply-chain-emissions"]),
    # set 27: the five-cent coin; a lobbying register as a story's source
    ("nickel: the coin's cost at the Mint is not",
     "Each penny now costs four cents to make, and the nickel costs even more to produce, the Mint said.",
     [], ["nickel"]),
    ("nickel: a nickel smelter's output still is",
     "The company plans to produce more nickel at its new smelter in Sulawesi.",
     ["nickel"], []),
    ("ev-policy: lobbying filings as the source of a mining study are not",
     "Two carmakers paid for a study of mining in Chile, according to lobbying filings, ahead of an electric "
     "vehicle boom.",
     [], ["ev-policy"]),
    ("ev-policy: carmakers lobbying against electric vehicle rules still are",
     "The carmakers lobbied against the electric vehicle rules for months.",
     ["ev-policy"], []),
]


@pytest.mark.parametrize("name, text, present, absent", TOPICS, ids=[c[0] for c in TOPICS])
def test_set25_topic_classes(tagger, name, text, present, absent):
    assert_topics(tagger, name, text, present, absent)


@pytest.mark.parametrize("text, automakers", [
    # a car word in another language of European coverage is the carmaker's context as the English one is
    ("Le constructeur automobile Ford a signé un contrat d'électricité pour ses usines.", ["ford"]),
    ("Der Autobauer Ford hat einen Stromvertrag für seine Werke unterschrieben.", ["ford"]),
    ("Ford said the speech went well.", []),
    # set 26: a sports team's general manager; "PSA" alone is Stellantis's forerunner beside car words, not an announcement
    ("In his ten years as the Eagles GM, he drafted two quarterbacks in the first round.", []),
    ("GM shares traded higher after the draft budget was published.", ["gm"]),
    ("PSA sold more cars in France than any other carmaker in 2019.", ["stellantis"]),
    ("A PSA about seat belts aired on TV, urging drivers of cars to buckle up.", []),
    # set 27: hockey's GMs; Rolls-Royce the car brand beside carmakers, not the engine maker
    ("Power Rankings this week look at the GM situation for all 32 squads.", []),
    ("Luxury brands Porsche, Maserati and Rolls-Royce failed to meet the emission targets.",
     ["bmw", "stellantis", "volkswagen"]),
    ("Rolls-Royce won an order for Trent engines from the airline.", []),
])
def test_set25_automaker_names(tagger, text, automakers):
    assert sorted(a.id for a in tagger.tag(text).automakers) == automakers


@pytest.mark.parametrize("text, about", [
    # the carmakers the lede speaks of as a group, listed as doers in the next sentence, all face it,
    # even when one of them is named again after that
    ("Carmakers argued that keeping the sales rules for electric cars could harm jobs. Renault, Kia, Honda and "
     "Mazda submitted responses to the ministry. Kia warned that the rules would cost it dearly.",
     ["honda", "kia", "mazda", "renault"]),
    # a name with its short form in brackets is one doer of the list ("General Motors (GM) have signed")
    ("Honda, Nissan and General Motors (GM) have signed deals with two lithium producers.",
     ["gm", "honda", "nissan"]),
    ("Honda, Nissan and General Motors have signed deals with two lithium producers.",
     ["gm", "honda", "nissan"]),
    # set 26: carmakers named as what a place is home to are the place's description, not its news
    ("Talks with Japan and South Korea, home to Toyota and Hyundai, have stalled, the minister said. Automakers "
     "will keep raising prices, the agency said.", []),
    ("Toyota and Hyundai said talks with Japan and South Korea have stalled.", ["hyundai", "toyota"]),
    # set 27: names that label a table's figures; one of many doing the same; a tie of another company's
    ("The individual duties for the three sampled producers are: BYD: 17.4%; Geely: 19.9%; SAIC: 37.6%.", []),
    ("Ford: 2024 sales up 5% as trucks lead", ["ford"]),  # a title's "Name: ..." is no table entry
    ("Pointing to the slowdown, Honda and others have delayed their electric car plans.", []),
    ("Pointing to the slowdown, Honda and Toyota have delayed their electric car plans.", ["honda", "toyota"]),
    ("CATL, one of Tesla's main battery suppliers, started building a factory in Spain last month.", []),
])
def test_set25_role_classes(tagger, text, about):
    assert sorted(a.id for a in tagger.tag(text).automakers if a.role == "subject") == about
