"""How a scored labelled set is shown: the per-label table with parts side by side, each part's
figures as a plain dict (for JSON), and the errors as lines. One rendering for `make bench`
(benchmarks/realtext.py) and `chargewatch evaluate`, so both print the same table. Pure: takes
``RealReport``s from ``nlp.evaluate.score_real`` and returns text or dicts."""

from __future__ import annotations

import textwrap


def cell(score) -> str:
    """P, R and tp/fp/fn of one score, or blanks for a label a part does not have."""
    if score is None:
        return f"{'':6} {'':6} {'':>11}"
    return f"{score.precision:6.3f} {score.recall:6.3f} {f'{score.tp}/{score.fp}/{score.fn}':>11}"


def table(reports: dict) -> str:
    """One row per label, the parts (``reports``' keys, in order) side by side, then the totals."""
    parts = list(reports)
    labels = sorted({k for r in reports.values() for k in r.per_label}, key=lambda x: (x.split(":")[0], x))
    head = " | ".join(f"{name:^25}" for name in parts)
    lines = [f"{'':28} {'':9} | {head}",
             f"{'label':28} {'kind':9} | " + " | ".join(f"{'P':>6} {'R':>6} {'tp/fp/fn':>11}" for _ in parts)]
    for label in labels:
        kind, name = label.split(":", 1)
        lines.append(f"{name:28} {kind:9} | " + " | ".join(cell(reports[p].per_label.get(label)) for p in parts))
    for kind in ("automakers", "topics"):
        lines.append(f"{'ALL ' + kind:28} {'micro':9} | " + " | ".join(cell(getattr(reports[p], kind)) for p in parts))
    return "\n".join(lines)


def summary_lines(reports: dict, unit: str, subjects: bool = False) -> list[str]:
    """Each part's automaker and topic P/R, then its role accuracy."""
    lines = [f"{name:8} {r.passages:4} {unit}: automakers P {r.automakers.precision:.3f} R {r.automakers.recall:.3f}; "
             f"topics P {r.topics.precision:.3f} R {r.topics.recall:.3f}" for name, r in reports.items()]
    for name, r in reports.items():
        role = r.role
        subject = f"; subject P {role.subject.precision:.3f} R {role.subject.recall:.3f}" if subjects else ""
        lines.append(f"{name:8} role accuracy {role.accuracy:.3f} ({role.correct} of {role.total} labelled "
                     f"automakers; {role.untagged} not tagged){subject}")
    return lines


def _score(s) -> dict:
    return {"precision": round(s.precision, 3), "recall": round(s.recall, 3), "tp": s.tp, "fp": s.fp, "fn": s.fn}


def figures(report, per_label: bool = False) -> dict:
    """One part's figures as JSON-ready numbers (with the per-label scores when asked)."""
    role = report.role
    out = {"passages": report.passages, "automakers": _score(report.automakers), "topics": _score(report.topics),
           "role": {"accuracy": round(role.accuracy, 3), "correct": role.correct, "total": role.total,
                    "untagged": role.untagged, "subject_precision": round(role.subject.precision, 3),
                    "subject_recall": round(role.subject.recall, 3)}}
    if per_label:
        out["per_label"] = {k: _score(v) for k, v in sorted(report.per_label.items())}
    return out


def quote(text: str, width: int = 110, indent: str = "        ") -> str:
    return textwrap.fill(" ".join(str(text).split()), width=width, initial_indent=indent, subsequent_indent=indent)


def error_lines(report, label: str = "", notes: dict | None = None, id_width: int | None = None) -> list[str]:
    """The part's false positives (what each was found by and its evidence), misses (the passage,
    or its label's note when ``notes`` has one) and role errors, as indented lines; ids cut to
    ``id_width`` characters (the news pages' 64-digit ids)."""
    errors = [dict(e, id=str(e["id"])[:id_width]) for e in report.errors]
    notes = {str(k)[:id_width]: v for k, v in notes.items()} if notes else None
    fps = [(e, tag) for e in errors for tag in e["extra"]]
    misses = [(e, tag) for e in errors for tag in e["missing"]]
    lines = [f"{label}false positives ({len(fps)}; each with what it was found by and its evidence sentence):"]
    for e, tag in fps:
        cues = ", ".join(e.get("cues", {}).get(tag, ()))
        lines.append(f"  {e['id']} +{e['kind']} {tag} [{cues}]: {' '.join(str(e['evidence'].get(tag, '')).split())!r}")
    lines.append(f"{label}misses ({len(misses)}; each with its {'note' if notes else 'passage'}):")
    for e, tag in misses:
        lines.append(f"  {e['id']} -{e['kind']} {tag}" + (f": {notes.get(e['id'], '')}" if notes else ""))
        if not notes:
            lines.extend(quote(e["text"]).splitlines())
    lines.append(f"{label}role errors ({len(report.role_errors)}; role given, and the passage's `about`):")
    for e in report.role_errors:
        lines.append(f"  {str(e['id'])[:id_width]} {e['automaker']}: role {e['role'] or 'none (not tagged)'}, about {e['about']}")
    return lines
