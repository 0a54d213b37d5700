"""Social-post drafts: a headline or evidence sentence, the handles on the platform of the
automakers the story is about (never of one it names in passing), the topics' hashtags and the
link, within the platform's length rule.

Lengths are counted as a person sees the text: one grapheme cluster (an emoji with its skin tone
or family joiners, a letter with its combining accents) is one character. Per platform:

- X: 280, a link counts 23, and (as X weighs them) a cluster with an emoji or a character
  outside Latin, Greek, Cyrillic and general punctuation (CJK, for one) counts 2;
- Bluesky: 300 graphemes, links as written; Mastodon: 500, a link counts 23;
- Threads: 500, links as written; LinkedIn: 3,000.

A draft that is too long loses words from the end of its sentence (cut at a word boundary, an
ellipsis added); handles, hashtags and the link are never cut, only dropped whole (hashtags
first) if even the shortest sentence does not leave room for them.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import regex

from nlp.handles import PLATFORM_NAMES, Handle

PLATFORMS = {  # name: (limit, link length or None to count links as written, weighted like X)
    "x": (280, 23, True),
    "bluesky": (300, None, False),
    "mastodon": (500, 23, False),
    "threads": (500, None, False),
    "linkedin": (3000, None, False),
}
URL = regex.compile(r"https?://[^\s<>\"]+")
GRAPHEME = regex.compile(r"\X")
EMOJI = regex.compile(r"[\p{Extended_Pictographic}\p{Regional_Indicator}]")
# X counts these code points as one character, everything else as two (twitter-text, v3)
_LIGHT = ((0x0000, 0x10FF), (0x2000, 0x200D), (0x2010, 0x201F), (0x2032, 0x2037))
ELLIPSIS = "…"
MAX_HASHTAGS = 3
MAX_MENTIONS = 2


def _light(ch: str) -> bool:
    cp = ord(ch)
    return any(a <= cp <= b for a, b in _LIGHT)


def _text_length(text: str, weighted: bool) -> int:
    if not weighted:
        return len(GRAPHEME.findall(text))
    total = 0
    for cluster in GRAPHEME.findall(text):
        heavy = EMOJI.search(cluster) or not all(_light(c) for c in cluster if not _is_mark(c))
        total += 2 if heavy else 1
    return total


MARK = regex.compile(r"[\p{M}\u200d\ufe0f]")  # combining marks and joiners: part of the cluster before them


def _is_mark(ch: str) -> bool:
    return MARK.match(ch) is not None


# a Mastodon mention, @user@instance: Mastodon counts only the @user part against the limit
MASTODON_MENTION = regex.compile(r"(?<![\w@])(@[A-Za-z0-9_](?:[A-Za-z0-9_.-]*[A-Za-z0-9_])?)@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")


def length(text: str, platform: str) -> int:
    """The length the platform's rule counts (on Mastodon a mention's @instance part is free)."""
    _limit, link_length, weighted = PLATFORMS[platform]

    def counted(part: str) -> int:
        if platform == "mastodon":
            part = MASTODON_MENTION.sub(r"\1", part)
        return _text_length(part, weighted)

    total, pos = 0, 0
    for m in URL.finditer(text):
        total += counted(text[pos:m.start()])
        total += link_length if link_length is not None else _text_length(m.group(), weighted)
        pos = m.end()
    return total + counted(text[pos:])


def limit_of(platform: str) -> int:
    return PLATFORMS[platform][0]


@dataclass(frozen=True)
class Draft:
    platform: str
    text: str
    length: int
    limit: int
    mentions: tuple[str, ...]
    hashtags: tuple[str, ...]
    link: str | None
    trimmed: bool
    # for the person posting: handles not known on this platform, mentions left out for length,
    # how LinkedIn links a page ("No Bluesky handle known for BYD")
    notes: tuple[str, ...] = ()
    handles: tuple[Handle, ...] = ()  # the registry's records behind the mentions, with where each was seen


# characters with no place in a post: control characters (C0, DEL, C1: a NUL or ESC from an old
# stored title), lone surrogates and the non-characters U+FFFE/U+FFFF; each becomes a space
_NOT_IN_POST = regex.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")

# where a sentence may be cut: between words, and between characters of scripts written without spaces
_UNITS = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}]|[^\s\p{Han}\p{Hiragana}\p{Katakana}]+|\s+")


def compose(sentence: str, *, platform: str, mentions=(), hashtags=(), link: str | None = None) -> Draft:
    """The post: the sentence, then the mentions and hashtags on one line, then the link."""
    if platform not in PLATFORMS:
        raise ValueError(f"platform must be one of {', '.join(PLATFORMS)}")
    limit = limit_of(platform)
    units = _UNITS.findall(" ".join(_NOT_IN_POST.sub(" ", sentence).split()))
    mentions, hashtags = list(dict.fromkeys(mentions)), list(dict.fromkeys(hashtags))

    def assemble(cut: int) -> str:
        body = "".join(units[:cut]).rstrip()
        if cut < len(units) and body:
            body = body.rstrip(" ,;:–-") + ELLIPSIS
        tail = " ".join(mentions + hashtags)
        return "\n\n".join(p for p in (body, tail, link or "") if p)

    dropped = False
    while True:
        if length(assemble(0), platform) <= limit:
            lo, hi = 0, len(units)  # the longest cut that fits: lengths grow with the cut
            while lo < hi:
                mid = (lo + hi + 1) // 2
                if length(assemble(mid), platform) <= limit:
                    lo = mid
                else:
                    hi = mid - 1
            while 0 < lo < len(units) and units[lo - 1].isspace():
                lo -= 1
            text = assemble(lo)
            return Draft(platform, text, length(text, platform), limit, tuple(mentions), tuple(hashtags), link,
                         dropped or lo < len(units))
        dropped = True  # not even the ellipsis fits: drop hashtags, then mentions, whole, from the end
        if hashtags:
            hashtags.pop()
        elif mentions:
            mentions.pop()
        else:
            text = link or ""
            return Draft(platform, text, length(text, platform), limit, (), (), link, True)


def hashtag(tag: str) -> str:
    tag = tag.strip()
    return tag if tag.startswith("#") else "#" + regex.sub(r"[^\p{L}\p{N}_]", "", tag)


def mention(platform: str, handle: str, name: str) -> str:
    """How the registry's handle is written in a post: as the platform writes it (@name,
    @name.domain, @user@instance), or the page's name on LinkedIn, where a mention is made by
    typing @ and picking the page (a pasted name stays plain text)."""
    if platform == "linkedin":
        return name
    return handle if handle.startswith("@") else "@" + handle


def _names(sentence: str, name: str) -> bool:
    """Whether the sentence already names the automaker (then a plain name is not repeated)."""
    return regex.search(rf"(?<![\p{{L}}\p{{N}}]){regex.escape(name)}(?![\p{{L}}\p{{N}}])", sentence,
                        regex.IGNORECASE) is not None


def _subject_mentions(about, platform: str, sentence: str):
    """(mentions, notes, records) for the automakers a story is about: the handle on ``platform``
    where the registry has one, else the plain name (unless the sentence names it already) and a
    note that no handle is known, so nobody goes looking for a mention that was left out."""
    where = PLATFORM_NAMES[platform]
    mentions, notes, records = [], [], []
    for automaker in about[:MAX_MENTIONS]:
        record = automaker.handle_record(platform)
        if record is None:
            notes.append(f"No {where} handle known for {automaker.name}")
            if not _names(sentence, automaker.name):
                mentions.append(automaker.name)
            continue
        mentions.append(mention(platform, record.handle, automaker.name))
        records.append(record)
        if platform == "linkedin":
            notes.append(f"On LinkedIn, type @ and pick {automaker.name} "
                         f"(linkedin.com/{record.handle}) to link its page")
    return mentions, notes, records


def draft_for(view, platform: str, *, registry, topics, use: str = "headline") -> Draft:
    """A draft for an article (``storage.review.ArticleView``): its headline (or, with
    use="evidence", the evidence sentence its story shows in the inbox, ``storage.tags.
    story_evidence``), the handles on ``platform`` of the automakers the story is about (ranked
    ones first; none invented: an automaker without a known handle there is named in plain text
    and the draft's notes say so; one the story only names in passing is never mentioned), one
    hashtag for each of its topics (those it is about first), and its link (http(s) only).

    The tags are the story's (``view.story_tags``, as the inbox and the digest show them), or
    the article's own when the view has none."""
    from storage.tags import story_evidence

    from ..links import safe_url

    tags = sorted(getattr(view, "story_tags", None) or view.tags,
                  key=lambda t: (t.role != "subject", -t.salience))  # (stable: as the story lists them)
    shown = story_evidence(tags, view.title)
    if use == "evidence":
        sentence = (shown.evidence if shown else None) or view.title or ""
    else:
        sentence = view.title or (shown.evidence if shown else None) or ""

    def known(tag_id: str):  # the registry's automaker, or None for an id it does not have
        try:
            return registry.get(tag_id)
        except KeyError:
            return None

    subjects = [(known(t.tag_id), t) for t in tags if t.kind == "automaker" and t.role == "subject"]
    about = [a for a, t in sorted(((a, t) for a, t in subjects if a is not None),
                                  key=lambda at: (not at[0].ranked, -at[1].salience))]
    about = list(dict.fromkeys(about))  # one automaker once, even with several tags
    mentions, notes, records = _subject_mentions(about, platform, sentence)
    by_id = {topic.id: topic for topic in topics}
    hashtags = []
    for t in tags:  # subjects first
        topic = by_id.get(t.tag_id) if t.kind == "topic" else None
        if topic and topic.hashtags:
            hashtags.append(hashtag(topic.hashtags[0]))
        if len(hashtags) == MAX_HASHTAGS:
            break
    draft = compose(sentence, platform=platform, mentions=mentions, hashtags=hashtags, link=safe_url(view.url))
    left_out = [m for m in dict.fromkeys(mentions) if m not in draft.mentions]
    if left_out:
        notes.append(f"Left out to fit {PLATFORM_NAMES[platform]}'s {draft.limit:,}: {', '.join(left_out)}")
    kept = tuple(r for r in records if mention(platform, r.handle, _owner(about, r)) in draft.mentions)
    return replace(draft, notes=tuple(notes), handles=kept)


def _owner(about, record: Handle) -> str:
    return next(a.name for a in about if record in a.handles)
