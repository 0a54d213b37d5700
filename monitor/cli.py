"""The ``chargewatch`` command: a thin click layer; each command calls one function and renders."""

from __future__ import annotations

import json
import logging
import sqlite3
import sys
import threading
from functools import wraps
from pathlib import Path

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from .config import load_settings
from .errors import ConfigError, DatabaseError, PortInUse
from .logsetup import LogFormatter
from .terminal import json_text, printable, term  # noqa: F401  # cli_run and the tests take them from here

err_console = Console(stderr=True)

def _console() -> Console:
    console = Console(highlight=False, soft_wrap=True)
    if not console.is_terminal:  # piped or captured: do not squeeze tables into 80 columns
        console = Console(highlight=False, soft_wrap=True, width=160)
    return console


def db_option(fn):
    return click.option("--db", "db_path", type=click.Path(dir_okay=False), envvar="CHARGEWATCH_DB",
                        default="chargewatch.db", show_default=True,
                        help="SQLite database file (or set CHARGEWATCH_DB).")(fn)


def feeds_option(fn):
    return click.option("--feeds", "feeds_path", type=click.Path(dir_okay=False), envvar="CHARGEWATCH_FEEDS",
                        default="feeds.yaml", show_default=True,
                        help="Sources file (or set CHARGEWATCH_FEEDS).")(fn)


class When(click.ParamType):
    """--since / --until: one reading of dates for every command (monitor.dates)."""

    name = "WHEN"

    def convert(self, value, param, ctx):
        from .dates import parse_when

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


def handle_errors(fn):
    """Bad configuration exits 2, an unusable database 3, a busy port 4, each with the reason and
    no traceback. SQLite saying the file cannot be used (disk full, I/O error, a damaged file, not
    a database) is an unusable database, whichever statement met it."""
    from storage.db import unusable

    @wraps(fn)
    def inner(*args, **kwargs):
        try:
            return fn(*args, **kwargs)
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
            click.echo(f"database error: {printable(database_unusable(kwargs.get('db_path'), reason), lines=True)}",
                       err=True)
            sys.exit(3)
        except PortInUse as exc:
            click.echo(f"cannot serve: {printable(exc, lines=True)}", err=True)
            sys.exit(4)
    return inner


@click.group()
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


@main.command()
@click.option("--source", "source_name", help="Fetch only this source.")
@feeds_option
@db_option
@handle_errors
def fetch(source_name: str | None, feeds_path: str, db_path: str) -> None:
    """Fetch every enabled source once, store new articles, print a table per source.

    \b
    Example:
        chargewatch fetch --db chargewatch.db
        chargewatch fetch --source electrive --feeds feeds.yaml
    """
    from storage import open_db

    from .pipeline import run_pass

    settings = load_settings(feeds_path)
    db = open_db(db_path)
    stop = threading.Event()

    def run(progress):
        def watched(event: str, n: int) -> None:
            progress(event, n)
            if db.unusable:  # the disk is full or the file damaged: start no other article
                stop.set()
        return run_pass(settings, db, only=source_name, progress=watched, stop=stop)

    stopped = "; the pass stopped (what was stored before is kept)"
    try:
        reports = _run_with_progress(run)
    except Exception:
        if db.unusable:
            raise database_unusable(db_path, db.unusable + stopped) from None
        raise
    if db.unusable:  # met and recorded article by article: the pass is not a success
        raise database_unusable(db_path, db.unusable + stopped)
    render_reports(_console(), reports)


def _run_with_progress(run):
    with Progress(TextColumn("fetching"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  console=err_console, transient=True, disable=not err_console.is_terminal) as bar:
        task = bar.add_task("articles", total=0)

        def progress(event: str, n: int) -> None:
            if event == "queued":
                bar.update(task, total=(bar.tasks[0].total or 0) + n)
            else:
                bar.advance(task, n)
        return run(progress)


def render_reports(console: Console, reports) -> None:
    table = Table(title="fetch summary")
    for col, justify in (("source", "left"), ("status", "left"), ("new", "right"), ("updated", "right"),
                         ("unchanged", "right"), ("failed", "right"), ("bytes", "right"), ("seconds", "right")):
        table.add_column(col, justify=justify)
    total_new = total_failed = total_bytes = 0
    for r in reports:
        style = {"failed": "red", "partial": "yellow", "unchanged": "dim"}.get(r.status, "")
        status = term(r.status)
        table.add_row(term(r.name), f"[{style}]{status}[/{style}]" if style else status, str(r.new), str(r.updated),
                      f"{r.unchanged}/{r.documents}", str(r.failed), f"{r.bytes:,}", f"{r.seconds:.1f}")
        total_new, total_failed, total_bytes = total_new + r.new, total_failed + r.failed, total_bytes + r.bytes
    table.add_section()
    table.add_row("total", "", str(total_new), str(sum(r.updated for r in reports)), "", str(total_failed),
                  f"{total_bytes:,}", "")
    console.print(table)
    for r in reports:  # errors carry URLs and text from the web: never markup, never control characters
        if r.error:
            console.print(f"[red]{term(r.name)}: {term(r.error)}[/red]", markup=True, highlight=False)
        if r.warning:
            console.print(f"[yellow]{term(r.name)}: {term(r.warning)}[/yellow]", markup=True, highlight=False)
        for e in r.errors:
            console.print(f"{term(r.name)}: {term(e)}", markup=True, highlight=False)


@main.group("sources", invoke_without_command=True)
@feeds_option
@db_option
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
@click.pass_context
@handle_errors
def sources_cmd(ctx: click.Context, feeds_path: str, db_path: str, as_json: bool) -> None:
    """List the sources with their health: last success, last error, consecutive failures.
    Subcommands move the source list in and out as OPML.

    \b
    Example:
        chargewatch sources --db chargewatch.db
        chargewatch sources export > sources.opml
        chargewatch sources import reader-export.opml
    """
    if ctx.invoked_subcommand is not None:
        return
    from storage.sources import list_sources, with_configured

    from .config import ScheduleSettings
    from .schedule import health

    db = _readonly_db(db_path) if Path(db_path).exists() else None
    sched, configured = ScheduleSettings(), ()
    if Path(feeds_path).exists():
        settings = load_settings(feeds_path)
        sched, configured = settings.schedule, settings.sources
    rows = with_configured(list_sources(db) if db else [], configured)  # nothing is written
    states = {r.name: health(r, sched) for r in rows}
    if as_json:
        click.echo(json_text([{**r.__dict__, "state": states[r.name]} for r in rows], indent=2))
        return
    table = Table(title="sources")
    for col in ("name", "kind", "state", "last success", "failures", "next run", "articles", "7 days", "last error"):
        table.add_column(col)
    for r in rows:
        table.add_row(term(r.name), term(r.kind), term(states[r.name]),
                      term((r.last_success or "never").replace("T", " ").rstrip("Z")),
                      str(r.consecutive_failures), term((r.next_run or "").replace("T", " ").rstrip("Z")),
                      str(r.articles), str(r.articles_7d), term((r.last_error or "")[:120]))
    _console().print(table)


@main.command("articles")
@click.option("--source", help="Only articles from this source.")
@click.option("--since", type=WHEN, help="Only stories first published on or after WHEN (with --all: articles "
              "published then; no date: when fetched): 2026-11-01, 2026-11-01T08:00Z, 7d, 24h, today, yesterday.")
@click.option("--limit", type=LIMIT, default=None, help="At most this many rows (a positive number).")
@click.option("--all", "every", is_flag=True, help="Every article, not one row per story.")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON array of objects.")
@db_option
@handle_errors
def articles_cmd(source: str | None, since: str | None, limit: int | None, every: bool, as_json: bool,
                 db_path: str) -> None:
    """List stored articles and reports, newest first, one row per story with the other sources
    that carried it ("also in"); --all lists every copy.

    \b
    Example:
        chargewatch articles --source electrive --since 2026-11-01
        chargewatch articles --json | jq '.[].title'
    """
    from storage.articles import list_articles

    db = _readonly_db(db_path)
    check_choice(db, "--source", source)
    rows = list_articles(db, source=source, since=since, limit=limit, per_story=not every)
    if as_json:
        click.echo(json_text([r.as_dict() for r in rows], indent=2))
        return
    table = Table(title=f"{len(rows)} {'articles' if every else 'stories'}")
    for col in ("id", "published", "source", "kind", "title", "also in"):
        table.add_column(col)
    for r in rows:
        table.add_row(str(r.id), term((r.published or "")[:10]), term(r.source), term(r.kind), term(r.title or r.url),
                      term(", ".join(r.also_in)))
    _console().print(table)


def _readonly_db(db_path: str):
    """For commands that only read: the database must exist and is never written."""
    from storage import open_db

    return open_db(db_path, readonly=True)


def _existing_db(db_path: str):
    from storage import open_db

    if not Path(db_path).exists():
        raise DatabaseError(f"{db_path}: no such database (run 'chargewatch fetch' first)")
    return open_db(db_path)


@main.command("stories")
@click.option("--since", type=WHEN, help="Only stories first published on or after WHEN: 2026-11-01, "
              "2026-11-01T08:00Z, 7d, 24h, today, yesterday.")
@click.option("--source", help="Only stories with a copy from this source.")
@click.option("--limit", type=LIMIT, default=None, help="At most this many stories (a positive number).")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON array of objects.")
@db_option
@handle_errors
def stories_cmd(since: str | None, source: str | None, limit: int | None, as_json: bool, db_path: str) -> None:
    """List stories, newest first, each with its representative article and its copies.

    \b
    Example:
        chargewatch stories --since 2026-11-20
        chargewatch stories --json | jq '.[] | select(.sources > 1)'
    """
    from storage.stories import list_stories

    db = _readonly_db(db_path)
    check_choice(db, "--source", source)
    rows = list_stories(db, since=since, source=source, limit=limit)
    if as_json:
        click.echo(json_text([r.as_dict() for r in rows], indent=2))
        return
    table = Table(title=f"{len(rows)} stories")
    for col in ("story", "first seen", "sources", "title", "source", "copies"):
        table.add_column(col)
    for r in rows:
        copies = "; ".join(f"{c.source} #{c.id}" for c in r.copies)
        table.add_row(str(r.id), term((r.first_seen or "")[:10]), str(r.sources), term(r.title or r.representative.url),
                      term(f"{r.representative.source} #{r.representative.id}"), term(copies))
    _console().print(table)


@main.command("tags")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
@click.option("--counts", is_flag=True, help="Also count the stories in the database (--db) about each automaker and "
              "topic, and those that only mention it in passing.")
@click.option("--since", type=WHEN, help="With --counts: only stories first published on or after WHEN: 2026-11-01, "
              "2026-11-01T08:00Z, 7d, 24h, today, yesterday.")
@db_option
@handle_errors
def tags_cmd(as_json: bool, counts: bool, since: str | None, db_path: str) -> None:
    """List the automaker and topic ids that --automaker, --topic and the review page take.

    With --counts, each has the number of stories about it ("about": it is their subject) and of
    those that only mention it in passing ("mentioning"); --automaker and --topic take the
    former, with --mentions (where a command has it) also the latter.

    \b
    Example:
        chargewatch tags
        chargewatch tags --json | jq '.topics[].id'
        chargewatch tags --counts --since 30d --db chargewatch.db
    """
    from nlp.registry import load_registry
    from nlp.taxonomy import load_taxonomy

    automakers = [{"id": a.id, "name": a.name, "ranked": a.ranked} for a in load_registry().automakers]
    topics = [{"id": t.id, "name": t.name} for t in load_taxonomy()]
    if since and not counts:
        raise click.BadParameter("only counts are dated: use it with --counts", param_hint="--since")
    if counts:
        from storage.tags import role_counts

        db = _readonly_db(db_path)
        for kind, rows in (("automaker", automakers), ("topic", topics)):
            found = role_counts(db, kind, since=since)
            for row in rows:
                row["about"], row["mentioning"] = found.get(row["id"], (0, 0))
    if as_json:
        click.echo(json_text({"automakers": automakers, "topics": topics}, indent=2))
        return
    table = Table(title="tags" + (f": stories about each, or only mentioning it{f' (since {since})' if since else ''}"
                                  if counts else ""))
    for col in ("kind", "id", "name", *(("about", "mentioning") if counts else ())):
        table.add_column(col, justify="right" if col in ("about", "mentioning") else "left")
    for kind, rows in (("automaker", automakers), ("topic", topics)):
        for r in rows:
            name = r["name"] + ("" if r.get("ranked", True) else " (not ranked)")
            table.add_row(kind, term(r["id"]), term(name),
                          *((str(r["about"]), str(r["mentioning"])) if counts else ()))
    _console().print(table)


@main.command("tag")
@click.argument("files", nargs=-1, type=click.Path(dir_okay=False, allow_dash=True))
def tag_cmd(files: tuple[str, ...]) -> None:
    """Tag texts: one JSON object per input (standard input when no file), one per line.

    Each object has "automakers" and "topics", lists of tags with id, name, evidence, mentions,
    salience and role ("subject" when the text is about it, "mention" when it only names it in
    passing); automakers also list the brands named. An empty input gives empty lists; a
    binary or unreadable input gives empty lists, an "error" key and a message on stderr.

    \b
    Example:
        chargewatch tag article.txt another.txt
        echo "Volvo Cars will buy fossil-free steel." | chargewatch tag
    """
    from nlp import default_tagger

    from .charset import decode_text

    failed = False
    for name in files or ("-",):
        try:
            data = sys.stdin.buffer.read() if name == "-" else Path(name).read_bytes()
        except OSError as exc:
            failed = True
            _tag_error(name, f"cannot read: {exc.strerror or exc}")
            continue
        if b"\x00" in data[:8192]:
            failed = True
            _tag_error(name, "binary input (NUL bytes), not text")
            continue
        text = decode_text(data)
        if text.count("\ufffd") > max(10, len(text) // 100):
            failed = True
            _tag_error(name, "binary input (not decodable as text)")
            continue
        tags = default_tagger().tag(text) if text.strip() else None
        out = tags.to_dict() if tags else {"automakers": [], "topics": []}
        click.echo(json.dumps(out, ensure_ascii=False))
    if failed:
        sys.exit(1)


def _tag_error(name: str, message: str) -> None:
    label = "standard input" if name == "-" else name
    click.echo(f"chargewatch tag: {printable(label)}: {printable(message)}", err=True)
    click.echo(json.dumps({"automakers": [], "topics": [], "error": f"{label}: {message}"}))


@main.command()
@db_option
@click.option("--processes", type=click.IntRange(1, 16), default=2, show_default=True,
              help="Tagging processes.")
@handle_errors
def retag(db_path: str, processes: int) -> None:
    """Re-tag every stored article after the automaker registry or topic taxonomy changed.

    Tags added or removed by staff are kept; only the tagger's own tags are replaced.

    \b
    Example:
        chargewatch retag --db chargewatch.db
    """
    from storage import open_db

    from .retag import retag as run_retag
    from .retag import total_articles

    if not Path(db_path).exists():
        raise DatabaseError(f"{db_path}: no such database")
    db = open_db(db_path)
    total = total_articles(db)
    with Progress(TextColumn("retagging"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  console=err_console, transient=True, disable=not err_console.is_terminal) as bar:
        task = bar.add_task("articles", total=total)
        done = run_retag(db, processes=processes, progress=lambda n: bar.advance(task, n))
    click.echo(f"retagged {done:,} articles")


@main.command()
@click.option("--db", "db_path", type=click.Path(dir_okay=False), default="demo.db", show_default=True,
              help="Database to (re)create for the demo.")
@click.option("--port", type=int, default=8765, show_default=True, help="Loopback port for the sample site.")
@click.option("--runs", type=click.IntRange(1, 3), default=3, show_default=True,
              help="Passes over the site: the second shows the 304s, the third an updated article.")
@handle_errors
def demo(db_path: str, port: int, runs: int) -> None:
    """Serve the bundled sample site on loopback and fetch it into a fresh demo database.

    \b
    Example:
        chargewatch demo --db demo.db --port 8765
    """
    from .demo import run_demo

    console = _console()
    for label, reports in run_demo(db_path, port, runs):
        console.print(f"\n[bold]{term(label)}[/bold]", markup=True)
        render_reports(console, reports)
    console.print(f"\nstored in {term(db_path)}; try: chargewatch stories --db {term(db_path)}")


# The other commands live beside this module, one file per part of the tool; importing them
# registers them on ``main``.
from . import cli_outputs, cli_review, cli_run  # noqa: E402,F401  # pyflakes: registration

if __name__ == "__main__":  # pragma: no cover
    main()
