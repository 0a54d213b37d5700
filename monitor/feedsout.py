"""Atom feeds of tagged and starred stories, for staff who read in a feed reader (feedgen)."""

from __future__ import annotations

from datetime import datetime, timezone

from feedgen.feed import FeedGenerator

from storage import clock

from .links import safe_url


def _when(value: str | None) -> datetime:
    try:
        when = datetime.fromisoformat((value or "").replace("Z", "+00:00"))
    except ValueError:
        return clock.now()
    return when if when.tzinfo else when.replace(tzinfo=timezone.utc)


def atom(title: str, base: str, path: str, stories, subtitle: str | None = None) -> bytes:
    """An Atom 1.0 document: one entry per story (InboxStory), newest first, linking to the
    original article (http(s) only) and to its page on the review site."""
    fg = FeedGenerator()
    fg.id(base + path)
    fg.title(title)
    fg.subtitle(subtitle or title)
    fg.link(href=base + path, rel="self", type="application/atom+xml")
    fg.link(href=base + "/", rel="alternate", type="text/html")
    fg.author({"name": "chargewatch"})
    fg.generator("chargewatch")
    fg.language("en")
    fg.updated(max((_when(s.first_seen) for s in stories), default=datetime(2000, 1, 1, tzinfo=timezone.utc)))
    for s in reversed(stories):  # feedgen prepends: add the oldest first
        entry = fg.add_entry()
        page = f"{base}/articles/{s.article_id}"
        entry.id(page)
        entry.title(s.title or "(no title)")
        entry.link(href=safe_url(s.url) or page, rel="alternate")
        entry.link(href=page, rel="related", type="text/html")
        entry.updated(_when(s.first_seen))
        entry.published(_when(s.first_seen))
        entry.author({"name": s.source})
        summary = s.evidence or ""
        if s.also_in:
            summary += f" (also in {', '.join(s.also_in)})"
        entry.summary(summary.strip() or (s.title or ""))
        for chip in (*s.automakers, *s.topics):
            entry.category(term=f"{chip.kind}:{chip.id}", label=chip.name)
    return fg.atom_str(pretty=True)
