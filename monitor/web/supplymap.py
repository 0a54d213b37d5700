"""The supply-chain map as plain SVG geometry, computed here and drawn by a template (autoescaped),
like charts.py: no I/O, no HTML, only numbers and strings.

Suppliers stand in a column on the left, grouped under a heading per material; automakers in a
column on the right; a curve per link between them, coloured by the link's material (a class
styled in app.css: the page's CSP forbids inline style), dashed when the link is unverified.

Labels never overlap by construction: every supplier label and heading has a row of its own,
automaker rows are at least AUTOMAKER_ROW apart, the legend sits above them all, and a label too
long for its column is shortened (its whole text stays in its tooltip). The widths are estimated
(the browser draws the text), generously; tests/test_browser_supply.py measures the real boxes.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol
from urllib.parse import quote

# The materials of the supplier registry, in the order their groups are drawn (the contract's
# vocabulary); a material outside it is drawn after them, in a neutral colour.
MATERIALS = ("steel", "aluminium", "lithium", "nickel", "cobalt", "graphite", "rare-earths", "manganese", "copper",
             "battery-cells", "cathode-materials", "anode-materials", "recycling", "seabed-minerals")

WIDTH = 1020  # the page's main column at 15 px (72 em less its padding and the box's): 1:1 on a 1280 px screen
SUPPLIER_X = 340.0  # supplier labels end here (text-anchor end); their dots sit just right of it
AUTOMAKER_X = 790.0  # automaker dots; their labels start just right of it
LEFT = 8.0
SUPPLIER_ROW = 22.0  # 13 px text: a row leaves 9 px between two labels
HEADING_GAP = 14.0  # space above a material's heading
AUTOMAKER_ROW = 28.0  # least distance between two automakers (15 px text)
AUTOMAKER_MAX_ROW = 90.0  # most: a short map keeps its automakers together
# Character widths in em of system-ui (measured in Debian's chromium, rounded up): capitals and
# wide letters, narrow ones, the rest. Bold text is drawn BOLD times wider; every estimate gets
# MARGIN more, so a font a little wider than the one measured still fits.
WIDE, NARROW = set("ABCDEFGHKMNOPQRSTUVWXYZmw@%&"), set("Iijlft.,;:'!|() -/")
EM_WIDE, EM_NARROW, EM_OTHER = 0.74, 0.32, 0.57
BOLD, MARGIN = 1.17, 1.08
LEGEND_ROW = 22.0
AUTOMAKER_SIZE = 14  # px, semibold (app.css); suppliers 13 px, what they also supply 12 px
DASH = "6 4"  # stroke-dasharray of an unverified link (an SVG presentation attribute, not a style)


class SupplierLike(Protocol):
    id: str
    name: str
    materials: tuple[str, ...]


class LinkLike(Protocol):
    supplier: str
    automaker: str
    material: str
    kind: str
    verified: bool


@dataclass(frozen=True)
class MapSupplier:
    """A supplier as the map needs it (a page reorders its materials to group it where it wants)."""

    id: str
    name: str
    materials: tuple[str, ...]


@dataclass(frozen=True)
class Label:
    """A text: x, y its anchor point (baseline); width its estimated width; box_left the left
    edge of its estimated box. ``role``: "supplier", "automaker" or "heading" (its CSS class)."""

    x: float
    y: float
    text: str
    anchor: str  # "start" or "end"
    role: str
    width: float
    href: str | None = None
    title: str = ""  # the tooltip: the whole name and what it supplies
    extra: str = ""  # a second, muted part ("also cobalt, nickel")
    muted: bool = False  # a supplier or automaker without a link on the map

    @property
    def box_left(self) -> float:
        return self.x - self.width if self.anchor == "end" else self.x


@dataclass(frozen=True)
class Dot:
    x: float
    y: float


@dataclass(frozen=True)
class Line:
    """A link: a cubic curve from the supplier's dot to the automaker's."""

    d: str  # the path
    css: str  # "link m-nickel" (+ " unverified")
    dash: str | None  # stroke-dasharray, or None for a solid (verified) line
    title: str  # "Huayou → Ford: nickel, offtake (unverified)"
    supplier: str
    automaker: str
    verified: bool


@dataclass(frozen=True)
class LegendItem:
    x: float  # the swatch's left end
    y: float  # the swatch's height (the text's middle)
    text: str
    css: str  # the swatch line's classes
    dash: str | None


@dataclass(frozen=True)
class SupplyMap:
    width: int
    height: int
    title: str  # the SVG's accessible name
    headings: tuple[Label, ...]
    suppliers: tuple[Label, ...]
    automakers: tuple[Label, ...]
    dots: tuple[Dot, ...]
    lines: tuple[Line, ...]
    legend: tuple[LegendItem, ...]

    @property
    def labels(self) -> tuple[Label, ...]:
        return self.headings + self.suppliers + self.automakers

    @property
    def empty(self) -> bool:
        return not self.suppliers and not self.automakers


def material_name(material: str) -> str:
    """'rare-earths' -> 'Rare earths'."""
    return material.replace("-", " ").capitalize()


def material_css(material: str) -> str:
    """The CSS class of a material's colour; one outside the vocabulary gets the neutral one (so
    no string from a data file ever becomes a class name)."""
    return f"m-{material}" if material in MATERIALS else "m-other"


def text_width(text: str, size: int = 13, bold: bool = False) -> float:
    """The estimated width in px of text drawn at ``size`` px (generous: see EM_WIDE)."""
    ems = sum(EM_WIDE if c in WIDE else EM_NARROW if c in NARROW else EM_OTHER for c in text)
    return round(ems * size * (BOLD if bold else 1.0) * MARGIN, 1)


def shorten(text: str, room: float, size: int = 13, bold: bool = False) -> str:
    """text, cut with an ellipsis to fit ``room`` px (estimated)."""
    if text_width(text, size, bold) <= room:
        return text
    while len(text) > 1 and text_width(text + "…", size, bold) > room:
        text = text[:-1]
    return text.rstrip() + "…"


def supply_map(automakers: Sequence[tuple[str, str]], suppliers: Iterable[SupplierLike],
               links: Iterable[LinkLike], *, title: str = "Supply links") -> SupplyMap:
    """Lay out the map of ``links`` between ``automakers`` ((id, name) pairs, in the order wanted
    before crossings are reduced) and ``suppliers``. A supplier is drawn once, under the heading
    of its first material (the caller puts the material a page is filtered by first), its other
    materials beside its name. Links naming an automaker or supplier not given are left out.

    Automakers are ordered by the mean height of their suppliers (fewer crossings; those without
    a link keep their order, last) and spread over the suppliers' height."""
    suppliers = list(suppliers)
    known = {s.id for s in suppliers}
    maker_names = dict(automakers)
    links = [k for k in links if k.supplier in known and k.automaker in maker_names]
    linked_suppliers = {k.supplier for k in links}
    linked_makers = {k.automaker for k in links}

    legend, top = _legend(sorted({k.material for k in links}, key=_material_order), bool(links))
    headings, supplier_labels, supplier_y = _supplier_column(suppliers, linked_suppliers, top)
    bottom = max([lb.y for lb in supplier_labels], default=top)

    order = _barycentre_order([a for a, _ in automakers], links, supplier_y)
    n = len(order)
    span = bottom - top
    step = min(max(span / max(n - 1, 1), AUTOMAKER_ROW), AUTOMAKER_MAX_ROW) if n > 1 else 0.0
    first = top + max(span - step * (n - 1), 0) / 2 + 4  # centred on the suppliers
    maker_y = {a: round(first + i * step, 1) for i, a in enumerate(order)}
    room = WIDTH - AUTOMAKER_X - 12 - LEFT
    maker_labels = []
    for a in order:
        text = shorten(maker_names[a], room, AUTOMAKER_SIZE, bold=True)
        maker_labels.append(Label(AUTOMAKER_X + 10, maker_y[a] + 5, text, "start", "automaker",
                                  text_width(text, AUTOMAKER_SIZE, bold=True), href=f"/automakers/{quote(a, safe='')}",
                                  title=maker_names[a], muted=a not in linked_makers))

    lines, dots = _lines(links, suppliers, maker_names, supplier_y, maker_y)
    height = int(max([bottom] + list(maker_y.values())) + 20)
    return SupplyMap(WIDTH, height, title, tuple(headings), tuple(supplier_labels), tuple(maker_labels),
                     tuple(dots), tuple(lines), tuple(legend))


def _material_order(material: str) -> tuple[int, str]:
    return (MATERIALS.index(material) if material in MATERIALS else len(MATERIALS), material)


def _legend(materials: list[str], any_links: bool) -> tuple[list[LegendItem], float]:
    """The legend's items in rows across the top (a swatch and its text each); returns them and
    the height where the columns begin."""
    items: list[LegendItem] = []
    entries = [(material_name(m), f"swatch {material_css(m)}", None) for m in materials]
    if any_links:
        entries += [("verified", "swatch plain", None), ("unverified (dashed)", "swatch plain", DASH)]
    x, y = LEFT, 16.0
    for text, css, dash in entries:
        w = 26 + text_width(text, 12) + 18
        if x + w > WIDTH and x > LEFT:
            x, y = LEFT, y + LEGEND_ROW
        items.append(LegendItem(x, y, text, css, dash))
        x += w
    return items, (y + LEGEND_ROW + 14 if items else 10.0)


def _supplier_column(suppliers: list, linked: set[str], top: float):
    """Headings and supplier labels, one row each, top to bottom; and each supplier's height."""
    groups: dict[str, list] = defaultdict(list)
    for s in suppliers:
        groups[s.materials[0] if s.materials else "other"].append(s)
    headings: list[Label] = []
    labels: list[Label] = []
    ys: dict[str, float] = {}
    y = top
    for material in sorted(groups, key=_material_order):
        members = sorted(groups[material], key=lambda s: s.name.casefold())
        y += HEADING_GAP if headings else 0
        text = f"{material_name(material)} ({len(members)})"
        headings.append(Label(LEFT, y + 5, text, "start", "heading", text_width(text, 13, bold=True)))
        y += SUPPLIER_ROW
        for s in members:
            room = SUPPLIER_X - LEFT - 12  # indented under its heading
            others = [material_name(m).lower() for m in s.materials[1:]]
            extra = f" · also {', '.join(others)}" if others else ""
            name = shorten(s.name, room if not extra else max(room - text_width(extra, 12), room * 0.55))
            extra = shorten(extra, room - text_width(name), 12) if extra else ""
            if extra == "…":
                extra = ""
            tip = s.name + (f" ({', '.join(material_name(m).lower() for m in s.materials)})" if s.materials else "")
            labels.append(Label(SUPPLIER_X, y + 5, name, "end", "supplier",
                                round(text_width(name) + text_width(extra, 12), 1), href=f"/suppliers/{quote(s.id, safe='')}",
                                title=tip, extra=extra, muted=s.id not in linked))
            ys[s.id] = y
            y += SUPPLIER_ROW
    return headings, labels, ys


def _barycentre_order(makers: list[str], links: list, supplier_y: dict[str, float]) -> list[str]:
    heights: dict[str, list[float]] = defaultdict(list)
    for k in links:
        heights[k.automaker].append(supplier_y[k.supplier])
    index = {a: i for i, a in enumerate(makers)}
    return sorted(makers, key=lambda a: (a not in heights, sum(heights[a]) / len(heights[a]) if a in heights else 0,
                                         index[a]))


def _lines(links: list, suppliers: list, maker_names: dict[str, str], supplier_y: dict[str, float],
           maker_y: dict[str, float]) -> tuple[list[Line], list[Dot]]:
    """A curve per link (two links between the same pair a few pixels apart), a dot at each end."""
    names = {s.id: s.name for s in suppliers}
    x1, x2 = SUPPLIER_X + 6, AUTOMAKER_X
    mid = (x1 + x2) / 2
    seen: dict[tuple[str, str], int] = defaultdict(int)
    lines: list[Line] = []
    ordered = sorted(links, key=lambda k: (k.verified, k.supplier, k.automaker, k.material))  # solid ones on top
    for k in ordered:
        nth = seen[(k.supplier, k.automaker)]
        seen[(k.supplier, k.automaker)] += 1
        shift = (nth + 1) // 2 * 4 * (1 if nth % 2 else -1)  # 0, +4, -4, +8...
        y1, y2 = supplier_y[k.supplier] + shift, maker_y[k.automaker] + shift / 2
        d = f"M{x1:.1f} {y1:.1f} C{mid:.1f} {y1:.1f} {mid:.1f} {y2:.1f} {x2:.1f} {y2:.1f}"
        css = f"link {material_css(k.material)}" + ("" if k.verified else " unverified")
        note = "" if k.verified else " (unverified)"
        lines.append(Line(d, css, None if k.verified else DASH,
                          f"{names[k.supplier]} → {maker_names[k.automaker]}: {k.material}, {k.kind}{note}",
                          k.supplier, k.automaker, k.verified))
    dots = [Dot(x1, supplier_y[s]) for s in sorted({k.supplier for k in links})]
    dots += [Dot(x2, maker_y[a]) for a in sorted({k.automaker for k in links})]
    return lines, dots
