"""Supply links (nlp/data/supply_links.yaml): which supplier supplies which automaker group with
what, each with the public source it was seen in.

A story that names only a nickel smelter or a steelmaker reaches the automakers that buy from it
through these links (``reach``). A link is data a researcher can check: it names its source and
the date, and says whether the source itself states the deal (``verified``) or only reports or
implies it. The file is read once and checked as a whole: an unknown supplier, automaker,
material or kind, a missing source or a date that is not a date stops the load with a message
naming the file, the entry and the key, because a wrong link would silently send stories to
the wrong automaker.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path

import yaml

from . import yamlfile

DATA = Path(__file__).with_name("data")
LINKS_FILE = DATA / "supply_links.yaml"

MATERIALS = ("steel", "aluminium", "lithium", "nickel", "cobalt", "graphite", "rare-earths", "manganese", "copper",
             "battery-cells", "cathode-materials", "anode-materials", "recycling", "seabed-minerals")
KINDS = ("offtake", "supply", "joint-venture", "stake")
_KEYS = ("supplier", "automaker", "material", "kind", "since", "verified", "source", "seen", "note")
_REQUIRED = ("supplier", "automaker", "material", "kind", "verified", "source", "seen")
# since: a year, a month or a day (deals are often known only to the month); seen: always a day
_PARTIAL_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")
# a source is a web page or a file in a repository ("owner/name path/in/repo")
_URL = re.compile(r"https?://[^\s/]+\.[^\s/]+\S*")
_REPO_PATH = re.compile(r"[\w.-]+/[\w.-]+ \S+")


class SupplyLinkError(ValueError):
    """supply_links.yaml is invalid; the message names the file, the entry and the key."""


@dataclass(frozen=True)
class SupplyLink:
    supplier: str
    automaker: str  # an automaker group id of nlp/data/automakers.yaml
    material: str
    kind: str  # "offtake" | "supply" | "joint-venture" | "stake"
    source: str  # URL, or repository + path, where it was seen
    seen: str  # ISO date the source was published or read
    verified: bool
    since: str | None = None
    note: str = ""


def _text(value) -> str:
    """YAML reads 2023-06-07 as a date and 2023 as a number: both are kept as written."""
    return value.isoformat() if isinstance(value, date) else str(value).strip()


def _check_date(value: str, *, whole_day: bool) -> bool:
    if whole_day:
        try:
            date.fromisoformat(value)
        except ValueError:
            return False
        return len(value) == 10
    if not _PARTIAL_DATE.fullmatch(value):
        return False
    year, month, day = (value.split("-") + ["01", "01"])[:3]
    try:
        date(int(year), int(month), int(day))
    except ValueError:
        return False
    return True


def parse_links(data, where: str, suppliers: Iterable[str], automakers: Iterable[str]) -> tuple[SupplyLink, ...]:
    """The links of a loaded YAML document, checked against the known supplier and automaker ids.

    ``where`` names the file in errors; each entry is named by its number (1-based) and, once
    known, by its supplier and automaker ("link 12 (stegra -> bmw)")."""
    known_suppliers, known_automakers = frozenset(suppliers), frozenset(automakers)
    if not isinstance(data, dict) or not isinstance(data.get("links"), list):
        raise SupplyLinkError(f"{where}: expected a top-level 'links:' list")
    links, seen_keys = [], {}
    for number, entry in enumerate(data["links"], start=1):
        name = f"link {number}"
        if not isinstance(entry, dict):
            raise SupplyLinkError(f"{where}: {name}: expected a mapping of keys, got {entry!r}")
        if entry.get("supplier") and entry.get("automaker"):
            name = f"link {number} ({entry['supplier']} -> {entry['automaker']})"
        unknown = sorted(set(map(str, entry)) - set(_KEYS))
        if unknown:
            raise SupplyLinkError(f"{where}: {name}: unknown key {unknown[0]!r} (known: {', '.join(_KEYS)})")
        for key in _REQUIRED:
            if entry.get(key) is None or _text(entry[key]) == "":
                raise SupplyLinkError(f"{where}: {name}: key {key!r} is missing: every link names its "
                                      "supplier, automaker, material, kind, verified, source and seen")
        fields = {key: _text(entry[key]) for key in _KEYS if key in entry and key != "verified"}
        if fields["supplier"] not in known_suppliers:
            raise SupplyLinkError(f"{where}: {name}: key 'supplier': unknown supplier id {fields['supplier']!r} "
                                  "(not in nlp/data/suppliers.yaml)")
        if fields["automaker"] not in known_automakers:
            raise SupplyLinkError(f"{where}: {name}: key 'automaker': unknown automaker group id "
                                  f"{fields['automaker']!r} (not in nlp/data/automakers.yaml)")
        if fields["material"] not in MATERIALS:
            raise SupplyLinkError(f"{where}: {name}: key 'material': unknown material {fields['material']!r} "
                                  f"(one of: {', '.join(MATERIALS)})")
        if fields["kind"] not in KINDS:
            raise SupplyLinkError(f"{where}: {name}: key 'kind': unknown kind {fields['kind']!r} "
                                  f"(one of: {', '.join(KINDS)})")
        if not isinstance(entry["verified"], bool):
            raise SupplyLinkError(f"{where}: {name}: key 'verified': must be true or false, "
                                  f"not {entry['verified']!r}")
        if not (_URL.fullmatch(fields["source"]) or _REPO_PATH.fullmatch(fields["source"])):
            raise SupplyLinkError(f"{where}: {name}: key 'source': {fields['source']!r} is neither an http(s) URL "
                                  "nor 'owner/repository path/to/file'")
        if not _check_date(fields["seen"], whole_day=True):
            raise SupplyLinkError(f"{where}: {name}: key 'seen': {fields['seen']!r} is not a date (YYYY-MM-DD)")
        since = fields.get("since") or None
        if since is not None and not _check_date(since, whole_day=False):
            raise SupplyLinkError(f"{where}: {name}: key 'since': {since!r} is not a date "
                                  "(YYYY, YYYY-MM or YYYY-MM-DD)")
        key = (fields["supplier"], fields["automaker"], fields["material"], fields["kind"])
        if key in seen_keys:
            raise SupplyLinkError(f"{where}: {name}: the same supplier, automaker, material and kind as "
                                  f"link {seen_keys[key]}: give one link with the better source")
        seen_keys[key] = number
        links.append(SupplyLink(supplier=fields["supplier"], automaker=fields["automaker"],
                                material=fields["material"], kind=fields["kind"], source=fields["source"],
                                seen=fields["seen"], verified=entry["verified"], since=since,
                                note=fields.get("note", "")))
    return tuple(links)


def read_links(path: Path, suppliers: Iterable[str], automakers: Iterable[str]) -> tuple[SupplyLink, ...]:
    """The links of the file at ``path`` (YAML), checked against the given ids."""
    try:
        data = yamlfile.load(path)
    except yaml.YAMLError as exc:
        raise SupplyLinkError(f"{path}: not valid YAML: {exc}") from None
    return parse_links(data, str(path), suppliers, automakers)


def _known_ids() -> tuple[frozenset[str], frozenset[str]]:
    from .registry import load_registry
    from .suppliers import load_suppliers

    return (frozenset(s.id for s in load_suppliers()), frozenset(a.id for a in load_registry().automakers))


@lru_cache(maxsize=4)
def load_links(path: Path | None = None) -> tuple[SupplyLink, ...]:
    """Every link of nlp/data/supply_links.yaml (or of ``path``), checked against the supplier
    registry (nlp/suppliers.py) and the automaker registry (nlp/registry.py). Cached."""
    suppliers, automakers = _known_ids()
    return read_links(Path(path) if path is not None else LINKS_FILE, suppliers, automakers)


def reach(supplier_ids: Iterable[str], links: Iterable[SupplyLink] | None = None) -> dict[str, tuple[str, ...]]:
    """Automaker id -> the given suppliers linked to it (verified and unverified), each once, in
    the order the suppliers were given; automakers in the order of their first link."""
    wanted = list(dict.fromkeys(supplier_ids))
    if not wanted:
        return {}
    order = {s: i for i, s in enumerate(wanted)}
    index = _default_index() if links is None else _index(links)
    found: dict[str, set[str]] = {}
    for _, automaker, supplier in sorted((n, automaker, s) for s in wanted for n, automaker in index.get(s, ())):
        found.setdefault(automaker, set()).add(supplier)
    return {automaker: tuple(sorted(via, key=order.__getitem__)) for automaker, via in found.items()}


def _index(links: Iterable[SupplyLink]) -> dict[str, list[tuple[int, str]]]:
    """Supplier id -> [(its link's place among ``links``, automaker)]: a text names a few suppliers,
    and reading only their links, not every link, is what makes ``reach`` cheap for each text."""
    out: dict[str, list[tuple[int, str]]] = {}
    for n, link in enumerate(links):
        out.setdefault(link.supplier, []).append((n, link.automaker))
    return out


@lru_cache(maxsize=1)
def _default_index() -> dict[str, list[tuple[int, str]]]:
    return _index(load_links())


def links_of(automaker: str | None = None, supplier: str | None = None,
             links: Iterable[SupplyLink] | None = None) -> tuple[SupplyLink, ...]:
    """The links of one automaker and/or one supplier (all links when neither is given)."""
    return tuple(link for link in (load_links() if links is None else links)
                 if (automaker is None or link.automaker == automaker)
                 and (supplier is None or link.supplier == supplier))
