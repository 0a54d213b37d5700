"""Classes of error found on a second batch of fresh real text (kept outside the repository,
in ../shared's spirit: third-party text is read in place, never copied), each with short texts
of our own: the subject said in other words must be tagged, and the words used where the subject
is absent must not be. Facts may be real; the sentences are written for these tests. The rules
live in nlp/data/topics.yaml, nlp/data/automakers.yaml and nlp/mentions.py."""

from __future__ import annotations

import pytest

from tests.helpers import assert_topics

# (class, text, topics that must be tagged, topics that must not be)
TOPICS = [
    ("green-steel: an aluminium smelter's coal power is not the blast-furnace route",
     "The aluminium producer relies on coal-based captive power plants, which cause most of its carbon emissions.",
     [], ["green-steel"]),
    ("green-steel: leaving coal-based steelmaking still counts",
     "The mill is moving away from coal-based steelmaking and will cut its emissions by half.",
     ["green-steel"], []),
    ("aluminium: primary raw materials listed",
     "Carmakers are large consumers of primary raw materials such as steel, aluminium, copper and glass.",
     [], ["aluminium"]),
    ("aluminium: one metal in a list of materials",
     "The body uses rubber, aluminium, glass and plastics, and little of it is recycled.",
     [], ["aluminium"]),
    ("aluminium: primary aluminium still counts",
     "The smelter will sell primary aluminium made with hydropower to the carmaker.",
     ["aluminium"], []),
    ("renewable-energy: a second-life battery storing renewable power",
     "Old packs will be prepared for second-life renewable energy storage or sent for recycling.",
     [], ["renewable-energy"]),
    ("renewable-energy: the clean-energy transition as a goal",
     "The law funds programmes that speed the transition to clean energy across the economy.",
     [], ["renewable-energy"]),
    ("renewable-energy: a power purchase agreement still counts",
     "The plant signed a power purchase agreement for wind power from a nearby farm.",
     ["renewable-energy"], []),
    ("workers-rights: market conditions",
     "Miners expect no relief from difficult market conditions before the end of the year.",
     [], ["workers-rights"]),
    ("workers-rights: shifts cancelled by a storm",
     "The carmaker cancelled two shifts after rolling blackouts kept workers from reaching the plant in the snowstorm.",
     [], ["workers-rights"]),
    ("workers-rights: labour as a cost",
     "Staff turnover runs at 20 percent even though wages for the factory's workers rise every year.",
     [], ["workers-rights"]),
    ("workers-rights: a wage strike still counts",
     "Workers at the plant went on strike to demand higher wages.",
     ["workers-rights"], []),
    ("battery-recycling: recycled as a step in a sourcing rule",
     "Minerals in the battery cannot have been extracted, processed, or recycled by a foreign entity of concern.",
     [], ["battery-recycling"]),
    ("battery-recycling: a recycling plant still counts",
     "The company recycles spent batteries at its new plant and recovers nickel and lithium.",
     ["battery-recycling"], []),
    ("deep-sea-mining: the ocean named for the seabed",
     "The carmaker pledged to keep minerals mined from the ocean out of its batteries.",
     ["deep-sea-mining"], []),
    ("deep-sea-mining: the ocean mining industry",
     "Scientists warned that the ocean mining industry would harm fisheries.",
     ["deep-sea-mining"], []),
    ("cobalt: artisanal miners of another metal",
     "The government banned raw lithium exports to stop artisanal miners smuggling the ore across the border.",
     [], ["cobalt"]),
    ("cobalt: artisanal mining in Congo still counts",
     "Artisanal miners dig by hand in the Congo, and their ore is mixed into industrial output.",
     ["cobalt"], []),
    ("transition-minerals: critical minerals in an EV credit's sourcing rule",
     "To qualify for the $3,750 credit, 40 percent of the critical minerals in an EV battery must come from free-trade partners.",
     ["ev-policy"], ["transition-minerals"]),
    ("transition-minerals: a graphite supply agreement",
     "The carmaker signed an agreement to buy graphite from a mine in Mozambique.",
     ["transition-minerals"], []),
    ("transition-minerals: a miner named in a generic list keeps proving",
     "The carmaker will buy anode material from Syrah Resources for its battery plant.",
     ["transition-minerals"], []),
    ("human-rights-due-diligence: child labour sold on through traders",
     "Traders buy ore dug with child labour and sell it to a refiner that supplies battery makers.",
     ["human-rights-due-diligence"], []),
    ("human-rights-due-diligence: child labour in a supply chain",
     "The audit found child labour deep in the mica supply chain of the paint makers.",
     ["human-rights-due-diligence"], []),
    ("human-rights-due-diligence: child labour found at one supplier is workers' rights",
     "A parts supplier employed children as young as 14 on night shifts, inspectors found.",
     ["workers-rights"], ["human-rights-due-diligence"]),
    ("human-rights-due-diligence: suppliers rated on human rights",
     "Suppliers must reach a minimum score in the EcoVadis labour and human rights assessment.",
     ["human-rights-due-diligence"], []),
    ("human-rights-due-diligence: a trace dose is no tracing",
     "The effect may appear at trace doses of lithium in tap water.",
     [], ["human-rights-due-diligence"]),
    ("supply-chain-emissions: a footprint counted from material extraction",
     "Counting material extraction and processing, the study puts the carbon footprint of the electric car at 26 tonnes.",
     ["supply-chain-emissions"], []),
    ("indigenous-rights: the first nation to do something is the first country",
     "The island state was the first nation globally to license seabed mining in its waters.",
     ["deep-sea-mining"], ["indigenous-rights"]),
    ("indigenous-rights: a First Nation still counts",
     "The First Nation says the mine was approved without its consent on its traditional land.",
     ["indigenous-rights"], []),
    ("transition-minerals: critical minerals in a seabed story are that story's",
     "The government hopes deep-sea mining will secure critical minerals despite calls for a moratorium.",
     ["deep-sea-mining"], ["transition-minerals"]),
    ("lithium: the mining region named as such",
     "Farmers in the lithium heartland of the Andes fear for their springs as the drought drags on.",
     ["lithium"], []),
    ("workers-rights: deaths and unrest where people work",
     "As output ramped up, so did reports of worksite deaths and unrest at smelter sites.",
     ["workers-rights"], []),
    ("ev-policy: a programme subsidizing EV purchases",
     "The ministry launched a programme subsidizing purchases of electric vehicles from qualifying makers.",
     ["ev-policy"], []),
]


@pytest.mark.parametrize("name,text,want,refuse", TOPICS, ids=[c[0] for c in TOPICS])
def test_topic_classes(tagger, name, text, want, refuse):
    assert_topics(tagger, name, text, want, refuse)


# (class, text, automakers that must be tagged, automakers that must not be)
AUTOMAKERS = [
    ("GM: the sports team's general manager",
     "With no ice yet at the new arena, fans wonder when the GM will be hired.", [], ["gm"]),
    ("GM: a general manager named in the same sentence",
     "The club's general manager left in May, and the GM search is under way.", [], ["gm"]),
    ("GM: the carmaker still counts",
     "GM said it would build electric pickups at the Michigan plant.", ["gm"], []),
    ("Honda: a person telling her memories",
     "Honda recounted how her family buried their belongings before they were sent away.", [], ["honda"]),
    ("Honda: a carmaker's recall still counts",
     "Honda recalled 1.2 million cars over a faulty fuel pump.", ["honda"], []),
    ("Mitsubishi: the trading house's gas business",
     "Mitsubishi also owns 10 per cent of an LNG plant in Sarawak.", [], ["mitsubishi"]),
    ("GM: a title between commas after a person's name",
     "“The ledger helps,” Priya Nair, GM, Industrial Products at a software firm, said.", [], ["gm"]),
    ("GM: a list of carmakers still counts",
     "Carmakers such as Ford, GM, Toyota and Honda raised prices.", ["gm", "ford"], []),
    ("Subaru: the telescope and its galaxies",
     "The Subaru telescope mapped nearby galaxies last winter.", [], ["subaru"]),
    ("Subaru: the carmaker still counts",
     "Subaru recalled 100,000 cars over a brake fault.", ["subaru"], []),
    ("Ford: context from another automaker in the sentence before",
     "Toyota led the quality ranking this year. Ford was second.", ["ford", "toyota"], []),
    ("Ford: a premier named first stays the premier",
     "Premier Doug Ford met Toyota executives on Monday. Ford said the province would help the plant.",
     ["toyota"], ["ford"]),
    ("Tesla: a range of years ending after its founding",
     "The inflators were used from 2000 to 2018 by GM, Ford, Tesla, Toyota and Kia.", ["tesla", "kia"], []),
    ("Tesla: the inventor in a sentence dated before the carmaker",
     "In 1887 Tesla designed an induction motor.", [], ["tesla"]),
]


@pytest.mark.parametrize("name,text,want,refuse", AUTOMAKERS, ids=[c[0] for c in AUTOMAKERS])
def test_automaker_classes(tagger, name, text, want, refuse):
    got = {a.id for a in tagger.tag(text).automakers}
    for automaker in want:
        assert automaker in got, f"{name}: {automaker} missed in {text!r} (got {sorted(got)})"
    for automaker in refuse:
        assert automaker not in got, f"{name}: {automaker} tagged in {text!r}"
