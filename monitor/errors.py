"""The one exception tree.

Fetch errors come in a few fixed kinds (the ``kind`` attribute) so the pipeline can record them
against a source or an article and decide whether a retry could ever help (``permanent``).
"""

from __future__ import annotations

from dataclasses import dataclass

# The root of the tree and the database's error are storage's (storage imports nothing from
# monitor); they are re-exported here, so ``from monitor.errors import DatabaseError`` still works.
from storage.errors import ChargewatchError
from storage.errors import DatabaseError as DatabaseError  # a re-export


class ConfigError(ChargewatchError):
    """feeds.yaml (or another setting) is invalid; the message names the file, line and key."""

    kind = "config"


class PortInUse(ChargewatchError):
    """The review page's port is taken (another serve or run?): exit code 4."""

    kind = "port"


class EverySourceFailed(ChargewatchError):
    """Every source of a pass failed (offline? a proxy?): exit code 5, so cron or a script sees
    it; a pass where some sources failed still exits 0 (their errors are on the sources page)."""

    kind = "sources"


class FetchError(ChargewatchError):
    """A request failed. ``kind`` is one of the fixed kinds below; ``url`` the URL it failed on;
    ``redirected_from`` the URL asked for, when redirects led from it to ``url`` (else "")."""

    kind = "network"
    permanent = False  # True when retrying on a later run cannot help

    def __init__(self, message: str, url: str = "", status: int | None = None, redirected_from: str = ""):
        super().__init__(message, url)
        self.status = status
        self.redirected_from = redirected_from

    def __str__(self) -> str:
        if self.redirected_from:
            return f"{self.message} ({self.url}, redirected from {self.redirected_from})"
        return super().__str__()


class FetchTimeout(FetchError):
    kind = "timeout"


class NetworkError(FetchError):
    kind = "network"


class TLSError(FetchError):
    kind = "tls"


class HTTPStatusError(FetchError):
    kind = "http"

    @property
    def permanent(self) -> bool:  # type: ignore[override]
        return self.status is not None and self.status not in (408, 425, 429) and self.status < 500


class TooLarge(FetchError):
    kind = "too_large"
    permanent = True


class BlockedAddress(FetchError):
    """The URL is not http(s), or its host resolves to a private, loopback or reserved address."""

    kind = "blocked"
    permanent = True


class RobotsDisallowed(FetchError):
    kind = "robots"
    permanent = True


class TooManyRedirects(FetchError):
    kind = "redirect"
    permanent = True


class ParseError(ChargewatchError):
    """A feed, sitemap or listing could not be read."""

    kind = "parse"
    permanent = True


class ExtractError(ParseError):
    """A page or PDF gave no usable text, or was not what it claimed to be."""

    kind = "extract"


class WorkerLost(ExtractError):
    """The extraction worker died or was replaced before this page's turn: try again next run."""

    permanent = False


class RobotsUnreadable(FetchError):
    """robots.txt was fetched but could not be parsed: the page waits for a later run (never
    fetched as if there were no rules)."""

    kind = "robots"


class ExtractTimeout(ExtractError):
    """Extraction or tagging of one page ran past its time limit (the worker's alarm): a timeout,
    so the page is tried again on a later run, not given up on."""

    kind = "timeout"
    permanent = False


INTERNAL = "internal"  # the kind recorded for an error no class above describes (a bug)

# One label per kind, for people (the sources page groups failing sources by them, the CLI shows them).
KIND_LABELS = {
    "timeout": "Timed out",
    "network": "Network error",
    "tls": "TLS error",
    "http": "HTTP error",
    "too_large": "Too large",
    "blocked": "Blocked address",
    "robots": "robots.txt disallows",
    "redirect": "Too many redirects",
    "parse": "Could not parse",
    "extract": "No usable text",
    INTERNAL: "Internal error",
}


def kind_of(exc: BaseException) -> str:
    """The kind to record for ``exc``: its own, or ``internal`` for one outside the tree."""
    return exc.kind if isinstance(exc, ChargewatchError) else INTERNAL


def kind_label(kind: str | None) -> str:
    """A kind's label; "Other error" for one recorded before kinds were (NULL) or unknown here."""
    return KIND_LABELS.get(kind or "", "Other error")


@dataclass(frozen=True)
class FailureGroup:
    """Failing sources whose last error is of one kind (the sources page, ``chargewatch sources``)."""

    kind: str | None
    label: str
    names: tuple[str, ...]

    @property
    def phrase(self) -> str:
        """The label inside a sentence: "timed out", but "HTTP error" and "robots.txt disallows"."""
        first = self.label.split(" ", 1)[0]
        if first[:1].isupper() and not first[1:2].isupper():  # a capital, not an acronym
            return self.label[0].lower() + self.label[1:]
        return self.label


def group_failures(rows) -> list[FailureGroup]:
    """Sources failing now (consecutive failures) by their error's kind, the biggest group first;
    ``rows`` are anything with ``name``, ``consecutive_failures`` and ``error_kind``."""
    groups: dict[str, list[str]] = {}
    kinds: dict[str, str | None] = {}
    for row in rows:
        if row.consecutive_failures:
            label = kind_label(row.error_kind)
            groups.setdefault(label, []).append(row.name)
            kinds.setdefault(label, row.error_kind if row.error_kind in KIND_LABELS else None)
    return [FailureGroup(kinds[label], label, tuple(names))
            for label, names in sorted(groups.items(), key=lambda g: (-len(g[1]), g[0]))]


def failure_summary(groups: list[FailureGroup]) -> str:
    """"3 failing: 2 timed out, 1 HTTP error", or "" when nothing fails."""
    total = sum(len(g.names) for g in groups)
    parts = ", ".join(f"{len(g.names)} {g.phrase}" for g in groups)
    return f"{total} failing: {parts}" if total else ""
