"""chargewatch tags, tag, retag and corrections: the automakers and topics, and the tagger."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click
from rich.table import Table

from nlp.tags import Tags

from ..errors import DatabaseError
from ..terminal import json_text, printable, term
from .group import main
from .options import WHEN, db_option, readonly_db, remember_db
from .render import console, progress_bar


@click.command("tags")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
@click.option("--counts", is_flag=True, help="Also count the stories in the database (--db) about each automaker and "
              "topic, and those that only mention it in passing.")
@click.option("--since", type=WHEN, help="With --counts: only stories first published on or after WHEN: 2026-11-01, "
              "2026-11-01T08:00Z, 7d, 24h, today, yesterday.")
@db_option
def tags(as_json: bool, counts: bool, since: str | None, db_path: str) -> None:
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

        db = readonly_db(db_path)
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
    console().print(table)


@click.command("tag")
@click.argument("files", nargs=-1, type=click.Path(dir_okay=False, allow_dash=True))
@click.option("--db", "db_path", type=click.Path(dir_okay=False), callback=remember_db,
              help="Reach suppliers' automakers through the links in force in this database (the data file's "
                   "with the changes staff made on the review page) instead of the data file's alone.")
def tag(files: tuple[str, ...], db_path: str | None) -> None:
    """Tag texts: one JSON object per input (standard input when no file), one per line.

    Each object has "automakers" and "topics", lists of tags with id, name, evidence, mentions,
    salience and role ("subject" when the text is about it, "mention" when it only names it in
    passing); automakers also list the brands named. "suppliers" lists the suppliers named
    (nlp/data/suppliers.yaml: id, name, evidence, salience, role, and the automaker groups each
    is linked to in nlp/data/supply_links.yaml), and "supply_chain" the automakers the text
    reaches only through those suppliers ({"automaker": id, "via": [supplier ids]}). An empty
    input gives empty lists; a binary or unreadable input gives empty lists, an "error" key and
    a message on stderr. A first line of its own before a blank line, short and with no final
    punctuation, is read as the headline: evidence comes from the body below it when the body
    proves the tag. With --db, the suppliers' automakers and the supply chain come from the
    links in force there: a link staff confirmed on the review page counts, one they retired
    does not.

    \b
    Example:
        chargewatch tag article.txt another.txt
        echo "Volvo Cars will buy fossil-free steel." | chargewatch tag
        chargewatch tag --db chargewatch.db article.txt
    """
    from nlp import default_tagger
    from nlp.sentences import leading_title

    from ..fetch.charset import decode_text

    links = _links_in_force(db_path) if db_path else None
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
        # a headline on a line of its own is the title, as a fetched article's is
        title, body = leading_title(text) or (None, text)
        tagged = default_tagger().tag(body, title) if text.strip() else None
        if tagged is not None and links is not None:
            from ..supply_state import with_links

            tagged = with_links(tagged, links)
        out = (tagged or Tags()).to_dict()
        click.echo(json.dumps(out, ensure_ascii=False))
    if failed:
        sys.exit(1)


def _links_in_force(db_path: str):
    """The supply links in force in the database (monitor.supply_state.effective_links); read once,
    before any text, so a missing or unusable database stops the command at once."""
    from ..supply_state import effective_links

    db = readonly_db(db_path)
    try:
        return effective_links(db)
    finally:
        db.close()


def _tag_error(name: str, message: str) -> None:
    label = "standard input" if name == "-" else name
    click.echo(f"chargewatch tag: {printable(label)}: {printable(message)}", err=True)
    click.echo(json.dumps({**Tags().to_dict(), "error": f"{label}: {message}"}))


@click.command()
@db_option
@click.option("--processes", type=click.IntRange(1, 16), default=2, show_default=True,
              help="Tagging processes.")
def retag(db_path: str, processes: int) -> None:
    """Re-tag every stored article after the automaker registry or topic taxonomy changed.

    Tags added or removed by staff are kept; only the tagger's own tags are replaced.

    \b
    Example:
        chargewatch retag --db chargewatch.db
    """
    from storage import open_db

    from ..retag import retag as run_retag
    from ..retag import total_articles

    if not Path(db_path).exists():
        raise DatabaseError(f"{db_path}: no such database")
    db = open_db(db_path)
    total = total_articles(db)
    with progress_bar("retagging") as bar:
        task = bar.add_task("articles", total=total)
        done = run_retag(db, processes=processes, progress=lambda n: bar.advance(task, n))
    click.echo(f"retagged {done:,} articles")


@click.command()
@db_option
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

    for row in corrections_export(readonly_db(db_path)):
        click.echo(json.dumps(row, ensure_ascii=False))


for _command in (tags, tag, retag, corrections):
    main.add_command(_command)
