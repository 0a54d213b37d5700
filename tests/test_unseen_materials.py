"""Classes of error in green-steel, aluminium and renewable-energy found on fresh real text.

Found on passages collected after the round-14 rules were written (kept outside the repository).
Each class has short texts of our own: the subject said in other words must be tagged, and the
topic's words used where its subject is absent must not be. Facts may be real; the sentences are
written for these tests. The rules are in nlp/data/topics.yaml.
"""

from __future__ import annotations

import pytest

from nlp import Tagger
from tests.helpers import assert_topics

# (class, text, topics that must be tagged, topics that must not be)
CASES = [
    # -- green steel: a steelmaker's output report names its electric arc furnace, but is no green-steel story
    ("green-steel: output report",
     "The mill's electric arc furnace ran at a 70% utilization rate, and output fell by 12% from a year earlier.",
     [], ["green-steel"]),
    ("green-steel: output report",
     "Shipments from the group's electric arc furnaces dropped 9% in the quarter as auto orders slowed.",
     [], ["green-steel"]),
    ("green-steel: the furnace switch still counts",
     "The steelmaker will replace its two blast furnaces with an electric arc furnace to cut emissions.",
     ["green-steel"], []),
    ("green-steel: rising output of the green product still counts",
     "Production of hydrogen-based steel rose sharply after the new direct reduction plant came online.",
     ["green-steel"], []),
    # -- aluminium: made with solar power, a branded low-carbon metal, the pure-play producers
    ("aluminium: solar aluminium",
     "The carmaker became the first buyer of solar aluminium from a smelter in the Gulf.",
     ["aluminium"], []),
    ("aluminium: branded low-carbon metal",
     "The deal for CelestiAL metal will cover half the casting plant's yearly needs.",
     ["aluminium"], []),
    ("aluminium: a producer named at its plants, without the metal",
     "Hongqiao moved several million tonnes of smelting capacity to the south-west for cheap hydropower.",
     ["aluminium", "renewable-energy"], []),
    ("aluminium: a producer named at its plants, without the metal",
     "Rusal said it would cut output at two of its Siberian plants.",
     ["aluminium"], []),
    ("aluminium: a producer named at its plants, without the metal",
     "Alcoa will restart two potlines at its smelter in Spain.",
     ["aluminium"], []),
    ("aluminium: a producer's results are not the topic",
     "Alcoa reported a third-quarter net loss as aluminium prices fell.",
     [], ["aluminium"]),
    ("aluminium: a producer's strategy talk is not the topic",
     "Alcoa is reshaping its portfolio around higher-margin businesses.",
     [], ["aluminium"]),
    ("aluminium: a recycled share of the metal in a car",
     "Around a quarter of the aluminium in the new model will be recycled.",
     ["aluminium"], []),
    ("aluminium: recycled cans are not the topic",
     "Aluminium beverage cans are recycled more often than plastic bottles.",
     [], ["aluminium"]),
    ("aluminium: recycled cans are not the topic",
     "Beverage cans made of aluminium are recycled at a rate of 70%.",
     [], ["aluminium"]),
    ("aluminium: metal got back from old batteries is not the topic",
     "The plant recovers lithium, nickel and aluminium from old batteries, and the aluminium is recycled.",
     [], ["aluminium"]),
    ("aluminium: cans are not the topic",
     "Drink cans made of aluminium are recycled at a rate of about 70% in the region.",
     [], ["aluminium"]),
    # -- renewable energy: power outages and utilities named Hydro
    ("renewable: outage at a utility named Hydro",
     "The storm left 40,000 customers of Hydro One without power for a day.",
     [], ["renewable-energy"]),
    ("renewable: outage at a utility named Hydro",
     "BC Hydro crews restored power to most homes after gusts brought down the lines.",
     [], ["renewable-energy"]),
    ("renewable: outage",
     "A storm caused a power outage at the assembly plant and halted the line for two shifts.",
     [], ["renewable-energy"]),
    ("renewable: a utility named Hydro still connects a wind farm",
     "Hydro One will connect the new wind farm that supplies the car plant.",
     ["renewable-energy"], []),
    ("renewable: hydropower still counts beside an outage elsewhere",
     "The smelter runs on hydropower, so it kept working even when the grid lost power elsewhere.",
     ["renewable-energy"], []),
    # -- renewable energy: making, selling or buying a solar business is not buying solar power
    ("renewable: cell and module factory capacity",
     "The new factory will have 10 GW of solar cell capacity and 6 GW of module capacity.",
     [], ["renewable-energy"]),
    ("renewable: selling solar systems",
     "The division sells and installs solar energy systems for homes and shops.",
     [], ["renewable-energy"]),
    ("renewable: a solar business acquired",
     "The carmaker acquired the installer in 2016 and added solar energy to its product range.",
     [], ["renewable-energy"]),
    ("renewable: a metal used in solar panels",
     "Aluminium frames are used for solar panels and window profiles.",
     [], ["renewable-energy"]),
    ("renewable: solar on the car itself",
     "The hatchback's solar roof can add up to 1,000 km of driving range a year.",
     [], ["renewable-energy"]),
    ("renewable: solar on the car itself",
     "Photovoltaic cells in the bonnet keep the car's battery charged while it is parked.",
     [], ["renewable-energy"]),
    ("renewable: solar on the car itself",
     "The carmaker offers a solar charging system as an option on its hybrid.",
     [], ["renewable-energy"]),
    ("renewable: a factory's panels and battery storage still count",
     "The factory's solar panels top up the plant's battery storage during the day.",
     ["renewable-energy"], []),
    ("renewable: capacity bought to power plants still counts",
     "The automaker signed a deal for 100 MW of solar capacity to power its assembly plants.",
     ["renewable-energy"], []),
    ("renewable: rooftop panels on car plants still count",
     "The company has installed solar panels on the roofs of its car plants.",
     ["renewable-energy"], []),
]


@pytest.mark.parametrize("label,text,wanted,unwanted", CASES, ids=[c[0] for c in CASES])
def test_unseen_materials_class(tagger: Tagger, label: str, text: str, wanted: list[str], unwanted: list[str]) -> None:
    assert_topics(tagger, label, text, wanted, unwanted)
