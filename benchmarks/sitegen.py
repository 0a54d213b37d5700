"""A synthetic WordPress-style news site, generated in memory from a fixed seed.

Every page is a function of ``(seed, index)`` alone (its own ``random.Random``), so the server
process can build the whole site while the benchmark process regenerates any single article's
ground truth without holding the site in memory. The prose is English news about automakers,
batteries, mining and steel, built from sentence templates and word lists; the boilerplate is
what WordPress news themes ship: meta/canonical/og tags and JSON-LD in the head, a mega-menu,
a cookie banner, share buttons with inline SVG, a sidebar with related links, a newsletter box,
comments and a large footer (rendered by ``sitepages``).
"""

from __future__ import annotations

import random
import unicodedata
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

SITE_NAME = "Charge & Ore Daily"
TAGLINE = "News on electric vehicles, batteries, mining and steel"
FEED_PATH = "/feed/"
START = datetime(2025, 6, 30, 18, 0, tzinfo=timezone.utc)  # newest article; older ones step back

from .sitewords import (AUTOMAKERS, BATTERY_MAKERS, COUNTRIES, FIRST, HEADLINES, LAST, MATERIALS, MINERS, NGOS,
                        QUOTES, REGIONS, ROLES, SECTIONS, SENTENCES, STEELMAKERS, SUBHEADS, TAGS, TOPICS, _WORDS)

class _Slots(dict):
    """str.format_map mapping: every {slot} draws afresh from the article's own RNG."""

    def __init__(self, rng: random.Random, focus: dict[str, str]):
        super().__init__()
        self.rng = rng
        self.focus = focus

    def _pick(self, key: str, options: list[str]) -> str:
        # Stay on the article's own subject most of the time, so a page reads as one story.
        if key in self.focus and self.rng.random() < 0.6:
            return self.focus[key]
        return self.rng.choice(options)

    def __missing__(self, key: str) -> str:
        r = self.rng
        if key in _WORDS:
            return self._pick(key, _WORDS[key])
        if key[0].isupper() or key.endswith("_cap"):  # {Ngo}, {country_cap}: capitalised
            value = self[key.removesuffix("_cap").lower()]
            return value[0].upper() + value[1:]
        if key == "company":
            return self.rng.choice([self["automaker"], self["battery"], self["miner"], self["steelmaker"]])
        if key == "verb_present":
            return r.choice(["plan", "open", "delay", "expand", "scrap", "announce"])
        if key == "person":
            return f"{r.choice(FIRST)} {r.choice(LAST)}"
        if key == "role":
            return r.choice(ROLES).format_map(self)
        if key == "quote":
            return r.choice(QUOTES).format_map(self)
        if key == "percent":
            return str(r.randint(5, 80))
        if key in ("small", "small2"):
            return str(r.randint(2, 9) if key == "small" else r.randint(10, 40))
        if key == "year":
            return str(r.randint(2026, 2035))
        if key == "pyear":
            return str(r.randint(2019, 2024))
        if key == "mult":
            return r.choice(["two", "three", "four", "five", "seven", "ten"])
        if key == "number":
            return str(r.choice([10, 12, 15, 18, 20, 25, 30]))
        if key == "tonnes":
            return f"{r.randint(5, 120) * 1000:,}"
        if key == "amount":
            return r.choice(["$", "€", "£"]) + f"{r.randint(2, 95) / 10:.1f} billion"
        if key == "gw":
            return str(r.randint(2, 12))
        if key == "mt":
            return f"{r.randint(10, 60) / 10:.1f}"
        if key == "kt":
            return str(r.randint(5, 450))
        if key == "hectares":
            return f"{r.randint(200, 9000):,}"
        if key == "jobs":
            return f"{r.randint(3, 40) * 100:,}"
        raise KeyError(key)


@dataclass(frozen=True)
class Article:
    index: int
    path: str
    title: str
    author: str
    section: str
    tags: tuple[str, ...]
    published: datetime
    blocks: tuple[tuple[str, str], ...]  # ("p" | "h2", text)
    excerpt: str

    @property
    def body_text(self) -> str:
        """The ground truth: headings and paragraphs, one per line."""
        return "\n".join(text for _, text in self.blocks)


def _rng(seed: int, index: int, what: str = "page") -> random.Random:
    return random.Random(f"chargewatch-bench:{seed}:{what}:{index}")  # str seeds are stable


def _slug(text: str) -> str:
    """ASCII, as WordPress makes them (Baden-Württemberg -> baden-wurttemberg)."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    out = "".join(c.lower() if c.isalnum() else "-" for c in text)
    return "-".join(filter(None, out.split("-")))[:80]


def make_article(seed: int, index: int, words: int = 800) -> Article:
    """Article ``index`` of the site made from ``seed``: about ``words`` words of prose."""
    r = _rng(seed, index)
    focus = {"automaker": r.choice(AUTOMAKERS), "material": r.choice(MATERIALS),
             "country": r.choice(COUNTRIES), "region": r.choice(REGIONS), "ngo": r.choice(NGOS),
             "miner": r.choice(MINERS), "steelmaker": r.choice(STEELMAKERS),
             "battery": r.choice(BATTERY_MAKERS), "topic": r.choice(TOPICS)}
    slots = _Slots(r, focus)
    title = r.choice(HEADLINES).format_map(slots)
    title = title[0].upper() + title[1:]
    target = int(words * r.uniform(0.85, 1.15))
    blocks: list[tuple[str, str]] = []
    count = 0
    subheads = r.sample(SUBHEADS, 3)
    next_subhead = r.randint(250, 350)
    while count < target:
        if count >= next_subhead and subheads:
            blocks.append(("h2", subheads.pop().format_map(slots)))
            next_subhead += r.randint(250, 350)
        sentences = [r.choice(SENTENCES).format_map(slots) for _ in range(r.randint(2, 4))]
        paragraph = " ".join(sentences)
        blocks.append(("p", paragraph))
        count += len(paragraph.split())
    published = START - timedelta(minutes=37 * index + r.randint(0, 30))
    author = f"{r.choice(FIRST)} {r.choice(LAST)}"
    path = f"/{published:%Y/%m/%d}/{_slug(title)}-{index}/"
    excerpt = blocks[0][1][:280].rsplit(" ", 1)[0] + " [&hellip;]"
    return Article(index=index, path=path, title=title, author=author, section=r.choice(SECTIONS),
                   tags=tuple(r.sample(TAGS, r.randint(3, 6))), published=published,
                   blocks=tuple(blocks), excerpt=excerpt)


def index_from_path(path: str) -> int | None:
    """The article index at the end of a generated article path (``/.../slug-17/``)."""
    tail = path.rstrip("/").rsplit("-", 1)[-1]
    return int(tail) if tail.isdigit() else None
