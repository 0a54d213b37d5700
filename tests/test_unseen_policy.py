"""Classes of EV-policy, supply-chain-emissions and battery-recycling errors found on fresh real text.

Issue 15: passages nobody had tuned on (collected outside the repository) showed these classes. The
texts below are our own sentences written for the tests; the facts may be real. Each class has a
text that must be tagged and one where the same words appear without the subject. The rules that
decide them are in nlp/data/topics.yaml (blocks ev-policy and supply-chain-emissions).
"""

from __future__ import annotations

import pytest

from tests.helpers import assert_topics

# (class, text, topics that must be tagged, topics that must not be)
CASES = [
    # -- the IRA's foreign-entity rule in the plural
    ("ev-policy: foreign entities of concern",
     "The carmaker told lawmakers that none of the suppliers for its new cell plant are foreign entities of concern.",
     ["ev-policy"], []),
    ("ev-policy: foreign entities of concern",
     "Senators asked the company to explain its licensing deal with the Chinese battery maker.",
     [], ["ev-policy"]),
    # -- a credit's amount or eligibility: the EV credit beside the cars, not child tax credits or farm aid
    ("ev-policy: credit eligibility beside the cars",
     "Only electric cars that score at least 60 points will be eligible for the aid, the ministry said.",
     ["ev-policy"], []),
    ("ev-policy: credit eligibility beside the cars",
     "Its pickup no longer qualifies for the full credit. Buyers who lease it can still get a discount.",
     ["ev-policy"], []),
    ("ev-policy: credit eligibility beside the cars",
     "To qualify for the full credit, parents need a Social Security number for every child they claim.",
     [], ["ev-policy"]),
    ("ev-policy: credit eligibility beside the cars",
     "Corn growers whose income stays under the cap remain eligible for the subsidy next season.",
     [], ["ev-policy"]),
    ("ev-policy: credit eligibility beside the cars",
     "Each worker at the plant will receive a $7,500 ratification bonus once the contract is signed.",
     [], ["ev-policy"]),
    # -- the Inflation Reduction Act: EV policy beside cars, batteries or their minerals; not its drug, health or home-energy parts
    ("ev-policy: the IRA beside the cars",
     "The Inflation Reduction Act has pulled a wave of battery plants into Georgia and Tennessee.",
     ["ev-policy"], []),
    ("ev-policy: the IRA beside the cars",
     "The Inflation Reduction Act was the largest climate bill in the country's history. It also capped what seniors pay for insulin.",
     [], ["ev-policy"]),
    ("ev-policy: the IRA beside the cars",
     "Homeowners can use the IRA's incentives for heat pumps, insulation and new windows.",
     [], ["ev-policy"]),
    # -- import-duty relief said as a "duty break" or "reduced duty", for the EVs of a sentence nearby
    ("ev-policy: duty breaks for EV makers",
     "EV makers that promise a local factory may bring in 8,000 cars a year. Firms that use the duty break must source half their parts locally within five years.",
     ["ev-policy"], []),
    ("ev-policy: duty breaks for EV makers",
     "The distillery won a duty break on its whisky exports to India.",
     [], ["ev-policy"]),
    # -- CO2 pooling without the words "pool its emissions"
    ("ev-policy: pooling in other words",
     "Carmakers can pool together under the rules. One that beats its emissions target can carry another that misses.",
     ["ev-policy"], []),
    ("ev-policy: pooling in other words",
     "The resort added an outdoor pool together with a spa. Guests may offset their flight emissions for a fee.",
     [], ["ev-policy"]),
    # -- sales mandates written with "zero emissions" and standards by their names
    ("ev-policy: zero emissions mandates",
     "The regulation requires that a fifth of new light-duty vehicles sold next year be zero emissions vehicles.",
     ["ev-policy"], []),
    ("ev-policy: zero emissions mandates",
     "Ottawa paused the Electric Vehicle Availability Standard for one model year.",
     ["ev-policy"], []),
    ("ev-policy: zero emissions mandates",
     "The utility's new law office will advise on its plan to reach net zero emissions by 2050.",
     [], ["ev-policy"]),
    # -- "EV tariffs" are also home electricity tariffs for charging at night
    ("ev-policy: EV tariffs for charging",
     "Brussels slapped EV tariffs of up to 35% on cars shipped from Chinese plants.",
     ["ev-policy"], []),
    ("ev-policy: EV tariffs for charging",
     "Several energy suppliers now sell EV tariffs with a cheap off-peak unit rate between midnight and 5am.",
     [], ["ev-policy"]),
    # -- other names for the cars: e-car, electrical vehicle, BEV
    ("ev-policy: other names for the cars",
     "The e-car subsidy will close to new applications at midnight, the ministry said.",
     ["ev-policy"], []),
    ("ev-policy: other names for the cars",
     "Berlin also raised its subsidy for rail freight, the ministry said.",
     [], ["ev-policy"]),
    # -- duties on cars shipped as knocked-down kits
    ("ev-policy: knocked-down kits",
     "The trade chamber brought forward higher duties on SKD and CKD kits that the Chinese carmaker assembles locally.",
     ["ev-policy"], []),
    ("ev-policy: knocked-down kits",
     "The plant assembles CKD kits shipped from its parent's factory in Anhui.",
     [], ["ev-policy"]),
    # -- rules "on vehicle emissions" (the standard named the other way round)
    ("ev-policy: rules on vehicle emissions",
     "The agency issued its final rule on vehicle emissions for model years 2027 to 2032.",
     ["ev-policy"], []),
    ("ev-policy: rules on vehicle emissions",
     "The agency issued its final rule on power plant emissions on Thursday.",
     [], ["ev-policy"]),
    # -- the footprint of production is embodied emissions when its battery or materials are named
    ("supply-chain-emissions: footprint of production",
     "The bonus now weighs the carbon footprint of production, counting the battery cells and the steel that go into each car.",
     ["supply-chain-emissions"], []),
    ("supply-chain-emissions: footprint of production",
     "The plant cut the carbon footprint of production by buying wind power for its paint shop.",
     [], ["supply-chain-emissions"]),
    # -- a disrupted supply chain beside a company's own climate goal
    ("supply-chain-emissions: supply chain disruption",
     "Supply chain disruptions hit output this quarter, but the automaker kept its net zero goal for its own plants.",
     [], ["supply-chain-emissions"]),
    ("supply-chain-emissions: supply chain disruption",
     "The automaker wants its supply chain to be net zero by 2040 and has asked its suppliers for reduction plans.",
     ["supply-chain-emissions"], []),
    # -- battery recycling held on fresh text; household disposal tips and can recycling stay out
    ("battery-recycling: fresh text",
     "The joint venture will shred scrap from the gigafactories and turn it into black mass for new cathodes.",
     ["battery-recycling"], []),
    ("battery-recycling: fresh text",
     "Tape the ends of a dead battery and keep it in a jar until the next hazardous waste day.",
     [], ["battery-recycling"]),
    ("battery-recycling: fresh text",
     "States with a deposit law recycle far more of their drink cans and plastic bottles.",
     [], ["battery-recycling"]),
]


@pytest.mark.parametrize("name, text, present, absent", CASES, ids=[f"{n}: {t[:40]}" for n, t, *_ in CASES])
def test_unseen_policy_classes(tagger, name, text, present, absent):
    assert_topics(tagger, name, text, present, absent)


def test_every_class_has_a_positive_and_a_negative():
    kinds: dict[str, set[str]] = {}
    for name, _, present, absent in CASES:
        kinds.setdefault(name, set()).update(["+"] if present else [], ["-"] if absent else [])
    assert all(k == {"+", "-"} for k in kinds.values()), {n: k for n, k in kinds.items() if k != {"+", "-"}}
