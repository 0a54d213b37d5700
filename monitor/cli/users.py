"""chargewatch users: the review page's team (needed when it is served beyond loopback)."""

from __future__ import annotations

import sys

import click

from .group import main
from .options import db_option, existing_db, readonly_db


@click.group()
def users() -> None:
    """Users of the review page (needed when it is served beyond loopback).

    \b
    Example:
        chargewatch users add maria
        chargewatch users list
    """


@click.command("add")
@click.argument("name")
@click.option("--password-stdin", is_flag=True, help="Read the password from standard input (for scripts).")
@db_option
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

    from ..web.auth import hash_password

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


@click.command("feed-token")
@click.argument("name")
@db_option
def users_feed_token(name: str, db_path: str) -> None:
    """Make a new feed token for a user (the old one stops working) and print it. Feed readers
    cannot log in: beyond loopback, add ?token=... to a feed's URL.

    \b
    Example:
        chargewatch users feed-token maria
        # then subscribe to http://server:8000/feeds/topics/lithium.atom?token=...
    """
    from storage.users import set_feed_token

    from ..web.auth import new_token, token_hash

    token = new_token()
    if not set_feed_token(existing_db(db_path), name, token_hash(token)):
        click.echo(f"no user {name}", err=True)
        sys.exit(1)
    click.echo(token)


@click.command("list")
@db_option
def users_list(db_path: str) -> None:
    """List the users.

    \b
    Example:
        chargewatch users list --db chargewatch.db
    """
    from storage.users import list_users

    for name, created in list_users(readonly_db(db_path)):
        click.echo(f"{name}\t{created}")


@click.command("remove")
@click.argument("name")
@db_option
def users_remove(name: str, db_path: str) -> None:
    """Remove a user and end their sessions.

    \b
    Example:
        chargewatch users remove maria
    """
    from storage.users import remove_user

    if not remove_user(existing_db(db_path), name):
        click.echo(f"no user {name}", err=True)
        sys.exit(1)
    click.echo(f"removed user {name}")


for _command in (users_add, users_feed_token, users_list, users_remove):
    users.add_command(_command)
main.add_command(users)
