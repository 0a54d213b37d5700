"""`chargewatch evaluate`: the tagger scored on a labelled set in the real passages' format, with
the per-label table, JSON figures, the dev/held-out split and errors; a bad label file is refused
with its file, line and field. The passages here are written for these tests."""

from __future__ import annotations

import json

from click.testing import CliRunner

from monitor.cli import main
from nlp.evaluate import real_split

PASSAGES = [
    {"id": "e1", "text": "Volvo Cars signed a deal to buy fossil-free steel from a Swedish start-up for its "
     "car bodies. Deliveries begin next year.", "brands": ["Volvo Cars"], "topics": ["green-steel"],
     "about": ["volvo-cars"]},
    {"id": "e2", "text": "Premier Doug Ford said the province would widen the highway. Work starts in "
     "spring.", "brands": [], "topics": []},
    {"id": "e3", "text": "Toyota and Honda both reported higher sales in October. Neither company changed "
     "its forecast for the year.", "brands": ["Toyota", "Honda"], "topics": [], "about": ["toyota", "honda"]},
    # labelled with a topic the text does not prove: a miss the report must list
    {"id": "e4", "text": "The town council met on Tuesday to discuss parking.", "topics": ["nickel"]},
]


def _write(tmp_path, rows, name="labels.jsonl"):
    path = tmp_path / name
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def test_table_and_summary_score_each_label(tmp_path):
    path = _write(tmp_path, PASSAGES)
    result = CliRunner().invoke(main, ["evaluate", str(path)])
    assert result.exit_code == 0, result.output
    rows = {line.split()[0]: line for line in result.output.splitlines() if "|" in line}
    assert "1/0/0" in rows["volvo-cars"]
    assert "0/0/1" in rows["nickel"]  # the miss
    assert "all         4 passages:" in result.output
    assert "role accuracy" in result.output


def test_json_counts_and_errors(tmp_path):
    path = _write(tmp_path, PASSAGES)
    result = CliRunner().invoke(main, ["evaluate", str(path), "--json", "--errors"])
    assert result.exit_code == 0, result.output
    out = json.loads(result.output)
    topics = out["parts"]["all"]["topics"]
    assert (topics["tp"], topics["fn"]) == (1, 1)
    assert out["parts"]["all"]["per_label"]["topic:nickel"]["recall"] == 0.0
    assert out["parts"]["all"]["automakers"]["fp"] == 0  # the premier is no carmaker
    missed = [e for e in out["errors"]["tags"] if e["missing"]]
    assert [(e["id"], e["missing"]) for e in missed] == [("e4", ["nickel"])]


def test_errors_listed_with_the_passage(tmp_path):
    path = _write(tmp_path, PASSAGES)
    result = CliRunner().invoke(main, ["evaluate", str(path), "--errors"])
    assert result.exit_code == 0, result.output
    assert "misses (1;" in result.output
    assert "e4 -topic nickel" in result.output
    assert "The town council met" in result.output


def test_split_shows_parts_and_only_dev_errors(tmp_path):
    rows = [dict(p, id=f"s{n}") for n in range(12) for p in PASSAGES[3:]]
    path = _write(tmp_path, rows)
    result = CliRunner().invoke(main, ["evaluate", str(path), "--split", "--errors", "--json"])
    assert result.exit_code == 0, result.output
    out = json.loads(result.output)
    held = sum(real_split(r["id"]) == "heldout" for r in rows)
    assert 0 < held < len(rows)
    assert out["parts"]["heldout"]["passages"] == held
    assert out["parts"]["dev"]["passages"] == len(rows) - held
    assert {real_split(e["id"]) for e in out["errors"]["tags"]} == {"dev"}


def test_bad_label_files_name_file_line_and_field(tmp_path):
    cases = {
        "json": ('{"id": "a", "text": "x"}\n{"id": "b", "text": \n', ":2: invalid JSON"),
        "topic": ('{"id": "a", "text": "x", "topics": ["green steel"]}\n', "\"topics\" names no topic: 'green steel'"),
        "about": ('\n{"id": "a", "text": "x", "about": ["Tesla"]}\n', ":2: a: \"about\" names no automaker group"),
        "dup": ('{"id": "a", "text": "x"}\n{"id": "a", "text": "y"}\n', ":2: id 'a' already used on line 1"),
        "text": ('{"id": "a"}\n', ":1: a: missing \"text\""),
        "list": ('{"id": "a", "text": "x", "brands": "Ford"}\n', "\"brands\" must be a list of strings"),
        "empty": ("\n\n", "no passages"),
    }
    for name, (content, message) in cases.items():
        path = tmp_path / f"{name}.jsonl"
        path.write_text(content, encoding="utf-8")
        result = CliRunner().invoke(main, ["evaluate", str(path)])
        assert result.exit_code == 1, (name, result.output)
        assert str(path) in result.output and message in result.output, (name, result.output)
    missing = CliRunner().invoke(main, ["evaluate", str(tmp_path / "nope.jsonl")])
    assert missing.exit_code != 0 and "nope.jsonl" in missing.output


def test_unknown_brand_is_warned_not_scored(tmp_path):
    path = _write(tmp_path, [{"id": "w", "text": "Acme Motors opened a plant.", "brands": ["Acme Motors"]}])
    result = CliRunner().invoke(main, ["evaluate", str(path), "--json"])
    assert result.exit_code == 0, result.output
    out = json.loads(result.stdout)
    assert out["unmapped_brands"] == [{"id": "w", "brand": "Acme Motors"}]
    assert out["parts"]["all"]["automakers"]["fn"] == 0
