"""Chain reach as rows (``chargewatch export --chain``), for the leaderboard's research: which
stories reach which automaker through which suppliers, by which links (material, kind, whether
verified, source), and, with ``--summary``, how that adds up per automaker.

Storage gives the stories that name the suppliers (storage.chain.reached_stories); the links in
force (monitor.supply_state.effective_links) tie them to automakers here, with nlp.supply_links'
``reach``, the function the review page's chips use, so the export and the pages agree.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping
from itertools import islice
from typing import Callable

from nlp.supply_links import reach

from .exchange import to_csv, to_jsonl

# one row per (automaker, story) the story reaches through a linked supplier it names
EXPORT_CHAIN_COLUMNS = ("automaker", "automaker_name", "story_id", "title", "url", "source", "published", "via",
                        "via_names", "materials", "kinds", "verified", "direct", "direct_role", "topics",
                        "link_sources")
# one row per automaker (--summary)
EXPORT_CHAIN_SUMMARY_COLUMNS = ("automaker", "automaker_name", "about", "mentioning", "chain_only",
                                "chain_only_verified", "chain_and_named", "by_material")


def _once(values: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(v for v in values if v))


def chain_rows(stories: Iterable, links, automaker_names: Mapping[str, str], supplier_names: Mapping[str, str],
               automaker: str | None = None) -> Iterator[dict]:
    """The rows of ``export --chain`` for ``stories`` (storage.chain.ReachedStory, newest first):
    for each automaker a story reaches through its suppliers (``automaker``: that one only), the
    suppliers that link it (``via``, in the story's order), the links used (every link between
    those suppliers and the automaker: their materials, kinds and sources, ``verified`` when all
    of them are) and whether the story names the automaker itself (``direct``, ``direct_role``:
    subject or mention). Lists stay lists and ``verified``/``direct`` bools: to_csv joins and
    writes yes/no, JSON Lines keeps them. A row at a time, as the stories come."""
    links = tuple(links)
    by_pair: dict[tuple[str, str], list] = defaultdict(list)
    for link in links:
        by_pair[(link.supplier, link.automaker)].append(link)
    for story in stories:
        supplier_ids = [t.tag_id for t in story.suppliers]
        for reached, via in reach(supplier_ids, links).items():
            if automaker is not None and reached != automaker:
                continue
            used = [link for s in via for link in by_pair[(s, reached)]]
            role = story.automakers.get(reached)
            yield {
                "automaker": reached, "automaker_name": automaker_names.get(reached, reached),
                "story_id": story.id, "title": story.title, "url": story.url, "source": story.source,
                "published": story.published, "via": list(via),
                "via_names": [supplier_names.get(s, s) for s in via],
                "materials": _once(link.material for link in used), "kinds": _once(link.kind for link in used),
                "verified": bool(used) and all(link.verified for link in used),
                "direct": role is not None, "direct_role": role or "", "topics": list(story.topics),
                "link_sources": _once(link.source for link in used)}


def chain_summary(rows: Iterable[dict], named: Mapping[str, tuple[int, int]], automakers: Iterable[tuple[str, str]],
                  ) -> list[dict]:
    """Per automaker (``automakers``: (id, name), in the registry's order): the stories about it
    and only mentioning it (``named``: storage.chain.named_counts over the same dates), the
    stories reaching it only through its chain (and of those, the ones whose links are all
    verified), the chain stories that name it too, and the chain-only stories per material of
    the links used ({material: stories}; a story reached through two materials counts in both)."""
    only: Counter = Counter()
    only_verified: Counter = Counter()
    both: Counter = Counter()
    materials: dict[str, Counter] = defaultdict(Counter)
    for r in rows:
        if r["direct"]:
            both[r["automaker"]] += 1
            continue
        only[r["automaker"]] += 1
        only_verified[r["automaker"]] += r["verified"]
        materials[r["automaker"]].update(r["materials"])
    return [{"automaker": a, "automaker_name": name, "about": named.get(a, (0, 0))[0],
             "mentioning": named.get(a, (0, 0))[1], "chain_only": only[a], "chain_only_verified": only_verified[a],
             "chain_and_named": both[a],
             "by_material": dict(sorted(materials[a].items(), key=lambda kv: (-kv[1], kv[0])))}
            for a, name in automakers]


def _csv_ready(row: dict) -> dict:
    """A summary's ``by_material`` as one cell ("nickel: 3; cobalt: 1"), for to_csv."""
    if isinstance(row.get("by_material"), dict):
        return {**row, "by_material": [f"{m}: {n}" for m, n in row["by_material"].items()]}
    return row


def write_rows(rows: Iterable[dict], columns: tuple[str, ...], fmt: str, write: Callable[[str], object],
               batch: int = 500) -> int:
    """``rows`` as CSV (``columns``, one header) or JSON Lines, handed to ``write`` a ``batch``
    of rows at a time (exchange.to_csv and to_jsonl, so the cells are as safe as every export's);
    the number of rows written."""
    rows = iter(rows)
    written, first = 0, True
    while True:
        chunk = [_csv_ready(r) for r in islice(rows, batch)] if fmt == "csv" else list(islice(rows, batch))
        if not chunk and not first:
            return written
        if fmt == "csv":
            text = to_csv(chunk, columns)
            write(text if first else text.split("\n", 1)[1])  # the header once
        else:
            write(to_jsonl(chunk))
        first, written = False, written + len(chunk)
        if len(chunk) < batch:
            return written
