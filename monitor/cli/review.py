"""chargewatch serve: the review page (its plumbing is in serving)."""

from __future__ import annotations

import click

from ..config import load_settings
from . import serving
from .group import main
from .options import allowed_host_option, db_option, existing_db, proxy_option


@click.command()
@db_option
@click.option("--feeds", "feeds_path", type=click.Path(dir_okay=False), default=None, metavar="FILE",
              help="Sources file whose sources, schedule settings and digest time zone the pages use "
                   "(validated; without it, the sources in the database, the default schedule, UTC).")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to bind. Any address but loopback needs a login (see 'chargewatch users add').")
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True, help="Port to listen on.")
@allowed_host_option
@proxy_option
def serve(db_path: str, feeds_path: str | None, host: str, port: int, allowed_hosts: tuple[str, ...],
          proxies: tuple[str, ...]) -> None:
    """Serve the review page: inbox, search, articles, automaker and topic pages, sources, JSON API.

    Bound to loopback (the default) it needs no login. Bound to any other address, or behind a
    proxy (--proxy), it refuses to start unless at least one user exists, and then every page
    asks for a login. Only requests for localhost, an IP address, --host or an --allowed-host
    name are answered.

    \b
    Example:
        chargewatch serve --db chargewatch.db
        chargewatch serve --db chargewatch.db --feeds feeds.yaml   # the sources page with its schedule
        chargewatch users add maria && chargewatch serve --host 0.0.0.0 --port 8000
        chargewatch serve --proxy 127.0.0.1 --allowed-host news.example.org   # behind nginx with HTTPS
    """
    import uvicorn

    from ..web.app import create_app

    options = serving.web_options(host, allowed_hosts, proxies)
    settings = load_settings(feeds_path) if feeds_path else None  # ConfigError (exit 2) for a bad file
    db = existing_db(db_path)
    require_login = serving.login_required(host, db, db_path, proxied=bool(proxies))
    db.close()
    sock = serving.listen(host, port)
    app = create_app(db_path, require_login=require_login, settings=settings, **options)
    click.echo(f"{serving.page_address(host, port, require_login)}; Ctrl-C stops it", err=True)
    uvicorn.Server(uvicorn.Config(app, log_level="warning", server_header=False, proxy_headers=False)).run(
        sockets=[sock])


main.add_command(serve)
