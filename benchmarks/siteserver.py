"""The synthetic site served from a separate process, so its CPU is not the pipeline's.

The child is started with the ``spawn`` method and builds the pages itself from the seed (nothing
big crosses the pipe); it still shares the machine's two cores with the pipeline, as a real
site on the same machine would. Only 127.0.0.1 is ever bound or requested.
"""

from __future__ import annotations

import multiprocessing
import os
import tempfile
import time
from collections import Counter
from pathlib import Path

import psutil

SEED = 20250630


def stock_server() -> bool:
    """CHARGEWATCH_BENCH_STOCK_SERVER=1: leave SiteServer's sockets as they are (Nagle on)."""
    return os.environ.get("CHARGEWATCH_BENCH_STOCK_SERVER", "").strip() not in ("", "0")


def serve_site(seed: int, total: int, conn, nodelay: bool = True) -> None:
    """Child process: build the site, serve it on a free loopback port until told to stop."""
    from monitor.demo.sitesrv import SiteServer

    from .sitepages import FEED_PATH, build_site

    with tempfile.TemporaryDirectory(prefix="chargewatch-bench-site-") as root:  # empty: pages only
        server = SiteServer(root=Path(root), host="127.0.0.1", port=0)
        if not nodelay:
            # SiteServer sets TCP_NODELAY (it writes headers and body in two send()s; with Nagle on,
            # each response waits for the client's delayed ACK, about 44 ms). This reproduces that.
            server.httpd.RequestHandlerClass.disable_nagle_algorithm = False
        started = time.perf_counter()
        # Every page carries the server's own address (canonical, og:url, links), so the pages
        # are built once the port is known and handed to the server before it starts serving.
        pages = build_site(seed, server.base, total)
        server.pages.update(pages)
        server.precompress()  # like a CDN's cache: compression is the site's cost, not ours
        generated = time.perf_counter() - started
        articles = [p for p in pages if p not in (FEED_PATH, "/robots.txt")]
        sizes = [len(pages[p][1]) for p in articles]
        server.start()
        conn.send({"nodelay": nodelay, "base": server.base, "port": server.port, "feed": server.base + FEED_PATH,
                   "paths": articles, "pages": len(articles), "bytes": sum(sizes),
                   "min_bytes": min(sizes, default=0), "max_bytes": max(sizes, default=0),
                   "generate_seconds": round(generated, 2)})
        try:
            conn.recv()  # "stop", or EOFError when the parent went away
        except EOFError:
            pass
        statuses = Counter(status for _, status in server.requests)
        server.stop()
        try:
            conn.send({"requests": len(server.requests), "statuses": dict(statuses)})
        except (BrokenPipeError, OSError):
            pass


class SiteProcess:
    """``with SiteProcess(2000) as site: site.base ...``: the site in its own process."""

    def __init__(self, total: int, seed: int = SEED, start_timeout: float = 600.0,
                 nodelay: bool | None = None):
        self.total, self.seed, self.start_timeout = total, seed, start_timeout
        self.nodelay = (not stock_server()) if nodelay is None else nodelay
        self.info: dict = {}
        self.stats: dict = {}

    def __enter__(self) -> "SiteProcess":
        ctx = multiprocessing.get_context("spawn")
        self.conn, child = ctx.Pipe()
        self.proc = ctx.Process(target=serve_site, args=(self.seed, self.total, child, self.nodelay),
                                name="chargewatch-bench-site", daemon=True)
        self.proc.start()
        child.close()
        if not self.conn.poll(self.start_timeout):
            self._kill()
            raise RuntimeError(f"the site process did not start within {self.start_timeout:.0f}s")
        try:
            self.info = self.conn.recv()
        except EOFError:
            self.proc.join(5)
            raise RuntimeError(f"the site process died while starting (exit code {self.proc.exitcode})") from None
        return self

    @property
    def base(self) -> str:
        return self.info["base"]

    @property
    def pid(self) -> int:
        return self.proc.pid

    def cpu_seconds(self) -> float:
        """CPU the site process has used so far (user + system)."""
        try:
            t = psutil.Process(self.proc.pid).cpu_times()
            return t.user + t.system
        except psutil.Error:
            return float("nan")

    def _kill(self) -> None:
        if self.proc.is_alive():
            self.proc.terminate()  # our own child, by its handle
            self.proc.join(5)

    def __exit__(self, *exc) -> None:
        try:
            self.conn.send("stop")
            if self.conn.poll(30):
                self.stats = self.conn.recv()
        except (BrokenPipeError, EOFError, OSError):
            pass
        self.proc.join(15)
        self._kill()
        self.conn.close()
