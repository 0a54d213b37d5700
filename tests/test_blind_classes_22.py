"""Classes of error found on blind set 22 of real passages (issue 15: 110 passages collected and
labelled by two helpers who never ran the tagger, scored once before anything was changed for
them; the passages stay outside the repository). Each case is a sentence written for these tests,
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
