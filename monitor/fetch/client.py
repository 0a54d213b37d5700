"""Polite, safe HTTP: conditional GET, size caps, redirects re-checked hop by hop, retries.

One ``Fetcher`` lives for a run (or for the scheduler's lifetime): it owns the httpx client with
the address guard underneath, the per-host gate and the robots.txt cache. ``chargewatch run``
keeps one for the whole process and hands it to every job's pipeline, so the gate's per-host
limits hold across sources and robots.txt is read once a day per host, not once per run.

``fetch`` returns a frozen ``FetchResult`` or raises one of the ``FetchError`` kinds from
``errors.py``. Either way the HTTP attempts it made (retries, redirect hops and the robots.txt
it had to read included) come back to the caller: ``FetchResult.attempts``, or ``attempts_of``
the error. The Fetcher is shared, so it does not know whose fetch it is running; the caller,
which does, records them (the ``fetches`` table, the source's byte count).
"""

from __future__ import annotations

import email.utils
import logging
import random
import ssl
import time
from collections.abc import Callable
from urllib.parse import urljoin, urlsplit

import httpx

from storage import clock

from .. import __version__
from ..config import NetworkSettings
from ..errors import (
    BlockedAddress,
    FetchError,
    FetchTimeout,
    HTTPStatusError,
    NetworkError,
    RobotsDisallowed,
    TLSError,
    TooLarge,
    TooManyRedirects,
)
from ..records import FetchRecord, FetchResult
from .decoding import CappedDecoder, gunzip_capped
from .netguard import GuardedBackend, Resolver
from .politeness import ROBOTS_MAX_BYTES, HostGate, RobotsCache, host_key
from .transport import GuardedTransport

log = logging.getLogger("monitor.fetch")

REDIRECTS = (301, 302, 303, 307, 308)
RETRY_STATUSES = (429, 500, 502, 503, 504)
ACCEPT = ("application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, "
          "text/xml;q=0.9, text/html;q=0.9, application/pdf;q=0.8, */*;q=0.5")


def attempts_of(exc: BaseException) -> tuple[FetchRecord, ...]:
    """The HTTP attempts a failed ``Fetcher.fetch`` made before it raised ``exc`` (none for an
    error raised before any request, e.g. a refused URL)."""
    return tuple(getattr(exc, "attempts", ()))


def user_agent(contact: str) -> str:
    return f"chargewatch/{__version__} (news monitor; +{contact})"


def _parse_retry_after(value: str | None, now: float) -> float | None:
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    return max(0.0, when.timestamp() - now)


def map_exception(exc: Exception, url: str) -> FetchError:
    """httpx's exceptions to ours, in one place."""
    if isinstance(exc, FetchError):
        if not exc.url:
            exc.url = url
        return exc
    if isinstance(exc, httpx.TimeoutException):
        return FetchTimeout(f"timed out ({type(exc).__name__})", url)
    if isinstance(exc, ssl.SSLError) or "SSL" in type(exc).__name__ or "certificate" in str(exc).lower():
        return TLSError(f"TLS error: {exc}", url)
    if isinstance(exc, httpx.UnsupportedProtocol):
        return BlockedAddress(f"unsupported URL scheme: {exc}", url)
    if isinstance(exc, (httpx.TransportError, OSError)):
        text = str(exc) or type(exc).__name__
        if "refused" in text.lower():
            text = "connection refused"
        return NetworkError(f"network error: {text}", url)
    return FetchError(f"{type(exc).__name__}: {exc}", url)


class Fetcher:
    """Everything a run needs to fetch politely and safely. Thread-safe, and shared: it holds no
    caller's state (which source, which report), so one instance serves every job of a process.

    ``on_record`` sees every attempt, whoever asked for it: for logging or a test, not for
    recording attempts against a source (``FetchResult.attempts`` and ``attempts_of`` do that).
    ``max_connections`` bounds the connection pool; the runner, sharing one Fetcher between jobs
    that run side by side, asks for more than one pass needs."""

    def __init__(self, net: NetworkSettings, *, resolver: Resolver | None = None,
                 on_record: Callable[[FetchRecord], None] | None = None,
                 sleep: Callable[[float], None] = time.sleep, max_connections: int | None = None):
        self.net = net
        self.sleep = sleep
        self.on_record = on_record
        self.user_agent = user_agent(net.contact)
        self.guard = GuardedBackend(net.allow_private, resolver)
        transport = GuardedTransport(self.guard, max_connections=max_connections or max(20, net.workers * 2))
        self.client = httpx.Client(
            transport=transport, follow_redirects=False, trust_env=False,
            timeout=httpx.Timeout(net.read_timeout, connect=net.connect_timeout),
            headers={"User-Agent": self.user_agent, "Accept": ACCEPT,
                     "Accept-Encoding": "gzip, deflate"})
        self.gate = HostGate(net.max_per_host, net.host_delay, sleep=sleep)
        self.robots = RobotsCache("chargewatch", self._fetch_robots, self.gate)

    def close(self) -> None:
        self.client.close()

    def __enter__(self) -> "Fetcher":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- public ------------------------------------------------------------------------------

    def fetch(self, url: str, *, etag: str | None = None, last_modified: str | None = None,
              max_bytes: int | None = None, check_robots: bool = True, truncate: bool = False) -> FetchResult:
        """GET url politely; 304 comes back as a result with ``not_modified``; errors raise.

        With ``truncate``, a body over ``max_bytes`` is cut there instead of raising TooLarge.
        Each attempt, connect, headers and body together, has ``network.total_timeout``.

        The attempts made come back as ``result.attempts``; on an error, as ``attempts_of(error)``."""
        cap = max_bytes or self.net.max_bytes
        started = time.monotonic()
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        attempts: list[FetchRecord] = []  # this call's own: the Fetcher is shared between threads
        try:
            return self._follow(url, headers, cap, check_robots, started, truncate, attempts)
        except Exception as exc:
            if isinstance(exc, FetchError) and exc.url and exc.url != url and url not in str(exc):
                exc.redirected_from = url  # it failed on a hop the redirects led to
            try:
                exc.attempts = tuple(attempts)  # type: ignore[attr-defined]
            except AttributeError:  # an exception type without attributes: its attempts go unrecorded
                pass
            raise

    def _follow(self, url: str, headers: dict, cap: int, check_robots: bool, started: float,
                truncate: bool, attempts: list[FetchRecord]) -> FetchResult:
        current, seen = url, {url}
        for _hop in range(self.net.max_redirects + 1):
            self._check_url(current)
            if check_robots and not self._robots_allow(current, attempts):
                raise RobotsDisallowed("disallowed by robots.txt", current)
            status, resp_headers, body, wire = self._get_with_retries(current, headers, cap, truncate, attempts)
            if status in REDIRECTS and resp_headers.get("location"):
                target = urljoin(current, resp_headers["location"].strip())
                target = target.split("#", 1)[0]
                if target in seen:
                    raise TooManyRedirects(f"redirect loop at {target}", url)
                seen.add(target)
                current = target
                continue
            if status == 304:
                pass
            elif not 200 <= status < 300:
                raise HTTPStatusError(f"HTTP {status}", current, status=status)
            ctype = resp_headers.get("content-type", "")
            mime, _, params = ctype.partition(";")
            charset = None
            for p in params.split(";"):
                k, _, v = p.strip().partition("=")
                if k.lower() == "charset" and v:
                    charset = v.strip().strip("'\"").lower()
            if body[:2] == b"\x1f\x8b" and not truncate:  # a gzipped file (sitemap.xml.gz), not transfer encoding
                body = gunzip_capped(body, cap, current)  # the caller gets the document itself
            return FetchResult(
                url=url, final_url=current, status=status, content_type=mime.strip().lower(),
                charset=charset, etag=resp_headers.get("etag"),
                last_modified=resp_headers.get("last-modified"), body=body,
                attempts=tuple(attempts))
        raise TooManyRedirects(f"more than {self.net.max_redirects} redirects", url)

    # -- internals ---------------------------------------------------------------------------

    @staticmethod
    def _check_url(url: str) -> None:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise BlockedAddress("only absolute http(s) URLs are fetched", url)
        if parts.username or parts.password:
            raise BlockedAddress("URLs with credentials are not fetched", url)

    def _robots_allow(self, url: str, attempts: list[FetchRecord]) -> bool:
        try:
            return self.robots.allowed(url, attempts)
        except FetchError as exc:  # report it against the page we wanted, not robots.txt
            # robots.txt's own URL is left out; where its redirects led, if they did, is kept
            message = str(exc) if exc.redirected_from else exc.message
            if isinstance(exc, BlockedAddress):  # about the host, not robots.txt
                raise BlockedAddress(message, url) from None
            raise type(exc)(f"{message} (reading robots.txt)", url, status=exc.status) from None

    def _fetch_robots(self, robots_url: str, attempts: list[FetchRecord] | None) -> tuple[int, bytes]:
        """RFC 9309: the first 500 KiB are parsed (a longer file is cut, never ignored); a 4xx
        means no rules, except 408, 425 and 429, which, like a 5xx, a timeout or a network error,
        raise, so the page waits for a later run ("complete disallow" meanwhile).

        Its attempts join ``attempts``, those of the page fetch that needed robots.txt."""
        try:
            result = self.fetch(robots_url, max_bytes=ROBOTS_MAX_BYTES, check_robots=False, truncate=True)
        except Exception as exc:
            if attempts is not None:
                attempts.extend(attempts_of(exc))
            if isinstance(exc, HTTPStatusError) and exc.permanent:  # 4xx but 408, 425, 429: no rules
                return exc.status or 404, b""
            if isinstance(exc, TooManyRedirects):  # RFC 9309 2.3.1.2: past the redirects it follows,
                return 404, b""                    # "unavailable"
            raise
        if attempts is not None:
            attempts.extend(result.attempts)
        return result.status, result.body

    def _get_with_retries(self, url: str, headers: dict, cap: int, truncate: bool, attempts: list[FetchRecord]):
        attempt = 0
        while True:
            try:
                status, resp_headers, body, wire = self._get_once(url, headers, cap, truncate, attempts)
            except FetchTimeout:
                if attempt >= self.net.retries:
                    raise
                delay = self._backoff(attempt)
            else:
                if status not in RETRY_STATUSES or attempt >= self.net.retries:
                    return status, resp_headers, body, wire
                retry_after = _parse_retry_after(resp_headers.get("retry-after"), clock.now().timestamp())
                if retry_after is not None and retry_after > self.net.max_retry_after:
                    return status, resp_headers, body, wire  # too long: give up, try next run
                delay = retry_after if retry_after is not None else self._backoff(attempt)
            attempt += 1
            log.info("retry url=%s attempt=%d delay=%.2fs", url, attempt, delay)
            if delay > 0:
                self.sleep(delay)

    def _backoff(self, attempt: int) -> float:
        base = self.net.backoff * (2 ** attempt)
        return base + random.uniform(0, base / 4) if base else 0.0

    def _get_once(self, url: str, headers: dict, cap: int, truncate: bool, attempts: list[FetchRecord]):
        started = time.monotonic()
        status: int | None = None
        wire = 0
        try:
            # The total limit covers the whole exchange: the guard bounds the connect and every
            # read and write by what is left of it, so a server trickling its headers or body
            # a byte at a time is cut off on time (httpx's timeouts are per read only).
            with self.gate.slot(host_key(url)), self.guard.deadline(self.net.total_timeout):
                with self.client.stream("GET", url, headers=headers) as resp:
                    status = resp.status_code
                    resp_headers = {k.lower(): v for k, v in resp.headers.items()}
                    if status in REDIRECTS or status == 304:
                        body = b""
                    else:
                        length = resp_headers.get("content-length", "")
                        if length.isdigit() and int(length) > cap and not truncate:
                            raise TooLarge(f"Content-Length {int(length):,} over the cap of {cap:,} bytes", url)
                        dec = CappedDecoder(resp_headers.get("content-encoding", ""), cap, url, truncate)
                        for chunk in resp.iter_raw(65536):
                            wire += len(chunk)
                            dec.feed(chunk)
                            if dec.full:
                                break  # the rest is not read; closing the response drops the connection
                        body = bytes(dec.out)
        except Exception as exc:
            err = map_exception(exc, url)
            self._record(attempts, url, status, wire, started, str(err))
            raise err from None
        self._record(attempts, url, status, wire, started, None)
        return status, resp_headers, body, wire

    def _record(self, attempts: list[FetchRecord], url, status, wire, started, error) -> None:
        ms = int((time.monotonic() - started) * 1000)
        log.info("fetch url=%s status=%s bytes=%d ms=%d%s", url, status, wire, ms,
                 f" error={error!r}" if error else "")
        record = FetchRecord(url, status, wire, ms, error)
        attempts.append(record)
        if self.on_record is not None:
            self.on_record(record)
