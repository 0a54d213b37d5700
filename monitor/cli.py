"""The ``chargewatch`` command: a thin click layer; each command calls one function and renders."""

from __future__ import annotations

import json
import logging
import sys
from functools import wraps
from pathlib import Path

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from .config import load_settings
from .errors import ConfigError, DatabaseError

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


def handle_errors(fn):
    """Bad configuration exits 2, an unusable database 3, each with the reason and no traceback."""
    @wraps(fn)
    def inner(*args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except ConfigError as exc:
            click.echo(f"configuration error: {exc}", err=True)
            sys.exit(2)
        except DatabaseError as exc:
            click.echo(f"database error: {exc}", err=True)
            sys.exit(3)
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
    logging.basicConfig(level=level, stream=sys.stderr,
                        format="%(asctime)s %(levelname)s %(name)s %(message)s")
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
    reports = _run_with_progress(lambda progress: run_pass(settings, db, only=source_name, progress=progress))
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
        table.add_row(r.name, f"[{style}]{r.status}[/{style}]" if style else r.status, str(r.new), str(r.updated),
                      f"{r.unchanged}/{r.documents}", str(r.failed), f"{r.bytes:,}", f"{r.seconds:.1f}")
        total_new, total_failed, total_bytes = total_new + r.new, total_failed + r.failed, total_bytes + r.bytes
    table.add_section()
    table.add_row("total", "", str(total_new), str(sum(r.updated for r in reports)), "", str(total_failed),
                  f"{total_bytes:,}", "")
    console.print(table)
    for r in reports:
        if r.error:
            console.print(f"[red]{r.name}: {r.error}[/red]", markup=True, highlight=False)
        if r.warning:
            console.print(f"[yellow]{r.name}: {r.warning}[/yellow]", markup=True, highlight=False)
        for e in r.errors:
            console.print(f"{r.name}: {e}", markup=False, highlight=False)


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
    from storage import open_db
    from storage.sources import list_sources, sync_sources

    from .config import ScheduleSettings
    from .schedule import health

    db = open_db(db_path)
    sched = ScheduleSettings()
    if Path(feeds_path).exists():
        settings = load_settings(feeds_path)
        sync_sources(db, settings.sources)
        sched = settings.schedule
    rows = list_sources(db)
    states = {r.name: health(r, sched) for r in rows}
    if as_json:
        click.echo(json.dumps([{**r.__dict__, "state": states[r.name]} for r in rows], indent=2))
        return
    table = Table(title="sources")
    for col in ("name", "kind", "state", "last success", "failures", "next run", "articles", "7 days", "last error"):
        table.add_column(col)
    for r in rows:
        table.add_row(r.name, r.kind, states[r.name],
                      (r.last_success or "never").replace("T", " ").rstrip("Z"),
                      str(r.consecutive_failures), (r.next_run or "").replace("T", " ").rstrip("Z"),
                      str(r.articles), str(r.articles_7d), (r.last_error or "")[:120])
    _console().print(table)


@sources_cmd.command("export")
@feeds_option
@handle_errors
def sources_export(feeds_path: str) -> None:
    """Print the sources of the feeds file as OPML 2.0 (feed readers import it; every
    chargewatch setting rides along, so importing it back gives the same sources).

    \b
    Example:
        chargewatch sources export --feeds feeds.yaml > sources.opml
    """
    from .exchange import sources_to_opml

    click.echo(sources_to_opml(load_settings(feeds_path).sources), nl=False)


@sources_cmd.command("import")
@click.argument("opml_file", type=click.Path(exists=True, dir_okay=False))
@feeds_option
@click.option("--dry-run", is_flag=True, help="Show what would be added; change nothing.")
@handle_errors
def sources_import(opml_file: str, feeds_path: str, dry_run: bool) -> None:
    """Add the feeds of an OPML file (a feed reader's export) to the feeds file. Sources already
    there (same name or URL) are skipped; the file keeps its comments and is validated first.

    \b
    Example:
        chargewatch sources import reader-export.opml --feeds feeds.yaml
    """
    from .exchange import append_sources, opml_to_sources

    path = Path(feeds_path)
    text = path.read_text(encoding="utf-8") if path.exists() else "sources:\n"
    existing = load_settings(feeds_path).sources if path.exists() else ()
    imported = opml_to_sources(Path(opml_file).read_bytes(), opml_file, existing)
    new_text = append_sources(text, feeds_path, imported.sources)
    for entry in imported.sources:
        click.echo(f"add {entry['name']} ({entry['kind']}): {entry['url']}")
    for reason in imported.skipped:
        click.echo(f"skip {reason}")
    if not dry_run and imported.sources:
        path.write_text(new_text, encoding="utf-8")
    click.echo(f"{len(imported.sources)} added, {len(imported.skipped)} skipped" + (" (dry run)" if dry_run else "")
               + ("" if dry_run or not imported.sources else f": {feeds_path} updated"), err=True)


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

    if not resume(_existing_db(db_path), name):
        click.echo(f"no source {name!r} in {db_path}", err=True)
        sys.exit(1)
    click.echo(f"resumed {name}")


@main.command("articles")
@click.option("--source", help="Only articles from this source.")
@click.option("--since", help="Only articles published (or fetched) on or after this date, e.g. 2026-11-01.")
@click.option("--limit", type=int, default=None, help="At most this many rows.")
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

    rows = list_articles(_existing_db(db_path), source=source, since=since, limit=limit, per_story=not every)
    if as_json:
        click.echo(json.dumps([r.as_dict() for r in rows], indent=2, ensure_ascii=False))
        return
    table = Table(title=f"{len(rows)} {'articles' if every else 'stories'}")
    for col in ("id", "published", "source", "kind", "title", "also in"):
        table.add_column(col)
    for r in rows:
        table.add_row(str(r.id), (r.published or "")[:10], r.source, r.kind, r.title or r.url, ", ".join(r.also_in))
    _console().print(table)


def _existing_db(db_path: str):
    from storage import open_db

    if not Path(db_path).exists():
        raise DatabaseError(f"{db_path}: no such database (run 'chargewatch fetch' first)")
    return open_db(db_path)


@main.command("stories")
@click.option("--since", help="Only stories last seen on or after this date, e.g. 2026-11-01.")
@click.option("--source", help="Only stories with a copy from this source.")
@click.option("--limit", type=int, default=None, help="At most this many stories.")
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

    rows = list_stories(_existing_db(db_path), since=since, source=source, limit=limit)
    if as_json:
        click.echo(json.dumps([r.as_dict() for r in rows], indent=2, ensure_ascii=False))
        return
    table = Table(title=f"{len(rows)} stories")
    for col in ("story", "first seen", "sources", "title", "source", "copies"):
        table.add_column(col)
    for r in rows:
        copies = "; ".join(f"{c.source} #{c.id}" for c in r.copies)
        table.add_row(str(r.id), (r.first_seen or "")[:10], str(r.sources), r.title or r.representative.url,
                      f"{r.representative.source} #{r.representative.id}", copies)
    _console().print(table)


@main.command("tag")
@click.argument("files", nargs=-1, type=click.Path(dir_okay=False, allow_dash=True))
def tag_cmd(files: tuple[str, ...]) -> None:
    """Tag texts: one JSON object per input (standard input when no file), one per line.

    Each object has "automakers" and "topics", lists of tags with id, name, evidence, mentions
    and salience (automakers also list the brands named). An empty input gives empty lists; a
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
    click.echo(f"chargewatch tag: {label}: {message}", err=True)
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
        console.print(f"\n[bold]{label}[/bold]", markup=True)
        render_reports(console, reports)
    console.print(f"\nstored in {db_path}; try: chargewatch stories --db {db_path}")


@main.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to bind. Any address but loopback needs a login (see 'chargewatch users add').")
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True, help="Port to listen on.")
@handle_errors
def serve(db_path: str, host: str, port: int) -> None:
    """Serve the review page: inbox, search, articles, automaker and topic pages, sources, JSON API.

    Bound to loopback (the default) it needs no login. Bound to any other address it refuses to
    start unless at least one user exists, and then every page asks for a login.

    \b
    Example:
        chargewatch serve --db chargewatch.db
        chargewatch users add maria && chargewatch serve --host 0.0.0.0 --port 8000
    """
    import uvicorn

    from storage.users import count_users

    from .web.app import create_app
    from .web.auth import is_loopback

    db = _existing_db(db_path)
    require_login = not is_loopback(host)
    if require_login and count_users(db) == 0:
        raise ConfigError(f"refusing to serve on {host}: only loopback is served without a login. "
                          f"Create a user first: chargewatch users add NAME --db {db_path}")
    db.close()
    app = create_app(db_path, require_login=require_login)
    who = "login required" if require_login else "no login: loopback only"
    click.echo(f"review page on http://{host if ':' not in host else f'[{host}]'}:{port}/ ({who}); Ctrl-C stops it",
               err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning", server_header=False, proxy_headers=False)


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
    """Create a user (or set a new password); asks for the password twice.

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
    if password_stdin:
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

    for name, created in list_users(_existing_db(db_path)):
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
    from storage.review import corrections_export

    for row in corrections_export(_existing_db(db_path)):
        click.echo(json.dumps(row, ensure_ascii=False))


@main.command()
@db_option
@feeds_option
@click.option("--since", "since", metavar="WHEN",
              help="Start here instead of where the last digest ended: a date, a UTC date and time, or 24h / 7d.")
@click.option("--format", "fmt", type=click.Choice(["html", "md", "text"]), default="text", show_default=True,
              help="What to print or write.")
@click.option("--out", "out_path", type=click.Path(dir_okay=False), help="Write to this file instead of standard output.")
@click.option("--send", is_flag=True, help="Mail it (the 'mail' section of the feeds file); retry any digest a failed send left pending.")
@handle_errors
def digest(db_path: str, feeds_path: str, since: str | None, fmt: str, out_path: str | None, send: bool) -> None:
    """The digest of the stories since the last digest: ranked, grouped by automaker and topic,
    each story once, reports in their own section.

    Every digest is recorded: the next one starts where it ended (unless --since is given, which
    makes a one-off digest that moves nothing). With --send it is mailed as HTML with a plain-text
    part; a failed send is reported (exit 1) and recorded, and the next --send retries it.

    \b
    Example:
        chargewatch digest --db chargewatch.db --format md
        chargewatch digest --since 7d --format html --out week.html
        CHARGEWATCH_SMTP_PASSWORD=... chargewatch digest --send
    """
    from .digest import make_digest, parse_when, send_digests

    db = _existing_db(db_path)
    try:
        start = parse_when(since) if since else None
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--since") from None
    failed = False
    if send:
        settings = load_settings(feeds_path)
        if settings.mail is None:
            raise ConfigError(f"{feeds_path}: no 'mail' section, so the digest cannot be sent (see README, Configuration)")
        digest_id, made, out, deliveries = send_digests(db, settings.mail, since=start)
        for d in deliveries:
            if d.error:
                failed = True
                click.echo(f"digest #{d.digest_id} NOT sent (it stays pending): {d.error}", err=True)
            else:
                click.echo(f"digest #{d.digest_id} sent to {', '.join(settings.mail.recipients)}: {d.subject}", err=True)
    else:
        digest_id, made, out = make_digest(db, since=start, delivery="file" if out_path else "printed")
    if out_path:
        Path(out_path).write_text(out[fmt], encoding="utf-8")
        click.echo(f"digest #{digest_id} ({made.total} stories, {made.since} to {made.until}) written to {out_path}",
                   err=True)
    elif not send:
        click.echo(out[fmt], nl=False)
    if failed:
        sys.exit(1)


@main.command()
@click.argument("item")
@click.option("--platform", type=click.Choice(["x", "bluesky", "mastodon", "linkedin", "threads"]), required=True,
              help="Whose length rule and handles to use.")
@click.option("--use", type=click.Choice(["headline", "evidence"]), default="headline", show_default=True,
              help="Start from the headline or from the strongest evidence sentence.")
@db_option
@handle_errors
def post(item: str, platform: str, use: str, db_path: str) -> None:
    """Draft a social post for an article or a story (ITEM: an article id, or story:ID).

    The draft has the headline (or evidence sentence), the automaker's handle on that platform
    from the registry (none is invented), the topics' hashtags and the link, within the
    platform's length rule. It is printed, its length goes to standard error, and it is saved
    (the review page's article view lists and edits the drafts).

    \b
    Example:
        chargewatch post 42 --platform x
        chargewatch post story:17 --platform bluesky --use evidence
    """
    from nlp.registry import load_registry
    from nlp.taxonomy import load_taxonomy
    from storage.digests import save_draft
    from storage.review import article_view, resolve_item

    from .posts import draft_for
    from .web.app import _os_user

    db = _existing_db(db_path)
    article_id = resolve_item(db, item)
    if article_id is None:
        click.echo(f"no article or story {item!r} in {db_path}", err=True)
        sys.exit(1)
    draft = draft_for(article_view(db, article_id), platform, registry=load_registry(), topics=load_taxonomy(), use=use)
    save_draft(db, article_id, platform, draft.text, _os_user())
    click.echo(draft.text)
    click.echo(f"{platform}: {draft.length} of {draft.limit}" + (" (trimmed)" if draft.trimmed else ""), err=True)


@main.command("export")
@click.option("--format", "fmt", type=click.Choice(["csv", "jsonl"]), default="csv", show_default=True)
@click.option("--per", type=click.Choice(["story", "article"]), default="story", show_default=True,
              help="One row per story (its copies' sources in also_in) or per article.")
@click.option("--automaker", help="Only stories tagged with this automaker id.")
@click.option("--topic", help="Only stories tagged with this topic id.")
@click.option("--source", help="Only stories with a copy from this source.")
@click.option("--since", help="Only from this date on (YYYY-MM-DD).")
@click.option("--until", help="Only up to this date (YYYY-MM-DD, inclusive).")
@click.option("--out", "out_path", type=click.Path(dir_okay=False), help="Write here instead of standard output.")
@db_option
@handle_errors
def export_cmd(fmt: str, per: str, automaker: str | None, topic: str | None, source: str | None, since: str | None,
               until: str | None, out_path: str | None, db_path: str) -> None:
    """Export tagged coverage for a spreadsheet (CSV) or a script (JSON Lines), tags and
    evidence included.

    \b
    Example:
        chargewatch export --format csv --automaker tesla --since 2026-01-01 > tesla.csv
        chargewatch export --format jsonl --per article --topic deep-sea-mining
    """
    from storage.review import Filters, export_articles, export_stories

    from .exchange import EXPORT_ARTICLE_COLUMNS, EXPORT_STORY_COLUMNS, to_csv, to_jsonl

    db = _existing_db(db_path)
    try:
        filters = Filters(automaker=automaker, topic=topic, source=source, since=since, until=until, status=None)
    except ValueError as exc:
        raise click.BadParameter(str(exc)) from None
    rows = export_stories(db, filters) if per == "story" else export_articles(db, filters)
    columns = EXPORT_STORY_COLUMNS if per == "story" else EXPORT_ARTICLE_COLUMNS
    text = to_csv(rows, columns) if fmt == "csv" else to_jsonl(rows)
    if out_path:
        Path(out_path).write_text(text, encoding="utf-8", newline="")
        click.echo(f"{len(rows)} {per} rows written to {out_path}", err=True)
    else:
        click.echo(text, nl=False)


@main.command("run")
@feeds_option
@db_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Address of the review page.")
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True, help="Port of the review page.")
@click.option("--once", is_flag=True, help="Run every due source (and the digest, if due) once, then exit: for cron.")
@handle_errors
def run_cmd(feeds_path: str, db_path: str, host: str, port: int, once: bool) -> None:
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
    from storage.users import count_users

    from .logsetup import configure
    from .runner import Runner
    from .web.app import create_app
    from .web.auth import is_loopback

    settings = load_settings(feeds_path)
    configure(settings.logging)
    db = open_db(db_path)
    require_login = not is_loopback(host)
    if not once and require_login and count_users(db) == 0:
        raise ConfigError(f"refusing to serve on {host}: only loopback is served without a login. "
                          f"Create a user first: chargewatch users add NAME --db {db_path}")
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
    runner = Runner(settings, db_path)
    if once:
        try:
            names, digest_id = runner.run_once()
        finally:
            runner.shutdown()
        click.echo(f"ran {len(names)} due sources" + (f": {', '.join(names)}" if names else "")
                   + (f"; made digest #{digest_id}" if digest_id else ""), err=True)
        return
    plan = runner.start()

    class Server(uvicorn.Server):
        async def startup(self, sockets=None):
            await super().startup(sockets=sockets)
            click.echo(f"review page on http://{host}:{port}/ ({'login required' if require_login else 'no login: loopback only'}); "
                       f"{len(plan)} sources scheduled; Ctrl-C or SIGTERM stops it", err=True)

    app = create_app(db_path, require_login=require_login, schedule_settings=settings.schedule)
    server = Server(uvicorn.Config(app, host=host, port=port,
                                   log_level="warning", server_header=False, timeout_graceful_shutdown=2))
    # uvicorn handles SIGINT and SIGTERM while it serves, then re-raises the signal to the handler
    # that was there before (on_signal), so the scheduler and the workers still stop cleanly
    try:
        if not stopping.is_set():
            server.run()  # returns on SIGINT or SIGTERM
    finally:
        clean = runner.shutdown(timeout=7.0)
        click.echo("stopped" + ("" if clean else ": a fetch was still running; its article was not committed and "
                                "stays queued for the next run"), err=True)
        if not clean:
            os._exit(0)  # the unfinished transaction rolls back; the queue keeps the article


if __name__ == "__main__":  # pragma: no cover
    main()
