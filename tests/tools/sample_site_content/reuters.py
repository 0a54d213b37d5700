"""Fictional Reuters-style wire stories for the chargewatch sample site.

The first story is listed only in the archive sitemap (served gzipped); the other
five are in the Google News sitemap. Same markup as electrive.py.
"""

ARTICLES = [
    dict(
        slug="volkswagen-cuts-margin-forecast-tariffs-battery-costs",
        section="business/autos-transportation",
        section_name="Autos & Transportation",
        title="Volkswagen cuts 2026 margin forecast, flags tariff hit and battery costs",
        published="2026-11-03T07:42:00Z",
        author="Julia Brenner",
        sitemap="archive",
        body="""
BERLIN, Nov 3 (Reuters) - Volkswagen cut its operating margin forecast for 2026 on Tuesday, citing U.S. import tariffs, weaker demand in China and higher costs for battery cells at its PowerCo unit as Europe's largest carmaker struggles to keep pace with cheaper Chinese rivals.

The group now expects an operating return on sales of 3.5% to 4.5% this year, down from a previous range of 4% to 5%. Third-quarter operating profit fell 28% to 2.6 billion euros ($3.0 billion), below the 2.9 billion euros expected by analysts in a company-compiled poll.

Tariffs on cars imported into the United States from Europe and Mexico cost the group about 1.4 billion euros in the first nine months, Volkswagen said. Audi and Porsche, which have no U.S. assembly plants, were hit hardest. Porsche cut its own outlook last month.

The group's finance chief told analysts the group would continue to localise production in North America, including at the Scout Motors plant in South Carolina, where production is due to start in 2027, and at Audi, which is weighing a U.S. site.

Volkswagen also flagged higher-than-planned costs at PowerCo's cell plant in Salzgitter, Germany, where production of unified cells began this year. Start-up losses and the cost of imported cathode materials had weighed on earnings, the company said, adding that it was in talks with suppliers about sourcing more materials in Europe.

"The transition is expensive, and we are paying for it at the same time as the tariffs and China," one person close to the supervisory board said, declining to be named because the discussions were private.

In China, where Volkswagen sells more cars than in any other market, deliveries fell 9% in the quarter as local brands such as BYD and Geely continued to take market share. The group is launching more than 20 models developed for Chinese customers by 2027.

Shares in Volkswagen fell 3.1% by 0930 GMT, underperforming a 1.2% decline in the STOXX Europe 600 autos index.

Reporting by Julia Brenner; Additional reporting by Thomas Weyland; Editing by Martin Hale
""",
    ),
    dict(
        slug="uaw-strikes-gm-lg-battery-plant-ohio-over-pay-safety",
        section="business/autos-transportation",
        section_name="Autos & Transportation",
        title="UAW strikes GM-LG battery plant in Ohio over pay, safety",
        published="2026-11-09T14:05:00Z",
        author="Thomas Weyland",
        sitemap="news",
        body="""
DETROIT, Nov 9 (Reuters) - About 1,400 workers at the Ultium Cells battery plant in Lordstown, Ohio, walked off the job on Monday after the United Auto Workers union and the joint venture of General Motors and LG Energy Solution failed to agree on a new contract, the union said.

The strike is the first at a U.S. electric vehicle battery plant and halts production of cells used in the Chevrolet Equinox EV, Chevrolet Blazer EV and Cadillac Lyriq, which GM builds in Mexico, Tennessee and Michigan.

The UAW said the joint venture had refused to bring pay in line with the master agreement for GM's assembly plants and had not addressed safety concerns, including exposure to chemicals and a series of fires and gas leaks reported at the plant over the past three years.

"These workers are building the future of this industry, and they are being paid like it is the past," said Carla Jennings, director of the UAW region that covers Ohio. "We will not accept a two-tier system where battery workers are second-class workers."

GM said in a statement it was disappointed by the strike and that Ultium Cells had offered wage increases of 25% over four years. The company said it had sufficient battery inventory to maintain vehicle production "in the near term" and would not comment on the safety allegations.

LG Energy Solution referred questions to Ultium Cells.

Workers at Ultium Cells voted to join the UAW in 2022 and won a first contract in 2023 that included wage increases of up to 30%. That contract expired in October. GM has since slowed its EV plans as U.S. demand cooled after the expiry of federal consumer tax credits, and has shifted some battery capacity to cheaper lithium iron phosphate cells.

The union is also in talks at several other plants. Its contract with Mack Trucks, the U.S. heavy truck business of Sweden's Volvo Group, runs until 2028, while workers at Daimler Truck's Freightliner plants in North Carolina ratified a new agreement last year.

Analysts said a prolonged strike could disrupt GM's EV production by the end of the year. GM shares were down 1.4% in afternoon trading.

Reporting by Thomas Weyland in Detroit; Editing by Martin Hale
""",
    ),
    dict(
        slug="us-treasury-tightens-foreign-entity-rules-battery-tax-credits",
        section="business/autos-transportation",
        section_name="Autos & Transportation",
        title="U.S. Treasury tightens foreign-entity rules for battery manufacturing tax credits",
        published="2026-11-13T18:20:00Z",
        author="Priya Natarajan",
        sitemap="news",
        body="""
WASHINGTON, Nov 13 (Reuters) - The U.S. Treasury Department on Thursday issued final rules that will bar battery makers from claiming a lucrative manufacturing tax credit if they rely too heavily on Chinese companies for components, licences or materials, a move that could affect plants run by Ford, Tesla and several Asian cell makers.

The rules implement restrictions on "prohibited foreign entities" that Congress added last year to the Section 45X advanced manufacturing production credit, which pays up to $45 per kilowatt-hour for battery cells and modules made in the United States.

Under the final guidance, a manufacturer will lose the credit if more than a set share of the cost of its materials comes from entities controlled by China or other countries of concern, with the threshold tightening each year until 2030. Licensing agreements that give a Chinese company "effective control" over production will also disqualify a plant.

The rules are being closely watched by Ford, which licenses lithium iron phosphate technology from China's CATL for its BlueOval Battery Park in Marshall, Michigan, which started production this year. Ford has said it owns and operates the plant and that the licence does not give CATL control.

A Treasury official told reporters the guidance included "clear tests" for licensing arrangements and that the department would review them case by case. Ford said it was studying the rules and remained confident the Marshall plant would qualify.

Tesla, which makes cells in Texas and Nevada and has been building its own lithium refinery and cathode plant, is expected to benefit from the tighter rules, analysts said. Panasonic, LG Energy Solution, Samsung SDI and SK On, which supply most U.S. automakers, have been shifting sourcing of graphite and cathode materials away from China.

"The rules are stricter than many in the industry hoped, but they give certainty," said Daniel Ruiz, a tax partner who advises battery makers. "The companies that moved early to diversify their supply chains will be fine. Those that bet on a loose interpretation have a problem."

The 45X credit survived last year's budget law, which ended the consumer tax credits for electric vehicles on Sept. 30, 2025, though its phase-out was accelerated for some components.

Reporting by Priya Natarajan; Editing by Martin Hale
""",
    ),
    dict(
        slug="tesla-says-texas-lithium-refinery-reaches-full-output",
        section="business/autos-transportation",
        section_name="Autos & Transportation",
        title="Tesla says Texas lithium refinery reaches full output, cutting reliance on China",
        published="2026-11-17T16:30:00Z",
        author="Ken Matsuda",
        sitemap="news",
        body="""
Nov 17 (Reuters) - Tesla said on Tuesday its lithium refinery near Corpus Christi, Texas, had reached full production capacity, making it the largest lithium hydroxide plant in North America and reducing the electric carmaker's dependence on Chinese processors.

The refinery, which Tesla began building in 2023, can produce enough battery-grade lithium hydroxide for about 1 million vehicles a year, the company said in a post on social media. It processes spodumene concentrate, a hard-rock lithium ore, using a process that Tesla says uses less hazardous chemicals than conventional refining.

China refines about two-thirds of the world's lithium, and U.S. policy has sought to build a domestic supply chain for battery materials through tax credits and tariffs. Tesla has said it wants to control more of its battery supply chain to cut costs and secure materials.

Tesla did not say where the ore for the refinery comes from. The company has supply agreements with miners in Australia and has said it would buy concentrate from North American projects when they come online. Analysts at a Canadian brokerage estimated that most of the refinery's feed currently comes from Western Australia.

Environmental groups have questioned the water use and waste from the plant. A Texas environmental organisation said the refinery, located in an area that has faced severe drought, should disclose how much water it draws. Tesla said the plant uses recycled municipal water and produces a byproduct that can be used in construction materials.

The company is also building a cathode plant in Austin, Texas, which it expects to start production next year.

Tesla's shares rose 1.8% in early trading. The company's quarterly deliveries have been pressured by increased competition from BYD and other Chinese manufacturers as well as an ageing model line-up, but the company has said vertical integration of battery production will help lower costs for cheaper models.

Lithium prices have fallen more than 80% from their 2022 peak because of a wave of new supply, leading some Western lithium projects to be delayed. Analysts said Tesla's refinery may be able to weather low prices because it supplies the carmaker's own factories rather than selling on the open market.

Reporting by Ken Matsuda; Editing by Martin Hale
""",
    ),
    dict(
        slug="eu-china-near-deal-swap-ev-tariffs-minimum-prices-sources-say",
        section="business/autos-transportation",
        section_name="Autos & Transportation",
        title="EU, China near deal to swap EV tariffs for minimum prices, sources say",
        published="2026-11-20T11:15:00Z",
        author="Sofia Almeida",
        sitemap="news",
        body="""
BRUSSELS, Nov 20 (Reuters) - The European Union and China are close to an agreement that would replace EU tariffs on Chinese-made electric vehicles with minimum import prices, three people familiar with the talks said, potentially ending a two-year trade dispute.

Under the proposed deal, Chinese manufacturers including BYD, SAIC Motor and Geely would commit to selling their electric cars in the EU at or above agreed minimum prices, in exchange for the removal of countervailing duties of up to 35.3% imposed in 2024, the sources said. The minimum prices would vary by model and manufacturer.

"The technical work is largely done. What remains is political," one of the people said, declining to be named because the negotiations are confidential.

The European Commission declined to comment on the details but said talks with China on "price undertakings" were continuing. China's commerce ministry said it hoped for a "mutually acceptable solution" soon.

SAIC, whose MG brand is the best-selling Chinese car brand in Europe, faces the highest tariff. BYD, which is building plants in Hungary and Turkey to supply the European market, faces a lower rate. Tesla, which exports cars from its Shanghai factory to Europe, was assigned an individual rate of 7.8%.

The tariffs have not stopped Chinese brands from gaining market share in Europe, where they now account for about 8% of electric car sales, partly because many have shifted to plug-in hybrids, which are not covered by the duties.

European automakers have been divided over the tariffs. Germany's Volkswagen, BMW and Mercedes-Benz, which rely heavily on sales in China, opposed them, while Stellantis and Renault have been more supportive of trade defence measures.

A minimum price agreement would need to address concerns about subsidies for battery materials, one of the sources said. EU officials have argued that Chinese EV makers benefit from cheap, state-supported supplies of lithium, graphite and battery cells, as well as from low-cost steel and aluminium.

Environmental groups have urged the EU to link any deal to the carbon footprint of imported cars and batteries under the EU Battery Regulation, arguing that price floors alone would not reward cleaner production.

Reporting by Sofia Almeida; Additional reporting by Julia Brenner in Berlin; Editing by Martin Hale
""",
    ),
    dict(
        slug="indonesia-cuts-nickel-ore-quotas-battery-makers-brace",
        section="markets/commodities",
        section_name="Commodities",
        title="Indonesia cuts nickel ore quotas, lifting prices as battery makers brace for tighter supply",
        published="2026-11-24T05:50:00Z",
        author="Priya Natarajan",
        sitemap="news",
        body="""
JAKARTA, Nov 24 (Reuters) - Indonesia will cut nickel ore mining quotas for 2027 by about 15%, its energy and mineral resources ministry said on Tuesday, as the world's top producer seeks to support prices that have slumped because of oversupply.

The ministry said it would approve output of about 220 million wet metric tons of ore next year, down from roughly 260 million tons approved for 2026. The cuts would mainly affect smaller miners with poor environmental records, an official told a news conference.

Benchmark nickel prices on the London Metal Exchange rose as much as 6% after the announcement, their biggest one-day gain in more than a year.

Indonesia produces more than half of the world's nickel, much of it processed in industrial parks on Sulawesi and Halmahera islands that were built with Chinese investment. The country's output has surged since it banned exports of unprocessed ore in 2020, pushing down prices and forcing mines in Australia and elsewhere to close.

The cuts could tighten supply for battery makers that use nickel-rich cathodes in electric vehicle batteries supplied to carmakers such as Tesla, Hyundai, Ford and Volkswagen. However, analysts said the market would remain in surplus next year because of new processing capacity coming online.

"It is a signal that Jakarta wants to manage the market, not flood it," said Lin Wei, a metals analyst in Singapore. "But the impact on battery supply will be limited. The bigger story is that smaller, dirtier miners are being pushed out."

Environmental and human rights groups have documented deforestation, water pollution and conflicts with Indigenous communities linked to nickel mining in Indonesia. Some automakers have pressed suppliers to source from mines that have been independently audited.

The ministry said it would prioritise quotas for miners with approved reclamation plans and those that supply domestic smelters that meet emissions standards. Several industrial parks are under pressure to reduce their reliance on captive coal-fired power plants.

Shares in Indonesian nickel miners rose, with PT Vale Indonesia up 4.2% and Merdeka Battery Materials up 5.1%.

Reporting by Priya Natarajan; Editing by Martin Hale
""",
    ),
]
