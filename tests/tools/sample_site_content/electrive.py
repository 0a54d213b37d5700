"""Fictional electrive-style articles for the chargewatch sample site.

Body markup (see build_sample_site.py): paragraphs are separated by blank lines,
"## " starts a subheading and "> " a blockquote. Everything here is invented for
testing; companies are real, the events, people and quotes are not.
"""

ARTICLES = [
    dict(
        slug="volkswagen-group-secures-low-carbon-steel-for-wolfsburg",
        title="Volkswagen Group secures low-carbon steel for Wolfsburg from 2028",
        published="2026-11-03T09:12:00+01:00",
        author="Carla Westphal",
        category="Materials",
        tags=["Volkswagen", "Audi", "Škoda", "Porsche", "Green steel"],
        summary=(
            "The Volkswagen Group has signed a multi-year supply agreement for "
            "hydrogen-based steel from a new plant on the Elbe estuary. Deliveries "
            "start in 2028; Audi, Škoda and Porsche are to follow."
        ),
        comments=[
            ("Martin K.", "2026-11-03T12:41:00+01:00",
             "250,000 tonnes sounds like a lot until you remember how much steel "
             "Wolfsburg goes through in a year. Still, better than another press "
             "release about a pilot coil."),
            ("elektro_emma", "2026-11-03T18:02:00+01:00",
             "Would be interesting to know whether the scrap share is included in "
             "the 0.5 t figure or not. Those numbers are never comparable."),
        ],
        body="""
The Volkswagen Group has signed a multi-year supply agreement for low-carbon steel that will be produced by hydrogen-based direct reduction in northern Germany. Deliveries are due to begin in 2028 and will initially go to the Wolfsburg plant, where the group builds the Golf, the Tiguan and, from 2027, the electric ID. Golf. Volkswagen did not disclose volumes, but people familiar with the agreement put the first tranche at around 250,000 tonnes a year – roughly a tenth of the flat steel the group buys in Europe.

According to Volkswagen, the steel will have a carbon footprint of less than 0.5 tonnes of CO2 per tonne of hot-rolled coil, compared with about 2.1 tonnes for steel from a conventional blast furnace. The supplier, Hanse Grünstahl, is building a direct-reduction plant and an electric arc furnace at Brunsbüttel, with green hydrogen coming partly from an electrolyser fed by North Sea wind power. Until the electrolyser reaches full capacity, the plant will run on a blend of natural gas and hydrogen, which is why the emissions guarantee is staggered: 0.7 tonnes from 2028, falling to 0.4 tonnes by 2031.

Audi, Škoda and Porsche are to follow. Škoda said it would use the material for body-in-white parts of the Elroq and the upcoming Epiq at Mladá Boleslav, while Porsche intends to use it in the next generation of the Cayenne, which is built in Bratislava. "Steel accounts for around a fifth of the emissions from producing a car, and more for a vehicle with a combustion engine," said Lena Hoffmeister, head of sustainable procurement at the Volkswagen Group. "We cannot reach our supply chain targets without a fundamental change in the steel we buy."

## A premium the industry still argues about

Neither side commented on the price. Analysts estimate that hydrogen-based steel currently costs between €120 and €200 more per tonne than conventional coil. Spread across a vehicle, that amounts to a few hundred euros at most – a figure that advocates of green steel like to quote, while steelmakers point out that margins in their industry are too thin to carry the investment alone. The federal government and the state of Schleswig-Holstein have backed the Brunsbüttel project with grants and a carbon contract for difference worth a combined €1.1 billion.

The agreement comes as automakers face growing scrutiny of their materials footprint. In the latest edition of the Lead the Charge leaderboard, which rates 18 carmakers on the climate, environmental and human rights performance of their supply chains, Volkswagen scored below Volvo Cars and Mercedes-Benz in the steel category, partly because it had no public target for fossil-free steel. The coalition behind the ranking welcomed the deal but called on Volkswagen to publish a time-bound procurement target covering all of its European plants.

"One contract is a start, not a strategy," said Jonas Petersen, a steel campaigner with one of the coalition's member groups. "Volkswagen should commit to steel that is certified as near-zero under the ResponsibleSteel standard and stop underwriting blast furnace relinings through long-term contracts with the old producers."

## Competitors already have similar deals

Volkswagen is not the first carmaker to lock in low-carbon steel. Mercedes-Benz and BMW have signed supply agreements with Swedish and German producers over the past four years, and Volvo Cars has used fossil-free steel in concept and small-series vehicles since 2021. In Asia, Hyundai Motor Group is working with its affiliate Hyundai Steel on a hydrogen reduction pilot, while Toyota buys a small volume of lower-emission steel certified under a mass-balance scheme – an approach campaigners criticise because the physical steel is unchanged.

Volkswagen said the Brunsbüttel agreement was the first of several it plans to sign before the end of 2027, with talks under way with suppliers in Spain and Sweden. The company also confirmed that it will disclose the share of low-carbon steel in its purchases in its next sustainability report, in line with the European Sustainability Reporting Standards.
""",
    ),
    dict(
        slug="byd-opens-battery-recycling-plant-in-hungary",
        title="BYD opens battery recycling plant next to its Szeged factory",
        published="2026-11-05T11:40:00+01:00",
        author="Tobias Reinke",
        category="Batteries",
        tags=["BYD", "Battery recycling", "Hungary", "EU Battery Regulation"],
        summary=(
            "BYD has started operations at a recycling plant in southern Hungary that "
            "will process production scrap and end-of-life packs from its European "
            "fleet. The Chinese company is positioning itself for the EU's "
            "recycled-content quotas."
        ),
        comments=[],
        body="""
BYD has started up a battery recycling plant in Szeged in southern Hungary, directly next to the car factory it opened there at the end of 2025. The facility, operated by the group's battery subsidiary FinDreams, has an initial capacity of 20,000 tonnes of material a year and is designed to process both production scrap and end-of-life packs from vehicles sold in Europe. A second phase, planned for 2028, would take capacity to 50,000 tonnes.

The plant uses a hydrometallurgical process to recover lithium, nickel, cobalt and manganese from the so-called black mass that is left after packs are discharged, dismantled and shredded. BYD says it can recover more than 90 per cent of the lithium and over 98 per cent of the nickel and cobalt. Most of BYD's European models, including the Dolphin Surf, the Atto 2 and the Seal U, use lithium iron phosphate cells, which contain neither nickel nor cobalt and have long been considered uneconomic to recycle. According to the company, the Szeged line has been designed for LFP from the outset and will recover lithium carbonate as well as iron phosphate precursor.

## Regulation is setting the pace

The timing is not a coincidence. Under the EU Battery Regulation, recycling facilities must recover 50 per cent of the lithium from waste batteries by the end of 2027 and 80 per cent by the end of 2031. From 2031, new electric vehicle batteries sold in the EU must also contain minimum shares of recycled material: 16 per cent for cobalt, 6 per cent for lithium and 6 per cent for nickel. From February 2027, every EV battery placed on the market will additionally need a digital battery passport with information on its origin, composition and carbon footprint.

"Chinese manufacturers have understood that the European market will be closed to them in the long run if they cannot show recycled content and a clean carbon footprint," said Eleanor Ford, a battery analyst at the consultancy Cellpath Analytics. "Building the recycling plant next to the car plant is also a statement to Brussels: we are here to stay, tariffs or not." Ford estimates that around 140,000 tonnes of battery scrap will be generated in the EU in 2027, most of it from cell factories rather than from cars.

BYD did not say where the recovered materials would go. In China, the group already operates several closed-loop facilities that feed recovered lithium back into its own cathode production. A spokesperson said that BYD intends to use the Szeged output "primarily within the European supply chain", but gave no details.

## Questions about water and permits

The investment has also drawn criticism locally. Environmental groups in Szeged point to the experience in Göd, north of Budapest, where residents complained for years about contamination from a Samsung SDI battery plant, and in Debrecen, where a large CATL cell factory has been the subject of protests. The Szeged recycling plant received its environmental permit in an accelerated procedure that the Hungarian government introduced for projects of "national economic importance".

"Nobody is against recycling," said Zsófia Takács of the local civic association Levegő Szeged. "But we have no information on how much water the plant will use or where its wastewater goes. BYD tells us the process is closed-loop. Then it should have no problem publishing the data."

BYD says that the plant recycles 85 per cent of its process water and is powered by a 30-megawatt solar array on the factory site, supplemented by renewable electricity purchased through a certificate scheme. It rejected comparisons with other battery sites in Hungary, saying its plant handled no cell production and used no N-methylpyrrolidone, the solvent at the centre of the complaints in Göd.
""",
    ),
    dict(
        slug="hyundai-metaplant-georgia-solar-ppa",
        title="Hyundai's Georgia Metaplant to run on solar power under new 15-year contract",
        published="2026-11-07T15:05:00+01:00",
        author="Daniel Okafor",
        category="Production",
        tags=["Hyundai", "Kia", "Renewable energy", "USA", "IRA"],
        summary=(
            "Hyundai Motor Group has signed a power purchase agreement for a 480 MW "
            "solar park in Georgia that is to cover the electricity demand of its "
            "Metaplant and the neighbouring battery plant from 2028."
        ),
        comments=[
            ("Ray from Savannah", "2026-11-07T19:30:00+01:00",
             "Good news, but Georgia Power still runs coal plants and the PPA does "
             "not change the grid. Annual matching is not the same as 24/7 clean "
             "power."),
        ],
        amp=True,
        body="""
Hyundai Motor Group has signed a 15-year power purchase agreement for a 480-megawatt solar park in south-east Georgia. From 2028, the plant is to supply enough electricity to cover, on an annual basis, the full demand of the Hyundai Motor Group Metaplant America (HMGMA) in Ellabell and of the neighbouring battery cell factory that Hyundai operates together with LG Energy Solution. The solar park will be built by the developer Altamaha Solar on former timber land in Tattnall County; a 200-megawatt battery storage system is also planned.

The Metaplant, which opened in 2025, builds the Hyundai Ioniq 5 and Ioniq 9 and, since this year, also a model from the group's Genesis brand. Kia vehicles are to follow from 2027. Until now, HMGMA has drawn most of its electricity from the regional grid of Georgia Power, which still generates a significant share of its power from natural gas and coal, supplemented by rooftop solar on the plant buildings.

"We want to lead the charge on clean manufacturing in the Southeast," said Hyundai Motor North America's chief operating officer, Jae-won Lim, at the signing in Savannah. "Our customers expect an electric car to be clean from the start, not only once it is on the road."

## Renewable electricity as a scoring criterion

For Hyundai, the contract closes a gap for which the company has been criticised. In assessments of automakers' supply chains, such as the Lead the Charge leaderboard, renewable electricity in the battery supply chain counts for a significant share of the climate score, because cell production is extremely energy-intensive. Hyundai has been ranked in the lower half in recent years. The group has committed to sourcing 100 per cent renewable electricity for its own operations worldwide by 2045, but has so far made few binding commitments for its suppliers.

The battery plant is particularly relevant. According to estimates by the International Energy Agency, cell manufacturing and cathode production together account for around 40 per cent of the CO2 footprint of a typical battery pack. Hyundai and LG Energy Solution say the cells made in Georgia will have a footprint of less than 50 kilograms of CO2 equivalent per kilowatt-hour once the solar park is running – considerably lower than cells made with coal-heavy grid power in Asia.

## Tax credits and politics

Economically, the project is also shaped by US tax policy. While the consumer tax credits for electric cars expired in autumn 2025, the manufacturing credit for batteries under Section 45X of the Inflation Reduction Act still applies, although with stricter rules on components from "foreign entities of concern". Solar parks that start construction before the middle of 2026 can also still claim the investment tax credit. Altamaha Solar says it began construction in May.

The Ellabell site made headlines in September 2025, when US immigration authorities detained several hundred workers at the battery plant construction site, most of them South Korean nationals. Trade unions have since criticised the working conditions among the contractors on the site. Hyundai said the solar contract includes requirements on occupational safety and fair pay for construction crews, but did not publish them.

Local environmental groups welcomed the agreement but called for the solar park to be built without clearing wetland areas. The developer says that only previously managed pine plantations will be used.
""",
    ),
    dict(
        slug="kia-nissan-join-call-for-deep-sea-mining-moratorium",
        title="Kia and Nissan join call for a moratorium on deep-sea mining",
        published="2026-11-10T10:20:00+01:00",
        author="Nora Lindqvist",
        category="Raw materials",
        tags=["Kia", "Nissan", "Deep-sea mining", "Raw materials"],
        summary=(
            "Two more carmakers have signed a statement that they will not buy metals "
            "from the deep sea until the environmental risks are understood. The move "
            "comes shortly before a decisive meeting of the International Seabed "
            "Authority."
        ),
        comments=[],
        body="""
Kia and Nissan have joined the group of companies calling for a moratorium on deep-sea mining. Both carmakers have signed a statement coordinated by environmental organisations in which they commit not to source minerals from the seabed, not to finance deep-sea mining activities and not to use such materials in their batteries until the environmental risks are comprehensively understood and it can be shown that mining would not cause irreversible damage to marine ecosystems.

The move comes a few days before the International Seabed Authority (ISA) resumes its negotiations on a mining code in Kingston, Jamaica. More than 30 countries now back a moratorium or a "precautionary pause". At the same time, the pressure from the other side is growing: since the US government reactivated a 1980 law to issue exploration and commercial recovery permits outside the ISA framework, the Canadian company The Metals Company has been pushing to begin collecting polymetallic nodules in the Clarion-Clipperton Zone in the Pacific.

## Who has already signed

Among automakers, BMW, Volkswagen, Volvo Cars, Renault, Rivian and Scania were among the early signatories. The first wave in 2021 also included the Volvo Group – the truck and bus maker, which has been a separate company from Volvo Cars for more than 25 years – as well as technology companies such as Google, Samsung SDI and Philips. With Kia, the Hyundai Motor Group now has one brand on the list; Hyundai itself has not signed. Among Japanese manufacturers, Nissan is the first.

"The nodules contain nickel, cobalt and manganese, so of course the battery industry is the main target group for the mining companies," said Kaito Mori, a researcher at Tokyo's Institute for Ocean Policy. "When carmakers say they are not buying, it undermines the business case far more than any scientific paper."

In a statement, Nissan said it considered the scientific knowledge about deep-sea ecosystems to be "insufficient to assess the long-term effects of mining" and would instead focus on recycling and on lithium iron phosphate batteries, which do not need nickel or cobalt. Kia pointed to its plans to increase the share of recycled materials in its batteries and to develop sodium-ion technology for small vehicles.

## Not everyone is convinced

The industry remains divided. Tesla, Toyota, Stellantis, Ford and General Motors have not signed the statement. Ford said it did not currently source deep-sea minerals and had "no plans to do so", but did not want to rule out future technologies. Mining industry representatives argue that the nodules could reduce pressure on land-based mines in Indonesia, the Democratic Republic of the Congo and elsewhere, where nickel and cobalt extraction is associated with deforestation, pollution and human rights abuses.

Environmental groups reject this argument. Deep-sea mining would not replace land-based mining but add to it, they say, and the ecosystems on the abyssal plains are among the least studied on Earth. Research published in recent years showed that nodule fields are home to thousands of species, many of them still unnamed, and that tracks left by a test collector in the 1980s are still visible today.

The ISA council meeting in Kingston begins on 16 November. Observers do not expect the mining code to be adopted this year.
""",
    ),
    dict(
        slug="tesla-publishes-supplier-emissions-data-model-y",
        title="Tesla publishes supplier emissions data for Model Y battery cells for the first time",
        published="2026-11-12T08:55:00+01:00",
        author="Carla Westphal",
        category="Supply chain",
        tags=["Tesla", "Scope 3", "Batteries", "Supplier emissions"],
        summary=(
            "In a supplement to its impact report, Tesla discloses cradle-to-gate "
            "emissions for cells from its main suppliers for the first time. The "
            "spread between the best and worst suppliers is considerable."
        ),
        comments=[
            ("Jörg", "2026-11-12T09:47:00+01:00",
             "So the Berlin cells are not much better than the Chinese ones? I "
             "thought the whole point of Grünheide was clean power."),
            ("Sabine L.", "2026-11-12T10:15:00+01:00",
             "@Jörg the article says the cathode material still comes from Asia. "
             "The cell plant is only one step."),
            ("Anon", "2026-11-13T07:03:00+01:00",
             "Still more than most of the German OEMs publish. Credit where it is due."),
        ],
        tracking_link=True,
        body="""
Tesla has for the first time published emissions data for the battery cells it buys from suppliers. In a supplement to its annual impact report, the company lists the cradle-to-gate carbon footprint of the cells used in the Model Y, broken down by supplier and production site. The figures cover the mining and refining of raw materials, the production of cathode and anode materials and the manufacture of the cells themselves.

According to the report, the footprints range from 48 to 96 kilograms of CO2 equivalent per kilowatt-hour of capacity. The lowest values are for lithium iron phosphate cells from a supplier site in China that is largely powered by hydropower, the highest for nickel-rich cells whose cathode material is made in Indonesia using coal-fired power. Tesla does not name the suppliers directly, but the sites can be identified: in addition to its own cell production in Texas and Grünheide, Tesla buys cells from Panasonic, LG Energy Solution and CATL.

"The disclosure is significant because the battery is the largest single item in the emissions from producing an electric car," said Priya Raman of the think tank Carbon Ledger. "Automakers like to talk about tailpipe emissions and their own factories, but 70 to 80 per cent of the footprint of a car's production comes from the supply chain."

## Scope 3 is the blind spot

Tesla reports that purchased goods and services account for more than 90 per cent of its non-use-phase emissions. The company says it has set a target to reduce the average cell footprint by 40 per cent by 2030 compared to 2024, mainly through renewable power contracts at suppliers, the use of recycled nickel and cobalt, and a higher share of LFP chemistry. Unlike many competitors, Tesla has made its supplier-level data available in a machine-readable format.

The report also contains figures on the cells from the Grünheide plant near Berlin. At 71 kilograms, these are in the middle of the range, because although the plant uses renewable electricity, the cathode material is still supplied from Asia. Tesla says it plans to change this once the cathode plant it is building in Texas and planned supplier capacity in Europe come online.

## Pressure from investors and rankings

Tesla topped the most recent edition of the Lead the Charge leaderboard, partly because of its disclosure of supplier smelters and its renewable electricity targets. Critics, however, say the company should also publish data on the human rights situation at its suppliers, particularly nickel mining in Indonesia. Several investor groups had tabled a shareholder proposal at the 2026 annual meeting calling for a report on the topic; it received 21 per cent of the vote.

Other manufacturers are also under pressure. Volvo Cars and Polestar publish carbon footprints for individual models, Mercedes-Benz and BMW disclose aggregated supplier data, and the EU Battery Regulation will make footprint declarations mandatory for EV batteries. Under the regulation's delegated acts, manufacturers must calculate the footprint using a harmonised method, and maximum thresholds are to follow later.
""",
    ),
    dict(
        slug="eu-compromise-2030-co2-targets-cars-stellantis",
        title="EU agrees on CO2 compromise for cars – Stellantis still warns of fines",
        published="2026-11-16T17:30:00+01:00",
        author="Tobias Reinke",
        category="Politics",
        tags=["EU", "CO2 fleet targets", "Stellantis", "Green steel"],
        summary=(
            "Parliament and Council have agreed to revise the CO2 fleet limits for "
            "cars. The 2030 target remains, but carmakers can now earn credits for "
            "low-carbon steel made in the EU. Stellantis says that is not enough."
        ),
        comments=[
            ("P. Ferreira", "2026-11-16T21:12:00+01:00",
             "Steel credits in a tailpipe regulation. What could possibly go wrong."),
        ],
        body="""
Negotiators from the European Parliament and the Council of the EU have reached a provisional agreement on the revision of the CO2 fleet targets for new cars and vans. After a trilogue lasting until the early hours of Sunday, the two sides agreed to keep the 2030 target of a 55 per cent reduction in average fleet emissions compared with 2021, but to give manufacturers more flexibility in how they meet it. The 2035 target is lowered to a 90 per cent reduction, in line with the proposal the European Commission presented at the end of 2025.

The most important new element is a credit for low-carbon steel. Manufacturers that use steel made in the EU with significantly lower emissions than conventional blast furnace steel can offset part of their fleet emissions. The credit is capped at 7 percentage points of the reduction target and requires proof via a certificate scheme that the Commission still has to define. A similar credit will be available for renewable fuels from 2035.

"This is a pragmatic compromise that keeps the direction clear," said the Parliament's rapporteur. Environmental groups see it differently. Transport & Environment criticised the steel credit as a "loophole that mixes two different problems", arguing that steel decarbonisation should be regulated through the emissions trading system and CBAM rather than through car tailpipe targets. Others welcomed the fact that the credit creates demand for green steel in Europe for the first time.

## Stellantis remains critical

Stellantis, which had campaigned hardest for a postponement, said the agreement did not go far enough. "The targets were set in a different market. Electric cars still make up less than a fifth of our sales in Europe, and our customers are not buying them at the pace the regulation assumes," a spokesperson said. The group, whose brands include Peugeot, Citroën, Fiat, Opel and Jeep, expects fines in the hundreds of millions of euros if sales do not pick up.

Stellantis has brought several affordable electric cars to market in the past two years, including the Citroën ë-C3, the Fiat Grande Panda and the Peugeot e-208, and sells models from its Chinese partner Leapmotor in Europe. The group is also pooling its fleet with that of Leapmotor International to lower its average emissions.

Other manufacturers were more relaxed. Volkswagen and Renault said they were on track to meet the 2030 target, not least because of new small electric cars such as the ID. Polo and the Renault 5. BMW and Mercedes-Benz welcomed the steel credit, which they say will reward their early investments in green steel supply contracts. Volvo Cars, which sells almost only electrified vehicles in Europe, warned against weakening the targets further.

## What happens next

The agreement still has to be formally approved by the Parliament's plenary and by the member states. The vote in Parliament is expected in December. The Commission must then adopt the implementing rules for the steel certificate within twelve months – a tight timetable, given that there is not yet a common EU definition of "low-carbon" or "near-zero" steel.
""",
    ),
    dict(
        slug="ford-low-carbon-aluminium-quebec-f-150",
        title="Ford to buy low-carbon aluminium from Québec for its pickups",
        published="2026-11-19T13:15:00+01:00",
        author="Daniel Okafor",
        category="Materials",
        tags=["Ford", "Lincoln", "Aluminium", "Canada"],
        summary=(
            "Ford has signed a supply agreement for aluminium made with hydropower "
            "and a new inert anode process. The metal is to be used in the F-Series "
            "and in Lincoln SUVs from 2027."
        ),
        comments=[],
        body="""
Ford has signed a multi-year supply agreement for low-carbon aluminium from Québec. The metal is to be used from 2027 in the bodies of the F-150 and Super Duty pickups and in the Lincoln Navigator, all of which have had aluminium bodies for years. The supplier is a smelter in the Saguenay region that runs on hydropower and is converting part of its capacity to a new electrolysis process with inert anodes, which releases oxygen instead of CO2. Ford did not disclose the volume or the price.

Aluminium is one of the most emissions-intensive materials in a car. Producing a tonne of primary aluminium with coal-fired power – as is still largely the case in China – emits up to 16 tonnes of CO2. With hydropower, the figure falls to around 4 tonnes, and the inert anode process can bring it to below 2 tonnes. "For a vehicle like the F-150, with around 350 kilograms of aluminium in the body, that makes a real difference," said Ford's chief sustainability officer.

## Tariffs complicate the business case

The deal is also remarkable because Canadian aluminium has been subject to high US import tariffs since 2025. Ford's purchasing organisation has argued for an exemption for low-carbon metal, so far without success. The company says that it will absorb the additional costs in the short term. The US has only one remaining primary aluminium smelter running at full capacity, which is why carmakers depend on imports.

Ford is one of the leaders in the Lead the Charge leaderboard's human rights section and has been praised by the coalition for its disclosure on aluminium, but it has been criticised for a lack of targets for green steel. "Aluminium is the easier half of the problem for Ford, because the hydro smelters already exist," said Nadia Rahman, a campaigner with a US environmental group that is part of the coalition. "The real test will be whether Ford sets a target for fossil-free steel for its American plants."

## Indigenous communities and hydropower

The hydropower on which Québec's smelters depend is also not without controversy. Several large dams and reservoirs in the province were built on the territory of First Nations, including the Innu, without their consent. Agreements with affected communities have since been reached in some cases, but Indigenous organisations are calling for a say in new projects, especially as the province plans to expand its generation capacity significantly to supply new industrial projects.

The smelter operator says it has a partnership agreement with the Pekuakamiulnuatsh First Nation that includes revenue sharing and training. Ford said it expects its suppliers to respect the principle of free, prior and informed consent and will review the agreements as part of its due diligence.
""",
    ),
    dict(
        slug="volvo-cars-polestar-battery-passports",
        title="Volvo Cars and Polestar extend battery passport to all electric models",
        published="2026-11-23T10:00:00+01:00",
        author="Nora Lindqvist",
        category="Batteries",
        tags=["Volvo Cars", "Polestar", "Geely", "Battery passport", "Cobalt"],
        summary=(
            "Volvo Cars and its sister brand Polestar will provide a digital battery "
            "passport for all their electric models from January, a year ahead of "
            "the EU deadline. The passports trace cobalt, lithium and nickel back to "
            "the mine."
        ),
        comments=[],
        body="""
Volvo Cars and Polestar will issue a digital battery passport for all their electric models from January 2027, ahead of the EU requirement that comes into force in February. The passports will be available to owners via a QR code on the battery and in the car's app. They will contain information on the origin of the raw materials, the share of recycled content, the carbon footprint of the battery and its state of health.

Volvo first introduced a battery passport for the EX90 in 2024, developed together with a British traceability start-up. It now extends the system to the EX30, EX40, EC40 and ES90, while Polestar will cover the Polestar 3 and Polestar 4. Both brands belong to the sphere of the Chinese Geely group, which holds a majority in Volvo Cars and controls Polestar. Geely's other European brands, including Zeekr and Lynk & Co, have not yet announced similar plans.

## Tracking cobalt to the mine

According to Volvo, the passport traces cobalt, lithium, nickel and graphite from the mine through refining and cell production using a combination of supplier data and blockchain-based certificates. For cobalt, this is particularly sensitive: more than 70 per cent of the world's supply comes from the Democratic Republic of the Congo, where artisanal mining is associated with child labour and dangerous working conditions. Volvo says that the cobalt in its batteries comes exclusively from industrial mines that have been audited against the standards of the Responsible Minerals Initiative.

"A passport is only as good as the data behind it," said Anna Sjöberg, who is responsible for traceability at Volvo Cars. "We had to convince suppliers in three tiers to share information they had never shared before, and some of them still don't want the names of their mines to be public." The public part of the passport therefore only shows the country of origin; the names of mines and refineries are accessible to authorities and to certified auditors.

## The EU deadline approaches

From 18 February 2027, all EV batteries and industrial batteries above 2 kWh sold in the EU must have a battery passport. Many manufacturers are working on solutions at short notice. BMW, Mercedes-Benz and the Volkswagen Group are part of an industry consortium that is developing a common data model, while Tesla and BYD are developing their own systems.

The brand confusion that Volvo has had to deal with for years also applies here: the Volvo Group, which builds trucks and buses and has been independent of the car company since 1999, has announced its own battery passport for electric trucks. The two companies share the name and the iron mark logo, but nothing else.

Human rights organisations welcomed Volvo's move but called for more transparency. The names of smelters and mines should be published in full, they argue, so that affected communities and civil society can hold companies to account. A coalition of NGOs had already praised Volvo in the past for publishing its list of cobalt refiners.
""",
    ),
]
