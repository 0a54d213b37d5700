"""Automaker roles (about or mention): classes of error found on a blind set of real passages
(issue 15, set 16), one test per class, on sentences written for these tests. A list of names
is read past a company's suffix ("Hyundai Motor Co. and Kia"), and two names a bare comma parts
are no list; a person's past tie to a carmaker ("Tesla co-founder") is no news of that carmaker;
two names of the first sentence can be the story's pair even when the second is written as an
affiliate; a rival the lede compares the subject with stays a mention however often its own
figures follow; the one automaker that is not a comparison is the subject when it acts twice or
is what an action is aimed at; names that act together in the lede are the subjects, together,
however many others the text names."""

from __future__ import annotations

import pytest

from nlp import Tagger
from nlp.features import mention_features, mention_weight


def roles(tagger: Tagger, text: str) -> dict[str, str]:
    return {a.id: a.role for a in tagger.tag(text).automakers}


def subjects(tagger: Tagger, text: str) -> list[str]:
    return sorted(aid for aid, role in roles(tagger, text).items() if role == "subject")


def features(text: str, name: str, nth: int = 0):
    start = -1
    for _ in range(nth + 1):
        start = text.index(name, start + 1)
    f = mention_features(text, (0, len(text)), start, start + len(name))
    return f, mention_weight(f)


@pytest.mark.parametrize("text, name", [
    ("Members of the unions at Kia Corp. and Hyundai Motor Co. voted to strike on Friday.", "Kia Corp"),
    ("Members of the unions at Hyundai Motor Co. and Kia Corp. voted to strike on Friday.", "Hyundai Motor Co"),
    ("Members of the unions at Hyundai Motor Co and Kia Corp voted to strike on Friday.", "Hyundai Motor Co"),
])
def test_a_list_is_read_past_a_company_suffix(text, name):
    f, weight = features(text, name)
    other = features(text, "Kia Corp" if name.startswith("Hyundai") else "Hyundai Motor Co")
    assert f.items == 2 and f.verb and weight == other[1] == 1.5  # both in the subject, after "at"
    assert features(text.replace("at ", "of "), name)[1] == 2.0  # both the doer


def test_two_names_a_bare_comma_parts_are_no_list():
    text = "While its rivals chase longer range to compete with Tesla, Nissan is turning old Leaf packs into storage."
    f = features(text, "Nissan")[0]
    assert f.items == 1 and not f.compared and f.verb
    assert features(text, "Tesla")[0].compared
    # a real list keeps its comparison and its count
    text = "Rivals such as Tesla, BYD and Ford sold more cars in May."
    assert features(text, "BYD")[0].compared and features(text, "BYD")[0].items == 3


@pytest.mark.parametrize("text, about", [
    (("Cirba Solutions, the battery recycler started by Tesla co-founder Jane Roe, has been growing fast. It "
      "signed a deal with Stellantis to recycle the scrap of Stellantis's cell plants."), []),
    (("A recycling firm founded by a Ford veteran opened its first plant in Ohio on Tuesday, with Honda as "
      "its first customer. Honda will send scrap from its battery line there."), ["honda"]),
])
def test_a_persons_past_tie_to_a_carmaker_is_a_mention(tagger, text, about):
    assert "tesla" not in subjects(tagger, text) and "ford" not in subjects(tagger, text)
    assert subjects(tagger, text) == about


def test_the_first_sentences_pair_written_as_an_affiliate(tagger):
    text = ("The combined European share of Hyundai Motor and its affiliate Kia edged up in May, data showed. "
            "Hyundai sold 50,000 cars and Kia sold 48,000 cars. Kia's share rose the most. Hyundai's Ioniq 5 "
            "sold best. Volkswagen, Stellantis and Renault stayed ahead, and Toyota was fifth.")
    assert subjects(tagger, text) == ["hyundai", "kia"]


@pytest.mark.parametrize("text, about", [
    (("Chinese carmaker BYD overtook its rival Tesla in quarterly sales of battery cars. BYD sold 500,000 "
      "cars in the quarter, while Tesla sold 480,000. For the whole year, Tesla still delivered more cars "
      "than BYD, and Tesla's sales grew 3%."), ["byd"]),
    # the counter-case: two partners, neither compared, are both the subject
    (("BYD and Toyota will build a battery plant together in Thailand. BYD will supply the cells, while "
      "Toyota will build the packs, and Toyota's plant will open in 2027."), ["byd", "toyota"]),
])
def test_a_rival_the_lede_compares_stays_a_mention(tagger, text, about):
    assert subjects(tagger, text) == about


@pytest.mark.parametrize("text, about", [
    # what an action is aimed at, named twice and never acting
    (("It began as a strike by 130 mechanics. Now cleaners and dockworkers have joined the action against "
      "Tesla, and the union says the blockade will reach Tesla cargo at four ports."), ["tesla"]),
    # the one automaker not a comparison, acting and named twice
    (("Old packs from its cars are being turned into storage for a stadium. It is a fitting choice for "
      "Nissan: while others race to build bigger batteries to keep up with Tesla, Nissan is finding new "
      "uses for old ones."), ["nissan"]),
    # ... but named once, late, beside comparisons: a policy story's aside
    (("The Commission proposed on Tuesday to relax the CO2 targets for new cars. The plan would let hybrids "
      "stay on sale for longer. Carmakers such as Ford and Renault had asked for more time, while Volvo Cars "
      "said it would keep its own target."), []),
    # a comparison alone is no target: "competes against"
    (("A new electric SUV from Xiaomi competes against Tesla on price. Xiaomi said orders passed 200,000 in "
      "a day."), []),
])
def test_the_one_automaker_that_is_not_a_comparison(tagger, text, about):
    assert subjects(tagger, text) == about


@pytest.mark.parametrize("text, about", [
    (("Stellantis, Toyota and Subaru have stayed out of this year's CO2 pool led by Tesla, an EU filing "
      "showed. The pool helps carmakers meet the EU's fleet targets. Tesla earns money from such pools."),
     ["stellantis", "subaru", "toyota"]),
    # a list of six or more acting together is a roundup
    (("Ford, GM, Toyota, Honda, Nissan and Hyundai reported higher US sales in May. Tesla does not report "
      "monthly figures."), []),
])
def test_names_that_act_together_in_the_lede(tagger, text, about):
    assert subjects(tagger, text) == about
