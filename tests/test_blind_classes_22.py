"""Classes of error found on blind sets 22 and 23 of real passages (issue 15: 110 passages each,
collected and labelled by two helpers who never ran the tagger, scored once before anything was
changed for them; the passages stay outside the repository). Each case is a sentence written for these tests,
with its counter-case so a class fix cannot swallow the topic or the name it sits next to. Rules:
nlp/data/topics.yaml, nlp/data/automakers.yaml, nlp/features.py, nlp/aboutness.py, nlp/tagger.py."""

from __future__ import annotations

import pytest

from tests.helpers import assert_topics

# (class, text, topics that must be tagged, topics that must not be)
TOPICS = [
    # a place that is also a people's name: the people only with their ancestry or rights
    ("indigenous-rights: a protest on an island that shares a people's name is not",
     "Protesters in Palawan blocked a road to stop the ore trucks, in scenes that recalled the people's uprising "
     "of 1986.",
     [], ["indigenous-rights"]),
    ("indigenous-rights: the Palawan people and their ancestral forest",
     "The Palawan people say the planned mine sits on their ancestral forest.",
     ["indigenous-rights"], []),
    # the one metal the sentence names, called critical with a compound word
    ("transition-minerals: 'the battery-critical metal' is the cobalt of the sentence",
     "Two miners disagree on cobalt exports from Congo. The dispute is whether Kinshasa should lift its ban, "
     "imposed over a glut of the battery-critical metal.",
     ["cobalt"], ["transition-minerals"]),
    # tracking a supply chain is tracing it
    ("human-rights-due-diligence: a pilot that tracked a carmaker's battery supply chain",
     "The second pilot tracked the battery supply chain of a German carmaker from the mine to the cell.",
     ["human-rights-due-diligence"], []),
    # a lithium developer's name: lithium, but not in a sentence on its geothermal energy deal
    ("lithium: a lithium developer's geothermal heat deal is not lithium",
     "Vulcan Energy will deliver geothermal heat to the carmaker's paint shop from next year.",
     [], ["lithium"]),
    ("lithium: the lithium developer's name alone still counts",
     "Vulcan Energy raised new funds for its project in the Upper Rhine valley.",
     ["lithium"], []),
    # second-life storage is battery reuse (no other topic's "not" phrase may void its words)
    ("battery-recycling: a second-life energy storage unit",
     "The carmaker will install a second-life energy storage unit built from old packs at its plant.",
     ["battery-recycling"], []),
    # public money for an electric-car maker or the industry's move to electric cars, the sentence before or after
    ("ev-policy: an incentive package for a maker of electric cars only",
     "The county offered VinFast a $300 million incentive package to build its plant there.",
     ["ev-policy"], []),
    ("ev-policy: federal support after a pivot toward electrification",
     "Ottawa set out to steer its car industry toward electrification. Billions in federal support followed.",
     ["ev-policy"], []),
    ("ev-policy: government support for a hospital is not",
     "The provincial support package for the new hospital was approved on Monday.",
     [], ["ev-policy"]),
    # the tax credit named two sentences after the cars it is for
    ("ev-policy: a tax credit two sentences after the electric vehicles",
     "Electrified vehicles are the future, the executive said. \"The timing may shift,\" she added. "
     "Her colleagues criticised the plan to end the tax credit.",
     ["ev-policy"], []),
    ("ev-policy: a child tax credit beside electric vehicles is not",
     "Electric vehicles are getting cheaper. Families can claim the child tax credit in April.",
     [], ["ev-policy"]),
    # a steel project said by the cut in its carbon emissions
    ("green-steel: a steelworks investment and its emissions cut the sentence after",
     "The group will invest £900m in its steelworks. The new plant will cut its carbon emissions by 80%.",
     ["green-steel"], []),
    # set 23: an option's strike price is no labour strike
    ("workers-rights: a $40 strike put contract",
     "Traders piled into the $40 strike put contract on the carmaker's shares before the results.",
     [], ["workers-rights"]),
    ("workers-rights: a strike at the plant still counts",
     "Workers at the carmaker's plant went on strike over pay on Monday.",
     ["workers-rights"], []),
    # tailings said of a lithium brine project (none left) are no mining-impact story
    ("transition-minerals: 'no tailings' in a brine sentence",
     "The plant pumps the spent brine back underground, so no tailings are left behind.",
     [], ["transition-minerals"]),
    ("transition-minerals: a tailings dam still counts",
     "Villagers fear the new tailings dam upstream of their wells.",
     ["transition-minerals"], []),
    # the nickel giant's name in a sentence on its lithium plans
    ("nickel: Tsingshan's lithium cathode plans are not nickel",
     "The carmaker and Tsingshan dropped their plans for lithium cathode plants in Chile.",
     [], ["nickel"]),
    ("nickel: Tsingshan's smelter is",
     "Tsingshan will open another smelter on Sulawesi next year.",
     ["nickel"], []),
    ("nickel: ore that must be processed before it is exported",
     "The new rules aim to keep more value from nickel at home before it is exported.",
     ["nickel"], []),
    # abuses said against the workers
    ("workers-rights: violations against workers at a factory",
     "Reporters found new violations against workers at the carmaker's factory in Bahia.",
     ["workers-rights"], []),
    # a government's money or stance for making electric cars
    ("ev-policy: money allocated to stimulate local EV production",
     "The government has set aside R2 billion to stimulate local EV and battery production.",
     ["ev-policy"], []),
    ("ev-policy: a stance on local EV manufacturing",
     "Carmakers asked the government to take a stance on local EV manufacturing.",
     ["ev-policy"], []),
    ("ev-policy: a government's car production figures are not",
     "The government said car production rose by 4 percent in May.",
     [], ["ev-policy"]),
    # fleet CO2 in grams per kilometre beside its target or penalty
    ("ev-policy: gCO2/km and the targets the sentence after",
     "Carmakers cut their average by 15 gCO2/km in one year. They did it just before the new targets began.",
     ["ev-policy"], []),
    # the rules on cars' efficiency as a framework
    ("ev-policy: a regulatory framework for automotive efficiency",
     "Lobby groups want to weaken the regulatory framework for automotive efficiency and emissions.",
     ["ev-policy"], []),
    # a car's emissions from its materials
    ("supply-chain-emissions: materials-related CO2 emissions",
     "Steel and iron make up 30% of a car's materials and production-related CO2 emissions.",
     ["supply-chain-emissions"], []),
    # aluminium as one of a list of materials
    ("aluminium: the first of a list of materials is not (the list's footprint is the supply chain's)",
     "The plan covers the carbon footprint of aluminium, glass, tyres and electronics.",
     ["supply-chain-emissions"], ["aluminium"]),
    ("aluminium: a list naming polymers and electronics after it is not",
     "The carmaker will cut the carbon footprint of steel, aluminium, polymers and electronics.",
     ["supply-chain-emissions"], ["aluminium"]),
    ("aluminium: low-carbon aluminium bought is",
     "The carmaker will buy low-carbon aluminium from a Norwegian smelter.",
     ["aluminium"], []),
]


@pytest.mark.parametrize("name, text, present, absent", TOPICS, ids=[c[0] for c in TOPICS])
def test_set22_topic_classes(tagger, name, text, present, absent):
    assert_topics(tagger, name, text, present, absent)


@pytest.mark.parametrize("text, automakers", [
    # Cadillac, like Ford, is a town's and a park's name too: the brand with car words, a model or another carmaker
    ("The Lake Days Festival returns to the Cadillac Commons in July with music and food trucks. Cadillac "
     "celebrates every summer.", []),
    ("She drove her Cadillac Escalade to the lake.", ["gm"]),
    ("Cadillac will build the electric Lyriq at its plant in Spring Hill.", ["gm"]),
    # a model after the name makes it the carmaker
    ("With its low price, the TX5 is expected to compete with the Ford EcoSport.", ["ford"]),
    ("Ford said the speech went well.", []),
    # set 23: the carmaker's national company by name, in a text on the premier
    ("Premier Doug Ford praised the plan. He gave money to Ford of Canada for its Oakville plant.", ["ford"]),
    ("Premier Doug Ford praised the plan. Ford said it would help the province.", []),
])
def test_set22_automaker_names(tagger, text, automakers):
    assert sorted(a.id for a in tagger.tag(text).automakers) == automakers


@pytest.mark.parametrize("text, about", [
    # the one called a rival inside a pair of doers is a doer too
    ("Carmaker Renault and its larger rival Stellantis said on Monday that they would share charging sites.",
     ["renault", "stellantis"]),
    ("BYD overtook its rival Tesla in the third quarter.", ["byd"]),
    # an example among others
    ("Carmakers are tightening checks on battery suppliers. Renault, for instance, audits its cobalt refiners. "
     "Kia has hired an outside auditor for its nickel.", []),
    # a company's own page in the first person, naming itself once ("Volvo Recharge, our new line")
    ("We set out our goals for a cleaner supply chain last week. By 2030 we aim to halve the steel emissions of "
     "every car we sell. We also showed Kia EV9 Lite, our new line of small electric cars.", ["kia"]),
    ("Our sourcing standards set the rules for our suppliers. With our Renault Human Rights Programme we check "
     "the mines that supply our battery makers.", ["renault"]),
    # ... not a traveller's car named in passing
    ("Our goal was to see the eclipse from the desert. We had a Ford Mustang to get us there and back.", []),
    # ... but a text's only automaker, given as the example it dwells on, is its story
    ("Carmakers are under pressure to buy greener metals. For example, Nissan signed a deal for low-carbon steel "
     "from a Swedish start-up, its first such contract.", ["nissan"]),
])
def test_set22_role_classes(tagger, text, about):
    assert sorted(a.id for a in tagger.tag(text).automakers if a.role == "subject") == about


@pytest.mark.parametrize("text", [
    "Regulators asked owners to check the 2019-2021 Nissan Altima, 2020 Honda Accord and 2018 Toyota Camry for "
    "loose seat belts.",
    "The magazine drove the 2024 Ford Mustang Mach-E, the 2024 Tesla Model Y and the 2024 Hyundai Ioniq 5 in the "
    "snow.",
    "The ship was carrying 1,200 Fiats, 300 Hondas and 80 Nissans when it caught fire.",
])
def test_set22_a_list_with_model_years_or_counts_gives_its_items_one_role(tagger, text):
    """Model years or counts before the names of a list ("the 2019-2021 Nissan Altima, 2020 Honda
    Accord and 2018 Toyota Camry") do not break it: before, only the item after the last
    separator was read as listed, and the three cars of one recall got different roles."""
    roles = {a.role for a in tagger.tag(text).automakers}
    assert len(tagger.tag(text).automakers) >= 3 and len(roles) == 1, roles
