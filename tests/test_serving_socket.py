"""The review page's listening socket (monitor/cli/serving.py: listen).

`serve` and `run` bind the socket themselves, before anything starts, so a busy port is a clear
error. A socket made with the default protocol number (0) made asyncio skip TCP_NODELAY on every
accepted connection, and each response on a kept-alive connection then waited 40 ms for the
browser's delayed ACK (found by `python -m benchmarks web`: 44 ms for a 3 ms page)."""

from __future__ import annotations

import asyncio
import socket

from monitor.cli.serving import listen


def test_connections_accepted_on_the_listening_socket_have_nagle_off():
    sock = listen("127.0.0.1", 0)
    port = sock.getsockname()[1]
    seen: list[int] = []

    class Probe(asyncio.Protocol):
        def connection_made(self, transport):
            seen.append(transport.get_extra_info("socket").getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY))
            transport.close()

    async def main():
        server = await asyncio.get_running_loop().create_server(Probe, sock=sock)
        async with server:
            reader, writer = await asyncio.open_connection("127.0.0.1", port)
            await reader.read()  # the server closes the connection once it has looked
            writer.close()

    asyncio.run(main())
    assert seen and seen[0] != 0
