"""Classes of error found on blind sets 40 and 41 of real passages (issue 15: 180 passages from 180 new
pages, collected and labelled by four helpers who never ran the tagger, each set scored once before
anything was changed for it; the passages stay outside the repository), and on set 42 after it was
scored as a measurement. Each case is a sentence written
for these tests, with its counter-case. Rules: nlp/data/topics.yaml, nlp/data/automakers.yaml,
nlp/features.py, nlp/name_lists.py, nlp/together.py; a topic's `veto_in_document` in nlp/cues.py."""

from __future__ import annotations

import pytest

from tests.helpers import assert_topics

# (class, text, topics that must be tagged, topics that must not be)
TOPICS: list[tuple[str, str, list[str], list[str]]] = [
    # "high carbon" of emissions is no steel grade
    ("green-steel: an electric furnace against a blast furnace known for its high carbon emissions",
     "The new mill will use an electric furnace, a cleaner alternative to the blast furnace known for its high "
     "carbon emissions.",
     ["green-steel"], []),
    ("green-steel: high carbon steel grades still veto",
     "The steel mill makes high carbon steel grades for knives in its electric furnaces.",
     [], ["green-steel"]),
    # the metal made with clean power, said apart from the word aluminium
    ("aluminium: metal made using solar power, from an aluminium maker",
     "The carmaker will source metal made using solar power from Emirates Global Aluminium.",
     ["aluminium"], []),
    ("aluminium: aluminium bought by a plant that runs on solar power is not",
     "The carmaker buys aluminium from a mill, and its plant runs on solar power.",
     [], ["aluminium"]),
    # carbon dioxide spelled out, beside the suppliers
    ("supply-chain-emissions: carbon dioxide targets for a supplier network",
     "The deal covers a tenth of the carbon dioxide targets the carmaker has set for its supplier network.",
     ["supply-chain-emissions"], []),
    ("supply-chain-emissions: carbon dioxide from its own plants is not",
     "The carmaker cut the carbon dioxide emitted by its own plants by a tenth.",
     [], ["supply-chain-emissions"]),
    # a company's name is no mineral
    ("transition-minerals: a gold mine of a company called Minerals Corp. is not",
     "Regulators approved a plan by Northern Minerals Corp. to explore for a gold mine near the river.",
     [], ["transition-minerals"]),
    ("transition-minerals: mining critical minerals still is",
     "Regulators approved a plan to mine critical minerals near the river.",
     ["transition-minerals"], []),
    # a named lithium project said to matter for critical minerals is lithium's
    ("transition-minerals: Thacker Pass in the supply chain for critical minerals is lithium's",
     "The deal shows how much Thacker Pass matters to the domestic supply chain for critical minerals.",
     ["lithium"], ["transition-minerals"]),
    ("transition-minerals: graphite in the supply chain for critical minerals still is",
     "The deal shows how much graphite matters to the domestic supply chain for critical minerals.",
     ["transition-minerals"], []),
    # lithium the medicine, a sentence naming only the salt after one naming the illness (veto_in_document)
    ("lithium: the salt's brand names in a text on the medicine are not",
     "Lithium carbonate is a prescription medication used to treat bipolar disorder. Brand names for lithium "
     "carbonate include Eskalith and Lithobid.",
     [], ["lithium"]),
    ("lithium: the salt in a text on its sales still is",
     "Albemarle sells lithium carbonate to battery makers. Brand names for lithium carbonate are rare in mining.",
     ["lithium"], []),
    # set 42 (after its measurement): duties on a battery material are the material's news, not EV policy
    ("ev-policy: duties on imports of anode-grade graphite for EV batteries are not",
     "The U.S. said it will impose duties of 93.5% on Chinese imports of anode-grade graphite used in electric "
     "vehicle batteries.",
     ["transition-minerals"], ["ev-policy"]),
    ("ev-policy: duties on Chinese electric vehicles still are",
     "The EU will impose duties on Chinese electric vehicles from July.",
     ["ev-policy"], []),
    # a government's money for battery plants, said as what it committed
    ("ev-policy: governments that committed billions to build EV battery plants",
     "The province and federal government have together committed billions to deals with two carmakers to build "
     "EV battery plants in Ontario.",
     ["ev-policy"], []),
    ("ev-policy: a carmaker that committed billions to battery plants is not",
     "The carmaker has committed billions to build EV battery plants in Ontario.",
     [], ["ev-policy"]),
    # what is bought, held to CO2 rules
    ("supply-chain-emissions: CO2-based steel-sourcing requirements",
     "The carmaker has committed to stringent CO2-based steel-sourcing requirements by 2030.",
     ["supply-chain-emissions"], []),
    ("supply-chain-emissions: quality-based sourcing requirements are not",
     "The carmaker has strict quality-based sourcing requirements.",
     [], ["supply-chain-emissions"]),
    # an Ojibwe band by its name, beside its water and a mine
    ("indigenous-rights: a band warning that a mine could contaminate its lakes",
     "The Mille Lacs Band and local environmentalists warn that the mine could contaminate nearby lakes and wild "
     "rice.",
     ["indigenous-rights"], []),
    ("indigenous-rights: a band opening a hotel is not",
     "The Mille Lacs Band opened a new casino hotel on Friday.",
     [], ["indigenous-rights"]),
    # coal power built beside the mines
    ("renewable-energy: coal-fired power stations built near the mines",
     "In Indonesia, that energy comes from coal-fired power stations built near the mines.",
     ["renewable-energy"], []),
    ("renewable-energy: coal-fired power stations supplying the grid are not",
     "The coal-fired power stations near the city supply most of the grid.",
     [], ["renewable-energy"]),
]


@pytest.mark.parametrize("text, automakers", [
    # a politician's title before a surname that is also a carmaker's name
    ("Premier Ford has already said he wants more electric vehicles built in the province.", []),
    ("Ford said it wants more electric vehicles built in the province.", ["ford"]),
    # a shopping-centre landlord named after a carmaker's brand
    ("Shopping centre landlord Cadillac Fairview is opening two holiday markets. Cadillac Fairview said sales at "
     "its centres are back to pre-pandemic levels.", []),
    ("Cadillac is opening two showrooms for its electric Lyriq.", ["gm"]),
    # set 42: a mountain's summit
    ("A reservation is required to drive a car up Cadillac summit in the summer.", []),
    ("Cadillac sold more electric cars in the summer than a year before.", ["gm"]),
])
def test_set40_automaker_names(tagger, text, automakers):
    assert sorted(a.id for a in tagger.tag(text).automakers) == automakers


@pytest.mark.parametrize("name, text, present, absent", TOPICS, ids=[c[0] for c in TOPICS])
def test_set40_topic_classes(tagger, name, text, present, absent):
    assert_topics(tagger, name, text, present, absent)


@pytest.mark.parametrize("text, about", [
    # "sales volumes of the carmakers" is no group of carmakers doing something; "five of the carmakers" is
    ("Sales volumes of the twelve major carmakers were 2% lower in the third quarter. Changes ranged from a "
     "drop for Tesla and Nissan to gains for General Motors and Subaru.", []),
    ("Five of the major carmakers have asked for a delay. Tesla, Nissan, General Motors and Subaru signed the "
     "letter on Monday.", ["gm", "nissan", "subaru", "tesla"]),
    # a parent's possessive describing the company that acts: "X's affiliate Kia said"
    ("Hyundai Motor Group's smaller affiliate Kia said on Friday that its profit rose by a tenth.", ["kia"]),
    ("Hyundai Motor Group said on Friday that its profit rose by a tenth.", ["hyundai"]),
    # a dealership named after the brand it sells is the dealer's news
    ("The Northside Kia dealership was bought by a dealer group from Texas on Monday.", []),
    ("Kia was bought out of its dealer contract in Texas on Monday.", ["kia"]),
    # the partner a company is described by, in apposition ("SAIC, the Chinese partner of Volkswagen and GM")
    ("New duties hit cars made in China. State-owned SAIC, the Chinese partner of Volkswagen and General "
     "Motors, shipped 80,000 cars to Europe last year.", ["saic"]),
    ("New duties hit cars made in China. State-owned SAIC, Volkswagen and General Motors shipped 80,000 cars "
     "to Europe last year.", ["gm", "saic", "volkswagen"]),
    # a company's sister named in a list of two objects is no doer of its own clause
    ("According to the report, child labour in Hyundai's supply chain in Alabama was widespread. It uncovered "
     "that suppliers for Hyundai Motor Co and sister company Kia Corp had hired children.", ["hyundai"]),
    ("The report says Hyundai Motor Co hired children, and sister company Kia Corp hired them too.",
     ["hyundai", "kia"]),
    # a plant run with a local partner: both are the joint venture's
    ("Volkswagen will sell its plant in Urumqi, which it operates in partnership with SAIC, to a state-owned "
     "company.", ["saic", "volkswagen"]),
    ("Volkswagen will sell its plant in Urumqi, which once made cars for SAIC, to a state-owned company.",
     ["volkswagen"]),
    # set 42: the workers of "the three largest automakers" the lede speaks of, named later, face the strike together
    ("Workers at the three largest automakers in the United States have voted to authorize a strike. The union is "
     "bargaining for workers at General Motors, Stellantis and Ford under one contract.", ["ford", "gm", "stellantis"]),
    ("Six months after workers at a battery plant in Ohio organised, the union wants to fold the plants planned by "
     "General Motors, Ford and Stellantis into its contract.", []),
    # set 42: a joint venture's plant "with" its partner, described in a few words
    ("Volkswagen said on Wednesday that it has sold its joint-venture plant with Chinese state-owned company SAIC "
     "Motor Corp. in Urumqi.", ["saic", "volkswagen"]),
    ("Volkswagen said on Wednesday that it has sold its plant in Urumqi to a buyer that supplies Chinese state-owned "
     "company SAIC Motor Corp.", ["volkswagen"]),
    # the company a sentence opens with, described as another's unit, before ", and" and the next party
    ("Hyundai Glovis Co., the logistics unit of Hyundai Motor Group, and EcoPro Co. have teamed up to recycle "
     "batteries. The two companies signed a memorandum on Monday.", []),
])
def test_set40_role_classes(tagger, text, about):
    assert sorted(a.id for a in tagger.tag(text).automakers if a.role == "subject") == about
