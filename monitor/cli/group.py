"""The ``chargewatch`` group: logging, --version, and the one mapping of chargewatch's errors to
exit codes and messages for every command and subcommand."""

from __future__ import annotations

import logging
import sqlite3
import sys

import click

from ..errors import ConfigError, DatabaseError, EverySourceFailed, PortInUse
from ..logsetup import LogFormatter
from ..terminal import printable
from .options import DB_PATH, database_unusable


class ChargewatchGroup(click.Group):
    """Bad configuration exits 2, an unusable database 3, a busy port 4, a fetch where every
    source failed 5, each with the reason and no traceback, whichever command met it. SQLite saying the file cannot be used (disk full, I/O
    error, a damaged file, not a database) is an unusable database, whichever statement met it."""

    def invoke(self, ctx: click.Context):
        from storage.db import unusable

        try:
            return super().invoke(ctx)
        except ConfigError as exc:
            click.echo(f"configuration error: {printable(exc, lines=True)}", err=True)
            sys.exit(2)
        except DatabaseError as exc:
            click.echo(f"database error: {printable(exc, lines=True)}", err=True)
            sys.exit(3)
        except sqlite3.DatabaseError as exc:
            reason = unusable(exc)
            if reason is None:
                raise
            db_path = ctx.meta.get(DB_PATH)
            click.echo(f"database error: {printable(database_unusable(db_path, reason), lines=True)}", err=True)
            sys.exit(3)
        except PortInUse as exc:
            click.echo(f"cannot serve: {printable(exc, lines=True)}", err=True)
            sys.exit(4)
        except EverySourceFailed as exc:
            click.echo(f"fetch failed: {printable(exc, lines=True)}", err=True)
            sys.exit(5)


@click.group(cls=ChargewatchGroup)
@click.option("-v", "--verbose", count=True, help="Log to standard error (-v info, -vv debug).")
@click.version_option(package_name="chargewatch")
def main(verbose: int) -> None:
    """chargewatch: what was published today about the automakers and the campaign's topics.

    \b
    Example:
        chargewatch fetch --feeds feeds.yaml --db chargewatch.db
        chargewatch articles --since 2026-11-01
    """
    level = logging.ERROR if verbose == 0 else logging.INFO if verbose == 1 else logging.DEBUG
    root = logging.getLogger()
    if not root.handlers:  # as logging.basicConfig would, with our formatter
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(LogFormatter("%(asctime)s %(levelname)s %(name)s %(message)s", tracebacks=verbose >= 2))
        root.addHandler(handler)
        root.setLevel(level)
    if verbose < 2:
        for noisy in ("httpx", "httpcore", "trafilatura", "htmldate", "pypdf"):
            logging.getLogger(noisy).setLevel(logging.WARNING)
