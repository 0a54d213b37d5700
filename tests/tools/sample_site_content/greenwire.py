"""Fictional GreenWire stories for the chargewatch sample site.

GreenWire is an invented aggregator-style outlet. Its first item republishes a
Mongabay story (body copied word for word at build time from mongabay.py).
"""

# Slug of the mongabay story that greenwire republishes.
SYNDICATED_FROM = "nickel-boom-leaves-halmahera-villagers-short-of-clean-water"

ARTICLES = [
    dict(
        slug="nickel-boom-halmahera-villagers-clean-water",
        # Same headline as Mongabay, in GreenWire's title case.
        title="Nickel Boom Leaves Halmahera Villagers Short of Clean Water, Study Finds",
        published="2026-11-04T13:00:00-05:00",
        author="Aditya Prasetyo",
        desk="Minerals",
        syndicated=True,
        summary=(
            "Wells around Indonesia's Weda Bay nickel hub show chromium above "
            "drinking-water limits, researchers say. Republished from Mongabay."
        ),
        comments=[],
        body=None,  # filled from mongabay.py
    ),
    dict(
        slug="automakers-supplier-emissions-black-box-analysis",
        title="Automakers' Supplier Emissions Remain a Black Box, New Analysis Shows",
        published="2026-11-11T09:30:00-05:00",
        author="Grace Whitfield",
        desk="Climate",
        syndicated=False,
        summary=(
            "Only five of 18 major carmakers report supplier emissions based on "
            "data from the suppliers themselves, an analysis of corporate "
            "disclosures finds."
        ),
        comments=[
            ("fleetnerd", "2026-11-11T11:02:00-05:00",
             "The spend-based numbers are basically fiction. Good to see someone "
             "say it out loud."),
        ],
        body="""
Car companies like to talk about the emissions that come out of tailpipes and, increasingly, about the solar panels on their factory roofs. They are far less forthcoming about the largest part of their carbon footprint before a car is ever driven: the emissions of the thousands of suppliers that mine, smelt, refine and assemble the parts.

A new analysis of the climate disclosures of 18 of the world's largest automakers, published Tuesday by the nonprofit research group Supply Chain Carbon Watch, finds that only five of them report emissions from purchased goods based on data provided by their suppliers. The rest rely mainly on so-called spend-based estimates, which multiply the money a company spends on a category of goods by an industry-average emission factor.

"Spend-based numbers tell you how much money you spent, not how much carbon you emitted," said Dana Ford, the group's research director and the report's lead author. "If a carmaker switches to green steel and pays more for it, a spend-based inventory will show its emissions going up. That is exactly backwards."

## Who discloses what

According to the analysis, Volvo Cars, Mercedes-Benz, BMW, Tesla and Polestar's parent Geely were the only companies to report a substantial share of their supplier emissions using primary data. Volvo Cars and Mercedes-Benz also publish emissions targets for specific materials such as steel, aluminum and battery cells.

At the other end, Toyota, Honda, Nissan and the Chinese automakers SAIC and GAC disclosed little beyond a single aggregated number for their supply chain emissions, with no breakdown by material or region. General Motors, Ford, Hyundai, Kia, Stellantis, Renault, the Volkswagen Group and BYD fell in between, reporting emissions by category but relying mostly on estimates.

The findings broadly mirror the results of the Lead the Charge leaderboard, an annual ranking by a coalition of environmental, human rights and investor groups that scores automakers on the climate and human rights performance of their supply chains. In its most recent edition, the leaderboard found that most automakers had yet to set targets for reducing emissions in their supply chains that go beyond general net-zero pledges.

## Why it matters

For an electric car, supply chain emissions can account for more than half of the total emissions over the vehicle's life, depending on the electricity used to charge it. Battery cells, steel and aluminum are the biggest items. Without reliable data, the report says, it is impossible for investors or regulators to know whether an automaker's supply chain is actually getting cleaner.

That is starting to change. The European Union's Corporate Sustainability Reporting Directive requires large companies to report scope 3 emissions, although the requirements were scaled back in 2025. The EU Battery Regulation requires a carbon footprint declaration for electric vehicle batteries, based on a harmonized methodology. California's climate disclosure law will require large companies doing business in the state to report scope 3 emissions starting in 2027.

The report recommends that automakers require their top suppliers to disclose product-level emissions data, set material-specific reduction targets, and publish the share of their purchases covered by primary data. "The technology to measure this exists," Ford said. "What is missing is the will to ask."
""",
    ),
    dict(
        slug="midwest-battery-recyclers-race-first-wave-ev-packs",
        title="Midwest Battery Recyclers Race to Keep Up as First Wave of EV Packs Retires",
        published="2026-11-18T07:45:00-05:00",
        author="Luis Ortega",
        desk="Energy",
        syndicated=False,
        summary=(
            "A recycler in Lincoln, Nebraska, is among a handful of companies "
            "trying to turn retired electric vehicle batteries into new material "
            "before the volumes overwhelm them."
        ),
        comments=[],
        body="""
LINCOLN, Neb. — The pallets arrive every morning on flatbed trucks: battery packs from Chevrolet Bolts, early Nissan Leafs, a few Tesla Model S packs and, increasingly, modules from hybrid SUVs. At Prairie Cell Recovery, a three-year-old company on the industrial edge of Lincoln, Nebraska, workers in flame-resistant suits discharge the packs, unbolt the casings and feed the modules into a shredder that turns them into a dark powder known in the industry as black mass.

"Two years ago, we were begging for feedstock," said Renee Ford, the company's chief operating officer, raising her voice over the hum of the shredder. "Now we have a waiting list. The first generation of EVs is coming off the road, and there is not enough capacity in the middle of the country to handle it."

Prairie Cell is one of a handful of small and midsize recyclers that have sprung up across the Midwest to process batteries close to where they are collected, instead of shipping them hundreds of miles to the large plants in Nevada, Georgia or Ontario. Shipping a damaged battery pack across the country as hazardous material can cost more than the metals inside are worth, Ford said.

## Contracts with carmakers

The company has contracts with dealers and service centers for several automakers and with a remanufacturer that handles warranty returns for General Motors and Honda. It is in talks with Ford Motor Co. about taking scrap from the automaker's battery plants in Kentucky and Tennessee. Renee Ford, who is not related to the carmaker's founding family, laughed when asked about the name. "It opens doors, and then it causes a lot of confused emails," she said.

Automakers have a growing interest in recycling. In Europe, the EU Battery Regulation sets targets for recycled lithium, nickel and cobalt in new batteries from 2031. In the U.S., there is no equivalent mandate, but recycled materials can help companies meet domestic-content requirements for tax credits and reduce exposure to Chinese supply chains. Tesla and Redwood Materials have built large in-house or partner recycling operations, while GM, Ford, Toyota and Hyundai have signed deals with several recyclers.

## From black mass to battery grade

The black mass from Lincoln is sent to a refiner that recovers lithium, nickel, cobalt and manganese through a hydrometallurgical process. Prairie Cell says about 95% of the critical metals in the packs are recovered. The company's next step is to build its own small refining line, which would allow it to sell battery-grade materials directly to cathode makers.

Lithium iron phosphate batteries, which automakers are increasingly using in cheaper models, are a challenge. They contain no nickel or cobalt, so the value of the recovered materials is much lower. "Right now we lose money on every LFP pack we process," Ford said. "Somebody will have to pay for that, either the automaker or the customer, unless there is a rule that makes it worth it."

Nebraska has few rules on battery disposal, and state lawmakers are considering a bill that would require producers to take back EV batteries at the end of their life. The automakers' trade group has said it supports a national framework rather than a patchwork of state laws.

Back on the factory floor, a worker wheels a cart of modules from a 2017 Bolt toward the shredder. The pack was replaced under a recall years ago, spent time in a warehouse in Michigan, and has now come to Nebraska for its last stop. "Every one of these has a story," Ford said. "Our job is to make sure it doesn't end in a landfill."
""",
    ),
]
