"""The plumbing of the review page's commands, kept out of the command functions: whether a login
is needed, the allowed hosts and proxies, the listening socket, and ``run``'s signals, runner and
server (Unattended)."""

from __future__ import annotations

import os
import signal
import threading

import click

from ..errors import ConfigError, PortInUse
from ..terminal import printable
from .options import database_unusable


def login_required(host: str, db, db_path: str, *, proxied: bool = False) -> bool:
    """Whether the page needs a login on ``host``: only loopback is served without one, and
    beyond it at least one user must exist (ConfigError otherwise, saying how to make one).
    Behind a reverse proxy (``proxied``) the requests come from anywhere even on loopback, so a
    login is needed there too."""
    from storage.users import count_users

    from ..web.auth import is_loopback

    if is_loopback(host) and not proxied:
        return False
    if count_users(db) == 0:
        where = "behind a proxy (--proxy)" if proxied else f"on {host}"
        raise ConfigError(f"refusing to serve {where}: only loopback is served without a login. "
                          f"Create a user first: chargewatch users add NAME --db {db_path}")
    return True


def web_options(host: str, allowed_hosts: tuple[str, ...], proxies: tuple[str, ...]) -> dict:
    """create_app's allowed_hosts and trusted_proxies from --host, --allowed-host and --proxy
    (ConfigError, exit 2, for a malformed one)."""
    from ..web.security import normal_host, parse_proxy

    try:
        names = [normal_host(n) for n in (host, *allowed_hosts)]
        for proxy in proxies:
            parse_proxy(proxy)
    except ValueError as exc:
        raise ConfigError(f"{exc}") from None
    return {"allowed_hosts": names, "trusted_proxies": list(proxies)}


def listen(host: str, port: int):
    """The review page's socket, bound before anything else starts, so a busy port is a clear
    error (PortInUse, exit 4) rather than uvicorn's log line after the scheduler began."""
    import errno
    import socket

    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    # proto IPPROTO_TCP, not the default 0: asyncio turns Nagle off (TCP_NODELAY) only on
    # connections whose socket says it is TCP, and with Nagle on every response on a kept-alive
    # connection waited 40 ms for the browser's delayed ACK
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError as exc:
        sock.close()
        if exc.errno == errno.EADDRINUSE:
            raise PortInUse(f"port {port} on {host} is already in use (another chargewatch serve or run?): "
                            "stop it or choose another --port") from None
        raise ConfigError(f"--host {host} --port {port}: cannot listen there: {exc.strerror or exc}") from None
    sock.listen(128)
    sock.set_inheritable(True)
    return sock


def page_address(host: str, port: int, require_login: bool) -> str:
    shown = f"[{host}]" if ":" in host else host
    return f"review page on http://{shown}:{port}/ ({'login required' if require_login else 'no login: loopback only'})"


class Unattended:
    """``chargewatch run`` in one process: SIGINT and SIGTERM (handled from construction on),
    the Runner (its scheduler and workers) and, unless --once, the review page's server. A
    signal, or a database the runner finds unusable, stops the server and then the runner."""

    def __init__(self, once: bool):
        self.once = once
        self.stopping = threading.Event()
        self.server = None
        self.runner = None
        for sig in (signal.SIGINT, signal.SIGTERM):
            signal.signal(sig, self.on_signal)

    def on_signal(self, *_) -> None:  # before and after uvicorn's own handlers: stop serving, then stop cleanly
        self.stopping.set()
        if self.server is not None:
            self.server.should_exit = True
        elif self.runner is not None and self.once:
            self.runner.stop.set()  # --once: finish the article in flight, start no other

    def start_runner(self, settings, db_path: str):
        from ..runner import Runner

        self.runner = Runner(settings, db_path)
        self.runner.on_fatal = lambda reason: self.on_signal()  # an unusable database stops the page too
        return self.runner

    def run_once(self, db_path: str) -> tuple[list[str], int | None]:
        """Every due source (and the digest, if due) once; DatabaseError if the database failed."""
        try:
            names, digest_id = self.runner.run_once()
        finally:
            self.runner.shutdown()
        if self.runner.fatal:
            raise database_unusable(db_path, self.runner.fatal)
        return names, digest_id

    def serve(self, app, sock, host: str, port: int, banner: str, db_path: str) -> None:
        """Serve ``app`` on ``sock`` until a signal, then stop the runner (within 10 seconds in
        all). A fetch still running then is abandoned: its transaction rolls back, its article
        stays queued, and the process ends at once (exit 3 if the database failed, else 0)."""
        import uvicorn

        class Server(uvicorn.Server):
            async def startup(self, sockets=None):
                await super().startup(sockets=sockets)
                click.echo(banner, err=True)

        self.server = Server(uvicorn.Config(app, host=host, port=port,
                                            log_level="warning", server_header=False, timeout_graceful_shutdown=2,
                                            proxy_headers=False))  # forwarded headers: only from --proxy (the app checks)
        # uvicorn handles SIGINT and SIGTERM while it serves, then re-raises the signal to the handler
        # that was there before (on_signal), so the scheduler and the workers still stop cleanly
        runner = self.runner
        try:
            if not self.stopping.is_set():
                self.server.run(sockets=[sock])  # returns on SIGINT or SIGTERM
        finally:
            clean = runner.shutdown(timeout=7.0)
            click.echo("stopped" + ("" if clean else ": a fetch was still running; its article was not committed and "
                                    "stays queued for the next run"), err=True)
            if not clean:
                if runner.fatal:
                    click.echo(f"database error: {printable(database_unusable(db_path, runner.fatal))}", err=True)
                os._exit(3 if runner.fatal else 0)  # the unfinished transaction rolls back; the queue keeps the article
        if runner.fatal:
            raise database_unusable(db_path, runner.fatal)
