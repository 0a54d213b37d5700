"""Lithium, lithium and water, and deep-sea mining on fresh real text (issue 15).

Classes of error found on 54 fresh real passages (not in ../shared's set) about lithium supply,
lithium's water use and seabed mining, with about a third traps. Every text here is written for
these tests; the facts may be real. See nlp/data/topics.yaml for the rules that decide them.
"""

from __future__ import annotations

import pytest

from tests.helpers import assert_topics

# (class, text, topics that must be tagged, topics that must not be)
CASES = [
    # -- lithium and water: the mine's water, not water as a benefit paid for by lithium money
    ("lithium-water: water works among a lithium deal's benefits",
     "The lithium carbonate plants will bring jobs, and the royalties will fund clinics, schools, "
     "water networks and roads across the province, officials said of the projects.",
     ["lithium"], ["lithium-water"]),
    ("lithium-water: water works among a lithium deal's benefits",
     "Local projects such as a new hospital and water mains will be paid for by the lithium contract.",
     ["lithium"], ["lithium-water"]),
    ("lithium-water: the extraction's water consumption",
     "Most of the country's lithium is sourced abroad, by processes consuming large amounts of water. "
     "The Nevada company says its plant will recycle most of what it uses.",
     ["lithium", "lithium-water"], []),
    ("lithium-water: a lithium project drawing a river",
     "Farmers fear the lithium project would draw water from the river that irrigates their orchards.",
     ["lithium", "lithium-water"], []),
    ("lithium-water: a water-intensive lithium mine",
     "Critics call the planned lithium mine water-intensive in a valley already short of rain.",
     ["lithium", "lithium-water"], []),
    ("lithium-water: lithium in tap water is medicine, not extraction",
     "Towns with more lithium in their tap water had fewer suicides, a new study of drinking water found.",
     [], ["lithium", "lithium-water"]),
    # -- Albemarle the lithium producer, not the Virginia county, its schools or the Sound
    ("lithium: Albemarle County",
     "The Albemarle County school board voted to build a new elementary school near Charlottesville.",
     [], ["lithium"]),
    ("lithium: Albemarle schools in sport",
     "Western Albemarle beat Albemarle High 21-14 in Friday night's game.",
     [], ["lithium"]),
    ("lithium: Albemarle Sound",
     "Strong winds pushed water from the Albemarle Sound over the causeway on Tuesday.",
     [], ["lithium"]),
    ("lithium: Albemarle the producer",
     "Albemarle will supply the carmaker with battery-grade hydroxide from 2026.",
     ["lithium"], []),
    ("lithium: Albemarle the producer",
     "Shares of Albemarle fell 6% after the miner cut its outlook.",
     ["lithium"], []),
    # -- lithium that is no mining: medicine, the battery as a product, recycled metal
    ("lithium: the medicine",
     "Her psychiatrist prescribed lithium to keep the mood swings of her bipolar disorder in check.",
     [], ["lithium"]),
    ("lithium: the battery as a product",
     "A lithium-ion battery in an e-scooter caught fire in the hallway of the flat overnight.",
     [], ["lithium"]),
    ("lithium: a cathode chemistry",
     "The start-up's lithium-rich cathode will be supplied to a European carmaker from 2027.",
     [], ["lithium"]),
    ("lithium: a cathode chemistry",
     "The cells use a lithium manganese oxide cathode, which the supplier says costs less.",
     [], ["lithium"]),
    ("lithium: lithium-rich brine is still lithium",
     "The oil major drilled its first well into the lithium-rich brine of the Smackover formation.",
     ["lithium"], []),
    ("lithium: recovered by a recycler",
     "The recycler recovers lithium, nickel and cobalt from the black mass of shredded packs.",
     ["battery-recycling"], ["lithium", "nickel", "cobalt"]),
    # -- deep-sea mining: the Clarion-Clipperton Zone and GSR only beside mining words
    ("deep-sea: biologists in the Clarion-Clipperton Zone",
     "A research cruise to the Clarion-Clipperton Zone found sea cucumbers and sponges new to science.",
     [], ["deep-sea-mining"]),
    ("deep-sea: London's congestion charge zone",
     "Drivers entering the CCZ in central London pay a daily charge on weekdays.",
     [], ["deep-sea-mining"]),
    ("deep-sea: a Lancer trim",
     "The Lancer Evolution GSR had a five-speed manual, the MR a twin-clutch gearbox.",
     [], ["deep-sea-mining"]),
    ("deep-sea: the zone beside mining words",
     "Companies hope to mine nodules rich in nickel and cobalt in the Clarion-Clipperton Zone.",
     ["deep-sea-mining"], []),
    ("deep-sea: the contractor beside its collector",
     "GSR tested its nodule collector for two weeks in the CCZ.",
     ["deep-sea-mining"], []),
    ("deep-sea: the zone's contracts",
     "Most of the ISA's exploration contracts are in the CCZ.",
     ["deep-sea-mining"], []),
    # -- the seabed's other business
    ("deep-sea: a naval mine",
     "Navy divers removed a sea mine from the seabed near the harbour entrance.",
     [], ["deep-sea-mining"]),
    ("deep-sea: fishing licences",
     "The ministry issued new deep-sea fishing licences to forty trawlers.",
     [], ["deep-sea-mining"]),
    ("deep-sea: offshore wind leases",
     "The agency awarded seabed licences for four offshore wind projects.",
     [], ["deep-sea-mining"]),
    ("deep-sea: CO2 storage licences under the seabed",
     "The regulator granted licences to store carbon dioxide in sandstone under the seabed.",
     [], ["deep-sea-mining"]),
    ("deep-sea: dredging sand from the seabed",
     "The dredging contractor holds licences to take sand and gravel from the seabed off the coast.",
     [], ["deep-sea-mining"]),
    ("deep-sea: the ISA's contractors still count",
     "Twenty-two contractors hold ISA licences to explore for nodules.",
     ["deep-sea-mining"], []),
    ("deep-sea: a cable contractor",
     "The contractor buried the power cable two metres into the seabed.",
     [], ["deep-sea-mining"]),
    ("deep-sea: a wreck's metals",
     "Salvage divers brought up metals and coins from the sea floor around the wreck.",
     [], ["deep-sea-mining"]),
    ("deep-sea: an ISA that is a savings account",
     "Savers can hold gold miners and precious metals funds in a stocks and shares ISA.",
     [], ["deep-sea-mining"]),
    ("deep-sea: the Authority's council",
     "The ISA council again failed to agree on the mining code, delegates said.",
     ["deep-sea-mining"], []),
    ("deep-sea: mining the seabed still holds",
     "Fishing groups and scientists urged the government not to open the seabed to mining.",
     ["deep-sea-mining"], []),
]


@pytest.mark.parametrize("name,text,must,must_not", CASES, ids=[c[0] for c in CASES])
def test_unseen_lithium_classes(tagger, name, text, must, must_not):
    assert_topics(tagger, name, text, must, must_not)
