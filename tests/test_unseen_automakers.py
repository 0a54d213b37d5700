"""Automaker names and roles: the classes of error found on fresh real passages nobody had tagged
before (issue 15), one test per class, on sentences written for these tests (the passages
themselves stay out of the repository). Names: a surname that is "he" or "she" right after is a
person all along; a truck maker's own brands ("Volvo Group ... Renault and Mack") are not the
carmakers; "sales of Dacia cars" is the brand; a miner "supplying Ford" names the carmaker, and "Cadillac is
a city" a place. Roles: a name alone in brackets annotates, two
partners the lede names together stand out from a crowd, and the one automaker a text names is
its subject when it acts."""

from __future__ import annotations

import pytest

from nlp import Tagger


def ids(tagger: Tagger, text: str) -> list[str]:
    return sorted(a.id for a in tagger.tag(text).automakers)


def roles(tagger: Tagger, text: str) -> dict[str, str]:
    return {a.id: a.role for a in tagger.tag(text).automakers}


# -- names ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, automakers", [
    # a passage that quotes a politician named earlier in the article, out of its view
    ("Ford says car tariffs will hit the province's assembly plants hard. Ford says he expects Ottawa to "
     "help the laid-off auto workers.", []),
    ("Ford said that she would ask the dealers to lobby for lower duties on imported cars.", []),
    ("Ford, who chairs the trade committee, warned that tariffs on cars would cost jobs.", []),
    # the company is "it"
    ("Ford says it will cut a shift at its Chicago car plant next month.", ["ford"]),
    ("Ford said it expects higher car prices. Ford Motor will report its earnings on Tuesday.", ["ford"]),
])
def test_a_surname_that_is_he_or_she_is_a_person(tagger, text, automakers):
    assert ids(tagger, text) == automakers


@pytest.mark.parametrize("text, automakers", [
    ("Volvo Group won its largest order yet, for 800 electric trucks. The firm also sells vehicles under "
     "other brands, including Renault and Mack.", []),
    ("Daimler Truck delivered 4,000 battery trucks last year. Mercedes-Benz led those deliveries in Europe.",
     []),
    # the carmaker named first, or beside a car word, is still the carmaker
    ("Renault said its profit rose on strong demand. Volvo Group, which bought Renault's lorry arm two "
     "decades ago, reported record orders.", ["renault"]),
    ("Volvo Group reported record truck orders, while Renault sold more cars than a year earlier.",
     ["renault"]),
])
def test_a_truck_makers_own_brands_are_not_the_carmakers(tagger, text, automakers):
    assert ids(tagger, text) == automakers


@pytest.mark.parametrize("text, automakers", [
    ("The sales of Dacia cars in Europe rose by 4% in March.", ["renault"]),
    ("Archaeologists found a Roman fort on the frontier of the province of Dacia.", []),
])
def test_dacia_after_of(tagger, text, automakers):
    assert ids(tagger, text) == automakers


@pytest.mark.parametrize("text, automakers", [
    ("The miner will run its concentrator on wind power before it starts supplying Ford next year.", ["ford"]),
    ("The lithium offtake runs for five years, and Ford can extend it by three.", ["ford"]),
    ("Cadillac is a city in Wexford County, Michigan, with a population of about 10,000.", []),
    ("Mercedes is a small town in the Rio Grande Valley, known for its cowboy boots.", []),
])
def test_a_customer_of_a_supplier_and_a_place_said_to_be_one(tagger, text, automakers):
    assert ids(tagger, text) == automakers


# -- roles ------------------------------------------------------------------------------------------

def test_a_name_alone_in_brackets_is_an_annotation(tagger):
    text = ("The duties on Chinese-made electric cars range from 17% (BYD) to 35.3% (SAIC), and from 7.8% "
            "(Tesla) for foreign makers building cars in China. Importers say prices will rise.")
    assert roles(tagger, text) == {"byd": "mention", "saic": "mention", "tesla": "mention"}


def test_two_partners_in_the_lede_stand_out_from_the_rivals_they_name(tagger):
    text = ("Honda and Nissan are in talks to merge to better compete with electric car makers like Tesla, "
            "BYD and others. Both Honda and Nissan also want to bring Mitsubishi into the new holding "
            "company.")
    found = roles(tagger, text)
    assert found["honda"] == found["nissan"] == "subject"
    assert {found["tesla"], found["byd"], found["mitsubishi"]} == {"mention"}


def test_a_roundup_whose_body_lists_two_makers_is_still_a_crowd(tagger):
    text = ("Among smaller carmakers, Subaru sales rose 30 percent. Mazda Motor Corp. shed 4 percent.\n\n"
            "GM, Ford and Chrysler all sold more cars in the month. GM increased sales 14 percent. "
            "Chrysler increased sales 17 percent.")
    assert set(roles(tagger, text).values()) == {"mention"}


def test_the_one_automaker_a_text_names_is_its_subject_when_it_acts(tagger):
    text = ("The province's premier said tariffs on imported vehicles would hit the auto sector hard.\n\n"
            "On Thursday, Stellantis announced that it is pausing production at its Windsor car plant for "
            "two weeks.")
    assert roles(tagger, text) == {"stellantis": "subject"}
    # named once, late and as an object, it is a customer
    text = ("The smelter will run on hydropower from next year.\n\nIts first metal will go to Hyundai.")
    assert roles(tagger, text) == {"hyundai": "mention"}
