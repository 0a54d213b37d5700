"""The data files refuse a key written twice in one mapping (PyYAML would keep the last silently:
a second `weak:` under a topic drops the first one's phrases), naming the file and the line."""

from __future__ import annotations

from pathlib import Path

import pytest

from nlp import yamlfile
from nlp.registry import load_registry
from nlp.taxonomy import load_taxonomy

DATA = Path(__file__).resolve().parent.parent / "nlp" / "data"


def test_a_duplicate_key_names_the_file_and_both_lines(tmp_path: Path):
    path = tmp_path / "topics.yaml"
    path.write_text("topics:\n  - id: x\n    weak: [a]\n    name: X\n    weak: [b]\n", encoding="utf-8")
    with pytest.raises(yamlfile.DuplicateKeyError, match=r"topics\.yaml: line 5: key 'weak' is written twice .*line 3"):
        yamlfile.load(path)
    with pytest.raises(yamlfile.DuplicateKeyError):
        load_taxonomy(path)


def test_anchors_aliases_and_distinct_keys_still_load(tmp_path: Path):
    path = tmp_path / "a.yaml"
    path.write_text("a: &names [x, y]\nb: *names\nc: {d: 1, e: 2}\n", encoding="utf-8")
    assert yamlfile.load(path) == {"a": ["x", "y"], "b": ["x", "y"], "c": {"d": 1, "e": 2}}


def test_the_automaker_registry_refuses_a_duplicate_brand(tmp_path: Path):
    path = tmp_path / "automakers.yaml"
    path.write_text("automakers:\n  - id: x\n    name: X\n    brands:\n      X: [Xeno]\n      X: [Xenon]\n",
                    encoding="utf-8")
    with pytest.raises(yamlfile.DuplicateKeyError, match="line 6: key 'X'"):
        load_registry(path)


@pytest.mark.parametrize("name", ["topics.yaml", "automakers.yaml", "suppliers.yaml", "supply_links.yaml"])
def test_the_shipped_data_files_have_no_duplicate_keys(name):
    assert yamlfile.load(DATA / name) is not None
