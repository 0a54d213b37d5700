"""The daily digest: what is new since the last one, ranked and grouped, as HTML, Markdown or text.

``build_digest`` turns stories (storage.digests) into sections; ``render`` writes one format;
``make_digest`` does both and records the digest, so the next one starts where this one ended.
How a digest reads (its times' zone, its links to the review site) is a ``Presentation``; it opens
with a source-health line when sources are failing, so an empty digest never passes for a quiet
day. Sending it (mail, chat) is monitor/outputs/delivery.py.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup

from storage import clock
from storage import digests as store
from storage.articles import clean_text
from storage.tags import story_evidence

from ..links import safe_url
from ..supply_state import effective_links

TEMPLATES = Path(__file__).with_name("digest_templates")
FORMATS = ("html", "md", "text")


@dataclass(frozen=True)
class Presentation:
    """How a digest reads: the time zone its times are written in (``digest.timezone``) and the
    review site's address (``base_url``), to which every story links (its page there is where
    staff star, correct and draft); without it, stories link to their originals only."""

    zone: str = "UTC"
    base_url: str | None = None

    @classmethod
    def of(cls, settings) -> Presentation:
        return cls(zone=settings.digest.timezone, base_url=settings.base_url)

    def review_link(self, article_id: int) -> str | None:
        return f"{self.base_url}/articles/{article_id}" if self.base_url else None

    def when(self, iso: str | None) -> str:
        """A stored time (UTC) as staff read it: "2026-11-25 09:00 CET"."""
        moment = clock.from_iso(iso) if iso else None
        if moment is None:
            return iso or ""
        return moment.astimezone(ZoneInfo(self.zone)).strftime("%Y-%m-%d %H:%M %Z")

    def day(self, value: str | None) -> str:
        """A story's date: a stored time's day in the zone; a date without a time as it is."""
        if value and len(value) > 10:
            moment = clock.from_iso(value)
            if moment is not None:
                return moment.astimezone(ZoneInfo(self.zone)).strftime("%Y-%m-%d")
        return (value or "")[:10]


@dataclass(frozen=True)
class Item:
    story: store.DigestStory
    score: float
    evidence: str | None
    evidence_tag: str | None
    link: str | None  # http(s) only
    automakers: tuple[str, ...]  # every automaker's name, those the story is about first
    topics: tuple[str, ...]  # every topic's name, those the story is about first
    subjects: tuple[str, ...] = ()  # what the story is about: automakers (ranked first), then topics
    mentions: tuple[str, ...] = ()  # what it names only in passing: automakers, then topics
    review: str | None = None  # its page on the review site (base_url), where staff act on it
    day: str = ""  # its date, in the digest's time zone
    # the ranked automakers it reaches only through the suppliers it names, when it names no ranked
    # automaker: "reaches Ford via PT Vale Indonesia, Huayou" (``supply_reach``)
    reaches: str = ""

    @property
    def mentions_label(self) -> str:
        """How an item introduces what its story names in passing."""
        return "also mentions" if self.subjects else "mentions"


@dataclass
class Section:
    key: str  # automaker:ID, supply-chain, topic:ID, reports, other
    title: str
    items: list[Item] = field(default_factory=list)


@dataclass(frozen=True)
class Digest:
    since: str
    until: str
    sections: tuple[Section, ...]
    # (name, stories about it, stories that only mention it), most stories about it first
    automaker_counts: tuple[tuple[str, int, int], ...]
    topic_counts: tuple[tuple[str, int, int], ...]
    total: int
    subject: str
    intro: str  # what the digest covers: found (stored) by chargewatch in its window
    empty: str  # what it says when it carries no story
    health: str = ""  # "2 sources failing since ...: a, b" ("" when every source is well)
    base_url: str | None = None  # the review site, when configured

    def top(self, n: int) -> list[Item]:
        """The ``n`` highest-ranked items, whatever their sections."""
        items = [i for sec in self.sections for i in sec.items]
        return sorted(items, key=lambda i: (-i.score, i.story.first_seen, i.story.id))[:n]


def score(story: store.DigestStory, ranked: set[str]) -> float:
    """How much a story matters: a ranked automaker it is about (one it only mentions in passing
    adds nothing), the weight of its strongest topic, and how many sources carried it."""
    automaker = max((t.salience * (1.0 if t.tag_id in ranked else 0.5) for t in story.tags
                     if t.kind == "automaker" and t.subject), default=0.0)
    topic = max((t.salience for t in story.tags if t.kind == "topic"), default=0.0)
    return round(2 * automaker + topic + 0.5 * math.log2(story.sources) + (0.2 if story.kind == "report" else 0), 4)


def _subject_automakers(story: store.DigestStory, ranked: set[str]) -> list:
    """The automakers the story is about, ranked ones first, then by salience."""
    return sorted((t for t in story.tags if t.kind == "automaker" and t.subject),
                  key=lambda t: (t.tag_id not in ranked, -t.salience))


def section_of(story: store.DigestStory, ranked: set[str], links=None) -> tuple[str, str]:
    """(key, title) of the one section a story goes in: reports in their own; otherwise the
    automaker it is about (ranked first, then salience), else the topic it is about, else its
    strongest topic, else "Other stories". An automaker named only in passing never gives a
    story its section."""
    if story.kind == "report":
        return "reports", "Reports"
    if supply_reach(story, ranked, links):
        return SUPPLY_SECTION
    automakers = _subject_automakers(story, ranked)
    if automakers:
        return f"automaker:{automakers[0].tag_id}", automakers[0].name
    topics = sorted((t for t in story.tags if t.kind == "topic"), key=lambda t: (not t.subject, -t.salience))
    if topics:
        return f"topic:{topics[0].tag_id}", topics[0].name
    return "other", "Other stories"


SUPPLY_SECTION = ("supply-chain", "In your automakers' supply chains")


def supply_reach(story: store.DigestStory, ranked: set[str], links=None) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """(ranked automaker id, names of the suppliers linking it) for each ranked automaker a story
    reaches through the suppliers it names (its stored supplier tags; nlp.supply_links), when it
    names no ranked automaker itself: a story the automaker sections would miss. ``links``: the
    links in force (monitor.supply_state.effective_links); None: the data file's."""
    if any(t.kind == "automaker" and t.tag_id in ranked for t in story.tags):
        return ()
    suppliers = {t.tag_id: t.name for t in story.tags if t.kind == "supplier"}
    if not suppliers:
        return ()
    from nlp.supply_links import reach

    return tuple((a, tuple(suppliers[s] for s in via)) for a, via in reach(suppliers, links).items() if a in ranked)


def reach_text(reached: tuple[tuple[str, tuple[str, ...]], ...]) -> str:
    """"reaches Ford via PT Vale Indonesia, Huayou; Volkswagen Group via Huayou" ("" for none)."""
    if not reached:
        return ""
    from nlp.registry import load_registry

    names = {a.id: a.name for a in load_registry().automakers}
    return "reaches " + "; ".join(f"{names.get(a, a)} via {', '.join(via)}" for a, via in reached)


def _item(story: store.DigestStory, ranked: set[str], look: Presentation, links=None) -> Item:
    shown = story_evidence(story.tags, story.title)  # the inbox's rule: a story shows the same evidence
    automakers = _subject_automakers(story, ranked)
    topics = [t for t in story.tags if t.kind == "topic" and t.subject]
    passing = [t for kind in ("automaker", "topic") for t in story.tags if t.kind == kind and not t.subject]
    return Item(story, score(story, ranked), shown.evidence if shown else None, shown.name if shown else None,
                safe_url(story.url), tuple(t.name for t in story.tags if t.kind == "automaker"),
                tuple(t.name for t in story.tags if t.kind == "topic"),
                tuple(t.name for t in automakers + topics), tuple(t.name for t in passing),
                look.review_link(story.article_id), look.day(story.first_seen),
                reach_text(supply_reach(story, ranked, links)))


def tag_counts(stories: list[store.DigestStory], kind: str) -> tuple[tuple[str, int, int], ...]:
    """(name, stories about it, stories that only mention it) for each tag of ``kind`` on these
    stories, as storage.tags.role_counts counts them: most stories about it first."""
    counts: dict[str, list[int]] = {}
    for s in stories:
        for t in s.tags:
            if t.kind == kind:
                counts.setdefault(t.name, [0, 0])[0 if t.subject else 1] += 1
    return tuple(sorted(((name, about, passing) for name, (about, passing) in counts.items()),
                        key=lambda c: (-c[1], -c[2], c[0])))


def count_text(count: tuple[str, int, int]) -> str:
    """One tag's count in a digest's header: "BMW Group: 1 about, 12 mentioning"."""
    name, about, passing = count
    return f"{name}: {about} about" + (f", {passing} mentioning" if passing else "")


def health_line(failing: list[store.FailingSource], look: Presentation) -> str:
    """The digest's opening line when sources are failing: "3 sources failing since 2026-11-23
    07:10 CET: a, b (paused), c" (since the earliest began), or "" when none is."""
    if not failing:
        return ""
    names = ", ".join(f.name + (" (paused)" if f.paused else "") for f in failing)
    since = min((f.since for f in failing if f.since), default="")
    noun = "source" if len(failing) == 1 else "sources"
    return f"{len(failing)} {noun} failing" + (f" since {look.when(since)}" if since else "") + \
        f": {names}. Stories from {'it' if len(failing) == 1 else 'them'} may be missing."


def build_digest(stories: list[store.DigestStory], *, since: str, until: str, ranked: set[str],
                 title: str = "chargewatch digest", scope: str = "regular", look: Presentation | None = None,
                 failing: list[store.FailingSource] = (), links=None) -> Digest:
    """Stories ranked, then each put in its section (``section_of``). The header counts the
    stories about each automaker and topic, with those that only mention it beside; the subject
    line names the automakers and topics most stories are about; ``failing`` sources give the
    health line above it all."""
    look = look or Presentation()
    items = sorted((_item(s, ranked, look, links) for s in stories),
                   key=lambda i: (-i.score, i.story.first_seen, i.story.id))
    sections: dict[str, Section] = {}
    for item in items:
        key, name = section_of(item.story, ranked, links)
        sections.setdefault(key, Section(key, name)).items.append(item)

    def order(sec: Section):
        kind = 0 if sec.key.startswith("automaker:") else 1 if sec.key == SUPPLY_SECTION[0] else \
            2 if sec.key.startswith("topic:") else 3 if sec.key == "reports" else 4
        return (kind, -max(i.score for i in sec.items), sec.title)

    automaker_counts = tag_counts(stories, "automaker")
    topic_counts = tag_counts(stories, "topic")
    day = look.day(until)
    top = ", ".join(f"{name} {about}" for name, about, _ in
                    [c for c in automaker_counts if c[1]][:2] + [c for c in topic_counts if c[1]][:2])
    subject = f"{title}, {day}: {len(stories)} {'story' if len(stories) == 1 else 'stories'}" + \
        (f" ({top})" if top else "")
    intro, empty = _WORDING[scope]
    return Digest(since, until, tuple(sorted(sections.values(), key=order)), automaker_counts, topic_counts,
                  len(stories), subject, intro.format(since=look.when(since), until=look.when(until)),
                  empty.format(days=FIRST_DIGEST_DAYS), health_line(list(failing), look), look.base_url)


# (the line under the title, what an empty digest says) for each kind of digest
_WORDING = {
    "regular": ("Stories chargewatch found since the last digest, from {since} to {until}.",
                "Nothing new since the last digest."),
    "first": ("The first digest: stories chargewatch found from {since} to {until}.",
              "Nothing found in the last {days} days: no source has given a story yet (see chargewatch sources)."),
    "ad hoc": ("Stories chargewatch found from {since} to {until}.",
               "Nothing found in this window."),
}


def _md_escape(text: str | None) -> str:
    out = text or ""
    for ch in "\\`*_[]<>#|":
        out = out.replace(ch, "\\" + ch)
    return out


def _finalize(value):
    """Every value a template writes, before escaping: without what XML (and so an HTML mail)
    cannot carry, so a NUL or ESC in a title stored before titles were cleaned never reaches a
    digest, a mail or a terminal."""
    if isinstance(value, Markup):  # (no template marks anything safe; kept safe if one does)
        return Markup(clean_text(str(value)))
    return clean_text(value) if isinstance(value, str) else value


_env = Environment(loader=FileSystemLoader(str(TEMPLATES)), autoescape=select_autoescape(["html"]),
                   trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True, finalize=_finalize)
_env.filters["md"] = _md_escape
_env.filters["day"] = lambda v: (v or "")[:10]
_env.filters["mdurl"] = lambda v: (v or "").replace(">", "%3E").replace(" ", "%20")  # inside <...>
_env.filters["counts"] = lambda counts: "; ".join(count_text(c) for c in counts)


def to_data(digest: Digest, digest_id: int | None = None) -> dict:
    """The digest as made, as plain data (JSON): what the review page shows and what a retried
    chat summary says, whatever has changed in the database since."""
    def item(i: Item) -> dict:
        s = i.story
        return {"story_id": s.id, "article_id": s.article_id, "title": s.title, "url": s.url, "link": i.link,
                "review": i.review, "source": s.source, "also_in": list(s.also_in), "kind": s.kind,
                "first_seen": s.first_seen, "day": i.day, "score": i.score, "evidence": i.evidence,
                "evidence_tag": i.evidence_tag, "subjects": list(i.subjects), "mentions": list(i.mentions),
                "mentions_label": i.mentions_label, "reaches": i.reaches}

    return {"id": digest_id, "subject": digest.subject, "intro": digest.intro, "empty": digest.empty,
            "health": digest.health, "since": digest.since, "until": digest.until, "total": digest.total,
            "base_url": digest.base_url, "automaker_counts": [list(c) for c in digest.automaker_counts],
            "topic_counts": [list(c) for c in digest.topic_counts],
            "sections": [{"key": sec.key, "title": sec.title, "items": [item(i) for i in sec.items]}
                         for sec in digest.sections]}


def render(digest: Digest, fmt: str) -> str:
    """The digest as ``html`` (an e-mail: inline CSS, tables for layout), ``md`` or ``text``."""
    if fmt not in FORMATS:
        raise ValueError(f"format must be one of {', '.join(FORMATS)}")
    name = {"html": "digest.html", "md": "digest.md", "text": "digest.txt"}[fmt]
    return _env.get_template(name).render(d=digest)


FIRST_DIGEST_DAYS = 7  # the first digest on a database carries what was stored in the last week


@dataclass(frozen=True)
class Window:
    """Which stories a digest carries. A regular digest takes every story stored since the last
    one (``story_ids``), whatever its publication date; ``--since`` takes those stored since then."""

    since: str
    until: str
    scope: str  # "regular", "first" (no regular digest yet) or "ad hoc" (--since)
    story_ids: list[int]  # the stories it shows
    considered: list[int]  # what a regular digest marks as done (its stories and dismissed ones)
    archived: list[int]  # stored before the first digest's week: left to the archive


def window(db, since: str | None, now: datetime | None = None) -> Window:
    """The stories of the next digest: with ``since``, those stored from then until now; else
    every story no regular digest has carried (the first digest: those of the last week)."""
    now = now or clock.now()
    until = clock.to_iso(now)
    if since:
        return Window(since, until, "ad hoc", store.stored_between(db, since, until), [], [])
    pending = store.undigested(db)
    start = store.last_until(db)
    first = start is None
    archived: set[int] = set()
    if first:
        start = clock.to_iso(now - timedelta(days=FIRST_DIGEST_DAYS))
        archived = store.stored_before(db, [sid for sid, _ in pending], start)
    considered = [sid for sid, _ in pending if sid not in archived]
    shown = [sid for sid, dismissed in pending if not dismissed and sid not in archived]
    return Window(start, until, "first" if first else "regular", shown, considered, sorted(archived))


def make_digest(db, *, since: str | None = None, delivery: str = "printed", now: datetime | None = None,
                ranked: set[str] | None = None, look: Presentation | None = None,
                channels: list[str] = ()) -> tuple[int, Digest, dict[str, str]]:
    """Build, render in every format, and record a digest (with the chat ``channels`` it is to
    be posted to, each a pending delivery). Returns (id, digest, renderings)."""
    from nlp.registry import load_registry

    if ranked is None:
        ranked = {a.id for a in load_registry().automakers if a.ranked}
    # one write transaction from choosing the stories to marking them: two digests made at once
    # (the scheduler's and a `chargewatch digest`) take turns and never carry the same story
    with db.atomic():
        win = window(db, since, now)
        digest = build_digest(store.digest_stories(db, win.story_ids), since=win.since, until=win.until,
                              ranked=ranked, scope=win.scope, look=look, failing=store.failing_sources(db),
                              links=effective_links(db))
        out = {fmt: render(digest, fmt) for fmt in FORMATS}
        digest_id = store.save_digest(db, since=win.since, until=win.until, ad_hoc=win.scope == "ad hoc",
                                      stories=digest.total, subject=digest.subject, text=out["text"],
                                      html=out["html"], markdown=out["md"], delivery=delivery,
                                      carried=win.considered, archived=win.archived,
                                      data=json.dumps(to_data(digest)), channels=channels)
    return digest_id, digest, out


def send_digests(db, mail, *, since: str | None = None, now: datetime | None = None,
                 look: Presentation | None = None):
    """Mail pending digests and a new one: monitor.outputs.delivery.deliver_digests, mail only."""
    from .delivery import deliver_digests

    return deliver_digests(db, mail=mail, since=since, now=now, look=look)
