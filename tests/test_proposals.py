"""Supply links proposed from sentences (nlp/proposals.py), measured on the labelled sentences in
tests/data/supply/sentences.jsonl (written for this project; facts real or plausible).

Each row names its mentions by surface text; the spans are found here, longest names first and
never overlapping ("Hyundai" is not the start of "Hyundai Steel"). A third of the rows (sha256 of
the id mod 3 == 0) is held out: the rules were not tuned on it, and it has its own floor.
A proposal is right when its automaker, supplier and kind all match a label.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

import pytest

from nlp.proposals import KINDS, Mention, ProposedLink, propose

SENTENCES = Path(__file__).parent / "data" / "supply" / "sentences.jsonl"
# written after the rules met real text: a batch to tune on (the classes the brief named: denials,
# pauses, comparisons, lists, shared verbs, relative clauses...) and a fresh batch written and
# scored before that tuning, all held out (see benchmarks/proposals_real.py)
SECOND_BATCH = SENTENCES.with_name("sentences_dev2.jsonl")
FRESH = SENTENCES.with_name("sentences_fresh.jsonl")
PRECISION_FLOOR = 0.90
RECALL_FLOOR = 0.80
HELD_OUT_PRECISION_FLOOR = 0.90
HELD_OUT_RECALL_FLOOR = 0.70
MATERIAL_FLOOR = 0.80  # of the right links, the share whose material matches the label (None included)
MATERIALS = frozenset(("steel", "aluminium", "lithium", "nickel", "cobalt", "graphite", "rare-earths", "manganese",
                       "copper", "battery-cells", "cathode-materials", "anode-materials", "recycling", "seabed-minerals"))


def rows(path: Path = SENTENCES) -> list[dict]:
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def held_out(row_id: str) -> bool:
    return int(hashlib.sha256(row_id.encode()).hexdigest(), 16) % 3 == 0


def mentions(text: str, automakers: list[list[str]], suppliers: list[list[str]]
             ) -> tuple[list[Mention], list[Mention]]:
    """Spans of the surface texts, longest first, each at its first place not already taken."""
    taken: list[tuple[int, int]] = []
    found: dict[str, list[Mention]] = {"a": [], "s": []}
    named = [("a", m) for m in automakers] + [("s", m) for m in suppliers]
    for side, (company, surface) in sorted(named, key=lambda n: -len(n[1][1])):
        start = text.find(surface)
        while start >= 0 and any(start < e and s < start + len(surface) for s, e in taken):
            start = text.find(surface, start + 1)
        assert start >= 0, f"{surface!r} not found in {text!r}"
        taken.append((start, start + len(surface)))
        found[side].append(Mention(company, start, start + len(surface)))
    return (sorted(found["a"], key=lambda m: m.start), sorted(found["s"], key=lambda m: m.start))


def run(row: dict) -> tuple[ProposedLink, ...]:
    automakers, suppliers = mentions(row["text"], row["automakers"], row["suppliers"])
    return propose(row["text"], automakers, suppliers)


def case(text: str, automakers: list[tuple[str, str]], suppliers: list[tuple[str, str]]) -> set[tuple[str, str, str]]:
    """(automaker, supplier, kind) proposed for a sentence written in the test."""
    row = {"text": text, "automakers": [list(m) for m in automakers], "suppliers": [list(m) for m in suppliers]}
    return {(link.automaker, link.supplier, link.kind) for link in run(row)}


@dataclass(frozen=True)
class Score:
    right: int
    proposed: int
    expected: int

    @property
    def precision(self) -> float:
        return self.right / self.proposed if self.proposed else 1.0

    @property
    def recall(self) -> float:
        return self.right / self.expected if self.expected else 1.0


def score(selected: list[dict]) -> tuple[Score, list[str]]:
    """The score over the rows and a line per wrong or missed link (for the failure message)."""
    right = proposed = expected = 0
    errors = []
    for row in selected:
        got = {(link.automaker, link.supplier, link.kind) for link in run(row)}
        want = {tuple(link) for link in row["links"]}
        right += len(got & want)
        proposed += len(got)
        expected += len(want)
        for link in sorted(got - want):
            errors.append(f"{row['id']} wrong {link}: {row['text']}")
        for link in sorted(want - got):
            errors.append(f"{row['id']} missed {link}: {row['text']}")
    return Score(right, proposed, expected), errors


def test_the_set_is_large_and_labelled_with_known_words():
    data = rows()
    assert len(data) >= 80
    assert len({r["id"] for r in data}) == len(data)
    assert sum(held_out(r["id"]) for r in data) >= 25
    for r in data:
        for automaker, supplier, kind in r["links"]:
            assert kind in KINDS, r["id"]
            assert automaker in {m[0] for m in r["automakers"]} and supplier in {m[0] for m in r["suppliers"]}, r["id"]
    classes = {r["class"] for r in data}
    assert {"offtake", "supply", "joint-venture", "stake", "mou", "future", "passive", "two-deals", "denial",
            "comparison", "list", "cancelled", "talks", "other", "pronoun"} <= classes


def test_precision_and_recall_on_the_tuning_rows():
    result, errors = score([r for r in rows() if not held_out(r["id"])])
    assert result.precision >= PRECISION_FLOOR, "\n".join(errors)
    assert result.recall >= RECALL_FLOOR, "\n".join(errors)


def test_precision_and_recall_on_the_held_out_rows():
    result, errors = score([r for r in rows() if held_out(r["id"])])
    assert result.precision >= HELD_OUT_PRECISION_FLOOR, "\n".join(errors)
    assert result.recall >= HELD_OUT_RECALL_FLOOR, "\n".join(errors)


def test_precision_and_recall_on_the_second_tuning_batch():
    result, errors = score(rows(SECOND_BATCH))  # measured P 1.000 R 0.903 (28 of 31)
    assert result.precision >= PRECISION_FLOOR, "\n".join(errors)
    assert result.recall >= 0.85, "\n".join(errors)


def test_precision_and_recall_on_the_fresh_held_out_batch():
    """Scored before the tuning round on real text and the second batch (P 0.871 R 0.628, 27 of 31
    proposed right, 43 expected) and after it (P 1.000 R 0.767, 33 of 33): nothing was tuned on
    these rows, so a failure is not fixed by a rule for one of them. (The same person wrote this
    batch and the second tuning batch, so the figure after is less independent than the one before.)"""
    data = rows(FRESH)
    assert len(data) >= 40 and not {r["id"] for r in data} & {r["id"] for r in rows()}
    result, _ = score(data)  # its errors are not printed: nothing may be tuned on them
    assert result.precision >= HELD_OUT_PRECISION_FLOOR, f"P {result.precision:.3f}"
    assert result.recall >= HELD_OUT_RECALL_FLOOR, f"R {result.recall:.3f}"


def material_accuracy(selected: list[dict]) -> tuple[float, list[str]]:
    """Of the links proposed right, the share with the labelled material (or None when the
    sentence names none), and a line per miss."""
    right = total = 0
    misses = []
    for row in selected:
        want = {tuple(link) for link in row["links"]}
        for link in run(row):
            key = f"{link.automaker} {link.supplier}"
            if (link.automaker, link.supplier, link.kind) in want and key in row.get("materials", {}):
                total += 1
                if link.material == row["materials"][key]:
                    right += 1
                else:
                    misses.append(f"{row['id']} {key}: {link.material} for {row['materials'][key]}: {row['text']}")
    return (right / total if total else 1.0), misses


def test_materials_on_the_tuning_rows():
    accuracy, misses = material_accuracy([r for r in rows() if not held_out(r["id"])])
    assert accuracy >= MATERIAL_FLOOR, "\n".join(misses)


def test_status_and_material_where_labelled():
    for row in rows():
        links = run(row)
        for link in links:
            assert link.material is None or link.material in MATERIALS
            assert link.status in ("signed", "planned")
            assert link.sentence == row["text"]
        if "status" in row and not held_out(row["id"]):
            assert {link.status for link in links} == {row["status"]}, row["id"]


# -- One test per class ------------------------------------------------------------------------

def test_a_denial_proposes_nothing():
    assert case("Kia denied reports that it buys cobalt from CMOC.", [("kia", "Kia")], [("cmoc", "CMOC")]) == set()
    assert case("Renault is not a customer of Harita, the company said.", [("renault", "Renault")],
                [("harita", "Harita")]) == set()
    assert case("Honda has no plans to buy steel from Baowu.", [("honda", "Honda")], [("baowu", "Baowu")]) == set()


def test_a_comparison_is_no_party():
    assert case("Like Toyota, Umicore publishes its cobalt audits.", [("toyota", "Toyota")],
                [("umicore", "Umicore")]) == set()
    assert case("Unlike Ford, Nissan buys aluminium from Alcoa.", [("ford", "Ford"), ("nissan", "Nissan")],
                [("alcoa", "Alcoa")]) == {("nissan", "alcoa", "supply")}


def test_a_list_without_a_deal_word_proposes_nothing():
    assert case("Tata Steel's customers include Nissan, Toyota and Honda.",
                [("nissan", "Nissan"), ("toyota", "Toyota"), ("honda", "Honda")], [("tata-steel", "Tata Steel")]) == set()


def test_a_cancelled_or_ended_deal_proposes_nothing():
    assert case("Mercedes-Benz walked away from its cell deal with Northvolt.", [("mercedes-benz", "Mercedes-Benz")],
                [("northvolt", "Northvolt")]) == set()
    assert case("The offtake between Tesla and Albemarle ended in March.", [("tesla", "Tesla")],
                [("albemarle", "Albemarle")]) == set()


def test_talks_do_not_count_but_a_signed_memorandum_does():
    assert case("Nissan is in talks with Ganfeng about lithium.", [("nissan", "Nissan")], [("ganfeng", "Ganfeng")]) == set()
    assert case("Nissan signed a memorandum of understanding with Ganfeng about lithium.", [("nissan", "Nissan")],
                [("ganfeng", "Ganfeng")]) == {("nissan", "ganfeng", "mou")}


def test_the_passive_voice_is_read():
    links = run({"text": "Nickel from PT Vale will be bought by Ford.", "automakers": [["ford", "Ford"]],
                 "suppliers": [["pt-vale-indonesia", "PT Vale"]]})
    assert [(link.automaker, link.supplier, link.kind, link.material, link.status) for link in links] == [
        ("ford", "pt-vale-indonesia", "supply", "nickel", "planned")]


def test_two_deals_in_one_sentence_pair_only_their_parties():
    assert case("Volvo Cars and Mercedes-Benz signed offtake agreements with Stegra.",
                [("volvo-cars", "Volvo Cars"), ("mercedes-benz", "Mercedes-Benz")], [("stegra", "Stegra")]) == {
        ("volvo-cars", "stegra", "offtake"), ("mercedes-benz", "stegra", "offtake")}
    assert case("Stegra, which supplies Volvo, also signed with Scania.",
                [("volvo-cars", "Volvo"), ("volkswagen", "Scania")], [("stegra", "Stegra")]) == {
        ("volvo-cars", "stegra", "supply"), ("volkswagen", "stegra", "supply")}
    assert case("SSAB supplies Volvo Group trucks, not Volvo Cars.", [("volvo-cars", "Volvo Cars")],
                [("ssab", "SSAB")]) == set()
    assert case("Tesla buys cells from CATL, and BMW buys lithium from Ganfeng.", [("tesla", "Tesla"), ("bmw", "BMW")],
                [("catl", "CATL"), ("ganfeng", "Ganfeng")]) == {("tesla", "catl", "supply"), ("bmw", "ganfeng", "supply")}


def test_a_quotation_speaks_for_its_speakers_company():
    assert case('"We are proud to supply Volvo Cars with aluminium," said a Norsk Hydro executive.',
                [("volvo-cars", "Volvo Cars")], [("norsk-hydro", "Norsk Hydro")]) == {("volvo-cars", "norsk-hydro", "supply")}
    assert case('"We will supply Ford," said Glencore, adding that Albemarle was a rival.',
                [("ford", "Ford")], [("albemarle", "Albemarle")]) == set()
    assert case('"We do not buy steel from SSAB," a Volvo Cars spokesperson said.',
                [("volvo-cars", "Volvo Cars")], [("ssab", "SSAB")]) == set()


def test_a_deal_by_an_automakers_suppliers_is_not_its_own():
    assert case("Magnets made by Lynas are bought by Toyota's parts suppliers.", [("toyota", "Toyota")],
                [("lynas", "Lynas")]) == set()
    assert case("Toyota's suppliers buy magnets from Lynas.", [("toyota", "Toyota")], [("lynas", "Lynas")]) == set()
    assert case("Toyota's magnet supplier Lynas expanded.", [("toyota", "Toyota")],
                [("lynas", "Lynas")]) == {("toyota", "lynas", "supply")}


def test_the_kind_follows_the_strongest_deal_word():
    assert case("Kia signed a memorandum of understanding with Ganfeng on a lithium offtake.", [("kia", "Kia")],
                [("ganfeng", "Ganfeng")]) == {("kia", "ganfeng", "mou")}
    assert case("Ford and SK On invested $11 billion in their joint venture.", [("ford", "Ford")],
                [("sk-on", "SK On")]) == {("ford", "sk-on", "joint-venture")}


def test_materials_come_from_the_words_near_each_supplier():
    links = run({"text": "BMW buys cells from CATL and steel from Salzgitter.", "automakers": [["bmw", "BMW"]],
                 "suppliers": [["catl", "CATL"], ["salzgitter", "Salzgitter"]]})
    assert {(link.supplier, link.material) for link in links} == {("catl", "battery-cells"), ("salzgitter", "steel")}
    links = run({"text": "Norsk Hydro will deliver recycled aluminium to Mercedes-Benz's battery unit.",
                 "automakers": [["mercedes-benz", "Mercedes-Benz"]], "suppliers": [["norsk-hydro", "Norsk Hydro"]]})
    assert [link.material for link in links] == ["aluminium"]


def test_a_future_deal_counts_as_planned():
    links = run({"text": "Samsung SDI will supply cells to BMW from 2026.", "automakers": [["bmw", "BMW"]],
                 "suppliers": [["samsung-sdi", "Samsung SDI"]]})
    assert [(link.kind, link.material, link.status) for link in links] == [("supply", "battery-cells", "planned")]


def test_a_deal_put_on_hold_proposes_nothing():
    assert case("Hyundai put its nickel deal with Vale Indonesia on hold.", [("hyundai", "Hyundai")],
                [("pt-vale-indonesia", "Vale Indonesia")]) == set()
    assert case("Ford paused cell purchases from SK On.", [("ford", "Ford")], [("sk-on", "SK On")]) == set()


def test_a_denial_in_other_words_proposes_nothing():
    assert case("Ford rejected a Korean newspaper report that it would buy cathodes from EcoPro BM.",
                [("ford", "Ford")], [("ecopro-bm", "EcoPro BM")]) == set()
    assert case("Honda said claims that it buys graphite from Syrah were inaccurate.", [("honda", "Honda")],
                [("syrah-resources", "Syrah")]) == set()


def test_hearsay_is_not_a_deal_even_with_a_signing_verb():
    assert case("Kia is believed to have signed a supply agreement with Ganfeng.", [("kia", "Kia")],
                [("ganfeng", "Ganfeng")]) == set()
    assert case("Ganfeng and Kia are understood to be near a lithium deal.", [("kia", "Kia")],
                [("ganfeng", "Ganfeng")]) == set()


def test_a_shared_verb_carries_to_the_next_pair():
    assert case("Volvo Cars buys steel from SSAB and Mercedes-Benz from Salzgitter.",
                [("volvo-cars", "Volvo Cars"), ("mercedes-benz", "Mercedes-Benz")],
                [("ssab", "SSAB"), ("salzgitter", "Salzgitter")]) == {
        ("volvo-cars", "ssab", "supply"), ("mercedes-benz", "salzgitter", "supply")}
    # and so does its negation
    assert case("Tesla no longer buys nickel from Vale, and Ford from PT Vale.", [("tesla", "Tesla"), ("ford", "Ford")],
                [("vale", "Vale"), ("pt-vale-indonesia", "PT Vale")]) == set()


def test_what_an_aside_says_of_a_compared_company_counts():
    assert case("Unlike Stellantis, which buys lithium from Vulcan Energy, Toyota has signed nothing.",
                [("stellantis", "Stellantis"), ("toyota", "Toyota")], [("vulcan-energy", "Vulcan Energy")]) == {
        ("stellantis", "vulcan-energy", "supply")}


def test_an_object_relative_reads_the_verb_after_the_name():
    assert case("Albemarle, whose lithium Ford will buy from 2026, raised its forecast.", [("ford", "Ford")],
                [("albemarle", "Albemarle")]) == {("ford", "albemarle", "supply")}


def test_a_deal_with_something_near_the_company_is_not_with_it():
    assert case("Nissan buys power from a solar farm next to a Rio Tinto smelter.", [("nissan", "Nissan")],
                [("rio-tinto", "Rio Tinto")]) == set()
    assert case("BMW buys around half of its aluminium from Rio Tinto.", [("bmw", "BMW")],
                [("rio-tinto", "Rio Tinto")]) == {("bmw", "rio-tinto", "supply")}


def test_a_company_set_apart_by_not_or_rather_than_is_refused_alone():
    assert case("Kia, not Hyundai, signed the offtake with Tianqi.", [("kia", "Kia"), ("hyundai", "Hyundai")],
                [("tianqi", "Tianqi")]) == {("kia", "tianqi", "offtake")}
    assert case("BMW will buy cells from Northvolt rather than from CATL.", [("bmw", "BMW")],
                [("northvolt", "Northvolt"), ("catl", "CATL")]) == {("bmw", "northvolt", "supply")}


def test_a_company_founded_together_is_a_joint_venture():
    assert case("Honda and LG Energy Solution set up a company to make cells in Ohio.", [("honda", "Honda")],
                [("lg-energy-solution", "LG Energy Solution")]) == {("honda", "lg-energy-solution", "joint-venture")}
    links = run({"text": "Ford, SK On to build battery plants in Kentucky", "automakers": [["ford", "Ford"]],
                 "suppliers": [["sk-on", "SK On"]]})
    assert [(link.kind, link.status) for link in links] == [("joint-venture", "planned")]


def test_term_sheets_and_shares_have_their_kinds():
    assert case("Stellantis and Vulcan Energy signed a binding term sheet for lithium.",
                [("stellantis", "Stellantis")], [("vulcan-energy", "Vulcan Energy")]) == {
        ("stellantis", "vulcan-energy", "mou")}
    assert case("Volkswagen acquired a minority interest in Vulcan Energy.", [("volkswagen", "Volkswagen")],
                [("vulcan-energy", "Vulcan Energy")]) == {("volkswagen", "vulcan-energy", "stake")}
    assert case("Toyota owns about a fifth of Lynas's new refinery.", [("toyota", "Toyota")],
                [("lynas", "Lynas")]) == {("toyota", "lynas", "stake")}


def test_a_quotation_attributed_to_a_companys_person():
    assert case('"Our contract with Mercedes-Benz runs until 2030," a Hydro spokesperson said.',
                [("mercedes-benz", "Mercedes-Benz")], [("norsk-hydro", "Hydro")]) == {
        ("mercedes-benz", "norsk-hydro", "supply")}


def test_a_sentence_naming_one_side_by_a_description_proposes_nothing():
    assert case("SSAB said the carmaker would buy its steel.", [], [("ssab", "SSAB")]) == set()
    assert propose("BMW said the miner would supply it.", [Mention("bmw", 0, 3)], []) == ()


@pytest.mark.parametrize("text", ["", "BMW Glencore", "BMW, , , Glencore ((("])
def test_odd_sentences_do_no_harm(text):
    automakers = [Mention("bmw", text.find("BMW"), text.find("BMW") + 3)] if "BMW" in text else []
    assert propose(text, automakers, [Mention("glencore", 0, 0)]) == ()


# -- From a whole text and its tags (nlp/proposals_text.py) -------------------------------------

@pytest.fixture(scope="module")
def tagger():
    from nlp import Tagger

    return Tagger()


def test_a_text_proposes_from_the_sentences_naming_both_sides(tagger):
    from nlp.proposals_text import proposals_for
    from nlp.registry import load_registry

    text = ("Stegra signs steel deal with Scania\n\nThe Swedish steelmaker Stegra said on Tuesday it had "
            "signed an offtake agreement with Scania for steel from its Boden mill. Stegra, which already "
            "supplies Volvo Cars, expects deliveries to start in 2026. The company is not a supplier to BMW, a "
            "spokesperson said. Nickel from PT Vale will be bought by Ford for its European battery plants.")
    links = proposals_for(text, tagger.tag(text), load_registry())
    got = {(link.automaker, link.supplier): link for link in links}
    assert set(got) == {("volkswagen", "stegra"), ("volvo-cars", "stegra"), ("ford", "pt-vale-indonesia")}
    # the headline's "deal" gives way to the body's "offtake", with its sentence
    assert got["volkswagen", "stegra"].kind == "offtake"
    assert got["volkswagen", "stegra"].sentence.startswith("The Swedish steelmaker Stegra said")
    assert (got["ford", "pt-vale-indonesia"].material, got["ford", "pt-vale-indonesia"].status) == ("nickel", "planned")


def test_a_text_naming_one_side_proposes_nothing(tagger):
    from nlp.proposals_text import proposals_for

    text = "Glencore said cobalt output fell. The carmaker, it added, will keep buying from the mine."
    assert proposals_for(text, tagger.tag(text)) == ()


def test_a_carmakers_name_inside_a_suppliers_is_no_mention(tagger):
    from nlp.proposals_text import candidate_sentences

    text = "Hyundai Motor reported record sales. Its main steel supplier, Hyundai Steel, buys iron ore from Vale."
    tags = tagger.tag(text)
    assert "hyundai" in tags.automaker_ids() and "hyundai-steel" in tags.supplier_ids()
    assert list(candidate_sentences(text, tags)) == []  # the second sentence names no carmaker


def test_sentences_are_split_by_the_taggers_rules():
    from nlp.proposals_text import sentence_spans

    text = "Ford Motor Co. signed with SK On. In the U.S. The deal grew.\nA headline"
    assert [text[a:b] for a, b in sentence_spans(text)] == [
        "Ford Motor Co. signed with SK On.", "In the U.S.", "The deal grew.", "A headline"]


def test_a_text_longer_than_spacys_limit_is_read_a_piece_at_a_time():
    """A 200-page report (2,000,000 characters) naming a deal: spaCy refuses one Doc of over
    1,000,000 characters, so the sentences are found a piece at a time (found by the pipeline's
    two-million-character report test when proposals first ran in the worker)."""
    from nlp import default_tagger
    from nlp.proposals_text import proposals_for

    filler = "The plant runs on hydropower and employs local staff. " * 40 + "\n\n"
    deal = "Ford signed a supply agreement with PT Vale Indonesia for nickel from Pomalaa."
    text = filler * 450 + deal + "\n\n" + filler * 450
    assert len(text) > 1_000_000
    found = proposals_for(text, default_tagger().tag(text))
    assert [(p.automaker, p.supplier) for p in found] == [("ford", "pt-vale-indonesia")]
    assert found[0].sentence == deal
