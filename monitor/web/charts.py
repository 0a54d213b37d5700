"""Coverage charts as plain SVG geometry, computed here and drawn by a template (autoescaped)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    label: str  # tooltip: the week and its count
    series: str = ""  # "" the main series; else the class of a series stacked on it ("chain")


@dataclass(frozen=True)
class LegendEntry:
    """A swatch and its text above the plot, for a chart of more than one series."""

    x: float  # the swatch's left edge; the text starts after it
    y: float  # the swatch's top
    text: str
    series: str  # the bars' class ("" the main series)
    size: float = 10.0

    @property
    def text_x(self) -> float:
        return round(self.x + self.size + 5, 1)

    @property
    def text_y(self) -> float:
        return round(self.y + self.size - 1, 1)


@dataclass(frozen=True)
class Tick:
    x: float
    y: float
    text: str
    width: float = 0.0  # an x label's estimated width: it spans x - width/2 to x + width/2


CHAR_WIDTH = 6.6  # an 11px system-ui character at its widest common (capitals, digits), generously
LABEL_GAP = 8.0  # the least space between two month labels


def label_width(text: str) -> float:
    """The width an x label takes (estimated: the SVG is drawn by the browser, not measured here)."""
    return round(len(text) * CHAR_WIDTH, 1)


@dataclass(frozen=True)
class BarChart:
    title: str
    width: int
    height: int
    left: int
    top: int
    plot_width: int
    plot_height: int
    bars: tuple[Bar, ...]
    x_ticks: tuple[Tick, ...]
    y_ticks: tuple[Tick, ...]
    x_label: str
    y_label: str
    total: int
    legend: tuple[LegendEntry, ...] = ()  # empty for one series


LEGEND_GAP = 18.0  # between one legend entry's text and the next swatch


def weekly_bars(title: str, weeks: list[tuple[str, int]], *, width: int = 760, height: int = 300,
                stacked: list[int] | None = None, legend: tuple[str, str] = ("", ""),
                series: str = "chain") -> BarChart:
    """Stories per week: one bar a week, a month label under the first week of each month (with
    the year on the first and on January; a label that would touch the previous one is left out,
    except that a first week's label gives way to the next month's), and a y axis with
    whole-number ticks.

    ``stacked``: a second series, one count a week in the order of ``weeks``, drawn on top of the
    first as bars of class ``series`` (the automaker page's stories that reach it only through
    its suppliers, on its direct ones); the y axis and the total count both. ``legend`` names the
    two series ("about Ford", "through its suppliers"): with a second series the plot moves down
    to make room for a legend under the title, and each bar's tooltip says which series it is."""
    extra = list(stacked or [])
    if extra and len(extra) != len(weeks):
        raise ValueError(f"stacked has {len(extra)} weeks, the chart {len(weeks)}")
    left, right, top, bottom = 48, 12, 56 if extra else 36, 44
    pw, ph = width - left - right, height - top - bottom
    peak = max((n + (extra[i] if extra else 0) for i, (_, n) in enumerate(weeks)), default=0)
    step = _nice_step(peak)
    ymax = max(step * ((peak + step - 1) // step), step)
    slot = pw / max(len(weeks), 1)
    bars, on_top, starts = [], [], []
    month = None
    for i, (monday, n) in enumerate(weeks):
        h = ph * n / ymax
        x = left + i * slot
        bars.append(Bar(round(x + slot * 0.12, 1), round(top + ph - h, 1), round(slot * 0.76, 1), round(h, 1),
                        _bar_label(monday, n, legend[0] if extra else "")))
        if extra:  # drawn after every main bar, so that its outline is never covered
            h2 = ph * extra[i] / ymax
            on_top.append(Bar(round(x + slot * 0.12, 1), round(top + ph - h - h2, 1), round(slot * 0.76, 1),
                              round(h2, 1), _bar_label(monday, extra[i], legend[1]), series))
        d = date.fromisoformat(monday)
        if d.month != month:
            month = d.month
            starts.append((x + slot / 2, d))
    x_ticks = _month_ticks(starts, top + ph + 16, width)
    y_ticks = tuple(Tick(left - 6, round(top + ph - ph * v / ymax, 1), str(v)) for v in range(0, ymax + 1, step))
    keys = _legend(legend, series, left, 32) if extra else ()
    return BarChart(title, width, height, left, top, pw, ph, tuple(bars + on_top), tuple(x_ticks), y_ticks,
                    "week", "stories", sum(n for _, n in weeks) + sum(extra), keys)


def _bar_label(monday: str, n: int, what: str) -> str:
    return f"week of {monday}: {n} {'story' if n == 1 else 'stories'}" + (f" {what}" if what else "")


def _legend(names: tuple[str, str], series: str, x: float, y: float) -> tuple[LegendEntry, ...]:
    """The two series' swatches in a row from the plot's left edge, each text's width estimated
    as the month labels' are."""
    out = []
    for text, cls in zip(names, ("", series)):
        entry = LegendEntry(round(x, 1), y, text, cls)
        out.append(entry)
        x = entry.text_x + label_width(text) + LEGEND_GAP
    return tuple(out)


def _month_ticks(starts: list[tuple[float, date]], y: float, width: int) -> list[Tick]:
    """Month labels that keep LABEL_GAP apart and inside the chart. The year is written on the
    first label shown and on the first of each new year."""
    ticks: list[Tick] = []
    years: list[int] = []  # the year of each label kept

    def label(x: float, d: date) -> Tick:
        text = d.strftime("%b" if years and years[-1] == d.year else "%b %Y")
        return Tick(round(x, 1), y, text, label_width(text))

    for x, d in starts:
        tick = label(x, d)
        if ticks and ticks[-1].x + ticks[-1].width / 2 + LABEL_GAP > tick.x - tick.width / 2:
            if len(ticks) > 1 or starts[0][1].day <= 7:
                continue  # no room: the previous month keeps its label
            ticks.pop(), years.pop()  # the first label is only a month's tail: it gives way to a whole month
            tick = label(x, d)
        if tick.x - tick.width / 2 >= 0 and tick.x + tick.width / 2 <= width:
            ticks.append(tick)
            years.append(d.year)
    return ticks


def _nice_step(peak: int) -> int:
    for step in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000):
        if peak / step <= 6:
            return step
    return 10000


def coverage_bars(name: str, cov, reached=None):
    """The weekly chart of an automaker, topic or supplier page (``cov``: storage.coverage.Coverage,
    ``reached``: storage.chain.ChainCoverage or None): the stories about the tag (or naming it,
    with mentions); with the supply chain, those reaching it only through its suppliers stacked
    on them. One title for every page's chart."""
    which = f"about or mentioning {name}" if cov.mentions else f"about {name}"
    weeks = reached.weeks if reached is not None else cov.weeks
    span = "last 12 months" if len(weeks) >= 52 else f"last {len(weeks)} weeks"  # from the first story on
    if reached is None:
        return weekly_bars(f"{name}: stories per week, {span} ({which})", cov.weeks)
    chain = "only through its suppliers" if cov.mentions else "through its suppliers, not about it"
    return weekly_bars(f"{name}: stories per week, {span} ({which}, and {chain})", [(m, d) for m, d, _ in weeks],
                       stacked=[c for _, _, c in weeks], legend=(which, chain))
