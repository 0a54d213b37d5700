"""Word lists and sentence templates for the generated benchmark site (see sitegen.py)."""

# -- word lists ---------------------------------------------------------------------------------

AUTOMAKERS = ["Volkswagen", "Stellantis", "Toyota", "Ford", "General Motors", "Hyundai", "Kia",
              "BMW", "Mercedes-Benz", "Renault", "Nissan", "Honda", "Tesla", "BYD", "Geely",
              "Volvo Cars", "Rivian", "Polestar", "SAIC", "Tata Motors", "Mazda", "Subaru"]
BATTERY_MAKERS = ["CATL", "LG Energy Solution", "Panasonic", "Samsung SDI", "SK On", "Northvolt",
                  "Gotion High-Tech", "EVE Energy", "CALB", "Envision AESC", "Verkor", "ACC"]
MINERS = ["Glencore", "Rio Tinto", "BHP", "Albemarle", "SQM", "Pilbara Minerals", "Vale",
          "Tianqi Lithium", "Ganfeng Lithium", "Freeport-McMoRan", "Anglo American", "Eramet",
          "Tsingshan", "Huayou Cobalt", "CMOC", "Liontown Resources", "Arcadium Lithium"]
STEELMAKERS = ["ArcelorMittal", "Nippon Steel", "POSCO", "Thyssenkrupp", "SSAB", "Salzgitter",
               "Tata Steel", "China Baowu", "Nucor", "Cleveland-Cliffs", "Stegra", "Hyundai Steel",
               "JSW Steel", "Voestalpine", "Outokumpu"]
MATERIALS = ["lithium", "nickel", "cobalt", "manganese", "graphite", "copper", "bauxite",
             "iron ore", "aluminium", "steel", "rare earths", "lithium hydroxide", "nickel sulphate"]
COUNTRIES = ["Indonesia", "the Democratic Republic of Congo", "Chile", "Argentina", "Australia",
             "Guinea", "Brazil", "Sweden", "Germany", "Hungary", "Poland", "Morocco", "Zimbabwe",
             "the Philippines", "Canada", "Mexico", "South Korea", "Japan", "China", "India",
             "Bolivia", "Finland", "Spain", "Portugal", "Serbia", "Namibia", "Ghana"]
REGIONS = ["Sulawesi", "Katanga", "the Atacama", "Western Australia", "Halmahera", "Lapland",
           "Michigan", "Tennessee", "Ontario", "Saxony", "Normandy", "Jujuy", "Kolwezi",
           "Minas Gerais", "Baden-Württemberg", "the Pilbara", "Nevada", "Quebec", "Bavaria"]
NGOS = ["Lead the Charge", "Global Witness", "Amnesty International", "Human Rights Watch",
        "Mighty Earth", "Transport & Environment", "SteelWatch", "InfluenceMap", "Earthworks",
        "Climate Rights International", "the Business & Human Rights Resource Centre",
        "RAID", "Sierra Club", "Public Citizen", "Greenpeace"]
INSTITUTIONS = ["the European Commission", "the US Department of Energy", "the International "
                "Energy Agency", "BloombergNEF", "Benchmark Mineral Intelligence", "the ICCT",
                "the World Bank", "the OECD", "the UN Environment Programme", "Fastmarkets",
                "the Rocky Mountain Institute", "Wood Mackenzie", "the European Parliament"]
FIRST = ["Anna", "Ben", "Carla", "David", "Elena", "Farid", "Grace", "Hiroshi", "Ines", "James",
         "Katarzyna", "Luis", "Maya", "Nikhil", "Olga", "Pedro", "Rania", "Sofia", "Tom",
         "Ulrike", "Victor", "Wen", "Yara", "Zoe", "Amara", "Bjorn", "Chen", "Dmitri", "Fatima"]
LAST = ["Schmidt", "Okafor", "Tanaka", "Rossi", "Nguyen", "Kowalski", "García", "Müller",
        "Andersson", "Singh", "Dubois", "Kim", "Hughes", "Moreau", "Silva", "Haddad", "Novak",
        "Lindqvist", "Mensah", "Petrova", "Ortega", "Chatterjee", "Brennan", "Fischer", "Ito"]
ROLES = ["an analyst at {institution}", "a researcher with {ngo}", "a spokesperson for {company}",
         "head of supply chain at {automaker}", "a campaigner at {ngo}",
         "chief executive of {company}", "a senior economist at {institution}",
         "a lawyer who advises mining communities in {country}", "a former official at {institution}",
         "director of procurement at {automaker}", "a metals strategist at {institution}"]
TOPICS = ["supply chain emissions", "human rights due diligence", "deforestation", "tailings safety",
          "water use", "free, prior and informed consent", "green steel procurement",
          "battery recycling", "traceability", "responsible sourcing", "coal-fired smelting",
          "labour conditions", "Indigenous land rights", "methane from coking coal",
          "the carbon footprint of batteries", "low-carbon aluminium", "battery passports"]
POLICIES = ["the EU Battery Regulation", "the Inflation Reduction Act", "the EU Carbon Border "
            "Adjustment Mechanism", "the Corporate Sustainability Due Diligence Directive",
            "the Critical Raw Materials Act", "the Uyghur Forced Labor Prevention Act",
            "Indonesia's export ban on raw nickel ore", "Chile's national lithium strategy",
            "the EU's deforestation rules", "Germany's supply chain law"]
PLANTS = ["a gigafactory", "a cathode plant", "a nickel smelter", "a lithium refinery",
          "an electric arc furnace", "a direct-reduced iron plant", "a recycling facility",
          "a high-pressure acid leach plant", "an anode plant", "a hydrogen-based steel mill"]
VERBS = ["announced", "confirmed", "postponed", "scaled back", "accelerated", "defended",
         "disclosed", "signed", "cancelled", "expanded", "revised", "unveiled"]
ADJ = ["cautious", "ambitious", "controversial", "long-awaited", "modest", "sweeping",
       "unexpected", "closely watched", "contested", "delayed", "landmark", "fragile"]
SECTIONS = ["Electric Vehicles", "Batteries", "Mining", "Steel", "Policy", "Supply Chain",
            "Markets", "Climate", "Human Rights", "Technology"]
TAGS = ["EV", "lithium", "nickel", "cobalt", "green steel", "batteries", "mining", "Indonesia",
        "Congo", "due diligence", "CBAM", "IRA", "recycling", "gigafactory", "emissions",
        "Europe", "China", "United States", "aluminium", "hydrogen", "supply chain"]

SENTENCES = [
    "{automaker} {verb} plans for {plant} in {region} on {weekday}, citing {reason}.",
    "The company said it expects to source about {percent} per cent of its {material} from {country} by {year}.",
    "{Ngo} said the move showed how far the industry still has to go on {topic}.",
    "Shares in {company} rose {small} per cent in early trading after the announcement.",
    "Prices for {material} have fallen by roughly {percent} per cent since the start of {pyear}, squeezing margins across the sector.",
    "According to {institution}, demand for {material} could grow {mult}-fold by {year} as electric car sales climb.",
    "\"{quote}\" said {person}, {role}.",
    "{person}, {role}, said the decision was {adj} but not surprising.",
    "The agreement covers {tonnes} tonnes a year of {material} over {small} years, starting in {year}.",
    "{Battery} will supply cells to {automaker} from {plant} near {region}, the two companies said in a joint statement.",
    "Critics argue that {policy} leaves too many loopholes for companies sourcing {material} from {country}.",
    "{Steelmaker} has promised to cut the emissions intensity of its steel by {percent} per cent by {year}.",
    "The plant would need {gw} gigawatts of renewable power, more than the regional grid can currently deliver.",
    "Local communities in {region} have complained about dust, polluted rivers and the loss of farmland.",
    "A report published by {ngo} in {month} found that none of the {number} largest automakers fully disclosed their {material} suppliers.",
    "{Miner} declined to comment on the allegations but said it complies with all applicable laws in {country}.",
    "Analysts at {institution} expect the market for {material} to remain oversupplied until at least {year}.",
    "The investment, worth about {amount}, is one of the largest in the history of {country}'s mining industry.",
    "{automaker} did not respond to a request for comment by the time of publication.",
    "Under {policy}, companies will have to report on {topic} from {year}.",
    "Steel accounts for roughly {small2} per cent of the emissions from making a typical car, and aluminium for a further {small} per cent.",
    "Executives have said that buying low-carbon steel adds only a few hundred euros to the cost of a vehicle.",
    "{Steelmaker}'s new {plant} is expected to produce {mt} million tonnes of steel a year once it reaches full capacity.",
    "Most of the {material} processed in {country} is refined using electricity from coal, which raises the footprint of every battery made from it.",
    "{Ngo} has called on {automaker} to publish a full list of its smelters and refineries.",
    "The deal was signed on the sidelines of a trade fair in {city} last {weekday}.",
    "Production at the site was halted for {small} weeks in {month} after a fatal accident.",
    "Investors holding more than {amount} in assets wrote to {automaker} asking for a timeline on {topic}.",
    "{Institution_cap} estimates that recycling could meet {small2} per cent of {material} demand by {year}.",
    "The company's latest sustainability report gives little detail on {topic}, campaigners said.",
    "{Battery} has also been in talks with {automaker} about a second plant in {country}.",
    "Officials in {country} have said they want more of the value chain, including refining and cell production, to stay in the country.",
    "The {adj} plan drew criticism from unions, who said it would put thousands of jobs at risk.",
    "{person} told reporters that the company remained committed to its {year} targets.",
    "Imports of {material} from {country} rose {percent} per cent in the first quarter, customs data showed.",
    "The ranking by {ngo} placed {automaker} {ordinal} out of {number} companies on {topic}.",
    "{Miner} said output of {material} in the quarter reached {kt} thousand tonnes, up {small} per cent on a year earlier.",
    "Environmental groups have filed a lawsuit to stop the project, arguing that its impact assessment was incomplete.",
    "The European market for electric cars grew by {percent} per cent last year, according to {institution}.",
    "{automaker}'s chief executive said on an earnings call that battery costs had fallen faster than expected.",
    "A spokesperson for {steelmaker} said the first deliveries of near-zero emissions steel were planned for {year}.",
    "Satellite images analysed by {ngo} show {hectares} hectares of forest cleared around the mine since {pyear}.",
    "The government of {country} has offered tax breaks to companies that build {plant} there.",
    "{Company} has been accused of failing to consult Indigenous communities before expanding the mine.",
    "Neither company disclosed the financial terms of the agreement.",
    "The facility in {region} will employ around {jobs} people when it opens in {year}.",
]
QUOTES = [
    "We cannot electrify transport on the back of dirty supply chains",
    "This is a step in the right direction, but it is nowhere near enough",
    "The industry needs clear rules, not voluntary pledges",
    "Our customers expect us to know where every kilogram of {material} comes from",
    "The numbers simply do not add up for {plant} at today's prices",
    "We are confident that demand will recover in the second half of the year",
    "Communities in {region} have been asking for this for a decade",
    "Green steel is available today; what is missing is the commitment to buy it",
    "Nobody wants to be the last company still buying from {country} without audits",
    "We will keep investing in {country} as long as the rules stay predictable",
]
REASONS = ["weaker demand for electric cars", "high energy prices", "delays in permitting",
           "uncertainty over subsidies", "a slowdown in Europe", "falling battery prices",
           "pressure from investors", "new tariffs on Chinese imports", "a shortage of skilled workers",
           "concerns raised by local communities"]
CITIES = ["Frankfurt", "Shanghai", "Detroit", "Jakarta", "Santiago", "Brussels", "Tokyo", "Seoul",
          "London", "Toronto", "Perth", "Stockholm", "Paris", "Munich", "Kinshasa", "Lisbon"]
HEADLINES = [
    "{automaker} {verb} {material} deal with {miner}",
    "{Battery} and {automaker} {verb_present} {plant} in {country}",
    "{Ngo} report faults automakers on {topic}",
    "{Steelmaker} bets on hydrogen to cut emissions at {region} works",
    "{Material_cap} prices slide as {country} output surges",
    "Why {topic} is the next test for {automaker}",
    "{country_cap} tightens rules on {material} exports",
    "{automaker} {verb} green steel target after pressure from investors",
    "{Miner} faces scrutiny over {topic} in {region}",
    "Inside the race to secure {material} for Europe's gigafactories",
    "{policy_cap} puts {material} suppliers on notice",
    "{Battery} {verb} {plant} plans in {region}",
]
SUBHEADS = ["What the deal means", "Pressure from investors", "A question of supply",
            "The view from {region}", "Regulators step in", "What comes next",
            "Prices under pressure", "Human rights concerns", "The steel question",
            "A crowded market", "Counting the emissions", "Local opposition"]
COMMENT_SENTENCES = [
    "Great article, thanks for covering this.", "I have been saying this for years.",
    "What about the emissions from shipping the {material} halfway around the world?",
    "Does anyone know if {automaker} actually audits its suppliers in {country}?",
    "This is just greenwashing until they publish the full list of smelters.",
    "Interesting, but the article does not mention {policy}.",
    "My next car will be electric regardless of what {automaker} does.",
    "The real problem is {topic}, and nobody wants to talk about it.",
    "Recycling will solve a lot of this within a decade.", "Source for the {percent} per cent figure?",
    "Mining is never going to be clean, we should be honest about that.",
    "Good to see {ngo} keeping the pressure on.", "Wake me up when {steelmaker} actually delivers.",
]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
ORDINALS = ["first", "second", "third", "fifth", "ninth", "12th", "15th", "last"]


_WORDS = {"automaker": AUTOMAKERS, "battery": BATTERY_MAKERS, "miner": MINERS, "steelmaker": STEELMAKERS,
          "material": MATERIALS, "country": COUNTRIES, "region": REGIONS, "ngo": NGOS,
          "institution": INSTITUTIONS, "topic": TOPICS, "policy": POLICIES, "plant": PLANTS, "verb": VERBS,
          "adj": ADJ, "weekday": WEEKDAYS, "month": MONTHS, "reason": REASONS, "city": CITIES,
          "ordinal": ORDINALS}
