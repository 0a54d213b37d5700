"""chargewatch articles and stories: what is stored, newest first."""

from __future__ import annotations

import click
from rich.table import Table

from ..terminal import json_text, term
from .group import main
from .options import LIMIT, WHEN, check_choice, db_option, readonly_db
from .render import console


@click.command("articles")
@click.option("--source", help="Only articles from this source.")
@click.option("--since", type=WHEN, help="Only stories first published on or after WHEN (with --all: articles "
              "published then; no date: when fetched): 2026-11-01, 2026-11-01T08:00Z, 7d, 24h, today, yesterday.")
@click.option("--limit", type=LIMIT, default=None, help="At most this many rows (a positive number).")
@click.option("--all", "every", is_flag=True, help="Every article, not one row per story.")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON array of objects.")
@db_option
def articles(source: str | None, since: str | None, limit: int | None, every: bool, as_json: bool,
             db_path: str) -> None:
    """List stored articles and reports, newest first, one row per story with the other sources
    that carried it ("also in"); --all lists every copy.

    \b
    Example:
        chargewatch articles --source electrive --since 2026-11-01
        chargewatch articles --json | jq '.[].title'
    """
    from storage.articles import list_articles

    db = readonly_db(db_path)
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
    console().print(table)


@click.command("stories")
@click.option("--since", type=WHEN, help="Only stories first published on or after WHEN: 2026-11-01, "
              "2026-11-01T08:00Z, 7d, 24h, today, yesterday.")
@click.option("--source", help="Only stories with a copy from this source.")
@click.option("--limit", type=LIMIT, default=None, help="At most this many stories (a positive number).")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON array of objects.")
@db_option
def stories(since: str | None, source: str | None, limit: int | None, as_json: bool, db_path: str) -> None:
    """List stories, newest first, each with its representative article and its copies.

    \b
    Example:
        chargewatch stories --since 2026-11-20
        chargewatch stories --json | jq '.[] | select(.sources > 1)'
    """
    from storage.stories import list_stories

    db = readonly_db(db_path)
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
    console().print(table)


main.add_command(articles)
main.add_command(stories)
