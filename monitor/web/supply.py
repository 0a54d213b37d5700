"""The supply chain: the map of supply links with their table (GET /supply-chain, filtered by
?material= and ?automaker=), a page per supplier (GET /suppliers/{id}: its facts, the automakers
it supplies, and its coverage from its stored tags: the weekly chart, the topics and automakers on
its stories, the latest) and the panel of an automaker's suppliers on its page (``supply_panel``
with ``with_activity``: each supplier's latest coverage and topics; used by facets.py).

The data are the registries of nlp/ (nlp/data/suppliers.yaml through nlp.suppliers.load_suppliers,
nlp/data/supply_links.yaml through nlp.supply_links.load_links), read when a page first needs
them and cached there. A test (or a later store of links edited by staff) hands the pages other
data by setting ``app.state.supply`` to a ``SupplyData``.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field, replace
from urllib.parse import quote, urlencode, urlsplit

from starlette.requests import Request

from storage.coverage import coverage
from storage.supplier_activity import RECENT_DAYS, SupplierActivity, supplier_activity

from .charts import coverage_bars
from .common import call, error_page, flag, render
from .supplymap import MATERIALS, MapSupplier, material_css, material_name, supply_map

LATEST = 15  # stories on a supplier's page (as on an automaker's)
LINK_KINDS = ("supply", "offtake", "joint-venture", "stake", "mou")  # what staff may record


@dataclass(frozen=True)
class SupplyData:
    """The suppliers (nlp.suppliers.Supplier or alike) and the links (nlp.supply_links.SupplyLink)."""

    suppliers: tuple
    links: tuple
    # supplier id -> the names the tagger takes without conditions: what the proposals page marks
    forms: dict[str, tuple[str, ...]] = field(default_factory=dict)


async def with_staff(request: Request, data: SupplyData) -> tuple[SupplyData, dict]:
    """The data with the links in force (staff changes replayed: monitor.supply_state), and what
    the review parts of the page show: the latest changes and the proposals waiting."""
    from storage import supply as review

    from ..supply_state import apply_staff

    def read(db):
        return review.staff_links(db), review.link_changes(db, 50), review.proposal_count(db)

    staff, changes, waiting = await call(request, read)
    return replace(data, links=apply_staff(data.links, staff)), {"changes": changes, "waiting": waiting}


class SupplyUnavailable(Exception):
    """The supplier registry or the links could not be read (the message names the file)."""


def supply_data(state) -> SupplyData:
    """``state.supply`` when set, else the registries of nlp/ (imported here, when first needed:
    the pages stay up, with a clear message, while a data file is missing or broken)."""
    given = getattr(state, "supply", None)
    if given is not None:
        return given
    try:
        from nlp.suppliers import load_supplier_registry, load_suppliers
        from nlp.supply_links import load_links

        return SupplyData(tuple(load_suppliers()), tuple(load_links()), unconditional_forms(load_supplier_registry()))
    except ImportError as exc:
        raise SupplyUnavailable(f"the supply-chain registry is not installed ({exc})") from None
    except (OSError, ValueError) as exc:
        raise SupplyUnavailable(f"the supply-chain registry could not be read: {exc}") from None


@dataclass(frozen=True)
class LinkRow:
    """A link as a table shows it, with the names of both ends."""

    supplier: str
    supplier_name: str
    automaker: str
    automaker_name: str
    material: str
    material_css: str
    kind: str
    verified: bool
    source: str  # a URL (the template links it through safe_url) or where in a repository it was seen
    source_text: str  # what the link reads: host and path, shortened
    seen: str
    since: str | None
    note: str


def source_text(source: str, most: int = 48) -> str:
    """'https://www.example.com/news/2024/deal' -> 'example.com/news/2024/deal', shortened."""
    parts = urlsplit(source) if "://" in source else None
    text = (parts.netloc.removeprefix("www.") + parts.path.rstrip("/")) if parts and parts.netloc else source
    return text if len(text) <= most else text[:most - 1] + "…"


def link_rows(data: SupplyData, names: dict, links) -> list[LinkRow]:
    suppliers = {s.id: s.name for s in data.suppliers}
    rows = [LinkRow(k.supplier, suppliers.get(k.supplier, k.supplier), k.automaker,
                    names.get(("automaker", k.automaker), k.automaker), k.material, material_css(k.material), k.kind,
                    bool(k.verified), k.source, source_text(k.source), k.seen, getattr(k, "since", None),
                    getattr(k, "note", "")) for k in links]
    return sorted(rows, key=lambda r: (r.supplier_name.casefold(), r.automaker_name.casefold(), r.material))


def material_choices(data: SupplyData) -> list[tuple[str, str]]:
    """(material, display name) of every material in the registry or the links, vocabulary order."""
    found = {m for s in data.suppliers for m in s.materials} | {k.material for k in data.links}
    known = [m for m in MATERIALS if m in found]
    return [(m, material_name(m)) for m in known + sorted(found - set(MATERIALS))]


async def supply_page(request: Request):
    """The map and the table, for every link or those of one material and/or one automaker.
    ?all=1 draws the suppliers without a link too (muted)."""
    state = request.app.state
    params = request.query_params
    try:
        data = supply_data(state)
    except SupplyUnavailable as exc:
        return error_page(request, 503, str(exc))
    data, review = await with_staff(request, data)
    material = (params.get("material") or "").strip()
    automaker = (params.get("automaker") or "").strip()
    choices = material_choices(data)
    try:
        everyone = flag(params, "all")
    except ValueError as exc:
        return error_page(request, 400, str(exc))
    if material and material not in dict(choices):
        return error_page(request, 400, f"no material {material[:40]!r} in the supplier registry; "
                                        f"one of: {', '.join(m for m, _ in choices)}")
    if automaker and ("automaker", automaker) not in state.names:
        return error_page(request, 400, f"no automaker {automaker[:40]!r}: see /automakers for their ids")
    links = [k for k in data.links if (not material or k.material == material)
             and (not automaker or k.automaker == automaker)]
    linked = {k.supplier for k in links}
    shown = [s for s in data.suppliers if s.id in linked
             or everyone and (not material or material in s.materials)]
    if material:  # grouped under the material asked for, whatever their first one
        shown = [MapSupplier(s.id, s.name, (material, *[m for m in s.materials if m != material])) for s in shown]
    with_links = {k.automaker for k in links}
    if automaker:
        makers = [(a, name) for a, name, _ in state.automakers if a == automaker]
    else:  # the ranked ones always (a gap shows), the others when linked
        makers = [(a, name) for a, name, ranked in state.automakers if ranked or a in with_links]
    title = "Supply links" + (f" of {material_name(material).lower()}" if material else "") + \
        (f" to {state.names[('automaker', automaker)]}" if automaker else "")
    chart = supply_map(makers, shown, links, title=title)
    verified = sum(1 for k in links if k.verified)
    return render(request, "supply.html", chart=chart, rows=link_rows(data, state.names, links), material=material,
                  automaker=automaker, everyone=everyone, choices=choices, title=title, verified=verified,
                  unverified=len(links) - verified, supplier_count=len(linked), **review,
                  suppliers=sorted(((s.id, s.name) for s in data.suppliers), key=lambda s: s[1].casefold()),
                  all_materials=[(m, material_name(m)) for m in MATERIALS], kinds=LINK_KINDS,
                  automaker_names={a: name for a, name, _ in state.automakers},
                  supplier_names={s.id: s.name for s in data.suppliers}, here=str(request.url.path) +
                  (f"?{request.url.query}" if request.url.query else ""),
                  all_url="/supply-chain?" + urlencode({k: v for k, v in (("material", material),
                                                                            ("automaker", automaker),
                                                                            ("all", "0" if everyone else "1")) if v}))


def unconditional_forms(registry) -> dict[str, tuple[str, ...]]:
    """Supplier id -> the names the tagger takes without conditions ("Huayou" for Zhejiang Huayou
    Cobalt), which the proposals page marks in a sentence. Names it takes only in context ("Vale",
    "Salzgitter") are left out: a plain match cannot check the context."""
    forms: dict[str, list[str]] = defaultdict(list)
    for f in registry.forms:
        if not f.context and not f.not_before and not f.not_after:
            forms[f.supplier].append(f.text)
    return {k: tuple(v) for k, v in forms.items()}


async def supplier_page(request: Request):
    state = request.app.state
    supplier_id = request.path_params["supplier_id"]
    try:
        mentions = flag(request.query_params, "mentions")
    except ValueError as exc:
        return error_page(request, 400, str(exc))
    try:
        data = supply_data(state)
    except SupplyUnavailable as exc:
        return error_page(request, 503, str(exc))
    data, _ = await with_staff(request, data)
    supplier = next((s for s in data.suppliers if s.id == supplier_id), None)
    if supplier is None:
        return error_page(request, 404, f"no supplier {supplier_id[:60]!r}")
    links = [k for k in data.links if k.supplier == supplier_id]
    parent_id = getattr(supplier, "parent", None)
    parent = next(((s.id, s.name) for s in data.suppliers if s.id == parent_id), None)
    if parent_id and parent is None:
        parent = (None, parent_id)
    children = [(s.id, s.name) for s in data.suppliers if getattr(s, "parent", None) == supplier_id]
    # its coverage from its stored tags (kind "supplier"), read as an automaker's is
    cov = await call(request, coverage, "supplier", supplier_id, mentions=mentions, latest=LATEST)
    if not mentions and "mentions" not in request.query_params and not cov.about and cov.mentioning:
        # a supplier is most often named in passing (a story about a mine names its buyers): a
        # page that would show nothing shows the stories naming it, and says so
        mentions = True
        cov = await call(request, coverage, "supplier", supplier_id, mentions=True, latest=LATEST)
    chart = supply_map([(a, n) for a, n, _ in state.automakers if any(k.automaker == a for k in links)],
                       [supplier], links, title=f"{supplier.name}: supply links")
    inbox = "/?" + urlencode({"supplier": supplier_id, "status": "all", **({"mentions": "1"} if mentions else {})})
    return render(request, "supplier.html", supplier=supplier, rows=link_rows(data, state.names, links),
                  materials=[(m, material_name(m), material_css(m)) for m in supplier.materials], parent=parent,
                  children=children, chart=chart, cov=cov, mentions=mentions, weekly=coverage_bars(supplier.name, cov),
                  inbox=inbox, page_url=f"/suppliers/{quote(supplier_id, safe='')}")


@dataclass(frozen=True)
class PanelEntry:
    supplier: str
    name: str
    kind: str
    verified: bool
    source: str
    activity: SupplierActivity | None = None  # its latest coverage (``with_activity``); None: not read


@dataclass(frozen=True)
class SupplyPanel:
    """An automaker's suppliers by material (vocabulary order), or why there are none to show."""

    groups: tuple[tuple[str, str, tuple[PanelEntry, ...]], ...]  # (material, its name, entries)
    error: str | None = None
    recent_days: int = RECENT_DAYS  # the window of each entry's "stories in the last N days"

    @property
    def unverified(self) -> int:
        return sum(1 for _, _, entries in self.groups for e in entries if not e.verified)

    @property
    def supplier_ids(self) -> list[str]:
        return list(dict.fromkeys(e.supplier for _, _, entries in self.groups for e in entries))


def supply_panel(state, automaker_id: str, links=None) -> SupplyPanel:
    """The supply-chain panel of an automaker's page; never raises (the page stays up without it).
    ``links``: the links in force (monitor.supply_state.effective_links); None: the data file's."""
    try:
        data = supply_data(state)
    except SupplyUnavailable as exc:
        return SupplyPanel((), str(exc))
    names = {s.id: s.name for s in data.suppliers}
    groups: dict[str, list[PanelEntry]] = defaultdict(list)
    for k in data.links if links is None else links:
        if k.automaker == automaker_id:
            groups[k.material].append(PanelEntry(k.supplier, names.get(k.supplier, k.supplier), k.kind,
                                                 bool(k.verified), k.source))
    order = {m: i for i, m in enumerate(MATERIALS)}
    return SupplyPanel(tuple((m, material_name(m), tuple(sorted(groups[m], key=lambda e: e.name.casefold())))
                             for m in sorted(groups, key=lambda m: (order.get(m, len(order)), m))))


def with_activity(db, panel: SupplyPanel) -> SupplyPanel:
    """The panel with each supplier's latest coverage and topics (storage.supplier_activity: two
    bounded queries for all of them), in a database thread. A panel without suppliers reads nothing."""
    if not panel.groups:
        return panel
    found = supplier_activity(db, panel.supplier_ids)
    return replace(panel, groups=tuple((m, mname, tuple(replace(e, activity=found.get(e.supplier)) for e in entries))
                                       for m, mname, entries in panel.groups))
