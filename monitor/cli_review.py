"""chargewatch serve, users and corrections: the review page and its team."""

from __future__ import annotations

import json
import sys

import click

from .cli import _existing_db, _readonly_db, db_option, handle_errors, main
from .errors import ConfigError, PortInUse


def login_required(host: str, db, db_path: str, *, proxied: bool = False) -> bool:
    """Whether the page needs a login on ``host``: only loopback is served without one, and
    beyond it at least one user must exist (ConfigError otherwise, saying how to make one).
    Behind a reverse proxy (``proxied``) the requests come from anywhere even on loopback, so a
    login is needed there too."""
    from storage.users import count_users

    from .web.auth import is_loopback

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
    from .web.security import normal_host, parse_proxy

    try:
        names = [normal_host(n) for n in (host, *allowed_hosts)]
        for proxy in proxies:
            parse_proxy(proxy)
    except ValueError as exc:
        raise ConfigError(f"{exc}") from None
    return {"allowed_hosts": names, "trusted_proxies": list(proxies)}


def allowed_host_option(f):
    return click.option("--allowed-host", "allowed_hosts", multiple=True, metavar="NAME",
                        help="A name the page is opened by (repeatable), besides localhost, IP addresses and "
                             "--host: e.g. the proxy's public name. Requests for any other name are refused "
                             "(against DNS rebinding).")(f)


def proxy_option(f):
    return click.option("--proxy", "proxies", multiple=True, metavar="ADDRESS",
                        help="The address (or network) of a trusted reverse proxy that terminates HTTPS "
                             "(repeatable): its X-Forwarded-Proto, -Host and -For are believed, and a login "
                             "is required even on loopback.")(f)


def listen(host: str, port: int):
    """The review page's socket, bound before anything else starts, so a busy port is a clear
    error (PortInUse, exit 4) rather than uvicorn's log line after the scheduler began."""
    import errno
    import socket

    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
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


@main.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to bind. Any address but loopback needs a login (see 'chargewatch users add').")
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True, help="Port to listen on.")
@allowed_host_option
@proxy_option
@handle_errors
def serve(db_path: str, host: str, port: int, allowed_hosts: tuple[str, ...], proxies: tuple[str, ...]) -> None:
    """Serve the review page: inbox, search, articles, automaker and topic pages, sources, JSON API.

    Bound to loopback (the default) it needs no login. Bound to any other address, or behind a
    proxy (--proxy), it refuses to start unless at least one user exists, and then every page
    asks for a login. Only requests for localhost, an IP address, --host or an --allowed-host
    name are answered.

    \b
    Example:
        chargewatch serve --db chargewatch.db
        chargewatch users add maria && chargewatch serve --host 0.0.0.0 --port 8000
        chargewatch serve --proxy 127.0.0.1 --allowed-host news.example.org   # behind nginx with HTTPS
    """
    import uvicorn

    from .web.app import create_app

    options = web_options(host, allowed_hosts, proxies)
    db = _existing_db(db_path)
    require_login = login_required(host, db, db_path, proxied=bool(proxies))
    db.close()
    sock = listen(host, port)
    app = create_app(db_path, require_login=require_login, **options)
    click.echo(f"{page_address(host, port, require_login)}; Ctrl-C stops it", err=True)
    uvicorn.Server(uvicorn.Config(app, log_level="warning", server_header=False, proxy_headers=False)).run(
        sockets=[sock])


@main.group()
def users() -> None:
    """Users of the review page (needed when it is served beyond loopback).

    \b
    Example:
        chargewatch users add maria
        chargewatch users list
    """


@users.command("add")
@click.argument("name")
@click.option("--password-stdin", is_flag=True, help="Read the password from standard input (for scripts).")
@db_option
@handle_errors
def users_add(name: str, password_stdin: bool, db_path: str) -> None:
    """Create a user (or set a new password); asks for the password twice (without a terminal,
    or with --password-stdin, reads it from the first line of standard input).

    \b
    Example:
        chargewatch users add maria --db chargewatch.db
        printf '%s' "$PASSWORD" | chargewatch users add bot --password-stdin
    """
    from storage import open_db
    from storage.users import add_user

    from .web.auth import hash_password

    if not name.strip() or len(name) > 64 or any(c.isspace() for c in name):
        raise click.BadParameter("a name is 1 to 64 characters without spaces", param_hint="NAME")
    if password_stdin or not sys.stdin.isatty():  # no terminal to ask on: the first line of input
        password = sys.stdin.readline().rstrip("\r\n")
    else:
        password = click.prompt("Password", hide_input=True, confirmation_prompt=True)
    try:
        hashed = hash_password(password)
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="password") from None
    created = add_user(open_db(db_path), name, hashed)
    click.echo(f"{'created' if created else 'updated the password of'} user {name}")


@users.command("feed-token")
@click.argument("name")
@db_option
@handle_errors
def users_feed_token(name: str, db_path: str) -> None:
    """Make a new feed token for a user (the old one stops working) and print it. Feed readers
    cannot log in: beyond loopback, add ?token=... to a feed's URL.

    \b
    Example:
        chargewatch users feed-token maria
        # then subscribe to http://server:8000/feeds/topics/lithium.atom?token=...
    """
    from storage.users import set_feed_token

    from .web.auth import new_token, token_hash

    token = new_token()
    if not set_feed_token(_existing_db(db_path), name, token_hash(token)):
        click.echo(f"no user {name}", err=True)
        sys.exit(1)
    click.echo(token)


@users.command("list")
@db_option
@handle_errors
def users_list(db_path: str) -> None:
    """List the users.

    \b
    Example:
        chargewatch users list --db chargewatch.db
    """
    from storage.users import list_users

    for name, created in list_users(_readonly_db(db_path)):
        click.echo(f"{name}\t{created}")


@users.command("remove")
@click.argument("name")
@db_option
@handle_errors
def users_remove(name: str, db_path: str) -> None:
    """Remove a user and end their sessions.

    \b
    Example:
        chargewatch users remove maria
    """
    from storage.users import remove_user

    if not remove_user(_existing_db(db_path), name):
        click.echo(f"no user {name}", err=True)
        sys.exit(1)
    click.echo(f"removed user {name}")


@main.command()
@db_option
@handle_errors
def corrections(db_path: str) -> None:
    """Export the tag corrections staff made, one JSON object per corrected article and line.

    Each line has the labelled set's shape (title, text, automakers, topics after the
    corrections) plus the corrections themselves (who, when, add or remove), so they can be
    reviewed and added to tests/data/tagging/passages.jsonl.

    \b
    Example:
        chargewatch corrections --db chargewatch.db > corrections.jsonl
    """
    from storage.export import corrections_export

    for row in corrections_export(_readonly_db(db_path)):
        click.echo(json.dumps(row, ensure_ascii=False))
