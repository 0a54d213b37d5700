"""Fictional Mongabay-style long-form stories for the chargewatch sample site.

Same markup as electrive.py. The first story (Halmahera) is republished word for
word by greenwire (see greenwire.py: SYNDICATED_FROM).
"""

ARTICLES = [
    dict(
        slug="nickel-boom-leaves-halmahera-villagers-short-of-clean-water",
        title="Nickel boom leaves Halmahera villagers short of clean water, study finds",
        published="2026-11-02T06:15:00-08:00",
        updated="2026-11-02T09:40:00-08:00",
        author="Aditya Prasetyo",
        topics=["Nickel", "Mining", "Water", "Indonesia", "Electric vehicles"],
        bullets=[
            "A new study of 14 villages around the Weda Bay industrial zone on Indonesia's Halmahera Island found sediment and hexavalent chromium above national drinking water limits in more than half of the wells sampled.",
            "Residents say rivers they relied on for drinking, fishing and washing turned red within a few years of nickel mines opening upstream.",
            "The nickel processed in the area ends up in batteries for electric vehicles sold by global automakers, several of which have pledged to clean up their supply chains.",
            "Companies operating in the industrial park say they comply with environmental regulations and are investing in water treatment.",
        ],
        image_caption="The Sagea River in Central Halmahera, where residents say the water has turned reddish-brown since mining expanded upstream. Image by Aditya Prasetyo/Mongabay.",
        body="""
CENTRAL HALMAHERA, Indonesia — When Yulius Bahar was a boy, the river that runs past his village was so clear that he could count the stones on its bed. Today, after heavy rain, it runs the colour of milky tea, and in the dry season a rust-coloured film settles on the water. "We used to drink from it without boiling," he said, standing on the bank with a plastic jerrycan. "Now we buy water in gallons from the town, and not everyone can afford that."

Bahar's village is one of 14 communities around the Indonesia Weda Bay Industrial Park (IWIP) included in a study released this week by a team of Indonesian and Australian researchers. Over 18 months, the team sampled wells, rivers and coastal waters and interviewed more than 600 households. They found that sediment levels in rivers downstream of nickel mines were up to 40 times higher than in comparable streams without mining, and that water from more than half of the wells tested contained hexavalent chromium above the national limit for drinking water.

"Hexavalent chromium is a known carcinogen, and it occurs naturally in the laterite soils that are mined for nickel," said Dewi Lestari, a hydrologist at a university in Yogyakarta and one of the study's authors. "When you strip the forest and expose those soils on a large scale, the rain does the rest. What we see in Halmahera is not an accident. It is the predictable result of mining at this speed without proper water management."

## From forest to industrial park in a decade

Ten years ago, the area around Weda Bay was mostly forest, coconut gardens and small fishing villages. Since then it has become one of the centres of the global nickel industry. The industrial park, developed by Chinese and Indonesian investors, now houses dozens of smelters and a growing number of high-pressure acid leach plants that turn low-grade ore into the intermediate products used in battery cathodes.

Indonesia produced more than half of the world's mined nickel last year, and the government has made processing the ore at home a cornerstone of its development strategy. Exports of raw ore have been banned since 2020. The policy has drawn billions of dollars in investment and created tens of thousands of jobs, but researchers and civil society groups have documented deforestation, air pollution and conflicts over land.

The study adds to that evidence with data on water. Of 212 wells sampled, 118 exceeded the limit for hexavalent chromium at least once. Residents in the most affected villages reported skin rashes and stomach complaints, although the authors stress that their survey cannot establish a causal link to the contamination. Fishers said their catch near the river mouths had fallen sharply, and that sediment plumes now reach reefs several kilometres offshore.

## A supply chain that reaches carmakers

The nickel processed at Weda Bay does not stay in Indonesia. It is shipped as mixed hydroxide precipitate or nickel matte to refiners and cathode makers, mainly in China, and from there ends up in the batteries of electric vehicles around the world. Supply chain mapping by campaign groups has linked companies operating in the park to the suppliers of several major automakers, including Tesla, Ford, Volkswagen and Hyundai.

> "Automakers cannot say they did not know. The link between Halmahera's rivers and the cars in their showrooms has been documented for years. The question now is what they will do about it." — Rina Mahardika, coordinator of a Jakarta-based mining advocacy network

Several carmakers have responded to such reports by joining the Initiative for Responsible Mining Assurance (IRMA) or by requiring suppliers to carry out audits. But only a handful of mines in Indonesia have been audited, and none in Halmahera has completed the process. In the Lead the Charge leaderboard, which scores automakers on their supply chain policies, most companies received little or no credit for disclosing where their nickel comes from.

## Companies point to treatment plants

A spokesperson for IWIP said the park complied with Indonesian environmental law and had invested in sediment ponds and wastewater treatment. "We monitor water quality regularly and report to the authorities," the spokesperson said by email. "Where problems are identified, we work with the communities to solve them, including by providing clean water." The company did not respond to specific questions about the study's findings on chromium.

The Indonesian environment ministry said it would review the study.

For Yulius Bahar, such assurances sound hollow. His family's gardens, once planted with nutmeg and cloves, were sold to a mining contractor in 2021. The money is long gone. "They told us the mine would bring development," he said. "We got a road and a few jobs. We lost the river."
""",
    ),
    dict(
        slug="salar-de-atacama-indigenous-communities-contest-lithium-water-accounting",
        title="In Chile's Salar de Atacama, Indigenous communities contest lithium's water accounting",
        published="2026-11-06T08:00:00-08:00",
        updated="2026-11-06T08:00:00-08:00",
        author="Valentina Rojas",
        topics=["Lithium", "Water", "Indigenous peoples", "Chile", "Mining"],
        bullets=[
            "Lickanantay communities around Chile's Salar de Atacama say official water balances ignore the brine pumped out by lithium producers, which they argue is water by another name.",
            "Chile's national lithium strategy has brought the state into partnership with the industry, and new contracts promise lower brine extraction and new technologies.",
            "Automakers including BMW, Ford and Hyundai buy lithium from the region, some under contracts that refer to responsible sourcing standards.",
            "Researchers say the flamingo populations and wetlands of the salt flat are a sensitive indicator of the stress on the basin.",
        ],
        image_caption="Evaporation ponds at the edge of the Salar de Atacama, Chile. Image by Valentina Rojas/Mongabay.",
        body="""
SAN PEDRO DE ATACAMA, Chile — Every morning at dawn, Ana Cruz checks the level of the small lagoon near her community's grazing land. She has done so for twelve years, writing the numbers into a school exercise book. The figures show a slow decline, interrupted only by the occasional wet year. "The companies have their sensors and their models," she said. "We have our eyes and this book. And our book says the water is leaving."

Cruz is Lickanantay, one of the Indigenous peoples who have lived around the Salar de Atacama, the vast salt flat in northern Chile, for thousands of years. The salar is also one of the world's richest sources of lithium, a key ingredient in the batteries of electric cars. Beneath its crust lies a brine so concentrated that producers simply pump it into evaporation ponds and let the desert sun do most of the work.

That is precisely the problem, community leaders say. Officially, the lithium industry uses relatively little fresh water. But the brine itself, they argue, is part of the same hydrological system as the lagoons and wetlands on which their livestock, their agriculture and the region's famous flamingos depend.

## Brine or water?

The dispute over whether brine counts as water is not merely semantic. Under Chilean law, brine is treated as a mineral resource, not as water, and its extraction is regulated by the mining authorities rather than by the water directorate. This means that brine pumping is not included in the official water balances on which permits for other users are based.

"It is as if you were measuring the level of a bathtub while ignoring that someone is emptying it with a bucket from the other end," said Tomás Quiroga, a hydrogeologist who has advised several of the communities. Studies published in recent years have found that the freshwater-brine interface in the salar has shifted and that some wetlands on the edge of the flat have shrunk, although scientists disagree about how much of that is due to lithium pumping, how much to copper mines in the basin and how much to climate change.

The producers reject the idea that they are drying out the salar. One of the two operators said its monitoring network of more than 200 wells showed that the sensitive lagoon systems were stable and that it had already reduced brine extraction. Under a new partnership agreement with the state, extraction is to fall further from 2031, and the companies are testing direct lithium extraction technologies that would return brine to the salar after the lithium has been removed.

## A national strategy and a new partner

Chile's government presented its national lithium strategy in 2023, under which the state mining company takes a controlling stake in new projects. The Salar de Atacama partnership, which took effect this year, is the first result. The government says it includes unprecedented environmental commitments and a share of revenues for local communities.

Many Lickanantay leaders feel that the negotiations took place over their heads. The Council of Atacameño Peoples took part in a consultation process, but some communities boycotted it, saying that the essential decisions had already been made. "They ask us about the colour of the curtains after they have built the house," said Sergio Tito, a community president.

> "There is no green transition if it is built on the sacrifice of the Atacama. Carmakers in Europe and the United States must understand that their batteries have an address, and that address is our territory." — Sergio Tito, community president in the Salar de Atacama basin

## The carmakers' commitments

Lithium from the salar reaches automakers through long supply chains. BMW, Ford and Hyundai have all announced supply agreements in recent years with producers operating in Chile, and several of the contracts refer to independent audits under the IRMA standard. One of the Atacama producers completed an IRMA audit in 2023, the first lithium operation in the world to do so, although the audit report also listed a number of gaps, including on community consent.

Investors and campaigners want the carmakers to go further. In the Lead the Charge leaderboard, fewer than a third of the 18 automakers assessed have a policy that explicitly commits them to respecting the right of Indigenous Peoples to free, prior and informed consent in their supply chains. Only a handful publish the names of their lithium suppliers.

Back at the lagoon, Ana Cruz closes her exercise book. A pair of flamingos lifts off from the shallows and disappears over the salt crust towards the ponds, where the brine glows turquoise in the morning light. "Everyone wants our lithium," she said. "Nobody asks what we want."
""",
    ),
    dict(
        slug="isa-council-ends-session-without-deep-sea-mining-code",
        title="Deep-sea mining: ISA council ends session without mining code as pressure mounts",
        published="2026-11-09T11:30:00-08:00",
        updated="2026-11-10T07:05:00-08:00",
        author="Leo Hartmann",
        topics=["Deep-sea mining", "Oceans", "Governance", "Cobalt", "Nickel"],
        bullets=[
            "Negotiations on the rules for commercial deep-sea mining at the International Seabed Authority ended without agreement, as expected, with delegates now aiming for 2027 at the earliest.",
            "More than 30 countries support a moratorium or precautionary pause, and several carmakers have pledged not to buy seabed minerals.",
            "A unilateral push by a company seeking U.S. permits to mine in international waters overshadowed the session.",
            "Scientists presented new research on the biodiversity of the Clarion-Clipperton Zone and on the long-term impacts of test mining.",
        ],
        image_caption="A polymetallic nodule on the seafloor of the Clarion-Clipperton Zone. Image courtesy of a research expedition.",
        body="""
KINGSTON, Jamaica — Delegates to the International Seabed Authority (ISA) left Kingston on Friday without agreeing on the rules that would govern commercial mining of the deep seabed, extending a stalemate that has now lasted more than a decade. The ISA council, which is responsible for drafting the so-called mining code, adopted a revised roadmap that foresees continuing negotiations in 2027 but sets no deadline for their conclusion.

The outcome was widely expected. Divisions among the ISA's member states have deepened over the past three years, with a growing group of countries calling for a moratorium or a "precautionary pause" on deep-sea mining until the environmental impacts are better understood. At the start of the session, 38 countries had joined that group, including France, Germany, the United Kingdom, Brazil, Canada and a number of Pacific island states.

"There is a clear sense in the room that we cannot allow mining to start on the basis of rules that are incomplete and science that is incomplete," said the delegate of one Pacific state, who asked not to be named because the negotiations were held behind closed doors. "At the same time, there is fear that if the ISA does not act, others will act without the ISA."

## The shadow of unilateral mining

That fear has a name. Since 2025, a Canadian company that has been exploring the Clarion-Clipperton Zone between Hawaii and Mexico for years has sought permits from the U.S. government under a 1980 law that predates the U.N. Convention on the Law of the Sea, which the U.S. has never ratified. The company argues that the ISA has failed to deliver a regulatory framework and that the U.S. route is legitimate. Most ISA members consider it a violation of international law.

At the session, the ISA secretary-general warned that any mining outside the ISA regime would undermine "the common heritage of mankind" principle on which the law of the sea is based. Several delegations proposed an investigation into whether exploration contracts held by sponsoring states could be affected if contractors cooperated with the unilateral process. No decision was taken.

## What lives on the abyssal plain

On the sidelines of the meeting, scientists presented new findings from the Clarion-Clipperton Zone, an area of the Pacific seabed larger than the European Union covered with potato-sized nodules rich in nickel, cobalt, manganese and copper. A study published this year estimated that more than 5,000 species live in the zone, the vast majority of them unknown to science. Research on test mining tracks from the 1980s and 2020s showed that the seafloor had barely recovered after decades.

"The nodules take millions of years to form, and many animals live on them and nowhere else," said Maria Lindgren, a marine biologist at a Swedish university. "When they are removed, that habitat is gone on any timescale that matters to humans."

## Carmakers keep their distance

The battery industry is the main potential market for deep-sea minerals, and the position of automakers has been closely watched. BMW, Volkswagen, Volvo Cars, Renault and, most recently, Kia and Nissan have pledged not to use seabed minerals until the risks are understood. Others, including Tesla, Toyota and General Motors, have not made such a commitment, although none has said it intends to buy nodules.

Campaigners say the carmakers' pledges are one reason why investment in deep-sea mining has been harder to secure. "The business case rests on the assumption that someone will buy the metal," said Hannah Okoro of a coalition of ocean conservation groups. "Every automaker that says no makes that assumption weaker."

> "Companies should not have to choose between the deep sea and the rainforest. Both can be protected if we invest seriously in recycling, in battery chemistries that use less nickel and cobalt, and in responsible mining on land." — Hannah Okoro, ocean campaigner

The mining industry argues that nodules offer a way to reduce the social and environmental costs of land-based mining in places like Indonesia and the Democratic Republic of the Congo. Critics respond that the price of nickel has fallen sharply since 2023 because of oversupply from Indonesia, and that there is no shortage that would justify opening a new frontier.

The ISA assembly will meet in July. Whether the unilateral route will produce the first commercial mining in international waters before then remains unclear.
""",
    ),
    dict(
        slug="jujuy-lithium-communities-say-consultation-came-too-late",
        title="Argentina's lithium rush: Jujuy communities say consultation came too late",
        published="2026-11-13T07:45:00-08:00",
        updated="2026-11-13T07:45:00-08:00",
        author="Valentina Rojas",
        topics=["Lithium", "Indigenous peoples", "Argentina", "FPIC", "Water"],
        bullets=[
            "Kolla and Atacama communities around the Salinas Grandes and Laguna de Guayatayoc basin in northern Argentina say they were consulted only after exploration permits had been granted.",
            "Argentina has become the world's fastest-growing lithium producer, with more than a dozen projects in operation or under construction.",
            "A supply deal with a European automaker has put one of the projects under the spotlight of investors and campaigners.",
            "Provincial officials say the consultation process meets legal requirements, while legal experts point to gaps in the implementation of ILO Convention 169.",
        ],
        image_caption="A community meeting in the Salinas Grandes basin, Jujuy province, Argentina. Image by Valentina Rojas/Mongabay.",
        body="""
SALINAS GRANDES, Argentina — The meeting in the community hall had been going on for three hours when Verónica Chávez stood up. In front of her sat two representatives of the provincial mining department and a young engineer from a lithium company, who had just finished a presentation on evaporation rates. "You are asking us to agree to something that has already started," she said. "The drill rigs were here last year. Where was the consultation then?"

The scene, which took place in October in a village on the edge of the Salinas Grandes salt flat in Jujuy province, is typical of a conflict that is spreading across northern Argentina. The country holds some of the world's largest lithium resources, and production has grown faster than anywhere else in recent years. More than a dozen projects are now in operation or under construction in the provinces of Jujuy, Salta and Catamarca, attracted by a new investment regime that offers tax and customs advantages for large projects.

For the 33 Kolla and Atacama communities that live around the Salinas Grandes and the neighbouring Laguna de Guayatayoc, the boom poses an existential question. The basin is a closed hydrological system with very little rainfall. Community members fear that pumping brine will lower the groundwater that feeds the springs on which their llamas, sheep and small fields depend, and that the salt flat itself, which they have harvested by hand for generations, will be damaged.

## A right that exists on paper

Argentina ratified ILO Convention 169 on Indigenous and Tribal Peoples in 2000, and its constitution recognises the communal land rights of Indigenous Peoples. In principle, this means that communities must be consulted in good faith before projects affecting their territory are approved, with the aim of obtaining their free, prior and informed consent.

In practice, legal experts say, the process is often reduced to a formality. "The province grants exploration permits first and consults later, if at all," said Lucía Medina, a lawyer who represents several communities. "By the time the communities are asked, the company has already invested millions, and the political pressure to say yes is enormous." In 2023, a reform of Jujuy's provincial constitution that restricted the right to protest and changed rules on land titling led to weeks of demonstrations that were violently suppressed.

The provincial mining department said the consultation processes for the current projects complied with national and provincial law and that communities had received information in Spanish and, where requested, in Quechua. It pointed to community development agreements worth several million dollars that companies have signed with some villages.

## A European carmaker in the spotlight

One of the projects in the basin signed a supply agreement last year with a European automaker, which agreed to buy lithium carbonate from the project for up to ten years once production starts. The carmaker, a subsidiary of the Stellantis group, said at the time that the deal would help it build a resilient supply chain for batteries made in Europe and that the project would be developed in line with "the highest environmental, social and governance standards".

Asked about the communities' complaints, Stellantis said that it expects all suppliers to respect the rights of Indigenous Peoples and that it had commissioned an independent assessment of the consultation process, the results of which would be published next year. Campaigners say that is not enough. "If the consent was not obtained before the drilling started, an assessment cannot repair that," said Medina.

> "We are not against the future. We are against being told that our future has to be sacrificed for someone else's car." — Verónica Chávez, community leader in the Salinas Grandes basin

Stellantis is not the only automaker with a stake in Argentine lithium. General Motors, Toyota and BMW have all invested in or bought from projects in the country in recent years, and Chinese battery makers are among the largest investors. Yet few of the companies publish the names of the projects they source from or the results of human rights due diligence.

## Water, again

At the heart of the conflict is the same question as across the border in Chile: how much water the basin can give. Hydrogeological studies commissioned by the companies conclude that brine extraction at the planned rates is sustainable. Independent researchers at an Argentine university have questioned the models, arguing that the data on groundwater recharge are too sparse to support that conclusion.

As the meeting in the community hall ended, the engineer handed out brochures. Verónica Chávez left hers on the chair. "They have a lot of paper," she said outside, as the wind swept across the white expanse of the salt flat. "We have the water. For now."
""",
    ),
    dict(
        slug="kolwezi-artisanal-cobalt-miners-face-evictions",
        title="Cobalt's hidden workforce: artisanal miners face evictions as Kolwezi's industrial mines expand",
        published="2026-11-17T05:20:00-08:00",
        updated="2026-11-17T12:10:00-08:00",
        author="Marie-Claire Bongo",
        topics=["Cobalt", "Human rights", "DRC", "Artisanal mining", "Workers' rights"],
        bullets=[
            "Thousands of families have been moved from neighbourhoods in Kolwezi, in the Democratic Republic of the Congo, to make way for the expansion of industrial copper and cobalt mines.",
            "Residents and rights groups say compensation has been inadequate and that some evictions were carried out by force.",
            "Artisanal miners, who produce a significant share of the country's cobalt, say the closing of sites has pushed them into more dangerous work.",
            "New EU due diligence rules and automaker sourcing policies are meant to address such abuses, but campaigners say implementation lags.",
        ],
        image_caption="Artisanal miners washing ore near Kolwezi, Lualaba province, DRC. Image by Marie-Claire Bongo/Mongabay.",
        body="""
KOLWEZI, Democratic Republic of the Congo — The bulldozers came on a Tuesday, Jean-Pierre Mutombo remembers. Within a few hours, the brick house in which he had raised five children was rubble, along with the houses of dozens of his neighbours. A security guard from the mining company told him that the compensation had been paid to the local chief. "I never saw a franc," Mutombo said, sitting on a plastic chair in the rented room where his family now lives. "They said we were living on their concession. But we were here first."

Mutombo is one of thousands of people who have been displaced from neighbourhoods of Kolwezi, the capital of Lualaba province, over the past five years as industrial copper and cobalt mines expand. The city sits on top of some of the richest deposits on Earth, and the DRC supplies more than 70 percent of the world's cobalt, most of it from mines around Kolwezi. Demand for cobalt, used in many lithium-ion batteries, has grown sharply with the rise of electric vehicles.

A report published this month by a coalition of Congolese and international human rights groups documented 19 cases of eviction in and around the city since 2021, affecting an estimated 8,000 households. In several cases, the researchers found, residents were given only days' notice, compensation was far below the value of their homes, and police or soldiers were present during demolitions.

## The artisanal economy

Alongside the industrial mines, an estimated 150,000 to 200,000 people work as artisanal miners in the province, digging by hand in pits and tunnels or washing ore in streams. They produce between 10 and 30 percent of the country's cobalt, depending on prices. Child labour, fatal accidents and exposure to toxic dust have been documented in the sector for years, and many automakers have responded by excluding artisanal cobalt from their supply chains altogether.

That approach has its critics. "When companies say 'no artisanal cobalt', the cobalt does not disappear, and neither do the miners," said Patrick Kabongo, who runs a local organisation supporting mining cooperatives. "They simply go to sites that nobody controls." As industrial concessions expand, he said, the few formalised artisanal sites, where cooperatives have introduced safety rules and banned children, have been closed or absorbed, pushing miners into riskier places.

> "The energy transition has a face here. It is the face of a man who loses his house and then goes underground with a shovel to feed his family." — Patrick Kabongo, mining cooperative adviser in Kolwezi

## From the pit to the car

The cobalt mined around Kolwezi is exported mostly as cobalt hydroxide to refineries in China, then turned into chemicals for battery cathodes. From there it reaches cell makers and, eventually, automakers such as Tesla, BMW, Mercedes-Benz, Volkswagen, BYD and General Motors. Tracing cobalt through this chain is notoriously difficult, because material from different mines is mixed at several stages.

Several carmakers have invested in traceability and in direct sourcing agreements with industrial mines that have been audited against responsible sourcing standards. BMW and Mercedes-Benz, for example, publish the countries of origin of their cobalt and say they buy part of it from Australia and Morocco. But audits of industrial mines rarely examine the evictions that preceded them, rights groups say. "An audit checks the mine as it is today," said Sylvie Mbuyi, one of the report's authors. "It does not ask who used to live on the land."

## A test for due diligence laws

The European Union's Corporate Sustainability Due Diligence Directive requires large companies, including automakers, to identify and address human rights and environmental harms in their chains of activity. The directive's scope and timeline were scaled back in the 2025 "omnibus" simplification, and most obligations will now apply only from 2029. The EU Battery Regulation contains its own due diligence obligations for cobalt, lithium, nickel and natural graphite, which apply from 2027.

In response to questions, one mining company operating near Kolwezi said all relocations were carried out in accordance with Congolese law and under the supervision of the provincial authorities, and that it had built a new settlement with schools and a health centre for displaced families. It said it was not aware of any use of force.

Jean-Pierre Mutombo has heard of the new settlement. It is 25 kilometres from the city, he said, too far from the markets where his wife sells vegetables and from the school his children attend. He now works as a day labourer at an artisanal site on the outskirts of town. "My father was a miner, and I swore I would never go underground," he said. "Now I have no choice."
""",
    ),
    dict(
        slug="guinea-boke-bauxite-mining-dries-wells-and-fields",
        title="Bauxite mining in Guinea's Boké region dries wells and fields, villagers say",
        published="2026-11-20T09:00:00-08:00",
        updated="2026-11-20T09:00:00-08:00",
        author="Fatoumata Camara",
        topics=["Aluminium", "Bauxite", "Guinea", "Water", "Land rights"],
        bullets=[
            "Guinea is the world's largest exporter of bauxite, the ore used to make aluminium, and production in the Boké region has multiplied in the past decade.",
            "Farmers say dust from mines and haul roads has damaged crops, and that wells and springs have dried up where the bauxite plateaus were stripped.",
            "Automakers increasingly buy 'low-carbon' aluminium, but campaigners warn that the label says nothing about the impact of the mining that supplies it.",
            "Mining companies say they have compensated affected communities and are rehabilitating mined-out areas.",
        ],
        image_caption="A haul road through a bauxite mining area near Boké, Guinea. Image by Fatoumata Camara/Mongabay.",
        body="""
BOKÉ, Guinea — The well in the centre of Mamadou Diallo's village used to give water all year round. Since the mine opened on the plateau above the village, it runs dry every February, two months before the rains. The women now walk almost an hour to a spring in the valley, and in the worst weeks they queue there from the middle of the night. "The plateau was our sponge," said Diallo, the village's elder. "It held the rain and gave it back to us slowly. Now the sponge is gone."

Guinea has the largest bauxite reserves in the world and has become the largest exporter of the reddish ore from which aluminium is made. Most of it comes from the Boké region in the country's northwest, where a string of mines operated by Chinese, Western, Gulf and Guinean companies has turned wooded plateaus and farmland into open pits, and a web of haul roads leads to the river ports from which the ore is shipped, mostly to refineries in China.

The expansion has brought revenue to the state and jobs, but residents and civil society groups have documented its costs for years. A survey of 40 villages carried out this year by a Guinean research organisation found that more than two thirds reported a decline in water availability since mining began nearby, and that almost all reported damage to crops from dust. In several villages, farmland was taken for mining without what residents considered fair compensation.

## Water and the bauxite plateaus

Scientists say the villagers' description of the plateaus as a "sponge" is apt. The bauxite layer and the laterite above it store rainwater and release it gradually into the streams and springs below. When the layer is stripped, the rain runs off quickly, causing erosion and floods in the wet season and shortages in the dry season.

"Rehabilitation can restore some vegetation, but it cannot restore the hydrological function of the plateau, at least not for decades," said Ibrahima Sow, an environmental scientist at a university in Conakry. Companies are required to rehabilitate mined-out land, but progress has been slow, he said, and the areas being mined are growing faster than those being restored.

## A blind spot in low-carbon aluminium

Aluminium is a key material for the car industry, especially for electric vehicles, where it helps offset the weight of the battery. Automakers such as Audi, BMW, Mercedes-Benz and Ford have signed contracts for "low-carbon" or "green" aluminium, produced with renewable electricity or new smelting technologies. Such aluminium can have a carbon footprint a quarter or less of conventional metal made with coal power.

But the low-carbon label refers to the emissions of smelting, not to the impact of mining the bauxite. "You can have the greenest smelter in the world powered by hydro in Norway or Canada, and the ore can still come from a plateau in Boké where a village lost its water," said Kadiatou Bah of a Guinean coalition of civil society groups. Many low-carbon aluminium smelters source at least part of their alumina from refineries that process Guinean bauxite.

> "When a car company buys green aluminium, it should ask where the bauxite comes from and what happened to the people who lived there. Otherwise 'green' is only half the story." — Kadiatou Bah, civil society coordinator in Conakry

Some carmakers require suppliers to be certified by the Aluminium Stewardship Initiative, whose standard includes requirements on water, Indigenous and community rights and resettlement. Several mines in Boké have been certified. Campaigners say the certification has not resolved the complaints in the surrounding villages and that the standard's grievance mechanisms are difficult for rural communities to use.

## Companies' responses

A spokesperson for one of the largest mining companies in the region said it had built boreholes in more than 30 villages, paved sections of haul roads to reduce dust and paid compensation in line with Guinean law and international standards. The company said it was working with local authorities on a regional water management plan.

Guinea's government has pushed for more of the value chain to stay in the country and has required companies to submit plans for domestic alumina refineries. Officials say this will create jobs and tax revenue. Residents fear it will also mean more water use and more pollution.

In Mamadou Diallo's village, a borehole built by the company last year stopped working after six months. The pump broke and nobody came to repair it. "They bring us a machine and then they leave," Diallo said. "The mine stays, and the machine breaks."
""",
    ),
    dict(
        slug="brazil-wind-farms-green-steel-hopes-traditional-communities",
        title="Wind farms powering Brazil's green steel hopes clash with traditional communities",
        published="2026-11-24T10:30:00-08:00",
        updated="2026-11-24T10:30:00-08:00",
        author="Rafael Monteiro",
        topics=["Renewable energy", "Green steel", "Brazil", "Land rights", "Hydrogen"],
        bullets=[
            "Brazil's northeast is being promoted as a hub for green hydrogen and low-carbon iron that could supply European steelmakers and, through them, automakers.",
            "Quilombola and fishing communities in Ceará and Rio Grande do Norte say wind farms have been built on their lands without consultation and have damaged their livelihoods.",
            "European carmakers have signed preliminary agreements to buy steel made with Brazilian iron and hydrogen.",
            "Developers and state governments say the projects bring investment and that they follow licensing rules.",
        ],
        image_caption="Wind turbines near a fishing village on the coast of Ceará, Brazil. Image by Rafael Monteiro/Mongabay.",
        body="""
CEARÁ, Brazil — From the dunes above the fishing village of Caetanos de Cima, the turbines stretch to the horizon in both directions. There are more than 60 of them, and on windy nights Maria José dos Santos says their whoosh keeps her awake. But it is not the noise that worries her most. "They built the roads through the lagoons where we catch shrimp, and they fenced off the path to the beach," she said. "Nobody asked us. We found out when the machines arrived."

Dos Santos's community is a quilombo, founded by descendants of people who escaped slavery, and it has fought for years for the formal title to its land. Like many traditional communities along Brazil's northeastern coast, it now finds itself in the path of one of the country's most celebrated industrial projects: the plan to turn the windy northeast into a hub for green hydrogen and low-carbon iron that could supply Europe's steel industry.

The idea has attracted enormous interest. Brazil has some of the world's best conditions for wind and solar power and one of the world's largest reserves of high-grade iron ore. Combining the two, proponents argue, Brazil could produce iron with hydrogen instead of coal and export it as hot-briquetted iron to European steel mills, cutting emissions and creating jobs at home. State governments in Ceará and Piauí have offered land and tax breaks in industrial zones around the ports of Pecém and Parnaíba.

## From Brazil to the car factory

The automotive industry is one of the main customers for the steel that would be made this way. Several European carmakers have signed memorandums of understanding with steelmakers that plan to use Brazilian hydrogen-based iron, and a German premium manufacturer has said it sees Brazil as a potential source of "fossil-free steel at scale". Volkswagen, which has large plants in São Paulo state, and Stellantis, which builds Fiat and Jeep vehicles in Minas Gerais and Pernambuco, are also watching the projects closely.

For campaigners working on the automotive supply chain, the link is a warning. "Green steel is essential, and automakers should be buying much more of it," said Camila Ferraz of a São Paulo-based organisation that monitors the energy transition. "But if the renewable electricity behind it is built by taking land from quilombolas and fishers, the steel is not clean. Carmakers need to apply the same human rights due diligence to their green supply chains as to their mines."

> "The wind belongs to everyone, but the land under the turbines belongs to someone. The companies act as if it were empty." — Maria José dos Santos, fisher and community leader in Caetanos de Cima

## Licensing and consultation

Under ILO Convention 169, which Brazil has ratified, quilombola and Indigenous communities must be consulted before projects affecting their territories are approved. Researchers at a federal university in Ceará who studied 80 wind projects in the state found that fewer than ten had carried out any form of consultation with traditional communities. In many cases, developers leased land from people who held informal or disputed titles, while the communities who used the land collectively were not recognised.

Wind farm developers say they comply with environmental licensing rules and that leases provide income to landowners in poor rural areas. An industry association said that its members had adopted a voluntary code of good practice in 2024 that includes community engagement and grievance mechanisms. The Ceará state government said the hydrogen hub would bring billions of reais in investment and thousands of jobs to the region.

## Lessons for the hydrogen hubs

The scale of what is planned dwarfs what has been built so far. Producing enough hydrogen for the iron projects under discussion would require tens of gigawatts of new wind and solar capacity, much of it on the same coastal strip where traditional communities live. Campaigners argue that the time to get the rules right is now, before the hydrogen projects move from memorandums to construction.

At Caetanos de Cima, the community has begun mapping its territory with the help of a local university, marking fishing grounds, lagoons, sacred sites and paths on a large sheet of paper pinned to the wall of the community centre. "If they want to build more, they will have to talk to us first," Maria José dos Santos said. "This time we will be ready."
""",
    ),
]
