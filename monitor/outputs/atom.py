"""Atom feeds of tagged and starred stories, for staff who read in a feed reader (feedgen)."""

from __future__ import annotations

from datetime import datetime, timezone

from feedgen.feed import FeedGenerator

from storage import clock
from storage.articles import clean_text as _x

from ..links import safe_url


def _when(value: str | None) -> datetime:
    return clock.from_iso(value) or clock.now()


def _subject(chip) -> bool:
    return getattr(chip, "role", "subject") == "subject"


def atom(title: str, base: str, path: str, stories, subtitle: str | None = None) -> bytes:
    """An Atom 1.0 document: one entry per story (InboxStory), newest first, linking to the
    original article (http(s) only) and to its page on the review site; its summary is the story's
    evidence sentence; its categories are its tags, the subjects first, a tag it only mentions
    labelled "<name> (mentioned)" (the term stays kind:id). Every string goes through
    clean_text (``_x``): lxml refuses what XML cannot carry (a NUL or ESC in one stored title made
    every feed with that story fail), so a row stored before titles were cleaned cannot either."""
    fg = FeedGenerator()
    fg.id(_x(base + path))
    fg.title(_x(title))
    fg.subtitle(_x(subtitle or title))
    fg.link(href=_x(base + path), rel="self", type="application/atom+xml")
    fg.link(href=_x(base + "/"), rel="alternate", type="text/html")
    fg.author({"name": "chargewatch"})
    fg.generator("chargewatch")
    fg.language("en")
    fg.updated(max((_when(s.first_seen) for s in stories), default=datetime(2000, 1, 1, tzinfo=timezone.utc)))
    for s in reversed(stories):  # feedgen prepends: add the oldest first
        entry = fg.add_entry()
        page = _x(f"{base}/articles/{s.article_id}")
        title = _x(s.title or "").strip()
        entry.id(page)
        entry.title(title or "(no title)")
        entry.link(href=_x(safe_url(s.url)) or page, rel="alternate")
        entry.link(href=page, rel="related", type="text/html")
        entry.updated(_when(s.first_seen))
        entry.published(_when(s.first_seen))
        entry.author({"name": _x(s.source) or "?"})
        summary = s.evidence or ""
        if s.also_in:
            summary += f" (also in {', '.join(s.also_in)})"
        entry.summary(_x(summary).strip() or title)
        chips = (*s.automakers, *s.topics)
        for chip in (*(c for c in chips if _subject(c)), *(c for c in chips if not _subject(c))):
            label = chip.name if _subject(chip) else f"{chip.name} (mentioned)"
            entry.category(term=_x(f"{chip.kind}:{chip.id}"), label=_x(label))
    return fg.atom_str(pretty=True)
