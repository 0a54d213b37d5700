"""The supplier registry (nlp/data/suppliers.yaml) as frozen dataclasses.

Suppliers are the companies in the automakers' chains: miners, smelters, steelmakers, cell and
cathode makers, recyclers, the industrial parks where nickel is smelted. Each has the names it
is written by (``SupplierForm``) and the rules that tell it from its namesakes ("Hydro" is not
Hydro One, "Vale" is also a word, "Rio Tinto" a river, "Panasonic" a television). Read once and
checked whole: a mistake in the file stops the tagger from being built, with an error that
names the file, the supplier and the key, rather than tagging quietly wrong.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

from . import yamlfile
from .patterns import expand_all

DATA = Path(__file__).with_name("data")
SUPPLIERS_FILE = DATA / "suppliers.yaml"
MATERIALS = ("steel", "aluminium", "lithium", "nickel", "cobalt", "graphite", "rare-earths", "manganese", "copper",
             "battery-cells", "cathode-materials", "anode-materials", "recycling", "seabed-minerals")
ANY_CONTEXT = "*"  # a form's context: the general supply-chain words (`context: true`)
_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_SUPPLIER_KEYS = frozenset(("id", "name", "country", "materials", "parent", "forms"))
_FORM_KEYS = frozenset(("form", "case", "context", "not_before", "not_after"))


class SupplierRegistryError(ValueError):
    """The supplier file is wrong; the message names the file, the supplier and the key."""


@dataclass(frozen=True)
class Supplier:
    id: str
    name: str
    country: str
    materials: tuple[str, ...]
    parent: str | None = None


@dataclass(frozen=True)
class SupplierForm:
    """One way of writing a supplier's name in text."""

    text: str
    supplier: str
    exact_case: bool = False
    context: str = ""  # "": always the supplier; ANY_CONTEXT or a context list's name: only beside its words
    not_before: frozenset[str] = frozenset()  # lower-cased words that refuse it right before
    not_after: frozenset[str] = frozenset()  # ... or right after, punctuation skipped
    key: tuple[str, str] = field(default=("", ""), init=False, compare=False, repr=False)

    def __post_init__(self):
        object.__setattr__(self, "key", (self.supplier, self.text.lower()))


@dataclass(frozen=True)
class SupplierRegistry:
    suppliers: tuple[Supplier, ...]
    forms: tuple[SupplierForm, ...]
    context_words: tuple[str, ...]  # the general supply-chain words
    context_lists: tuple[tuple[str, tuple[str, ...]], ...] = ()  # (name, words): narrower lists
    blocked: tuple[str, ...] = ()  # look-alikes, never a supplier (Hydro One, LG Electronics)

    def get(self, supplier_id: str) -> Supplier:
        for s in self.suppliers:
            if s.id == supplier_id:
                return s
        raise KeyError(supplier_id)


@lru_cache(maxsize=4)
def load_supplier_registry(path: Path = SUPPLIERS_FILE) -> SupplierRegistry:
    """The whole registry, checked; ``SupplierRegistryError`` names what is wrong and where."""
    path = Path(path)
    try:
        data = yamlfile.load(path)
    except OSError as e:
        raise SupplierRegistryError(f"{path}: cannot read the supplier registry: {e.strerror or e}") from e
    except yaml.YAMLError as e:
        raise SupplierRegistryError(f"{path}: not valid YAML: {e}") from e
    if not isinstance(data, dict) or not isinstance(data.get("suppliers"), list):
        raise SupplierRegistryError(f"{path}: key 'suppliers': must be a list of suppliers")
    lists = data.get("context_lists") or {}
    if not isinstance(lists, dict):
        raise SupplierRegistryError(f"{path}: key 'context_lists': must map a list's name to its words")
    suppliers: list[Supplier] = []
    forms: list[SupplierForm] = []
    for n, entry in enumerate(data["suppliers"]):
        supplier, own = _supplier(path, n, entry, set(lists))
        suppliers.append(supplier)
        forms.extend(own)
    _check_whole(path, suppliers, forms)
    return SupplierRegistry(
        tuple(suppliers), tuple(forms), tuple(expand_all(data.get("context"))),
        context_lists=tuple((str(name), tuple(expand_all(words))) for name, words in lists.items()),
        blocked=tuple(expand_all(data.get("blocked"))))


def load_suppliers() -> tuple[Supplier, ...]:
    """Every supplier of nlp/data/suppliers.yaml, in the file's order (read once)."""
    return load_supplier_registry().suppliers


def supplier_names() -> dict[str, str]:
    """Supplier id -> display name."""
    return {s.id: s.name for s in load_suppliers()}


def _supplier(path: Path, n: int, entry, list_names: set[str]) -> tuple[Supplier, list[SupplierForm]]:
    if not isinstance(entry, dict):
        raise SupplierRegistryError(f"{path}: supplier #{n + 1}: must be a mapping with id, name, country, "
                                    "materials and forms")
    sid = entry.get("id")
    where = f"{path}: supplier {sid!r}" if sid else f"{path}: supplier #{n + 1}"

    def fail(key: str, message: str):
        raise SupplierRegistryError(f"{where}: key {key!r}: {message}")

    for key in sorted(set(entry) - _SUPPLIER_KEYS):
        fail(key, f"unknown key (known: {', '.join(sorted(_SUPPLIER_KEYS))})")
    if not isinstance(sid, str) or not _SLUG.fullmatch(sid):
        fail("id", "must be a lower-case slug, words joined by '-' (norsk-hydro)")
    for key in ("name", "country"):
        if not isinstance(entry.get(key), str) or not entry[key].strip():
            fail(key, "must be a non-empty text")
    materials = entry.get("materials")
    if not isinstance(materials, list) or not materials:
        fail("materials", "must be a non-empty list")
    for m in materials:
        if m not in MATERIALS:
            fail("materials", f"unknown material {m!r} (known: {', '.join(MATERIALS)})")
    parent = entry.get("parent")
    if parent is not None and (not isinstance(parent, str) or parent == sid):
        fail("parent", "must be another supplier's id")
    surface = entry.get("forms")
    if not isinstance(surface, list) or not surface:
        fail("forms", "must be a non-empty list of names")
    forms = [_form(item, sid, list_names, fail) for item in surface]
    return Supplier(sid, entry["name"].strip(), entry["country"].strip(), tuple(materials), parent), forms


def _form(item, sid: str, list_names: set[str], fail) -> SupplierForm:
    if isinstance(item, str) and item.strip():
        return SupplierForm(" ".join(item.split()), sid)
    if not isinstance(item, dict) or not isinstance(item.get("form"), str) or not item["form"].strip():
        fail("forms", f"bad form {item!r}: a name, or a mapping with `form`")
    for key in sorted(set(item) - _FORM_KEYS):
        fail("forms", f"form {item['form']!r}: unknown option {key!r} (known: {', '.join(sorted(_FORM_KEYS))})")
    case = item.get("case")
    if case not in (None, "exact"):
        fail("forms", f"form {item['form']!r}: case must be exact")
    context = item.get("context")
    if context is True:
        context = ANY_CONTEXT
    elif context in (None, False):
        context = ""
    elif not isinstance(context, str) or context not in list_names:
        fail("forms", f"form {item['form']!r}: context must be true or a name of context_lists "
                      f"({', '.join(sorted(list_names)) or 'none defined'})")
    words = {}
    for key in ("not_before", "not_after"):
        value = item.get(key) or []
        if not isinstance(value, list):
            fail("forms", f"form {item['form']!r}: {key} must be a list of words")
        words[key] = frozenset(str(w).lower() for w in value)
    return SupplierForm(" ".join(item["form"].split()), sid, exact_case=case == "exact", context=context, **words)


def _check_whole(path: Path, suppliers: list[Supplier], forms: list[SupplierForm]) -> None:
    """What no single entry shows: ids used twice, unknown parents, a name given to two suppliers."""
    seen: set[str] = set()
    for s in suppliers:
        if s.id in seen:
            raise SupplierRegistryError(f"{path}: supplier {s.id!r}: key 'id': used twice")
        seen.add(s.id)
    for s in suppliers:
        if s.parent is not None and s.parent not in seen:
            raise SupplierRegistryError(f"{path}: supplier {s.id!r}: key 'parent': unknown supplier {s.parent!r}")
    owner: dict[tuple[str, bool], str] = {}
    for f in forms:
        text = f.text if f.exact_case else f.text.lower()
        other = owner.setdefault((text, f.exact_case), f.supplier)
        if other != f.supplier:
            raise SupplierRegistryError(f"{path}: supplier {f.supplier!r}: key 'forms': {f.text!r} is already "
                                        f"a name of {other!r}")
