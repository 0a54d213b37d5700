"""chargewatch evaluate: the tagger's precision, recall and about/mention accuracy on a labelled
set of real text, so anyone who labels passages can measure the tagger on them."""

from __future__ import annotations

import click

from ..terminal import json_text, printable
from .group import main


@click.command("evaluate")
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False))
@click.option("--split", is_flag=True, help="Show the dev and held-out parts beside all (a third of the ids, "
              "by a hash of each id, is held out: the split `make bench` uses for ../shared/data/real-passages).")
@click.option("--errors", is_flag=True, help="List the false positives (with what each was found by and its "
              "evidence), the misses and the role errors; with --split, the dev part's only.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON: each part's figures and per-label scores.")
def evaluate(files: tuple[str, ...], split: bool, errors: bool, as_json: bool) -> None:
    """Score the tagger on labelled passages: per-label precision and recall, micro totals for
    automakers and topics, and the accuracy of each automaker's role (subject or mention).

    FILES are JSON lines in the format of ../shared/data/real-passages (README.md there): "id",
    "text", "brands" as written (or "automakers" as group ids), "topics", "optional_brands",
    "optional_topics" and "about" (the groups the passage is about; roles are scored only on
    passages that have it). An optional label is neither a hit nor a false positive. Several
    files are scored as one set.

    \b
    Example:
        chargewatch evaluate ../shared/data/real-passages/passages.jsonl --split
        chargewatch evaluate my-labels.jsonl --errors
        chargewatch evaluate my-labels.jsonl --json | jq '.parts.all.topics'
    """
    from nlp import default_tagger
    from nlp.evaluate import DEV, HELDOUT, brand_table, read_labelled, score_real, tag_passages
    from nlp.evaluate_text import error_lines, figures, summary_lines, table
    from nlp.registry import load_registry
    from nlp.taxonomy import load_taxonomy

    topic_ids = {t.id for t in load_taxonomy()}
    group_ids = {a.id for a in load_registry().automakers}
    passages: list[dict] = []
    for name in files:
        try:
            passages.extend(read_labelled(name, topic_ids, group_ids))
        except ValueError as exc:
            raise click.ClickException(printable(exc, lines=True)) from None
    ids = [str(p["id"]) for p in passages]
    if len(set(ids)) != len(ids):
        twice = sorted({i for i in ids if ids.count(i) > 1})
        raise click.ClickException(f"ids used in more than one file: {', '.join(twice[:10])}")
    brands = brand_table()
    tags = tag_passages(default_tagger(), passages)
    parts = (DEV, HELDOUT, "all") if split else ("all",)
    reports = {part: score_real(passages, tags, None if part == "all" else part, brands) for part in parts}
    unmapped = reports["all"].unmapped
    shown = reports[DEV] if split else reports["all"]
    if as_json:
        out = {"files": list(files), "passages": len(passages),
               "parts": {part: figures(r, per_label=True) for part, r in reports.items()},
               "unmapped_brands": [{"id": pid, "brand": name} for pid, name in unmapped]}
        if errors:
            out["errors"] = {"part": shown.part, "tags": shown.errors, "roles": shown.role_errors}
        click.echo(json_text(out, indent=2))
        return
    if unmapped:
        click.echo(f"warning: {len(unmapped)} brand labels name no automaker group and are not scored: "
                   + ", ".join(f"{pid} {name!r}" for pid, name in unmapped), err=True)
    click.echo(printable(table(reports), lines=True))
    click.echo()
    for line in summary_lines(reports, "passages", subjects=True):
        click.echo(printable(line))
    if errors:
        click.echo()
        for line in error_lines(shown, f"{shown.part} " if split else ""):
            click.echo(printable(line))


main.add_command(evaluate)
