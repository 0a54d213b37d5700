"""Automaker namesakes (issue 15, part 4): each class of false tag or miss found on real published
passages, with its trap and, next to it, the true use that must still be tagged. The sentences
are written for these tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from nlp import Tagger, tag
from nlp.registry import load_registry


def ids(text: str, title: str | None = None) -> list[str]:
    return sorted(tag(text, title).automaker_ids())


# -- "who" after a list of carmakers is said of them all, not of a person -----------------------

@pytest.mark.parametrize("text, automakers", [
    ("Stellantis is among automakers such as General Motors and Tesla who are racing to secure lithium.",
     ["gm", "stellantis", "tesla"]),
    ("Carmakers like Ford who build their own batteries need more nickel.", ["ford"]),
    # a person: "Ford, who" on its own, or after a clause's comma
    ("Ford, who founded the first moving assembly line, was born in 1863.", []),
    ("Back in Detroit, Ford, who had left the Edison company, built his first car.", []),
])
def test_who_after_a_list_of_carmakers(text, automakers):
    assert ids(text) == automakers


# -- GM: a general manager or a chess title, not General Motors ---------------------------------

@pytest.mark.parametrize("text, automakers", [
    ("The Rangers hired Dana Whitfield as GM in 2019, and she rebuilt the roster in two seasons.", []),
    ("After the coach quit, the club started looking for a new GM.", []),
    ("The team's GM declined to comment on the trade rumours.", []),
    ("The resort's GM, who joined from a hotel in Maui, starts in March.", []),
    ("She was promoted to assistant GM of the franchise last year.", []),
    ("He has been GM since 2021 and runs a staff of 140.", []),
    ("To earn the title a player needs three GM norms at international events.", []),
    ("Genetically modified (GM) maize covers a third of the province's farmland.", []),
    ("A player is awarded the title of Grandmaster (GM) after three norms.", []),
    ("General Motors (GM) will build the trucks in Michigan.", ["gm"]),
    # the company
    ("GM will build a second battery plant in Tennessee with LG.", ["gm"]),
    ("Carmakers such as GM have slowed their electric launches.", ["gm"]),
    ("Rivals such as GM and Toyota cut their prices in May.", ["gm", "toyota"]),
    ("General Motors (GM) said it would recall 30,000 pickups.", ["gm"]),
    ("New GM emerged from bankruptcy in 2009 with fewer brands.", ["gm"]),
])
def test_gm_the_job_title(text, automakers):
    assert ids(text) == automakers


# -- Chevy: a nickname -------------------------------------------------------------------------

@pytest.mark.parametrize("text, automakers", [
    ("Chevy, as his bandmates call him, wrote most of the new album.", []),
    ('Linebacker Andre "Chevy" Mitchell made nine tackles on Sunday.', []),
    ("Chevy dealers say the new Equinox is selling faster than expected.", ["gm"]),
    ("A Chevy pickup topped the used-car chart in Texas.", ["gm"]),
])
def test_chevy_the_nickname(text, automakers):
    assert ids(text) == automakers


# -- Tesla: the unit and the inventor ------------------------------------------------------------

@pytest.mark.parametrize("text, automakers", [
    ("The hospital's new scanner runs at 3 Tesla, twice the field of its old 1.5 Tesla machine.", []),
    ("A 7-Tesla research magnet was installed in the basement lab.", []),
    ("Magnetic flux density is measured in Tesla (T), named after the inventor.", []),
    (("Nikola Tesla arrived in New York in 1884. Tesla designed and built the first alternating-current "
      "induction motor a few years later."), []),
    ("In 1891 Tesla patented the resonant transformer that bears his name.", []),
    ("The inventor Tesla spent his last years in a New York hotel room.", []),
    # the carmaker
    ("The airport taxi firm bought 40 Tesla cars for its fleet.", ["tesla"]),
    ("In 2024 Tesla delivered 1.8 million vehicles.", ["tesla"]),
    ("By 2030 Tesla wants its Nevada refinery to supply half of its lithium.", ["tesla"]),
    ("Tesla, named after the inventor Nikola Tesla, built its first Roadster in 2008.", ["tesla"]),
])
def test_tesla_the_unit_and_the_inventor(text, automakers):
    assert ids(text) == automakers


# -- Volvo: the truck, bus and equipment group ---------------------------------------------------

@pytest.mark.parametrize("text, automakers", [
    ("Volvo Group posted record profits. Volvo said demand in Europe stayed firm.", []),
    ("The Volvo brands delivered 1,442 electric trucks in the first quarter.", []),
    ("Both the Volvo FE and the Volvo FL now come with a larger battery pack.", []),
    ("Volvo will deliver 120 electric buses to the Gothenburg transit authority.", []),
    ("Volvo Buses won its largest order. The buses will run in Gothenburg, Volvo said.", []),
    # Volvo Cars
    (("Volvo will only sell fully electric models from 2030; its former sister company Volvo Penta "
      "makes boat engines."), ["volvo-cars"]),
    ("Volvo Group sells trucks and Volvo Cars sells the EX30. Volvo said its order book was full.",
     ["volvo-cars"]),
    ("Volvo will build its electric SUVs in Ghent from next year.", ["volvo-cars"]),
])
def test_volvo_the_truck_group(text, automakers):
    assert ids(text) == automakers


# -- conglomerates: Hyundai, Tata, Nissan, Mitsubishi, Daimler sister companies --------------------

@pytest.mark.parametrize("text, automakers", [
    ("The LNG carriers will be built at Hyundai Samho Heavy Industries in Yeongam.", []),
    ("Hyundai Mipo Dockyard delivered two chemical tankers to a Greek owner.", []),
    ("Hyundai Engineering won a contract for a power station in Iraq.", []),
    (("Hyundai Steel will build an arc furnace in Louisiana. Hyundai said the mill would cut "
      "emissions by 70%."), []),
    (("Tata Steel will replace the blast furnaces at Port Talbot. Tata said the electric arc furnace "
      "would cut the site's emissions by 85%."), []),
    ("Tata said the new arc furnace at Port Talbot would run on grid power.", []),
    ("Tata Power will build a 300 MW solar farm in Rajasthan.", []),
    ("Nissan Chemical raised its herbicide sales forecast.", []),
    ("Mitsubishi Electric said profit attributable to Mitsubishi fell 13%.", []),
    # the carmakers, named beside them
    ("Hyundai Steel will supply low-carbon sheet to Hyundai's new SUV plant in Georgia.", ["hyundai"]),
    ("Hyundai Steel will supply Hyundai Motor and Kia from 2026.", ["hyundai", "kia"]),
    ("Tata Steel supplies Tata Motors, whose Nexon EV is India's best-selling electric car.", ["tata"]),
    ("Tata will build the electric Sierra at its Sanand car plant.", ["tata"]),
    ("Hyundai will open its Georgia plant in October.", ["hyundai"]),
    ("Hyundai Trucks will sell hydrogen lorries in Switzerland.", ["hyundai"]),  # its own trucks
    ("Tata Trucks delivered 500 electric buses to Delhi.", ["tata"]),
])
def test_conglomerate_sister_companies(text, automakers):
    assert ids(text) == automakers


def test_the_first_sense_of_a_bare_name_wins():
    # used for the carmaker first, the bare name goes on meaning it after the sister company...
    [hyundai] = tag("Hyundai's chief executive said battery costs had fallen. Hyundai Steel will supply its "
                    "plants. Hyundai said its sales rose 7%.").automakers
    assert hyundai.id == "hyundai" and hyundai.mentions == 2
    # ...but named first for the sister company, it means the sister company, in the title too
    assert ids("Hyundai Steel will build an arc furnace in Louisiana. Hyundai said it would cost $5.8bn.",
               title="Hyundai picks Louisiana for its new mill") == []
    # and a person stays a person: "Ford estimates" is her again
    [ford] = tag("Ford said its battery plant would open. Eleanor Ford, an analyst, doubts it. "
                 "Ford estimates that scrap will come from cell plants.").automakers
    assert ford.mentions == 1


# -- Daimler: the carmaker before 2022, not Daimler Truck ----------------------------------------

@pytest.mark.parametrize("text, automakers", [
    ("Daimler said in 2019 that it would cut 10,000 jobs to pay for its electric cars.", ["mercedes-benz"]),
    ("The strike closed the Daimler-Chrysler, Toyota and Nissan plants in South Africa.",
     ["mercedes-benz", "nissan", "stellantis", "toyota"]),
    ("DaimlerChrysler reported a loss for its US business.", ["mercedes-benz"]),
    ("Daimler Truck will build hydrogen trucks in Wörth.", []),
    ("Daimler Buses delivered 50 electric coaches to Hamburg.", []),
    ("Daimler sold 500,000 trucks last year, the truck maker said.", []),
    ("Gottlieb Daimler built his motor carriage in 1886.", []),
])
def test_daimler_the_former_carmaker(text, automakers):
    assert ids(text) == automakers


# -- Peugeot: pepper mills -----------------------------------------------------------------------

@pytest.mark.parametrize("text, automakers", [
    ("Peugeot pepper mills have been made in the Doubs region since 1874.", []),
    ("Her kitchen drawer holds a Peugeot salt mill and two knives.", []),
    ("Robert Peugeot chairs the family holding company.", []),
    ("Peugeot will build the electric e-3008 in Sochaux.", ["stellantis"]),
])
def test_peugeot_the_pepper_mill(text, automakers):
    assert ids(text) == automakers


# -- Lincoln: the town ---------------------------------------------------------------------------

@pytest.mark.parametrize("text, automakers", [
    ("The battery recycler will open a plant in Lincoln, Nebraska, next spring.", []),
    ("LINCOLN, Neb. (AP) — State senators voted on Tuesday to fund a battery plant.", []),
    ("She grew up in Lincoln, Neb., and moved to Omaha. Lincoln's mayor welcomed the battery plant.", []),
    ("The plant near Lincoln, Ill., makes charging cables.", []),
    ("Cadillac, Michigan, sits on the shore of Lake Cadillac.", []),
    ("Mitchell Street will be closed on Saturday as downtown Cadillac hosts its summer block party.", []),
    ("The Lincoln Navigator and the Ford Explorer are built in Kentucky and Chicago.", ["ford"]),
    ("Lincoln will launch its first electric SUV next year.", ["ford"]),
])
def test_lincoln_the_town(text, automakers):
    assert ids(text) == automakers


# -- KIA: capitals in a table, not killed in action ----------------------------------------------

@pytest.mark.parametrize("text, automakers", [
    ("Brand   Units\nHYUNDAI   60,112\nKIA   45,380\n", ["hyundai", "kia"]),
    ("KIA   45,380", ["kia"]),
    ("Two soldiers were listed as KIA after the ambush near the border.", []),
    ("The Kachin Independence Army (KIA) took the mines in 2024. Traders said the KIA taxed every truck.", []),
    ("Kia ora, and welcome to the show.", []),
])
def test_kia_in_capitals(text, automakers):
    assert ids(text) == automakers


def test_exact_case_names_match_in_capitals_with_their_own_rules():
    assert ids("HONDA RECALLS 300,000 CARS OVER FUEL PUMPS") == ["honda"]
    assert ids("LINCOLN, Neb. — The council met on Monday.") == []  # the capitals keep not_after
    assert ids("The car's infotainment unit has 8GB of RAM.") == []  # Ram has no capitals twin
    forms = load_registry().forms
    assert sum(f.text == "KIA" for f in forms) == 1  # listed, so no twin of "Kia"
    honda = {f.text: f for f in forms if f.automaker == "honda"}
    assert honda["HONDA"].not_before == honda["Honda"].not_before and honda["HONDA"].surname


# -- people named Ford, Honda...: titles, initials, ages --------------------------------------------

@pytest.mark.parametrize("text, automakers", [
    (("Acme Cells named Renee Ford its chief operating officer. Ford said the plant would supply "
      "cells for electric cars."), []),
    ("COO Renee Ford said the cathode plant would double its output.", []),
    ("COO Ford said the cathode plant would double its output.", []),
    ("Ms. Ford said the battery plant was on schedule.", []),
    ("Renee J. Ford, the COO, said the cell plant was full.", []),
    ("Mr. Honda said the car plant would close.", []),
    ("Honda, 32, has won 98 caps for Japan. Honda scored twice in the final.", []),
    ("Ford said its Kentucky battery plant would open in 2026.", ["ford"]),
    ("He thanked his coach. Ford said its battery plant would open in May.", ["ford"]),  # no title
    ('The "Tesla" Model Y sold well in Norway.', ["tesla"]),  # no nickname
])
def test_people_named_like_automakers(text, automakers):
    assert ids(text) == automakers


@pytest.mark.parametrize("text, automakers", [
    # a carmaker named after its founder: the founder is a person, his other firms namesakes
    ("Ferruccio Lamborghini sold farm machines for twenty years before he built a car.", []),
    ("Alfieri Maserati opened a workshop in Bologna in 1914.", []),
    ("André Citroën ran an arms factory during the war.", []),
    ("In 1862 Adam Opel began making sewing machines in Rüsselsheim.", []),
    # the carmakers
    ("Lamborghini will build its first electric supercar in Sant'Agata.", ["volkswagen"]),
    ("Maserati cut shifts at its Modena car plant.", ["stellantis"]),
    ("Opel will sell only electric cars in Europe from 2028.", ["stellantis"]),
])
def test_founders_of_carmakers_named_after_them(text, automakers):
    assert ids(text) == automakers


def test_a_person_named_ford_adds_nothing_to_fords_salience():
    lead = "Ford Motor will buy cells from Acme Cells for its electric pickups.\n\n"
    with_person = tag(lead + "Acme's COO, Renee Ford, said the contract ran to 2030. Ford added that "
                             "the cells would come from Ohio.")
    without = tag(lead + "Acme's COO said the contract ran to 2030. She added that the cells would "
                         "come from Ohio.")
    [a], [b] = with_person.automakers, without.automakers
    assert a.id == b.id == "ford"
    assert a.mentions == b.mentions == 1 and a.salience == b.salience


# -- the rules hold across the pieces of a long text and in pipe ---------------------------------

def test_long_texts_and_pipe_decide_namesakes_as_one_text():
    paragraphs = [
        "Kia will build electric vans in Hwaseong, the carmaker said.",
        "Tata Steel will replace the blast furnaces at Port Talbot with an arc furnace.",
        "A paragraph about the weather in Wales. " * 6,
        "Tata said the new furnace would cut the site's emissions by 85%.",
        "Volvo Penta makes engines for ferries.",
        "A paragraph about the harbour at Gothenburg. " * 6,
        "Volvo said its ferry engines were hybrids.",
        "Nikola Tesla worked on alternating current in 1887. " * 3,
        "Tesla designed an induction motor.",
        "The hotel hired Dana Whitfield as GM.",
    ]
    text = "\n\n".join(paragraphs)
    whole = Tagger().tag(text, "Carmakers and namesakes")
    assert whole.automaker_ids() == ["kia"]
    assert whole.automakers[0].mentions == 1
    pieces = Tagger(chunk_chars=200)
    assert pieces.tag(text, "Carmakers and namesakes") == whole
    assert list(pieces.pipe([(text, "Carmakers and namesakes"), ("KIA   45,380", None)])) == [
        whole, Tagger().tag("KIA   45,380")]


def test_the_registry_refuses_an_unknown_not_in_list(tmp_path: Path):
    path = tmp_path / "automakers.yaml"
    path.write_text("automakers:\n  - id: x\n    name: X\n    brands:\n"
                    "      X: [{form: Xeno, not_in: [ships]}]\n", encoding="utf-8")
    with pytest.raises(ValueError, match="unknown not_in"):
        load_registry(path)


@pytest.mark.parametrize("extra, message", [
    ("plurals: [Xenon]\n", r"plurals: \['Xenon'\] are no surface forms"),
    ("models:\n  Y: [Roadster]\n", r"models: 'Y' is no brand"),
])
def test_the_registry_names_a_plural_or_a_models_brand_it_does_not_know(tmp_path: Path, extra, message):
    path = tmp_path / "automakers.yaml"
    path.write_text("automakers:\n  - id: x\n    name: X\n    brands:\n      X: [Xeno]\n" + extra, encoding="utf-8")
    with pytest.raises(ValueError, match=message):
        load_registry(path)


def test_a_place_stays_the_place_when_the_text_names_another_brand_of_its_automaker():
    """"Lincoln, Nebraska" then "the black mass from Lincoln" in a story that names Ford: the
    bare name is still the city (naming Ford unmistakably revives "Ford", not "Lincoln")."""
    text = ("A recycler in Lincoln, Nebraska, takes packs from Ford Motor and Tesla. "
            "The black mass from Lincoln is sent to a refiner that recovers lithium and nickel for battery makers.")
    [ford] = [a for a in tag(text).automakers if a.id == "ford"]
    assert ford.brands == ("Ford",) and ford.mentions == 1


@pytest.mark.parametrize("text", [
    "October 9 - Irving, TX @ Toyota Music Factory",
    "The Lions play at Ford Field on Sunday; the Ducks host them at Honda Center.",
    "The final is at Mercedes-Benz Stadium in Atlanta, after a concert at the Kia Forum.",
])
def test_venues_and_events_named_for_a_sponsor_are_not_the_automaker(text):
    assert tag(text).automaker_ids() == []
