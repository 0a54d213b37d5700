"""Load and validate feeds.yaml once, at the edge, into a frozen ``Settings``.

Every error names the file, the line and the key (``feeds.yaml:14: sources[2].interval: ...``),
because the person fixing it is looking at the YAML, not at a Python traceback.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from .config_models import (DigestSettings, LoggingSettings, MailSettings, NetworkSettings, ScheduleSettings,
                            Settings, SourceSpec, StoriesSettings, parse_duration, parse_size)
from .errors import ConfigError

__all__ = ["MAX_DEPTH", "DigestSettings", "FeedsLoader", "LoggingSettings", "MailSettings", "NetworkSettings",
           "ScheduleSettings", "Settings", "SourceSpec", "StoriesSettings", "compose_yaml", "load_settings",
           "parse_duration", "parse_size", "settings_from_yaml"]


# --- YAML with line numbers -------------------------------------------------------------------

MAX_DEPTH = 32  # feeds.yaml needs 4 levels (sources, a source, include, a pattern)


class FeedsLoader(yaml.SafeLoader):
    """PyYAML's safe composer, made safe for a file anyone may hand us (an OPML import writes it):

    - aliases (``*name``) are refused: a feeds file never needs one, and they are how a few lines
      become billions of nodes ("billion laughs") or a node that contains itself;
    - nesting deeper than MAX_DEPTH is refused before Python's recursion limit is reached;
    - a key given twice in one mapping is refused (YAML says keys are unique; PyYAML silently kept
      the last, so a second ``interval:`` overrode the first without a word).

    Each refusal is a ConfigError naming the file and line."""

    def __init__(self, stream, filename: str = "feeds.yaml"):
        super().__init__(stream)
        self.filename = filename
        self.depth = 0

    def _refuse(self, mark, message: str) -> ConfigError:
        return ConfigError(f"{self.filename}:{mark.line + 1}: {message}")

    def compose_node(self, parent, index):
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise self._refuse(event.start_mark, f"YAML aliases (*{event.anchor}) are not allowed in a feeds file: "
                                                 "write the value out")
        self.depth += 1
        try:
            if self.depth > MAX_DEPTH:
                raise self._refuse(self.peek_event().start_mark,
                                   f"nested more than {MAX_DEPTH} levels deep: not a feeds file")
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1

    def compose_mapping_node(self, anchor):
        node = super().compose_mapping_node(anchor)
        seen: dict[tuple, int] = {}
        for key_node, _ in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise self._refuse(key_node.start_mark, "a key must be a plain name, not a list or a mapping")
            key = (key_node.tag, key_node.value)
            if key in seen:
                raise self._refuse(key_node.start_mark, f"duplicate key {key_node.value!r} "
                                                        f"(first given on line {seen[key]})")
            seen[key] = key_node.start_mark.line + 1
        return node


def compose_yaml(text: str, filename: str = "feeds.yaml") -> yaml.Node | None:
    """The YAML node tree of a feeds file, read by FeedsLoader. Raises ConfigError naming the file
    and line for invalid YAML, aliases, too deep nesting and duplicate keys."""
    loader = FeedsLoader(text, filename)
    try:
        return loader.get_single_node()
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        where = f"{filename}:{mark.line + 1}" if mark else filename
        raise ConfigError(f"{where}: invalid YAML: {getattr(exc, 'problem', None) or exc}") from None
    except RecursionError:  # a safety net under MAX_DEPTH
        raise ConfigError(f"{filename}: nested too deep: not a feeds file") from None
    finally:
        loader.dispose()


def _scalar(node: yaml.ScalarNode) -> Any:
    return yaml.SafeLoader("").construct_object(node, deep=True)


def _construct(node: yaml.Node, path: tuple, lines: dict[tuple, int]) -> Any:
    lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        out: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key = key_node.value  # a scalar (FeedsLoader let no other key through), as written
            lines[path + (key,)] = key_node.start_mark.line + 1
            out[key] = _construct(value_node, path + (key,), lines)
            lines[path + (key,)] = key_node.start_mark.line + 1
        return out
    if isinstance(node, yaml.SequenceNode):
        return [_construct(child, path + (i,), lines) for i, child in enumerate(node.value)]
    return _scalar(node)


def _dotted(loc: tuple) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "(top level)"


def load_settings(path: str | Path) -> Settings:
    """Read and validate a feeds file. Raises ConfigError naming the file, line and key."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError(f"{path}: file not found") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read: {exc}") from None
    return settings_from_yaml(text, str(path))


def settings_from_yaml(text: str, filename: str = "feeds.yaml") -> Settings:
    node = compose_yaml(text, filename)
    lines: dict[tuple, int] = {}
    data = _construct(node, (), lines) if node is not None else {}
    if not isinstance(data, dict):
        raise ConfigError(f"{filename}:1: the file must be a mapping with 'network' and 'sources'")
    try:
        return Settings.model_validate(data)
    except ValidationError as exc:
        messages = []
        for err in exc.errors():
            loc = tuple(err["loc"])
            line = next((lines[loc[:i]] for i in range(len(loc), -1, -1) if loc[:i] in lines), 1)
            msg = err["msg"].removeprefix("Value error, ")
            if err["type"] == "extra_forbidden":
                msg = f"unknown key {loc[-1]!r}"
            elif err["type"] == "literal_error":
                msg = f"{msg}, got {err.get('input')!r}"
            messages.append(f"{filename}:{line}: {_dotted(loc)}: {msg}")
        raise ConfigError("\n".join(messages)) from None
