"""The one transport seam: httpx's client over an httpcore pool whose every connection goes
through our address guard (``netguard.GuardedBackend``).

httpx's own ``HTTPTransport`` takes no network backend, and setting its private ``_pool`` would
break silently on an httpx upgrade; a ``BaseTransport`` of our own is the documented extension
point (httpx's "custom transports"), so the guard cannot be bypassed by a redirect, a retry or
a kept-alive connection: every ``connect_tcp`` is ours. It does what ``HTTPTransport`` does for
HTTP/1.1 without proxies: hand the request to the pool and turn httpcore's errors into httpx's,
which the fetcher classifies (``client.classify``); our own errors (a blocked address, the
page's overall deadline) pass through unchanged.
"""

from __future__ import annotations

import contextlib
import ssl
from collections.abc import Iterable, Iterator

import httpcore
import httpx

# httpcore's errors -> httpx's, most specific first (a ReadTimeout is both a timeout and a read)
_ERRORS: tuple[tuple[type[Exception], type[httpx.HTTPError]], ...] = (
    (httpcore.ConnectTimeout, httpx.ConnectTimeout),
    (httpcore.ReadTimeout, httpx.ReadTimeout),
    (httpcore.WriteTimeout, httpx.WriteTimeout),
    (httpcore.PoolTimeout, httpx.PoolTimeout),
    (httpcore.TimeoutException, httpx.TimeoutException),
    (httpcore.ConnectError, httpx.ConnectError),
    (httpcore.ReadError, httpx.ReadError),
    (httpcore.WriteError, httpx.WriteError),
    (httpcore.NetworkError, httpx.NetworkError),
    (httpcore.ProxyError, httpx.ProxyError),
    (httpcore.UnsupportedProtocol, httpx.UnsupportedProtocol),
    (httpcore.LocalProtocolError, httpx.LocalProtocolError),
    (httpcore.RemoteProtocolError, httpx.RemoteProtocolError),
    (httpcore.ProtocolError, httpx.ProtocolError),
)


@contextlib.contextmanager
def _httpx_errors() -> Iterator[None]:
    try:
        yield
    except Exception as exc:
        for core, ours in _ERRORS:
            if isinstance(exc, core):
                raise ours(str(exc)) from exc
        raise


class _Body(httpx.SyncByteStream):
    """The response body as httpx reads it, with httpcore's errors as httpx's."""

    def __init__(self, stream: Iterable[bytes]):
        self.stream = stream

    def __iter__(self) -> Iterator[bytes]:
        with _httpx_errors():
            yield from self.stream

    def close(self) -> None:
        close = getattr(self.stream, "close", None)
        if close is not None:
            close()


class GuardedTransport(httpx.BaseTransport):
    """HTTP/1.1 over a connection pool whose network backend is ``backend`` (the address guard)."""

    def __init__(self, backend: httpcore.NetworkBackend, *, ssl_context: ssl.SSLContext | None = None,
                 max_connections: int = 20, max_keepalive_connections: int = 20):
        self.pool = httpcore.ConnectionPool(
            ssl_context=ssl_context or httpx.create_ssl_context(trust_env=False),
            max_connections=max_connections, max_keepalive_connections=max_keepalive_connections,
            network_backend=backend)

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        assert isinstance(request.stream, httpx.SyncByteStream)
        url = request.url
        req = httpcore.Request(
            method=request.method,
            url=httpcore.URL(scheme=url.raw_scheme, host=url.raw_host, port=url.port, target=url.raw_path),
            headers=request.headers.raw, content=request.stream, extensions=request.extensions)
        with _httpx_errors():
            resp = self.pool.handle_request(req)
        return httpx.Response(status_code=resp.status, headers=resp.headers, stream=_Body(resp.stream),
                              extensions=resp.extensions)

    def close(self) -> None:
        self.pool.close()
