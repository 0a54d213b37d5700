"""Classes of error found on blind sets 19, 20 and 21 of real passages (issue 15: 120, 100 and 100
passages collected and labelled by helpers who never ran the tagger, each scored once before
anything was changed for it; the passages stay outside the repository). Each case is a sentence written for these tests, with its counter-case
so a class fix cannot swallow the topic or the name it sits next to. Rules: nlp/data/topics.yaml,
nlp/data/automakers.yaml, nlp/mentions.py."""

from __future__ import annotations

import pytest

from tests.helpers import assert_topics

# (class, text, topics that must be tagged, topics that must not be)
TOPICS = [
    # a subsidy for the plant or the cars of the sentence before or after
    ("ev-policy: a subsidy for the gigafactory the sentence before names",
     "The group picked Somerset for its new gigafactory. The factory is thought to have got subsidies worth "
     "several hundred million pounds.",
     ["ev-policy"], []),
    ("ev-policy: a subsidy for the electric trucks the sentence before names",
     "The partners will make electric pickup trucks and the batteries to power them in Kentucky. The state will "
     "provide hundreds of millions of dollars in subsidies.",
     ["ev-policy"], []),
    ("ev-policy: a farm subsidy beside car batteries is not",
     "Farmers in the valley receive subsidies for wheat. The co-op also sells car batteries and tyres.",
     [], ["ev-policy"]),
    # a mandate said by its fines
    ("ev-policy: fines for a low EV sales share",
     "Two carmakers could face large fines unless they raise their electric vehicle sales share this year.",
     ["ev-policy"], []),
    ("ev-policy: an EV sales share alone is not",
     "Their electric vehicle sales share rose to 5 percent in the spring.",
     [], ["ev-policy"]),
    # critical minerals said in a sentence on one metal's project are that metal's
    ("transition-minerals: critical minerals beside a lithium project are lithium's",
     "Building the lithium project will cut the country's reliance on imported critical minerals, its chief said.",
     ["lithium"], ["transition-minerals"]),
    ("transition-minerals: lithium among other critical minerals still counts",
     "The new plants will depend on imports of lithium, graphite and other critical minerals.",
     ["transition-minerals"], []),
    # a job title in a list of jobs is no safety issue; a protest over pay is a labour one
    ("workers-rights: safety inspectors among the jobs a road creates",
     "The road will create 3,000 jobs for concrete and steel workers, surveyors and safety inspectors.",
     [], ["workers-rights"]),
    ("workers-rights: workers and safety violations still count",
     "Workers at the smelter complained about repeated safety violations.",
     ["workers-rights"], []),
    ("workers-rights: workers protesting over pay",
     "Production at the plant stopped yesterday as workers protested over pay.",
     ["workers-rights"], []),
    ("workers-rights: a collective work agreement",
     "The company and the union are negotiating a new collective work agreement.",
     ["workers-rights"], []),
    # "circular" said of something else than batteries' materials
    ("battery-recycling: a circular industry the batteries serve is not recycling",
     "The new batteries will help build a circular vehicle industry, the minister said.",
     [], ["battery-recycling"]),
    ("battery-recycling: batteries recycled into new cells",
     "Old batteries are collected, recycled and turned into new cells.",
     ["battery-recycling"], []),
    ("battery-recycling: a circular economy for batteries",
     "The firm wants a circular economy in which battery metals are used again and again.",
     ["battery-recycling"], []),
    # a people's art is no rights issue
    ("indigenous-rights: First Nations artists",
     "The gallery shows new work by First Nations artists from across the country.",
     [], ["indigenous-rights"]),
    ("indigenous-rights: First Nations and their consent",
     "Several First Nations say the mine was approved without their consent.",
     ["indigenous-rights"], []),
    # the ISA's mining code by its name
    ("deep-sea-mining: the ISA's draft exploitation regulations",
     "Delegates made progress on the draft exploitation regulations. The ISA will publish a new text in March.",
     ["deep-sea-mining"], []),
    ("deep-sea-mining: exploitation regulations of something else",
     "The exploitation regulations for the aquifer were updated by the water board.",
     [], ["deep-sea-mining"]),
    # a supply chain's climate impact
    ("supply-chain-emissions: a supply chain rated by its climate impact",
     "The scorecard rates each carmaker's battery supply chain by its climate impact.",
     ["supply-chain-emissions"], []),
    # set 20: the power and hydrogen that make green steel; a sector, a slogan, a product list, a factory's name
    ("renewable-energy: zero-carbon electricity and hydrogen in steelmaking are the steel's",
     "The mill will replace coking coal with zero-carbon electricity and hydrogen to make fossil-free steel.",
     ["green-steel"], ["renewable-energy"]),
    ("renewable-energy: a plant run on zero-carbon electricity still counts",
     "The assembly plant will run on zero-carbon electricity from next year.",
     ["renewable-energy"], []),
    ("renewable-energy: green energy systems in a list of what a metal goes into",
     "Rare earths go into batteries, green energy systems and military equipment.",
     [], ["renewable-energy"]),
    ("renewable-energy: a clean energy leader",
     "The truck group continues to present itself as a clean energy leader.",
     [], ["renewable-energy"]),
    ("renewable-energy: a factory named Green Power",
     "The group has completed the battery cell factory HLI Green Power with its partner.",
     [], ["renewable-energy"]),
    # set 20: the critical mineral the sentence named, and critical minerals whose example is lithium
    ("transition-minerals: cobalt called 'the critical mineral'",
     "Congo, the largest producer of cobalt, has banned exports of the critical mineral for four months.",
     ["cobalt"], ["transition-minerals"]),
    # set 21: a cathode's chemistry, lithium's ore called critical, a metal's uses, steel said "carbon-reduced",
    # harassment at work
    ("nickel: a high-nickel cathode is chemistry",
     "Umicore will supply high nickel cathode materials for the battery factories from its plant in Poland.",
     [], ["nickel"]),
    ("nickel: a nickel supply deal still counts",
     "The miner will supply nickel from its Sudbury mines to the battery plant.",
     ["nickel"], []),
    ("transition-minerals: spodumene called a critical mineral is lithium's",
     "Supply of the spodumene concentrate, a critical mineral used in lithium-ion batteries, starts in 2024.",
     ["lithium"], ["transition-minerals"]),
    ("renewable-energy: batteries storing wind and solar power are a metal's use",
     "Lithium goes into phones, power tools and battery storage of energy from wind and solar power.",
     [], ["renewable-energy"]),
    ("green-steel: carbon-reduced steel plates",
     "The steelmaker is expanding sales of carbon-reduced steel plates to European carmakers.",
     ["green-steel"], []),
    ("workers-rights: racial harassment at a factory",
     "He endured racial harassment for months. He worked at the factory as an elevator operator.",
     ["workers-rights"], []),
    ("workers-rights: harassment outside work is not",
     "The singer said she faced racial harassment online after the concert.",
     [], ["workers-rights"]),
    # set 20: a loan a carmaker gives its supplier is no state support
    ("ev-policy: a loan from the automaker",
     "The miner will supply the battery metal for electric vehicles after a loan from the US automaker.",
     [], ["ev-policy"]),
    ("ev-policy: a government loan for an EV battery plant still counts",
     "The government approved a loan for the electric vehicle battery plant.",
     ["ev-policy"], []),
]


@pytest.mark.parametrize("name, text, present, absent", TOPICS, ids=[c[0] for c in TOPICS])
def test_set19_20_topic_classes(tagger, name, text, present, absent):
    assert_topics(tagger, name, text, present, absent)


@pytest.mark.parametrize("text, automakers", [
    # a text of another industry throughout: its words in two sentences, no car word anywhere
    ("The trade deadline keeps the league's general managers busy. Every NHL team is calling around. "
     "\"We are ready,\" said veteran Toronto GM Kyle Dubas.", []),
    ("The NHL season starts next week. Hockey fans are excited. GM will show its new electric car to them.",
     ["gm"]),
    # a person named Ford: later a bare "Ford" counts only listed with another automaker
    ("Premier Doug Ford opened the battery plant on Monday. Ford expressed confidence in Honda's plan to "
     "build electric cars in the province.", ["honda"]),
    ("Premier Doug Ford opened the plant on Monday. Ford and Honda both build cars in the province.",
     ["ford", "honda"]),
    # a First Nations band is no rock band: the carmaker a mine supplies stays ("Indigenous bands oppose")
    ("Talon Metals signed a deal to supply nickel to Tesla from its mine, a project Indigenous bands oppose.", ["tesla"]),
    ("The rock band Tesla will play the Melody Tent on Aug. 2.", []),
    # set 21: the truck group by its Swedish legal name
    ("Vehicles made by Volvo AB and Nissan Motor Co were dropped from the list.", ["nissan"]),
    ("Vehicles made by Volvo Cars and Nissan Motor Co were dropped from the list.", ["nissan", "volvo-cars"]),
    # set 20: a town's dateline in capitals ("CADILLAC —")
    ("CADILLAC — The city council will meet at the farmers' market on Monday.", []),
    ("Cadillac will build the electric Lyriq at its plant in Spring Hill.", ["gm"]),
])
def test_set19_20_automaker_namesakes(tagger, text, automakers):
    assert sorted(a.id for a in tagger.tag(text).automakers) == automakers


@pytest.mark.parametrize("text, about", [
    # a comparison said as a manner or a model to follow
    ("The start-up wants to electrify the lakes in the same way Tesla electrified the roads. It starts with a "
     "luxury boat.", []),
    ("Like Tesla did with its first car, the boat maker is starting with an expensive model.", []),
    # a range of examples
    ("The country, a hub for carmakers ranging from Mercedes to Toyota, is courting battery makers.", []),
    ("Cobalt goes into everything from phones to Tesla cars, and most of it is dug in Congo.", []),
    ("Prices rose again. The biggest automakers, from Tesla to Volkswagen to Toyota, need more lithium.", []),
    # ... while the one that acts is still the story
    ("Toyota will build a battery plant in Kentucky, moving production from Japan to the US.", ["toyota"]),
    # set 20: beaten, undercut or caught up with; a compound of beating; counts in a list of examples
    ("The start-up's car is cheaper than the Model 3 and undercuts Tesla by a fifth. Catching up with Tesla "
     "will take years, its founder said.", []),
    ("The start-up's SU7 surpassed the Model 3 in most tests. Its founder praised Tesla for its lead.", []),
    ("The phone maker launched its first Porsche-beating electric saloon on Thursday.", []),
    ("A ship carrying thousands of cars, including 1,100 Porsches and 189 Bentleys, is on fire.", []),
    ("This comparison between the 2017 Honda Clarity and 2017 Toyota Mirai will be academic outside California.",
     ["honda", "toyota"]),
    ("Tesla beat estimates, Tesla said on Wednesday.", ["tesla"]),
    # a long list names each group once, however many of its brands it names
    (("The report names every large carmaker: Volkswagen, BMW, Honda, Ford, GM, Mercedes-Benz, Toyota, Hyundai, "
      "Stellantis brands (Fiat, Chrysler, Dodge and Jeep), Tesla and Nio all buy parts made in the region."), []),
])
def test_set19_20_role_classes(tagger, text, about):
    assert sorted(a.id for a in tagger.tag(text).automakers if a.role == "subject") == about


def test_a_brand_label_with_a_legal_ending_is_scored():
    """Set 21 labelled "Bayerische Motoren Werke AG" and "Kia Corp.": the evaluation reads them as
    the names the registry knows, so such a label is scored instead of left out as unknown."""
    from nlp.evaluate import brand_table, lookup_brand

    table = brand_table()
    assert lookup_brand(table, "Bayerische Motoren Werke AG") == "bmw"
    assert lookup_brand(table, "Kia Corp.") == "kia"
    assert lookup_brand(table, "Tesla Inc.") == "tesla"
    assert lookup_brand(table, "Acme Widgets AG") is None
