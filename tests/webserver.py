"""Serve the review app on a real loopback socket in a thread, for browser tests."""

from __future__ import annotations

import asyncio
import socket
import threading

import uvicorn


class _Server(uvicorn.Server):
    def __init__(self, config, ready: threading.Event):
        super().__init__(config)
        self._ready = ready

    async def startup(self, sockets=None):
        await super().startup(sockets=sockets)
        self._ready.set()


class LiveServer:
    """``with LiveServer(app) as url:`` serves app on 127.0.0.1 at a free port until the block ends."""

    def __init__(self, app):
        self.app = app
        self.ready = threading.Event()
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.sock.bind(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{self.sock.getsockname()[1]}"
        self.server = _Server(uvicorn.Config(app, log_level="warning", lifespan="off"), self.ready)
        self.thread = threading.Thread(target=lambda: asyncio.run(self.server.serve(sockets=[self.sock])),
                                       daemon=True)

    def __enter__(self) -> str:
        self.thread.start()
        if not self.ready.wait(timeout=30):
            raise RuntimeError("the review app did not start within 30 s")
        return self.url

    def __exit__(self, *exc) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=30)
        self.sock.close()
