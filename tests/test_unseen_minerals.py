"""Classes of nickel, cobalt and transition-minerals errors found on fresh real passages nobody
had tuned on (issue 15). Each class has short texts of our own: the subject said in other words
must be tagged, and the words used where the subject is absent must not be. The texts are written
for these tests; the facts may be real. The rules are in nlp/data/topics.yaml (nickel, cobalt,
transition-minerals blocks).
"""

from __future__ import annotations

import pytest

from tests.helpers import assert_topics

# (class, text, topics that must be tagged, topics that must not be)
CASES = [
    # -- a nickel site known by its full company name: a supplier's name proves no topic unless the
    #    taxonomy lists it, so "Weda Bay Nickel" hid the "Weda Bay" it contains
    ("nickel: Weda Bay by its company name",
     "Villagers say the Weda Bay Nickel concession has swallowed the forest their families hunted in.",
     ["nickel"], []),
    ("nickel: Morowali park by its full name",
     "Thousands of workers at the Indonesia Morowali Industrial Park walked out after a furnace blast.",
     ["nickel"], []),
    ("nickel: Weda Bay park by its full name",
     "Coal plants feeding the Indonesia Weda Bay Industrial Park have grown faster than the grid.",
     ["nickel"], []),
    ("nickel: PT Vale Indonesia",
     "PT Vale Indonesia agreed to let a Chinese partner build a second processing line.",
     ["nickel"], []),
    ("nickel: BHP's nickel division",
     "BHP said Nickel West would be placed in care and maintenance from October.",
     ["nickel"], []),
    # -- a price in a market report is not a mining or supply story; a price tied to supply still is
    ("markets: copper futures report",
     "Copper futures slipped 1% in Shanghai as weak demand from wire makers weighed on prices.",
     [], ["transition-minerals"]),
    ("markets: copper weekly move",
     "Copper prices were heading for a second weekly gain on hopes of more stimulus in China.",
     [], ["transition-minerals"]),
    ("markets: copper N-month high",
     "Copper prices touched a six-month high on Tuesday before easing in late trade.",
     [], ["transition-minerals"]),
    ("markets: nickel futures report",
     "Nickel futures fell as rising Indonesian supply pushed prices toward $16,000 a tonne.",
     [], ["nickel"]),
    ("markets: cobalt futures report",
     "Cobalt futures on the Comex headed for a second weekly decline as buying dried up.",
     [], ["cobalt"]),
    ("markets: copper price from mine supply (kept)",
     "Copper prices rose after a landslide halted output at one of Chile's largest mines.",
     ["transition-minerals"], []),
    ("markets: nickel price from Indonesian supply (kept)",
     "Nickel prices have sunk as a flood of Indonesian supply pushes producers in Australia to close mines.",
     ["nickel"], []),
    ("markets: cobalt price after the export ban (kept)",
     "Cobalt prices doubled after Congo halted exports of the metal for four months.",
     ["cobalt"], []),
    # -- copper taken by thieves is not copper mining
    ("theft: copper cable at chargers",
     "Thieves cut the charging cables at six stations overnight, after the copper inside them.",
     [], ["transition-minerals"]),
    ("theft: copper price as the motive",
     "Police say the thefts of copper from rail lines rise whenever copper prices climb.",
     [], ["transition-minerals"]),
    ("theft: copper wiring",
     "The vandals stripped the copper wiring from the street lights along the ring road.",
     [], ["transition-minerals"]),
    # -- a product made without a mineral, like "cobalt-free" chemistry
    ("free-of claims: rare-earth-free motor",
     "The startup says its rare-earth-free motor matches the torque of magnet motors.",
     [], ["transition-minerals"]),
    ("free-of claims: without any rare earths",
     "The carmaker's next drive unit will be built without any rare earth magnets at all.",
     [], ["transition-minerals"]),
    ("free-of claims: eliminating rare earths",
     "Engineers spent four years eliminating rare earths from the rotor design.",
     [], ["transition-minerals"]),
    ("free-of claims: rare earth supply still counts",
     "Automakers warned that China's curbs on rare earth magnets could halt assembly lines within weeks.",
     ["transition-minerals"], []),
    ("free-of claims: nickel-free jewellery",
     "The shop sells only nickel-free earrings for customers with sensitive skin.",
     [], ["nickel"]),
    ("allergy: nickel allergies",
     "Dermatologists see more nickel allergies every year as cheap jewellery spreads.",
     [], ["nickel"]),
    # -- things named Cobalt
    ("names: Cobalt the airline",
     "The Cypriot airline Cobalt failed to secure new funding and grounded its fleet.",
     [], ["cobalt"]),
    ("names: Cobalt Strike",
     "The ransomware gang bought cracked copies of Cobalt Strike to move through the network.",
     [], ["cobalt"]),
    ("names: cobalt supply deal still counts",
     "The carmaker secured cobalt from an Australian miner for its battery cathodes.",
     ["cobalt"], []),
    ("names: Manganese Bronze the cab maker",
     "Manganese Bronze blamed supply problems with a new steering part for its losses.",
     [], ["transition-minerals"]),
    # -- "critical mineral" said of lithium, nickel or cobalt: that topic takes the sentence
    ("critical minerals: cobalt called a critical metal",
     "Diggers sold the cobalt, a critical metal for phone and car batteries, to traders at the depot.",
     ["cobalt"], ["transition-minerals"]),
    ("critical minerals: nickel called a critical mineral",
     "Indonesia wants to refine more of its nickel, a critical mineral for batteries, at home.",
     ["nickel"], ["transition-minerals"]),
    ("critical minerals: still counts on their own",
     "The two governments signed a critical minerals pact to cut reliance on Chinese processing.",
     ["transition-minerals"], []),
    ("critical minerals: still counts for graphite",
     "Beijing added graphite to its list of critical minerals subject to export licences.",
     ["transition-minerals"], []),
    # -- the coin
    ("coin: nickel in the five-cent coin",
     "The Mint changed the coin's alloy in 1942 to save nickel needed to produce armour.",
     [], ["nickel", "transition-minerals"]),
    ("coin: copper in coins",
     "Copper coins were withdrawn because the metal in them was worth more than their face value.",
     [], ["transition-minerals"]),
    # -- mining impacts said as harm to the environment
    ("impacts: mining's effect on the environment",
     "Residents say the mining of the island's tin has devastated their fishing grounds.",
     ["transition-minerals"], []),
    ("impacts: mining and environmental damage",
     "The court suspended the mine's licence over environmental damage to the river valley.",
     ["transition-minerals"], []),
]


@pytest.mark.parametrize("name,text,want,unwanted", CASES, ids=[c[0] for c in CASES])
def test_minerals_classes(tagger, name, text, want, unwanted):
    assert_topics(tagger, name, text, want, unwanted)
