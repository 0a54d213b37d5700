"""Never let a feed, a link or a redirect make us connect to a private address.

The check sits where the socket is opened (an httpcore network backend), not in front of the
request: every hop of a redirect chain, every retry and every robots.txt request goes through it,
and the address we check is the address we connect to, so DNS rebinding between a check and
the connection cannot slip through. Tests pass their own ``resolver`` to fake DNS answers.

The socket layer being ours, it also enforces the total time limit of a request
(``GuardedBackend.deadline``): the connect, the TLS handshake and every read and write are each
bounded by what is left of the budget, so a server that trickles headers or body a byte at a
time is cut off when the budget is spent, not when httpx next yields a chunk.
"""

from __future__ import annotations

import ipaddress
import socket
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager

import httpcore

from ..errors import BlockedAddress, FetchTimeout, NetworkError

Resolver = Callable[[str, int], list[str]]


def system_resolver(host: str, port: int) -> list[str]:
    """Every address the system resolver gives for host (IPv4 and IPv6), in its order."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        raise NetworkError(f"cannot resolve host {host!r}: {exc.strerror}") from None
    out: list[str] = []
    for info in infos:
        addr = str(info[4][0]).split("%", 1)[0]
        if addr not in out:
            out.append(addr)
    return out


def _networks(*cidrs: str) -> tuple:
    return tuple(ipaddress.ip_network(c) for c in cidrs)


# Special-purpose ranges (IANA registries, RFC 6890 and later), refused whatever the Python
# version's is_private/is_global say about them (they have changed between releases).
REFUSED_V4 = _networks(
    "0.0.0.0/8",        # "this network"
    "10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16",  # private (RFC 1918)
    "100.64.0.0/10",    # shared address space, carrier-grade NAT (RFC 6598)
    "127.0.0.0/8",      # loopback
    "169.254.0.0/16",   # link-local (cloud metadata services live here)
    "192.0.0.0/24",     # IETF protocol assignments (RFC 6890)
    "192.0.2.0/24", "198.51.100.0/24", "203.0.113.0/24",  # documentation
    "192.88.99.0/24",   # 6to4 relay anycast (deprecated, RFC 7526)
    "198.18.0.0/15",    # benchmarking
    "224.0.0.0/4",      # multicast
    "240.0.0.0/4",      # reserved, and 255.255.255.255 broadcast
)
# IPv6: only global unicast (2000::/3) is ever public; this refuses the old site-local fec0::/10,
# unique-local fc00::/7, link-local fe80::/10, multicast ff00::/8, ::/8 (unspecified, loopback,
# IPv4-compatible and IPv4-translated forms), discard-only 100::/64, SRv6 5f00::/16 and the rest.
GLOBAL_V6 = ipaddress.ip_network("2000::/3")
REFUSED_V6 = _networks(
    "2001::/23",        # IETF protocol assignments: Teredo 2001::/32, benchmarking, ORCHID...
    "2001:db8::/32", "3fff::/20",  # documentation
)
NAT64 = ipaddress.ip_network("64:ff9b::/96")  # well-known NAT64 prefix: the v4 address is the last 32 bits


def _embedded_v4(ip: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    """The IPv4 address a v6 address stands for: IPv4-mapped, NAT64 (well-known prefix) or 6to4."""
    if ip.ipv4_mapped is not None:
        return ip.ipv4_mapped
    if ip in NAT64:
        return ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
    return ip.sixtofour


def is_public_address(address: str) -> bool:
    """True only for globally routable unicast addresses.

    An IPv6 address that embeds an IPv4 address (mapped ::ffff:0:0/96, NAT64 64:ff9b::/96,
    6to4 2002::/16) is as public as the address it embeds; every other IPv6 address must be in
    global unicast 2000::/3 and outside the special-purpose ranges. Python's own properties are
    checked as well, so a range that either list names is refused."""
    try:
        ip = ipaddress.ip_address(address.split("%", 1)[0])
    except ValueError:
        return False
    if isinstance(ip, ipaddress.IPv6Address):
        embedded = _embedded_v4(ip)
        if embedded is not None:
            return is_public_address(str(embedded))
        if ip not in GLOBAL_V6 or any(ip in net for net in REFUSED_V6) or ip.teredo or ip.is_site_local:
            return False
    elif any(ip in net for net in REFUSED_V4):
        return False
    return not (
        ip.is_private or ip.is_loopback or ip.is_link_local or ip.is_multicast
        or ip.is_reserved or ip.is_unspecified or not ip.is_global
    )


def host_port_key(host: str, port: int) -> str:
    return f"{host.strip('[]').lower()}:{port}"


class _Budget(threading.local):
    """The current thread's request deadline (time.monotonic()) and its length, for messages."""

    deadline: float | None = None
    seconds: float = 0.0


class GuardedBackend(httpcore.NetworkBackend):
    """Resolve, refuse non-public addresses (unless host:port is allowed), connect to the checked IP."""

    def __init__(self, allow_private: Iterable[str] = (), resolver: Resolver | None = None):
        self.allow = frozenset(allow_private)
        self.resolver = resolver or system_resolver
        self._inner = httpcore.SyncBackend()
        self._budget = _Budget()

    # -- the total time limit --------------------------------------------------------------

    @contextmanager
    def deadline(self, seconds: float) -> Iterator[None]:
        """Bound everything this thread does through the backend (connect, TLS handshake, each
        read and write) to ``seconds`` from now; past it, the next operation (or the one waiting)
        raises FetchTimeout. httpx runs a sync request in the calling thread, so a thread-local
        budget follows the request, whichever pooled connection it uses."""
        budget = self._budget
        previous = (budget.deadline, budget.seconds)
        until = time.monotonic() + seconds
        if budget.deadline is None or until < budget.deadline:
            budget.deadline, budget.seconds = until, seconds
        try:
            yield
        finally:
            budget.deadline, budget.seconds = previous

    def _bounded(self, timeout: float | None) -> tuple[float | None, bool]:
        """The timeout for one operation, and whether the total budget (not ``timeout``) bounds it."""
        deadline = self._budget.deadline
        if deadline is None:
            return timeout, False
        left = deadline - time.monotonic()
        if left <= 0:
            raise self._expired()
        if timeout is None or left < timeout:
            return left, True
        return timeout, False

    def _expired(self) -> FetchTimeout:
        return FetchTimeout(f"timed out: no complete response within {self._budget.seconds:g}s"
                            " (network.total_timeout)")

    def _call(self, op: Callable, timeout: float | None, *args, **kwargs):
        bounded, by_budget = self._bounded(timeout)
        try:
            return op(*args, timeout=bounded, **kwargs)
        except (httpcore.ReadTimeout, httpcore.WriteTimeout, httpcore.ConnectTimeout):
            if by_budget:
                raise self._expired() from None
            raise

    # -- the address guard -----------------------------------------------------------------

    def check(self, host: str, port: int) -> list[str]:
        """The addresses we may connect to for host:port; raises BlockedAddress if any is private."""
        addresses = self.resolver(host, port)
        if not addresses:
            raise NetworkError(f"cannot resolve host {host!r}")
        if host_port_key(host, port) in self.allow:
            return addresses
        for address in addresses:
            if not is_public_address(address):
                raise BlockedAddress(
                    f"refused: {host}:{port} resolves to non-public address {address}"
                    " (add the exact host:port to network.allow_private to permit it)")
        return addresses

    def connect_tcp(self, host, port, timeout=None, local_address=None, socket_options=None):
        last: Exception | None = None
        for address in self.check(host, port):
            try:
                stream = self._call(self._inner.connect_tcp, timeout, address, port,
                                    local_address=local_address, socket_options=socket_options)
                return _BoundedStream(stream, self)
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as exc:
                last = exc
        assert last is not None
        raise last

    def connect_unix_socket(self, *args, **kwargs):  # pragma: no cover - never used
        raise BlockedAddress("unix sockets are not allowed")

    def sleep(self, seconds: float) -> None:
        self._inner.sleep(seconds)


class _BoundedStream(httpcore.NetworkStream):
    """A connection whose every operation is bounded by the current request's total budget."""

    def __init__(self, inner: httpcore.NetworkStream, backend: GuardedBackend):
        self._inner = inner
        self._backend = backend

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._backend._call(self._inner.read, timeout, max_bytes)

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._backend._call(self._inner.write, timeout, buffer)

    def close(self) -> None:
        self._inner.close()

    def start_tls(self, ssl_context, server_hostname=None, timeout=None) -> httpcore.NetworkStream:
        stream = self._backend._call(self._inner.start_tls, timeout, ssl_context,
                                     server_hostname=server_hostname)
        return _BoundedStream(stream, self._backend)

    def get_extra_info(self, info: str):
        return self._inner.get_extra_info(info)
