"""chargewatch run and sources resume: running unattended."""

from __future__ import annotations

import sys

import click

from .cli import _existing_db, database_unusable, db_option, feeds_option, handle_errors, main, printable, sources_cmd
from .cli_review import allowed_host_option, proxy_option
from .config import load_settings


@main.command("run")
@feeds_option
@db_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Address of the review page.")
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True, help="Port of the review page.")
@click.option("--once", is_flag=True, help="Run every due source (and the digest, if due) once, then exit: for cron.")
@allowed_host_option
@proxy_option
@handle_errors
def run_cmd(feeds_path: str, db_path: str, host: str, port: int, once: bool, allowed_hosts: tuple[str, ...],
            proxies: tuple[str, ...]) -> None:
    """Run unattended: every source on its own schedule, the daily digest, and the review page,
    in one process. SIGTERM or Ctrl-C stops it within 10 seconds; a restart continues the schedule.

    \b
    Example:
        chargewatch run --feeds feeds.yaml --db chargewatch.db
        chargewatch run --once            # from cron, every 15 minutes
    """
    import os
    import threading

    import uvicorn

    from storage import open_db

    from .cli_review import listen, login_required, page_address, web_options
    from .logsetup import configure
    from .runner import Runner
    from .web.app import create_app

    settings = load_settings(feeds_path)
    configure(settings.logging)
    db = open_db(db_path)
    options = web_options(host, allowed_hosts, proxies)  # ConfigError (exit 2) for a bad one
    require_login = False if once else login_required(host, db, db_path, proxied=bool(proxies))
    db.close()
    import signal

    stopping = threading.Event()
    server = runner = None

    def on_signal(*_):  # before and after uvicorn's own handlers: stop serving, then stop cleanly
        stopping.set()
        if server is not None:
            server.should_exit = True
        elif runner is not None and once:
            runner.stop.set()  # --once: finish the article in flight, start no other

    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, on_signal)
    sock = None if once else listen(host, port)  # a busy port stops us before anything starts
    runner = Runner(settings, db_path)
    runner.on_fatal = lambda reason: on_signal()  # an unusable database stops the page too
    if once:
        try:
            names, digest_id = runner.run_once()
        finally:
            runner.shutdown()
        if runner.fatal:
            raise database_unusable(db_path, runner.fatal)
        click.echo(f"ran {len(names)} due sources" + (f": {printable(', '.join(names))}" if names else "")
                   + (f"; made digest #{digest_id}" if digest_id else ""), err=True)
        return
    plan = runner.start()

    class Server(uvicorn.Server):
        async def startup(self, sockets=None):
            await super().startup(sockets=sockets)
            click.echo(f"{page_address(host, port, require_login)}; {len(plan)} sources scheduled; "
                       "Ctrl-C or SIGTERM stops it", err=True)

    app = create_app(db_path, require_login=require_login, schedule_settings=settings.schedule, **options)
    server = Server(uvicorn.Config(app, host=host, port=port,
                                   log_level="warning", server_header=False, timeout_graceful_shutdown=2,
                                   proxy_headers=False))  # forwarded headers: only from --proxy (the app checks)
    # uvicorn handles SIGINT and SIGTERM while it serves, then re-raises the signal to the handler
    # that was there before (on_signal), so the scheduler and the workers still stop cleanly
    try:
        if not stopping.is_set():
            server.run(sockets=[sock])  # returns on SIGINT or SIGTERM
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


@sources_cmd.command("resume")
@click.argument("name")
@db_option
@handle_errors
def sources_resume(name: str, db_path: str) -> None:
    """Resume a source that was paused after too many consecutive failures (its failure count
    starts again from zero; a running `chargewatch run` picks it up within a minute).

    \b
    Example:
        chargewatch sources resume reuters --db chargewatch.db
    """
    from storage.sources import resume

    outcome = resume(_existing_db(db_path), name)
    if outcome == "unknown":
        click.echo(f"no source {printable(name)!r} in {printable(db_path)}", err=True)
        sys.exit(1)
    click.echo(f"resumed {printable(name)}" if outcome == "resumed"
               else f"{printable(name)} is not paused: nothing to resume")
