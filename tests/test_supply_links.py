"""Supply links (nlp/data/supply_links.yaml, nlp/supply_links.py) and their export.

The shipped file must load against both registries with a source and a date on every link; a
broken entry must be refused with a message naming the file, the entry and the key; reach()
must map suppliers to the automakers they are linked to; ``chargewatch export --links`` must
write every link as CSV a spreadsheet reads safely, or as JSON Lines.
"""

from __future__ import annotations

import csv
import io
import json
from datetime import date

import pytest
import yaml
from click.testing import CliRunner

from monitor.cli import main
from monitor.outputs.exchange import EXPORT_LINK_COLUMNS, link_rows, to_csv
from nlp.registry import load_registry
from nlp.suppliers import load_suppliers, supplier_names
from nlp.supply_links import (KINDS, MATERIALS, SupplyLink, SupplyLinkError, links_of, load_links, parse_links,
                              reach, read_links)

SUPPLIERS = ("stegra", "huayou", "pt-vale-indonesia", "catl")
AUTOMAKERS = ("ford", "bmw", "mercedes-benz", "tesla")
GOOD = {"supplier": "stegra", "automaker": "bmw", "material": "steel", "kind": "supply", "since": "2022-08",
        "verified": True, "source": "https://example.org/bmw-stegra", "seen": "2022-08-19", "note": "a deal"}


def write(tmp_path, *entries) -> object:
    path = tmp_path / "supply_links.yaml"
    path.write_text(yaml.safe_dump({"links": list(entries)}, sort_keys=False), encoding="utf-8")
    return path


def refused(tmp_path, **changes) -> str:
    entry = {k: v for k, v in {**GOOD, **changes}.items() if v is not ...}
    path = write(tmp_path, dict(GOOD, supplier="catl", automaker="tesla", material="battery-cells"), entry)
    with pytest.raises(SupplyLinkError) as caught:
        read_links(path, SUPPLIERS, AUTOMAKERS)
    message = str(caught.value)
    assert str(path) in message and "link 2" in message  # the file and the entry
    return message


# ------------------------------------------------------------------------------ the shipped data

def test_the_shipped_links_load_against_both_registries():
    links = load_links()
    assert len(links) >= 40
    suppliers = {s.id for s in load_suppliers()}
    automakers = {a.id for a in load_registry().automakers}
    assert {link.supplier for link in links} <= suppliers
    assert {link.automaker for link in links} <= automakers
    assert {link.material for link in links} <= set(MATERIALS) and {link.kind for link in links} <= set(KINDS)


def test_every_shipped_link_has_a_source_and_a_date():
    for link in load_links():
        assert link.source.startswith(("https://", "http://")) or " " in link.source, link
        assert date.fromisoformat(link.seen) <= date(2026, 12, 4), link  # the day the links were researched
        assert isinstance(link.verified, bool)


def test_the_shipped_links_mark_weaker_sources_unverified():
    links = load_links()
    assert any(not link.verified for link in links) and sum(link.verified for link in links) >= 40
    glencore_tesla = links_of(automaker="tesla", supplier="glencore", links=links)
    assert glencore_tesla and not glencore_tesla[0].verified  # reported from unnamed sources only


def test_the_shipped_links_cover_the_chains_the_issue_names():
    pairs = {(link.supplier, link.automaker) for link in load_links()}
    for pair in (("stegra", "mercedes-benz"), ("pt-vale-indonesia", "ford"), ("huayou", "ford"),
                 ("posco-future-m", "gm"), ("lg-energy-solution", "gm"), ("sk-on", "ford"),
                 ("samsung-sdi", "stellantis"), ("panasonic-energy", "toyota"), ("catl", "tesla")):
        assert pair in pairs, pair


# --------------------------------------------------------------------------- refused entries

def test_a_good_file_reads_as_frozen_links(tmp_path):
    (link,) = read_links(write(tmp_path, GOOD), SUPPLIERS, AUTOMAKERS)
    assert link == SupplyLink("stegra", "bmw", "steel", "supply", "https://example.org/bmw-stegra", "2022-08-19",
                              True, since="2022-08", note="a deal")
    with pytest.raises(AttributeError):
        link.verified = False  # frozen


def test_yaml_dates_are_kept_as_written(tmp_path):
    path = tmp_path / "links.yaml"
    path.write_text("links:\n- {supplier: stegra, automaker: bmw, material: steel, kind: supply, since: 2022,\n"
                    "   verified: false, source: 'owner/repo data/deals.csv', seen: 2022-08-19}\n", encoding="utf-8")
    (link,) = read_links(path, SUPPLIERS, AUTOMAKERS)
    assert (link.since, link.seen, link.source, link.note) == ("2022", "2022-08-19", "owner/repo data/deals.csv", "")


def test_an_unknown_supplier_is_refused_naming_it(tmp_path):
    message = refused(tmp_path, supplier="h2-green-steal")
    assert "'supplier'" in message and "h2-green-steal" in message and "suppliers.yaml" in message


def test_an_unknown_automaker_is_refused_naming_it(tmp_path):
    message = refused(tmp_path, automaker="volvo")
    assert "'automaker'" in message and "'volvo'" in message and "automakers.yaml" in message


def test_an_unknown_material_is_refused(tmp_path):
    message = refused(tmp_path, material="iron ore")
    assert "'material'" in message and "iron ore" in message and "cathode-materials" in message


def test_an_unknown_kind_is_refused(tmp_path):
    message = refused(tmp_path, kind="rumour")
    assert "'kind'" in message and "rumour" in message and "joint-venture" in message


@pytest.mark.parametrize("key", ["source", "seen", "verified", "supplier", "material"])
def test_a_missing_key_is_refused(tmp_path, key):
    message = refused(tmp_path, **{key: ...})
    assert f"{key!r} is missing" in message


def test_an_empty_source_is_refused(tmp_path):
    assert "'source' is missing" in refused(tmp_path, source="  ")


def test_a_source_that_is_not_a_link_is_refused(tmp_path):
    message = refused(tmp_path, source="press release, see above")
    assert "'source'" in message and "URL" in message


@pytest.mark.parametrize("value", ["2023-02-30", "June 2023", "2023-06", "yesterday"])
def test_a_seen_that_is_not_a_day_is_refused(tmp_path, value):
    message = refused(tmp_path, seen=value)
    assert "'seen'" in message and value in message


@pytest.mark.parametrize("value", ["2023-13", "mid-2022", "22-06-01"])
def test_a_since_that_is_not_a_date_is_refused(tmp_path, value):
    message = refused(tmp_path, since=value)
    assert "'since'" in message and value in message


def test_verified_must_be_true_or_false(tmp_path):
    message = refused(tmp_path, verified="yes")
    assert "'verified'" in message


def test_an_unknown_key_is_refused(tmp_path):
    message = refused(tmp_path, volume="50 kt")
    assert "'volume'" in message


def test_the_entry_is_named_by_its_supplier_and_automaker(tmp_path):
    assert "(stegra -> volvo)" in refused(tmp_path, automaker="volvo")


def test_the_same_link_twice_is_refused(tmp_path):
    path = write(tmp_path, GOOD, dict(GOOD, source="https://example.org/other"))
    with pytest.raises(SupplyLinkError, match="link 2 .*same supplier, automaker, material and kind as link 1"):
        read_links(path, SUPPLIERS, AUTOMAKERS)


def test_a_file_without_a_links_list_is_refused(tmp_path):
    path = tmp_path / "links.yaml"
    path.write_text("- supplier: stegra\n", encoding="utf-8")
    with pytest.raises(SupplyLinkError, match="'links:' list"):
        read_links(path, SUPPLIERS, AUTOMAKERS)
    path.write_text("links: [\n", encoding="utf-8")
    with pytest.raises(SupplyLinkError, match="not valid YAML"):
        read_links(path, SUPPLIERS, AUTOMAKERS)


def test_load_links_checks_a_given_file_against_the_real_registries(tmp_path):
    supplier = load_suppliers()[0].id
    good = dict(GOOD, supplier=supplier, automaker="ford")
    assert load_links(write(tmp_path, good))[0].supplier == supplier
    other = tmp_path / "other"
    other.mkdir()
    with pytest.raises(SupplyLinkError, match="unknown supplier id 'no-such-supplier'"):
        load_links(write(other, dict(good, supplier="no-such-supplier")))


# ------------------------------------------------------------------------------------- reach

LINKS = parse_links({"links": [
    dict(GOOD, supplier="pt-vale-indonesia", automaker="ford", material="nickel", kind="joint-venture"),
    dict(GOOD, supplier="huayou", automaker="ford", material="nickel", kind="joint-venture"),
    dict(GOOD, supplier="huayou", automaker="ford", material="cathode-materials", verified=False),
    dict(GOOD, supplier="catl", automaker="tesla", material="battery-cells"),
    dict(GOOD, supplier="catl", automaker="mercedes-benz", material="battery-cells", verified=False),
]}, "test", SUPPLIERS, AUTOMAKERS)


def test_reach_maps_suppliers_to_the_automakers_they_supply():
    assert reach(["huayou", "pt-vale-indonesia"], links=LINKS) == {"ford": ("huayou", "pt-vale-indonesia")}
    assert reach(["catl"], links=LINKS) == {"tesla": ("catl",), "mercedes-benz": ("catl",)}  # unverified too


def test_reach_names_each_supplier_once_in_the_order_given():
    assert reach(["pt-vale-indonesia", "huayou", "huayou"], links=LINKS) == {"ford": ("pt-vale-indonesia", "huayou")}


def test_reach_of_unlinked_or_no_suppliers_is_empty():
    assert reach(["stegra"], links=LINKS) == {}
    assert reach([]) == {}


def test_reach_on_the_shipped_links():
    reached = reach(["huayou"])
    assert "huayou" in reached["ford"] and "huayou" in reached["volkswagen"]
    assert "bmw" not in reached


# ------------------------------------------------------------------------------------ export

def export(*args):
    return CliRunner().invoke(main, ["export", "--links", *args])


def test_export_links_writes_every_link_as_csv(tmp_path):
    out = tmp_path / "links.csv"
    result = export("--out", str(out))
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    links = load_links()
    assert len(rows) == len(links) and tuple(rows[0]) == EXPORT_LINK_COLUMNS
    names = supplier_names()
    first, link = rows[0], links[0]
    assert (first["supplier"], first["automaker"], first["source"], first["seen"]) == \
        (link.supplier, link.automaker, link.source, link.seen)
    assert first["supplier_name"] == names[link.supplier]
    assert first["automaker_name"] == load_registry().get(link.automaker).name
    assert {r["verified"] for r in rows} == {"yes", "no"}
    assert f"{len(links)} supply links written" in result.output


def test_export_links_for_one_automaker_as_json_lines():
    result = export("--automaker", "ford", "--format", "jsonl")
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.output.splitlines()]
    assert rows and {r["automaker"] for r in rows} == {"ford"} and {r["automaker_name"] for r in rows} == {"Ford"}
    assert len(rows) == len(links_of(automaker="ford"))
    assert all(isinstance(r["verified"], bool) for r in rows)


def test_export_links_refuses_coverage_filters_and_unknown_automakers():
    result = export("--topic", "deep-sea-mining")
    assert result.exit_code == 2 and "--topic" in result.output and "--links" in result.output
    result = export("--automaker", "volvo")
    assert result.exit_code == 2 and "'volvo'" in result.output


def test_link_cells_cannot_become_spreadsheet_formulas():
    link = SupplyLink("catl", "tesla", "battery-cells", "supply", "https://example.org/a", "2020-02-03", True,
                      note="=HYPERLINK(\"http://evil\";\"x\")")
    text = to_csv(link_rows([link], {"catl": "@CATL;+1"}, {"tesla": "Tesla"}), EXPORT_LINK_COLUMNS)
    (row,) = csv.DictReader(io.StringIO(text))
    assert row["note"].startswith("'=") and row["supplier_name"].startswith("'@")
    assert row["verified"] == "yes" and row["since"] == ""
