"""The supply links in force: the data file's (nlp/data/supply_links.yaml) with every change staff
made on the review page replayed over them (storage.supply.staff_links).

One function every reader of links calls (the map and table, the supplier pages, chain reach),
so that a link staff retired disappears everywhere at once and one they confirmed is drawn
solid everywhere. The rules, per (supplier, automaker, material, kind):
- retired by staff: gone, whatever the file says (until staff add or confirm it again);
- confirmed by staff: the file's link, marked verified;
- added by staff (or a confirmed proposal): a link whose source is what staff gave (the
  article's URL for a proposal), verified when staff said the source states the deal (a
  confirmed proposal always: its article states it) or confirmed it later; its note begins
  "added by NAME" so every table shows who; a file link of the same key is replaced by it.
"""

from __future__ import annotations

from dataclasses import replace

from sqlite_utils import Database

from nlp.supply_links import SupplyLink, load_links, reach
from nlp.tags import Tags
from storage.clock import from_iso
from storage.supply import StaffLinks, staff_links


def apply_staff(links, staff: StaffLinks) -> tuple[SupplyLink, ...]:
    """``links`` (the file's, or a test's) with the staff's changes applied."""
    added = {c.key: c for c in staff.added}
    out = []
    for link in links:
        key = (link.supplier, link.automaker, link.material, link.kind)
        if key in staff.retired or key in added:
            continue
        out.append(replace(link, verified=True) if key in staff.confirmed and not link.verified else link)
    for key, change in added.items():
        when = from_iso(change.at)
        out.append(SupplyLink(supplier=change.supplier, automaker=change.automaker, material=change.material,
                              kind=change.kind, source=change.source or f"added by {change.by}",
                              seen=when.date().isoformat() if when else change.at,
                              verified=change.verified or key in staff.confirmed, note=added_note(change)))
    return tuple(out)


def added_note(change) -> str:
    """A staff link's note: who added it, then what they wrote ("added by ana: five-year contract")."""
    return f"added by {change.by}" + (f": {change.note}" if change.note else "")


def effective_links(db: Database, links=None) -> tuple[SupplyLink, ...]:
    """The links in force: ``links`` (default: the data file's, nlp.supply_links.load_links) with
    the staff's changes stored in ``db`` applied."""
    return apply_staff(load_links() if links is None else links, staff_links(db))


def with_links(tags: Tags, links) -> Tags:
    """``tags`` (nlp's, whose reach is the data file's links) with each supplier's automakers and
    the supply chain worked out again from ``links`` (the links in force: ``effective_links``),
    by the tagger's rules (nlp.supplier_mentions.supplier_tags): an automaker the text names is
    not reached through its chain; the chain lists the automakers reached through most suppliers
    first, then by the first supplier's rank, then by id."""
    if not tags.suppliers:
        return tags
    found = reach(tags.supplier_ids(), links)
    linked: dict[str, list[str]] = {}
    for automaker, via in found.items():
        for sid in via:
            linked.setdefault(sid, []).append(automaker)
    suppliers = tuple(replace(t, linked=tuple(sorted(linked.get(t.id, ())))) for t in tags.suppliers)
    rank = {t.id: n for n, t in enumerate(suppliers)}
    direct = set(tags.automaker_ids())
    chain = sorted(((a, tuple(sorted(via, key=rank.__getitem__))) for a, via in found.items() if a not in direct),
                   key=lambda c: (-len(c[1]), rank[c[1][0]], c[0]))
    return replace(tags, suppliers=suppliers, supply_chain=tuple(chain))
