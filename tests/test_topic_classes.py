"""Classes of topic errors found on real published text (dev part of ../shared's real passages).

Each class has short texts of our own: the subject said in other words must be tagged, and the
words of a topic used where its subject is absent must not be. The texts are written for these
tests; the facts may be real. See nlp/data/topics.yaml for the rules that decide them.
"""

from __future__ import annotations

import pytest

from nlp import Tagger
from nlp.taxonomy import Pair, load_taxonomy


@pytest.fixture(scope="module")
def tagger() -> Tagger:
    return Tagger()


def _topics(tagger: Tagger, text: str) -> set[str]:
    return set(tagger.tag(text).topic_ids())


# (class, text, topics that must be tagged, topics that must not be)
CASES = [
    # -- workers' rights said in other words; and a strike that is no labour dispute
    ("workers: child labour in other words",
     "Investigators found that the cobalt had been mined by young children in pits near Kolwezi.",
     ["workers-rights"], []),
    ("workers: child labour in other words",
     "The parts maker admitted it had found child workers in its U.S. supply chain.",
     ["workers-rights"], []),
    ("workers: bondage",
     "Migrant labourers at the plantation described slavery-like conditions and debt bondage to their recruiters.",
     ["workers-rights", "human-rights-due-diligence"], []),
    ("workers: hunger strike",
     "The former guard went on a hunger strike in prison to protest poor conditions for the inmates.",
     [], ["workers-rights"]),
    ("workers: walking out of talks",
     "The opposition leader walked out of the budget talks on Tuesday.",
     [], ["workers-rights"]),
    # -- EV policy said in other words
    ("ev-policy: fleet CO2 rules",
     "Ministers approved CO2 emission standards for light vehicles that require a 55% cut by 2030.",
     ["ev-policy"], []),
    ("ev-policy: fleet CO2 fines and pooling",
     "The carmaker faces fines for missing the EU's CO2 reduction targets and may pool its fleet with a rival.",
     ["ev-policy"], []),
    ("ev-policy: engine phase-out",
     "The government confirmed it will end the sale of new petrol and diesel cars in 2035.",
     ["ev-policy"], []),
    ("ev-policy: lobbying against a phase-out",
     "The automaker lobbied against the planned phase-out of combustion engines in Europe.",
     ["ev-policy"], []),
    ("ev-policy: lobbying on engines",
     "Industry groups lobbied hard against EU plans to phase out combustion engine cars.",
     ["ev-policy"], []),
    ("ev-policy: California's regulator",
     "The company sided with the administration in its fight against California's Air Resources Board.",
     ["ev-policy"], []),
    ("ev-policy: import taxes on EVs",
     "The bloc now levies high taxes on vehicles imported from China, and Brazil raised its import tax on electric cars.",
     ["ev-policy"], []),
    ("ev-policy: import taxes a sentence or two from the EVs",
     ("The carmaker wants to ship its electric SUVs to India. It will use a new scheme. The scheme cuts import duties "
      "for firms that promise to build a local plant."),
     ["ev-policy"], []),
    ("ev-policy: the IRA credit without its name",
     "Buyers of the crossover will no longer get the full $7,500 once its battery uses Chinese graphite.",
     ["ev-policy"], []),
    ("ev-policy: the IRA credit without its name",
     "From January the sedan will not qualify for the federal incentive because of where its cells are made.",
     ["ev-policy"], []),
    ("ev-policy: battery rules",
     "Carmakers are nervous about the upcoming EU battery regulation and its recycled content targets.",
     ["ev-policy"], []),
    ("ev-policy: green-car quotas",
     "The joint venture will build more plug-in models to meet China's green car quotas.",
     ["ev-policy"], []),
    ("ev-policy: a company's own targets",
     "The carmaker said it had met its own CO2 emissions targets for its factories a year early.",
     [], ["ev-policy"]),
    ("ev-policy: a smelter's emission limits",
     "The smelter was ordered to meet tighter government emissions standards for sulphur dioxide.",
     [], ["ev-policy"]),
    ("ev-policy: steel tariffs",
     "Washington doubled its tariffs on imported steel, hurting parts makers.",
     [], ["ev-policy"]),
    ("ev-policy: a company dropping petrol models",
     "The brand will phase out two petrol models next year and replace them with hybrids.",
     [], ["ev-policy"]),
    ("ev-policy: the IRA's drug prices",
     "The Inflation Reduction Act lets Medicare negotiate prescription drug prices.",
     [], ["ev-policy"]),
    # -- human-rights due diligence said in other words; and its words where it is absent
    ("due diligence: contracts and audits",
     "Direct suppliers are contractually required to meet the group's social standards, which it monitors via audits.",
     ["human-rights-due-diligence"], []),
    ("due diligence: requirements in contracts",
     "Its contracts oblige suppliers to meet sustainability requirements, and it audits high-risk suppliers each year.",
     ["human-rights-due-diligence"], []),
    ("due diligence: tracing minerals",
     "The pilot will trace cobalt from the mine to the cathode plant using blockchain.",
     ["human-rights-due-diligence"], []),
    ("due diligence: abuses laid at companies' doors",
     "Villagers were forcibly evicted to make way for the copper and cobalt mines. The report blames the mining companies.",
     ["human-rights-due-diligence"], []),
    ("due diligence: a reporting directive",
     "The carmaker will publish its climate data under the EU's Corporate Sustainability Reporting Directive.",
     [], ["human-rights-due-diligence"]),
    ("due diligence: an audit of a claim",
     "The recycled content claim in the battery passport is subject to third-party audit.",
     [], ["human-rights-due-diligence"]),
    ("due diligence: abuses described",
     "The diggers endure perilous working conditions, human rights abuses and poverty wages.",
     ["workers-rights"], ["human-rights-due-diligence"]),
    ("due diligence: child labour as background",
     "Most cobalt is mined in Congo, where production is rife with child labour and other human rights abuses.",
     ["workers-rights"], ["human-rights-due-diligence"]),
    ("due diligence: a buyer's financial checks",
     "The buyer has completed financial due diligence on the smelter acquisition.",
     [], ["human-rights-due-diligence"]),
    # -- green steel
    ("green steel: leaving coal",
     "The carmaker is moving away from coal-based steel and has signed offtake agreements with two new mills.",
     ["green-steel"], []),
    ("green steel: low-CO2 steel",
     "The automaker will raise its use of low-CO2 steel fivefold by 2025.",
     ["green-steel"], []),
    ("green steel: an idled blast furnace",
     "The steelmaker idled a blast furnace in Indiana as orders slumped.",
     [], ["green-steel"]),
    ("green steel: a steelmaker's earnings",
     "The steelmaker's quarterly profit fell as its electric arc furnace mills ran below capacity.",
     [], ["green-steel"]),
    ("green steel: the coalition alone",
     "The aluminium deal was signed under the First Movers Coalition.",
     [], ["green-steel"]),
    # -- supply-chain emissions
    ("supply-chain emissions: the value chain",
     "The group aims for full value chain carbon neutrality by 2039.",
     ["supply-chain-emissions"], []),
    ("supply-chain emissions: the product life cycle",
     "The goal is to cut CO2 emissions by 30% throughout the entire product life cycle.",
     ["supply-chain-emissions"], []),
    ("supply-chain emissions: suppliers audited",
     "All suppliers are audited on the group's code, which covers labour, the environment and CO2 emissions.",
     [], ["supply-chain-emissions"]),
    ("supply-chain emissions: a plant network",
     "The carmaker is shrinking its manufacturing footprint in Europe.",
     [], ["supply-chain-emissions"]),
    # -- renewable energy
    ("renewable energy: geothermal",
     "The plant in Kenya will run on geothermal power from a nearby field.",
     ["renewable-energy"], []),
    ("renewable energy: rooftop PV",
     "The parts park signed a contract for a distributed PV project on its factory roofs.",
     ["renewable-energy"], []),
    ("renewable energy: electricity rates",
     "Residents complained that electricity rates rose after the coal plant was sold.",
     [], ["renewable-energy"]),
    ("renewable energy: electricity rates beside the source",
     "Electricity rates in the province are among the lowest in North America because of its hydropower.",
     [], ["renewable-energy"]),
    ("renewable energy: hydropower for smelters",
     "Norwegian smelters run almost entirely on hydropower and sell their metal at a premium.",
     ["renewable-energy"], []),
    ("renewable energy: the clean energy transition",
     "Copper is the most essential metal in the clean energy transition, the miner said.",
     [], ["renewable-energy"]),
    ("renewable energy: panels in a product list",
     "The conglomerate makes solar panels, cars, trains and phone batteries.",
     [], ["renewable-energy"]),
    ("renewable energy: green energy vehicles",
     "The carmaker sold 270,000 green energy vehicles abroad last year.",
     [], ["renewable-energy"]),
    ("renewable energy: renewable resources",
     "The institute studies recycling and renewable resource utilization for power batteries.",
     [], ["renewable-energy"]),
    ("renewable energy: magnets for turbines",
     "Rare earth magnets are vital to wind turbines and electric motors.",
     ["transition-minerals"], ["renewable-energy"]),
    # -- transition minerals
    ("transition minerals: mining in general",
     "Villagers say the copper mine has polluted the river they depend on.",
     ["transition-minerals"], []),
    ("transition minerals: a miner named",
     "The mining giant reported record profits, and the mining industry welcomed the news.",
     [], ["transition-minerals"]),
    ("transition minerals: responsible mining in a cobalt story",
     "The trainings for artisanal cobalt miners in Kolwezi cover responsible mining practices.",
     ["cobalt"], ["transition-minerals"]),
    ("transition minerals: an iron ore miner",
     "Mining giant Vale shipped more iron ore in the quarter.",
     [], ["transition-minerals"]),
    ("transition minerals: recycling's critical materials",
     "Black mass contains valuable critical raw materials, and the recycler wants to recover critical minerals at home.",
     ["battery-recycling"], ["transition-minerals"]),
    # -- nickel, cobalt and lithium named where their supply is not the story
    ("metals: a company's name",
     "Zhejiang Huayou Cobalt will supply cathode precursor to the Korean battery maker.",
     [], ["nickel"]),
    ("metals: the same company in Indonesia",
     "Huayou is building an HPAL plant for nickel on Sulawesi.",
     ["nickel"], []),
    ("metals: recycled salts",
     "Closed-loop recycling refines used batteries into recycled salts of cobalt, nickel and lithium.",
     ["battery-recycling"], ["cobalt", "nickel", "lithium"]),
    ("metals: a cell chemistry",
     "The carmaker secured supply of manganese for nickel-manganese-cobalt chemistries from an Australian miner.",
     ["transition-minerals"], ["cobalt", "nickel"]),
    ("metals: extraction in other words",
     "Villagers fear losing their land to the extraction of nickel from their ancestral territory.",
     ["nickel", "indigenous-rights"], []),
    # -- lithium and water
    ("lithium-water: the mine's water two sentences on",
     ("Protesters oppose the open-pit lithium mine in the hills. The company's chief executive resigned. "
      "They fear the mining will use too much water in a region hit by drought."),
     ["lithium", "lithium-water"], []),
    ("lithium-water: a refinery's groundwater",
     "A lithium hydroxide refinery will open next year. Residents say groundwater near the factory is already scarce.",
     ["lithium"], ["lithium-water"]),
    # -- Indigenous rights
    ("indigenous: a people named",
     "Maya Q'eqchi' communities blocked the road to the nickel mine, saying they were never consulted.",
     ["indigenous-rights", "nickel"], []),
    ("indigenous: a standard's requirements",
     "The assurance standard requires free, prior and informed consent from Indigenous peoples.",
     [], ["indigenous-rights"]),
    ("indigenous: a certification's criteria",
     "The certification criteria cover biodiversity, water and Indigenous peoples' rights.",
     [], ["indigenous-rights"]),
    # -- battery recycling in other words
    ("battery recycling: waste batteries",
     "The carmaker will supply waste batteries from its EVs to a storage start-up.",
     ["battery-recycling"], []),
    ("battery recycling: a market's recovery",
     "Lithium prices staged a recovery as battery makers restocked.",
     ["lithium"], ["battery-recycling"]),
]


@pytest.mark.parametrize("name, text, present, absent", CASES, ids=[f"{n}: {t[:40]}" for n, t, *_ in CASES])
def test_topic_classes(tagger, name, text, present, absent):
    got = _topics(tagger, text)
    assert set(present) <= got, f"{name}: missing {sorted(set(present) - got)} in {sorted(got)}"
    assert not set(absent) & got, f"{name}: wrongly tagged {sorted(set(absent) & got)}"


def test_every_class_has_a_positive_and_a_negative():
    kinds: dict[str, set[str]] = {}
    for name, _, present, absent in CASES:
        kinds.setdefault(name.split(":")[0], set()).update(["+"] if present else [], ["-"] if absent else [])
    assert all(k == {"+", "-"} for k in kinds.values()), {n: k for n, k in kinds.items() if k != {"+", "-"}}


def test_windowed_pairs_weak_words_and_compound_context_load():
    topics = {t.id: t for t in load_taxonomy()}
    assert all(isinstance(p, Pair) and len(p) == 2 for t in topics.values() for p in t.pairs)
    assert any(p.window for p in topics["ev-policy"].pairs)
    assert "solar panels" in topics["renewable-energy"].weak and "solar panels" not in topics["renewable-energy"].terms
    assert "aquifer" in topics["lithium-water"].context and topics["lithium-water"].context_window == 2
    renewable = topics["renewable-energy"]
    assert "hydropower" in renewable.weak and "electricity rates" in renewable.unless("hydropower")
    assert renewable.unless("solar panels") == ()  # plain weak words answer to the topic's veto
    a, b = topics["ev-policy"].pairs[0]  # a pair still reads as two lists
    assert "tariffs" in a and "EVs" in b


def test_a_windowed_pair_reaches_only_as_far_as_its_window(tagger):
    near = "The firm builds electric cars. The government cut import duties last week."
    far = "The firm builds electric cars. It has 500 staff. It pays its bills. The government cut import duties."
    assert "ev-policy" in _topics(tagger, near)
    assert "ev-policy" not in _topics(tagger, far)
