"""Automaker roles (about or mention): the classes of error found on fresh real passages (issue 15),
one test per class, on sentences written for these tests (the passages stay out of the
repository). A lede whose doer is the carmakers as a group makes the group the subject, unless it
is a ranking or one of them stands out; a supplier's lede that supplies a carmaker is the
supplier's story; a name in a relative clause ("the site where Hyundai has been assembling") is
not the sentence's doer; a company speaks through its officer ("X, chief executive at GM,
said"); the one automaker of a text is its subject when it acts or is named three times; a
sentence counts once for each automaker, however many of its brands it lists."""

from __future__ import annotations

import pytest

from nlp import Tagger
from nlp.aboutness import score_automakers
from nlp.features import mention_features, mention_weight
from nlp.together import group_doer


def roles(tagger: Tagger, text: str) -> dict[str, str]:
    return {a.id: a.role for a in tagger.tag(text).automakers}


def subjects(tagger: Tagger, text: str) -> list[str]:
    return sorted(aid for aid, role in roles(tagger, text).items() if role == "subject")


def whole(text: str) -> tuple[int, int]:
    return 0, len(text)


# -- 1. the carmakers as a group --------------------------------------------------------------------

@pytest.mark.parametrize("text, doer", [
    ("Five of the world's largest carmakers are failing to trace their aluminium.", True),
    ("Some of the biggest car makers, including BMW and Audi, are investigating their paint suppliers.", True),
    ("Chinese automakers BYD, Geely and SAIC have asked a court to overturn the tariffs.", True),
    ("By contrast, many Asian car makers lag behind on supply-chain targets.", True),
    ("Leading electric car makers might be using cobalt mined by children.", True),
    # not the doer: among others, an object, a ranking's subject with its figures elsewhere
    ("Vehicle manufacturers BMW and Volkswagen and appliance brands Miele are among the latest firms to sign.",
     False),
    ("The recall covers air bags used by a dozen carmakers from 2000 to 2018.", False),
    ("Seven car companies in China exported over 100,000 vehicles in the first half.", False),
    ("Regulators told carmakers to publish their emissions.", False),
])
def test_a_plural_of_carmakers_as_the_ledes_doer(text, doer):
    assert group_doer(text, whole(text)) is doer


@pytest.mark.parametrize("text, about", [
    # the group named later, as the report's targets: all of them
    (("Five of the world's largest carmakers are failing to trace the aluminium in their cars back to "
     "smelters, a rights group said on Tuesday. The group said aluminium from the region is linked to "
     "forced labour programmes. It named Toyota, General Motors and Volkswagen, as well as Tesla and BYD, "
     "as the companies at greatest risk."), ["byd", "gm", "tesla", "toyota", "volkswagen"]),
    # the group named in the lede: those, not a comparison named later
    (("Chinese automakers BYD, Geely and SAIC have asked a European court to overturn the tariffs on their "
     "electric cars. Tesla, which ships cars from Shanghai, pays a lower rate."), ["byd", "geely", "saic"]),
    (("Some of the biggest carmakers, including BMW, Volkswagen and Stellantis, are investigating their paint "
     "suppliers after mica from illegal mines was found in their supply chains."),
     ["bmw", "stellantis", "volkswagen"]),
    # one of the group stands out: its story
    (("Several automakers, including General Motors, Ford and Toyota, idled plants in Texas as a winter "
     "storm cut power. GM cancelled two shifts at its Arlington factory on Tuesday. GM's plant there builds "
     "large SUVs."), ["gm"]),
    # a ranking, a list of buyers, a recall list: about none
    (("Seven car companies in China exported over 100,000 vehicles in the first half, namely SAIC, Chery, "
     "Tesla, Changan, Geely, BYD and Great Wall Motor. Chery's exports rose 170% to 394,000 units, while "
     "Tesla exported 182,000 cars."), []),
    (("Vehicle manufacturers BMW, Volkswagen and Mercedes-Benz and appliance brands Electrolux and Miele are "
     "among the latest firms to sign supply deals with a green steel maker."), []),
    (("The recall covers air bags used by a dozen carmakers from 2000 to 2018, including Stellantis "
     "(Chrysler, Dodge and Jeep), GM, Ford, Toyota, Honda, Kia, BMW and Volkswagen. The regulator said "
     "seven ruptures had injured drivers."), []),
])
def test_the_carmakers_as_a_group(tagger, text, about):
    assert subjects(tagger, text) == about


# -- 2. a supplier's story ----------------------------------------------------------------------------

@pytest.mark.parametrize("text, about", [
    (("BHP will supply nickel from its Western Australian refinery to Toyota under a five-year deal. The "
     "miner said the first shipments would leave in March. BHP expects the contract to lift its nickel "
     "sales, and Toyota has agreed to buy more later."), []),
    (("Syrah Resources will supply Tesla with graphite anode material from its plant in Louisiana for four "
     "years. Syrah's shares jumped 30% on the news."), []),
    (("Chinese battery giant CATL said on Friday it will start supplying cylindrical cells to BMW from 2025. "
     "The battery maker has signed an agreement with BMW, CATL said. BMW declined to comment. CATL has "
     "been supplying BMW for a decade."), []),
    # the carmaker acts, or is a partner rather than a buyer: its story too
    (("Toyota has signed a deal with BHP to buy nickel from its Western Australian refinery for five years. "
     "The carmaker said the metal would go into its batteries."), ["toyota"]),
    ("CATL has formed a partnership with BMW to develop a new battery cell for its electric cars.", ["bmw"]),
])
def test_a_suppliers_lede_that_supplies_a_carmaker(tagger, text, about):
    assert subjects(tagger, text) == about


def test_a_describing_noun_before_a_describing_word_opens_the_clause():
    text = "Chinese battery giant CATL said on Friday it will start supplying cells."
    f = mention_features(text, whole(text), text.index("CATL"), text.index("CATL") + 4)
    assert f.before == "start" and mention_weight(f) == 2.0


# -- 3. a relative clause ------------------------------------------------------------------------------

def test_a_name_in_a_relative_clause_is_not_the_doer(tagger):
    text = "It will stand at the site where Hyundai has been assembling cars for a decade."
    start = text.index("Hyundai")
    f = mention_features(text, whole(text), start, start + 7)
    assert f.before == "relative" and mention_weight(f) < 1.0
    assert roles(tagger, "A Korean parts maker will open a battery factory in Alabama for $205 million. " + text) == {
        "hyundai": "mention"}
    assert roles(tagger, "Hyundai has been assembling cars in Alabama for more than a decade.") == {
        "hyundai": "subject"}


# -- 5. subjects named late, through their people, or often ----------------------------------------------

def test_a_company_speaks_through_its_officer(tagger):
    text = ("Jane Doe, chief sustainability officer at General Motors, said in an interview that reusing "
            "batteries is central to the company's plan.")
    start = text.index("General Motors")
    assert mention_weight(mention_features(text, whole(text), start, start + 14)) == 2.0
    assert roles(tagger, "Startups and carmakers are racing to give old batteries a second life. " + text) == {
        "gm": "subject"}
    # a name after "at" with no speaker is a place of work, not a doer
    other = "Workers at General Motors, the union said, will vote on Friday."
    start = other.index("General Motors")
    assert mention_weight(mention_features(other, whole(other), start, start + 14)) < 2.0


@pytest.mark.parametrize("text", [
    # named three times, always as an object: the strike is against it
    ("The painters' union, which has 13,000 members, has joined the metalworkers' sympathy strike. Its members "
    "refuse to paint Tesla cars. Not every painter in the country belongs to the union. The electricians' "
    "strike against Tesla covers service and repairs. The union may also halt new Tesla charger installations."),
    # it acts, "also": any word after "also" is its verb
    ("The park's street lamps now run on solar power. Panels cover the factory roofs and a storage system "
    "keeps the lines running. BYD also integrates AI into its energy management to cut waste."),
])
def test_the_one_automaker_named_often_or_acting_is_the_subject(tagger, text):
    assert set(roles(tagger, text).values()) == {"subject"}


def test_the_one_automaker_named_once_late_in_passing_is_not(tagger):
    text = ("Two road workers were killed on Thursday when a car hit them on a highway ramp. The police said the "
            "driver was not hurt. The crash happened as the crew repainted stripes. The driver of a Chevrolet "
            "pickup also was taken to hospital.")
    assert roles(tagger, text) == {"gm": "mention"}


# -- a sentence counts once for each automaker -------------------------------------------------------------

def test_a_sentence_counts_once_for_each_automaker():
    text = "It is a longtime supply partner for Hyundai Motor and its Kia and Genesis affiliates."
    hyundai = [(0, text.index("Hyundai"), text.index("Hyundai") + 13), (0, text.index("Genesis"),
                                                                          text.index("Genesis") + 7)]
    alone = [score_automakers(text, [whole(text)], [1.0], {"hyundai": [m]}).scores["hyundai"] for m in hyundai]
    both = score_automakers(text, [whole(text)], [1.0], {"hyundai": hyundai}).scores["hyundai"]
    assert alone[0] != alone[1] and both == max(alone)


# -- 7. the lede's action aimed at the carmakers it lists ---------------------------------------------

@pytest.mark.parametrize("text, about", [
    ("A rights group filed a complaint against Volkswagen, BMW and Mercedes-Benz over their Xinjiang suppliers. "
     "The group says the companies did not check their supply chains.", ["bmw", "mercedes-benz", "volkswagen"]),
    ("The senator sought information from Ford, Toyota, Honda and Tesla about their parts sourcing. "
     "He gave the companies a month to reply.", ["ford", "honda", "tesla", "toyota"]),
    # a list that is no target stays about none: sales figures, a recall's makes
    ("Exports rose for SAIC, Chery, Geely and Changan in the first half. Chery grew fastest.", ["chery"]),
    ("The recall covers inflators used by Ford, Toyota, Honda and Kia. Regulators say seven people were hurt.", []),
])
def test_the_ledes_action_aimed_at_listed_carmakers(tagger, text, about):
    assert subjects(tagger, text) == about
