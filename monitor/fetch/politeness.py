"""Be polite to each host: at most N requests in flight and a pause between requests.

``HostGate`` is pure bookkeeping with the clock and sleep passed in, so tests need no real waiting.
robots.txt (protego) is read once per host and cached for a day; its Crawl-delay raises that
host's pause. Both are per host, not per source: they live in the one ``Fetcher`` that
``chargewatch run`` keeps for its lifetime, so a feed and a sitemap of one site share the host's
slots, its pause and its robots.txt, and robots.txt is not read again on every run.
"""

from __future__ import annotations

import codecs
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from protego import Protego

from storage import clock as wall_clock

from ..errors import RobotsUnreadable

ROBOTS_MAX_BYTES = 500 * 1024  # RFC 9309 2.5: crawlers must parse at least the first 500 KiB


@dataclass
class _HostState:
    slots: threading.Semaphore
    delay: float
    next_at: float = 0.0
    lock: threading.Lock = field(default_factory=threading.Lock)


class HostGate:
    def __init__(self, max_per_host: int, delay: float,
                 clock: Callable[[], float] = time.monotonic,
                 sleep: Callable[[float], None] = time.sleep):
        self.max_per_host = max_per_host
        self.delay = delay
        self.clock = clock
        self.sleep = sleep
        self._hosts: dict[str, _HostState] = {}
        self._lock = threading.Lock()

    def _state(self, host: str) -> _HostState:
        with self._lock:
            st = self._hosts.get(host)
            if st is None:
                st = self._hosts[host] = _HostState(threading.Semaphore(self.max_per_host), self.delay)
            return st

    def set_delay(self, host: str, seconds: float) -> None:
        """Set the pause for host from robots.txt Crawl-delay: never below the configured pause
        (a refreshed robots.txt without Crawl-delay puts it back there), never above 60 s."""
        st = self._state(host)
        with st.lock:
            st.delay = max(self.delay, min(seconds, 60.0))

    def reserve(self, host: str) -> float:
        """Book the next start time for host; return how long the caller must wait first."""
        st = self._state(host)
        with st.lock:
            now = self.clock()
            start = max(now, st.next_at)
            st.next_at = start + st.delay
            return start - now

    @contextmanager
    def slot(self, host: str) -> Iterator[None]:
        st = self._state(host)
        st.slots.acquire()
        try:
            wait = self.reserve(host)
            if wait > 0:
                self.sleep(wait)
            yield
        finally:
            st.slots.release()


_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF8, "utf-8-sig"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


def robots_text(body: bytes) -> str:
    """robots.txt bytes -> text for protego, never silently losing the rules.

    RFC 9309 says UTF-8, but a byte-order mark (which protego would read as part of the first
    "User-agent" line, dropping that group) or UTF-16 (every other byte NUL: no line would parse)
    would turn a file of rules into "no rules", i.e. allow everything. So: a BOM decides, then
    UTF-16 without a BOM is recognised by its NUL bytes, then UTF-8 with replacement characters.
    A body of ``ROBOTS_MAX_BYTES`` or more was cut by the fetch: its last, maybe partial, line is
    dropped ("Allow: /fo" cut from "Allow: /foo/" would allow more than the site said)."""
    for bom, encoding in _BOMS:
        if body.startswith(bom):
            text = body.decode(encoding, errors="replace")
            break
    else:
        sample = body[:4096]
        even, odd = sample[0::2].count(0), sample[1::2].count(0)
        if sample and max(even, odd) > len(sample) // 8 and min(even, odd) * 4 < max(even, odd):
            text = body.decode("utf-16-be" if even > odd else "utf-16-le", errors="replace")
        else:
            text = body.decode("utf-8", errors="replace")
    if len(body) >= ROBOTS_MAX_BYTES:
        cut = max(text.rfind("\n"), text.rfind("\r"))
        text = text[:cut + 1] if cut >= 0 else ""
    return text.replace("\0", "")


def host_key(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc.lower()}"


def _wall_seconds() -> float:
    return wall_clock.now().timestamp()


class RobotsCache:
    """robots.txt per scheme://host:port, fetched on first use and kept for ``ttl`` seconds.

    The default ``ttl`` is a day: RFC 9309 2.4 has crawlers not use a cached copy for more than
    24 hours. The age is read from chargewatch's one clock (``storage.clock``), so a test can move
    a day ahead without waiting; with the process living for weeks under ``chargewatch run``, a
    site's changed rules are seen the next day.

    RFC 9309: a 4xx robots.txt means no rules (allow). A 5xx or an unreachable host raises the
    fetch error (not cached), so the page waits for a later run instead of being fetched blind
    ("complete disallow"); so does a robots.txt protego cannot parse (``RobotsUnreadable``). This
    holds for a refresh too: an expired copy is not used once a fresh one cannot be had (the RFC
    would allow it; waiting is the stricter choice, and the one this cache always made).
    ``fetch_robots`` gives at most the first ``ROBOTS_MAX_BYTES`` of a longer file.

    ``allowed(url, sink)`` passes ``sink`` on to ``fetch_robots``: the fetcher collects there the
    HTTP attempts made for robots.txt, so they are recorded against the caller that caused them
    (the cache is shared by every source; it keeps no caller of its own).
    """

    def __init__(self, user_agent_token: str, fetch_robots: Callable[[str, list | None], tuple[int, bytes]],
                 gate: HostGate | None = None, ttl: float = 86400.0,
                 clock: Callable[[], float] = _wall_seconds):
        self.token = user_agent_token
        self.fetch_robots = fetch_robots
        self.gate = gate
        self.ttl = ttl
        self.clock = clock
        self._cache: dict[str, tuple[float, Protego | None]] = {}
        self._locks: dict[str, threading.Lock] = {}
        self._lock = threading.Lock()

    def _rules(self, base: str, sink: list | None = None) -> Protego | None:
        with self._lock:
            lock = self._locks.setdefault(base, threading.Lock())
        with lock:
            hit = self._cache.get(base)
            if hit and 0 <= self.clock() - hit[0] < self.ttl:
                return hit[1]
            status, body = self.fetch_robots(base + "/robots.txt", sink)  # raises FetchError
            rules: Protego | None = None
            if 200 <= status < 300:
                try:
                    rules = Protego.parse(robots_text(body))
                except Exception as exc:  # protego is lenient: never read a crash as "no rules"
                    raise RobotsUnreadable(f"robots.txt could not be parsed ({type(exc).__name__}: {exc});"
                                           " waiting for a later run", base + "/robots.txt") from None
            if self.gate is not None:  # every read, so a refresh can also lower it again
                delay = rules.crawl_delay(self.token) if rules is not None else None
                self.gate.set_delay(base, float(delay or 0))
            now = self.clock()
            with self._lock:  # a long-lived cache: drop the copies that have expired
                for key in [k for k, (at, _) in self._cache.items() if not 0 <= now - at < self.ttl]:
                    del self._cache[key]
                self._cache[base] = (now, rules)
            return rules

    def allowed(self, url: str, sink: list | None = None) -> bool:
        rules = self._rules(host_key(url), sink)
        return True if rules is None else rules.can_fetch(url, self.token)
