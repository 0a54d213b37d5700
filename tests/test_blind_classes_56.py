"""Classes of error found on blind sets 47 to 64 of real passages in the sixteenth session (issue 15:
passages from new pages, collected and labelled by helpers who never ran the tagger; the passages
stay outside the repository). Each case is a sentence written for these tests, with its
counter-case. Rules: nlp/data/topics.yaml, nlp/data/automakers.yaml (inventor), nlp/mentions.py
(a truck maker's bare name, a ticker after its exchange), nlp/people.py (an office taken),
nlp/together.py (jv_partner's stake, and_others' counted list, the_two), nlp/name_lists.py
(an "&" in a name, a sentence's opening phrase), nlp/aboutness.py (a lede's target)."""

from __future__ import annotations

import pytest

from tests.helpers import assert_topics, subjects

# (class, text, topics that must be tagged, topics that must not be)
TOPICS: list[tuple[str, str, list[str], list[str]]] = [
    # a pigment's chemistry names alumina and aluminium oxide: no smelter's metal
    ("aluminium: cobalt blue made from aluminium oxide, or alumina, is not",
     "Ultramarine and cobalt blue are pigments. Cobalt blue is made by heating cobalt oxide with aluminum oxide, "
     "or alumina.", [], ["aluminium"]),
    ("aluminium: a smelter turning alumina into the metal still is",
     "The smelter turns alumina into aluminium using power from a coal plant.", ["aluminium"], []),
    # public money said in a politician's words, for the plants of the story
    ("ev-policy: the people's money given to electric battery plants",
     "Lawmakers said the state should stop giving the people's money to electric battery plants.", ["ev-policy"], []),
    ("ev-policy: a company's own money for its battery plants is not",
     "The company said it would spend its own money on new battery plants.", [], ["ev-policy"]),
    # set 57: a government's initiative to encourage investment in EVs
    ("ev-policy: an initiative to encourage investment in electric vehicles",
     "The government introduced an initiative to encourage investment in electric vehicles.", ["ev-policy"], []),
    ("ev-policy: an initiative to encourage investment in green bonds is not",
     "The bank launched an initiative to encourage investment in green bonds.", [], ["ev-policy"]),
    # a company's production stoppage is no strike
    ("workers-rights: a month-long production stoppage at a plant is not",
     "The news follows a plant closure in the UK and a month-long production stoppage at a plant in Italy.",
     [], ["workers-rights"]),
    ("workers-rights: workers' stoppage over pay still is",
     "Workers at the plant began a stoppage over pay on Monday.", ["workers-rights"], []),
    # a metal's uses listed: batteries that power renewable power plants are no power bought
    ("renewable-energy: lithium, a critical component of batteries that power renewable power plants, is not",
     "Chile is a big producer of lithium, a critical component of the batteries that power electric vehicles and "
     "renewable power plants.", [], ["renewable-energy"]),
    ("renewable-energy: a plant run on renewable power from a wind farm still is",
     "The plant runs on renewable power from a wind farm nearby.", ["renewable-energy"], []),
    # geothermal projects to decarbonise a plant; not a lithium project's geothermal brine
    ("renewable-energy: geothermal projects to decarbonize a car plant",
     "Stellantis and Vulcan will develop geothermal projects to decarbonize the Ruesselsheim site.",
     ["renewable-energy"], []),
    ("renewable-energy: lithium stripped from a geothermal project's brine is not",
     "Vulcan pumps hot brine from its geothermal project and strips the lithium from it.", [], ["renewable-energy"]),
    # a currency backed by metals
    ("transition-minerals: a currency backed by platinum with a fixed supply is not",
     "A currency backed by gold, silver or platinum has a fixed supply.", [], ["transition-minerals"]),
    ("transition-minerals: platinum supply from mines still is",
     "Platinum supply from South Africa's mines fell in the third quarter.", ["transition-minerals"], []),
    # "CO 2" written with a space (a subscript lost); a material bought to lower the buyer's footprint
    ("supply-chain-emissions: suppliers committed to CO 2 neutral parts",
     "Almost half of our suppliers have committed to supplying us with only CO 2 neutral parts.",
     ["supply-chain-emissions"], []),
    ("supply-chain-emissions: aluminium supplied to help the carmaker lower its carbon footprint",
     "Rio Tinto will supply BMW with aluminium to help the carmaker lower its carbon footprint.",
     ["supply-chain-emissions"], []),
    ("supply-chain-emissions: an airline cutting its own footprint is not",
     "The airline will cut its carbon footprint by flying newer jets.", [], ["supply-chain-emissions"]),
    # set 58: state aid for the electric car plant two sentences on; subsidies for a battery manufacturing facility
    ("ev-policy: state aid for the plant two sentences after the electric car plant",
     "Last year, the carmaker decided to build an electric car plant in eastern Slovakia. The investment is expected "
     "to reach 1.2 billion euros. This month, Slovakia won approval to provide 267 million euros in state aid for the "
     "construction of the plant.", ["ev-policy"], []),
    ("ev-policy: state aid for a bakery's plant is not",
     "Last year, the bakery decided to build a new plant in Slovakia. The investment is expected to reach 1.2 billion "
     "euros. This month, Slovakia won approval to provide 267 million euros in state aid for the construction of the "
     "plant.", [], ["ev-policy"]),
    ("ev-policy: government subsidies for an electric vehicle battery manufacturing facility",
     "The plant would be the first electric vehicle battery manufacturing facility outside India. The company expects "
     "to spend $5 billion on it, with further backing through government subsidies.", ["ev-policy"], []),
    # an electric carmaker's spare credits sold to the pool; not a forest's offsets
    ("ev-policy: electric carmakers offload their extra carbon credits to the pool",
     "Tesla and Polestar, which only sell electric vehicles, can offload their extra carbon credits to other "
     "companies in the pool.", ["ev-policy"], []),
    ("ev-policy: a forest project's extra carbon credits are not",
     "The forest project sells its extra carbon credits to airlines.", [], ["ev-policy"]),
    # set 59: "near-zero emission aluminium"; cobalt "mined by a child"
    ("aluminium: near-zero emission aluminium",
     "Volvo Cars will back the shift to near-zero emission aluminium.", ["aluminium"], []),
    ("cobalt: one gram of cobalt mined by a child",
     "Even if one gram of cobalt is mined by a child, buyers want to avoid it.", ["cobalt"], []),
    ("cobalt: a cobalt blue vase made by a child is not",
     "The cobalt blue vase was made by a child.", [], ["cobalt"]),
    # set 60: the Civil War's Union armies; child labour alleged in a supplier network; a federal contribution to an
    # EV plant; a named smelter and its power contracts
    ("workers-rights: the Union armies and President Lincoln are not",
     "After the Union armies won at Gettysburg, President Abraham Lincoln gave his speech.", [], ["workers-rights"]),
    ("workers-rights: a union president's strike still is",
     "The union president said members will strike.", ["workers-rights"], []),
    ("due diligence: allegations of child labor within its supplier network",
     "Hyundai is examining allegations of child labor within its U.S. supplier network.",
     ["human-rights-due-diligence"], []),
    ("due diligence: allegations of price-fixing by its suppliers are not",
     "Hyundai is examining allegations of price-fixing by its suppliers.", [], ["human-rights-due-diligence"]),
    ("ev-policy: a contribution from the federal and provincial governments to an EV plant",
     "Honda will build an electric vehicle manufacturing plant in Ontario. The plan is supported by a $5 billion "
     "contribution from the federal and Ontario governments.", ["ev-policy"], []),
    ("aluminium: a named smelter's hedge contracts with power companies",
     "NZAS will keep operating Tiwai Point with extra hedge contracts from two power companies.", ["aluminium"], []),
    # set 61: tariffs on all cars are trade policy, not EV policy; tariffs on Chinese EVs are
    ("ev-policy: auto tariffs on all imported cars are not",
     "The premier warned that the proposed auto tariffs will backfire on American consumers.", [], ["ev-policy"]),
    ("ev-policy: tariffs on Chinese electric vehicles still are",
     "The EU raised its tariffs on Chinese electric vehicles.", ["ev-policy"], []),
    # set 62: carmakers that "pool their carbon emissions" with another
    ("ev-policy: automakers pool their carbon emissions with Tesla",
     "Honda and Suzuki will pool their carbon emissions with Tesla to comply with the bloc's rules.", ["ev-policy"], []),
]


@pytest.mark.parametrize("name, text, present, absent", TOPICS, ids=[c[0] for c in TOPICS])
def test_set56_topic_classes(tagger, name, text, present, absent):
    assert_topics(tagger, name, text, present, absent)


@pytest.mark.parametrize("text, about", [
    # the company a stake is taken in, the other party of an investment, is a subject beside the investor
    ("Volkswagen plans to invest $700 million in Xpeng and jointly develop two electric models for China.",
     ["volkswagen", "xpeng"]),
    ("Geely has become the largest shareholder in Daimler by acquiring a 9.7 percent stake in the carmaker.",
     ["geely", "mercedes-benz"]),
    # ... not a place invested in, nor a rival named beside it
    ("Toyota will invest $1.3 billion in Kentucky to build batteries. Honda said it would not.", ["toyota"]),
    ("Ford said its investment in new plants would reach $2 billion, more than Honda has spent.", ["ford"]),
    # the lede counts the carmakers, then lists them after a colon or a dash: each faces what it says
    ("The Commission has selected three Chinese automakers: BYD, SAIC and Geely, for its anti-subsidy probe. "
     "Tesla was not among them.", ["byd", "geely", "saic"]),
    ("A Senate report found three European automakers—Volkswagen, BMW and Jaguar Land Rover—sold cars with parts "
     "from a suspect supplier.", ["bmw", "tata", "volkswagen"]),
    ("The proposed duties for the three sampled Chinese producers are as follows: BYD at 17.4%, Geely at 20%, "
     "and SAIC at 38.1%.", ["byd", "geely", "saic"]),
    # ... not when a later sentence counts them: the lede's carmaker is the story's
    ("BYD said its sales rose 20% in May. Two other automakers - Geely and SAIC - reported falls.", ["byd"]),
    # an "&" inside the first of two names is no third item: both are the pair the lede names
    ("The ministry has approved incentive claims submitted by Mahindra & Mahindra and Tata Motors under the scheme.",
     ["mahindra", "tata"]),
    # the lede's doer is "the two brands" (companies): the two a later sentence names together
    ("After videos on social media showed how to start the cars without a key, the two brands saw a sharp rise in "
     "thefts. Police counted 2,000 stolen Hyundais and Kias last year.", ["hyundai", "kia"]),
    ("The two companies will use the capital tie-up to research self-driving cars. Toyota will take a 5 percent "
     "stake in Suzuki. Nissan and Honda have their own alliance.", ["suzuki", "toyota"]),
    # what the lede's action is aimed at faces it beside the doer; a rival competed against does not
    ("Great Wall Motor said it had filed a report with regulators against BYD, alleging that two of its hybrids "
     "break emissions rules.", ["byd", "great-wall"]),
    ("Great Wall Motor said its sales rose, helped by its strong hybrids that compete against BYD's.", ["great-wall"]),
    # set 56: a joint venture "between" its partners, a collaboration with another carmaker, "and four other
    # Japanese companies" named later
    ("The nickel smelter is a $4.5 billion joint venture between Vale, Zhejiang Huayou, and Ford Motor Company. It "
     "will make material for batteries.", ["ford"]),
    ("Honda is not ruling out future collaboration with Nissan after the merger talks ended. Honda said its own plans "
     "were unchanged.", ["honda", "nissan"]),
    ("Honda said its profit rose, helped by cooperation with suppliers. Nissan's profit fell.", ["honda"]),
    ("Irregularities were found in tests run by Toyota Motor Corp. and four other Japanese companies. The transport "
     "ministry named Mazda, Honda and Suzuki as the others.", ["honda", "mazda", "suzuki", "toyota"]),
    # a lede naming one of the carmakers a strike against "the Big 3" faces, the other two named together later
    ("Hours before the union went on strike against the Big 3 automakers, it said that Stellantis' Toledo plant is one "
     "of three plants to walk out. Its president said that GM's plant in Missouri and Ford's plant in Michigan will "
     "also strike.", ["ford", "gm", "stellantis"]),
    ("The union escalated its walkout against Detroit's Three automakers by striking at Ford's largest plant. Its "
     "president threatened escalation at Jeep maker Stellantis.", ["ford"]),
    # set 57: "more than 8,000 workers at Ford's plant" is a count, not a comparison
    ("The union called on more than 8,000 workers at Ford's largest plant to walk off their jobs. The strike hit the "
     "plant that makes Ford's pickups.", ["ford"]),
    ("Toyota sold more cars than Ford last year, the carmaker said.", ["toyota"]),
    # a clause that describes the story's company names a joint venture in the background
    ("Great Wall Motor posted a 24% drop in first-half profit. The company, which has a joint venture with BMW, said "
     "revenue fell.", ["great-wall"]),
    ("Great Wall Motor formed a joint venture with BMW to build electric Minis in China.", ["bmw", "great-wall"]),
    # set 58: a sentence's opening phrase ends at its comma: its last words are no item of the list after it
    ("According to reports in Chinese local media, Toyota and BYD have formally established a joint venture to "
     "develop electric cars.", ["byd", "toyota"]),
    # set 59: a merger's other party named right before "to merge"; a stake "of 9.69 percent in" a carmaker
    ("Nissan is in talks with fellow Japanese carmaker Honda Motor Co. to merge, in a deal that would help it "
     "survive.", ["honda", "nissan"]),
    ("Nissan sold more cars than Honda. Nissan plans to merge two plants.", ["nissan"]),
    ("Li Shufu, chairman of Geely, has bought a stake of 9.69 percent in Daimler, making him its biggest single "
     "shareholder.", ["geely", "mercedes-benz"]),
    # a long alliance named in passing is background, not a partner of the story
    ("De Meo cut costs and renegotiated the alliance with Nissan. Renault said its sales rose.", ["renault"]),
    # set 60: a union that "will strike" the carmakers the lede lists: each faces it
    ("The United Auto Workers will strike Ford, General Motors and Stellantis. Thousands of workers will walk out.",
     ["ford", "gm", "stellantis"]),
    ("Ford said a strike would hurt its profit. GM and Stellantis said nothing.", ["ford"]),
    # set 63: the company a stake is taken in, after words that describe it; not a plant invested in "with" a carmaker
    ("Volkswagen said it would take a minority stake in Chinese electric vehicle manufacturer XPeng.",
     ["volkswagen", "xpeng"]),
    ("Ford said its investment in a new plant with Toyota would reach $2 billion.", ["ford"]),
])
def test_set56_role_classes(tagger, text, about):
    assert subjects(tagger.tag(text)) == about


@pytest.mark.parametrize("text, automakers", [
    # the inventor's life told: his birthday, his inventions, his life and work
    ("July 10th is Tesla's birthday, and the museum opens an exhibit on his life and work. It shows models of his "
     "inventions and a narrative about Tesla's years in New York.", []),
    ("Tesla's birthday sale cut the price of the Model Y in China.", ["tesla"]),
    # set 57: a bare "Daimler" after "Daimler Truck" is the truck maker, even beside a carmaker
    ("Toyota Motor and Daimler Truck agreed to merge their truck units, Hino and Mitsubishi Fuso. Toyota and Daimler "
     "will each own a quarter of the holding company.", ["toyota"]),
    ("Daimler Truck and Volvo Group are rivals. Mercedes-Benz Group, once called Daimler AG, said its car sales rose.",
     ["mercedes-benz"]),
    # another automaker's ticker with its exchange in brackets: "Honda (NYSE:HMC)" is not Hyundai
    ("Foxconn paused its interest in Nissan as it explores a merger with Honda (NYSE:HMC).", ["honda", "nissan"]),
    ("Hyundai Motor Company (KRX:HMC) said its sales rose.", ["hyundai"]),
    # set 58: a biscuit brand; carmakers' names in the plural
    ("Lotus Biscoff saw volume growth of more than 20% with a new production line.", []),
    ("Lotus unveiled the Emeya, its electric saloon, in New York.", ["geely"]),
    ("Vehicles including the Nissan Leaf and Rivians will lose the credit.", ["nissan", "rivian"]),
    # set 59: a chess grandmaster's title in a tournament's text; "non-GM" corn
    ("The first tournament of the tour was Norway Chess. GM Magnus Carlsen had his worst tournament there.", []),
    ("Bayer said plantings of the non-GM version will double next year.", []),
    # set 60: a politician "after taking office"; Volvo Group's load carrier for quarries
    ("Shortly after taking office, Ford scrapped buyer incentives for electric vehicles.", []),
    ("Ford scrapped its electric pickup plans, the carmaker said.", ["ford"]),
    ("The Volvo SSAB is a load carrier for use in mining and quarries.", []),
    ("The Volvo EX30 is made with SSAB steel.", ["volvo-cars"]),
    # set 61: Peugeot's kitchen products dated before its first car (1889)
    ("Since 1850, the lion has stood for the quality of Peugeot products.", []),
    ("In 1889, Peugeot showed its first steam car in Paris.", ["stellantis"]),
    # set 62: a common misspelling of Tesla in news copy
    ("Telsa made another significant move when it signed contracts for nickel.", ["tesla"]),
    # set 64: a footballer who "made a name for himself" (a company makes one for itself)
    ("Honda made a name for himself at Nagoya Grampus before moving to Europe.", []),
    ("Honda made a name for itself with the Civic.", ["honda"]),
])
def test_set56_automaker_names(tagger, text, automakers):
    assert sorted(a.id for a in tagger.tag(text).automakers) == automakers


def test_set56_the_two_after_a_title(tagger):
    """"The two companies" open the body's first sentence, not the text: a title comes before it."""
    body = ("The two companies will use the capital tie-up to research self-driving cars. Toyota will take a 5 percent "
            "stake in Suzuki. Nissan and Honda have their own alliance.")
    tags = tagger.tag(body, "A capital tie-up is announced")
    assert subjects(tags) == ["suzuki", "toyota"]
