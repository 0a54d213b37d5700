"""The fetcher's transport (monitor/fetch/transport.py): httpx over a pool whose every connection
goes through the address guard, with no write to httpx's private attributes. These tests pin
what replacing httpx's HTTPTransport must keep: bodies stream, httpcore's errors arrive as
httpx's (the fetcher classifies those), and the guard's refusal arrives unchanged."""

from __future__ import annotations

import httpx
import pytest

from monitor.config import NetworkSettings
from monitor.demo.sitesrv import SiteServer
from monitor.errors import BlockedAddress
from monitor.fetch import Fetcher
from monitor.fetch.netguard import GuardedBackend
from monitor.fetch.transport import GuardedTransport
from tests.helpers import closed_port, respond


def _page(h):
    respond(h, 200, b"<html><body>" + b"x" * 100_000 + b"</body></html>")


def test_a_body_streams_through_the_guarded_pool():
    with SiteServer(routes={"/big": _page}) as site:
        backend = GuardedBackend(allow_private=[site.base.removeprefix("http://")])
        with httpx.Client(transport=GuardedTransport(backend)) as client:
            with client.stream("GET", site.base + "/big") as resp:
                chunks = list(resp.iter_bytes())
        assert resp.status_code == 200 and sum(map(len, chunks)) == len(b"<html><body></body></html>") + 100_000


def test_a_refused_connection_is_httpx_connect_error():
    port = closed_port()
    backend = GuardedBackend(allow_private=[f"127.0.0.1:{port}"])
    with httpx.Client(transport=GuardedTransport(backend)) as client:
        with pytest.raises(httpx.ConnectError):
            client.get(f"http://127.0.0.1:{port}/")


def test_the_guard_refuses_a_private_address_before_any_connection():
    # 127.0.0.2 is loopback, so a connection would never leave the machine; the guard refuses it
    # because it is not on the allow list (the same check that keeps out 10.x and 169.254.x)
    backend = GuardedBackend(allow_private=[])
    with httpx.Client(transport=GuardedTransport(backend)) as client:
        with pytest.raises(BlockedAddress):
            client.get("http://127.0.0.2:9/")


def test_the_fetcher_uses_the_guarded_transport_not_httpx_private_attributes():
    fetcher = Fetcher(NetworkSettings())
    try:
        transport = fetcher.client._transport  # httpx's own attribute, read to pin which transport
        assert isinstance(transport, GuardedTransport) and transport.pool._network_backend is fetcher.guard
    finally:
        fetcher.close()
