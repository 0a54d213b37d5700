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


@dataclass(frozen=True)
class Tick:
    x: float
    y: float
    text: str


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


def weekly_bars(title: str, weeks: list[tuple[str, int]], *, width: int = 760, height: int = 300) -> BarChart:
    """Stories per week: one bar a week, a month label under the first week of each month, and
    a y axis with whole-number ticks."""
    left, right, top, bottom = 48, 12, 36, 44
    pw, ph = width - left - right, height - top - bottom
    peak = max((n for _, n in weeks), default=0)
    step = _nice_step(peak)
    ymax = max(step * ((peak + step - 1) // step), step)
    slot = pw / max(len(weeks), 1)
    bars, x_ticks = [], []
    month = None
    for i, (monday, n) in enumerate(weeks):
        h = ph * n / ymax
        x = left + i * slot
        bars.append(Bar(round(x + slot * 0.12, 1), round(top + ph - h, 1), round(slot * 0.76, 1), round(h, 1),
                        f"week of {monday}: {n} {'story' if n == 1 else 'stories'}"))
        d = date.fromisoformat(monday)
        if d.month != month:
            month = d.month
            fmt = "%b %Y" if d.month == 1 or not x_ticks else "%b"
            x_ticks.append(Tick(round(x + slot / 2, 1), top + ph + 16, d.strftime(fmt)))
    y_ticks = tuple(Tick(left - 6, round(top + ph - ph * v / ymax, 1), str(v)) for v in range(0, ymax + 1, step))
    return BarChart(title, width, height, left, top, pw, ph, tuple(bars), tuple(x_ticks), y_ticks,
                    "week", "stories", sum(n for _, n in weeks))


def _nice_step(peak: int) -> int:
    for step in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000):
        if peak / step <= 6:
            return step
    return 10000
