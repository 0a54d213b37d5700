"""chargewatch fetch and demo: one pass over the sources, now."""

from __future__ import annotations

import threading

import click

from ..config import load_settings
from ..errors import EverySourceFailed
from ..terminal import printable, term
from .group import main
from .options import database_unusable, db_option, feeds_option, remember_db
from .render import console, render_reports, run_with_progress


@click.command()
@click.option("--source", "source_name", help="Fetch only this source.")
@feeds_option
@db_option
def fetch(source_name: str | None, feeds_path: str, db_path: str) -> None:
    """Fetch every enabled source once, store new articles, print a table per source and a
    closing line saying how many sources failed. Exits 5 when every source failed (offline?),
    0 when at least one worked.

    \b
    Example:
        chargewatch fetch --db chargewatch.db
        chargewatch fetch --source electrive --feeds feeds.yaml
    """
    from storage import open_db

    from ..pipeline import run_pass

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
        reports = run_with_progress(run)
    except Exception:
        if db.unusable:
            raise database_unusable(db_path, db.unusable + stopped) from None
        raise
    if db.unusable:  # met and recorded article by article: the pass is not a success
        raise database_unusable(db_path, db.unusable + stopped)
    render_reports(console(), reports)
    line = pass_outcome(reports)
    click.echo(line)
    if reports and all(r.status == "failed" for r in reports):
        raise EverySourceFailed("every source failed; is this machine offline? "
                                "`chargewatch sources` shows each source's error")


def pass_outcome(reports) -> str:
    """The pass's closing line: "3 of 18 sources failed: 2 timed out, 1 HTTP error", so a pass
    where everything failed never reads like a quiet day."""
    from types import SimpleNamespace

    from ..errors import group_failures

    if not reports:
        return "no enabled source to fetch"
    failed = [SimpleNamespace(name=r.name, consecutive_failures=1, error_kind=r.error_kind)
              for r in reports if r.status == "failed"]
    line = f"{len(failed)} of {len(reports)} {'source' if len(reports) == 1 else 'sources'} failed"
    if failed:  # by kind, as the sources page groups them: "2 timed out, 1 HTTP error"
        line += ": " + ", ".join(f"{len(g.names)} {g.phrase}" for g in group_failures(failed))
    busy = sum(r.status == "busy" for r in reports)
    if busy:
        line += f" ({busy} left alone: another process is fetching {'it' if busy == 1 else 'them'})"
    return printable(line)


@click.command()
@click.option("--db", "db_path", type=click.Path(dir_okay=False), default="demo.db", show_default=True,
              callback=remember_db, help="Database to (re)create for the demo.")
@click.option("--port", type=int, default=8765, show_default=True, help="Loopback port for the sample site.")
@click.option("--runs", type=click.IntRange(1, 3), default=3, show_default=True,
              help="Passes over the site: the second shows the 304s, the third an updated article.")
def demo(db_path: str, port: int, runs: int) -> None:
    """Serve the bundled sample site on loopback and fetch it into a fresh demo database.

    \b
    Example:
        chargewatch demo --db demo.db --port 8765
    """
    from ..demo import run_demo

    out = console()
    for label, reports in run_demo(db_path, port, runs):
        out.print(f"\n[bold]{term(label)}[/bold]", markup=True)
        render_reports(out, reports)
    out.print(f"\nstored in {term(db_path)}; try: chargewatch stories --db {term(db_path)}")


main.add_command(fetch)
main.add_command(demo)
