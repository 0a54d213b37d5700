"""The supply links in force: the data file's (nlp/data/supply_links.yaml) with every change staff
made on the review page replayed over them (storage.supply.staff_links).

One function every reader of links calls (the map and table, the supplier pages, chain reach),
so that a link staff retired disappears everywhere at once and one they confirmed is drawn
solid everywhere. The rules, per (supplier, automaker, material, kind):
- retired by staff: gone, whatever the file says (until staff add or confirm it again);
- confirmed by staff: the file's link, marked verified;
- added by staff (or a confirmed proposal): a verified link whose source is what staff gave
  (the article's URL for a proposal); a file link of the same key is replaced by it.
"""

from __future__ import annotations

from dataclasses import replace

from sqlite_utils import Database

from nlp.supply_links import SupplyLink, load_links
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
    for change in added.values():
        when = from_iso(change.at)
        out.append(SupplyLink(supplier=change.supplier, automaker=change.automaker, material=change.material,
                              kind=change.kind, source=change.source or f"added by {change.by}",
                              seen=when.date().isoformat() if when else change.at, verified=True,
                              note=change.note))
    return tuple(out)


def effective_links(db: Database, links=None) -> tuple[SupplyLink, ...]:
    """The links in force: ``links`` (default: the data file's, nlp.supply_links.load_links) with
    the staff's changes stored in ``db`` applied."""
    return apply_staff(load_links() if links is None else links, staff_links(db))
