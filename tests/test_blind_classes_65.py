"""Classes of error found on blind sets 65 to 72 in the seventeenth session (issue 15), each in
sentences written for these tests, with counter-cases; the passages stay outside the repository.
Rules: nlp/layout.py (the lines above the lead), nlp/ties.py (a former employer, a sponsor),
nlp/together.py (a partnership, venture or merger talks "with"; the companies a lawsuit is aimed at;
market movers; a joint venture as background), nlp/mentions.py (a name's people after it),
nlp/data/automakers.yaml (venues, literature, sports, music), nlp/data/topics.yaml (the topics)."""

from __future__ import annotations

import pytest

from nlp.layout import Layout, lead_start
from tests.helpers import assert_topics, subjects

LEDE = ("Stellantis said on Tuesday it will idle its Windsor assembly plant for two weeks to cut inventory. "
        "The plant builds minivans. Rival Ford said last month it would cut shifts at its Oakville plant, "
        "and General Motors has paused a line in Ingersoll.\n\nUnifor said it was told of the pause on Monday.")

# what pages put above the lead, inside the extracted body: none of it is the lede
FURNITURE = [
    "By Jane Doe\n\n",
    "By Jane Doe and Ravi Menon\nDETROIT (Reuters) -\n\n",
    "5 min read\n\n",
    "Updated Dec 2, 2026, 9:14 AM ET\n",
    "Stellantis to idle Windsor plant for two weeks\n\n",  # the headline again
    "Photo: Plant workers\nStaff report\nBusiness\n\n",
]


@pytest.mark.parametrize("top", FURNITURE)
def test_the_lines_above_the_lead_do_not_take_the_ledes_place(tagger, top):
    assert subjects(tagger.tag(top + LEDE)) == ["stellantis"]
    assert subjects(tagger.tag(LEDE)) == ["stellantis"]


def test_the_lead_is_the_first_prose_paragraph():
    text = "By Jane Doe\n\n" + LEDE
    layout = Layout(text, 0)
    assert layout.lead_start == len("By Jane Doe\n\n")
    assert layout.lead_end == text.index("\n\nUnifor")


@pytest.mark.parametrize("text", [
    # rows of a table at the top: no prose within a few lines, so the text is read as it stands
    "Brand | Units | Change\nHYUNDAI | 61,208 | +4%\nKIA | 54,990 | +9%\nTOYOTA | 48,311 | -2%\nHONDA | 40,002 | +1%",
    # a short first paragraph that ends as a sentence is the lead
    "Tesla cut prices.\n\nThe cuts follow weaker sales in China, where BYD gained share.",
    # a long first line is prose, whatever its end
    "Tesla cut prices of its Model Y in China by up to 5 percent on Tuesday, its third cut of the kind this year as sales slow\n\nMore follows.",
])
def test_prose_or_a_table_at_the_top_stays_where_it_is(text):
    assert lead_start(text, 0) == 0


def test_a_table_at_the_top_makes_no_row_the_subject(tagger):
    table = "Brand | Units | Change\nHYUNDAI | 61,208 | +4%\nKIA | 54,990 | +9%\nTOYOTA | 48,311 | -2%"
    assert subjects(tagger.tag(table)) == []


def test_a_title_then_furniture_then_the_lead(tagger):
    tags = tagger.tag("By Jane Doe\n\n" + LEDE, "Windsor plant to pause")
    assert subjects(tags) == ["stellantis"]


# (class, text, topics that must be tagged, topics that must not be)
TOPICS: list[tuple[str, str, list[str], list[str]]] = [
    # aluminium made with forced labour, said in other words than "made by forced labour"
    ("aluminium: forced-labour-tainted aluminium in cars",
     "Carmakers have not done enough to keep forced labour-tainted aluminum out of the cars they sell.", ["aluminium"], []),
    ("aluminium: the metal produced through the forced labour of a people",
     "Aluminium produced through the forced labour of Uyghurs ends up in cars, the report says.", ["aluminium"], []),
    ("aluminium: one of a list of base metals processed with forced labour is not",
     "Forced labour is used to process raw materials such as steel, aluminium, and copper for car parts.",
     [], ["aluminium"]),
    # green steel: a steelmaker's reliance on coal named as the problem
    ("green-steel: steel production that still relies on coal and gas",
     "The automaker pledged carbon neutrality, yet its steel production still relies entirely on coal and gas.",
     ["green-steel"], []),
    ("green-steel: a steel maker's mass balance method for low-CO2 steel",
     "The steel is made with a mass balance method that allocates the cut in CO2 to the buyer's order.", ["green-steel"], []),
    ("green-steel: steel prices that rely on demand are not",
     "Steel prices rely on demand from builders, analysts said.", [], ["green-steel"]),
    # copper's sourcing is a transition mineral's supply chain
    ("transition-minerals: cobalt and copper sourcing from Congo",
     "The report examines risks in copper sourcing from the Democratic Republic of the Congo.", ["transition-minerals"], []),
    # a buyer asking its supplier to explain: due diligence
    ("human-rights-due-diligence: a carmaker requested additional information from its supplier",
     "The company has approached its cobalt supplier and requested additional information about the allegations.",
     ["human-rights-due-diligence"], []),
    ("human-rights-due-diligence: a customer requesting more information on prices is not",
     "The customer requested more information about the prices of the new models.", [], ["human-rights-due-diligence"]),
    # lithium pumped from geothermal wells is no power bought
    ("renewable-energy: lithium extracted from geothermal sources is not",
     "The developer extracts lithium from geothermal sources in the Upper Rhine Valley.", [], ["renewable-energy"]),
    ("renewable-energy: a plant run on geothermal power still is",
     "The plant will run on geothermal power from a nearby field.", ["renewable-energy"], []),
    # a diesel's pollutants under emission standards: no EV policy
    ("ev-policy: harmful emissions beyond what emission standards required are not",
     "The carmakers had the technology to reduce harmful emissions beyond what was legally required under EU emission standards.",
     [], ["ev-policy"]),
    ("ev-policy: CO2 emission standards for new cars still are",
     "The EU's CO2 emission standards for new cars tighten in 2025.", ["ev-policy"], []),
    # a deal struck is no strike
    ("workers-rights: striking generous pacts with suppliers that pay upfront is not",
     "Ford and GM roiled the industry by striking generous pacts with suppliers that include commitments to pay upfront.",
     [], ["workers-rights"]),
    ("workers-rights: striking workers demanding pay still are",
     "Striking workers at the plant are demanding higher pay.", ["workers-rights"], []),
    # copper's price as the thieves' motive
    ("transition-minerals: copper prices behind cable thefts are not",
     "The high price of copper is behind an epidemic of cable thefts on the railways. Copper prices are forecast to rise.",
     [], ["transition-minerals"]),
    # the market for lithium
    ("lithium: the market for lithium and its one big customer",
     "For years, only one customer mattered in the market for lithium and other battery metals.", ["lithium"], []),
]


# (text, the automakers it is about)
ROLES: list[tuple[str, list[str]]] = [
    # a partnership with another automaker: both its parties
    ("Volkswagen will contribute $1 billion to kick-start a $5 billion partnership with Rivian on vehicle software. "
     "The two will share costs.", ["rivian", "volkswagen"]),
    # a person's former employer, or the one a company hires from, is not the story's
    ("Former Nissan executive Jose Munoz has been hired by Hyundai Motor as its global chief operating officer. "
     "Munoz will be based in California and report to Hyundai's leadership in Seoul.", ["hyundai"]),
    ("Ousted Nissan CEO Carlos Ghosn's close ally has been hired by Hyundai Motor as its chief operating officer. "
     "He will report to Hyundai's top leadership in Seoul.", ["hyundai"]),
    # ... but the company's own chief speaks for it
    ("Ford CEO Jim Farley said on Tuesday the company will build a battery plant in Michigan.", ["ford"]),
    # a sponsor in a team's or a league's name: the sport's story
    ("Mikaela Shiffrin finished third to lead three Land Rover U.S. Alpine Ski Team athletes into the top 25.", []),
    ("The Hyundai A-League season opens on Friday with Sydney FC hosting Melbourne Victory.", []),
    # ... not a carmaker's own racing team
    ("Toyota Gazoo Racing Team won the rally in Finland, Toyota said.", ["toyota"]),
]


# (text, the automakers tagged at all)
NAMES: list[tuple[str, list[str]]] = [
    # a name that needs context has it from its people or shares after it
    ("Automakers are big users of rare earth magnets. Ford executives have said a pinched supply disrupted production.", ["ford"]),
    ("Mercedes shares fell 3% after the profit warning.", ["mercedes-benz"]),
    # a venue named for a sponsor, by its kind
    ("Surrey beat Kent at the Kia Oval as the championship reached its final round.", []),
    ("Fans packed the Honda Arena for the final on Saturday.", []),
    # the inventor's demonstrations
    ("Tesla explained to the attendees that the electricity was transmitted through the air. He went on to speculate "
     "how one might transmit wireless power over the entire Earth. Tesla also invented the radio transmitter.", []),
]


# sets 67 and 68
TOPICS_67: list[tuple[str, str, list[str], list[str]]] = [
    # a company named for a metal it also trades proves none by its name
    ("cobalt: a company named for a metal it also trades still proves none by its name",
     "Zhejiang Huayou Cobalt signed a supply agreement with a cathode maker.", [], ["cobalt"]),
    # exploring for minerals on a people's land
    ("transition-minerals: exploring for minerals inside a reindeer foraging area",
     "Nobody had asked the herders about exploring for minerals inside their foraging area.", ["transition-minerals"], []),
    ("indigenous-rights: the head of an Aboriginal Community",
     "Julia Canari, the head of the Pozo Colorado Aboriginal Community, said the salt flats sustain them.", ["indigenous-rights"], []),
    # a weight class is no duty
    ("ev-policy: light-duty manufacturers ranked with BYD are not",
     "According to the study, Tesla and BYD are the only leaders among the top 20 light-duty manufacturers.", [], ["ev-policy"]),
    ("ev-policy: the EU's duties on BYD still are",
     "The EU set provisional duties of 17% on BYD and 36% on SAIC.", ["ev-policy"], []),
    # a company described by its trades buys no power
    ("renewable-energy: an aluminium and renewable energy company named",
     "Norwegian aluminum and renewable energy company Hydro will work with the carmaker on zero-carbon aluminum.",
     ["aluminium"], ["renewable-energy"]),
    # children used, killed or maimed in the mines
    ("workers-rights: the use of young children to mine cobalt",
     "The lawsuit accuses the firms of benefiting from the use of young children in Congo to mine cobalt.", ["workers-rights"], []),
    ("workers-rights: children killed in tunnel collapses while mining",
     "The plaintiffs are guardians of children killed in tunnel collapses while mining cobalt.", ["workers-rights"], []),
    # the IRA's sourcing clause names recycling
    ("battery-recycling: minerals recycled in North America under the tax credit rules are not",
     "EVs using batteries with minerals from a free trade partner, or recycled in North America, qualify for another credit.",
     [], ["battery-recycling"]),
    # India's cell scheme, not the Automotive Cells Company
    ("ev-policy: the ACC battery joint venture of Stellantis is not",
     "Stellantis is a shareholder in the ACC battery JV alongside Saft, TotalEnergies and Mercedes-Benz.", [], ["ev-policy"]),
    ("ev-policy: India's ACC PLI scheme still is",
     "The company won incentives under India's ACC PLI scheme for a 10 GWh cell plant.", ["ev-policy"], []),
    # the one metal called the critical raw material again
    ("transition-minerals: a lithium refinery's 'critical raw material' is lithium's",
     "Tesla's lithium refinery is part of an effort to build a domestic supply chain of the critical raw material.",
     ["lithium"], ["transition-minerals"]),
    # standards written with a singular "right"
    ("human-rights-due-diligence: the only supplier that agreed to follow human right standards",
     "The carmaker says CATL was the only supplier that agreed to follow human right standards.",
     ["human-rights-due-diligence"], []),
]


ROLES_67: list[tuple[str, list[str]]] = [
    # the one automaker among the companies a lawsuit is aimed at
    ("A rights group has filed a lawsuit against Alphabet, Apple, Dell, Microsoft and Tesla over cobalt mined by children.",
     ["tesla"]),
    # ... not a rival's list ("compete against")
    ("Xiaomi's phones compete against Samsung, Huawei and Tesla's new handset, analysts said.", []),
]


NAMES_67: list[tuple[str, list[str]]] = [
    # a hockey team's general manager
    ("Ottawa GM Bryan Murray is a buyer before the trade deadline. His team sits atop the Eastern Conference standings.", []),
    # a novelist
    ("Fire From Heaven is historical fiction at its best. It is a complex period which Renault delivers in a readable form.", []),
    # a fund manager named for its founders
    ("Dodge & Cox has nearly doubled its assets under management in the past decade.", []),
    # ... while the carmaker's news stays
    ("Renault said its electric car sales rose 20% in the quarter.", ["renault"]),
]


# sets 69 and 70
TOPICS_69: list[tuple[str, str, list[str], list[str]]] = [
    ("workers-rights: workers joining a protest at a smelter site",
     "After the explosion, around 100 workers joined in a protest at the site, demanding that the smelters be halted.",
     ["workers-rights"], []),
    ("green-steel: a steelmaker's reliance on coal-dependent blast furnaces",
     "The steelmaker has no plans to address its reliance on coal-dependent blast furnaces.", ["green-steel"], []),
    ("green-steel: a blast furnace relined is still not",
     "The steelmaker relined its No. 4 blast furnace over the summer.", [], ["green-steel"]),
    ("aluminium: a strike story that names an aluminium maker is not",
     "The town is home to Norwegian aluminum maker Hydro, which has been affected by the strike against Tesla.",
     [], ["aluminium"]),
    ("ev-policy: emission regulations in a cartel's story are not",
     "The carmakers were charged over emissions collusion. Fines could follow as emission regulations get tighter.",
     [], ["ev-policy"]),
    ("renewable-energy: a miner's clean energy argument is not",
     "The miner's clean energy argument for its nickel mine has gained two influential backers.", [], ["renewable-energy"]),
    ("green-steel: electric and hydrogen technologies beside steel sourcing are not",
     "The carmakers will build cars with combustion engines as well as electric and hydrogen technologies, and buy steel together.",
     [], ["green-steel"]),
    ("transition-minerals: 'these critical minerals' after the metals named",
     "The carmaker is diversifying its supply of cobalt, lithium and nickel and sees strong demand for these critical minerals.",
     [], ["transition-minerals"]),
    ("transition-minerals: old mines on a scenic drive are not",
     "The scenic route connects the quartz-mining regions and the historic salt-mining community for travelers.",
     [], ["transition-minerals"]),
]


ROLES_69: list[tuple[str, list[str]]] = [
    # a market report's movers, said with a participle
    ("Shares of Japanese automakers surged on Wednesday, with Toyota gaining 11 per cent and Honda advancing 9 per cent "
     "after the trade deal was announced.", []),
    # a joint venture named as background to the story's company
    ("In addition to its battery joint venture with Mercedes-Benz, Stellantis has been seeking more partners for "
     "battery plants in Europe. Stellantis said talks were under way.", ["stellantis"]),
    # merger discussions with another automaker: both parties
    ("Nissan Motor Co. ended merger discussions with Honda Motor Co., derailing a historic tie-up.", ["honda", "nissan"]),
    # a person's former employer, with its legal form written out
    ("A former BMW AG executive will lead the electric car joint venture of Foxconn and Tencent, the companies said.",
     []),
]


NAMES_69: list[tuple[str, list[str]]] = [
    # the band
    ("Genesis, one of the world's best-selling bands that your uncle plays in his Chevrolet Camaro, is reuniting for an arena tour.", ["gm"]),
    # the carmaker's full name after its namesake building
    ("The Chrysler Building was constructed by Walter Chrysler, the head of the Chrysler Corporation.", ["stellantis"]),
]


# sets 71 and 72, after their measurement
TOPICS_71: list[tuple[str, str, list[str], list[str]]] = [
    ("workers-rights: employees voting against representation",
     "Preliminary results show 833 employees voted against representation and 776 voted for it.", ["workers-rights"], []),
    ("workers-rights: health and safety conditions and safety training for miners",
     "The pilot will improve health and safety conditions at 12 mining cooperatives near Kolwezi.",
     ["workers-rights"], []),
    ("workers-rights: a plant's health and safety record in a results report is not",
     "The carmaker's annual report covers health and safety at its own plants.", [], ["workers-rights"]),
    ("human-rights-due-diligence: a risk-based approach to a complex supply chain",
     "Because of the complexity of the supply chain, the group takes a risk-based and strategic approach to its suppliers.",
     ["human-rights-due-diligence"], []),
]
NAMES_71: list[tuple[str, list[str]]] = [
    # the carmaker's own EV unit by its name gives a bare "Ford" its sense
    ("The state fund offered Ford $1 billion in incentives. Ford expects BlueOval will create 2,500 jobs in the area.",
     ["ford"]),
]


# one test per kind of case, over every round's table
ALL_TOPICS = TOPICS + TOPICS_67 + TOPICS_69 + TOPICS_71


@pytest.mark.parametrize("name,text,present,absent", ALL_TOPICS, ids=[c[0] for c in ALL_TOPICS])
def test_set65_to_72_topic_classes(tagger, name, text, present, absent):
    assert_topics(tagger, name, text, present, absent)


@pytest.mark.parametrize("text,about", ROLES + ROLES_67 + ROLES_69)
def test_set65_to_72_role_classes(tagger, text, about):
    assert subjects(tagger.tag(text)) == about


@pytest.mark.parametrize("text,automakers", NAMES + NAMES_67 + NAMES_69 + NAMES_71)
def test_set65_to_72_automaker_names(tagger, text, automakers):
    assert sorted(a.id for a in tagger.tag(text).automakers) == automakers
