"""The automaker registry (nlp/data/automakers.yaml) as frozen dataclasses."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

from . import yamlfile
from .handles import Handle, parse_handles
from .patterns import expand_all

DATA = Path(__file__).with_name("data")
_ACRONYM = re.compile(r"[A-Z][A-Z&]{1,4}")


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
    surname: bool = False  # also a person's name: refused right after a given name (first_names) or a title
    # words right before or after it (exact case) that make it doubtful: then it counts only with
    # plainly automotive words or another automaker in its sentence ("hired her as GM")
    doubt_before: frozenset[str] = frozenset()
    doubt_after: frozenset[str] = frozenset()
    unit: bool = False  # also a unit of measure: doubtful right after a number ("a 1.5 Tesla magnet")
    not_in: tuple[str, ...] = ()  # names of `other_context` lists: refused in a sentence with one of
    # their words and no car word ("Volvo delivered 1,442 electric trucks")
    conglomerate: bool = False  # a name shared with other companies: refused before a `siblings` word
    founded: int = 0  # the automaker's name only since this year: a sentence dated only before is history
    # (automaker, lower-cased text): "Tesla" and "TESLA" are one name, "Volvo" and "Volvo Cars" two
    key: tuple[str, str] = field(default=("", ""), init=False, compare=False, repr=False)
    # written in capitals, 2 to 5 letters (GM, KIA, SAIC, M&M): may stand for another name in
    # brackets after it ("Kachin Independence Army (KIA)")
    acronym: bool = field(default=False, init=False, compare=False, repr=False)

    def __post_init__(self):
        object.__setattr__(self, "key", (self.automaker, self.text.lower()))
        object.__setattr__(self, "acronym", _ACRONYM.fullmatch(self.text) is not None)


@dataclass(frozen=True)
class Automaker:
    id: str
    name: str
    ranked: bool
    brands: tuple[str, ...]
    handles: tuple[Handle, ...] = ()  # accounts seen in public sources (nlp/handles.py), platform order

    def handle(self, platform: str) -> str | None:
        """The handle on ``platform`` as the platform writes it, or None when none is known."""
        record = self.handle_record(platform)
        return record.handle if record else None

    def handle_record(self, platform: str) -> Handle | None:
        """The handle on ``platform`` with where it was seen, or None when none is known."""
        return next((h for h in self.handles if h.platform == platform), None)


@dataclass(frozen=True)
class Registry:
    automakers: tuple[Automaker, ...]
    forms: tuple[SurfaceForm, ...]
    context_words: tuple[str, ...]
    strict_context_words: tuple[str, ...]
    blocked: tuple[str, ...]
    other_context: tuple[tuple[str, tuple[str, ...]], ...] = ()  # (name, phrases): another industry's words
    car_words: tuple[str, ...] = ()  # a car word keeps a name in a sentence of another industry's words
    siblings_next: frozenset[str] = frozenset()  # right after a conglomerate's name: Hyundai Steel
    siblings_far: frozenset[str] = frozenset()  # or after one more name: Hyundai Samho Heavy Industries
    titles: frozenset[str] = frozenset()  # before a surname form: a person (COO Ford, Mr. Honda)
    places: frozenset[str] = frozenset()  # after a name and a comma: a town (Lincoln, Neb.)
    # right after any form, capitalised: a place or another business named after it (Cadillac
    # Mountain, Lotus Bakeries, Ford Foundation)
    named_after: frozenset[str] = frozenset()
    # a truck maker's name (a blocked name, lower-cased) -> its own brands that carmakers also bear
    # (form texts, lower-cased): after "Volvo Group", "brands including Renault and Mack" are its trucks
    sister_brands: tuple[tuple[str, frozenset[str]], ...] = ()
    # a brand -> its models: right after a form of the brand that needs context, one of them (or a
    # model code, "F-150") makes it the carmaker ("a Ford Mustang"); the names as written
    models: tuple[tuple[str, frozenset[str]], ...] = ()

    def get(self, automaker_id: str) -> Automaker:
        for a in self.automakers:
            if a.id == automaker_id:
                return a
        raise KeyError(automaker_id)


def _form(entry, automaker: str, brand: str) -> SurfaceForm:
    if isinstance(entry, str):
        return SurfaceForm(entry, automaker, brand)
    unknown = set(entry) - {"form", "case", "context", "not_before", "not_after", "surname", "doubt_before",
                            "doubt_after", "unit", "not_in", "conglomerate", "founded", "upper"}
    if unknown or "form" not in entry:
        raise ValueError(f"automakers.yaml: {automaker}/{brand}: bad surface form {entry!r}")
    context = entry.get("context")
    if context not in (None, False, True, "strict"):
        raise ValueError(f"automakers.yaml: {automaker}/{brand}: context must be true or strict")
    return SurfaceForm(str(entry["form"]), automaker, brand, exact_case=entry.get("case") == "exact",
                       needs_context=bool(context), strict_context=context == "strict",
                       not_before=frozenset(str(w).lower() for w in entry.get("not_before", ())),
                       not_after=frozenset(str(w).lower() for w in entry.get("not_after", ())),
                       surname=bool(entry.get("surname")),
                       doubt_before=frozenset(str(w) for w in entry.get("doubt_before", ())),
                       doubt_after=frozenset(str(w) for w in entry.get("doubt_after", ())),
                       unit=bool(entry.get("unit")), not_in=tuple(str(n) for n in entry.get("not_in", ())),
                       conglomerate=bool(entry.get("conglomerate")), founded=int(entry.get("founded") or 0))


def _upper_twin(entry, form: SurfaceForm) -> SurfaceForm | None:
    """A name that must match its exact case ("Kia", "Honda") is also written in capitals, in
    tables, datelines and shouted headlines ("KIA", "HONDA"): the same form in capitals, with the
    same rules, unless `upper: false` (RAM is memory) or the capitals are listed as a form of
    their own (KIA, with its own rules: killed in action)."""
    if not form.exact_case or form.text.upper() == form.text:
        return None
    if isinstance(entry, dict) and entry.get("upper") is False:
        return None
    return replace(form, text=form.text.upper())


@lru_cache(maxsize=1)
def first_names(path: Path = DATA / "first_names.txt") -> frozenset[str]:
    """Given names as written (capitalised: "dan Ford" in Indonesian is "and Ford"); before a
    form that is also a family name they make it a person."""
    lines = Path(path).read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


@lru_cache(maxsize=4)
def load_registry(path: Path = DATA / "automakers.yaml") -> Registry:
    data = yamlfile.load(path)
    automakers, forms = [], []
    plurals = frozenset(map(str, data.get("plurals") or ()))
    for entry in data["automakers"]:
        aid = entry["id"]
        brands = entry.get("brands") or {}
        automakers.append(Automaker(
            id=aid, name=entry["name"], ranked=bool(entry.get("ranked")), brands=tuple(brands),
            handles=parse_handles(entry.get("handles"), where=f"{path}: {aid}")))
        for brand, surface in brands.items():
            listed = [_form(item, aid, str(brand)) for item in surface]
            exact = {f.text for f in listed if f.exact_case}
            for item, form in zip(surface, listed):
                forms.append(form)
                if form.text in plurals:  # "Teslas", "Land Rovers": the same rules
                    forms.append(replace(form, text=form.text + "s"))
                twin = _upper_twin(item, form)
                if twin is not None and twin.text not in exact:
                    forms.append(twin)
    unknown = plurals - {f.text for f in forms}
    if unknown:
        raise ValueError(f"automakers.yaml: plurals: {sorted(unknown)} are no surface forms")
    other = data.get("other_context") or {}
    for form in forms:
        if set(form.not_in) - set(other):
            raise ValueError(f"automakers.yaml: {form.automaker}/{form.brand}: unknown not_in {form.not_in!r}")
    siblings = data.get("siblings") or {}
    return Registry(tuple(automakers), tuple(forms), tuple(expand_all(data.get("automaker_context"))),
                    tuple(expand_all(data.get("strict_context"))), tuple(expand_all(data.get("blocked"))),
                    other_context=tuple((str(name), tuple(expand_all(words))) for name, words in other.items()),
                    car_words=tuple(expand_all(data.get("car_words"))),
                    siblings_next=_lower_set(siblings.get("next")), siblings_far=_lower_set(siblings.get("far")),
                    titles=_lower_set(data.get("titles")), places=_lower_set(data.get("places")),
                    named_after=_lower_set(data.get("named_after")),
                    sister_brands=_sister_brands(data.get("sister_brands"), blocked=data.get("blocked"), forms=forms),
                    models=_models(data.get("models"), forms))


def _models(entries, forms) -> tuple[tuple[str, frozenset[str]], ...]:
    brands = {f.brand for f in forms}
    for brand in entries or {}:
        if brand not in brands:
            raise ValueError(f"automakers.yaml: models: {brand!r} is no brand of the automakers")
    return tuple((str(brand), frozenset(map(str, names))) for brand, names in (entries or {}).items())


def _sister_brands(entries, *, blocked, forms) -> tuple[tuple[str, frozenset[str]], ...]:
    """``sister_brands`` as (blocked name, brand forms), all lower-cased; each name must be
    blocked (only a blocked name is seen as another company) and each brand a known form."""
    out = []
    names = {" ".join(str(b).split()).lower() for b in blocked or ()}
    texts = {f.text.lower() for f in forms}
    for name, brands in (entries or {}).items():
        key = " ".join(str(name).split()).lower()
        wanted = frozenset(str(b).lower() for b in brands or ())
        if key not in names or wanted - texts:
            raise ValueError(f"automakers.yaml: sister_brands: {name!r} must be blocked and name known forms")
        out.append((key, wanted))
    return tuple(out)


def _lower_set(words) -> frozenset[str]:
    return frozenset(str(w).lower() for w in words or ())
