"""``chargewatch export --chain`` (issue 18, item 7): one row per automaker and story a story
reaches through a linked supplier it names, as CSV or JSON Lines, and ``--summary`` per automaker;
run as staff run it (click's CliRunner on a real SQLite file), with the links in force (the data
file's with the staff's changes). The stories are those of tests/test_chain_pages.py's
``chain_db``: pomalaa (Huayou and PT Vale Indonesia, no automaker), both (about Ford, naming
Huayou), sqm (SQM, Ford in passing), ford (about Ford, no supplier), ssab (SSAB: Volvo Cars')."""

from __future__ import annotations

import csv
import io
import json

from click.testing import CliRunner

from monitor.cli import main
from monitor.outputs.chain import EXPORT_CHAIN_COLUMNS, EXPORT_CHAIN_SUMMARY_COLUMNS
from storage import open_db
from storage.supply import add_change
from tests.test_chain_pages import chain_db  # noqa: F401  (the fixture)


def export(path, *args):
    return CliRunner().invoke(main, ["export", "--chain", "--db", str(path), *args])


def csv_rows(result) -> list[dict]:
    assert result.exit_code == 0, result.output
    return list(csv.DictReader(io.StringIO(result.stdout)))


def by_key(rows) -> dict[tuple[str, int], dict]:
    return {(r["automaker"], int(r["story_id"])): r for r in rows}


def test_csv_has_a_row_per_automaker_and_story_reached(chain_db):  # noqa: F811
    path, s = chain_db
    result = export(path)
    rows = csv_rows(result)
    assert tuple(rows[0]) == EXPORT_CHAIN_COLUMNS
    got = by_key(rows)
    assert set(got) == {("ford", s["pomalaa"]), ("volkswagen", s["pomalaa"]), ("ford", s["both"]),
                        ("volkswagen", s["both"]), ("ford", s["sqm"]), ("volvo-cars", s["ssab"])}
    pomalaa = got[("ford", s["pomalaa"])]
    assert pomalaa["automaker_name"] == "Ford" and pomalaa["title"] == "Huayou and PT Vale Indonesia break ground in Pomalaa"
    assert pomalaa["url"] == "https://wire.example/1" and pomalaa["source"] == "wire"
    assert pomalaa["published"].startswith("2026-11-20")
    assert pomalaa["via"] == "huayou; pt-vale-indonesia"
    assert pomalaa["via_names"] == "Zhejiang Huayou Cobalt; PT Vale Indonesia"
    assert pomalaa["materials"] == "nickel; cathode-materials" and pomalaa["kinds"] == "joint-venture; supply"
    assert pomalaa["verified"] == "no"  # Huayou's cathode supply to Ford is unverified
    assert (pomalaa["direct"], pomalaa["direct_role"]) == ("no", "")
    assert pomalaa["topics"] == "nickel"
    assert "https://www.greencarcongress.com/2023/03/20230331-pomalaa.html" in pomalaa["link_sources"].split("; ")
    vw = got[("volkswagen", s["pomalaa"])]
    assert vw["via"] == "huayou" and vw["materials"] == "nickel; cobalt" and vw["verified"] == "yes"
    assert (got[("ford", s["both"])]["direct"], got[("ford", s["both"])]["direct_role"]) == ("yes", "subject")
    assert (got[("ford", s["sqm"])]["direct"], got[("ford", s["sqm"])]["direct_role"]) == ("yes", "mention")
    assert got[("ford", s["sqm"])]["verified"] == "yes" and got[("ford", s["sqm"])]["materials"] == "lithium"
    # newest story first
    assert [int(r["story_id"]) for r in rows][0] == s["both"]


def test_json_lines_keep_lists_and_booleans(chain_db):  # noqa: F811
    path, s = chain_db
    result = export(path, "--format", "jsonl", "--automaker", "ford")
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert {r["automaker"] for r in rows} == {"ford"} and len(rows) == 3
    first = next(r for r in rows if r["story_id"] == s["pomalaa"])
    assert set(first) == set(EXPORT_CHAIN_COLUMNS)
    assert first["via"] == ["huayou", "pt-vale-indonesia"] and first["topics"] == ["nickel"]
    assert first["verified"] is False and first["direct"] is False and first["direct_role"] == ""
    assert isinstance(first["story_id"], int) and isinstance(first["link_sources"], list)


def test_dates_and_the_automaker_filter(chain_db, tmp_path):  # noqa: F811
    path, s = chain_db
    since = by_key(csv_rows(export(path, "--since", "2026-11-19")))
    assert ("ford", s["sqm"]) not in since and ("ford", s["pomalaa"]) in since
    until = by_key(csv_rows(export(path, "--until", "2026-11-20")))
    assert ("ford", s["both"]) not in until and ("ford", s["pomalaa"]) in until and ("ford", s["sqm"]) in until
    volvo = csv_rows(export(path, "--automaker", "volvo-cars"))
    assert [(r["automaker"], int(r["story_id"]), r["via_names"]) for r in volvo] == [("volvo-cars", s["ssab"], "SSAB")]
    assert csv_rows(export(path, "--automaker", "byd")) == []  # no link: a header only

    out = tmp_path / "ford.csv"
    result = export(path, "--automaker", "ford", "--out", str(out))
    assert result.exit_code == 0 and "3 chain reach rows written to" in result.stderr
    assert len(list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))) == 3


def test_the_links_in_force_staff_added_and_retired(chain_db):  # noqa: F811
    path, s = chain_db
    db = open_db(path)
    with db.atomic():
        add_change(db, "ssab", "ford", "steel", "supply", "add", "maria", source="https://example.org/ford-ssab")
        add_change(db, "sqm", "ford", "lithium", "supply", "retire", "maria")
    db.close()
    got = by_key(csv_rows(export(path, "--automaker", "ford")))
    assert ("ford", s["sqm"]) not in got  # its only link to Ford is retired
    ssab = got[("ford", s["ssab"])]
    assert ssab["link_sources"] == "https://example.org/ford-ssab" and ssab["verified"] == "yes"
    assert ssab["materials"] == "steel" and ssab["direct"] == "no"


def test_summary_per_automaker(chain_db):  # noqa: F811
    path, s = chain_db
    rows = csv_rows(export(path, "--summary"))
    assert tuple(rows[0]) == EXPORT_CHAIN_SUMMARY_COLUMNS
    ford = next(r for r in rows if r["automaker"] == "ford")
    assert (ford["about"], ford["mentioning"], ford["chain_only"], ford["chain_only_verified"],
            ford["chain_and_named"]) == ("2", "1", "1", "0", "2")
    assert ford["by_material"] == "cathode-materials: 1; nickel: 1"
    vw = next(r for r in rows if r["automaker"] == "volkswagen")
    assert (vw["chain_only"], vw["chain_only_verified"], vw["by_material"]) == ("2", "2", "cobalt: 2; nickel: 2")
    assert len(rows) == len({r["automaker"] for r in rows}) > 18  # every automaker of the registry, once

    one = export(path, "--summary", "--automaker", "ford", "--format", "jsonl", "--since", "2026-11-19")
    assert one.exit_code == 0, one.output
    (row,) = [json.loads(line) for line in one.stdout.splitlines()]
    assert row["by_material"] == {"cathode-materials": 1, "nickel": 1} and row["about"] == 1  # both, not ford


def test_chain_refuses_what_does_not_apply(chain_db):  # noqa: F811
    path, _ = chain_db
    per = export(path, "--per", "article")
    assert per.exit_code == 2 and "--per" in per.output and "--chain" in per.output
    for option in (["--topic", "nickel"], ["--mentions"], ["--source", "wire"]):
        result = export(path, *option)
        assert result.exit_code == 2 and option[0] in result.output, result.output
    both = CliRunner().invoke(main, ["export", "--links", "--chain", "--db", str(path)])
    assert both.exit_code == 2 and "--links and --chain" in both.output
    summary = CliRunner().invoke(main, ["export", "--summary", "--db", str(path)])
    assert summary.exit_code == 2 and "--summary applies to --chain only" in summary.output
    unknown = export(path, "--automaker", "volvo")
    assert unknown.exit_code == 2 and "'volvo'" in unknown.output
    missing = CliRunner().invoke(main, ["export", "--chain", "--db", str(path.parent / "none.db")])
    assert missing.exit_code == 3 and "no such database" in missing.output


def test_chain_cells_cannot_become_formulas(chain_db):  # noqa: F811
    path, s = chain_db
    db = open_db(path)
    db.execute("UPDATE stories SET title = '=HYPERLINK(\"http://evil\";\"x\")' WHERE id = ?", [s["pomalaa"]])
    db.close()
    rows = by_key(csv_rows(export(path, "--automaker", "ford")))
    assert rows[("ford", s["pomalaa"])]["title"].startswith("'=")


def test_rows_are_written_a_batch_at_a_time_with_one_header():
    from monitor.outputs.chain import write_rows

    rows = ({"automaker": "ford", "story_id": i, "via": ["huayou", "sqm"], "verified": i % 2 == 0} for i in range(5))
    parts: list[str] = []
    assert write_rows(rows, ("automaker", "story_id", "via", "verified"), "csv", parts.append, batch=2) == 5
    assert len(parts) == 3 and "".join(parts).count("automaker,story_id") == 1
    assert list(csv.DictReader(io.StringIO("".join(parts))))[4] == {"automaker": "ford", "story_id": "4",
                                                                     "via": "huayou; sqm", "verified": "yes"}
    parts.clear()
    assert write_rows(iter(()), ("automaker",), "csv", parts.append) == 0 and parts == ["automaker\n"]
    parts.clear()
    assert write_rows(iter([{"a": 1}, {"a": 2}]), ("a",), "jsonl", parts.append, batch=1) == 2
    assert [json.loads(p) for p in parts if p] == [{"a": 1}, {"a": 2}]
