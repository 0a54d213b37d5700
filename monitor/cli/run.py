"""chargewatch run: running unattended (the plumbing is serving.Unattended)."""

from __future__ import annotations

import click

from ..config import load_settings
from ..terminal import printable
from . import serving
from .group import main
from .options import allowed_host_option, db_option, feeds_option, proxy_option


@click.command("run")
@feeds_option
@db_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Address of the review page.")
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True, help="Port of the review page.")
@click.option("--once", is_flag=True, help="Run every due source (and the digest, if due) once, then exit: for cron.")
@allowed_host_option
@proxy_option
def run(feeds_path: str, db_path: str, host: str, port: int, once: bool, allowed_hosts: tuple[str, ...],
        proxies: tuple[str, ...]) -> None:
    """Run unattended: every source on its own schedule, the daily digest, and the review page,
    in one process. SIGTERM or Ctrl-C stops it within 10 seconds; a restart continues the schedule.

    \b
    Example:
        chargewatch run --feeds feeds.yaml --db chargewatch.db
        chargewatch run --once            # from cron, every 15 minutes
    """
    from storage import open_db

    from ..logsetup import configure
    from ..web.app import create_app

    settings = load_settings(feeds_path)
    configure(settings.logging)
    db = open_db(db_path)
    options = serving.web_options(host, allowed_hosts, proxies)  # ConfigError (exit 2) for a bad one
    require_login = False if once else serving.login_required(host, db, db_path, proxied=bool(proxies))
    db.close()
    unattended = serving.Unattended(once)  # SIGINT and SIGTERM handled from here on
    sock = None if once else serving.listen(host, port)  # a busy port stops us before anything starts
    runner = unattended.start_runner(settings, db_path)
    if once:
        names, digest_id = unattended.run_once(db_path)
        click.echo(f"ran {len(names)} due sources" + (f": {printable(', '.join(names))}" if names else "")
                   + (f"; made digest #{digest_id}" if digest_id else ""), err=True)
        return
    plan = runner.start()
    app = create_app(db_path, require_login=require_login, settings=settings, **options)
    unattended.serve(app, sock, host, port, db_path=db_path,
                     banner=f"{serving.page_address(host, port, require_login)}; {len(plan)} sources scheduled; "
                            "Ctrl-C or SIGTERM stops it")


main.add_command(run)
