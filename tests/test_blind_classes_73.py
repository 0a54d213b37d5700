"""Classes of error found on blind sets 73 and 74 in the eighteenth session (issue 15), each in
sentences written for these tests, with counter-cases; the passages stay outside the repository.
Rules: nlp/other_lede.py (a supplier's deal "with" its customer "for the supply of"), nlp/features.py
(a range of companies; the subject after a date), nlp/aboutness.py (an action against "the
automakers" the lede named; one automaker overshadowed by another company), nlp/together.py (a
holding as background; share moves), nlp/acronyms.py (an acronym spelled out as another
organisation), nlp/data/automakers.yaml (Fiat's company names, models, genetic modification),
nlp/data/topics.yaml (the topics)."""

from __future__ import annotations

import pytest

from tests.helpers import assert_topics, subjects

# (text, the automakers it is about)
ROLES: list[tuple[str, list[str]]] = [
    # a supplier's deal with its customer for what it supplies: the supplier's story (the customer is the buyer)
    ("SSAB has signed a memorandum of understanding with Volvo Cars for the supply of fossil-free steel from 2027. "
     "The steelmaker said the first deliveries would go to the Torslanda plant.", []),
    ("SSAB has signed an agreement with Volvo Cars for the future supply of fossil-free steel. "
     "The steelmaker said deliveries start next year.", []),
    # ... not a deal to work together on something
    ("SSAB has signed an agreement with Volvo Cars to develop new steel grades. "
     "Volvo Cars said it would test them in Torslanda.", ["volvo-cars"]),
    # companies "from" one "to" another: a range of examples
    ("Offset markets are in trouble. Companies from Shell and Volkswagen to Disney and Nestlé have bought credits "
     "that researchers now call worthless.", []),
    ("Carmakers from Toyota to Volkswagen have warned about a shortage of chips this year.", []),
    # the lede names two automakers, then aims its action at them as "the automakers"
    ("Members of the Hyundai branch of the metal workers' union, joined by their colleagues at Hyundai affiliate Kia, "
     "staged partial strikes against the automakers on Friday. Workers at both companies walked out for four hours.",
     ["hyundai", "kia"]),
    # a date before the subject: "On May 17, workers at the X plant voted"
    ("The union suffered a setback in the South. On May 17, workers at the Mercedes-Benz plant in Vance, Alabama, "
     "rejected unionization in a vote. The loss came after a Volkswagen plant in Chattanooga voted to unionize.",
     ["mercedes-benz"]),
    ("Prices rose this year. Last week, workers at the Kia plant in Georgia voted to strike, a union said. "
     "Hyundai was not affected.", ["kia"]),
    # a holding in a clause that describes the story's company is background, not a party of its news
    ("Geely has hired a former Bentley design chief. Hangzhou-based Geely, which owns Volvo Cars and a 9.7% stake in "
     "Daimler, has turned to sportier designs.", ["geely"]),
    # ... but a stake taken is the news of both
    ("Geely bought a 9.7% stake in Daimler, becoming its largest shareholder.", ["geely", "mercedes-benz"]),
    # the one automaker named in passing in another company's story, however it is named again
    ("Indonesia is going through a nickel boom around the Weda Bay Nickel mine. Weda Bay Nickel works closely with "
     "several companies contracted by Tesla to provide metals for batteries. The car company has invested billions "
     "in the region. Weda Bay Nickel plans to double its output. Weda Bay Nickel said the expansion is on schedule.", []),
    # ... said with the buyer's description between "with" and its name
    ("Chinese lithium producer Ganfeng Lithium has signed a contract with US electric vehicle manufacturer Tesla for "
     "supplies of lithium hydroxide. Ganfeng said the contract runs for three years.", []),
    # ... or shipments to it
    ("Piedmont Lithium said it will delay first shipments of lithium chemicals to electric vehicle maker Tesla. "
     "Piedmont said the delay was due to permits.", []),
    # a regulator's guidance issued to the companies it lists
    ("Japan's transport ministry on Friday issued administrative guidance to Honda Motor Co., Mazda Motor Corp. and "
     "Yamaha Motor Co., urging them to prevent a recurrence of test fraud. Toyota was inspected last week.", ["honda", "mazda"]),
    # a company's own page, in the first person from its lede on, naming its own code or policy once
    ("We work closely with our suppliers on the sustainability of our products. We monitor the performance of existing "
     "suppliers and follow up with audits. All our suppliers must agree to Volvo Cars' Code of Conduct.", ["volvo-cars"]),
    # share moves said with "pulling back", "slipping": entries of a market report
    ("Tariffs of 25% on imported cars rattled the industry. Shares of several automakers declined, with Ford pulling "
     "back more than 7% and General Motors slipping nearly 4%.", []),
]


# (text, the automakers tagged at all)
NAMES: list[tuple[str, list[str]]] = [
    # Fiat's company names are the carmaker's, and context for a "Ford" beside it
    ("Martin Leach will take over as chief executive of Fiat Auto, sources said.\n"
     "Ford is concerned that Leach will take information on its plans with him.", ["ford", "stellantis"]),
    # a company's people right after its possessive name: "Ford's director of utilities"
    ("The new power purchase agreement commits Ford to buying 650 megawatts of solar energy. Amir Mirshahi, "
     "Ford's director of utilities and energy infrastructure, said the deal covers its Michigan sites.", ["ford"]),
    ("Harrison Ford starred in the film. Ford's director praised him.", []),
    # "GM" as genetically modified, in a text about food
    ("Labelling is mandatory in the EU for food and feed made from GM plants. Many supermarkets do not stock "
     "GM labelled foods, and farmers may not grow GM crops.", []),
    ("GM plants in Michigan will cut shifts, the automaker said.", ["gm"]),
    # an acronym the text spells out as another organisation's name
    ("Leidos protested a contract that went to Science Applications International Corp. Now SAIC is protesting an "
     "award to Leidos. SAIC says the evaluation was improper.", []),
    ("Shanghai Automotive Industry Corp (SAIC) said its exports rose. SAIC also sells MG cars in Europe.", ["saic"]),
    # a name written without its hyphen (a PDF's "MercedesBenz")
    ("Amnesty rated MercedesBenz, BMW and Tesla on their human rights due diligence.", ["bmw", "mercedes-benz", "tesla"]),
    # a model after a brand that needs context, even after "the"
    ("Willisch scoffed at the Cadillac ATS and the Lincoln MKZ, saying they were no rivals.", ["ford", "gm"]),
]

# (name, text, topics it must have, topics it must not have)
TOPICS: list[tuple[str, str, list[str], list[str]]] = [
    ("ev-policy: a ZEV target and its allowances",
     "Manufacturers will receive allowances to sell a number of non-ZEVs each year, the inverse of the ZEV target.",
     ["ev-policy"], []),
    ("nickel: the five-cent coin of the US Mint is no metal",
     "According to the annual report of the US Mint, it costs 13.8 cents to produce and distribute a nickel.",
     [], ["nickel"]),
    ("human-rights-due-diligence: a battery passport that records the origins of raw materials",
     "The car will have a battery passport. It will record the origins of raw materials, components and recycled content.",
     ["human-rights-due-diligence"], []),
    ("ev-policy: a carmaker's climate lobbying ranked",
     "The think tank ranked Toyota as having the worst climate lobbying score of any car maker.", ["ev-policy"], []),
    ("ev-policy: a government asked to fund a battery plant",
     "The carmaker is asking the British government to provide tens of millions of dollars to build an EV battery gigafactory.",
     ["ev-policy"], []),
    ("ev-policy: a state's production incentives for films are not",
     "One way of funding films is through state production incentives, the most significant of which are tax credits.",
     [], ["ev-policy"]),
    ("ev-policy: production incentives for battery cell factories",
     "The state offers production incentives for battery cell factories.", ["ev-policy"], []),
    ("renewable-energy: a battery storing solar power is no power bought",
     "The prototype made of used car batteries provides 72kWh of power, storing solar power for later use.",
     [], ["renewable-energy"]),
    ("human-rights-due-diligence: transparency on CO2 emissions is not a supply chain's",
     "The carmaker assesses its suppliers on CDP indicators, including transparency and CO2 emissions reporting.",
     [], ["human-rights-due-diligence"]),
    ("renewable-energy: what powers a bitcoin miner is not",
     "In Iceland, electricity is relatively cheap due to abundant renewable energy sources used by bitcoin miners.",
     [], ["renewable-energy"]),
    ("ev-policy: an oil major's climate lobbying is not",
     "The oil major increased its climate lobbying spending, the report said.", [], ["ev-policy"]),
]


@pytest.mark.parametrize("text,about", ROLES)
def test_set73_74_role_classes(tagger, text, about):
    assert subjects(tagger.tag(text)) == about


@pytest.mark.parametrize("text,automakers", NAMES)
def test_set73_74_automaker_names(tagger, text, automakers):
    assert sorted(a.id for a in tagger.tag(text).automakers) == automakers


@pytest.mark.parametrize("name,text,present,absent", TOPICS, ids=[c[0] for c in TOPICS])
def test_set73_74_topic_classes(tagger, name, text, present, absent):
    assert_topics(tagger, name, text, present, absent)
