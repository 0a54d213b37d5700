"""chargewatch digest, post and export: what goes out of chargewatch."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ..config import load_settings
from ..errors import ConfigError
from ..terminal import printable
from .group import main
from .options import WHEN, check_choice, db_option, existing_db, feeds_option, readonly_db


class ItemRef(click.ParamType):
    """ITEM of ``post``: an article id, article:ID or story:ID, each a row id SQLite can hold."""

    name = "ITEM"

    def convert(self, value, param, ctx):
        from storage.articles import MAX_ID, parse_item

        if isinstance(value, tuple):
            return value
        parsed = parse_item(str(value))
        if parsed is None:
            self.fail(f"{printable(value)!r} is not an article id, article:ID or story:ID "
                      f"(a number from 1 to {MAX_ID})", param, ctx)
        return parsed


@click.command()
@db_option
@feeds_option
@click.option("--since", "since", type=WHEN,
              help="A one-off digest of the stories chargewatch stored since WHEN (not where the last digest "
                   "ended): 2026-11-12, 2026-11-12T08:00Z, 24h, 7d, today, yesterday.")
@click.option("--format", "fmt", type=click.Choice(["html", "md", "text"]), default="text", show_default=True,
              help="What to print or write.")
@click.option("--out", "out_path", type=click.Path(dir_okay=False), help="Write to this file instead of standard output.")
@click.option("--send", is_flag=True, help="Mail it (the 'mail' section of the feeds file); retry any digest a failed send left pending.")
@click.option("--notify", is_flag=True, help="Post its summary to the chat channels of the feeds file's 'notify' "
              "section (Apprise URLs); retry any channel a failed post left pending.")
def digest(db_path: str, feeds_path: str, since: str | None, fmt: str, out_path: str | None, send: bool,
           notify: bool) -> None:
    """The digest of the stories chargewatch found since the last digest (whatever their
    publication dates): ranked, grouped by automaker and topic, each story once, reports in
    their own section. A story goes under the automaker (or topic) it is about, never under one
    it only mentions in passing; its item names those apart ("also mentions: ..."), and the
    header counts the stories about each automaker and topic with those mentioning it beside.
    When sources are failing, it opens with a line naming them and since when.

    Every digest is recorded: the next one starts where it ended (unless --since is given, which
    makes a one-off digest that moves nothing). With --send it is mailed as HTML with a plain-text
    part; with --notify its summary (counts, the top stories with links) goes to chat. A failed
    send or post is reported (exit 1) and recorded, and the next --send or --notify retries it
    (a channel that got it is never posted to again). Times are in digest.timezone; with
    base_url set, every story links to its page on the review site.

    \b
    Example:
        chargewatch digest --db chargewatch.db --format md
        chargewatch digest --since 7d --format html --out week.html
        CHARGEWATCH_SMTP_PASSWORD=... chargewatch digest --send
        CHARGEWATCH_SLACK_URL=slack://... chargewatch digest --send --notify
    """
    from ..dates import as_datetime
    from ..outputs.delivery import deliver_digests
    from ..outputs.digest import Presentation, make_digest

    db = existing_db(db_path)
    start = as_datetime(since) if since else None
    # the feeds file gives the time zone and the review site's address; it must exist to send
    settings = load_settings(feeds_path) if (send or notify or Path(feeds_path).exists()) else None
    look = Presentation.of(settings) if settings else Presentation()
    failed = False
    if send and settings.mail is None:
        raise ConfigError(f"{feeds_path}: no 'mail' section, so the digest cannot be sent (see README, Configuration)")
    if notify and settings.notify is None:
        raise ConfigError(f"{feeds_path}: no 'notify' section, so there is no chat channel to post the digest to "
                          "(see README, Configuration)")
    if (send or notify) and settings.base_url is None:
        click.echo(f"note: {feeds_path} sets no base_url, so the stories link to their originals only, not to "
                   "their pages on the review site", err=True)
    if send or notify:
        digest_id, made, out, deliveries = deliver_digests(
            db, mail=settings.mail if send else None, notify=settings.notify if notify else None, look=look,
            since=start, delivery=None if send else ("file" if out_path else "printed"))
        for d in deliveries:
            where = f"to {', '.join(settings.mail.recipients)}" if d.channel == "mail" else f"to {d.channel}"
            verb = "sent" if d.channel == "mail" else "posted"
            if d.error:  # (the mail's recipients are in the error when they matter)
                failed = True
                click.echo(f"digest #{d.digest_id} NOT {verb}{'' if d.channel == 'mail' else ' ' + printable(where)} "
                           f"(it stays pending): {printable(d.error)}", err=True)
            else:
                click.echo(f"digest #{d.digest_id} {verb} {printable(where)}: {printable(d.subject)}", err=True)
    else:
        digest_id, made, out = make_digest(db, since=start, delivery="file" if out_path else "printed", look=look)
    if out_path:
        Path(out_path).write_text(out[fmt], encoding="utf-8")
        click.echo(f"digest #{digest_id} ({made.total} stories, {made.since} to {made.until}) written to "
                   f"{printable(out_path)}", err=True)
    elif not (send or notify):  # to a terminal, perhaps: no control character (the file and the mail keep the text as made)
        click.echo(printable(out[fmt], lines=True), nl=False)
    if failed:
        sys.exit(1)


@click.command()
@click.argument("item", type=ItemRef())
@click.option("--platform", type=click.Choice(["x", "bluesky", "mastodon", "linkedin", "threads"]), required=True,
              help="Whose length rule and handles to use.")
@click.option("--use", type=click.Choice(["headline", "evidence"]), default="headline", show_default=True,
              help="Start from the headline or from the evidence sentence the inbox shows for the story.")
@db_option
def post(item: tuple[str, int], platform: str, use: str, db_path: str) -> None:
    """Draft a social post for an article or a story (ITEM: an article id, or story:ID).

    The draft has the headline (or evidence sentence), the handles on that platform (from the
    registry; none is invented) of the automakers the story is about (never of one it only
    mentions in passing), the topics' hashtags and the link, within the platform's length rule.
    An automaker with no handle known on that platform is named in plain text, and a note on
    standard error says so ("note: No Bluesky handle known for BYD"). The draft is printed, its
    length and notes go to standard error, and it is saved (the review page's article view lists
    and edits the drafts).

    \b
    Example:
        chargewatch post 42 --platform x
        chargewatch post story:17 --platform bluesky --use evidence
    """
    from nlp.handles import HandleError
    from nlp.registry import load_registry
    from nlp.taxonomy import load_taxonomy
    from storage.digests import save_draft
    from storage.articles import resolve_item
    from storage.review import article_view

    from ..outputs.posts import draft_for
    from ..web.auth import os_user

    db = existing_db(db_path)
    kind, number = item
    written = f"{kind}:{number}" if kind else str(number)
    article_id = resolve_item(db, written)
    if article_id is None:
        click.echo(f"no article or story {written!r} in {printable(db_path)}", err=True)
        sys.exit(1)
    try:
        registry = load_registry()
    except HandleError as exc:  # a handle with no source or in the wrong form: the registry is configuration
        raise ConfigError(str(exc)) from None
    draft = draft_for(article_view(db, article_id), platform, registry=registry, topics=load_taxonomy(), use=use)
    save_draft(db, article_id, platform, draft.text, os_user())
    click.echo(printable(draft.text, lines=True))
    click.echo(f"{platform}: {draft.length} of {draft.limit}" + (" (trimmed)" if draft.trimmed else ""), err=True)
    for note in draft.notes:  # what the draft could not do: no handle known, a mention left out for length
        click.echo(f"note: {printable(note)}", err=True)


@click.command("export")
@click.option("--format", "fmt", type=click.Choice(["csv", "jsonl"]), default="csv", show_default=True)
@click.option("--links", is_flag=True, help="Export the supply links (nlp/data/supply_links.yaml) instead of "
              "coverage: supplier and automaker (id and name), material, kind, since, verified, source, seen, "
              "note. Takes --automaker; no database is read.")
@click.option("--chain", is_flag=True, help="Export chain reach instead of coverage: one row per automaker and story "
              "that reaches it through a linked supplier it names (the links in force: the file's with the staff's "
              "changes), with the suppliers, the links' materials, kinds and sources, whether all are verified and "
              "whether the story names the automaker too. Takes --automaker, --since and --until.")
@click.option("--summary", is_flag=True, help="With --chain: one row per automaker instead (stories about it, "
              "mentioning it, reaching it only through its suppliers, by material).")
@click.option("--per", type=click.Choice(["story", "article"]), default="story", show_default=True,
              help="One row per story (its copies' sources in also_in) or per article.")
@click.option("--automaker", help="Only stories about this automaker id (see --mentions).")
@click.option("--topic", help="Only stories about this topic id (see --mentions).")
@click.option("--mentions", is_flag=True, help="With --automaker or --topic: also the stories that only mention it "
              "in passing.")
@click.option("--source", help="Only stories with a copy from this source.")
@click.option("--since", type=WHEN, help="Only stories first published on or after WHEN (--per article: articles "
              "published then): 2026-01-01, 2026-01-01T08:00Z, 7d, 24h, today, yesterday.")
@click.option("--until", type=WHEN, help="Only up to WHEN, inclusive (a date: to its end).")
@click.option("--out", "out_path", type=click.Path(dir_okay=False), help="Write here instead of standard output.")
@db_option
@click.pass_context
def export_cmd(ctx: click.Context, fmt: str, links: bool, chain: bool, summary: bool, per: str, automaker: str | None,
               topic: str | None, mentions: bool, source: str | None, since: str | None, until: str | None,
               out_path: str | None, db_path: str) -> None:
    """Export tagged coverage for a spreadsheet (CSV) or a script (JSON Lines), tags and
    evidence included; "subjects" lists the tags each story is about (the others it only
    mentions in passing). --automaker and --topic take the stories about the tag; with
    --mentions also those that only mention it.

    With --links it writes the supply links instead (who supplies which automaker with what, with
    each link's public source and date, and whether the source itself states it), for the
    leaderboard's research; --automaker keeps one automaker's links.

    With --chain it writes chain reach: a row for each automaker a story reaches through a
    supplier it names and that is linked to the automaker (via, the links' materials, kinds and
    sources, verified when every link used is, direct when the story names the automaker too);
    --summary adds it up per automaker (about, mentioning, chain only, by material).

    \b
    Example:
        chargewatch export --format csv --automaker tesla --since 2026-01-01 > tesla.csv
        chargewatch export --format csv --automaker tesla --mentions > tesla-all.csv
        chargewatch export --format jsonl --per article --topic deep-sea-mining
        chargewatch export --links --out links.csv
        chargewatch export --links --automaker ford --format jsonl
        chargewatch export --chain --automaker ford --since 2026-01-01 --out ford-chain.csv
        chargewatch export --chain --summary --format jsonl
    """
    if links and chain:
        raise click.UsageError("--links and --chain are two different exports: give one of them")
    if summary and not chain:
        raise click.UsageError("--summary applies to --chain only")
    if links:
        _export_links(ctx, fmt, automaker, out_path)
        return
    if chain:
        _export_chain(ctx, fmt, summary, automaker, since, until, out_path, db_path)
        return
    from storage.export import export_articles, export_stories
    from storage.review import Filters

    from ..outputs.exchange import EXPORT_ARTICLE_COLUMNS, EXPORT_STORY_COLUMNS, to_csv, to_jsonl

    db = readonly_db(db_path)
    for option, value in (("--automaker", automaker), ("--topic", topic), ("--source", source)):
        check_choice(db, option, value)
    try:
        filters = Filters(automaker=automaker, topic=topic, source=source, since=since, until=until, status=None,
                          mentions=mentions)
    except ValueError as exc:
        raise click.BadParameter(str(exc)) from None
    rows = export_stories(db, filters) if per == "story" else export_articles(db, filters)
    columns = EXPORT_STORY_COLUMNS if per == "story" else EXPORT_ARTICLE_COLUMNS
    text = to_csv(rows, columns) if fmt == "csv" else to_jsonl(rows)
    if out_path:
        Path(out_path).write_text(text, encoding="utf-8", newline="")
        click.echo(f"{len(rows)} {per} rows written to {printable(out_path)}", err=True)
    else:
        click.echo(text, nl=False)


def _export_links(ctx: click.Context, fmt: str, automaker: str | None, out_path: str | None) -> None:
    """chargewatch export --links: the supply links with names, sources and dates (no database)."""
    from nlp.handles import HandleError
    from nlp.registry import load_registry
    from nlp.suppliers import supplier_names
    from nlp.supply_links import SupplyLinkError, links_of

    from ..outputs.exchange import EXPORT_LINK_COLUMNS, link_rows, to_csv, to_jsonl

    coverage_only = [f"--{name.replace('_', '-')}" for name in ("per", "topic", "mentions", "source", "since", "until")
                     if ctx.get_parameter_source(name) is not click.core.ParameterSource.DEFAULT]
    if coverage_only:
        verb = "applies" if len(coverage_only) == 1 else "apply"
        raise click.UsageError(f"{', '.join(coverage_only)} {verb} to coverage, not to supply links: with --links "
                               "only --automaker, --format and --out apply")
    try:
        registry = load_registry()
        names = supplier_names()
        chosen = links_of(automaker=automaker)
    except (HandleError, SupplyLinkError, ValueError) as exc:  # the registries are configuration
        raise ConfigError(str(exc)) from None
    automakers = {a.id: a.name for a in registry.automakers}
    if automaker is not None and automaker not in automakers:
        raise click.BadParameter(f"{printable(automaker)!r} is not an automaker id of nlp/data/automakers.yaml",
                                 param_hint="--automaker")
    rows = link_rows(chosen, names, automakers)
    text = to_csv(rows, EXPORT_LINK_COLUMNS) if fmt == "csv" else to_jsonl(rows)
    if out_path:
        Path(out_path).write_text(text, encoding="utf-8", newline="")
        click.echo(f"{len(rows)} supply links written to {printable(out_path)}", err=True)
    else:
        click.echo(text, nl=False)


def _export_chain(ctx: click.Context, fmt: str, summary: bool, automaker: str | None, since: str | None,
                  until: str | None, out_path: str | None, db_path: str) -> None:
    """chargewatch export --chain [--summary]: the stories reaching automakers through their
    suppliers (monitor.outputs.chain), from the database and the links in force."""
    from nlp.handles import HandleError
    from nlp.registry import load_registry
    from nlp.suppliers import supplier_names
    from nlp.supply_links import SupplyLinkError
    from storage.chain import named_counts, reached_stories

    from ..outputs.chain import EXPORT_CHAIN_COLUMNS, EXPORT_CHAIN_SUMMARY_COLUMNS, chain_rows, chain_summary, write_rows
    from ..supply_state import effective_links

    not_chain = [f"--{name}" for name in ("per", "topic", "mentions", "source")
                 if ctx.get_parameter_source(name) is not click.core.ParameterSource.DEFAULT]
    if not_chain:
        verb = "applies" if len(not_chain) == 1 else "apply"
        raise click.UsageError(f"{', '.join(not_chain)} {verb} to coverage, not to chain reach: with --chain only "
                               "--automaker, --since, --until, --summary, --format and --out apply")
    db = readonly_db(db_path)
    check_choice(db, "--automaker", automaker)
    try:
        registry = load_registry()
        names = supplier_names()
        links = effective_links(db)  # the file's links with the staff's changes, as the review page reads them
    except (HandleError, SupplyLinkError, ValueError) as exc:  # the registries are configuration
        raise ConfigError(str(exc)) from None
    suppliers = [link.supplier for link in links if automaker is None or link.automaker == automaker]
    automakers = [(a.id, a.name) for a in registry.automakers if automaker is None or a.id == automaker]
    # a row at a time from the stories to the file: a large archive's export holds a batch, not all
    rows = chain_rows(reached_stories(db, suppliers, since=since, until=until), links, dict(automakers), names,
                      automaker)
    what, columns = "chain reach rows", EXPORT_CHAIN_COLUMNS
    if summary:
        rows = chain_summary(rows, named_counts(db, since=since, until=until), automakers)
        what, columns = "automakers", EXPORT_CHAIN_SUMMARY_COLUMNS
    if out_path:
        with open(out_path, "w", encoding="utf-8", newline="") as out:
            n = write_rows(rows, columns, fmt, out.write)
        click.echo(f"{n} {what} written to {printable(out_path)}", err=True)
    else:
        write_rows(rows, columns, fmt, lambda text: click.echo(text, nl=False))


for _command in (digest, post, export_cmd):
    main.add_command(_command)
