"""The automaker registry (nlp/data/automakers.yaml) as frozen dataclasses."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from .patterns import expand_all

DATA = Path(__file__).with_name("data")


@dataclass(frozen=True)
class SurfaceForm:
    """One way of writing an automaker's name in text."""

    text: str
    automaker: str
    brand: str
    exact_case: bool = False
    needs_context: bool = False
    strict_context: bool = False
    not_before: frozenset[str] = frozenset()
    not_after: frozenset[str] = frozenset()
    surname: bool = False  # also a family name: refused right after a given name (first_names)


@dataclass(frozen=True)
class Automaker:
    id: str
    name: str
    ranked: bool
    brands: tuple[str, ...]
    handles: tuple[tuple[str, str], ...]  # (platform, handle)

    def handle(self, platform: str) -> str | None:
        return dict(self.handles).get(platform)


@dataclass(frozen=True)
class Registry:
    automakers: tuple[Automaker, ...]
    forms: tuple[SurfaceForm, ...]
    context_words: tuple[str, ...]
    strict_context_words: tuple[str, ...]
    blocked: tuple[str, ...]

    def get(self, automaker_id: str) -> Automaker:
        for a in self.automakers:
            if a.id == automaker_id:
                return a
        raise KeyError(automaker_id)


def _form(entry, automaker: str, brand: str) -> SurfaceForm:
    if isinstance(entry, str):
        return SurfaceForm(entry, automaker, brand)
    unknown = set(entry) - {"form", "case", "context", "not_before", "not_after", "surname"}
    if unknown or "form" not in entry:
        raise ValueError(f"automakers.yaml: {automaker}/{brand}: bad surface form {entry!r}")
    context = entry.get("context")
    if context not in (None, False, True, "strict"):
        raise ValueError(f"automakers.yaml: {automaker}/{brand}: context must be true or strict")
    return SurfaceForm(str(entry["form"]), automaker, brand, exact_case=entry.get("case") == "exact",
                       needs_context=bool(context), strict_context=context == "strict",
                       not_before=frozenset(str(w).lower() for w in entry.get("not_before", ())),
                       not_after=frozenset(str(w).lower() for w in entry.get("not_after", ())),
                       surname=bool(entry.get("surname")))


@lru_cache(maxsize=1)
def first_names(path: Path = DATA / "first_names.txt") -> frozenset[str]:
    """Given names as written (capitalised: "dan Ford" in Indonesian is "and Ford"); before a
    form that is also a family name they make it a person."""
    lines = Path(path).read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


@lru_cache(maxsize=4)
def load_registry(path: Path = DATA / "automakers.yaml") -> Registry:
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    automakers, forms = [], []
    for entry in data["automakers"]:
        aid = entry["id"]
        brands = entry.get("brands") or {}
        automakers.append(Automaker(
            id=aid, name=entry["name"], ranked=bool(entry.get("ranked")), brands=tuple(brands),
            handles=tuple(sorted((entry.get("handles") or {}).items()))))
        for brand, surface in brands.items():
            for item in surface:
                forms.append(_form(item, aid, str(brand)))
    return Registry(tuple(automakers), tuple(forms), tuple(expand_all(data.get("automaker_context"))),
                    tuple(expand_all(data.get("strict_context"))), tuple(expand_all(data.get("blocked"))))
