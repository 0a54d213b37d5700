"""chargewatch sources, and its export, import and resume: the source list and its health."""

from __future__ import annotations

import sys
from pathlib import Path

import click
from rich.table import Table

from ..config import load_settings
from ..terminal import json_text, printable, term
from .group import main
from .options import db_option, existing_db, feeds_option, readonly_db
from .render import console


@click.group("sources", invoke_without_command=True)
@feeds_option
@db_option
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
@click.pass_context
def sources(ctx: click.Context, feeds_path: str, db_path: str, as_json: bool) -> None:
    """List the sources with their health: last success, last error and its kind, consecutive failures.
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

    from ..config import ScheduleSettings
    from ..schedule import health

    db = readonly_db(db_path) if Path(db_path).exists() else None
    sched, configured = ScheduleSettings(), ()
    if Path(feeds_path).exists():
        settings = load_settings(feeds_path)
        sched, configured = settings.schedule, settings.sources
    rows = with_configured(list_sources(db) if db else [], configured)  # nothing is written
    states = {r.name: health(r, sched) for r in rows}
    if as_json:
        click.echo(json_text([{**r.__dict__, "state": states[r.name]} for r in rows], indent=2))
        return
    from ..errors import failure_summary, group_failures, kind_label

    table = Table(title="sources")
    for col in ("name", "kind", "state", "last success", "failures", "next run", "articles", "7 days", "error",
                "last error"):
        table.add_column(col)
    for r in rows:
        table.add_row(term(r.name), term(r.kind), term(states[r.name]),
                      term((r.last_success or "never").replace("T", " ").rstrip("Z")),
                      str(r.consecutive_failures), term((r.next_run or "").replace("T", " ").rstrip("Z")),
                      str(r.articles), str(r.articles_7d), term(kind_label(r.error_kind) if r.consecutive_failures else ""),
                      term((r.last_error or "")[:120]))
    console().print(table)
    summary = failure_summary(group_failures(rows))
    if summary:
        console().print(term(summary))


@click.command("export")
@feeds_option
def sources_export(feeds_path: str) -> None:
    """Print the sources of the feeds file as OPML 2.0 (feed readers import it; every
    chargewatch setting rides along, so importing it back gives the same sources).

    \b
    Example:
        chargewatch sources export --feeds feeds.yaml > sources.opml
    """
    from ..outputs.exchange import sources_to_opml

    click.echo(sources_to_opml(load_settings(feeds_path).sources), nl=False)


@click.command("import")
@click.argument("opml_file", type=click.Path(exists=True, dir_okay=False))
@feeds_option
@click.option("--dry-run", is_flag=True, help="Show what would be added; change nothing.")
def sources_import(opml_file: str, feeds_path: str, dry_run: bool) -> None:
    """Add the feeds of an OPML file (a feed reader's export) to the feeds file. Sources already
    there (same name or URL) are skipped; the file keeps its comments and is validated first.

    \b
    Example:
        chargewatch sources import reader-export.opml --feeds feeds.yaml
    """
    from ..outputs.exchange import append_sources, opml_to_sources

    path = Path(feeds_path)
    text = path.read_text(encoding="utf-8") if path.exists() else "sources:\n"
    existing = load_settings(feeds_path).sources if path.exists() else ()
    imported = opml_to_sources(Path(opml_file).read_bytes(), opml_file, existing)
    new_text = append_sources(text, feeds_path, imported.sources)
    for entry in imported.sources:  # an OPML file is from anywhere: its text reaches the terminal as text
        click.echo(f"add {printable(entry['name'])} ({printable(entry['kind'])}): {printable(entry['url'])}")
    for reason in imported.skipped:
        click.echo(f"skip {printable(reason)}")
    if not dry_run and imported.sources:
        path.write_text(new_text, encoding="utf-8")
    click.echo(f"{len(imported.sources)} added, {len(imported.skipped)} skipped" + (" (dry run)" if dry_run else "")
               + ("" if dry_run or not imported.sources else f": {printable(feeds_path)} updated"), err=True)


@click.command("resume")
@click.argument("name")
@db_option
def sources_resume(name: str, db_path: str) -> None:
    """Resume a source that was paused after too many consecutive failures (its failure count
    starts again from zero; a running `chargewatch run` picks it up within a minute).

    \b
    Example:
        chargewatch sources resume reuters --db chargewatch.db
    """
    from storage.sources import resume

    outcome = resume(existing_db(db_path), name)
    if outcome == "unknown":
        click.echo(f"no source {printable(name)!r} in {printable(db_path)}", err=True)
        sys.exit(1)
    click.echo(f"resumed {printable(name)}" if outcome == "resumed"
               else f"{printable(name)} is not paused: nothing to resume")


for _command in (sources_export, sources_import, sources_resume):
    sources.add_command(_command)
main.add_command(sources)
