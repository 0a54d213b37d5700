"""Never let a feed, a link or a redirect make us connect to a private address.

The check sits where the socket is opened (an httpcore network backend), not in front of the
request: every hop of a redirect chain, every retry and every robots.txt request goes through it,
and the address we check is the address we connect to, so DNS rebinding between a check and
the connection cannot slip through. Tests pass their own ``resolver`` to fake DNS answers.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Callable, Iterable

import httpcore

from .errors import BlockedAddress, NetworkError

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


def is_public_address(address: str) -> bool:
    """True only for globally routable unicast addresses."""
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    if isinstance(ip, ipaddress.IPv6Address):
        mapped = ip.ipv4_mapped or ip.sixtofour
        if mapped is not None:
            return is_public_address(str(mapped))
        if ip.teredo:
            return False
    return not (
        ip.is_private or ip.is_loopback or ip.is_link_local or ip.is_multicast
        or ip.is_reserved or ip.is_unspecified or not ip.is_global
    )


def host_port_key(host: str, port: int) -> str:
    return f"{host.strip('[]').lower()}:{port}"


class GuardedBackend(httpcore.NetworkBackend):
    """Resolve, refuse non-public addresses (unless host:port is allowed), connect to the checked IP."""

    def __init__(self, allow_private: Iterable[str] = (), resolver: Resolver | None = None):
        self.allow = frozenset(allow_private)
        self.resolver = resolver or system_resolver
        self._inner = httpcore.SyncBackend()

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
                return self._inner.connect_tcp(address, port, timeout, local_address, socket_options)
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as exc:
                last = exc
        assert last is not None
        raise last

    def connect_unix_socket(self, *args, **kwargs):  # pragma: no cover - never used
        raise BlockedAddress("unix sockets are not allowed")

    def sleep(self, seconds: float) -> None:
        self._inner.sleep(seconds)
