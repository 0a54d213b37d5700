"""An automaker's accounts on the platforms post drafts are written for, each with where it was seen.

A handle is named in a post only when a public source shows it (shared/domain.md: nothing is
invented), so every handle in the registry carries ``seen`` (the URL, or repository and path,
where it was found) and may carry ``checked`` (the day someone last looked). A handle without
``seen``, or written in a form its platform does not use, is refused when the registry loads, with
an error naming the file, the group and the platform: a typo here would otherwise tag a stranger.

Forms, one per platform (what the platform itself writes in a post):

- X and Threads: ``@name``
- Bluesky: ``@name.domain`` (a domain handle: ``@toyota.com``, ``@example.bsky.social``)
- Mastodon: ``@user@instance`` (the instance is part of the address: ``@user`` alone is ambiguous)
- LinkedIn: ``company/slug`` (the page's address, linkedin.com/company/slug)
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

# platform id -> the name people know it by (in messages and on the page)
PLATFORM_NAMES = {"x": "X", "bluesky": "Bluesky", "mastodon": "Mastodon", "linkedin": "LinkedIn",
                  "threads": "Threads"}

_LABEL = r"[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?"
_DOMAIN = rf"(?:{_LABEL}\.)+[a-z][a-z0-9-]{{0,61}}[a-z0-9]"
FORMS = {  # platform -> (pattern, how the form is described in an error)
    "x": (re.compile(r"@[A-Za-z0-9_]{1,15}"), "@name (letters, digits, _; at most 15)"),
    "threads": (re.compile(r"@[A-Za-z0-9._]{1,30}"), "@name (letters, digits, . and _; at most 30)"),
    "bluesky": (re.compile(rf"@{_DOMAIN}", re.IGNORECASE), "@name.domain, e.g. @toyota.com"),
    "mastodon": (re.compile(rf"@[A-Za-z0-9_](?:[A-Za-z0-9_.-]*[A-Za-z0-9_])?@{_DOMAIN}", re.IGNORECASE),
                 "@user@instance, e.g. @VWGroup@example.social"),
    "linkedin": (re.compile(r"company/[A-Za-z0-9][A-Za-z0-9_-]*"), "company/slug, e.g. company/bmw-group"),
}
_KEYS = {"handle", "seen", "checked"}


class HandleError(ValueError):
    """A handle in the registry that cannot be used: the message names file, group and platform."""


@dataclass(frozen=True)
class Handle:
    """One account: ``handle`` as the platform writes it, ``seen`` where a public source shows it,
    ``checked`` the ISO day it was last looked at ("" when not recorded)."""

    platform: str
    handle: str
    seen: str
    checked: str = ""

    @property
    def platform_name(self) -> str:
        return PLATFORM_NAMES[self.platform]

    @property
    def url(self) -> str:
        """The account's public page, for people checking it before they post."""
        if self.platform == "linkedin":
            return f"https://www.linkedin.com/{self.handle}"
        if self.platform == "mastodon":
            user, instance = self.handle[1:].split("@", 1)
            return f"https://{instance}/@{user}"
        name = self.handle[1:]
        return {"x": f"https://x.com/{name}", "bluesky": f"https://bsky.app/profile/{name}",
                "threads": f"https://www.threads.net/@{name}"}[self.platform]


def check_handle(platform: str, handle: str) -> str | None:
    """None when ``handle`` has its platform's form, else what the form should be."""
    if platform not in FORMS:
        return f"unknown platform (one of {', '.join(FORMS)})"
    pattern, described = FORMS[platform]
    return None if pattern.fullmatch(handle) else f"{handle!r} is not a {PLATFORM_NAMES[platform]} handle: " \
                                                  f"write {described}"


def parse_handles(entry, *, where: str) -> tuple[Handle, ...]:
    """The ``handles:`` mapping of one group (``where`` = "FILE: GROUP", for the errors), in
    platform order. Each value is ``{handle: ..., seen: ..., checked: YYYY-MM-DD}``; the old plain
    string form (no source) is refused, as is any handle without ``seen``."""
    if entry is None:
        return ()
    if not isinstance(entry, dict):
        raise HandleError(f"{where}: handles must be a mapping of platform to {{handle, seen}}")
    found = []
    for platform, record in entry.items():
        at = f"{where}: handles.{platform}"
        if platform not in FORMS:
            raise HandleError(f"{at}: unknown platform (one of {', '.join(FORMS)})")
        if isinstance(record, str):
            raise HandleError(f"{at}: {record!r} has no source: write {{handle: {record!r}, seen: "
                              f"\"<URL or repository/path where it was seen>\"}} (nothing is invented)")
        if not isinstance(record, dict) or set(record) - _KEYS:
            raise HandleError(f"{at}: expected {{handle, seen, checked}}, got {record!r}")
        handle = str(record.get("handle") or "").strip()
        seen = str(record.get("seen") or "").strip()
        if not handle:
            raise HandleError(f"{at}: no handle")
        if not seen:
            raise HandleError(f"{at}: {handle!r} has no `seen` (where a public source shows it); "
                              "a handle nobody has seen is not recorded")
        problem = check_handle(platform, handle)
        if problem:
            raise HandleError(f"{at}: {problem}")
        found.append(Handle(platform, handle, seen, _day(record.get("checked"), at)))
    return tuple(sorted(found, key=lambda h: list(FORMS).index(h.platform)))


def _day(value, at: str) -> str:
    if value is None or value == "":
        return ""
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    try:
        return dt.date.fromisoformat(str(value)).isoformat()
    except ValueError:
        raise HandleError(f"{at}: checked must be a day, YYYY-MM-DD (got {value!r})") from None
