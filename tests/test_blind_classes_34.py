"""Classes of error found on blind sets 34 to 38 of real passages (issue 15: 90 passages each,
collected and labelled by two helpers who never ran the tagger, each scored once before anything was
changed for it; the passages stay outside the repository). Each case is a sentence written for these tests, with its
counter-case. Rules: nlp/data/topics.yaml, nlp/data/suppliers.yaml, nlp/data/automakers.yaml,
nlp/features.py, nlp/name_lists.py, nlp/aboutness.py."""

from __future__ import annotations

import pytest

from tests.helpers import assert_topics

# (class, text, topics that must be tagged, topics that must not be)
TOPICS = [
    # "human rights" naming the kind of group that speaks is no company's due diligence
    ("human-rights-due-diligence: a coalition of environmental, human rights, and labour groups is not",
     "A coalition of environmental, human rights, and labour organisations ranks carmakers on cleaning up "
     "their supply chains.",
     [], ["human-rights-due-diligence"]),
    ("human-rights-due-diligence: human rights groups ranking suppliers are not",
     "Human rights groups met the suppliers in Lagos.",
     [], ["human-rights-due-diligence"]),
    ("human-rights-due-diligence: respecting human rights in the supply chain still is",
     "The law says carmakers must respect human rights across their supply chains.",
     ["human-rights-due-diligence"], []),
    ("human-rights-due-diligence: a company's human rights practices",
     "The ranking found wide gaps in carmakers' human rights practices.",
     ["human-rights-due-diligence"], []),
    # a metal set beside "one of the critical raw materials" is that metal's story
    ("transition-minerals: lithium, one of the most prized critical raw materials, is lithium's",
     "The region hopes to mine lithium – one of the most prized critical raw materials – within five years.",
     ["lithium"], ["transition-minerals"]),
    ("transition-minerals: a list of critical minerals still is",
     "The region hopes to mine lithium, graphite and other critical minerals within five years.",
     ["transition-minerals"], []),
    # steel made with clean power; clean power beside steel bought is not
    ("green-steel: steel smelted using renewable electricity",
     "The carmaker now buys steel and aluminium smelted using renewable electricity.",
     ["green-steel"], []),
    ("green-steel: a plant on renewable power that buys steel is not",
     "The assembly plant runs on renewable electricity and buys its steel from a local mill.",
     [], ["green-steel"]),
    # a verb form of "extract" beside a metal
    ("lithium: the right to extract lithium",
     "Two firms won the right to extract lithium for twenty years.",
     ["lithium"], []),
    # a minister's title is no mining story
    ("transition-minerals: the mining minister and local communities are not",
     "The mining minister said the payments would support local communities.",
     [], ["transition-minerals"]),
    ("transition-minerals: a mine harming local communities still is",
     "The new mine has polluted the rivers that local communities drink from.",
     ["transition-minerals"], []),
    # workers' protection; a union bargaining over a closure's severance
    ("workers-rights: standards for worker protection",
     "The smelter broke international standards for worker protection, inspectors said.",
     ["workers-rights"], []),
    ("workers-rights: unions discussing a severance plan",
     "Unions and managers were discussing a severance plan linked to the closure.",
     ["workers-rights"], []),
    ("workers-rights: a cost paid by the workers is not wages",
     "There is a price for cheap batteries, and it is being paid by the workers at the mines.",
     [], ["workers-rights"]),
    # a tax break for the gigafactory of the sentence before; tariffs beside an electric hatch
    ("ev-policy: tax breaks for the battery plant of the sentence before",
     "The group will build a battery gigafactory near Bristol. It hopes to get tax breaks from the "
     "government for the site.",
     ["ev-policy"], []),
    ("ev-policy: tax breaks for a bakery are not",
     "The group will build a new bakery near Bristol. It hopes to get tax breaks from the government for the "
     "site.",
     [], ["ev-policy"]),
    ("ev-policy: tariffs beside an electric hatch made in China",
     "The carmaker may keep making its electric hatch in China if tariffs on those imports fall.",
     ["ev-policy"], []),
    # set 35: extractivism of a metal; a ministry of mines is a title; climate-neutral power; steel made
    # without the use of fossil fuels
    ("lithium: the extractivism of lithium",
     "The reform opens the way to the extractivism of mineral resources, above all lithium.",
     ["lithium"], []),
    ("human-rights-due-diligence: the Minister of Mines on transparency is not",
     "The Minister of Mines said the rules bring transparency to mineral exports.",
     [], ["human-rights-due-diligence"]),
    ("human-rights-due-diligence: a miner's audits of its mines still are",
     "The miner said audits of its mines bring transparency to its cobalt supply chain.",
     ["human-rights-due-diligence"], []),
    ("renewable-energy: climate-neutral electricity in the plants",
     "All its car plants now run on climate-neutral electricity.",
     ["renewable-energy"], []),
    ("renewable-energy: a climate-neutral car is not",
     "The new model is sold as a climate-neutral car.",
     [], ["renewable-energy"]),
    ("green-steel: steel made without the use of fossil fuels",
     "The trucks will use steel made without the use of fossil fuels.",
     ["green-steel"], []),
    ("green-steel: a steel bridge built without the use of cranes is not",
     "The steel bridge opened without the use of cranes.",
     [], ["green-steel"]),
    # set 36: supply-chain carbon cuts by parts makers; Aboriginal heritage laws; a cartel's fines are not
    # EV policy; cars a day are output, not wages; Norsk Hydro by its name is not hydropower
    ("supply-chain-emissions: carbon reduction by parts partner companies",
     "The ministry and the carmaker will fund carbon reduction by auto parts partner companies.",
     ["supply-chain-emissions"], []),
    ("supply-chain-emissions: a carmaker's own carbon reduction is not",
     "The ministry and the carmaker will fund carbon reduction at the assembly plant.",
     [], ["supply-chain-emissions"]),
    ("indigenous-rights: Aboriginal cultural heritage laws",
     "Miners want clarity as the state moves to scrap its new Aboriginal cultural heritage laws.",
     ["indigenous-rights"], []),
    ("ev-policy: fines for a recycling cartel are not",
     "The Commission imposed fines on 15 carmakers and the European Automobile Manufacturers' Association for a "
     "cartel on recycling old cars.",
     [], ["ev-policy"]),
    ("workers-rights: cars a day are output, not a wage",
     "The site now has 2,500 employees and builds 28 cars a day.",
     [], ["workers-rights"]),
    ("workers-rights: two dollars a day is a wage",
     "The site's employees are paid two dollars a day.",
     ["workers-rights"], []),
    ("aluminium: the aluminium company Hydro by name is not hydropower",
     "Workers at a plant of the Norwegian aluminum company Hydro stopped work on the carmaker's parts.",
     [], ["aluminium"]),
    ("aluminium: aluminium smelted with hydro power still is",
     "The smelter makes its aluminium with hydro power from the dam.",
     ["aluminium"], []),
    # set 37: mini-mill steel; "the field of green energy" is no power bought
    ("green-steel: mini-mill steel",
     "The steelmaker will supply the carmaker with mini-mill steel from Arkansas.",
     ["green-steel"], []),
    ("green-steel: mini-mills as one of a steelmaker's plants are not",
     "The steelmaker, which runs blast furnaces, mini-mills and special steel plants, said demand rose in the quarter.",
     [], ["green-steel"]),
    ("renewable-energy: leading in the field of green energy is not",
     "Factories moved home to onshore the battery supply chain so the country can lead in the field of green "
     "energy.",
     [], ["renewable-energy"]),
    ("renewable-energy: a plant on green energy still is",
     "The plant runs on green energy from a wind farm.",
     ["renewable-energy"], []),
]


@pytest.mark.parametrize("text, automakers", [
    # set 35: GM as a chess grandmaster's title
    ("Top seed GM Anna Petrova leads the field, and GMs from six countries play in the final round.", []),
    ("GM will build more cars in Michigan, and the GMs of two dealers attended.", ["gm"]),
    # (set 33) the next sentence calls the name the carmaker after an opening phrase
    ("The split fits Ford's shift in strategy. In addition to the split, the US carmaker has been cutting its "
     "budget.", ["ford"]),
    ("The split fits Ford's shift in strategy. In addition to the split, the company has been cutting its "
     "budget.", []),
    # set 36: Alpine skiing's World Cup; a seat maker's company named "X Seat Co"
    ("Audi sponsors the races, and the next Alpine Ski World Cup slalom is on Saturday in Austria.", ["volkswagen"]),
    ("Renault will build the Alpine A290 at its Alpine plant in Dieppe.", ["renault"]),
    ("Mazda and its peer Toyo Seat Co Ltd will buy solar power from a local utility.", ["mazda"]),
    ("The Cupra Born and the Seat Ibiza were the brand's best sellers.", ["volkswagen"]),
])
def test_set35_automaker_names(tagger, text, automakers):
    assert sorted(a.id for a in tagger.tag(text).automakers) == automakers


@pytest.mark.parametrize("name, text, present, absent", TOPICS, ids=[c[0] for c in TOPICS])
def test_set34_topic_classes(tagger, name, text, present, absent):
    assert_topics(tagger, name, text, present, absent)


@pytest.mark.parametrize("text, about", [
    # a phrase set before the sentence's subject ("Fresh off ..., the union") holds no doer
    ("Fresh off its win at Ford's Louisville plant, the union is now targeting other carmakers. Organisers "
     "are signing up workers at Toyota's plant in Kentucky, and Toyota said it had raised pay.", ["toyota"]),
    ("Workers at Ford's Louisville plant voted for the union on Friday. Organisers are now signing up "
     "workers at Toyota's plant in Kentucky.", ["ford"]),
    # a subsidiary's own page calling itself one of its parent's companies
    ("We recover cobalt and nickel from old packs. As a Mercedes-Benz Group company, we supply the "
     "recyclates to cell makers.", ["mercedes-benz"]),
    ("We recover cobalt and nickel from old packs. Our customers include Mercedes-Benz and two cell "
     "makers.", []),
    # the recycler by its short name leads the story: the carmakers that support it are its partners
    ("Redwood is starting a battery recycling programme in California. Ford and Volvo Cars are the first "
     "automakers to back the programme.", []),
    ("A battery plant opened in Redwood City last week. Ford and Volvo Cars are the first automakers to "
     "buy its cells.", ["ford", "volvo-cars"]),
    # set 36: the one automaker named, called "the electric car company" in a later sentence, is the story's
    ("Some residents want their council to stop a plan to rezone land near their homes. The plan would let "
     "Scout Motors take over the land. The upstart electric car company wants a rail line there. One resident "
     "asked about Scout Motors at the meeting.", ["volkswagen"]),
    ("Some residents want their council to stop a plan to rezone land near their homes. The plan would let "
     "Scout Motors take over the land. The rail company wants a line there. One resident asked about Scout "
     "Motors at the meeting.", []),
    # set 37: a plant "owned by GM and LG" names its joint venture's owners, not a parent describing a firm
    ("The union has organised its first joint-venture battery plant, a factory in Ohio owned by General Motors "
     "Co. and LG Energy Solution, the union said on Friday. Workers voted 710 to 16 for the union.", ["gm"]),
    ("Cruise, a robotaxi firm owned by General Motors, will test its cars in Texas. Cruise said tests start in "
     "June.", []),
    # set 37: a lede whose doer is "The auto-maker", in a text naming one automaker
    ("The auto-maker has already announced plans to build a battery plant in Lansing. City officials approved "
     "tax incentives. A local activist once led a campaign to keep GM in the area.", ["gm"]),
    ("The city has already announced plans for a battery plant in Lansing. City officials approved tax "
     "incentives. A local activist once led a campaign to keep GM in the area.", []),
    # set 38 (after its measurement): ", Ltd." is the rest of a name, not an item of a list; the one automaker
    # named in a list, then called "the Japanese automaker" as a doer
    ("Nissan Motor Co., Ltd. and Honda Motor Co., Ltd. announced the end of their merger talks. Both companies "
     "consulted their stakeholders.", ["honda", "nissan"]),
    ("A report names carmakers such as Nissan Motor Co., Ltd. and Honda Motor Co., Ltd. among the slowest to cut "
     "emissions. The report was written by a Tokyo think tank.", []),
    ("Prime Minister Justin Trudeau, Premier Doug Ford and Honda executives are expected to announce today that "
     "the Japanese automaker is building a battery plant in Alliston.", ["honda"]),
    ("Prime Minister Justin Trudeau, Premier Doug Ford and Honda executives met at a town hall about road "
     "repairs in Alliston.", []),
])
def test_set34_role_classes(tagger, text, about):
    assert sorted(a.id for a in tagger.tag(text).automakers if a.role == "subject") == about
