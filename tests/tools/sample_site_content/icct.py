"""Fictional ICCT-style publication pages for the chargewatch sample site.

`pdf` names a file under icct/wp-content/uploads/2026/11/ whose text lives in
tests/tools/sample_pdfs/ and is written by tests/tools/make_pdf.py.
"""

PUBLICATIONS = [
    dict(
        slug="green-steel-demand-automakers-europe-nov26",
        title="Green steel demand from automakers in Europe: How much, and how soon?",
        published="2026-11-05T08:30:00+01:00",
        kind="Report",
        authors=["Elena Marquardt", "Sunil Varma", "Clara Nyström"],
        region="Europe",
        topics=["Green steel", "Light-duty vehicles", "Life-cycle analysis", "Supply chains"],
        pdf="ID-512-green-steel-automakers_report_final.pdf",
        body="""
The steel used in passenger cars is responsible for a large and growing share of their production emissions. As tailpipe emissions fall with the shift to battery electric vehicles, the materials in the vehicle body, chassis and battery enclosure become a larger part of a car's life-cycle footprint. Steel alone accounts for roughly 15% to 20% of the production emissions of a typical battery electric car sold in Europe today.

This report estimates how much low-emission primary and secondary steel automakers in the European Union, the United Kingdom and Norway would need to buy to meet their stated climate targets, and compares that demand with the pipeline of announced steelmaking projects based on hydrogen direct reduction, electric arc furnaces and scrap. We assess the steel procurement commitments of 12 automakers selling in Europe, including BMW, Mercedes-Benz, the Volkswagen Group, Stellantis, Renault, Volvo Cars, Toyota, Hyundai and Kia.

## Key findings

Automakers used about 17 million tonnes of finished steel for vehicles built in Europe in 2025. If all manufacturers met the low-emission steel targets they have announced, demand for steel with an emission intensity below 0.6 tonnes of CO2 per tonne would reach around 3.1 million tonnes by 2030 – about 18% of their total steel purchases. Only four of the 12 automakers assessed have a quantified, time-bound target for low-emission steel; the others rely on pilot volumes or general statements.

The announced European project pipeline could supply between 9 and 14 million tonnes of low-emission flat steel by 2030, provided the projects that have reached a final investment decision are completed on schedule. Supply is therefore not the main constraint in the near term. The bottleneck is the willingness of buyers, including automakers, to sign long-term offtake agreements at a premium that allows projects to be financed.

At current price premiums of €120 to €200 per tonne, using low-emission steel for the entire body of a compact electric car would add between €100 and €250 to its production cost, less than 1% of the retail price. The abatement cost is lower than most other options available to automakers for reducing supply chain emissions.

## Policy recommendations

Policymakers can accelerate demand through public procurement rules, lead markets defined by a common EU label for low-emission steel, and by including embedded emissions of materials in future vehicle regulation. Any credit for low-emission steel in the CO2 standards for cars should be based on a robust definition that excludes mass-balance accounting and should not weaken the incentive to sell zero-emission vehicles.

Automakers can act now by setting procurement targets for near-zero steel covering at least 30% of purchases by 2030 and 100% by 2040, by disclosing steel volumes and suppliers, and by joining buyers' alliances that aggregate demand for first-of-a-kind projects.
""",
    ),
    dict(
        slug="battery-recycling-capacity-europe-nov26",
        title="Battery recycling capacity in Europe: Tracking the project pipeline to 2035",
        published="2026-11-12T09:00:00+01:00",
        kind="Report",
        authors=["Tomasz Wiśniewski", "Hannah Achterberg"],
        region="Europe",
        topics=["Batteries", "Recycling", "Critical minerals", "Electric vehicles"],
        pdf="ID-519-battery-recycling-EU_report_final.pdf",
        body="""
As the first large wave of electric vehicle batteries reaches the end of its life in the 2030s, Europe will need sufficient capacity to collect, dismantle and recycle them. Recycling can reduce the need for newly mined lithium, nickel and cobalt, lower the carbon footprint of new batteries and help meet the recycled-content targets set by the EU Battery Regulation.

This report tracks 94 battery recycling projects in Europe, covering both pre-treatment (mechanical processing into black mass) and refining (hydrometallurgical and pyrometallurgical recovery of metals). We compare announced capacity with projected volumes of production scrap and end-of-life batteries under three scenarios for EV sales, battery lifetimes and second-life use.

## Key findings

Announced pre-treatment capacity in Europe reached about 420,000 tonnes per year in 2026, well above the volume of batteries and scrap currently available. In contrast, refining capacity – the step that turns black mass into battery-grade materials – remains limited at around 90,000 tonnes, and much of Europe's black mass is exported for refining in Asia.

Production scrap from cell factories will remain the main feedstock until about 2030. End-of-life batteries from electric cars overtake scrap between 2031 and 2034, depending on the scenario. By 2035, Europe could have between 600,000 and 1 million tonnes of batteries and scrap available for recycling each year.

To meet the 2031 recycled-content targets of the Battery Regulation without importing recovered material, Europe would need to roughly triple its refining capacity. Several large refining projects have been postponed or cancelled since 2024 because of low metal prices and the slower-than-expected ramp-up of European cell production.

Lithium iron phosphate batteries, which are gaining market share among automakers including BYD, Tesla, Stellantis and Renault, contain no nickel or cobalt, making their recycling less profitable. Without regulatory requirements, there is a risk that LFP batteries will be downcycled or stockpiled rather than recycled.

## Policy recommendations

The EU should treat black mass as hazardous waste to keep it in Europe, support refining projects through the Critical Raw Materials Act's strategic project framework, and ensure that the lithium recovery efficiency targets apply equally to all battery chemistries. Automakers should take responsibility for collection and design packs for disassembly, and should publish the recycled content of their batteries in the battery passport.
""",
    ),
    dict(
        slug="lithium-ion-battery-supply-chain-emissions-nov26",
        title="Supply chain emissions of lithium-ion batteries for electric cars: Why production location and chemistry matter",
        published="2026-11-19T10:00:00+01:00",
        kind="Briefing",
        authors=["Mei Chen", "Sunil Varma"],
        region="Global",
        topics=["Batteries", "Life-cycle analysis", "Supply chains", "Electric vehicles"],
        pdf=None,
        body="""
The greenhouse gas emissions from producing a battery are the main reason why a battery electric car starts its life with a larger carbon footprint than a comparable combustion engine car. Over the vehicle's lifetime, this "carbon debt" is paid back many times over, but reducing it remains one of the most effective ways to lower the life-cycle emissions of electric vehicles further.

This briefing compares the cradle-to-gate emissions of lithium-ion battery cells produced in China, Europe, the United States, South Korea and Indonesia, using updated data on material supply chains and electricity mixes. We consider the two dominant cathode chemistries – nickel manganese cobalt (NMC) and lithium iron phosphate (LFP) – and show how each stage of the supply chain, from mining and refining to cathode production and cell manufacturing, contributes to the total.

Battery cell production emissions range from about 45 to 110 kg of CO2 equivalent per kilowatt-hour, a more than twofold difference. The largest single factor is the carbon intensity of the electricity used for refining, precursor and cathode production and cell manufacturing. Nickel produced in Indonesia with captive coal power and high-pressure acid leaching has a footprint up to four times higher than nickel from hydro-powered operations.

LFP cells have lower emissions per kilowatt-hour than NMC cells produced in the same location, mainly because they avoid nickel and cobalt. Because of their lower energy density, the advantage is smaller per vehicle than per kilowatt-hour, but it remains significant in most cases.

Cells assembled in Europe with renewable electricity but using cathode materials imported from Asia capture only about a third of the possible reduction. To lower battery emissions substantially, automakers and battery makers need to address the full supply chain, including refining and cathode production, through renewable power purchase agreements, supplier requirements and disclosure.

The carbon footprint declaration required by the EU Battery Regulation, and the maximum thresholds that will follow, create an opportunity to reward low-emission supply chains. We recommend that the thresholds be set ambitiously and tightened over time, that primary data be required for the most emission-intensive steps, and that automakers publish supplier-level battery footprint data, as a few manufacturers have begun to do.
""",
    ),
]
