"""Classes of error found on a third blind set of real passages (issue 15: collected and labelled
by helpers who never ran the tagger, scored once before anything was changed; the passages stay
outside the repository). One case per class, on sentences written for these tests, each with its
counter-case so a class fix cannot swallow the topic it sits next to. Rules: nlp/data/topics.yaml
and nlp/data/automakers.yaml."""

from __future__ import annotations

import pytest

from tests.helpers import assert_topics

# (class, text, topics that must be tagged, topics that must not be)
TOPICS = [
    # a mine of a metal that has its own topic takes that topic (bauxite is aluminium's)
    ("transition-minerals: a bauxite mine's harm is aluminium's",
     "Bauxite miners are pushing farming communities off their land and fouling their wells, the report says.",
     ["aluminium"], ["transition-minerals"]),
    ("transition-minerals: a copper mine's harm still counts",
     "Copper miners are pushing farming communities off their land and fouling their wells, the report says.",
     ["transition-minerals"], []),
    ("transition-minerals: a copper mine named as where the cobalt comes from",
     "The trader gets most of its cobalt as a by-product of its copper mine in Zambia.",
     ["cobalt"], ["transition-minerals"]),
    ("transition-minerals: a copper mine itself",
     "The new copper mine in Zambia will double the country's output by 2030.",
     ["transition-minerals"], []),
    ("transition-minerals: 'the critical metal' is the lithium the sentence named",
     "The carmaker doubled its stake in a lithium project to secure supply of the critical metal for its cells.",
     ["lithium"], ["transition-minerals"]),
    ("transition-minerals: critical minerals in general",
     "The agency will fund projects that secure supplies of critical minerals for the grid.",
     ["transition-minerals"], []),
    # the metals' namesakes: a colour, a coin
    ("cobalt: the pigment",
     "Cobalt pigments give a deep blue, and painters produce skies with them.",
     [], ["cobalt"]),
    ("cobalt: cobalt's own production still counts",
     "Cobalt production in Congo rose by a fifth as new mines opened.",
     ["cobalt"], []),
    ("nickel: a coin collectors prize",
     "Of all the years of production, the Buffalo Nickel of 1937 is the one collectors seek.",
     [], ["nickel"]),
    ("nickel: nickel's own production still counts",
     "Nickel production in Indonesia rose again as two new smelters opened.",
     ["nickel"], []),
    # renewable energy: coal power where industry runs on it, not the grid's coal stations
    ("renewable-energy: coal plants as a cost benchmark",
     "Hydrogen from electrolysers will undercut coal-based plants once its cost falls below two dollars.",
     [], ["renewable-energy"]),
    ("renewable-energy: a regulator's limits on coal power stations",
     "The regulator ordered coal-fired power stations to halve their sulphur emissions.",
     [], ["renewable-energy"]),
    ("renewable-energy: a smelter's coal power still counts",
     "The smelter runs on a coal-fired power plant built inside the industrial park.",
     ["renewable-energy"], []),
    ("renewable-energy: a captive coal plant still counts",
     "The nickel refiner is building captive coal plants to power its furnaces.",
     ["renewable-energy"], []),
    # supply-chain emissions
    ("supply-chain-emissions: a supplier's own carbon neutrality ('supplier Bosch' is its title)",
     "Auto parts supplier Bosch says it will be carbon neutral across its own sites next year.",
     [], ["supply-chain-emissions"]),
    ("supply-chain-emissions: a carmaker's suppliers going neutral still counts",
     "The carmaker wants its suppliers to be carbon neutral by 2039.",
     ["supply-chain-emissions"], []),
    ("supply-chain-emissions: cell makers held to green power",
     "A contract with our cell makers says they will use only green power to make our battery cells.",
     ["supply-chain-emissions"], []),
    ("supply-chain-emissions: suppliers told to buy renewable electricity",
     "The carmaker told suppliers they must buy renewable electricity for the parts they deliver.",
     ["supply-chain-emissions"], []),
    ("supply-chain-emissions: a utility supplying green power is not the supply chain",
     "The city's energy supplier sells green power to households at a fixed price.",
     [], ["supply-chain-emissions"]),
    # EV policy
    ("ev-policy: the child tax credit",
     "Congress widened the child tax credit, and the IRS will send the first monthly payments in July.",
     [], ["ev-policy"]),
    ("ev-policy: the EV credit and the IRS still count",
     "The IRS published the list of electric vehicles that qualify for the credit.",
     ["ev-policy"], []),
    ("ev-policy: recycled-content mandates said as minimum levels",
     "The regulation sets mandatory minimum levels of recycled content in electric vehicle batteries.",
     ["ev-policy", "battery-recycling"], []),
    ("ev-policy: a sales mandate's fine per car",
     "Carmakers are fined 12,000 pounds for every car sold above the allowed threshold.",
     ["ev-policy"], []),
    ("ev-policy: the government's targets beside the EV share",
     "Only three carmakers hit the government's tough targets, with EVs at a quarter of their sales.",
     ["ev-policy"], []),
    ("ev-policy: a company's own sales targets are not",
     "The company hit its own sales targets for the year thanks to strong demand for trucks.",
     [], ["ev-policy"]),
    # workers' rights, Indigenous rights, lithium, aluminium: the subject said in other words
    ("workers-rights: unions fighting for a just transition",
     "Unions are fighting to make sure the plan includes a just transition for the mill.",
     ["workers-rights"], []),
    ("workers-rights: the European Union's fights are not",
     "The European Union is fighting to keep its steel industry alive.",
     [], ["workers-rights"]),
    ("indigenous-rights: the Sami beside their land and a mine",
     "Sami activists blocked the road to stop test blasts for a mine on their lands.",
     ["indigenous-rights"], []),
    ("indigenous-rights: a footballer named Sami is not",
     "Sami scored twice as the club won the cup final in Munich.",
     [], ["indigenous-rights"]),
    ("lithium and lithium-water: lithium exploitation and its water",
     "Lithium exploitation needs enormous amounts of water, and farmers near the salt flats fear for their wells.",
     ["lithium", "lithium-water"], []),
    ("aluminium: a purchase said with its carbon cut",
     "The carmaker will also use aluminum with 70% less carbon in its electric models.",
     ["aluminium"], []),
    # -- a fourth blind set (metals and mining; EV policy) --
    ("renewable-energy: 'makes it hard' is not making solar panels",
     "The coal-fired power capacity at the Weda Bay park is 3,400 MW, and poor disclosure makes it hard to count.",
     ["renewable-energy"], []),
    ("renewable-energy: a metal's uses",
     "The metal is crucial to solar and wind energy, and to the batteries of electric cars.",
     [], ["renewable-energy"]),
    ("renewable-energy: a second-life battery's grid services",
     "Old car batteries can earn money from demand-charge management and renewable energy integration.",
     [], ["renewable-energy"]),
    ("renewable-energy: a plant's own wind power still counts",
     "The plant will run on wind energy from turbines built next to the paint shop.",
     ["renewable-energy"], []),
    ("transition-minerals: a miner described is no mining story",
     "The venture is owned by the steelmaker, a utility and LKAB, a mining and minerals group.",
     [], ["transition-minerals"]),
    ("transition-minerals: COVID's impacts on a mine's output",
     "The miner said output rose at its Pilbara mines amid fewer COVID-19 related impacts.",
     [], ["transition-minerals"]),
    ("transition-minerals: a mine's impacts on a river still count",
     "Villagers say the mine's environmental impacts have killed the fish in their river.",
     ["transition-minerals"], []),
    ("transition-minerals: critical minerals in a tariff's list of goods",
     "The tariffs cover Chinese goods including batteries, critical minerals, solar products, steel and aluminum.",
     [], ["transition-minerals"]),
    ("transition-minerals: rare earths as the last of a nodule's metals",
     "The nodules hold metals such as nickel, cobalt, copper and rare earth elements.",
     [], ["transition-minerals"]),
    ("lithium: recycled lithium supply",
     "The plant recycles battery scrap and is the only new source of lithium supply in the country.",
     [], ["lithium"]),
    ("lithium: grease thickeners",
     "Greases are sold by thickener type (calcium, lithium or sodium) and by NLGI grade, from semi-fluid to block.",
     [], ["lithium"]),
    ("lithium: a mine's developer by name",
     "Lithium Nevada says the permit for the cultural survey is still pending.",
     ["lithium"], []),
    ("lithium-water: a geothermal brine is the metal's source, not water taken",
     "The lithium project will bring hot geothermal brine to the surface and extract the metal with its heat.",
     ["lithium"], ["lithium-water"]),
    ("workers-rights: a curly apostrophe",
     "The report describes violations of workers’ rights at the mines.",
     ["workers-rights"], []),
    ("ev-policy: a shipping regulator's emission limits",
     "The IMO framework is the first to combine mandatory emissions limits and carbon pricing for ships.",
     [], ["ev-policy"]),
    ("ev-policy: a coal plant's SO2 standard",
     "The EPA set a new SO2 emissions standard that will cut coal-plant output.",
     [], ["ev-policy"]),
    ("ev-policy: emission standards for steel from an electric furnace",
     "Steelmakers lobbied for laxer emissions standards for blast furnaces than for steel from an electric furnace.",
     [], ["ev-policy"]),
    ("ev-policy: a tariff on Chinese EVs beside tariffs on metals",
     "The president will quadruple the tariff imposed on Chinese electric vehicles and raise those on steel and aluminum.",
     ["ev-policy"], []),
    ("battery-recycling: a life cycle from mining to recycling",
     "Battery makers must report the carbon footprint of each battery, from mining to production to recycling.",
     [], ["battery-recycling"]),
    # -- a fifth blind set (carmakers' supply chains; NGO and mining-region press) --
    ("renewable-energy: storage for wind and solar farms as a metal's use",
     "The metal goes into phones, electric cars and battery storage for wind and solar farms.",
     [], ["renewable-energy"]),
    ("renewable-energy and ev-policy: the grid's clean-energy mandates",
     "Retired EV batteries are finding buyers as clean energy mandates drive demand for grid storage.",
     [], ["renewable-energy", "ev-policy"]),
    ("renewable-energy: a coal plant in a smelter's industrial area",
     "The 2,000 MW coal-fired power plant is being built in the industrial area next to the refinery site.",
     ["renewable-energy"], []),
    ("transition-minerals: the state copper miner in a lithium story",
     "The miner signed a venture with the state-owned copper mining company to extract lithium from a salt flat.",
     ["lithium"], ["transition-minerals"]),
    ("transition-minerals: critical minerals in an EV credit's rules",
     "The rules will build critical mineral and battery component supply chains and support clean vehicle sales.",
     [], ["transition-minerals"]),
    ("transition-minerals: a copper price on the LME",
     "Three-month copper on the LME fell 0.1% to $9,870 a metric ton but is set for a monthly gain.",
     [], ["transition-minerals"]),
    ("transition-minerals: metals from copper to rare earth elements",
     "The survey found seabed crusts with metals ranging from copper to rare earth elements.",
     [], ["transition-minerals"]),
    ("battery-recycling: a footprint from extraction to production and recycling",
     "The passport must show the battery's carbon footprint from raw material extraction to production and recycling.",
     [], ["battery-recycling"]),
    ("battery-recycling and ev-policy: recovered materials mandated in new batteries",
     "A share of the recovered materials is mandated for use in new batteries from 2031.",
     ["battery-recycling", "ev-policy"], []),
    ("ev-policy: the end of new combustion cars in other words",
     "Under the deal, the sale of new cars that burn petrol or diesel would be banned from 2035.",
     ["ev-policy"], []),
    ("ev-policy: carmakers forced to cut new-car emissions",
     "The law will force carmakers to reduce new car emissions by 55% by 2030.",
     ["ev-policy"], []),
    ("ev-policy: India's cell scheme by its initials",
     "Each company picked under the ACC battery storage scheme must build a 5 GWh plant within two years.",
     ["ev-policy"], []),
    ("human-rights-due-diligence: compliance across the supply chain after child labour",
     "Two suppliers were accused of using underaged workers, and the carmaker said it reviewed compliance measures across its supply chain.",
     ["human-rights-due-diligence", "workers-rights"], []),
    ("workers-rights: children who worked in the tunnels",
     "He started mining at the age of 12 and was one of the children who worked in the cobalt tunnels.",
     ["workers-rights"], []),
    ("supply-chain-emissions: a supply agreement's carbon-neutral production",
     "Under the supply agreement the two companies will work towards carbon-neutral production of lithium hydroxide.",
     ["supply-chain-emissions"], []),
    ("aluminium: an aluminium plant's sludge spill",
     "Farmland was flooded after a sludge dump of an aluminum company began leaking polluted water.",
     ["aluminium"], []),
    ("aluminium: Hydro's aluminium for a carmaker",
     "Norway's Hydro will work with the carmaker on aluminum for the car.",
     ["aluminium"], []),
    # -- a sixth blind set (a morning's mix; reports) --
    ("renewable-energy: solar energy storage as a metal's use",
     "The salt flats hold lithium, a key part of the batteries in phones and solar energy storage systems.",
     [], ["renewable-energy"]),
    ("renewable-energy: magnets for wind power technology",
     "Demand grew with magnets for wind power technology and electric cars.",
     [], ["renewable-energy"]),
    ("transition-minerals: an EV credit's mineral sourcing rules",
     "Half of the credit, $3,750, depends on meeting the critical mineral sourcing rules.",
     [], ["transition-minerals"]),
    ("transition-minerals: rare earths by their initials",
     "Extraction of REEs would have to grow tenfold by 2030, and China leads REE production.",
     ["transition-minerals"], []),
    ("human-rights-due-diligence: transparency about a supply chain's emissions",
     "The carmaker disclosed the greenhouse gas emissions of its steel supply chain, a step for transparency.",
     [], ["human-rights-due-diligence"]),
    ("lithium-water: a water crisis and waterways drying up beside lithium mining",
     "The valley's waterways dry up year by year. At the heart of the crisis is lithium mining.",
     ["lithium", "lithium-water"], []),
    ("green-steel: steel free of fossil fuels",
     "Only a small share of the steel carmakers buy will be free of fossil fuels by 2030.",
     ["green-steel"], []),
    ("aluminium: the metal produced in Xinjiang",
     "A tenth of the world's aluminum is produced in Xinjiang, where forced labour is documented.",
     ["aluminium"], []),
    ("ev-policy: the weighted average duty on battery-electric cars",
     "Other BEV producers that cooperated face the 20.8% weighted average duty.",
     ["ev-policy"], []),
    # -- a seventh blind set (the final code's check) --
    ("renewable-energy: solar panels among goods barred at import",
     "Enforcement of the law that bans the import of goods made in the region has focused on solar panels and cotton.",
     [], ["renewable-energy"]),
    ("renewable-energy: a power company named in a steel venture",
     "The fossil-free steel venture is owned by the steelmaker, a miner and a power company.",
     [], ["renewable-energy"]),
    ("battery-recycling: a refurbished cobalt refinery",
     "The plans include a refurbished and enlarged cobalt refinery that will start next spring.",
     [], ["battery-recycling"]),
    ("battery-recycling: refurbished battery packs still count",
     "The start-up sells refurbished battery packs from crashed cars to fleet owners.",
     ["battery-recycling"], []),
    ("transition-minerals: a miner's quarterly output",
     "The miner reported higher quarterly output across its copper business, and its shares rose 3 per cent.",
     [], ["transition-minerals"]),
    ("supply-chain-emissions: the emissions of making a car's steel and parts",
     "For the carmaker, the emissions related to steel and iron production are a third of those from the materials and production of its parts.",
     ["supply-chain-emissions"], []),
    ("supply-chain-emissions: embodied CO2 in vehicle manufacturing",
     "Steel is one of the largest sources of embodied CO2 in vehicle manufacturing.",
     ["supply-chain-emissions"], []),
    ("ev-policy: the carmakers' association and the CO2 fines",
     "The MEP disputed the 15 billion euros of fines that ACEA has put forward for the industry.",
     ["ev-policy"], []),
    # set 8 (120 passages, scored once before these: topics P 0.939/0.942, R 0.979/1.000)
    ("renewable-energy: solar cells in a list of traded goods",
     "Tariffs rose on a list of imports, including chips, batteries, solar cells and toys.",
     [], ["renewable-energy"]),
    ("renewable-energy: a plant's own solar cells",
     "The plant runs on power from its own solar cells on the roof.",
     ["renewable-energy"], []),
    ("battery-recycling: a closed-loop process that extracts lithium from brine",
     "The site will extract lithium from geothermal brine in a closed-loop process for battery makers.",
     ["lithium"], ["battery-recycling"]),
    ("battery-recycling: a closed-loop recycling plant",
     "The closed-loop battery recycling plant recovers lithium from old packs.",
     ["battery-recycling"], []),
    ("supply-chain-emissions: moving upstream is buying into supply, industry's decarbonisation a general goal",
     "Carmakers are moving upstream in the supply chain to secure parts and speed industrial decarbonisation.",
     [], ["supply-chain-emissions"]),
    ("supply-chain-emissions: a supply chain's own net zero",
     "The carmaker wants its supply chain to reach net zero by 2040.",
     ["supply-chain-emissions"], []),
    ("human-rights-due-diligence: forced child labour is forced labour",
     "Cobalt from mines that used forced child labour reached the carmakers' batteries, the lawsuit says.",
     ["human-rights-due-diligence", "workers-rights"], []),
    ("human-rights-due-diligence: child labour alone is workers' rights",
     "Children as young as seven dig in the cobalt mines for a dollar a day.",
     ["workers-rights"], ["human-rights-due-diligence"]),
    ("ev-policy: an eco-bonus for electric cars",
     "France's eco-bonus no longer covers electric cars built in China.",
     ["ev-policy"], []),
    ("ev-policy: carmakers averaging their CO2 over three years",
     "Brussels will let carmakers average their emissions over three years instead of one.",
     ["ev-policy"], []),
    ("ev-policy: another industry averaging its emissions",
     "The airline will average its emissions over three years of flights.",
     [], ["ev-policy"]),
    # set 9 (120 passages, scored once with set 8's rules: topics P 0.976/0.959, R 0.976/0.959)
    ("ev-policy: duties set for the Chinese carmakers they name",
     "Geely would pay a 20 per cent tariff, while BYD models would incur 17 per cent.",
     ["ev-policy"], []),
    ("ev-policy: the EU's kind of duty, the carmakers named in the next sentence",
     "The provisional duties were set last week. The rates are 17% for BYD, 19.3% for Geely and 36.3% for SAIC.",
     ["ev-policy"], []),
    ("ev-policy: a steel tariff beside a carmaker's sales",
     "Steel tariffs went up last year. BYD sold more cars in March than a year before.",
     [], ["ev-policy"]),
    ("indigenous-rights: land a people in the plural hold sacred",
     "The court let the company take land that Apaches consider sacred.",
     ["indigenous-rights"], []),
    ("indigenous-rights: the helicopter",
     "The Apache helicopters flew low over the base.",
     [], ["indigenous-rights"]),
    # set 10 (120 passages, scored once with set 9's rules: topics P 0.974/0.949, R 0.950/0.933)
    ("transition-minerals: an agency's name is no mineral topic",
     "Miners may ship 18,000 tonnes of cobalt this year, said the Authority for the Regulation and Control of "
     "Strategic Mineral Substances.",
     ["cobalt"], ["transition-minerals"]),
    ("transition-minerals: a strategic mineral itself",
     "Copper is a strategic mineral for the grid, and the new mine will double output.",
     ["transition-minerals"], []),
    ("supply-chain-emissions: a value chain said to be fossil-free",
     "Together, we are building an entirely fossil-free value chain for the carmaker.",
     ["supply-chain-emissions"], []),
    ("supply-chain-emissions: low-carbon raw materials are the material's topic",
     "The steelmaker wants to produce low-carbon raw materials for green steel.",
     ["green-steel"], ["supply-chain-emissions"]),
    # a word in scare quotes is still the phrase's word (the tokenizer folds its closing mark)
    ("green-steel: '\"green\" steel' in scare quotes",
     'Critics call the mill\'s "green" steel a rebrand, since its furnaces still burn coke.',
     ["green-steel"], []),
    ("renewable-energy: “clean” energy in curly scare quotes",
     "The plant will run on “clean” energy from a wind farm on the coast.",
     ["renewable-energy"], []),
    ("green-steel: 'fossil-free' steel, hyphenated in single quotes",
     "The carmaker will buy 'fossil-free' steel from the Swedish startup from 2026.",
     ["green-steel"], []),
    # set 11: two kinds of labour, the noun once; slavery by analogy
    ("workers-rights: child and slave labour, the noun said once",
     "The metals in the batteries raise concerns, including the use of child and slave labor.",
     ["workers-rights"], []),
    ("workers-rights: conditions “analogous to slavery”, the phrase in quotes",
     "Prosecutors said 220 people were kept in conditions “analogous to slavery” at the building site.",
     ["workers-rights"], []),
    ("workers-rights: unionized jobs as a project's promise are none",
     "The proposed mine could bring hundreds of unionized mining jobs to the rural county.",
     [], ["workers-rights"]),
    ("workers-rights: a union fighting for its members still counts",
     "The union said its members would strike for better pay at the mine.",
     ["workers-rights"], []),
    # a battery's carbon footprint said apart from the word battery
    ("supply-chain-emissions: a carbon footprint declared for battery models",
     "A carbon footprint must be declared for each electric vehicle battery model sold in the bloc.",
     ["supply-chain-emissions"], []),
    # tailings of a metal with its own topic
    ("transition-minerals: bauxite tailings are aluminium's red mud",
     "Red mud is also known as bauxite tailings or alumina refinery residue.",
     ["aluminium"], ["transition-minerals"]),
    ("transition-minerals: a mine's tailings still count",
     "The tailings spilled into the river after the dam failed at the copper site.",
     ["transition-minerals"], []),
    # aluminium made with renewable power; not a supplier target naming both
    ("aluminium: made with solar electricity",
     "The firm is the first to make aluminum commercially with solar electricity.",
     ["aluminium"], []),
    ("aluminium: renewable electricity for cell makers, aluminium castings named apart",
     "The carmaker requires its cell suppliers to use renewable electricity, and buys aluminium castings too.",
     [], ["aluminium"]),
    # a company named for a metal ("Zhejiang Huayou Cobalt") in a nickel deal
    ("cobalt: the name of Zhejiang Huayou Cobalt, as it is misspelt too",
     "Ford took a stake in a nickel plant in Indonesia along with Vale and China's Zhejiang Huayu Cobalt.",
     ["nickel"], ["cobalt"]),
    ("cobalt: cobalt's own supply still counts",
     "Ford took a stake in a plant in Indonesia that will supply cobalt and nickel for its batteries.",
     ["cobalt"], []),
    # set 12: a strike named by its kind; drivers on strike
    ("workers-rights: a weeklong transport strike",
     "Jeepney drivers and operators kicked off a weeklong transport strike on Monday in the capital.",
     ["workers-rights"], []),
    ("workers-rights: a missile strike is none",
     "The missile strike hit a depot in the capital on Monday.",
     [], ["workers-rights"]),
    ("workers-rights: hours as a span of time are none",
     "The battery maker announced three agreements in a span of 24 hours with Canadian miners.",
     [], ["workers-rights"]),
    ("workers-rights: miners' working hours still count",
     "The miners worked 14 hours a day without pay, the report said.",
     ["workers-rights"], []),
    # sourced responsibly, said either way round
    ("human-rights-due-diligence: supply sourced responsibly",
     "The carmaker will buy cobalt directly from mines in Australia to ensure its supply is sourced responsibly.",
     ["human-rights-due-diligence"], []),
    # tribes taking a project to court; a tribe of fans is none
    ("indigenous-rights: tribes file suit against a mine",
     "Conservation groups and Tribes have filed suit to stop the lithium project in Nevada.",
     ["indigenous-rights"], []),
    ("indigenous-rights: a tribe of fans",
     "The tribe of electric car fans gathered at the show in Oslo.",
     [], ["indigenous-rights"]),
    # the salt lakes where lithium lies, and the brine pumped from them
    ("lithium-water: lithium in salt lakes, brine evaporated",
     "Half of the world's lithium lies in the salt lakes of Argentina, Bolivia and Chile. The brine is pumped "
     "out and evaporated in shallow ponds.",
     ["lithium", "lithium-water"], []),
    # a government programme to promote electric vehicles
    ("ev-policy: a programme to promote the use of electric vehicles",
     "The carmaker joined the government's initiative to promote the use of electric vehicles.",
     ["ev-policy"], []),
    # Norsk Hydro the company is no hydropower
    ("renewable-energy: the power at Hydro's refinery",
     "The power for Hydro's alumina refinery comes from natural gas and electrical boilers.",
     ["aluminium"], ["renewable-energy"]),
    ("renewable-energy: hydro power for a refinery still counts",
     "The power for the alumina refinery will come from a new hydro plant upriver.",
     ["renewable-energy"], []),
    # set 13: an agency's name; a company's recycled-content target is no mandate; CDP's supply-chain programme
    ("transition-minerals: the Authority for Strategic Mineral Markets",
     "The quota was set by the Regulatory and Control Authority for Strategic Mineral Markets (ARECOMS).",
     [], ["transition-minerals"]),
    ("ev-policy: a recycler targeting a minimum of recycled nickel",
     "The recycler is targeting a minimum of 20% recycled nickel in the cathode material it sells.",
     [], ["ev-policy"]),
    ("ev-policy: a law's minimum share of recycled cobalt",
     "The law sets a minimum share of 16% recycled cobalt in new batteries.",
     ["ev-policy"], []),
    ("supply-chain-emissions: the supply-chain programme of CDP",
     "We also take part in the supply-chain program of CDP, through which we request climate information from suppliers.",
     ["supply-chain-emissions"], []),
    ("human-rights-due-diligence: an immigration raid is no detention of goods",
     "Immigration agents raided the battery plant site and detained hundreds of its builders.",
     [], ["human-rights-due-diligence"]),
    # set 14: low-carbon steel as a grade of little carbon; Uyghurs forced to work are due diligence's
    ("green-steel: a low-carbon steel core beside a high-carbon casing",
     "The grinder uses case-hardened steel: a low-carbon steel core with a high-carbon steel casing.",
     [], ["green-steel"]),
    ("green-steel: low-carbon steel bought still counts",
     "The carmaker will buy low-carbon steel from the Swedish mill for its new models.",
     ["green-steel"], []),
    ("workers-rights: Uyghurs forced to work are due diligence's",
     "Some of the car's parts were likely made by Uyghurs and others forced to work in China.",
     ["human-rights-due-diligence"], ["workers-rights"]),
    ("workers-rights: miners forced to work long shifts still count",
     "Miners were forced to work 12-hour shifts without pay at the smelter.",
     ["workers-rights"], []),
    ("ev-policy: a company's SBTi targets are its own",
     "The carmaker will commit to complying with the SBTi and announce its carbon reduction targets.",
     [], ["ev-policy"]),
    ("human-rights-due-diligence: a buyer investigating its supplier",
     "The carmaker said it had opened an investigation into a Moroccan cobalt supplier accused of pollution.",
     ["human-rights-due-diligence"], []),
    ("ev-policy: an investment promotion package for an EV plant",
     "The carmaker will build 150,000 EVs a year in Thailand under a BOI investment promotion package.",
     ["ev-policy"], []),
    ("aluminium: aluminium made by Uyghur forced labour",
     "Carmakers may be using aluminium made by Uyghur forced labour in their supply chains.",
     ["aluminium"], []),
    ("aluminium: aluminium in a list of goods barred under a forced labour law is none",
     "Three suppliers of aluminium and batteries were added to the forced labour entity list.",
     [], ["aluminium"]),
    ("transition-minerals: critical minerals near-shored for the Inflation Reduction Act",
     "The carmaker will near-shore its supply of critical minerals to comply with the Inflation Reduction Act.",
     ["ev-policy"], ["transition-minerals"]),
    ("green-steel: a quoted word that ends a quotation is no scare quote",
     'The mill\'s owner said it was "green." Steel buyers were not convinced.',
     [], ["green-steel"]),
    # set 15: a quotation opened in mid-phrase, a brand that is also a word, audits back to the mine,
    # renewables as a sector or as what e-fuels are made with, a supplier held to green power, a
    # support package for a battery plant said a sentence apart, partners held to human rights
    ("human-rights-due-diligence: a quotation opened in mid-phrase is still the phrase",
     "Workers were held in forced “labour camps” near the mine that supplies the smelter.",
     ["human-rights-due-diligence"], []),
    ("human-rights-due-diligence: a straight quote opened in mid-phrase",
     'Workers were held in forced "labour camps" near the mine that supplies the smelter.',
     ["human-rights-due-diligence"], []),
    ("aluminium: EGA's CelestiAL brand beside its metal, not celestial objects",
     "The telescope's mirror can capture faint light from celestial objects.",
     [], ["aluminium"]),
    ("aluminium: the CelestiAL brand of solar aluminium",
     "EGA will deliver CelestiAL aluminium to the carmaker's plant in Leipzig.",
     ["aluminium"], []),
    ("transition-minerals: audits traced back to the mines are no mining impact",
     "The audits will check suppliers for environmental protection along the supply chain all the way back to the mines.",
     ["human-rights-due-diligence"], ["transition-minerals"]),
    ("transition-minerals: mining that harms the environment still counts",
     "Mining near the village has polluted the river and damaged the environment.",
     ["transition-minerals"], []),
    ("renewable-energy: renewables as a sector to invest in beside EVs",
     "The fund plans to invest US$300 million in electric vehicles and renewables in Vietnam.",
     [], ["renewable-energy"]),
    ("renewable-energy: renewable energy as what e-fuels are made with",
     "Some ministers want an exemption for e-fuels, which can be made with renewable energy and captured carbon.",
     [], ["renewable-energy"]),
    ("renewable-energy: a car plant run on renewable energy",
     "The carmaker will run its Zwickau plant on renewable energy from next year.",
     ["renewable-energy"], []),
    ("supply-chain-emissions: one key supplier told to make cells with renewable energy",
     "The carmaker instructed its key supplier to produce battery cells using renewable energy.",
     ["supply-chain-emissions"], []),
    ("ev-policy: a government support package for a battery plant, a sentence apart",
     ("The carmaker is weighing a large EV battery plant in Britain. It favours a site in Somerset after the "
      "government offered a support package."),
     ["ev-policy"], []),
    ("ev-policy: a support package for farmers is none",
     "The government offered a support package to farmers hit by the drought.",
     [], ["ev-policy"]),
    ("human-rights-due-diligence: only working with partners that share its human rights standards",
     "From next year the carmaker will only work with partners that share its standards on climate and human rights.",
     ["human-rights-due-diligence"], []),
    # set 16: the emissions that come with a material bought, said without "supply chain"
    ("supply-chain-emissions: a material's share of a car's emissions",
     "Steel accounts for about a fifth of the emissions associated with the materials of a new hatchback.",
     ["supply-chain-emissions"], []),
    ("supply-chain-emissions: a carmaker's aluminium-related carbon emissions",
     "The smelter's metal is expected to cut the carmaker's aluminium-related carbon emissions by half.",
     ["supply-chain-emissions"], []),
    ("supply-chain-emissions: a smelter's own emissions are not a buyer's",
     "The smelter's emissions rose last year as it burned more coal.",
     [], ["supply-chain-emissions"]),
    # the value chain of making a metal is the metal's, not a buyer's suppliers
    ("supply-chain-emissions: a fossil-free value chain for iron and steelmaking",
     "The trial delivery is a step towards a fossil-free value chain for iron and steelmaking, the steelmaker said.",
     ["green-steel"], ["supply-chain-emissions"]),
    ("supply-chain-emissions: a carmaker's fossil-free value chain",
     "The carmaker wants a fossil-free value chain by 2040 and has asked its suppliers to use green power.",
     ["supply-chain-emissions"], []),
    # "responsibly sourced" as the grade of aluminium a smelter sells, not a company's diligence
    ("human-rights-due-diligence: responsibly sourced aluminium for sale",
     "The miner will supply responsibly sourced aluminium to the carmaker from next year.",
     ["aluminium"], ["human-rights-due-diligence"]),
    ("human-rights-due-diligence: cobalt that is not responsibly sourced",
     "The exchange threatened to delist brands whose cobalt is not responsibly sourced by 2022.",
     ["human-rights-due-diligence"], []),
    # lithium in the brine pumped from an aquifer, said two sentences on
    ("lithium: the lithium in brine pumped from an aquifer two sentences before",
     ("Pumps pull brine from an aquifer deep under the valley floor into wide ponds. The ponds look like any "
      "other water. But the water is rich in lithium, which carmakers want for their batteries."),
     ["lithium", "lithium-water"], []),
    ("lithium: a battery's lithium far from any brine",
     ("The pickled vegetables sit in brine for a week. The recipe is old. A phone's lithium battery lasts a day "
      "on a single charge."),
     [], ["lithium"]),
    # old batteries given a second use
    ("battery-recycling: old batteries given a second use in storage",
     ("Once the packs leave the cars they are converted into energy storage for a stadium. Even the car's old "
      "batteries won't go to waste."),
     ["battery-recycling"], []),
    ("battery-recycling: batteries bought for energy storage are none",
     "The utility bought new batteries for energy storage at its solar farm.",
     [], ["battery-recycling"]),
    # set 17: "GHG" said for emissions in a value chain
    ("supply-chain-emissions: a GHG working group for the value chain",
     "Automakers and suppliers formed a GHG working group to help companies in the automotive value chain set common targets.",
     ["supply-chain-emissions"], []),
    ("supply-chain-emissions: a plant's own GHG output",
     "The plant's GHG output fell by a tenth last year.",
     [], ["supply-chain-emissions"]),
    # the sum a government gives a battery plant, said a sentence apart
    # alumina the white of a pigment or a lab compound, not the refined ore
    ("aluminium: alumina in a pigment",
     "Cobalt blue pigment is made by heating cobalt oxide with alumina until it glows.",
     [], ["aluminium"]),
    ("aluminium: alumina from a refinery",
     "Alumina prices rose 5% after the refinery at Gove shut for repairs.",
     ["aluminium"], []),
    # a metal's export quota is the metal's news, not an EV rule
    ("ev-policy: a cobalt export quota that unsettled EV makers",
     ("Congo set a cobalt export quota. The quota framework replaced an export suspension that had unsettled "
      "electric vehicle makers."),
     ["cobalt"], ["ev-policy"]),
    ("ev-policy: an EV sales quota",
     "The new rules set a quota for electric vehicle sales of 22% this year.",
     ["ev-policy"], []),
    # an EV maker's product line, not renewable power
    ("renewable-energy: 'green energy solutions' in a product line",
     ("The company provides a full range of EV products in Vietnam, including e-scooters, electric buses and "
      "electric cars, charging station systems and other green energy solutions."),
     [], ["renewable-energy"]),
    # set 18: a strike named by the labour it is, a metal's sources, a subsidy scheme by its name, a hyphen
    ("workers-rights: labor strikes dodged",
     "The carmaker seems to have dodged labor strikes this year, unlike its rival.",
     ["workers-rights"], []),
    ("workers-rights: a lightning strike is none",
     "A lightning strike set fire to the warehouse roof on Sunday.",
     [], ["workers-rights"]),
    ("cobalt: the search for new cobalt sources",
     "The findings could complicate the search for new cobalt sources for batteries.",
     ["cobalt"], []),
    ("ev-policy: India's FAME scheme by its full name",
     "The carmaker was the biggest beneficiary of the Faster Adoption and Manufacturing of Electric Vehicles scheme.",
     ["ev-policy"], []),
    ("supply-chain-emissions: carbon dioxide-neutral along the value chain",
     "Its new cars are to be carbon dioxide-neutral along the entire value chain by 2039.",
     ["supply-chain-emissions"], []),
    ("renewable-energy: green energy for a plant",
     "The carmaker will power its Chennai plant with green energy from a wind farm.",
     ["renewable-energy"], []),
]


@pytest.mark.parametrize("name, text, present, absent", TOPICS, ids=[c[0] for c in TOPICS])
def test_blind_topic_classes(tagger, name, text, present, absent):
    assert_topics(tagger, name, text, present, absent)


@pytest.mark.parametrize("text, automakers", [
    # Nissan is also the Hebrew month (Nisan)
    ("Nisan, also spelled Nissan, is the first month of the year in the Hebrew calendar.", []),
    ("Nissan sold more cars in the month of March than in any month before.", ["nissan"]),
    # a surname followed by "who" is a person ("upset with Ford who has not met them")
    ("Leaders say they are upset with Ford who has not met them over the mining claims.", []),
    # a politician's government ("Ford's government is building a road to the mines")
    ("Ford's government is building an all-season road to the Ring of Fire.", []),
    ("Ford's factory in Cologne will build the electric Explorer.", ["ford"]),
    # a bare "Tata" that makes steel is Tata Steel; one that makes cars is still the carmaker
    ("Tata plans to make green steel at its mill in the Netherlands.", []),
    ("Tata will build the electric SUV at its car plant in Pune.", ["tata"]),
    # set 8: a place or another business named after the brand, from there on
    ("Hikers reach Cadillac Mountain by noon, and the view from Cadillac is worth the climb.", []),
    ("Lotus Bakeries raised its sales forecast on strong demand for its biscuits.", []),
    ("Cadillac will build the Lyriq at its plant in Spring Hill.", ["gm"]),
    ("Lamborghini Trattori builds tractors; its founder later set up Automobili Lamborghini.", ["volkswagen"]),
    # people: a given name the list lacks after a title, the years of a life; Renault is a surname too
    ("Director Ishiro Honda made monster films in the 1950s.", []),
    ("Novelist Mary Renault wrote about ancient Greece.", []),
    ("Renault (1905-1983) wrote novels about ancient Greece.", []),
    ("Renault will build the new Twingo in Slovenia.", ["renault"]),
    ("Honda (7267.T) will build the cells in Ontario.", ["honda"]),
    # fiat money; "a Tesla" is the car
    ("FIAT money is a currency that no commodity backs.", []),
    ("He bought a Tesla car last year.", ["tesla"]),
    # set 9: said to be a person ("was a director"), a life (school), the band, a festival
    ("Ishirō Honda was a Japanese director who worked with Kurosawa.", []),
    ("Renault attended boarding school in Bristol and went to Oxford.", []),
    ("Honda was an early investor in the battery start-up.", ["honda"]),
    ("Ford is a major player in the EV market.", ["ford"]),
    ("Tesla has been rocking its brand of blue collar rock and roll for 31 years.", []),
    ("Tesla sold more cars in the quarter than any rival.", ["tesla"]),
    ("The Toyota Oiden Festival fills the streets every July.", []),
    # set 10: the truck maker's brand, a Japanese given name
    ("Mercedes-Benz Trucks raised its profit on strong European sales.", []),
    ("Mercedes-Benz raised its profit on strong car sales.", ["mercedes-benz"]),
    ("Ishiro Honda often gets overlooked among the great filmmakers.", []),
    # set 11: the truck maker said to be one, and the bare name after it
    ("Swedish truck manufacturer Volvo and steelmaker SSAB will build vehicles from fossil-free steel. "
     "Volvo plans to build prototype vehicles this year.", []),
    ("Volvo plans to build prototype cars from fossil-free steel this year.", ["volvo-cars"]),
    # brands in the plural
    ("It sells more cars here than Land Rovers, Minis and Skodas.", ["bmw", "tata", "volkswagen"]),
    ("The dealer sold 3,000 Teslas last month.", ["tesla"]),
    ("The Fords of Detroit gathered for their grandfather's funeral.", []),
    # a brand that needs context, followed by one of its models or a model code
    ("We drove a Ford Mustang through the night to see the eclipse.", ["ford"]),
    ("She took her Jeep Grand Cherokee up the mountain road.", ["stellantis"]),
    ("The Ford F-150 was parked outside the hall.", ["ford"]),
    ("Ford 2024 was the premier's slogan, and Ford repeated it.", []),
    # set 12: the band's venues, a conglomerate's power arm, the Hebrew month, another firm's electronics
    ("Tesla continue to record and sell out venues all over the world.", []),
    ("Mahindra Susten, the clean-tech arm of the Mahindra Group, won approval for its climate targets.", []),
    ("This month, the month of Nissan, shall be the first of the months, the Exodus says.", []),
    ("Alpine Electronics reported fires in speakers it made for car audio systems.", []),
    ("Alpine will build the A290 electric car at its plant in Dieppe.", ["renault"]),
    # set 13: a model after a word that otherwise refuses the name ("a Seat Ibiza", not "a seat")
    ("The most common reason was driving a Seat Ibiza.", ["volkswagen"]),
    ("Please take a Seat at the front, the usher said.", []),
    # set 14: the pepper mill's peppercorns, a Latin maxim
    ("For peppercorns and coffee beans, Peugeot uses case-hardened steel in its milling mechanisms.", []),
    ("The Latin maxim Audi alteram partem is a rule of natural justice.", []),
    ("Audi will build the electric Q6 at its plant in Ingolstadt.", ["volkswagen"]),
    # set 15: a general manager at the start of a sentence ("As GM, I want to make a trade")
    ("As GM, I want to make a trade to improve my team before the deadline.", []),
    ("As GM builds more electric pickups, its battery plants need more lithium.", ["gm"]),
])
def test_blind_automaker_namesakes(tagger, text, automakers):
    assert sorted(a.id for a in tagger.tag(text).automakers) == automakers


@pytest.mark.parametrize("text, about", [
    # the lede's action aimed at the carmakers as a group, named together later: all of them
    (("Workers at the three Detroit automakers will vote next week on strikes against the Detroit 3 automakers. "
      "Talks on wages are moving slowly, the union said. Its contracts with GM, Ford and Stellantis expire in "
      "September."), ["ford", "gm", "stellantis"]),
    (("Regulators opened an inquiry into Chinese carmakers over their state subsidies. The firms named later "
      "include BYD, SAIC and Geely, which all export to Europe."), ["byd", "geely", "saic"]),
    # the group is a comparison, not a target: the one that acts is the story
    (("Toyota plans to build a battery plant in Kentucky, a step ahead of the Detroit automakers. GM and Ford "
      "have smaller projects."), ["toyota"]),
])
def test_a_lede_aimed_at_the_carmakers_as_a_group(tagger, text, about):
    assert sorted(a.id for a in tagger.tag(text).automakers if a.role == "subject") == about


def test_a_name_that_had_its_context_once_is_the_carmaker_throughout(tagger):
    """One sense in one text: "Mercedes" lacks automotive words in the lede but has them later;
    the lede's doer is the carmaker too, and the story is its."""
    text = ("After the union drive began, Mercedes announced a pay rise for all staff. It also held "
            "meetings against the union. The union says Mercedes broke the law at its car plant.")
    assert [(a.id, a.role, len(a.matched) > 0) for a in tagger.tag(text).automakers] == [("mercedes-benz", "subject", True)]
    assert tagger.tag("Mercedes sang the opening song at the festival.").automakers == ()


@pytest.mark.parametrize("text, about", [
    # set 8: an irregular past after the one automaker named makes it the doer, however late
    ("The 2022 model had little room in the back. Buyers said the boot was small too. Kia heard the complaints "
     "and lengthened the new model.", ["kia"]),
    # two automakers the lede names together are the story's pair, whatever part they play in it
    ("Electric cars made by Hyundai and Kia were left off the list of models that qualify for the credit. "
     "Models from Ford, GM and Tesla made the list.", ["hyundai", "kia"]),
    # ... but not one that is only the other's object
    ("Toyota overtook Volkswagen as the world's biggest carmaker last year. Toyota sold 10.5 million cars.", ["toyota"]),
    # a joint-venture partner is a subject beside the automaker it is partner to
    ("Volkswagen said an audit of its plant found no forced labour. The plant is run by VW's joint venture "
     "partner SAIC.", ["saic", "volkswagen"]),
    ("Volkswagen said an audit of its plant found no forced labour. SAIC, its Chinese joint venture partner, "
     "runs the plant.", ["saic", "volkswagen"]),
    ("Volkswagen said an audit of its plant found no forced labour. The plant makes cars that compete with "
     "those of SAIC.", ["volkswagen"]),
    # set 9: a strike aimed at the carmakers the lede lists is all of theirs, however often one is named later
    ("The union's strike is targeting plants of Ford, General Motors and Stellantis. Talks with Ford resumed "
     "on Monday, and Ford offered a bigger raise.", ["ford", "gm", "stellantis"]),
    # another company's story: a carmaker it names only after its lede is a partner or a customer
    ("Redwood Materials has launched a battery recycling pilot in California. Ford and Volvo Cars are the "
     "first automakers to support the program.", []),
    ("Ford has launched a battery recycling pilot in California. Volvo Cars is the second automaker to support "
     "the program.", ["ford"]),
    # the offtake a supplier's lede signs with a carmaker, the supply named after it
    ("Liontown Resources has signed an offtake agreement with Tesla for the supply of spodumene from its mine. "
     "Shipments start next year.", []),
    ("Tesla has signed an offtake agreement with Liontown Resources for the supply of spodumene from its mine.",
     ["tesla"]),
    # a company the registries do not know, by its name's ending, leading a supply deal with a carmaker
    ("Talon Metals, the company behind a proposed nickel mine, said on Monday it has made a supply deal with "
     "Tesla. Tesla will buy 75,000 tonnes of concentrate over six years.", []),
    ("Toyota Motor Corp said it will build a battery plant in North Carolina.", ["toyota"]),
    # set 10: six carmakers or more as a lede's group are a roundup; three are the story
    ("Automakers including Stellantis, Toyota, Ford, Mazda and Subaru will pool their emissions with Tesla, "
     "while Mercedes, Polestar and Volvo Cars form another pool.", []),
    ("Chinese automakers BYD, Geely and SAIC have lodged complaints against the duties.", ["byd", "geely", "saic"]),
    # the other party of a joint venture
    ("GAC said its joint venture with Honda Motor will stop making Acura cars. The joint venture will keep "
     "making other Honda models.", ["gac", "honda"]),
    # set 11: the other party of merger talks, "rival" or not
    ("Nissan has called off merger talks with industry rival Honda, a newspaper reported. Shares of Nissan fell "
     "while Honda's rose.", ["honda", "nissan"]),
    ("Nissan sold more cars than its rival Honda in March. Nissan's sales rose by a tenth.", ["nissan"]),
    # the parent of the company the story is about
    ("Hyundai Engineering Co., a construction arm of Hyundai Motor Group, said it has won an order to build a "
     "power plant in Guam.", []),
    ("Kia, an affiliate of Hyundai Motor Group, said it will build electric vans in Hwaseong.", ["kia"]),
    # set 12: talks with the carmakers the lede lists
    ("Talks with General Motors, Ford and Stellantis continued this week, and the union was preparing to walk "
     "out of more factories. Its president will announce the new targets on Friday.", ["ford", "gm", "stellantis"]),
    # set 15: carmakers said not to be the only ones doing what the story's subject does
    ("Mercedes and Tesla aren't the only carmakers giving old batteries a second life. Nissan is teaming up with "
     "a storage firm to reuse packs from its Leaf.", ["nissan"]),
    ("Tesla is the only carmaker to build its own chargers, and Tesla said it will open them to rivals.", ["tesla"]),
    # set 17: the story's subject said not to be the only one: the others after it are its examples
    ("The proposed plant would turn low-grade ore into battery-grade nickel. It would be a big step for Stellantis "
     "towards its electrification plan and its net zero goal. Stellantis is not the only automaker eyeing the "
     "country's nickel. Tesla has reportedly been in talks with the government for several years, and Tesla was "
     "said to have signed a contract for nickel products. Ford has also taken a stake in a nickel plant there.",
     ["stellantis"]),
    # a company that works for the carmaker: "A Hyundai supplier has been fined"
    ("A Hyundai supplier has been fined and ordered to stop employing children at its plant. The supplier makes "
     "headlights for Hyundai and Kia.", []),
    ("Hyundai has been fined for a leak at its Ulsan plant. Hyundai said it would appeal.", ["hyundai"]),
    # a supplier the lede names by what it is, supplying a carmaker: its story
    ("The Swiss miner, which this year struck a deal to supply Tesla with cobalt, believes a new alliance will help "
     "artisanal miners. The alliance is also backed by a refiner that supplies carmakers such as Volkswagen.", []),
])
def test_blind_role_classes(tagger, text, about):
    assert sorted(a.id for a in tagger.tag(text).automakers if a.role == "subject") == about
