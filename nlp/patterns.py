"""Small helpers for the data files: brace expansion of phrases."""

from __future__ import annotations

import re

_BRACES = re.compile(r"\{([^{}]*)\}")


def expand(phrase: str) -> list[str]:
    """'decarboni{s,z}e' -> ['decarbonise', 'decarbonize']; one empty alternative allowed ("cell{s,}").

    A comma separates alternatives, so none can hold one: "{,, and}" meant ", or and" but
    gave "" and " and", and the phrases it was written for never matched "batteries, solar
    cells". Two empty alternatives are refused (write the phrase once per separator)."""
    m = _BRACES.search(phrase)
    if not m:
        return [" ".join(phrase.split())]
    alternatives = m.group(1).split(",")
    if alternatives.count("") > 1:
        raise ValueError(f"{phrase!r}: {{{m.group(1)}}} has two empty alternatives; a comma cannot be an "
                         "alternative (write the phrase once with it, once without)")
    out: list[str] = []
    for alt in alternatives:
        out.extend(expand(phrase[: m.start()] + alt + phrase[m.end():]))
    seen: dict[str, None] = {}
    for p in out:
        if p:
            seen.setdefault(p, None)
    return list(seen)


def expand_all(phrases) -> list[str]:
    out: dict[str, None] = {}
    for phrase in phrases or ():
        for p in expand(str(phrase)):
            out.setdefault(p, None)
    return list(out)
