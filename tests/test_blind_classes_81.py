"""Classes of error found on blind sets 81 to 88 in the nineteenth session (issue 15), each in
sentences written for these tests, with counter-cases; the passages stay outside the repository.
Rules: nlp/together.py (a joint venture's partners: "a joint facility with", "the X-Y venture",
"partnered with X to build a joint ...", "merger talks between", "by partners X, Y"; the
investee of "the largest shareholder of", not of a stake sold; the lede's "the Korean automaker" named
later), nlp/ties.py (the post a person resigned from; a parent in another company's description),
nlp/data/automakers.yaml (the inventor's experiments), nlp/data/topics.yaml (the topics)."""

from __future__ import annotations

import pytest

from tests.helpers import assert_topics, subjects

# (text, the automakers it is about)
ROLES: list[tuple[str, list[str]]] = [
    # a joint facility, plant or project "with" the other carmaker: both partners'
    ("Honda said on Monday it would stop making fuel cells at its joint venture facility with General Motors next year. "
     "Honda will build its own system instead.", ["gm", "honda"]),
    ("Mazda will close the joint engine plant with Ford in Michigan, the company said. About 900 people work there.",
     ["ford", "mazda"]),
    # ... not a plant "with" a number of workers or a supplier
    ("Mazda will close its plant with 900 workers in Michigan, the company said. Ford was not affected.", ["mazda"]),
    # the two carmakers of a hyphenated venture's name (in the body: the lede names only one of them)
    ("Tata Motors owns JLR. As for the JLR-Chery venture in Changshu, it has run since 2012. JLR said the new deal "
     "plays to both sides' strengths.", ["chery", "tata"]),
    ("Sales at the GM-SAIC venture fell by a fifth in the first half. GM said demand would recover.", ["gm", "saic"]),
    # ... not a hyphenated brand name
    ("A Mercedes-Benz venture into electric vans has stalled, the company said. Sales were low.", ["mercedes-benz"]),
    # partnered with another carmaker to build something jointly
    ("Nissan has partnered with Renault to build a joint battery plant in Wuhan, with production from 2027. "
     "The plant will employ 1,500 people.", ["nissan", "renault"]),
    # ... not to sell the other's cars
    ("Nissan has partnered with Renault to sell vans in Europe from 2027. Nissan said prices would come later.",
     ["nissan"]),
    # the merger's parties named after "merger talks between": theirs, not the rival commenting on them
    ("Toyota chairman Akio Toyoda said he was disappointed by the collapse of merger talks between rivals Nissan and "
     "Honda. He said the two companies never spoke about cars.", ["honda", "nissan", "toyota"]),
    # a joint venture's partners named as "partners" after the venture
    ("The battery joint venture ACC has shelved its plants in Italy and Germany. The decision was confirmed on Monday "
     "by partners Stellantis, Mercedes-Benz and TotalEnergies.", ["mercedes-benz", "stellantis"]),
    # the company an investor becomes "the largest shareholder of": its news too (as "a stake in")
    ("The purchase makes Geely's owner the largest single shareholder of Daimler. Neither Geely nor its parent "
     "plans to buy more shares, Geely said.", ["geely", "mercedes-benz"]),
    # the company a person resigned a post at is a former employer, even when named again
    ("Maria Lopez, who resigned as Nissan's chief quality officer in March, now works for Hyundai. She left as "
     "turmoil shook Nissan's leadership.", ["hyundai"]),
    ("Maria Lopez, who resigned as chief quality officer in March, joined Nissan's board on Tuesday, "
     "Nissan said.", ["nissan"]),
    # sets 83 and 84: the lede calls the automaker "the Japanese automaker" and names it only later
    ("The government will give the Japanese automaker about $2 billion in tax credits for its new battery plant. "
     "The province adds another $1 billion. Premier Smith said Honda's investment would last a generation.", ["honda"]),
    ("The Korean automaker said it will add 300 jobs to build a new crossover at its Georgia plant. It will be the "
     "first Kia electric model made in North America. Hyundai separately broke ground on a battery plant in the state.",
     ["kia"]),
    # ... the parent named in another company's description is background
    ("Kia, part of Hyundai Motor Group, will build a new plant in Mexico, Kia said on Monday.", ["kia"]),
    ("Hyundai Motor Group, the parent of Kia, said it will build a new plant in Mexico. Hyundai said the plant "
     "would open in 2028.", ["hyundai", "kia"]),
    # ... a stake sold is the seller's news, a stake bought the investee's too
    ("Daimler has sold part of its stake in electric-car maker Tesla to an Abu Dhabi fund. Daimler said the sale "
     "raised $780 million.", ["mercedes-benz"]),
    ("Daimler has bought a 10 per cent stake in electric-car maker Tesla. Daimler said the deal cost $50 million.",
     ["mercedes-benz", "tesla"]),
    # sets 87 and 88: the carmakers' workers as a group, with an aside in brackets before the noun
    ("Workers at the three largest (or Big Three) automakers in the United States voted to authorise a strike. "
     "Talks with General Motors, Ford and Stellantis resume on Monday.", ["ford", "gm", "stellantis"]),
]

# (text, the automakers it names)
NAMES: list[tuple[str, list[str]]] = [
    # the inventor's experiments in Colorado Springs
    ("Tesla built a laboratory in Colorado Springs in 1899. There Tesla produced millions of volts of electricity "
     "and artificial lightning.", []),
    ("Tesla opened a showroom in Colorado Springs. The Model Y sold well there, Tesla said.", ["tesla"]),
    # sets 83 and 84: a brand that is a person's family name after a given name
    ("Jay Roewe, a studio executive, said film tax incentives had surged around the world.", []),
    ("SAIC will launch a new Roewe sedan in Shanghai next month.", ["saic"]),
    # ... a word explained as a word of another language
    ("Kia is a mild imperative in the Maori greeting, a gentle encouragement to be well.", []),
    ("Kia is a South Korean carmaker; it sold 300,000 cars in Europe last year.", ["kia"]),
    # sets 85 and 86: the coin named after the president
    ("The Mint wants cheaper coins. At 21 millimeters across and 5 grams in weight, the nickel is bigger and "
     "heavier than the Lincoln cent.", []),
    ("Ford will stop making the Lincoln Continental next year, the company said.", ["ford"]),
    # sets 87 and 88: a footballer in the A-League
    ("Honda takes his place in the squad and will surely become a star player for Melbourne Victory in the A-League.", []),
]

# (name, text, topics that must be tagged, topics that must not be)
TOPICS: list[tuple[str, str, list[str], list[str]]] = [
    ("renewable-energy: a trading house's steelmaking coal business is no power it runs on",
     "The trading house's profit fell because of a weaker steelmaking coal business in Australia.",
     [], ["renewable-energy"]),
    ("renewable-energy: a smelter run on coal still is",
     "The nickel smelting park runs on coal-fired power.", ["renewable-energy"], []),
    ("workers-rights: the union Lincoln saved is the country",
     "The statue honours the president who saved the union during the Civil War.", [], ["workers-rights"]),
    ("workers-rights: a union's president still is",
     "The union president said members would vote on the contract on Friday.", ["workers-rights"], []),
    ("battery-recycling: depleted batteries whose materials are recovered",
     "Depleted EV batteries are sent to the plant, where lithium and nickel are recovered.", ["battery-recycling"], []),
    ("battery-recycling: broken down for new cells",
     "Old packs can be broken down so that what they are made of goes into new battery cells.",
     ["battery-recycling"], []),
    # sets 83 and 84
    ("green-steel: steel made without carbon emissions",
     "The truck maker will switch to steel made without carbon emissions before 2030.", ["green-steel"], []),
    ("green-steel: steel made without use of fossil fuels",
     "It will buy steel made without use of fossil fuels from a Swedish supplier.", ["green-steel"], []),
    ("workers-rights: a plant's explosion that killed people",
     "The smelting plant explosion killed nine people and injured 40 on Sunday.", ["workers-rights"], []),
    ("workers-rights: children hired for the work",
     "Women and children are hired for whole days to wash cobalt ore at the quarries.", ["workers-rights"], []),
    ("workers-rights: the minimum wage as a yardstick is not",
     "The coin is now worth less than 1% of the federal hourly minimum wage.", [], ["workers-rights"]),
    ("workers-rights: a minimum wage rise still is",
     "Workers at the plant demanded a higher minimum wage for the region.", ["workers-rights"], []),
    ("human-rights-due-diligence: a restaurant's audit of food suppliers is not",
     "In the restaurant business, it is necessary to audit potential food suppliers before approving them.",
     [], ["human-rights-due-diligence"]),
    ("battery-recycling: a recycler's name as a buyer of cobalt is not",
     "Battery materials makers GEM Co. and Umicore have also agreed contracts to buy cobalt from the miner.",
     [], ["battery-recycling"]),
    # sets 85 and 86
    ("ev-policy: rules that require automakers to sell electric cars",
     "The new regulations will require automakers to make a fifth of the cars they sell fully electric by 2026.",
     ["ev-policy"], []),
    ("ev-policy: a plant's own emission target is not",
     "The carmaker says the switch will see its European plant's emission reduction target reached early.",
     [], ["ev-policy"]),
    ("workers-rights: workers too young for the work",
     "The youngest known workers were brothers aged 13 and 15.", ["workers-rights"], []),
    ("workers-rights: coworkers who did not look old enough",
     "One worker said many of his coworkers didn't look old enough to be there.", ["workers-rights"], []),
    ("workers-rights: young boys at work in a mine",
     "We met two young boys carrying sacks of cobalt who were still hard at work mining in the rain.",
     ["workers-rights"], []),
    ("battery-recycling: a deal broken down by region is not",
     "The company broke down its sales by region and said battery demand was strong.", [], ["battery-recycling"]),
]


@pytest.mark.parametrize("text,about", ROLES)
def test_set81_82_role_classes(tagger, text, about):
    assert subjects(tagger.tag(text)) == about


@pytest.mark.parametrize("text,automakers", NAMES)
def test_set81_82_automaker_names(tagger, text, automakers):
    assert sorted(a.id for a in tagger.tag(text).automakers) == automakers


@pytest.mark.parametrize("name,text,present,absent", TOPICS, ids=[c[0] for c in TOPICS])
def test_set81_82_topic_classes(tagger, name, text, present, absent):
    assert_topics(tagger, name, text, present, absent)
