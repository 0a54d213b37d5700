"""Moving data in and out: sources as OPML 2.0 (the format feed readers exchange), tagged coverage
as CSV or JSON Lines for spreadsheets and scripts."""

from __future__ import annotations

import csv
import io
import json
import re
import unicodedata
from dataclasses import dataclass
from email.utils import format_datetime
from urllib.parse import urlsplit

from lxml import etree
from pydantic import ValidationError

from storage import clock
from storage.articles import clean_text

from ..config import SourceSpec, compose_yaml, settings_from_yaml
from ..errors import ConfigError

# chargewatch's own settings ride on each outline as attributes readers ignore
_EXTRA = ("kind", "interval", "selector", "include", "exclude", "follow_pdfs", "enabled", "max_items")
_UNITS = ((86400, "d"), (3600, "h"), (60, "m"), (1, "s"))


def _duration(seconds: float) -> str:
    for size, unit in _UNITS:
        if seconds >= size and seconds % size == 0:
            return f"{int(seconds // size)}{unit}"
    return f"{seconds}s"


def sources_to_opml(sources: tuple[SourceSpec, ...], title: str = "chargewatch sources") -> str:
    """OPML 2.0: one outline per source (type rss for feeds, with xmlUrl), every chargewatch
    setting kept as an attribute so that importing it back gives the same sources."""
    root = etree.Element("opml", version="2.0")
    head = etree.SubElement(root, "head")
    etree.SubElement(head, "title").text = clean_text(title)
    etree.SubElement(head, "dateCreated").text = format_datetime(clock.now(), usegmt=True)
    body = etree.SubElement(root, "body")
    for s in sources:
        attrs = {"text": s.name, "title": s.name, "type": "rss" if s.kind == "feed" else "link"}
        if s.kind == "feed":
            attrs["xmlUrl"] = s.url
        else:
            attrs["url"] = s.url
        attrs["kind"] = s.kind
        attrs["interval"] = _duration(s.interval)
        if s.selector:
            attrs["selector"] = s.selector
        if s.include:
            attrs["include"] = json.dumps(list(s.include))
        if s.exclude:
            attrs["exclude"] = json.dumps(list(s.exclude))
        if s.follow_pdfs:
            attrs["follow_pdfs"] = "true"
        if not s.enabled:
            attrs["enabled"] = "false"
        if s.max_items != 100:
            attrs["max_items"] = str(s.max_items)
        # a YAML double-quoted string can hold any character ("\e" is ESC): XML cannot (lxml
        # refuses them, so they are dropped first)
        etree.SubElement(body, "outline", {k: clean_text(v) for k, v in attrs.items()})
    etree.indent(root, space="  ")
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True).decode("utf-8")


_LATIN = str.maketrans({"ß": "ss", "æ": "ae", "ø": "o", "œ": "oe", "ð": "d", "þ": "th", "ł": "l", "đ": "d",
                        "ı": "i"})


def _slug(text: str, url: str = "") -> str:
    """A source name from an outline's title: accents and Latin ligatures written in ASCII
    ("Rüber Sühne Ölkrise" -> "ruber-suhne-olkrise"), and, for a title in a
    script with no ASCII form, the feed's host name."""
    plain = unicodedata.normalize("NFKD", text.lower().translate(_LATIN))
    plain = "".join(c for c in plain if not unicodedata.combining(c))
    slug = re.sub(r"[^a-z0-9_.-]+", "-", plain).strip("-._")
    if not slug and url:
        slug = re.sub(r"[^a-z0-9_.-]+", "-", (urlsplit(url).hostname or "").removeprefix("www.")).strip("-._")
    return (slug or "source")[:64].strip("-._") or "source"


@dataclass(frozen=True)
class Imported:
    sources: tuple[dict, ...]  # as they go into feeds.yaml
    skipped: tuple[str, ...]  # outlines without a URL, or already present


def opml_to_sources(data: bytes, filename: str, existing: tuple[SourceSpec, ...] = ()) -> Imported:
    """Read an OPML file (entities off, no network) into source entries, skipping those whose
    name or URL is already configured. Nested outlines (folders) are flattened."""
    from ..errors import ParseError
    from ..parse import refuse_entities

    try:
        refuse_entities(data, filename)  # a billion laughs is refused before parsing
    except ParseError as exc:
        raise ConfigError(f"{filename}: {exc}") from None
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        raise ConfigError(f"{filename}:{exc.position[0]}: not valid OPML: {exc.msg}") from None
    if root.tag != "opml":
        raise ConfigError(f"{filename}: not OPML (the root element is <{root.tag}>)")
    names = {s.name for s in existing}
    urls = {s.url for s in existing}
    out, skipped = [], []
    for outline in root.iter("outline"):
        url = outline.get("xmlUrl") or outline.get("url")
        label = outline.get("text") or outline.get("title") or ""
        if not url:
            if len(outline):  # a folder
                continue
            skipped.append(f"{label or '(no name)'}: no xmlUrl")
            continue
        kind = outline.get("kind") or ("feed" if outline.get("xmlUrl") else "listing")
        entry: dict = {"name": _slug(label or url, url), "kind": kind, "url": url}
        for key in _EXTRA[1:]:
            value = outline.get(key)
            if value is None:
                continue
            if key in ("include", "exclude"):
                try:
                    entry[key] = json.loads(value)
                except ValueError:
                    entry[key] = [value]
            elif key in ("follow_pdfs", "enabled"):
                entry[key] = value.lower() == "true"
            elif key == "max_items":
                entry[key] = int(value) if value.isdigit() else value
            else:
                entry[key] = value
        base, n = entry["name"], 2
        while entry["name"] in names:
            if url in urls:
                break
            entry["name"] = f"{base}-{n}"[:64]
            n += 1
        if url in urls or entry["name"] in names:
            skipped.append(f"{entry['name']}: already in the sources")
            continue
        try:
            SourceSpec.model_validate(entry)
        except ValidationError as exc:  # say which outline and why, in the words of the check
            skipped.append(f"{entry['name']}: " + "; ".join(
                f"{'.'.join(str(p) for p in e['loc']) or 'outline'}: {e['msg'].removeprefix('Value error, ')}"
                for e in exc.errors()))
            continue
        names.add(entry["name"])
        urls.add(url)
        out.append(entry)
    return Imported(tuple(out), tuple(skipped))


def append_sources(feeds_text: str, filename: str, entries: tuple[dict, ...]) -> str:
    """The feeds file with the entries added at the end of its ``sources:`` list, comments and
    layout kept; validated as a whole before it is returned."""
    import yaml

    if not entries:
        return feeds_text
    node = compose_yaml(feeds_text, filename)
    keys = [k.value for k, _ in node.value] if isinstance(node, yaml.MappingNode) else []
    if keys and keys[-1] != "sources":
        raise ConfigError(f"{filename}: 'sources' must be the last section to add sources to it "
                          "(move it to the end of the file, or add them by hand)")
    block = yaml.safe_dump(list(entries), sort_keys=False, allow_unicode=True, default_flow_style=None, width=1000)
    block = "\n".join("  " + line if line else line for line in block.splitlines())
    text = feeds_text.rstrip("\n") + "\n"
    if not keys:
        text += "sources:\n"
    elif re.search(r"^sources:[ \t]*\[[ \t]*\][ \t]*(#.*)?$", text, re.M):
        text = re.sub(r"^sources:[ \t]*\[[ \t]*\][ \t]*(#.*)?$", "sources:", text, flags=re.M)
    text += block + "\n"
    settings_from_yaml(text, filename)  # raises ConfigError naming the line if anything is wrong
    return text


EXPORT_STORY_COLUMNS = ("story_id", "article_id", "first_seen", "title", "url", "source", "also_in", "kind",
                        "automakers", "topics", "subjects", "evidence", "evidence_tag", "status", "note")
EXPORT_ARTICLE_COLUMNS = ("article_id", "story_id", "published", "fetched", "title", "url", "source", "kind",
                          "language", "automakers", "topics", "subjects", "evidence", "evidence_tag")


# chargewatch export --links: one row per supply link (nlp/data/supply_links.yaml), names beside ids
EXPORT_LINK_COLUMNS = ("supplier", "supplier_name", "automaker", "automaker_name", "material", "kind", "since",
                       "verified", "source", "seen", "note")


def link_rows(links, supplier_names: dict[str, str], automaker_names: dict[str, str]) -> list[dict]:
    """Supply links as plain rows for CSV or JSON Lines: ids with their display names, so a
    researcher's spreadsheet reads without the registries. ``verified`` stays a bool (JSON);
    to_csv writes it as yes or no."""
    return [{"supplier": link.supplier, "supplier_name": supplier_names.get(link.supplier, link.supplier),
             "automaker": link.automaker, "automaker_name": automaker_names.get(link.automaker, link.automaker),
             "material": link.material, "kind": link.kind, "since": link.since, "verified": link.verified,
             "source": link.source, "seen": link.seen, "note": link.note} for link in links]


# A spreadsheet runs a cell that starts with = + - or @ as a formula (OWASP "CSV injection"; ASVS
# 1.2.10 adds tab, CR and NUL). It also starts a new cell after whatever it takes as a separator,
# and which one that is depends on the locale and the import dialog: "," (English), ";" (Belgian,
# German, French Excel), tab or "|"; and a line break starts a new row. So "Costs;=1+1;+2+3",
# harmless as one cell of a comma-separated file, is two formulas in Excel set to ";".
_SEPARATED_FORMULA = re.compile(r"""([,;\t|\r\n][ "]*)(?=[=+\-@])""")
_FORMULA_START = re.compile(r"""[\s"]*[=+\-@]|[\t\r\n]""")


def _cell(value) -> str:
    """Text from the web must not become a spreadsheet formula, whatever separator the
    spreadsheet splits the line at: a ' goes before each =, +, - or @ that would start a cell
    after a separator, and before the whole cell when it starts with one (or with a tab or CR),
    or could be split into one. What XML cannot carry is dropped (clean_text), as everywhere."""
    if value is None:
        return ""
    text = (clean_text(str(value)) or "").replace("\r\n", "\n").replace("\r", "\n")  # a lone CR went unquoted
    guarded = _SEPARATED_FORMULA.sub(r"\1'", text)
    if guarded != text or _FORMULA_START.match(text):
        return "'" + guarded
    return text


def _flat(value):
    """A list as one cell ("a; b"); a yes/no answer as yes or no, not Python's True/False."""
    if isinstance(value, (list, tuple)):
        return "; ".join(value)
    if isinstance(value, bool):
        return "yes" if value else "no"
    return value


def to_csv(rows: list[dict], columns: tuple[str, ...]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: _cell(_flat(v)) for k, v in row.items() if k in columns})
    return out.getvalue()


# written as \uXXXX in JSON: the same text for any reader, but never raw in the file (a terminal
# acts on C1 controls and bidirectional overrides; U+2028 and U+2029 end a line in JavaScript)
_JSON_ESCAPED = re.compile("[\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def _clean(value):
    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, dict):
        return {k: _clean(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_clean(v) for v in value]
    return value


def to_jsonl(rows: list[dict]) -> str:
    """One JSON object per line; strings without what XML cannot carry (clean_text: JSON could
    escape it, but no row should hold it, and a lone surrogate cannot even be written as UTF-8)."""
    return "".join(_JSON_ESCAPED.sub(lambda m: f"\\u{ord(m.group()):04x}", json.dumps(_clean(r), ensure_ascii=False))
                   + "\n" for r in rows)
