"""What several commands share: --db, --feeds, --since/--until, --allowed-host and --proxy, the
check of an id against the valid ones, and the opening of the database for reading or writing."""

from __future__ import annotations

from pathlib import Path

import click

from ..errors import DatabaseError

DB_PATH = "chargewatch.db_path"  # ctx.meta key: the --db of the command running, for the error messages


def remember_db(ctx: click.Context, param: click.Parameter, value):
    """Every --db records its value, so that the group's error mapping can name the file."""
    ctx.meta[DB_PATH] = value
    return value


def db_option(fn):
    return click.option("--db", "db_path", type=click.Path(dir_okay=False), envvar="CHARGEWATCH_DB",
                        default="chargewatch.db", show_default=True, callback=remember_db,
                        help="SQLite database file (or set CHARGEWATCH_DB).")(fn)


def feeds_option(fn):
    return click.option("--feeds", "feeds_path", type=click.Path(dir_okay=False), envvar="CHARGEWATCH_FEEDS",
                        default="feeds.yaml", show_default=True,
                        help="Sources file (or set CHARGEWATCH_FEEDS).")(fn)


def allowed_host_option(fn):
    return click.option("--allowed-host", "allowed_hosts", multiple=True, metavar="NAME",
                        help="A name the page is opened by (repeatable), besides localhost, IP addresses and "
                             "--host: e.g. the proxy's public name. Requests for any other name are refused "
                             "(against DNS rebinding).")(fn)


def proxy_option(fn):
    return click.option("--proxy", "proxies", multiple=True, metavar="ADDRESS",
                        help="The address (or network) of a trusted reverse proxy that terminates HTTPS "
                             "(repeatable): its X-Forwarded-Proto, -Host and -For are believed, and a login "
                             "is required even on loopback.")(fn)


class When(click.ParamType):
    """--since / --until: one reading of dates for every command (monitor.dates)."""

    name = "WHEN"

    def convert(self, value, param, ctx):
        from ..dates import parse_when

        try:
            return parse_when(value, option=param.opts[0] if param else "--since")
        except ValueError as exc:
            self.fail(str(exc), param, ctx)


WHEN = When()
LIMIT = click.IntRange(min=1)


def check_choice(db, option: str, value: str | None) -> None:
    """An unknown --automaker, --topic or --source id is an error that lists the valid ones."""
    if value is None:
        return
    if option == "--source":
        from storage.sources import source_names

        valid = source_names(db)
    else:
        from nlp.registry import load_registry
        from nlp.taxonomy import load_taxonomy

        valid = [a.id for a in load_registry().automakers] if option == "--automaker" else \
            [t.id for t in load_taxonomy()]
    if value not in valid:
        raise click.BadParameter(f"no such id {value!r}; valid: {', '.join(sorted(valid)) or '(none yet)'}",
                                 param_hint=option)


def database_unusable(db_path: str | None, reason: str) -> DatabaseError:
    return DatabaseError(f"{db_path or 'the database'}: {reason}")


def readonly_db(db_path: str):
    """For commands that only read: the database must exist and is never written."""
    from storage import open_db

    return open_db(db_path, readonly=True)


def existing_db(db_path: str):
    """For commands that write to a database 'chargewatch fetch' made: it must exist."""
    from storage import open_db

    if not Path(db_path).exists():
        raise DatabaseError(f"{db_path}: no such database (run 'chargewatch fetch' first)")
    return open_db(db_path)
