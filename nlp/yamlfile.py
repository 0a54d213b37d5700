"""The data files' YAML, read with one check that PyYAML leaves out: a key written twice in one
mapping. PyYAML keeps the last silently, so a second `weak:` or `not:` under a topic would drop
the first one's phrases without a word (the same class of quiet loss as a brace group that
expands to nothing, which ``nlp.patterns.expand`` refuses). Anchors and aliases still work."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml


class DuplicateKeyError(yaml.YAMLError):
    """A mapping names one key twice; the message gives the file, the line and the key."""


class _Loader(yaml.SafeLoader):
    def construct_mapping(self, node, deep=False):
        if isinstance(node, yaml.MappingNode):
            seen: dict[Any, int] = {}
            for key_node, _ in node.value:
                if isinstance(key_node, yaml.ScalarNode) and key_node.tag != "tag:yaml.org,2002:merge":
                    key = self.construct_object(key_node, deep=deep)
                    line = key_node.start_mark.line + 1
                    if key in seen:
                        raise DuplicateKeyError(f"{self.name}: line {line}: key {key!r} is written twice "
                                                f"in one mapping (first on line {seen[key]})")
                    seen[key] = line
        return super().construct_mapping(node, deep=deep)


def load(path: str | Path) -> Any:
    """The data of the YAML file at ``path``; a duplicate key raises ``DuplicateKeyError`` (a
    ``yaml.YAMLError``) naming the file and line."""
    path = Path(path)
    text = path.read_text(encoding="utf-8")
    loader = _Loader(text)
    loader.name = str(path)
    try:
        return loader.get_single_data()
    finally:
        loader.dispose()
