"""Classes of error found on blind sets 47 to 55 of real passages (issue 15: passages from new pages,
collected and labelled by helpers who never ran the tagger, each set scored once before anything was
changed for it; the passages stay outside the repository). Each case is a sentence written for these
tests, with its counter-case. Rules: nlp/data/topics.yaml, nlp/together.py (market_movers),
nlp/other_lede.py (supplies), nlp/features.py (_EXAMPLE_AFTER), nlp/ties.py (_PAST_TIE), nlp/people.py,
nlp/data/automakers.yaml."""

from __future__ import annotations

import pytest

from tests.helpers import assert_topics, subjects

# (class, text, topics that must be tagged, topics that must not be)
TOPICS: list[tuple[str, str, list[str], list[str]]] = [
    # lithium's end uses listed in its market's news: "lubricants" there is no grease page
    ("lithium: end uses listed, then the brine pumped from a salt flat",
     "Argentina's lithium goes into glass, greases and lubricants, and above all into batteries. On the salt "
     "flat, the company pumps brine into evaporation ponds.",
     ["lithium"], []),
    ("lithium: a grease's own words (its soap, its complex) still are no lithium story",
     "Lithium complex greases are sold in cartridges and pails. The supply of lithium soap greases is tight "
     "this year and prices rose.",
     [], ["lithium"]),
    # cobalt with the mines that dig it a sentence away
    ("cobalt: the mines of a country one sentence before the metal",
     "Thousands of diggers work in the vast mines of the Democratic Republic of Congo. Here the boys sort the "
     "rocks for the blue-grey seams of cobalt used in phone batteries.",
     ["cobalt"], []),
    ("cobalt: Congo's politics beside a paint colour is not",
     "Congo's election is next month. Cobalt blue paint was the artist's favourite.",
     [], ["cobalt"]),
    # ... and not the potters' pigment, "cobalt ore" or not
    ("cobalt: potters' cobalt ore for porcelain is not",
     "Ming potters used cobalt ore from Persia for the blue on their porcelain.",
     [], ["cobalt"]),
    ("cobalt: cobalt ore exported from a mine still is",
     "Cobalt ore exports from the mine rose in the third quarter.",
     ["cobalt"], []),
    # child labour said without the words: children made to do the work, or a child's age and the work
    ("workers-rights: children, some just nine years old, working in the pits",
     "Hundreds of boys, some just nine years old, working in the copper pits of the region, earn almost nothing.",
     ["workers-rights"], []),
    ("workers-rights: children made to carry sacks of ore",
     "Children are made to carry sacks of ore for a few coins a day.",
     ["workers-rights"], []),
    ("workers-rights: children made to feel welcome are not",
     "The children were made to feel welcome at the school's open day.",
     [], ["workers-rights"]),
    ("workers-rights: an age and a market stall are not",
     "She was eight years old, working a market stall with her mother.",
     [], ["workers-rights"]),
    # food's traceability is its origin and safety, not human-rights due diligence
    ("due diligence: traceability in the seafood supply chain is not",
     "Traceability in the seafood supply chain lets buyers track each fish from the boat to the shop.",
     [], ["human-rights-due-diligence"]),
    ("due diligence: traceability in the cobalt supply chain is",
     "Traceability in the cobalt supply chain lets buyers track each sack from the mine to the refinery.",
     ["human-rights-due-diligence"], []),
    ("due diligence: forced labour in a seafood supply chain still is",
     "Forced labour on fishing boats taints the seafood supply chain, and buyers must audit their suppliers for it.",
     ["human-rights-due-diligence"], []),
    # set 49: the EV credit's amounts alone a sentence from a car only if the car is electric
    ("ev-policy: coins worth about $3,750, then a car crash, are not",
     "The collector bought the coin for about $3,750 at an auction. He died in a car crash years later.",
     [], ["ev-policy"]),
    ("ev-policy: the full $7,500, then the electric cars it applies to",
     "Buyers get the full $7,500. It applies to electric cars assembled in North America.",
     ["ev-policy"], []),
    # "of mine" is no mine; a Cobalt recall is the Chevrolet's
    ("cobalt: a friend of mine and his Cobalt recall notice are not",
     "A friend of mine just got his Cobalt recall notice.",
     [], ["cobalt"]),
    ("cobalt: a friend of mine at a cobalt mine in Kolwezi still is",
     "A friend of mine works at a cobalt mine in Kolwezi.",
     ["cobalt"], []),
    # a car's used batteries, by its model, put to power something else: second life
    ("battery-recycling: used Nissan Leaf batteries within an arena's power supply",
     "The arena signed a deal to integrate used Nissan Leaf batteries within its power supply. The storage "
     "system feeds the grid at peak hours.",
     ["battery-recycling"], []),
    ("battery-recycling: a car bought with used Leaf batteries is not",
     "He bought a car with used Nissan Leaf batteries from a dealer in Ohio.",
     [], ["battery-recycling"]),
    # sustainability standards for a battery supply chain are environmental, not human-rights due diligence
    ("due diligence: new sustainability standards for the battery supply chain are not",
     "The agreement sets new sustainability standards for the battery supply chain, using geothermal brines and "
     "renewable energy.",
     [], ["human-rights-due-diligence"]),
    ("due diligence: human rights standards for its suppliers are",
     "The agreement sets human rights standards for its suppliers in the battery supply chain.",
     ["human-rights-due-diligence"], []),
    # set 50: a battery's embodied CO2 by its weight per battery
    ("supply-chain-emissions: kg of CO2 avoided per 50-kWh battery",
     "With the low-carbon lithium, the carmaker will be able to avoid from 300 to 700 kg of CO2 per 50-kWh battery.",
     ["supply-chain-emissions"], []),
    ("supply-chain-emissions: a grid's grams of CO2 per kWh are not",
     "The grid emits about 400 g of CO2 per kWh of electricity.",
     [], ["supply-chain-emissions"]),
    # supplies chosen so as not to use cobalt from mines where children work: due diligence
    ("due diligence: supplies chosen to avoid cobalt from mines where children work",
     "The carmaker decided to obtain supplies from certain groups so as not to use cobalt extracted from mines "
     "where children work.",
     ["human-rights-due-diligence"], []),
    ("due diligence: a visit to mines where children work is workers' rights only",
     "Reporters visited mines where children work in terrible conditions.",
     ["workers-rights"], ["human-rights-due-diligence"]),
    # set 51: cleaner steelmaking; a government's money for an electric model's plant, a sentence from the cars
    ("green-steel: a transition towards cleaner steelmaking",
     "This comes against the backdrop of a transition towards cleaner steelmaking with aid from the government.",
     ["green-steel"], []),
    ("ev-policy: the government has provided funding, a sentence after the electric model and battery factory",
     "The Prime Minister visited the carmaker's plant after it announced a new electric model and an electric "
     "battery factory. The government has provided funding towards the investment, but has not said how much.",
     ["ev-policy"], []),
    ("ev-policy: each level of government will give the carmaker money, for zero-emission vehicles",
     "The premier and the federal minister will announce that each level of government will give Honda $131.6 "
     "million toward the plant. \"This investment will help Honda transition to producing low- and zero-emission "
     "vehicles,\" said the minister.",
     ["ev-policy"], []),
    ("ev-policy: the government's funding for a library is not",
     "The government has provided funding for the new library.",
     [], ["ev-policy"]),
    # steel with a share of recycled material, or a steelmaker cutting its steel's carbon intensity
    ("green-steel: steel including a minimum 70% recycled material",
     "Through the agreement, steel produced for the carmaker will include a minimum 70% recycled material.",
     ["green-steel"], []),
    ("green-steel: cutting the carbon intensity of its steel",
     "The deal is part of the company's commitment to cut the carbon intensity of its steel by 25%.",
     ["green-steel"], []),
    ("green-steel: a steel company's earnings and recycled materials in its offices are not",
     "The steel company reported record earnings and recycled materials in its offices.",
     [], ["green-steel"]),
    # set 53 (a round read off the session's final measurement): cobalt's demand; "Black, Indigenous and people of
    # color" is a demographic phrase
    ("cobalt: demand for cobalt rising with electric car sales",
     "Demand for cobalt is increasing as more electric cars are sold.",
     ["cobalt"], []),
    ("indigenous-rights: grants to BIPOC (Black, Indigenous and people of color) organizations are not",
     "The foundation is announcing grants to BIPOC (Black, Indigenous and people of color) organizations across "
     "the country.",
     [], ["indigenous-rights"]),
    ("indigenous-rights: Indigenous communities never consulted still are",
     "Indigenous communities near the mine say they were never consulted.",
     ["indigenous-rights"], []),
    # set 54: coltan and tantalum are transition minerals; a grant's "full discount" is an EV incentive's eligibility
    ("transition-minerals: a mine with Africa's largest deposits of coltan",
     "The new system started at the mine near Rubaya, which has some of Africa's largest deposits of coltan, a "
     "tantalum-rich ore.",
     ["transition-minerals"], []),
    ("ev-policy: models that won't be eligible for the full discount, a sentence from the EVs",
     "But not all vehicles will qualify. Models with higher emissions from production won't be eligible for the full "
     "discount. EVs from some brands could be left out.",
     ["ev-policy"], []),
    ("ev-policy: a sofa's full discount is not",
     "Shoppers will be eligible for the full discount on the sofa.",
     [], ["ev-policy"]),
    # geothermal sources for a plant's energy; a supplier's help to decarbonise the carmaker's own operations is
    # not its supply chain's (but suppliers asked to decarbonise their operations are)
    ("renewable-energy: new geothermal sources for an industrial site's energy supply",
     "The agreement is for a project to develop new geothermal sources contributing to the energy supply of an "
     "industrial site in Mulhouse.",
     ["renewable-energy"], []),
    ("supply-chain-emissions: a supplier helping to decarbonise its European operations is not",
     "Carmaker Stellantis has signed a new agreement with lithium supplier Vulcan Energy Resources aiming to help "
     "decarbonise its European operations, the two groups said.",
     [], ["supply-chain-emissions"]),
    ("supply-chain-emissions: suppliers asked to decarbonise their operations are",
     "The carmaker asks its suppliers to decarbonise their operations by 2030.",
     ["supply-chain-emissions"], []),
    # mines that meet "our social and environmental standards" as a condition of sourcing: due diligence
    ("due diligence: sourcing from mines that meet our social and environmental standards",
     "The carmaker supports sourcing metals from the DRC provided they come from mines that meet our social and "
     "environmental standards.",
     ["human-rights-due-diligence"], []),
    # critical raw materials "with a focus on lithium" are lithium's story, not the other minerals'
    ("transition-minerals: critical raw materials with a focus on lithium are not",
     "Serbian and EU officials signed an agreement on supplies of critical raw materials, with a focus on lithium.",
     ["lithium"], ["transition-minerals"]),
    ("transition-minerals: critical raw materials for the bloc's industry still are",
     "Serbian and EU officials signed an agreement on supplies of critical raw materials for the bloc's industry.",
     ["transition-minerals"], []),
]


@pytest.mark.parametrize("name, text, present, absent", TOPICS, ids=[c[0] for c in TOPICS])
def test_set47_topic_classes(tagger, name, text, present, absent):
    assert_topics(tagger, name, text, present, absent)


@pytest.mark.parametrize("text, about", [
    # a market report's movers: entries of a list, like a table's, not its subjects
    ("Exporters rose on a weaker yen. Toyota Motor added 2.5%, Honda climbed 1.8% and Suzuki ended 0.9% higher.",
     []),
    ("Tesla's stock fell 3% on Monday, while Ford shares rose 1.2%.", []),
    # one carmaker's shares, moved by its own news, are its story
    ("Toyota shares rose 5% after the carmaker raised its profit forecast. The company also said it would "
     "build a plant.", ["toyota"]),
    # a word of supplying earlier in the lede makes a carmaker the buyer only when it is what is supplied
    # to, not a speaker's company ("to trace cobalt supplies from Congo, a manager at Ford said")
    ("Automaker Ford Motor Co, China's Huayou Cobalt and South Korean cell supplier LG Chem have teamed up on a "
     "blockchain pilot to trace cobalt supplies from Congo, a manager at Ford said. Ford and its partners want "
     "the cobalt in their batteries to be free of child labour. \"It is step one,\" said a Ford manager.", ["ford"]),
    ("Liontown Resources has signed an offtake agreement with electric vehicle maker Tesla for the supply of "
     "spodumene concentrate from its Kathleen Valley project.", []),
    ("BHP has signed a deal to supply nickel from its mines in Western Australia to Japanese automaker Toyota.", []),
    # names said to be examples: "Mercedes and Volkswagen are good examples"
    ("Mercedes and Volkswagen are good examples as the only two companies that publish raw materials reports. "
     "Chinese carmakers BYD and SAIC still do not disclose their scope 3 emissions.", []),
    ("Mercedes and Volkswagen publish raw materials reports as the only two companies that do. Chinese "
     "carmakers BYD and SAIC still do not disclose their scope 3 emissions.", ["mercedes-benz", "volkswagen"]),
    # set 49: a probe, a strike and a fine aimed at the carmakers the lede lists or the next sentence names:
    # each faces it
    ("The safety agency is investigating Audi, Toyota, Honda and Mitsubishi over their airbags. It says the "
     "supplier did not give details of the affected models.", ["honda", "mitsubishi", "toyota", "volkswagen"]),
    ("For the first time, the union is striking against the so-called big three automakers at once. Overnight, "
     "workers walked out at a General Motors plant in Missouri, a Ford factory near Detroit, and a Stellantis "
     "plant in Ohio.", ["ford", "gm", "stellantis"]),
    ("The Commission has slapped the three largest German carmakers - Daimler, BMW and Volkswagen - with a fine "
     "over diesel technology. Volkswagen will pay most of it.", ["bmw", "mercedes-benz", "volkswagen"]),
    # a supplier's deal with the carmaker "to supply" it: the carmaker is the buyer; its own deal is its news
    ("Brazilian miner Vale said on Friday it has signed a long-term deal with Tesla Inc to supply the electric "
     "vehicle maker with nickel from Canada. Vale did not give financial details of the deal with Tesla.", []),
    ("Tesla said on Friday it has signed a long-term deal with Vale to secure nickel for its plants. Tesla did "
     "not give financial details.", ["tesla"]),
    # set 50: a parent naming the company it describes ("Hyundai affiliate Kia Motors"); a carmaker's partner in
    # the country, in apposition ("GAC Motor, Toyota's Chinese partner"), is a partner of its story
    ("Union workers at Hyundai affiliate Kia Motors resumed an eight-hour partial strike on Tuesday after "
     "management refused their wage demands.", ["kia"]),
    ("Hyundai and Kia Motors resumed talks with the union on Tuesday.", ["hyundai", "kia"]),
    ("Toyota Motor Corp is taking a new route to meet China's green car quotas. Instead, it will feature the label "
     "of GAC Motor, Toyota's Chinese partner, and will be built around GAC's technology. The move is a first for "
     "Toyota.", ["gac", "toyota"]),
    ("Toyota Motor Corp said its sales rose. GAC Motor, a rival of Toyota, said its sales fell.", ["toyota"]),
    # the owner of a plant named after it is the story's; a former owner or a company's parent is not
    ("The first battery recycling plant in Europe, owned by Germany's luxury automaker Mercedes-Benz, began "
     "operations on Monday. The plant can recover most of the materials.", ["mercedes-benz"]),
    ("The Brazilian plant was previously owned by Mercedes-Benz, which ceased production there in 2021. Great "
     "Wall Motor bought the plant and will build cars there.", ["great-wall"]),
    ("Volvo Cars, owned by China's Geely, said its sales rose. Volvo Cars also said it would build a plant.",
     ["volvo-cars"]),
    # set 51: a lede naming one carmaker as a strike "against the Detroit Three automakers" goes on: all three face it
    ("The union and Chrysler-parent Stellantis are set to resume talks as a strike against the Detroit Three "
     "automakers enters its fourth day. Negotiators for General Motors, Ford and Stellantis held talks over the "
     "weekend.", ["ford", "gm", "stellantis"]),
    ("The union and Stellantis are set to resume talks on Monday. Negotiators for General Motors, Ford and "
     "Stellantis held talks over the weekend.", ["stellantis"]),
    # set 55: named carmakers "and N other" carmakers, the others named after: one group, each facing what it does
    ("The ministry found that Toyota and four other automakers - Mazda (MZDAF.PK), Honda (HMC), and Suzuki "
     "(SZKMF.PK) - were falsifying certification tests.", ["honda", "mazda", "suzuki", "toyota"]),
    ("Toyota Motor Corp, Nissan Motor Co. and two other Japanese auto makers are recalling 3.4 million vehicles "
     "because of faulty airbags. The recall also includes vehicles produced by Honda Motor Co. Ltd. and Mazda "
     "Motor Corp.", ["honda", "mazda", "nissan", "toyota"]),
    ("Toyota Motor Corp and Nissan Motor Co. are recalling 3.4 million vehicles because of faulty airbags. Honda "
     "and Mazda said their models were not affected, unlike those of Toyota and Nissan.", ["nissan", "toyota"]),
    # set 52: a vote to authorize a strike against the carmakers the lede lists
    ("The union's members voted by 97% to authorize union leaders to call a strike if they can't reach a deal with "
     "Ford Motor Co., General Motors and Chrysler-parent Stellantis. The roughly 12,000 Ford workers at the local "
     "voted 99% in favor.", ["ford", "gm", "stellantis"]),
])
def test_set47_role_classes(tagger, text, about):
    assert subjects(tagger.tag(text)) == about


@pytest.mark.parametrize("text, automakers", [
    # "who" after a company's noun is said of the company: "Japanese carmaker Honda who will purchase"
    ("One will be with Japanese carmaker Honda who will purchase 200MW of the plant's capacity.", ["honda"]),
    ("In the film, Honda, who directed Godzilla, thanked the crew.", []),
    # set 50: the inventor's work, in a text with no car word
    ("Tesla's work focused on the transmission of electrical energy. He is credited with the invention of the Tesla "
     "coil. Tesla also developed the alternating current (AC) motor, which is used in many appliances.", []),
    ("Tesla uses an induction motor in the front of the Model S, the company said.", ["tesla"]),
    ("Tesla, named after the inventor Nikola Tesla, built its first Roadster in 2008.", ["tesla"]),
    # set 53: genetically modified soybeans; the Mitsubishi companies (the group, not the carmaker)
    ("China has approved 27 genetically modified corn seed varieties and 3 GM soybean varieties.", []),
    ("GM said it would build a plant in Ohio. The GM plant will make batteries.", ["gm"]),
    ("He laid the foundation for the growth of the Mitsubishi companies.", []),
    ("Mitsubishi said its Outlander sales rose.", ["mitsubishi"]),
    # the trading house's mines and smelters, where no car word is
    ("Mitsubishi regional coordinator Masataka Komiya said on Wednesday that the venture would invest over US$5 "
     "billion for nickel mining and smelter development.", []),
    ("Mitsubishi will buy nickel from the smelter for the batteries of its electric cars.", ["mitsubishi"]),
    # Tesla's storage products by name, after a count (not the unit: "a 1.5 Tesla magnet")
    ("The project features 256 Tesla Megapack battery units and can store 730MWh.", ["tesla"]),
    ("The scanner uses a 1.5 Tesla magnet.", []),
    # set 55: another automaker's ticker in brackets after its name is not an automaker of its own ("Honda (HMC)")
    ("The ministry found that Toyota and four other automakers - Mazda (MZDAF.PK), Honda (HMC), and Suzuki "
     "(SZKMF.PK) - were falsifying tests.", ["honda", "mazda", "suzuki", "toyota"]),
    ("Hyundai Motor Company (HMC) said its sales rose.", ["hyundai"]),
])
def test_set49_automaker_names(tagger, text, automakers):
    assert sorted(a.id for a in tagger.tag(text).automakers) == automakers
