"""The one exception tree.

Fetch errors come in a few fixed kinds (the ``kind`` attribute) so the pipeline can record them
against a source or an article and decide whether a retry could ever help (``permanent``).
"""

from __future__ import annotations

# The root of the tree and the database's error are storage's (storage imports nothing from
# monitor); they are re-exported here, so ``from monitor.errors import DatabaseError`` still works.
from storage.errors import ChargewatchError
from storage.errors import DatabaseError as DatabaseError  # a re-export


class ConfigError(ChargewatchError):
    """feeds.yaml (or another setting) is invalid; the message names the file, line and key."""


class PortInUse(ChargewatchError):
    """The review page's port is taken (another serve or run?): exit code 4."""


class FetchError(ChargewatchError):
    """A request failed. ``kind`` is one of the fixed kinds below; ``url`` the URL asked for."""

    kind = "network"
    permanent = False  # True when retrying on a later run cannot help

    def __init__(self, message: str, url: str = "", status: int | None = None):
        super().__init__(message)
        self.url = url
        self.status = status

    def __str__(self) -> str:
        msg = super().__str__()
        return f"{msg} ({self.url})" if self.url and self.url not in msg else msg


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

    def __init__(self, message: str, url: str = ""):
        super().__init__(message)
        self.url = url

    def __str__(self) -> str:
        msg = super().__str__()
        return f"{msg} ({self.url})" if self.url and self.url not in msg else msg


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
