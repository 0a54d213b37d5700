"""Roles: is a text about an automaker or a topic ("subject"), or does it name it in passing
("mention")? One test per class of decision (nlp/aboutness.py explains the rules), on short texts
written for these tests, through ``Tagger().tag``; then the rules' pure functions, and the
labelled passages of tests/data/tagging that carry an ``about`` field."""

from __future__ import annotations

import json

import pytest

from nlp import Tagger
from nlp.aboutness import AutomakerScores, decide_automakers
from nlp.topic_roles import topic_roles
from nlp.tags import ROLES
from tests.helpers import ROOT


@pytest.fixture(scope="module")
def tagger() -> Tagger:
    return Tagger()


def automaker_roles(tagger: Tagger, text: str, title: str | None = None) -> dict[str, str]:
    return {a.id: a.role for a in tagger.tag(text, title=title).automakers}


def topic_role_map(tagger: Tagger, text: str, title: str | None = None) -> dict[str, str]:
    return {t.id: t.role for t in tagger.tag(text, title=title).topics}


# -- automakers, one class each ------------------------------------------------------------------

def test_the_company_that_acts_in_the_lead_is_the_subject(tagger):
    text = ("Nissan will build its next electric Leaf at its Sunderland plant from 2026, the Japanese "
            "carmaker said on Wednesday. The company will add 600 jobs at the site. A battery plant next "
            "door will supply the cells. Suppliers from the region expect more orders.")
    assert automaker_roles(tagger, text) == {"nissan": "subject"}


def test_a_list_of_many_names_is_about_none_of_them(tagger):
    text = ("Petrol prices and new tax rules pushed buyers in Denmark towards electric cars last quarter. "
            "Volkswagen, Tesla, Toyota, Kia and BMW sold the most of them, in that order. Dealers expect the "
            "trend to continue next year.")
    assert automaker_roles(tagger, text) == dict.fromkeys(["bmw", "kia", "tesla", "toyota", "volkswagen"], "mention")


def test_names_in_a_list_after_including_are_mentions(tagger):
    text = ("Honda will spend 11 billion dollars on an electric car plant and a battery plant in Ontario, the "
            "carmaker said on Thursday. Honda expects the plants to open in 2028. Several carmakers, including "
            "Toyota, Ford and Stellantis, already build cars in the province.")
    assert automaker_roles(tagger, text) == {"honda": "subject", "toyota": "mention", "ford": "mention",
                                             "stellantis": "mention"}


def test_a_name_in_passing_late_in_the_text_is_a_mention(tagger):
    text = ("Geely has started selling its Zeekr 7X in Germany, the Chinese carmaker said on Monday. The "
            "electric SUV costs from 54,000 euros. Geely plans to open 30 showrooms in the country by the "
            "end of next year. The brand will first sell online and through rental companies. Dealers will "
            "also offer service for the car. Its price is close to that of the Mercedes-Benz GLC.")
    assert automaker_roles(tagger, text) == {"geely": "subject", "mercedes-benz": "mention"}


def test_a_carmaker_that_only_buys_from_the_supplier_in_the_story_is_a_mention(tagger):
    text = ("Australian miner Coolabah Lithium said on Tuesday it had raised 300 million dollars to build a "
            "spodumene concentrator in Western Australia. The plant should produce 200,000 tonnes of "
            "concentrate a year from 2027. The company plans to sell the concentrate to a converter in "
            "South Korea that supplies Hyundai.")
    assert automaker_roles(tagger, text) == {"hyundai": "mention"}


def test_both_partners_of_a_joint_venture_are_subjects(tagger):
    text = ("Mercedes-Benz and Geely will each own half of a new company that builds smart cars in China, "
            "the two groups said on Friday. The joint venture will sell its first model next year. A plant "
            "in Xi'an will build the cars.")
    assert automaker_roles(tagger, text) == {"geely": "subject", "mercedes-benz": "subject"}


def test_a_joint_company_named_for_both_partners_makes_both_subjects(tagger):
    text = ("GAC Toyota will cut one shift at its plant in Guangzhou from next month. The joint venture said "
            "sales of its petrol models had fallen by a third this year. About 1,000 temporary workers will "
            "leave.")
    roles = automaker_roles(tagger, text)
    assert roles == {"gac": "subject", "toyota": "subject"}


def test_a_possessive_heading_the_sentence_is_the_subject_and_a_rivals_model_is_not(tagger):
    text = ("Stellantis's union in Italy called a strike on Wednesday at the Melfi plant over pay. The union "
            "wants a rise of 280 euros a month. The new Jeep Compass built there competes with Toyota's RAV4.")
    assert automaker_roles(tagger, text) == {"stellantis": "subject", "toyota": "mention"}


def test_a_name_inside_someone_elses_quotation_is_a_mention(tagger):
    text = ("Aluminium producer Nordal will restart a smelter line in Norway next month, its chief executive "
            "said on Thursday. \"Demand from carmakers like BMW is coming back faster than we thought,\" he "
            "said. The line had been shut for a year because of high power prices.")
    assert automaker_roles(tagger, text) == {"bmw": "mention"}


def test_a_quotation_does_not_take_the_subject_away(tagger):
    text = ("Ford will stop building the Focus car in Saarlouis next year. \"Ford will keep investing in "
            "Germany,\" said its head of Europe, Martin Sander, on Monday. The plant employs 4,500 people.")
    assert automaker_roles(tagger, text) == {"ford": "subject"}


def test_the_automaker_in_the_title_is_the_subject(tagger):
    title = "Tata Motors to build battery plant in Sanand"
    text = ("The plant will make 20 gigawatt hours of cells a year for the group's cars and buses. "
            "Construction will begin in the spring. Local officials welcomed the investment.")
    assert automaker_roles(tagger, text, title) == {"tata": "subject"}


def test_a_former_owner_is_a_mention(tagger):
    text = ("A Chinese battery maker will make cells in a former Ford engine plant in Bridgend, the Welsh "
            "government said on Tuesday. The company will hire 700 people. Production should start in 2027.")
    assert automaker_roles(tagger, text) == {"ford": "mention"}


def test_rivals_after_such_as_are_mentions(tagger):
    text = ("Xpeng will start selling its G9 SUV in Brazil next month, the Chinese carmaker said. The car "
            "will be imported from China at first. Rivals such as BYD and Chery already have factories in "
            "the country.")
    assert automaker_roles(tagger, text) == {"xpeng": "subject", "byd": "mention", "chery": "mention"}


def test_a_table_of_names_is_about_none_of_them(tagger):
    row = "Tesla, BMW, Ford, Kia, Toyota, Nissan, Honda, Renault, Volkswagen, Hyundai, BYD, Geely, Chery, "
    roles = automaker_roles(tagger, "Sales by brand in 2025: " + row * 50 + "and others.")
    assert len(roles) == 13 and set(roles.values()) == {"mention"}


# -- topics --------------------------------------------------------------------------------------

def _long_text(extra: str, filler: int = 24) -> str:
    sentences = [f"The new model number {n} has a larger boot, softer seats and a quieter cabin than before."
                 for n in range(filler)]
    return "Hyundai unveiled its new Santa Fe in Seoul on Tuesday. " + " ".join(sentences) + " " + extra


def test_a_topic_in_the_title_or_the_lead_is_the_subject(tagger):
    assert topic_role_map(tagger, "The carmaker will buy the steel from 2026.",
                          "Volvo Cars signs fossil-free steel deal") == {"green-steel": "subject"}
    text = ("Kia has signed a power purchase agreement for wind power for its Zilina plant. The wind farm "
            "will be built in Slovakia. The contract runs for twelve years.")
    assert topic_role_map(tagger, text) == {"renewable-energy": "subject"}


def test_a_topic_proven_once_late_in_a_long_text_is_a_mention(tagger):
    text = _long_text("Hyundai also said its Ulsan plant would buy more solar power.")
    assert topic_role_map(tagger, text) == {"renewable-energy": "mention"}


def test_a_topic_the_text_keeps_returning_to_is_the_subject(tagger):
    text = _long_text("Hyundai said its plant in Ulsan would buy more solar power. The company signed a power "
                      "purchase agreement with a wind farm. Rooftop solar panels will cover its warehouses.")
    assert topic_role_map(tagger, text) == {"renewable-energy": "subject"}


def test_topic_roles_rule_by_rule():
    title, lead, body = 3.0, 2.0, 1.0
    weights = [title, lead, lead] + [body] * 17  # a title, a two-sentence lead, 17 body sentences
    assert topic_roles(weights, {"a": {0: 1}}) == {"a": "subject"}  # the title
    assert topic_roles(weights, {"a": {1: 1}}) == {"a": "subject"}  # the first sentence
    assert topic_roles(weights, {"a": {2: 1}, "b": {1: 1}}) == {"a": "mention", "b": "subject"}  # lead, one cue
    assert topic_roles(weights, {"a": {2: 2}, "b": {1: 1}})["a"] == "subject"  # lead, two cues
    assert topic_roles(weights, {"a": {15: 1}, "b": {1: 1}})["a"] == "mention"  # once, late
    assert topic_roles(weights, {"a": {12: 1, 15: 2}, "b": {1: 1}})["a"] == "subject"  # main topic
    assert topic_roles(weights, {"a": {12: 1, 15: 1}, "b": {1: 3}, "c": {2: 4}})["a"] == "mention"
    assert topic_roles(weights, {"a": {9: 1, 11: 1, 13: 1, 15: 1, 17: 1}, "b": {1: 9}})["a"] == "subject"  # theme
    short = [lead, lead, body, body]
    assert topic_roles(short, {"a": {3: 2}}) == {"a": "subject"}  # the only topic of a short text
    assert topic_roles(short, {"a": {3: 1}, "b": {0: 2}}) == {"a": "mention", "b": "subject"}


# -- the decision on scores ----------------------------------------------------------------------

def test_a_crowd_with_no_name_standing_out_is_about_none():
    crowd = AutomakerScores({"a": 4.0, "b": 3.0, "c": 2.0, "d": 2.0}, qualified={"a", "b", "c", "d"})
    assert set(decide_automakers(crowd).values()) == {"mention"}
    lead = AutomakerScores({"a": 12.0, "b": 3.0, "c": 2.0, "d": 2.0}, qualified={"a", "b", "c", "d"})
    assert decide_automakers(lead) == {"a": "subject", "b": "mention", "c": "mention", "d": "mention"}


def test_a_second_subject_needs_almost_the_top_score_or_a_link():
    scored = AutomakerScores({"a": 10.0, "b": 5.0}, qualified={"a", "b"})
    assert decide_automakers(scored) == {"a": "subject", "b": "mention"}
    scored.links = {("a", "b"), ("b", "a")}
    assert decide_automakers(scored) == {"a": "subject", "b": "subject"}
    scored.qualified = {"a"}  # named only late, as an object: never a subject
    assert decide_automakers(scored) == {"a": "subject", "b": "mention"}
    assert decide_automakers(AutomakerScores({"a": 1.0})) == {"a": "mention"}  # one late mention
    assert decide_automakers(AutomakerScores()) == {}


# -- the contract ------------------------------------------------------------------------------

def test_roles_are_in_the_tags_and_their_dict(tagger):
    tags = tagger.tag("BMW will buy green steel from Salzgitter, the German carmaker said.", "BMW buys green steel")
    assert [a.role for a in tags.automakers] == ["subject"] and [t.role for t in tags.topics] == ["subject"]
    d = tags.to_dict()
    assert d["automakers"][0]["role"] == "subject" and d["topics"][0]["role"] == "subject"
    assert all(a.role in ROLES for a in tags.automakers) and all(t.role in ROLES for t in tags.topics)


def test_roles_of_a_long_text_tagged_in_pieces_are_the_whole_texts(tagger):
    """Positions are in whole-text coordinates: a text tagged a piece at a time gets the roles of
    the whole text (the lead and the first sentence stay where they are)."""
    text = _long_text("Hyundai said its plant in Ulsan would buy more solar power. " * 40
                      + "Kia, its sister company, was not part of the deal.", filler=400)
    small = Tagger(chunk_chars=2000)
    whole = tagger.tag(text, "Hyundai's new Santa Fe")
    assert len(text) > 30_000 and small.tag(text, "Hyundai's new Santa Fe") == whole
    assert {a.id: a.role for a in whole.automakers} == {"hyundai": "subject", "kia": "mention"}


def test_the_labelled_passages_roles(tagger):
    """The passages of tests/data/tagging written for roles (p500 on) carry ``about``: the groups
    they are about. Every role of theirs must come out right."""
    lines = (ROOT / "tests" / "data" / "tagging" / "passages.jsonl").read_text(encoding="utf-8").splitlines()
    passages = [p for p in map(json.loads, filter(None, lines)) if "about" in p]
    assert len(passages) >= 20
    wrong = []
    for p in passages:
        tags = tagger.tag(p["text"], title=p["title"])
        assert set(p["about"]) <= set(p["automakers"]), p["id"]
        subjects = sorted(a.id for a in tags.automakers if a.role == "subject")
        if subjects != sorted(p["about"]):
            wrong.append((p["id"], subjects, p["about"]))
    assert not wrong


def test_the_automakers_the_headline_names_acting_are_subjects_among_a_crowd(tagger):
    """A text naming many automakers is about none of them (a roundup), unless its title names
    some as what acts: "Kia and Nissan join call for a moratorium"."""
    text = ("Two more carmakers have backed a pause on seabed mining, joining a list that already includes "
            "BMW, Volvo Cars, Volkswagen, Renault and Rivian. Kia and Nissan signed the statement on Monday. "
            "Toyota, Ford and GM have not signed it.")
    assert set(automaker_roles(tagger, text).values()) == {"mention"}
    roles = automaker_roles(tagger, text, "Kia and Nissan join call for a moratorium on deep-sea mining")
    assert roles["kia"] == roles["nissan"] == "subject"
    assert {r for a, r in roles.items() if a not in ("kia", "nissan")} == {"mention"}
    # named in the title only as a comparison, it stays a mention
    compared = automaker_roles(tagger, text, "Carmakers such as Kia back a seabed mining pause")
    assert compared["kia"] == "mention"


def test_an_automakers_evidence_is_its_lead_sentence_before_later_background(tagger):
    lead = "Ford will buy low-carbon aluminium from a smelter in Quebec for its pickup trucks."
    text = (f"{lead} Deliveries start next year.\n\n"
            "Ford is one of the leaders on human rights due diligence and renewable energy in supplier rankings.")
    ford = next(a for a in tagger.tag(text, title="Ford signs aluminium deal").automakers if a.id == "ford")
    assert ford.evidence == lead
